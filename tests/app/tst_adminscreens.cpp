// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// The admin view in the explorer's real window, connected to nolag-local --demo: each page
// is driven through its controller and checked on screen (the token dialog opens once, the
// confirmation asks, "show this actor's traffic" lands in Traffic with the sender filter, the
// palette runs a command), and a picture of each is saved.
//
// Pictures go to $NOLAG_SCREENSHOT_DIR when set (docs/screenshots for the README, taken
// under xvfb-run -a), else to a temporary folder; NOLAG_SCREENSHOT_THEME=dark takes them dark.

#include "admin/admincontroller.h"
#include "commands/commandpalettemodel.h"
#include "commands/commandregistry.h"
#include "common/explorerapp.h"
#include "common/explorerwindow.h"
#include "common/theme.h"
#include "localserver.h"

#include <NoLagQt/nolagapi.h>

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QTemporaryDir>
#include <QtQml/QQmlApplicationEngine>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuick/QQuickItem>
#include <QtQuick/QQuickWindow>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>

Q_IMPORT_QML_PLUGIN(NoLagExplorerPlugin)

using namespace Qt::StringLiterals;

class tst_AdminScreens : public QObject
{
    Q_OBJECT

private:
    QList<QObject *> all() const;
    QObject *item(const char *objectName) const;
    void showAdminPage(int page);
    void picture(const QString &name);
    bool isOpen(const char *objectName) const;
    QString actorId(const QString &name) const;

    NoLagTest::LocalServer m_server{{u"--demo"_s, u"--rate-limit"_s, u"0"_s}};
    QTemporaryDir m_settings;
    QTemporaryDir m_pictures;
    QString m_pictureDir;
    std::unique_ptr<ExplorerApp> m_explorer;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    Session *m_session = nullptr;
    AdminController *m_admin = nullptr;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void apps();
    void roomsWithGrants();
    void actors();
    void tokenShownOnce();
    void confirmation();
    void permissions();
    void actorTrafficOpensTraffic();
    void palette();
    void shortcuts();
};

namespace {

// Every object of the window: the items, and what each holds (controllers, popups). Objects
// made by a Repeater have no QObject parent, so the item tree is walked, not the QObject one.
void collect(QQuickItem *item, QList<QObject *> *objects)
{
    objects->append(item);
    objects->append(item->findChildren<QObject *>());
    for (QQuickItem *child : item->childItems()) {
        collect(child, objects);
    }
}

} // namespace

QList<QObject *> tst_AdminScreens::all() const
{
    QList<QObject *> objects;
    collect(m_window->contentItem(), &objects);
    return objects;
}

QObject *tst_AdminScreens::item(const char *objectName) const
{
    for (QObject *object : all()) {
        if (object->objectName() == QLatin1StringView(objectName)) {
            return object;
        }
    }
    return nullptr;
}

bool tst_AdminScreens::isOpen(const char *objectName) const
{
    for (QObject *object : all()) {
        if (object->objectName() != QLatin1StringView(objectName)) {
            continue;
        }
        if (object->property("opened").toBool()) {
            return true;
        }
    }
    return false;
}

QString tst_AdminScreens::actorId(const QString &name) const
{
    NoLagActorsModel *actors = m_admin->actors();
    for (int row = 0; row < actors->count(); ++row) {
        if (actors->actor(row).name() == name) {
            return actors->actor(row).actorTokenId();
        }
    }
    return QString();
}

void tst_AdminScreens::showAdminPage(int page)
{
    QObject *views = item("viewTabs");
    QVERIFY(views);
    views->setProperty("currentIndex", 5);
    QObject *pages = item("adminPages");
    QVERIFY(pages);
    pages->setProperty("currentIndex", page);
}

void tst_AdminScreens::picture(const QString &name)
{
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QSignalSpy swapped(m_window, &QQuickWindow::frameSwapped);
    m_window->requestUpdate();
    swapped.wait(2000);
    const QString path = QDir(m_pictureDir).filePath(name);
    QString error;
    QVERIFY2(ExplorerWindow::saveScreenshot(m_window, path, &error), qPrintable(error));
    QVERIFY(QImage(path).width() >= 1000);
}

void tst_AdminScreens::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QFile file(m_server.dataDirectory() + u"/demo-tokens.json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject demo = QJsonDocument::fromJson(file.readAll()).object();
    m_pictureDir = qEnvironmentVariable("NOLAG_SCREENSHOT_DIR", m_pictures.path());
    QVERIFY(QDir().mkpath(m_pictureDir));

    // Something to look at: a dynamic room, grants of two kinds, a deactivated actor.
    NoLagApiOptions apiOptions;
    apiOptions.setBaseUrl(QUrl(m_server.httpUrl().toString() + u"/v1"_s));
    NoLagApi api(demo.value(u"apiKey"_s).toString(), apiOptions);
    {
        AdminController seed;
        seed.setApi(&api);
        QSignalSpy apps(seed.apps(), &NoLagApiListModel::loaded);
        QSignalSpy actors(seed.actors(), &NoLagApiListModel::loaded);
        QVERIFY(apps.wait(10000));
        QTRY_VERIFY(actors.count() > 0);
        QVERIFY(seed.selectAppSlug(u"demo"_s));
        QSignalSpy rooms(seed.rooms(), &NoLagApiListModel::loaded);
        QVERIFY(rooms.wait(10000));

        QSignalSpy saved(&seed, &AdminController::roomSaved);
        seed.newRoom();
        seed.roomForm()->setValue(u"name"_s, u"Ticket 4711"_s);
        seed.roomForm()->setValue(u"topics"_s, u"messages, typing"_s);
        seed.saveRoom();
        QVERIFY(saved.wait(10000));

        QVERIFY(seed.selectRoomSlug(u"support"_s));
        QSignalSpy granted(&seed, &AdminController::grantSaved);
        const QList<std::pair<QString, QString>> grants{
            {u"explorer"_s, u"subscribe"_s}, {u"alice"_s, u"pubSub"_s}, {u"bob"_s, u"subscribe"_s}};
        for (const auto &[name, permission] : grants) {
            for (int row = 0; row < seed.actors()->count(); ++row) {
                if (seed.actors()->actor(row).name() == name) {
                    seed.grantForm()->setValue(u"actorTokenId"_s,
                                               seed.actors()->actor(row).actorTokenId());
                }
            }
            seed.grantForm()->setValue(u"permission"_s, permission);
            seed.addGrant();
            QVERIFY(granted.wait(10000));
        }
        seed.grantForm()->setValue(u"actorType"_s, u"device"_s);
        seed.grantForm()->setValue(u"permission"_s, u"publish"_s);
        seed.grantForm()->setValue(u"topics"_s, u"telemetry"_s);
        seed.addGrant();
        QVERIFY(granted.wait(10000));

        QSignalSpy created(&seed, &AdminController::actorCreated);
        seed.newActor();
        seed.actorForm()->setValue(u"name"_s, u"old-kiosk"_s);
        seed.actorForm()->setValue(u"actorType"_s, u"device"_s);
        seed.actorForm()->setValue(u"description"_s, u"Lobby kiosk, replaced in November"_s);
        seed.saveActor();
        QVERIFY(created.wait(10000));
        QSignalSpy actorSaved(&seed, &AdminController::actorSaved);
        seed.setActorActive(seed.actorRow(), false);
        seed.confirm();
        QVERIFY(actorSaved.wait(10000));
    }

    ExplorerOptions options;
    options.noKeychain = true;
    options.settingsPath = m_settings.filePath(u"settings.ini"_s);
    options.hasConnection = true;
    options.connection.name = u"nolag-local demo"_s;
    options.connection.brokerUrl = m_server.webSocketUrl();
    options.connection.token = demo.value(u"actors"_s).toObject().value(u"explorer"_s).toString();
    options.connection.apiKey = demo.value(u"apiKey"_s).toString();
    m_explorer = std::make_unique<ExplorerApp>(options);

    if (qEnvironmentVariable("NOLAG_SCREENSHOT_THEME") == "dark"_L1) {
        Theme::instance()->setMode(Theme::Dark);
    }
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_window = ExplorerWindow::load(*m_engine);
    QVERIFY(m_window);
    m_explorer->start();
    m_session = m_explorer->sessions()->current();
    QVERIFY(m_session);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), Session::Connected, 15000);

    for (QObject *object : all()) {
        if (auto *admin = qobject_cast<AdminController *>(object)) {
            m_admin = admin;
        }
    }
    QVERIFY(m_admin);
    QVERIFY(m_admin->isAvailable());
    QTRY_VERIFY_WITH_TIMEOUT(m_admin->apps()->count() > 0 && m_admin->actors()->count() > 0, 10000);
}

void tst_AdminScreens::cleanupTestCase()
{
    m_engine.reset();
    m_explorer.reset();
}

void tst_AdminScreens::apps()
{
    showAdminPage(0);
    QVERIFY(m_admin->selectAppSlug(u"demo"_s));
    QTRY_VERIFY(m_admin->rooms()->count() >= 3);
    QObject *name = item("appName");
    QVERIFY(name);
    QCOMPARE(name->findChild<QObject *>(u"input"_s)->property("text").toString(), u"Demo"_s);
    picture(u"admin-apps.png"_s);
}

void tst_AdminScreens::roomsWithGrants()
{
    showAdminPage(1);
    QVERIFY(m_admin->selectRoomSlug(u"support"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_admin->grants()->count(), 4, 10000);
    QVERIFY(item("revokeButton"));
    picture(u"admin-rooms.png"_s);
}

void tst_AdminScreens::actors()
{
    showAdminPage(2);
    m_admin->selectActor(m_admin->actors()->indexOf(actorId(u"sensor-1"_s)));
    QCOMPARE(m_admin->actorName(), u"sensor-1"_s);
    picture(u"admin-actors.png"_s);
}

void tst_AdminScreens::tokenShownOnce()
{
    showAdminPage(2);
    m_admin->newActor();
    m_admin->actorForm()->setValue(u"name"_s, u"night-sensor"_s);
    m_admin->actorForm()->setValue(u"actorType"_s, u"device"_s);
    m_admin->actorForm()->setValue(u"description"_s, u"Temperature, north wing"_s);
    QSignalSpy created(m_admin, &AdminController::actorCreated);
    m_admin->saveActor();
    QVERIFY(created.wait(10000));
    QTRY_VERIFY(isOpen("tokenDialog"));
    picture(u"admin-token.png"_s);

    m_admin->dismissToken();
    QTRY_VERIFY(!isOpen("tokenDialog"));
    QVERIFY(m_admin->newToken().isEmpty());
}

void tst_AdminScreens::confirmation()
{
    showAdminPage(2);
    m_admin->requestDeleteActor(m_admin->actors()->indexOf(actorId(u"night-sensor"_s)));
    QTRY_VERIFY(isOpen("confirmDialog"));
    picture(u"admin-confirm.png"_s);
    m_admin->cancelConfirmation();
    QTRY_VERIFY(!isOpen("confirmDialog"));
    QVERIFY(m_admin->actors()->indexOf(actorId(u"night-sensor"_s)) >= 0);
}

void tst_AdminScreens::permissions()
{
    showAdminPage(3);
    QSignalSpy finished(m_admin->permissions(), &AdminPermissionsModel::finished);
    m_admin->inspectActor(m_admin->actors()->indexOf(actorId(u"sensor-1"_s)));
    QVERIFY(finished.wait(10000));
    QVERIFY(m_admin->permissions()->count() > 0);
    picture(u"admin-permissions.png"_s);
}

void tst_AdminScreens::actorTrafficOpensTraffic()
{
    showAdminPage(2);
    const QString alice = actorId(u"alice"_s);
    m_admin->showActorTraffic(m_admin->actors()->indexOf(alice));
    QTRY_COMPARE(item("viewTabs")->property("currentIndex").toInt(), 0);
    QCOMPARE(m_session->traffic()->senderFilter(), alice);
    m_session->traffic()->setSenderFilter(QString());
}

void tst_AdminScreens::palette()
{
    QVERIFY(CommandRegistry::instance()->trigger(u"palette.open"_s));
    QTRY_VERIFY(isOpen("commandPalette"));
    QObject *field = item("paletteField");
    QVERIFY(field);
    QTRY_VERIFY(field->property("activeFocus").toBool());
    auto *model = item("commandPalette")->property("model").value<CommandPaletteModel *>();
    QVERIFY(model);
    QCOMPARE(model->registry(), CommandRegistry::instance());
    for (const QChar c : u"show"_s) {
        QTest::keyClick(m_window, c.toLatin1());
    }
    QTRY_VERIFY(model->count() >= 6);
    QTest::keyClick(m_window, Qt::Key_Down);
    QCOMPARE(model->currentIndex(), 1);
    picture(u"command-palette.png"_s);

    for (const QChar c : u" ad"_s) {
        QTest::keyClick(m_window, c.toLatin1());
    }
    QTRY_COMPARE(field->property("text").toString(), u"show ad"_s);
    QCOMPARE(model->commandIdAt(0), u"view.admin"_s);

    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_VERIFY(!isOpen("commandPalette"));
    QTRY_COMPARE(item("viewTabs")->property("currentIndex").toInt(), 5);
}

void tst_AdminScreens::shortcuts()
{
    QObject *views = item("viewTabs");
    QTest::keyClick(m_window, Qt::Key_6, Qt::ControlModifier);
    QTRY_COMPARE(views->property("currentIndex").toInt(), 5);
    QTest::keyClick(m_window, Qt::Key_1, Qt::ControlModifier);
    QTRY_COMPARE(views->property("currentIndex").toInt(), 0);

    QVERIFY(!m_session->traffic()->isPaused());
    QTest::keyClick(m_window, Qt::Key_P, Qt::ControlModifier);
    QTRY_VERIFY(m_session->traffic()->isPaused());
    QTest::keyClick(m_window, Qt::Key_P, Qt::ControlModifier);
    QTRY_VERIFY(!m_session->traffic()->isPaused());

    QTest::keyClick(m_window, Qt::Key_4, Qt::ControlModifier);
    QTRY_COMPARE(views->property("currentIndex").toInt(), 3);
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(views->property("currentIndex").toInt(), 0);
    QTRY_VERIFY(item("topicField")->property("activeFocus").toBool());

    // The palette opens from a text field too (which would take Ctrl+K to delete a line).
    QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(isOpen("commandPalette"));
    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_VERIFY(!isOpen("commandPalette"));

    // Publish (Ctrl+Return) works in the publish view only.
    Publisher *publisher = m_session->publisher();
    publisher->setTopic(u"demo/general/messages"_s);
    publisher->setPayload(u"{\"text\": \"sent with Ctrl+Return\"}"_s);
    QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(publisher->lastResult().isEmpty());
    QTest::keyClick(m_window, Qt::Key_4, Qt::ControlModifier);
    QTRY_COMPARE(views->property("currentIndex").toInt(), 3);
    QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(!publisher->lastResult().isEmpty());
    QVERIFY2(!publisher->lastResultFailed(), qPrintable(publisher->lastResult()));

    QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(isOpen("commandPalette"));
    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_VERIFY(!isOpen("commandPalette"));
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv); // Qt Charts in QML draws through Qt Widgets
    ExplorerWindow::setUpApplication();
    tst_AdminScreens test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_adminscreens.moc"
