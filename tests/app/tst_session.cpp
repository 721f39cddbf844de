// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// What a connection's tab shows about its state, against the real nolag-local: connected,
// reconnecting with the attempt number, and the reason it gave up.

#include "localserver.h"
#include "session/session.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class tst_Session : public QObject
{
    Q_OBJECT

private:
    static ConnectionProfile profileFor(const QUrl &url, const QString &token, int attempts)
    {
        ConnectionProfile profile;
        profile.name = u"test"_s;
        profile.brokerUrl = url;
        profile.token = token;
        profile.maxReconnectAttempts = attempts;
        profile.reconnectIntervalMs = 100;
        return profile;
    }

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void connectsAndCountsReconnectAttempts()
    {
        NoLagTest::LocalServer server({u"--open"_s});
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Session session(profileFor(server.webSocketUrl(), u"any-token"_s, 0), nullptr, nullptr);

        session.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::Connected, 10000);
        QCOMPARE(session.statusText(), u"Connected"_s);
        QCOMPARE(session.reconnectAttempt(), 0);

        // Every state the tab went through: between two attempts it must not say it gave up.
        QList<Session::State> states;
        connect(&session, &Session::statusChanged, this,
                [&session, &states] { states.append(session.state()); });

        server.stop();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::Reconnecting, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(session.reconnectAttempt() >= 2, 10000);
        QVERIFY2(session.statusText().startsWith(u"Reconnecting (attempt "_s),
                 qPrintable(session.statusText()));
        QVERIFY(session.statusText().contains(QString::number(session.reconnectAttempt())));

        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::Connected, 15000);
        QCOMPARE(session.reconnectAttempt(), 0);
        QCOMPARE(session.errorString(), QString());
        QVERIFY(!states.contains(Session::Failed));
    }

    void givesUpWithAReason_data()
    {
        QTest::addColumn<bool>("listening");
        QTest::addColumn<QString>("token");

        QTest::addRow("the token is refused") << true << u"not-a-token"_s;
        QTest::addRow("nobody listens and the attempts run out") << false << u"any-token"_s;
    }

    void givesUpWithAReason()
    {
        QFETCH(bool, listening);
        QFETCH(QString, token);

        // Without --open only the demo project's tokens are accepted.
        NoLagTest::LocalServer server({u"--demo"_s});
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QUrl url = server.webSocketUrl();
        if (!listening) {
            server.stop();
        }
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"could not connect"_s));
        if (!listening) {
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Gave up reconnecting"_s));
        }
        Session session(profileFor(url, token, 2), nullptr, nullptr);
        QSignalSpy status(&session, &Session::statusChanged);

        session.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::Failed, 15000);
        QVERIFY(!status.isEmpty());
        QVERIFY(!session.errorString().isEmpty());
        QCOMPARE(session.statusText(), u"Not connected: %1"_s.arg(session.errorString()));
    }

    void anEmptyTokenIsExplained()
    {
        Session session(profileFor(QUrl(u"ws://127.0.0.1:9/ws"_s), QString(), 0), nullptr, nullptr);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"could not connect"_s));
        session.connectToServer();
        QCOMPARE(session.state(), Session::Failed);
        QVERIFY(session.statusText().contains(u"no access token"_s));
    }
};

QTEST_GUILESS_MAIN(tst_Session)
#include "tst_session.moc"
