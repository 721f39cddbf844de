// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// ControlPlane::start(): the default project's API key (--api-key, generated, demo) and the
// demo project (--demo) with tokens that stay the same across restarts.
#include "controlplaneauthprovider.h"
#include "controlplanefixture.h"
#include "credentials.h"
#include "demoseed.h"

#include <QtCore/QFile>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

using namespace NoLag::Server;
using namespace NoLagTest;
using namespace Qt::StringLiterals;

namespace {

ControlPlaneOptions demoOptions()
{
    ControlPlaneOptions options;
    options.demo = true;
    return options;
}

QByteArray bearer(const QString &key)
{
    return "Bearer " + key.toUtf8();
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class tst_DemoSeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void demoProject();
    void stableAcrossRestarts();
    void deletedDemoActorStaysDeleted();
    void lostTokenFileMakesNewTokens();
    void earlierTokenFileFormat();
    void generatedKeyChangesEveryStart();
    void givenApiKey_data();
    void givenApiKey();
    void demoWithGivenKey();
};

void tst_DemoSeed::initTestCase()
{
    QLoggingCategory::setFilterRules(u"nolag.server.controlplane.info=false"_s);
}

void tst_DemoSeed::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

void tst_DemoSeed::demoProject()
{
    ControlPlaneFixture fixture(demoOptions());
    QVERIFY2(fixture.started, qPrintable(fixture.error));
    const QString key = fixture.controlPlane->apiKey();
    QVERIFY(key.startsWith(u"nlg_live_"_s));

    // The key works on the REST API and shows a real app, rooms and actors.
    const Reply apps = fixture.call("GET", u"/v1/apps"_s, {}, bearer(key));
    QCOMPARE(apps.status, 200);
    QCOMPARE(apps.object().value(u"total"_s).toInt(), 1);
    const QJsonObject app = apps.object().value(u"data"_s).toArray().at(0).toObject();
    QCOMPARE(app.value(u"slug"_s).toString(), u"demo"_s);
    QCOMPARE(app.value(u"blueprintId"_s).toString(), u"demo"_s);
    QCOMPARE(app.value(u"topics"_s).toArray(),
             QJsonArray({u"messages"_s, u"typing"_s, u"telemetry"_s}));
    QCOMPARE(app.value(u"config"_s).toObject().value(u"autoProvisionRooms"_s).toBool(), true);

    const QJsonArray rooms =
        fixture
            .call("GET", u"/v1/apps/%1/rooms"_s.arg(app.value(u"appId"_s).toString()), {},
                  bearer(key))
            .array();
    QCOMPARE(rooms.size(), 2);
    for (const QJsonValue &room : rooms) {
        QCOMPARE(room.toObject().value(u"roomType"_s).toString(), u"static"_s);
    }
    QCOMPARE(rooms.at(0).toObject().value(u"slug"_s).toString(), u"general"_s);
    QCOMPARE(rooms.at(1).toObject().value(u"slug"_s).toString(), u"support"_s);

    const QJsonArray actors = fixture.call("GET", u"/v1/actors"_s, {}, bearer(key)).array();
    QStringList names;
    for (const QJsonValue &actor : actors) {
        names.append(actor.toObject().value(u"name"_s).toString() + u'/' +
                     actor.toObject().value(u"actorType"_s).toString());
    }
    QCOMPARE(names,
             QStringList(
                 {u"alice/user"_s, u"bob/user"_s, u"explorer/observer"_s, u"sensor-1/device"_s}));

    // Every printed token authenticates, with rules on the demo topics.
    const QStringList message = fixture.controlPlane->startupMessage();
    QVERIFY(message.join(u'\n').contains(key));
    const QJsonObject file = readJson(demoTokensPath(fixture.directory.path()));
    QCOMPARE(file.value(u"apiKey"_s).toString(), key);
    const QJsonObject tokens = file.value(u"actors"_s).toObject();
    QCOMPARE(tokens.size(), 4);
    for (auto it = tokens.constBegin(); it != tokens.constEnd(); ++it) {
        const QString token = it.value().toString();
        QVERIFY(message.join(u'\n').contains(token));
        const AuthOutcome outcome = fixture.controlPlane->authProvider().authenticate(token);
        QVERIFY2(outcome.isGranted(), qPrintable(it.key()));
        QVERIFY(outcome.grant.rules.size() == 6);
        QCOMPARE(outcome.grant.rules.first().pattern, u"demo/general/messages"_s);
        QCOMPARE(outcome.grant.lobbies.first().slug, u"demo-lobby"_s);
    }

    // The credentials file is for its owner only.
    QCOMPARE(QFile::permissions(demoTokensPath(fixture.directory.path())) &
                 (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther |
                  QFileDevice::WriteOther),
             QFileDevice::Permissions());
}

void tst_DemoSeed::stableAcrossRestarts()
{
    ControlPlaneFixture fixture(demoOptions());
    QVERIFY2(fixture.started, qPrintable(fixture.error));
    const QString key = fixture.controlPlane->apiKey();
    const QStringList message = fixture.controlPlane->startupMessage();
    const QByteArray actorsBefore = fixture.call("GET", u"/v1/actors"_s, {}, bearer(key)).body;

    QVERIFY(fixture.open(demoOptions()));
    QCOMPARE(fixture.controlPlane->apiKey(), key);
    QCOMPARE(fixture.controlPlane->startupMessage(), message);
    QCOMPARE(fixture.call("GET", u"/v1/apps"_s, {}, bearer(key)).object().value(u"total"_s).toInt(),
             1);
    QCOMPARE(fixture.call("GET", u"/v1/actors"_s, {}, bearer(key)).body, actorsBefore);
}

void tst_DemoSeed::deletedDemoActorStaysDeleted()
{
    ControlPlaneFixture fixture(demoOptions());
    QVERIFY2(fixture.started, qPrintable(fixture.error));
    const QString key = fixture.controlPlane->apiKey();
    const QJsonArray actors = fixture.call("GET", u"/v1/actors"_s, {}, bearer(key)).array();
    const QString bobId = actors.at(1).toObject().value(u"actorTokenId"_s).toString();
    const QString bobToken = readJson(demoTokensPath(fixture.directory.path()))
                                 .value(u"actors"_s)
                                 .toObject()
                                 .value(u"bob"_s)
                                 .toString();
    QCOMPARE(fixture.call("DELETE", u"/v1/actors/"_s + bobId, {}, bearer(key)).status, 204);

    QVERIFY(fixture.open(demoOptions()));
    QCOMPARE(fixture.call("GET", u"/v1/actors"_s, {}, bearer(key)).array().size(), 3);
    QVERIFY(!fixture.controlPlane->startupMessage().join(u'\n').contains(bobToken));
    QVERIFY(!readJson(demoTokensPath(fixture.directory.path()))
                 .value(u"actors"_s)
                 .toObject()
                 .contains(u"bob"_s));

    // The same holds for the app.
    const QString appId = fixture.call("GET", u"/v1/apps"_s, {}, bearer(key))
                              .object()
                              .value(u"data"_s)
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(u"appId"_s)
                              .toString();
    QCOMPARE(fixture.call("DELETE", u"/v1/apps/"_s + appId, {}, bearer(key)).status, 200);
    QVERIFY(fixture.open(demoOptions()));
    QCOMPARE(fixture.call("GET", u"/v1/apps"_s, {}, bearer(key)).object().value(u"total"_s).toInt(),
             0);
}

void tst_DemoSeed::lostTokenFileMakesNewTokens()
{
    ControlPlaneFixture fixture(demoOptions());
    QVERIFY2(fixture.started, qPrintable(fixture.error));
    const QString oldKey = fixture.controlPlane->apiKey();
    const QString path = demoTokensPath(fixture.directory.path());
    const QString oldToken =
        readJson(path).value(u"actors"_s).toObject().value(u"alice"_s).toString();
    QVERIFY(QFile::remove(path));

    QVERIFY(fixture.open(demoOptions()));
    const QString newKey = fixture.controlPlane->apiKey();
    const QString newToken =
        readJson(path).value(u"actors"_s).toObject().value(u"alice"_s).toString();
    QVERIFY(newKey != oldKey);
    QVERIFY(newToken != oldToken);
    ControlPlaneAuthProvider &provider = fixture.controlPlane->authProvider();
    QVERIFY(provider.authenticate(newToken).isGranted());
    QVERIFY(!provider.authenticate(oldToken).isGranted());
    QCOMPARE(fixture.call("GET", u"/v1/apps"_s, {}, bearer(oldKey)).status, 401);
    QCOMPARE(fixture.call("GET", u"/v1/apps"_s, {}, bearer(newKey)).status, 200);
    // Still one set of demo actors.
    QCOMPARE(fixture.call("GET", u"/v1/actors"_s, {}, bearer(newKey)).array().size(), 4);

    // A damaged file is replaced too, without a crash.
    QFile damaged(path);
    QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
    damaged.write("{ not json");
    damaged.close();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"is not a JSON object"_s));
    QVERIFY(fixture.open(demoOptions()));
    QVERIFY(!fixture.controlPlane->authProvider().authenticate(newToken).isGranted());
    QVERIFY(readJson(path).value(u"actors"_s).toObject().size() == 4);
}

void tst_DemoSeed::earlierTokenFileFormat()
{
    ControlPlaneFixture fixture;
    const QString alice = Credentials::newActorToken();
    QFile file(demoTokensPath(fixture.directory.path()));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        QJsonDocument(QJsonObject{{u"alice"_s, alice}, {u"bob"_s, u"not-a-token"_s}}).toJson());
    file.close();

    QVERIFY(fixture.open(demoOptions()));
    const QJsonObject tokens =
        readJson(demoTokensPath(fixture.directory.path())).value(u"actors"_s).toObject();
    QCOMPARE(tokens.value(u"alice"_s).toString(), alice);
    QVERIFY(Credentials::isActorToken(tokens.value(u"bob"_s).toString()));
    const AuthOutcome outcome = fixture.controlPlane->authProvider().authenticate(alice);
    QVERIFY(outcome.isGranted());
}

void tst_DemoSeed::generatedKeyChangesEveryStart()
{
    ControlPlaneFixture fixture;
    QVERIFY(fixture.open(ControlPlaneOptions(), false));
    const QString first = fixture.controlPlane->apiKey();
    QVERIFY(Credentials::parseApiKey(first));
    QVERIFY(fixture.controlPlane->startupMessage().join(u'\n').contains(first));
    QCOMPARE(fixture.call("GET", u"/v1/apps"_s, {}, bearer(first)).status, 200);

    QVERIFY(fixture.open(ControlPlaneOptions(), false));
    const QString second = fixture.controlPlane->apiKey();
    QVERIFY(second != first);
    QCOMPARE(fixture.call("GET", u"/v1/apps"_s, {}, bearer(first)).status, 401);
    QCOMPARE(fixture.call("GET", u"/v1/apps"_s, {}, bearer(second)).status, 200);
    QVERIFY(!QFile::exists(demoTokensPath(fixture.directory.path())));
}

void tst_DemoSeed::givenApiKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("accepted");

    QTest::addRow("minimal") << u"nlg_live_a.b"_s << true;
    QTest::addRow("generated shape")
        << u"nlg_live_0123456789abcdef.AbC-_0123456789abcdefghijklmnopqrstuvwxyz1"_s << true;
    QTest::addRow("no prefix") << u"abc.def"_s << false;
    QTest::addRow("sandbox prefix") << u"nlg_sandbox_a.b"_s << false;
    QTest::addRow("no secret") << u"nlg_live_abc."_s << false;
    QTest::addRow("no dot") << u"nlg_live_abc"_s << false;
    QTest::addRow("space in secret") << u"nlg_live_a.b c"_s << false;
    QTest::addRow("dot in id") << u"nlg_live_a.b.c"_s << false;
}

void tst_DemoSeed::givenApiKey()
{
    QFETCH(QString, key);
    QFETCH(bool, accepted);

    ControlPlaneFixture fixture;
    ControlPlaneOptions options;
    options.apiKey = key;
    QCOMPARE(fixture.open(options), accepted);
    if (!accepted) {
        QVERIFY2(fixture.error.startsWith(u"--api-key: "_s), qPrintable(fixture.error));
        return;
    }
    QCOMPARE(fixture.call("GET", u"/v1/apps"_s, {}, bearer(key)).status, 200);
    QVERIFY(!fixture.controlPlane->startupMessage().join(u'\n').contains(key));
    // The key given at the previous start is no longer valid.
    QCOMPARE(fixture.call("GET", u"/v1/apps"_s).status, 401);
}

void tst_DemoSeed::demoWithGivenKey()
{
    ControlPlaneOptions options = demoOptions();
    options.apiKey = QString::fromLatin1(ControlPlaneFixture::key);
    ControlPlaneFixture fixture(options);
    QVERIFY2(fixture.started, qPrintable(fixture.error));
    QCOMPARE(fixture.controlPlane->apiKey(), options.apiKey);
    QVERIFY(!readJson(demoTokensPath(fixture.directory.path())).contains(u"apiKey"_s));
    QCOMPARE(fixture.call("GET", u"/v1/actors"_s).array().size(), 4);
}

QTEST_GUILESS_MAIN(tst_DemoSeed)
#include "tst_demoseed.moc"
