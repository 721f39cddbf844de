// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// The examples run as written against nolag-local, stay short, and the README's snippets are
// exactly the marked parts of them.

#include "clientfixture.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace {

QString sourceFile(const QString &relativePath)
{
    return QDir(QStringLiteral(NOLAG_SOURCE_DIR)).filePath(relativePath);
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// The lines between two marker lines, with their common indentation removed.
QString markedPart(const QString &text, const QString &marker)
{
    const QStringList lines = text.split(u'\n');
    QStringList part;
    bool inside = false;
    for (const QString &line : lines) {
        if (line.trimmed() == marker) {
            if (inside) {
                break;
            }
            inside = true;
            continue;
        }
        if (inside) {
            part << line;
        }
    }
    qsizetype indent = std::numeric_limits<qsizetype>::max();
    for (const QString &line : std::as_const(part)) {
        qsizetype leading = 0;
        while (leading < line.size() && line.at(leading) == u' ') {
            ++leading;
        }
        if (leading < line.size()) {
            indent = std::min(indent, leading);
        }
    }
    for (QString &line : part) {
        line = line.mid(std::min(indent, line.size()));
    }
    return part.join(u'\n');
}

} // namespace

class tst_Examples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readmeHasTheExamples_data();
    void readmeHasTheExamples();
    void examplesAreShort_data();
    void examplesAreShort();
    void consoleExampleSaysHello();
    void consoleExampleExplainsFailures();
    void qmlChatJoinsTheRoom();

private:
    NoLagTest::LocalServer m_server;
};

void tst_Examples::initTestCase()
{
    QVERIFY2(ClientFixture::startServer(m_server), qPrintable(m_server.errorString()));
}

void tst_Examples::readmeHasTheExamples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("marker");
    QTest::addRow("C++ console client") << u"examples/console/main.cpp"_s << u"//! [readme]"_s;
    QTest::addRow("QML chat") << u"examples/qmlchat/Main.qml"_s << u"// [readme]"_s;
}

void tst_Examples::readmeHasTheExamples()
{
    QFETCH(QString, file);
    QFETCH(QString, marker);
    const QString snippet = markedPart(readFile(sourceFile(file)), marker);
    QVERIFY2(snippet.count(u'\n') > 5, "the example has a marked part");
    QVERIFY2(readFile(sourceFile(u"README.md"_s)).contains(snippet),
             qPrintable(u"README.md does not contain the marked part of %1 as it is now:\n%2"_s.arg(
                 file, snippet)));
}

void tst_Examples::examplesAreShort_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addRow("console") << QStringList{u"examples/console/main.cpp"_s};
    QTest::addRow("qmlchat") << QStringList{u"examples/qmlchat/main.cpp"_s,
                                            u"examples/qmlchat/Main.qml"_s};
}

void tst_Examples::examplesAreShort()
{
    QFETCH(QStringList, files);
    qsizetype lines = 0;
    for (const QString &file : std::as_const(files)) {
        lines += readFile(sourceFile(file)).count(u'\n');
    }
    QVERIFY2(lines > 0 && lines < 150, qPrintable(u"%1 lines"_s.arg(lines)));
}

void tst_Examples::consoleExampleSaysHello()
{
    QProcess example;
    example.start(QStringLiteral(NOLAG_CONSOLE_EXAMPLE),
                  {m_server.webSocketUrl().toString(), u"tok-alice"_s, u"chat/general/example"_s});
    QTRY_VERIFY_WITH_TIMEOUT(example.canReadLine(), 10000);
    QCOMPARE(example.readLine().trimmed(), QByteArray("chat/general/example: Hello from Qt"));

    // It keeps listening: what others publish shows up too.
    NoLagClient bob(u"tok-bob"_s, ClientFixture::options(m_server.webSocketUrl()));
    QVERIFY(ClientFixture::connect(bob));
    bob.publish(u"chat/general/example"_s, QVariantMap{{u"text"_s, u"hi alice"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(example.canReadLine(), 10000);
    QCOMPARE(example.readLine().trimmed(), QByteArray("chat/general/example: hi alice"));

    example.terminate();
    QVERIFY(example.waitForFinished(5000));
}

void tst_Examples::consoleExampleExplainsFailures()
{
    QProcess example;
    example.start(QStringLiteral(NOLAG_CONSOLE_EXAMPLE),
                  {m_server.webSocketUrl().toString(), u"not-a-token"_s, u"chat/general/x"_s});
    QVERIFY(example.waitForFinished(10000));
    QCOMPARE(example.exitCode(), 1);
    QVERIFY2(example.readAllStandardError().contains("refused the access token"),
             "the error names the cause");

    QProcess usage;
    usage.start(QStringLiteral(NOLAG_CONSOLE_EXAMPLE), QStringList());
    QVERIFY(usage.waitForFinished(10000));
    QCOMPARE(usage.exitCode(), 2);
    QVERIFY(usage.readAllStandardError().startsWith("Usage: "));
}

void tst_Examples::qmlChatJoinsTheRoom()
{
#ifndef NOLAG_QMLCHAT_EXAMPLE
    QSKIP("The QML chat example was not built (no Qt Quick)");
#else
    NoLagClient alice(u"tok-alice"_s, ClientFixture::options(m_server.webSocketUrl()));
    QVERIFY(ClientFixture::connect(alice));
    alice.setPresence({{u"name"_s, u"Alice"_s}}, u"general"_s);
    QSignalSpy joined(&alice, &NoLagClient::presenceJoined);

    QProcess chat;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    chat.setProcessEnvironment(environment);
    chat.start(QStringLiteral(NOLAG_QMLCHAT_EXAMPLE),
               {m_server.webSocketUrl().toString(), u"tok-bob"_s});

    // The chat connects, subscribes and sets its presence in the room: alice sees bob join.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(joined.begin(), joined.end(),
                    [](const QList<QVariant> &arguments) {
                        return arguments.at(0).value<NoLagActorPresence>().actorTokenId() ==
                            u"actor-bob"_s;
                    }),
        15000);
    QCOMPARE(alice.presence(u"actor-bob"_s).presence().toMap().value(u"name"_s),
             QVariant(u"actor-bob"_s));

    chat.terminate();
    QVERIFY(chat.waitForFinished(5000));
#endif
}

QTEST_GUILESS_MAIN(tst_Examples)
#include "tst_examples.moc"
