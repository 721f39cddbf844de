// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagactorpresence.h>
#include <NoLagQt/nolagemitoptions.h>
#include <NoLagQt/nolagerror.h>
#include <NoLagQt/nolaglobbypresenceevent.h>
#include <NoLagQt/nolagmessage.h>
#include <NoLagQt/nolagoptions.h>
#include <NoLagQt/nolagsubscribeoptions.h>
#include <NoLagQt/nolagsubscription.h>
#include <NoLagQt/nolagtypes.h>

#include <QtCore/QFuture>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QVariant>

#include <memory>

class NoLagAppContext;
class NoLagLobby;
class NoLagClientPrivate;

/*!
    A connection to a NoLag broker: the `NoLag` client of the Python SDK.

    The client owns one WebSocket. It authenticates with an access token, keeps the
    connection alive with heartbeats, reconnects after a loss (the server restores the
    subscriptions), and re-sends the actor's presence. Everything happens on the thread the
    client lives in, and nothing blocks: operations that wait for the server return a QFuture
    that finishes exactly once, with the result or failed with a NoLagError. Every failure
    also reaches errorOccurred().

    \code
    NoLagClient client(token, NoLagOptions(QUrl(u"ws://127.0.0.1:8080/ws"_s)));
    NoLagSubscription *chat = client.subscribe(u"chat/general/messages"_s);
    QObject::connect(chat, &NoLagSubscription::messageReceived, &app,
                     [](const NoLagMessage &message) { qInfo() << message.data(); });
    client.connectToServer();
    \endcode
*/
class NOLAGQT_EXPORT NoLagClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString token READ token WRITE setToken NOTIFY tokenChanged FINAL)
    Q_PROPERTY(NoLag::ConnectionStatus status READ status NOTIFY statusChanged FINAL)
    Q_PROPERTY(int protocolVersion READ protocolVersion NOTIFY identityChanged FINAL)
    Q_PROPERTY(QString actorId READ actorId NOTIFY identityChanged FINAL)
    Q_PROPERTY(QString projectId READ projectId NOTIFY identityChanged FINAL)
    Q_PROPERTY(NoLag::ActorType actorType READ actorType NOTIFY identityChanged FINAL)
    Q_PROPERTY(QString presenceRoom READ presenceRoom NOTIFY presenceRefreshed FINAL)
    Q_PROPERTY(NoLag::Error error READ error NOTIFY errorOccurred FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorOccurred FINAL)

public:
    explicit NoLagClient(QObject *parent = nullptr);
    explicit NoLagClient(const QString &token, const NoLagOptions &options = NoLagOptions(),
                         QObject *parent = nullptr);
    ~NoLagClient() override;

    /*! The access token sent with auth; a new token is used from the next connection on. */
    QString token() const;
    void setToken(const QString &token);

    NoLagOptions options() const;
    void setOptions(const NoLagOptions &options);

    NoLag::ConnectionStatus status() const;
    bool isConnected() const { return status() == NoLag::ConnectionStatus::Connected; }

    /*! The protocol version the server agreed to (1 or 2); 0 before the first connection. */
    int protocolVersion() const;
    /*! The actor token id the server reported after auth. */
    QString actorId() const;
    QString projectId() const;
    NoLag::ActorType actorType() const;
    /*! The client-level load-balancing defaults from the options. */
    bool isLoadBalanced() const;
    QString loadBalanceGroup() const;

    /*! The last error; NoError until something fails. */
    NoLag::Error error() const;
    QString errorString() const;
    NoLagError lastError() const;

    /*!
        Connects and authenticates. The future finishes once the server accepted the token,
        or fails with the reason (Error::AccessDenied, Error::SocketError, ...). Calling it
        while connected returns a finished future; while connecting, the pending one.

        If the first attempt fails for a reason that may pass (the server is down, a timeout),
        the client keeps trying in the background as it does after a lost connection; a refused
        token (AccessDenied) stops it.
    */
    QFuture<void> connectToServer();

    /*!
        Closes the connection (close code 1000, "Client disconnect"), stops automatic
        reconnecting, fails every pending operation with Error::Cancelled, forgets the presence
        cache and emits disconnected() if the client was connected. Subscriptions become
        Unsubscribed; connectToServer() may be called again later.
    */
    void disconnectFromServer();

    /*!
        Subscribes to \a topic (`app/room/topic`) with the client's default options, or with
        \a options. Returns the topic's subscription, owned by the client and the same object
        for every call with the same topic. Its state is Pending until the server confirms
        with `subscribed` (Active) or refuses (Error); NoLagSubscription::future() follows the
        same outcome. Fails at once with Error::NotConnected when not connected.
    */
    NoLagSubscription *subscribe(const QString &topic);
    NoLagSubscription *subscribe(const QString &topic, const NoLagSubscribeOptions &options);

    /*! Unsubscribes; the future finishes on the server's `unsubscribed` reply. */
    QFuture<void> unsubscribe(const QString &topic);

    /*! The subscription of \a topic, or nullptr if the client never had one. */
    NoLagSubscription *subscription(const QString &topic) const;
    QList<NoLagSubscription *> subscriptions() const;

    /*!
        Publishes \a data (any value QVariant holds that MessagePack can express: maps, lists,
        strings, numbers, booleans, null and bytes) to \a topic.

        With protocol 2 and NoLagEmitOptions::isAcknowledged() (the default) the future
        finishes on the server's `published` reply or fails with its error (rate limit, size,
        unknown topic, ...); otherwise it finishes once the frame is sent.
    */
    QFuture<void> publish(const QString &topic, const QVariant &data);
    QFuture<void> publish(const QString &topic, const QVariant &data,
                          const NoLagEmitOptions &options);

    /*!
        Replaces the filters of the subscription to \a topic; an empty list receives
        everything again. Finishes on the server's `filtersUpdated` reply.
    */
    QFuture<void> setFilters(const QString &topic, const QVariantList &filters);
    /*! Adds filters to those last sent for \a topic and sends the result with setFilters(). */
    QFuture<void> addFilters(const QString &topic, const QVariantList &filters);
    /*!
        Removes filters from those last sent for \a topic and sends the rest with setFilters().
        Removing the last filter widens the subscription to every message of the topic.
    */
    QFuture<void> removeFilters(const QString &topic, const QVariantList &filters);
    /*! The filters last sent for \a topic. */
    QVariantList filters(const QString &topic) const;

    /*!
        Calls \a handler with every message of \a topic (exact topic string, no wildcards),
        before the handlers of onAny(). The handler takes a `const NoLagMessage &` (or nothing)
        and runs in \a context's thread; it is removed with off() or when \a context dies.
    */
    template<typename Functor>
    QMetaObject::Connection on(const QString &topic, const QObject *context, Functor &&handler)
    {
        const QMetaObject::Connection connection =
            QObject::connect(handlerTarget(topic), &NoLagSubscription::messageReceived, context,
                             std::forward<Functor>(handler));
        rememberHandler(topic, connection);
        return connection;
    }
    /*! Removes every handler added with on() for \a topic. */
    void off(const QString &topic);
    /*! Removes one handler added with on(); returns false if it was not connected. */
    bool off(const QString &topic, const QMetaObject::Connection &handler);

    /*! Calls \a handler with every message of every topic (the messageReceived() signal). */
    template<typename Functor>
    QMetaObject::Connection onAny(const QObject *context, Functor &&handler)
    {
        const QMetaObject::Connection connection = QObject::connect(
            this, &NoLagClient::messageReceived, context, std::forward<Functor>(handler));
        rememberAnyHandler(connection);
        return connection;
    }
    void offAny();
    bool offAny(const QMetaObject::Connection &handler);

    /*!
        Sets this actor's presence in room \a roomId (the room's slug, as in topics; empty
        means the room of the last call). The client remembers it and sends it again after
        every reconnect. The server answers with presence events only.
    */
    void setPresence(const QVariantMap &data, const QString &roomId = QString());
    /*! Forgets the presence and sends empty (null) presence data to the room. */
    void clearPresence();
    /*! The room of the last setPresence(), or empty. */
    QString presenceRoom() const;

    /*!
        One actor of the local presence cache, which join, update and leave events keep
        current; an invalid value if the actor is not there. The cache describes the room this
        client is present in: the server sends presence events only to members of a room.
    */
    NoLagActorPresence presence(const QString &actorTokenId) const;
    QList<NoLagActorPresence> allPresence() const;

    /*!
        Asks the server who is present in \a roomId (default: the presence room). The list
        also refreshes the cache when it is the presence room's.
    */
    QFuture<QList<NoLagActorPresence>> fetchPresence(const QString &roomId = QString());

    /*! Starts the fluent form: `client.setApp("chat").setRoom("general").subscribe(...)`. */
    NoLagAppContext setApp(const QString &app);

    /*! The lobby \a lobbyId (owned by the client, one object per id). */
    NoLagLobby *setLobby(const QString &lobbyId);

    /*!
        Acknowledges messages by id. The client does this on its own for every message that
        asks for it unless NoLagOptions::autoAcknowledge() is off.
    */
    void acknowledge(const QString &msgId);
    void acknowledge(const QStringList &msgIds);

Q_SIGNALS:
    void tokenChanged();
    void statusChanged(NoLag::ConnectionStatus status);
    /*! The actor id, project id, actor type or protocol version changed (after auth). */
    void identityChanged();

    /*! Authenticated (the `connect` event). */
    void connected();
    /*! The connection closed after it was established; \a reason says why. */
    void disconnected(const QString &reason);
    /*! Emitted after connected() when the connection was an automatic reconnect. */
    void reconnected();
    /*! Something failed; error(), errorString() and lastError() already tell what. */
    void errorOccurred(NoLag::Error error);

    /*! Every message of every topic, after the topic's own handlers (`on_any`). */
    void messageReceived(const NoLagMessage &message);

    void presenceJoined(const NoLagActorPresence &actor);
    void presenceUpdated(const NoLagActorPresence &actor);
    /*! Emitted only for actors the cache knew. */
    void presenceLeft(const NoLagActorPresence &actor);
    void presenceWaking(const NoLagActorPresence &actor);
    /*! The whole presence cache was replaced (presence list) or cleared (disconnect). */
    void presenceRefreshed();

    /*! A join, update or leave in a room of a subscribed lobby. */
    void lobbyPresenceReceived(const NoLagLobbyPresenceEvent &event);

    /*! The server's hydration webhook answered for \a topic (the bare topic name). */
    void hydrationReceived(const QString &topic, const QVariant &data);

    /*! The server starts replaying \a count stored messages. */
    void replayStarted(int count);
    void replayProgress(int received, int count);
    void replayFinished(int replayed);

private:
    NoLagSubscription *handlerTarget(const QString &topic);
    void rememberHandler(const QString &topic, const QMetaObject::Connection &connection);
    void rememberAnyHandler(const QMetaObject::Connection &connection);

    friend class NoLagSubscription;
    friend class NoLagLobby;
    friend class NoLagAppStateWatcher;
    Q_DECLARE_PRIVATE(NoLagClient)
    Q_DISABLE_COPY_MOVE(NoLagClient)
    std::unique_ptr<NoLagClientPrivate> d_ptr;
};

#include <NoLagQt/nolagappcontext.h>
#include <NoLagQt/nolaglobby.h>
#include <NoLagQt/nolagroomcontext.h>
