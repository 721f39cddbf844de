// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "messageid.h"
#include "persistence.h"
#include "topics.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <algorithm>
#include <limits>
#include <vector>

namespace NoLag::Server {

class Session;
struct SavedSubscription;

/*!
    The QoS 1-2 deliveries of one subscription still waiting for an acknowledgement, oldest
    first. Sequence numbers mostly arrive in increasing order and leave from the front, so
    they live in one vector that is appended to and trimmed from the front: once it has
    grown to its working size, tracking a delivery allocates nothing (a std::map would
    allocate a node for every delivery of the fan-out).
*/
class InFlightDeliveries
{
public:
    struct Delivery
    {
        qint64 seq = 0;
        MessageKey key;
        bool done = false; // acknowledged out of order; dropped once it reaches the front
    };

    bool isEmpty() const { return m_live == 0; }
    qsizetype size() const { return m_live; }

    /*! The oldest delivery not acknowledged; only when not isEmpty(). */
    const Delivery &oldest() const { return m_entries[size_t(m_head)]; }

    /*! Adds a delivery; a sequence number already present is left as it is. */
    void add(qint64 seq, const MessageKey &key)
    {
        if (m_live == 0) {
            clear();
        }
        if (m_entries.size() == size_t(m_head) || m_entries.back().seq < seq) {
            m_entries.push_back({seq, key, false});
            ++m_live;
            return;
        }
        // Older than the newest (a replay): keep the order.
        const auto at = position(seq);
        if (at != m_entries.end() && at->seq == seq) {
            if (at->done) {
                *at = {seq, key, false};
                ++m_live;
            }
            return;
        }
        m_entries.insert(at, {seq, key, false});
        ++m_live;
    }

    /*! Removes the delivery with \a seq; false when there is none. */
    bool remove(qint64 seq)
    {
        const auto at = position(seq);
        if (at == m_entries.end() || at->seq != seq || at->done) {
            return false;
        }
        at->done = true;
        --m_live;
        trimFront();
        return true;
    }

    void removeOldest() { remove(oldest().seq); }

    void clear()
    {
        m_entries.clear(); // keeps the capacity
        m_head = 0;
        m_live = 0;
    }

    /*! Calls \a visit(seq, key) for every delivery not acknowledged, oldest first. */
    template<typename Visit>
    void forEach(Visit &&visit) const
    {
        for (auto it = m_entries.begin() + m_head; it != m_entries.end(); ++it) {
            if (!it->done) {
                visit(it->seq, it->key);
            }
        }
    }

private:
    std::vector<Delivery>::iterator position(qint64 seq)
    {
        return std::lower_bound(
            m_entries.begin() + m_head, m_entries.end(), seq,
            [](const Delivery &delivery, qint64 wanted) { return delivery.seq < wanted; });
    }

    void trimFront()
    {
        while (size_t(m_head) < m_entries.size() && m_entries[size_t(m_head)].done) {
            ++m_head;
        }
        if (m_live == 0) {
            clear();
        } else if (m_head > 64 && m_head * 2 > qsizetype(m_entries.size())) {
            // Most of the vector is behind the front: move the rest down, in place.
            m_entries.erase(m_entries.begin(), m_entries.begin() + m_head);
            m_head = 0;
        }
    }

    std::vector<Delivery> m_entries;
    qsizetype m_head = 0; // entries before it are all done
    qsizetype m_live = 0;
};

/*!
    One live subscription: a connection's subscribe to one display topic. It sits in the
    subscription index under its route (once per filter value) and remembers the QoS 1-2
    deliveries it still expects acknowledgements for.
*/
struct Subscription
{
    Session *session = nullptr;
    QString topic; // the display topic, as the client sent it
    TopicResolution resolution;
    QStringList filters; // normalised values; empty = unfiltered
    int qos = 1;
    bool loadBalance = false;
    QString groupKey; // scoped group name, set when loadBalance
    SavedSubscription *saved = nullptr; // the actor's saved record, if any

    // Deliveries at QoS 1-2 not acknowledged yet, by log sequence number.
    InFlightDeliveries inFlight;

    // Set while a restored subscription waits for its replay: replay what is logged above it.
    qint64 replayAfter = 0;

    const QString &route() const { return resolution.route; }
    bool isFiltered() const { return !filters.isEmpty(); }

    /*! Whether a message on this subscription's route with \a filter reaches it. */
    bool accepts(const QString &filter, bool strictFilterIsolation) const
    {
        if (filters.isEmpty()) {
            return filter.isEmpty() || !strictFilterIsolation;
        }
        return filters.contains(filter);
    }
};

/*!
    A subscription saved for an actor token (wire-protocol §3.5), shared by every live
    subscription of that actor to the same display topic, and kept while the actor is away.
*/
struct SavedSubscription
{
    SavedSubscriptionRecord record;
    QList<Subscription *> live;

    // While other connections of the actor stay subscribed, a connection that left with
    // unacknowledged messages holds the floor down here so that they are still replayed.
    qint64 departedFloor = std::numeric_limits<qint64>::max();
    bool dirty = false;

    bool isDurable() const { return record.qos >= 1; }
};

} // namespace NoLag::Server
