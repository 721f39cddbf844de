// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "subscriptionindex.h"

namespace NoLag::Server {

void SubscriptionIndex::add(Subscription *subscription)
{
    if (subscription->filters.isEmpty()) {
        addToBucket(subscription->route(), subscription);
        return;
    }
    for (const QString &filter : std::as_const(subscription->filters)) {
        addToBucket(routeKey(subscription->route(), filter), subscription);
    }
}

void SubscriptionIndex::remove(Subscription *subscription)
{
    if (subscription->filters.isEmpty()) {
        removeFromBucket(subscription->route(), subscription);
        return;
    }
    for (const QString &filter : std::as_const(subscription->filters)) {
        removeFromBucket(routeKey(subscription->route(), filter), subscription);
    }
}

SubscriptionIndex::Bucket *SubscriptionIndex::find(const QString &key)
{
    const auto it = m_buckets.find(key);
    return it == m_buckets.end() ? nullptr : &it.value();
}

Subscription *SubscriptionIndex::pickMember(Group &group, const Session *excluded)
{
    const qsizetype count = group.members.size();
    for (qsizetype tried = 0; tried < count; ++tried) {
        Subscription *candidate = group.members.at(group.next % count);
        group.next = (group.next + 1) % count;
        if (candidate->session != excluded) {
            return candidate;
        }
    }
    return nullptr;
}

void SubscriptionIndex::addToBucket(const QString &key, Subscription *subscription)
{
    Bucket &bucket = m_buckets[key];
    if (!subscription->loadBalance) {
        bucket.plain.append(subscription);
        return;
    }
    for (Group &group : bucket.groups) {
        if (group.key == subscription->groupKey) {
            group.members.append(subscription);
            return;
        }
    }
    bucket.groups.append(Group{subscription->groupKey, {subscription}, 0});
}

void SubscriptionIndex::removeFromBucket(const QString &key, Subscription *subscription)
{
    const auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        return;
    }
    Bucket &bucket = it.value();
    if (!subscription->loadBalance) {
        bucket.plain.removeOne(subscription);
    } else {
        for (qsizetype i = 0; i < bucket.groups.size(); ++i) {
            Group &group = bucket.groups[i];
            if (group.key != subscription->groupKey) {
                continue;
            }
            const qsizetype position = group.members.indexOf(subscription);
            if (position >= 0) {
                group.members.removeAt(position);
                // Keep the rotation where it was for the remaining members.
                if (position < group.next) {
                    --group.next;
                }
                if (group.next >= group.members.size()) {
                    group.next = 0;
                }
            }
            if (group.members.isEmpty()) {
                bucket.groups.removeAt(i);
            }
            break;
        }
    }
    if (bucket.isEmpty()) {
        m_buckets.erase(it);
    }
}

} // namespace NoLag::Server
