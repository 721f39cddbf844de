// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// The REST API of the control plane called directly (no sockets), against rest-api.md:
// every endpoint's success and failure paths, validation of every body, pagination and the
// ensure rules.
#include "controlplanefixture.h"

#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

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

} // namespace

class tst_RestApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void authentication_data();
    void authentication();
    void errorBodyShape();
    void unknownRoutes_data();
    void unknownRoutes();

    void createApp();
    void appSlugSuffix_data();
    void appSlugSuffix();
    void appSlugConflictWithoutSuffix();
    void badBodies_data();
    void badBodies();
    void pagination_data();
    void pagination();
    void paginationSortAndSearch();
    void listQueryErrors_data();
    void listQueryErrors();
    void patchAppChangesOnlyWhatIsSent();
    void patchAppConfigReplaces();
    void deleteApp();
    void resetToBlueprint();

    void roomsListIsBareArray();
    void createRoomDefaults();
    void duplicateRoomSlug();
    void roomTopicNames_data();
    void roomTopicNames();
    void roomSlugNeverChanges();
    void patchRoom();
    void ensureDisabled();
    void ensureCreatesThenReturns();
    void ensureBySlugOnly();
    void dynamicRoomCap();
    void deleteRooms();
    void roomsOfAnotherApp();

    void grants();
    void grantValidation_data();
    void grantValidation();

    void createActor();
    void actorTypes_data();
    void actorTypes();
    void actorsListIsBareArray();
    void patchAndDeleteActor();

    void scopes();

    void everyJsonAnswerHasContentType();
    void writesInsideAnOpenBrokerBatch();

private:
    std::unique_ptr<ControlPlaneFixture> m_fixture;
};

void tst_RestApi::initTestCase()
{
    QLoggingCategory::setFilterRules(u"nolag.server.controlplane.info=false"_s);
}

void tst_RestApi::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    m_fixture = std::make_unique<ControlPlaneFixture>();
    QVERIFY2(m_fixture->started, qPrintable(m_fixture->error));
}

void tst_RestApi::cleanup()
{
    m_fixture.reset();
}

void tst_RestApi::authentication_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");

    QTest::addRow("no header") << QByteArray() << 401;
    QTest::addRow("empty header") << QByteArray("") << 401;
    QTest::addRow("wrong secret") << QByteArray("Bearer nlg_live_test1.wrongsecret") << 401;
    QTest::addRow("unknown key id")
        << QByteArray("Bearer nlg_live_other.secretsecretsecret") << 401;
    QTest::addRow("not a key") << QByteArray("Bearer hello") << 401;
    QTest::addRow("basic scheme") << QByteArray("Basic nlg_live_test1.secretsecretsecret") << 401;
    QTest::addRow("bearer without key") << QByteArray("Bearer") << 401;
    QTest::addRow("right key") << QByteArray("Bearer nlg_live_test1.secretsecretsecret") << 200;
    QTest::addRow("scheme in lower case")
        << QByteArray("bearer nlg_live_test1.secretsecretsecret") << 200;
}

void tst_RestApi::authentication()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);

    const Reply reply = m_fixture->call("GET", u"/v1/apps"_s, {}, authorization);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.contentType, QByteArray("application/json"));
    if (status == 401) {
        QVERIFY(reply.object().value(u"message"_s).isString());
        QCOMPARE(reply.object().value(u"statusCode"_s).toInt(), 401);
        QCOMPARE(reply.object().value(u"error"_s).toString(), u"Unauthorized"_s);
    }
}

void tst_RestApi::errorBodyShape()
{
    const Reply reply = m_fixture->call("GET", u"/v1/apps/does-not-exist"_s);
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.contentType, QByteArray("application/json"));
    const QJsonObject body = reply.object();
    QCOMPARE(body.size(), 3);
    QCOMPARE(body.value(u"statusCode"_s).toInt(), 404);
    QVERIFY(body.value(u"message"_s).isString());
    QVERIFY(body.value(u"message"_s).toString().contains(u"does-not-exist"_s));
    QCOMPARE(body.value(u"error"_s).toString(), u"Not Found"_s);
}

void tst_RestApi::unknownRoutes_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");

    QTest::addRow("prefix only") << QByteArray("GET") << u"/v1"_s;
    QTest::addRow("unknown collection") << QByteArray("GET") << u"/v1/projects"_s;
    QTest::addRow("PUT on apps") << QByteArray("PUT") << u"/v1/apps"_s;
    QTest::addRow("DELETE on apps") << QByteArray("DELETE") << u"/v1/apps"_s;
    QTest::addRow("too deep") << QByteArray("GET") << u"/v1/apps/a/rooms/b/actors/c/d"_s;
    QTest::addRow("GET reset") << QByteArray("GET") << u"/v1/apps/a/reset-to-blueprint"_s;
    QTest::addRow("empty segment") << QByteArray("GET") << u"/v1//apps"_s;
    QTest::addRow("actor subpath") << QByteArray("GET") << u"/v1/actors/a/b"_s;
    QTest::addRow("other prefix") << QByteArray("GET") << u"/v2/apps"_s;
}

void tst_RestApi::unknownRoutes()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);

    const Reply reply = m_fixture->call(method, path);
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.object().value(u"error"_s).toString(), u"Not Found"_s);
}

void tst_RestApi::createApp()
{
    const Reply reply = m_fixture->call("POST", u"/v1/apps"_s, object({{u"name"_s, u"Chat"_s}}));
    QCOMPARE(reply.status, 201);
    const QJsonObject app = reply.object();
    QVERIFY(!app.value(u"appId"_s).toString().isEmpty());
    QCOMPARE(app.value(u"projectId"_s).toString(), m_fixture->controlPlane->projectId());
    QCOMPARE(app.value(u"name"_s).toString(), u"Chat"_s);
    QVERIFY(app.value(u"slug"_s).isString());
    QVERIFY(app.value(u"config"_s).isObject());
    QCOMPARE(app.value(u"topics"_s).toArray(), QJsonArray());
    QVERIFY(app.value(u"deletedAt"_s).isNull());

    static const QRegularExpression timestamp(
        u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s);
    QVERIFY2(timestamp.match(app.value(u"createdAt"_s).toString()).hasMatch(),
             qPrintable(app.value(u"createdAt"_s).toString()));
    QVERIFY(timestamp.match(app.value(u"updatedAt"_s).toString()).hasMatch());

    const Reply fetched = m_fixture->call("GET", u"/v1/apps/"_s + app.value(u"appId"_s).toString());
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.object(), app);

    const Reply trailingSlash =
        m_fixture->call("GET", u"/v1/apps/"_s + app.value(u"appId"_s).toString() + u'/');
    QCOMPARE(trailingSlash.status, 200);
}

void tst_RestApi::appSlugSuffix_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("base");

    QTest::addRow("derived from the name") << object({{u"name"_s, u"Chat"_s}}) << u"chat"_s;
    QTest::addRow("derived from a long name")
        << object({{u"name"_s, u"  Voice & Video Calls!! "_s}}) << u"voice-video-calls"_s;
    QTest::addRow("requested") << object({{u"name"_s, u"Voice"_s}, {u"slug"_s, u"voice-calls"_s}})
                               << u"voice-calls"_s;
    QTest::addRow("non-ASCII letters dropped")
        << object({{u"name"_s, u"Café Olé 2"_s}}) << u"caf-ol-2"_s;
}

void tst_RestApi::appSlugSuffix()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, base);

    const QJsonObject app = m_fixture->createApp(body);
    const QString slug = app.value(u"slug"_s).toString();
    const QRegularExpression shape(u"^%1-[0-9a-f]{4}$"_s.arg(base));
    QVERIFY2(shape.match(slug).hasMatch(), qPrintable(slug));
}

void tst_RestApi::appSlugConflictWithoutSuffix()
{
    NoLag::Server::ControlPlaneOptions options;
    options.settings.appSlugSuffix = false;
    QVERIFY(m_fixture->open(options));

    const QJsonObject app =
        m_fixture->createApp(object({{u"name"_s, u"Chat"_s}, {u"slug"_s, u"chat"_s}}));
    QCOMPARE(app.value(u"slug"_s).toString(), u"chat"_s);

    const Reply duplicate =
        m_fixture->call("POST", u"/v1/apps"_s, object({{u"name"_s, u"Chat"_s}}));
    QCOMPARE(duplicate.status, 409);
    QVERIFY(duplicate.message().startsWith(u"slug: "_s));

    // The slug of a deleted app can be used again.
    QCOMPARE(m_fixture->call("DELETE", u"/v1/apps/"_s + app.value(u"appId"_s).toString()).status,
             200);
    QCOMPARE(m_fixture->call("POST", u"/v1/apps"_s, object({{u"name"_s, u"Chat"_s}})).status, 201);

    // PATCH onto another app's slug conflicts too.
    const QJsonObject other = m_fixture->createApp(object({{u"name"_s, u"Other"_s}}));
    const Reply patch =
        m_fixture->call("PATCH", u"/v1/apps/"_s + other.value(u"appId"_s).toString(),
                        object({{u"slug"_s, u"chat"_s}}));
    QCOMPARE(patch.status, 409);
}

void tst_RestApi::badBodies_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); // {app}, {room}, {actor} and {scope} are replaced
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field"); // the message must start with "<field>:"

    const QByteArray notJson("{\"name\": ");
    const QByteArray array("[1, 2]");
    const QByteArray string("\"name\"");

    struct Endpoint
    {
        const char *label;
        QByteArray method;
        QString path;
    };
    const QList<Endpoint> endpoints{
        {"create app", "POST", u"/v1/apps"_s},
        {"update app", "PATCH", u"/v1/apps/{app}"_s},
        {"create room", "POST", u"/v1/apps/{app}/rooms"_s},
        {"ensure room", "POST", u"/v1/apps/{app}/rooms/ensure"_s},
        {"update room", "PATCH", u"/v1/apps/{app}/rooms/{room}"_s},
        {"grant", "POST", u"/v1/apps/{app}/rooms/{room}/actors"_s},
        {"create actor", "POST", u"/v1/actors"_s},
        {"update actor", "PATCH", u"/v1/actors/{actor}"_s},
        {"create scope", "POST", u"/v1/scopes"_s},
        {"update scope", "PATCH", u"/v1/scopes/{scope}"_s},
    };
    for (const Endpoint &endpoint : endpoints) {
        QTest::addRow("%s: not JSON", endpoint.label)
            << endpoint.method << endpoint.path << notJson << u"body"_s;
        QTest::addRow("%s: an array", endpoint.label)
            << endpoint.method << endpoint.path << array << u"body"_s;
        QTest::addRow("%s: a string", endpoint.label)
            << endpoint.method << endpoint.path << string << u"body"_s;
    }

    auto add = [](const char *label, const char *method, const QString &path, const char *body,
                  const QString &field) {
        QTest::addRow("%s", label) << QByteArray(method) << path << QByteArray(body) << field;
    };

    // Apps
    add("app: no name", "POST", u"/v1/apps"_s, "{}", u"name"_s);
    add("app: empty body", "POST", u"/v1/apps"_s, "", u"name"_s);
    add("app: null name", "POST", u"/v1/apps"_s, R"({"name":null})", u"name"_s);
    add("app: number name", "POST", u"/v1/apps"_s, R"({"name":5})", u"name"_s);
    add("app: blank name", "POST", u"/v1/apps"_s, R"({"name":"  "})", u"name"_s);
    add("app: long name", "POST", u"/v1/apps"_s,
        QByteArray(R"({"name":")" + QByteArray(256, 'a') + R"("})").constData(), u"name"_s);
    add("app: bad slug", "POST", u"/v1/apps"_s, R"({"name":"a","slug":"Bad_Slug"})", u"slug"_s);
    add("app: slug with double hyphen", "POST", u"/v1/apps"_s, R"({"name":"a","slug":"a--b"})",
        u"slug"_s);
    add("app: slug too long for the suffix", "POST", u"/v1/apps"_s,
        QByteArray(R"({"name":"a","slug":")" + QByteArray(96, 'a') + R"("})").constData(),
        u"slug"_s);
    add("app: number slug", "POST", u"/v1/apps"_s, R"({"name":"a","slug":7})", u"slug"_s);
    add("app: no slug from name", "POST", u"/v1/apps"_s, R"({"name":"!!!"})", u"slug"_s);
    add("app: number description", "POST", u"/v1/apps"_s, R"({"name":"a","description":1})",
        u"description"_s);
    add("app: array config", "POST", u"/v1/apps"_s, R"({"name":"a","config":[]})", u"config"_s);
    add("app: string autoProvisionRooms", "POST", u"/v1/apps"_s,
        R"({"name":"a","config":{"autoProvisionRooms":"yes"}})", u"config.autoProvisionRooms"_s);
    add("app: topics not an array", "POST", u"/v1/apps"_s, R"({"name":"a","topics":"x"})",
        u"topics"_s);
    add("app: topic with slash", "POST", u"/v1/apps"_s, R"({"name":"a","topics":["ok","a/b"]})",
        u"topics[1]"_s);
    add("app: topic not a string", "POST", u"/v1/apps"_s, R"({"name":"a","topics":[1]})",
        u"topics[0]"_s);
    add("app: duplicate topic", "POST", u"/v1/apps"_s, R"({"name":"a","topics":["x","x"]})",
        u"topics[1]"_s);
    add("app: empty topic", "POST", u"/v1/apps"_s, R"({"name":"a","topics":[""]})", u"topics[0]"_s);
    add("app: blueprint not a string", "POST", u"/v1/apps"_s, R"({"name":"a","blueprintId":{}})",
        u"blueprintId"_s);
    add("app update: null name", "PATCH", u"/v1/apps/{app}"_s, R"({"name":null})", u"name"_s);
    add("app update: empty name", "PATCH", u"/v1/apps/{app}"_s, R"({"name":""})", u"name"_s);
    add("app update: bad slug", "PATCH", u"/v1/apps/{app}"_s, R"({"slug":"UP"})", u"slug"_s);
    add("app update: null topics", "PATCH", u"/v1/apps/{app}"_s, R"({"topics":null})", u"topics"_s);
    add("app update: config string", "PATCH", u"/v1/apps/{app}"_s, R"({"config":"x"})",
        u"config"_s);

    // Rooms
    add("room: no name", "POST", u"/v1/apps/{app}/rooms"_s, R"({"slug":"x"})", u"name"_s);
    add("room: bad slug", "POST", u"/v1/apps/{app}/rooms"_s, R"({"name":"x","slug":"Bad_Slug"})",
        u"slug"_s);
    add("room: slug too long", "POST", u"/v1/apps/{app}/rooms"_s,
        QByteArray(R"({"name":"x","slug":")" + QByteArray(101, 'a') + R"("})").constData(),
        u"slug"_s);
    add("room: topic with slash", "POST", u"/v1/apps/{app}/rooms"_s,
        R"({"name":"x","topics":["a/b"]})", u"topics[0]"_s);
    add("room: long topic", "POST", u"/v1/apps/{app}/rooms"_s,
        QByteArray(R"({"name":"x","topics":[")" + QByteArray(101, 'a') + R"("]})").constData(),
        u"topics[0]"_s);
    add("room: config number", "POST", u"/v1/apps/{app}/rooms"_s, R"({"name":"x","config":3})",
        u"config"_s);
    add("ensure: neither name nor slug", "POST", u"/v1/apps/{app}/rooms/ensure"_s, "{}", u"name"_s);
    add("ensure: bad slug", "POST", u"/v1/apps/{app}/rooms/ensure"_s, R"({"slug":"A B"})",
        u"slug"_s);
    add("room update: isEnabled string", "PATCH", u"/v1/apps/{app}/rooms/{room}"_s,
        R"({"isEnabled":"false"})", u"isEnabled"_s);
    add("room update: isEnabled null", "PATCH", u"/v1/apps/{app}/rooms/{room}"_s,
        R"({"isEnabled":null})", u"isEnabled"_s);
    add("room update: new slug", "PATCH", u"/v1/apps/{app}/rooms/{room}"_s, R"({"slug":"renamed"})",
        u"slug"_s);
    add("room update: topics object", "PATCH", u"/v1/apps/{app}/rooms/{room}"_s, R"({"topics":{}})",
        u"topics"_s);
    add("room update: number name", "PATCH", u"/v1/apps/{app}/rooms/{room}"_s, R"({"name":1})",
        u"name"_s);

    // Grants
    add("grant: no permission", "POST", u"/v1/apps/{app}/rooms/{room}/actors"_s,
        R"({"actorType":"user"})", u"permission"_s);
    add("grant: unknown permission", "POST", u"/v1/apps/{app}/rooms/{room}/actors"_s,
        R"({"permission":"admin","actorType":"user"})", u"permission"_s);
    add("grant: permission in wrong case", "POST", u"/v1/apps/{app}/rooms/{room}/actors"_s,
        R"({"permission":"pubsub","actorType":"user"})", u"permission"_s);

    // Actors
    add("actor: no name", "POST", u"/v1/actors"_s, R"({"actorType":"user"})", u"name"_s);
    add("actor: no type", "POST", u"/v1/actors"_s, R"({"name":"w"})", u"actorType"_s);
    add("actor: robot", "POST", u"/v1/actors"_s, R"({"name":"w","actorType":"robot"})",
        u"actorType"_s);
    add("actor: type not a string", "POST", u"/v1/actors"_s, R"({"name":"w","actorType":1})",
        u"actorType"_s);
    add("actor: metadata array", "POST", u"/v1/actors"_s,
        R"({"name":"w","actorType":"user","metadata":[]})", u"metadata"_s);
    add("actor: externalId number", "POST", u"/v1/actors"_s,
        R"({"name":"w","actorType":"user","externalId":5})", u"externalId"_s);
    add("actor: unknown scope", "POST", u"/v1/actors"_s,
        R"({"name":"w","actorType":"user","accessScopeId":"nope"})", u"accessScopeId"_s);
    add("actor update: isActive string", "PATCH", u"/v1/actors/{actor}"_s, R"({"isActive":"no"})",
        u"isActive"_s);
    add("actor update: isActive number", "PATCH", u"/v1/actors/{actor}"_s, R"({"isActive":0})",
        u"isActive"_s);
    add("actor update: unknown scope", "PATCH", u"/v1/actors/{actor}"_s,
        R"({"accessScopeId":"nope"})", u"accessScopeId"_s);
    add("actor update: scope number", "PATCH", u"/v1/actors/{actor}"_s, R"({"accessScopeId":3})",
        u"accessScopeId"_s);

    // Scopes
    add("scope: no slug", "POST", u"/v1/scopes"_s, R"({"name":"Acme"})", u"slug"_s);
    add("scope: bad slug", "POST", u"/v1/scopes"_s, R"({"name":"Acme","slug":"Acme"})", u"slug"_s);
    add("scope: no name", "POST", u"/v1/scopes"_s, R"({"slug":"acme"})", u"name"_s);
    add("scope update: isActive string", "PATCH", u"/v1/scopes/{scope}"_s, R"({"isActive":"yes"})",
        u"isActive"_s);
}

void tst_RestApi::badBodies()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, field);

    const QJsonObject app =
        m_fixture->createApp(object({{u"name"_s, u"Chat"_s},
                                     {u"topics"_s, QJsonArray{u"messages"_s}},
                                     {u"config"_s, object({{u"autoProvisionRooms"_s, true}})}}));
    const QString appId = app.value(u"appId"_s).toString();
    const QJsonObject room = m_fixture->createRoom(appId, object({{u"name"_s, u"Lobby"_s}}));
    const QJsonObject actor =
        m_fixture->createActor(object({{u"name"_s, u"w"_s}, {u"actorType"_s, u"user"_s}}));
    const Reply scope = m_fixture->call("POST", u"/v1/scopes"_s,
                                        object({{u"slug"_s, u"acme"_s}, {u"name"_s, u"Acme"_s}}));
    QCOMPARE(scope.status, 201);
    path.replace(u"{app}"_s, appId);
    path.replace(u"{room}"_s, room.value(u"roomId"_s).toString());
    path.replace(u"{actor}"_s, actor.value(u"actorTokenId"_s).toString());
    path.replace(u"{scope}"_s, scope.object().value(u"accessScopeId"_s).toString());

    const QByteArray appsBefore = m_fixture->call("GET", u"/v1/apps?limit=100"_s).body;
    const QByteArray roomsBefore = m_fixture->call("GET", u"/v1/apps/%1/rooms"_s.arg(appId)).body;
    const QByteArray actorsBefore = m_fixture->call("GET", u"/v1/actors"_s).body;

    const Reply reply = m_fixture->call(method, path, body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.contentType, QByteArray("application/json"));
    QCOMPARE(reply.object().value(u"statusCode"_s).toInt(), 400);
    QCOMPARE(reply.object().value(u"error"_s).toString(), u"Bad Request"_s);
    QVERIFY2(reply.message().startsWith(field + u": "_s), qPrintable(reply.message()));

    // A refused request changes nothing.
    QCOMPARE(m_fixture->call("GET", u"/v1/apps?limit=100"_s).body, appsBefore);
    QCOMPARE(m_fixture->call("GET", u"/v1/apps/%1/rooms"_s.arg(appId)).body, roomsBefore);
    QCOMPARE(m_fixture->call("GET", u"/v1/actors"_s).body, actorsBefore);
}

void tst_RestApi::pagination_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("items");
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("pageCount");

    QTest::addRow("defaults") << QString() << 10 << 1 << 10 << 3;
    QTest::addRow("page 3 of 10") << u"page=3&limit=10"_s << 5 << 3 << 10 << 3;
    QTest::addRow("limit clamped to 100") << u"limit=1000"_s << 25 << 1 << 100 << 1;
    QTest::addRow("beyond the last page") << u"page=9&limit=10"_s << 0 << 9 << 10 << 3;
    QTest::addRow("limit 0 becomes 1") << u"limit=0"_s << 1 << 1 << 1 << 25;
    QTest::addRow("negative page becomes 1") << u"page=-2&limit=5"_s << 5 << 1 << 5 << 5;
    QTest::addRow("exact last page") << u"page=5&limit=5"_s << 5 << 5 << 5 << 5;
    QTest::addRow("unknown parameters ignored") << u"foo=bar&limit=25"_s << 25 << 1 << 25 << 1;
    QTest::addRow("empty values ignored") << u"page=&limit="_s << 10 << 1 << 10 << 3;
}

void tst_RestApi::pagination()
{
    QFETCH(QString, query);
    QFETCH(int, items);
    QFETCH(int, page);
    QFETCH(int, limit);
    QFETCH(int, pageCount);

    for (int i = 0; i < 25; ++i) {
        QVERIFY(!m_fixture->createApp(object({{u"name"_s, u"App %1"_s.arg(i)}})).isEmpty());
    }

    const Reply reply = m_fixture->call("GET", u"/v1/apps?"_s + query);
    QCOMPARE(reply.status, 200);
    const QJsonObject body = reply.object();
    QCOMPARE(body.value(u"data"_s).toArray().size(), items);
    const QJsonObject pagination = body.value(u"pagination"_s).toObject();
    QCOMPARE(pagination.value(u"total"_s).toInt(), 25);
    QCOMPARE(pagination.value(u"page"_s).toInt(), page);
    QCOMPARE(pagination.value(u"pageCount"_s).toInt(), pageCount);
    QCOMPARE(body.value(u"total"_s).toInt(), 25);
    QCOMPARE(body.value(u"page"_s).toInt(), page);
    QCOMPARE(body.value(u"limit"_s).toInt(), limit);
    QCOMPARE(body.value(u"totalPages"_s).toInt(), pageCount);
}

void tst_RestApi::paginationSortAndSearch()
{
    // Empty project: pageCount 0.
    QJsonObject empty = m_fixture->call("GET", u"/v1/apps"_s).object();
    QCOMPARE(empty.value(u"data"_s).toArray(), QJsonArray());
    QCOMPARE(empty.value(u"pagination"_s).toObject().value(u"pageCount"_s).toInt(), 0);
    QCOMPARE(empty.value(u"totalPages"_s).toInt(), 0);

    const QStringList names{u"bravo"_s, u"Alpha"_s, u"charlie"_s, u"Alphabet soup"_s};
    for (const QString &name : names) {
        QVERIFY(!m_fixture->createApp(object({{u"name"_s, name}})).isEmpty());
    }
    auto namesOf = [](const Reply &reply) {
        QStringList result;
        for (const QJsonValue &app : reply.object().value(u"data"_s).toArray()) {
            result.append(app.toObject().value(u"name"_s).toString());
        }
        return result;
    };

    QCOMPARE(namesOf(m_fixture->call("GET", u"/v1/apps"_s)), names); // createdAt ascending
    QCOMPARE(namesOf(m_fixture->call("GET", u"/v1/apps?sortBy=name"_s)),
             QStringList({u"Alpha"_s, u"Alphabet soup"_s, u"bravo"_s, u"charlie"_s}));
    QCOMPARE(namesOf(m_fixture->call("GET", u"/v1/apps?sortBy=name&sortOrder=DESC"_s)),
             QStringList({u"charlie"_s, u"bravo"_s, u"Alphabet soup"_s, u"Alpha"_s}));
    QCOMPARE(namesOf(m_fixture->call("GET", u"/v1/apps?search=ALPHA&sortBy=slug"_s)),
             QStringList({u"Alpha"_s, u"Alphabet soup"_s}));
    QCOMPARE(namesOf(m_fixture->call("GET", u"/v1/apps?search=soup"_s)),
             QStringList({u"Alphabet soup"_s}));
    // search also looks at the slug ("alphabet-soup-xxxx").
    QCOMPARE(namesOf(m_fixture->call("GET", u"/v1/apps?search=bet-so"_s)),
             QStringList({u"Alphabet soup"_s}));
    const QJsonObject none = m_fixture->call("GET", u"/v1/apps?search=zzz"_s).object();
    QCOMPARE(none.value(u"total"_s).toInt(), 0);
}

void tst_RestApi::listQueryErrors_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");

    QTest::addRow("page not a number") << u"page=abc"_s << u"page"_s;
    QTest::addRow("limit fractional") << u"limit=2.5"_s << u"limit"_s;
    QTest::addRow("unknown sort field") << u"sortBy=password"_s << u"sortBy"_s;
    QTest::addRow("unknown sort order") << u"sortOrder=up"_s << u"sortOrder"_s;
}

void tst_RestApi::listQueryErrors()
{
    QFETCH(QString, query);
    QFETCH(QString, field);

    for (const QString &collection : {u"/v1/apps?"_s, u"/v1/scopes?"_s}) {
        const Reply reply = m_fixture->call("GET", collection + query);
        QCOMPARE(reply.status, 400);
        QVERIFY2(reply.message().startsWith(field + u": "_s), qPrintable(reply.message()));
    }
}

void tst_RestApi::patchAppChangesOnlyWhatIsSent()
{
    const QJsonObject app =
        m_fixture->createApp(object({{u"name"_s, u"Chat"_s},
                                     {u"description"_s, u"before"_s},
                                     {u"topics"_s, QJsonArray{u"messages"_s}},
                                     {u"config"_s, object({{u"autoProvisionRooms"_s, true}})}}));
    const QString path = u"/v1/apps/"_s + app.value(u"appId"_s).toString();

    const Reply reply = m_fixture->call("PATCH", path, object({{u"description"_s, u"x"_s}}));
    QCOMPARE(reply.status, 200);
    QJsonObject patched = reply.object();
    QCOMPARE(patched.value(u"description"_s).toString(), u"x"_s);
    QVERIFY(patched.value(u"updatedAt"_s).toString() >= app.value(u"updatedAt"_s).toString());

    patched.remove(u"description"_s);
    patched.remove(u"updatedAt"_s);
    QJsonObject original = app;
    original.remove(u"description"_s);
    original.remove(u"updatedAt"_s);
    QCOMPARE(patched, original);
    QCOMPARE(m_fixture->call("GET", path).object(), reply.object());

    // null clears an optional field; an empty body changes nothing but updatedAt.
    QVERIFY(m_fixture->call("PATCH", path, object({{u"description"_s, QJsonValue::Null}}))
                .object()
                .value(u"description"_s)
                .isNull());
    QCOMPARE(m_fixture->call("PATCH", path, QByteArray()).status, 200);

    // The local topics extension and a new slug.
    const Reply renamed = m_fixture->call(
        "PATCH", path,
        object({{u"slug"_s, u"renamed"_s}, {u"topics"_s, QJsonArray{u"a"_s, u"b:c"_s}}}));
    QCOMPARE(renamed.status, 200);
    QCOMPARE(renamed.object().value(u"slug"_s).toString(), u"renamed"_s);
    QCOMPARE(renamed.object().value(u"topics"_s).toArray(), QJsonArray({u"a"_s, u"b:c"_s}));
}

void tst_RestApi::patchAppConfigReplaces()
{
    const QJsonObject app = m_fixture->createApp(
        object({{u"name"_s, u"Chat"_s},
                {u"config"_s, object({{u"autoProvisionRooms"_s, true}, {u"x"_s, 1}})}}));
    const QString path = u"/v1/apps/"_s + app.value(u"appId"_s).toString();
    const Reply reply =
        m_fixture->call("PATCH", path, object({{u"config"_s, object({{u"y"_s, 2}})}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.object().value(u"config"_s).toObject(), object({{u"y"_s, 2}}));
    const Reply cleared = m_fixture->call("PATCH", path, object({{u"config"_s, QJsonValue::Null}}));
    QCOMPARE(cleared.object().value(u"config"_s).toObject(), QJsonObject());
}

void tst_RestApi::deleteApp()
{
    const QJsonObject app = m_fixture->createApp(object({{u"name"_s, u"Chat"_s}}));
    const QString appId = app.value(u"appId"_s).toString();
    const QJsonObject room = m_fixture->createRoom(appId, object({{u"name"_s, u"Lobby"_s}}));
    QVERIFY(!room.isEmpty());

    const Reply reply = m_fixture->call("DELETE", u"/v1/apps/"_s + appId);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.contentType, QByteArray("application/json"));
    QCOMPARE(reply.object(), object({{u"success"_s, true}}));

    QCOMPARE(m_fixture->call("GET", u"/v1/apps/"_s + appId).status, 404);
    QCOMPARE(m_fixture->call("GET", u"/v1/apps"_s).object().value(u"total"_s).toInt(), 0);
    QCOMPARE(m_fixture->call("DELETE", u"/v1/apps/"_s + appId).status, 404);
    QCOMPARE(m_fixture->call("PATCH", u"/v1/apps/"_s + appId, object({{u"name"_s, u"x"_s}})).status,
             404);
    QCOMPARE(m_fixture->call("GET", u"/v1/apps/%1/rooms"_s.arg(appId)).status, 404);
    QCOMPARE(
        m_fixture
            ->call("GET", u"/v1/apps/%1/rooms/%2"_s.arg(appId, room.value(u"roomId"_s).toString()))
            .status,
        404);
}

void tst_RestApi::resetToBlueprint()
{
    const QJsonObject plain = m_fixture->createApp(object({{u"name"_s, u"Plain"_s}}));
    const Reply noBlueprint = m_fixture->call(
        "POST", u"/v1/apps/%1/reset-to-blueprint"_s.arg(plain.value(u"appId"_s).toString()));
    QCOMPARE(noBlueprint.status, 400);
    QVERIFY(noBlueprint.message().startsWith(u"blueprintId: "_s));

    const QJsonObject foreign = m_fixture->createApp(
        object({{u"name"_s, u"Foreign"_s}, {u"blueprintId"_s, u"hosted-bp-1"_s}}));
    const Reply unchanged = m_fixture->call(
        "POST", u"/v1/apps/%1/reset-to-blueprint"_s.arg(foreign.value(u"appId"_s).toString()));
    QCOMPARE(unchanged.status, 200);
    QCOMPARE(unchanged.object(), foreign);

    // The demo blueprint: static rooms, topics and config, restored after changes.
    const QJsonObject demo =
        m_fixture->createApp(object({{u"name"_s, u"Mine"_s}, {u"blueprintId"_s, u"demo"_s}}));
    const QString appId = demo.value(u"appId"_s).toString();
    QCOMPARE(demo.value(u"topics"_s).toArray(),
             QJsonArray({u"messages"_s, u"typing"_s, u"telemetry"_s}));
    QCOMPARE(demo.value(u"config"_s).toObject(), object({{u"autoProvisionRooms"_s, true}}));
    const QJsonArray rooms = m_fixture->call("GET", u"/v1/apps/%1/rooms"_s.arg(appId)).array();
    QCOMPARE(rooms.size(), 2);
    QCOMPARE(rooms.at(0).toObject().value(u"slug"_s).toString(), u"general"_s);
    QCOMPARE(rooms.at(0).toObject().value(u"roomType"_s).toString(), u"static"_s);
    QCOMPARE(rooms.at(1).toObject().value(u"slug"_s).toString(), u"support"_s);

    const QString general = rooms.at(0).toObject().value(u"roomId"_s).toString();
    QCOMPARE(m_fixture
                 ->call("PATCH", u"/v1/apps/%1/rooms/%2"_s.arg(appId, general),
                        object({{u"isEnabled"_s, false}}))
                 .status,
             200);
    QCOMPARE(
        m_fixture
            ->call("PATCH", u"/v1/apps/"_s + appId,
                   object({{u"topics"_s, QJsonArray{u"other"_s}}, {u"config"_s, QJsonObject()}}))
            .status,
        200);

    const Reply reset = m_fixture->call("POST", u"/v1/apps/%1/reset-to-blueprint"_s.arg(appId));
    QCOMPARE(reset.status, 200);
    QCOMPARE(reset.object().value(u"topics"_s).toArray(),
             QJsonArray({u"messages"_s, u"typing"_s, u"telemetry"_s}));
    QCOMPARE(reset.object().value(u"config"_s).toObject(),
             object({{u"autoProvisionRooms"_s, true}}));
    QVERIFY(m_fixture->call("GET", u"/v1/apps/%1/rooms/%2"_s.arg(appId, general))
                .object()
                .value(u"isEnabled"_s)
                .toBool());

    QCOMPARE(m_fixture->call("POST", u"/v1/apps/unknown/reset-to-blueprint"_s).status, 404);
}

void tst_RestApi::roomsListIsBareArray()
{
    const QJsonObject app = m_fixture->createApp(object({{u"name"_s, u"Chat"_s}}));
    const QString path = u"/v1/apps/%1/rooms"_s.arg(app.value(u"appId"_s).toString());
    Reply reply = m_fixture->call("GET", path);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.json.isArray());
    QCOMPARE(reply.array().size(), 0);

    m_fixture->createRoom(app.value(u"appId"_s).toString(), object({{u"name"_s, u"One"_s}}));
    m_fixture->createRoom(app.value(u"appId"_s).toString(), object({{u"name"_s, u"Two"_s}}));
    reply = m_fixture->call("GET", path);
    QCOMPARE(reply.array().size(), 2);
    QCOMPARE(reply.array().at(1).toObject().value(u"slug"_s).toString(), u"two"_s);

    QCOMPARE(m_fixture->call("GET", u"/v1/apps/nope/rooms"_s).status, 404);
    QCOMPARE(
        m_fixture->call("POST", u"/v1/apps/nope/rooms"_s, object({{u"name"_s, u"x"_s}})).status,
        404);
}

void tst_RestApi::createRoomDefaults()
{
    const QJsonObject app = m_fixture->createApp(
        object({{u"name"_s, u"Chat"_s}, {u"topics"_s, QJsonArray{u"messages"_s, u"typing"_s}}}));
    const QString appId = app.value(u"appId"_s).toString();

    const Reply reply = m_fixture->call("POST", u"/v1/apps/%1/rooms"_s.arg(appId),
                                        object({{u"name"_s, u"Support Team"_s}}));
    QCOMPARE(reply.status, 201);
    const QJsonObject room = reply.object();
    QVERIFY(!room.value(u"roomId"_s).toString().isEmpty());
    QCOMPARE(room.value(u"appId"_s).toString(), appId);
    QCOMPARE(room.value(u"name"_s).toString(), u"Support Team"_s);
    QCOMPARE(room.value(u"slug"_s).toString(), u"support-team"_s);
    QCOMPARE(room.value(u"roomType"_s).toString(), u"dynamic"_s);
    QCOMPARE(room.value(u"isEnabled"_s).toBool(), true);
    QCOMPARE(room.value(u"topics"_s).toArray(), QJsonArray({u"messages"_s, u"typing"_s}));
    QCOMPARE(room.value(u"config"_s).toObject(), QJsonObject());
    QVERIFY(room.value(u"description"_s).isNull());
    QVERIFY(room.contains(u"createdAt"_s));

    QCOMPARE(
        m_fixture
            ->call("GET", u"/v1/apps/%1/rooms/%2"_s.arg(appId, room.value(u"roomId"_s).toString()))
            .object(),
        room);

    // Given topics win over the app's, an explicit empty list included.
    const QJsonObject own = m_fixture->createRoom(
        appId, object({{u"name"_s, u"Calls"_s}, {u"topics"_s, QJsonArray{u"webrtc:offer"_s}}}));
    QCOMPARE(own.value(u"topics"_s).toArray(), QJsonArray({u"webrtc:offer"_s}));
    const QJsonObject none = m_fixture->createRoom(
        appId, object({{u"name"_s, u"Quiet"_s}, {u"topics"_s, QJsonArray()}}));
    QCOMPARE(none.value(u"topics"_s).toArray(), QJsonArray());
}

void tst_RestApi::duplicateRoomSlug()
{
    const QJsonObject app = m_fixture->createApp(object({{u"name"_s, u"Chat"_s}}));
    const QString path = u"/v1/apps/%1/rooms"_s.arg(app.value(u"appId"_s).toString());
    QCOMPARE(m_fixture->call("POST", path, object({{u"name"_s, u"Support Team"_s}})).status, 201);
    const Reply duplicate = m_fixture->call(
        "POST", path, object({{u"name"_s, u"Other"_s}, {u"slug"_s, u"support-team"_s}}));
    QCOMPARE(duplicate.status, 409);
    QCOMPARE(duplicate.object().value(u"error"_s).toString(), u"Conflict"_s);
    QCOMPARE(m_fixture->call("GET", path).array().size(), 1);

    // The same slug in another app is fine.
    const QJsonObject other = m_fixture->createApp(object({{u"name"_s, u"Other"_s}}));
    QVERIFY(!m_fixture
                 ->createRoom(other.value(u"appId"_s).toString(),
                              object({{u"name"_s, u"Support Team"_s}}))
                 .isEmpty());
}

void tst_RestApi::roomTopicNames_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("accepted");

    QTest::addRow("plain") << u"messages"_s << true;
    QTest::addRow("colon") << u"webrtc:offer"_s << true;
    QTest::addRow("underscore and hyphen") << u"a_b-C9"_s << true;
    QTest::addRow("100 characters") << QString(100, u'x') << true;
    QTest::addRow("slash") << u"a/b"_s << false;
    QTest::addRow("plus") << u"a+"_s << false;
    QTest::addRow("hash") << u"#"_s << false;
    QTest::addRow("space") << u"a b"_s << false;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("101 characters") << QString(101, u'x') << false;
    QTest::addRow("non-ASCII") << u"café"_s << false;
}

void tst_RestApi::roomTopicNames()
{
    QFETCH(QString, topic);
    QFETCH(bool, accepted);

    const QJsonObject app = m_fixture->createApp(object({{u"name"_s, u"Chat"_s}}));
    const Reply reply =
        m_fixture->call("POST", u"/v1/apps/%1/rooms"_s.arg(app.value(u"appId"_s).toString()),
                        object({{u"name"_s, u"Room"_s}, {u"topics"_s, QJsonArray{topic}}}));
    QCOMPARE(reply.status, accepted ? 201 : 400);
    if (!accepted) {
        QVERIFY(reply.message().startsWith(u"topics[0]: "_s));
    }
}

void tst_RestApi::roomSlugNeverChanges()
{
    const QJsonObject app = m_fixture->createApp(object({{u"name"_s, u"Chat"_s}}));
    const QString appId = app.value(u"appId"_s).toString();
    const QJsonObject room = m_fixture->createRoom(appId, object({{u"name"_s, u"Lobby"_s}}));
    const QString path = u"/v1/apps/%1/rooms/%2"_s.arg(appId, room.value(u"roomId"_s).toString());

    QCOMPARE(m_fixture->call("PATCH", path, object({{u"slug"_s, u"other"_s}})).status, 400);
    // Echoing the whole room back, slug included, is fine.
    const Reply echo = m_fixture->call("PATCH", path, room);
    QCOMPARE(echo.status, 200);
    QCOMPARE(m_fixture->call("GET", path).object().value(u"slug"_s).toString(), u"lobby"_s);
}

void tst_RestApi::patchRoom()
{
    const QJsonObject app = m_fixture->createApp(
        object({{u"name"_s, u"Chat"_s}, {u"topics"_s, QJsonArray{u"messages"_s}}}));
    const QString appId = app.value(u"appId"_s).toString();
    const QJsonObject room = m_fixture->createRoom(appId, object({{u"name"_s, u"Lobby"_s}}));
    const QString path = u"/v1/apps/%1/rooms/%2"_s.arg(appId, room.value(u"roomId"_s).toString());

    const Reply reply =
        m_fixture->call("PATCH", path,
                        object({{u"name"_s, u"Main lobby"_s},
                                {u"description"_s, u"where people meet"_s},
                                {u"isEnabled"_s, false},
                                {u"topics"_s, QJsonArray{u"messages"_s, u"typing"_s}},
                                {u"config"_s, object({{u"maxMembers"_s, 10}})},
                                {u"roomType"_s, u"static"_s}}));
    QCOMPARE(reply.status, 200);
    const QJsonObject patched = reply.object();
    QCOMPARE(patched.value(u"name"_s).toString(), u"Main lobby"_s);
    QCOMPARE(patched.value(u"description"_s).toString(), u"where people meet"_s);
    QCOMPARE(patched.value(u"isEnabled"_s).toBool(), false);
    QCOMPARE(patched.value(u"topics"_s).toArray(), QJsonArray({u"messages"_s, u"typing"_s}));
    QCOMPARE(patched.value(u"config"_s).toObject(), object({{u"maxMembers"_s, 10}}));
    QCOMPARE(patched.value(u"roomType"_s).toString(), u"dynamic"_s); // not editable
    QCOMPARE(m_fixture->call("GET", path).object(), patched);

    QCOMPARE(m_fixture->call("PATCH", u"/v1/apps/%1/rooms/nope"_s.arg(appId), QJsonObject()).status,
             404);
}

void tst_RestApi::ensureDisabled()
{
    for (const QJsonObject &config : {QJsonObject(), object({{u"autoProvisionRooms"_s, false}})}) {
        const QJsonObject app =
            m_fixture->createApp(object({{u"name"_s, u"Chat"_s}, {u"config"_s, config}}));
        const QString appId = app.value(u"appId"_s).toString();
        const Reply reply = m_fixture->call("POST", u"/v1/apps/%1/rooms/ensure"_s.arg(appId),
                                            object({{u"name"_s, u"s1"_s}, {u"slug"_s, u"s1"_s}}));
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.object().value(u"error"_s).toString(), u"Forbidden"_s);
        QVERIFY(reply.message().contains(u"autoProvisionRooms"_s));
        QCOMPARE(m_fixture->call("GET", u"/v1/apps/%1/rooms"_s.arg(appId)).array().size(), 0);
    }
    QCOMPARE(m_fixture->call("POST", u"/v1/apps/nope/rooms/ensure"_s, object({{u"name"_s, u"x"_s}}))
                 .status,
             404);
}

void tst_RestApi::ensureCreatesThenReturns()
{
    const QJsonObject app =
        m_fixture->createApp(object({{u"name"_s, u"Chat"_s},
                                     {u"topics"_s, QJsonArray{u"messages"_s}},
                                     {u"config"_s, object({{u"autoProvisionRooms"_s, true}})}}));
    const QString path = u"/v1/apps/%1/rooms/ensure"_s.arg(app.value(u"appId"_s).toString());

    const Reply first = m_fixture->call(
        "POST", path,
        object({{u"name"_s, u"First"_s}, {u"slug"_s, u"s1"_s}, {u"topics"_s, QJsonArray{u"x"_s}}}));
    QCOMPARE(first.status, 201);
    QCOMPARE(first.object().value(u"roomType"_s).toString(), u"dynamic"_s);
    QCOMPARE(first.object().value(u"slug"_s).toString(), u"s1"_s);

    const Reply second =
        m_fixture->call("POST", path, object({{u"name"_s, u"Second"_s}, {u"slug"_s, u"s1"_s}}));
    QCOMPARE(second.status, 200);
    QCOMPARE(second.object().value(u"roomId"_s), first.object().value(u"roomId"_s));
    QCOMPARE(second.object().value(u"name"_s).toString(), u"First"_s);
    QCOMPARE(second.object(), first.object());

    // Without a slug, the slug comes from the name.
    const Reply derived = m_fixture->call("POST", path, object({{u"name"_s, u"Room 42"_s}}));
    QCOMPARE(derived.status, 201);
    QCOMPARE(derived.object().value(u"slug"_s).toString(), u"room-42"_s);
    QCOMPARE(m_fixture->call("POST", path, object({{u"name"_s, u"Room 42"_s}})).status, 200);
}

void tst_RestApi::ensureBySlugOnly()
{
    const QJsonObject app = m_fixture->createApp(
        object({{u"name"_s, u"Chat"_s}, {u"config"_s, object({{u"autoProvisionRooms"_s, true}})}}));
    const Reply reply =
        m_fixture->call("POST", u"/v1/apps/%1/rooms/ensure"_s.arg(app.value(u"appId"_s).toString()),
                        object({{u"slug"_s, u"order-1234"_s}}));
    QCOMPARE(reply.status, 201);
    QCOMPARE(reply.object().value(u"name"_s).toString(), u"order-1234"_s);
}

void tst_RestApi::dynamicRoomCap()
{
    NoLag::Server::ControlPlaneOptions options;
    options.settings.dynamicRoomCap = 2;
    QVERIFY(m_fixture->open(options));

    const QJsonObject app =
        m_fixture->createApp(object({{u"name"_s, u"Chat"_s},
                                     {u"blueprintId"_s, u"demo"_s},
                                     {u"config"_s, object({{u"autoProvisionRooms"_s, true}})}}));
    const QString appId = app.value(u"appId"_s).toString();
    const QString ensure = u"/v1/apps/%1/rooms/ensure"_s.arg(appId);
    const QString create = u"/v1/apps/%1/rooms"_s.arg(appId);

    // Static rooms do not count.
    QCOMPARE(m_fixture->call("POST", ensure, object({{u"slug"_s, u"a"_s}})).status, 201);
    QCOMPARE(m_fixture->call("POST", create, object({{u"name"_s, u"b"_s}})).status, 201);
    const Reply full = m_fixture->call("POST", ensure, object({{u"slug"_s, u"c"_s}}));
    QCOMPARE(full.status, 409);
    QCOMPARE(full.object().value(u"error"_s).toString(), u"Conflict"_s);
    QCOMPARE(m_fixture->call("POST", create, object({{u"name"_s, u"c"_s}})).status, 409);
    // An existing room is still returned at the cap.
    QCOMPARE(m_fixture->call("POST", ensure, object({{u"slug"_s, u"a"_s}})).status, 200);

    // Deleting one makes room again.
    const QJsonArray rooms = m_fixture->call("GET", create).array();
    QString roomA;
    for (const QJsonValue &room : rooms) {
        if (room.toObject().value(u"slug"_s).toString() == u"a"_s) {
            roomA = room.toObject().value(u"roomId"_s).toString();
        }
    }
    QCOMPARE(m_fixture->call("DELETE", create + u'/' + roomA).status, 204);
    QCOMPARE(m_fixture->call("POST", ensure, object({{u"slug"_s, u"c"_s}})).status, 201);
}

void tst_RestApi::deleteRooms()
{
    const QJsonObject app =
        m_fixture->createApp(object({{u"name"_s, u"Chat"_s}, {u"blueprintId"_s, u"demo"_s}}));
    const QString appId = app.value(u"appId"_s).toString();
    const QString rooms = u"/v1/apps/%1/rooms"_s.arg(appId);
    const QJsonObject dynamic = m_fixture->createRoom(appId, object({{u"name"_s, u"Temp"_s}}));
    const QString dynamicPath = rooms + u'/' + dynamic.value(u"roomId"_s).toString();

    const Reply deleted = m_fixture->call("DELETE", dynamicPath);
    QCOMPARE(deleted.status, 204);
    QVERIFY(deleted.body.isEmpty());
    QCOMPARE(m_fixture->call("GET", dynamicPath).status, 404);
    QCOMPARE(m_fixture->call("DELETE", dynamicPath).status, 404);
    QCOMPARE(m_fixture->call("GET", rooms).array().size(), 2);
    // The slug is free again.
    QVERIFY(!m_fixture->createRoom(appId, object({{u"name"_s, u"Temp"_s}})).isEmpty());

    const QString general =
        m_fixture->call("GET", rooms).array().at(0).toObject().value(u"roomId"_s).toString();
    const Reply refused = m_fixture->call("DELETE", rooms + u'/' + general);
    QCOMPARE(refused.status, 403);
    QVERIFY(refused.message().contains(u"static"_s));
    QCOMPARE(m_fixture->call("GET", rooms + u'/' + general).status, 200);
}

void tst_RestApi::roomsOfAnotherApp()
{
    const QString a =
        m_fixture->createApp(object({{u"name"_s, u"A"_s}})).value(u"appId"_s).toString();
    const QString b =
        m_fixture->createApp(object({{u"name"_s, u"B"_s}})).value(u"appId"_s).toString();
    const QString room =
        m_fixture->createRoom(a, object({{u"name"_s, u"R"_s}})).value(u"roomId"_s).toString();
    QCOMPARE(m_fixture->call("GET", u"/v1/apps/%1/rooms/%2"_s.arg(b, room)).status, 404);
    QCOMPARE(m_fixture->call("DELETE", u"/v1/apps/%1/rooms/%2"_s.arg(b, room)).status, 404);
    QCOMPARE(m_fixture->call("GET", u"/v1/apps/%1/rooms/%2"_s.arg(a, room)).status, 200);
}

void tst_RestApi::grants()
{
    const QString appId =
        m_fixture->createApp(object({{u"name"_s, u"Chat"_s}})).value(u"appId"_s).toString();
    const QString roomId =
        m_fixture->createRoom(appId, object({{u"name"_s, u"Vip"_s}})).value(u"roomId"_s).toString();
    const QString actorId =
        m_fixture->createActor(object({{u"name"_s, u"a"_s}, {u"actorType"_s, u"user"_s}}))
            .value(u"actorTokenId"_s)
            .toString();
    const QString path = u"/v1/apps/%1/rooms/%2/actors"_s.arg(appId, roomId);

    QCOMPARE(m_fixture->call("GET", path).array(), QJsonArray());

    const Reply created = m_fixture->call("POST", path,
                                          object({{u"permission"_s, u"subscribe"_s},
                                                  {u"actorTokenId"_s, actorId},
                                                  {u"topics"_s, QJsonArray{u"messages"_s}},
                                                  {u"expiresAt"_s, u"2099-01-02T03:04:05+02:00"_s},
                                                  {u"role"_s, u"moderator"_s},
                                                  {u"metadata"_s, object({{u"k"_s, u"v"_s}})}}));
    QCOMPARE(created.status, 201);
    const QJsonObject grant = created.object();
    QVERIFY(!grant.value(u"roomActorAccessId"_s).toString().isEmpty());
    QCOMPARE(grant.value(u"roomId"_s).toString(), roomId);
    QCOMPARE(grant.value(u"actorTokenId"_s).toString(), actorId);
    QVERIFY(grant.value(u"actorType"_s).isNull());
    QCOMPARE(grant.value(u"permission"_s).toString(), u"subscribe"_s);
    QCOMPARE(grant.value(u"topics"_s).toArray(), QJsonArray({u"messages"_s}));
    QCOMPARE(grant.value(u"isActive"_s).toBool(), true);
    QCOMPARE(grant.value(u"expiresAt"_s).toString(), u"2099-01-02T01:04:05.000Z"_s);
    QCOMPARE(grant.value(u"role"_s).toString(), u"moderator"_s);
    QCOMPARE(grant.value(u"metadata"_s).toObject(), object({{u"k"_s, u"v"_s}}));

    const Reply typeGrant = m_fixture->call(
        "POST", path, object({{u"permission"_s, u"pubSub"_s}, {u"actorType"_s, u"device"_s}}));
    QCOMPARE(typeGrant.status, 201);
    QVERIFY(typeGrant.object().value(u"topics"_s).isNull());
    QVERIFY(typeGrant.object().value(u"expiresAt"_s).isNull());

    const QJsonArray listed = m_fixture->call("GET", path).array();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed.at(0).toObject(), grant);

    const QString grantPath = path + u'/' + grant.value(u"roomActorAccessId"_s).toString();
    const Reply revoked = m_fixture->call("DELETE", grantPath);
    QCOMPARE(revoked.status, 204);
    QVERIFY(revoked.body.isEmpty());
    QCOMPARE(m_fixture->call("DELETE", grantPath).status, 404);
    QCOMPARE(m_fixture->call("GET", path).array().size(), 1);
    QCOMPARE(m_fixture->call("GET", u"/v1/apps/%1/rooms/nope/actors"_s.arg(appId)).status, 404);
}

void tst_RestApi::grantValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");

    QTest::addRow("neither actor nor type")
        << object({{u"permission"_s, u"publish"_s}}) << u"actorTokenId"_s;
    QTest::addRow("both actor and type") << object({{u"permission"_s, u"publish"_s},
                                                    {u"actorTokenId"_s, u"{actor}"_s},
                                                    {u"actorType"_s, u"user"_s}})
                                         << u"actorTokenId"_s;
    QTest::addRow("unknown actor")
        << object({{u"permission"_s, u"publish"_s}, {u"actorTokenId"_s, u"nobody"_s}})
        << u"actorTokenId"_s;
    QTest::addRow("unknown actor type")
        << object({{u"permission"_s, u"publish"_s}, {u"actorType"_s, u"robot"_s}})
        << u"actorType"_s;
    QTest::addRow("actorTokenId number")
        << object({{u"permission"_s, u"publish"_s}, {u"actorTokenId"_s, 3}}) << u"actorTokenId"_s;
    QTest::addRow("topics with a bad name") << object({{u"permission"_s, u"publish"_s},
                                                       {u"actorType"_s, u"user"_s},
                                                       {u"topics"_s, QJsonArray{u"a b"_s}}})
                                            << u"topics[0]"_s;
    QTest::addRow("isActive string") << object({{u"permission"_s, u"publish"_s},
                                                {u"actorType"_s, u"user"_s},
                                                {u"isActive"_s, u"true"_s}})
                                     << u"isActive"_s;
    QTest::addRow("expiresAt not a date") << object({{u"permission"_s, u"publish"_s},
                                                     {u"actorType"_s, u"user"_s},
                                                     {u"expiresAt"_s, u"tomorrow"_s}})
                                          << u"expiresAt"_s;
    QTest::addRow("expiresAt number")
        << object(
               {{u"permission"_s, u"publish"_s}, {u"actorType"_s, u"user"_s}, {u"expiresAt"_s, 12}})
        << u"expiresAt"_s;
    QTest::addRow("metadata string") << object({{u"permission"_s, u"publish"_s},
                                                {u"actorType"_s, u"user"_s},
                                                {u"metadata"_s, u"x"_s}})
                                     << u"metadata"_s;
    QTest::addRow("role too long") << object({{u"permission"_s, u"publish"_s},
                                              {u"actorType"_s, u"user"_s},
                                              {u"role"_s, QString(101, u'r')}})
                                   << u"role"_s;
}

void tst_RestApi::grantValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);

    const QString appId =
        m_fixture->createApp(object({{u"name"_s, u"Chat"_s}})).value(u"appId"_s).toString();
    const QString roomId =
        m_fixture->createRoom(appId, object({{u"name"_s, u"Vip"_s}})).value(u"roomId"_s).toString();
    const QString actorId =
        m_fixture->createActor(object({{u"name"_s, u"a"_s}, {u"actorType"_s, u"user"_s}}))
            .value(u"actorTokenId"_s)
            .toString();
    if (body.value(u"actorTokenId"_s).toString() == u"{actor}"_s) {
        body.insert(u"actorTokenId"_s, actorId);
    }
    const QString path = u"/v1/apps/%1/rooms/%2/actors"_s.arg(appId, roomId);

    const Reply reply = m_fixture->call("POST", path, body);
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.message().startsWith(field + u": "_s), qPrintable(reply.message()));
    QCOMPARE(m_fixture->call("GET", path).array(), QJsonArray());
}

void tst_RestApi::createActor()
{
    const Reply reply = m_fixture->call(
        "POST", u"/v1/actors"_s, object({{u"name"_s, u"w"_s}, {u"actorType"_s, u"device"_s}}));
    QCOMPARE(reply.status, 201);
    const QJsonObject actor = reply.object();
    static const QRegularExpression tokenShape(u"^at_live_[0-9a-f]{12}\\.[A-Za-z0-9_-]{43}$"_s);
    QVERIFY2(tokenShape.match(actor.value(u"accessToken"_s).toString()).hasMatch(),
             "the access token has the documented shape");
    QCOMPARE(actor.value(u"name"_s).toString(), u"w"_s);
    QCOMPARE(actor.value(u"actorType"_s).toString(), u"device"_s);
    QCOMPARE(actor.value(u"projectId"_s).toString(), m_fixture->controlPlane->projectId());
    QCOMPARE(actor.value(u"isActive"_s).toBool(), true);
    QVERIFY(actor.value(u"lastConnectedAt"_s).isNull());
    QVERIFY(actor.value(u"accessScopeId"_s).isNull());
    QVERIFY(actor.value(u"metadata"_s).isNull());

    const QString path = u"/v1/actors/"_s + actor.value(u"actorTokenId"_s).toString();
    const Reply fetched = m_fixture->call("GET", path);
    QCOMPARE(fetched.status, 200);
    QVERIFY(!fetched.object().contains(u"accessToken"_s));
    QVERIFY(!fetched.body.contains(actor.value(u"accessToken"_s).toString().toUtf8()));
    QJsonObject withoutToken = actor;
    withoutToken.remove(u"accessToken"_s);
    QCOMPARE(fetched.object(), withoutToken);

    // Two actors never share a token.
    const QJsonObject second =
        m_fixture->createActor(object({{u"name"_s, u"w"_s}, {u"actorType"_s, u"device"_s}}));
    QVERIFY(second.value(u"accessToken"_s) != actor.value(u"accessToken"_s));

    const QJsonObject full =
        m_fixture->createActor(object({{u"name"_s, u"full"_s},
                                       {u"actorType"_s, u"agent"_s},
                                       {u"description"_s, u"d"_s},
                                       {u"externalId"_s, u"ext-1"_s},
                                       {u"metadata"_s, object({{u"a"_s, 1}})}}));
    QCOMPARE(full.value(u"description"_s).toString(), u"d"_s);
    QCOMPARE(full.value(u"externalId"_s).toString(), u"ext-1"_s);
    QCOMPARE(full.value(u"metadata"_s).toObject(), object({{u"a"_s, 1}}));
}

void tst_RestApi::actorTypes_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("status");

    for (const char *type :
         {"device", "user", "server", "service", "session", "agent", "orchestrator", "observer"}) {
        QTest::addRow("%s", type) << QString::fromLatin1(type) << 201;
    }
    QTest::addRow("robot") << u"robot"_s << 400;
    QTest::addRow("User (case matters)") << u"User"_s << 400;
    QTest::addRow("empty") << QString() << 400;
}

void tst_RestApi::actorTypes()
{
    QFETCH(QString, type);
    QFETCH(int, status);

    const Reply reply = m_fixture->call("POST", u"/v1/actors"_s,
                                        object({{u"name"_s, u"w"_s}, {u"actorType"_s, type}}));
    QCOMPARE(reply.status, status);
    if (status == 400) {
        QVERIFY(reply.message().startsWith(u"actorType: "_s));
        QCOMPARE(m_fixture->call("GET", u"/v1/actors"_s).array().size(), 0);
    } else {
        QCOMPARE(reply.object().value(u"actorType"_s).toString(), type);
    }
}

void tst_RestApi::actorsListIsBareArray()
{
    Reply reply = m_fixture->call("GET", u"/v1/actors"_s);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.json.isArray());
    QCOMPARE(reply.array().size(), 0);

    m_fixture->createActor(object({{u"name"_s, u"a"_s}, {u"actorType"_s, u"user"_s}}));
    m_fixture->createActor(object({{u"name"_s, u"b"_s}, {u"actorType"_s, u"user"_s}}));
    reply = m_fixture->call("GET", u"/v1/actors"_s);
    QCOMPARE(reply.array().size(), 2);
    QCOMPARE(reply.array().at(0).toObject().value(u"name"_s).toString(), u"a"_s);
    QVERIFY(!reply.body.contains("accessToken"));
}

void tst_RestApi::patchAndDeleteActor()
{
    const QJsonObject actor =
        m_fixture->createActor(object({{u"name"_s, u"w"_s}, {u"actorType"_s, u"user"_s}}));
    const QString path = u"/v1/actors/"_s + actor.value(u"actorTokenId"_s).toString();

    const Reply reply = m_fixture->call("PATCH", path,
                                        object({{u"name"_s, u"worker"_s},
                                                {u"isActive"_s, false},
                                                {u"externalId"_s, u"e"_s},
                                                {u"metadata"_s, object({{u"x"_s, true}})},
                                                {u"actorType"_s, u"device"_s}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.object().value(u"name"_s).toString(), u"worker"_s);
    QCOMPARE(reply.object().value(u"isActive"_s).toBool(), false);
    QCOMPARE(reply.object().value(u"externalId"_s).toString(), u"e"_s);
    QCOMPARE(reply.object().value(u"actorType"_s).toString(), u"user"_s); // not editable
    QCOMPARE(m_fixture->call("GET", path).object(), reply.object());

    QCOMPARE(m_fixture->call("PATCH", u"/v1/actors/nope"_s, QJsonObject()).status, 404);

    const Reply deleted = m_fixture->call("DELETE", path);
    QCOMPARE(deleted.status, 204);
    QVERIFY(deleted.body.isEmpty());
    QCOMPARE(m_fixture->call("GET", path).status, 404);
    QCOMPARE(m_fixture->call("DELETE", path).status, 404);
    QCOMPARE(m_fixture->call("GET", u"/v1/actors"_s).array().size(), 0);
}

void tst_RestApi::scopes()
{
    const Reply created = m_fixture->call("POST", u"/v1/scopes"_s,
                                          object({{u"slug"_s, u"acme"_s},
                                                  {u"name"_s, u"Acme"_s},
                                                  {u"metadata"_s, object({{u"t"_s, 1}})}}));
    QCOMPARE(created.status, 201);
    const QJsonObject scope = created.object();
    const QString scopeId = scope.value(u"accessScopeId"_s).toString();
    QVERIFY(!scopeId.isEmpty());
    QCOMPARE(scope.value(u"slug"_s).toString(), u"acme"_s);
    QCOMPARE(scope.value(u"isActive"_s).toBool(), true);

    QCOMPARE(m_fixture
                 ->call("POST", u"/v1/scopes"_s,
                        object({{u"slug"_s, u"acme"_s}, {u"name"_s, u"Again"_s}}))
                 .status,
             409);

    const QJsonObject list = m_fixture->call("GET", u"/v1/scopes"_s).object();
    QCOMPARE(list.value(u"total"_s).toInt(), 1);
    QCOMPARE(list.value(u"data"_s).toArray().at(0).toObject(), scope);

    const QString path = u"/v1/scopes/"_s + scopeId;
    QCOMPARE(m_fixture->call("GET", path).object(), scope);
    const Reply patched = m_fixture->call("PATCH", path, object({{u"isActive"_s, false}}));
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.object().value(u"isActive"_s).toBool(), false);

    // Actors join and leave a scope through actors.update.
    const QJsonObject actor =
        m_fixture->createActor(object({{u"name"_s, u"a"_s}, {u"actorType"_s, u"user"_s}}));
    const QString actorPath = u"/v1/actors/"_s + actor.value(u"actorTokenId"_s).toString();
    QCOMPARE(m_fixture->call("PATCH", actorPath, object({{u"accessScopeId"_s, scopeId}}))
                 .object()
                 .value(u"accessScopeId"_s)
                 .toString(),
             scopeId);
    QCOMPARE(m_fixture->call("GET", path + u"/actors"_s).array().size(), 1);
    QVERIFY(m_fixture->call("PATCH", actorPath, object({{u"accessScopeId"_s, QJsonValue::Null}}))
                .object()
                .value(u"accessScopeId"_s)
                .isNull());
    QCOMPARE(m_fixture->call("GET", path + u"/actors"_s).array().size(), 0);

    // Deleting a scope unbinds its actors.
    m_fixture->call("PATCH", actorPath, object({{u"accessScopeId"_s, scopeId}}));
    QCOMPARE(m_fixture->call("DELETE", path).status, 204);
    QCOMPARE(m_fixture->call("GET", path).status, 404);
    QVERIFY(m_fixture->call("GET", actorPath).object().value(u"accessScopeId"_s).isNull());
    QCOMPARE(m_fixture->call("GET", path + u"/actors"_s).status, 404);
}

void tst_RestApi::everyJsonAnswerHasContentType()
{
    const QJsonObject app = m_fixture->createApp(
        object({{u"name"_s, u"Chat"_s}, {u"config"_s, object({{u"autoProvisionRooms"_s, true}})}}));
    const QString appId = app.value(u"appId"_s).toString();
    const QJsonObject room = m_fixture->createRoom(appId, object({{u"name"_s, u"R"_s}}));
    const QString roomPath =
        u"/v1/apps/%1/rooms/%2"_s.arg(appId, room.value(u"roomId"_s).toString());
    const QJsonObject actor =
        m_fixture->createActor(object({{u"name"_s, u"a"_s}, {u"actorType"_s, u"user"_s}}));

    const QList<QPair<QByteArray, QString>> requests{
        {"GET", u"/v1/apps"_s},
        {"GET", u"/v1/apps/"_s + appId},
        {"PATCH", u"/v1/apps/"_s + appId},
        {"POST", u"/v1/apps/%1/reset-to-blueprint"_s.arg(appId)},
        {"GET", u"/v1/apps/%1/rooms"_s.arg(appId)},
        {"POST", u"/v1/apps/%1/rooms/ensure"_s.arg(appId)},
        {"GET", roomPath},
        {"PATCH", roomPath},
        {"GET", roomPath + u"/actors"_s},
        {"POST", roomPath + u"/actors"_s},
        {"GET", u"/v1/actors"_s},
        {"GET", u"/v1/actors/"_s + actor.value(u"actorTokenId"_s).toString()},
        {"GET", u"/v1/scopes"_s},
        {"GET", u"/v1/nothing"_s},
        {"DELETE", roomPath},
        {"DELETE", u"/v1/apps/"_s + appId},
    };
    for (const auto &request : requests) {
        const Reply reply = m_fixture->call(request.first, request.second, QByteArray("{}"));
        if (reply.status == 204) {
            QVERIFY(reply.body.isEmpty());
            continue;
        }
        QVERIFY2(!reply.body.isEmpty(), qPrintable(request.second));
        QCOMPARE(reply.contentType, QByteArray("application/json"));
        QVERIFY2(!reply.json.isUndefined(), qPrintable(request.second));
    }
}

void tst_RestApi::writesInsideAnOpenBrokerBatch()
{
    // The broker keeps a transaction open for its batched writes until the end of an event
    // loop turn; a REST request handled in that turn must still work, and not end the batch.
    QSqlDatabase db = m_fixture->database->connection();
    QSqlQuery query(db);
    QVERIFY(query.exec(u"CREATE TABLE batch_probe (value INTEGER)"_s));
    QVERIFY(db.transaction());
    QVERIFY(query.exec(u"INSERT INTO batch_probe (value) VALUES (1)"_s));

    const Reply created = m_fixture->call(
        "POST", u"/v1/apps"_s, object({{u"name"_s, u"Batch"_s}, {u"blueprintId"_s, u"demo"_s}}));
    QCOMPARE(created.status, 201);
    QCOMPARE(
        m_fixture
            ->call("GET", u"/v1/apps/%1/rooms"_s.arg(created.object().value(u"appId"_s).toString()))
            .array()
            .size(),
        2);
    QVERIFY(query.exec(u"INSERT INTO batch_probe (value) VALUES (2)"_s));
    QVERIFY(db.commit());

    QVERIFY(query.exec(u"SELECT COUNT(*) FROM batch_probe"_s) && query.next());
    QCOMPARE(query.value(0).toInt(), 2);
    QCOMPARE(m_fixture->call("GET", u"/v1/apps"_s).object().value(u"total"_s).toInt(), 1);
}

QTEST_GUILESS_MAIN(tst_RestApi)
#include "tst_restapi.moc"
