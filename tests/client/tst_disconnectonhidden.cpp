// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// NoLagOptions::disconnectOnHidden with a QGuiApplication: hidden or suspended disconnects,
// active reconnects and the server restores the subscriptions. The library itself links no
// QtGui; it finds the application's signal by name.

#include "clientfixture.h"

#include <NoLagQt/nolagclient.h>

#include <QtGui/QGuiApplication>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using ClientFixture::finishes;

class tst_DisconnectOnHidden : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void followsApplicationState_data();
    void followsApplicationState();

private:
    static void setApplicationState(Qt::ApplicationState state);
    NoLagTest::LocalServer m_server;
};

void tst_DisconnectOnHidden::initTestCase()
{
    QVERIFY(qobject_cast<QGuiApplication *>(QCoreApplication::instance()));
    QVERIFY2(ClientFixture::startServer(m_server), qPrintable(m_server.errorString()));
}

void tst_DisconnectOnHidden::setApplicationState(Qt::ApplicationState state)
{
    // What the platform plugin does when the window system hides or shows the application.
    QMetaObject::invokeMethod(QCoreApplication::instance(), "applicationStateChanged",
                              Qt::DirectConnection, Q_ARG(Qt::ApplicationState, state));
}

void tst_DisconnectOnHidden::followsApplicationState_data()
{
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<Qt::ApplicationState>("away");
    QTest::addRow("hidden disconnects") << true << Qt::ApplicationHidden;
    QTest::addRow("suspended disconnects") << true << Qt::ApplicationSuspended;
    QTest::addRow("option off: hidden keeps the connection") << false << Qt::ApplicationHidden;
}

void tst_DisconnectOnHidden::followsApplicationState()
{
    QFETCH(bool, enabled);
    QFETCH(Qt::ApplicationState, away);

    NoLagOptions options = ClientFixture::options(m_server.webSocketUrl());
    options.setDisconnectOnHidden(enabled);
    NoLagClient alice(u"tok-alice"_s, options);
    NoLagClient bob(u"tok-bob"_s, ClientFixture::options(m_server.webSocketUrl()));
    QVERIFY(ClientFixture::connect(alice));
    QVERIFY(ClientFixture::connect(bob));
    const QString topic = u"chat/general/hidden"_s;
    NoLagSubscription *subscription = alice.subscribe(topic);
    QVERIFY(finishes(subscription->future()));
    QSignalSpy disconnected(&alice, &NoLagClient::disconnected);
    QSignalSpy reconnected(&alice, &NoLagClient::reconnected);

    setApplicationState(away);
    if (!enabled) {
        QTest::qWait(200);
        QCOMPARE(alice.status(), NoLag::ConnectionStatus::Connected);
        QCOMPARE(disconnected.size(), 0);
        setApplicationState(Qt::ApplicationActive);
        return;
    }

    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(alice.status(), NoLag::ConnectionStatus::Disconnected);
    // It stays down while hidden: no automatic attempts.
    QTest::qWait(300);
    QCOMPARE(alice.status(), NoLag::ConnectionStatus::Disconnected);

    setApplicationState(Qt::ApplicationActive);
    QTRY_COMPARE(reconnected.size(), 1);
    QTRY_COMPARE(subscription->state(), NoLagSubscription::Active);

    QSignalSpy messages(subscription, &NoLagSubscription::messageReceived);
    bob.publish(topic, u"welcome back"_s);
    QTRY_COMPARE(messages.size(), 1);
}

QTEST_MAIN(tst_DisconnectOnHidden)
#include "tst_disconnectonhidden.moc"
