// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// Losing the server and getting it back: a killed and restarted nolag-local (subscriptions
// and presence come back, nothing published afterwards is lost), and a frozen one that only
// the heartbeat watchdog notices.

#include "clientfixture.h"

#include <NoLagQt/nolagclient.h>

#include <QtCore/QRegularExpression>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using ClientFixture::failureOf;
using ClientFixture::finishes;

class tst_Reconnect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void serverKilledAndRestarted();
    void frozenServerIsDetectedByTheWatchdog();
    void reconnectDisabled();
};

void tst_Reconnect::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

void tst_Reconnect::serverKilledAndRestarted()
{
    NoLagTest::LocalServer server;
    // No rate limit: the burst after the restart is larger than one second's allowance.
    QVERIFY(ClientFixture::startServer(server, {u"--rate-limit"_s, u"0"_s}));

    NoLagClient alice(u"tok-alice"_s, ClientFixture::options(server.webSocketUrl()));
    NoLagClient bob(u"tok-bob"_s, ClientFixture::options(server.webSocketUrl()));
    QVERIFY(ClientFixture::connect(alice));
    QVERIFY(ClientFixture::connect(bob));

    const QString topic = u"chat/general/durable"_s;
    NoLagSubscribeOptions atLeastOnce;
    atLeastOnce.setQos(NoLag::QoS::AtLeastOnce);
    NoLagSubscription *subscription = alice.subscribe(topic, atLeastOnce);
    QVERIFY(finishes(subscription->future()));
    alice.setPresence({{u"name"_s, u"Alice"_s}}, u"general"_s);
    bob.setPresence({{u"name"_s, u"Bob"_s}}, u"general"_s);
    QTRY_VERIFY(bob.presence(u"actor-alice"_s).isValid());

    QSignalSpy aliceLost(&alice, &NoLagClient::disconnected);
    QSignalSpy aliceBack(&alice, &NoLagClient::reconnected);
    QSignalSpy bobBack(&bob, &NoLagClient::reconnected);
    QSignalSpy states(subscription, &NoLagSubscription::stateChanged);

    server.kill();
    QTRY_COMPARE(aliceLost.size(), 1);
    QTRY_COMPARE(alice.status(), NoLag::ConnectionStatus::Reconnecting);
    QCOMPARE(subscription->state(), NoLagSubscription::Pending);
    // The cache described a connection that is gone.
    QTRY_COMPARE(bob.status(), NoLag::ConnectionStatus::Reconnecting);
    QVERIFY(bob.allPresence().isEmpty());

    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(aliceBack.size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(bobBack.size(), 1, 10000);

    // The server restored the subscription from its records; the client did not subscribe
    // again on its own (FrameRecorder tests check the frames), and the state is Active again.
    QTRY_COMPARE(subscription->state(), NoLagSubscription::Active);
    QVERIFY(states.size() >= 2);

    // Presence was sent again: each sees the other once both are back.
    QTRY_VERIFY(bob.presence(u"actor-alice"_s).isValid());
    QTRY_VERIFY(alice.presence(u"actor-bob"_s).isValid());

    // Nothing published after the restart is lost at QoS 1.
    QList<qint64> received;
    connect(subscription, &NoLagSubscription::messageReceived, this,
            [&](const NoLagMessage &message) { received << message.data().toLongLong(); });
    NoLagEmitOptions options;
    options.setQos(NoLag::QoS::AtLeastOnce);
    QList<qint64> sent;
    for (qint64 i = 0; i < 200; ++i) {
        bob.publish(topic, i, options);
        sent << i;
    }
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), sent.size(), 10000);
    QCOMPARE(received, sent);
}

void tst_Reconnect::frozenServerIsDetectedByTheWatchdog()
{
    NoLagTest::LocalServer server;
    QVERIFY(ClientFixture::startServer(server));

    NoLagOptions options = ClientFixture::options(server.webSocketUrl());
    options.setHeartbeatInterval(200ms);
    // A frozen server still accepts TCP connections; the attempts must give up quickly.
    options.setConnectTimeout(500ms);
    options.setOperationTimeout(500ms);
    NoLagClient alice(u"tok-alice"_s, options);
    QVERIFY(ClientFixture::connect(alice));
    NoLagSubscription *subscription = alice.subscribe(u"chat/general/frozen"_s);
    QVERIFY(finishes(subscription->future()));

    QSignalSpy lost(&alice, &NoLagClient::disconnected);
    QSignalSpy back(&alice, &NoLagClient::reconnected);
    QVERIFY(server.suspend());

    // No heartbeat echo for 2 x 200 ms: the client gives up on the connection (statement 120).
    QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 5000);
    QVERIFY(alice.status() != NoLag::ConnectionStatus::Connected);

    QVERIFY(server.resume());
    QTRY_VERIFY_WITH_TIMEOUT(back.size() >= 1, 15000);
    QTRY_COMPARE(alice.status(), NoLag::ConnectionStatus::Connected);
    QTRY_COMPARE(subscription->state(), NoLagSubscription::Active);
}

void tst_Reconnect::reconnectDisabled()
{
    NoLagTest::LocalServer server;
    QVERIFY(ClientFixture::startServer(server));

    NoLagOptions options = ClientFixture::options(server.webSocketUrl());
    options.setReconnectEnabled(false);
    NoLagClient alice(u"tok-alice"_s, options);
    QVERIFY(ClientFixture::connect(alice));
    NoLagSubscription *subscription = alice.subscribe(u"chat/general/once"_s);
    QVERIFY(finishes(subscription->future()));
    QSignalSpy statuses(&alice, &NoLagClient::statusChanged);

    server.kill();
    QTRY_COMPARE(alice.status(), NoLag::ConnectionStatus::Disconnected);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QTest::qWait(500);
    QCOMPARE(alice.status(), NoLag::ConnectionStatus::Disconnected);
    QCOMPARE(statuses.size(), 1);
    QCOMPARE(subscription->state(), NoLagSubscription::Unsubscribed);
}

QTEST_GUILESS_MAIN(tst_Reconnect)
#include "tst_reconnect.moc"
