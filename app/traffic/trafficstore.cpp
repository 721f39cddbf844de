// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "trafficstore.h"

#include "common/explorerlogging.h"
#include "memorybudget.h"

#include <algorithm>
#include <cstring>

TrafficChunk::TrafficChunk(quint64 firstSequence, qsizetype recordCapacity, qsizetype arenaCapacity)
    : m_firstSequence(firstSequence)
    , m_recordCapacity(recordCapacity)
    , m_arenaCapacity(arenaCapacity)
    , m_records(new Record[recordCapacity])
    , m_arena(new char[arenaCapacity])
{ }

TrafficChunk::TrafficChunk(quint64 firstSequence, qsizetype recordCapacity,
                           std::shared_ptr<const TrafficChunkLoader> loader)
    : m_firstSequence(firstSequence)
    , m_recordCapacity(recordCapacity)
    , m_arenaCapacity(0)
    , m_records(new Record[recordCapacity])
    , m_loader(std::move(loader))
{ }

void TrafficChunk::appendOutline(const Record &header)
{
    m_records[m_count] = header;
    m_records[m_count].offset = 0;
    ++m_count;
}

std::shared_ptr<const TrafficChunk>
TrafficChunk::loaded(const std::shared_ptr<const TrafficChunk> &self) const
{
    if (!m_loader) {
        return self;
    }
    const std::lock_guard lock(m_loadMutex);
    std::shared_ptr<const TrafficChunk> copy = m_loaded.lock();
    if (!copy) {
        copy = m_loader->load(*this);
        if (!copy || copy->count() != m_count) {
            // The file changed or went away: keep the records, show no bytes.
            qCWarning(lcExplorerTraffic,
                      "Could not read %lld recorded messages back from their file",
                      qint64(m_count));
            auto empty = std::make_shared<TrafficChunk>(m_firstSequence, m_recordCapacity, 0);
            for (qsizetype i = 0; i < m_count; ++i) {
                Record record = m_records[i];
                record.dataSize = 0;
                empty->append(record, {}, {}, {}, {});
            }
            copy = empty;
        }
        m_loaded = copy;
    }
    return copy;
}

void TrafficChunk::append(const Record &header, QByteArrayView data, QByteArrayView msgId,
                          QByteArrayView filter, QByteArrayView sender)
{
    Record &record = m_records[m_count];
    record = header;
    record.offset = quint32(m_arenaUsed);
    record.dataSize = quint32(data.size());
    record.msgIdSize = quint16(msgId.size());
    record.filterSize = quint32(filter.size());
    record.senderSize = quint16(sender.size());

    char *out = m_arena.get() + m_arenaUsed;
    for (const QByteArrayView part : {data, msgId, filter, sender}) {
        if (!part.isEmpty()) {
            std::memcpy(out, part.data(), size_t(part.size()));
            out += part.size();
        }
    }
    m_arenaUsed = out - m_arena.get();
    ++m_count; // last, so a reader that checks count() never sees a half-written record
}

TrafficMessage TrafficChunk::message(qsizetype index) const
{
    const Record &record = m_records[index];
    if (m_loader) {
        // An outline has no bytes; callers read through loaded(). This keeps the metadata.
        TrafficMessage message;
        message.sequence = m_firstSequence + quint64(index);
        message.receivedAtMs = record.receivedAtMs;
        message.topicId = record.topicId;
        message.qos = record.qos;
        message.flags = record.flags;
        return message;
    }
    const char *at = m_arena.get() + record.offset;

    TrafficMessage message;
    message.sequence = m_firstSequence + quint64(index);
    message.receivedAtMs = record.receivedAtMs;
    message.topicId = record.topicId;
    message.qos = record.qos;
    message.flags = record.flags;
    message.data = QByteArrayView(at, record.dataSize);
    at += record.dataSize;
    message.msgId = QByteArrayView(at, record.msgIdSize);
    at += record.msgIdSize;
    message.filter = QByteArrayView(at, record.filterSize);
    at += record.filterSize;
    message.sender = QByteArrayView(at, record.senderSize);
    return message;
}

quint64 TrafficSnapshot::firstSequence() const
{
    return m_chunks.empty() ? m_end : m_chunks.front()->firstSequence();
}

std::optional<TrafficMessage> TrafficSnapshot::message(quint64 sequence) const
{
    if (m_chunks.empty() || sequence < firstSequence() || sequence >= m_end) {
        return std::nullopt;
    }
    const auto it = std::upper_bound(m_chunks.begin(), m_chunks.end(), sequence,
                                     [](quint64 s, const std::shared_ptr<const TrafficChunk> &c) {
                                         return s < c->firstSequence();
                                     });
    const auto &chunk = *std::prev(it);
    if (chunk->isOnDisk()) {
        if (!m_lastLoaded || m_lastLoaded->firstSequence() != chunk->firstSequence()) {
            m_lastLoaded = chunk->loaded(chunk);
        }
        return m_lastLoaded->message(qsizetype(sequence - chunk->firstSequence()));
    }
    return chunk->message(qsizetype(sequence - chunk->firstSequence()));
}

TrafficStore::TrafficStore(QObject *parent)
    : TrafficStore(Options(), parent)
{ }

TrafficStore::TrafficStore(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{ }

TrafficStore::~TrafficStore()
{
    if (m_budget) {
        m_budget->detach(this);
        m_budget->release(m_allocated);
    }
}

void TrafficStore::setBudget(MemoryBudget *budget)
{
    if (m_budget == budget) {
        return;
    }
    if (m_budget) {
        m_budget->release(m_allocated);
        m_budget->detach(this);
    }
    m_budget = budget;
    if (m_budget) {
        m_budget->attach(this);
        m_budget->charge(m_allocated);
        m_budget->enforce();
    }
}

quint64 TrafficStore::append(quint32 topicId, qint64 receivedAtMs, quint8 qos, quint8 flags,
                             QByteArrayView data, QByteArrayView msgId, QByteArrayView filter,
                             QByteArrayView sender)
{
    // Strings longer than a record can describe are cut; no server sends such ids.
    msgId = msgId.first(std::min<qsizetype>(msgId.size(), 0xffff));
    sender = sender.first(std::min<qsizetype>(sender.size(), 0xffff));

    const qsizetype bytes = data.size() + msgId.size() + filter.size() + sender.size();
    TrafficChunk *chunk = chunkFor(bytes);

    TrafficChunk::Record header{};
    header.receivedAtMs = receivedAtMs;
    header.topicId = topicId;
    header.qos = qos;
    header.flags = flags;
    chunk->append(header, data, msgId, filter, sender);
    return m_end++;
}

TrafficChunk *TrafficStore::chunkFor(qsizetype bytes)
{
    if (!m_chunks.empty() && m_chunks.back()->fits(bytes)) {
        return m_chunks.back().get();
    }

    // A payload larger than the usual arena gets a chunk of its own size.
    const qsizetype arena = std::max(m_options.arenaBytesPerChunk, bytes);
    auto chunk = std::make_shared<TrafficChunk>(m_end, m_options.recordsPerChunk, arena);
    m_allocated += chunk->allocatedBytes();
    m_chunks.push_back(chunk);
    if (m_budget) {
        m_budget->charge(chunk->allocatedBytes());
        m_budget->enforce();
    }
    return m_chunks.back().get();
}

std::optional<TrafficMessage> TrafficStore::message(quint64 sequence) const
{
    if (sequence < m_first || sequence >= m_end) {
        return std::nullopt;
    }
    const auto it = std::upper_bound(
        m_chunks.begin(), m_chunks.end(), sequence,
        [](quint64 s, const std::shared_ptr<TrafficChunk> &c) { return s < c->firstSequence(); });
    const auto &chunk = *std::prev(it);
    if (!chunk->isOnDisk()) {
        return chunk->message(qsizetype(sequence - chunk->firstSequence()));
    }

    std::shared_ptr<const TrafficChunk> loaded;
    for (const auto &resident : m_resident) {
        if (resident->firstSequence() == chunk->firstSequence()) {
            loaded = resident;
            break;
        }
    }
    if (!loaded) {
        loaded = chunk->loaded(chunk);
        m_resident.push_back(loaded);
        if (qsizetype(m_resident.size()) > ResidentChunks) {
            m_resident.pop_front();
        }
    }
    return loaded->message(qsizetype(sequence - chunk->firstSequence()));
}

void TrafficStore::appendChunk(std::shared_ptr<TrafficChunk> chunk)
{
    Q_ASSERT(chunk->firstSequence() == m_end);
    if (chunk->count() == 0) {
        return;
    }
    m_end += quint64(chunk->count());
    m_allocated += chunk->allocatedBytes();
    if (m_budget) {
        m_budget->charge(chunk->allocatedBytes());
    }
    m_chunks.push_back(std::move(chunk));
}

TrafficSnapshot TrafficStore::snapshot() const
{
    TrafficSnapshot snapshot;
    snapshot.m_chunks.reserve(m_chunks.size());
    snapshot.m_counts.reserve(m_chunks.size());
    for (const auto &chunk : m_chunks) {
        snapshot.m_chunks.push_back(chunk);
        snapshot.m_counts.push_back(chunk->count());
    }
    snapshot.m_end = m_end;
    return snapshot;
}

quint64 TrafficStore::previousOnTopic(quint64 sequence, quint32 topicId) const
{
    // Backwards through the records only: 32 bytes a message, no payload touched.
    for (auto chunk = m_chunks.rbegin(); chunk != m_chunks.rend(); ++chunk) {
        const quint64 first = (*chunk)->firstSequence();
        if (first >= sequence) {
            continue;
        }
        qsizetype index = std::min<qsizetype>((*chunk)->count(), qsizetype(sequence - first)) - 1;
        for (; index >= 0; --index) {
            if ((*chunk)->topicIdAt(index) == topicId) {
                return first + quint64(index);
            }
        }
    }
    return 0;
}

std::optional<qint64> TrafficStore::oldestEvictableTime() const
{
    if (m_chunks.size() <= 1) {
        return std::nullopt;
    }
    return m_chunks.front()->oldestTime();
}

bool TrafficStore::evictOldestChunk()
{
    if (m_chunks.size() <= 1) {
        return false;
    }
    const std::shared_ptr<TrafficChunk> chunk = m_chunks.front();
    m_chunks.pop_front();
    dropResident(chunk->firstSequence());
    m_evicted += chunk->count();
    m_first = m_chunks.front()->firstSequence();
    releaseChunk(chunk);
    qCDebug(lcExplorerTraffic, "Evicted %lld messages to stay within the memory budget",
            qint64(chunk->count()));
    Q_EMIT evicted(m_first);
    return true;
}

void TrafficStore::clear()
{
    if (m_chunks.empty()) {
        return;
    }
    while (!m_chunks.empty()) {
        const std::shared_ptr<TrafficChunk> chunk = m_chunks.front();
        m_chunks.pop_front();
        m_evicted += chunk->count();
        releaseChunk(chunk);
    }
    m_resident.clear();
    m_first = m_end;
    Q_EMIT evicted(m_first);
    publishStatistics();
}

void TrafficStore::dropResident(quint64 firstSequence)
{
    std::erase_if(m_resident, [firstSequence](const std::shared_ptr<const TrafficChunk> &c) {
        return c->firstSequence() == firstSequence;
    });
}

void TrafficStore::releaseChunk(const std::shared_ptr<TrafficChunk> &chunk)
{
    m_allocated -= chunk->allocatedBytes();
    if (m_budget) {
        m_budget->release(chunk->allocatedBytes());
    }
}

void TrafficStore::publishStatistics()
{
    if (qint64(m_end) == m_publishedEnd && m_allocated == m_publishedAllocated) {
        return;
    }
    m_publishedEnd = qint64(m_end);
    m_publishedAllocated = m_allocated;
    Q_EMIT statisticsChanged();
}
