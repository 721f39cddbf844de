// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// explorer2-bench: how fast NoLag Explorer opens a recording and exports traffic.
//
//  1. Opening: a recording of N messages (1,000,000 by default) is written once, then opened
//     with RecordingSession (indexed in its worker thread) several times. Baseline: reading
//     the same file line by line with QFile, in the same run. Also reported: the time until
//     the first rows could be shown.
//  2. Export: the same N messages in a TrafficStore are exported to CSV with TrafficExporter
//     (its worker thread). Baseline: rendering each payload as compact JSON and nothing else,
//     which is the part of every CSV row that costs the most.
//
// Medians of --runs runs; --quick uses 200,000 messages and fewer runs.

#include "common/benchsupport.h"
#include "common/payloadformat.h"
#include "recording/recordingformat.h"
#include "recording/recordingsession.h"
#include "recording/trafficexporter.h"
#include "traffic/trafficmodel.h"
#include "traffic/trafficstore.h"

#include <nolagcodec/variantcodec.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtGui/QGuiApplication>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest/QSignalSpy>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(NoLagExplorerPlugin)

using namespace Qt::StringLiterals;
using namespace NoLagBench;

namespace {

// Demo-like traffic: chat lines and sensor readings on a dozen topics.
void fillStore(TrafficStore &store, int count)
{
    QList<quint32> topics;
    for (int i = 0; i < 12; ++i) {
        topics.append(
            store.topics().intern(u"demo/%1/%2"_s.arg(i % 2 ? u"general"_s : u"sensors"_s).arg(i)));
    }
    const qint64 start = 1796369400000;
    bool ok = false;
    for (int i = 0; i < count; ++i) {
        const QByteArray data = i % 2
            ? NoLag::Codec::encodeVariant(QVariantMap{{u"text"_s, u"hello from the bench"_s},
                                                      {u"n"_s, i},
                                                      {u"user"_s, u"alice"_s}},
                                          &ok)
            : NoLag::Codec::encodeVariant(
                  QVariantMap{{u"temperature"_s, 20.0 + (i % 100) / 10.0},
                              {u"reading"_s, QVariantMap{{u"value"_s, i % 1000}}}},
                  &ok);
        store.append(topics.at(i % topics.size()), start + i / 10, 1, 0, data, "msg-id-0001");
    }
}

bool writeRecording(const TrafficStore &store, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    file.write(RecordingFormat::headerLine({}));
    QByteArray lines;
    for (quint64 s = store.firstSequence(); s < store.endSequence(); ++s) {
        const TrafficMessage message = *store.message(s);
        RecordingFormat::appendMessageLine(lines, message, store.topicName(message.topicId), s);
        if (lines.size() > 4 * 1024 * 1024) {
            file.write(lines);
            lines.clear();
        }
    }
    file.write(lines);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication application(argc, argv);
    const Settings settings =
        parseSettings(u"How fast NoLag Explorer opens recordings and exports traffic."_s, 5, 2);
    const int count = settings.quick ? 200000 : 1000000;

    QTemporaryDir dir;
    std::printf("Preparing %d messages…\n", count);
    std::fflush(stdout);
    TrafficStore store;
    fillStore(store, count);
    const QString recordingPath = dir.filePath(u"bench.jsonl"_s);
    if (!writeRecording(store, recordingPath)) {
        std::fprintf(stderr, "explorer2-bench: cannot write %s\n", qPrintable(recordingPath));
        return 1;
    }
    const qint64 fileBytes = QFileInfo(recordingPath).size();

    if (settings.wants(u"open"_s)) {
        QList<double> baseline;
        QList<double> open;
        QList<double> firstRows;
        for (int run = 0; run < settings.runs; ++run) {
            QElapsedTimer clock;
            clock.start();
            QFile file(recordingPath);
            file.open(QIODevice::ReadOnly);
            qint64 lines = 0;
            while (!file.atEnd()) {
                file.readLine();
                ++lines;
            }
            baseline.append(double(clock.elapsed()));

            RecordingSession recording(recordingPath);
            QSignalSpy finished(&recording, &RecordingSession::finished);
            recording.open();
            finished.wait(600000);
            if (recording.messageCount() != count) {
                std::fprintf(stderr, "explorer2-bench: opened %lld of %d messages\n",
                             recording.messageCount(), count);
                return 1;
            }
            open.append(double(recording.openMilliseconds()));
            firstRows.append(double(recording.firstRowsMilliseconds()));
        }
        Table table(u"Opening a recording of %1 messages (%2 MB)"_s.arg(grouped(count))
                        .arg(fixed(fileBytes / 1048576.0, 0)),
                    {u"What"_s, u"Time (ms)"_s, u"vs. line reading"_s});
        const double base = median(baseline);
        table.addRow({u"Baseline: QFile::readLine over the file"_s, fixed(base, 0), u"1.00"_s});
        table.addRow({u"RecordingSession: whole file indexed"_s, fixed(median(open), 0),
                      ratioText(median(open) / base)});
        table.addRow({u"RecordingSession: first rows shown"_s, fixed(median(firstRows), 0),
                      ratioText(median(firstRows) / base)});
        table.addNote(u"Medians of %1 runs. The index keeps 40 bytes per message; the lines stay "
                      "in the file and are decoded when shown."_s.arg(settings.runs));
        table.publish(settings);
    }

    if (settings.wants(u"export"_s)) {
        TrafficModel traffic(&store);
        traffic.flush();
        QList<double> baseline;
        QList<double> exportRate;
        for (int run = 0; run < settings.runs; ++run) {
            QElapsedTimer clock;
            clock.start();
            qint64 chars = 0;
            for (quint64 s = store.firstSequence(); s < store.endSequence(); ++s) {
                chars +=
                    PayloadFormat::toJson(store.message(s)->data, PayloadFormat::Style::Compact)
                        .size();
            }
            baseline.append(count / (std::max<qint64>(clock.elapsed(), 1) / 1000.0));
            Q_UNUSED(chars);

            TrafficExporter exporter;
            exporter.setTraffic(&traffic);
            QSignalSpy finished(&exporter, &TrafficExporter::finished);
            clock.restart();
            exporter.startPath(dir.filePath(u"export.csv"_s), TrafficExporter::Csv);
            finished.wait(600000);
            if (!finished.value(0).value(0).toBool()) {
                std::fprintf(stderr, "explorer2-bench: export failed: %s\n",
                             qPrintable(exporter.errorString()));
                return 1;
            }
            exportRate.append(count / (std::max<qint64>(clock.elapsed(), 1) / 1000.0));
        }
        const double base = median(baseline);
        Table table(u"Exporting %1 messages to CSV"_s.arg(grouped(count)),
                    {u"What"_s, u"Messages/s"_s, u"vs. JSON rendering alone"_s});
        table.addRow(
            {u"Baseline: PayloadFormat::toJson of each payload"_s, grouped(base), u"1.00"_s});
        table.addRow({u"TrafficExporter to CSV (worker thread, file written)"_s,
                      grouped(median(exportRate)), ratioText(median(exportRate) / base)});
        table.addNote(u"Medians of %1 runs; from start() to finished(), file committed."_s.arg(
            settings.runs));
        table.publish(settings);
    }
    if (settings.wants(u"large"_s)) {
        // One 16 MB message between small ones: reading it back on the UI thread (what the
        // table does when its row is shown) and rendering it in the inspector's worker.
        TrafficStore large;
        const quint32 topic = large.topics().intern(u"demo/general/blob"_s);
        bool ok = false;
        large.append(topic, 1796369400000, 1, 0,
                     NoLag::Codec::encodeVariant(QVariantMap{{u"n"_s, 1}}, &ok));
        large.append(topic, 1796369400001, 1, 0,
                     NoLag::Codec::encodeVariant(
                         QVariantMap{{u"blob"_s, QString(16 * 1024 * 1024 - 64, u'x')}}, &ok));
        const QString path = dir.filePath(u"large.jsonl"_s);
        writeRecording(large, path);

        QList<double> read;
        QList<double> inspect;
        for (int run = 0; run < settings.runs; ++run) {
            RecordingSession recording(path);
            QSignalSpy finished(&recording, &RecordingSession::finished);
            recording.open();
            finished.wait(60000);
            QElapsedTimer clock;
            clock.start();
            const std::optional<TrafficMessage> message = recording.store()->message(2);
            read.append(double(clock.elapsed()));
            if (!message || message->data.size() < 16 * 1000 * 1000) {
                std::fprintf(stderr, "explorer2-bench: the 16 MB message did not read back\n");
                return 1;
            }
            clock.restart();
            recording.inspector()->inspect(2);
            waitUntil([&] { return !recording.inspector()->isLoading(); }, 60000);
            inspect.append(double(clock.elapsed()));
        }
        Table table(u"A 16 MB message in a recording"_s, {u"What"_s, u"Time (ms)"_s});
        table.addRow({u"Read back and decoded from the file (UI thread, once per chunk)"_s,
                      fixed(median(read), 0)});
        table.addRow(
            {u"Shown in the inspector (rendered in its worker)"_s, fixed(median(inspect), 0)});
        table.addNote(u"Medians of %1 runs."_s.arg(settings.runs));
        table.publish(settings);
    }
    return 0;
}
