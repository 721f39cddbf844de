// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// Recorder and reader: what a recording keeps (every field, the exact MessagePack bytes, a
// 16 MB payload), and how the reader deals with lines it cannot read.

#include "recording/recorder.h"
#include "recording/recordingformat.h"
#include "recording/recordingsession.h"
#include "testpayloads.h"
#include "traffic/trafficstore.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace {

struct Sample
{
    QString topic;
    qint64 timeMs = 0;
    quint8 qos = 1;
    quint8 flags = 0;
    QByteArray data;
    QByteArray msgId;
    QByteArray filter;
    QByteArray sender;
};

QList<Sample> samples(const QByteArray &extraPayload = QByteArray())
{
    QList<Sample> list;
    list.append({u"demo/general/messages"_s, 1796369401250, 1, 0,
                 packJson(R"({"text":"hello","n":1})"), "m-1", "", ""});
    list.append({u"demo/general/telemetry"_s, 1796369401300, 0, quint8(TrafficFlag::Retained),
                 packJson(R"({"temperature":21.5})"), "m-2", "vip", "sensor-1"});
    list.append({u"demo/ünïcode/\"quoted\", comma"_s, 1796369402000, 2,
                 quint8(TrafficFlag::Replayed), packVariant(QByteArray("\x00\x01\xff", 3)), "",
                 "a,b", "bob\n"});
    list.append(
        {u"demo/general/broken"_s, 1796369402001, 1, 0, QByteArray("\xc1\xc1", 2), "", "", ""});
    if (!extraPayload.isEmpty()) {
        list.append({u"demo/general/big"_s, 1796369403000, 1, 0, extraPayload, "m-big", "", ""});
    }
    list.append(
        {u"demo/general/messages"_s, 1796369404000, 1, 0, packJson(R"({"n":2})"), "m-3", "", ""});
    return list;
}

void fill(TrafficStore &store, const QList<Sample> &list)
{
    for (const Sample &sample : list) {
        store.append(store.topics().intern(sample.topic), sample.timeMs, sample.qos, sample.flags,
                     sample.data, sample.msgId, sample.filter, sample.sender);
    }
}

// A payload of about \a bytes: a map with one long string, so it is valid MessagePack.
QByteArray bigPayload(qsizetype bytes)
{
    QString text(bytes, u'x');
    for (qsizetype i = 0; i < text.size(); i += 1000) {
        text[i] = QChar(u'a' + int(i / 1000 % 26));
    }
    return packVariant(QVariantMap{{u"blob"_s, text}});
}

bool openAndWait(RecordingSession &recording)
{
    QSignalSpy finished(&recording, &RecordingSession::finished);
    if (!recording.open()) {
        return false;
    }
    return finished.wait(60000) && finished.first().first().toBool();
}

} // namespace

class tst_Recording : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString record(const QList<Sample> &list, const QString &name)
    {
        TrafficStore store;
        Recorder recorder;
        recorder.setStore(&store, u"Test source"_s, u"ws://127.0.0.1:1/ws"_s);
        const QString path = m_dir.filePath(name);
        if (!recorder.startPath(path)) {
            return QString();
        }
        // Half before the first hand-over, half after: both batches must arrive.
        fill(store, list.mid(0, list.size() / 2));
        QSignalSpy progress(&recorder, &Recorder::progressChanged);
        recorder.setFlushInterval(10);
        progress.wait(5000);
        fill(store, list.mid(list.size() / 2));
        QSignalSpy finished(&recorder, &Recorder::finished);
        recorder.stop();
        if (!finished.wait(30000) || !finished.first().at(1).toBool()) {
            return QString();
        }
        if (recorder.recordedCount() != list.size()) {
            qWarning("Recorded %lld of %lld", recorder.recordedCount(), qint64(list.size()));
            return QString();
        }
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void roundTrip_data()
    {
        QTest::addColumn<int>("extraBytes");
        QTest::addRow("small messages") << 0;
        QTest::addRow("with a 100 KB message") << 100 * 1024;
        QTest::addRow("with a 16 MB message") << 16 * 1024 * 1024 - 64;
    }

    void roundTrip()
    {
        QFETCH(int, extraBytes);
        const QList<Sample> list = samples(extraBytes > 0 ? bigPayload(extraBytes) : QByteArray());
        const QString path = record(list, u"roundtrip-%1.jsonl"_s.arg(extraBytes));
        QVERIFY(!path.isEmpty());

        RecordingSession recording(path);
        QVERIFY(openAndWait(recording));
        QCOMPARE(recording.problemCount(), 0);
        QCOMPARE(recording.messageCount(), list.size());
        QCOMPARE(recording.source(), u"Test source"_s);
        QCOMPARE(recording.broker(), u"ws://127.0.0.1:1/ws"_s);

        TrafficStore *store = recording.store();
        for (int i = 0; i < list.size(); ++i) {
            const std::optional<TrafficMessage> message = store->message(quint64(i + 1));
            QVERIFY(message);
            const Sample &sample = list.at(i);
            QCOMPARE(store->topicName(message->topicId), sample.topic);
            QCOMPARE(message->receivedAtMs, sample.timeMs);
            QCOMPARE(message->qos, sample.qos);
            QCOMPARE(message->flags, sample.flags);
            QCOMPARE(message->data.size(), sample.data.size());
            QVERIFY(message->data == QByteArrayView(sample.data)); // the exact bytes
            QCOMPARE(message->msgId.toByteArray(), sample.msgId);
            QCOMPARE(message->filter.toByteArray(), sample.filter);
            QCOMPARE(message->sender.toByteArray(), sample.sender);
        }

        // The models of live traffic read it as they read a connection's store.
        QTRY_COMPARE(recording.traffic()->rowCount(), list.size());
        QCOMPARE(recording.traffic()
                     ->data(recording.traffic()->index(1), TrafficModel::TopicRole)
                     .toString(),
                 u"demo/general/telemetry"_s);
        QTRY_COMPARE(recording.topics()->topicCount(), extraBytes > 0 ? 5 : 4);

        if (extraBytes > 0) {
            // Shown whole: the inspector holds every byte and its text ends as JSON does.
            recording.inspector()->inspect(5);
            QCOMPARE(recording.inspector()->size(), list.at(4).data.size());
            QTRY_VERIFY_WITH_TIMEOUT(!recording.inspector()->isLoading(), 60000);
            QVERIFY(recording.inspector()->isWellFormed());
            QCOMPARE(recording.inspector()->bytes(), list.at(4).data);
            QVERIFY(recording.inspector()->jsonText().size() > extraBytes);
        }
    }

    void lineFormat()
    {
        // The documented fields, readable by any JSON tool: raw beside the decoded value.
        const QString path = record(samples().mid(0, 1), u"format.jsonl"_s);
        QVERIFY(!path.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 3); // header, one message, the empty rest after the last newline
        const QJsonObject header = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(header.value(u"format"_s).toString(), u"nolag-recording"_s);
        QCOMPARE(header.value(u"version"_s).toInt(), RecordingFormat::Version);
        const QJsonObject line = QJsonDocument::fromJson(lines.at(1)).object();
        QCOMPARE(line.value(u"topic"_s).toString(), u"demo/general/messages"_s);
        QCOMPARE(line.value(u"time"_s).toString(), u"2026-12-04T07:30:01.250Z"_s);
        QCOMPARE(line.value(u"timeMs"_s).toInteger(), 1796369401250);
        QCOMPARE(line.value(u"value"_s).toObject().value(u"text"_s).toString(), u"hello"_s);
        QCOMPARE(QByteArray::fromBase64(line.value(u"raw"_s).toString().toLatin1()),
                 samples().at(0).data);
    }

    void badLines_data()
    {
        QTest::addColumn<QByteArray>("damage");
        QTest::addColumn<int>("lost");
        QTest::addColumn<QString>("problem");

        QTest::addRow("cut off at the end")
            << QByteArray("{\"seq\":9,\"topic\":\"a/b/c\",\"raw\":\"gq") << 0
            << u"Line 7: The value of \"raw\" is not a complete string."_s;
        QTest::addRow("not JSON") << QByteArray("this is not a recording line\n") << 0
                                  << u"Line 7: The line is not a JSON object."_s;
        QTest::addRow("bad base64") << QByteArray("{\"topic\":\"a/b/c\",\"raw\":\"@@@\"}\n") << 0
                                    << u"Line 7: \"raw\" is not base64 text."_s;
        QTest::addRow("no raw") << QByteArray("{\"topic\":\"a/b/c\",\"value\":1}\n") << 0
                                << u"Line 7: The line has no \"topic\" or no \"raw\" payload."_s;
        QTest::addRow("value cut off")
            << QByteArray("{\"topic\":\"a/b/c\",\"raw\":\"wA==\",\"value\":{\"a\":[1,2}\n") << 0
            << u"Line 7: The value of \"value\" is cut off or broken."_s;
        QTest::addRow("bad qos") << QByteArray("{\"topic\":\"a/b/c\",\"qos\":7,\"raw\":\"wA==\"}\n")
                                 << 0 << u"Line 7: \"qos\" is not 0, 1 or 2."_s;
    }

    void badLines()
    {
        QFETCH(QByteArray, damage);
        QFETCH(int, lost);
        QFETCH(QString, problem);

        const QList<Sample> list = samples();
        const QString path =
            record(list,
                   u"bad-%1.jsonl"_s.arg(
                       QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
        QVERIFY(!path.isEmpty());
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::Append));
            file.write(damage);
        }

        RecordingSession recording(path);
        QVERIFY(openAndWait(recording));
        QCOMPARE(recording.problemCount(), 1);
        QCOMPARE(recording.problems().value(0), problem);
        QCOMPARE(recording.messageCount(), list.size() - lost);
        QVERIFY(recording.statusText().contains(u"1 line(s) could not be read"_s));
        const std::optional<TrafficMessage> last = recording.store()->message(quint64(list.size()));
        QVERIFY(last);
        QVERIFY(last->data == QByteArrayView(list.last().data));
    }

    void damageInTheMiddle()
    {
        // A broken line between good ones: the ones after it still load, in order.
        const QString path = m_dir.filePath(u"middle.jsonl"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(RecordingFormat::headerLine({}));
        TrafficStore source;
        fill(source, samples());
        QByteArray lines;
        for (quint64 s = 1; s < source.endSequence(); ++s) {
            RecordingFormat::appendMessageLine(lines, *source.message(s),
                                               source.topicName(source.message(s)->topicId), s);
            if (s == 2) {
                lines.append("{\"topic\": broken\n");
            }
        }
        file.write(lines);
        file.close();

        RecordingSession recording(path);
        QVERIFY(openAndWait(recording));
        QCOMPARE(recording.problemCount(), 1);
        QVERIFY(recording.problems().first().startsWith(u"Line 4: "_s));
        QCOMPARE(recording.messageCount(), qint64(source.count()));
        QCOMPARE(recording.store()->topicName(recording.store()->message(3)->topicId),
                 samples().at(2).topic);
    }

    void notARecording_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<bool>("exists");
        QTest::addColumn<QString>("error");
        QTest::addRow("missing file") << QByteArray() << false << u"Cannot open"_s;
        QTest::addRow("another format")
            << QByteArray("{\"format\":\"something-else\",\"version\":1}\n") << true
            << u"Line 1: The file says it is \"something-else\", not a NoLag recording."_s;
    }

    void notARecording()
    {
        QFETCH(QByteArray, contents);
        QFETCH(bool, exists);
        QFETCH(QString, error);
        const QString path = m_dir.filePath(u"other-%1.jsonl"_s.arg(
            QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
        if (exists) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(contents);
        }
        RecordingSession recording(path);
        if (!exists) {
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Cannot open .*"_s));
            QVERIFY(!recording.open());
            QVERIFY(recording.errorString().startsWith(error));
            return;
        }
        QVERIFY(openAndWait(recording));
        QCOMPARE(recording.problems().value(0), error);
        QCOMPARE(recording.messageCount(), 0);
    }

    void manyChunks()
    {
        // More chunks than the store keeps loaded: reading back and forth reloads them.
        const QString path = m_dir.filePath(u"many.jsonl"_s);
        {
            TrafficStore source;
            const quint32 topic = source.topics().intern(u"demo/load/test"_s);
            for (int i = 0; i < 50000; ++i) {
                source.append(topic, 1796369400000 + i, 1, 0,
                              packVariant(QVariantMap{{u"n"_s, i}}));
            }
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(RecordingFormat::headerLine({}));
            QByteArray lines;
            for (quint64 s = 1; s < source.endSequence(); ++s) {
                RecordingFormat::appendMessageLine(lines, *source.message(s), u"demo/load/test", s);
            }
            file.write(lines);
        }
        RecordingSession recording(path);
        QVERIFY(openAndWait(recording));
        QCOMPARE(recording.messageCount(), 50000);
        QVERIFY(recording.firstRowsMilliseconds() >= 0);
        for (const quint64 sequence : {49999u, 1u, 30000u, 8193u, 50000u, 2u}) {
            const std::optional<TrafficMessage> message = recording.store()->message(sequence);
            QVERIFY(message);
            QCOMPARE(NoLag::Codec::decodeVariant(message->data).toMap().value(u"n"_s).toInt(),
                     int(sequence - 1));
        }
    }
};

QTEST_MAIN(tst_Recording)

#include "tst_recording.moc"
