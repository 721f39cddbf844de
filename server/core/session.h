// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "authprovider.h"
#include "link.h"
#include "subscription.h"

#include <QtCore/QByteArray>
#include <QtCore/QHash>
#include <QtCore/QString>
#include <QtCore/QVarLengthArray>

#include <optional>

namespace NoLag::Codec {
class Envelope;
}

namespace NoLag::Server {

class Broker;

/*!
    One client connection as the broker sees it: the per-connection state machine of
    wire-protocol §3 that turns each inbound frame into actions on the broker and frames back
    to the client.

    A session starts unauthenticated; auth makes it authenticated (a failed auth changes
    nothing). It owns its subscriptions and its place in presence; the broker owns the
    session.
*/
class Session
{
public:
    Session(Broker *broker, Link *link, quint64 id);
    ~Session();

    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    quint64 id() const { return m_id; }
    Link *link() const { return m_link; }

    bool isAuthenticated() const { return m_authenticated; }
    bool isClosing() const { return m_closing; }
    const ActorGrant &grant() const { return m_grant; }
    const QString &actorTokenId() const { return m_grant.actorTokenId; }
    int protocolVersion() const { return m_protocolVersion; }
    qint64 lastInboundMs() const { return m_lastInboundMs; }

    /*! Handles one binary frame (an empty one is the heartbeat). */
    void receive(QByteArrayView frame);
    /*! Resets the idle timer without a frame (a WebSocket ping arrived). */
    void touch();
    /*! Handles one text frame: a JSON object is handled like the same MessagePack map. */
    void receiveText(const QString &text);

    /*!
        Sends one frame; nothing once the session is closing. While frames are held (see
        holdFrames()) it is queued behind them, so the client sees them in order.
    */
    void send(const QByteArray &frame);

    /*!
        Holds every frame for this client until releaseFrames(): a `published` must not leave
        before what it acknowledges is durable, and the broker commits once per event-loop
        turn for all publishes of that turn.
    */
    void holdFrames() { m_holding = true; }
    bool isHolding() const { return m_holding; }
    void releaseFrames();
    /*! Asks the link to close; frames that still arrive are ignored. */
    void close(int code, const QString &reason);

    // Subscriptions, by display topic. The broker creates and removes them.
    QHash<QString, Subscription *> &subscriptions() { return m_subscriptions; }

    // Deliveries awaiting acknowledgement, by msgId (one publish can reach a connection
    // through two subscriptions, so one id may stand for several deliveries).
    struct InFlightRef
    {
        Subscription *subscription;
        qint64 seq;
    };
    QHash<MessageKey, QVarLengthArray<InFlightRef, 1>> &inFlight() { return m_inFlight; }

    // Presence: the internal id of the room this connection is present in, if any.
    QString presenceRoom;
    // Lobbies this connection watches: internal lobby id -> member room ids.
    QHash<QString, QStringList> watchedLobbies;

private:
    void dispatch(const Codec::Envelope &frame);

    void onHeartbeat();
    void onAuth(const Codec::Envelope &frame);
    void onSubscribe(const Codec::Envelope &frame);
    void onUnsubscribe(const Codec::Envelope &frame);
    void onSetFilters(const Codec::Envelope &frame);
    void onPublish(const Codec::Envelope &frame);
    void onPresence(const Codec::Envelope &frame);
    void onGetPresence(const Codec::Envelope &frame);
    void onLobbySubscribe(const Codec::Envelope &frame);
    void onLobbyUnsubscribe(const Codec::Envelope &frame);
    void onGetLobbyPresence(const Codec::Envelope &frame);
    void onAck(const Codec::Envelope &frame);
    void onBatchAck(const Codec::Envelope &frame);
    void onReauth(const Codec::Envelope &frame);

    /*! Replaces the grant and forgets what was resolved against the old one. */
    void setGrant(const ActorGrant &grant);
    /*! Resolves a subscribe topic, asking the auth provider once when no rule admits it. */
    TopicResolution resolveForSubscribe(const QString &topic);
    /*! The internal id of the room with slug \a slug in this actor's rules, or empty. */
    QString roomIdForSlug(const QString &slug) const;
    const LobbyGrant *lobbyGrant(const QString &slug) const;

    void sendNotAuthenticated();
    void sendTopicError(const QString &topic, const QString &msgRef);
    void sendError(const QString &error, const QString &topic, const QString &msgRef = {});

    Broker *m_broker;
    Link *m_link;
    quint64 m_id;

    bool m_authenticated = false;
    bool m_closing = false;
    bool m_holding = false;
    QList<QByteArray> m_held;
    // Every change of m_grant (assignment, rules added) must also clear m_lastPublish.
    ActorGrant m_grant;

    // The topic of the last publish, as sent and resolved against m_grant. Publishers tend
    // to send to one topic again and again; this spares the UTF-8 conversion and the ACL
    // walk for each message. Cleared whenever the grant changes.
    struct PublishTopic
    {
        QByteArray utf8;
        QString topic;
        TopicResolution resolution;
    };
    std::optional<PublishTopic> m_lastPublish;
    int m_protocolVersion = 1;
    qint64 m_lastInboundMs = 0;
    qint64 m_lastValidationMs = 0;

    qint64 m_rateWindow = -1; // Unix second of the current rate-limit window
    int m_rateCount = 0;

    QHash<QString, qint64> m_deniedUntil; // subscribe live-check denials, by topic

    QHash<QString, Subscription *> m_subscriptions;
    QHash<MessageKey, QVarLengthArray<InFlightRef, 1>> m_inFlight;
};

} // namespace NoLag::Server
