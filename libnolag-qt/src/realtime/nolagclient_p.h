// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
//  W A R N I N G: not public API. This header may change from version to version.
#pragma once

#include "nolagtransport_p.h"

#include <NoLagQt/nolagclient.h>

#include <QtCore/QDeadlineTimer>
#include <QtCore/QHash>
#include <QtCore/QPointer>
#include <QtCore/QPromise>
#include <QtCore/QTimer>

#include <functional>
#include <map>
#include <memory>

namespace NoLag::Codec {
class Envelope;
}

class NoLagAppStateWatcher;

/*!
    An operation waiting for the server's answer. Replies are matched by kind and key in the
    order the requests were sent (the server answers each connection in order), and publishes
    by their msgRef.
*/
struct NoLagPendingOperation
{
    enum class Kind {
        Subscribe,
        Unsubscribe,
        SetFilters,
        Publish,
        FetchPresence,
        LobbySubscribe,
        LobbyUnsubscribe,
        LobbyFetch,
    };

    Kind kind = Kind::Subscribe;
    QString key; // topic, room or lobby
    QByteArray msgRef;
    QDeadlineTimer deadline;
    std::function<void(const NoLag::Codec::Envelope *reply)> resolve;
    std::function<void(const NoLagError &error)> reject;
};

class NoLagSubscriptionPrivate
{
public:
    NoLagClient *client = nullptr;
    QString topic;
    QByteArray topicUtf8;
    NoLagSubscription::State state = NoLagSubscription::Unsubscribed;
    NoLagSubscribeOptions options;
    QVariantList filters; // the filters last sent
    bool wanted = false; // subscribed by the user and not unsubscribed since
    NoLagError error;
    QFuture<void> future;
    QList<QMetaObject::Connection> handlers; // added with NoLagClient::on()
};

class NoLagLobbyPrivate
{
public:
    NoLagClient *client = nullptr;
    QString lobbyId;
    bool subscribed = false;
    bool wanted = false;
    QVariantMap presence;
};

class NoLagClientPrivate
{
    Q_DECLARE_PUBLIC(NoLagClient)

public:
    explicit NoLagClientPrivate(NoLagClient *q);
    ~NoLagClientPrivate();

    // Connection
    void startAttempt(bool automatic);
    void onOpened();
    void onClosed(int closeCode, const QString &reason);
    void onAuthTimeout();
    void handleAuthReply(const NoLag::Codec::Envelope &reply);
    void restoreAfterAuth(const QSet<QString> &restoredTopics);
    void setStatus(NoLag::ConnectionStatus status);
    void suspendForHidden();
    void resumeFromHidden();
    bool send(const QByteArray &frame);
    void applyDebugOption();

    // Errors
    void reportError(const NoLagError &error);
    QFuture<void> failedFuture(const NoLagError &error);
    template<typename T>
    QFuture<T> failedFutureOf(const NoLagError &error);

    // Pending operations
    quint64 addPending(NoLagPendingOperation operation);
    NoLagPendingOperation takePending(quint64 id);
    /*! The oldest operation of one of \a kinds with \a key, or 0. */
    quint64 findPending(std::initializer_list<NoLagPendingOperation::Kind> kinds,
                        const QString &key) const;
    void resolvePending(quint64 id, const NoLag::Codec::Envelope *reply);
    void rejectPending(quint64 id, const NoLagError &error);
    void rejectAllPending(const NoLagError &error, bool keepSubscribes);
    void armDeadlineTimer();
    void expireDeadlines();

    // Frames from the server
    void onFrame(const QByteArray &frame);
    void dispatchMessage(const QByteArray &frame, const NoLag::Codec::Envelope &envelope);
    void handleError(const NoLag::Codec::Envelope &envelope);
    void handleSubscribed(const NoLag::Codec::Envelope &envelope);
    void handleUnsubscribed(const NoLag::Codec::Envelope &envelope);
    void handleFiltersUpdated(const NoLag::Codec::Envelope &envelope);
    void handlePublished(const NoLag::Codec::Envelope &envelope);
    void handlePresenceEvent(const NoLag::Codec::Envelope &envelope);
    void handlePresenceList(const NoLag::Codec::Envelope &envelope);
    void handleLobbyReply(const NoLag::Codec::Envelope &envelope);
    void handleLobbyPresence(const NoLag::Codec::Envelope &envelope);

    // Subscriptions
    NoLagSubscription *ensureSubscription(const QString &topic);
    void sendSubscribe(NoLagSubscription *subscription, std::shared_ptr<QPromise<void>> promise);
    void setSubscriptionState(NoLagSubscription *subscription, NoLagSubscription::State state,
                              const NoLagError &error = NoLagError());
    void setSubscriptionFilters(NoLagSubscription *subscription, const QVariantList &filters);
    NoLagSubscribeOptions defaultSubscribeOptions() const;

    // Presence
    void sendPresence();
    void clearPresenceCache();
    qsizetype presenceIndex(const QString &actorTokenId) const;

    // Lobbies
    QFuture<QVariantMap> lobbyRequest(NoLagLobby *lobby, NoLagPendingOperation::Kind kind);
    QFuture<void> lobbyUnsubscribe(NoLagLobby *lobby);

    // Acknowledgements
    void queueAck(QByteArrayView msgId);
    void flushAcks();

    NoLagClient *q_ptr;
    NoLagTransport *transport;
    NoLagAppStateWatcher *appStateWatcher = nullptr;

    QString token;
    NoLagOptions options;
    NoLag::ConnectionStatus status = NoLag::ConnectionStatus::Disconnected;
    int protocolVersion = 0;
    QString actorId;
    QString projectId;
    NoLag::ActorType actorType = NoLag::ActorType::Unknown;
    NoLagError lastError;

    bool autoReconnect = false; // armed by connectToServer(), off after disconnect
    bool automaticAttempt = false; // the current attempt was started by the client
    bool stopReconnecting = false; // the server refused the token
    bool closingOnPurpose = false; // closed() from our own close() is handled by the caller
    bool hiddenDisconnect = false; // disconnected because the app was hidden
    NoLagError attemptFailure; // why the current attempt failed, if the server said
    QTimer authTimer;
    std::shared_ptr<QPromise<void>> connectPromise;
    QFuture<void> connectFuture;

    QHash<QByteArray, NoLagSubscription *> subscriptions; // by UTF-8 topic
    QByteArray lastOtherTopicUtf8; // the last topic of a message without a subscription
    QString lastOtherTopic;
    QList<QMetaObject::Connection> anyHandlers;

    std::map<quint64, NoLagPendingOperation> pending; // ordered by id, i.e. by age
    QHash<QByteArray, quint64> pendingByMsgRef;
    quint64 nextPendingId = 1;
    quint64 msgRefCounter = 0;
    QTimer deadlineTimer;

    QVariantMap presenceData;
    bool hasPresence = false;
    QString presenceRoom;
    QList<NoLagActorPresence> presenceCache; // in join order

    QHash<QString, NoLagLobby *> lobbies;

    QList<QByteArray> ackQueue;
    QTimer ackTimer;

    bool inReplay = false;
    int replayCount = 0;
    int replayReceived = 0;
};

/*!
    Watches QGuiApplication's application state for the disconnectOnHidden option, connected
    by signal name so that the library needs no QtGui and a core-only application is unaffected.
*/
class NoLagAppStateWatcher : public QObject
{
    Q_OBJECT

public:
    explicit NoLagAppStateWatcher(NoLagClientPrivate *client, QObject *parent);

    /*! True when the application object has the applicationStateChanged() signal. */
    bool isWatching() const { return m_watching; }

public Q_SLOTS:
    void onApplicationStateChanged(Qt::ApplicationState state);

private:
    NoLagClientPrivate *m_client;
    bool m_watching = false;
};
