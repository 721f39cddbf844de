// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// The control plane inside the real nolag-local: the REST API over HTTP (rest-api.md §9,
// statements 1-36) and its effect on WebSocket authentication and ACLs, next to a static
// token file, and the demo project of --demo.
#include "localserver.h"
#include "rawconnection.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace NoLagTest;
using namespace Qt::StringLiterals;

namespace {

const QString apiKey = u"nlg_live_integration.topsecretvalue"_s;
const QString fileToken = u"file-token-1"_s;

QJsonObject object(std::initializer_list<QPair<QString, QJsonValue>> fields)
{
    QJsonObject result;
    for (const auto &field : fields) {
        result.insert(field.first, field.second);
    }
    return result;
}

struct Reply
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    QJsonValue json;

    QJsonObject object() const { return json.toObject(); }
    QJsonArray array() const { return json.toArray(); }
    QString message() const { return object().value(u"message"_s).toString(); }
};

/*! Blocking JSON requests to the REST API, for tests. */
class Http
{
public:
    void setBase(const QUrl &base) { m_base = base; }

    Reply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                  const QByteArray &authorization = "Bearer " + apiKey.toUtf8())
    {
        QUrl url = m_base;
        const qsizetype question = path.indexOf(u'?');
        url.setPath(path.left(question));
        if (question >= 0) {
            url.setQuery(path.mid(question + 1));
        }
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        if (!authorization.isEmpty()) {
            request.setRawHeader("Authorization", authorization);
        }
        std::unique_ptr<QNetworkReply> reply(m_manager.sendCustomRequest(request, method, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(10000)) {
            return {};
        }

        Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.contentType = reply->rawHeader("Content-Type");
        result.body = reply->readAll();
        const QJsonDocument document = QJsonDocument::fromJson(result.body);
        result.json = document.isObject() ? QJsonValue(document.object())
            : document.isArray()          ? QJsonValue(document.array())
                                          : QJsonValue();
        return result;
    }

    Reply request(const QByteArray &method, const QString &path, const QJsonObject &body)
    {
        return request(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

private:
    QNetworkAccessManager m_manager;
    QUrl m_base;
};

/*! Waits for the answer to a subscribe or publish: the first frame of one of \a types. */
QVariantMap answer(RawConnection &connection, const QStringList &types, int timeoutMs = 5000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        for (qsizetype i = 0; i < connection.queue().size(); ++i) {
            if (types.contains(connection.queue().at(i).type())) {
                return connection.queue().takeAt(i).map;
            }
        }
        bool ok = false;
        RawConnection::Frame frame = connection.waitForAnyFrame(int(deadline.remainingTime()), &ok);
        if (!ok) {
            break;
        }
        if (types.contains(frame.type())) {
            return frame.map;
        }
    }
    return {};
}

/*! "subscribed", or the error string of the refusal ("unknown_topic"). */
QString subscribe(RawConnection &connection, const QString &topic)
{
    connection.sendFrame({{u"type"_s, u"subscribe"_s}, {u"topic"_s, topic}});
    const QVariantMap reply = answer(connection, {u"subscribed"_s, u"error"_s});
    return reply.value(u"type"_s) == u"subscribed"_s ? u"subscribed"_s
                                                     : reply.value(u"error"_s).toString();
}

/*! "published", or the error string of the refusal. */
QString publish(RawConnection &connection, const QString &topic)
{
    static int counter = 0;
    const QString ref = u"ref-%1"_s.arg(++counter);
    connection.sendFrame({{u"type"_s, u"publish"_s},
                          {u"topic"_s, topic},
                          {u"data"_s, QVariantMap{{u"n"_s, counter}}},
                          {u"msgRef"_s, ref}});
    const QVariantMap reply = answer(connection, {u"published"_s, u"error"_s});
    return reply.value(u"type"_s) == u"published"_s ? u"published"_s
                                                    : reply.value(u"error"_s).toString();
}

} // namespace

class tst_ControlPlaneServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void authentication_data();
    void authentication();
    void jsonEverywhere();
    void apps();
    void pagination();
    void rooms();
    void ensureAndLiveSubscribe();
    void deletedRoomIsUnknown();
    void staticRoomCannotBeDeleted();
    void actors();
    void actorTokenAuthenticates();
    void deactivationRefusesAtOnce();
    void revalidationClosesLiveConnections_data();
    void revalidationClosesLiveConnections();
    void disabledRoomAtRevalidation();
    void subscriptionsSurviveRevalidation();
    void newActorReachesEveryRoomAndTopic();
    void grantsOverTheWire();
    void tokenFileBesideTheControlPlane();
    void demoProject();

private:
    QString createApp(const QJsonObject &body, QString *slug = nullptr);
    QString createActor(const QString &name, const QString &type, QString *token);
    bool connectAs(RawConnection &connection, const QString &token);

    std::unique_ptr<LocalServer> m_server;
    Http m_http;
};

void tst_ControlPlaneServer::initTestCase()
{
    m_server = std::make_unique<LocalServer>();
    const QByteArray tokens =
        QJsonDocument(
            object(
                {{u"tokens"_s,
                  object({{fileToken,
                           object({{u"actorTokenId"_s, u"file-actor"_s},
                                   {u"projectId"_s, u"file-project"_s},
                                   {u"actorType"_s, u"user"_s},
                                   {u"allowedTopics"_s,
                                    QJsonArray{object({{u"pattern"_s, u"files/+/messages"_s},
                                                       {u"permission"_s, u"pubSub"_s}})}}})}})}}))
            .toJson();
    const QString tokenFile = m_server->writeFile(u"tokens.json"_s, tokens);
    QVERIFY(!tokenFile.isEmpty());
    m_server->setExtraArguments(
        {u"--api-key"_s, apiKey, u"--tokens"_s, tokenFile, u"--revalidate-interval"_s, u"0.2"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_http.setBase(m_server->httpUrl());
}

void tst_ControlPlaneServer::cleanupTestCase()
{
    m_server.reset();
}

QString tst_ControlPlaneServer::createApp(const QJsonObject &body, QString *slug)
{
    const Reply reply = m_http.request("POST", u"/v1/apps"_s, body);
    if (slug) {
        *slug = reply.object().value(u"slug"_s).toString();
    }
    return reply.status == 201 ? reply.object().value(u"appId"_s).toString() : QString();
}

QString tst_ControlPlaneServer::createActor(const QString &name, const QString &type,
                                            QString *token)
{
    const Reply reply = m_http.request("POST", u"/v1/actors"_s,
                                       object({{u"name"_s, name}, {u"actorType"_s, type}}));
    *token = reply.object().value(u"accessToken"_s).toString();
    return reply.object().value(u"actorTokenId"_s).toString();
}

bool tst_ControlPlaneServer::connectAs(RawConnection &connection, const QString &token)
{
    return connection.open(m_server->webSocketUrl()) &&
        connection.authenticate(token).value(u"success"_s).toBool();
}

void tst_ControlPlaneServer::authentication_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");

    QTest::addRow("1: no Authorization") << QByteArray() << 401;
    QTest::addRow("2: wrong key") << QByteArray("Bearer nlg_live_integration.wrong") << 401;
    QTest::addRow("right key") << ("Bearer " + apiKey.toUtf8()) << 200;
}

void tst_ControlPlaneServer::authentication()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);

    const Reply reply = m_http.request("GET", u"/v1/apps"_s, {}, authorization);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.contentType, QByteArray("application/json"));
    if (status == 401) {
        QVERIFY(reply.object().value(u"message"_s).isString());
    }
}

void tst_ControlPlaneServer::jsonEverywhere()
{
    // 3, 4, 5: JSON with its content type on every answer but 204; the 404 body shape.
    const Reply missing = m_http.request("GET", u"/v1/apps/unknown-app"_s);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.contentType, QByteArray("application/json"));
    QCOMPARE(missing.object().value(u"statusCode"_s).toInt(), 404);
    QCOMPARE(missing.object().value(u"error"_s).toString(), u"Not Found"_s);
    QVERIFY(missing.object().value(u"message"_s).isString());

    const Reply badJson = m_http.request("POST", u"/v1/apps"_s, QByteArray("{oops"));
    QCOMPARE(badJson.status, 400);
    QCOMPARE(badJson.contentType, QByteArray("application/json"));
    QVERIFY(badJson.message().startsWith(u"body: "_s));

    const Reply unrouted = m_http.request("GET", u"/v1/nothing-here"_s);
    QCOMPARE(unrouted.status, 404);
    QCOMPARE(unrouted.contentType, QByteArray("application/json"));
}

void tst_ControlPlaneServer::apps()
{
    // 6, 8
    const Reply created = m_http.request("POST", u"/v1/apps"_s, object({{u"name"_s, u"Chat"_s}}));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.contentType, QByteArray("application/json"));
    const QJsonObject app = created.object();
    for (const char *field : {"appId", "projectId", "slug", "createdAt", "updatedAt"}) {
        QVERIFY2(!app.value(QLatin1StringView(field)).toString().isEmpty(), field);
    }
    QCOMPARE(app.value(u"name"_s).toString(), u"Chat"_s);
    QVERIFY(QRegularExpression(u"^chat-[0-9a-f]{4}$"_s)
                .match(app.value(u"slug"_s).toString())
                .hasMatch());
    const QString path = u"/v1/apps/"_s + app.value(u"appId"_s).toString();

    // 7
    QCOMPARE(m_http.request("POST", u"/v1/apps"_s, object({{u"description"_s, u"x"_s}})).status,
             400);

    // 13, 14
    QCOMPARE(m_http.request("GET", u"/v1/apps/nope"_s).status, 404);
    const Reply patched = m_http.request("PATCH", path, object({{u"description"_s, u"x"_s}}));
    QCOMPARE(patched.status, 200);
    QJsonObject expected = app;
    expected.insert(u"description"_s, u"x"_s);
    expected.insert(u"updatedAt"_s, patched.object().value(u"updatedAt"_s));
    QCOMPARE(patched.object(), expected);

    // 15
    const Reply deleted = m_http.request("DELETE", path);
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.contentType, QByteArray("application/json"));
    QCOMPARE(deleted.object(), object({{u"success"_s, true}}));
    QCOMPARE(m_http.request("GET", path).status, 404);
    for (const QJsonValue &listed :
         m_http.request("GET", u"/v1/apps?limit=100"_s).object().value(u"data"_s).toArray()) {
        QVERIFY(listed.toObject().value(u"appId"_s) != app.value(u"appId"_s));
    }
}

void tst_ControlPlaneServer::pagination()
{
    // 9-12 on a fresh server, so the count is exact.
    LocalServer server({u"--api-key"_s, apiKey});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    Http http;
    http.setBase(server.httpUrl());
    for (int i = 0; i < 25; ++i) {
        QCOMPARE(
            http.request("POST", u"/v1/apps"_s, object({{u"name"_s, u"App %1"_s.arg(i)}})).status,
            201);
    }

    QJsonObject page = http.request("GET", u"/v1/apps?page=3&limit=10"_s).object();
    QCOMPARE(page.value(u"data"_s).toArray().size(), 5);
    QCOMPARE(page.value(u"pagination"_s).toObject(),
             object({{u"total"_s, 25}, {u"page"_s, 3}, {u"pageCount"_s, 3}}));
    QCOMPARE(page.value(u"total"_s).toInt(), 25);
    QCOMPARE(page.value(u"page"_s).toInt(), 3);
    QCOMPARE(page.value(u"limit"_s).toInt(), 10);
    QCOMPARE(page.value(u"totalPages"_s).toInt(), 3);

    QCOMPARE(http.request("GET", u"/v1/apps?limit=1000"_s).object().value(u"limit"_s).toInt(), 100);
    page = http.request("GET", u"/v1/apps?page=9&limit=10"_s).object();
    QCOMPARE(page.value(u"data"_s).toArray(), QJsonArray());
    QCOMPARE(http.request("GET", u"/v1/apps?search=app%2012"_s).object().value(u"total"_s).toInt(),
             1);
}

void tst_ControlPlaneServer::rooms()
{
    const QString appId =
        createApp(object({{u"name"_s, u"Rooms"_s}, {u"topics"_s, QJsonArray{u"messages"_s}}}));
    QVERIFY(!appId.isEmpty());
    const QString rooms = u"/v1/apps/%1/rooms"_s.arg(appId);

    // 16
    Reply list = m_http.request("GET", rooms);
    QCOMPARE(list.status, 200);
    QVERIFY(list.json.isArray());

    // 17
    const Reply created = m_http.request("POST", rooms, object({{u"name"_s, u"Support Team"_s}}));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.object().value(u"slug"_s).toString(), u"support-team"_s);
    QCOMPARE(created.object().value(u"roomType"_s).toString(), u"dynamic"_s);
    QCOMPARE(created.object().value(u"isEnabled"_s).toBool(), true);
    QCOMPARE(created.object().value(u"topics"_s).toArray(), QJsonArray({u"messages"_s}));

    // 18, 19, 20
    QCOMPARE(m_http.request("POST", rooms, object({{u"name"_s, u"Support Team"_s}})).status, 409);
    QCOMPARE(
        m_http.request("POST", rooms, object({{u"name"_s, u"x"_s}, {u"slug"_s, u"Bad_Slug"_s}}))
            .status,
        400);
    QCOMPARE(m_http
                 .request("POST", rooms,
                          object({{u"name"_s, u"y"_s}, {u"topics"_s, QJsonArray{u"a/b"_s}}}))
                 .status,
             400);
    QCOMPARE(
        m_http
            .request("POST", rooms,
                     object({{u"name"_s, u"y"_s}, {u"topics"_s, QJsonArray{u"webrtc:offer"_s}}}))
            .status,
        201);

    // 21
    const QString roomPath = rooms + u'/' + created.object().value(u"roomId"_s).toString();
    QCOMPARE(m_http.request("PATCH", roomPath, object({{u"slug"_s, u"renamed"_s}})).status, 400);
    QCOMPARE(m_http.request("GET", roomPath).object().value(u"slug"_s).toString(),
             u"support-team"_s);

    list = m_http.request("GET", rooms);
    QCOMPARE(list.array().size(), 2);
}

void tst_ControlPlaneServer::ensureAndLiveSubscribe()
{
    QString slug;
    const QString closedApp = createApp(object({{u"name"_s, u"Closed"_s}}));
    const QString appId =
        createApp(object({{u"name"_s, u"Open"_s},
                          {u"topics"_s, QJsonArray{u"messages"_s}},
                          {u"config"_s, object({{u"autoProvisionRooms"_s, true}})}}),
                  &slug);

    // 22
    const Reply refused = m_http.request("POST", u"/v1/apps/%1/rooms/ensure"_s.arg(closedApp),
                                         object({{u"slug"_s, u"s1"_s}}));
    QCOMPARE(refused.status, 403);
    QCOMPARE(m_http.request("GET", u"/v1/apps/%1/rooms"_s.arg(closedApp)).array().size(), 0);

    // An actor connected before the room exists.
    QString token;
    createActor(u"early"_s, u"user"_s, &token);
    RawConnection connection;
    QVERIFY(connectAs(connection, token));
    // (The broker remembers a refusal for a few seconds per topic, so this asks another one.)
    QCOMPARE(subscribe(connection, slug + u"/s1/typing"_s), u"unknown_topic"_s);

    // 23
    const QString ensure = u"/v1/apps/%1/rooms/ensure"_s.arg(appId);
    const Reply first =
        m_http.request("POST", ensure, object({{u"name"_s, u"one"_s}, {u"slug"_s, u"s1"_s}}));
    QCOMPARE(first.status, 201);
    QCOMPARE(first.object().value(u"roomType"_s).toString(), u"dynamic"_s);
    const Reply second =
        m_http.request("POST", ensure, object({{u"name"_s, u"two"_s}, {u"slug"_s, u"s1"_s}}));
    QCOMPARE(second.status, 200);
    QCOMPARE(second.object().value(u"roomId"_s), first.object().value(u"roomId"_s));
    QCOMPARE(second.object().value(u"name"_s).toString(), u"one"_s);

    // 24: the live check admits the new room without reconnecting.
    QCOMPARE(subscribe(connection, slug + u"/s1/messages"_s), u"subscribed"_s);
}

void tst_ControlPlaneServer::deletedRoomIsUnknown()
{
    // 25
    QString slug;
    const QString appId = createApp(
        object({{u"name"_s, u"Temp"_s}, {u"topics"_s, QJsonArray{u"messages"_s}}}), &slug);
    const Reply room =
        m_http.request("POST", u"/v1/apps/%1/rooms"_s.arg(appId), object({{u"name"_s, u"Gone"_s}}));
    QString token;
    createActor(u"watcher"_s, u"user"_s, &token);
    {
        RawConnection before;
        QVERIFY(connectAs(before, token));
        QCOMPARE(subscribe(before, slug + u"/gone/messages"_s), u"subscribed"_s);
    }

    const Reply deleted = m_http.request(
        "DELETE",
        u"/v1/apps/%1/rooms/%2"_s.arg(appId, room.object().value(u"roomId"_s).toString()));
    QCOMPARE(deleted.status, 204);
    QVERIFY(deleted.body.isEmpty());

    RawConnection after;
    QVERIFY(connectAs(after, token));
    after.sendFrame({{u"type"_s, u"subscribe"_s}, {u"topic"_s, slug + u"/gone/messages"_s}});
    const QVariantMap error = answer(after, {u"subscribed"_s, u"error"_s});
    QCOMPARE(error.value(u"error"_s).toString(), u"unknown_topic"_s);
    QCOMPARE(error.value(u"code"_s).toInt(), 42940);
}

void tst_ControlPlaneServer::staticRoomCannotBeDeleted()
{
    // 26: the demo blueprint gives static rooms.
    const QString appId =
        createApp(object({{u"name"_s, u"Static"_s}, {u"blueprintId"_s, u"demo"_s}}));
    const QJsonArray rooms = m_http.request("GET", u"/v1/apps/%1/rooms"_s.arg(appId)).array();
    QCOMPARE(rooms.size(), 2);
    const QString path =
        u"/v1/apps/%1/rooms/%2"_s.arg(appId, rooms.at(0).toObject().value(u"roomId"_s).toString());
    QCOMPARE(m_http.request("DELETE", path).status, 403);
    QCOMPARE(m_http.request("GET", path).status, 200);
}

void tst_ControlPlaneServer::actors()
{
    // 27
    const Reply created = m_http.request(
        "POST", u"/v1/actors"_s, object({{u"name"_s, u"w"_s}, {u"actorType"_s, u"device"_s}}));
    QCOMPARE(created.status, 201);
    QVERIFY(created.object().value(u"accessToken"_s).toString().startsWith(u"at_live_"_s));
    const QString path = u"/v1/actors/"_s + created.object().value(u"actorTokenId"_s).toString();
    const Reply fetched = m_http.request("GET", path);
    QCOMPARE(fetched.status, 200);
    QVERIFY(!fetched.object().contains(u"accessToken"_s));

    // 29
    QCOMPARE(m_http
                 .request("POST", u"/v1/actors"_s,
                          object({{u"name"_s, u"r"_s}, {u"actorType"_s, u"robot"_s}}))
                 .status,
             400);
    for (const char *type :
         {"device", "user", "server", "service", "session", "agent", "orchestrator", "observer"}) {
        QCOMPARE(
            m_http
                .request("POST", u"/v1/actors"_s,
                         object({{u"name"_s, u"t"_s}, {u"actorType"_s, QString::fromLatin1(type)}}))
                .status,
            201);
    }

    // 30
    const Reply list = m_http.request("GET", u"/v1/actors"_s);
    QCOMPARE(list.status, 200);
    QVERIFY(list.json.isArray());
    QVERIFY(list.array().size() >= 9);
}

void tst_ControlPlaneServer::actorTokenAuthenticates()
{
    // 28
    QString token;
    const QString actorId = createActor(u"connector"_s, u"agent"_s, &token);
    RawConnection connection;
    QVERIFY(connection.open(m_server->webSocketUrl()));
    const QVariantMap reply = connection.authenticate(token);
    QCOMPARE(reply.value(u"success"_s).toBool(), true);
    QCOMPARE(reply.value(u"actorTokenId"_s).toString(), actorId);
    QCOMPARE(reply.value(u"actorType"_s).toString(), u"agent"_s);
    QVERIFY(m_http.request("GET", u"/v1/actors/"_s + actorId)
                .object()
                .value(u"lastConnectedAt"_s)
                .isString());
}

void tst_ControlPlaneServer::deactivationRefusesAtOnce()
{
    // 31: no token cache, so the very next auth is refused.
    QString token;
    const QString actorId = createActor(u"soon-inactive"_s, u"user"_s, &token);
    const QString path = u"/v1/actors/"_s + actorId;
    QCOMPARE(m_http.request("PATCH", path, object({{u"isActive"_s, false}})).status, 200);

    RawConnection connection;
    QVERIFY(connection.open(m_server->webSocketUrl()));
    QVariantMap reply = connection.authenticate(token);
    QCOMPARE(reply.value(u"success"_s).toBool(), false);
    QCOMPARE(reply.value(u"error"_s).toString(), u"access_denied"_s);

    QCOMPARE(m_http.request("PATCH", path, object({{u"isActive"_s, true}})).status, 200);
    reply = connection.authenticate(token);
    QCOMPARE(reply.value(u"success"_s).toBool(), true);
}

void tst_ControlPlaneServer::revalidationClosesLiveConnections_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");

    QTest::addRow("32: deleted") << QByteArray("DELETE") << QByteArray() << u"token_not_found"_s;
    QTest::addRow("deactivated") << QByteArray("PATCH") << QByteArray(R"({"isActive":false})")
                                 << u"token_revoked"_s;
}

void tst_ControlPlaneServer::revalidationClosesLiveConnections()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);

    QString token;
    const QString actorId = createActor(u"live"_s, u"user"_s, &token);
    RawConnection connection;
    QVERIFY(connectAs(connection, token));

    const Reply changed = m_http.request(method, u"/v1/actors/"_s + actorId, body);
    QVERIFY(changed.status == 200 || changed.status == 204);

    // Revalidation rides on heartbeats (every 0.2 s here): keep sending them until it closes.
    bool closed = false;
    for (int attempt = 0; attempt < 50 && !closed; ++attempt) {
        connection.sendHeartbeat();
        closed = connection.waitForClosed(200);
    }
    QVERIFY(closed);
    QCOMPARE(connection.closeCode(), 4001);
    QCOMPARE(connection.closeReason(), reason);
}

void tst_ControlPlaneServer::disabledRoomAtRevalidation()
{
    QString slug;
    const QString appId = createApp(
        object({{u"name"_s, u"Switch"_s}, {u"topics"_s, QJsonArray{u"messages"_s}}}), &slug);
    const Reply room =
        m_http.request("POST", u"/v1/apps/%1/rooms"_s.arg(appId), object({{u"name"_s, u"Lamp"_s}}));
    QString token;
    createActor(u"switcher"_s, u"user"_s, &token);
    RawConnection connection;
    QVERIFY(connectAs(connection, token));
    const QString topic = slug + u"/lamp/messages"_s;
    QCOMPARE(publish(connection, topic), u"published"_s);

    QCOMPARE(m_http
                 .request("PATCH",
                          u"/v1/apps/%1/rooms/%2"_s.arg(
                              appId, room.object().value(u"roomId"_s).toString()),
                          object({{u"isEnabled"_s, false}}))
                 .status,
             200);

    // Refused for new connections at once; for this one after its next revalidation.
    RawConnection fresh;
    QVERIFY(connectAs(fresh, token));
    QCOMPARE(publish(fresh, topic), u"unknown_topic"_s);
    QString outcome;
    for (int attempt = 0; attempt < 50 && outcome != u"unknown_topic"_s; ++attempt) {
        connection.sendHeartbeat();
        connection.waitForFrame(QString(), 200);
        outcome = publish(connection, topic);
    }
    QCOMPARE(outcome, u"unknown_topic"_s);
    QVERIFY(connection.isOpen());
}

void tst_ControlPlaneServer::subscriptionsSurviveRevalidation()
{
    QString slug;
    const QString appId = createApp(
        object({{u"name"_s, u"Steady"_s}, {u"topics"_s, QJsonArray{u"messages"_s}}}), &slug);
    m_http.request("POST", u"/v1/apps/%1/rooms"_s.arg(appId), object({{u"name"_s, u"Room"_s}}));
    const QString topic = slug + u"/room/messages"_s;
    QString listenerToken;
    QString talkerToken;
    createActor(u"listener"_s, u"user"_s, &listenerToken);
    createActor(u"talker"_s, u"user"_s, &talkerToken);
    RawConnection listener;
    RawConnection talker;
    QVERIFY(connectAs(listener, listenerToken));
    QVERIFY(connectAs(talker, talkerToken));
    QCOMPARE(subscribe(listener, topic), u"subscribed"_s);

    // Several revalidations (every 0.2 s) with unchanged rules change nothing.
    QDeadlineTimer revalidations(800);
    while (!revalidations.hasExpired()) {
        listener.sendHeartbeat();
        talker.sendHeartbeat();
        QVERIFY(listener.waitForAnyFrame(2000).isHeartbeat());
        QVERIFY(talker.waitForAnyFrame(2000).isHeartbeat());
    }
    QCOMPARE(publish(talker, topic), u"published"_s);
    QCOMPARE(answer(listener, {u"message"_s}).value(u"topic"_s).toString(), topic);
}

void tst_ControlPlaneServer::newActorReachesEveryRoomAndTopic()
{
    // 33
    QString slug;
    const QString appId = createApp(object({{u"name"_s, u"Everywhere"_s},
                                            {u"topics"_s, QJsonArray{u"messages"_s, u"typing"_s}}}),
                                    &slug);
    for (const QString &name : {u"north"_s, u"south"_s}) {
        QCOMPARE(
            m_http.request("POST", u"/v1/apps/%1/rooms"_s.arg(appId), object({{u"name"_s, name}}))
                .status,
            201);
    }
    QString token;
    createActor(u"newcomer"_s, u"service"_s, &token);
    RawConnection connection;
    QVERIFY(connectAs(connection, token));
    for (const QString &room : {u"north"_s, u"south"_s}) {
        for (const QString &topic : {u"messages"_s, u"typing"_s}) {
            const QString display = u"%1/%2/%3"_s.arg(slug, room, topic);
            QCOMPARE(subscribe(connection, display), u"subscribed"_s);
            QCOMPARE(publish(connection, display), u"published"_s);
            const QVariantMap message = answer(connection, {u"message"_s});
            QCOMPARE(message.value(u"topic"_s).toString(), display);
        }
    }
    // Another actor of the project receives what this one publishes.
    QString otherToken;
    createActor(u"listener"_s, u"user"_s, &otherToken);
    RawConnection listener;
    QVERIFY(connectAs(listener, otherToken));
    QCOMPARE(subscribe(listener, slug + u"/south/typing"_s), u"subscribed"_s);
    QCOMPARE(publish(connection, slug + u"/south/typing"_s), u"published"_s);
    QCOMPARE(answer(listener, {u"message"_s}).value(u"topic"_s).toString(),
             slug + u"/south/typing"_s);

    // Not a topic of the app, nor another app's room, nor a token-file pattern.
    QCOMPARE(subscribe(connection, slug + u"/north/other"_s), u"unknown_topic"_s);
    QCOMPARE(subscribe(connection, u"files/x/messages"_s), u"unknown_topic"_s);
}

void tst_ControlPlaneServer::grantsOverTheWire()
{
    QString slug;
    const QString appId = createApp(
        object({{u"name"_s, u"Private"_s}, {u"topics"_s, QJsonArray{u"messages"_s}}}), &slug);
    const QString roomId =
        m_http.request("POST", u"/v1/apps/%1/rooms"_s.arg(appId), object({{u"name"_s, u"Vip"_s}}))
            .object()
            .value(u"roomId"_s)
            .toString();
    const QString topic = slug + u"/vip/messages"_s;
    QString aliceToken;
    QString bobToken;
    const QString aliceId = createActor(u"a"_s, u"user"_s, &aliceToken);
    createActor(u"b"_s, u"user"_s, &bobToken);
    const QString grants = u"/v1/apps/%1/rooms/%2/actors"_s.arg(appId, roomId);

    // 34, 36: a subscribe-only grant for A makes the room private.
    const Reply grant = m_http.request(
        "POST", grants, object({{u"permission"_s, u"subscribe"_s}, {u"actorTokenId"_s, aliceId}}));
    QCOMPARE(grant.status, 201);
    {
        RawConnection alice;
        QVERIFY(connectAs(alice, aliceToken));
        QCOMPARE(subscribe(alice, topic), u"subscribed"_s);
        QCOMPARE(publish(alice, topic), u"unknown_topic"_s);
        RawConnection bob;
        QVERIFY(connectAs(bob, bobToken));
        QCOMPARE(subscribe(bob, topic), u"unknown_topic"_s);
    }

    // 35: revoking the last grant makes it public again.
    QCOMPARE(m_http
                 .request("DELETE",
                          grants + u'/' + grant.object().value(u"roomActorAccessId"_s).toString())
                 .status,
             204);
    RawConnection bob;
    QVERIFY(connectAs(bob, bobToken));
    QCOMPARE(subscribe(bob, topic), u"subscribed"_s);
    QCOMPARE(publish(bob, topic), u"published"_s);
}

void tst_ControlPlaneServer::tokenFileBesideTheControlPlane()
{
    RawConnection connection;
    QVERIFY(connection.open(m_server->webSocketUrl()));
    const QVariantMap reply = connection.authenticate(fileToken);
    QCOMPARE(reply.value(u"success"_s).toBool(), true);
    QCOMPARE(reply.value(u"actorTokenId"_s).toString(), u"file-actor"_s);
    QCOMPARE(subscribe(connection, u"files/a/messages"_s), u"subscribed"_s);

    // Heartbeats with revalidation keep it open: the token file answers for its own actor.
    for (int i = 0; i < 3; ++i) {
        connection.sendHeartbeat();
        QVERIFY(connection.waitForAnyFrame(2000).isHeartbeat());
    }
    QVERIFY(connection.isOpen());
}

void tst_ControlPlaneServer::demoProject()
{
    LocalServer server({u"--demo"_s});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QTRY_VERIFY(server.output().contains("sensor-1"));

    const QString output = QString::fromUtf8(server.output());
    const QRegularExpressionMatch key =
        QRegularExpression(u"(nlg_live_[0-9a-f]+\\.[A-Za-z0-9_-]+)"_s).match(output);
    QVERIFY(key.hasMatch());
    const QRegularExpressionMatch alice =
        QRegularExpression(u"alice \\(user\\): (at_live_\\S+)"_s).match(output);
    QVERIFY2(alice.hasMatch(), qPrintable(output));

    Http http;
    http.setBase(server.httpUrl());
    const Reply apps = http.request("GET", u"/v1/apps"_s, {}, "Bearer " + key.captured(1).toUtf8());
    QCOMPARE(apps.status, 200);
    QCOMPARE(apps.object().value(u"data"_s).toArray().at(0).toObject().value(u"slug"_s).toString(),
             u"demo"_s);

    {
        RawConnection connection;
        QVERIFY(connection.open(server.webSocketUrl()));
        QCOMPARE(connection.authenticate(alice.captured(1)).value(u"success"_s).toBool(), true);
        QCOMPARE(subscribe(connection, u"demo/general/messages"_s), u"subscribed"_s);
        QCOMPARE(publish(connection, u"demo/support/telemetry"_s), u"published"_s);
    }

    // Same credentials after a restart.
    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    RawConnection again;
    QVERIFY(again.open(server.webSocketUrl()));
    QCOMPARE(again.authenticate(alice.captured(1)).value(u"success"_s).toBool(), true);
    QCOMPARE(http.request("GET", u"/v1/actors"_s, {}, "Bearer " + key.captured(1).toUtf8())
                 .array()
                 .size(),
             4);
}

QTEST_GUILESS_MAIN(tst_ControlPlaneServer)
#include "tst_controlplaneserver.moc"
