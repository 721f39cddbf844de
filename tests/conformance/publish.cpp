// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// Publish, echo, limits and retain: statements 45-63 (wire-protocol §9).
#include "oracle.h"
#include "tst_conformance.h"

#include <nolagcodec/variantcodec.h>

using namespace Qt::StringLiterals;
using Conformance::OracleMap;
using NoLagTest::RawConnection;

namespace {

constexpr int rateLimit = 50;
constexpr int maxMessageBytes = 921600;

// A str whose MessagePack encoding is exactly \a encodedSize bytes (str 32 has a 5-byte header).
QString payloadOfEncodedSize(int encodedSize)
{
    return QString(encodedSize - 5, u'x');
}

} // namespace

void tst_Conformance::publish_data()
{
    auto qos = [](const char *frame, const QVariant &value) {
        return QVariantMap{{u"frame"_s, QString::fromLatin1(frame)}, {u"qos"_s, value}};
    };
    auto size = [](int bytes, bool accepted) {
        return QVariantMap{{u"bytes"_s, bytes}, {u"accepted"_s, accepted}};
    };

    addRows({
        {"045 publish without a data key: no reply, no delivery",
         &tst_Conformance::publishWithoutData},
        {"046 data nil is delivered with data nil", &tst_Conformance::nilData},
        {"047 echo omitted: the publisher receives its own message",
         &tst_Conformance::echoByDefault},
        {"048 echo false: not to the publisher, but to another connection of its token",
         &tst_Conformance::echoFalse},
        {"049 echo 0 does not suppress echo", &tst_Conformance::echoNotExactlyFalse, 0},
        {"049 echo \"false\" does not suppress echo", &tst_Conformance::echoNotExactlyFalse,
         u"false"_s},
        {"050 msgRef r1 yields exactly {published, topic, msgRef:r1}",
         &tst_Conformance::publishedAck},
        {"051 without msgRef there is no published frame",
         &tst_Conformance::noPublishedWithoutMsgRef, QVariant()},
        {"§9.6 an empty msgRef yields no published frame",
         &tst_Conformance::noPublishedWithoutMsgRef, u""_s},
        {"052 published precedes the publisher's own echoed message",
         &tst_Conformance::publishedBeforeEcho},
        {"053 the 51st publish in one second yields 42910 with topic and is not delivered",
         &tst_Conformance::rateLimitExceeded},
        {"054 the rate-limited publish's error carries its msgRef; no published for it",
         &tst_Conformance::rateLimitedKeepsMsgRef},
        {"055 publishing succeeds again in the next wall-clock second",
         &tst_Conformance::rateLimitNextSecond},
        {"056 200 subscribe frames in one second are all answered",
         &tst_Conformance::subscribesNotRateLimited},
        {"057 data of 921,601 encoded bytes yields 42930 with maxSizeBytes, not delivered",
         &tst_Conformance::messageSizeLimit, size(maxMessageBytes + 1, false)},
        {"057 data of 921,600 encoded bytes is accepted and delivered",
         &tst_Conformance::messageSizeLimit, size(maxMessageBytes, true)},
        {"058 an unauthorised publish consumes a rate-limit slot",
         &tst_Conformance::rejectedPublishConsumesSlot, u"unauthorised"_s},
        {"058 an oversize publish consumes a rate-limit slot",
         &tst_Conformance::rejectedPublishConsumesSlot, u"oversize"_s},
        {"059 qos 7 on subscribe is accepted", &tst_Conformance::lenientQos, qos("subscribe", 7)},
        {"059 qos \"x\" on subscribe is accepted", &tst_Conformance::lenientQos,
         qos("subscribe", u"x"_s)},
        {"059 qos 7 on publish is accepted", &tst_Conformance::lenientQos, qos("publish", 7)},
        {"059 qos \"x\" on publish is accepted", &tst_Conformance::lenientQos,
         qos("publish", u"x"_s)},
        {"060 a retained message reaches a new subscriber right after subscribed",
         &tst_Conformance::retainDelivered},
        {"061 a second retained publish replaces the first", &tst_Conformance::retainReplaced},
        {"062 without retain a later subscriber receives nothing",
         &tst_Conformance::noRetainWithoutFlag},
        {"063 a retained message expires after the retain TTL (1 s here, 3600 s by default)",
         &tst_Conformance::retainExpires},
        {"§9.5 a retained echo:false publish is not replayed to its publisher",
         &tst_Conformance::retainRespectsEcho},
        {"§2.2 a bin that is not UTF-8 is rejected with invalid_payload (local extension)",
         &tst_Conformance::invalidUtf8BinRejected},
        {"§22 --rate-limit 5: the 6th publish in one second yields 42910",
         &tst_Conformance::configuredLimit, u"rate"_s},
        {"§22 --max-message-size 1000: 1,001 bytes yield 42930 with maxSizeBytes 1000",
         &tst_Conformance::configuredLimit, u"size"_s},
        {"§22 --max-filters 3: 4 filter items are refused, 3 accepted",
         &tst_Conformance::configuredLimit, u"filters"_s},
        {"§22 --max-frame-size 4096: a 4,097-byte frame is closed with 1009",
         &tst_Conformance::configuredLimit, u"frame"_s},
        {"§9.2 42920 monthly_quota_exceeded", &tst_Conformance::notObservable,
         u"nolag-local offers no way to mark a project as over its monthly quota (no "
         "command-line option, no token file field), so 42920 cannot be provoked"_s},
        {"§16 42950 wake_failed", &tst_Conformance::notObservable,
         u"wake_failed belongs to cloud-only persistent presence (§16); a local server may "
         "treat the persistence keys as plain presence data"_s},
    });
}

void tst_Conformance::publishWithoutData(const QVariant &)
{
    const QString topic = chatTopic(u"s045"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic));
    REQUIRE(subscribe(bob, topic));

    alice->sendFrame({{u"type"_s, u"publish"_s}, {u"topic"_s, topic}, {u"msgRef"_s, u"r45"_s}});
    REQUIRE(quietUntilControl(alice));
    REQUIRE(nothingArrives({bob}));

    publishTo(alice, topic, u"with data"_s);
    COMPARE_EXACT(takeReply(bob, u"message"_s).value(u"data"_s), u"with data"_s);
}

void tst_Conformance::nilData(const QVariant &)
{
    const QString topic = chatTopic(u"s046"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic));

    publishTo(bob, topic, QVariant::fromValue(nullptr));
    const QVariantMap message = takeReply(alice, u"message"_s);
    QVERIFY2(message.contains(u"data"_s), qPrintable(Conformance::describe(message)));
    QVERIFY2(Conformance::isNil(message.value(u"data"_s)),
             qPrintable(Conformance::describe(message)));
}

void tst_Conformance::echoByDefault(const QVariant &)
{
    const QString topic = chatTopic(u"s047"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    REQUIRE(subscribe(alice, topic));

    publishTo(alice, topic, u"my own"_s);
    COMPARE_EXACT(takeReply(alice, u"message"_s).value(u"data"_s), u"my own"_s);
}

void tst_Conformance::echoFalse(const QVariant &)
{
    const QString topic = chatTopic(u"s048"_s);
    RawConnection *first = peer(Tokens::alice);
    REQUIRE(first);
    RawConnection *second = peer(Tokens::alice);
    REQUIRE(second);
    REQUIRE(subscribe(first, topic));
    REQUIRE(subscribe(second, topic));

    publishTo(first, topic, u"no echo"_s, {{u"echo"_s, false}});
    COMPARE_EXACT(takeReply(second, u"message"_s).value(u"data"_s), u"no echo"_s);
    REQUIRE(quietUntilControl(first));
}

void tst_Conformance::echoNotExactlyFalse(const QVariant &argument)
{
    const QString topic = chatTopic(u"s049"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    REQUIRE(subscribe(alice, topic));

    publishTo(alice, topic, u"echoed"_s, {{u"echo"_s, argument}});
    COMPARE_EXACT(takeReply(alice, u"message"_s).value(u"data"_s), u"echoed"_s);
}

void tst_Conformance::publishedAck(const QVariant &)
{
    const QString topic = chatTopic(u"s050"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    publishTo(alice, topic, u"acknowledged"_s, {{u"msgRef"_s, u"r1"_s}});
    COMPARE_EXACT(QVariant(takeReply(alice, u"published"_s)),
                  QVariant(QVariantMap{
                      {u"type"_s, u"published"_s}, {u"topic"_s, topic}, {u"msgRef"_s, u"r1"_s}}));
}

void tst_Conformance::noPublishedWithoutMsgRef(const QVariant &argument)
{
    const QString topic = chatTopic(u"s051"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    REQUIRE(subscribe(alice, topic));

    QVariantMap options;
    if (argument.isValid()) {
        options.insert(u"msgRef"_s, argument);
    }
    publishTo(alice, topic, u"fire and forget"_s, options);
    // The echo shows the publish was processed; nothing else may follow it.
    COMPARE_EXACT(takeReply(alice, u"message"_s).value(u"data"_s), u"fire and forget"_s);
    REQUIRE(quietUntilControl(alice));
}

void tst_Conformance::publishedBeforeEcho(const QVariant &)
{
    const QString topic = chatTopic(u"s052"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    REQUIRE(subscribe(alice, topic));

    publishTo(alice, topic, u"ordered"_s, {{u"msgRef"_s, u"r52"_s}});
    const auto first = takeFrame(alice, [](const RawConnection::Frame &f) {
        return f.type() == u"published"_s || f.type() == u"message"_s;
    });
    QVERIFY2(first, "neither published nor the echo arrived");
    QCOMPARE(first->type(), u"published"_s);
    QVERIFY(!takeReply(alice, u"message"_s).isEmpty());
}

void tst_Conformance::rateLimitExceeded(const QVariant &)
{
    const QString topic = chatTopic(u"s053"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(bob, topic));

    QList<QVariantMap> replies;
    int attempt = 0;
    REQUIRE(publishBurst(alice, topic, {}, rateLimit + 1, &replies, &attempt));
    for (int i = 0; i < rateLimit; ++i) {
        QCOMPARE(replies[i].value(u"type"_s).toString(), u"published"_s);
    }
    QVariantMap error = replies[rateLimit];
    COMPARE_EXACT(QVariant(error),
                  QVariant(QVariantMap{{u"type"_s, u"error"_s},
                                       {u"code"_s, 42910},
                                       {u"error"_s, u"rate_limit_exceeded"_s},
                                       {u"topic"_s, topic},
                                       {u"msgRef"_s, error.value(u"msgRef"_s)}}));

    // Exactly the 50 accepted publishes of the counted attempt reach the subscriber.
    auto deliveredIndexes = [&] {
        QList<int> indexes;
        for (const QVariantMap &message : bob->queued(u"message"_s)) {
            const QVariantMap data = message.value(u"data"_s).toMap();
            if (data.value(u"attempt"_s).toInt() == attempt) {
                indexes.append(data.value(u"i"_s).toInt());
            }
        }
        return indexes;
    };
    QTRY_VERIFY_WITH_TIMEOUT(deliveredIndexes().size() >= rateLimit, ReplyTimeoutMs);
    QTest::qWait(QuietMs); // a 51st delivery would arrive in this window
    const QList<int> delivered = deliveredIndexes();
    QCOMPARE(delivered.size(), rateLimit);
    QVERIFY(!delivered.contains(rateLimit));
}

void tst_Conformance::rateLimitedKeepsMsgRef(const QVariant &)
{
    const QString topic = chatTopic(u"s054"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    QList<QVariantMap> replies;
    int attempt = 0;
    REQUIRE(publishBurst(alice, topic, {}, rateLimit + 1, &replies, &attempt));
    const QString limitedRef = u"a%1-%2"_s.arg(attempt).arg(rateLimit);
    COMPARE_EXACT(replies.last().value(u"type"_s), u"error"_s);
    COMPARE_EXACT(replies.last().value(u"msgRef"_s), limitedRef);

    // No published frame for that msgRef follows.
    QVERIFY(takeReply(alice, u"published"_s, u"msgRef"_s, limitedRef, QuietMs).isEmpty());
}

void tst_Conformance::rateLimitNextSecond(const QVariant &)
{
    const QString topic = chatTopic(u"s055"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    QList<QVariantMap> replies;
    REQUIRE(publishBurst(alice, topic, {}, rateLimit + 1, &replies));
    COMPARE_EXACT(replies.last().value(u"code"_s), 42910);

    waitForFreshSecond();
    publishTo(alice, topic, u"next second"_s, {{u"msgRef"_s, u"r55"_s}});
    const auto reply = takeFrame(alice, [](const RawConnection::Frame &f) {
        return f.map.value(u"msgRef"_s) == QVariant(u"r55"_s);
    });
    QVERIFY2(reply, "no reply to the publish in the next second");
    COMPARE_EXACT(reply->map.value(u"type"_s), u"published"_s);
}

void tst_Conformance::subscribesNotRateLimited(const QVariant &)
{
    const QString topic = chatTopic(u"s056"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    constexpr int count = 200;
    for (int i = 0; i < count; ++i) {
        alice->sendFrame({{u"type"_s, u"subscribe"_s}, {u"topic"_s, topic}});
    }
    QTRY_COMPARE_WITH_TIMEOUT(alice->queued(u"subscribed"_s).size(), count, 2 * ReplyTimeoutMs);
    QVERIFY2(alice->queued(u"error"_s).isEmpty(),
             qPrintable(Conformance::describe(alice->queued(u"error"_s).value(0))));
}

void tst_Conformance::messageSizeLimit(const QVariant &argument)
{
    const int bytes = argument.toMap().value(u"bytes"_s).toInt();
    const bool accepted = argument.toMap().value(u"accepted"_s).toBool();
    const QString topic = chatTopic(u"s057"_s);

    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(bob, topic));

    const QString payload = payloadOfEncodedSize(bytes);
    publishTo(alice, topic, payload, {{u"msgRef"_s, u"r57"_s}});
    const auto reply = takeFrame(alice, [](const RawConnection::Frame &f) {
        return f.type() == u"published"_s || f.type() == u"error"_s;
    });
    QVERIFY2(reply, "no reply to the publish");

    if (accepted) {
        COMPARE_EXACT(reply->map.value(u"type"_s), u"published"_s);
        const QVariantMap message = takeReply(bob, u"message"_s);
        QCOMPARE(message.value(u"data"_s).toString().size(), payload.size());
        return;
    }
    COMPARE_EXACT(QVariant(reply->map),
                  QVariant(QVariantMap{
                      {u"type"_s, u"error"_s},
                      {u"code"_s, 42930},
                      {u"error"_s, u"message_too_large"_s},
                      {u"topic"_s, topic},
                      {u"maxSizeBytes"_s, maxMessageBytes},
                      {u"msgRef"_s, u"r57"_s},
                  }));
    REQUIRE(nothingArrives({bob}));
}

void tst_Conformance::rejectedPublishConsumesSlot(const QVariant &argument)
{
    const bool oversize = argument.toString() == u"oversize"_s;
    const QString topic = chatTopic(u"s058"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    const QVariantMap rejected{
        {u"type"_s, u"publish"_s},
        {u"topic"_s, oversize ? topic : chatTopic(u"nosuchroom"_s)},
        {u"data"_s, oversize ? payloadOfEncodedSize(maxMessageBytes + 1) : u"x"_s},
    };
    QList<QVariantMap> replies;
    REQUIRE(publishBurst(alice, topic, {rejected}, rateLimit, &replies));

    COMPARE_EXACT(replies.first().value(u"code"_s), oversize ? 42930 : 42940);
    for (int i = 1; i < rateLimit; ++i) {
        QCOMPARE(replies[i].value(u"type"_s).toString(), u"published"_s);
    }
    // The rejected publish took slot 1, so the 50th valid one is the 51st publish.
    COMPARE_EXACT(replies.last().value(u"code"_s), 42910);
}

void tst_Conformance::lenientQos(const QVariant &argument)
{
    const bool onSubscribe = argument.toMap().value(u"frame"_s).toString() == u"subscribe"_s;
    const QVariant qos = argument.toMap().value(u"qos"_s);
    const QString topic = chatTopic(u"s059"_s);

    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    if (onSubscribe) {
        REQUIRE(subscribe(alice, topic, {{u"qos"_s, qos}}));
        publishTo(alice, topic, u"qos"_s);
        QVERIFY(!takeReply(alice, u"message"_s).isEmpty());
    } else {
        REQUIRE(subscribe(alice, topic));
        publishTo(alice, topic, u"qos"_s, {{u"qos"_s, qos}, {u"msgRef"_s, u"r59"_s}});
        COMPARE_EXACT(takeReply(alice, u"published"_s).value(u"msgRef"_s), u"r59"_s);
        QVERIFY(!takeReply(alice, u"message"_s).isEmpty());
    }
    QVERIFY(alice->queued(u"error"_s).isEmpty());
}

void tst_Conformance::retainDelivered(const QVariant &)
{
    const QString topic = chatTopic(u"s060"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);

    publishTo(alice, topic, u"kept"_s, {{u"retain"_s, true}, {u"msgRef"_s, u"r60"_s}});
    QVERIFY(!takeReply(alice, u"published"_s).isEmpty());

    bob->sendFrame({{u"type"_s, u"subscribe"_s}, {u"topic"_s, topic}});
    bool arrived = false;
    const RawConnection::Frame first = bob->waitForAnyFrame(ReplyTimeoutMs, &arrived);
    QVERIFY(arrived);
    QCOMPARE(first.type(), u"subscribed"_s);
    const RawConnection::Frame second = bob->waitForAnyFrame(ReplyTimeoutMs, &arrived);
    QVERIFY2(arrived, "no retained message after subscribed");
    QCOMPARE(second.type(), u"message"_s);
    COMPARE_EXACT(second.map.value(u"data"_s), u"kept"_s);
    COMPARE_EXACT(second.map.value(u"topic"_s), topic);
}

void tst_Conformance::retainReplaced(const QVariant &)
{
    const QString topic = chatTopic(u"s061"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);

    publishTo(alice, topic, u"first"_s, {{u"retain"_s, true}, {u"msgRef"_s, u"r61a"_s}});
    publishTo(alice, topic, u"second"_s, {{u"retain"_s, true}, {u"msgRef"_s, u"r61b"_s}});
    QVERIFY(!takeReply(alice, u"published"_s, u"msgRef"_s, u"r61b"_s).isEmpty());

    REQUIRE(subscribe(bob, topic));
    REQUIRE(waitForMessageTotal({bob}, 1));
    COMPARE_EXACT(takeMessages(bob).first().value(u"data"_s), u"second"_s);
}

void tst_Conformance::noRetainWithoutFlag(const QVariant &)
{
    const QString topic = chatTopic(u"s062"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);

    publishTo(alice, topic, u"not kept"_s, {{u"msgRef"_s, u"r62"_s}});
    QVERIFY(!takeReply(alice, u"published"_s).isEmpty());

    REQUIRE(subscribe(bob, topic));
    REQUIRE(nothingArrives({bob}));
}

void tst_Conformance::retainExpires(const QVariant &)
{
    const QString topic = chatTopic(u"s063"_s);
    RawConnection *alice = peer(Tokens::alice, 2, Server::RetainTtl);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob, 2, Server::RetainTtl);
    REQUIRE(bob);

    publishTo(alice, topic, u"short-lived"_s, {{u"retain"_s, true}, {u"msgRef"_s, u"r63"_s}});
    QVERIFY(!takeReply(alice, u"published"_s).isEmpty());

    // Positive control: right after the publish a subscriber does receive it.
    REQUIRE(subscribe(bob, topic));
    COMPARE_EXACT(takeReply(bob, u"message"_s).value(u"data"_s), u"short-lived"_s);

    // --retain-ttl 1: re-subscribe (which replays retained messages) until it stops coming.
    bool expired = false;
    const QDeadlineTimer deadline(10000);
    while (!expired && !deadline.hasExpired()) {
        QTest::qWait(300);
        bob->clearQueue();
        REQUIRE(subscribe(bob, topic));
        expired = nothingArrives({bob});
    }
    QVERIFY2(expired, "the retained message was still delivered 10 s after a 1 s TTL");
}

void tst_Conformance::retainRespectsEcho(const QVariant &)
{
    const QString topic = chatTopic(u"s060"_s, u"typing"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);

    publishTo(alice, topic, u"not for me"_s,
              {{u"retain"_s, true}, {u"echo"_s, false}, {u"msgRef"_s, u"r60e"_s}});
    QVERIFY(!takeReply(alice, u"published"_s).isEmpty());

    REQUIRE(subscribe(alice, topic));
    REQUIRE(quietUntilControl(alice));

    REQUIRE(subscribe(bob, topic));
    COMPARE_EXACT(takeReply(bob, u"message"_s).value(u"data"_s), u"not for me"_s);
}

void tst_Conformance::invalidUtf8BinRejected(const QVariant &)
{
    const QString topic = chatTopic(u"s007"_s, u"typing"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(bob, topic));

    alice->sendBytes(OracleMap()
                         .str("type", u"publish"_s)
                         .str("topic", topic)
                         .bin("data", QByteArray::fromHex("fffe00"))
                         .str("msgRef", u"r-bin"_s)
                         .bytes());
    COMPARE_EXACT(QVariant(takeReply(alice, u"error"_s)),
                  QVariant(QVariantMap{{u"type"_s, u"error"_s},
                                       {u"error"_s, u"invalid_payload"_s},
                                       {u"topic"_s, topic},
                                       {u"msgRef"_s, u"r-bin"_s}}));
    QVERIFY(alice->isOpen());
    REQUIRE(nothingArrives({bob}));
}

void tst_Conformance::configuredLimit(const QVariant &argument)
{
    const QString limit = argument.toString();
    const QString topic = chatTopic(u"s057"_s, u"typing"_s);
    RawConnection *alice = peer(Tokens::alice, 2, Server::Limits);
    REQUIRE(alice);

    if (limit == u"rate"_s) {
        QList<QVariantMap> replies;
        REQUIRE(publishBurst(alice, topic, {}, 6, &replies));
        for (int i = 0; i < 5; ++i) {
            COMPARE_EXACT(replies[i].value(u"type"_s), u"published"_s);
        }
        COMPARE_EXACT(replies.last().value(u"code"_s), 42910);
        return;
    }

    if (limit == u"size"_s) {
        // A str of 256 to 65,535 bytes has a 3-byte header.
        publishTo(alice, topic, QString(1001 - 3, u'x'), {{u"msgRef"_s, u"big"_s}});
        COMPARE_EXACT(QVariant(takeReply(alice, u"error"_s)),
                      QVariant(QVariantMap{{u"type"_s, u"error"_s},
                                           {u"code"_s, 42930},
                                           {u"error"_s, u"message_too_large"_s},
                                           {u"topic"_s, topic},
                                           {u"maxSizeBytes"_s, 1000},
                                           {u"msgRef"_s, u"big"_s}}));
        publishTo(alice, topic, QString(1000 - 3, u'x'), {{u"msgRef"_s, u"fits"_s}});
        QVERIFY(!takeReply(alice, u"published"_s, u"msgRef"_s, u"fits"_s).isEmpty());
        return;
    }

    if (limit == u"filters"_s) {
        alice->sendFrame({{u"type"_s, u"subscribe"_s},
                          {u"topic"_s, topic},
                          {u"filters"_s, QVariantList{u"a"_s, u"b"_s, u"c"_s, u"d"_s}}});
        const QVariantMap error = takeReply(alice, u"error"_s);
        QVERIFY2(error.value(u"error"_s).toString().startsWith(u"too_many_filters"_s),
                 qPrintable(Conformance::describe(error)));
        REQUIRE(subscribe(alice, topic, {{u"filters"_s, QVariantList{u"a"_s, u"b"_s, u"c"_s}}}));
        return;
    }

    // A publish frame padded to 4,097 bytes (its data is a str of 256 bytes or more).
    QVariantMap frame{{u"type"_s, u"publish"_s}, {u"topic"_s, topic}, {u"data"_s, QString()}};
    bool ok = false;
    const int overhead = int(NoLag::Codec::encodeVariant(frame, &ok).size()) - 1 + 3;
    frame.insert(u"data"_s, QString(4097 - overhead, u'x'));
    const QByteArray bytes = NoLag::Codec::encodeVariant(frame, &ok);
    QCOMPARE(bytes.size(), 4097);
    alice->sendBytes(bytes);
    QVERIFY(alice->waitForClosed(ReplyTimeoutMs));
    QCOMPARE(alice->closeCode(), 1009);
}
