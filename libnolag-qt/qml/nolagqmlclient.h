// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagclient.h>

#include <QtQml/QJSValue>
#include <QtQml/QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

/*!
    The NoLag client for QML, `NoLagClient` in `import NoLag`.

    Options are plain properties (times in milliseconds). With `active: true` the client
    connects once the component is complete and whenever active becomes true again; false
    disconnects. Operations that wait for the server take an optional JavaScript callback
    `function(error, result)`; error is null on success, otherwise an object with `error`
    (a NoLag enum value), `code`, `serverError`, `topic` and `message`.

    \qml
    NoLagClient {
        id: client
        url: "ws://127.0.0.1:8080/ws"
        token: "..."
        active: true
        onConnected: client.publish("chat/general/messages", { text: "hello" })
    }
    \endqml
*/
class NoLagQmlClient
    : public QObject
    , public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(NoLagClient)

    Q_PROPERTY(QString token READ token WRITE setToken NOTIFY tokenChanged FINAL)
    Q_PROPERTY(QUrl url READ url WRITE setUrl NOTIFY optionsChanged FINAL)
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged FINAL)
    Q_PROPERTY(bool reconnect READ reconnect WRITE setReconnect NOTIFY optionsChanged FINAL)
    Q_PROPERTY(int reconnectInterval READ reconnectInterval WRITE setReconnectInterval NOTIFY
                   optionsChanged FINAL)
    Q_PROPERTY(int maxReconnectAttempts READ maxReconnectAttempts WRITE setMaxReconnectAttempts
                   NOTIFY optionsChanged FINAL)
    Q_PROPERTY(int heartbeatInterval READ heartbeatInterval WRITE setHeartbeatInterval NOTIFY
                   optionsChanged FINAL)
    Q_PROPERTY(bool disconnectOnHidden READ disconnectOnHidden WRITE setDisconnectOnHidden NOTIFY
                   optionsChanged FINAL)
    Q_PROPERTY(bool debug READ debug WRITE setDebug NOTIFY optionsChanged FINAL)
    Q_PROPERTY(NoLag::QoS qos READ qos WRITE setQos NOTIFY optionsChanged FINAL)
    Q_PROPERTY(bool loadBalance READ loadBalance WRITE setLoadBalance NOTIFY optionsChanged FINAL)
    Q_PROPERTY(QString loadBalanceGroup READ loadBalanceGroup WRITE setLoadBalanceGroup NOTIFY
                   optionsChanged FINAL)
    Q_PROPERTY(int requestedProtocolVersion READ requestedProtocolVersion WRITE
                   setRequestedProtocolVersion NOTIFY optionsChanged FINAL)
    Q_PROPERTY(int ackBatchInterval READ ackBatchInterval WRITE setAckBatchInterval NOTIFY
                   optionsChanged FINAL)
    Q_PROPERTY(int operationTimeout READ operationTimeout WRITE setOperationTimeout NOTIFY
                   optionsChanged FINAL)

    Q_PROPERTY(NoLag::ConnectionStatus status READ status NOTIFY statusChanged FINAL)
    Q_PROPERTY(int protocolVersion READ protocolVersion NOTIFY identityChanged FINAL)
    Q_PROPERTY(QString actorId READ actorId NOTIFY identityChanged FINAL)
    Q_PROPERTY(QString projectId READ projectId NOTIFY identityChanged FINAL)
    Q_PROPERTY(NoLag::ActorType actorType READ actorType NOTIFY identityChanged FINAL)
    Q_PROPERTY(QString presenceRoom READ presenceRoom NOTIFY presenceRefreshed FINAL)
    Q_PROPERTY(NoLag::Error error READ error NOTIFY errorOccurred FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorOccurred FINAL)

public:
    explicit NoLagQmlClient(QObject *parent = nullptr);
    ~NoLagQmlClient() override;

    /*! The C++ client behind this item, for C++ code that shares it with QML. */
    NoLagClient *client() const { return m_client; }

    QString token() const;
    void setToken(const QString &token);
    QUrl url() const;
    void setUrl(const QUrl &url);
    bool isActive() const { return m_active; }
    void setActive(bool active);
    bool reconnect() const;
    void setReconnect(bool enabled);
    int reconnectInterval() const;
    void setReconnectInterval(int ms);
    int maxReconnectAttempts() const;
    void setMaxReconnectAttempts(int attempts);
    int heartbeatInterval() const;
    void setHeartbeatInterval(int ms);
    bool disconnectOnHidden() const;
    void setDisconnectOnHidden(bool enabled);
    bool debug() const;
    void setDebug(bool enabled);
    NoLag::QoS qos() const;
    void setQos(NoLag::QoS qos);
    bool loadBalance() const;
    void setLoadBalance(bool enabled);
    QString loadBalanceGroup() const;
    void setLoadBalanceGroup(const QString &group);
    int requestedProtocolVersion() const;
    void setRequestedProtocolVersion(int version);
    int ackBatchInterval() const;
    void setAckBatchInterval(int ms);
    int operationTimeout() const;
    void setOperationTimeout(int ms);

    NoLag::ConnectionStatus status() const { return m_client->status(); }
    int protocolVersion() const { return m_client->protocolVersion(); }
    QString actorId() const { return m_client->actorId(); }
    QString projectId() const { return m_client->projectId(); }
    NoLag::ActorType actorType() const { return m_client->actorType(); }
    QString presenceRoom() const { return m_client->presenceRoom(); }
    NoLag::Error error() const { return m_client->error(); }
    QString errorString() const { return m_client->errorString(); }

    Q_INVOKABLE void connectToServer(const QJSValue &callback = QJSValue());
    Q_INVOKABLE void disconnectFromServer();

    /*!
        Subscribes; \a options is an object with `qos`, `loadBalance`, `loadBalanceGroup`
        and `filters` (all optional). Returns the topic's NoLagSubscription.
    */
    Q_INVOKABLE NoLagSubscription *subscribe(const QString &topic,
                                             const QJSValue &options = QJSValue());
    Q_INVOKABLE void unsubscribe(const QString &topic, const QJSValue &callback = QJSValue());
    /*! \a options: `qos`, `retain`, `echo`, `filter`, `filters` (all optional). */
    Q_INVOKABLE void publish(const QString &topic, const QJSValue &data,
                             const QJSValue &options = QJSValue(),
                             const QJSValue &callback = QJSValue());
    Q_INVOKABLE void setFilters(const QString &topic, const QJSValue &filters,
                                const QJSValue &callback = QJSValue());
    Q_INVOKABLE void addFilters(const QString &topic, const QJSValue &filters,
                                const QJSValue &callback = QJSValue());
    Q_INVOKABLE void removeFilters(const QString &topic, const QJSValue &filters,
                                   const QJSValue &callback = QJSValue());

    Q_INVOKABLE void setPresence(const QJSValue &data, const QString &roomId = QString());
    Q_INVOKABLE void clearPresence();
    /*! callback(error, list): the actors present in \a roomId (default: the presence room). */
    Q_INVOKABLE void fetchPresence(const QString &roomId = QString(),
                                   const QJSValue &callback = QJSValue());
    /*! The cached presence of one actor, or an invalid value. */
    Q_INVOKABLE NoLagActorPresence presence(const QString &actorTokenId) const;

    /*!
        Converts a value from JavaScript for the wire: objects and arrays become maps and
        lists, and whole numbers become integers (JavaScript has only doubles, but the other
        SDKs send whole numbers as MessagePack integers).
    */
    static QVariant toWireValue(const QVariant &value);

    // QQmlParserStatus
    void classBegin() override { }
    void componentComplete() override;

Q_SIGNALS:
    void tokenChanged();
    void optionsChanged();
    void activeChanged();
    void statusChanged();
    void identityChanged();
    void errorOccurred(NoLag::Error error);

    void connected();
    void disconnected(const QString &reason);
    void reconnected();
    /*! Every message of every topic (`on_any`). */
    void messageReceived(const NoLagMessage &message);

    void presenceJoined(const NoLagActorPresence &actor);
    void presenceUpdated(const NoLagActorPresence &actor);
    void presenceLeft(const NoLagActorPresence &actor);
    void presenceRefreshed();

    void replayStarted(int count);
    void replayFinished(int replayed);

private:
    void applyOptions(const NoLagOptions &options);
    void settle(const QFuture<void> &future, const QJSValue &callback);
    void callBack(QJSValue callback, const QJSValueList &arguments);
    QJSValue errorValue(const NoLagError &error);
    static QVariantList filtersFrom(const QJSValue &value);

    NoLagClient *m_client;
    bool m_active = false;
    bool m_complete = false;
};
