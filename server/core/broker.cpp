// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "broker.h"

#include "frames.h"
#include "messageframes.h"
#include "messageid.h"
#include "serverlogging_p.h"
#include "session.h"
#include "webhooks.h"

#include <nolagcodec/variantcodec.h>

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace NoLag::Server {

namespace {

// How often the message log is pruned and expired retained messages are dropped.
constexpr qint64 PruneIntervalMs = 60'000;

QString organizationKey(const ActorGrant &grant)
{
    // Tokens without an organisation share the limit of their project.
    return grant.organizationId.isEmpty() ? u"project:"_s + grant.projectId : grant.organizationId;
}

} // namespace

Broker::Broker(const BrokerOptions &options, AuthProvider *auth, Clock *clock,
               BrokerPersistence *store, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_auth(auth)
    , m_clock(clock)
    , m_store(store)
    ,
    // Connection ids are small numbers for readable logs; what is persisted about a
    // publisher (retained echo suppression) adds this tag so ids of earlier runs never match.
    m_runTag(quint64(QRandomGenerator::global()->bounded(1u << 30) + 1) << 32)
{
    m_housekeepingTimer.setInterval(int(std::clamp<qint64>(m_options.idleTimeoutMs / 4, 10, 1000)));
    connect(&m_housekeepingTimer, &QTimer::timeout, this, &Broker::sweep);
    m_releaseTimer.setSingleShot(true);
    m_releaseTimer.setInterval(0);
    connect(&m_releaseTimer, &QTimer::timeout, this, &Broker::releaseHeldFrames);
}

Broker::~Broker()
{
    const QList<quint64> ids = m_sessions.keys();
    for (const quint64 id : ids) {
        closeSession(id);
    }
    writeAckStates(true);
    qDeleteAll(m_saved);
}

void Broker::start()
{
    if (m_store) {
        m_headSeq = m_store->lastSequence();
        loadSaved();
        loadRetained();
    }
    m_lastPruneMs = nowMs();
    m_housekeepingTimer.start();
}

quint64 Broker::openSession(Link *link)
{
    const quint64 id = m_nextSessionId++;
    m_sessions.insert(id, new Session(this, link, id));
    qCDebug(lcBroker, "Connection %llu opened", id);
    return id;
}

void Broker::receive(quint64 id, QByteArrayView frame)
{
    if (Session *session = m_sessions.value(id)) {
        session->receive(frame);
    }
}

void Broker::receiveText(quint64 id, const QString &text)
{
    if (Session *session = m_sessions.value(id)) {
        session->receiveText(text);
    }
}

void Broker::touch(quint64 id)
{
    if (Session *session = m_sessions.value(id)) {
        session->touch();
    }
}

void Broker::closeSession(quint64 id)
{
    Session *session = m_sessions.take(id);
    if (!session) {
        return;
    }

    leaveRoom(session, false);
    const QStringList lobbies = session->watchedLobbies.keys();
    for (const QString &lobbyId : lobbies) {
        unwatchLobby(session, lobbyId);
    }

    const QList<Subscription *> subscriptions = session->subscriptions().values();
    for (Subscription *subscription : subscriptions) {
        destroySubscription(subscription, Detach::ConnectionClosed);
    }

    if (session->isAuthenticated()) {
        const QString organization = organizationKey(session->grant());
        if (--m_connectionsByOrganization[organization] <= 0) {
            m_connectionsByOrganization.remove(organization);
        }
        qCInfo(lcBroker, "Connection %llu of actor %s closed", id,
               qPrintable(session->actorTokenId()));
    } else {
        qCDebug(lcBroker, "Connection %llu closed before authenticating", id);
    }
    delete session;
}

void Broker::releaseHeldFrames()
{
    m_releaseTimer.stop();
    if (m_holdingSessions.isEmpty()) {
        return;
    }
    if (m_store) {
        m_store->flush();
    }
    const QList<quint64> ids = std::exchange(m_holdingSessions, {});
    for (const quint64 id : ids) {
        if (Session *session = m_sessions.value(id)) {
            session->releaseFrames();
        }
    }
}

void Broker::shutdown()
{
    releaseHeldFrames();
    m_housekeepingTimer.stop();
    const QList<quint64> ids = m_sessions.keys();
    for (const quint64 id : ids) {
        m_sessions.value(id)->close(1001, u"server shutting down"_s);
    }
    for (const quint64 id : ids) {
        closeSession(id);
    }
    writeAckStates(true);
    if (m_store) {
        m_store->flush();
    }
}

void Broker::sweep()
{
    const qint64 now = nowMs();

    for (Session *session : std::as_const(m_sessions)) {
        if (!session->isClosing() && now - session->lastInboundMs() >= m_options.idleTimeoutMs) {
            qCInfo(lcBroker, "Closing connection %llu: nothing received for %lld ms", session->id(),
                   now - session->lastInboundMs());
            session->close(1000, QString());
        }
    }

    writeAckStates(false);

    if (now - m_lastPruneMs < PruneIntervalMs) {
        return;
    }
    m_lastPruneMs = now;

    // Expired retained messages are never delivered; this only gives their memory back.
    for (auto route = m_retained.begin(); route != m_retained.end();) {
        for (auto it = route->begin(); it != route->end();) {
            it = it->expiresAtMs <= now ? route->erase(it) : std::next(it);
        }
        route = route->isEmpty() ? m_retained.erase(route) : std::next(route);
    }

    if (m_store) {
        qint64 floor = m_headSeq;
        for (const SavedSubscription *saved : std::as_const(m_saved)) {
            if (saved->isDurable() && !saved->record.loadBalance) {
                floor = qMin(floor, currentFloor(saved));
            }
        }
        m_store->prune(floor, now - m_options.logRetentionMs, m_options.logRetentionCount, now);
    }
}

int Broker::connectionCount(const ActorGrant &grant, const Session *except) const
{
    const QString key = organizationKey(grant);
    int count = m_connectionsByOrganization.value(key);
    if (except && except->isAuthenticated() && organizationKey(except->grant()) == key) {
        --count;
    }
    return count;
}

void Broker::setAuthenticated(Session *session, const ActorGrant &previous)
{
    if (!previous.actorTokenId.isEmpty()) {
        const QString organization = organizationKey(previous);
        if (--m_connectionsByOrganization[organization] <= 0) {
            m_connectionsByOrganization.remove(organization);
        }
    }
    ++m_connectionsByOrganization[organizationKey(session->grant())];
}

// --- subscriptions -------------------------------------------------------------------------

Subscription *Broker::createSubscription(Session *session, const QString &topic,
                                         const TopicResolution &resolution,
                                         const QStringList &filters, int qos, bool loadBalance,
                                         const QString &groupKey)
{
    auto *subscription = new Subscription;
    subscription->session = session;
    subscription->topic = topic;
    subscription->resolution = resolution;
    subscription->filters = filters;
    subscription->qos = qos;
    subscription->loadBalance = loadBalance;
    subscription->groupKey = groupKey;
    session->subscriptions().insert(topic, subscription);
    m_index.add(subscription);
    return subscription;
}

void Broker::destroySubscription(Subscription *subscription, Detach how)
{
    m_index.remove(subscription);
    subscription->session->subscriptions().remove(subscription->topic);

    if (SavedSubscription *saved = subscription->saved) {
        saved->live.removeOne(subscription);
        if (how == Detach::ConnectionClosed && !subscription->loadBalance) {
            // What this connection did not acknowledge stays below the floor, so the next
            // reconnect: true replays it.
            const qint64 departing = subscription->inFlight.isEmpty()
                ? m_headSeq
                : subscription->inFlight.oldest().seq - 1;
            if (saved->live.isEmpty()) {
                saved->record.ackFloor = qMin(saved->departedFloor, departing);
                saved->departedFloor = std::numeric_limits<qint64>::max();
            } else {
                saved->departedFloor = qMin(saved->departedFloor, departing);
            }
            markDirty(saved);
        }
    }

    forgetInFlight(subscription);
    delete subscription;
}

void Broker::forgetInFlight(Subscription *subscription)
{
    auto &byMsgId = subscription->session->inFlight();
    subscription->inFlight.forEach([&](qint64, const MessageKey &key) {
        const auto it = byMsgId.find(key);
        if (it == byMsgId.end()) {
            return;
        }
        auto &refs = it.value();
        for (qsizetype i = 0; i < refs.size(); ++i) {
            if (refs[i].subscription == subscription) {
                refs.remove(i);
                break;
            }
        }
        if (refs.isEmpty()) {
            byMsgId.erase(it);
        }
    });
    subscription->inFlight.clear();
}

Subscription *Broker::subscribe(Session *session, const QString &topic,
                                const TopicResolution &resolution, const QStringList &filters,
                                int qos, bool loadBalance, const QString &groupKey)
{
    // A repeated subscribe replaces the subscription: one delivery per message, never two
    // (statement 44), and a mode or filter switch takes effect at once.
    if (Subscription *existing = session->subscriptions().value(topic)) {
        destroySubscription(existing, Detach::Replaced);
    }
    Subscription *subscription =
        createSubscription(session, topic, resolution, filters, qos, loadBalance, groupKey);
    saveSubscription(subscription, SaveMode::Fresh);
    qCDebug(lcBroker, "Connection %llu subscribed (qos %d%s, %lld filters)", session->id(), qos,
            loadBalance ? ", load-balanced" : "", qint64(filters.size()));
    return subscription;
}

void Broker::unsubscribe(Session *session, const QString &topic)
{
    Subscription *subscription = session->subscriptions().value(topic);
    SavedSubscription *saved =
        subscription ? subscription->saved : m_saved.value(session->actorTokenId() + u'\n' + topic);
    if (subscription) {
        destroySubscription(subscription, Detach::Unsubscribed);
    }
    if (saved) {
        removeSaved(saved);
    }
}

void Broker::setFilters(Subscription *subscription, const QStringList &filters)
{
    // New routes before old ones would matter with concurrent delivery; on one thread the
    // swap has no gap either way.
    m_index.remove(subscription);
    subscription->filters = filters;
    subscription->qos = 1;
    m_index.add(subscription);
    saveSubscription(subscription, SaveMode::Update);
}

// --- publish and fan-out -------------------------------------------------------------------

bool Broker::hasDurableSaved(const QString &key, const QString &plainKey) const
{
    const auto it = m_savedByKey.constFind(key);
    if (it != m_savedByKey.cend() && it->durable > 0) {
        return true;
    }
    if (plainKey.isEmpty()) {
        return false;
    }
    const auto plain = m_savedByKey.constFind(plainKey);
    return plain != m_savedByKey.cend() && plain->durable > 0;
}

void Broker::publish(Session *publisher, const PublishRequest &request)
{
    const QString &route = request.resolution.route;
    const QString key = routeKey(route, request.filter);
    const bool widen = !request.filter.isEmpty() && !m_options.strictFilterIsolation;
    const QByteArray msgId = m_options.recording ? newMessageId() : QByteArray();
    const qint64 now = nowMs();

    // Record first, so that subscribers who are away get it on their next reconnect: true.
    qint64 seq = 0;
    if (m_store && !msgId.isEmpty() && request.qos >= 1 &&
        hasDurableSaved(key, widen ? route : QString())) {
        seq = ++m_headSeq;
        LoggedMessage message;
        message.seq = seq;
        message.msgId = msgId;
        message.route = route;
        message.filter = request.filter;
        message.data = request.data;
        message.publisherActor = publisher->actorTokenId();
        message.echo = request.echo;
        message.publisherConnection = m_runTag | publisher->id();
        message.qos = request.qos;
        message.createdAtMs = now;
        m_store->appendMessage(message);
    }

    if (request.retain) {
        RetainedRecord retained;
        retained.route = route;
        retained.filter = request.filter;
        retained.data = request.data;
        retained.msgId = msgId;
        retained.publisherConnection = m_runTag | publisher->id();
        retained.echo = request.echo;
        retained.expiresAtMs = now + m_options.retainTtlMs;
        if (m_store) {
            m_store->saveRetained(retained);
        }
        m_retained[route].insert(request.filter, retained);
    }

    // `published` means "accepted": what was recorded for it is durable before it is sent,
    // and it goes out before the publisher's own copy (wire-protocol §9.6). Rather than
    // commit for each publish, the publisher's frames are held until the commit at the end
    // of this event-loop turn, which covers every publish of the turn.
    if (!request.msgRef.isEmpty()) {
        if (m_store && (seq != 0 || request.retain) && !publisher->isHolding()) {
            publisher->holdFrames();
            m_holdingSessions.append(publisher->id());
            m_releaseTimer.start();
        }
        publisher->send(FrameBuilder("published")
                            .str("topic", request.topic)
                            .str("msgRef", request.msgRef)
                            .finish());
    }

    MessageFrames frames(request.data, request.filter, msgId);
    const MessageKey messageKeyOfPublish = seq != 0 ? *messageKey(msgId) : MessageKey();
    SubscriptionIndex::Bucket *exact = m_index.find(key);
    SubscriptionIndex::Bucket *plain = widen ? m_index.find(route) : nullptr;
    deliverBucket(exact, publisher, request, messageKeyOfPublish, seq, frames);
    deliverBucket(plain, publisher, request, messageKeyOfPublish, seq, frames);
    if (seq != 0) {
        storeForOfflineGroups(key, exact, seq);
        if (widen) {
            storeForOfflineGroups(route, plain, seq);
        }
    }

    fireTrigger(publisher, request);
}

void Broker::deliverBucket(SubscriptionIndex::Bucket *bucket, Session *publisher,
                           const PublishRequest &request, const MessageKey &key, qint64 seq,
                           MessageFrames &frames)
{
    if (!bucket) {
        return;
    }
    const Session *excluded = request.echo ? nullptr : publisher;

    for (Subscription *subscription : std::as_const(bucket->plain)) {
        if (subscription->session != excluded) {
            deliver(subscription, frames.frameFor(subscription->topic), key, seq);
        }
    }

    // One member per group; with echo off the publisher is never the one picked (the
    // reference server may pick it and drop the message, §9.3).
    for (SubscriptionIndex::Group &group : bucket->groups) {
        Subscription *member = SubscriptionIndex::pickMember(group, excluded);
        if (!member) {
            continue;
        }
        if (seq != 0 && member->qos >= 1 && m_store) {
            m_store->addPending(group.key, seq, member->session->actorTokenId());
        }
        deliver(member, frames.frameFor(member->topic), key, seq);
    }
}

void Broker::deliver(Subscription *subscription, const QByteArray &frame, const MessageKey &key,
                     qint64 seq)
{
    subscription->session->send(frame);
    if (seq != 0 && subscription->qos >= 1 && (subscription->saved || subscription->loadBalance)) {
        track(subscription, seq, key);
    }
}

void Broker::track(Subscription *subscription, qint64 seq, const MessageKey &key)
{
    subscription->inFlight.add(seq, key);
    subscription->session->inFlight()[key].append({subscription, seq});

    // A client that never acknowledges (py-2.6 does not) must not grow this without end:
    // beyond the replay limit the oldest deliveries count as done.
    if (subscription->inFlight.size() > m_options.replayLimit) {
        const InFlightDeliveries::Delivery oldest = subscription->inFlight.oldest();
        auto &byMsgId = subscription->session->inFlight();
        const auto it = byMsgId.find(oldest.key);
        if (it != byMsgId.end()) {
            auto &refs = it.value();
            for (qsizetype i = 0; i < refs.size(); ++i) {
                if (refs[i].subscription == subscription && refs[i].seq == oldest.seq) {
                    refs.remove(i);
                    break;
                }
            }
            if (refs.isEmpty()) {
                byMsgId.erase(it);
            }
        }
        subscription->inFlight.removeOldest();
    }
    if (subscription->saved && !subscription->loadBalance) {
        markDirty(subscription->saved);
    }
}

void Broker::storeForOfflineGroups(const QString &key, SubscriptionIndex::Bucket *live, qint64 seq)
{
    const auto it = m_savedByKey.constFind(key);
    if (it == m_savedByKey.cend() || it->loadBalanced == 0 || !m_store) {
        return;
    }
    // Groups with saved members but none online keep the message for whichever member
    // comes back first with reconnect: true.
    QStringList stored;
    for (const SavedSubscription *saved : it->records) {
        const SavedSubscriptionRecord &record = saved->record;
        if (!record.loadBalance || record.qos < 1 || stored.contains(record.groupKey)) {
            continue;
        }
        bool online = false;
        if (live) {
            for (const SubscriptionIndex::Group &group : std::as_const(live->groups)) {
                if (group.key == record.groupKey && !group.members.isEmpty()) {
                    online = true;
                    break;
                }
            }
        }
        if (!online) {
            m_store->addPending(record.groupKey, seq, QString());
            stored.append(record.groupKey);
        }
    }
}

// --- retained ------------------------------------------------------------------------------

void Broker::loadRetained()
{
    const qint64 now = nowMs();
    const QList<RetainedRecord> records = m_store->loadRetained();
    for (const RetainedRecord &record : records) {
        if (record.expiresAtMs > now) {
            m_retained[record.route].insert(record.filter, record);
        }
    }
    qCDebug(lcStore, "Loaded %lld retained messages", qint64(records.size()));
}

void Broker::deliverRetained(Subscription *subscription, const QStringList *beforeFilters)
{
    const auto route = m_retained.constFind(subscription->route());
    if (route == m_retained.cend()) {
        return;
    }
    const qint64 now = nowMs();
    const bool strict = m_options.strictFilterIsolation;
    const quint64 tag = m_runTag | subscription->session->id();

    for (auto it = route->cbegin(); it != route->cend(); ++it) {
        const RetainedRecord &retained = it.value();
        if (retained.expiresAtMs <= now || !subscription->accepts(retained.filter, strict)) {
            continue;
        }
        if (beforeFilters) {
            // After setFilters only what the old filters did not already cover.
            const bool covered = beforeFilters->isEmpty()
                ? retained.filter.isEmpty() || !strict
                : beforeFilters->contains(retained.filter);
            if (covered) {
                continue;
            }
        }
        if (!retained.echo && retained.publisherConnection == tag) {
            continue;
        }
        const QByteArray msgId = m_options.recording ? retained.msgId : QByteArray();
        subscription->session->send(encodeMessageFrame(subscription->topic, retained.data,
                                                       retained.filter, msgId, ReplayMark::None));
    }
}

// --- webhooks ------------------------------------------------------------------------------

namespace {

QJsonValue scopeJson(const ActorGrant &grant)
{
    if (grant.scopeId.isEmpty() && grant.scopeSlug.isEmpty()) {
        return QJsonValue::Null;
    }
    return QJsonObject{{u"accessScopeId"_s, grant.scopeId},
                       {u"slug"_s, grant.scopeSlug},
                       {u"name"_s, grant.scopeName.isEmpty() ? grant.scopeSlug : grant.scopeName}};
}

QString roomNameOf(const TopicResolution &resolution)
{
    if (!resolution.rule.roomSlug.isEmpty()) {
        return resolution.rule.roomSlug;
    }
    const QStringList levels = resolution.effectiveTopic.split(u'/');
    return levels.size() >= 3 ? levels.at(levels.size() - 2) : QString();
}

// A webhook answer is used when it is JSON of any kind, not only an object or array.
std::optional<QVariant> parseJsonBody(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError) {
        return document.toVariant();
    }
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + body + ']', &error);
    if (error.error == QJsonParseError::NoError && wrapped.array().size() == 1) {
        return wrapped.array().first().toVariant();
    }
    return std::nullopt;
}

} // namespace

void Broker::startHydration(Session *session, const Subscription *subscription)
{
    if (!m_webhooks) {
        return;
    }
    const ActorGrant &grant = session->grant();
    const QString topicName = subscription->resolution.topicName();
    QString url = grant.topicWebhooks.value(topicName).onSubscribe;
    if (url.isEmpty()) {
        url = grant.hydrationWebhook;
    }
    if (url.isEmpty()) {
        return;
    }

    const QJsonObject body{{u"actorId"_s, grant.actorTokenId},
                           {u"roomName"_s, roomNameOf(subscription->resolution)},
                           {u"topicName"_s, topicName},
                           {u"scope"_s, scopeJson(grant)}};
    const quint64 id = session->id();
    m_webhooks->post(
        QUrl(url), QJsonDocument(body).toJson(QJsonDocument::Compact), 3, this,
        [this, id, topicName](bool ok, const QByteArray &answer) {
            Session *target = m_sessions.value(id);
            if (!ok || !target) {
                return;
            }
            const std::optional<QVariant> data = parseJsonBody(answer);
            if (!data) {
                qCDebug(lcWebhook,
                        "The hydration webhook answered something "
                        "that is not JSON; nothing is sent");
                return;
            }
            QByteArray encoded;
            Codec::Writer writer(&encoded);
            if (!Codec::encodeVariant(writer, *data)) {
                return;
            }
            // The bare topic name, not the display topic (§15).
            target->send(
                FrameBuilder("hydration").str("topic", topicName).raw("data", encoded).finish());
        });
}

void Broker::fireTrigger(Session *publisher, const PublishRequest &request)
{
    if (!m_webhooks) {
        return;
    }
    const ActorGrant &grant = publisher->grant();
    if (grant.topicWebhooks.isEmpty() && grant.triggerWebhook.isEmpty()) {
        return; // the usual case, decided before any string is built
    }
    const QString topicName = request.resolution.topicName();
    QString url = grant.topicWebhooks.value(topicName).onPublish;
    if (url.isEmpty()) {
        url = grant.triggerWebhook;
    }
    if (url.isEmpty()) {
        return;
    }
    const QJsonObject body{{u"roomName"_s, roomNameOf(request.resolution)},
                           {u"topicName"_s, topicName},
                           {u"actorId"_s, grant.actorTokenId},
                           {u"data"_s, QJsonValue::fromVariant(Codec::decodeVariant(request.data))},
                           {u"scope"_s, scopeJson(grant)}};
    // Fire and forget: no frame is ever sent for a trigger (§15).
    m_webhooks->post(QUrl(url), QJsonDocument(body).toJson(QJsonDocument::Compact), 1, this, {});
}

} // namespace NoLag::Server
