// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "topictable.h"
#include "trafficmessage.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

#include "memorybudget.h"

#include <deque>
#include <memory>
#include <vector>

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

    quint64 firstSequence() const { return m_firstSequence; }
    qsizetype count() const { return m_count; }
    qsizetype recordCapacity() const { return m_recordCapacity; }
    bool isFull() const { return m_count == m_recordCapacity; }
    bool fits(qsizetype bytes) const
    {
        return m_count < m_recordCapacity && bytes <= m_arenaCapacity - m_arenaUsed;
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

    TrafficMessage message(qsizetype index) const;
    quint32 topicIdAt(qsizetype index) const { return m_records[index].topicId; }

private:
    quint64 m_firstSequence;
    qsizetype m_recordCapacity;
    qsizetype m_arenaCapacity;
    qsizetype m_count = 0;
    qsizetype m_arenaUsed = 0;
    std::unique_ptr<Record[]> m_records;
    std::unique_ptr<char[]> m_arena;
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

    /*! Calls \a visit(const TrafficMessage &) for every message, oldest first. */
    template<typename Visitor>
    void forEach(Visitor &&visit) const
    {
        for (qsizetype c = 0; c < qsizetype(m_chunks.size()); ++c) {
            const qsizetype count = m_counts[c];
            for (qsizetype i = 0; i < count; ++i) {
                visit(m_chunks[c]->message(i));
            }
        }
    }

private:
    friend class TrafficStore;
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

    Options m_options;
    TopicTable m_topics;
    std::deque<std::shared_ptr<TrafficChunk>> m_chunks;
    QPointer<MemoryBudget> m_budget;
    quint64 m_first = 1;
    quint64 m_end = 1;
    qint64 m_allocated = 0;
    qint64 m_evicted = 0;
    qint64 m_publishedEnd = 0;
    qint64 m_publishedAllocated = -1;
};
