// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT

// The routing core without sockets: sessions, fan-out, echo, filters, load balancing,
// presence, lobbies and every limit, driven through fake links and a manual clock.

#include "brokerharness.h"

#include "core/messageid.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtCore/QUuid>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace NoLagTest;

namespace {

const QString Topic = u"chat/general/messages"_s;

QHash<QString, ActorGrant> chatTokens()
{
    QHash<QString, ActorGrant> tokens{{u"alice-token"_s, chatGrant(u"alice"_s)},
                                      {u"bob-token"_s, chatGrant(u"bob"_s)},
                                      {u"carol-token"_s, chatGrant(u"carol"_s)}};
    ActorGrant other = chatGrant(u"dave"_s);
    for (AclRule &rule : other.rules) {
        rule.appId = u"app-other"_s;
    }
    tokens.insert(u"dave-token"_s, other);
    return tokens;
}

QVariantMap with(const QString &key, const QVariant &value)
{
    return QVariantMap{{key, value}};
}

} // namespace

class tst_Broker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void messageIds();
    void framesBeforeAuthentication_data();
    void framesBeforeAuthentication();
    void undecodableFramesAreIgnored_data();
    void undecodableFramesAreIgnored();
    void heartbeatEchoOnlyWhenAuthenticated();
    void authReplyAndVersion_data();
    void authReplyAndVersion();
    void fanOutEncodesOnce();
    void echo_data();
    void echo();
    void publishedPrecedesOwnCopy();
    void filterDelivery_data();
    void filterDelivery();
    void rejectedResubscribeKeepsSubscription();
    void setFilters();
    void loadBalancingRoundRobin();
    void loadBalancingGroups_data();
    void loadBalancingGroups();
    void invalidGroupName_data();
    void invalidGroupName();
    void rateLimitPerSecond();
    void messageSizeLimit();
    void filterCountLimit();
    void retainedMessagesExpire();
    void retainedEchoSuppression();
    void idleConnectionsClose();
    void revalidationClosesRevokedActors();
    void connectionLimitPerOrganisation();
    void presenceEvents();
    void presenceListShape();
    void lobbyPresence();
    void unknownTopicError_data();
    void unknownTopicError();
    void recordingOff();
    void jsonTextFrames_data();
    void jsonTextFrames();
    void liveRoomCheckOnSubscribe();
    void reauth_data();
    void reauth();
    void revalidationOverConnectionLimit();
    void hydrationWebhook();
    void triggerWebhook();
    void randomFramesNeverCrash();
};

void tst_Broker::messageIds()
{
    static const QRegularExpression uuidV4(
        u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
    QSet<QByteArray> seen;
    for (int i = 0; i < 1000; ++i) {
        const QByteArray id = newMessageId();
        QVERIFY2(uuidV4.match(QString::fromLatin1(id)).hasMatch(), id.constData());
        QVERIFY(!seen.contains(id));
        seen.insert(id);
        // The key of an id is exact: equal ids, equal keys; the key is what acks are found by.
        QVERIFY(messageKey(id).has_value());
        QVERIFY(*messageKey(id) == *messageKey(QByteArray(id)));
    }
    const QByteArray id = newMessageId();
    QByteArray changed = id;
    changed[35] = changed[35] == 'a' ? 'b' : 'a';
    QVERIFY(!(*messageKey(id) == *messageKey(changed)));

    QVERIFY(!messageKey("not-a-uuid").has_value());
    QVERIFY(!messageKey("0123456789abcdef0123456789abcdef0123").has_value());
    QVERIFY(!messageKey(QByteArray(id).toUpper()).has_value());
}

void tst_Broker::framesBeforeAuthentication_data()
{
    QTest::addColumn<QVariant>("frame");

    QTest::addRow("subscribe") << QVariant(
        QVariantMap{{u"type"_s, u"subscribe"_s}, {u"topic"_s, Topic}});
    QTest::addRow("unknown type") << QVariant(QVariantMap{{u"type"_s, u"nope"_s}});
    QTest::addRow("auth without token") << QVariant(QVariantMap{{u"type"_s, u"auth"_s}});
    QTest::addRow("auth with a number as token")
        << QVariant(QVariantMap{{u"type"_s, u"auth"_s}, {u"token"_s, 5}});
    QTest::addRow("an array, not a map") << QVariant(QVariantList{1, 2});
    QTest::addRow("a number, not a map") << QVariant(7);
}

void tst_Broker::framesBeforeAuthentication()
{
    QFETCH(QVariant, frame);

    BrokerHarness harness;
    harness.setTokens(chatTokens());
    Client *client = harness.connect();
    bool ok = false;
    harness.sendBytes(client, NoLag::Codec::encodeVariant(frame, &ok));
    QVERIFY(ok);

    QCOMPARE(client->count(), 1);
    QCOMPARE(client->last(),
             (QVariantMap{{u"type"_s, u"error"_s}, {u"error"_s, u"not_authenticated"_s}}));
}

void tst_Broker::undecodableFramesAreIgnored_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("authenticated");

    QTest::addRow("reserved byte") << QByteArray("\xc1", 1) << false;
    QTest::addRow("truncated map") << QByteArray("\x82\xa4type", 6) << true;
    QTest::addRow("trailing bytes") << QByteArray("\x80\x80", 2) << true;
    QTest::addRow("ext value") << QByteArray("\x81\xa1x\xd4\x01\x02", 7) << true;
    QTest::addRow("non-map after auth") << QByteArray("\x93\x01\x02\x03", 4) << true;
}

void tst_Broker::undecodableFramesAreIgnored()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, authenticated);

    BrokerHarness harness;
    harness.setTokens(chatTokens());
    Client *client = harness.connect();
    Client *other = harness.connect();
    if (authenticated) {
        harness.authenticate(client, u"alice-token"_s);
    }
    harness.authenticate(other, u"bob-token"_s);
    harness.subscribe(other, Topic);
    client->clear();
    other->clear();

    harness.sendBytes(client, bytes);
    QCOMPARE(client->count(), 0);
    QCOMPARE(client->link.closeCode, -1);

    // The connection and its neighbour still work.
    harness.authenticate(client, u"alice-token"_s);
    harness.publish(client, Topic, u"still here"_s);
    QCOMPARE(other->framesOfType(u"message"_s).size(), 1);
}

void tst_Broker::heartbeatEchoOnlyWhenAuthenticated()
{
    BrokerHarness harness;
    harness.setTokens(chatTokens());
    Client *client = harness.connect();

    harness.sendBytes(client, QByteArray());
    QCOMPARE(client->count(), 0);

    harness.authenticate(client, u"alice-token"_s);
    client->clear();
    harness.sendBytes(client, QByteArray());
    harness.sendBytes(client, QByteArray());
    QCOMPARE(client->link.frames, (QList<QByteArray>{QByteArray(), QByteArray()}));
}

void tst_Broker::authReplyAndVersion_data()
{
    QTest::addColumn<QVariant>("version");
    QTest::addColumn<int>("negotiated");

    QTest::addRow("absent") << QVariant() << 1;
    QTest::addRow("1") << QVariant(1) << 1;
    QTest::addRow("2") << QVariant(2) << 2;
    QTest::addRow("99") << QVariant(99) << 2;
    QTest::addRow("0") << QVariant(0) << 1;
    QTest::addRow("-1") << QVariant(-1) << 1;
    QTest::addRow("2.0 as a float") << QVariant(2.0) << 1;
    QTest::addRow("\"2\" as a string") << QVariant(u"2"_s) << 1;
}

void tst_Broker::authReplyAndVersion()
{
    QFETCH(QVariant, version);
    QFETCH(int, negotiated);

    BrokerHarness harness;
    harness.setTokens(chatTokens());
    Client *client = harness.connect();
    QVariantMap auth{{u"type"_s, u"auth"_s}, {u"token"_s, u"alice-token"_s}};
    if (version.isValid()) {
        auth.insert(u"protocolVersion"_s, version);
    }
    harness.send(client, auth);

    QCOMPARE(client->last(),
             (QVariantMap{{u"type"_s, u"auth"_s},
                          {u"success"_s, true},
                          {u"actorTokenId"_s, u"alice"_s},
                          {u"projectId"_s, u"proj-1"_s},
                          {u"actorType"_s, u"user"_s},
                          {u"protocolVersion"_s, qint64(negotiated)},
                          {u"restoredSubscriptions"_s, QVariantList()}}));
}

void tst_Broker::fanOutEncodesOnce()
{
    BrokerHarness harness;
    harness.setTokens(chatTokens());
    QList<Client *> subscribers;
    for (int i = 0; i < 100; ++i) {
        Client *client = harness.connect();
        harness.authenticate(client, i % 2 ? u"alice-token"_s : u"bob-token"_s);
        harness.subscribe(client, Topic);
        client->clear();
        subscribers.append(client);
    }
    Client *publisher = harness.connect();
    harness.authenticate(publisher, u"carol-token"_s);

    harness.publish(publisher, Topic, QVariantMap{{u"text"_s, u"hello"_s}});

    const QByteArray first = subscribers.first()->link.frames.value(0);
    QVERIFY(!first.isEmpty());
    for (Client *client : std::as_const(subscribers)) {
        QCOMPARE(client->count(), 1);
        // The very same bytes, shared: one encoding for every receiver.
        QVERIFY(client->link.frames.first().isSharedWith(first));
    }
    const QVariantMap message = subscribers.first()->last();
    QCOMPARE(message.value(u"topic"_s), Topic);
    QCOMPARE(message.value(u"requiresAck"_s), true);
    QVERIFY(QUuid::fromString(message.value(u"msgId"_s).toString()).version() == QUuid::Random);
}

void tst_Broker::echo_data()
{
    QTest::addColumn<QVariant>("echo");
    QTest::addColumn<bool>("ownCopy");

    QTest::addRow("omitted") << QVariant() << true;
    QTest::addRow("true") << QVariant(true) << true;
    QTest::addRow("false") << QVariant(false) << false;
    QTest::addRow("0 is not false") << QVariant(0) << true;
    QTest::addRow("\"false\" is not false") << QVariant(u"false"_s) << true;
}

void tst_Broker::echo()
{
    QFETCH(QVariant, echo);
    QFETCH(bool, ownCopy);

    BrokerHarness harness;
    harness.setTokens(chatTokens());
    Client *publisher = harness.connect();
    Client *sameToken = harness.connect();
    for (Client *client : {publisher, sameToken}) {
        harness.authenticate(client, u"alice-token"_s);
        harness.subscribe(client, Topic);
        client->clear();
    }

    harness.publish(publisher, Topic, 1, echo.isValid() ? with(u"echo"_s, echo) : QVariantMap());
    QCOMPARE(publisher->framesOfType(u"message"_s).size(), ownCopy ? 1 : 0);
    QCOMPARE(sameToken->framesOfType(u"message"_s).size(), 1);
}

void tst_Broker::publishedPrecedesOwnCopy()
{
    BrokerHarness harness;
    harness.setTokens(chatTokens());
    Client *client = harness.connect();
    harness.authenticate(client, u"alice-token"_s);
    harness.subscribe(client, Topic);
    client->clear();

    harness.publish(client, Topic, 1, with(u"msgRef"_s, u"r1"_s));
    QCOMPARE(client->count(), 2);
    QCOMPARE(
        NoLag::Codec::decodeVariant(client->link.frames.at(0)).toMap(),
        (QVariantMap{{u"type"_s, u"published"_s}, {u"topic"_s, Topic}, {u"msgRef"_s, u"r1"_s}}));
    QCOMPARE(client->last().value(u"type"_s), u"message"_s);

    client->clear();
    harness.publish(client, Topic, 2);
    QCOMPARE(client->framesOfType(u"published"_s).size(), 0);
}

void tst_Broker::filterDelivery_data()
{
    QTest::addColumn<QVariant>("subscription"); // the subscribe frame's filters
    QTest::addColumn<QVariantMap>("publish"); // filter / filters of the publish
    QTest::addColumn<bool>("strict");
    QTest::addColumn<QVariant>("filterField"); // invalid = not delivered; "" = no filter key

    const QVariant none;
    const QVariant noKey = QVariant(QString());
    QVariantList andGroup;
    andGroup.append(QVariant(QVariantList{u"A"_s, u"b"_s}));

    QTest::addRow("OR subscriber, matching filter")
        << QVariant(QVariantList{u"a"_s, u"b"_s}) << with(u"filter"_s, u"b"_s) << false
        << QVariant(u"b"_s);
    QTest::addRow("OR subscriber, other filter")
        << QVariant(QVariantList{u"a"_s, u"b"_s}) << with(u"filter"_s, u"c"_s) << false << none;
    QTest::addRow("OR subscriber, unfiltered publish")
        << QVariant(QVariantList{u"a"_s}) << QVariantMap() << false << none;
    QTest::addRow("filter keeps its case")
        << QVariant(QVariantList{u"alice"_s}) << with(u"filter"_s, u"Alice"_s) << false << none;
    QTest::addRow("filters of one are lowercased")
        << QVariant(QVariantList{u"alice"_s}) << with(u"filters"_s, QVariantList{u"Alice"_s})
        << false << QVariant(u"alice"_s);
    QTest::addRow("AND subscriber, composite publish")
        << QVariant(andGroup) << with(u"filters"_s, QVariantList{u"B"_s, u"a"_s}) << false
        << QVariant(u"a|b"_s);
    QTest::addRow("AND subscriber, single filter")
        << QVariant(andGroup) << with(u"filter"_s, u"a"_s) << false << none;
    QTest::addRow("OR subscriber, composite publish")
        << QVariant(QVariantList{u"a"_s}) << with(u"filters"_s, QVariantList{u"a"_s, u"b"_s})
        << false << none;
    QTest::addRow("unfiltered subscriber, unfiltered publish")
        << QVariant() << QVariantMap() << false << noKey;
    QTest::addRow("unfiltered subscriber, filtered publish")
        << QVariant() << with(u"filter"_s, u"v"_s) << false << QVariant(u"v"_s);
    QTest::addRow("unfiltered subscriber, filtered publish, strict")
        << QVariant() << with(u"filter"_s, u"v"_s) << true << none;
}

void tst_Broker::filterDelivery()
{
    QFETCH(QVariant, subscription);
    QFETCH(QVariantMap, publish);
    QFETCH(bool, strict);
    QFETCH(QVariant, filterField);

    BrokerOptions options;
    options.strictFilterIsolation = strict;
    BrokerHarness harness(options);
    harness.setTokens(chatTokens());
    Client *subscriber = harness.connect();
    Client *publisher = harness.connect();
    harness.authenticate(subscriber, u"alice-token"_s);
    harness.authenticate(publisher, u"bob-token"_s);
    const QVariantMap reply = harness.subscribe(
        subscriber, Topic,
        subscription.isValid() ? with(u"filters"_s, subscription) : QVariantMap());
    QCOMPARE(reply.value(u"type"_s), u"subscribed"_s);
    subscriber->clear();

    harness.publish(publisher, Topic, u"payload"_s, publish);
    const QList<QVariantMap> messages = subscriber->framesOfType(u"message"_s);
    if (!filterField.isValid()) {
        QVERIFY(messages.isEmpty());
        return;
    }
    QCOMPARE(messages.size(), 1);
    const QString expected = filterField.toString();
    QCOMPARE(messages.first().contains(u"filter"_s), !expected.isEmpty());
    if (!expected.isEmpty()) {
        QCOMPARE(messages.first().value(u"filter"_s), expected);
    }
}

void tst_Broker::rejectedResubscribeKeepsSubscription()
{
    BrokerHarness harness;
    harness.setTokens(chatTokens());
    Client *client = harness.connect();
    harness.authenticate(client, u"alice-token"_s);
    harness.subscribe(client, Topic, with(u"filters"_s, QVariantList{u"a"_s}));

    const QVariantMap error =
        harness.subscribe(client, Topic, with(u"filters"_s, QVariantList{u"a/b"_s}));
    QCOMPARE(error,
             (QVariantMap{{u"type"_s, u"error"_s},
                          {u"error"_s, u"invalid_filter_chars (/, #, +, | not allowed)"_s},
                          {u"topic"_s, Topic}}));
    client->clear();
    harness.publish(client, Topic, 1, with(u"filter"_s, u"a"_s));
    QCOMPARE(client->framesOfType(u"message"_s).size(), 1);
}

void tst_Broker::setFilters()
{
    BrokerHarness harness;
    harness.setTokens(chatTokens());
    Client *client = harness.connect();
    harness.authenticate(client, u"alice-token"_s);

    harness.send(
        client,
        {{u"type"_s, u"setFilters"_s}, {u"topic"_s, Topic}, {u"filters"_s, QVariantList{u"x"_s}}});
    QCOMPARE(client->last(),
             (QVariantMap{
                 {u"type"_s, u"error"_s}, {u"error"_s, u"not_subscribed"_s}, {u"topic"_s, Topic}}));

    harness.subscribe(client, Topic, {{u"loadBalance"_s, true}});
    QVariantList group;
    group.append(QVariant(QVariantList{u"Y"_s, u"x"_s}));
    harness.send(client,
                 {{u"type"_s, u"setFilters"_s}, {u"topic"_s, Topic}, {u"filters"_s, group}});
    // Echoed exactly as sent, not normalised.
    QCOMPARE(client->last(),
             (QVariantMap{
                 {u"type"_s, u"filtersUpdated"_s}, {u"topic"_s, Topic}, {u"filters"_s, group}}));
    client->clear();
    harness.publish(client, Topic, 1, with(u"filters"_s, QVariantList{u"x"_s, u"y"_s}));
    harness.publish(client, Topic, 2);
    QCOMPARE(client->framesOfType(u"message"_s).size(), 1);

    // [] widens it again, and it is still load-balanced: a second member shares the work.
    harness.send(
        client,
        {{u"type"_s, u"setFilters"_s}, {u"topic"_s, Topic}, {u"filters"_s, QVariantList()}});
    Client *second = harness.connect();
    harness.authenticate(second, u"alice-token"_s);
    harness.subscribe(second, Topic, {{u"loadBalance"_s, true}});
    client->clear();
    second->clear();
    for (int i = 0; i < 4; ++i) {
        harness.publish(second, Topic, i);
    }
    QCOMPARE(client->framesOfType(u"message"_s).size(), 2);
    QCOMPARE(second->framesOfType(u"message"_s).size(), 2);
}

void tst_Broker::loadBalancingRoundRobin()
{
    BrokerHarness harness;
    harness.setTokens(chatTokens());
    Client *first = harness.connect();
    Client *second = harness.connect();
    Client *watcher = harness.connect();
    Client *publisher = harness.connect();
    for (Client *client : {first, second}) {
        harness.authenticate(client, u"alice-token"_s);
        QCOMPARE(harness.subscribe(client, Topic, {{u"loadBalance"_s, true}}),
                 (QVariantMap{
                     {u"type"_s, u"subscribed"_s}, {u"topic"_s, Topic}, {u"loadBalance"_s, true}}));
        client->clear();
    }
    harness.authenticate(watcher, u"bob-token"_s);
    harness.subscribe(watcher, Topic);
    watcher->clear();
    harness.authenticate(publisher, u"carol-token"_s);

    for (int i = 0; i < 6; ++i) {
        harness.publish(publisher, Topic, i);
    }
    QCOMPARE(first->framesOfType(u"message"_s).size(), 3);
    QCOMPARE(second->framesOfType(u"message"_s).size(), 3);
    QCOMPARE(watcher->framesOfType(u"message"_s).size(), 6);

    // With echo off the publishing member is never picked.
    first->clear();
    second->clear();
    for (int i = 0; i < 4; ++i) {
        harness.publish(first, Topic, i, with(u"echo"_s, false));
    }
    QCOMPARE(first->framesOfType(u"message"_s).size(), 0);
    QCOMPARE(second->framesOfType(u"message"_s).size(), 4);

    // Re-subscribing without loadBalance makes it a broadcast subscription.
    harness.subscribe(first, Topic);
    first->clear();
    second->clear();
    harness.publish(publisher, Topic, 1);
    harness.publish(publisher, Topic, 2);
    QCOMPARE(first->framesOfType(u"message"_s).size(), 2);
    QCOMPARE(second->framesOfType(u"message"_s).size(), 2);
}

void tst_Broker::loadBalancingGroups_data()
{
    QTest::addColumn<QString>("secondToken");
    QTest::addColumn<QString>("firstGroup");
    QTest::addColumn<QString>("secondGroup");
    QTest::addColumn<bool>("shared");

    QTest::addRow("same group name") << u"bob-token"_s << u"workers"_s << u"workers"_s << true;
    QTest::addRow("different group names") << u"bob-token"_s << u"a"_s << u"b"_s << false;
    QTest::addRow("default group is the actor: same actor shares")
        << u"alice-token"_s << QString() << QString() << true;
    QTest::addRow("default group is the actor: other actors do not")
        << u"bob-token"_s << QString() << QString() << false;
    QTest::addRow("same name in another app is another group")
        << u"dave-token"_s << u"workers"_s << u"workers"_s << false;
}

void tst_Broker::loadBalancingGroups()
{
    QFETCH(QString, secondToken);
    QFETCH(QString, firstGroup);
    QFETCH(QString, secondGroup);
    QFETCH(bool, shared);

    BrokerHarness harness;
    harness.setTokens(chatTokens());
    Client *first = harness.connect();
    Client *second = harness.connect();
    Client *publisher = harness.connect();
    harness.authenticate(first, u"alice-token"_s);
    harness.authenticate(second, secondToken);
    harness.authenticate(publisher, u"carol-token"_s);
    const auto options = [](const QString &group) {
        QVariantMap map{{u"loadBalance"_s, true}};
        if (!group.isEmpty()) {
            map.insert(u"loadBalanceGroup"_s, group);
        }
        return map;
    };
    harness.subscribe(first, Topic, options(firstGroup));
    harness.subscribe(second, Topic, options(secondGroup));
    first->clear();
    second->clear();

    // dave's rules name the same internal topics but another app: same route, own group.
    for (int i = 0; i < 4; ++i) {
        harness.publish(publisher, Topic, i);
    }
    const qsizetype firstCount = first->framesOfType(u"message"_s).size();
    const qsizetype secondCount = second->framesOfType(u"message"_s).size();
    if (shared) {
        QCOMPARE(firstCount + secondCount, 4);
        QCOMPARE(firstCount, 2);
    } else {
        QCOMPARE(firstCount, 4);
        QCOMPARE(secondCount, 4);
    }
}

void tst_Broker::invalidGroupName_data()
{
    QTest::addColumn<QString>("group");
    QTest::addRow("slash") << u"a/b"_s;
    QTest::addRow("plus") << u"a+"_s;
    QTest::addRow("hash") << u"#"_s;
}

void tst_Broker::invalidGroupName()
{
    QFETCH(QString, group);

    BrokerHarness harness;
    harness.setTokens(chatTokens());
    Client *client = harness.connect();
    harness.authenticate(client, u"alice-token"_s);
    QCOMPARE(harness.subscribe(client, Topic,
                               {{u"loadBalance"_s, true}, {u"loadBalanceGroup"_s, group}}),
             (QVariantMap{{u"type"_s, u"error"_s},
                          {u"error"_s, u"invalid_group_name"_s},
                          {u"topic"_s, Topic}}));
}

void tst_Broker::rateLimitPerSecond()
{
    BrokerHarness harness;
    harness.setTokens(chatTokens());
    harness.clock.setNowMs(1'700'000'000'000);
    Client *client = harness.connect();
    Client *subscriber = harness.connect();
    harness.authenticate(client, u"alice-token"_s);
    harness.authenticate(subscriber, u"bob-token"_s);
    harness.subscribe(subscriber, Topic);
    subscriber->clear();

    for (int i = 0; i < 50; ++i) {
        harness.publish(client, Topic, i);
        harness.clock.advance(10); // all within one wall-clock second
    }
    QCOMPARE(subscriber->framesOfType(u"message"_s).size(), 50);
    client->clear();

    harness.publish(client, Topic, 50, with(u"msgRef"_s, u"r51"_s));
    QCOMPARE(client->last(),
             (QVariantMap{{u"type"_s, u"error"_s},
                          {u"code"_s, qint64(42910)},
                          {u"error"_s, u"rate_limit_exceeded"_s},
                          {u"topic"_s, Topic},
                          {u"msgRef"_s, u"r51"_s}}));
    QCOMPARE(subscriber->framesOfType(u"message"_s).size(), 50);

    // Other frame types are not limited.
    harness.subscribe(client, u"chat/other/messages"_s);
    QCOMPARE(client->last().value(u"type"_s), u"subscribed"_s);

    harness.clock.setNowMs(1'700'000'001'000); // the next second
    harness.publish(client, Topic, 51);
    QCOMPARE(subscriber->framesOfType(u"message"_s).size(), 51);
}

void tst_Broker::messageSizeLimit()
{
    BrokerOptions options;
    options.maxMessageSize = 1000;
    BrokerHarness harness(options);
    harness.setTokens(chatTokens());
    Client *client = harness.connect();
    harness.authenticate(client, u"alice-token"_s);
    harness.subscribe(client, Topic);
    client->clear();

    // A str of n bytes encodes as n + 2 (str8) or n + 3 (str16) bytes.
    harness.publish(client, Topic, QString(997, u'x'));
    QCOMPARE(client->framesOfType(u"message"_s).size(), 1);
    harness.publish(client, Topic, QString(998, u'x'));
    QCOMPARE(client->last(),
             (QVariantMap{{u"type"_s, u"error"_s},
                          {u"code"_s, qint64(42930)},
                          {u"error"_s, u"message_too_large"_s},
                          {u"topic"_s, Topic},
                          {u"maxSizeBytes"_s, qint64(1000)}}));
    QCOMPARE(client->framesOfType(u"message"_s).size(), 1);

    // A bin value that is not UTF-8 cannot be delivered as str.
    harness.publish(client, Topic, QByteArray("\xff\xfe", 2));
    QCOMPARE(client->last().value(u"error"_s), u"invalid_payload"_s);
}

void tst_Broker::filterCountLimit()
{
    BrokerOptions options;
    options.maxFilters = 3;
    BrokerHarness harness(options);
    harness.setTokens(chatTokens());
    Client *client = harness.connect();
    harness.authenticate(client, u"alice-token"_s);

    QCOMPARE(
        harness.subscribe(client, Topic, with(u"filters"_s, QVariantList{u"a"_s, u"b"_s, u"c"_s}))
            .value(u"type"_s),
        u"subscribed"_s);
    QCOMPARE(harness
                 .subscribe(client, Topic,
                            with(u"filters"_s, QVariantList{u"a"_s, u"b"_s, u"c"_s, u"d"_s}))
                 .value(u"error"_s),
             u"too_many_filters (max 3)"_s);
}

void tst_Broker::retainedMessagesExpire()
{
    BrokerOptions options;
    options.retainTtlMs = 3'600'000;
    BrokerHarness harness(options);
    harness.setTokens(chatTokens());
    Client *publisher = harness.connect();
    harness.authenticate(publisher, u"alice-token"_s);
    harness.publish(publisher, Topic, u"first"_s, with(u"retain"_s, true));
    harness.publish(publisher, Topic, u"second"_s, with(u"retain"_s, true));
    harness.publish(publisher, Topic, u"filtered"_s, {{u"retain"_s, true}, {u"filter"_s, u"f"_s}});
    harness.publish(publisher, Topic, u"not retained"_s);

    Client *late = harness.connect();
    harness.authenticate(late, u"bob-token"_s);
    late->clear();
    harness.subscribe(late, Topic);
    // subscribed first, then the retained messages (the plain route and the filtered one).
    QCOMPARE(NoLag::Codec::decodeVariant(late->link.frames.first()).toMap().value(u"type"_s),
             u"subscribed"_s);
    QStringList retained;
    for (const QVariantMap &message : late->framesOfType(u"message"_s)) {
        retained.append(message.value(u"data"_s).toString());
    }
    retained.sort();
    QCOMPARE(retained, (QStringList{u"filtered"_s, u"second"_s}));

    harness.clock.advance(3'600'001);
    Client *later = harness.connect();
    harness.authenticate(later, u"carol-token"_s);
    harness.subscribe(later, Topic);
    QCOMPARE(later->framesOfType(u"message"_s).size(), 0);
}

void tst_Broker::retainedEchoSuppression()
{
    BrokerHarness harness;
    harness.setTokens(chatTokens());
    Client *publisher = harness.connect();
    harness.authenticate(publisher, u"alice-token"_s);
    harness.publish(publisher, Topic, 1, {{u"retain"_s, true}, {u"echo"_s, false}});

    harness.subscribe(publisher, Topic);
    QCOMPARE(publisher->framesOfType(u"message"_s).size(), 0);

    Client *other = harness.connect();
    harness.authenticate(other, u"alice-token"_s);
    harness.subscribe(other, Topic);
    QCOMPARE(other->framesOfType(u"message"_s).size(), 1);
}

void tst_Broker::idleConnectionsClose()
{
    BrokerOptions options;
    options.idleTimeoutMs = 60'000;
    BrokerHarness harness(options);
    harness.setTokens(chatTokens());
    Client *silent = harness.connect();
    Client *chatty = harness.connect();
    Client *unauthenticated = harness.connect();
    harness.authenticate(silent, u"alice-token"_s);
    harness.authenticate(chatty, u"bob-token"_s);

    harness.clock.advance(59'000);
    harness.sendBytes(chatty, QByteArray());
    harness.broker->sweep();
    QCOMPARE(silent->link.closeCode, -1);

    harness.clock.advance(1'000);
    harness.broker->sweep();
    QCOMPARE(silent->link.closeCode, 1000);
    QCOMPARE(silent->link.closeReason, QString());
    QCOMPARE(unauthenticated->link.closeCode, 1000);
    QCOMPARE(chatty->link.closeCode, -1);
}

void tst_Broker::revalidationClosesRevokedActors()
{
    BrokerOptions options;
    options.revalidateIntervalMs = 600'000;
    BrokerHarness harness(options);
    harness.setTokens(chatTokens());
    Client *client = harness.connect();
    harness.authenticate(client, u"alice-token"_s);

    QHash<QString, ActorGrant> remaining = chatTokens();
    remaining.remove(u"alice-token"_s);
    harness.setTokens(remaining);

    harness.clock.advance(599'000);
    harness.sendBytes(client, QByteArray());
    QCOMPARE(client->link.closeCode, -1);

    harness.clock.advance(1'000);
    harness.sendBytes(client, QByteArray());
    QCOMPARE(client->link.closeCode, 4001);
    QCOMPARE(client->link.closeReason, u"token_revoked"_s);
    QVERIFY(client->framesOfType(u"disconnect"_s).isEmpty());
}

void tst_Broker::connectionLimitPerOrganisation()
{
    QHash<QString, ActorGrant> tokens = chatTokens();
    for (auto it = tokens.begin(); it != tokens.end(); ++it) {
        it->maxConnections = 2;
    }
    BrokerHarness harness;
    harness.setTokens(tokens);
    Client *first = harness.connect();
    Client *second = harness.connect();
    Client *third = harness.connect();
    QCOMPARE(harness.authenticate(first, u"alice-token"_s).value(u"success"_s), true);
    QCOMPARE(harness.authenticate(second, u"bob-token"_s).value(u"success"_s), true);
    // Authenticating again on a counted connection does not count it twice.
    QCOMPARE(harness.authenticate(second, u"bob-token"_s).value(u"success"_s), true);
    QCOMPARE(harness.authenticate(third, u"carol-token"_s),
             (QVariantMap{{u"type"_s, u"auth"_s},
                          {u"success"_s, false},
                          {u"error"_s, u"connection_limit_reached"_s}}));

    harness.disconnect(first);
    QCOMPARE(harness.authenticate(third, u"carol-token"_s).value(u"success"_s), true);
}

void tst_Broker::presenceEvents()
{
    BrokerHarness harness;
    harness.setTokens(chatTokens());
    Client *alice = harness.connect();
    Client *bob = harness.connect();
    Client *subscriberOnly = harness.connect();
    harness.authenticate(alice, u"alice-token"_s);
    harness.authenticate(bob, u"bob-token"_s);
    harness.authenticate(subscriberOnly, u"carol-token"_s);
    harness.subscribe(subscriberOnly, Topic);
    const QVariantMap presence{{u"status"_s, u"here"_s}};

    harness.send(bob, {{u"type"_s, u"presence"_s}, {u"roomId"_s, u"general"_s}, {u"data"_s, 1}});
    bob->clear();
    harness.send(alice,
                 {{u"type"_s, u"presence"_s}, {u"roomId"_s, u"general"_s}, {u"data"_s, presence}});
    const QVariantMap joinData{{u"actor_token_id"_s, u"alice"_s}, {u"presence"_s, presence}};
    const QList<QVariantMap> expected{
        {{u"type"_s, u"presence"_s}, {u"event"_s, u"join"_s}, {u"data"_s, joinData}},
        {{u"type"_s, u"presence"_s}, {u"event"_s, u"update"_s}, {u"data"_s, joinData}}};
    QCOMPARE(alice->framesOfType(u"presence"_s), expected);
    QCOMPARE(bob->framesOfType(u"presence"_s), expected);
    QVERIFY(subscriberOnly->framesOfType(u"presence"_s).isEmpty());

    // A second presence is only an update; nil presence stays present.
    alice->clear();
    harness.send(alice,
                 {{u"type"_s, u"presence"_s},
                  {u"roomId"_s, u"general"_s},
                  {u"data"_s, QVariant::fromValue(nullptr)}});
    QCOMPARE(alice->framesOfType(u"presence"_s).size(), 1);
    QCOMPARE(alice->last().value(u"event"_s), u"update"_s);

    // Unknown room and missing roomId: nothing for anyone.
    alice->clear();
    bob->clear();
    harness.send(alice, {{u"type"_s, u"presence"_s}, {u"roomId"_s, u"nowhere"_s}, {u"data"_s, 1}});
    harness.send(alice, {{u"type"_s, u"presence"_s}, {u"data"_s, 1}});
    QCOMPARE(alice->count() + bob->count(), 0);

    // Moving to another room: leave to the old room (the mover included), join there.
    harness.send(alice, {{u"type"_s, u"presence"_s}, {u"roomId"_s, u"other"_s}, {u"data"_s, 2}});
    const QVariantMap leave{{u"type"_s, u"presence"_s},
                            {u"event"_s, u"leave"_s},
                            {u"data"_s, QVariantMap{{u"actor_token_id"_s, u"alice"_s}}}};
    QCOMPARE(bob->framesOfType(u"presence"_s), QList<QVariantMap>{leave});
    QCOMPARE(alice->framesOfType(u"presence"_s).first(), leave);
    QCOMPARE(alice->framesOfType(u"presence"_s).size(), 3);

    // Closing sends leave to those who stay.
    harness.send(alice, {{u"type"_s, u"presence"_s}, {u"roomId"_s, u"general"_s}, {u"data"_s, 3}});
    bob->clear();
    harness.disconnect(alice);
    QCOMPARE(bob->framesOfType(u"presence"_s), QList<QVariantMap>{leave});
}

void tst_Broker::presenceListShape()
{
    BrokerHarness harness;
    harness.setTokens(chatTokens());
    harness.clock.setNowMs(1'700'000'123'456);
    Client *alice = harness.connect();
    harness.authenticate(alice, u"alice-token"_s);
    harness.send(alice,
                 {{u"type"_s, u"presence"_s},
                  {u"roomId"_s, u"general"_s},
                  {u"data"_s, QVariantMap{{u"s"_s, 1}}}});

    harness.send(alice, {{u"type"_s, u"getPresence"_s}, {u"roomId"_s, u"general"_s}});
    QCOMPARE(
        alice->last(),
        (QVariantMap{{u"type"_s, u"presenceList"_s},
                     {u"roomId"_s, u"general"_s},
                     {u"data"_s,
                      QVariantList{QVariantMap{{u"actorTokenId"_s, u"alice"_s},
                                               {u"presence"_s, QVariantMap{{u"s"_s, qint64(1)}}},
                                               {u"joinedAt"_s, qint64(1'700'000'123)},
                                               {u"status"_s, u"online"_s}}}}}));

    harness.send(alice, {{u"type"_s, u"getPresence"_s}});
    QCOMPARE(alice->last(),
             (QVariantMap{{u"type"_s, u"presenceList"_s}, {u"data"_s, QVariantList()}}));
}

void tst_Broker::lobbyPresence()
{
    QHash<QString, ActorGrant> tokens = chatTokens();
    tokens[u"alice-token"_s].lobbies = {LobbyGrant{u"lobby-a"_s, u"lobby-internal-1"_s}};
    BrokerHarness harness;
    harness.setTokens(tokens,
                      {LobbyDefinition{u"lobby-internal-1"_s,
                                       u"lobby-a"_s,
                                       {u"room-general"_s, u"room-other"_s}}});
    Client *watcher = harness.connect();
    Client *bob = harness.connect();
    harness.authenticate(watcher, u"alice-token"_s);
    harness.authenticate(bob, u"bob-token"_s);
    harness.send(bob, {{u"type"_s, u"presence"_s}, {u"roomId"_s, u"general"_s}, {u"data"_s, 7}});

    harness.send(watcher, {{u"type"_s, u"lobbySubscribe"_s}, {u"lobbyId"_s, u"lobby-a"_s}});
    const QVariantMap subscribed = watcher->last();
    QCOMPARE(subscribed.value(u"type"_s), u"lobbySubscribed"_s);
    QCOMPARE(subscribed.value(u"lobbyId"_s), u"lobby-a"_s);
    const QVariantMap presence = subscribed.value(u"presence"_s).toMap();
    QCOMPARE(presence.value(u"other"_s), QVariant(QVariantMap()));
    const QVariantMap bobEntry = presence.value(u"general"_s).toMap().value(u"bob"_s).toMap();
    QCOMPARE(bobEntry.value(u"actorTokenId"_s), u"bob"_s);
    QCOMPARE(bobEntry.value(u"presence"_s), qint64(7));
    QVERIFY(bobEntry.contains(u"joinedAt"_s));
    QVERIFY(!bobEntry.contains(u"status"_s));

    watcher->clear();
    harness.disconnect(bob);
    QCOMPARE(watcher->last(),
             (QVariantMap{{u"type"_s, u"lobbyPresence"_s},
                          {u"event"_s, u"leave"_s},
                          {u"lobbyId"_s, u"lobby-internal-1"_s},
                          {u"roomId"_s, u"general"_s},
                          {u"actorId"_s, u"bob"_s},
                          {u"data"_s, QVariantMap()}}));

    Client *stranger = harness.connect();
    harness.authenticate(stranger, u"carol-token"_s);
    harness.send(stranger, {{u"type"_s, u"lobbySubscribe"_s}, {u"lobbyId"_s, u"lobby-a"_s}});
    QCOMPARE(stranger->last(),
             (QVariantMap{{u"type"_s, u"error"_s},
                          {u"error"_s, u"not_authorized"_s},
                          {u"lobbyId"_s, u"lobby-a"_s}}));
    harness.send(stranger, {{u"type"_s, u"lobbyUnsubscribe"_s}, {u"lobbyId"_s, u"lobby-a"_s}});
    QCOMPARE(stranger->last(),
             (QVariantMap{{u"type"_s, u"lobbyUnsubscribed"_s}, {u"lobbyId"_s, u"lobby-a"_s}}));
}

void tst_Broker::unknownTopicError_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("topic");

    QTest::addRow("v1, unknown room") << 1 << u"chat/nosuchroom/messages"_s;
    QTest::addRow("v2, unknown room") << 2 << u"chat/nosuchroom/messages"_s;
    QTest::addRow("v2, wildcard topic") << 2 << u"chat/general/+"_s;
    QTest::addRow("v2, case differs") << 2 << u"Chat/general/messages"_s;
}

void tst_Broker::unknownTopicError()
{
    QFETCH(int, version);
    QFETCH(QString, topic);

    BrokerHarness harness;
    harness.setTokens(chatTokens());
    Client *client = harness.connect();
    harness.authenticate(client, u"alice-token"_s, false, version);

    const QVariantMap error = harness.subscribe(client, topic);
    harness.publish(client, topic, 1, with(u"msgRef"_s, u"m"_s));
    const QVariantMap publishError = client->last();
    if (version == 1) {
        QCOMPARE(error,
                 (QVariantMap{{u"type"_s, u"error"_s},
                              {u"error"_s, u"not_authorized"_s},
                              {u"topic"_s, topic}}));
        QCOMPARE(publishError.value(u"msgRef"_s), u"m"_s);
        QVERIFY(!publishError.contains(u"code"_s));
        return;
    }
    QCOMPARE(error.value(u"code"_s), qint64(42940));
    QCOMPARE(error.value(u"error"_s), u"unknown_topic"_s);
    QCOMPARE(error.value(u"topic"_s), topic);
    QVERIFY(!error.value(u"hint"_s).toString().isEmpty());
    QCOMPARE(publishError.value(u"code"_s), qint64(42940));
    QCOMPARE(publishError.value(u"msgRef"_s), u"m"_s);
}

void tst_Broker::recordingOff()
{
    BrokerOptions options;
    options.recording = false;
    BrokerHarness harness(options);
    harness.setTokens(chatTokens());
    Client *client = harness.connect();
    harness.authenticate(client, u"alice-token"_s);
    harness.subscribe(client, Topic);
    harness.publish(client, Topic, 1);
    QCOMPARE(client->last(),
             (QVariantMap{{u"type"_s, u"message"_s}, {u"topic"_s, Topic}, {u"data"_s, qint64(1)}}));
}

void tst_Broker::jsonTextFrames_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reply"); // the type of the reply, empty for none

    QTest::addRow("auth as JSON")
        << uR"({"type":"auth","token":"alice-token","protocolVersion":2})"_s << u"auth"_s;
    QTest::addRow("invalid JSON") << u"{ nope"_s << QString();
    QTest::addRow("array before auth") << u"[1,2]"_s << u"error"_s;
}

void tst_Broker::jsonTextFrames()
{
    QFETCH(QString, text);
    QFETCH(QString, reply);

    BrokerHarness harness;
    harness.setTokens(chatTokens());
    Client *client = harness.connect();
    harness.sendText(client, text);
    if (reply.isEmpty()) {
        QCOMPARE(client->count(), 0);
        return;
    }
    QCOMPARE(client->count(), 1);
    QCOMPARE(client->last().value(u"type"_s), reply);
    if (reply == u"auth") {
        QCOMPARE(client->last().value(u"protocolVersion"_s), qint64(2));
    }
}

void tst_Broker::liveRoomCheckOnSubscribe()
{
    BrokerHarness harness;
    harness.setTokens(chatTokens());
    Client *client = harness.connect();
    harness.authenticate(client, u"alice-token"_s);
    const QString late = u"chat/late/messages"_s;

    // Not there yet: refused, and the refusal is remembered for a few seconds.
    QCOMPARE(harness.subscribe(client, late).value(u"error"_s), u"unknown_topic"_s);
    QCOMPARE(harness.auth.liveChecks, 1);
    harness.subscribe(client, late);
    QCOMPARE(harness.auth.liveChecks, 1);

    // The room appears in the control plane.
    harness.auth.liveCheck = [](const QString &actor, const QString &pattern) {
        ActorGrant fresh = chatGrant(actor, {u"late"_s});
        QList<AclRule> rules;
        for (const AclRule &rule : fresh.rules) {
            if (rule.roomSlug == u"late" && pattern.startsWith(u"chat/late/")) {
                rules.append(rule);
            }
        }
        return rules.isEmpty() ? std::nullopt : std::optional<QList<AclRule>>(rules);
    };
    harness.clock.advance(5'000);
    QCOMPARE(harness.subscribe(client, late).value(u"type"_s), u"subscribed"_s);

    // The merged rules also let the connection publish there (no live check on publish).
    const int checks = harness.auth.liveChecks;
    harness.publish(client, u"chat/late/typing"_s, 1);
    QCOMPARE(client->framesOfType(u"error"_s).size(), 2);
    QCOMPARE(harness.auth.liveChecks, checks);
}

void tst_Broker::reauth_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QVariantMap>("reply");

    QTest::addRow("same actor") << u"alice-token-2"_s
                                << QVariantMap{{u"type"_s, u"reauth"_s}, {u"success"_s, true}};
    QTest::addRow("another actor")
        << u"bob-token"_s
        << QVariantMap{
               {u"type"_s, u"reauth"_s}, {u"success"_s, false}, {u"error"_s, u"actor_mismatch"_s}};
    QTest::addRow("unknown token")
        << u"nobody"_s
        << QVariantMap{
               {u"type"_s, u"reauth"_s}, {u"success"_s, false}, {u"error"_s, u"access_denied"_s}};
}

void tst_Broker::reauth()
{
    QFETCH(QString, token);
    QFETCH(QVariantMap, reply);

    QHash<QString, ActorGrant> tokens = chatTokens();
    tokens.insert(u"alice-token-2"_s, chatGrant(u"alice"_s));
    BrokerHarness harness;
    harness.setTokens(tokens);
    Client *client = harness.connect();
    harness.authenticate(client, u"alice-token"_s);
    harness.subscribe(client, Topic);

    harness.send(client, {{u"type"_s, u"reauth"_s}, {u"token"_s, token}});
    QCOMPARE(client->last(), reply);

    // Whatever the answer, the connection keeps what it had.
    client->clear();
    harness.publish(client, Topic, 1);
    QCOMPARE(client->framesOfType(u"message"_s).size(), 1);
}

void tst_Broker::revalidationOverConnectionLimit()
{
    BrokerOptions options;
    options.revalidateIntervalMs = 1'000;
    BrokerHarness harness(options);
    harness.setTokens(chatTokens());
    Client *first = harness.connect();
    Client *second = harness.connect();
    harness.authenticate(first, u"alice-token"_s);
    harness.authenticate(second, u"bob-token"_s);

    // The plan shrinks to one connection per organisation.
    QHash<QString, ActorGrant> tokens = chatTokens();
    for (auto it = tokens.begin(); it != tokens.end(); ++it) {
        it->maxConnections = 1;
    }
    harness.setTokens(tokens);
    harness.clock.advance(1'000);
    harness.sendBytes(first, QByteArray());
    QCOMPARE(first->link.closeCode, 4002);
    QCOMPARE(first->link.closeReason, u"connection_limit_reached"_s);
}

void tst_Broker::hydrationWebhook()
{
    QHash<QString, ActorGrant> tokens = chatTokens();
    tokens[u"alice-token"_s].hydrationWebhook = u"http://hooks.local/hydrate"_s;
    tokens[u"alice-token"_s].topicWebhooks.insert(
        u"typing"_s, TopicWebhooks{u"http://hooks.local/typing"_s, QString()});
    BrokerHarness harness;
    FakeWebhookClient webhooks;
    harness.broker->setWebhookClient(&webhooks);
    harness.setTokens(tokens);
    Client *client = harness.connect();
    harness.authenticate(client, u"alice-token"_s);

    harness.subscribe(client, Topic);
    harness.subscribe(client, u"chat/general/typing"_s);
    QCOMPARE(webhooks.calls.size(), 2);
    QCOMPARE(webhooks.calls[0].url, QUrl(u"http://hooks.local/hydrate"_s));
    QCOMPARE(webhooks.calls[0].attempts, 3);
    QCOMPARE(QJsonDocument::fromJson(webhooks.calls[0].json).object(),
             (QJsonObject{{u"actorId"_s, u"alice"_s},
                          {u"roomName"_s, u"general"_s},
                          {u"topicName"_s, u"messages"_s},
                          {u"scope"_s, QJsonValue::Null}}));
    // A per-topic on_subscribe wins over the app's hydration webhook.
    QCOMPARE(webhooks.calls[1].url, QUrl(u"http://hooks.local/typing"_s));

    // A JSON answer becomes a hydration frame with the bare topic name; anything else none.
    client->clear();
    webhooks.calls[0].done(true, R"({"history":[1,2]})");
    QCOMPARE(client->last(),
             (QVariantMap{
                 {u"type"_s, u"hydration"_s},
                 {u"topic"_s, u"messages"_s},
                 {u"data"_s, QVariantMap{{u"history"_s, QVariantList{qint64(1), qint64(2)}}}}}));
    webhooks.calls[1].done(true, "not json");
    webhooks.calls[1].done(false, {});
    QCOMPARE(client->count(), 1);

    // An answer for a connection that is gone is dropped.
    harness.subscribe(client, Topic);
    harness.disconnect(client);
    webhooks.calls.last().done(true, "[1]");
}

void tst_Broker::triggerWebhook()
{
    QHash<QString, ActorGrant> tokens = chatTokens();
    tokens[u"alice-token"_s].triggerWebhook = u"http://hooks.local/trigger"_s;
    BrokerHarness harness;
    FakeWebhookClient webhooks;
    harness.broker->setWebhookClient(&webhooks);
    harness.setTokens(tokens);
    Client *client = harness.connect();
    harness.authenticate(client, u"alice-token"_s);
    harness.subscribe(client, Topic);
    client->clear();

    harness.publish(client, Topic, QVariantMap{{u"text"_s, u"hi"_s}});
    QCOMPARE(webhooks.calls.size(), 1);
    QCOMPARE(webhooks.calls[0].url, QUrl(u"http://hooks.local/trigger"_s));
    QCOMPARE(QJsonDocument::fromJson(webhooks.calls[0].json).object(),
             (QJsonObject{{u"roomName"_s, u"general"_s},
                          {u"topicName"_s, u"messages"_s},
                          {u"actorId"_s, u"alice"_s},
                          {u"data"_s, QJsonObject{{u"text"_s, u"hi"_s}}},
                          {u"scope"_s, QJsonValue::Null}}));
    QVERIFY(!webhooks.calls[0].done);
    // No frame is ever sent for a trigger.
    QCOMPARE(client->framesOfType(u"message"_s).size(), 1);
    QCOMPARE(client->count(), 1);
}

void tst_Broker::randomFramesNeverCrash()
{
    // Valid frames with bytes flipped, cut or appended, before and after auth: whatever
    // arrives, the broker answers as the spec says or not at all, and keeps working.
    BrokerHarness harness({}, true);
    harness.setTokens(chatTokens());
    Client *victim = harness.connect();
    Client *witness = harness.connect();
    harness.authenticate(witness, u"bob-token"_s);
    harness.subscribe(witness, Topic);

    QList<QByteArray> seeds;
    for (const QVariantMap &frame : QList<QVariantMap>{
             {{u"type"_s, u"auth"_s}, {u"token"_s, u"alice-token"_s}, {u"reconnect"_s, true}},
             {{u"type"_s, u"subscribe"_s},
              {u"topic"_s, Topic},
              {u"filters"_s, QVariantList{u"a"_s, QVariantList{u"b"_s, u"c"_s}}},
              {u"loadBalance"_s, true}},
             {{u"type"_s, u"publish"_s},
              {u"topic"_s, Topic},
              {u"data"_s, QVariantMap{{u"k"_s, QVariantList{1, 2.5, u"x"_s}}}},
              {u"filters"_s, QVariantList{u"A"_s}},
              {u"retain"_s, true},
              {u"msgRef"_s, u"m"_s}},
             {{u"type"_s, u"presence"_s}, {u"roomId"_s, u"general"_s}, {u"data"_s, 1}},
             {{u"type"_s, u"setFilters"_s}, {u"topic"_s, Topic}, {u"filters"_s, QVariantList()}},
             {{u"type"_s, u"batchAck"_s}, {u"msgIds"_s, QVariantList{u"x"_s, 3}}},
             {{u"type"_s, u"lobbySubscribe"_s}, {u"lobbyId"_s, u"l"_s}}}) {
        bool ok = false;
        seeds.append(NoLag::Codec::encodeVariant(QVariant(frame), &ok));
    }

    QRandomGenerator random(20261203);
    for (int round = 0; round < 20'000; ++round) {
        QByteArray frame = seeds.at(random.bounded(int(seeds.size())));
        switch (random.bounded(4)) {
        case 0:
            frame[random.bounded(int(frame.size()))] = char(random.bounded(256));
            break;
        case 1:
            frame.truncate(random.bounded(int(frame.size())));
            break;
        case 2:
            frame.append(char(random.bounded(256)));
            break;
        default:
            for (int i = 0; i < 3; ++i) {
                frame[random.bounded(int(frame.size()))] = char(random.bounded(256));
            }
            break;
        }
        harness.sendBytes(victim, frame);
        harness.clock.advance(3);
    }

    Client *publisher = harness.connect();
    harness.authenticate(publisher, u"carol-token"_s);
    witness->clear();
    harness.publish(publisher, Topic, u"still fine"_s);
    QCOMPARE(witness->framesOfType(u"message"_s).size(), 1);
}

QTEST_GUILESS_MAIN(tst_Broker)
#include "tst_broker.moc"
