// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// The HTTP client side of NoLagApi (REST spec statements 37-45): what goes on the wire and
// how answers that nolag-local never gives (non-JSON errors, array messages, silence) are
// read. The peer is a small recording responder; the server's behaviour is tested against
// nolag-local in tst_apiserver.
#include "httpresponder.h"

#include <NoLagQt/nolagapi.h>

#include <QtCore/QJsonDocument>
#include <QtCore/QLoggingCategory>
#include <QtTest/QTest>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;
using NoLagTest::HttpResponder;

namespace {

const QString ApiKey = u"nlg_live_testid.testsecret"_s;

// Every call of the API, reduced to "finished, maybe with an error".
using Call = std::function<QFuture<void>(NoLagApi &api)>;

template<typename T>
QFuture<void> ignoreResult(QFuture<T> future)
{
    if constexpr (std::is_void_v<T>) {
        return future;
    } else {
        return future.then([](const T &) {});
    }
}

template<typename T>
std::optional<NoLagApiError> errorOf(QFuture<T> future)
{
    try {
        future.waitForFinished();
    } catch (const NoLagApiError &error) {
        return error;
    }
    return std::nullopt;
}

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class tst_ApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void endpoints_data();
    void endpoints();
    void headers_data();
    void headers();
    void baseUrl_data();
    void baseUrl();
    void listQuery_data();
    void listQuery();
    void paginationFromTheWire();
    void noContent();
    void errorAnswers_data();
    void errorAnswers();
    void unusableSuccessAnswers_data();
    void unusableSuccessAnswers();
    void timeout();
    void connectionRefused();
    void emptyIdsAreNotSent();
    void destroyingTheApiFailsRunningCalls();
    void theApiKeyIsNeverLogged();

private:
    NoLagApi *makeApi(HttpResponder &responder);
    std::unique_ptr<HttpResponder> m_responder;
    std::unique_ptr<NoLagApi> m_api;
};

void tst_ApiClient::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    m_responder = std::make_unique<HttpResponder>();
    QVERIFY(m_responder->start());

    NoLagApiOptions options;
    options.setBaseUrl(m_responder->url(u"/v1"_s));
    m_api = std::make_unique<NoLagApi>(ApiKey, options);
}

void tst_ApiClient::endpoints_data()
{
    QTest::addColumn<Call>("call");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body"); // empty: the request has no body

    const QByteArray page = R"({"data":[],"pagination":{"total":0,"page":1,"pageCount":0}})";

    QTest::addRow("apps.list") << Call([](NoLagApi &api) {
        return ignoreResult(api.apps().list());
    }) << 200 << page << "GET"_ba
                               << "/v1/apps"_ba
                               << ""_ba;
    QTest::addRow("apps.get") << Call([](NoLagApi &api) {
        return ignoreResult(api.apps().get(u"a1"_s));
    }) << 200 << R"({"appId":"a1"})"_ba
                              << "GET"_ba
                              << "/v1/apps/a1"_ba
                              << ""_ba;
    QTest::addRow("apps.create") << Call([](NoLagApi &api) {
        return ignoreResult(api.apps().create(NoLagAppCreate(u"x"_s)));
    }) << 201 << R"({"appId":"a1"})"_ba
                                 << "POST"_ba
                                 << "/v1/apps"_ba
                                 << R"({"name":"x"})"_ba;
    QTest::addRow("apps.update") << Call([](NoLagApi &api) {
        NoLagAppUpdate update;
        update.setDescription(u"d"_s);
        return ignoreResult(api.apps().update(u"a1"_s, update));
    }) << 200 << R"({"appId":"a1"})"_ba
                                 << "PATCH"_ba
                                 << "/v1/apps/a1"_ba
                                 << R"({"description":"d"})"_ba;
    QTest::addRow("apps.remove") << Call([](NoLagApi &api) {
        return ignoreResult(api.apps().remove(u"a1"_s));
    }) << 200 << R"({"success":true})"_ba
                                 << "DELETE"_ba
                                 << "/v1/apps/a1"_ba
                                 << ""_ba;
    QTest::addRow("apps.resetToBlueprint")
        << Call([](NoLagApi &api) { return ignoreResult(api.apps().resetToBlueprint(u"a1"_s)); })
        << 200 << R"({"appId":"a1"})"_ba
        << "POST"_ba
        << "/v1/apps/a1/reset-to-blueprint"_ba
        << ""_ba;

    QTest::addRow("rooms.list") << Call([](NoLagApi &api) {
        return ignoreResult(api.rooms().list(u"a1"_s));
    }) << 200 << "[]"_ba
                                << "GET"_ba
                                << "/v1/apps/a1/rooms"_ba
                                << ""_ba;
    QTest::addRow("rooms.get") << Call([](NoLagApi &api) {
        return ignoreResult(api.rooms().get(u"a1"_s, u"r1"_s));
    }) << 200 << R"({"roomId":"r1"})"_ba
                               << "GET"_ba
                               << "/v1/apps/a1/rooms/r1"_ba
                               << ""_ba;
    QTest::addRow("rooms.create") << Call([](NoLagApi &api) {
        return ignoreResult(api.rooms().create(u"a1"_s, NoLagRoomCreate(u"Support Team"_s)));
    }) << 201 << R"({"roomId":"r1"})"_ba
                                  << "POST"_ba
                                  << "/v1/apps/a1/rooms"_ba
                                  << R"({"name":"Support Team"})"_ba;
    QTest::addRow("rooms.ensure") << Call([](NoLagApi &api) {
        NoLagRoomCreate data(u"s1"_s);
        data.setSlug(u"s1"_s);
        return ignoreResult(api.rooms().ensure(u"a1"_s, data));
    }) << 200 << R"({"roomId":"r1"})"_ba
                                  << "POST"_ba
                                  << "/v1/apps/a1/rooms/ensure"_ba
                                  << R"({"name":"s1","slug":"s1"})"_ba;
    QTest::addRow("rooms.update") << Call([](NoLagApi &api) {
        NoLagRoomUpdate update;
        update.setEnabled(false);
        return ignoreResult(api.rooms().update(u"a1"_s, u"r1"_s, update));
    }) << 200 << R"({"roomId":"r1"})"_ba
                                  << "PATCH"_ba
                                  << "/v1/apps/a1/rooms/r1"_ba
                                  << R"({"isEnabled":false})"_ba;
    QTest::addRow("rooms.remove") << Call([](NoLagApi &api) {
        return api.rooms().remove(u"a1"_s, u"r1"_s);
    }) << 204 << ""_ba
                                  << "DELETE"_ba
                                  << "/v1/apps/a1/rooms/r1"_ba
                                  << ""_ba;
    QTest::addRow("rooms.grantActor") << Call([](NoLagApi &api) {
        NoLagRoomActorAccessCreate grant(u"pubSub"_s);
        grant.setActorType(u"user"_s);
        return ignoreResult(api.rooms().grantActor(u"a1"_s, u"r1"_s, grant));
    }) << 201 << R"({"roomActorAccessId":"g1"})"_ba
                                      << "POST"_ba
                                      << "/v1/apps/a1/rooms/r1/actors"_ba
                                      << R"({"permission":"pubSub","actorType":"user"})"_ba;
    QTest::addRow("rooms.listActors") << Call([](NoLagApi &api) {
        return ignoreResult(api.rooms().listActors(u"a1"_s, u"r1"_s));
    }) << 200 << "[]"_ba
                                      << "GET"_ba
                                      << "/v1/apps/a1/rooms/r1/actors"_ba
                                      << ""_ba;
    QTest::addRow("rooms.revokeActor")
        << Call([](NoLagApi &api) { return api.rooms().revokeActor(u"a1"_s, u"r1"_s, u"g1"_s); })
        << 204 << ""_ba
        << "DELETE"_ba
        << "/v1/apps/a1/rooms/r1/actors/g1"_ba
        << ""_ba;

    QTest::addRow("actors.list") << Call([](NoLagApi &api) {
        return ignoreResult(api.actors().list());
    }) << 200 << "[]"_ba
                                 << "GET"_ba
                                 << "/v1/actors"_ba
                                 << ""_ba;
    QTest::addRow("actors.get") << Call([](NoLagApi &api) {
        return ignoreResult(api.actors().get(u"x1"_s));
    }) << 200 << R"({"actorTokenId":"x1"})"_ba
                                << "GET"_ba
                                << "/v1/actors/x1"_ba
                                << ""_ba;
    QTest::addRow("actors.create") << Call([](NoLagApi &api) {
        return ignoreResult(api.actors().create(NoLagActorCreate(u"w"_s, u"device"_s)));
    }) << 201 << R"({"actorTokenId":"x1","accessToken":"at_live_x.y"})"_ba
                                   << "POST"_ba
                                   << "/v1/actors"_ba
                                   << R"({"name":"w","actorType":"device"})"_ba;
    QTest::addRow("actors.update") << Call([](NoLagApi &api) {
        NoLagActorUpdate update;
        update.setActive(false);
        return ignoreResult(api.actors().update(u"x1"_s, update));
    }) << 200 << R"({"actorTokenId":"x1"})"_ba
                                   << "PATCH"_ba
                                   << "/v1/actors/x1"_ba
                                   << R"({"isActive":false})"_ba;
    QTest::addRow("actors.remove")
        << Call([](NoLagApi &api) { return api.actors().remove(u"x1"_s); }) << 204 << ""_ba
        << "DELETE"_ba
        << "/v1/actors/x1"_ba
        << ""_ba;

    QTest::addRow("scopes.list") << Call([](NoLagApi &api) {
        return ignoreResult(api.scopes().list());
    }) << 200 << page << "GET"_ba
                                 << "/v1/scopes"_ba
                                 << ""_ba;
    QTest::addRow("scopes.get") << Call([](NoLagApi &api) {
        return ignoreResult(api.scopes().get(u"s1"_s));
    }) << 200 << R"({"accessScopeId":"s1"})"_ba
                                << "GET"_ba
                                << "/v1/scopes/s1"_ba
                                << ""_ba;
    QTest::addRow("scopes.create") << Call([](NoLagApi &api) {
        return ignoreResult(api.scopes().create(NoLagScopeCreate(u"t"_s, u"T"_s)));
    }) << 201 << R"({"accessScopeId":"s1"})"_ba
                                   << "POST"_ba
                                   << "/v1/scopes"_ba
                                   << R"({"slug":"t","name":"T"})"_ba;
    QTest::addRow("scopes.update") << Call([](NoLagApi &api) {
        NoLagScopeUpdate update;
        update.setName(u"U"_s);
        return ignoreResult(api.scopes().update(u"s1"_s, update));
    }) << 200 << R"({"accessScopeId":"s1"})"_ba
                                   << "PATCH"_ba
                                   << "/v1/scopes/s1"_ba
                                   << R"({"name":"U"})"_ba;
    QTest::addRow("scopes.remove")
        << Call([](NoLagApi &api) { return api.scopes().remove(u"s1"_s); }) << 204 << ""_ba
        << "DELETE"_ba
        << "/v1/scopes/s1"_ba
        << ""_ba;
    QTest::addRow("scopes.listActors")
        << Call([](NoLagApi &api) { return ignoreResult(api.scopes().listActors(u"s1"_s)); }) << 200
        << "[]"_ba
        << "GET"_ba
        << "/v1/scopes/s1/actors"_ba
        << ""_ba;
    QTest::addRow("scopes.addActor")
        << Call([](NoLagApi &api) { return ignoreResult(api.scopes().addActor(u"s1"_s, u"x1"_s)); })
        << 200 << R"({"actorTokenId":"x1"})"_ba
        << "PATCH"_ba
        << "/v1/actors/x1"_ba
        << R"({"accessScopeId":"s1"})"_ba;
    QTest::addRow("scopes.removeActor")
        << Call([](NoLagApi &api) { return ignoreResult(api.scopes().removeActor(u"x1"_s)); })
        << 200 << R"({"actorTokenId":"x1"})"_ba
        << "PATCH"_ba
        << "/v1/actors/x1"_ba
        << R"({"accessScopeId":null})"_ba;

    QTest::addRow("ids are one encoded path segment")
        << Call([](NoLagApi &api) { return ignoreResult(api.rooms().get(u"a/b c"_s, u"r?1"_s)); })
        << 200 << R"({"roomId":"r1"})"_ba
        << "GET"_ba
        << "/v1/apps/a%2Fb%20c/rooms/r%3F1"_ba
        << ""_ba;
}

void tst_ApiClient::endpoints()
{
    QFETCH(Call, call);
    QFETCH(int, status);
    QFETCH(QByteArray, answer);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);

    m_responder->enqueue(status, answer, status == 204 ? "No Content" : "OK");
    QFuture<void> future = call(*m_api);

    QTRY_VERIFY(future.isFinished());
    const std::optional<NoLagApiError> error = errorOf(future);
    QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));

    QCOMPARE(m_responder->requests().size(), 1);
    const HttpResponder::Request request = m_responder->requests().constFirst();
    QCOMPARE(request.method, method);
    QCOMPARE(request.target, target);
    if (body.isEmpty()) {
        QVERIFY2(request.body.isEmpty(), request.body.constData());
    } else {
        QCOMPARE(parse(request.body), parse(body));
    }

    // Statement 37, on every call including GET and DELETE.
    QCOMPARE(request.headerValues("Authorization"), QList<QByteArray>{"Bearer " + ApiKey.toUtf8()});
    QCOMPARE(request.headerValues("Content-Type"), QList<QByteArray>{"application/json"});
}

void tst_ApiClient::headers_data()
{
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    QTest::addColumn<Headers>("extra");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("custom");

    const QByteArray bearer = "Bearer " + ApiKey.toUtf8();
    QTest::addRow("defaults") << Headers() << bearer << "application/json"_ba
                              << ""_ba;
    QTest::addRow("an extra header is added")
        << Headers{{"X-Trace", "t-1"}} << bearer << "application/json"_ba
        << "t-1"_ba;
    QTest::addRow("an extra Authorization replaces the default")
        << Headers{{"Authorization", "Bearer other"}} << "Bearer other"_ba
        << "application/json"_ba
        << ""_ba;
    QTest::addRow("names are compared without case")
        << Headers{{"content-type", "application/vnd.test+json"}} << bearer
        << "application/vnd.test+json"_ba
        << ""_ba;
}

void tst_ApiClient::headers()
{
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    QFETCH(Headers, extra);
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, custom);

    NoLagApiOptions options = m_api->options();
    options.setHeaders(extra);
    m_api->setOptions(options);

    m_responder->enqueue(200, "[]");
    QFuture<QList<NoLagActor>> future = m_api->actors().list();
    QTRY_VERIFY(future.isFinished());
    QVERIFY(!errorOf(future));

    const HttpResponder::Request request = m_responder->requests().constFirst();
    QCOMPARE(request.headerValues("Authorization"), QList<QByteArray>{authorization});
    QCOMPARE(request.headerValues("Content-Type"), QList<QByteArray>{contentType});
    QCOMPARE(request.headerValues("X-Trace"),
             custom.isEmpty() ? QList<QByteArray>() : QList<QByteArray>{custom});
}

void tst_ApiClient::baseUrl_data()
{
    QTest::addColumn<QString>("basePath");
    QTest::addColumn<QByteArray>("target");

    // Statement 38: one trailing "/" is dropped, so there is never a "//".
    QTest::addRow("no trailing slash") << u"/v1"_s << "/v1/apps"_ba;
    QTest::addRow("trailing slash") << u"/v1/"_s << "/v1/apps"_ba;
    QTest::addRow("host only") << u""_s << "/apps"_ba;
    QTest::addRow("host with slash") << u"/"_s << "/apps"_ba;
    QTest::addRow("deeper prefix") << u"/api/nolag/v1/"_s << "/api/nolag/v1/apps"_ba;
}

void tst_ApiClient::baseUrl()
{
    QFETCH(QString, basePath);
    QFETCH(QByteArray, target);

    m_api->setBaseUrl(m_responder->url(basePath));
    m_responder->enqueue(201, R"({"appId":"a1"})");
    QFuture<NoLagApp> future = m_api->apps().create(NoLagAppCreate(u"x"_s));
    QTRY_VERIFY(future.isFinished());
    QVERIFY(!errorOf(future));

    QCOMPARE(m_responder->requests().constFirst().target, target);
}

void tst_ApiClient::listQuery_data()
{
    QTest::addColumn<NoLagListOptions>("options");
    QTest::addColumn<QByteArray>("target");

    QTest::addRow("no options, no query") << NoLagListOptions() << "/v1/apps"_ba;

    // Statement 39.
    NoLagListOptions pageAndLimit;
    pageAndLimit.setPage(2);
    pageAndLimit.setLimit(5);
    QTest::addRow("page and limit only") << pageAndLimit << "/v1/apps?page=2&limit=5"_ba;

    NoLagListOptions sorted;
    sorted.setSortBy(u"name"_s);
    sorted.setSortOrder(Qt::DescendingOrder);
    QTest::addRow("sorting") << sorted << "/v1/apps?sortBy=name&sortOrder=desc"_ba;

    NoLagListOptions search;
    search.setSearch(u"a+b &c=d"_s);
    QTest::addRow("search text is encoded, '+' included")
        << search << "/v1/apps?search=a%2Bb%20%26c%3Dd"_ba;

    NoLagListOptions unicode;
    unicode.setSearch(u"café"_s);
    QTest::addRow("non-ASCII search as UTF-8") << unicode << "/v1/apps?search=caf%C3%A9"_ba;
}

void tst_ApiClient::listQuery()
{
    QFETCH(NoLagListOptions, options);
    QFETCH(QByteArray, target);

    m_responder->enqueue(200, R"({"data":[]})");
    auto future = m_api->apps().list(options);
    QTRY_VERIFY(future.isFinished());
    QVERIFY(!errorOf(future));

    QCOMPARE(m_responder->requests().constFirst().target, target);
}

void tst_ApiClient::paginationFromTheWire()
{
    // Statement 40.
    m_responder->enqueue(200, R"({"data":[{"appId":"a1","name":"One"},{"appId":"a2"}],
                                  "pagination":{"total":42,"page":2,"pageCount":5},
                                  "total":42,"page":2,"limit":2,"totalPages":5})");
    auto future = m_api->apps().list();
    QTRY_VERIFY(future.isFinished());
    QVERIFY(!errorOf(future));

    const NoLagPaginatedResult<NoLagApp> result = future.result();
    QCOMPARE(result.data().size(), 2);
    QCOMPARE(result.data().constFirst().name(), u"One"_s);
    QCOMPARE(result.pagination().total(), 42);
    QCOMPARE(result.pagination().page(), 2);
    QCOMPARE(result.pagination().pageCount(), 5);
}

void tst_ApiClient::noContent()
{
    // Statement 41: 204 is "no result", not a parse error.
    m_responder->enqueue(204, "", "No Content");
    QFuture<void> removeRoom = m_api->rooms().remove(u"a1"_s, u"r1"_s);
    QTRY_VERIFY(removeRoom.isFinished());
    QVERIFY(!errorOf(removeRoom));

    m_responder->enqueue(204, "", "No Content");
    QFuture<QJsonObject> removeApp = m_api->apps().remove(u"a1"_s);
    QTRY_VERIFY(removeApp.isFinished());
    QVERIFY(!errorOf(removeApp));
    QCOMPARE(removeApp.result(), QJsonObject());

    // A delete answered with a JSON acknowledgement instead is just as fine.
    m_responder->enqueue(200, R"({"success":true})");
    QFuture<void> removeActor = m_api->actors().remove(u"x1"_s);
    QTRY_VERIFY(removeActor.isFinished());
    QVERIFY(!errorOf(removeActor));
}

void tst_ApiClient::errorAnswers_data()
{
    QTest::addColumn<HttpResponder::Response>("answer");
    QTest::addColumn<int>("statusCode");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QJsonObject>("details");

    // Statement 42.
    HttpResponder::Response notFound;
    notFound.status = 404;
    notFound.reason = "Not Found";
    notFound.body = R"({"statusCode":404,"message":"App not found","error":"Not Found"})";
    QTest::addRow("JSON error with a string message")
        << notFound << 404 << u"App not found"_s << parse(notFound.body);

    HttpResponder::Response validation;
    validation.status = 400;
    validation.reason = "Bad Request";
    validation.body = R"({"statusCode":400,"message":["name must be a string","name should not
be empty"],"error":"Bad Request"})";
    validation.body.replace('\n', ' ');
    QTest::addRow("NestJS validation: array message joined with '; '")
        << validation << 400 << u"name must be a string; name should not be empty"_s
        << parse(validation.body);

    HttpResponder::Response coreShape;
    coreShape.status = 409;
    coreShape.reason = "Conflict";
    coreShape.body = R"({"id":"0190","message":"Slug taken","timestamp":"2026-06-13T10:00:00Z"})";
    QTest::addRow("body without statusCode or error")
        << coreShape << 409 << u"Slug taken"_s << parse(coreShape.body);

    HttpResponder::Response noMessage;
    noMessage.status = 500;
    noMessage.reason = "Internal Server Error";
    noMessage.body = R"({"statusCode":500})";
    QTest::addRow("JSON error without message")
        << noMessage << 500 << u"Request failed"_s << parse(noMessage.body);

    // Statement 43.
    HttpResponder::Response html;
    html.status = 502;
    html.reason = "Bad Gateway";
    html.contentType = "text/html";
    html.body = "<html><body>upstream down</body></html>";
    QTest::addRow("HTML error page: reason phrase")
        << html << 502 << u"Bad Gateway"_s
        << QJsonObject{{u"statusCode"_s, 502}, {u"message"_s, u"Bad Gateway"_s}};

    HttpResponder::Response customReason;
    customReason.status = 418;
    customReason.reason = "Short And Stout";
    customReason.contentType = "text/plain";
    customReason.body = "teapot";
    QTest::addRow("plain text: the server's own reason phrase")
        << customReason << 418 << u"Short And Stout"_s
        << QJsonObject{{u"statusCode"_s, 418}, {u"message"_s, u"Short And Stout"_s}};

    HttpResponder::Response empty;
    empty.status = 401;
    empty.reason = "Unauthorized";
    empty.body = "";
    QTest::addRow("empty body") << empty << 401 << u"Unauthorized"_s
                                << QJsonObject{{u"statusCode"_s, 401},
                                               {u"message"_s, u"Unauthorized"_s}};

    HttpResponder::Response jsonArray;
    jsonArray.status = 400;
    jsonArray.reason = "Bad Request";
    jsonArray.body = R"(["not","an","object"])";
    QTest::addRow("JSON that is not an object")
        << jsonArray << 400 << u"Bad Request"_s
        << QJsonObject{{u"statusCode"_s, 400}, {u"message"_s, u"Bad Request"_s}};
}

void tst_ApiClient::errorAnswers()
{
    QFETCH(HttpResponder::Response, answer);
    QFETCH(int, statusCode);
    QFETCH(QString, message);
    QFETCH(QJsonObject, details);

    m_responder->enqueue(answer);
    QFuture<NoLagApp> future = m_api->apps().get(u"a1"_s);
    QTRY_VERIFY(future.isFinished());

    const std::optional<NoLagApiError> error = errorOf(future);
    QVERIFY(error);
    QCOMPARE(error->statusCode(), statusCode);
    QCOMPARE(error->message(), message);
    QCOMPARE(error->details(), details);
}

void tst_ApiClient::unusableSuccessAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");

    QTest::addRow("200 with an empty body") << 200 << ""_ba;
    QTest::addRow("204 where an app was expected") << 204 << ""_ba;
    QTest::addRow("not JSON") << 200 << "<html></html>"_ba;
    QTest::addRow("truncated JSON") << 200 << R"({"appId":"a1")"_ba;
    QTest::addRow("an array where an object was expected") << 200 << "[]"_ba;
}

void tst_ApiClient::unusableSuccessAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);

    m_responder->enqueue(status, body, status == 204 ? "No Content" : "OK");
    QFuture<NoLagApp> future = m_api->apps().get(u"a1"_s);
    QTRY_VERIFY(future.isFinished());

    // As in the Python SDK, an answer that cannot be read is a status-0 error, never a crash
    // and never an empty App.
    const std::optional<NoLagApiError> error = errorOf(future);
    QVERIFY(error);
    QCOMPARE(error->statusCode(), 0);
    QVERIFY(error->message().contains(QString::number(status)));
}

void tst_ApiClient::timeout()
{
    // Statement 44.
    HttpResponder::Response silence;
    silence.neverAnswer = true;
    m_responder->enqueue(silence);
    m_api->setTimeout(200);

    QFuture<QList<NoLagActor>> future = m_api->actors().list();
    QTRY_VERIFY(future.isFinished());

    const std::optional<NoLagApiError> error = errorOf(future);
    QVERIFY(error);
    QCOMPARE(error->statusCode(), 408);
    QCOMPARE(error->message(), u"Request timeout"_s);
    QCOMPARE(m_responder->requests().size(), 1);
}

void tst_ApiClient::connectionRefused()
{
    // Statement 45: a port nobody listens on.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    m_api->setBaseUrl(QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port)));

    QFuture<NoLagApp> future = m_api->apps().get(u"a1"_s);
    QTRY_VERIFY(future.isFinished());

    const std::optional<NoLagApiError> error = errorOf(future);
    QVERIFY(error);
    QCOMPARE(error->statusCode(), 0);
    QVERIFY(!error->message().isEmpty());
    QVERIFY(error->details().isEmpty());
}

void tst_ApiClient::emptyIdsAreNotSent()
{
    // "/apps/" + "" would be the list endpoint; such a call must fail instead.
    QFuture<NoLagApp> future = m_api->apps().get(QString());
    QVERIFY(!future.isFinished()); // the outcome arrives from the event loop, like any other
    QTRY_VERIFY(future.isFinished());

    const std::optional<NoLagApiError> error = errorOf(future);
    QVERIFY(error);
    QCOMPARE(error->statusCode(), 0);
    QVERIFY2(error->message().contains(u"app id"_s), qPrintable(error->message()));

    QFuture<void> revoke = m_api->rooms().revokeActor(u"a1"_s, u"r1"_s, QString());
    QTRY_VERIFY(revoke.isFinished());
    QVERIFY(errorOf(revoke));
    QVERIFY(m_responder->requests().isEmpty());
}

void tst_ApiClient::destroyingTheApiFailsRunningCalls()
{
    HttpResponder::Response silence;
    silence.neverAnswer = true;
    m_responder->enqueue(silence);

    QFuture<QList<NoLagActor>> running = m_api->actors().list();
    NoLagActorsApi actors = m_api->actors();
    QTRY_COMPARE(m_responder->requests().size(), 1);

    m_api.reset();
    QVERIFY(running.isFinished());
    std::optional<NoLagApiError> error = errorOf(running);
    QVERIFY(error);
    QCOMPARE(error->statusCode(), 0);

    // A handle that outlived its NoLagApi fails its calls instead of crashing.
    QFuture<NoLagActor> late = actors.get(u"x1"_s);
    QVERIFY(late.isFinished());
    error = errorOf(late);
    QVERIFY(error);
    QCOMPARE(error->statusCode(), 0);
}

namespace {
QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;

void collectLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_logLines.append(QString::fromLatin1(context.category) + u": "_s + message);
    g_previousHandler(type, context, message);
}
} // namespace

void tst_ApiClient::theApiKeyIsNeverLogged()
{
    QLoggingCategory::setFilterRules(u"nolag.api.debug=true"_s);
    g_logLines.clear();
    g_previousHandler = qInstallMessageHandler(collectLog);

    m_responder->enqueue(200, R"({"appId":"a1"})");
    m_responder->enqueue(401, R"({"statusCode":401,"message":"Invalid API key"})", "Unauthorized");
    QFuture<NoLagApp> created = m_api->apps().create(NoLagAppCreate(u"secret-name"_s));
    QFuture<NoLagApp> refused = m_api->apps().get(u"a1"_s);
    QTRY_VERIFY(created.isFinished() && refused.isFinished());

    qInstallMessageHandler(g_previousHandler);
    QLoggingCategory::setFilterRules(QString());

    const QString log = g_logLines.join(u'\n');
    QVERIFY2(log.contains(u"POST /apps"_s), qPrintable(log)); // the log does say what happened
    QVERIFY(!log.contains(ApiKey));
    QVERIFY(!log.contains(u"testsecret"_s));
    QVERIFY(!log.contains(u"secret-name"_s)); // nor bodies
}

QTEST_GUILESS_MAIN(tst_ApiClient)
#include "tst_apiclient.moc"
