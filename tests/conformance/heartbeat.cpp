// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// Heartbeat, revalidation and closing: statements 25-28 (wire-protocol §4, §5).
#include "tst_conformance.h"

#include <QtCore/QDir>
#include <QtCore/QSaveFile>

using namespace Qt::StringLiterals;
using NoLagTest::RawConnection;

void tst_Conformance::heartbeat_data()
{
    addRows({
        {"025 each empty frame after auth is answered by exactly one empty frame",
         &tst_Conformance::heartbeatEchoed},
        {"026 the server sends no empty frame that no heartbeat asked for",
         &tst_Conformance::noUnsolicitedHeartbeat},
        {"027 revoked token: a heartbeat after the interval closes with 4001 token_revoked",
         &tst_Conformance::revokedTokenClosed, 27},
        {"028 no frame of type disconnect is sent, also not when closing for revocation",
         &tst_Conformance::revokedTokenClosed, 28},
    });
}

void tst_Conformance::heartbeatEchoed(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    for (int i = 0; i < 3; ++i) {
        alice->sendHeartbeat();
    }
    QTRY_COMPARE_WITH_TIMEOUT(alice->queue().size(), 3, ReplyTimeoutMs);
    REQUIRE(nothingArrives({alice}));
    const QList<RawConnection::Frame> frames = takeAll(alice);
    for (const RawConnection::Frame &frame : frames) {
        QVERIFY2(frame.isHeartbeat(), qPrintable(Conformance::describe(frame.map)));
    }
}

void tst_Conformance::noUnsolicitedHeartbeat(const QVariant &)
{
    const QString topic = chatTopic(u"s026"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);

    // A busy session without heartbeats: replies, deliveries and presence events only.
    REQUIRE(subscribe(alice, topic));
    setPresence(alice, u"s026"_s, QVariantMap{{u"here"_s, true}});
    publishTo(bob, topic, u"hello"_s);
    alice->sendFrame({{u"type"_s, u"getPresence"_s}, {u"roomId"_s, u"s026"_s}});
    QVERIFY(!takeReply(alice, u"presenceList"_s).isEmpty());
    QVERIFY(!takeReply(alice, u"message"_s).isEmpty());
    QTest::qWait(3 * QuietMs);

    const QList<RawConnection::Frame> frames = takeAll(alice) + takeAll(bob);
    for (const RawConnection::Frame &frame : frames) {
        QVERIFY2(!frame.isHeartbeat(), "an empty frame arrived without a heartbeat");
    }

    // Control: a heartbeat does get its echo on this connection.
    alice->sendHeartbeat();
    bool arrived = false;
    QVERIFY(alice->waitForAnyFrame(ReplyTimeoutMs, &arrived).isHeartbeat() && arrived);
}

void tst_Conformance::revokedTokenClosed(const QVariant &argument)
{
    const int statement = argument.toInt();
    const QString token = revokeToken(statement);

    NoLagTest::LocalServer *host = server(Server::Revalidation);
    REQUIRE(host);
    RawConnection *alice = peer(Tokens::alice, 2, Server::Revalidation);
    REQUIRE(alice);
    RawConnection *victim = peer(token, 2, Server::Revalidation);
    REQUIRE(victim);
    REQUIRE(subscribe(victim, chatTopic(u"s027"_s)));

    // Rewrite the token file without the token, replacing it in one step (as editors do), so
    // the server never reads a half-written file.
    m_revokedTokens.append(token);
    QSaveFile file(QDir(host->dataDirectory()).filePath(u"tokens.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(tokenFile(m_revokedTokens));
    QVERIFY(file.commit());

    // --revalidate-interval 0.5: keep sending heartbeats until the server acts on them.
    const QDeadlineTimer deadline(15000);
    while (victim->isOpen() && !deadline.hasExpired()) {
        victim->sendHeartbeat();
        alice->sendHeartbeat();
        QTest::qWait(200);
    }
    QVERIFY2(!victim->isOpen(), "the connection of the revoked token is still open");
    QCOMPARE(victim->closeCode(), 4001);

    if (statement == 27) {
        QCOMPARE(victim->closeReason(), u"token_revoked"_s);
    } else {
        const QList<RawConnection::Frame> frames = takeAll(victim);
        for (const RawConnection::Frame &frame : frames) {
            QVERIFY2(frame.type() != u"disconnect"_s, qPrintable(Conformance::describe(frame.map)));
        }
    }

    // Control: the still-valid token on the same server stays connected.
    QVERIFY(alice->isOpen());
    alice->clearQueue();
    alice->sendHeartbeat();
    bool arrived = false;
    QVERIFY(alice->waitForAnyFrame(ReplyTimeoutMs, &arrived).isHeartbeat() && arrived);
}
