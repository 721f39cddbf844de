// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// The realtime commands of the nolag tool (sub, pub, presence), run as a user would, against
// the real nolag-local.

#include "clientfixture.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace {

struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QList<QJsonObject> jsonLines(const QByteArray &output)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : output.split('\n')) {
        if (!line.isEmpty()) {
            objects << QJsonDocument::fromJson(line).object();
        }
    }
    return objects;
}

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pubThenSub();
    void subWithFilter();
    void subCountTimesOut();
    void pubFailures_data();
    void pubFailures();
    void presenceSetAndList();
    void presenceWatch();
    void help_data();
    void help();

private:
    QProcess *start(const QStringList &arguments, const QString &token = u"tok-alice"_s);
    Result run(const QStringList &arguments, const QString &token = u"tok-alice"_s);
    static Result finish(QProcess *process);

    NoLagTest::LocalServer m_server;
};

void tst_Cli::initTestCase()
{
    QVERIFY2(ClientFixture::startServer(m_server), qPrintable(m_server.errorString()));
}

QProcess *tst_Cli::start(const QStringList &arguments, const QString &token)
{
    auto *process = new QProcess(this);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"NOLAG_URL"_s, m_server.webSocketUrl().toString());
    if (token.isEmpty()) {
        environment.remove(u"NOLAG_TOKEN"_s);
    } else {
        environment.insert(u"NOLAG_TOKEN"_s, token);
    }
    process->setProcessEnvironment(environment);
    process->start(QStringLiteral(NOLAG_CLI_BINARY), arguments);
    return process;
}

Result tst_Cli::finish(QProcess *process)
{
    Result result;
    // waitForFinished() is false for a process that has already finished.
    if (process->state() == QProcess::NotRunning || process->waitForFinished(20000)) {
        result.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    }
    result.out = process->readAllStandardOutput();
    result.err = process->readAllStandardError();
    process->deleteLater();
    return result;
}

Result tst_Cli::run(const QStringList &arguments, const QString &token)
{
    return finish(start(arguments, token));
}

void tst_Cli::pubThenSub()
{
    const QString topic = u"chat/general/cli"_s;
    // Retained, so that the subscriber gets it as soon as it is subscribed.
    Result published = run({u"pub"_s, topic, u"{\"text\":\"first\",\"n\":1}"_s, u"--retain"_s});
    QCOMPARE(published.exitCode, 0);
    QVERIFY(published.err.isEmpty());

    QProcess *subscriber =
        start({u"sub"_s, topic, u"--count"_s, u"2"_s, u"--timeout"_s, u"15"_s}, u"tok-bob"_s);
    QTRY_VERIFY_WITH_TIMEOUT(subscriber->canReadLine(), 10000);
    const QJsonObject first = QJsonDocument::fromJson(subscriber->readLine()).object();
    QCOMPARE(first.value(u"topic"_s).toString(), topic);
    QCOMPARE(first.value(u"data"_s).toObject().value(u"text"_s).toString(), u"first"_s);
    QCOMPARE(first.value(u"data"_s).toObject().value(u"n"_s).toInt(), 1);
    QCOMPARE(first.value(u"meta"_s).toObject().value(u"msgId"_s).toString().size(), 36);
    QCOMPARE(first.value(u"meta"_s).toObject().value(u"isReplay"_s).toBool(true), false);

    // The token may also come from --token, and every JSON value is a message.
    published = run({u"pub"_s, topic, u"\"second\""_s, u"--token"_s, u"tok-carol"_s, u"--qos"_s,
                     u"0"_s, u"--no-echo"_s},
                    QString());
    QCOMPARE(published.exitCode, 0);

    const Result subscribed = finish(subscriber);
    QCOMPARE(subscribed.exitCode, 0);
    const QList<QJsonObject> rest = jsonLines(subscribed.out);
    QCOMPARE(rest.size(), 1);
    QCOMPARE(rest.first().value(u"data"_s).toString(), u"second"_s);
}

void tst_Cli::subWithFilter()
{
    const QString topic = u"chat/general/clifilter"_s;
    QCOMPARE(run({u"pub"_s, topic, u"1"_s, u"--retain"_s, u"--filter"_s, u"a"_s}).exitCode, 0);
    QCOMPARE(run({u"pub"_s, topic, u"2"_s, u"--retain"_s, u"--filter"_s, u"b"_s}).exitCode, 0);

    const Result result = run({u"sub"_s, topic, u"--filter"_s, u"b"_s, u"--count"_s, u"1"_s,
                               u"--timeout"_s, u"10"_s, u"--group"_s, u"cli"_s});
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(result.out);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first().value(u"data"_s).toInt(), 2);
    QCOMPARE(lines.first().value(u"meta"_s).toObject().value(u"filter"_s).toString(), u"b"_s);
}

void tst_Cli::subCountTimesOut()
{
    const Result result =
        run({u"sub"_s, u"chat/general/silent"_s, u"--count"_s, u"1"_s, u"--timeout"_s, u"0.5"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(result.err.count('\n'), 1);
    QVERIFY2(result.err.startsWith("nolag: timed out after 0.5 s with 0 of 1 messages"),
             result.err.constData());

    // Without --count the timeout is simply how long to listen.
    QCOMPARE(run({u"sub"_s, u"chat/general/silent"_s, u"--timeout"_s, u"0.3"_s}).exitCode, 0);
}

void tst_Cli::pubFailures_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("token");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("reason");

    QTest::addRow("unknown topic")
        << QStringList{u"pub"_s, u"chat/nosuchroom/messages"_s, u"1"_s} << u"tok-alice"_s << 1
        << u"could not publish to chat/nosuchroom/messages"_s;
    QTest::addRow("refused token") << QStringList{u"pub"_s, u"chat/general/cli"_s, u"1"_s}
                                   << u"bad-token"_s << 1 << u"refused the access token"_s;
    QTest::addRow("message that is not JSON")
        << QStringList{u"pub"_s, u"chat/general/cli"_s, u"hello"_s} << u"tok-alice"_s << 2
        << u"not valid JSON"_s;
    QTest::addRow("no token") << QStringList{u"pub"_s, u"chat/general/cli"_s, u"1"_s} << QString()
                              << 2 << u"no access token"_s;
    QTest::addRow("missing JSON") << QStringList{u"pub"_s, u"chat/general/cli"_s} << u"tok-alice"_s
                                  << 2 << u"pub needs TOPIC and JSON"_s;
    QTest::addRow("bad qos") << QStringList{u"pub"_s, u"chat/general/cli"_s, u"1"_s, u"--qos"_s,
                                            u"7"_s}
                             << u"tok-alice"_s << 2 << u"--qos needs a whole number"_s;
    QTest::addRow("not a WebSocket URL")
        << QStringList{u"pub"_s, u"chat/general/cli"_s, u"1"_s, u"--url"_s, u"http://x"_s}
        << u"tok-alice"_s << 2 << u"is not a WebSocket URL"_s;
    QTest::addRow("nobody listening") << QStringList{u"pub"_s, u"chat/general/cli"_s, u"1"_s,
                                                     u"--url"_s, u"ws://127.0.0.1:9/ws"_s}
                                      << u"tok-alice"_s << 1 << u"could not connect"_s;
    QTest::addRow("unknown option") << QStringList{u"sub"_s, u"x/y/z"_s, u"--frobnicate"_s}
                                    << u"tok-alice"_s << 2 << u"Unknown option"_s;
}

void tst_Cli::pubFailures()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, token);
    QFETCH(int, exitCode);
    QFETCH(QString, reason);

    const Result result = run(arguments, token);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY(result.out.isEmpty());
    // Exactly one line, for people.
    QCOMPARE(result.err.count('\n'), 1);
    QVERIFY2(result.err.startsWith("nolag: "), result.err.constData());
    QVERIFY2(QString::fromUtf8(result.err).contains(reason), result.err.constData());
}

void tst_Cli::presenceSetAndList()
{
    const Result result = run({u"presence"_s, u"other"_s, u"--set"_s, u"{\"name\":\"Ada\"}"_s});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(result.out).array();
    QCOMPARE(list.size(), 1);
    const QJsonObject entry = list.first().toObject();
    QCOMPARE(entry.value(u"actorTokenId"_s).toString(), u"actor-alice"_s);
    QCOMPARE(entry.value(u"presence"_s).toObject().value(u"name"_s).toString(), u"Ada"_s);
    QCOMPARE(entry.value(u"status"_s).toString(), u"online"_s);
    QVERIFY(entry.value(u"joinedAt"_s).toInteger() > 0);

    // The presence left with that process; a plain query shows the empty room.
    const Result empty = run({u"presence"_s, u"other"_s});
    QCOMPARE(empty.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(empty.out).array().size(), 0);

    QCOMPARE(run({u"presence"_s, u"other"_s, u"--set"_s, u"[1]"_s}).exitCode, 2);
}

void tst_Cli::presenceWatch()
{
    QProcess *watcher = start(
        {u"presence"_s, u"general"_s, u"--watch"_s, u"--count"_s, u"2"_s, u"--timeout"_s, u"15"_s},
        u"tok-bob"_s);
    // The first line is the room as it is; after it, the watcher is a member.
    QTRY_VERIFY_WITH_TIMEOUT(watcher->canReadLine(), 10000);
    QVERIFY(QJsonDocument::fromJson(watcher->readLine()).isArray());

    NoLagClient alice(u"tok-alice"_s, ClientFixture::options(m_server.webSocketUrl()));
    QVERIFY(ClientFixture::connect(alice));
    alice.setPresence({{u"name"_s, u"Alice"_s}}, u"general"_s);

    // The event loop must run meanwhile: it is what sends alice's frames.
    QTRY_VERIFY_WITH_TIMEOUT(watcher->state() == QProcess::NotRunning, 15000);
    const Result result = finish(watcher);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QList<QJsonObject> events = jsonLines(result.out);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).value(u"event"_s).toString(), u"join"_s);
    QCOMPARE(events.at(1).value(u"event"_s).toString(), u"update"_s);
    QCOMPARE(events.at(1).value(u"actorTokenId"_s).toString(), u"actor-alice"_s);
    QCOMPARE(events.at(1).value(u"presence"_s).toObject().value(u"name"_s).toString(), u"Alice"_s);
}

void tst_Cli::help_data()
{
    QTest::addColumn<QString>("command");
    QTest::addRow("sub") << u"sub"_s;
    QTest::addRow("pub") << u"pub"_s;
    QTest::addRow("presence") << u"presence"_s;
}

void tst_Cli::help()
{
    QFETCH(QString, command);
    const Result result = run({command, u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.startsWith("Usage: nolag " + command.toUtf8()));
    QVERIFY(result.out.contains("--token"));
    QVERIFY(result.out.contains("--timeout"));

    const Result overview = run({u"--help"_s});
    QVERIFY(overview.out.contains(command.toUtf8()));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
