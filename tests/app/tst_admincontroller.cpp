// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// The admin controller against the real nolag-local started with --demo: apps, rooms,
// grants and actors made and changed through it, the server's refusals landing on the right
// field, confirmations that hold destructive actions back, the token shown once, and "what
// may this token do" checked against a real connection.

#include "admin/admincontroller.h"
#include "localserver.h"

#include <NoLagQt/nolagapi.h>
#include <NoLagQt/nolagclient.h>

#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class tst_AdminController : public QObject
{
    Q_OBJECT

private:
    bool waitLoaded(NoLagApiListModel *model);
    QString actorId(const QString &name) const;
    int roomRow(const QString &slug) const;

    NoLagTest::LocalServer m_server{{u"--demo"_s, u"--rate-limit"_s, u"0"_s}};
    QJsonObject m_demo;
    std::unique_ptr<NoLagApi> m_api;
    std::unique_ptr<AdminController> m_admin;

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void listsTheDemoProject();
    void createsAnAppAndARoom();
    void serverRefusalsLandOnTheField_data();
    void serverRefusalsLandOnTheField();
    void ensureNeedsAutoProvision();
    void staticRoomsAreNotDeleted();
    void disablingAsksFirst();
    void grantMakesTheRoomPrivate();
    void actorLifecycle();
    void tokenIsAskedOfTheBroker_data();
    void tokenIsAskedOfTheBroker();
    void deletedElsewhereIsNotFound();
    void wrongApiKeyIsSaidPlainly();
    void showActorTrafficAsksForTheTrafficView();
};

bool tst_AdminController::waitLoaded(NoLagApiListModel *model)
{
    QSignalSpy loaded(model, &NoLagApiListModel::loaded);
    model->reload();
    return loaded.wait(10000) && model->error() == NoLagApiListModel::NoError;
}

QString tst_AdminController::actorId(const QString &name) const
{
    NoLagActorsModel *actors = m_admin->actors();
    for (int row = 0; row < actors->count(); ++row) {
        if (actors->actor(row).name() == name) {
            return actors->actor(row).actorTokenId();
        }
    }
    return QString();
}

int tst_AdminController::roomRow(const QString &slug) const
{
    NoLagRoomsModel *rooms = m_admin->rooms();
    for (int row = 0; row < rooms->count(); ++row) {
        if (rooms->room(row).slug() == slug) {
            return row;
        }
    }
    return -1;
}

void tst_AdminController::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));

    QFile tokens(m_server.dataDirectory() + u"/demo-tokens.json"_s);
    QVERIFY2(tokens.open(QIODevice::ReadOnly), qPrintable(tokens.errorString()));
    m_demo = QJsonDocument::fromJson(tokens.readAll()).object();
    QVERIFY(!m_demo.value(u"apiKey"_s).toString().isEmpty());

    NoLagApiOptions options;
    options.setBaseUrl(QUrl(m_server.httpUrl().toString() + u"/v1"_s));
    m_api = std::make_unique<NoLagApi>(m_demo.value(u"apiKey"_s).toString(), options);
}

void tst_AdminController::init()
{
    m_admin = std::make_unique<AdminController>();
    m_admin->setApi(m_api.get(), m_server.webSocketUrl());
    QVERIFY(m_admin->isAvailable());
    QVERIFY(waitLoaded(m_admin->apps()));
    QVERIFY(waitLoaded(m_admin->actors()));
    QVERIFY(m_admin->selectAppSlug(u"demo"_s));
    QVERIFY(waitLoaded(m_admin->rooms()));
}

void tst_AdminController::cleanupTestCase()
{
    m_admin.reset();
    m_api.reset();
}

void tst_AdminController::listsTheDemoProject()
{
    QCOMPARE(m_admin->appSlug(), u"demo"_s);
    QCOMPARE(m_admin->appForm()->mode(), AdminForm::Edit);
    QCOMPARE(m_admin->appForm()->value(u"name"_s).toString(), u"Demo"_s);
    QVERIFY(roomRow(u"general"_s) >= 0);
    QVERIFY(roomRow(u"support"_s) >= 0);
    for (const QString &name : {u"alice"_s, u"bob"_s, u"explorer"_s, u"sensor-1"_s}) {
        QVERIFY2(!actorId(name).isEmpty(), qPrintable(name));
    }
}

void tst_AdminController::createsAnAppAndARoom()
{
    const int apps = m_admin->apps()->count();
    m_admin->newApp();
    m_admin->appForm()->setValue(u"name"_s, u"Ops Board"_s);
    m_admin->appForm()->setValue(u"topics"_s, u"alerts, status"_s);
    QSignalSpy appSaved(m_admin.get(), &AdminController::appSaved);
    m_admin->saveApp();
    QVERIFY(appSaved.wait(10000));
    QCOMPARE(m_admin->apps()->count(), apps + 1);
    QCOMPARE(m_admin->appId(), appSaved.at(0).at(0).toString());
    QVERIFY2(m_admin->appSlug().startsWith(u"ops-board-"_s), qPrintable(m_admin->appSlug()));
    QCOMPARE(m_admin->appForm()->mode(), AdminForm::Edit);

    m_admin->newRoom();
    m_admin->roomForm()->setValue(u"name"_s, u"Night Shift"_s);
    QSignalSpy roomSaved(m_admin.get(), &AdminController::roomSaved);
    m_admin->saveRoom();
    QVERIFY(roomSaved.wait(10000));
    // The app's rooms may still be loading: the controller loads them once more.
    QTRY_COMPARE_WITH_TIMEOUT(m_admin->roomSlug(), u"night-shift"_s, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_admin->rooms()->isLoading(), 10000);
    QCOMPARE(m_admin->roomSlug(), u"night-shift"_s);
    QVERIFY(!m_admin->roomIsStatic());
    QCOMPARE(m_admin->roomForm()->value(u"topics"_s).toString(), u"alerts, status"_s);

    // Edit its topics; the list row follows.
    m_admin->roomForm()->setValue(u"topics"_s, u"alerts"_s);
    m_admin->saveRoom();
    QVERIFY(roomSaved.wait(10000));
    QCOMPARE(m_admin->rooms()->room(m_admin->roomRow()).topics(), QStringList{u"alerts"_s});

    // Delete it, after confirming.
    QSignalSpy removed(m_admin.get(), &AdminController::removed);
    m_admin->requestDeleteRoom(m_admin->roomRow());
    QVERIFY(m_admin->isConfirmationPending());
    QVERIFY(m_admin->confirmationText().contains(u"night-shift"_s));
    m_admin->confirm();
    QVERIFY(!m_admin->isConfirmationPending());
    QVERIFY(removed.wait(10000));
    QCOMPARE(roomRow(u"night-shift"_s), -1);
    QVERIFY(m_admin->roomId().isEmpty());

    // And the app, after confirming; cancelled first, nothing happens.
    const QString appId = m_admin->appId();
    m_admin->requestDeleteApp(m_admin->appRow());
    QVERIFY(m_admin->confirmationTitle().contains(u"Ops Board"_s));
    m_admin->cancelConfirmation();
    QVERIFY(waitLoaded(m_admin->apps()));
    QVERIFY(m_admin->apps()->indexOf(appId) >= 0);

    m_admin->requestDeleteApp(m_admin->appRow());
    m_admin->confirm();
    QVERIFY(removed.wait(10000));
    QCOMPARE(removed.last().at(0).toString(), appId);
    QCOMPARE(m_admin->apps()->count(), apps);
    QVERIFY(m_admin->appId().isEmpty());
    QCOMPARE(m_admin->appForm()->mode(), AdminForm::Create);
}

void tst_AdminController::serverRefusalsLandOnTheField_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QVariantMap>("values");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("shown");

    // Each passes the local rules and is refused by the server only.
    QTest::addRow("room slug taken")
        << u"room"_s << QVariantMap{{u"name"_s, u"Second general"_s}, {u"slug"_s, u"general"_s}}
        << 409 << u"slug"_s << u"already exists"_s;
    QTest::addRow("room name taken as slug") << u"room"_s << QVariantMap{{u"name"_s, u"Support"_s}}
                                             << 409 << u"slug"_s << u"\"support\" already exists"_s;
    QTest::addRow("app slug too long for its suffix")
        << u"app"_s << QVariantMap{{u"name"_s, u"Long"_s}, {u"slug"_s, QString(98, u'a')}} << 400
        << u"slug"_s << u"at most 95 characters"_s;
    QTest::addRow("app slug made of nothing") << u"app"_s << QVariantMap{{u"name"_s, u"!!!"_s}}
                                              << 400 << u"slug"_s << u"no slug can be made"_s;
    QTest::addRow("grant to an actor that does not exist")
        << u"grant"_s << QVariantMap{{u"actorTokenId"_s, u"no-such-actor"_s}} << 400
        << u"actorTokenId"_s << u"has no actor"_s;
}

void tst_AdminController::serverRefusalsLandOnTheField()
{
    QFETCH(QString, entity);
    QFETCH(QVariantMap, values);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(QString, shown);

    AdminForm *form = nullptr;
    if (entity == "app"_L1) {
        m_admin->newApp();
        form = m_admin->appForm();
    } else if (entity == "room"_L1) {
        m_admin->newRoom();
        form = m_admin->roomForm();
    } else {
        m_admin->selectRoom(roomRow(u"general"_s));
        form = m_admin->grantForm();
    }
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        form->setValue(it.key(), it.value());
    }
    QVERIFY2(form->validate(), qPrintable(form->errors().keys().join(u", "_s)));

    QSignalSpy failed(m_admin.get(), &AdminController::operationFailed);
    if (entity == "app"_L1) {
        m_admin->saveApp();
    } else if (entity == "room"_L1) {
        m_admin->saveRoom();
    } else {
        m_admin->addGrant();
    }
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(0).at(0).toInt(), status);
    QVERIFY2(form->error(field).contains(shown, Qt::CaseInsensitive),
             qPrintable(form->error(field)));
    QVERIFY(!m_admin->errorString().isEmpty());
    QCOMPARE(m_admin->busy(), 0);
}

void tst_AdminController::ensureNeedsAutoProvision()
{
    // The demo app allows rooms on demand: ensure creates once, then finds the same room.
    m_admin->newRoom();
    m_admin->roomForm()->setValue(u"name"_s, u"Ticket 42"_s);
    m_admin->roomForm()->setValue(u"slug"_s, u"ticket-42"_s);
    QSignalSpy saved(m_admin.get(), &AdminController::roomSaved);
    m_admin->ensureRoom();
    QVERIFY(saved.wait(10000));
    const QString roomId = saved.at(0).at(0).toString();
    QVERIFY(m_admin->statusMessage().contains(u"Created"_s));

    m_admin->newRoom();
    m_admin->roomForm()->setValue(u"name"_s, u"Another name"_s);
    m_admin->roomForm()->setValue(u"slug"_s, u"ticket-42"_s);
    m_admin->ensureRoom();
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.at(1).at(0).toString(), roomId);
    QVERIFY(m_admin->statusMessage().contains(u"already existed"_s));
    QCOMPARE(m_admin->roomForm()->value(u"name"_s).toString(), u"Ticket 42"_s);

    // A new app does not: 403, said plainly on the form.
    m_admin->newApp();
    m_admin->appForm()->setValue(u"name"_s, u"Strict"_s);
    QSignalSpy appSaved(m_admin.get(), &AdminController::appSaved);
    m_admin->saveApp();
    QVERIFY(appSaved.wait(10000));
    QVERIFY(waitLoaded(m_admin->rooms()));
    m_admin->newRoom();
    m_admin->roomForm()->setValue(u"name"_s, u"On demand"_s);
    QSignalSpy failed(m_admin.get(), &AdminController::operationFailed);
    m_admin->ensureRoom();
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(0).at(0).toInt(), 403);
    QVERIFY2(m_admin->roomForm()->formError().startsWith(u"Not allowed (HTTP 403)"_s),
             qPrintable(m_admin->roomForm()->formError()));
}

void tst_AdminController::staticRoomsAreNotDeleted()
{
    const int row = roomRow(u"general"_s);
    m_admin->selectRoom(row);
    QVERIFY(m_admin->roomIsStatic());
    m_admin->requestDeleteRoom(row);
    QVERIFY(!m_admin->isConfirmationPending());
    QVERIFY(m_admin->errorString().contains(u"static"_s));
    QVERIFY(waitLoaded(m_admin->rooms()));
    QCOMPARE(roomRow(u"general"_s), row);
}

void tst_AdminController::disablingAsksFirst()
{
    const int row = roomRow(u"support"_s);
    m_admin->selectRoom(row);
    QVERIFY(m_admin->roomEnabled());

    m_admin->setRoomEnabled(row, false);
    QVERIFY(m_admin->isConfirmationPending());
    m_admin->cancelConfirmation();
    QVERIFY(waitLoaded(m_admin->rooms()));
    QVERIFY(m_admin->roomEnabled());

    QSignalSpy saved(m_admin.get(), &AdminController::roomSaved);
    m_admin->setRoomEnabled(row, false);
    m_admin->confirm();
    QVERIFY(saved.wait(10000));
    QVERIFY(!m_admin->roomEnabled());
    QCOMPARE(m_admin->roomForm()->value(u"enabled"_s).toBool(), false);

    m_admin->setRoomEnabled(m_admin->roomRow(), true); // no question asked
    QVERIFY(!m_admin->isConfirmationPending());
    QVERIFY(saved.wait(10000));
    QVERIFY(m_admin->roomEnabled());
}

void tst_AdminController::grantMakesTheRoomPrivate()
{
    const QString bob = actorId(u"bob"_s);
    m_admin->selectRoom(roomRow(u"support"_s));
    QVERIFY(waitLoaded(m_admin->grants()));
    QCOMPARE(m_admin->grants()->count(), 0);

    m_admin->grantForm()->setValue(u"actorTokenId"_s, bob);
    m_admin->grantForm()->setValue(u"permission"_s, u"subscribe"_s);
    QSignalSpy granted(m_admin.get(), &AdminController::grantSaved);
    m_admin->addGrant();
    QVERIFY(granted.wait(10000));
    QCOMPARE(m_admin->grants()->count(), 1);
    QVERIFY(m_admin->statusMessage().contains(u"private"_s));
    QCOMPARE(m_admin->grantSubject(0), u"bob"_s);

    // What bob and alice may do now, worked out from the same state.
    QSignalSpy finished(m_admin->permissions(), &AdminPermissionsModel::finished);
    m_admin->inspectActor(m_admin->actors()->indexOf(bob));
    QVERIFY(finished.wait(10000));
    QStringList bobs;
    for (const AdminAccessRule &rule : m_admin->permissions()->rules()) {
        if (rule.appSlug == "demo"_L1) {
            bobs.append(rule.topic + (rule.publish ? u" pub"_s : u" sub"_s));
        }
    }
    QVERIFY2(bobs.contains(u"demo/support/messages sub"_s), qPrintable(bobs.join(u", "_s)));
    QVERIFY2(bobs.contains(u"demo/general/messages pub"_s), qPrintable(bobs.join(u", "_s)));

    m_admin->inspectActor(m_admin->actors()->indexOf(actorId(u"alice"_s)));
    QVERIFY(finished.wait(10000));
    for (const AdminAccessRule &rule : m_admin->permissions()->rules()) {
        QVERIFY2(rule.topic != "demo/support/messages"_L1, "alice still reaches support");
    }

    // Revoking asks first; confirmed, the room is open again.
    QSignalSpy removed(m_admin.get(), &AdminController::removed);
    m_admin->requestRevokeGrant(0);
    QVERIFY(m_admin->confirmationText().contains(u"open to every actor"_s));
    m_admin->confirm();
    QVERIFY(removed.wait(10000));
    QCOMPARE(m_admin->grants()->count(), 0);
}

void tst_AdminController::actorLifecycle()
{
    m_admin->newActor();
    m_admin->actorForm()->setValue(u"name"_s, u"tester"_s);
    m_admin->actorForm()->setValue(u"actorType"_s, u"device"_s);
    QSignalSpy created(m_admin.get(), &AdminController::actorCreated);
    m_admin->saveActor();
    QVERIFY(created.wait(10000));
    const QString id = created.at(0).at(0).toString();
    const QString token = created.at(0).at(1).toString();
    QVERIFY2(token.startsWith(u"at_"_s), "the new actor's token");
    QCOMPARE(m_admin->newToken(), token);
    QCOMPARE(m_admin->newTokenActor(), u"tester"_s);
    QCOMPARE(m_admin->actorId(), id);
    for (int row = 0; row < m_admin->actors()->count(); ++row) {
        QVERIFY(!m_admin->actors()->itemAt(row).contains(u"accessToken"_s));
    }
    m_admin->dismissToken();
    QVERIFY(m_admin->newToken().isEmpty());

    // The token is real: it connects as the new actor.
    NoLagOptions options(m_server.webSocketUrl());
    options.setReconnectEnabled(false);
    NoLagClient client(token, options);
    QSignalSpy connected(&client, &NoLagClient::connected);
    client.connectToServer();
    QVERIFY(connected.wait(10000));
    QCOMPARE(client.actorId(), id);
    client.disconnectFromServer();

    // Deactivating asks first, then the actor may do nothing.
    QSignalSpy saved(m_admin.get(), &AdminController::actorSaved);
    m_admin->setActorActive(m_admin->actorRow(), false);
    QVERIFY(m_admin->isConfirmationPending());
    m_admin->confirm();
    QVERIFY(saved.wait(10000));
    QVERIFY(!m_admin->actorActive());
    QSignalSpy finished(m_admin->permissions(), &AdminPermissionsModel::finished);
    m_admin->inspectActor(m_admin->actorRow());
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_admin->permissions()->count(), 0);
    QVERIFY(m_admin->permissions()->summary().contains(u"deactivated"_s));

    m_admin->setActorActive(m_admin->actorRow(), true);
    QVERIFY(saved.wait(10000));
    QVERIFY(m_admin->actorActive());

    QSignalSpy removed(m_admin.get(), &AdminController::removed);
    m_admin->requestDeleteActor(m_admin->actorRow());
    QVERIFY(m_admin->confirmationTitle().contains(u"tester"_s));
    m_admin->confirm();
    QVERIFY(removed.wait(10000));
    QCOMPARE(m_admin->actors()->indexOf(id), -1);
    QVERIFY(m_admin->actorId().isEmpty());
}

void tst_AdminController::tokenIsAskedOfTheBroker_data()
{
    QTest::addColumn<QString>("actor"); // empty: a token the broker refuses
    QTest::addRow("alice's token") << u"alice"_s;
    QTest::addRow("sensor-1's token") << u"sensor-1"_s;
    QTest::addRow("a made-up token") << u""_s;
}

void tst_AdminController::tokenIsAskedOfTheBroker()
{
    QFETCH(QString, actor);

    const QString token = actor.isEmpty()
        ? u"at_live_000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s
        : m_demo.value(u"actors"_s).toObject().value(actor).toString();
    QVERIFY(!token.isEmpty());

    QSignalSpy finished(m_admin->permissions(), &AdminPermissionsModel::finished);
    m_admin->inspectToken(token);
    QVERIFY(finished.wait(15000));
    AdminPermissionsModel *permissions = m_admin->permissions();
    if (actor.isEmpty()) {
        QVERIFY2(permissions->errorString().contains(u"refused"_s),
                 qPrintable(permissions->errorString()));
        QCOMPARE(permissions->count(), 0);
        return;
    }
    QCOMPARE(permissions->errorString(), QString());
    QCOMPARE(permissions->actorTokenId(), actorId(actor));
    QVERIFY(permissions->subject().startsWith(actor));
    QVERIFY(permissions->count() > 0);

    // Every topic it lists is one the token may really subscribe to.
    NoLagClient client(token, NoLagOptions(m_server.webSocketUrl()));
    QSignalSpy connected(&client, &NoLagClient::connected);
    client.connectToServer();
    QVERIFY(connected.wait(10000));
    const QString topic =
        permissions->data(permissions->index(0), AdminPermissionsModel::TopicRole).toString();
    NoLagSubscription *subscription = client.subscribe(topic);
    QVERIFY(subscription);
    QTRY_COMPARE_WITH_TIMEOUT(subscription->state(), NoLagSubscription::Active, 10000);
}

void tst_AdminController::deletedElsewhereIsNotFound()
{
    m_admin->newApp();
    m_admin->appForm()->setValue(u"name"_s, u"Short lived"_s);
    QSignalSpy saved(m_admin.get(), &AdminController::appSaved);
    m_admin->saveApp();
    QVERIFY(saved.wait(10000));
    const QString id = saved.at(0).at(0).toString();

    // Someone else deletes it; saving a change then meets 404.
    bool gone = false;
    m_api->apps().remove(id).then(this, [&gone](const QJsonObject &) { gone = true; });
    QTRY_VERIFY_WITH_TIMEOUT(gone, 10000);

    m_admin->appForm()->setValue(u"description"_s, u"changed"_s);
    QSignalSpy failed(m_admin.get(), &AdminController::operationFailed);
    m_admin->saveApp();
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(0).at(0).toInt(), 404);
    QVERIFY2(m_admin->appForm()->formError().startsWith(u"Not found (HTTP 404)"_s),
             qPrintable(m_admin->appForm()->formError()));
    QTRY_COMPARE_WITH_TIMEOUT(m_admin->apps()->indexOf(id), -1, 10000);
}

void tst_AdminController::wrongApiKeyIsSaidPlainly()
{
    NoLagApi api(u"nlg_live_wrong.key"_s, m_api->options());
    AdminController admin;
    admin.setApi(&api);
    admin.newApp();
    admin.appForm()->setValue(u"name"_s, u"Nope"_s);
    QSignalSpy failed(&admin, &AdminController::operationFailed);
    admin.saveApp();
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(0).at(0).toInt(), 401);
    QVERIFY2(admin.appForm()->formError().contains(u"refused the API key"_s),
             qPrintable(admin.appForm()->formError()));
    QVERIFY(!admin.errorString().contains(u"nlg_live_wrong"_s));
}

void tst_AdminController::showActorTrafficAsksForTheTrafficView()
{
    const QString alice = actorId(u"alice"_s);
    QSignalSpy requested(m_admin.get(), &AdminController::trafficRequested);
    m_admin->showActorTraffic(m_admin->actors()->indexOf(alice));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), alice);

    m_admin->showActorTraffic(-1);
    QCOMPARE(requested.count(), 1);
}

QTEST_MAIN(tst_AdminController)

#include "tst_admincontroller.moc"
