// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "session.h"

#include "broker.h"
#include "filters.h"
#include "frames.h"
#include "serverlogging_p.h"

#include <nolagcodec/canonical.h>
#include <nolagcodec/envelope.h>
#include <nolagcodec/variantcodec.h>

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <utility>

using namespace Qt::StringLiterals;
using NoLag::Codec::Envelope;
using NoLag::Codec::FrameType;
using NoLag::Codec::Kind;

namespace NoLag::Server {

namespace {

// How long a refused subscribe live check is remembered per topic (wire-protocol §6.6).
constexpr qint64 DenialCacheMs = 5000;

int qosOf(const Envelope &frame)
{
    // Anything but 0, 1 or 2 is treated as 1, never rejected (wire-protocol §7.1, §9.1).
    const std::optional<qint64> qos = frame.integer("qos");
    return qos && *qos >= 0 && *qos <= 2 ? int(*qos) : 1;
}

int negotiatedVersion(const Envelope &frame)
{
    const std::optional<qint64> version = frame.integer("protocolVersion");
    return version && *version >= 2 ? 2 : 1;
}

} // namespace

Session::Session(Broker *broker, Link *link, quint64 id)
    : m_broker(broker)
    , m_link(link)
    , m_id(id)
    , m_lastInboundMs(broker->nowMs())
{ }

Session::~Session() = default;

void Session::send(const QByteArray &frame)
{
    if (m_closing) {
        return;
    }
    if (m_holding) {
        m_held.append(frame);
        return;
    }
    m_link->send(frame);
}

void Session::releaseFrames()
{
    m_holding = false;
    const QList<QByteArray> held = std::exchange(m_held, {});
    for (const QByteArray &frame : held) {
        send(frame);
    }
}

void Session::close(int code, const QString &reason)
{
    if (m_closing) {
        return;
    }
    if (m_holding) {
        m_broker->releaseHeldFrames(); // make them durable and let them go first
    }
    m_closing = true;
    m_link->close(code, reason);
}

void Session::receive(QByteArrayView bytes)
{
    if (m_closing) {
        return;
    }
    m_lastInboundMs = m_broker->nowMs();

    Envelope frame;
    switch (frame.parse(bytes)) {
    case Envelope::Status::Heartbeat:
        onHeartbeat();
        return;
    case Envelope::Status::Malformed:
    case Envelope::Status::Ext:
    case Envelope::Status::TooDeep:
        // Undecodable frames are ignored without a reply and the connection stays open
        // (wire-protocol §2.1).
        qCDebug(lcBroker,
                "Connection %llu: ignored a frame that is not valid MessagePack "
                "(%lld bytes)",
                m_id, qint64(bytes.size()));
        return;
    case Envelope::Status::NotAMap:
        // A value that is not a map is an unknown frame (§2.1.6): ignored once
        // authenticated, refused before.
        if (!m_authenticated) {
            sendNotAuthenticated();
        }
        return;
    case Envelope::Status::Ok:
        dispatch(frame);
        return;
    }
}

void Session::touch()
{
    m_lastInboundMs = m_broker->nowMs();
}

void Session::receiveText(const QString &text)
{
    if (m_closing) {
        return;
    }
    m_lastInboundMs = m_broker->nowMs();

    // The JSON path of wire-protocol §1.5. Invalid JSON crashes the reference server's
    // handler; here it is ignored like an undecodable binary frame.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        qCDebug(lcBroker, "Connection %llu: ignored a text frame that is not valid JSON (%s)", m_id,
                qPrintable(error.errorString()));
        return;
    }
    const QVariant value = document.isObject() ? QVariant(document.object().toVariantMap())
                                               : QVariant(document.array().toVariantList());
    bool ok = false;
    const QByteArray encoded = Codec::encodeVariant(value, &ok);
    if (ok) {
        receive(encoded);
    }
}

void Session::dispatch(const Envelope &frame)
{
    if (frame.type() == FrameType::Auth && frame.kind("token") == Kind::Str) {
        onAuth(frame);
        return;
    }
    if (!m_authenticated) {
        sendNotAuthenticated();
        return;
    }

    switch (frame.type()) {
    case FrameType::Subscribe:
        onSubscribe(frame);
        break;
    case FrameType::Unsubscribe:
        onUnsubscribe(frame);
        break;
    case FrameType::SetFilters:
        onSetFilters(frame);
        break;
    case FrameType::Publish:
        onPublish(frame);
        break;
    case FrameType::Presence:
        onPresence(frame);
        break;
    case FrameType::GetPresence:
        onGetPresence(frame);
        break;
    case FrameType::LobbySubscribe:
        onLobbySubscribe(frame);
        break;
    case FrameType::LobbyUnsubscribe:
        onLobbyUnsubscribe(frame);
        break;
    case FrameType::GetLobbyPresence:
        onGetLobbyPresence(frame);
        break;
    case FrameType::Ack:
        onAck(frame);
        break;
    case FrameType::BatchAck:
        onBatchAck(frame);
        break;
    case FrameType::Reauth:
        onReauth(frame);
        break;
    default:
        // Unknown types, and server frame types sent by a client, get no reply (§3.8).
        qCDebug(lcBroker, "Connection %llu: ignored a frame of unknown type", m_id);
        break;
    }
}

void Session::onHeartbeat()
{
    if (!m_authenticated) {
        return;
    }
    send(QByteArray());

    // Revalidation rides on heartbeats (wire-protocol §4.4).
    const qint64 now = m_broker->nowMs();
    if (now - m_lastValidationMs < m_broker->options().revalidateIntervalMs) {
        return;
    }
    const AuthOutcome outcome = m_broker->authProvider()->revalidate(m_grant.actorTokenId);
    switch (outcome.status) {
    case AuthOutcome::Status::Granted: {
        m_lastValidationMs = now;
        const ActorGrant previous = m_grant;
        setGrant(outcome.grant);
        m_broker->setAuthenticated(this, previous);
        const std::optional<int> limit = m_grant.maxConnections;
        if (limit && m_broker->connectionCount(m_grant) > *limit) {
            qCInfo(lcAuth,
                   "Closing connection %llu of actor %s: its organisation is over its "
                   "connection limit of %d",
                   m_id, qPrintable(m_grant.actorTokenId), *limit);
            close(4002, u"connection_limit_reached"_s);
        }
        break;
    }
    case AuthOutcome::Status::Denied: {
        const QString reason = outcome.error.isEmpty() ? u"token_revoked"_s : outcome.error;
        qCInfo(lcAuth, "Closing connection %llu: actor %s is no longer valid (%s)", m_id,
               qPrintable(m_grant.actorTokenId), qPrintable(reason));
        // The reference server builds a `disconnect` frame here and never sends it; clients
        // rely on the close code and reason only (§4.5).
        close(4001, reason);
        break;
    }
    case AuthOutcome::Status::Unavailable:
        qCDebug(lcAuth,
                "Revalidation of actor %s could not be done now; retrying at the next "
                "heartbeat",
                qPrintable(m_grant.actorTokenId));
        break;
    }
}

void Session::onAuth(const Envelope &frame)
{
    const AuthOutcome outcome = m_broker->authProvider()->authenticate(frame.string("token"));
    if (!outcome.isGranted()) {
        QString error = outcome.error;
        if (error.isEmpty()) {
            error = outcome.status == AuthOutcome::Status::Unavailable ? u"connection_failed"_s
                                                                       : u"access_denied"_s;
        }
        qCInfo(lcAuth, "Connection %llu: authentication refused (%s)", m_id, qPrintable(error));
        send(FrameBuilder("auth").boolean("success", false).str("error", error).finish());
        return;
    }

    const ActorGrant &grant = outcome.grant;
    if (grant.maxConnections && m_broker->connectionCount(grant, this) >= *grant.maxConnections) {
        qCInfo(lcAuth,
               "Connection %llu: refused actor %s, its organisation already has %d "
               "connections",
               m_id, qPrintable(grant.actorTokenId), *grant.maxConnections);
        send(FrameBuilder("auth")
                 .boolean("success", false)
                 .str("error", u"connection_limit_reached")
                 .finish());
        return;
    }

    const ActorGrant previous = m_grant;
    const bool wasAuthenticated = m_authenticated;
    setGrant(grant);
    m_authenticated = true;
    m_protocolVersion = negotiatedVersion(frame);
    m_lastValidationMs = m_broker->nowMs();
    m_broker->setAuthenticated(this, wasAuthenticated ? previous : ActorGrant());
    qCInfo(lcAuth, "Connection %llu: authenticated as actor %s (protocol version %d)", m_id,
           qPrintable(m_grant.actorTokenId), m_protocolVersion);

    QList<Subscription *> restored;
    QVariantList restoredList;
    if (frame.isTrue("reconnect")) {
        restoredList = m_broker->restoreSubscriptions(this, &restored);
    }

    QByteArray restoredEncoded;
    Codec::Writer writer(&restoredEncoded);
    Codec::encodeVariant(writer, restoredList);

    send(FrameBuilder("auth")
             .boolean("success", true)
             .str("actorTokenId", m_grant.actorTokenId)
             .str("projectId", m_grant.projectId.isEmpty() ? u"undefined"_s : m_grant.projectId)
             .str("actorType", m_grant.actorType.isEmpty() ? u"user"_s : m_grant.actorType)
             .integer("protocolVersion", m_protocolVersion)
             .raw("restoredSubscriptions", restoredEncoded)
             .finish());

    if (!restored.isEmpty()) {
        m_broker->replay(this, restored);
    }
}

void Session::onReauth(const Envelope &frame)
{
    if (frame.kind("token") != Kind::Str) {
        return;
    }
    // In-band token refresh of js-1.12 (wire-protocol §20): the new token must belong to the
    // same actor; the connection keeps everything it has.
    const AuthOutcome outcome = m_broker->authProvider()->authenticate(frame.string("token"));
    if (!outcome.isGranted()) {
        const QString error = outcome.error.isEmpty() ? u"access_denied"_s : outcome.error;
        send(FrameBuilder("reauth").boolean("success", false).str("error", error).finish());
        return;
    }
    if (outcome.grant.actorTokenId != m_grant.actorTokenId) {
        send(FrameBuilder("reauth")
                 .boolean("success", false)
                 .str("error", u"actor_mismatch")
                 .finish());
        return;
    }
    const ActorGrant previous = m_grant;
    setGrant(outcome.grant);
    m_lastValidationMs = m_broker->nowMs();
    m_broker->setAuthenticated(this, previous);
    send(FrameBuilder("reauth").boolean("success", true).finish());
}

TopicResolution Session::resolveForSubscribe(const QString &topic)
{
    TopicResolution resolution = resolveTopic(m_grant, topic, TopicAction::Subscribe);
    if (resolution.allowed || hasWildcard(topic)) {
        return resolution;
    }

    // The cache-miss fallback of §6.6: a room created after connect is found by asking the
    // auth provider once; what it returns is merged into this connection's rules (which
    // also lets later publishes to that room through).
    const qint64 now = m_broker->nowMs();
    if (m_deniedUntil.value(topic) > now) {
        return resolution;
    }
    const std::optional<QList<AclRule>> fresh =
        m_broker->authProvider()->checkRoomAccess(m_grant.actorTokenId, topic);
    if (!fresh || fresh->isEmpty()) {
        m_deniedUntil.insert(topic, now + DenialCacheMs);
        return resolution;
    }
    for (const AclRule &rule : *fresh) {
        bool known = false;
        for (const AclRule &existing : std::as_const(m_grant.rules)) {
            if (existing.pattern == rule.pattern && existing.permission == rule.permission &&
                existing.internalTopic == rule.internalTopic) {
                known = true;
                break;
            }
        }
        if (!known) {
            m_grant.rules.append(rule);
            m_lastPublish.reset(); // the new rule may admit the last publish topic too
        }
    }
    return resolveTopic(m_grant, topic, TopicAction::Subscribe);
}

void Session::onSubscribe(const Envelope &frame)
{
    if (frame.kind("topic") != Kind::Str) {
        return;
    }
    const QString topic = frame.string("topic");

    const TopicResolution resolution = resolveForSubscribe(topic);
    if (!resolution.allowed) {
        sendTopicError(topic, {});
        return;
    }

    // Validate before touching an existing subscription, so a rejected re-subscribe keeps
    // the old one working (statement 81; the reference server tears it down first).
    const FilterResult filters =
        parseSubscriptionFilters(frame.raw("filters"), m_broker->options().maxFilters);
    if (!filters.ok) {
        sendError(filters.error, topic);
        return;
    }

    const bool loadBalance = frame.isTrue("loadBalance");
    QString groupKey;
    if (loadBalance) {
        QString group = frame.string("loadBalanceGroup");
        if (group.isEmpty()) {
            group = m_grant.actorTokenId;
        }
        // Group names become route levels in the reference broker; `/`, `+` and `#` would
        // silently subscribe elsewhere, so they are refused (§11, a local extension).
        if (group.contains(u'/') || group.contains(u'+') || group.contains(u'#')) {
            sendError(u"invalid_group_name"_s, topic);
            return;
        }
        const QString project = m_grant.projectId.isEmpty() ? u"undefined"_s : m_grant.projectId;
        groupKey = project + u'_' + resolution.appIdOrUnscoped() + u'_' + group;
    }

    Subscription *subscription = m_broker->subscribe(this, topic, resolution, filters.values,
                                                     qosOf(frame), loadBalance, groupKey);
    send(FrameBuilder("subscribed")
             .str("topic", topic)
             .boolean("loadBalance", loadBalance)
             .finish());
    m_broker->deliverRetained(subscription);
    m_broker->startHydration(this, subscription);
}

void Session::onUnsubscribe(const Envelope &frame)
{
    if (frame.kind("topic") != Kind::Str) {
        return;
    }
    const QString topic = frame.string("topic");
    m_broker->unsubscribe(this, topic);
    send(FrameBuilder("unsubscribed").str("topic", topic).finish());
}

void Session::onSetFilters(const Envelope &frame)
{
    if (frame.kind("topic") != Kind::Str || !frame.contains("filters")) {
        return;
    }
    const QString topic = frame.string("topic");
    Subscription *subscription = m_subscriptions.value(topic);
    if (!subscription) {
        sendError(u"not_subscribed"_s, topic);
        return;
    }
    const FilterResult filters =
        parseSubscriptionFilters(frame.raw("filters"), m_broker->options().maxFilters);
    if (!filters.ok) {
        sendError(filters.error, topic);
        return;
    }

    const QStringList before = subscription->filters;
    m_broker->setFilters(subscription, filters.values);

    // The reply echoes the filters exactly as sent, not normalised (§7.3).
    QByteArray echoed;
    Codec::appendCanonical(frame.raw("filters"), &echoed);
    send(FrameBuilder("filtersUpdated").str("topic", topic).raw("filters", echoed).finish());
    m_broker->deliverRetained(subscription, &before);
}

void Session::setGrant(const ActorGrant &grant)
{
    m_grant = grant;
    m_lastPublish.reset();
}

void Session::onPublish(const Envelope &frame)
{
    QByteArrayView topicUtf8;
    if (frame.kind("topic") != Kind::Str || !frame.contains("data") ||
        !frame.bytes("topic", &topicUtf8)) {
        return; // §9.1: silently ignored
    }
    if (!m_lastPublish || QByteArrayView(m_lastPublish->utf8) != topicUtf8) {
        // resolveTopic() depends on the grant and the topic only.
        PublishTopic last;
        last.utf8 = topicUtf8.toByteArray();
        last.topic = topicUtf8.isEmpty() ? QStringLiteral("") : QString::fromUtf8(topicUtf8);
        last.resolution = resolveTopic(m_grant, last.topic, TopicAction::Publish);
        m_lastPublish = std::move(last);
    }
    PublishRequest request;
    request.topic = m_lastPublish->topic;
    if (frame.kind("msgRef") == Kind::Str) {
        request.msgRef = frame.string("msgRef");
    }
    const BrokerOptions &options = m_broker->options();

    // 1. Rate limit: a fixed window per wall-clock second; every publish that gets past it
    //    uses a slot, even one refused by a later check (§9.2).
    if (options.rateLimit > 0) {
        const qint64 window = m_broker->nowMs() / 1000;
        if (window != m_rateWindow) {
            m_rateWindow = window;
            m_rateCount = 0;
        }
        if (m_rateCount >= options.rateLimit) {
            FrameBuilder error("error");
            error.integer("code", 42910)
                .str("error", u"rate_limit_exceeded")
                .str("topic", request.topic);
            if (!request.msgRef.isEmpty()) {
                error.str("msgRef", request.msgRef);
            }
            send(error.finish());
            return;
        }
        ++m_rateCount;
    }

    // 2. Size, measured on the bytes subscribers will get.
    const Codec::CanonicalStatus status = Codec::appendCanonical(frame.raw("data"), &request.data);
    if (status == Codec::CanonicalStatus::InvalidUtf8) {
        // The reference server crashes the connection here (§2.2); a clear error is better.
        sendError(u"invalid_payload"_s, request.topic, request.msgRef);
        return;
    }
    if (status != Codec::CanonicalStatus::Ok) {
        return; // cannot happen: the envelope already checked the frame
    }
    if (request.data.size() > options.maxMessageSize) {
        FrameBuilder error("error");
        error.integer("code", 42930)
            .str("error", u"message_too_large")
            .str("topic", request.topic)
            .integer("maxSizeBytes", options.maxMessageSize);
        if (!request.msgRef.isEmpty()) {
            error.str("msgRef", request.msgRef);
        }
        send(error.finish());
        return;
    }

    // 3. No monthly quota locally. 4. ACL, from the snapshot taken at auth (§6.6).
    request.resolution = m_lastPublish->resolution;
    if (!request.resolution.allowed) {
        sendTopicError(request.topic, request.msgRef);
        return;
    }

    const FilterResult filter = parsePublishFilter(frame.raw("filter"), frame.raw("filters"));
    if (!filter.ok) {
        sendError(filter.error, request.topic, request.msgRef);
        return;
    }
    if (!filter.values.isEmpty()) {
        request.filter = filter.values.constFirst();
    }

    request.echo = !frame.isFalse("echo");
    request.qos = qosOf(frame);
    request.retain = frame.isTrue("retain");
    m_broker->publish(this, request);
}

QString Session::roomIdForSlug(const QString &slug) const
{
    for (const AclRule &rule : m_grant.rules) {
        if (!rule.roomSlug.isEmpty() && rule.roomSlug == slug) {
            return rule.roomId.isEmpty() ? slug : rule.roomId;
        }
    }
    // Development mode (--open) grants "#" without rooms; any slug names a room there, so
    // presence can be tried without setting up rooms first.
    for (const AclRule &rule : m_grant.rules) {
        if (rule.pattern == u"#" && rule.roomSlug.isEmpty()) {
            return (rule.appId.isEmpty() ? u"unscoped"_s : rule.appId) + u':' + slug;
        }
    }
    return {};
}

void Session::onPresence(const Envelope &frame)
{
    if (!frame.contains("data") || frame.kind("roomId") != Kind::Str) {
        // Without roomId presence is "project-level": stored by the reference server and
        // shown to nobody (§13.1), so there is nothing to do.
        return;
    }
    const QString slug = frame.string("roomId");
    const QString roomId = roomIdForSlug(slug);
    if (roomId.isEmpty()) {
        qCDebug(lcBroker, "Connection %llu: ignored presence for a room it has no rule for", m_id);
        return;
    }
    QByteArray presence;
    if (Codec::appendCanonical(frame.raw("data"), &presence) != Codec::CanonicalStatus::Ok) {
        return;
    }
    m_broker->setPresence(this, roomId, slug, presence);
}

void Session::onGetPresence(const Envelope &frame)
{
    if (frame.kind("roomId") != Kind::Str) {
        QByteArray empty;
        Codec::Writer(&empty).writeArrayHeader(0);
        send(FrameBuilder("presenceList").raw("data", empty).finish());
        return;
    }
    const QString slug = frame.string("roomId");
    QString roomId = roomIdForSlug(slug);
    if (roomId.isEmpty()) {
        roomId = slug; // looked up verbatim (§13.5), normally an empty list
    }
    send(FrameBuilder("presenceList")
             .str("roomId", slug)
             .raw("data", m_broker->presenceList(roomId))
             .finish());
}

const LobbyGrant *Session::lobbyGrant(const QString &slug) const
{
    for (const LobbyGrant &lobby : m_grant.lobbies) {
        if (lobby.slug == slug) {
            return &lobby;
        }
    }
    return nullptr;
}

void Session::onLobbySubscribe(const Envelope &frame)
{
    if (frame.kind("lobbyId") != Kind::Str) {
        return;
    }
    const QString slug = frame.string("lobbyId");
    const LobbyGrant *lobby = lobbyGrant(slug);
    if (!lobby) {
        send(FrameBuilder("error").str("error", u"not_authorized").str("lobbyId", slug).finish());
        return;
    }
    const QString lobbyId = lobby->id.isEmpty() ? slug : lobby->id;
    m_broker->watchLobby(this, lobbyId);
    send(FrameBuilder("lobbySubscribed")
             .str("lobbyId", slug)
             .raw("presence", m_broker->lobbyPresence(this, lobbyId))
             .finish());
}

void Session::onLobbyUnsubscribe(const Envelope &frame)
{
    if (frame.kind("lobbyId") != Kind::Str) {
        return;
    }
    const QString slug = frame.string("lobbyId");
    if (const LobbyGrant *lobby = lobbyGrant(slug)) {
        m_broker->unwatchLobby(this, lobby->id.isEmpty() ? slug : lobby->id);
    }
    send(FrameBuilder("lobbyUnsubscribed").str("lobbyId", slug).finish());
}

void Session::onGetLobbyPresence(const Envelope &frame)
{
    if (frame.kind("lobbyId") != Kind::Str) {
        return;
    }
    const QString slug = frame.string("lobbyId");
    const LobbyGrant *lobby = lobbyGrant(slug);
    if (!lobby) {
        send(FrameBuilder("error").str("error", u"not_authorized").str("lobbyId", slug).finish());
        return;
    }
    send(FrameBuilder("lobbyPresenceList")
             .str("lobbyId", slug)
             .raw("presence", m_broker->lobbyPresence(this, lobby->id.isEmpty() ? slug : lobby->id))
             .finish());
}

void Session::onAck(const Envelope &frame)
{
    QByteArrayView msgId;
    if (frame.bytes("msgId", &msgId)) {
        m_broker->acknowledge(this, msgId);
    }
}

void Session::onBatchAck(const Envelope &frame)
{
    Codec::Reader reader(frame.raw("msgIds"));
    quint32 count = 0;
    if (reader.peekKind() != Kind::Array || !reader.readArrayHeader(&count)) {
        return;
    }
    for (quint32 i = 0; i < count; ++i) {
        QByteArrayView msgId;
        const Kind kind = reader.peekKind();
        if ((kind == Kind::Str || kind == Kind::Bin) && reader.readStrOrBin(&msgId)) {
            m_broker->acknowledge(this, msgId);
        } else if (!reader.skip()) {
            return;
        }
    }
}

void Session::sendNotAuthenticated()
{
    send(FrameBuilder("error").str("error", u"not_authenticated").finish());
}

void Session::sendTopicError(const QString &topic, const QString &msgRef)
{
    // The same frame whether the room does not exist or the actor lacks the permission
    // (§6.6); only the protocol version decides its shape.
    FrameBuilder error("error");
    if (m_protocolVersion >= 2) {
        error.integer("code", 42940)
            .str("error", u"unknown_topic")
            .str("topic", topic)
            .str("hint",
                 u"room is not configured, or this actor may not use this topic: "
                 "create the room through the REST API (rooms.ensure) and check the "
                 "actor's permissions");
    } else {
        error.str("error", u"not_authorized").str("topic", topic);
    }
    if (!msgRef.isEmpty()) {
        error.str("msgRef", msgRef);
    }
    send(error.finish());
}

void Session::sendError(const QString &errorText, const QString &topic, const QString &msgRef)
{
    FrameBuilder error("error");
    error.str("error", errorText).str("topic", topic);
    if (!msgRef.isEmpty()) {
        error.str("msgRef", msgRef);
    }
    send(error.finish());
}

} // namespace NoLag::Server
