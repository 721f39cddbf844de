// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// Message frames: statements 64-69 (wire-protocol §10, §12.2).
#include "tst_conformance.h"

using namespace Qt::StringLiterals;
using NoLagTest::RawConnection;

void tst_Conformance::messageFrames_data()
{
    addRows({
        {"064 a delivered topic is the subscriber's own subscribe string",
         &tst_Conformance::ownTopicString},
        {"065 recording on: UUID v4 msgId and requiresAck true, one msgId per publish",
         &tst_Conformance::recordingIds},
        {"066 recording off: neither msgId nor requiresAck", &tst_Conformance::recordingOff},
        {"067 live deliveries have exactly type, topic, data, msgId and requiresAck",
         &tst_Conformance::liveDeliveryKeys},
        {"068 ack and batchAck never produce a reply", &tst_Conformance::acksUnanswered},
        {"069 ten publishes from one connection arrive in publish order",
         &tst_Conformance::publishOrder},
    });
}

void tst_Conformance::ownTopicString(const QVariant &)
{
    // Two connections of a scoped actor reach the same route through two different strings.
    const QString shortTopic = u"chat/s064/messages"_s;
    const QString scopedTopic = u"chat/acme/s064/messages"_s;
    RawConnection *first = peer(Tokens::scoped);
    REQUIRE(first);
    RawConnection *second = peer(Tokens::scoped);
    REQUIRE(second);
    REQUIRE(subscribe(first, shortTopic));
    REQUIRE(subscribe(second, scopedTopic));

    publishTo(second, scopedTopic, u"one publish"_s);
    COMPARE_EXACT(takeReply(first, u"message"_s).value(u"topic"_s), shortTopic);
    COMPARE_EXACT(takeReply(second, u"message"_s).value(u"topic"_s), scopedTopic);
}

void tst_Conformance::recordingIds(const QVariant &)
{
    const QString topic = chatTopic(u"s065"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    RawConnection *carol = peer(Tokens::carol);
    REQUIRE(carol);
    REQUIRE(subscribe(alice, topic));
    REQUIRE(subscribe(bob, topic));

    publishTo(carol, topic, 1, {{u"qos"_s, 0}});
    publishTo(carol, topic, 2, {{u"qos"_s, 2}});
    REQUIRE(waitForMessageTotal({alice, bob}, 4));

    const QList<QVariantMap> toAlice = takeMessages(alice);
    const QList<QVariantMap> toBob = takeMessages(bob);
    for (const QVariantMap &message : toAlice + toBob) {
        QVERIFY2(Conformance::isLowercaseUuidV4(message.value(u"msgId"_s)),
                 qPrintable(Conformance::describe(message)));
        COMPARE_EXACT(message.value(u"requiresAck"_s), true);
    }
    for (int i = 0; i < 2; ++i) {
        COMPARE_EXACT(toAlice[i].value(u"msgId"_s), toBob[i].value(u"msgId"_s));
    }
    QVERIFY(toAlice[0].value(u"msgId"_s) != toAlice[1].value(u"msgId"_s));
}

void tst_Conformance::recordingOff(const QVariant &)
{
    const QString topic = chatTopic(u"s066"_s);
    RawConnection *alice = peer(Tokens::alice, 2, Server::NoRecording);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob, 2, Server::NoRecording);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic));

    publishTo(bob, topic, u"unrecorded"_s);
    COMPARE_EXACT(QVariant(takeReply(alice, u"message"_s)),
                  QVariant(QVariantMap{{u"type"_s, u"message"_s},
                                       {u"topic"_s, topic},
                                       {u"data"_s, u"unrecorded"_s}}));
}

void tst_Conformance::liveDeliveryKeys(const QVariant &)
{
    const QString topic = chatTopic(u"s067"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic));

    publishTo(bob, topic, QVariantMap{{u"text"_s, u"live"_s}});
    const QVariantMap message = takeReply(alice, u"message"_s);
    // No isReplay, from or timestamp key.
    QCOMPARE(
        Conformance::keysOf(message),
        Conformance::sortedKeys({u"type"_s, u"topic"_s, u"data"_s, u"msgId"_s, u"requiresAck"_s}));
}

void tst_Conformance::acksUnanswered(const QVariant &)
{
    const QString topic = chatTopic(u"s068"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    REQUIRE(subscribe(alice, topic));

    publishTo(alice, topic, 1);
    publishTo(alice, topic, 2);
    REQUIRE(waitForMessageTotal({alice}, 2));
    const QList<QVariantMap> messages = takeMessages(alice);
    const QVariant first = messages[0].value(u"msgId"_s);
    const QVariant second = messages[1].value(u"msgId"_s);

    alice->sendFrame({{u"type"_s, u"ack"_s}, {u"msgId"_s, first}});
    alice->sendFrame(
        {{u"type"_s, u"batchAck"_s},
         {u"msgIds"_s, QVariantList{second, u"00000000-0000-4000-8000-000000000000"_s}}});
    alice->sendFrame({{u"type"_s, u"ack"_s}, {u"msgId"_s, u"not-a-known-id"_s}});
    REQUIRE(quietUntilControl(alice));
}

void tst_Conformance::publishOrder(const QVariant &)
{
    const QString topic = chatTopic(u"s069"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic));

    for (int i = 0; i < 10; ++i) {
        publishTo(bob, topic, i);
    }
    REQUIRE(waitForMessageTotal({alice}, 10));
    const QList<QVariantMap> messages = takeMessages(alice);
    for (int i = 0; i < 10; ++i) {
        COMPARE_EXACT(messages[i].value(u"data"_s), i);
    }
}
