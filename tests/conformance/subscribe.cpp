// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// Subscribe, ACL and unsubscribe: statements 29-44 (wire-protocol §6, §7.1, §7.2).
#include "tst_conformance.h"

#include <QtCore/QJsonArray>

using namespace Qt::StringLiterals;
using NoLagTest::RawConnection;

namespace {

QVariantMap tokenAndTopic(const QString &token, const QString &topic)
{
    return {{u"token"_s, token}, {u"topic"_s, topic}};
}

// The v2 unknown-topic error (§6.6): exactly these keys, code 42940 and a non-empty hint.
QString unknownTopicMismatch(const QVariantMap &error, const QString &topic,
                             const QString &msgRef = {})
{
    QStringList keys{u"type"_s, u"code"_s, u"error"_s, u"topic"_s, u"hint"_s};
    if (!msgRef.isEmpty()) {
        keys.append(u"msgRef"_s);
    }
    if (Conformance::keysOf(error) != Conformance::sortedKeys(keys)) {
        return u"expected the keys [%1], got %2"_s.arg(Conformance::sortedKeys(keys).join(u", "_s),
                                                       Conformance::describe(error));
    }
    const QString hint = error.value(u"hint"_s).toString();
    if (!Conformance::isString(error.value(u"hint"_s)) || hint.isEmpty()) {
        return u"hint is not a non-empty str: "_s + Conformance::describe(error);
    }
    QVariantMap expected = error;
    expected.insert(u"type"_s, u"error"_s);
    expected.insert(u"code"_s, 42940);
    expected.insert(u"error"_s, u"unknown_topic"_s);
    expected.insert(u"topic"_s, topic);
    if (!msgRef.isEmpty()) {
        expected.insert(u"msgRef"_s, msgRef);
    }
    return Conformance::mismatch(error, expected);
}

} // namespace

void tst_Conformance::subscribeAndAcl_data()
{
    addRows({
        {"029 subscribe chat/general/messages yields exactly {subscribed, topic, "
         "loadBalance:false}",
         &tst_Conformance::subscribedShape},
        {"030 v1 subscribe to an unknown room yields exactly not_authorized with topic",
         &tst_Conformance::unknownTopicV1, u"subscribe"_s},
        {"§6.6 v1 publish to an unknown room yields not_authorized with topic and msgRef",
         &tst_Conformance::unknownTopicV1, u"publish"_s},
        {"031 v2 subscribe to an unknown room yields 42940 unknown_topic with topic and hint",
         &tst_Conformance::unknownTopicV2, u"subscribe"_s},
        {"§6.6 v2 publish to an unknown room yields 42940 with topic, hint and msgRef",
         &tst_Conformance::unknownTopicV2, u"publish"_s},
        {"032 v2 subscribe to a topic name not in the app yields 42940",
         &tst_Conformance::unknownTopicName},
        {"033 publish-only rule: subscribe is rejected, publish succeeds",
         &tst_Conformance::publishOnlyRule},
        {"034 subscribe-only rule: subscribe succeeds, publish is rejected",
         &tst_Conformance::subscribeOnlyRule},
        {"035 rule demo/general/# admits demo/general", &tst_Conformance::subscribeAdmitted,
         tokenAndTopic(Tokens::wildcard, u"demo/general"_s)},
        {"035 rule demo/general/# admits demo/general/a/b", &tst_Conformance::subscribeAdmitted,
         tokenAndTopic(Tokens::wildcard, u"demo/general/a/b"_s)},
        {"036 rule demo/+/x admits demo/any/x", &tst_Conformance::subscribeAdmitted,
         tokenAndTopic(Tokens::wildcard, u"demo/any/x"_s)},
        {"036 rule demo/+/x rejects demo/a/b/x", &tst_Conformance::subscribeRejected,
         tokenAndTopic(Tokens::wildcard, u"demo/a/b/x"_s)},
        {"037 Chat/general/messages is rejected (case-sensitive)",
         &tst_Conformance::subscribeRejected,
         tokenAndTopic(Tokens::alice, u"Chat/general/messages"_s)},
        {"037 chat/General/messages is rejected (case-sensitive)",
         &tst_Conformance::subscribeRejected,
         tokenAndTopic(Tokens::alice, u"chat/General/messages"_s)},
        {"038 chat/general/+ is rejected", &tst_Conformance::subscribeRejected,
         tokenAndTopic(Tokens::alice, u"chat/general/+"_s)},
        {"038 chat/+/messages is rejected", &tst_Conformance::subscribeRejected,
         tokenAndTopic(Tokens::alice, u"chat/+/messages"_s)},
        {"038 demo/general/+ is rejected although rule demo/general/# would match it",
         &tst_Conformance::subscribeRejected, tokenAndTopic(Tokens::wildcard, u"demo/general/+"_s)},
        {"038 demo/general/# is rejected although rule demo/general/# would match it",
         &tst_Conformance::subscribeRejected, tokenAndTopic(Tokens::wildcard, u"demo/general/#"_s)},
        {"039 scoped actor subscribes chat/general/messages; frames carry that topic",
         &tst_Conformance::scopedActor},
        {"040 subscribe to a room created through REST after auth succeeds",
         &tst_Conformance::lateRoomSubscribe},
        {"041 publish to a room created after auth, without subscribing, is rejected",
         &tst_Conformance::lateRoomPublish},
        {"042 unsubscribe of a never-subscribed topic yields exactly unsubscribed",
         &tst_Conformance::unsubscribeNeverSubscribed},
        {"043 after unsubscribe no message frames arrive for the topic",
         &tst_Conformance::noMessagesAfterUnsubscribe},
        {"044 subscribing twice yields two subscribed frames and single deliveries",
         &tst_Conformance::subscribeTwice},
    });
}

void tst_Conformance::subscribedShape(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    const QString topic = u"chat/general/messages"_s;
    alice->sendFrame({{u"type"_s, u"subscribe"_s}, {u"topic"_s, topic}});
    COMPARE_EXACT(QVariant(takeReply(alice, u"subscribed"_s)),
                  QVariant(QVariantMap{{u"type"_s, u"subscribed"_s},
                                       {u"topic"_s, topic},
                                       {u"loadBalance"_s, false}}));
}

void tst_Conformance::unknownTopicV1(const QVariant &argument)
{
    const bool publish = argument.toString() == u"publish"_s;
    const QString topic = chatTopic(u"nosuchroom"_s);

    RawConnection *alice = peer(Tokens::alice, -1);
    REQUIRE(alice);

    QVariantMap expected{
        {u"type"_s, u"error"_s}, {u"error"_s, u"not_authorized"_s}, {u"topic"_s, topic}};
    if (publish) {
        publishTo(alice, topic, u"x"_s, {{u"msgRef"_s, u"r30"_s}});
        expected.insert(u"msgRef"_s, u"r30"_s);
    } else {
        alice->sendFrame({{u"type"_s, u"subscribe"_s}, {u"topic"_s, topic}});
    }
    COMPARE_EXACT(QVariant(takeReply(alice, u"error"_s)), QVariant(expected));
    REQUIRE(quietUntilControl(alice));
}

void tst_Conformance::unknownTopicV2(const QVariant &argument)
{
    const bool publish = argument.toString() == u"publish"_s;
    const QString topic = chatTopic(u"nosuchroom"_s);

    RawConnection *alice = peer(Tokens::alice, 2);
    REQUIRE(alice);

    if (publish) {
        publishTo(alice, topic, u"x"_s, {{u"msgRef"_s, u"r31"_s}});
    } else {
        alice->sendFrame({{u"type"_s, u"subscribe"_s}, {u"topic"_s, topic}});
    }
    const QString why =
        unknownTopicMismatch(takeReply(alice, u"error"_s), topic, publish ? u"r31"_s : QString());
    QVERIFY2(why.isEmpty(), qPrintable(why));
    REQUIRE(quietUntilControl(alice));
}

void tst_Conformance::unknownTopicName(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice, 2);
    REQUIRE(alice);

    const QString topic = chatTopic(u"general"_s, u"nosuchtopic"_s);
    alice->sendFrame({{u"type"_s, u"subscribe"_s}, {u"topic"_s, topic}});
    const QString why = unknownTopicMismatch(takeReply(alice, u"error"_s), topic);
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void tst_Conformance::publishOnlyRule(const QVariant &)
{
    const QString topic = chatTopic(u"s033"_s);
    RawConnection *publisher = peer(Tokens::publishOnly);
    REQUIRE(publisher);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    REQUIRE(subscribe(alice, topic));

    publisher->sendFrame({{u"type"_s, u"subscribe"_s}, {u"topic"_s, topic}});
    const QString why = unknownTopicMismatch(takeReply(publisher, u"error"_s), topic);
    QVERIFY2(why.isEmpty(), qPrintable(why));

    publishTo(publisher, topic, u"from a publish-only rule"_s, {{u"msgRef"_s, u"r33"_s}});
    COMPARE_EXACT(QVariant(takeReply(publisher, u"published"_s)),
                  QVariant(QVariantMap{
                      {u"type"_s, u"published"_s}, {u"topic"_s, topic}, {u"msgRef"_s, u"r33"_s}}));
    COMPARE_EXACT(takeReply(alice, u"message"_s).value(u"data"_s), u"from a publish-only rule"_s);
}

void tst_Conformance::subscribeOnlyRule(const QVariant &)
{
    const QString topic = chatTopic(u"s034"_s);
    RawConnection *listener = peer(Tokens::subscribeOnly);
    REQUIRE(listener);
    REQUIRE(subscribe(listener, topic));

    publishTo(listener, topic, u"not allowed"_s, {{u"msgRef"_s, u"r34"_s}});
    const QString why = unknownTopicMismatch(takeReply(listener, u"error"_s), topic, u"r34"_s);
    QVERIFY2(why.isEmpty(), qPrintable(why));

    // Control: the subscription itself works.
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    publishTo(alice, topic, u"allowed"_s);
    COMPARE_EXACT(takeReply(listener, u"message"_s).value(u"data"_s), u"allowed"_s);
    REQUIRE(nothingArrives({listener}));
}

void tst_Conformance::subscribeAdmitted(const QVariant &argument)
{
    const QString token = argument.toMap().value(u"token"_s).toString();
    const QString topic = argument.toMap().value(u"topic"_s).toString();

    RawConnection *actor = peer(token);
    REQUIRE(actor);
    REQUIRE(subscribe(actor, topic));

    // The admitted topic also carries messages (here the actor's own echo).
    publishTo(actor, topic, u"admitted"_s);
    const QVariantMap message = takeReply(actor, u"message"_s);
    COMPARE_EXACT(message.value(u"topic"_s), topic);
    COMPARE_EXACT(message.value(u"data"_s), u"admitted"_s);
}

void tst_Conformance::subscribeRejected(const QVariant &argument)
{
    const QString token = argument.toMap().value(u"token"_s).toString();
    const QString topic = argument.toMap().value(u"topic"_s).toString();

    RawConnection *actor = peer(token, 2);
    REQUIRE(actor);
    actor->sendFrame({{u"type"_s, u"subscribe"_s}, {u"topic"_s, topic}});
    const auto reply = takeFrame(actor, [](const RawConnection::Frame &f) {
        return f.type() == u"subscribed"_s || f.type() == u"error"_s;
    });
    QVERIFY2(reply, "no reply to the subscribe");
    const QString why = unknownTopicMismatch(reply->map, topic);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    REQUIRE(quietUntilControl(actor));
}

void tst_Conformance::scopedActor(const QVariant &)
{
    const QString topic = u"chat/general/messages"_s;
    RawConnection *scoped = peer(Tokens::scoped);
    REQUIRE(scoped);
    RawConnection *sibling = peer(Tokens::scoped);
    REQUIRE(sibling);

    scoped->sendFrame({{u"type"_s, u"subscribe"_s}, {u"topic"_s, topic}});
    COMPARE_EXACT(QVariant(takeReply(scoped, u"subscribed"_s)),
                  QVariant(QVariantMap{{u"type"_s, u"subscribed"_s},
                                       {u"topic"_s, topic},
                                       {u"loadBalance"_s, false}}));

    // A publish on the full scoped pattern reaches the subscription as "chat/general/messages".
    publishTo(sibling, u"chat/acme/general/messages"_s, u"scoped hello"_s);
    const QVariantMap message = takeReply(scoped, u"message"_s);
    COMPARE_EXACT(message.value(u"topic"_s), topic);
    COMPARE_EXACT(message.value(u"data"_s), u"scoped hello"_s);
}

void tst_Conformance::lateRoomSubscribe(const QVariant &)
{
    QString skipReason;
    if (!prepareRestProject(&skipReason)) {
        if (!skipReason.isEmpty()) {
            QSKIP(qPrintable(skipReason));
        }
        QFAIL(qPrintable(m_lastError));
    }
    RawConnection *actor = peer(m_restActorToken, 2, Server::Rest);
    REQUIRE(actor);

    // Before the room exists its topics are unknown. (The control uses the room's other
    // topic: a denied pattern may be remembered for 5 s, §6.6.)
    const QString topic = m_restAppSlug + u"/late-40/messages"_s;
    actor->sendFrame(
        {{u"type"_s, u"subscribe"_s}, {u"topic"_s, m_restAppSlug + u"/late-40/typing"_s}});
    COMPARE_EXACT(takeReply(actor, u"error"_s).value(u"error"_s), u"unknown_topic"_s);

    // After it is created, the same connection may subscribe.
    int status = 0;
    rest("POST", u"/apps/%1/rooms"_s.arg(m_restAppId),
         {{u"name"_s, u"Late 40"_s}, {u"slug"_s, u"late-40"_s}}, &status);
    QCOMPARE(status, 201);
    REQUIRE(subscribe(actor, topic));
}

void tst_Conformance::lateRoomPublish(const QVariant &)
{
    QString skipReason;
    if (!prepareRestProject(&skipReason)) {
        if (!skipReason.isEmpty()) {
            QSKIP(qPrintable(skipReason));
        }
        QFAIL(qPrintable(m_lastError));
    }
    RawConnection *actor = peer(m_restActorToken, 2, Server::Rest);
    REQUIRE(actor);

    int status = 0;
    rest("POST", u"/apps/%1/rooms"_s.arg(m_restAppId),
         {{u"name"_s, u"Late 41"_s}, {u"slug"_s, u"late-41"_s}}, &status);
    QCOMPARE(status, 201);

    const QString topic = m_restAppSlug + u"/late-41/messages"_s;
    publishTo(actor, topic, u"too early"_s, {{u"msgRef"_s, u"r41"_s}});
    const QString why = unknownTopicMismatch(takeReply(actor, u"error"_s), topic, u"r41"_s);
    QVERIFY2(why.isEmpty(), qPrintable(why));

    // §6.6: a successful subscribe to the room also authorises publishing to it.
    REQUIRE(subscribe(actor, topic));
    publishTo(actor, topic, u"after subscribe"_s, {{u"msgRef"_s, u"r41b"_s}});
    QVERIFY(!takeReply(actor, u"published"_s, u"msgRef"_s, u"r41b"_s).isEmpty());
}

void tst_Conformance::unsubscribeNeverSubscribed(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    const QString topic = chatTopic(u"s042"_s);
    alice->sendFrame({{u"type"_s, u"unsubscribe"_s}, {u"topic"_s, topic}});
    COMPARE_EXACT(QVariant(takeReply(alice, u"unsubscribed"_s)),
                  QVariant(QVariantMap{{u"type"_s, u"unsubscribed"_s}, {u"topic"_s, topic}}));
}

void tst_Conformance::noMessagesAfterUnsubscribe(const QVariant &)
{
    const QString topic = chatTopic(u"s043"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic));
    REQUIRE(subscribe(bob, topic));

    publishTo(bob, topic, u"before"_s);
    COMPARE_EXACT(takeReply(alice, u"message"_s).value(u"data"_s), u"before"_s);
    QVERIFY(!takeReply(bob, u"message"_s).isEmpty());

    alice->sendFrame({{u"type"_s, u"unsubscribe"_s}, {u"topic"_s, topic}});
    QVERIFY(!takeReply(alice, u"unsubscribed"_s).isEmpty());
    publishTo(bob, topic, u"after"_s);
    COMPARE_EXACT(takeReply(bob, u"message"_s).value(u"data"_s), u"after"_s);
    REQUIRE(nothingArrives({alice}));
}

void tst_Conformance::subscribeTwice(const QVariant &)
{
    const QString topic = chatTopic(u"s044"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);

    REQUIRE(subscribe(alice, topic));
    REQUIRE(subscribe(alice, topic));
    for (int i = 0; i < 3; ++i) {
        publishTo(bob, topic, i);
    }
    REQUIRE(waitForMessageTotal({alice}, 3));
    const QList<QVariantMap> messages = takeMessages(alice);
    for (int i = 0; i < 3; ++i) {
        COMPARE_EXACT(messages[i].value(u"data"_s), i);
    }
}
