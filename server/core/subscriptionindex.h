// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "subscription.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>

namespace NoLag::Server {

class Session;

/*!
    Live subscriptions by route key (route plus filter value, see routeKey()). A publish
    looks up at most two buckets: its own filter value and, unless filters are strictly
    isolated, the unfiltered bucket of the route.

    Load-balanced subscriptions form groups inside a bucket (each filter route is its own
    shared group, wire-protocol §11); members are picked round-robin.
*/
class SubscriptionIndex
{
public:
    struct Group
    {
        QString key;
        QList<Subscription *> members;
        qsizetype next = 0;
    };

    struct Bucket
    {
        QList<Subscription *> plain;
        QList<Group> groups;

        bool isEmpty() const { return plain.isEmpty() && groups.isEmpty(); }
    };

    /*! Adds \a subscription under its route, once per filter value (or unfiltered). */
    void add(Subscription *subscription);
    /*! Removes \a subscription from every bucket add() put it in. */
    void remove(Subscription *subscription);

    Bucket *find(const QString &key);
    qsizetype bucketCount() const { return m_buckets.size(); }

    /*!
        The next member of \a group in round-robin order, skipping \a excluded (the publisher
        with echo off); nullptr when no member qualifies.
    */
    static Subscription *pickMember(Group &group, const Session *excluded);

private:
    void addToBucket(const QString &key, Subscription *subscription);
    void removeFromBucket(const QString &key, Subscription *subscription);

    QHash<QString, Bucket> m_buckets;
};

} // namespace NoLag::Server
