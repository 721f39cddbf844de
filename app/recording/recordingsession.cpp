// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "recordingsession.h"

#include "common/payloadformat.h"
#include "recordingformat.h"
#include "recordinglogging.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QHash>
#include <QtCore/QThread>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype RecordsPerChunk = 8192;
constexpr qint64 PayloadBytesPerChunk = 1024 * 1024;
constexpr qint64 ReadBlockBytes = 4 * 1024 * 1024;

/*!
    Reads the messages of one on-disk chunk back from the recording: the chunk's lines are
    contiguous in the file, so one read covers them, and only "raw" and the three short
    strings before it are decoded.
*/
class RecordingChunkLoader : public TrafficChunkLoader
{
public:
    RecordingChunkLoader(QString path, qint64 fileSize, qint64 base)
        : m_path(std::move(path))
        , m_fileSize(fileSize)
        , m_base(base)
    { }

    void addLine(qint64 offset, qint64 length)
    {
        m_offsets.push_back(quint32(offset - m_base));
        m_lengths.push_back(quint32(length));
    }

    std::shared_ptr<const TrafficChunk> load(const TrafficChunk &outline) const override
    {
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly) || file.size() != m_fileSize || !file.seek(m_base)) {
            return nullptr;
        }
        const qint64 span = qint64(m_offsets.back()) + m_lengths.back();
        const QByteArray text = file.read(span);
        if (text.size() != span) {
            return nullptr;
        }

        struct Parts
        {
            QByteArray data;
            QByteArray msgId;
            QByteArray filter;
            QByteArray sender;
        };
        std::vector<Parts> parts(m_offsets.size());
        qsizetype arena = 0;
        for (size_t i = 0; i < m_offsets.size(); ++i) {
            const QByteArrayView line(text.constData() + m_offsets[i], m_lengths[i]);
            RecordingFormat::LineFields fields;
            if (!RecordingFormat::readLine(line, &fields, nullptr,
                                           RecordingFormat::Scan::UpToRaw) ||
                !RecordingFormat::decodeRaw(fields.raw, parts[i].data)) {
                return nullptr; // the file changed since it was indexed
            }
            parts[i].msgId = fields.msgId.utf8();
            parts[i].filter = fields.filter.utf8();
            parts[i].sender = fields.sender.utf8();
            arena += parts[i].data.size() + parts[i].msgId.size() + parts[i].filter.size() +
                parts[i].sender.size();
        }

        auto chunk = std::make_shared<TrafficChunk>(outline.firstSequence(),
                                                    outline.recordCapacity(), arena);
        for (size_t i = 0; i < parts.size(); ++i) {
            chunk->append(outline.record(qsizetype(i)), parts[i].data, parts[i].msgId,
                          parts[i].filter, parts[i].sender);
        }
        return chunk;
    }

private:
    QString m_path;
    qint64 m_fileSize;
    qint64 m_base;
    std::vector<quint32> m_offsets; // of each line, from m_base
    std::vector<quint32> m_lengths;
};

} // namespace

struct RecordingSession::Batch
{
    std::vector<std::shared_ptr<TrafficChunk>> chunks;
    QStringList newTopics; // in id order, following the ones sent before
    qint64 indexedBytes = 0;
    QStringList problems;
    int problemCount = 0;
    bool hasHeader = false;
    RecordingFormat::Header header;
    bool done = false;
    QString fatalError;
};

namespace {

/*! The worker's side of RecordingSession::open(). */
class Indexer
{
public:
    using Deliver = std::function<void(std::shared_ptr<RecordingSession::Batch>)>;

    Indexer(QString path, std::shared_ptr<std::atomic_bool> cancel, Deliver deliver)
        : m_path(std::move(path))
        , m_cancel(std::move(cancel))
        , m_deliver(std::move(deliver))
    { }

    void run()
    {
        QFile file(m_path);
        m_batch = std::make_shared<RecordingSession::Batch>();
        if (!file.open(QIODevice::ReadOnly)) {
            m_batch->fatalError = QObject::tr("Cannot open %1: %2")
                                      .arg(QDir::toNativeSeparators(m_path), file.errorString());
            m_batch->done = true;
            m_deliver(m_batch);
            return;
        }
        m_fileSize = file.size();

        QByteArray buffer;
        qint64 bufferStart = 0; // file offset of buffer[0]
        qsizetype scanFrom = 0;
        while (!m_cancel->load()) {
            const QByteArray block = file.read(ReadBlockBytes);
            const bool atEnd = block.isEmpty();
            if (!atEnd) {
                buffer.append(block);
            }
            qsizetype lineStart = 0;
            while (true) {
                const qsizetype newline = buffer.indexOf('\n', scanFrom);
                if (newline < 0) {
                    break;
                }
                line(bufferStart + lineStart,
                     QByteArrayView(buffer.constData() + lineStart, newline - lineStart));
                lineStart = newline + 1;
                scanFrom = lineStart;
            }
            if (atEnd) {
                if (lineStart < buffer.size()) {
                    // The last line has no newline: complete if it reads, else cut off.
                    line(bufferStart + lineStart,
                         QByteArrayView(buffer.constData() + lineStart, buffer.size() - lineStart));
                }
                break;
            }
            buffer.remove(0, lineStart);
            bufferStart += lineStart;
            scanFrom = buffer.size();
            m_batch->indexedBytes = bufferStart;
        }

        closeChunk();
        m_batch->indexedBytes = m_cancel->load() ? m_batch->indexedBytes : m_fileSize;
        m_batch->done = true;
        m_deliver(m_batch);
    }

private:
    void line(qint64 offset, QByteArrayView text)
    {
        ++m_lineNumber;
        m_position = offset + text.size() + 1;
        if (text.trimmed().isEmpty()) {
            return;
        }
        RecordingFormat::LineFields fields;
        QString error;
        if (!RecordingFormat::readLine(text, &fields, &error)) {
            problem(error);
            return;
        }
        if (fields.isHeader) {
            if (m_lineNumber != 1) {
                problem(QObject::tr("A second header line; it is ignored."));
            } else if (fields.format != QLatin1StringView(RecordingFormat::FormatName)) {
                problem(QObject::tr("The file says it is \"%1\", not a NoLag recording.")
                            .arg(fields.format));
            } else if (fields.version > RecordingFormat::Version) {
                problem(QObject::tr("Format version %1 is newer than this explorer reads (%2); "
                                    "fields it does not know are ignored.")
                            .arg(fields.version)
                            .arg(RecordingFormat::Version));
            }
            m_batch->hasHeader = true;
            m_batch->header.version = fields.version;
            m_batch->header.source = fields.source.text();
            m_batch->header.broker = fields.broker.text();
            m_batch->header.createdMs =
                QDateTime::fromString(fields.created.text(), Qt::ISODateWithMs).toMSecsSinceEpoch();
            return;
        }

        const qsizetype size = fields.rawSize();
        if (!m_chunk || m_chunk->isFull() ||
            (m_chunk->count() > 0 && m_chunkBytes + size > PayloadBytesPerChunk)) {
            closeChunk();
            auto loader = std::make_shared<RecordingChunkLoader>(m_path, m_fileSize, offset);
            m_loader = loader.get();
            m_chunk =
                std::make_shared<TrafficChunk>(m_nextSequence, RecordsPerChunk, std::move(loader));
            m_chunkBytes = 0;
        }

        TrafficChunk::Record record{};
        record.receivedAtMs = fields.timeMs;
        record.topicId = topicId(fields.topic);
        record.dataSize = quint32(size);
        record.qos = quint8(fields.qos);
        record.flags = fields.flags;
        m_chunk->appendOutline(record);
        m_loader->addLine(offset, text.size());
        m_chunkBytes += size;
        ++m_nextSequence;
    }

    quint32 topicId(const RecordingFormat::LineFields::Text &topic)
    {
        const QByteArray key = topic.escaped
            ? topic.utf8()
            : QByteArray::fromRawData(topic.json.data(), topic.json.size());
        const auto it = m_topicIds.constFind(key);
        if (it != m_topicIds.constEnd()) {
            return it.value();
        }
        const quint32 id = quint32(m_topicIds.size());
        m_topicIds.insert(QByteArray(key.constData(), key.size()), id);
        m_batch->newTopics.append(QString::fromUtf8(key));
        return id;
    }

    void problem(const QString &text)
    {
        ++m_batch->problemCount;
        if (m_problemsListed < RecordingSession::ListedProblems) {
            ++m_problemsListed;
            m_batch->problems.append(QObject::tr("Line %1: %2").arg(m_lineNumber).arg(text));
        }
    }

    void closeChunk()
    {
        if (m_chunk && m_chunk->count() > 0) {
            m_batch->chunks.push_back(std::move(m_chunk));
            m_batch->indexedBytes = std::min(m_position, m_fileSize);
            // Hand over at once: the first rows show while the rest is indexed.
            m_deliver(std::exchange(m_batch, std::make_shared<RecordingSession::Batch>()));
        }
        m_chunk.reset();
        m_loader = nullptr;
    }

    QString m_path;
    std::shared_ptr<std::atomic_bool> m_cancel;
    Deliver m_deliver;
    qint64 m_fileSize = 0;
    qint64 m_lineNumber = 0;
    qint64 m_position = 0; // file offset after the last line read
    int m_problemsListed = 0;
    quint64 m_nextSequence = 1;
    QHash<QByteArray, quint32> m_topicIds;
    std::shared_ptr<RecordingSession::Batch> m_batch;
    std::shared_ptr<TrafficChunk> m_chunk;
    RecordingChunkLoader *m_loader = nullptr;
    qint64 m_chunkBytes = 0;
};

} // namespace

RecordingSession::RecordingSession(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(filePath)
    , m_fileSize(QFileInfo(filePath).size())
{
    // A recording does not grow: publish its rows as soon as a chunk arrives.
    m_traffic.setUpdateInterval(50);
    connect(&m_traffic, &TrafficModel::selectionChanged, this,
            [this] { m_inspector.inspect(m_traffic.selectedSequence()); });
}

RecordingSession::~RecordingSession()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

QString RecordingSession::name() const
{
    return QFileInfo(m_filePath).fileName();
}

QString RecordingSession::createdText() const
{
    return m_createdMs > 0
        ? QDateTime::fromMSecsSinceEpoch(m_createdMs).toString(u"yyyy-MM-dd HH:mm:ss"_s)
        : QString();
}

double RecordingSession::progress() const
{
    if (!m_indexing) {
        return m_errorString.isEmpty() ? 1.0 : 0.0;
    }
    return m_fileSize > 0 ? double(m_indexedBytes) / double(m_fileSize) : 0.0;
}

QString RecordingSession::problemsText() const
{
    QString text = m_problems.join(u'\n');
    if (m_problemCount > m_problems.size()) {
        text += u'\n' +
            tr("… and %1 more lines that could not be read.")
                .arg(m_problemCount - m_problems.size());
    }
    return text;
}

QString RecordingSession::statusText() const
{
    if (!m_errorString.isEmpty()) {
        return m_errorString;
    }
    QString text = m_indexing
        ? tr("Opening: %1 messages so far (%2 %)").arg(messageCount()).arg(qRound(progress() * 100))
        : tr("%1 messages, %2").arg(messageCount()).arg(PayloadFormat::humanSize(m_fileSize));
    if (m_problemCount > 0) {
        text += tr(" · %n line(s) could not be read", nullptr, m_problemCount);
    }
    return text;
}

bool RecordingSession::open()
{
    if (m_indexing || m_thread) {
        return false;
    }
    QFile probe(m_filePath);
    if (!probe.open(QIODevice::ReadOnly)) {
        fail(tr("Cannot open %1: %2")
                 .arg(QDir::toNativeSeparators(m_filePath), probe.errorString()));
        return false;
    }
    m_fileSize = probe.size();
    probe.close();

    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_indexing = true;
    m_clock.start();
    QPointer<RecordingSession> self(this);
    auto indexer =
        std::make_shared<Indexer>(m_filePath, m_cancel, [self](std::shared_ptr<Batch> batch) {
            QMetaObject::invokeMethod(
                self.get(),
                [self, batch] {
                    if (self) {
                        self->receive(batch);
                    }
                },
                Qt::QueuedConnection);
        });
    m_thread = QThread::create([indexer] { indexer->run(); });
    m_thread->setObjectName(u"nolag-recording-index"_s);
    m_thread->start(QThread::LowPriority);
    qCInfo(lcExplorerRecording, "Opening the recording %s", qPrintable(m_filePath));
    Q_EMIT indexingChanged();
    Q_EMIT progressChanged();
    return true;
}

void RecordingSession::cancel()
{
    if (m_cancel) {
        m_cancel->store(true);
    }
}

void RecordingSession::receive(const std::shared_ptr<Batch> &batch)
{
    if (!batch->fatalError.isEmpty()) {
        m_indexing = false;
        fail(batch->fatalError);
        Q_EMIT indexingChanged();
        Q_EMIT finished(false);
        return;
    }

    if (batch->hasHeader) {
        m_source = batch->header.source;
        m_broker = batch->header.broker;
        m_createdMs = batch->header.createdMs;
        Q_EMIT headerChanged();
    }
    for (const QString &topic : std::as_const(batch->newTopics)) {
        m_store.topics().intern(topic);
    }
    for (const std::shared_ptr<TrafficChunk> &chunk : batch->chunks) {
        for (qsizetype i = 0; i < chunk->count(); ++i) {
            const TrafficChunk::Record &record = chunk->record(i);
            m_topics.recordMessage(record.topicId, chunk->firstSequence() + quint64(i),
                                   record.receivedAtMs);
        }
        m_store.appendChunk(chunk);
    }
    if (!batch->chunks.empty() && m_firstRowsMs < 0) {
        m_firstRowsMs = m_clock.elapsed();
        m_traffic.flush();
        m_topics.flush();
    }
    m_indexedBytes = std::max(m_indexedBytes, batch->indexedBytes);

    if (batch->problemCount > 0) {
        m_problemCount += batch->problemCount;
        m_problems.append(batch->problems);
        Q_EMIT problemsChanged();
    }
    Q_EMIT progressChanged();

    if (batch->done) {
        const bool complete = !m_cancel->load();
        m_indexing = false;
        m_openMs = m_clock.elapsed();
        m_traffic.flush();
        m_topics.flush();
        qCInfo(lcExplorerRecording, "Opened %s: %lld messages in %lld ms, %d unreadable lines",
               qPrintable(name()), messageCount(), m_openMs, m_problemCount);
        Q_EMIT indexingChanged();
        Q_EMIT progressChanged();
        Q_EMIT finished(complete);
    }
}

void RecordingSession::fail(const QString &errorString)
{
    m_errorString = errorString;
    qCWarning(lcExplorerRecording, "%s", qPrintable(errorString));
    Q_EMIT errorOccurred();
    Q_EMIT progressChanged();
}
