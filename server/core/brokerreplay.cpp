// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT

// Saved subscriptions, acknowledgements and replay: the part of the broker that makes
// reconnect: true give back what a connection missed.

#include "broker.h"

#include "frames.h"
#include "messageframes.h"
#include "messageid.h"
#include "serverlogging_p.h"
#include "session.h"

#include <QtCore/QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace NoLag::Server {

namespace {

QString savedKey(const QString &actorTokenId, const QString &topic)
{
    return actorTokenId + u'\n' + topic;
}

QStringList routeKeysOf(const SavedSubscriptionRecord &record)
{
    if (record.filters.isEmpty()) {
        return {record.route};
    }
    QStringList keys;
    keys.reserve(record.filters.size());
    for (const QString &filter : record.filters) {
        keys.append(routeKey(record.route, filter));
    }
    return keys;
}

// The element of `restoredSubscriptions` for one saved subscription, in the snake_case map
// shape of the cloud control plane (wire-protocol §3.5); filters in normalised string form.
QVariantMap restoredEntry(const SavedSubscriptionRecord &record)
{
    return QVariantMap{
        {u"pattern"_s, record.topic},
        {u"topic"_s, record.route},
        {u"load_balance"_s, record.loadBalance},
        {u"load_balance_group"_s, record.loadBalance ? QVariant(record.groupKey) : QVariant()},
        {u"filters"_s, record.filters},
    };
}

} // namespace

void Broker::indexSaved(SavedSubscription *saved)
{
    for (const QString &key : routeKeysOf(saved->record)) {
        SavedBucket &bucket = m_savedByKey[key];
        bucket.records.append(saved);
        bucket.durable += saved->isDurable() ? 1 : 0;
        bucket.loadBalanced += saved->record.loadBalance ? 1 : 0;
    }
}

void Broker::unindexSaved(SavedSubscription *saved)
{
    for (const QString &key : routeKeysOf(saved->record)) {
        const auto it = m_savedByKey.find(key);
        if (it == m_savedByKey.end()) {
            continue;
        }
        if (it->records.removeOne(saved)) {
            it->durable -= saved->isDurable() ? 1 : 0;
            it->loadBalanced -= saved->record.loadBalance ? 1 : 0;
        }
        if (it->records.isEmpty()) {
            m_savedByKey.erase(it);
        }
    }
}

void Broker::loadSaved()
{
    const QList<SavedSubscriptionRecord> records = m_store->loadSubscriptions();
    for (const SavedSubscriptionRecord &record : records) {
        auto *saved = new SavedSubscription;
        saved->record = record;
        m_saved.insert(savedKey(record.actorTokenId, record.topic), saved);
        m_savedByActor[record.actorTokenId].append(saved);
        indexSaved(saved);
    }
    qCDebug(lcStore, "Loaded %lld saved subscriptions; the message log is at %lld",
            qint64(records.size()), m_headSeq);
}

void Broker::saveSubscription(Subscription *subscription, SaveMode mode)
{
    const QString &actor = subscription->session->actorTokenId();
    if (actor.isEmpty()) {
        return;
    }
    const QString key = savedKey(actor, subscription->topic);
    SavedSubscription *saved = m_saved.value(key);
    if (!saved) {
        saved = new SavedSubscription;
        saved->record.actorTokenId = actor;
        saved->record.topic = subscription->topic;
        saved->record.ackFloor = m_headSeq;
        m_saved.insert(key, saved);
        m_savedByActor[actor].append(saved);
    } else {
        unindexSaved(saved);
    }

    SavedSubscriptionRecord &record = saved->record;
    if (mode == SaveMode::Fresh && saved->live.isEmpty()) {
        // A plain subscribe starts from now: what an earlier connection left unacknowledged
        // is only replayed through reconnect: true.
        record.ackFloor = m_headSeq;
        record.ackedAbove.clear();
        saved->departedFloor = std::numeric_limits<qint64>::max();
    }
    record.route = subscription->route();
    record.qos = subscription->qos;
    record.loadBalance = subscription->loadBalance;
    record.groupKey = subscription->groupKey;
    record.filters = subscription->filters;
    indexSaved(saved);

    if (!saved->live.contains(subscription)) {
        saved->live.append(subscription);
    }
    subscription->saved = saved;

    if (m_store) {
        record.id = m_store->saveSubscription(record);
    }
}

void Broker::removeSaved(SavedSubscription *saved)
{
    unindexSaved(saved);
    m_saved.remove(savedKey(saved->record.actorTokenId, saved->record.topic));
    auto actorIt = m_savedByActor.find(saved->record.actorTokenId);
    if (actorIt != m_savedByActor.end()) {
        actorIt->removeOne(saved);
        if (actorIt->isEmpty()) {
            m_savedByActor.erase(actorIt);
        }
    }
    m_dirtySaved.removeOne(saved);
    for (Subscription *subscription : std::as_const(saved->live)) {
        subscription->saved = nullptr;
    }
    if (m_store && saved->record.id != 0) {
        m_store->removeSubscription(saved->record.id);
    }
    delete saved;
}

void Broker::markDirty(SavedSubscription *saved)
{
    if (!saved->dirty) {
        saved->dirty = true;
        m_dirtySaved.append(saved);
    }
}

qint64 Broker::currentFloor(const SavedSubscription *saved) const
{
    if (saved->live.isEmpty()) {
        return saved->record.ackFloor;
    }
    qint64 floor = saved->departedFloor;
    for (const Subscription *subscription : saved->live) {
        const qint64 live =
            subscription->inFlight.isEmpty() ? m_headSeq : subscription->inFlight.oldest().seq - 1;
        floor = qMin(floor, live);
    }
    return floor;
}

void Broker::writeAckStates(bool all)
{
    QList<SavedSubscription *> pending;
    if (all) {
        pending = m_saved.values();
    } else {
        pending.swap(m_dirtySaved);
    }
    m_dirtySaved.clear();

    for (SavedSubscription *saved : std::as_const(pending)) {
        saved->dirty = false;
        if (saved->record.loadBalance || !saved->isDurable()) {
            continue;
        }
        SavedSubscriptionRecord &record = saved->record;
        record.ackFloor = currentFloor(saved);
        record.ackedAbove.removeIf([&](qint64 seq) { return seq <= record.ackFloor; });
        if (m_store && record.id != 0) {
            m_store->saveAckState(record.id, record.ackFloor, record.ackedAbove);
        }
    }
}

void Broker::acknowledge(Session *session, QByteArrayView msgId)
{
    const std::optional<MessageKey> key = messageKey(msgId);
    if (!key) {
        return;
    }
    auto &byMsgId = session->inFlight();
    const auto it = byMsgId.find(*key);
    if (it == byMsgId.end()) {
        return; // unknown ids are ignored (§12.2)
    }
    const auto refs = it.value();
    byMsgId.erase(it);

    for (const Session::InFlightRef &ref : refs) {
        Subscription *subscription = ref.subscription;
        subscription->inFlight.remove(ref.seq);
        if (subscription->loadBalance) {
            if (m_store) {
                m_store->removePending(subscription->groupKey, ref.seq);
            }
        } else if (SavedSubscription *saved = subscription->saved) {
            saved->record.ackedAbove.append(ref.seq);
            markDirty(saved);
        }
    }
}

QVariantList Broker::restoreSubscriptions(Session *session, QList<Subscription *> *restored)
{
    QVariantList entries;
    const ActorGrant &grant = session->grant();

    QList<SavedSubscription *> saved = m_savedByActor.value(grant.actorTokenId);
    std::sort(saved.begin(), saved.end(),
              [](const SavedSubscription *a, const SavedSubscription *b) {
                  return a->record.id < b->record.id;
              });

    QSet<QString> listed;
    for (SavedSubscription *record : std::as_const(saved)) {
        const SavedSubscriptionRecord current = record->record;
        entries.append(restoredEntry(current));
        listed.insert(current.topic);

        // Re-checked against today's rules, without scope injection; a subscription that no
        // longer passes is skipped but still listed (§3.5).
        const TopicResolution resolution =
            resolveTopic(grant, current.topic, TopicAction::Subscribe, false);
        if (!resolution.allowed) {
            qCInfo(lcBroker,
                   "Connection %llu: a saved subscription of actor %s is no longer "
                   "allowed and was not restored",
                   session->id(), qPrintable(grant.actorTokenId));
            continue;
        }
        if (session->subscriptions().contains(current.topic)) {
            continue; // auth again on the same connection: already live
        }

        const qint64 replayAfter = currentFloor(record);
        Subscription *subscription =
            createSubscription(session, current.topic, resolution, current.filters, 1,
                               current.loadBalance, current.groupKey);
        saveSubscription(subscription, SaveMode::Restore);
        subscription->replayAfter = replayAfter;
        if (current.qos >= 1) {
            restored->append(subscription);
        }
    }

    // The token file's own list (the only thing the reference server ever restores).
    for (const QVariant &item : grant.activeSubscriptions) {
        const QVariantMap map = item.toMap();
        const QString topic = item.typeId() == QMetaType::QString
            ? item.toString()
            : map.value(u"pattern"_s, map.value(u"name"_s)).toString();
        if (topic.isEmpty() || listed.contains(topic)) {
            continue;
        }
        entries.append(item);
        listed.insert(topic);
        const TopicResolution resolution =
            resolveTopic(grant, topic, TopicAction::Subscribe, false);
        if (!resolution.allowed || session->subscriptions().contains(topic)) {
            continue;
        }
        const bool loadBalance = map.value(u"load_balance"_s, map.value(u"loadBalance"_s)).toBool();
        QString group =
            map.value(u"load_balance_group"_s, map.value(u"loadBalanceGroup"_s)).toString();
        if (loadBalance && group.isEmpty()) {
            group =
                grant.projectId + u'_' + resolution.appIdOrUnscoped() + u'_' + grant.actorTokenId;
        }
        QStringList filters;
        const QVariantList rawFilters = map.value(u"filters"_s).toList();
        for (const QVariant &filter : rawFilters) {
            if (filter.typeId() == QMetaType::QString && !filter.toString().isEmpty()) {
                filters.append(filter.toString());
            }
        }
        Subscription *subscription = createSubscription(
            session, topic, resolution, filters, 1, loadBalance, loadBalance ? group : QString());
        saveSubscription(subscription, SaveMode::Fresh);
    }

    qCInfo(lcBroker, "Connection %llu: restored %lld of %lld saved subscriptions of actor %s",
           session->id(), qint64(session->subscriptions().size()), qint64(entries.size()),
           qPrintable(grant.actorTokenId));
    return entries;
}

void Broker::replay(Session *session, const QList<Subscription *> &restored)
{
    if (!m_store || !m_options.recording) {
        return;
    }
    const QString &actor = session->actorTokenId();
    const bool strict = m_options.strictFilterIsolation;

    for (Subscription *subscription : restored) {
        QList<LoggedMessage> messages;
        if (subscription->loadBalance) {
            messages =
                m_store->claimPending(subscription->groupKey, subscription->route(), actor,
                                      m_options.replayLimit, [&](const LoggedMessage &message) {
                                          return subscription->accepts(message.filter, strict);
                                      });
        } else if (SavedSubscription *saved = subscription->saved) {
            const QSet<qint64> acked(saved->record.ackedAbove.cbegin(),
                                     saved->record.ackedAbove.cend());
            messages =
                m_store->messagesAfter(subscription->route(), subscription->replayAfter,
                                       m_options.replayLimit, [&](const LoggedMessage &message) {
                                           // Echo suppression holds across reconnects: what this
                                           // actor sent with echo off does not come back to it.
                                           return subscription->accepts(message.filter, strict) &&
                                               !acked.contains(message.seq) &&
                                               !(message.publisherActor == actor && !message.echo);
                                       });
            std::reverse(messages.begin(), messages.end());
            saved->departedFloor = std::numeric_limits<qint64>::max();
        }
        subscription->replayAfter = 0;
        if (messages.isEmpty()) {
            continue;
        }

        session->send(FrameBuilder("replayStart").integer("count", messages.size()).finish());
        for (const LoggedMessage &message : std::as_const(messages)) {
            session->send(encodeMessageFrame(subscription->topic, message.data, message.filter,
                                             message.msgId, ReplayMark::Replayed));
            if (const std::optional<MessageKey> key = messageKey(message.msgId)) {
                track(subscription, message.seq, *key);
            }
        }
        session->send(FrameBuilder("replayEnd").integer("replayed", messages.size()).finish());
        qCInfo(lcBroker,
               "Connection %llu: replayed %lld messages that actor %s had not "
               "acknowledged",
               session->id(), qint64(messages.size()), qPrintable(actor));
    }
}

} // namespace NoLag::Server
