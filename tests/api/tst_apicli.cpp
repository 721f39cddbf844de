// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// "nolag apps|rooms|actors|scopes ..." end to end: the real nolag binary against the real
// nolag-local, as a script would use it.
#include "apitesthelpers.h"
#include "localserver.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtNetwork/QTcpServer>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject object() const { return QJsonDocument::fromJson(out).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(out).array(); }
    QString describe() const
    {
        return u"exit %1, stderr: %2"_s.arg(QString::number(exitCode), QString::fromUtf8(err));
    }
};

QString cliBinary()
{
#ifdef NOLAG_CLI_BINARY
    return QStringLiteral(NOLAG_CLI_BINARY);
#else
    return QString();
#endif
}

} // namespace

class tst_ApiCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void help_data();
    void help();
    void usageErrors_data();
    void usageErrors();
    void apiErrors_data();
    void apiErrors();
    void apps();
    void jsonBodyAndFlags();
    void roomsAndGrants();
    void actorsAndScopes();
    void apiUrlFlagBeatsTheEnvironment();

private:
    Run nolag(const QStringList &arguments, const QProcessEnvironment &environment) const;
    Run nolag(const QStringList &arguments) const { return nolag(arguments, m_environment); }

    std::unique_ptr<NoLagTest::LocalServer> m_server;
    QProcessEnvironment m_environment;
    QString m_apiUrl;
};

void tst_ApiCli::initTestCase()
{
    QVERIFY2(QFile::exists(cliBinary()), "the nolag tool was not built");
    m_server =
        std::make_unique<NoLagTest::LocalServer>(QStringList{u"--api-key"_s, ApiTest::apiKey()});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));

    m_apiUrl = m_server->httpUrl().toString() + u"/v1"_s;
    m_environment = QProcessEnvironment::systemEnvironment();
    m_environment.insert(u"NOLAG_API_URL"_s, m_apiUrl);
    m_environment.insert(u"NOLAG_API_KEY"_s, ApiTest::apiKey());
}

void tst_ApiCli::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

Run tst_ApiCli::nolag(const QStringList &arguments, const QProcessEnvironment &environment) const
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(cliBinary(), arguments);
    Run run;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        run.err = "the nolag tool did not finish";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

void tst_ApiCli::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");

    QTest::addRow("tool") << QStringList{u"--help"_s} << u"apps"_s;
    QTest::addRow("apps") << QStringList{u"apps"_s, u"--help"_s} << u"reset APP_ID"_s;
    QTest::addRow("rooms") << QStringList{u"rooms"_s, u"help"_s} << u"ensure APP_ID"_s;
    QTest::addRow("actors create")
        << QStringList{u"actors"_s, u"create"_s, u"--help"_s} << u"--type"_s;
    QTest::addRow("rooms grant") << QStringList{u"rooms"_s, u"grant"_s, u"-h"_s}
                                 << u"--permission"_s;
    QTest::addRow("scopes add-actor")
        << QStringList{u"scopes"_s, u"add-actor"_s, u"--help"_s} << u"SCOPE_ID ACTOR_ID"_s;
}

void tst_ApiCli::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);

    // Help needs neither a key nor a server.
    const Run run = nolag(arguments, QProcessEnvironment());
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(expected.toUtf8()), run.out.constData());
    QVERIFY(run.err.isEmpty());
}

void tst_ApiCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("withKey");
    QTest::addColumn<QString>("expected"); // in the one line on standard error

    QTest::addRow("no action") << QStringList{u"apps"_s} << true << u"Usage: nolag apps"_s;
    QTest::addRow("unknown action")
        << QStringList{u"rooms"_s, u"explode"_s} << true << u"not an action"_s;
    QTest::addRow("missing id") << QStringList{u"apps"_s, u"get"_s} << true << u"APP_ID"_s;
    QTest::addRow("too many ids") << QStringList{u"actors"_s, u"get"_s, u"a"_s, u"b"_s} << true
                                  << u"ACTOR_ID"_s;
    QTest::addRow("unknown option")
        << QStringList{u"apps"_s, u"list"_s, u"--colour"_s} << true << u"colour"_s;
    QTest::addRow("invalid JSON body")
        << QStringList{u"apps"_s, u"create"_s, u"--json"_s, u"{"_s} << true << u"--json"_s;
    QTest::addRow("JSON body that is not an object")
        << QStringList{u"apps"_s, u"create"_s, u"--json"_s, u"[1]"_s} << true << u"JSON object"_s;
    QTest::addRow("not a boolean")
        << QStringList{u"rooms"_s, u"update"_s, u"a"_s, u"r"_s, u"--enabled"_s, u"maybe"_s} << true
        << u"true or false"_s;
    QTest::addRow("page zero") << QStringList{u"apps"_s, u"list"_s, u"--page"_s, u"0"_s} << true
                               << u"--page"_s;
    QTest::addRow("bad sort order") << QStringList{u"apps"_s, u"list"_s, u"--sort-order"_s, u"up"_s}
                                    << true << u"asc or desc"_s;
    QTest::addRow("bad expiry")
        << QStringList{u"rooms"_s,  u"grant"_s,        u"a"_s,   u"r"_s, u"--permission"_s,
                       u"pubSub"_s, u"--expires-at"_s, u"soon"_s}
        << true << u"ISO 8601"_s;
    QTest::addRow("no API key") << QStringList{u"actors"_s, u"list"_s} << false
                                << u"NOLAG_API_KEY"_s;
}

void tst_ApiCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, withKey);
    QFETCH(QString, expected);

    QProcessEnvironment environment = m_environment;
    if (!withKey) {
        environment.remove(u"NOLAG_API_KEY"_s);
    }
    const Run run = nolag(arguments, environment);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(expected.toUtf8()), run.err.constData());
}

void tst_ApiCli::apiErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");

    QTest::addRow("unknown app") << QStringList{u"apps"_s, u"get"_s, u"no-such-app"_s}
                                 << ApiTest::apiKey() << u"HTTP 404: "_s;
    QTest::addRow("invalid body") << QStringList{u"actors"_s, u"create"_s, u"--name"_s,
                                                 u"x"_s,      u"--type"_s, u"robot"_s}
                                  << ApiTest::apiKey() << u"HTTP 400: "_s;
    QTest::addRow("wrong key") << QStringList{u"apps"_s, u"list"_s} << u"nlg_live_apitests.wrong"_s
                               << u"HTTP 401: "_s;
}

void tst_ApiCli::apiErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, key);
    QFETCH(QString, expected);

    const Run run = nolag(arguments + QStringList{u"--api-key"_s, key});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith("nolag: " + expected.toUtf8()), run.err.constData());
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY(!run.err.contains(ApiTest::apiKey().toUtf8()));
}

void tst_ApiCli::apps()
{
    Run run = nolag({u"apps"_s, u"create"_s, u"--name"_s, u"CLI App"_s, u"--topics"_s,
                     u"messages, typing"_s, u"--config"_s, u"{\"autoProvisionRooms\": true}"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject app = run.object();
    const QString appId = app.value("appId"_L1).toString();
    QVERIFY(!appId.isEmpty());
    QCOMPARE(app.value("name"_L1).toString(), u"CLI App"_s);
    QCOMPARE(app.value("topics"_L1).toArray(), (QJsonArray{u"messages"_s, u"typing"_s}));
    QCOMPARE(app.value("config"_L1).toObject().value("autoProvisionRooms"_L1), QJsonValue(true));
    QVERIFY(run.out.contains("\n    \"appId\"")); // pretty, not compact

    run = nolag({u"apps"_s, u"get"_s, appId});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.object().value("appId"_L1).toString(), appId);

    run = nolag({u"apps"_s, u"list"_s, u"--search"_s, u"cli app"_s, u"--limit"_s, u"5"_s,
                 u"--sort-by"_s, u"name"_s, u"--sort-order"_s, u"desc"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonArray data = run.object().value("data"_L1).toArray();
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.first().toObject().value("appId"_L1).toString(), appId);
    QCOMPARE(run.object().value("pagination"_L1).toObject().value("total"_L1).toInt(), 1);

    run = nolag({u"apps"_s, u"update"_s, appId, u"--description"_s, u"from the shell"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.object().value("description"_L1).toString(), u"from the shell"_s);
    QCOMPARE(run.object().value("name"_L1).toString(), u"CLI App"_s);

    run = nolag({u"apps"_s, u"reset"_s, appId});
    QCOMPARE(run.exitCode, 1); // no blueprint to reset to
    QVERIFY2(run.err.startsWith("nolag: HTTP 400: "), run.err.constData());

    run = nolag({u"apps"_s, u"delete"_s, appId});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.object(), QJsonObject({{u"success"_s, true}}));

    run = nolag({u"apps"_s, u"get"_s, appId});
    QCOMPARE(run.exitCode, 1);
}

void tst_ApiCli::jsonBodyAndFlags()
{
    // --json is the body; a flag replaces its field.
    const Run run = nolag({u"apps"_s, u"create"_s, u"--json"_s,
                           u"{\"name\": \"From JSON\", \"description\": \"json\", "
                           "\"topics\": [\"a\"]}"_s,
                           u"--description"_s, u"flag"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.object().value("name"_L1).toString(), u"From JSON"_s);
    QCOMPARE(run.object().value("description"_L1).toString(), u"flag"_s);
    QCOMPARE(run.object().value("topics"_L1).toArray(), QJsonArray{u"a"_s});
}

void tst_ApiCli::roomsAndGrants()
{
    Run run = nolag({u"apps"_s, u"create"_s, u"--name"_s, u"CLI Rooms"_s, u"--config"_s,
                     u"{\"autoProvisionRooms\": true}"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QString appId = run.object().value("appId"_L1).toString();

    run = nolag(
        {u"rooms"_s, u"create"_s, appId, u"--name"_s, u"Room One"_s, u"--topics"_s, u"messages"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QString roomId = run.object().value("roomId"_L1).toString();
    QCOMPARE(run.object().value("slug"_L1).toString(), u"room-one"_s);

    run = nolag({u"rooms"_s, u"ensure"_s, appId, u"--slug"_s, u"s1"_s, u"--name"_s, u"S1"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QString ensuredId = run.object().value("roomId"_L1).toString();
    run = nolag({u"rooms"_s, u"ensure"_s, appId, u"--slug"_s, u"s1"_s, u"--name"_s, u"Other"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.object().value("roomId"_L1).toString(), ensuredId);
    QCOMPARE(run.object().value("name"_L1).toString(), u"S1"_s);

    run = nolag({u"rooms"_s, u"list"_s, appId});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.array().size(), 2);

    run = nolag({u"rooms"_s, u"update"_s, appId, roomId, u"--enabled"_s, u"false"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.object().value("isEnabled"_L1), QJsonValue(false));

    run = nolag({u"rooms"_s, u"get"_s, appId, roomId});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.object().value("isEnabled"_L1), QJsonValue(false));

    run = nolag({u"actors"_s, u"create"_s, u"--name"_s, u"cli-bot"_s, u"--type"_s, u"device"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QString actorId = run.object().value("actorTokenId"_L1).toString();

    run = nolag({u"rooms"_s, u"grant"_s, appId, roomId, u"--permission"_s, u"subscribe"_s,
                 u"--actor-id"_s, actorId, u"--expires-at"_s, u"2099-01-01T00:00:00Z"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QString grantId = run.object().value("roomActorAccessId"_L1).toString();
    QVERIFY(!grantId.isEmpty());
    QCOMPARE(run.object().value("permission"_L1).toString(), u"subscribe"_s);

    run = nolag({u"rooms"_s, u"grants"_s, appId, roomId});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.array().size(), 1);

    run = nolag({u"rooms"_s, u"revoke"_s, appId, roomId, grantId});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(run.out.isEmpty()); // nothing to say on 204

    run = nolag({u"rooms"_s, u"grants"_s, appId, roomId});
    QCOMPARE(run.array().size(), 0);

    run = nolag({u"rooms"_s, u"delete"_s, appId, roomId});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = nolag({u"rooms"_s, u"get"_s, appId, roomId});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith("nolag: HTTP 404: "), run.err.constData());
}

void tst_ApiCli::actorsAndScopes()
{
    Run run = nolag({u"actors"_s, u"create"_s, u"--name"_s, u"sensor"_s, u"--type"_s, u"device"_s,
                     u"--external-id"_s, u"s-9"_s, u"--metadata"_s, u"{\"floor\": 2}"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QString actorId = run.object().value("actorTokenId"_L1).toString();
    QVERIFY(run.object().value("accessToken"_L1).toString().startsWith(u"at_"_s));
    QCOMPARE(run.object().value("metadata"_L1).toObject().value("floor"_L1).toInt(), 2);

    run = nolag({u"actors"_s, u"list"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    bool listed = false;
    for (const QJsonValue &actor : run.array()) {
        listed = listed || actor.toObject().value("actorTokenId"_L1).toString() == actorId;
    }
    QVERIFY(listed);

    run = nolag({u"actors"_s, u"update"_s, actorId, u"--active"_s, u"false"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.object().value("isActive"_L1), QJsonValue(false));

    run = nolag(
        {u"scopes"_s, u"create"_s, u"--slug"_s, u"cli-tenant"_s, u"--name"_s, u"CLI Tenant"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QString scopeId = run.object().value("accessScopeId"_L1).toString();

    run = nolag({u"scopes"_s, u"add-actor"_s, scopeId, actorId});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.object().value("accessScopeId"_L1).toString(), scopeId);

    run = nolag({u"scopes"_s, u"actors"_s, scopeId});
    QCOMPARE(run.array().size(), 1);

    run = nolag({u"actors"_s, u"update"_s, actorId, u"--no-scope"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(run.object().value("accessScopeId"_L1).toString().isEmpty());

    run = nolag({u"scopes"_s, u"list"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(run.object().value("pagination"_L1).toObject().value("total"_L1).toInt() >= 1);

    run = nolag({u"scopes"_s, u"delete"_s, scopeId});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));

    run = nolag({u"actors"_s, u"delete"_s, actorId});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = nolag({u"actors"_s, u"get"_s, actorId});
    QCOMPARE(run.exitCode, 1);
}

void tst_ApiCli::apiUrlFlagBeatsTheEnvironment()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const QString deadUrl = u"http://127.0.0.1:%1/v1"_s.arg(closed.serverPort());
    closed.close();

    QProcessEnvironment environment = m_environment;
    environment.insert(u"NOLAG_API_URL"_s, deadUrl);
    Run run = nolag({u"actors"_s, u"list"_s}, environment);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith("nolag: network error: "), run.err.constData());

    run = nolag({u"actors"_s, u"list"_s, u"--api-url"_s, m_apiUrl}, environment);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
}

QTEST_GUILESS_MAIN(tst_ApiCli)
#include "tst_apicli.moc"
