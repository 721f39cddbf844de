// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// The list models the explorer binds to (apps, rooms of an app, actors, grants of a room) and
// their QML-facing replies, against the real nolag-local.
#include "apitesthelpers.h"
#include "localserver.h"

#include <NoLagQt/nolagapimodels.h>

#include <QtCore/QPointer>
#include <QtCore/QRegularExpression>
#include <QtNetwork/QTcpServer>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace {

// Waits until \a model has finished loading and has no error.
bool loadedCleanly(const NoLagApiListModel &model)
{
    return QTest::qWaitFor([&model] { return !model.isLoading(); }, 20000) &&
        model.error() == NoLagApiListModel::NoError;
}

struct ReplyOutcome
{
    bool finished = false;
    bool succeeded = false;
    QVariant result;
    int statusCode = -1;
    QString message;
};

// Follows a reply through its signals, as QML code would.
std::shared_ptr<ReplyOutcome> watch(NoLagApiReply *reply)
{
    auto outcome = std::make_shared<ReplyOutcome>();
    QObject::connect(reply, &NoLagApiReply::succeeded, reply, [outcome](const QVariant &result) {
        outcome->succeeded = true;
        outcome->result = result;
    });
    QObject::connect(reply, &NoLagApiReply::failed, reply,
                     [outcome](int statusCode, const QString &message) {
                         outcome->statusCode = statusCode;
                         outcome->message = message;
                     });
    QObject::connect(reply, &NoLagApiReply::finished, reply,
                     [outcome] { outcome->finished = true; });
    return outcome;
}

} // namespace

class tst_ApiModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void roleNames_data();
    void roleNames();
    void appsModel();
    void appsModelSearchesAndPages();
    void failedMutationCarriesTheServerMessage();
    void roomsModel();
    void roomsModelFollowsAppId();
    void grantsModel();
    void actorsModel();
    void loadErrors_data();
    void loadErrors();
    void keyChangeReloads();
    void modelWithoutApi();
    void apiDestroyed();
    void destroyedWhileRequestsRun();
    void replyDeletesItself();

private:
    QString createApp(const QString &name, const QJsonObject &extra = {});
    std::unique_ptr<NoLagTest::LocalServer> m_server;
    std::unique_ptr<NoLagApi> m_api;
};

void tst_ApiModels::initTestCase()
{
    m_server =
        std::make_unique<NoLagTest::LocalServer>(QStringList{u"--api-key"_s, ApiTest::apiKey()});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));

    NoLagApiOptions options;
    options.setBaseUrl(QUrl(m_server->httpUrl().toString() + u"/v1"_s));
    m_api = std::make_unique<NoLagApi>(ApiTest::apiKey(), options);
}

void tst_ApiModels::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

QString tst_ApiModels::createApp(const QString &name, const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(u"name"_s, name);
    auto created = m_api->apps().create(NoLagAppCreate::fromJson(body));
    if (!ApiTest::waitFor(created) || ApiTest::errorOf(created)) {
        return QString();
    }
    return created.result().appId();
}

void tst_ApiModels::roleNames_data()
{
    QTest::addColumn<QObject *>("model");
    QTest::addColumn<QByteArrayList>("expected");

    QTest::addRow("apps") << static_cast<QObject *>(new NoLagAppsModel(this))
                          << QByteArrayList{"appId",       "projectId",   "name",   "slug",
                                            "description", "blueprintId", "config", "topics",
                                            "createdAt",   "updatedAt"};
    QTest::addRow("rooms") << static_cast<QObject *>(new NoLagRoomsModel(this))
                           << QByteArrayList{"roomId",      "appId",     "name",     "slug",
                                             "description", "roomType",  "enabled",  "topics",
                                             "config",      "createdAt", "updatedAt"};
    QTest::addRow("actors") << static_cast<QObject *>(new NoLagActorsModel(this))
                            << QByteArrayList{"actorTokenId",  "projectId",   "name",
                                              "actorType",     "description", "externalId",
                                              "metadata",      "active",      "lastConnectedAt",
                                              "accessScopeId", "createdAt",   "updatedAt"};
    QTest::addRow("grants") << static_cast<QObject *>(new NoLagRoomGrantsModel(this))
                            << QByteArrayList{"roomActorAccessId",
                                              "roomId",
                                              "actorTokenId",
                                              "actorType",
                                              "permission",
                                              "topics",
                                              "active",
                                              "expiresAt",
                                              "role",
                                              "metadata",
                                              "createdAt",
                                              "updatedAt"};
}

void tst_ApiModels::roleNames()
{
    QFETCH(QObject *, model);
    QFETCH(QByteArrayList, expected);

    // Every role of the enum maps to a property of the resource, in order, in lowerCamel.
    const QHash<int, QByteArray> names = qobject_cast<NoLagApiListModel *>(model)->roleNames();
    QByteArrayList actual;
    for (int role = Qt::UserRole + 1; names.contains(role); ++role) {
        actual.append(names.value(role));
    }
    QCOMPARE(actual, expected);
    QCOMPARE(names.size(), expected.size());
    delete model;
}

void tst_ApiModels::appsModel()
{
    NoLagAppsModel model;
    QAbstractItemModelTester tester(&model);
    QSignalSpy loaded(&model, &NoLagApiListModel::loaded);
    model.setSearch(u"model-apps"_s);
    model.setApi(m_api.get());
    QVERIFY(loaded.wait(20000));
    QCOMPARE(loaded.size(), 1); // api and search set together: one load
    QCOMPARE(model.count(), 0);

    // Creating through the model adds the row once the server answered.
    auto created = watch(model.create({{u"name"_s, u"Model Apps One"_s},
                                       {u"slug"_s, u"model-apps-one"_s},
                                       {u"topics"_s, QStringList{u"messages"_s}}}));
    QTRY_VERIFY(created->finished);
    QVERIFY2(created->succeeded, qPrintable(created->message));
    const QVariantMap app = created->result.toMap();
    QVERIFY(!app.value(u"appId"_s).toString().isEmpty());
    QCOMPARE(model.count(), 1);
    QCOMPARE(model.indexOf(app.value(u"appId"_s).toString()), 0);
    QCOMPARE(model.data(model.index(0), NoLagAppsModel::NameRole).toString(), u"Model Apps One"_s);
    QCOMPARE(model.data(model.index(0), NoLagAppsModel::TopicsRole).toStringList(),
             QStringList{u"messages"_s});
    QVERIFY(model.data(model.index(0), NoLagAppsModel::CreatedAtRole).toDateTime().isValid());
    QCOMPARE(model.get(0).value(u"appId"_s), app.value(u"appId"_s));
    QCOMPARE(model.app(0).appId(), app.value(u"appId"_s).toString());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    auto updated =
        watch(model.update(app.value(u"appId"_s).toString(), {{u"description"_s, u"edited"_s}}));
    QTRY_VERIFY(updated->finished);
    QVERIFY2(updated->succeeded, qPrintable(updated->message));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.data(model.index(0), NoLagAppsModel::DescriptionRole).toString(), u"edited"_s);

    // A reload reads the same from the server.
    model.reload();
    QVERIFY(model.isLoading());
    QVERIFY(loadedCleanly(model));
    QCOMPARE(model.count(), 1);
    QCOMPARE(model.app(0).description(), u"edited"_s);

    auto removed = watch(model.remove(app.value(u"appId"_s).toString()));
    QTRY_VERIFY(removed->finished);
    QVERIFY2(removed->succeeded, qPrintable(removed->message));
    QCOMPARE(removed->result.toMap().value(u"success"_s).toBool(), true);
    QCOMPARE(model.count(), 0);
}

void tst_ApiModels::appsModelSearchesAndPages()
{
    // More apps than one page of 100, so that the model has to walk the pages.
    for (int i = 0; i < 105; ++i) {
        auto created = m_api->apps().create(NoLagAppCreate(u"Many Apps %1"_s.arg(i)));
        API_AWAIT_OK(created);
    }

    NoLagAppsModel model;
    QAbstractItemModelTester tester(&model);
    model.setApi(m_api.get());
    model.setSearch(u"many apps"_s);
    QTRY_COMPARE_WITH_TIMEOUT(model.count(), 105, 20000);
    QVERIFY(loadedCleanly(model));

    model.setSearch(u"many apps 10"_s); // 10, 100 to 104
    QTRY_COMPARE_WITH_TIMEOUT(model.count(), 6, 20000);
}

void tst_ApiModels::failedMutationCarriesTheServerMessage()
{
    NoLagAppsModel model;
    model.setApi(m_api.get());
    QVERIFY(loadedCleanly(model));
    const int before = model.count();

    NoLagApiReply *reply = model.create({{u"description"_s, u"no name"_s}});
    QCOMPARE(reply->status(), NoLagApiReply::Running);
    auto outcome = watch(reply);
    QTRY_VERIFY(outcome->finished);

    QVERIFY(!outcome->succeeded);
    QCOMPARE(outcome->statusCode, 400);
    QVERIFY2(outcome->message.contains(u"name"_s), qPrintable(outcome->message));
    QCOMPARE(model.count(), before);
}

void tst_ApiModels::roomsModel()
{
    const QString appId =
        createApp(u"Model Rooms"_s, {{u"config"_s, QJsonObject{{u"autoProvisionRooms"_s, true}}}});
    QVERIFY(!appId.isEmpty());

    NoLagRoomsModel model;
    QAbstractItemModelTester tester(&model);
    model.setApi(m_api.get());
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.count(), 0); // no appId: nothing to load, and no error
    QCOMPARE(model.error(), NoLagApiListModel::NoError);

    model.setAppId(appId);
    QVERIFY(loadedCleanly(model));
    const int before = model.count();

    auto created = watch(model.create({{u"name"_s, u"Ops Room"_s}}));
    QTRY_VERIFY(created->finished);
    QVERIFY2(created->succeeded, qPrintable(created->message));
    QCOMPARE(model.count(), before + 1);
    const QString roomId = created->result.toMap().value(u"roomId"_s).toString();
    const int row = model.indexOf(roomId);
    QVERIFY(row >= 0);
    QCOMPARE(model.data(model.index(row), NoLagRoomsModel::SlugRole).toString(), u"ops-room"_s);
    QCOMPARE(model.data(model.index(row), NoLagRoomsModel::RoomTypeRole).toString(), u"dynamic"_s);
    QCOMPARE(model.data(model.index(row), NoLagRoomsModel::EnabledRole).toBool(), true);

    // ensure of the same slug returns the same room: no new row.
    auto ensured = watch(model.ensure({{u"name"_s, u"Other"_s}, {u"slug"_s, u"ops-room"_s}}));
    QTRY_VERIFY(ensured->finished);
    QVERIFY2(ensured->succeeded, qPrintable(ensured->message));
    QCOMPARE(ensured->result.toMap().value(u"roomId"_s).toString(), roomId);
    QCOMPARE(model.count(), before + 1);

    auto duplicate = watch(model.create({{u"name"_s, u"Ops Room"_s}}));
    QTRY_VERIFY(duplicate->finished);
    QCOMPARE(duplicate->statusCode, 409);

    auto disabled = watch(model.update(roomId, {{u"isEnabled"_s, false}}));
    QTRY_VERIFY(disabled->finished);
    QVERIFY2(disabled->succeeded, qPrintable(disabled->message));
    QCOMPARE(model.data(model.index(row), NoLagRoomsModel::EnabledRole).toBool(), false);

    auto removed = watch(model.remove(roomId));
    QTRY_VERIFY(removed->finished);
    QVERIFY2(removed->succeeded, qPrintable(removed->message));
    QVERIFY(!removed->result.isValid());
    QCOMPARE(model.count(), before);
    QCOMPARE(model.indexOf(roomId), -1);
}

void tst_ApiModels::roomsModelFollowsAppId()
{
    const QString first = createApp(u"Follow One"_s);
    const QString second = createApp(u"Follow Two"_s);
    auto room = m_api->rooms().create(second, NoLagRoomCreate(u"Only In Two"_s));
    API_AWAIT_OK(room);

    NoLagRoomsModel model;
    QAbstractItemModelTester tester(&model);
    model.setApi(m_api.get());
    model.setAppId(first);
    model.reload(); // start a load of the first app...
    model.setAppId(second); // ...and move on before it answers: its answer is dropped

    QVERIFY(QTest::qWaitFor([&] { return model.count() == 1; }, 20000));
    QVERIFY(loadedCleanly(model));
    QCOMPARE(model.room(0).slug(), u"only-in-two"_s);
    QCOMPARE(model.room(0).appId(), second);

    model.setAppId(QString());
    QTRY_COMPARE(model.count(), 0);
}

void tst_ApiModels::grantsModel()
{
    const QString appId = createApp(u"Model Grants"_s);
    auto room = m_api->rooms().create(appId, NoLagRoomCreate(u"Vault"_s));
    API_AWAIT_OK(room);
    auto actor = m_api->actors().create(NoLagActorCreate(u"keyholder"_s, u"user"_s));
    API_AWAIT_OK(actor);

    NoLagRoomGrantsModel model;
    QAbstractItemModelTester tester(&model);
    model.setApi(m_api.get());
    model.setAppId(appId);
    model.setRoomId(room.result().roomId());
    QVERIFY(loadedCleanly(model));
    QCOMPARE(model.count(), 0);

    auto granted = watch(model.grantActor(
        {{u"permission"_s, u"publish"_s}, {u"actorTokenId"_s, actor.result().actorTokenId()}}));
    QTRY_VERIFY(granted->finished);
    QVERIFY2(granted->succeeded, qPrintable(granted->message));
    QCOMPARE(model.count(), 1);
    QCOMPARE(model.data(model.index(0), NoLagRoomGrantsModel::PermissionRole).toString(),
             u"publish"_s);
    QCOMPARE(model.grant(0).actorTokenId(), actor.result().actorTokenId());

    auto refused =
        watch(model.grantActor({{u"permission"_s, u"everything"_s}, {u"actorType"_s, u"user"_s}}));
    QTRY_VERIFY(refused->finished);
    QCOMPARE(refused->statusCode, 400);
    QCOMPARE(model.count(), 1);

    auto revoked = watch(model.revoke(model.grant(0).roomActorAccessId()));
    QTRY_VERIFY(revoked->finished);
    QVERIFY2(revoked->succeeded, qPrintable(revoked->message));
    QCOMPARE(model.count(), 0);
}

void tst_ApiModels::actorsModel()
{
    NoLagActorsModel model;
    QAbstractItemModelTester tester(&model);
    model.setApi(m_api.get());
    QVERIFY(loadedCleanly(model));
    const int before = model.count();

    auto created = watch(model.create({{u"name"_s, u"bot"_s}, {u"actorType"_s, u"service"_s}}));
    QTRY_VERIFY(created->finished);
    QVERIFY2(created->succeeded, qPrintable(created->message));
    const QVariantMap actor = created->result.toMap();
    QVERIFY(actor.value(u"accessToken"_s).toString().startsWith(u"at_"_s));
    QCOMPARE(model.count(), before + 1);

    // The token is the caller's: the model never keeps it.
    const QString actorId = actor.value(u"actorTokenId"_s).toString();
    const int row = model.indexOf(actorId);
    QVERIFY(row >= 0);
    QVERIFY(!model.get(row).contains(u"accessToken"_s));
    QCOMPARE(model.data(model.index(row), NoLagActorsModel::ActiveRole).toBool(), true);
    QCOMPARE(model.data(model.index(row), NoLagActorsModel::ActorTypeRole).toString(),
             u"service"_s);

    auto deactivated = watch(model.setActive(actorId, false));
    QTRY_VERIFY(deactivated->finished);
    QVERIFY2(deactivated->succeeded, qPrintable(deactivated->message));
    QCOMPARE(model.data(model.index(row), NoLagActorsModel::ActiveRole).toBool(), false);

    auto invalid = watch(model.create({{u"name"_s, u"bad"_s}, {u"actorType"_s, u"robot"_s}}));
    QTRY_VERIFY(invalid->finished);
    QCOMPARE(invalid->statusCode, 400);

    auto removed = watch(model.remove(actorId));
    QTRY_VERIFY(removed->finished);
    QVERIFY2(removed->succeeded, qPrintable(removed->message));
    QCOMPARE(model.indexOf(actorId), -1);
}

void tst_ApiModels::loadErrors_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("reachable");
    QTest::addColumn<NoLagApiListModel::Error>("error");
    QTest::addColumn<int>("statusCode");

    QTest::addRow("wrong key") << u"nlg_live_apitests.wrong"_s << true
                               << NoLagApiListModel::AuthenticationError << 401;
    QTest::addRow("no server") << ApiTest::apiKey() << false << NoLagApiListModel::NetworkError
                               << 0;
}

void tst_ApiModels::loadErrors()
{
    QFETCH(QString, key);
    QFETCH(bool, reachable);
    QFETCH(NoLagApiListModel::Error, error);
    QFETCH(int, statusCode);

    NoLagApiOptions options = m_api->options();
    if (!reachable) {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        options.setBaseUrl(QUrl(u"http://127.0.0.1:%1/v1"_s.arg(closed.serverPort())));
    }
    NoLagApi api(key, options);

    NoLagActorsModel model;
    QSignalSpy occurred(&model, &NoLagApiListModel::errorOccurred);
    model.setApi(&api);
    QVERIFY(occurred.wait(20000));

    QCOMPARE(occurred.constFirst().constFirst().value<NoLagApiListModel::Error>(), error);
    QCOMPARE(model.error(), error);
    QCOMPARE(model.statusCode(), statusCode);
    QVERIFY(!model.errorString().isEmpty());
    QVERIFY(!model.isLoading());
    QCOMPARE(model.count(), 0);
}

void tst_ApiModels::keyChangeReloads()
{
    NoLagApi api(u"nlg_live_apitests.wrong"_s, m_api->options());
    NoLagActorsModel model;
    model.setApi(&api);
    QTRY_COMPARE_WITH_TIMEOUT(model.error(), NoLagApiListModel::AuthenticationError, 20000);

    QSignalSpy errorChanged(&model, &NoLagApiListModel::errorChanged);
    api.setApiKey(ApiTest::apiKey());
    QTRY_COMPARE_WITH_TIMEOUT(model.error(), NoLagApiListModel::NoError, 20000);
    QVERIFY(loadedCleanly(model));
    QVERIFY(model.count() > 0);
    QCOMPARE(errorChanged.size(), 1);
    QVERIFY(model.errorString().isEmpty());
}

void tst_ApiModels::modelWithoutApi()
{
    NoLagAppsModel model;
    auto outcome = watch(model.create({{u"name"_s, u"orphan"_s}}));
    QTRY_VERIFY(outcome->finished);
    QVERIFY(!outcome->succeeded);
    QCOMPARE(outcome->statusCode, 0);
    QVERIFY(!outcome->message.isEmpty());
}

void tst_ApiModels::apiDestroyed()
{
    auto api = std::make_unique<NoLagApi>(ApiTest::apiKey(), m_api->options());
    NoLagActorsModel model;
    QAbstractItemModelTester tester(&model);
    model.setApi(api.get());
    QVERIFY(loadedCleanly(model));
    QVERIFY(model.count() > 0);

    QSignalSpy apiChanged(&model, &NoLagApiListModel::apiChanged);
    api.reset();
    QCOMPARE(apiChanged.size(), 1);
    QCOMPARE(model.api(), nullptr);
    QTRY_COMPARE(model.count(), 0); // rows of an API that is gone are not kept
    QVERIFY(!model.isLoading());
}

void tst_ApiModels::destroyedWhileRequestsRun()
{
    // A model that goes away with a change still running is simply not told the outcome.
    auto model = std::make_unique<NoLagAppsModel>();
    model->setApi(m_api.get());
    QPointer<NoLagApiReply> reply = model->create({{u"name"_s, u"Orphaned Change"_s}});
    model.reset();
    QVERIFY(reply.isNull());

    // An API that goes away while a model loads fails the load; the model settles, empty.
    auto api = std::make_unique<NoLagApi>(ApiTest::apiKey(), m_api->options());
    NoLagActorsModel actors;
    QAbstractItemModelTester tester(&actors);
    actors.setApi(api.get());
    QTRY_VERIFY(actors.isLoading());
    QCoreApplication::processEvents(); // let the load start
    api.reset();
    QTRY_VERIFY(!actors.isLoading());
    QCOMPARE(actors.count(), 0);
    QCOMPARE(actors.error(), NoLagApiListModel::NoError);
}

void tst_ApiModels::replyDeletesItself()
{
    NoLagAppsModel model;
    model.setApi(m_api.get());
    QPointer<NoLagApiReply> reply = model.create({{u"name"_s, u"Short Lived"_s}});
    QVERIFY(reply);
    QSignalSpy finished(reply.data(), &NoLagApiReply::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(reply->status(), NoLagApiReply::Succeeded);
    QTRY_VERIFY(reply.isNull());
}

QTEST_GUILESS_MAIN(tst_ApiModels)
#include "tst_apimodels.moc"
