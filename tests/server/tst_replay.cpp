// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT

// Saved subscriptions, acknowledgements and replay, with the real SQLite store: what an
// actor does not acknowledge before it drops comes back on its next reconnect: true.

#include "brokerharness.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace NoLagTest;

namespace {

const QString Topic = u"chat/general/messages"_s;

QHash<QString, ActorGrant> chatTokens()
{
    return {{u"alice-token"_s, chatGrant(u"alice"_s)},
            {u"bob-token"_s, chatGrant(u"bob"_s)},
            {u"carol-token"_s, chatGrant(u"carol"_s)}};
}

QVariantList dataOf(const QList<QVariantMap> &messages)
{
    QVariantList data;
    for (const QVariantMap &message : messages) {
        data.append(message.value(u"data"_s));
    }
    return data;
}

void ack(BrokerHarness &harness, Client *client, const QVariantMap &message)
{
    harness.send(client, {{u"type"_s, u"ack"_s}, {u"msgId"_s, message.value(u"msgId"_s)}});
}

} // namespace

class tst_Replay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void unacknowledgedMessagesAreReplayed_data();
    void unacknowledgedMessagesAreReplayed();
    void replayFraming();
    void liveMessagesFollowReplay();
    void echoOffIsNotReplayed();
    void qosZeroIsNotReplayed();
    void plainSubscribeDoesNotReplay();
    void filteredSubscriptionReplaysItsFilter();
    void loadBalancedReplay();
    void replayLimit();
    void restoredSubscriptionsList();
    void unsubscribeForgets();
    void survivesBrokerRestart();
    void logIsPrunedOnceAcknowledged();
};

void tst_Replay::unacknowledgedMessagesAreReplayed_data()
{
    QTest::addColumn<QList<int>>("acked"); // indexes of delivered messages acknowledged
    QTest::addColumn<bool>("batch"); // with one batchAck instead of acks
    QTest::addColumn<QVariantList>("replayed"); // data of the replayed messages, in order

    QTest::addRow("nothing acknowledged")
        << QList<int>{} << false << QVariantList{0, 1, 2, 3, u"offline"_s};
    QTest::addRow("everything acknowledged")
        << QList<int>{0, 1, 2, 3} << false << QVariantList{u"offline"_s};
    QTest::addRow("acknowledged out of order")
        << QList<int>{2, 0} << false << QVariantList{1, 3, u"offline"_s};
    QTest::addRow("batchAck") << QList<int>{1, 3} << true << QVariantList{0, 2, u"offline"_s};
}

void tst_Replay::unacknowledgedMessagesAreReplayed()
{
    QFETCH(QList<int>, acked);
    QFETCH(bool, batch);
    QFETCH(QVariantList, replayed);

    BrokerHarness harness({}, true);
    harness.setTokens(chatTokens());
    Client *subscriber = harness.connect();
    Client *publisher = harness.connect();
    harness.authenticate(subscriber, u"alice-token"_s);
    harness.authenticate(publisher, u"bob-token"_s);
    harness.subscribe(subscriber, Topic);
    for (int i = 0; i < 4; ++i) {
        harness.publish(publisher, Topic, i);
    }
    const QList<QVariantMap> delivered = subscriber->framesOfType(u"message"_s);
    QCOMPARE(delivered.size(), 4);

    QVariantList ids;
    for (const int index : acked) {
        if (batch) {
            ids.append(delivered.at(index).value(u"msgId"_s));
        } else {
            ack(harness, subscriber, delivered.at(index));
        }
    }
    if (batch) {
        harness.send(subscriber, {{u"type"_s, u"batchAck"_s}, {u"msgIds"_s, ids}});
    }
    harness.broker->sweep(); // writes acknowledgement floors, as the timer would
    harness.disconnect(subscriber);
    harness.publish(publisher, Topic, u"offline"_s);

    Client *back = harness.connect();
    const QVariantMap auth = harness.authenticate(back, u"alice-token"_s, true);
    QCOMPARE(auth.value(u"restoredSubscriptions"_s).toList().size(), 1);
    const QList<QVariantMap> messages = back->framesOfType(u"message"_s);
    QCOMPARE(dataOf(messages), replayed);
    for (const QVariantMap &message : messages) {
        QCOMPARE(message.value(u"isReplay"_s), true);
        QCOMPARE(message.value(u"requiresAck"_s), true);
        QCOMPARE(message.value(u"topic"_s), Topic);
    }
    // Replayed messages keep the msgId they were first delivered with.
    for (const QVariantMap &message : messages) {
        for (const QVariantMap &original : delivered) {
            if (original.value(u"data"_s) == message.value(u"data"_s)) {
                QCOMPARE(message.value(u"msgId"_s), original.value(u"msgId"_s));
            }
        }
    }
}

void tst_Replay::replayFraming()
{
    BrokerHarness harness({}, true);
    harness.setTokens(chatTokens());
    Client *subscriber = harness.connect();
    Client *publisher = harness.connect();
    harness.authenticate(subscriber, u"alice-token"_s);
    harness.authenticate(publisher, u"bob-token"_s);
    harness.subscribe(subscriber, Topic);
    harness.disconnect(subscriber);
    harness.publish(publisher, Topic, 1);
    harness.publish(publisher, Topic, 2);

    Client *back = harness.connect();
    harness.authenticate(back, u"alice-token"_s, true);
    QStringList types;
    for (const QByteArray &frame : std::as_const(back->link.frames)) {
        types.append(NoLag::Codec::decodeVariant(frame).toMap().value(u"type"_s).toString());
    }
    QCOMPARE(
        types,
        (QStringList{u"auth"_s, u"replayStart"_s, u"message"_s, u"message"_s, u"replayEnd"_s}));
    QCOMPARE(back->framesOfType(u"replayStart"_s).first(),
             (QVariantMap{{u"type"_s, u"replayStart"_s}, {u"count"_s, qint64(2)}}));
    QCOMPARE(back->framesOfType(u"replayEnd"_s).first(),
             (QVariantMap{{u"type"_s, u"replayEnd"_s}, {u"replayed"_s, qint64(2)}}));

    // Replayed but still not acknowledged: they come once more.
    harness.disconnect(back);
    Client *again = harness.connect();
    harness.authenticate(again, u"alice-token"_s, true);
    QCOMPARE(again->framesOfType(u"replayStart"_s).size(), 1);
    for (const QVariantMap &message : again->framesOfType(u"message"_s)) {
        ack(harness, again, message);
    }
    harness.broker->sweep();
    harness.disconnect(again);

    // Nothing left to replay: no replay frames at all, only the auth reply.
    Client *last = harness.connect();
    harness.authenticate(last, u"alice-token"_s, true);
    QVERIFY(last->framesOfType(u"replayStart"_s).isEmpty());
    QCOMPARE(last->count(), 1);
}

void tst_Replay::liveMessagesFollowReplay()
{
    BrokerHarness harness({}, true);
    harness.setTokens(chatTokens());
    Client *subscriber = harness.connect();
    Client *publisher = harness.connect();
    harness.authenticate(subscriber, u"alice-token"_s);
    harness.authenticate(publisher, u"bob-token"_s);
    harness.subscribe(subscriber, Topic);
    harness.disconnect(subscriber);
    harness.publish(publisher, Topic, u"missed"_s);

    Client *back = harness.connect();
    harness.authenticate(back, u"alice-token"_s, true);
    harness.publish(publisher, Topic, u"live"_s);
    const QList<QVariantMap> messages = back->framesOfType(u"message"_s);
    QCOMPARE(dataOf(messages), (QVariantList{u"missed"_s, u"live"_s}));
    QCOMPARE(messages.last().contains(u"isReplay"_s), false);
}

void tst_Replay::echoOffIsNotReplayed()
{
    BrokerHarness harness({}, true);
    harness.setTokens(chatTokens());
    Client *client = harness.connect();
    Client *other = harness.connect();
    harness.authenticate(client, u"alice-token"_s);
    harness.authenticate(other, u"alice-token"_s);
    harness.subscribe(client, Topic);
    harness.disconnect(client);

    // Another connection of the same actor publishes while the subscriber is away.
    harness.publish(other, Topic, u"own, echo off"_s, {{u"echo"_s, false}});
    harness.publish(other, Topic, u"own, echo on"_s);

    Client *back = harness.connect();
    harness.authenticate(back, u"alice-token"_s, true);
    QCOMPARE(dataOf(back->framesOfType(u"message"_s)), QVariantList{u"own, echo on"_s});
}

void tst_Replay::qosZeroIsNotReplayed()
{
    BrokerHarness harness({}, true);
    harness.setTokens(chatTokens());
    Client *subscriber = harness.connect();
    Client *publisher = harness.connect();
    harness.authenticate(subscriber, u"alice-token"_s);
    harness.authenticate(publisher, u"bob-token"_s);
    harness.subscribe(subscriber, Topic, {{u"qos"_s, 0}});
    harness.subscribe(subscriber, u"chat/other/messages"_s);
    harness.disconnect(subscriber);
    harness.publish(publisher, Topic, 1);
    harness.publish(publisher, u"chat/other/messages"_s, 2, {{u"qos"_s, 0}});
    harness.publish(publisher, u"chat/other/messages"_s, 3);

    Client *back = harness.connect();
    const QVariantMap auth = harness.authenticate(back, u"alice-token"_s, true);
    QCOMPARE(auth.value(u"restoredSubscriptions"_s).toList().size(), 2);
    QCOMPARE(dataOf(back->framesOfType(u"message"_s)), QVariantList{3});
}

void tst_Replay::plainSubscribeDoesNotReplay()
{
    BrokerHarness harness({}, true);
    harness.setTokens(chatTokens());
    Client *subscriber = harness.connect();
    Client *publisher = harness.connect();
    harness.authenticate(subscriber, u"alice-token"_s);
    harness.authenticate(publisher, u"bob-token"_s);
    harness.subscribe(subscriber, Topic);
    harness.disconnect(subscriber);
    harness.publish(publisher, Topic, 1);

    // reconnect: false and a fresh subscribe start from now ...
    Client *fresh = harness.connect();
    const QVariantMap auth = harness.authenticate(fresh, u"alice-token"_s, false);
    QCOMPARE(auth.value(u"restoredSubscriptions"_s), QVariant(QVariantList()));
    QVERIFY(fresh->framesOfType(u"message"_s).isEmpty());
    harness.disconnect(fresh);

    // ... but without that subscribe, a later reconnect: true still replays.
    Client *back = harness.connect();
    harness.authenticate(back, u"alice-token"_s, true);
    QCOMPARE(dataOf(back->framesOfType(u"message"_s)), QVariantList{1});
}

void tst_Replay::filteredSubscriptionReplaysItsFilter()
{
    BrokerHarness harness({}, true);
    harness.setTokens(chatTokens());
    Client *subscriber = harness.connect();
    Client *publisher = harness.connect();
    harness.authenticate(subscriber, u"alice-token"_s);
    harness.authenticate(publisher, u"bob-token"_s);
    QVariantList filters{u"a"_s};
    filters.append(QVariant(QVariantList{u"Y"_s, u"x"_s}));
    harness.subscribe(subscriber, Topic, {{u"filters"_s, filters}});
    harness.disconnect(subscriber);
    harness.publish(publisher, Topic, u"a"_s, {{u"filter"_s, u"a"_s}});
    harness.publish(publisher, Topic, u"b"_s, {{u"filter"_s, u"b"_s}});
    harness.publish(publisher, Topic, u"plain"_s);
    harness.publish(publisher, Topic, u"xy"_s, {{u"filters"_s, QVariantList{u"x"_s, u"y"_s}}});

    Client *back = harness.connect();
    const QVariantMap auth = harness.authenticate(back, u"alice-token"_s, true);
    const QVariantMap restored = auth.value(u"restoredSubscriptions"_s).toList().value(0).toMap();
    // Filters are saved and listed in their normalised form.
    QCOMPARE(restored.value(u"filters"_s), QVariant(QVariantList{u"a"_s, u"x|y"_s}));
    const QList<QVariantMap> messages = back->framesOfType(u"message"_s);
    QCOMPARE(dataOf(messages), (QVariantList{u"a"_s, u"xy"_s}));
    QCOMPARE(messages.last().value(u"filter"_s), u"x|y"_s);
}

void tst_Replay::loadBalancedReplay()
{
    BrokerHarness harness({}, true);
    harness.setTokens(chatTokens());
    Client *worker = harness.connect();
    Client *publisher = harness.connect();
    harness.authenticate(worker, u"alice-token"_s);
    harness.authenticate(publisher, u"bob-token"_s);
    const QVariantMap group{{u"loadBalance"_s, true}, {u"loadBalanceGroup"_s, u"workers"_s}};
    harness.subscribe(worker, Topic, group);
    harness.publish(publisher, Topic, u"handled"_s);
    harness.publish(publisher, Topic, u"dropped with the worker"_s);
    const QList<QVariantMap> delivered = worker->framesOfType(u"message"_s);
    QCOMPARE(delivered.size(), 2);
    ack(harness, worker, delivered.first());
    harness.disconnect(worker);
    harness.publish(publisher, Topic, u"nobody online"_s);

    Client *back = harness.connect();
    const QVariantMap auth = harness.authenticate(back, u"alice-token"_s, true);
    const QVariantMap restored = auth.value(u"restoredSubscriptions"_s).toList().value(0).toMap();
    QCOMPARE(restored.value(u"load_balance"_s), true);
    QCOMPARE(restored.value(u"load_balance_group"_s), u"proj-1_app-chat_workers"_s);
    QCOMPARE(dataOf(back->framesOfType(u"message"_s)),
             (QVariantList{u"dropped with the worker"_s, u"nobody online"_s}));

    // Once acknowledged, they are gone for good.
    for (const QVariantMap &message : back->framesOfType(u"message"_s)) {
        ack(harness, back, message);
    }
    harness.disconnect(back);
    Client *again = harness.connect();
    harness.authenticate(again, u"alice-token"_s, true);
    QVERIFY(again->framesOfType(u"message"_s).isEmpty());
}

void tst_Replay::replayLimit()
{
    BrokerOptions options;
    options.replayLimit = 3;
    options.rateLimit = 0;
    BrokerHarness harness(options, true);
    harness.setTokens(chatTokens());
    Client *subscriber = harness.connect();
    Client *publisher = harness.connect();
    harness.authenticate(subscriber, u"alice-token"_s);
    harness.authenticate(publisher, u"bob-token"_s);
    harness.subscribe(subscriber, Topic);
    harness.disconnect(subscriber);
    for (int i = 0; i < 5; ++i) {
        harness.publish(publisher, Topic, i);
    }

    Client *back = harness.connect();
    harness.authenticate(back, u"alice-token"_s, true);
    // The newest ones, oldest first.
    QCOMPARE(dataOf(back->framesOfType(u"message"_s)), (QVariantList{2, 3, 4}));
}

void tst_Replay::restoredSubscriptionsList()
{
    BrokerHarness harness({}, true);
    harness.setTokens(chatTokens());
    Client *client = harness.connect();
    harness.authenticate(client, u"alice-token"_s);
    harness.subscribe(client, Topic);
    harness.subscribe(client, u"chat/other/typing"_s, {{u"loadBalance"_s, true}});
    harness.disconnect(client);

    // The actor lost the right to one of them: listed, not restored.
    QHash<QString, ActorGrant> tokens = chatTokens();
    tokens[u"alice-token"_s] = chatGrant(u"alice"_s, {u"general"_s});
    harness.setTokens(tokens);

    Client *back = harness.connect();
    const QVariantMap auth = harness.authenticate(back, u"alice-token"_s, true);
    QCOMPARE(
        auth.value(u"restoredSubscriptions"_s),
        QVariant(QVariantList{QVariantMap{{u"pattern"_s, Topic},
                                          {u"topic"_s, u"room-general/messages"_s},
                                          {u"load_balance"_s, false},
                                          {u"load_balance_group"_s, QVariant::fromValue(nullptr)},
                                          {u"filters"_s, QVariantList()}},
                              QVariantMap{{u"pattern"_s, u"chat/other/typing"_s},
                                          {u"topic"_s, u"room-other/typing"_s},
                                          {u"load_balance"_s, true},
                                          {u"load_balance_group"_s, u"proj-1_app-chat_alice"_s},
                                          {u"filters"_s, QVariantList()}}}));
    QVERIFY(back->framesOfType(u"subscribed"_s).isEmpty());

    Client *publisher = harness.connect();
    harness.authenticate(publisher, u"bob-token"_s);
    harness.publish(publisher, Topic, 1);
    QCOMPARE(dataOf(back->framesOfType(u"message"_s)), QVariantList{1});
}

void tst_Replay::unsubscribeForgets()
{
    BrokerHarness harness({}, true);
    harness.setTokens(chatTokens());
    Client *client = harness.connect();
    harness.authenticate(client, u"alice-token"_s);
    harness.subscribe(client, Topic);
    harness.send(client, {{u"type"_s, u"unsubscribe"_s}, {u"topic"_s, Topic}});
    QCOMPARE(client->last(), (QVariantMap{{u"type"_s, u"unsubscribed"_s}, {u"topic"_s, Topic}}));
    harness.disconnect(client);

    Client *back = harness.connect();
    const QVariantMap auth = harness.authenticate(back, u"alice-token"_s, true);
    QCOMPARE(auth.value(u"restoredSubscriptions"_s), QVariant(QVariantList()));
}

void tst_Replay::survivesBrokerRestart()
{
    BrokerHarness harness({}, true);
    harness.setTokens(chatTokens());
    {
        Client *subscriber = harness.connect();
        Client *publisher = harness.connect();
        harness.authenticate(subscriber, u"alice-token"_s);
        harness.authenticate(publisher, u"bob-token"_s);
        harness.subscribe(subscriber, Topic);
        harness.publish(publisher, Topic, u"delivered, never acknowledged"_s);
        harness.publish(publisher, Topic, u"retained"_s, {{u"retain"_s, true}});
        const QList<QVariantMap> messages = subscriber->framesOfType(u"message"_s);
        ack(harness, subscriber, messages.last());
    }
    harness.restartBroker();

    Client *back = harness.connect();
    harness.authenticate(back, u"alice-token"_s, true);
    QCOMPARE(dataOf(back->framesOfType(u"message"_s)),
             QVariantList{u"delivered, never acknowledged"_s});

    Client *late = harness.connect();
    harness.authenticate(late, u"carol-token"_s);
    harness.subscribe(late, Topic);
    QCOMPARE(dataOf(late->framesOfType(u"message"_s)), QVariantList{u"retained"_s});
}

void tst_Replay::logIsPrunedOnceAcknowledged()
{
    BrokerHarness harness({}, true);
    harness.setTokens(chatTokens());
    Client *subscriber = harness.connect();
    Client *publisher = harness.connect();
    harness.authenticate(subscriber, u"alice-token"_s);
    harness.authenticate(publisher, u"bob-token"_s);
    harness.subscribe(subscriber, Topic);
    for (int i = 0; i < 5; ++i) {
        harness.publish(publisher, Topic, i);
    }
    QCOMPARE(harness.store()->loggedMessageCount(), 5);

    const QList<QVariantMap> messages = subscriber->framesOfType(u"message"_s);
    for (int i = 0; i < 3; ++i) {
        ack(harness, subscriber, messages.at(i));
    }
    harness.clock.advance(61'000);
    harness.broker->sweep();
    QCOMPARE(harness.store()->loggedMessageCount(), 2);

    // Unacknowledged messages older than the retention window go as well.
    harness.clock.advance(24LL * 3'600'000);
    harness.broker->sweep();
    QCOMPARE(harness.store()->loggedMessageCount(), 0);
}

QTEST_GUILESS_MAIN(tst_Replay)
#include "tst_replay.moc"
