// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "recorder.h"

#include "common/payloadformat.h"
#include "recordingformat.h"
#include "recordinglogging.h"
#include "session/session.h"
#include "traffic/trafficstore.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QRegularExpression>
#include <QtCore/QStandardPaths>

#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcExplorerRecording, "nolag.explorer.recording", QtInfoMsg)

namespace {

constexpr int DefaultFlushIntervalMs = 250;

} // namespace

/*!
    The writer thread's side: turns batches of stored messages into lines and appends them.
    Every method runs in the writer thread; results go back to the recorder as queued calls.
*/
class RecordingWriter : public QObject
{
public:
    struct Batch
    {
        TrafficSnapshot snapshot;
        quint64 from = 0;
        quint64 end = 0;
        QStringList newTopics; // names of the topic ids the writer has not seen yet, in order
    };

    RecordingWriter(std::unique_ptr<QFile> file, Recorder *recorder)
        : m_file(std::move(file))
        , m_recorder(recorder)
    { }

    void write(const Batch &batch)
    {
        m_topics.append(batch.newTopics);
        if (m_failed) {
            return;
        }
        QByteArray lines;
        lines.reserve(qsizetype(batch.end - batch.from) * 256);
        qint64 count = 0;
        for (quint64 sequence = batch.from; sequence < batch.end; ++sequence) {
            const std::optional<TrafficMessage> message = batch.snapshot.message(sequence);
            if (!message) {
                continue;
            }
            RecordingFormat::appendMessageLine(lines, *message, m_topics.value(message->topicId),
                                               sequence);
            ++count;
        }
        if (m_file->write(lines) != lines.size()) {
            m_failed = true;
            report(0, 0, m_file->errorString());
            return;
        }
        report(count, lines.size(), QString());
    }

    void finish()
    {
        const bool flushed = m_file->flush();
        m_file->close();
        const QString error = flushed ? QString() : m_file->errorString();
        const QString path = m_file->fileName();
        const bool ok = !m_failed && flushed;
        QPointer<Recorder> recorder = m_recorder;
        QMetaObject::invokeMethod(
            m_recorder,
            [recorder, path, ok, error] {
                if (recorder) {
                    recorder->m_stopping = false;
                    recorder->m_recording = false;
                    if (!error.isEmpty()) {
                        recorder->fail(error);
                    }
                    Q_EMIT recorder->recordingChanged();
                    Q_EMIT recorder->progressChanged();
                    Q_EMIT recorder->finished(path, ok);
                }
            },
            Qt::QueuedConnection);
    }

private:
    void report(qint64 count, qint64 bytes, const QString &error)
    {
        QPointer<Recorder> recorder = m_recorder;
        QMetaObject::invokeMethod(
            m_recorder,
            [recorder, count, bytes, error] {
                if (!recorder) {
                    return;
                }
                recorder->m_recorded += count;
                recorder->m_written += bytes;
                if (!error.isEmpty()) {
                    recorder->fail(error);
                }
                Q_EMIT recorder->progressChanged();
            },
            Qt::QueuedConnection);
    }

    std::unique_ptr<QFile> m_file;
    Recorder *m_recorder;
    QStringList m_topics;
    bool m_failed = false;
};

Recorder::Recorder(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(u"nolag-recorder"_s);
    m_timer.setInterval(DefaultFlushIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Recorder::handOver);
}

Recorder::~Recorder()
{
    if (m_recording && !m_stopping) {
        handOver();
        finishWriter();
    }
    m_thread.wait(); // the file is complete and closed
}

void Recorder::setSession(Session *session)
{
    if (m_session == session) {
        return;
    }
    if (m_recording) {
        stop();
    }
    m_session = session;
    m_store = session ? session->store() : nullptr;
    m_source = session ? session->name() : QString();
    m_broker = session
        ? QUrl(session->brokerUrl()).adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString()
        : QString();
    Q_EMIT sessionChanged();
}

void Recorder::setStore(TrafficStore *store, const QString &source, const QString &broker)
{
    if (m_recording) {
        stop();
    }
    m_store = store;
    m_source = source;
    m_broker = broker;
}

QString Recorder::statusText() const
{
    if (!m_recording) {
        return m_recorded > 0
            ? tr("Recorded %1 messages to %2").arg(m_recorded).arg(QFileInfo(m_filePath).fileName())
            : QString();
    }
    QString text =
        tr("Recording: %1 messages, %2").arg(m_recorded).arg(PayloadFormat::humanSize(m_written));
    if (m_missed > 0) {
        text += tr(" (%1 dropped from memory before they could be written)").arg(m_missed);
    }
    return text;
}

void Recorder::setFlushInterval(int milliseconds)
{
    milliseconds = std::max(milliseconds, 10);
    if (m_timer.interval() == milliseconds) {
        return;
    }
    m_timer.setInterval(milliseconds);
    Q_EMIT flushIntervalChanged();
}

bool Recorder::start(const QUrl &file)
{
    if (m_recording) {
        fail(tr("A recording is already running; stop it first."));
        return false;
    }
    if (!m_store) {
        fail(tr("There is no connection to record."));
        return false;
    }
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty()) {
        fail(tr("Choose a file to record to."));
        return false;
    }

    auto output = std::make_unique<QFile>(path);
    if (!output->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        fail(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), output->errorString()));
        return false;
    }
    RecordingFormat::Header header;
    header.createdMs = QDateTime::currentMSecsSinceEpoch();
    header.source = m_source;
    header.broker = m_broker;
    const QByteArray headerLine = RecordingFormat::headerLine(header);
    if (output->write(headerLine) != headerLine.size()) {
        fail(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), output->errorString()));
        return false;
    }

    m_errorString.clear();
    m_filePath = path;
    m_recorded = 0;
    m_written = headerLine.size();
    m_missed = 0;
    m_next = m_store->endSequence();
    m_knownTopics = 0;

    m_writer = new RecordingWriter(std::move(output), this);
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    m_thread.start();

    m_recording = true;
    m_timer.start();
    qCInfo(lcExplorerRecording, "Recording %s to %s", qPrintable(m_source), qPrintable(path));
    Q_EMIT recordingChanged();
    Q_EMIT progressChanged();
    return true;
}

void Recorder::stop()
{
    if (!m_recording || m_stopping) {
        return;
    }
    m_timer.stop();
    handOver();
    m_stopping = true;
    finishWriter();
    connect(
        &m_thread, &QThread::finished, this,
        [this] {
            m_writer = nullptr;
            qCInfo(lcExplorerRecording, "Recorded %lld messages to %s", m_recorded,
                   qPrintable(m_filePath));
        },
        Qt::SingleShotConnection);
}

QUrl Recorder::suggestedFile() const
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty()) {
        folder = QDir::homePath();
    }
    QString name = m_source.isEmpty() ? u"traffic"_s : m_source;
    name.replace(QRegularExpression(u"[^A-Za-z0-9_-]+"_s), u"-"_s);
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    return QUrl::fromLocalFile(QDir(folder).filePath(u"%1-%2.jsonl"_s.arg(name, stamp)));
}

void Recorder::handOver()
{
    if (!m_recording || m_stopping || !m_store || !m_writer) {
        return;
    }
    const quint64 end = m_store->endSequence();
    const TopicTable &topics = m_store->topics();
    if (end == m_next && topics.count() == m_knownTopics) {
        return;
    }

    RecordingWriter::Batch batch;
    batch.from = std::max(m_next, m_store->firstSequence());
    batch.end = end;
    m_missed += qint64(batch.from - std::min(batch.from, m_next));
    for (; m_knownTopics < topics.count(); ++m_knownTopics) {
        batch.newTopics.append(topics.name(quint32(m_knownTopics)));
    }
    batch.snapshot = m_store->snapshot();
    m_next = end;

    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer, batch = std::move(batch)] { writer->write(batch); },
        Qt::QueuedConnection);
}

void Recorder::fail(const QString &errorString)
{
    m_errorString = errorString;
    qCWarning(lcExplorerRecording, "%s", qPrintable(errorString));
    Q_EMIT errorOccurred();
    if (m_recording && !m_stopping) {
        stop();
    }
}

void Recorder::finishWriter()
{
    // The thread ends after the writer closed the file; finished() is queued before that.
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer] { writer->finish(); }, Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        m_writer, [thread = &m_thread] { thread->quit(); }, Qt::QueuedConnection);
}
