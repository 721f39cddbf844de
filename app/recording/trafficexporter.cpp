// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "trafficexporter.h"

#include "common/payloadformat.h"
#include "recordingformat.h"
#include "recordinglogging.h"
#include "traffic/trafficmodel.h"
#include "traffic/trafficstore.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QPromise>
#include <QtCore/QSaveFile>

#include <charconv>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype WriteBytes = 1024 * 1024;
constexpr qsizetype ProgressEvery = 4096;

void appendNumber(QByteArray &out, qint64 value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
    out.append(buffer, result.ptr - buffer);
}

struct Job
{
    QString path;
    TrafficExporter::Format format = TrafficExporter::JsonLines;
    TrafficSnapshot snapshot;
    std::vector<quint64> sequences;
    QStringList topics;
    RecordingFormat::Header header;
};

void run(QPromise<TrafficExporter::Result> &promise, const Job &job)
{
    TrafficExporter::Result result;
    QSaveFile file(job.path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.errorString = TrafficExporter::tr("Cannot write %1: %2")
                                 .arg(QDir::toNativeSeparators(job.path), file.errorString());
        promise.addResult(result);
        return;
    }
    promise.setProgressRange(0, int(std::min<size_t>(job.sequences.size(), INT_MAX)));

    QByteArray out;
    out.reserve(WriteBytes + 64 * 1024);
    if (job.format == TrafficExporter::Csv) {
        out.append("time,topic,sender,qos,size,payload\r\n");
    } else {
        out.append(RecordingFormat::headerLine(job.header));
    }

    const auto flush = [&] {
        if (file.write(out) != out.size()) {
            return false;
        }
        result.bytes += out.size();
        out.clear();
        return true;
    };

    QByteArray topicUtf8;
    quint32 topicUtf8Id = UINT_MAX;
    for (size_t i = 0; i < job.sequences.size(); ++i) {
        if (i % ProgressEvery == 0) {
            if (promise.isCanceled()) {
                file.cancelWriting();
                result.cancelled = true;
                result.count = qint64(i);
                promise.addResult(result);
                return;
            }
            promise.setProgressValue(int(i));
        }
        const quint64 sequence = job.sequences[i];
        const std::optional<TrafficMessage> message = job.snapshot.message(sequence);
        if (!message) {
            continue; // evicted before the export started; the count says so
        }
        const QString topic = job.topics.value(message->topicId);
        if (job.format == TrafficExporter::Csv) {
            RecordingFormat::appendIsoTime(out, message->receivedAtMs);
            out.append(',');
            if (topicUtf8Id != message->topicId) {
                topicUtf8 = topic.toUtf8();
                topicUtf8Id = message->topicId;
            }
            TrafficExporter::appendCsvField(out, topicUtf8);
            out.append(',');
            TrafficExporter::appendCsvField(out, message->sender);
            out.append(',');
            appendNumber(out, message->qos);
            out.append(',');
            appendNumber(out, message->data.size());
            out.append(',');
            TrafficExporter::appendCsvField(
                out, PayloadFormat::toJson(message->data, PayloadFormat::Style::Compact).toUtf8());
            out.append("\r\n");
        } else {
            RecordingFormat::appendMessageLine(out, *message, topic, sequence);
        }
        ++result.count;
        if (out.size() >= WriteBytes && !flush()) {
            break;
        }
    }

    if (!flush() || !file.commit()) {
        file.cancelWriting();
        result.errorString = TrafficExporter::tr("Cannot write %1: %2")
                                 .arg(QDir::toNativeSeparators(job.path), file.errorString());
        promise.addResult(result);
        return;
    }
    promise.setProgressValue(int(std::min<size_t>(job.sequences.size(), INT_MAX)));
    result.ok = true;
    promise.addResult(result);
}

} // namespace

TrafficExporter::TrafficExporter(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result>::progressValueChanged, this, [this](int value) {
        m_exported = value;
        Q_EMIT progressChanged();
    });
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &TrafficExporter::onFinished);
}

TrafficExporter::~TrafficExporter()
{
    m_watcher.disconnect(this);
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void TrafficExporter::setTraffic(TrafficModel *traffic)
{
    if (m_traffic == traffic) {
        return;
    }
    m_traffic = traffic;
    Q_EMIT trafficChanged();
}

double TrafficExporter::progress() const
{
    return m_total > 0 ? double(m_exported) / double(m_total) : 0.0;
}

QString TrafficExporter::statusText() const
{
    if (isRunning()) {
        return tr("Exporting %1 of %2 messages…").arg(m_exported).arg(m_total);
    }
    if (!m_errorString.isEmpty()) {
        return m_errorString;
    }
    if (m_lastCancelled) {
        return tr("Export cancelled; no file was written.");
    }
    if (!m_filePath.isEmpty()) {
        return tr("Exported %1 messages to %2")
            .arg(m_exported)
            .arg(QDir::toNativeSeparators(m_filePath));
    }
    return QString();
}

TrafficExporter::Format TrafficExporter::formatFor(const QUrl &file)
{
    return file.path().endsWith(u".csv"_s, Qt::CaseInsensitive) ? Csv : JsonLines;
}

void TrafficExporter::appendCsvField(QByteArray &out, QByteArrayView field)
{
    bool quote = false;
    for (const char c : field) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        out.append(field.data(), field.size());
        return;
    }
    out.append('"');
    for (const char c : field) {
        if (c == '"') {
            out.append('"');
        }
        out.append(c);
    }
    out.append('"');
}

bool TrafficExporter::start(const QUrl &file, Format format)
{
    if (isRunning()) {
        m_errorString = tr("An export is running already; wait for it or cancel it.");
        Q_EMIT errorOccurred();
        return false;
    }
    TrafficStore *store = m_traffic ? m_traffic->store() : nullptr;
    if (!store) {
        m_errorString = tr("There is no traffic to export.");
        Q_EMIT errorOccurred();
        return false;
    }
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty()) {
        m_errorString = tr("Choose a file to export to.");
        Q_EMIT errorOccurred();
        return false;
    }

    // What the table shows now; rows the table adds meanwhile are not part of this export.
    m_traffic->flush();
    Job job;
    job.path = path;
    job.format = format;
    job.snapshot = store->snapshot();
    const int rows = m_traffic->rowCount();
    job.sequences.reserve(size_t(rows));
    for (int row = 0; row < rows; ++row) {
        job.sequences.push_back(quint64(m_traffic->sequenceAt(row)));
    }
    const TopicTable &topics = store->topics();
    for (qsizetype id = 0; id < topics.count(); ++id) {
        job.topics.append(topics.name(quint32(id)));
    }
    job.header.createdMs = QDateTime::currentMSecsSinceEpoch();
    job.header.source = tr("Export of the traffic table");

    m_filePath = path;
    m_errorString.clear();
    m_lastCancelled = false;
    m_exported = 0;
    m_total = rows;
    m_watcher.setFuture(QtConcurrent::run(run, std::move(job)));
    qCInfo(lcExplorerRecording, "Exporting %d messages to %s", rows, qPrintable(path));
    Q_EMIT runningChanged();
    Q_EMIT progressChanged();
    return true;
}

void TrafficExporter::cancel()
{
    if (isRunning()) {
        m_watcher.cancel();
    }
}

void TrafficExporter::onFinished()
{
    const QFuture<Result> future = m_watcher.future();
    Result result;
    if (future.resultCount() > 0) {
        result = future.result();
    } else {
        result.cancelled = true;
    }
    if (!result.cancelled) {
        m_exported = result.count;
    }
    m_lastCancelled = result.cancelled;
    if (result.cancelled) {
        m_errorString.clear();
    }
    if (!result.ok && !result.cancelled) {
        m_errorString = result.errorString;
        qCWarning(lcExplorerRecording, "%s", qPrintable(m_errorString));
        Q_EMIT errorOccurred();
    }
    Q_EMIT runningChanged();
    Q_EMIT progressChanged();
    Q_EMIT finished(result.ok, m_filePath);
}
