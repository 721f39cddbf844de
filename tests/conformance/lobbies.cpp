// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// Lobbies, hydration, replay and unknown frames: statements 108-114 (wire-protocol §3.8,
// §12.3, §14, §15).
#include "tst_conformance.h"

#include <QtCore/QJsonDocument>

using namespace Qt::StringLiterals;
using NoLagTest::RawConnection;

namespace {

// Lobby "lobby-a" (internal id "lobby-internal-1") holds rooms s108 and s111.
const QString lobbySlug = u"lobby-a"_s;
const QString lobbyInternalId = u"lobby-internal-1"_s;

QVariantMap lobbyFrame(const QString &type, const QString &lobby)
{
    return {{u"type"_s, type}, {u"lobbyId"_s, lobby}};
}

} // namespace

void tst_Conformance::lobbiesHydrationReplayUnknown_data()
{
    auto lobbyOf = [](const QString &token, const QString &lobby) {
        return QVariantMap{{u"token"_s, token}, {u"lobby"_s, lobby}};
    };

    addRows({
        {"108 lobbySubscribed maps each member room slug to actor id -> entry",
         &tst_Conformance::lobbySubscribed},
        {"109 lobbySubscribe of an unknown lobby yields exactly not_authorized with lobbyId",
         &tst_Conformance::lobbyNotAuthorized, lobbyOf(Tokens::alice, u"lobby-zzz"_s)},
        {"109 lobbySubscribe of a lobby not granted to the actor yields not_authorized",
         &tst_Conformance::lobbyNotAuthorized, lobbyOf(Tokens::alice, u"lobby-b"_s)},
        {"109 lobbySubscribe of lobby-a by an actor without lobby grants: not_authorized",
         &tst_Conformance::lobbyNotAuthorized, lobbyOf(Tokens::carol, lobbySlug)},
        {"110 lobbyUnsubscribe after lobbySubscribe yields exactly lobbyUnsubscribed",
         &tst_Conformance::lobbyUnsubscribed, u"subscribed"_s},
        {"110 lobbyUnsubscribe without lobbySubscribe yields lobbyUnsubscribed",
         &tst_Conformance::lobbyUnsubscribed, u"never"_s},
        {"110 lobbyUnsubscribe of an unknown lobby yields lobbyUnsubscribed",
         &tst_Conformance::lobbyUnsubscribed, u"unknown"_s},
        {"111 presence in a member room produces lobbyPresence join, update and leave",
         &tst_Conformance::lobbyPresenceEvents},
        {"§14 getLobbyPresence yields lobbyPresenceList with the same snapshot shape",
         &tst_Conformance::lobbyPresenceList},
        {"112 a subscribe with a hydration webhook is followed by hydration (bare topic)",
         &tst_Conformance::hydration},
        {"113 replay is framed by replayStart {count} and replayEnd {replayed}",
         &tst_Conformance::replayFraming},
        {"114 an authenticated frame with an unknown type gets no reply",
         &tst_Conformance::unknownFrameIgnored,
         QVariantMap{{u"type"_s, u"frobnicate"_s}, {u"topic"_s, chatTopic(u"s114"_s)}}},
        {"§3.8 a map without type gets no reply", &tst_Conformance::unknownFrameIgnored,
         QVariantMap{{u"topic"_s, chatTopic(u"s114"_s)}}},
        {"§2.1 a value that is not a map (an array) gets no reply",
         &tst_Conformance::unknownFrameIgnored, QByteArray::fromHex("93010203")},
        {"§2.1 a value that is not a map (a str) gets no reply",
         &tst_Conformance::unknownFrameIgnored, QByteArray::fromHex("a568656c6c6f")},
        {"§3.8 subscribe without topic is ignored", &tst_Conformance::incompleteFrameIgnored,
         QVariantMap{{u"type"_s, u"subscribe"_s}}},
        {"§3.8 publish without topic is ignored", &tst_Conformance::incompleteFrameIgnored,
         QVariantMap{{u"type"_s, u"publish"_s}, {u"data"_s, 1}, {u"msgRef"_s, u"r"_s}}},
        {"§3.8 setFilters without filters is ignored", &tst_Conformance::incompleteFrameIgnored,
         QVariantMap{{u"type"_s, u"setFilters"_s}, {u"topic"_s, chatTopic(u"s114"_s)}}},
        {"§3.8 presence without data is ignored", &tst_Conformance::incompleteFrameIgnored,
         QVariantMap{{u"type"_s, u"presence"_s}, {u"roomId"_s, u"s114"_s}}},
    });
}

void tst_Conformance::lobbySubscribed(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    const QVariantMap state{{u"at"_s, u"desk"_s}};
    REQUIRE(joinRoom(bob, u"actor-bob"_s, u"s108"_s, state));

    alice->sendFrame(lobbyFrame(u"lobbySubscribe"_s, lobbySlug));
    const QVariantMap reply = takeReply(alice, u"lobbySubscribed"_s);
    QVERIFY2(!reply.isEmpty(), "no lobbySubscribed reply");

    const QVariant joinedAt = reply.value(u"presence"_s)
                                  .toMap()
                                  .value(u"s108"_s)
                                  .toMap()
                                  .value(u"actor-bob"_s)
                                  .toMap()
                                  .value(u"joinedAt"_s);
    QVERIFY2(Conformance::isInteger(joinedAt), qPrintable(Conformance::describe(reply)));
    const QVariantMap bobEntry{
        {u"actorTokenId"_s, u"actor-bob"_s}, {u"presence"_s, state}, {u"joinedAt"_s, joinedAt}};
    COMPARE_EXACT(QVariant(reply),
                  QVariant(QVariantMap{
                      {u"type"_s, u"lobbySubscribed"_s},
                      {u"lobbyId"_s, lobbySlug},
                      {u"presence"_s,
                       QVariantMap{{u"s108"_s, QVariantMap{{u"actor-bob"_s, bobEntry}}},
                                   {u"s111"_s, QVariantMap()}}},
                  }));
}

void tst_Conformance::lobbyNotAuthorized(const QVariant &argument)
{
    const QString lobby = argument.toMap().value(u"lobby"_s).toString();
    RawConnection *actor = peer(argument.toMap().value(u"token"_s).toString());
    REQUIRE(actor);

    actor->sendFrame(lobbyFrame(u"lobbySubscribe"_s, lobby));
    const auto reply = takeFrame(actor, [](const RawConnection::Frame &f) {
        return f.type() == u"lobbySubscribed"_s || f.type() == u"error"_s;
    });
    QVERIFY2(reply, "no reply to lobbySubscribe");
    COMPARE_EXACT(QVariant(reply->map),
                  QVariant(QVariantMap{{u"type"_s, u"error"_s},
                                       {u"error"_s, u"not_authorized"_s},
                                       {u"lobbyId"_s, lobby}}));
}

void tst_Conformance::lobbyUnsubscribed(const QVariant &argument)
{
    const QString mode = argument.toString();
    const QString lobby = mode == u"unknown"_s ? u"lobby-zzz"_s : lobbySlug;
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    if (mode == u"subscribed"_s) {
        alice->sendFrame(lobbyFrame(u"lobbySubscribe"_s, lobby));
        QVERIFY(!takeReply(alice, u"lobbySubscribed"_s).isEmpty());
    }
    alice->sendFrame(lobbyFrame(u"lobbyUnsubscribe"_s, lobby));
    COMPARE_EXACT(QVariant(takeReply(alice, u"lobbyUnsubscribed"_s)),
                  QVariant(lobbyFrame(u"lobbyUnsubscribed"_s, lobby)));
}

void tst_Conformance::lobbyPresenceEvents(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    alice->sendFrame(lobbyFrame(u"lobbySubscribe"_s, lobbySlug));
    QVERIFY(!takeReply(alice, u"lobbySubscribed"_s).isEmpty());

    auto expected = [](const QString &event, const QVariant &data) {
        return QVariant(QVariantMap{{u"type"_s, u"lobbyPresence"_s},
                                    {u"event"_s, event},
                                    {u"lobbyId"_s, lobbyInternalId},
                                    {u"roomId"_s, u"s111"_s},
                                    {u"actorId"_s, u"actor-bob"_s},
                                    {u"data"_s, data}});
    };
    const QVariantMap state{{u"x"_s, 1}};
    setPresence(bob, u"s111"_s, state);
    COMPARE_EXACT(QVariant(takeReply(alice, u"lobbyPresence"_s, u"event"_s, u"join"_s)),
                  expected(u"join"_s, state));
    COMPARE_EXACT(QVariant(takeReply(alice, u"lobbyPresence"_s, u"event"_s, u"update"_s)),
                  expected(u"update"_s, state));

    bob->close();
    COMPARE_EXACT(QVariant(takeReply(alice, u"lobbyPresence"_s, u"event"_s, u"leave"_s)),
                  expected(u"leave"_s, QVariantMap()));
}

void tst_Conformance::lobbyPresenceList(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    const QVariantMap state{{u"at"_s, u"window"_s}};
    REQUIRE(joinRoom(bob, u"actor-bob"_s, u"s108"_s, state));

    alice->sendFrame(lobbyFrame(u"getLobbyPresence"_s, lobbySlug));
    const QVariantMap reply = takeReply(alice, u"lobbyPresenceList"_s);
    QCOMPARE(Conformance::keysOf(reply),
             Conformance::sortedKeys({u"type"_s, u"lobbyId"_s, u"presence"_s}));
    COMPARE_EXACT(reply.value(u"lobbyId"_s), lobbySlug);
    const QVariantMap presence = reply.value(u"presence"_s).toMap();
    QCOMPARE(Conformance::keysOf(presence), (QStringList{u"s108"_s, u"s111"_s}));
    COMPARE_EXACT(
        presence.value(u"s108"_s).toMap().value(u"actor-bob"_s).toMap().value(u"presence"_s),
        state);
}

void tst_Conformance::hydration(const QVariant &)
{
    const QByteArray body = R"({"history":["hello"],"count":1})";
    m_webhook.setResponseBody(body);
    const qsizetype requestsBefore = m_webhook.requestBodies().size();

    RawConnection *actor = peer(Tokens::hydrated);
    REQUIRE(actor);
    REQUIRE(subscribe(actor, chatTopic(u"s112"_s)));

    const QVariantMap frame = takeReply(actor, u"hydration"_s, {}, {}, 2 * ReplyTimeoutMs);
    COMPARE_EXACT(QVariant(frame),
                  QVariant(QVariantMap{{u"type"_s, u"hydration"_s},
                                       {u"topic"_s, u"messages"_s},
                                       {u"data"_s, QJsonDocument::fromJson(body).toVariant()}}));

    // The webhook was asked with the documented JSON (§15).
    QCOMPARE(m_webhook.requestBodies().size(), requestsBefore + 1);
    const QVariantMap request =
        QJsonDocument::fromJson(m_webhook.requestBodies().last()).toVariant().toMap();
    QCOMPARE(Conformance::keysOf(request),
             Conformance::sortedKeys({u"actorId"_s, u"roomName"_s, u"topicName"_s, u"scope"_s}));
    COMPARE_EXACT(request.value(u"topicName"_s), u"messages"_s);
    COMPARE_EXACT(request.value(u"actorId"_s), u"actor-hydrated"_s);
}

void tst_Conformance::replayFraming(const QVariant &)
{
    // Replay is optional (§12.3). Two situations may start one: a reconnect: true auth of a
    // token whose saved subscription missed messages while it had no connection (this is how
    // nolag-local replays), and a load-balanced subscriber that advertises persistent
    // presence (the reference server with a durable store). Try both; skip if neither does.
    const QString token = restoreToken(113);
    const QString topic = chatTopic(u"s113"_s);
    RawConnection *first = peer(token);
    REQUIRE(first);
    REQUIRE(subscribe(first, topic));
    first->close();
    QVERIFY(first->waitForClosed(ReplyTimeoutMs));

    RawConnection *carol = peer(Tokens::carol);
    REQUIRE(carol);
    publishTo(carol, topic, u"missed 1"_s, {{u"msgRef"_s, u"m1"_s}});
    publishTo(carol, topic, u"missed 2"_s, {{u"msgRef"_s, u"m2"_s}});
    QVERIFY(!takeReply(carol, u"published"_s, u"msgRef"_s, u"m2"_s).isEmpty());

    auto isReplayFrame = [](const RawConnection::Frame &f) {
        return f.type() == u"replayStart"_s || f.type() == u"replayEnd"_s ||
            f.type() == u"message"_s;
    };
    RawConnection *replaying = openPeer();
    REQUIRE(replaying);
    COMPARE_EXACT(replaying->authenticate(token, 2, true).value(u"success"_s), true);
    std::optional<RawConnection::Frame> start = takeFrame(replaying, isReplayFrame, 1000);

    if (!start) {
        replaying = peer(Tokens::alice);
        REQUIRE(replaying);
        REQUIRE(
            subscribe(replaying, chatTopic(u"s113"_s, u"typing"_s), {{u"loadBalance"_s, true}}));
        setPresence(replaying, u"s113"_s, QVariantMap{{u"persistent"_s, true}});
        start = takeFrame(replaying, isReplayFrame, 1000);
    }
    if (!start) {
        QSKIP("replay is optional (§12.3) and this server started none, neither for a "
              "reconnect: true auth that missed messages nor for a load-balanced subscriber "
              "advertising persistent presence");
    }

    // replayStart {count}, then count message frames with isReplay: true, then
    // replayEnd {replayed: count}.
    COMPARE_EXACT(start->map.value(u"type"_s), u"replayStart"_s);
    QCOMPARE(Conformance::keysOf(start->map), Conformance::sortedKeys({u"type"_s, u"count"_s}));
    QVERIFY(Conformance::isInteger(start->map.value(u"count"_s)));
    const qint64 count = start->map.value(u"count"_s).toLongLong();
    for (qint64 i = 0; i < count; ++i) {
        const auto message = takeFrame(replaying, isReplayFrame);
        QVERIFY2(message, "fewer replayed messages than replayStart announced");
        COMPARE_EXACT(message->map.value(u"type"_s), u"message"_s);
        COMPARE_EXACT(message->map.value(u"isReplay"_s), true);
        QVERIFY(Conformance::isLowercaseUuidV4(message->map.value(u"msgId"_s)));
        COMPARE_EXACT(message->map.value(u"requiresAck"_s), true);
    }
    const auto end = takeFrame(replaying, isReplayFrame);
    QVERIFY2(end, "no replayEnd");
    COMPARE_EXACT(QVariant(end->map),
                  QVariant(QVariantMap{{u"type"_s, u"replayEnd"_s}, {u"replayed"_s, count}}));
}

void tst_Conformance::unknownFrameIgnored(const QVariant &argument)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    if (argument.typeId() == QMetaType::QByteArray) {
        alice->sendBytes(argument.toByteArray());
    } else {
        alice->sendFrame(argument.toMap());
    }
    REQUIRE(quietUntilControl(alice));
}

void tst_Conformance::incompleteFrameIgnored(const QVariant &argument)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, chatTopic(u"s114"_s)));
    REQUIRE(joinRoom(bob, u"actor-bob"_s, u"s114"_s, QVariantMap{{u"here"_s, true}}));

    alice->sendFrame(argument.toMap());
    REQUIRE(quietUntilControl(alice));
    REQUIRE(nothingArrives({bob}));
}
