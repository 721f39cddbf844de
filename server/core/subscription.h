// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "messageid.h"
#include "persistence.h"
#include "topics.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <limits>
#include <map>

namespace NoLag::Server {

class Session;
struct SavedSubscription;

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
    std::map<qint64, MessageKey> inFlight;

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
