// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// Every endpoint of the control-plane REST API through NoLagApi, against the real nolag-local:
// success and failure paths, pagination edges and the rules of rooms.ensure.
#include "apitesthelpers.h"
#include "localserver.h"

#include <NoLagQt/nolagapi.h>

#include <QtCore/QJsonArray>
#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject autoProvision(bool on)
{
    return QJsonObject{{u"autoProvisionRooms"_s, on}};
}

QStringList appIds(const QList<NoLagApp> &apps)
{
    QStringList ids;
    for (const NoLagApp &app : apps) {
        ids.append(app.appId());
    }
    return ids;
}

QStringList roomSlugs(const QList<NoLagRoom> &rooms)
{
    QStringList slugs;
    for (const NoLagRoom &room : rooms) {
        slugs.append(room.slug());
    }
    return slugs;
}

} // namespace

class tst_ApiServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void appLifecycle();
    void appSlugGetsASuffix();
    void invalidAppBodies_data();
    void invalidAppBodies();
    void authentication_data();
    void authentication();
    void unknownIds_data();
    void unknownIds();
    void pagination_data();
    void pagination();
    void sorting_data();
    void sorting();
    void resetToBlueprint();

    void roomLifecycle();
    void roomValidation_data();
    void roomValidation();
    void roomSlugNeverChanges();
    void staticRoomsCannotBeDeleted();
    void ensureNeedsAutoProvision();
    void ensureIsCreateIfAbsent();
    void ensureDerivesTheSlug();
    void grants();

    void actorLifecycle();
    void actorTypes_data();
    void actorTypes();

    void scopes();

private:
    NoLagApp createApp(const QString &name, const QJsonObject &extra = {});
    std::unique_ptr<NoLagTest::LocalServer> m_server;
    std::unique_ptr<NoLagApi> m_api;
    NoLagApp m_demoApp;
};

void tst_ApiServer::initTestCase()
{
    m_server = std::make_unique<NoLagTest::LocalServer>(
        QStringList{u"--api-key"_s, ApiTest::apiKey(), u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));

    NoLagApiOptions options;
    options.setBaseUrl(QUrl(m_server->httpUrl().toString() + u"/v1"_s));
    m_api = std::make_unique<NoLagApi>(ApiTest::apiKey(), options);

    // The demo app (seeded with --demo) has static rooms "general" and "support".
    NoLagListOptions search;
    search.setSearch(u"demo"_s);
    auto list = m_api->apps().list(search);
    API_AWAIT_OK(list);
    for (const NoLagApp &app : list.result().data()) {
        if (app.slug() == u"demo") {
            m_demoApp = app;
        }
    }
    QVERIFY2(!m_demoApp.appId().isEmpty(), "nolag-local --demo has no app with slug \"demo\"");

    // 25 apps for the pagination tests, found by their common name.
    for (int i = 1; i <= 25; ++i) {
        auto created =
            m_api->apps().create(NoLagAppCreate(u"Paged %1"_s.arg(i, 2, 10, QChar(u'0'))));
        API_AWAIT_OK(created);
    }
}

void tst_ApiServer::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

NoLagApp tst_ApiServer::createApp(const QString &name, const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(u"name"_s, name);
    auto created = m_api->apps().create(NoLagAppCreate::fromJson(body));
    if (!ApiTest::waitFor(created) || ApiTest::errorOf(created)) {
        return NoLagApp();
    }
    return created.result();
}

void tst_ApiServer::appLifecycle()
{
    // Statement 6.
    NoLagAppCreate data(u"Chat"_s);
    data.setDescription(u"Team chat"_s);
    data.setTopics({u"messages"_s, u"typing"_s});
    auto created = m_api->apps().create(data);
    API_AWAIT_OK(created);
    const NoLagApp app = created.result();
    QVERIFY(!app.appId().isEmpty());
    QVERIFY(!app.projectId().isEmpty());
    QCOMPARE(app.name(), u"Chat"_s);
    QCOMPARE(app.description(), u"Team chat"_s);
    QCOMPARE(app.topics(), (QStringList{u"messages"_s, u"typing"_s}));
    QVERIFY(!app.slug().isEmpty());
    QVERIFY(app.createdAt().isValid());
    QVERIFY(app.updatedAt().isValid());

    auto fetched = m_api->apps().get(app.appId());
    API_AWAIT_OK(fetched);
    QCOMPARE(fetched.result().appId(), app.appId());
    QCOMPARE(fetched.result().slug(), app.slug());

    // Statement 14: only the description (and updatedAt) change.
    NoLagAppUpdate update;
    update.setDescription(u"x"_s);
    auto updated = m_api->apps().update(app.appId(), update);
    API_AWAIT_OK(updated);
    QCOMPARE(updated.result().description(), u"x"_s);
    QCOMPARE(updated.result().name(), app.name());
    QCOMPARE(updated.result().slug(), app.slug());
    QCOMPARE(updated.result().topics(), app.topics());
    QCOMPARE(updated.result().createdAt(), app.createdAt());

    NoLagListOptions search;
    search.setSearch(app.slug());
    auto listed = m_api->apps().list(search);
    API_AWAIT_OK(listed);
    QVERIFY(appIds(listed.result().data()).contains(app.appId()));

    // Statement 15.
    auto removed = m_api->apps().remove(app.appId());
    API_AWAIT_OK(removed);
    QCOMPARE(removed.result(), QJsonObject({{u"success"_s, true}}));

    auto gone = m_api->apps().get(app.appId());
    API_AWAIT_ERROR(gone, 404);
    auto listedAfter = m_api->apps().list(search);
    API_AWAIT_OK(listedAfter);
    QVERIFY(!appIds(listedAfter.result().data()).contains(app.appId()));

    auto removedTwice = m_api->apps().remove(app.appId());
    API_AWAIT_ERROR(removedTwice, 404);
}

void tst_ApiServer::appSlugGetsASuffix()
{
    // Statement 8: REST-created apps get "-" and four lower-case hex characters.
    NoLagAppCreate withSlug(u"Voice"_s);
    withSlug.setSlug(u"voice-calls"_s);
    auto first = m_api->apps().create(withSlug);
    API_AWAIT_OK(first);
    QVERIFY2(
        QRegularExpression(u"^voice-calls-[0-9a-f]{4}$"_s).match(first.result().slug()).hasMatch(),
        qPrintable(first.result().slug()));

    auto derived = m_api->apps().create(NoLagAppCreate(u"Support Desk"_s));
    API_AWAIT_OK(derived);
    QVERIFY2(QRegularExpression(u"^support-desk-[0-9a-f]{4}$"_s)
                 .match(derived.result().slug())
                 .hasMatch(),
             qPrintable(derived.result().slug()));
}

void tst_ApiServer::invalidAppBodies_data()
{
    QTest::addColumn<QJsonObject>("body");

    // Statement 7, and type checks.
    QTest::addRow("no name") << QJsonObject{{u"description"_s, u"x"_s}};
    QTest::addRow("empty body") << QJsonObject();
    QTest::addRow("name is a number") << QJsonObject{{u"name"_s, 5}};
    QTest::addRow("topics is not a list")
        << QJsonObject{{u"name"_s, u"x"_s}, {u"topics"_s, u"messages"_s}};
    QTest::addRow("topic with a slash")
        << QJsonObject{{u"name"_s, u"x"_s}, {u"topics"_s, QJsonArray{u"a/b"_s}}};
}

void tst_ApiServer::invalidAppBodies()
{
    QFETCH(QJsonObject, body);

    auto created = m_api->apps().create(NoLagAppCreate::fromJson(body));
    API_AWAIT_ERROR(created, 400);
}

void tst_ApiServer::authentication_data()
{
    QTest::addColumn<QString>("key");

    // Statements 1 and 2.
    QTest::addRow("no key") << QString();
    QTest::addRow("wrong secret") << u"nlg_live_apitests.wrong"_s;
    QTest::addRow("unknown key id") << u"nlg_live_nobody.Zm9yLXRlc3RzLW9ubHk"_s;
    QTest::addRow("not an API key") << u"hello"_s;
}

void tst_ApiServer::authentication()
{
    QFETCH(QString, key);

    NoLagApi api(key, m_api->options());
    auto apps = api.apps().list();
    API_AWAIT_ERROR(apps, 401);
    auto actors = api.actors().list();
    API_AWAIT_ERROR(actors, 401);
}

void tst_ApiServer::unknownIds_data()
{
    using Call = std::function<QFuture<void>(NoLagApi &, const QString &demoAppId)>;
    QTest::addColumn<Call>("call");

    // Statement 13 and its siblings: unknown ids are 404 everywhere.
    QTest::addRow("apps.get") << Call([](NoLagApi &api, const QString &) {
        return api.apps().get(u"no-such-app"_s).then([](const NoLagApp &) {});
    });
    QTest::addRow("apps.update") << Call([](NoLagApi &api, const QString &) {
        NoLagAppUpdate update;
        update.setName(u"x"_s);
        return api.apps().update(u"no-such-app"_s, update).then([](const NoLagApp &) {});
    });
    QTest::addRow("rooms.list of an unknown app") << Call([](NoLagApi &api, const QString &) {
        return api.rooms().list(u"no-such-app"_s).then([](const QList<NoLagRoom> &) {});
    });
    QTest::addRow("rooms.get") << Call([](NoLagApi &api, const QString &demo) {
        return api.rooms().get(demo, u"no-such-room"_s).then([](const NoLagRoom &) {});
    });
    QTest::addRow("rooms.remove") << Call([](NoLagApi &api, const QString &demo) {
        return api.rooms().remove(demo, u"no-such-room"_s);
    });
    QTest::addRow("rooms.listActors of an unknown room")
        << Call([](NoLagApi &api, const QString &demo) {
               return api.rooms()
                   .listActors(demo, u"no-such-room"_s)
                   .then([](const QList<NoLagRoomActorAccess> &) {});
           });
    QTest::addRow("actors.get") << Call([](NoLagApi &api, const QString &) {
        return api.actors().get(u"no-such-actor"_s).then([](const NoLagActor &) {});
    });
    QTest::addRow("actors.remove") << Call(
        [](NoLagApi &api, const QString &) { return api.actors().remove(u"no-such-actor"_s); });
    QTest::addRow("scopes.get") << Call([](NoLagApi &api, const QString &) {
        return api.scopes().get(u"no-such-scope"_s).then([](const NoLagScope &) {});
    });
}

void tst_ApiServer::unknownIds()
{
    using Call = std::function<QFuture<void>(NoLagApi &, const QString &demoAppId)>;
    QFETCH(Call, call);

    QFuture<void> future = call(*m_api, m_demoApp.appId());
    API_AWAIT_ERROR(future, 404);

    // Statement 5: a 404 body has statusCode, message and error.
    const NoLagApiError error = *ApiTest::errorOf(future);
    QCOMPARE(error.details().value("statusCode"_L1).toInt(), 404);
    QCOMPARE(error.details().value("error"_L1).toString(), u"Not Found"_s);
    QVERIFY(error.details().value("message"_L1).isString());
}

void tst_ApiServer::pagination_data()
{
    QTest::addColumn<int>("page"); // 0: not sent
    QTest::addColumn<int>("limit"); // 0: not sent
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("expectedPage");
    QTest::addColumn<int>("pageCount");

    // 25 apps named "Paged NN" (statements 9-12).
    QTest::addRow("defaults: page 1 of 10") << 0 << 0 << 10 << 1 << 3;
    QTest::addRow("first page") << 1 << 10 << 10 << 1 << 3;
    QTest::addRow("last, partial page") << 3 << 10 << 5 << 3 << 3;
    QTest::addRow("beyond the last page") << 9 << 10 << 0 << 9 << 3;
    QTest::addRow("everything on one page") << 1 << 25 << 25 << 1 << 1;
    QTest::addRow("limit above 100 is clamped, not refused") << 1 << 1000 << 25 << 1 << 1;
    QTest::addRow("limit 1") << 25 << 1 << 1 << 25 << 25;
}

void tst_ApiServer::pagination()
{
    QFETCH(int, page);
    QFETCH(int, limit);
    QFETCH(int, count);
    QFETCH(int, expectedPage);
    QFETCH(int, pageCount);

    NoLagListOptions options;
    options.setSearch(u"paged"_s);
    options.setPage(page);
    options.setLimit(limit);
    auto list = m_api->apps().list(options);
    API_AWAIT_OK(list);

    const NoLagPaginatedResult<NoLagApp> result = list.result();
    QCOMPARE(result.data().size(), count);
    QCOMPARE(result.pagination().total(), 25);
    QCOMPARE(result.pagination().page(), expectedPage);
    QCOMPARE(result.pagination().pageCount(), pageCount);
    for (const NoLagApp &app : result.data()) {
        QVERIFY2(app.name().startsWith(u"Paged "_s), qPrintable(app.name()));
    }
}

void tst_ApiServer::sorting_data()
{
    QTest::addColumn<QString>("sortBy");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QString>("first");

    QTest::addRow("name ascending") << u"name"_s << Qt::AscendingOrder << u"Paged 01"_s;
    QTest::addRow("name descending") << u"name"_s << Qt::DescendingOrder << u"Paged 25"_s;
    QTest::addRow("creation ascending") << u"createdAt"_s << Qt::AscendingOrder << u"Paged 01"_s;
}

void tst_ApiServer::sorting()
{
    QFETCH(QString, sortBy);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QString, first);

    NoLagListOptions options;
    options.setSearch(u"PAGED"_s); // case-insensitive
    options.setSortBy(sortBy);
    options.setSortOrder(order);
    options.setLimit(100);
    auto list = m_api->apps().list(options);
    API_AWAIT_OK(list);

    const QList<NoLagApp> apps = list.result().data();
    QCOMPARE(apps.size(), 25);
    QCOMPARE(apps.constFirst().name(), first);
}

void tst_ApiServer::resetToBlueprint()
{
    // Without a blueprint there is nothing to reset to.
    const NoLagApp plain = createApp(u"Plain"_s);
    QVERIFY(!plain.appId().isEmpty());
    auto refused = m_api->apps().resetToBlueprint(plain.appId());
    API_AWAIT_ERROR(refused, 400);

    // An app of the "demo" blueprint gets its topics back.
    const NoLagApp fromBlueprint = createApp(u"From Blueprint"_s, {{u"blueprintId"_s, u"demo"_s}});
    QVERIFY(!fromBlueprint.appId().isEmpty());
    QCOMPARE(fromBlueprint.blueprintId(), u"demo"_s);
    const QStringList blueprintTopics = fromBlueprint.topics();
    QVERIFY(!blueprintTopics.isEmpty());

    NoLagAppUpdate update;
    update.setTopics({u"other"_s});
    auto changed = m_api->apps().update(fromBlueprint.appId(), update);
    API_AWAIT_OK(changed);
    QCOMPARE(changed.result().topics(), QStringList{u"other"_s});

    auto reset = m_api->apps().resetToBlueprint(fromBlueprint.appId());
    API_AWAIT_OK(reset);
    QCOMPARE(reset.result().appId(), fromBlueprint.appId());
    QCOMPARE(reset.result().topics(), blueprintTopics);

    auto unknown = m_api->apps().resetToBlueprint(u"no-such-app"_s);
    API_AWAIT_ERROR(unknown, 404);
}

void tst_ApiServer::roomLifecycle()
{
    const NoLagApp app =
        createApp(u"Rooms"_s, {{u"topics"_s, QJsonArray{u"messages"_s, u"typing"_s}}});
    QVERIFY(!app.appId().isEmpty());

    // Statement 16.
    auto before = m_api->rooms().list(app.appId());
    API_AWAIT_OK(before);
    const qsizetype roomsBefore = before.result().size();

    // Statement 17.
    auto created = m_api->rooms().create(app.appId(), NoLagRoomCreate(u"Support Team"_s));
    API_AWAIT_OK(created);
    const NoLagRoom room = created.result();
    QVERIFY(!room.roomId().isEmpty());
    QCOMPARE(room.appId(), app.appId());
    QCOMPARE(room.slug(), u"support-team"_s);
    QCOMPARE(room.roomType(), u"dynamic"_s);
    QVERIFY(room.isEnabled());
    QCOMPARE(room.topics(), app.topics());

    // Statement 18.
    auto duplicate = m_api->rooms().create(app.appId(), NoLagRoomCreate(u"Support  Team!"_s));
    API_AWAIT_ERROR(duplicate, 409);

    auto fetched = m_api->rooms().get(app.appId(), room.roomId());
    API_AWAIT_OK(fetched);
    QCOMPARE(fetched.result().slug(), room.slug());

    auto listed = m_api->rooms().list(app.appId());
    API_AWAIT_OK(listed);
    QCOMPARE(listed.result().size(), roomsBefore + 1);
    QVERIFY(roomSlugs(listed.result()).contains(u"support-team"_s));

    NoLagRoomUpdate update;
    update.setName(u"Helpdesk"_s);
    update.setEnabled(false);
    update.setTopics({u"messages"_s});
    auto updated = m_api->rooms().update(app.appId(), room.roomId(), update);
    API_AWAIT_OK(updated);
    QCOMPARE(updated.result().name(), u"Helpdesk"_s);
    QVERIFY(!updated.result().isEnabled());
    QCOMPARE(updated.result().topics(), QStringList{u"messages"_s});
    QCOMPARE(updated.result().slug(), u"support-team"_s);

    // Statement 25 (the REST half).
    auto removed = m_api->rooms().remove(app.appId(), room.roomId());
    API_AWAIT_OK(removed);
    auto gone = m_api->rooms().get(app.appId(), room.roomId());
    API_AWAIT_ERROR(gone, 404);

    // The slug is free again.
    auto again = m_api->rooms().create(app.appId(), NoLagRoomCreate(u"Support Team"_s));
    API_AWAIT_OK(again);
    QVERIFY(again.result().roomId() != room.roomId());
}

void tst_ApiServer::roomValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");

    // Statements 19 and 20, and the rules of §3.2.
    QTest::addRow("slug with capitals and underscore")
        << QJsonObject{{u"name"_s, u"x"_s}, {u"slug"_s, u"Bad_Slug"_s}} << 400;
    QTest::addRow("slug with a trailing dash")
        << QJsonObject{{u"name"_s, u"x"_s}, {u"slug"_s, u"bad-"_s}} << 400;
    QTest::addRow("topic with a slash")
        << QJsonObject{{u"name"_s, u"x"_s}, {u"topics"_s, QJsonArray{u"a/b"_s}}} << 400;
    QTest::addRow("topic too long")
        << QJsonObject{{u"name"_s, u"x"_s}, {u"topics"_s, QJsonArray{QString(101, u'a')}}} << 400;
    QTest::addRow("no name") << QJsonObject{{u"slug"_s, u"no-name"_s}} << 400;
    QTest::addRow("topic with a colon is fine")
        << QJsonObject{{u"name"_s, u"Calls"_s}, {u"topics"_s, QJsonArray{u"webrtc:offer"_s}}}
        << 201;
    QTest::addRow("slug of digits and dashes is fine")
        << QJsonObject{{u"name"_s, u"x"_s}, {u"slug"_s, u"room-2-b"_s}} << 201;
}

void tst_ApiServer::roomValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);

    const NoLagApp app = createApp(u"Validation"_s);
    QVERIFY(!app.appId().isEmpty());

    auto created = m_api->rooms().create(app.appId(), NoLagRoomCreate::fromJson(body));
    if (status == 201) {
        API_AWAIT_OK(created);
        QCOMPARE(created.result().roomType(), u"dynamic"_s);
    } else {
        API_AWAIT_ERROR(created, status);
        auto rooms = m_api->rooms().list(app.appId());
        API_AWAIT_OK(rooms);
        QVERIFY(rooms.result().isEmpty());
    }
}

void tst_ApiServer::roomSlugNeverChanges()
{
    // Statement 21: a slug in an update is ignored or refused; it never changes.
    const NoLagApp app = createApp(u"Slugs"_s);
    auto created = m_api->rooms().create(app.appId(), NoLagRoomCreate(u"Fixed"_s));
    API_AWAIT_OK(created);

    auto updated =
        m_api->rooms().update(app.appId(), created.result().roomId(),
                              NoLagRoomUpdate::fromJson(QJsonObject{{u"slug"_s, u"moved"_s}}));
    QVERIFY(ApiTest::waitFor(updated));
    if (const auto error = ApiTest::errorOf(updated)) {
        QCOMPARE(error->statusCode(), 400);
    }

    auto fetched = m_api->rooms().get(app.appId(), created.result().roomId());
    API_AWAIT_OK(fetched);
    QCOMPARE(fetched.result().slug(), u"fixed"_s);
}

void tst_ApiServer::staticRoomsCannotBeDeleted()
{
    // Statement 26.
    auto rooms = m_api->rooms().list(m_demoApp.appId());
    API_AWAIT_OK(rooms);
    NoLagRoom general;
    for (const NoLagRoom &room : rooms.result()) {
        if (room.slug() == u"general") {
            general = room;
        }
    }
    QCOMPARE(general.roomType(), u"static"_s);

    auto removed = m_api->rooms().remove(m_demoApp.appId(), general.roomId());
    API_AWAIT_ERROR(removed, 403);
    auto still = m_api->rooms().get(m_demoApp.appId(), general.roomId());
    API_AWAIT_OK(still);
}

void tst_ApiServer::ensureNeedsAutoProvision()
{
    // Statement 22.
    const NoLagApp app = createApp(u"No Auto"_s);
    QVERIFY(!app.appId().isEmpty());

    NoLagRoomCreate data(u"s1"_s);
    data.setSlug(u"s1"_s);
    auto ensured = m_api->rooms().ensure(app.appId(), data);
    QVERIFY(ApiTest::waitFor(ensured));
    const auto error = ApiTest::errorOf(ensured);
    QVERIFY2(error, "ensure succeeded on an app without autoProvisionRooms");
    QVERIFY2(error->statusCode() >= 400 && error->statusCode() < 500,
             qPrintable(error->toString()));

    auto rooms = m_api->rooms().list(app.appId());
    API_AWAIT_OK(rooms);
    QVERIFY(!roomSlugs(rooms.result()).contains(u"s1"_s));

    // Explicitly false is the same.
    const NoLagApp off = createApp(u"Auto Off"_s, {{u"config"_s, autoProvision(false)}});
    auto ensuredOff = m_api->rooms().ensure(off.appId(), data);
    QVERIFY(ApiTest::waitFor(ensuredOff));
    QVERIFY(ApiTest::errorOf(ensuredOff));

    // A plain create is not gated.
    auto created = m_api->rooms().create(app.appId(), data);
    API_AWAIT_OK(created);
}

void tst_ApiServer::ensureIsCreateIfAbsent()
{
    // Statement 23.
    const NoLagApp app = createApp(
        u"Auto"_s, {{u"config"_s, autoProvision(true)}, {u"topics"_s, QJsonArray{u"messages"_s}}});
    QVERIFY(app.config().value("autoProvisionRooms"_L1).toBool());

    NoLagRoomCreate first(u"First"_s);
    first.setSlug(u"s1"_s);
    auto created = m_api->rooms().ensure(app.appId(), first);
    API_AWAIT_OK(created);
    QCOMPARE(created.result().slug(), u"s1"_s);
    QCOMPARE(created.result().name(), u"First"_s);
    QCOMPARE(created.result().roomType(), u"dynamic"_s);

    NoLagRoomCreate second(u"Second"_s);
    second.setSlug(u"s1"_s);
    second.setTopics({u"other"_s});
    auto existing = m_api->rooms().ensure(app.appId(), second);
    API_AWAIT_OK(existing);
    QCOMPARE(existing.result().roomId(), created.result().roomId());
    QCOMPARE(existing.result().name(), u"First"_s);
    QCOMPARE(existing.result().topics(), created.result().topics());

    auto rooms = m_api->rooms().list(app.appId());
    API_AWAIT_OK(rooms);
    QCOMPARE(roomSlugs(rooms.result()).count(u"s1"_s), 1);

    // ensure returns existing static rooms unchanged too.
    NoLagRoomCreate general(u"Renamed"_s);
    general.setSlug(u"general"_s);
    auto demoGeneral = m_api->rooms().ensure(m_demoApp.appId(), general);
    API_AWAIT_OK(demoGeneral);
    QCOMPARE(demoGeneral.result().roomType(), u"static"_s);
    QVERIFY(demoGeneral.result().name() != u"Renamed"_s);
}

void tst_ApiServer::ensureDerivesTheSlug()
{
    const NoLagApp app = createApp(u"Auto Slug"_s, {{u"config"_s, autoProvision(true)}});

    auto fromName = m_api->rooms().ensure(app.appId(), NoLagRoomCreate(u"Game Lobby 7"_s));
    API_AWAIT_OK(fromName);
    QCOMPARE(fromName.result().slug(), u"game-lobby-7"_s);

    auto neither = m_api->rooms().ensure(app.appId(), NoLagRoomCreate());
    API_AWAIT_ERROR(neither, 400);

    auto badSlug = m_api->rooms().ensure(
        app.appId(), NoLagRoomCreate::fromJson({{u"name"_s, u"x"_s}, {u"slug"_s, u"A B"_s}}));
    API_AWAIT_ERROR(badSlug, 400);
}

void tst_ApiServer::grants()
{
    const NoLagApp app = createApp(u"Grants"_s);
    auto room = m_api->rooms().create(app.appId(), NoLagRoomCreate(u"Private"_s));
    API_AWAIT_OK(room);
    const QString roomId = room.result().roomId();
    auto actor = m_api->actors().create(NoLagActorCreate(u"grantee"_s, u"user"_s));
    API_AWAIT_OK(actor);

    auto none = m_api->rooms().listActors(app.appId(), roomId);
    API_AWAIT_OK(none);
    QVERIFY(none.result().isEmpty());

    NoLagRoomActorAccessCreate tokenGrant(u"subscribe"_s);
    tokenGrant.setActorTokenId(actor.result().actorTokenId());
    tokenGrant.setTopics({u"messages"_s});
    auto granted = m_api->rooms().grantActor(app.appId(), roomId, tokenGrant);
    API_AWAIT_OK(granted);
    const NoLagRoomActorAccess grant = granted.result();
    QVERIFY(!grant.roomActorAccessId().isEmpty());
    QCOMPARE(grant.roomId(), roomId);
    QCOMPARE(grant.actorTokenId(), actor.result().actorTokenId());
    QCOMPARE(grant.permission(), u"subscribe"_s);
    QCOMPARE(grant.topics(), QStringList{u"messages"_s});
    QVERIFY(grant.isActive());

    NoLagRoomActorAccessCreate typeGrant(u"pubSub"_s);
    typeGrant.setActorType(u"device"_s);
    typeGrant.setExpiresAt(QDateTime::currentDateTimeUtc().addDays(1));
    auto typeGranted = m_api->rooms().grantActor(app.appId(), roomId, typeGrant);
    API_AWAIT_OK(typeGranted);
    QCOMPARE(typeGranted.result().actorType(), u"device"_s);
    QVERIFY(typeGranted.result().expiresAt().isValid());

    auto both = m_api->rooms().listActors(app.appId(), roomId);
    API_AWAIT_OK(both);
    QCOMPARE(both.result().size(), 2);

    NoLagRoomActorAccessCreate badPermission(u"admin"_s);
    badPermission.setActorType(u"user"_s);
    auto refused = m_api->rooms().grantActor(app.appId(), roomId, badPermission);
    API_AWAIT_ERROR(refused, 400);

    auto revoked = m_api->rooms().revokeActor(app.appId(), roomId, grant.roomActorAccessId());
    API_AWAIT_OK(revoked);
    auto revokedTwice = m_api->rooms().revokeActor(app.appId(), roomId, grant.roomActorAccessId());
    API_AWAIT_ERROR(revokedTwice, 404);

    auto one = m_api->rooms().listActors(app.appId(), roomId);
    API_AWAIT_OK(one);
    QCOMPARE(one.result().size(), 1);
    QCOMPARE(one.result().constFirst().roomActorAccessId(),
             typeGranted.result().roomActorAccessId());
}

void tst_ApiServer::actorLifecycle()
{
    // Statements 27 and 30.
    NoLagActorCreate data(u"w"_s, u"device"_s);
    data.setExternalId(u"sensor-7"_s);
    data.setMetadata({{u"floor"_s, 3}});
    auto created = m_api->actors().create(data);
    API_AWAIT_OK(created);
    const NoLagActorWithToken actor = created.result();
    QVERIFY(!actor.actorTokenId().isEmpty());
    QVERIFY2(actor.accessToken().startsWith(u"at_"_s), "the token does not look like at_...");
    QCOMPARE(actor.actorType(), u"device"_s);
    QCOMPARE(actor.externalId(), u"sensor-7"_s);
    QCOMPARE(actor.metadata().value("floor"_L1).toInt(), 3);
    QVERIFY(actor.isActive());

    auto fetched = m_api->actors().get(actor.actorTokenId());
    API_AWAIT_OK(fetched);
    QCOMPARE(fetched.result().name(), u"w"_s);
    QVERIFY(!fetched.result().toJson().contains("accessToken"_L1));

    auto listed = m_api->actors().list();
    API_AWAIT_OK(listed);
    bool found = false;
    for (const NoLagActor &each : listed.result()) {
        found = found || each.actorTokenId() == actor.actorTokenId();
        QVERIFY(!each.toJson().contains("accessToken"_L1));
    }
    QVERIFY(found);

    NoLagActorUpdate update;
    update.setActive(false);
    update.setDescription(u"retired"_s);
    auto updated = m_api->actors().update(actor.actorTokenId(), update);
    API_AWAIT_OK(updated);
    QVERIFY(!updated.result().isActive());
    QCOMPARE(updated.result().description(), u"retired"_s);
    QCOMPARE(updated.result().name(), u"w"_s);

    auto removed = m_api->actors().remove(actor.actorTokenId());
    API_AWAIT_OK(removed);
    auto gone = m_api->actors().get(actor.actorTokenId());
    API_AWAIT_ERROR(gone, 404);
}

void tst_ApiServer::actorTypes_data()
{
    QTest::addColumn<QString>("actorType");
    QTest::addColumn<bool>("accepted");

    // Statement 29.
    const QStringList accepted{u"device"_s,  u"user"_s,  u"server"_s,       u"service"_s,
                               u"session"_s, u"agent"_s, u"orchestrator"_s, u"observer"_s};
    for (const QString &type : accepted) {
        QTest::addRow("%s", qPrintable(type)) << type << true;
    }
    QTest::addRow("robot") << u"robot"_s << false;
    QTest::addRow("empty") << QString() << false;
}

void tst_ApiServer::actorTypes()
{
    QFETCH(QString, actorType);
    QFETCH(bool, accepted);

    auto created = m_api->actors().create(
        NoLagActorCreate::fromJson({{u"name"_s, u"typed"_s}, {u"actorType"_s, actorType}}));
    if (accepted) {
        API_AWAIT_OK(created);
        QCOMPARE(created.result().actorType(), actorType);
    } else {
        API_AWAIT_ERROR(created, 400);
    }
}

void tst_ApiServer::scopes()
{
    NoLagScopeCreate data(u"tenant-a"_s, u"Tenant A"_s);
    data.setDescription(u"first tenant"_s);
    auto created = m_api->scopes().create(data);
    API_AWAIT_OK(created);
    const NoLagScope scope = created.result();
    QVERIFY(!scope.accessScopeId().isEmpty());
    QCOMPARE(scope.slug(), u"tenant-a"_s);
    QCOMPARE(scope.name(), u"Tenant A"_s);

    auto listed = m_api->scopes().list();
    API_AWAIT_OK(listed);
    QVERIFY(listed.result().pagination().total() >= 1);
    bool found = false;
    for (const NoLagScope &each : listed.result().data()) {
        found = found || each.accessScopeId() == scope.accessScopeId();
    }
    QVERIFY(found);

    NoLagScopeUpdate update;
    update.setName(u"Tenant Alpha"_s);
    auto updated = m_api->scopes().update(scope.accessScopeId(), update);
    API_AWAIT_OK(updated);
    QCOMPARE(updated.result().name(), u"Tenant Alpha"_s);
    QCOMPARE(updated.result().slug(), u"tenant-a"_s);

    auto actor = m_api->actors().create(NoLagActorCreate(u"scoped"_s, u"user"_s));
    API_AWAIT_OK(actor);
    const QString actorId = actor.result().actorTokenId();

    // Statement 46 end to end: a scope id moves the actor in, null moves it out.
    auto added = m_api->scopes().addActor(scope.accessScopeId(), actorId);
    API_AWAIT_OK(added);
    QCOMPARE(added.result().accessScopeId(), scope.accessScopeId());

    auto members = m_api->scopes().listActors(scope.accessScopeId());
    API_AWAIT_OK(members);
    QCOMPARE(members.result().size(), 1);
    QCOMPARE(members.result().constFirst().actorTokenId(), actorId);

    NoLagActorUpdate rename;
    rename.setName(u"still scoped"_s);
    auto renamed = m_api->actors().update(actorId, rename);
    API_AWAIT_OK(renamed);
    QCOMPARE(renamed.result().accessScopeId(), scope.accessScopeId()); // untouched: kept

    auto removedFromScope = m_api->scopes().removeActor(actorId);
    API_AWAIT_OK(removedFromScope);
    QVERIFY(removedFromScope.result().accessScopeId().isEmpty());

    auto empty = m_api->scopes().listActors(scope.accessScopeId());
    API_AWAIT_OK(empty);
    QVERIFY(empty.result().isEmpty());

    auto duplicate = m_api->scopes().create(data);
    API_AWAIT_ERROR(duplicate, 409);

    auto removed = m_api->scopes().remove(scope.accessScopeId());
    API_AWAIT_OK(removed);
    auto gone = m_api->scopes().get(scope.accessScopeId());
    API_AWAIT_ERROR(gone, 404);
}

QTEST_GUILESS_MAIN(tst_ApiServer)
#include "tst_apiserver.moc"
