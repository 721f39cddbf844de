// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "authprovider.h"
#include "brokeroptions.h"
#include "clock.h"
#include "link.h"
#include "persistence.h"
#include "subscriptionindex.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <memory>

namespace NoLag::Server {

class Session;
class WebhookClient;
class MessageFrames;

/*! What a session hands the broker for one accepted publish. */
struct PublishRequest
{
    QString topic; // display topic as sent
    TopicResolution resolution;
    QString filter; // normalised filter value, "" = unfiltered
    QByteArray data; // canonical MessagePack of `data`
    bool echo = true;
    int qos = 1;
    bool retain = false;
    QString msgRef;
};

/*!
    The routing core of nolag-local: sessions, the subscription index and fan-out, saved
    subscriptions with acknowledgement tracking and replay, retained messages, presence and
    lobbies. Plain Qt Core over the codec: no sockets. Connections come in through Link and
    leave through closeSession(); time comes from a Clock; what must survive a restart goes
    to a BrokerPersistence (optional: without one nothing is saved).

    Everything runs on one thread, the one the broker lives in.
*/
class Broker : public QObject
{
    Q_OBJECT

public:
    Broker(const BrokerOptions &options, AuthProvider *auth, Clock *clock,
           BrokerPersistence *store = nullptr, QObject *parent = nullptr);
    ~Broker() override;

    void setWebhookClient(WebhookClient *client) { m_webhooks = client; }

    /*!
        Loads saved subscriptions and retained messages from the store and starts the
        housekeeping timer (idle timeouts, expiry, pruning).
    */
    void start();

    /*! A new connection; returns its session id. */
    quint64 openSession(Link *link);
    /*! One inbound binary frame of session \a id (unknown ids are ignored). */
    void receive(quint64 id, QByteArrayView frame);
    /*! One inbound text frame of session \a id. */
    void receiveText(quint64 id, const QString &text);
    /*! Inbound bytes that are not a frame (a WebSocket ping): the connection is not idle. */
    void touch(quint64 id);
    /*! The connection is gone: presence leaves, subscriptions stay saved, floors persist. */
    void closeSession(quint64 id);

    /*! Closes every connection with 1001 and makes all state durable. */
    void shutdown();

    /*!
        Housekeeping: closes connections idle for longer than the idle timeout, writes
        acknowledgement floors, forgets expired retained messages and prunes the message log.
        Runs on a timer; tests call it after moving their clock.
    */
    void sweep();

    const BrokerOptions &options() const { return m_options; }
    Clock *clock() const { return m_clock; }
    AuthProvider *authProvider() const { return m_auth; }
    Session *session(quint64 id) const { return m_sessions.value(id); }
    qsizetype sessionCount() const { return m_sessions.size(); }
    qint64 nowMs() const { return m_clock->nowMs(); }

    // --- called by sessions -------------------------------------------------------------

    /*!
        Live authenticated connections of \a grant's organisation (its project when it has
        none), not counting \a except.
    */
    int connectionCount(const ActorGrant &grant, const Session *except = nullptr) const;
    void setAuthenticated(Session *session, const ActorGrant &previous);

    /*!
        Recreates the actor's saved subscriptions on \a session (auth with reconnect: true)
        and returns them in the shape of `restoredSubscriptions`.
    */
    QVariantList restoreSubscriptions(Session *session, QList<Subscription *> *restored);
    /*! Replays what \a restored subscriptions missed (after the auth reply). */
    void replay(Session *session, const QList<Subscription *> &restored);

    /*!
        Creates or replaces \a session's subscription to \a topic and saves it for the actor.
        Returns the live subscription.
    */
    Subscription *subscribe(Session *session, const QString &topic,
                            const TopicResolution &resolution, const QStringList &filters, int qos,
                            bool loadBalance, const QString &groupKey);
    void unsubscribe(Session *session, const QString &topic);
    /*! Replaces the filters of \a subscription (QoS becomes 1, wire-protocol §7.3). */
    void setFilters(Subscription *subscription, const QStringList &filters);
    /*! Sends retained messages \a subscription receives and \a before did not. */
    void deliverRetained(Subscription *subscription, const QStringList *beforeFilters = nullptr);
    void startHydration(Session *session, const Subscription *subscription);

    void publish(Session *publisher, const PublishRequest &request);
    /*! Commits what is pending in the store and releases every held frame. */
    void releaseHeldFrames();
    void acknowledge(Session *session, QByteArrayView msgId);

    void setPresence(Session *session, const QString &roomId, const QString &roomSlug,
                     const QByteArray &presence);
    /*! The presenceList entries of \a roomId (wire-protocol §13.5), encoded as an array. */
    QByteArray presenceList(const QString &roomId) const;
    /*! The lobby presence map of §14 for \a lobbyId as \a session sees it, encoded. */
    QByteArray lobbyPresence(Session *session, const QString &lobbyId);
    void watchLobby(Session *session, const QString &lobbyId);
    void unwatchLobby(Session *session, const QString &lobbyId);

private:
    struct RoomMember
    {
        Session *session;
        QString actorTokenId;
        QByteArray presence; // canonical MessagePack
        qint64 joinedAtSeconds;
    };
    struct Room
    {
        QString slug;
        QList<RoomMember> members;
    };
    struct LobbyWatcher
    {
        Session *session;
        QString lobbyId;
    };
    struct SavedBucket
    {
        QList<SavedSubscription *> records;
        int durable = 0; // records with QoS >= 1
        int loadBalanced = 0; // load-balanced records
    };
    enum class Detach : quint8 { Replaced, Unsubscribed, ConnectionClosed };
    enum class SaveMode : quint8 { Fresh, Update, Restore };

    // subscriptions (broker.cpp) and their saved records (brokerreplay.cpp)
    Subscription *createSubscription(Session *session, const QString &topic,
                                     const TopicResolution &resolution, const QStringList &filters,
                                     int qos, bool loadBalance, const QString &groupKey);
    void destroySubscription(Subscription *subscription, Detach how);
    void forgetInFlight(Subscription *subscription);
    void saveSubscription(Subscription *subscription, SaveMode mode);
    void indexSaved(SavedSubscription *saved);
    void unindexSaved(SavedSubscription *saved);
    void removeSaved(SavedSubscription *saved);
    void loadSaved();
    void markDirty(SavedSubscription *saved);
    qint64 currentFloor(const SavedSubscription *saved) const;
    void writeAckStates(bool all);

    // fan-out
    bool hasDurableSaved(const QString &key, const QString &plainKey) const;
    void deliverBucket(SubscriptionIndex::Bucket *bucket, Session *publisher,
                       const PublishRequest &request, const MessageKey &key, qint64 seq,
                       MessageFrames &frames);
    void deliver(Subscription *subscription, const QByteArray &frame, const MessageKey &key,
                 qint64 seq);
    void track(Subscription *subscription, qint64 seq, const MessageKey &key);
    void storeForOfflineGroups(const QString &key, SubscriptionIndex::Bucket *live, qint64 seq);
    void fireTrigger(Session *publisher, const PublishRequest &request);

    void loadRetained();

    // presence and lobbies (brokerpresence.cpp)
    void leaveRoom(Session *session, bool notifySelf);
    void emitPresence(const QString &roomId, const QString &roomSlug, Room &room,
                      QByteArrayView event, const QString &actorTokenId,
                      const QByteArray *presence);
    QString roomSlug(Session *session, const QString &roomId) const;
    QStringList lobbyRooms(Session *session, const QString &lobbyId) const;

    BrokerOptions m_options;
    AuthProvider *m_auth;
    Clock *m_clock;
    BrokerPersistence *m_store;
    WebhookClient *m_webhooks = nullptr;

    quint64 m_nextSessionId = 1;
    const quint64 m_runTag;
    QHash<quint64, Session *> m_sessions;
    QHash<QString, int> m_connectionsByOrganization;

    SubscriptionIndex m_index;
    QHash<QString, SavedSubscription *> m_saved; // by actorTokenId + '\n' + topic
    QHash<QString, QList<SavedSubscription *>> m_savedByActor;
    QHash<QString, SavedBucket> m_savedByKey; // by route key, like the live index
    QList<SavedSubscription *> m_dirtySaved;
    qint64 m_headSeq = 0;

    QHash<QString, QHash<QString, RetainedRecord>> m_retained; // route -> filter -> message

    QHash<QString, Room> m_rooms; // by internal room id
    QHash<QString, QList<LobbyWatcher>> m_lobbyWatchers; // by internal room id

    QList<quint64> m_holdingSessions; // sessions whose frames wait for the next commit
    QTimer m_releaseTimer;
    QTimer m_housekeepingTimer;
    qint64 m_lastPruneMs = 0;
};

} // namespace NoLag::Server
