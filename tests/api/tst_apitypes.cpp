// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// The REST value types on their own: what request bodies contain, how answers are read.
#include <NoLagQt/nolagapi.h>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class tst_ApiTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void appCreateBody_data();
    void appCreateBody();
    void actorUpdateBody_data();
    void actorUpdateBody();
    void otherRequestBodies_data();
    void otherRequestBodies();
    void listOptionsQuery_data();
    void listOptionsQuery();
    void pagination_data();
    void pagination();
    void resourceDefaults();
    void resourcesKeepTheWholeAnswer();
    void actorWithTokenReadsAccessToken();
    void errorTravelsThroughQFuture();
    void errorText_data();
    void errorText();
};

void tst_ApiTypes::appCreateBody_data()
{
    QTest::addColumn<NoLagAppCreate>("data");
    QTest::addColumn<QJsonObject>("expected");

    // Statement 47: AppCreate(name="x") serialises to exactly {"name":"x"}.
    QTest::addRow("name only") << NoLagAppCreate(u"x"_s) << parse(R"({"name":"x"})");

    NoLagAppCreate emptyOptionals(u"x"_s);
    emptyOptionals.setSlug(QString());
    emptyOptionals.setDescription(u""_s);
    emptyOptionals.setConfig({});
    emptyOptionals.setTopics({});
    QTest::addRow("empty optional fields are left out")
        << emptyOptionals << parse(R"({"name":"x"})");

    NoLagAppCreate cleared(u"x"_s);
    cleared.setSlug(u"chat"_s);
    cleared.setSlug(QString());
    QTest::addRow("a field set and cleared again is left out")
        << cleared << parse(R"({"name":"x"})");

    NoLagAppCreate full(u"Chat"_s);
    full.setSlug(u"chat"_s);
    full.setDescription(u"Team chat"_s);
    full.setBlueprintId(u"bp-1"_s);
    full.setConfig(parse(R"({"autoProvisionRooms":true})"));
    full.setTopics({u"messages"_s, u"typing"_s});
    QTest::addRow("every field")
        << full
        << parse(R"({"name":"Chat","slug":"chat","description":"Team chat","blueprintId":"bp-1",
                         "config":{"autoProvisionRooms":true},"topics":["messages","typing"]})");
}

void tst_ApiTypes::appCreateBody()
{
    QFETCH(NoLagAppCreate, data);
    QFETCH(QJsonObject, expected);

    QCOMPARE(data.toJson(), expected);
}

void tst_ApiTypes::actorUpdateBody_data()
{
    QTest::addColumn<NoLagActorUpdate>("data");
    QTest::addColumn<QJsonObject>("expected");
    QTest::addColumn<bool>("hasAccessScopeId");

    // Statement 46: an explicit null scope is sent, an untouched one is not.
    QTest::addRow("untouched") << NoLagActorUpdate() << QJsonObject() << false;

    NoLagActorUpdate removeFromScope;
    removeFromScope.setAccessScopeId(QString());
    QTest::addRow("scope set to null explicitly")
        << removeFromScope << parse(R"({"accessScopeId":null})") << true;

    NoLagActorUpdate moveToScope;
    moveToScope.setAccessScopeId(u"scope-1"_s);
    QTest::addRow("scope set") << moveToScope << parse(R"({"accessScopeId":"scope-1"})") << true;

    NoLagActorUpdate deactivate;
    deactivate.setActive(false);
    QTest::addRow("deactivate only") << deactivate << parse(R"({"isActive":false})") << false;

    NoLagActorUpdate clearDescription;
    clearDescription.setDescription(u""_s);
    QTest::addRow("an update sends an empty string it was given")
        << clearDescription << parse(R"({"description":""})") << false;
}

void tst_ApiTypes::actorUpdateBody()
{
    QFETCH(NoLagActorUpdate, data);
    QFETCH(QJsonObject, expected);
    QFETCH(bool, hasAccessScopeId);

    QCOMPARE(data.toJson(), expected);
    QCOMPARE(data.hasAccessScopeId(), hasAccessScopeId);
}

void tst_ApiTypes::otherRequestBodies_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QJsonObject>("expected");

    NoLagRoomCreate room(u"Support Team"_s);
    room.setTopics({u"messages"_s});
    QTest::addRow("room create") << room.toJson()
                                 << parse(R"({"name":"Support Team","topics":["messages"]})");

    NoLagRoomUpdate disableRoom;
    disableRoom.setEnabled(false);
    QTest::addRow("room update sends isEnabled")
        << disableRoom.toJson() << parse(R"({"isEnabled":false})");

    NoLagRoomActorAccessCreate grant(u"subscribe"_s);
    grant.setActorTokenId(u"actor-1"_s);
    grant.setExpiresAt(QDateTime(QDate(2026, 6, 13), QTime(10, 0), Qt::UTC));
    QTest::addRow("grant with expiry")
        << grant.toJson() << parse(R"({"permission":"subscribe","actorTokenId":"actor-1",
                         "expiresAt":"2026-06-13T10:00:00.000Z"})");

    NoLagActorCreate actor(u"w"_s, u"device"_s);
    actor.setExternalId(QString());
    QTest::addRow("actor create") << actor.toJson()
                                  << parse(R"({"name":"w","actorType":"device"})");

    NoLagScopeUpdate scope;
    scope.setActive(true);
    scope.setName(u"Tenant"_s);
    QTest::addRow("scope update") << scope.toJson()
                                  << parse(R"({"isActive":true,"name":"Tenant"})");

    QTest::addRow("fromJson keeps unknown keys")
        << NoLagAppCreate::fromJson(parse(R"({"name":"x","future":1})")).toJson()
        << parse(R"({"name":"x","future":1})");
}

void tst_ApiTypes::otherRequestBodies()
{
    QFETCH(QJsonObject, body);
    QFETCH(QJsonObject, expected);

    QCOMPARE(body, expected);
}

void tst_ApiTypes::listOptionsQuery_data()
{
    using Items = QList<QPair<QString, QString>>;
    QTest::addColumn<NoLagListOptions>("options");
    QTest::addColumn<Items>("expected");

    QTest::addRow("nothing set") << NoLagListOptions() << Items();

    // Statement 39: page 2, limit 5 and nothing else.
    NoLagListOptions pageAndLimit;
    pageAndLimit.setPage(2);
    pageAndLimit.setLimit(5);
    QTest::addRow("page and limit")
        << pageAndLimit << Items{{u"page"_s, u"2"_s}, {u"limit"_s, u"5"_s}};

    NoLagListOptions all;
    all.setSearch(u"chat"_s);
    all.setSortOrder(Qt::DescendingOrder);
    all.setSortBy(u"name"_s);
    all.setLimit(10);
    all.setPage(1);
    QTest::addRow("every option, in a fixed order") << all
                                                    << Items{{u"page"_s, u"1"_s},
                                                             {u"limit"_s, u"10"_s},
                                                             {u"sortBy"_s, u"name"_s},
                                                             {u"sortOrder"_s, u"desc"_s},
                                                             {u"search"_s, u"chat"_s}};

    NoLagListOptions ascending;
    ascending.setSortOrder(Qt::AscendingOrder);
    QTest::addRow("ascending is sent once set") << ascending << Items{{u"sortOrder"_s, u"asc"_s}};
}

void tst_ApiTypes::listOptionsQuery()
{
    using Items = QList<QPair<QString, QString>>;
    QFETCH(NoLagListOptions, options);
    QFETCH(Items, expected);

    QCOMPARE(options.toQueryItems(), expected);
}

void tst_ApiTypes::pagination_data()
{
    QTest::addColumn<QJsonObject>("response");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("pageCount");

    // Statement 40.
    QTest::addRow("nested pagination")
        << parse(R"({"data":[],"pagination":{"total":42,"page":2,"pageCount":5}})") << 42 << 2 << 5;
    QTest::addRow("nested wins over flat")
        << parse(R"({"data":[],"pagination":{"total":3,"page":1,"pageCount":1},
                         "total":9,"page":9,"totalPages":9})")
        << 3 << 1 << 1;
    QTest::addRow("flat fields of older servers")
        << parse(R"({"data":[],"total":25,"page":3,"limit":10,"totalPages":3})") << 25 << 3 << 3;
    QTest::addRow("nothing: defaults 0, 1, 1") << parse(R"({"data":[]})") << 0 << 1 << 1;
}

void tst_ApiTypes::pagination()
{
    QFETCH(QJsonObject, response);
    QFETCH(int, total);
    QFETCH(int, page);
    QFETCH(int, pageCount);

    const NoLagPagination pagination = NoLagPagination::fromJson(response);
    QCOMPARE(pagination.total(), total);
    QCOMPARE(pagination.page(), page);
    QCOMPARE(pagination.pageCount(), pageCount);
}

void tst_ApiTypes::resourceDefaults()
{
    const NoLagRoom room = NoLagRoom::fromJson(parse(R"({"roomId":"r1"})"));
    QVERIFY(room.isEnabled());
    QVERIFY(room.topics().isEmpty());
    QVERIFY(!room.createdAt().isValid());

    const NoLagRoom disabled = NoLagRoom::fromJson(parse(R"({"isEnabled":false})"));
    QVERIFY(!disabled.isEnabled());

    const NoLagActor actor = NoLagActor::fromJson(parse(
        R"({"actorTokenId":"a1","createdAt":"2026-06-13T10:00:00.000Z","accessScopeId":null})"));
    QVERIFY(actor.isActive());
    QCOMPARE(actor.createdAt(), QDateTime(QDate(2026, 6, 13), QTime(10, 0), Qt::UTC));
    QVERIFY(actor.accessScopeId().isEmpty());

    const NoLagRoomActorAccess grant = NoLagRoomActorAccess::fromJson(parse(R"({"topics":null})"));
    QVERIFY(grant.topics().isEmpty());
    QVERIFY(!grant.expiresAt().isValid());
}

void tst_ApiTypes::resourcesKeepTheWholeAnswer()
{
    const QJsonObject json = parse(R"({"appId":"a1","name":"Chat","slug":"chat-1f2e",
        "topics":["messages"],"config":{"autoProvisionRooms":true},"somethingNew":[1,2]})");
    const NoLagApp app = NoLagApp::fromJson(json);

    QCOMPARE(app.appId(), u"a1"_s);
    QCOMPARE(app.slug(), u"chat-1f2e"_s);
    QCOMPARE(app.topics(), QStringList{u"messages"_s});
    QCOMPARE(app.config().value("autoProvisionRooms"_L1).toBool(), true);
    QCOMPARE(app.toJson(), json);
}

void tst_ApiTypes::actorWithTokenReadsAccessToken()
{
    // Statement 48.
    const auto actor = NoLagActorWithToken::fromJson(
        parse(R"({"actorTokenId":"a1","name":"w","accessToken":"at_live_0123456789ab.x"})"));
    QCOMPARE(actor.accessToken(), u"at_live_0123456789ab.x"_s);
    QCOMPARE(actor.actorTokenId(), u"a1"_s);
    QCOMPARE(actor.name(), u"w"_s);
}

void tst_ApiTypes::errorTravelsThroughQFuture()
{
    const NoLagApiError sent(u"App not found"_s, 404,
                             parse(R"({"statusCode":404,"message":"App not found",
                                       "error":"Not Found"})"));
    QFuture<NoLagApp> future = QtFuture::makeExceptionalFuture<NoLagApp>(sent);

    int statusCode = -1;
    QString error;
    future
        .onFailed([&](const NoLagApiError &received) {
            statusCode = received.statusCode();
            error = received.details().value("error"_L1).toString();
            return NoLagApp();
        })
        .waitForFinished();

    QCOMPARE(statusCode, 404);
    QCOMPARE(error, u"Not Found"_s);
}

void tst_ApiTypes::errorText_data()
{
    QTest::addColumn<NoLagApiError>("error");
    QTest::addColumn<QString>("expected");

    QTest::addRow("http") << NoLagApiError(u"App not found"_s, 404) << u"HTTP 404: App not found"_s;
    QTest::addRow("timeout") << NoLagApiError(u"Request timeout"_s, 408)
                             << u"timeout: Request timeout"_s;
    QTest::addRow("server's own 408")
        << NoLagApiError(u"Slow"_s, 408, parse(R"({"message":"Slow"})")) << u"HTTP 408: Slow"_s;
    QTest::addRow("network") << NoLagApiError(u"Connection refused"_s, 0)
                             << u"network error: Connection refused"_s;
}

void tst_ApiTypes::errorText()
{
    QFETCH(NoLagApiError, error);
    QFETCH(QString, expected);

    QCOMPARE(error.toString(), expected);
    QCOMPARE(QString::fromUtf8(error.what()), error.message());
}

QTEST_GUILESS_MAIN(tst_ApiTypes)
#include "tst_apitypes.moc"
