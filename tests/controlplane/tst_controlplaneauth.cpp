// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// ControlPlaneAuthProvider: how apps, rooms, grants, actors and scopes made through the REST
// API become realtime permissions (rest-api.md §6).
#include "controlplaneauthprovider.h"
#include "controlplanefixture.h"

#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

using namespace NoLag::Server;
using namespace NoLagTest;
using namespace Qt::StringLiterals;

namespace {

QJsonObject object(std::initializer_list<QPair<QString, QJsonValue>> fields)
{
    QJsonObject result;
    for (const auto &field : fields) {
        result.insert(field.first, field.second);
    }
    return result;
}

QString describe(const AclRule &rule)
{
    return u"%1 %2"_s.arg(rule.pattern, permissionName(rule.permission));
}

QStringList describe(const QList<AclRule> &rules)
{
    QStringList lines;
    for (const AclRule &rule : rules) {
        lines.append(describe(rule));
    }
    return lines;
}

} // namespace

class tst_ControlPlaneAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void tokenAuthenticates();
    void unknownTokens_data();
    void unknownTokens();
    void deactivationAndDeletion();
    void disabledAndDeletedRooms();
    void deletedApp();
    void roomGrants_data();
    void roomGrants();
    void topicSources();
    void scopedActor();
    void otherProjectIsInvisible();
    void liveRoomCheck();
    void lobbies();

private:
    QString appId() const { return m_app.value(u"appId"_s).toString(); }
    QString appSlug() const { return m_app.value(u"slug"_s).toString(); }
    QJsonObject createActor(const QString &name, const QString &type)
    {
        return m_fixture->createActor(object({{u"name"_s, name}, {u"actorType"_s, type}}));
    }
    AuthOutcome authenticate(const QJsonObject &actor)
    {
        return provider().authenticate(actor.value(u"accessToken"_s).toString());
    }
    ControlPlaneAuthProvider &provider() { return m_fixture->controlPlane->authProvider(); }

    std::unique_ptr<ControlPlaneFixture> m_fixture;
    QJsonObject m_app; // "Chat": topics messages and typing
    QJsonObject m_general;
    QJsonObject m_random;
};

void tst_ControlPlaneAuth::initTestCase()
{
    QLoggingCategory::setFilterRules(u"nolag.server.controlplane.info=false"_s);
}

void tst_ControlPlaneAuth::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    m_fixture = std::make_unique<ControlPlaneFixture>();
    QVERIFY2(m_fixture->started, qPrintable(m_fixture->error));

    m_app =
        m_fixture->createApp(object({{u"name"_s, u"Chat"_s},
                                     {u"topics"_s, QJsonArray{u"messages"_s, u"typing"_s}},
                                     {u"config"_s, object({{u"autoProvisionRooms"_s, true}})}}));
    QVERIFY(!m_app.isEmpty());
    m_general = m_fixture->createRoom(appId(), object({{u"name"_s, u"General"_s}}));
    m_random = m_fixture->createRoom(appId(), object({{u"name"_s, u"Random"_s}}));
    QVERIFY(!m_general.isEmpty() && !m_random.isEmpty());
}

void tst_ControlPlaneAuth::cleanup()
{
    m_fixture.reset();
}

void tst_ControlPlaneAuth::tokenAuthenticates()
{
    const QJsonObject actor = createActor(u"alice"_s, u"user"_s);
    const AuthOutcome outcome = authenticate(actor);
    QVERIFY(outcome.isGranted());

    const ActorGrant &grant = outcome.grant;
    QCOMPARE(grant.actorTokenId, actor.value(u"actorTokenId"_s).toString());
    QCOMPARE(grant.projectId, m_fixture->controlPlane->projectId());
    QVERIFY(!grant.organizationId.isEmpty());
    QCOMPARE(grant.actorType, u"user"_s);
    QVERIFY(grant.scopeId.isEmpty());
    QVERIFY(!grant.maxConnections.has_value());

    const QString slug = appSlug();
    QCOMPARE(describe(grant.rules),
             QStringList({slug + u"/general/messages pubSub"_s, slug + u"/general/typing pubSub"_s,
                          slug + u"/random/messages pubSub"_s, slug + u"/random/typing pubSub"_s}));
    const AclRule &first = grant.rules.first();
    const QString roomId = m_general.value(u"roomId"_s).toString();
    QCOMPARE(first.internalTopic, roomId + u"/messages"_s);
    QCOMPARE(first.roomId, roomId);
    QCOMPARE(first.roomSlug, u"general"_s);
    QCOMPARE(first.appId, appId());
    QCOMPARE(first.appName, u"Chat"_s);
    QVERIFY(first.scopeId.isEmpty() && first.scopeSlug.isEmpty());

    QCOMPARE(grant.lobbies.size(), 1);
    QCOMPARE(grant.lobbies.first().slug, slug + u"-lobby"_s);
    QCOMPARE(grant.lobbies.first().id, grant.lobbies.first().slug);

    // The connection is recorded on the actor.
    const Reply fetched =
        m_fixture->call("GET", u"/v1/actors/"_s + actor.value(u"actorTokenId"_s).toString());
    QVERIFY(fetched.object().value(u"lastConnectedAt"_s).isString());
}

void tst_ControlPlaneAuth::unknownTokens_data()
{
    QTest::addColumn<QString>("token");

    QTest::addRow("empty") << QString();
    QTest::addRow("not a token") << u"hello"_s;
    QTest::addRow("well-formed but unknown")
        << u"at_live_0123456789ab.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s;
    QTest::addRow("API key") << QString::fromLatin1(ControlPlaneFixture::key);
}

void tst_ControlPlaneAuth::unknownTokens()
{
    QFETCH(QString, token);
    const AuthOutcome outcome = provider().authenticate(token);
    QCOMPARE(outcome.status, AuthOutcome::Status::Denied);
    QCOMPARE(outcome.error, u"access_denied"_s);
}

void tst_ControlPlaneAuth::deactivationAndDeletion()
{
    const QJsonObject actor = createActor(u"w"_s, u"device"_s);
    const QString actorId = actor.value(u"actorTokenId"_s).toString();
    const QString path = u"/v1/actors/"_s + actorId;
    QVERIFY(authenticate(actor).isGranted());
    QVERIFY(provider().revalidate(actorId).isGranted());

    QCOMPARE(m_fixture->call("PATCH", path, object({{u"isActive"_s, false}})).status, 200);
    AuthOutcome outcome = authenticate(actor);
    QCOMPARE(outcome.status, AuthOutcome::Status::Denied);
    QCOMPARE(outcome.error, u"access_denied"_s);
    outcome = provider().revalidate(actorId);
    QCOMPARE(outcome.status, AuthOutcome::Status::Denied);
    QCOMPARE(outcome.error, u"token_revoked"_s);
    QVERIFY(!provider().checkRoomAccess(actorId, appSlug() + u"/general/messages"_s));

    QCOMPARE(m_fixture->call("PATCH", path, object({{u"isActive"_s, true}})).status, 200);
    QVERIFY(authenticate(actor).isGranted());

    QCOMPARE(m_fixture->call("DELETE", path).status, 204);
    outcome = authenticate(actor);
    QCOMPARE(outcome.error, u"access_denied"_s);
    outcome = provider().revalidate(actorId);
    QCOMPARE(outcome.status, AuthOutcome::Status::Denied);
    QCOMPARE(outcome.error, u"token_not_found"_s);

    QVERIFY(provider().knowsActor(actorId));
    QVERIFY(!provider().knowsActor(u"actor-from-a-token-file"_s));
}

void tst_ControlPlaneAuth::disabledAndDeletedRooms()
{
    const QJsonObject actor = createActor(u"alice"_s, u"user"_s);
    const QString roomPath =
        u"/v1/apps/%1/rooms/%2"_s.arg(appId(), m_random.value(u"roomId"_s).toString());

    QCOMPARE(m_fixture->call("PATCH", roomPath, object({{u"isEnabled"_s, false}})).status, 200);
    QCOMPARE(describe(authenticate(actor).grant.rules),
             QStringList({appSlug() + u"/general/messages pubSub"_s,
                          appSlug() + u"/general/typing pubSub"_s}));

    QCOMPARE(m_fixture->call("PATCH", roomPath, object({{u"isEnabled"_s, true}})).status, 200);
    QCOMPARE(authenticate(actor).grant.rules.size(), 4);

    QCOMPARE(m_fixture->call("DELETE", roomPath).status, 204);
    QCOMPARE(authenticate(actor).grant.rules.size(), 2);
    QVERIFY(!provider().checkRoomAccess(actor.value(u"actorTokenId"_s).toString(),
                                        appSlug() + u"/random/messages"_s));
}

void tst_ControlPlaneAuth::deletedApp()
{
    const QJsonObject other =
        m_fixture->createApp(object({{u"name"_s, u"Other"_s}, {u"topics"_s, QJsonArray{u"x"_s}}}));
    m_fixture->createRoom(other.value(u"appId"_s).toString(), object({{u"name"_s, u"R"_s}}));
    const QJsonObject actor = createActor(u"alice"_s, u"user"_s);
    QCOMPARE(authenticate(actor).grant.rules.size(), 5);
    QCOMPARE(authenticate(actor).grant.lobbies.size(), 2);

    QCOMPARE(m_fixture->call("DELETE", u"/v1/apps/"_s + appId()).status, 200);
    const ActorGrant grant = authenticate(actor).grant;
    QCOMPARE(describe(grant.rules),
             QStringList({other.value(u"slug"_s).toString() + u"/r/x pubSub"_s}));
    QCOMPARE(grant.lobbies.size(), 1);
}

void tst_ControlPlaneAuth::roomGrants_data()
{
    // Grants on room "general" ({alice} stands for alice's actorTokenId); what each actor may
    // then do there: the general rules as "topic permission", or nothing.
    QTest::addColumn<QJsonArray>("grants");
    QTest::addColumn<QStringList>("alice"); // user, the one usually granted
    QTest::addColumn<QStringList>("bob"); // user without a token grant
    QTest::addColumn<QStringList>("sensor"); // device

    const QStringList all{u"messages pubSub"_s, u"typing pubSub"_s};
    const QStringList none;

    QTest::addRow("public room") << QJsonArray() << all << all << all;
    QTest::addRow("token grant makes the room private")
        << QJsonArray{object({{u"permission"_s, u"pubSub"_s}, {u"actorTokenId"_s, u"{alice}"_s}})}
        << all << none << none;
    QTest::addRow("subscribe-only grant")
        << QJsonArray{object(
               {{u"permission"_s, u"subscribe"_s}, {u"actorTokenId"_s, u"{alice}"_s}})}
        << QStringList({u"messages subscribe"_s, u"typing subscribe"_s}) << none << none;
    QTest::addRow("grant with its own topics")
        << QJsonArray{object({{u"permission"_s, u"publish"_s},
                              {u"actorTokenId"_s, u"{alice}"_s},
                              {u"topics"_s, QJsonArray{u"typing"_s, u"extra"_s}}})}
        << QStringList({u"typing publish"_s, u"extra publish"_s}) << none << none;
    QTest::addRow("type grant") << QJsonArray{object({{u"permission"_s, u"subscribe"_s},
                                                      {u"actorType"_s, u"device"_s}})}
                                << none << none
                                << QStringList({u"messages subscribe"_s, u"typing subscribe"_s});
    QTest::addRow("token grant beats type grant")
        << QJsonArray{object({{u"permission"_s, u"pubSub"_s}, {u"actorType"_s, u"user"_s}}),
                      object(
                          {{u"permission"_s, u"subscribe"_s}, {u"actorTokenId"_s, u"{alice}"_s}})}
        << QStringList({u"messages subscribe"_s, u"typing subscribe"_s}) << all << none;
    QTest::addRow("two token grants combine")
        << QJsonArray{object(
                          {{u"permission"_s, u"subscribe"_s}, {u"actorTokenId"_s, u"{alice}"_s}}),
                      object({{u"permission"_s, u"publish"_s},
                              {u"actorTokenId"_s, u"{alice}"_s},
                              {u"topics"_s, QJsonArray{u"messages"_s}}})}
        << QStringList({u"messages pubSub"_s, u"typing subscribe"_s}) << none << none;
    QTest::addRow("expired grant")
        << QJsonArray{object({{u"permission"_s, u"pubSub"_s},
                              {u"actorTokenId"_s, u"{alice}"_s},
                              {u"expiresAt"_s, u"2001-01-01T00:00:00.000Z"_s}})}
        << none << none << none;
    QTest::addRow("inactive grant keeps the room private")
        << QJsonArray{object({{u"permission"_s, u"pubSub"_s},
                              {u"actorTokenId"_s, u"{alice}"_s},
                              {u"isActive"_s, false}})}
        << none << none << none;
    QTest::addRow("expired token grant falls back to the type grant")
        << QJsonArray{object({{u"permission"_s, u"pubSub"_s},
                              {u"actorTokenId"_s, u"{alice}"_s},
                              {u"expiresAt"_s, u"2001-01-01T00:00:00Z"_s}}),
                      object({{u"permission"_s, u"subscribe"_s}, {u"actorType"_s, u"user"_s}})}
        << QStringList({u"messages subscribe"_s, u"typing subscribe"_s})
        << QStringList({u"messages subscribe"_s, u"typing subscribe"_s}) << none;
    QTest::addRow("future expiry")
        << QJsonArray{object({{u"permission"_s, u"pubSub"_s},
                              {u"actorTokenId"_s, u"{alice}"_s},
                              {u"expiresAt"_s, u"2999-01-01T00:00:00.000Z"_s}})}
        << all << none << none;
}

void tst_ControlPlaneAuth::roomGrants()
{
    QFETCH(QJsonArray, grants);
    QFETCH(QStringList, alice);
    QFETCH(QStringList, bob);
    QFETCH(QStringList, sensor);

    const QJsonObject aliceActor = createActor(u"alice"_s, u"user"_s);
    const QJsonObject bobActor = createActor(u"bob"_s, u"user"_s);
    const QJsonObject sensorActor = createActor(u"sensor"_s, u"device"_s);
    const QString grantsPath =
        u"/v1/apps/%1/rooms/%2/actors"_s.arg(appId(), m_general.value(u"roomId"_s).toString());
    for (const QJsonValue &grant : std::as_const(grants)) {
        QJsonObject body = grant.toObject();
        if (body.value(u"actorTokenId"_s).toString() == u"{alice}"_s) {
            body.insert(u"actorTokenId"_s, aliceActor.value(u"actorTokenId"_s));
        }
        QCOMPARE(m_fixture->call("POST", grantsPath, body).status, 201);
    }

    auto generalRules = [this](const QJsonObject &actor) {
        const AuthOutcome outcome = authenticate(actor);
        QStringList lines;
        for (const AclRule &rule : outcome.grant.rules) {
            if (rule.roomSlug == u"general"_s) {
                lines.append(rule.pattern.section(u'/', 2) + u' ' +
                             permissionName(rule.permission));
            }
        }
        return lines;
    };
    QCOMPARE(generalRules(aliceActor), alice);
    QCOMPARE(generalRules(bobActor), bob);
    QCOMPARE(generalRules(sensorActor), sensor);

    // The other room is untouched by grants on general.
    QCOMPARE(authenticate(bobActor).grant.rules.size(), bob.size() + 2);

    // Revoking every grant makes the room public again.
    for (const QJsonValue &grant : m_fixture->call("GET", grantsPath).array()) {
        const QString id = grant.toObject().value(u"roomActorAccessId"_s).toString();
        QCOMPARE(m_fixture->call("DELETE", grantsPath + u'/' + id).status, 204);
    }
    const QStringList all{u"messages pubSub"_s, u"typing pubSub"_s};
    QCOMPARE(generalRules(aliceActor), all);
    QCOMPARE(generalRules(bobActor), all);
    QCOMPARE(generalRules(sensorActor), all);
}

void tst_ControlPlaneAuth::topicSources()
{
    // An app without topics: each room's own topics.
    const QJsonObject bare = m_fixture->createApp(object({{u"name"_s, u"Bare"_s}}));
    const QString bareId = bare.value(u"appId"_s).toString();
    m_fixture->createRoom(
        bareId, object({{u"name"_s, u"Calls"_s}, {u"topics"_s, QJsonArray{u"webrtc:offer"_s}}}));
    m_fixture->createRoom(bareId, object({{u"name"_s, u"Empty"_s}}));

    // An app with topics: they win over the room's own.
    m_fixture->createRoom(appId(),
                          object({{u"name"_s, u"Own"_s}, {u"topics"_s, QJsonArray{u"ignored"_s}}}));

    const QJsonObject actor = createActor(u"alice"_s, u"user"_s);
    const ActorGrant grant = authenticate(actor).grant;
    QStringList patterns;
    for (const AclRule &rule : grant.rules) {
        patterns.append(rule.pattern);
    }
    QVERIFY(patterns.contains(bare.value(u"slug"_s).toString() + u"/calls/webrtc:offer"_s));
    QVERIFY(patterns.contains(appSlug() + u"/own/messages"_s));
    QVERIFY(!patterns.contains(appSlug() + u"/own/ignored"_s));
    QCOMPARE(patterns.size(), 4 + 1 + 2);
}

void tst_ControlPlaneAuth::scopedActor()
{
    const Reply scope = m_fixture->call("POST", u"/v1/scopes"_s,
                                        object({{u"slug"_s, u"acme"_s}, {u"name"_s, u"Acme"_s}}));
    const QString scopeId = scope.object().value(u"accessScopeId"_s).toString();
    const QJsonObject actor = createActor(u"alice"_s, u"user"_s);
    const QString actorPath = u"/v1/actors/"_s + actor.value(u"actorTokenId"_s).toString();
    QCOMPARE(m_fixture->call("PATCH", actorPath, object({{u"accessScopeId"_s, scopeId}})).status,
             200);

    ActorGrant grant = authenticate(actor).grant;
    QCOMPARE(grant.scopeId, scopeId);
    QCOMPARE(grant.scopeSlug, u"acme"_s);
    QCOMPARE(grant.scopeName, u"Acme"_s);
    QCOMPARE(grant.rules.size(), 4);
    const AclRule &rule = grant.rules.first();
    QCOMPARE(rule.pattern, appSlug() + u"/acme/general/messages"_s);
    QCOMPARE(rule.internalTopic,
             u"%1/%2/messages"_s.arg(scopeId, m_general.value(u"roomId"_s).toString()));
    QCOMPARE(rule.scopeId, scopeId);
    QCOMPARE(rule.scopeSlug, u"acme"_s);

    // A deactivated scope keeps its actors out of every room.
    QCOMPARE(m_fixture->call("PATCH", u"/v1/scopes/"_s + scopeId, object({{u"isActive"_s, false}}))
                 .status,
             200);
    grant = authenticate(actor).grant;
    QVERIFY(grant.rules.isEmpty());

    // Leaving the scope gives the unscoped form again.
    QCOMPARE(m_fixture->call("PATCH", actorPath, object({{u"accessScopeId"_s, QJsonValue::Null}}))
                 .status,
             200);
    QCOMPARE(authenticate(actor).grant.rules.first().pattern, appSlug() + u"/general/messages"_s);
}

void tst_ControlPlaneAuth::otherProjectIsInvisible()
{
    ControlPlaneStore &store = m_fixture->controlPlane->store();
    StoreError error;
    const std::optional<Project> other = store.createProject(u"Other"_s, &error);
    QVERIFY(other);
    App draft;
    draft.name = u"Secret"_s;
    draft.topics = {u"messages"_s};
    const std::optional<App> app = store.createApp(other->id, draft, SlugMode::Exact, &error);
    QVERIFY(app);
    Room room;
    room.name = u"General"_s;
    room.topics = app->topics;
    QVERIFY(store.createRoom(*app, room, RoomType::Dynamic, &error));
    Actor outsider;
    outsider.name = u"outsider"_s;
    outsider.actorType = u"user"_s;
    QString token;
    QVERIFY(store.createActor(other->id, outsider, &token, &error));

    const QJsonObject actor = createActor(u"alice"_s, u"user"_s);
    for (const AclRule &rule : authenticate(actor).grant.rules) {
        QVERIFY2(!rule.pattern.startsWith(u"secret/"_s), qPrintable(rule.pattern));
    }
    QVERIFY(!provider().checkRoomAccess(actor.value(u"actorTokenId"_s).toString(),
                                        u"secret/general/messages"_s));

    const AuthOutcome outsiderOutcome = provider().authenticate(token);
    QCOMPARE(describe(outsiderOutcome.grant.rules),
             QStringList({u"secret/general/messages pubSub"_s}));

    // The REST API of this project does not see the other project's app or actor.
    QCOMPARE(m_fixture->call("GET", u"/v1/apps/"_s + app->id).status, 404);
    QCOMPARE(m_fixture->call("GET", u"/v1/actors/"_s + outsiderOutcome.grant.actorTokenId).status,
             404);
    QCOMPARE(m_fixture->call("GET", u"/v1/actors"_s).array().size(), 1);
}

void tst_ControlPlaneAuth::liveRoomCheck()
{
    const QJsonObject actor = createActor(u"alice"_s, u"user"_s);
    const QString actorId = actor.value(u"actorTokenId"_s).toString();
    QVERIFY(authenticate(actor).isGranted());
    const QString pattern = appSlug() + u"/s1/messages"_s;

    QVERIFY(!provider().checkRoomAccess(actorId, pattern));

    const Reply ensured = m_fixture->call("POST", u"/v1/apps/%1/rooms/ensure"_s.arg(appId()),
                                          object({{u"slug"_s, u"s1"_s}}));
    QCOMPARE(ensured.status, 201);
    const std::optional<QList<AclRule>> rules = provider().checkRoomAccess(actorId, pattern);
    QVERIFY(rules);
    QCOMPARE(
        describe(*rules),
        QStringList({appSlug() + u"/s1/messages pubSub"_s, appSlug() + u"/s1/typing pubSub"_s}));
    QCOMPARE(rules->first().roomId, ensured.object().value(u"roomId"_s).toString());

    // Not a topic of the room, or only publish allowed: no subscribe.
    QVERIFY(!provider().checkRoomAccess(actorId, appSlug() + u"/s1/other"_s));
    QVERIFY(!provider().checkRoomAccess(actorId, appSlug() + u"/s1/#"_s));
    QCOMPARE(m_fixture
                 ->call("POST",
                        u"/v1/apps/%1/rooms/%2/actors"_s.arg(
                            appId(), ensured.object().value(u"roomId"_s).toString()),
                        object({{u"permission"_s, u"publish"_s}, {u"actorTokenId"_s, actorId}}))
                 .status,
             201);
    QVERIFY(!provider().checkRoomAccess(actorId, pattern));
    QVERIFY(!provider().checkRoomAccess(u"unknown-actor"_s, pattern));
}

void tst_ControlPlaneAuth::lobbies()
{
    const QJsonObject other =
        m_fixture->createApp(object({{u"name"_s, u"Other"_s}, {u"topics"_s, QJsonArray{u"x"_s}}}));
    const QString otherId = other.value(u"appId"_s).toString();
    const QJsonObject vip = m_fixture->createRoom(otherId, object({{u"name"_s, u"Vip"_s}}));
    const QJsonObject off = m_fixture->createRoom(otherId, object({{u"name"_s, u"Off"_s}}));
    m_fixture->call("PATCH",
                    u"/v1/apps/%1/rooms/%2"_s.arg(otherId, off.value(u"roomId"_s).toString()),
                    object({{u"isEnabled"_s, false}}));

    const QList<LobbyDefinition> lobbies = provider().lobbies();
    QCOMPARE(lobbies.size(), 2);
    QCOMPARE(lobbies.at(0).slug, appSlug() + u"-lobby"_s);
    QCOMPARE(lobbies.at(0).id, lobbies.at(0).slug);
    QCOMPARE(lobbies.at(0).roomIds,
             QStringList({m_general.value(u"roomId"_s).toString(),
                          m_random.value(u"roomId"_s).toString()}));
    QCOMPARE(lobbies.at(1).slug, other.value(u"slug"_s).toString() + u"-lobby"_s);
    QCOMPARE(lobbies.at(1).roomIds, QStringList({vip.value(u"roomId"_s).toString()}));

    // An actor sees the lobbies of the apps it reaches a room of.
    const QJsonObject alice = createActor(u"alice"_s, u"user"_s);
    const QJsonObject bob = createActor(u"bob"_s, u"user"_s);
    QCOMPARE(
        m_fixture
            ->call("POST",
                   u"/v1/apps/%1/rooms/%2/actors"_s.arg(otherId, vip.value(u"roomId"_s).toString()),
                   object({{u"permission"_s, u"pubSub"_s},
                           {u"actorTokenId"_s, alice.value(u"actorTokenId"_s)}}))
            .status,
        201);
    QCOMPARE(authenticate(alice).grant.lobbies.size(), 2);
    const QList<LobbyGrant> bobLobbies = authenticate(bob).grant.lobbies;
    QCOMPARE(bobLobbies.size(), 1);
    QCOMPARE(bobLobbies.first().slug, appSlug() + u"-lobby"_s);
}

QTEST_GUILESS_MAIN(tst_ControlPlaneAuth)
#include "tst_controlplaneauth.moc"
