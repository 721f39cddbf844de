// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// Load balancing: statements 89-96 (wire-protocol §11).
#include "tst_conformance.h"

#include <QtCore/QSet>

using namespace Qt::StringLiterals;
using NoLagTest::RawConnection;

namespace {

QVariantMap balanced(const QString &group = {})
{
    QVariantMap options{{u"loadBalance"_s, true}};
    if (!group.isEmpty()) {
        options.insert(u"loadBalanceGroup"_s, group);
    }
    return options;
}

} // namespace

void tst_Conformance::loadBalancing_data()
{
    addRows({
        {"089 two members of one group receive each publish exactly once between them",
         &tst_Conformance::groupSharesWork},
        {"090 two connections of one token without a group share messages the same way",
         &tst_Conformance::tokenSharesWork},
        {"091 the same group name in two apps forms two independent groups",
         &tst_Conformance::groupsPerApp},
        {"092 a broadcast subscriber gets every message while the group gets one copy",
         &tst_Conformance::broadcastAlongsideGroup},
        {"093 two different groups each receive one copy of every message",
         &tst_Conformance::twoGroups},
        {"094 round robin: 6 publishes to a 2-member group give 3 to each",
         &tst_Conformance::roundRobin},
        {"095 with echo false the publisher's own member is never chosen",
         &tst_Conformance::echoFalseSkipsPublisher},
        {"096 re-subscribing without loadBalance makes the subscription a broadcast one",
         &tst_Conformance::resubscribeBroadcast},
        {"§11 group name with / is rejected with invalid_group_name (local extension)",
         &tst_Conformance::invalidGroupName, u"team/a"_s},
        {"§11 group name with + is rejected with invalid_group_name (local extension)",
         &tst_Conformance::invalidGroupName, u"team+a"_s},
        {"§11 group name with # is rejected with invalid_group_name (local extension)",
         &tst_Conformance::invalidGroupName, u"team#"_s},
    });
}

void tst_Conformance::groupSharesWork(const QVariant &)
{
    const QString topic = chatTopic(u"s089"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    RawConnection *carol = peer(Tokens::carol);
    REQUIRE(carol);

    for (RawConnection *worker : {alice, bob}) {
        worker->sendFrame({{u"type"_s, u"subscribe"_s},
                           {u"topic"_s, topic},
                           {u"loadBalance"_s, true},
                           {u"loadBalanceGroup"_s, u"workers"_s}});
        COMPARE_EXACT(QVariant(takeReply(worker, u"subscribed"_s)),
                      QVariant(QVariantMap{{u"type"_s, u"subscribed"_s},
                                           {u"topic"_s, topic},
                                           {u"loadBalance"_s, true}}));
    }

    for (int i = 0; i < 6; ++i) {
        publishTo(carol, topic, i);
    }
    REQUIRE(waitForMessageTotal({alice, bob}, 6));
    QSet<int> seen;
    for (const QVariantMap &message : takeMessages(alice) + takeMessages(bob)) {
        seen.insert(message.value(u"data"_s).toInt());
    }
    QCOMPARE(seen, (QSet<int>{0, 1, 2, 3, 4, 5}));
}

void tst_Conformance::tokenSharesWork(const QVariant &)
{
    const QString topic = chatTopic(u"s090"_s);
    RawConnection *first = peer(Tokens::alice);
    REQUIRE(first);
    RawConnection *second = peer(Tokens::alice);
    REQUIRE(second);
    RawConnection *carol = peer(Tokens::carol);
    REQUIRE(carol);
    REQUIRE(subscribe(first, topic, balanced()));
    REQUIRE(subscribe(second, topic, balanced()));

    for (int i = 0; i < 6; ++i) {
        publishTo(carol, topic, i);
    }
    REQUIRE(waitForMessageTotal({first, second}, 6));
    QSet<int> seen;
    for (const QVariantMap &message : takeMessages(first) + takeMessages(second)) {
        seen.insert(message.value(u"data"_s).toInt());
    }
    QCOMPARE(seen, (QSet<int>{0, 1, 2, 3, 4, 5}));
}

void tst_Conformance::groupsPerApp(const QVariant &)
{
    // Both subscriptions resolve to the internal route of chat/s091/messages; only the app
    // part of the effective group name ({projectId}_{appId}_{group}) tells them apart.
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *ops = peer(Tokens::ops);
    REQUIRE(ops);
    RawConnection *carol = peer(Tokens::carol);
    REQUIRE(carol);
    REQUIRE(subscribe(alice, chatTopic(u"s091"_s), balanced(u"workers"_s)));
    REQUIRE(subscribe(ops, u"ops/s091/messages"_s, balanced(u"workers"_s)));

    for (int i = 0; i < 4; ++i) {
        publishTo(carol, chatTopic(u"s091"_s), i);
    }
    REQUIRE(waitForMessageTotal({alice, ops}, 8));
    QCOMPARE(takeMessages(alice).size(), 4);
    QCOMPARE(takeMessages(ops).size(), 4);
}

void tst_Conformance::broadcastAlongsideGroup(const QVariant &)
{
    const QString topic = chatTopic(u"s092"_s);
    RawConnection *first = peer(Tokens::alice);
    REQUIRE(first);
    RawConnection *second = peer(Tokens::alice);
    REQUIRE(second);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    RawConnection *carol = peer(Tokens::carol);
    REQUIRE(carol);
    REQUIRE(subscribe(first, topic, balanced(u"g"_s)));
    REQUIRE(subscribe(second, topic, balanced(u"g"_s)));
    REQUIRE(subscribe(bob, topic));

    for (int i = 0; i < 4; ++i) {
        publishTo(carol, topic, i);
    }
    REQUIRE(waitForMessageTotal({first, second, bob}, 8));
    QCOMPARE(takeMessages(bob).size(), 4);
    QCOMPARE(takeMessages(first).size() + takeMessages(second).size(), 4);
}

void tst_Conformance::twoGroups(const QVariant &)
{
    const QString topic = chatTopic(u"s093"_s);
    QList<RawConnection *> groupOne;
    QList<RawConnection *> groupTwo;
    for (int i = 0; i < 2; ++i) {
        RawConnection *a = peer(Tokens::alice);
        REQUIRE(a);
        REQUIRE(subscribe(a, topic, balanced(u"g1"_s)));
        groupOne.append(a);
        RawConnection *b = peer(Tokens::bob);
        REQUIRE(b);
        REQUIRE(subscribe(b, topic, balanced(u"g2"_s)));
        groupTwo.append(b);
    }
    RawConnection *carol = peer(Tokens::carol);
    REQUIRE(carol);

    for (int i = 0; i < 4; ++i) {
        publishTo(carol, topic, i);
    }
    REQUIRE(waitForMessageTotal(groupOne + groupTwo, 8));
    QCOMPARE(takeMessages(groupOne[0]).size() + takeMessages(groupOne[1]).size(), 4);
    QCOMPARE(takeMessages(groupTwo[0]).size() + takeMessages(groupTwo[1]).size(), 4);
}

void tst_Conformance::roundRobin(const QVariant &)
{
    const QString topic = chatTopic(u"s094"_s);
    RawConnection *first = peer(Tokens::alice);
    REQUIRE(first);
    RawConnection *second = peer(Tokens::bob);
    REQUIRE(second);
    RawConnection *carol = peer(Tokens::carol);
    REQUIRE(carol);
    REQUIRE(subscribe(first, topic, balanced(u"rr"_s)));
    REQUIRE(subscribe(second, topic, balanced(u"rr"_s)));

    for (int i = 0; i < 6; ++i) {
        publishTo(carol, topic, i);
    }
    REQUIRE(waitForMessageTotal({first, second}, 6));
    QCOMPARE(takeMessages(first).size(), 3);
    QCOMPARE(takeMessages(second).size(), 3);
}

void tst_Conformance::echoFalseSkipsPublisher(const QVariant &)
{
    const QString topic = chatTopic(u"s095"_s);
    RawConnection *publisher = peer(Tokens::alice);
    REQUIRE(publisher);
    RawConnection *other = peer(Tokens::alice);
    REQUIRE(other);
    REQUIRE(subscribe(publisher, topic, balanced()));
    REQUIRE(subscribe(other, topic, balanced()));

    for (int i = 0; i < 4; ++i) {
        publishTo(publisher, topic, i, {{u"echo"_s, false}});
    }
    REQUIRE(waitForMessageTotal({publisher, other}, 4));
    QCOMPARE(takeMessages(other).size(), 4);
    QCOMPARE(takeMessages(publisher).size(), 0);
}

void tst_Conformance::resubscribeBroadcast(const QVariant &)
{
    const QString topic = chatTopic(u"s096"_s);
    RawConnection *first = peer(Tokens::alice);
    REQUIRE(first);
    RawConnection *second = peer(Tokens::alice);
    REQUIRE(second);
    RawConnection *carol = peer(Tokens::carol);
    REQUIRE(carol);
    REQUIRE(subscribe(first, topic, balanced()));
    REQUIRE(subscribe(second, topic, balanced()));

    first->sendFrame({{u"type"_s, u"subscribe"_s}, {u"topic"_s, topic}});
    COMPARE_EXACT(takeReply(first, u"subscribed"_s).value(u"loadBalance"_s), false);

    for (int i = 0; i < 4; ++i) {
        publishTo(carol, topic, i);
    }
    REQUIRE(waitForMessageTotal({first, second}, 8));
    QCOMPARE(takeMessages(first).size(), 4);
    QCOMPARE(takeMessages(second).size(), 4);
}

void tst_Conformance::invalidGroupName(const QVariant &argument)
{
    const QString topic = chatTopic(u"s089"_s, u"typing"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    alice->sendFrame({{u"type"_s, u"subscribe"_s},
                      {u"topic"_s, topic},
                      {u"loadBalance"_s, true},
                      {u"loadBalanceGroup"_s, argument}});
    const auto reply = takeFrame(alice, [](const RawConnection::Frame &f) {
        return f.type() == u"subscribed"_s || f.type() == u"error"_s;
    });
    QVERIFY2(reply, "no reply to the subscribe");
    COMPARE_EXACT(QVariant(reply->map),
                  QVariant(QVariantMap{{u"type"_s, u"error"_s},
                                       {u"error"_s, u"invalid_group_name"_s},
                                       {u"topic"_s, topic}}));
}
