// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// The control plane and the broker together, as a user meets them: create an app, a room and
// actors over REST with NoLagApi, connect with the new tokens through NoLagClient, publish and
// receive in that room, be refused outside it, then deactivate an actor and see its live
// connection closed and new connections refused.
#include "apitesthelpers.h"
#include "localserver.h"

#include <NoLagQt/nolagapi.h>
#include <NoLagQt/nolagclient.h>

#include <QtCore/QJsonArray>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// How long the broker may keep accepting a deactivated token (its token cache, spec §4.3).
constexpr int RevocationWindowMs = 40000;

std::optional<NoLagError> clientErrorOf(QFuture<void> future)
{
    try {
        future.waitForFinished();
    } catch (const NoLagError &error) {
        return error;
    }
    return std::nullopt;
}

} // namespace

class tst_ApiRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void roundTrip();
    void ensureAndGrantsReachRealtime();

private:
    std::unique_ptr<NoLagClient> connectedClient(const QString &token);
    NoLagOptions clientOptions() const;

    std::unique_ptr<NoLagTest::LocalServer> m_server;
    std::unique_ptr<NoLagApi> m_api;
};

void tst_ApiRoundTrip::initTestCase()
{
    // Revalidation on every heartbeat after half a second, so that a deactivation reaches
    // live connections within the test.
    m_server = std::make_unique<NoLagTest::LocalServer>(
        QStringList{u"--api-key"_s, ApiTest::apiKey(), u"--revalidate-interval"_s, u"0.5"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));

    NoLagApiOptions options;
    options.setBaseUrl(QUrl(m_server->httpUrl().toString() + u"/v1"_s));
    m_api = std::make_unique<NoLagApi>(ApiTest::apiKey(), options);
}

void tst_ApiRoundTrip::cleanup()
{
    // A failure here is often the broker's; its own account of what happened helps.
    // (Stopped first, so that everything it wrote is collected; started again for the next.)
    if (QTest::currentTestFailed() && m_server) {
        m_server->stop();
        qInfo("nolag-local printed:\n%s", m_server->output().right(4000).constData());
        m_server->start();
    }
}

NoLagOptions tst_ApiRoundTrip::clientOptions() const
{
    NoLagOptions options(m_server->webSocketUrl());
    options.setHeartbeatInterval(200ms);
    options.setReconnectEnabled(false);
    return options;
}

std::unique_ptr<NoLagClient> tst_ApiRoundTrip::connectedClient(const QString &token)
{
    auto client = std::make_unique<NoLagClient>(token, clientOptions());
    QFuture<void> connected = client->connectToServer();
    if (!QTest::qWaitFor([&] { return connected.isFinished(); }, 20000) ||
        clientErrorOf(connected)) {
        return nullptr;
    }
    return client;
}

void tst_ApiRoundTrip::roundTrip()
{
    // 1. The control plane: an app with one topic, a room, two actors.
    NoLagAppCreate appData(u"Round Trip"_s);
    appData.setTopics({u"messages"_s});
    auto app = m_api->apps().create(appData);
    API_AWAIT_OK(app);
    const QString appSlug = app.result().slug();

    auto room = m_api->rooms().create(app.result().appId(), NoLagRoomCreate(u"Ops"_s));
    API_AWAIT_OK(room);
    QCOMPARE(room.result().slug(), u"ops"_s);

    auto alice = m_api->actors().create(NoLagActorCreate(u"alice"_s, u"user"_s));
    API_AWAIT_OK(alice);
    auto bob = m_api->actors().create(NoLagActorCreate(u"bob"_s, u"user"_s));
    API_AWAIT_OK(bob);

    // 2. The new tokens connect, and the broker knows them by the REST ids (statement 28).
    std::unique_ptr<NoLagClient> publisher = connectedClient(alice.result().accessToken());
    QVERIFY2(publisher, "alice's new token was not accepted");
    QCOMPARE(publisher->actorId(), alice.result().actorTokenId());
    std::unique_ptr<NoLagClient> subscriber = connectedClient(bob.result().accessToken());
    QVERIFY2(subscriber, "bob's new token was not accepted");

    // 3. Publish and receive in the room (statement 33).
    const QString topic = appSlug + u"/ops/messages"_s;
    NoLagSubscription *subscription = subscriber->subscribe(topic);
    QSignalSpy received(subscription, &NoLagSubscription::messageReceived);
    QTRY_COMPARE_WITH_TIMEOUT(subscription->state(), NoLagSubscription::Active, 20000);

    QFuture<void> published =
        publisher->publish(topic, QVariantMap{{u"text"_s, u"hello from REST"_s}});
    QVERIFY(QTest::qWaitFor([&] { return published.isFinished(); }, 20000));
    const auto publishError = clientErrorOf(published);
    QVERIFY2(!publishError, qPrintable(publishError ? publishError->errorString() : QString()));
    QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty(), 20000); // may have come while awaiting the ack
    const NoLagMessage message = received.constFirst().constFirst().value<NoLagMessage>();
    QCOMPARE(message.topic(), topic);
    QCOMPARE(message.data().toMap().value(u"text"_s).toString(), u"hello from REST"_s);

    // 4. Refused outside the room, its topics and its app.
    const QStringList outside{appSlug + u"/elsewhere/messages"_s, appSlug + u"/ops/secrets"_s,
                              u"another-app/ops/messages"_s};
    for (const QString &forbidden : outside) {
        NoLagSubscription *refused = publisher->subscribe(forbidden);
        QTRY_COMPARE_WITH_TIMEOUT(refused->state(), NoLagSubscription::Error, 20000);

        QFuture<void> refusedPublish = publisher->publish(forbidden, u"nope"_s);
        QVERIFY(QTest::qWaitFor([&] { return refusedPublish.isFinished(); }, 20000));
        QVERIFY2(clientErrorOf(refusedPublish), qPrintable(forbidden));
    }

    // 5. Deactivate alice: her live connection closes at its next revalidation...
    QSignalSpy disconnected(publisher.get(), &NoLagClient::disconnected);
    NoLagActorUpdate deactivate;
    deactivate.setActive(false);
    auto updated = m_api->actors().update(alice.result().actorTokenId(), deactivate);
    API_AWAIT_OK(updated);
    QVERIFY(!updated.result().isActive());
    QTRY_VERIFY_WITH_TIMEOUT(!disconnected.isEmpty(), RevocationWindowMs);
    QVERIFY(!publisher->isConnected());

    // ...and a new connection with her token is refused (statement 31).
    std::optional<NoLagError> refusal;
    QVERIFY(QTest::qWaitFor(
        [&] {
            NoLagClient again(alice.result().accessToken(), clientOptions());
            QFuture<void> attempt = again.connectToServer();
            if (!QTest::qWaitFor([&] { return attempt.isFinished(); }, 20000)) {
                return false;
            }
            refusal = clientErrorOf(attempt);
            return refusal.has_value();
        },
        RevocationWindowMs));
    QCOMPARE(refusal->error(), NoLag::Error::AccessDenied);

    // Bob, still active, is not affected.
    QVERIFY(subscriber->isConnected());
}

void tst_ApiRoundTrip::ensureAndGrantsReachRealtime()
{
    NoLagAppCreate appData(u"Provisioned"_s);
    appData.setTopics({u"messages"_s});
    appData.setConfig({{u"autoProvisionRooms"_s, true}});
    auto app = m_api->apps().create(appData);
    API_AWAIT_OK(app);
    const QString appId = app.result().appId();
    const QString appSlug = app.result().slug();

    auto carol = m_api->actors().create(NoLagActorCreate(u"carol"_s, u"user"_s));
    API_AWAIT_OK(carol);
    auto dave = m_api->actors().create(NoLagActorCreate(u"dave"_s, u"device"_s));
    API_AWAIT_OK(dave);
    std::unique_ptr<NoLagClient> carolClient = connectedClient(carol.result().accessToken());
    QVERIFY(carolClient);

    // Statement 24: a room ensured after connecting can be subscribed to at once.
    NoLagRoomCreate late(u"Late"_s);
    late.setSlug(u"late"_s);
    auto ensured = m_api->rooms().ensure(appId, late);
    API_AWAIT_OK(ensured);
    NoLagSubscription *lateRoom = carolClient->subscribe(appSlug + u"/late/messages"_s);
    QTRY_COMPARE_WITH_TIMEOUT(lateRoom->state(), NoLagSubscription::Active, 20000);

    // Statements 34 and 36: a subscribe-only grant to carol makes the room hers, read-only.
    auto readOnly = m_api->rooms().create(appId, NoLagRoomCreate(u"Read Only"_s));
    API_AWAIT_OK(readOnly);
    NoLagRoomActorAccessCreate grant(u"subscribe"_s);
    grant.setActorTokenId(carol.result().actorTokenId());
    auto granted = m_api->rooms().grantActor(appId, readOnly.result().roomId(), grant);
    API_AWAIT_OK(granted);

    // New connections see the new rules.
    std::unique_ptr<NoLagClient> reader = connectedClient(carol.result().accessToken());
    QVERIFY(reader);
    std::unique_ptr<NoLagClient> outsider = connectedClient(dave.result().accessToken());
    QVERIFY(outsider);
    const QString topic = appSlug + u"/read-only/messages"_s;

    NoLagSubscription *allowed = reader->subscribe(topic);
    QTRY_COMPARE_WITH_TIMEOUT(allowed->state(), NoLagSubscription::Active, 20000);
    QFuture<void> publish = reader->publish(topic, u"may I?"_s);
    QVERIFY(QTest::qWaitFor([&] { return publish.isFinished(); }, 20000));
    QVERIFY2(clientErrorOf(publish), "a subscribe-only grant allowed a publish");

    NoLagSubscription *refused = outsider->subscribe(topic);
    QTRY_COMPARE_WITH_TIMEOUT(refused->state(), NoLagSubscription::Error, 20000);
}

QTEST_GUILESS_MAIN(tst_ApiRoundTrip)
#include "tst_apiroundtrip.moc"
