// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// Export of the traffic table: CSV quoting, only the filtered rows, JSON Lines that open as a
// recording, and cancel leaving no file behind.

#include "recording/recordingsession.h"
#include "recording/trafficexporter.h"
#include "testpayloads.h"
#include "traffic/trafficmodel.h"
#include "traffic/trafficstore.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace {

// Splits CSV text into rows of fields, following RFC 4180's quoting.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
        } else if (c == u'\r') {
            continue;
        } else if (c == u'\n') {
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace

class tst_Export : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static void fill(TrafficStore &store, int count)
    {
        const quint32 chat = store.topics().intern(u"demo/general/chat"_s);
        const quint32 telemetry = store.topics().intern(u"demo/general/telemetry"_s);
        for (int i = 0; i < count; ++i) {
            const bool even = i % 2 == 0;
            store.append(even ? chat : telemetry, 1796369400000 + i, quint8(i % 3), 0,
                         even ? packVariant(QVariantMap{{u"text"_s, u"say \"hi\", then\nbye"_s},
                                                        {u"n"_s, i}})
                              : packVariant(QVariantMap{{u"temperature"_s, 20 + i}}),
                         "", "", even ? "alice" : "sensor,1");
        }
    }

    static bool runExport(TrafficExporter &exporter, const QString &path,
                          TrafficExporter::Format format)
    {
        QSignalSpy finished(&exporter, &TrafficExporter::finished);
        if (!exporter.startPath(path, format)) {
            return false;
        }
        return finished.wait(60000) && finished.first().first().toBool();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void csvField_data()
    {
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QByteArray>("written");
        QTest::addRow("plain") << QByteArray("demo/general/chat")
                               << QByteArray("demo/general/chat");
        QTest::addRow("empty") << QByteArray() << QByteArray();
        QTest::addRow("comma") << QByteArray("a,b") << QByteArray("\"a,b\"");
        QTest::addRow("quote") << QByteArray("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
        QTest::addRow("new line") << QByteArray("one\ntwo") << QByteArray("\"one\ntwo\"");
        QTest::addRow("carriage return") << QByteArray("one\rtwo") << QByteArray("\"one\rtwo\"");
        QTest::addRow("json object") << QByteArray("{\"a\":1,\"b\":\"x\"}")
                                     << QByteArray("\"{\"\"a\"\":1,\"\"b\"\":\"\"x\"\"}\"");
    }

    void csvField()
    {
        QFETCH(QByteArray, field);
        QFETCH(QByteArray, written);
        QByteArray out;
        TrafficExporter::appendCsvField(out, field);
        QCOMPARE(out, written);
    }

    void csvOfFilteredView()
    {
        TrafficStore store;
        fill(store, 10);
        TrafficModel traffic(&store);
        traffic.setTopicFilter(u"demo/+/telemetry"_s);
        QTRY_VERIFY(!traffic.isFiltering());
        QCOMPARE(traffic.rowCount(), 5);

        TrafficExporter exporter;
        exporter.setTraffic(&traffic);
        const QString path = m_dir.filePath(u"filtered.csv"_s);
        QVERIFY(runExport(exporter, path, TrafficExporter::Csv));
        QCOMPARE(exporter.exportedCount(), 5);

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(file.readAll()));
        QCOMPARE(rows.size(), 6);
        QCOMPARE(
            rows.at(0),
            (QStringList{u"time"_s, u"topic"_s, u"sender"_s, u"qos"_s, u"size"_s, u"payload"_s}));
        QCOMPARE(rows.at(1),
                 (QStringList{u"2026-12-04T07:30:00.001Z"_s, u"demo/general/telemetry"_s,
                              u"sensor,1"_s, u"1"_s, QString::number(store.message(2)->data.size()),
                              u"{\"temperature\":21}"_s}));
        for (const QStringList &row : rows.mid(1)) {
            QCOMPARE(row.size(), 6);
            QCOMPARE(row.at(1), u"demo/general/telemetry"_s);
        }
    }

    void csvQuotesPayloads()
    {
        TrafficStore store;
        fill(store, 2);
        TrafficModel traffic(&store);
        traffic.flush();
        TrafficExporter exporter;
        exporter.setTraffic(&traffic);
        const QString path = m_dir.filePath(u"quoted.csv"_s);
        QVERIFY(runExport(exporter, path, TrafficExporter::Csv));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(file.readAll()));
        QCOMPARE(rows.size(), 3);
        // The payload's quotes, comma and new line survive the round trip through CSV.
        QCOMPARE(rows.at(1).at(5), u"{\"n\":0,\"text\":\"say \\\"hi\\\", then\\nbye\"}"_s);
    }

    void jsonLinesOpensAsRecording()
    {
        TrafficStore store;
        fill(store, 20);
        TrafficModel traffic(&store);
        traffic.setSenderFilter(u"alice"_s);
        QTRY_VERIFY(!traffic.isFiltering());
        QCOMPARE(traffic.rowCount(), 10);

        TrafficExporter exporter;
        exporter.setTraffic(&traffic);
        const QString path = m_dir.filePath(u"export.jsonl"_s);
        QVERIFY(runExport(exporter, path, TrafficExporter::JsonLines));

        RecordingSession recording(path);
        QSignalSpy opened(&recording, &RecordingSession::finished);
        QVERIFY(recording.open());
        QVERIFY(opened.wait(30000));
        QCOMPARE(recording.problemCount(), 0);
        QCOMPARE(recording.messageCount(), 10);
        for (quint64 s = 1; s <= 10; ++s) {
            const std::optional<TrafficMessage> message = recording.store()->message(s);
            QVERIFY(message);
            QCOMPARE(message->sender, QByteArrayView("alice"));
            QVERIFY(message->data == store.message(2 * s - 1)->data);
        }
    }

    void cancelLeavesNoFile()
    {
        TrafficStore store;
        fill(store, 300000);
        TrafficModel traffic(&store);
        traffic.flush();
        TrafficExporter exporter;
        exporter.setTraffic(&traffic);
        const QString path = m_dir.filePath(u"cancelled.csv"_s);

        QSignalSpy finished(&exporter, &TrafficExporter::finished);
        QVERIFY(exporter.startPath(path, TrafficExporter::Csv));
        QVERIFY(exporter.isRunning());
        QVERIFY(!exporter.startPath(path, TrafficExporter::Csv)); // one at a time
        QVERIFY(exporter.errorString().contains(u"running already"_s));
        exporter.cancel();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!exporter.isRunning());
        QVERIFY(!QFile::exists(path));
        QCOMPARE(exporter.statusText(), u"Export cancelled; no file was written."_s);
    }

    void unwritableFile()
    {
        TrafficStore store;
        fill(store, 3);
        TrafficModel traffic(&store);
        traffic.flush();
        TrafficExporter exporter;
        exporter.setTraffic(&traffic);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Cannot write .*"_s));
        QSignalSpy finished(&exporter, &TrafficExporter::finished);
        QVERIFY(
            exporter.startPath(m_dir.filePath(u"no/such/folder/x.csv"_s), TrafficExporter::Csv));
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(exporter.errorString().startsWith(u"Cannot write "_s));
    }
};

QTEST_MAIN(tst_Export)

#include "tst_export.moc"
