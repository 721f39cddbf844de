// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// The C++ snippet of the README's "NoLagApi (REST)" section works as written: it is
// readme/main.cpp, word for word, built as a program and run against nolag-local.
#include "apitesthelpers.h"
#include "localserver.h"

#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class tst_ApiReadme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theReadmeShowsThisProgram();
    void theProgramRuns_data();
    void theProgramRuns();
};

void tst_ApiReadme::theReadmeShowsThisProgram()
{
    QFile readme(QStringLiteral(NOLAG_README));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    QFile program(QStringLiteral(NOLAG_README_SNIPPET));
    QVERIFY(program.open(QIODevice::ReadOnly));

    const QByteArray block = "```cpp\n" + program.readAll() + "```\n";
    QVERIFY2(readme.readAll().contains(block),
             "README.md no longer shows tests/api/readme/main.cpp as it is; update one of them");
}

void tst_ApiReadme::theProgramRuns_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("output");

    QTest::addRow("right key") << ApiTest::apiKey() << 0 << "Created app "_ba;
    QTest::addRow("wrong key") << u"nlg_live_apitests.wrong"_s << 1 << "HTTP 401: "_ba;
}

void tst_ApiReadme::theProgramRuns()
{
    QFETCH(QString, key);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, output);

    NoLagTest::LocalServer server({u"--api-key"_s, ApiTest::apiKey()});
    QVERIFY2(server.start(), qPrintable(server.errorString()));

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"NOLAG_API_URL"_s, server.httpUrl().toString() + u"/v1"_s);
    environment.insert(u"NOLAG_API_KEY"_s, key);
    QProcess program;
    program.setProcessEnvironment(environment);
    program.setProcessChannelMode(QProcess::MergedChannels);
    program.start(QStringLiteral(NOLAG_README_PROGRAM));
    QVERIFY(program.waitForFinished(30000));

    const QByteArray printed = program.readAll();
    QCOMPARE(program.exitCode(), exitCode);
    QVERIFY2(printed.startsWith(output), printed.constData());
}

QTEST_GUILESS_MAIN(tst_ApiReadme)
#include "tst_apireadme.moc"
