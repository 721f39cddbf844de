// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "topictable.h"
#include "trafficmessage.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

#include "memorybudget.h"

#include <deque>
#include <memory>
#include <mutex>
#include <vector>

class TrafficChunk;

/*!
    Where the bytes of an on-disk chunk live: a recording opened from a file. load() reads the
    messages of \a outline into a chunk in memory with the same sequences and records; it may
    run on any thread and returns nullptr when the file cannot be read any more.
*/
class TrafficChunkLoader
{
public:
    virtual ~TrafficChunkLoader() = default;
    virtual std::shared_ptr<const TrafficChunk> load(const TrafficChunk &outline) const = 0;
};

/*!
    A block of stored messages: fixed-size records plus one byte arena that holds each
    message's payload, msgId, filter and sender back to back. A chunk never moves or grows
    its memory after it was made, so a worker may read the records a snapshot counted while
    the UI thread appends more. The layout is the unit part 2 writes to and maps from disk.
*/
class TrafficChunk
{
public:
    struct Record
    {
        qint64 receivedAtMs;
        quint32 topicId;
        quint32 offset; // of the payload in the arena; msgId, filter, sender follow it
        quint32 dataSize;
        quint32 filterSize;
        quint16 msgIdSize;
        quint16 senderSize;
        quint8 qos;
        quint8 flags;
    };
    static_assert(sizeof(Record) == 32, "keep the record small: one per message");

    TrafficChunk(quint64 firstSequence, qsizetype recordCapacity, qsizetype arenaCapacity);

    /*!
        An on-disk chunk: records only (time, topic, QoS, flags and payload size), the bytes
        stay in a file until loaded() reads them through \a loader.
    */
    TrafficChunk(quint64 firstSequence, qsizetype recordCapacity,
                 std::shared_ptr<const TrafficChunkLoader> loader);

    quint64 firstSequence() const { return m_firstSequence; }
    qsizetype count() const { return m_count; }
    qsizetype recordCapacity() const { return m_recordCapacity; }
    bool isFull() const { return m_count == m_recordCapacity; }
    bool fits(qsizetype bytes) const
    {
        return !m_loader && m_count < m_recordCapacity && bytes <= m_arenaCapacity - m_arenaUsed;
    }

    /*! Every byte this chunk holds on the heap, including itself. */
    qsizetype allocatedBytes() const
    {
        return qsizetype(sizeof(TrafficChunk)) + m_recordCapacity * qsizetype(sizeof(Record)) +
            m_arenaCapacity;
    }
    qint64 oldestTime() const { return m_count ? m_records[0].receivedAtMs : 0; }

    /*! Appends; the caller checked fits() for the sum of the four sizes. */
    void append(const Record &header, QByteArrayView data, QByteArrayView msgId,
                QByteArrayView filter, QByteArrayView sender);

    /*! Appends the record of an on-disk message; its bytes stay in the file. */
    void appendOutline(const Record &header);

    TrafficMessage message(qsizetype index) const;
    quint32 topicIdAt(qsizetype index) const { return m_records[index].topicId; }
    const Record &record(qsizetype index) const { return m_records[index]; }

    bool isOnDisk() const { return m_loader != nullptr; }
    /*!
        The chunk with its bytes: itself when it is in memory, else the loaded copy. Loaded
        copies are shared while anyone holds one, so the store and workers read one copy.
    */
    std::shared_ptr<const TrafficChunk>
    loaded(const std::shared_ptr<const TrafficChunk> &self) const;

private:
    quint64 m_firstSequence;
    qsizetype m_recordCapacity;
    qsizetype m_arenaCapacity;
    qsizetype m_count = 0;
    qsizetype m_arenaUsed = 0;
    std::unique_ptr<Record[]> m_records;
    std::unique_ptr<char[]> m_arena;
    std::shared_ptr<const TrafficChunkLoader> m_loader;
    mutable std::mutex m_loadMutex;
    mutable std::weak_ptr<const TrafficChunk> m_loaded;
};

/*!
    A read-only view of a store at one moment, for work off the UI thread: it keeps the chunks
    it saw alive even if the store evicts them meanwhile.
*/
class TrafficSnapshot
{
public:
    quint64 firstSequence() const;
    quint64 endSequence() const { return m_end; }
    std::optional<TrafficMessage> message(quint64 sequence) const;

    /*!
        Calls \a visit(const TrafficMessage &) for every message, oldest first. On-disk chunks
        are loaded one at a time, so a view is valid during its visit only.
    */
    template<typename Visitor>
    void forEach(Visitor &&visit) const
    {
        for (qsizetype c = 0; c < qsizetype(m_chunks.size()); ++c) {
            const qsizetype count = m_counts[c];
            const std::shared_ptr<const TrafficChunk> chunk = m_chunks[c]->loaded(m_chunks[c]);
            for (qsizetype i = 0; i < count; ++i) {
                visit(chunk->message(i));
            }
        }
    }

    /*!
        Calls \a visit(quint64 sequence, const TrafficChunk::Record &) for the messages in
        [from, end) without reading any payload, so on-disk chunks stay on disk.
    */
    template<typename Visitor>
    void forEachRecord(quint64 from, quint64 end, Visitor &&visit) const
    {
        for (qsizetype c = 0; c < qsizetype(m_chunks.size()); ++c) {
            const quint64 first = m_chunks[c]->firstSequence();
            const quint64 last = first + quint64(m_counts[c]);
            for (quint64 s = std::max(first, from); s < std::min(last, end); ++s) {
                visit(s, m_chunks[c]->record(qsizetype(s - first)));
            }
        }
    }

private:
    friend class TrafficStore;
    mutable std::shared_ptr<const TrafficChunk> m_lastLoaded; // keeps message()'s views valid
    std::vector<std::shared_ptr<const TrafficChunk>> m_chunks;
    std::vector<qsizetype> m_counts; // records of each chunk that belong to the snapshot
    quint64 m_end = 1;
};

/*!
    The live traffic of one connection: every message received, in order, each with a
    sequence number, kept in chunks within a memory budget.

    Appending copies the payload and three short strings into the current chunk's arena
    (one memcpy, no allocation per message) and interns the topic. The store accounts for
    every byte it allocates; when its MemoryBudget is exceeded the oldest chunks are evicted
    and counted in evictedCount(). The newest chunk is never evicted, so a budget smaller than
    one chunk still keeps the latest messages.

    A recording opened from a file feeds a store too, with appendChunk(): its chunks hold the
    records only and read their bytes from the file when a message is first asked for. The
    store keeps the last few loaded chunks (ResidentChunks), so views from message() stay
    valid across at least that many further calls.

    Used on the UI thread; snapshot() hands a consistent view to workers.
*/
class TrafficStore
    : public QObject
    , public TrafficSource
{
    Q_OBJECT
    Q_PROPERTY(qint64 allocatedBytes READ allocatedBytes NOTIFY statisticsChanged FINAL)
    Q_PROPERTY(qint64 evictedCount READ evictedCount NOTIFY statisticsChanged FINAL)
    Q_PROPERTY(qint64 totalReceived READ totalReceived NOTIFY statisticsChanged FINAL)

public:
    struct Options
    {
        qsizetype recordsPerChunk = 8192;
        qsizetype arenaBytesPerChunk = 1024 * 1024;
    };

    explicit TrafficStore(QObject *parent = nullptr);
    TrafficStore(const Options &options, QObject *parent = nullptr);
    ~TrafficStore() override;

    /*! The budget this store charges its chunks to; nullptr means no limit. */
    void setBudget(MemoryBudget *budget);
    MemoryBudget *budget() const { return m_budget; }

    TopicTable &topics() { return m_topics; }
    const TopicTable &topics() const { return m_topics; }

    /*!
        Stores one message and returns its sequence number. The views are copied.
    */
    quint64 append(quint32 topicId, qint64 receivedAtMs, quint8 qos, quint8 flags,
                   QByteArrayView data, QByteArrayView msgId = {}, QByteArrayView filter = {},
                   QByteArrayView sender = {});

    /*!
        Adds a whole chunk, typically an on-disk one of a recording, whose first sequence must
        be endSequence(). Its topic ids must be ids of topics().
    */
    void appendChunk(std::shared_ptr<TrafficChunk> chunk);

    /*! On-disk chunks whose loaded bytes message() keeps in memory. */
    static constexpr qsizetype ResidentChunks = 4;

    // TrafficSource
    quint64 firstSequence() const override { return m_first; }
    quint64 endSequence() const override { return m_end; }
    std::optional<TrafficMessage> message(quint64 sequence) const override;
    QString topicName(quint32 topicId) const override { return m_topics.name(topicId); }

    TrafficSnapshot snapshot() const;

    /*! The newest stored message on \a topicId before \a sequence, or 0 if there is none. */
    quint64 previousOnTopic(quint64 sequence, quint32 topicId) const;

    qint64 allocatedBytes() const { return m_allocated; }
    qint64 evictedCount() const { return m_evicted; }
    qint64 totalReceived() const { return qint64(m_end - 1); }
    qsizetype chunkCount() const { return qsizetype(m_chunks.size()); }

    /*! Time of the oldest message in a chunk that may be evicted; nothing if none may. */
    std::optional<qint64> oldestEvictableTime() const;
    /*! Evicts the oldest chunk unless it is the newest; returns false if nothing was evicted. */
    bool evictOldestChunk();

    /*! Drops every message (counted as evicted). Sequence numbers continue. */
    void clear();

    /*! Emits statisticsChanged() if anything changed since the last call; driven by a timer. */
    void publishStatistics();

Q_SIGNALS:
    /*!
        Messages before \a firstSequence are gone. Emitted once per eviction, never per
        message, so models can drop their rows in one step.
    */
    void evicted(quint64 firstSequence);
    void statisticsChanged();

private:
    TrafficChunk *chunkFor(qsizetype bytes);
    void releaseChunk(const std::shared_ptr<TrafficChunk> &chunk);
    void dropResident(quint64 firstSequence);

    Options m_options;
    TopicTable m_topics;
    mutable std::deque<std::shared_ptr<const TrafficChunk>> m_resident; // loaded, newest last
    std::deque<std::shared_ptr<TrafficChunk>> m_chunks;
    QPointer<MemoryBudget> m_budget;
    quint64 m_first = 1;
    quint64 m_end = 1;
    qint64 m_allocated = 0;
    qint64 m_evicted = 0;
    qint64 m_publishedEnd = 0;
    qint64 m_publishedAllocated = -1;
};
