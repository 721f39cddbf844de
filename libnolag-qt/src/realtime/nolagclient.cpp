// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "nolagclient_p.h"

#include "nolagframes_p.h"
#include "nolagmessage_p.h"

#include "common/nolaglogging_p.h"

#include <nolagcodec/envelope.h>
#include <nolagcodec/msgpackwriter.h>
#include <nolagcodec/variantcodec.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QMetaEnum>
#include <QtCore/QMetaMethod>
#include <QtCore/QRandomGenerator>
#include <QtCore/QSet>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using NoLag::Codec::Envelope;
using NoLag::Codec::FrameType;
using Kind = NoLagPendingOperation::Kind;

namespace {

NoLag::ActorType actorTypeFromName(const QString &name)
{
    const QMetaEnum meta = QMetaEnum::fromType<NoLag::ActorType>();
    for (int i = 0; i < meta.keyCount(); ++i) {
        if (!name.isEmpty() &&
            QString::fromLatin1(meta.key(i)).compare(name, Qt::CaseInsensitive) == 0) {
            return NoLag::ActorType(meta.value(i));
        }
    }
    return NoLag::ActorType::Unknown;
}

QVariant decodeField(const Envelope &envelope, QByteArrayView key)
{
    const QByteArrayView raw = envelope.raw(key);
    return raw.isNull() ? QVariant() : NoLag::Codec::decodeVariant(raw);
}

QList<NoLagActorPresence> presenceListOf(const Envelope &envelope)
{
    QList<NoLagActorPresence> actors;
    const QVariantList entries = decodeField(envelope, "data").toList();
    for (const QVariant &entry : entries) {
        const NoLagActorPresence actor = NoLagActorPresence::fromMap(entry.toMap());
        if (actor.isValid()) {
            actors.append(actor);
        }
    }
    return actors;
}

// The topics of an auth reply's restoredSubscriptions: plain strings, or maps naming the
// pattern as "pattern" or "name" (wire protocol §3.5).
QSet<QString> restoredTopicsOf(const Envelope &envelope)
{
    QSet<QString> topics;
    const QVariantList entries = decodeField(envelope, "restoredSubscriptions").toList();
    for (const QVariant &entry : entries) {
        if (entry.typeId() == QMetaType::QString) {
            topics.insert(entry.toString());
            continue;
        }
        const QVariantMap map = entry.toMap();
        const QString pattern = map.value(u"pattern"_s, map.value(u"name"_s)).toString();
        if (!pattern.isEmpty()) {
            topics.insert(pattern);
        }
    }
    return topics;
}

QStringList groupKey(const QVariant &group)
{
    return group.toStringList();
}

bool isSimpleFilter(const QVariant &filter)
{
    return filter.typeId() == QMetaType::QString;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// NoLagClientPrivate: connection

NoLagClientPrivate::NoLagClientPrivate(NoLagClient *q)
    : q_ptr(q)
    , transport(new NoLagTransport(q))
{
    authTimer.setSingleShot(true);
    deadlineTimer.setSingleShot(true);
    ackTimer.setSingleShot(true);
}

NoLagClientPrivate::~NoLagClientPrivate() = default;

void NoLagClientPrivate::applyDebugOption()
{
    if (options.isDebugEnabled()) {
        const_cast<QLoggingCategory &>(lcNoLagClient()).setEnabled(QtDebugMsg, true);
        const_cast<QLoggingCategory &>(lcNoLagTransport()).setEnabled(QtDebugMsg, true);
    }
}

void NoLagClientPrivate::setStatus(NoLag::ConnectionStatus newStatus)
{
    Q_Q(NoLagClient);
    if (status == newStatus) {
        return;
    }
    status = newStatus;
    Q_EMIT q->statusChanged(status);
}

void NoLagClientPrivate::startAttempt(bool automatic)
{
    automaticAttempt = automatic;
    attemptFailure = NoLagError();
    applyDebugOption();
    setStatus(NoLag::ConnectionStatus::Connecting);

    // Heartbeats start once the server has accepted the token.
    transport->setHeartbeatInterval(0ms);
    qCInfo(lcNoLagClient, "Connecting to %s%s", qUtf8Printable(options.url().toDisplayString()),
           automatic ? " (automatic reconnect)" : "");
    transport->open(options.url(), options.connectTimeout());
}

void NoLagClientPrivate::onOpened()
{
    NoLagFrames::AuthFields fields;
    fields.token = token;
    fields.protocolVersion = options.protocolVersion();
    // Only an automatic attempt asks the server to restore the subscriptions (§21.4).
    fields.reconnect = automaticAttempt;
    fields.projectId = options.projectId();
    send(NoLagFrames::auth(fields));
    authTimer.start(options.operationTimeout());
}

void NoLagClientPrivate::onAuthTimeout()
{
    attemptFailure = NoLagError(NoLag::Error::AuthenticationTimeout);
    transport->abort(NoLagClient::tr("no answer to auth"));
}

void NoLagClientPrivate::handleAuthReply(const Envelope &reply)
{
    Q_Q(NoLagClient);
    authTimer.stop();
    if (status != NoLag::ConnectionStatus::Connecting) {
        qCDebug(lcNoLagClient, "Ignoring an auth reply that no request is waiting for");
        return;
    }

    if (!reply.isTrue("success")) {
        attemptFailure = NoLagError::fromServer(reply.string("error"));
        qCInfo(lcNoLagClient, "The server refused the token: %s",
               qUtf8Printable(attemptFailure.serverError()));
        // A refused token stays refused; anything else (limits, an unreachable control
        // plane) may pass, so those keep the reconnect cycle going.
        if (attemptFailure.error() == NoLag::Error::AccessDenied) {
            stopReconnecting = true;
        }
        transport->close(QWebSocketProtocol::CloseCodeNormal, u"Authentication failed"_s);
        return;
    }

    // Pre-v2 servers leave protocolVersion out: that means version 1 (§3.4).
    protocolVersion = int(std::max<qint64>(reply.integer("protocolVersion").value_or(1), 1));
    actorId = reply.string("actorTokenId");
    projectId = reply.string("projectId");
    actorType = actorTypeFromName(reply.string("actorType"));
    const QSet<QString> restored = restoredTopicsOf(reply);
    const bool wasReconnect = automaticAttempt;

    transport->resetReconnectAttempts();
    transport->setHeartbeatInterval(options.heartbeatInterval());
    setStatus(NoLag::ConnectionStatus::Connected);
    qCInfo(lcNoLagClient, "Connected to %s as actor %s (protocol %d, %lld subscriptions restored)",
           qUtf8Printable(options.url().toDisplayString()), qUtf8Printable(actorId),
           protocolVersion, qint64(restored.size()));
    Q_EMIT q->identityChanged();

    restoreAfterAuth(restored);

    // Handlers may disconnect again; the promise is settled by what happened here.
    const std::shared_ptr<QPromise<void>> promise = std::exchange(connectPromise, nullptr);
    Q_EMIT q->connected();
    if (wasReconnect) {
        Q_EMIT q->reconnected();
    }
    if (promise) {
        promise->finish();
    }
}

void NoLagClientPrivate::restoreAfterAuth(const QSet<QString> &restoredTopics)
{
    // The server restored what it listed; the client must not subscribe to those again
    // (statement 124). A wanted subscription it did not list (a server that lost its
    // records, or a manual connect) is subscribed anew.
    const QList<NoLagSubscription *> all = subscriptions.values();
    for (NoLagSubscription *subscription : all) {
        NoLagSubscriptionPrivate *sd = subscription->d_func();
        if (!sd->wanted) {
            continue;
        }
        const quint64 waiting = findPending({Kind::Subscribe}, sd->topic);
        if (restoredTopics.contains(sd->topic)) {
            if (waiting) {
                resolvePending(waiting, nullptr);
            } else {
                setSubscriptionState(subscription, NoLagSubscription::Active);
            }
            continue;
        }
        if (waiting) {
            QByteArray frame;
            NoLagFrames::SubscribeFields fields{sd->topic, int(sd->options.qos()),
                                                sd->options.isLoadBalanced(),
                                                sd->options.loadBalanceGroup(), sd->filters};
            if (NoLagFrames::subscribe(fields, &frame, nullptr)) {
                send(frame);
            }
        } else {
            sendSubscribe(subscription, nullptr);
        }
    }

    if (hasPresence) {
        sendPresence();
    }

    for (NoLagLobby *lobby : std::as_const(lobbies)) {
        if (lobby->d_func()->wanted) {
            // Nobody waits for this one; its reply refreshes the lobby's snapshot.
            lobbyRequest(lobby, Kind::LobbySubscribe);
        }
    }
}

void NoLagClientPrivate::onClosed(int closeCode, const QString &reason)
{
    Q_Q(NoLagClient);
    authTimer.stop();
    if (closingOnPurpose) {
        return;
    }

    const bool wasConnected = status == NoLag::ConnectionStatus::Connected;
    const QString why = reason.isEmpty()
        ? NoLagClient::tr("the connection closed (code %1)").arg(closeCode)
        : reason;

    NoLagError failure = attemptFailure;
    if (!failure.isError()) {
        if (wasConnected) {
            failure = NoLagError(NoLag::Error::ConnectionLost, why);
        } else if (transport->openTimedOut()) {
            failure = NoLagError(NoLag::Error::ConnectTimeout, why);
        } else {
            failure = NoLagError(NoLag::Error::SocketError, why);
        }
    }

    const int maxAttempts = options.maxReconnectAttempts();
    const bool attemptsLeft = maxAttempts == 0 || transport->reconnectAttempts() < maxAttempts;
    const bool willReconnect =
        autoReconnect && options.isReconnectEnabled() && !stopReconnecting && attemptsLeft;

    // Nothing sent on the old connection can be answered any more. Subscribes are kept when
    // the client reconnects: the next connection settles them (restored or subscribed anew).
    rejectAllPending(NoLagError(NoLag::Error::ConnectionLost, why), willReconnect);

    ackQueue.clear();
    ackTimer.stop();
    inReplay = false;

    const QList<NoLagSubscription *> all = subscriptions.values();
    for (NoLagSubscription *subscription : all) {
        NoLagSubscriptionPrivate *sd = subscription->d_func();
        if (!sd->wanted) {
            continue;
        }
        if (willReconnect) {
            setSubscriptionState(subscription, NoLagSubscription::Pending);
        } else {
            sd->wanted = false;
            setSubscriptionState(subscription, NoLagSubscription::Unsubscribed);
        }
    }
    const QList<NoLagLobby *> allLobbies = lobbies.values();
    for (NoLagLobby *lobby : allLobbies) {
        NoLagLobbyPrivate *ld = lobby->d_func();
        ld->wanted = ld->wanted && willReconnect;
        if (ld->subscribed) {
            ld->subscribed = false;
            Q_EMIT lobby->subscribedChanged();
        }
    }
    clearPresenceCache();

    const std::shared_ptr<QPromise<void>> promise = std::exchange(connectPromise, nullptr);
    const bool reportFailure = wasConnected || promise || attemptFailure.isError();
    attemptFailure = NoLagError();

    setStatus(NoLag::ConnectionStatus::Disconnected);
    if (wasConnected) {
        qCInfo(lcNoLagClient, "Lost the connection to %s: %s",
               qUtf8Printable(options.url().toDisplayString()), qUtf8Printable(why));
        Q_EMIT q->disconnected(why);
    } else {
        qCInfo(lcNoLagClient, "Could not connect to %s: %s",
               qUtf8Printable(options.url().toDisplayString()),
               qUtf8Printable(failure.errorString()));
    }
    if (promise) {
        promise->setException(failure);
        promise->finish();
    }
    if (reportFailure) {
        reportError(failure);
    }

    // A handler may have connected or disconnected in the meantime; it decided.
    if (status != NoLag::ConnectionStatus::Disconnected || transport->isActive() ||
        !autoReconnect) {
        return;
    }
    if (willReconnect) {
        setStatus(NoLag::ConnectionStatus::Reconnecting);
        transport->scheduleReconnect(options.reconnectInterval(), options.maxReconnectDelay());
    } else if (options.isReconnectEnabled() && !stopReconnecting && !attemptsLeft) {
        autoReconnect = false;
        qCWarning(lcNoLagClient, "Gave up reconnecting to %s after %d attempts",
                  qUtf8Printable(options.url().toDisplayString()), maxAttempts);
        reportError(
            NoLagError(NoLag::Error::ConnectionLost,
                       NoLagClient::tr("gave up after %1 reconnect attempts").arg(maxAttempts)));
    }
}

void NoLagClientPrivate::suspendForHidden()
{
    Q_Q(NoLagClient);
    const bool active =
        status != NoLag::ConnectionStatus::Disconnected || transport->isReconnectScheduled();
    if (!active || hiddenDisconnect) {
        return;
    }
    qCInfo(lcNoLagClient, "The application is hidden; disconnecting until it is active again");
    hiddenDisconnect = true;
    transport->cancelReconnect();
    authTimer.stop();

    const bool wasConnected = status == NoLag::ConnectionStatus::Connected;
    if (transport->isOpen()) {
        flushAcks();
    }
    ackQueue.clear();
    if (transport->isActive()) {
        closingOnPurpose = true;
        transport->close(QWebSocketProtocol::CloseCodeNormal, u"Client disconnect"_s);
        closingOnPurpose = false;
    }

    const NoLagError lost(NoLag::Error::ConnectionLost,
                          NoLagClient::tr("the application was hidden"));
    rejectAllPending(lost, true);
    if (const auto promise = std::exchange(connectPromise, nullptr)) {
        promise->setException(lost);
        promise->finish();
    }
    const QList<NoLagSubscription *> all = subscriptions.values();
    for (NoLagSubscription *subscription : all) {
        if (subscription->d_func()->wanted) {
            setSubscriptionState(subscription, NoLagSubscription::Pending);
        }
    }
    const QList<NoLagLobby *> allLobbies = lobbies.values();
    for (NoLagLobby *lobby : allLobbies) {
        if (std::exchange(lobby->d_func()->subscribed, false)) {
            Q_EMIT lobby->subscribedChanged();
        }
    }
    clearPresenceCache();
    inReplay = false;

    setStatus(NoLag::ConnectionStatus::Disconnected);
    if (wasConnected) {
        Q_EMIT q->disconnected(NoLagClient::tr("the application was hidden"));
    }
}

void NoLagClientPrivate::resumeFromHidden()
{
    if (!hiddenDisconnect) {
        return;
    }
    hiddenDisconnect = false;
    qCInfo(lcNoLagClient, "The application is active again; reconnecting");
    transport->resetReconnectAttempts();
    // Like an automatic reconnect, so that the server restores the subscriptions.
    startAttempt(true);
}

bool NoLagClientPrivate::send(const QByteArray &frame)
{
    if (!transport->send(frame)) {
        qCDebug(lcNoLagClient, "Dropping a frame: the connection is not open");
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Errors and pending operations

void NoLagClientPrivate::reportError(const NoLagError &error)
{
    Q_Q(NoLagClient);
    lastError = error;
    qCDebug(lcNoLagClient, "%s", qUtf8Printable(error.errorString()));
    Q_EMIT q->errorOccurred(error.error());
}

QFuture<void> NoLagClientPrivate::failedFuture(const NoLagError &error)
{
    return failedFutureOf<void>(error);
}

template<typename T>
QFuture<T> NoLagClientPrivate::failedFutureOf(const NoLagError &error)
{
    QPromise<T> promise;
    promise.start();
    promise.setException(error);
    promise.finish();
    reportError(error);
    return promise.future();
}

quint64 NoLagClientPrivate::addPending(NoLagPendingOperation operation)
{
    const quint64 id = nextPendingId++;
    operation.deadline = QDeadlineTimer(options.operationTimeout());
    if (!operation.msgRef.isEmpty()) {
        pendingByMsgRef.insert(operation.msgRef, id);
    }
    pending.emplace(id, std::move(operation));
    if (!deadlineTimer.isActive()) {
        armDeadlineTimer();
    }
    return id;
}

NoLagPendingOperation NoLagClientPrivate::takePending(quint64 id)
{
    const auto it = pending.find(id);
    if (it == pending.end()) {
        return {};
    }
    NoLagPendingOperation operation = std::move(it->second);
    pending.erase(it);
    if (!operation.msgRef.isEmpty()) {
        pendingByMsgRef.remove(operation.msgRef);
    }
    return operation;
}

quint64 NoLagClientPrivate::findPending(std::initializer_list<Kind> kinds, const QString &key) const
{
    for (const auto &[id, operation] : pending) {
        if (operation.key == key && operation.msgRef.isEmpty() &&
            std::find(kinds.begin(), kinds.end(), operation.kind) != kinds.end()) {
            return id;
        }
    }
    return 0;
}

void NoLagClientPrivate::resolvePending(quint64 id, const Envelope *reply)
{
    NoLagPendingOperation operation = takePending(id);
    if (operation.resolve) {
        operation.resolve(reply);
    }
}

void NoLagClientPrivate::rejectPending(quint64 id, const NoLagError &error)
{
    NoLagPendingOperation operation = takePending(id);
    if (operation.reject) {
        operation.reject(error);
    }
}

void NoLagClientPrivate::rejectAllPending(const NoLagError &error, bool keepSubscribes)
{
    QList<quint64> ids;
    for (const auto &[id, operation] : pending) {
        if (!keepSubscribes || operation.kind != Kind::Subscribe) {
            ids.append(id);
        }
    }
    for (quint64 id : std::as_const(ids)) {
        // A handler run by an earlier rejection may have settled this one already.
        const auto it = pending.find(id);
        if (it == pending.end()) {
            continue;
        }
        NoLagError specific = error;
        if (!it->second.key.isEmpty() && error.topic().isEmpty()) {
            specific = NoLagError(error.error(), QString(), it->second.key);
        }
        rejectPending(id, specific);
    }
}

void NoLagClientPrivate::armDeadlineTimer()
{
    if (pending.empty()) {
        deadlineTimer.stop();
        return;
    }
    // Operations are numbered in the order they started and share one timeout, so the
    // oldest is the next to expire.
    const qint64 remaining = pending.begin()->second.deadline.remainingTime();
    deadlineTimer.start(std::chrono::milliseconds(std::max<qint64>(remaining, 0)));
}

void NoLagClientPrivate::expireDeadlines()
{
    while (!pending.empty() && pending.begin()->second.deadline.hasExpired()) {
        const quint64 id = pending.begin()->first;
        const NoLagPendingOperation &operation = pending.begin()->second;
        const NoLagError timeout(
            NoLag::Error::Timeout,
            NoLagClient::tr("no reply within %1 ms").arg(options.operationTimeout().count()),
            operation.key);
        rejectPending(id, timeout);
        reportError(timeout);
    }
    armDeadlineTimer();
}

// ---------------------------------------------------------------------------------------------
// Frames from the server

void NoLagClientPrivate::onFrame(const QByteArray &frame)
{
    Envelope envelope;
    switch (envelope.parse(frame)) {
    case Envelope::Status::Ok:
        break;
    case Envelope::Status::Heartbeat:
        return; // the server's echo of our heartbeat; the transport saw it arrive
    default:
        qCWarning(lcNoLagCodec, "Ignoring a frame of %lld bytes that is not a MessagePack map",
                  qint64(frame.size()));
        return;
    }

    switch (envelope.type()) {
    case FrameType::Message:
        dispatchMessage(frame, envelope);
        break;
    case FrameType::Auth:
        handleAuthReply(envelope);
        break;
    case FrameType::Subscribed:
        handleSubscribed(envelope);
        break;
    case FrameType::Unsubscribed:
        handleUnsubscribed(envelope);
        break;
    case FrameType::FiltersUpdated:
        handleFiltersUpdated(envelope);
        break;
    case FrameType::Published:
        handlePublished(envelope);
        break;
    case FrameType::Presence:
        handlePresenceEvent(envelope);
        break;
    case FrameType::PresenceList:
        handlePresenceList(envelope);
        break;
    case FrameType::LobbySubscribed:
    case FrameType::LobbyUnsubscribed:
    case FrameType::LobbyPresenceList:
        handleLobbyReply(envelope);
        break;
    case FrameType::LobbyPresence:
        handleLobbyPresence(envelope);
        break;
    case FrameType::ReplayStart: {
        Q_Q(NoLagClient);
        inReplay = true;
        replayReceived = 0;
        replayCount = int(envelope.integer("count").value_or(0));
        Q_EMIT q->replayStarted(replayCount);
        break;
    }
    case FrameType::ReplayEnd: {
        Q_Q(NoLagClient);
        inReplay = false;
        Q_EMIT q->replayFinished(int(envelope.integer("replayed").value_or(replayReceived)));
        break;
    }
    case FrameType::Hydration: {
        Q_Q(NoLagClient);
        Q_EMIT q->hydrationReceived(envelope.string("topic"), decodeField(envelope, "data"));
        break;
    }
    case FrameType::Error:
        handleError(envelope);
        break;
    default:
        qCDebug(lcNoLagClient, "Ignoring a frame of type '%s'",
                qUtf8Printable(QString::fromUtf8(envelope.typeName())));
        break;
    }
}

void NoLagClientPrivate::dispatchMessage(const QByteArray &frame, const Envelope &envelope)
{
    Q_Q(NoLagClient);

    // The hot path: one pass over the fields, no allocation for the subscription lookup, the
    // subscription's own QString for the topic, and the data left as bytes until a handler
    // asks for it.
    auto *data = new NoLagMessageData;
    data->frame = frame;
    if (!data->index(envelope)) {
        delete data;
        qCWarning(lcNoLagCodec, "Ignoring a message frame without topic or data");
        return;
    }
    const QByteArrayView topic = data->view(data->topicUtf8);
    NoLagSubscription *subscription =
        subscriptions.value(QByteArray::fromRawData(topic.data(), topic.size()));
    if (subscription) {
        const NoLagSubscriptionPrivate *sd = subscription->d_func();
        data->topic = sd->topic;
        data->qos = sd->options.qos();
    } else {
        // Messages of a topic nobody subscribed to here (restored by the server, or watched
        // with onAny() only) come in runs; one remembered topic spares a conversion each.
        if (topic != QByteArrayView(lastOtherTopicUtf8)) {
            lastOtherTopicUtf8 = topic.toByteArray();
            lastOtherTopic = QString::fromUtf8(topic);
        }
        data->topic = lastOtherTopic;
        data->qos = options.qos();
    }
    const NoLagMessage message(data);

    if (data->requiresAck && data->msgId.isValid() && options.autoAcknowledge()) {
        queueAck(data->view(data->msgId));
    }
    if (data->isReplay && inReplay) {
        ++replayReceived;
        Q_EMIT q->replayProgress(replayReceived, replayCount);
    }

    if (subscription) {
        Q_EMIT subscription->messageReceived(message);
    }
    Q_EMIT q->messageReceived(message);
}

void NoLagClientPrivate::handleError(const Envelope &envelope)
{
    const QString topic = envelope.string("topic");
    QByteArrayView msgRef;
    const bool hasMsgRef = envelope.bytes("msgRef", &msgRef) && !msgRef.isEmpty();

    NoLagError error = NoLagError::fromServer(
        envelope.string("error"), int(envelope.integer("code").value_or(0)), topic,
        envelope.string("hint"), hasMsgRef ? QString::fromUtf8(msgRef) : QString());
    error.setMaxSizeBytes(envelope.integer("maxSizeBytes").value_or(0));
    const QString lobbyId = envelope.string("lobbyId");
    error.setLobbyId(lobbyId);

    // Which request failed? Publishes carry their msgRef; the rest is matched by topic or
    // lobby and by the errors that request can cause. Rate, size and quota errors only come
    // from publishes, so they never fail a subscribe (wire protocol §21.3).
    quint64 id = 0;
    if (hasMsgRef) {
        id = pendingByMsgRef.value(msgRef.toByteArray());
    } else if (!lobbyId.isEmpty() && topic.isEmpty()) {
        id = findPending({Kind::LobbySubscribe, Kind::LobbyFetch}, lobbyId);
    } else if (!topic.isEmpty()) {
        switch (error.error()) {
        case NoLag::Error::NotAuthorized:
        case NoLag::Error::UnknownTopic:
        case NoLag::Error::InvalidGroupName:
            id = findPending({Kind::Subscribe}, topic);
            break;
        case NoLag::Error::TooManyFilters:
        case NoLag::Error::InvalidFilter:
            id = findPending({Kind::Subscribe, Kind::SetFilters}, topic);
            break;
        case NoLag::Error::NotSubscribed:
            id = findPending({Kind::SetFilters}, topic);
            break;
        default:
            break;
        }
    }

    if (id) {
        rejectPending(id, error);
    }
    reportError(error);
}

void NoLagClientPrivate::handleSubscribed(const Envelope &envelope)
{
    const QString topic = envelope.string("topic");
    if (const quint64 id = findPending({Kind::Subscribe}, topic)) {
        resolvePending(id, &envelope);
        return;
    }
    // Confirmed without a request waiting (it timed out, or an error frame was taken for
    // it): the server's word on the subscription wins.
    NoLagSubscription *subscription = subscriptions.value(topic.toUtf8());
    if (subscription && subscription->d_func()->wanted) {
        setSubscriptionState(subscription, NoLagSubscription::Active);
    }
}

void NoLagClientPrivate::handleUnsubscribed(const Envelope &envelope)
{
    const QString topic = envelope.string("topic");
    if (const quint64 id = findPending({Kind::Unsubscribe}, topic)) {
        resolvePending(id, &envelope);
    }
}

void NoLagClientPrivate::handleFiltersUpdated(const Envelope &envelope)
{
    if (const quint64 id = findPending({Kind::SetFilters}, envelope.string("topic"))) {
        resolvePending(id, &envelope);
    }
}

void NoLagClientPrivate::handlePublished(const Envelope &envelope)
{
    QByteArrayView msgRef;
    if (!envelope.bytes("msgRef", &msgRef)) {
        return;
    }
    if (const quint64 id = pendingByMsgRef.value(msgRef.toByteArray())) {
        resolvePending(id, &envelope);
    }
}

// ---------------------------------------------------------------------------------------------
// Subscriptions

NoLagSubscription *NoLagClientPrivate::ensureSubscription(const QString &topic)
{
    Q_Q(NoLagClient);
    const QByteArray key = topic.toUtf8();
    if (NoLagSubscription *existing = subscriptions.value(key)) {
        return existing;
    }
    auto *subscription = new NoLagSubscription(q, topic);
    subscription->d_func()->topicUtf8 = key;
    subscriptions.insert(key, subscription);
    return subscription;
}

NoLagSubscribeOptions NoLagClientPrivate::defaultSubscribeOptions() const
{
    NoLagSubscribeOptions defaults;
    defaults.setQos(options.qos());
    defaults.setLoadBalanced(options.isLoadBalanced());
    defaults.setLoadBalanceGroup(options.loadBalanceGroup());
    return defaults;
}

void NoLagClientPrivate::setSubscriptionState(NoLagSubscription *subscription,
                                              NoLagSubscription::State state,
                                              const NoLagError &error)
{
    NoLagSubscriptionPrivate *sd = subscription->d_func();
    if (sd->state == state && !error.isError()) {
        return;
    }
    sd->state = state;
    sd->error = error;
    Q_EMIT subscription->stateChanged(state);
}

void NoLagClientPrivate::setSubscriptionFilters(NoLagSubscription *subscription,
                                                const QVariantList &filters)
{
    NoLagSubscriptionPrivate *sd = subscription->d_func();
    if (sd->filters == filters) {
        return;
    }
    sd->filters = filters;
    Q_EMIT subscription->filtersChanged();
}

void NoLagClientPrivate::sendSubscribe(NoLagSubscription *subscription,
                                       std::shared_ptr<QPromise<void>> promise)
{
    NoLagSubscriptionPrivate *sd = subscription->d_func();
    const NoLagFrames::SubscribeFields fields{sd->topic, int(sd->options.qos()),
                                              sd->options.isLoadBalanced(),
                                              sd->options.loadBalanceGroup(), sd->filters};
    QByteArray frame;
    QString encodeError;
    if (!NoLagFrames::subscribe(fields, &frame, &encodeError)) {
        const NoLagError error(NoLag::Error::EncodeError, encodeError, sd->topic);
        sd->wanted = false;
        setSubscriptionState(subscription, NoLagSubscription::Error, error);
        if (promise) {
            promise->setException(error);
            promise->finish();
        }
        reportError(error);
        return;
    }

    setSubscriptionState(subscription, NoLagSubscription::Pending);

    NoLagPendingOperation operation;
    operation.kind = Kind::Subscribe;
    operation.key = sd->topic;
    operation.resolve = [this, subscription, promise](const Envelope *) {
        setSubscriptionState(subscription, NoLagSubscription::Active);
        if (promise) {
            promise->finish();
        }
    };
    operation.reject = [this, subscription, promise](const NoLagError &error) {
        subscription->d_func()->wanted = false;
        const bool refused = error.error() != NoLag::Error::Cancelled &&
            error.error() != NoLag::Error::ConnectionLost;
        setSubscriptionState(subscription,
                             refused ? NoLagSubscription::Error : NoLagSubscription::Unsubscribed,
                             error);
        if (promise) {
            promise->setException(error);
            promise->finish();
        }
    };
    addPending(std::move(operation));
    send(frame);
}

// ---------------------------------------------------------------------------------------------
// Presence

qsizetype NoLagClientPrivate::presenceIndex(const QString &actorTokenId) const
{
    for (qsizetype i = 0; i < presenceCache.size(); ++i) {
        if (presenceCache.at(i).actorTokenId() == actorTokenId) {
            return i;
        }
    }
    return -1;
}

void NoLagClientPrivate::clearPresenceCache()
{
    Q_Q(NoLagClient);
    if (presenceCache.isEmpty()) {
        return;
    }
    presenceCache.clear();
    Q_EMIT q->presenceRefreshed();
}

void NoLagClientPrivate::sendPresence()
{
    QByteArray data;
    NoLag::Codec::Writer writer(&data);
    if (hasPresence) {
        NoLag::Codec::encodeVariant(writer, presenceData);
    } else {
        writer.writeNil();
    }
    send(NoLagFrames::presence(presenceRoom, data));

    // Presence events reach only members and tell nothing of who was there before; the list
    // fills the cache (its reply replaces the cache, see handlePresenceList()).
    if (!presenceRoom.isEmpty()) {
        send(NoLagFrames::getPresence(presenceRoom));
    }
}

void NoLagClientPrivate::handlePresenceEvent(const Envelope &envelope)
{
    Q_Q(NoLagClient);
    const QString event = envelope.string("event");
    const QVariantMap data = decodeField(envelope, "data").toMap();
    NoLagActorPresence actor = NoLagActorPresence::fromMap(data);
    if (!actor.isValid()) {
        qCDebug(lcNoLagClient, "Ignoring a presence event without an actor");
        return;
    }

    const qsizetype index = presenceIndex(actor.actorTokenId());
    if (event == u"leave") {
        if (index < 0) {
            return;
        }
        const NoLagActorPresence gone = presenceCache.takeAt(index);
        Q_EMIT q->presenceLeft(gone);
        return;
    }

    if (index >= 0) {
        // Keep what only presence lists tell (join time, status).
        NoLagActorPresence &known = presenceCache[index];
        known.setPresence(actor.presence());
        if (event == u"waking") {
            known.setStatus(u"waking"_s);
        } else if (!actor.status().isEmpty()) {
            known.setStatus(actor.status());
        }
        actor = known;
    } else {
        if (event == u"waking") {
            actor.setStatus(u"waking"_s);
        }
        presenceCache.append(actor);
    }

    if (event == u"join") {
        Q_EMIT q->presenceJoined(actor);
    } else if (event == u"waking") {
        Q_EMIT q->presenceWaking(actor);
    } else {
        Q_EMIT q->presenceUpdated(actor);
    }
}

void NoLagClientPrivate::handlePresenceList(const Envelope &envelope)
{
    Q_Q(NoLagClient);
    const QString roomId = envelope.string("roomId");
    if (!roomId.isEmpty() && roomId == presenceRoom &&
        status == NoLag::ConnectionStatus::Connected) {
        presenceCache = presenceListOf(envelope);
        Q_EMIT q->presenceRefreshed();
    }
    if (const quint64 id = findPending({Kind::FetchPresence}, roomId)) {
        resolvePending(id, &envelope);
    }
}

// ---------------------------------------------------------------------------------------------
// Lobbies

QFuture<QVariantMap> NoLagClientPrivate::lobbyRequest(NoLagLobby *lobby, Kind kind)
{
    NoLagLobbyPrivate *ld = lobby->d_func();
    if (status != NoLag::ConnectionStatus::Connected) {
        return failedFutureOf<QVariantMap>(NoLagError(NoLag::Error::NotConnected));
    }
    if (kind == Kind::LobbySubscribe) {
        ld->wanted = true;
    }

    auto promise = std::make_shared<QPromise<QVariantMap>>();
    promise->start();

    NoLagPendingOperation operation;
    operation.kind = kind;
    operation.key = ld->lobbyId;
    operation.resolve = [promise](const Envelope *reply) {
        promise->addResult(reply ? decodeField(*reply, "presence").toMap() : QVariantMap());
        promise->finish();
    };
    operation.reject = [lobby, kind, promise](const NoLagError &error) {
        if (kind == Kind::LobbySubscribe && error.error() != NoLag::Error::ConnectionLost) {
            lobby->d_func()->wanted = false;
        }
        promise->setException(error);
        promise->finish();
    };
    addPending(std::move(operation));
    send(kind == Kind::LobbySubscribe ? NoLagFrames::lobbySubscribe(ld->lobbyId)
                                      : NoLagFrames::getLobbyPresence(ld->lobbyId));
    return promise->future();
}

QFuture<void> NoLagClientPrivate::lobbyUnsubscribe(NoLagLobby *lobby)
{
    NoLagLobbyPrivate *ld = lobby->d_func();
    if (status != NoLag::ConnectionStatus::Connected) {
        return failedFuture(NoLagError(NoLag::Error::NotConnected));
    }
    ld->wanted = false;

    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    NoLagPendingOperation operation;
    operation.kind = Kind::LobbyUnsubscribe;
    operation.key = ld->lobbyId;
    operation.resolve = [promise](const Envelope *) {
        promise->finish();
    };
    operation.reject = [promise](const NoLagError &error) {
        promise->setException(error);
        promise->finish();
    };
    addPending(std::move(operation));
    send(NoLagFrames::lobbyUnsubscribe(ld->lobbyId));
    return promise->future();
}

void NoLagClientPrivate::handleLobbyReply(const Envelope &envelope)
{
    const QString lobbyId = envelope.string("lobbyId");
    NoLagLobby *lobby = lobbies.value(lobbyId);

    Kind kind = Kind::LobbySubscribe;
    if (envelope.type() == FrameType::LobbyUnsubscribed) {
        kind = Kind::LobbyUnsubscribe;
    } else if (envelope.type() == FrameType::LobbyPresenceList) {
        kind = Kind::LobbyFetch;
    }

    if (lobby) {
        NoLagLobbyPrivate *ld = lobby->d_func();
        if (kind == Kind::LobbyUnsubscribe) {
            if (std::exchange(ld->subscribed, false)) {
                Q_EMIT lobby->subscribedChanged();
            }
        } else {
            ld->presence = decodeField(envelope, "presence").toMap();
            if (kind == Kind::LobbySubscribe && !std::exchange(ld->subscribed, true)) {
                Q_EMIT lobby->subscribedChanged();
            }
            Q_EMIT lobby->presenceChanged();
        }
    }

    if (const quint64 id = findPending({kind}, lobbyId)) {
        resolvePending(id, &envelope);
    }
}

void NoLagClientPrivate::handleLobbyPresence(const Envelope &envelope)
{
    Q_Q(NoLagClient);
    const QString eventName = envelope.string("event");
    NoLag::PresenceEvent kind = NoLag::PresenceEvent::Update;
    if (eventName == u"join") {
        kind = NoLag::PresenceEvent::Join;
    } else if (eventName == u"leave") {
        kind = NoLag::PresenceEvent::Leave;
    } else if (eventName == u"waking") {
        kind = NoLag::PresenceEvent::Waking;
    }
    const NoLagLobbyPresenceEvent event(kind, envelope.string("lobbyId"), envelope.string("roomId"),
                                        envelope.string("actorId"), decodeField(envelope, "data"));
    Q_EMIT q->lobbyPresenceReceived(event);

    // The frame names the lobby by its internal id, which need not be the name the client
    // subscribed with (wire protocol §14); a lobby whose snapshot has the room takes it too.
    for (NoLagLobby *lobby : std::as_const(lobbies)) {
        NoLagLobbyPrivate *ld = lobby->d_func();
        if (!ld->subscribed ||
            (ld->lobbyId != event.lobbyId() && !ld->presence.contains(event.roomId()))) {
            continue;
        }
        QVariantMap room = ld->presence.value(event.roomId()).toMap();
        if (kind == NoLag::PresenceEvent::Leave) {
            room.remove(event.actorId());
        } else {
            QVariantMap entry = room.value(event.actorId()).toMap();
            entry.insert(u"actorTokenId"_s, event.actorId());
            entry.insert(u"presence"_s, event.data());
            room.insert(event.actorId(), entry);
        }
        ld->presence.insert(event.roomId(), room);
        Q_EMIT lobby->presenceEventReceived(event);
        Q_EMIT lobby->presenceChanged();
    }
}

// ---------------------------------------------------------------------------------------------
// Acknowledgements

void NoLagClientPrivate::queueAck(QByteArrayView msgId)
{
    if (options.ackBatchInterval() == 0ms) {
        send(NoLagFrames::ack(msgId));
        return;
    }
    ackQueue.append(msgId.toByteArray());
    // The first id starts the timer; later ids do not restart it (JavaScript SDK, §21.9).
    if (!ackTimer.isActive()) {
        ackTimer.start(options.ackBatchInterval());
    }
}

void NoLagClientPrivate::flushAcks()
{
    ackTimer.stop();
    if (ackQueue.isEmpty()) {
        return;
    }
    if (ackQueue.size() == 1) {
        send(NoLagFrames::ack(ackQueue.first()));
    } else {
        send(NoLagFrames::batchAck(ackQueue));
    }
    ackQueue.clear();
}

// ---------------------------------------------------------------------------------------------
// NoLagAppStateWatcher

NoLagAppStateWatcher::NoLagAppStateWatcher(NoLagClientPrivate *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app) {
        return;
    }
    // QGuiApplication has this signal; QCoreApplication does not, and then nothing happens.
    const QMetaObject *appMeta = app->metaObject();
    const int signal = appMeta->indexOfSignal("applicationStateChanged(Qt::ApplicationState)");
    if (signal < 0) {
        return;
    }
    const int slot = metaObject()->indexOfSlot("onApplicationStateChanged(Qt::ApplicationState)");
    m_watching =
        bool(QObject::connect(app, appMeta->method(signal), this, metaObject()->method(slot)));
}

void NoLagAppStateWatcher::onApplicationStateChanged(Qt::ApplicationState state)
{
    if (!m_client->options.disconnectOnHidden()) {
        return;
    }
    if (state == Qt::ApplicationHidden || state == Qt::ApplicationSuspended) {
        m_client->suspendForHidden();
    } else if (state == Qt::ApplicationActive) {
        m_client->resumeFromHidden();
    }
}

// ---------------------------------------------------------------------------------------------
// NoLagClient

NoLagClient::NoLagClient(QObject *parent)
    : NoLagClient(QString(), NoLagOptions(), parent)
{ }

NoLagClient::NoLagClient(const QString &token, const NoLagOptions &options, QObject *parent)
    : QObject(parent)
    , d_ptr(std::make_unique<NoLagClientPrivate>(this))
{
    Q_D(NoLagClient);
    d->token = token;
    d->options = options;

    connect(d->transport, &NoLagTransport::opened, this, [d] { d->onOpened(); });
    connect(d->transport, &NoLagTransport::closed, this,
            [d](int closeCode, const QString &reason) { d->onClosed(closeCode, reason); });
    connect(d->transport, &NoLagTransport::frameReceived, this,
            [d](const QByteArray &frame) { d->onFrame(frame); });
    connect(d->transport, &NoLagTransport::reconnectDue, this, [d] { d->startAttempt(true); });
    connect(&d->authTimer, &QTimer::timeout, this, [d] { d->onAuthTimeout(); });
    connect(&d->deadlineTimer, &QTimer::timeout, this, [d] { d->expireDeadlines(); });
    connect(&d->ackTimer, &QTimer::timeout, this, [d] { d->flushAcks(); });
}

NoLagClient::~NoLagClient()
{
    Q_D(NoLagClient);
    d->transport->disconnect(this);
    if (d->transport->isOpen()) {
        d->flushAcks();
        d->transport->close(QWebSocketProtocol::CloseCodeNormal, u"Client disconnect"_s);
    }
    const NoLagError cancelled(NoLag::Error::Cancelled);
    if (const auto promise = std::exchange(d->connectPromise, nullptr)) {
        promise->setException(cancelled);
        promise->finish();
    }
    d->rejectAllPending(cancelled, false);
}

QString NoLagClient::token() const
{
    Q_D(const NoLagClient);
    return d->token;
}

void NoLagClient::setToken(const QString &token)
{
    Q_D(NoLagClient);
    if (d->token == token) {
        return;
    }
    d->token = token;
    // A new token may be accepted where the old one was refused.
    d->stopReconnecting = false;
    Q_EMIT tokenChanged();
}

NoLagOptions NoLagClient::options() const
{
    Q_D(const NoLagClient);
    return d->options;
}

void NoLagClient::setOptions(const NoLagOptions &options)
{
    Q_D(NoLagClient);
    d->options = options;
    d->applyDebugOption();
    if (isConnected()) {
        d->transport->setHeartbeatInterval(options.heartbeatInterval());
    }
}

NoLag::ConnectionStatus NoLagClient::status() const
{
    Q_D(const NoLagClient);
    return d->status;
}

int NoLagClient::protocolVersion() const
{
    Q_D(const NoLagClient);
    return d->protocolVersion;
}

QString NoLagClient::actorId() const
{
    Q_D(const NoLagClient);
    return d->actorId;
}

QString NoLagClient::projectId() const
{
    Q_D(const NoLagClient);
    return d->projectId;
}

NoLag::ActorType NoLagClient::actorType() const
{
    Q_D(const NoLagClient);
    return d->actorType;
}

bool NoLagClient::isLoadBalanced() const
{
    Q_D(const NoLagClient);
    return d->options.isLoadBalanced();
}

QString NoLagClient::loadBalanceGroup() const
{
    Q_D(const NoLagClient);
    return d->options.loadBalanceGroup();
}

NoLag::Error NoLagClient::error() const
{
    Q_D(const NoLagClient);
    return d->lastError.error();
}

QString NoLagClient::errorString() const
{
    Q_D(const NoLagClient);
    return d->lastError.isError() ? d->lastError.errorString() : QString();
}

NoLagError NoLagClient::lastError() const
{
    Q_D(const NoLagClient);
    return d->lastError;
}

QFuture<void> NoLagClient::connectToServer()
{
    Q_D(NoLagClient);
    if (d->status == NoLag::ConnectionStatus::Connected) {
        QPromise<void> done;
        done.start();
        done.finish();
        return done.future();
    }
    if (d->connectPromise) {
        return d->connectFuture;
    }

    if (!d->appStateWatcher && d->options.disconnectOnHidden()) {
        d->appStateWatcher = new NoLagAppStateWatcher(d, this);
    }
    d->autoReconnect = d->options.isReconnectEnabled();
    d->stopReconnecting = false;
    d->hiddenDisconnect = false;
    d->transport->cancelReconnect();
    d->transport->resetReconnectAttempts();

    d->connectPromise = std::make_shared<QPromise<void>>();
    d->connectPromise->start();
    d->connectFuture = d->connectPromise->future();
    const QFuture<void> future = d->connectFuture;
    d->startAttempt(false);
    return future;
}

void NoLagClient::disconnectFromServer()
{
    Q_D(NoLagClient);
    d->autoReconnect = false;
    d->hiddenDisconnect = false;
    d->transport->cancelReconnect();
    d->authTimer.stop();

    const bool wasConnected = d->status == NoLag::ConnectionStatus::Connected;
    if (d->transport->isOpen()) {
        d->flushAcks();
    }
    d->ackQueue.clear();
    if (d->transport->isActive()) {
        d->closingOnPurpose = true;
        d->transport->close(QWebSocketProtocol::CloseCodeNormal, u"Client disconnect"_s);
        d->closingOnPurpose = false;
    }

    const NoLagError cancelled(NoLag::Error::Cancelled);
    bool cancelledSomething = !d->pending.empty();
    if (const auto promise = std::exchange(d->connectPromise, nullptr)) {
        promise->setException(cancelled);
        promise->finish();
        cancelledSomething = true;
    }
    d->rejectAllPending(cancelled, false);

    const QList<NoLagSubscription *> all = d->subscriptions.values();
    for (NoLagSubscription *subscription : all) {
        subscription->d_func()->wanted = false;
        if (subscription->state() != NoLagSubscription::Error) {
            d->setSubscriptionState(subscription, NoLagSubscription::Unsubscribed);
        }
    }
    const QList<NoLagLobby *> allLobbies = d->lobbies.values();
    for (NoLagLobby *lobby : allLobbies) {
        lobby->d_func()->wanted = false;
        if (std::exchange(lobby->d_func()->subscribed, false)) {
            Q_EMIT lobby->subscribedChanged();
        }
    }
    d->clearPresenceCache();
    d->inReplay = false;

    d->setStatus(NoLag::ConnectionStatus::Disconnected);
    if (wasConnected) {
        qCInfo(lcNoLagClient, "Disconnected from %s",
               qUtf8Printable(d->options.url().toDisplayString()));
        Q_EMIT disconnected(u"Client disconnect"_s);
    }
    if (cancelledSomething) {
        d->reportError(cancelled);
    }
}

NoLagSubscription *NoLagClient::subscribe(const QString &topic)
{
    Q_D(NoLagClient);
    return subscribe(topic, d->defaultSubscribeOptions());
}

NoLagSubscription *NoLagClient::subscribe(const QString &topic,
                                          const NoLagSubscribeOptions &options)
{
    Q_D(NoLagClient);
    if (topic.isEmpty()) {
        d->reportError(NoLagError(NoLag::Error::InvalidArgument, tr("the topic is empty")));
        return nullptr;
    }

    NoLagSubscription *subscription = d->ensureSubscription(topic);
    NoLagSubscriptionPrivate *sd = subscription->d_func();
    sd->options = options;
    Q_EMIT subscription->optionsChanged();
    // The subscribe replaces the topic's routes, so the filters are exactly these: no
    // filters means none, not "the ones sent before" (a stale state in both official SDKs).
    d->setSubscriptionFilters(subscription, options.filters());

    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    sd->future = promise->future();

    if (!isConnected()) {
        const NoLagError error(NoLag::Error::NotConnected, QString(), topic);
        sd->wanted = false;
        d->setSubscriptionState(subscription, NoLagSubscription::Error, error);
        promise->setException(error);
        promise->finish();
        d->reportError(error);
        return subscription;
    }

    sd->wanted = true;
    d->sendSubscribe(subscription, promise);
    return subscription;
}

QFuture<void> NoLagClient::unsubscribe(const QString &topic)
{
    Q_D(NoLagClient);
    if (!isConnected()) {
        return d->failedFuture(NoLagError(NoLag::Error::NotConnected, QString(), topic));
    }

    NoLagSubscription *subscription = d->ensureSubscription(topic);
    subscription->d_func()->wanted = false;
    d->setSubscriptionFilters(subscription, {});

    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    NoLagPendingOperation operation;
    operation.kind = Kind::Unsubscribe;
    operation.key = topic;
    operation.resolve = [d, subscription, promise](const Envelope *) {
        if (!subscription->d_func()->wanted) {
            d->setSubscriptionState(subscription, NoLagSubscription::Unsubscribed);
        }
        promise->finish();
    };
    operation.reject = [promise](const NoLagError &error) {
        promise->setException(error);
        promise->finish();
    };
    d->addPending(std::move(operation));
    d->send(NoLagFrames::unsubscribe(topic));
    return promise->future();
}

NoLagSubscription *NoLagClient::subscription(const QString &topic) const
{
    Q_D(const NoLagClient);
    return d->subscriptions.value(topic.toUtf8());
}

QList<NoLagSubscription *> NoLagClient::subscriptions() const
{
    Q_D(const NoLagClient);
    return d->subscriptions.values();
}

QFuture<void> NoLagClient::publish(const QString &topic, const QVariant &data)
{
    Q_D(NoLagClient);
    NoLagEmitOptions options;
    options.setQos(d->options.qos());
    return publish(topic, data, options);
}

QFuture<void> NoLagClient::publish(const QString &topic, const QVariant &data,
                                   const NoLagEmitOptions &options)
{
    Q_D(NoLagClient);
    if (topic.isEmpty()) {
        return d->failedFuture(NoLagError(NoLag::Error::InvalidArgument, tr("the topic is empty")));
    }
    if (!isConnected()) {
        return d->failedFuture(NoLagError(NoLag::Error::NotConnected, QString(), topic));
    }

    QByteArray encoded;
    // Room for a typical payload up front: growing from nothing took several reallocations.
    encoded.reserve(256);
    NoLag::Codec::Writer writer(&encoded);
    QString encodeError;
    if (!NoLag::Codec::encodeVariant(writer, data, &encodeError)) {
        return d->failedFuture(NoLagError(NoLag::Error::EncodeError, encodeError, topic));
    }

    // Only protocol 2 promises a `published` reply (wire protocol §3.4).
    const bool acknowledged = options.isAcknowledged() && d->protocolVersion >= 2;
    NoLagFrames::PublishFields fields;
    fields.topic = topic;
    fields.data = encoded;
    fields.qos = int(options.qos());
    fields.echo = options.echo();
    fields.retain = options.retain();
    fields.filter = options.filter();
    fields.filters = options.filters();
    if (acknowledged) {
        fields.msgRef = QByteArray::number(++d->msgRefCounter) + '-' +
            QByteArray::number(QRandomGenerator::global()->generate(), 16);
    }
    const QByteArray frame = NoLagFrames::publish(fields);
    if (frame.size() > d->options.maxFrameSize()) {
        return d->failedFuture(NoLagError(
            NoLag::Error::FrameTooLarge,
            tr("%1 bytes, the server accepts %2").arg(frame.size()).arg(d->options.maxFrameSize()),
            topic));
    }

    if (!acknowledged) {
        d->send(frame);
        QPromise<void> sent;
        sent.start();
        sent.finish();
        return sent.future();
    }

    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    NoLagPendingOperation operation;
    operation.kind = Kind::Publish;
    operation.key = topic;
    operation.msgRef = fields.msgRef;
    operation.resolve = [promise](const Envelope *) {
        promise->finish();
    };
    operation.reject = [promise](const NoLagError &error) {
        promise->setException(error);
        promise->finish();
    };
    d->addPending(std::move(operation));
    d->send(frame);
    return promise->future();
}

QFuture<void> NoLagClient::setFilters(const QString &topic, const QVariantList &filters)
{
    Q_D(NoLagClient);
    if (!isConnected()) {
        return d->failedFuture(NoLagError(NoLag::Error::NotConnected, QString(), topic));
    }
    QByteArray frame;
    QString encodeError;
    if (!NoLagFrames::setFilters(topic, filters, &frame, &encodeError)) {
        return d->failedFuture(NoLagError(NoLag::Error::EncodeError, encodeError, topic));
    }

    // Like the official SDKs, the client tracks what it sent, so that add and remove build
    // on the latest request even before the server has answered.
    d->setSubscriptionFilters(d->ensureSubscription(topic), filters);

    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    NoLagPendingOperation operation;
    operation.kind = Kind::SetFilters;
    operation.key = topic;
    operation.resolve = [promise](const Envelope *) {
        promise->finish();
    };
    operation.reject = [promise](const NoLagError &error) {
        promise->setException(error);
        promise->finish();
    };
    d->addPending(std::move(operation));
    d->send(frame);
    return promise->future();
}

QFuture<void> NoLagClient::addFilters(const QString &topic, const QVariantList &filters)
{
    // Simple filters first, without duplicates and in the order they came; AND groups after
    // them, unchanged (wire protocol §21.7, statement 128).
    QVariantList simple;
    QVariantList groups;
    const auto addGroup = [&groups](const QVariant &group) {
        for (const QVariant &known : std::as_const(groups)) {
            if (groupKey(known) == groupKey(group)) {
                return;
            }
        }
        groups.append(group);
    };
    for (const QVariant &filter : this->filters(topic) + filters) {
        if (isSimpleFilter(filter)) {
            if (!simple.contains(filter)) {
                simple.append(filter);
            }
        } else {
            addGroup(filter);
        }
    }
    return setFilters(topic, simple + groups);
}

QFuture<void> NoLagClient::removeFilters(const QString &topic, const QVariantList &filters)
{
    Q_D(NoLagClient);
    const QVariantList current = this->filters(topic);
    if (current.isEmpty()) {
        // Nothing to remove from: the JavaScript SDK's behaviour, which sends nothing.
        if (!isConnected()) {
            return d->failedFuture(NoLagError(NoLag::Error::NotConnected, QString(), topic));
        }
        QPromise<void> done;
        done.start();
        done.finish();
        return done.future();
    }

    QVariantList kept;
    for (const QVariant &filter : current) {
        const bool removed = std::any_of(filters.begin(), filters.end(), [&](const QVariant &gone) {
            if (isSimpleFilter(filter) || isSimpleFilter(gone)) {
                return isSimpleFilter(filter) && isSimpleFilter(gone) &&
                    filter.toString() == gone.toString();
            }
            return groupKey(filter) == groupKey(gone);
        });
        if (!removed) {
            kept.append(filter);
        }
    }
    return setFilters(topic, kept);
}

QVariantList NoLagClient::filters(const QString &topic) const
{
    const NoLagSubscription *entry = subscription(topic);
    return entry ? entry->filters() : QVariantList();
}

void NoLagClient::off(const QString &topic)
{
    NoLagSubscription *entry = subscription(topic);
    if (!entry) {
        return;
    }
    const QList<QMetaObject::Connection> handlers = std::exchange(entry->d_func()->handlers, {});
    for (const QMetaObject::Connection &handler : handlers) {
        QObject::disconnect(handler);
    }
}

bool NoLagClient::off(const QString &topic, const QMetaObject::Connection &handler)
{
    NoLagSubscription *entry = subscription(topic);
    if (!entry) {
        return false;
    }
    // Connections cannot be compared; every copy of a disconnected one turns false, so the
    // list drops whatever is no longer connected.
    const bool removed = QObject::disconnect(handler);
    entry->d_func()->handlers.removeIf(
        [](const QMetaObject::Connection &connection) { return !connection; });
    return removed;
}

void NoLagClient::offAny()
{
    Q_D(NoLagClient);
    const QList<QMetaObject::Connection> handlers = std::exchange(d->anyHandlers, {});
    for (const QMetaObject::Connection &handler : handlers) {
        QObject::disconnect(handler);
    }
}

bool NoLagClient::offAny(const QMetaObject::Connection &handler)
{
    Q_D(NoLagClient);
    const bool removed = QObject::disconnect(handler);
    d->anyHandlers.removeIf([](const QMetaObject::Connection &connection) { return !connection; });
    return removed;
}

NoLagSubscription *NoLagClient::handlerTarget(const QString &topic)
{
    Q_D(NoLagClient);
    return d->ensureSubscription(topic);
}

void NoLagClient::rememberHandler(const QString &topic, const QMetaObject::Connection &connection)
{
    Q_D(NoLagClient);
    if (connection) {
        d->ensureSubscription(topic)->d_func()->handlers.append(connection);
    }
}

void NoLagClient::rememberAnyHandler(const QMetaObject::Connection &connection)
{
    Q_D(NoLagClient);
    if (connection) {
        d->anyHandlers.append(connection);
    }
}

void NoLagClient::setPresence(const QVariantMap &data, const QString &roomId)
{
    Q_D(NoLagClient);
    const bool roomChanged = !roomId.isEmpty() && roomId != d->presenceRoom;
    if (roomChanged) {
        d->presenceRoom = roomId;
        // The cache described the old room.
        d->presenceCache.clear();
        Q_EMIT presenceRefreshed();
    }
    d->presenceData = data;
    d->hasPresence = true;
    if (!isConnected()) {
        return; // sent once connected
    }

    QByteArray encoded;
    NoLag::Codec::Writer writer(&encoded);
    QString encodeError;
    if (!NoLag::Codec::encodeVariant(writer, data, &encodeError)) {
        d->hasPresence = false;
        d->reportError(NoLagError(NoLag::Error::EncodeError, encodeError));
        return;
    }
    d->send(NoLagFrames::presence(d->presenceRoom, encoded));
    if (roomChanged) {
        d->send(NoLagFrames::getPresence(d->presenceRoom));
    }
}

void NoLagClient::clearPresence()
{
    Q_D(NoLagClient);
    d->hasPresence = false;
    d->presenceData.clear();
    if (isConnected()) {
        // What the Python SDK sends: null data, which keeps the actor in the room.
        d->send(NoLagFrames::presence(d->presenceRoom, QByteArrayView("\xc0", 1)));
    }
}

QString NoLagClient::presenceRoom() const
{
    Q_D(const NoLagClient);
    return d->presenceRoom;
}

NoLagActorPresence NoLagClient::presence(const QString &actorTokenId) const
{
    Q_D(const NoLagClient);
    const qsizetype index = d->presenceIndex(actorTokenId);
    return index >= 0 ? d->presenceCache.at(index) : NoLagActorPresence();
}

QList<NoLagActorPresence> NoLagClient::allPresence() const
{
    Q_D(const NoLagClient);
    return d->presenceCache;
}

QFuture<QList<NoLagActorPresence>> NoLagClient::fetchPresence(const QString &roomId)
{
    Q_D(NoLagClient);
    const QString room = roomId.isEmpty() ? d->presenceRoom : roomId;
    if (!isConnected()) {
        return d->failedFutureOf<QList<NoLagActorPresence>>(NoLagError(NoLag::Error::NotConnected));
    }

    auto promise = std::make_shared<QPromise<QList<NoLagActorPresence>>>();
    promise->start();
    NoLagPendingOperation operation;
    operation.kind = Kind::FetchPresence;
    operation.key = room;
    operation.resolve = [promise](const Envelope *reply) {
        promise->addResult(reply ? presenceListOf(*reply) : QList<NoLagActorPresence>());
        promise->finish();
    };
    operation.reject = [promise](const NoLagError &error) {
        promise->setException(error);
        promise->finish();
    };
    d->addPending(std::move(operation));
    d->send(NoLagFrames::getPresence(room));
    return promise->future();
}

NoLagAppContext NoLagClient::setApp(const QString &app)
{
    return NoLagAppContext(this, app);
}

NoLagLobby *NoLagClient::setLobby(const QString &lobbyId)
{
    Q_D(NoLagClient);
    if (NoLagLobby *existing = d->lobbies.value(lobbyId)) {
        return existing;
    }
    auto *lobby = new NoLagLobby(this, lobbyId);
    d->lobbies.insert(lobbyId, lobby);
    return lobby;
}

void NoLagClient::acknowledge(const QString &msgId)
{
    Q_D(NoLagClient);
    if (isConnected() && !msgId.isEmpty()) {
        d->queueAck(msgId.toUtf8());
    }
}

void NoLagClient::acknowledge(const QStringList &msgIds)
{
    for (const QString &msgId : msgIds) {
        acknowledge(msgId);
    }
}
