// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "memorybudget.h"

#include "trafficstore.h"

MemoryBudget::MemoryBudget(QObject *parent)
    : QObject(parent)
{ }

void MemoryBudget::setLimitBytes(qint64 bytes)
{
    bytes = std::max<qint64>(bytes, 1);
    if (m_limit == bytes) {
        return;
    }
    m_limit = bytes;
    Q_EMIT limitBytesChanged();
    enforce();
}

void MemoryBudget::attach(TrafficStore *store)
{
    if (!m_stores.contains(store)) {
        m_stores.append(store);
    }
}

void MemoryBudget::detach(TrafficStore *store)
{
    m_stores.removeAll(store);
}

void MemoryBudget::charge(qint64 bytes)
{
    if (bytes == 0) {
        return;
    }
    m_used += bytes;
    Q_EMIT usedBytesChanged();
}

void MemoryBudget::release(qint64 bytes)
{
    if (bytes == 0) {
        return;
    }
    m_used -= bytes;
    Q_EMIT usedBytesChanged();
}

void MemoryBudget::enforce()
{
    if (m_enforcing) {
        return; // an eviction releases memory, which must not start another round
    }
    m_enforcing = true;
    while (m_used > m_limit) {
        TrafficStore *oldest = nullptr;
        qint64 oldestTime = 0;
        for (const QPointer<TrafficStore> &store : std::as_const(m_stores)) {
            const std::optional<qint64> time =
                store ? store->oldestEvictableTime() : std::optional<qint64>();
            if (time && (!oldest || *time < oldestTime)) {
                oldest = store;
                oldestTime = *time;
            }
        }
        if (!oldest || !oldest->evictOldestChunk()) {
            break; // only the newest chunks are left; they stay
        }
    }
    m_enforcing = false;
}
