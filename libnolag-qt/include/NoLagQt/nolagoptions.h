// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagtypes.h>

#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>
#include <QtCore/QUrl>

#include <chrono>

class NoLagOptionsData;

/*!
    How a NoLagClient connects and behaves: the `NoLagOptions` of the Python SDK.

    Times are milliseconds (the Python SDK uses seconds, the JavaScript SDK milliseconds).
    Every limit has the default of the official SDKs unless its documentation says otherwise.
    Options are read when the client connects; changing them on a connected client takes
    effect at the next connection, except the heartbeat and acknowledgement settings, which
    apply at once.
*/
class NOLAGQT_EXPORT NoLagOptions
{
    Q_GADGET
    Q_PROPERTY(QUrl url READ url WRITE setUrl FINAL)
    Q_PROPERTY(bool reconnectEnabled READ isReconnectEnabled WRITE setReconnectEnabled FINAL)
    Q_PROPERTY(
        int maxReconnectAttempts READ maxReconnectAttempts WRITE setMaxReconnectAttempts FINAL)
    Q_PROPERTY(bool disconnectOnHidden READ disconnectOnHidden WRITE setDisconnectOnHidden FINAL)
    Q_PROPERTY(bool debugEnabled READ isDebugEnabled WRITE setDebugEnabled FINAL)
    Q_PROPERTY(NoLag::QoS qos READ qos WRITE setQos FINAL)
    Q_PROPERTY(bool loadBalanced READ isLoadBalanced WRITE setLoadBalanced FINAL)
    Q_PROPERTY(QString loadBalanceGroup READ loadBalanceGroup WRITE setLoadBalanceGroup FINAL)
    Q_PROPERTY(int protocolVersion READ protocolVersion WRITE setProtocolVersion FINAL)
    Q_PROPERTY(QString projectId READ projectId WRITE setProjectId FINAL)
    Q_PROPERTY(bool autoAcknowledge READ autoAcknowledge WRITE setAutoAcknowledge FINAL)
    Q_PROPERTY(qint64 maxFrameSize READ maxFrameSize WRITE setMaxFrameSize FINAL)

public:
    using milliseconds = std::chrono::milliseconds;

    NoLagOptions();
    /*! Default options with another server URL, e.g. `ws://127.0.0.1:8080/ws`. */
    explicit NoLagOptions(const QUrl &url);
    NoLagOptions(const NoLagOptions &other);
    NoLagOptions &operator=(const NoLagOptions &other);
    ~NoLagOptions();

    /*! The WebSocket URL of the broker. Default `wss://broker.nolag.app/ws`. */
    QUrl url() const;
    void setUrl(const QUrl &url);

    /*! Reconnect on its own after an unexpected close. Default true. */
    bool isReconnectEnabled() const;
    void setReconnectEnabled(bool enabled);

    /*!
        Delay before the first automatic reconnect attempt. Default 5000 ms. Attempt n waits
        min(interval × 1.5^(n−1), maxReconnectDelay), shortened by up to 20 % at random so that
        many clients do not come back at the same moment.
    */
    milliseconds reconnectInterval() const;
    void setReconnectInterval(milliseconds interval);

    /*! Upper bound of the reconnect delay. Default 30000 ms. */
    milliseconds maxReconnectDelay() const;
    void setMaxReconnectDelay(milliseconds delay);

    /*!
        Automatic attempts in a row before the client gives up and stays disconnected.
        Default 10. 0 means no limit (the Python SDK reads 0 as "never reconnect"; here that is
        setReconnectEnabled(false)).
    */
    int maxReconnectAttempts() const;
    void setMaxReconnectAttempts(int attempts);

    /*!
        Interval of the empty heartbeat frame. Default 30000 ms; 0 disables heartbeats and the
        dead-server watchdog (the server then closes an idle connection after 60 s). When no
        frame arrives for twice this interval, the client drops the connection and reconnects.
    */
    milliseconds heartbeatInterval() const;
    void setHeartbeatInterval(milliseconds interval);

    /*!
        Disconnect while the application is hidden or suspended and reconnect when it becomes
        active again. Needs a QGuiApplication; without one it has no effect. Default false.
    */
    bool disconnectOnHidden() const;
    void setDisconnectOnHidden(bool enabled);

    /*!
        Turns on the debug output of the `nolag.client` and `nolag.transport` logging
        categories for the whole process. Default false.
    */
    bool isDebugEnabled() const;
    void setDebugEnabled(bool enabled);

    /*! QoS of subscribe() and publish() calls made without options. Default AtLeastOnce. */
    NoLag::QoS qos() const;
    void setQos(NoLag::QoS qos);

    /*! Load balancing of subscribe() calls made without options. Default false. */
    bool isLoadBalanced() const;
    void setLoadBalanced(bool enabled);

    /*! Load-balancing group of subscribe() calls made without options. Default empty. */
    QString loadBalanceGroup() const;
    void setLoadBalanceGroup(const QString &group);

    /*! Kept for parity with the Python SDK, which does not use it either. */
    QString actorTokenId() const;
    void setActorTokenId(const QString &id);

    /*! Highest protocol version to ask for: 2 (default) or 1. */
    int protocolVersion() const;
    void setProtocolVersion(int version);

    /*! Project id sent with auth (for the server's logs), as the JavaScript SDK does. */
    QString projectId() const;
    void setProjectId(const QString &projectId);

    /*!
        Acknowledge every message that asks for it (`requiresAck`), as the JavaScript SDK does.
        Default true.
    */
    bool autoAcknowledge() const;
    void setAutoAcknowledge(bool enabled);

    /*!
        How long acknowledgements are collected before they are sent. 0 (default) sends one
        `ack` per message at once; a longer interval sends one `batchAck` for all ids collected.
    */
    milliseconds ackBatchInterval() const;
    void setAckBatchInterval(milliseconds interval);

    /*! Time allowed to open the WebSocket. Default 10000 ms. */
    milliseconds connectTimeout() const;
    void setConnectTimeout(milliseconds timeout);

    /*!
        Time allowed for the server to answer auth, a subscribe, an acknowledged publish and
        every other operation that waits for a reply. Default 10000 ms.
    */
    milliseconds operationTimeout() const;
    void setOperationTimeout(milliseconds timeout);

    /*!
        The largest frame the server accepts, in bytes. Default 1048576. A publish whose frame
        would be larger fails at once with Error::FrameTooLarge instead of making the server
        close the connection.
    */
    qint64 maxFrameSize() const;
    void setMaxFrameSize(qint64 bytes);

private:
    QSharedDataPointer<NoLagOptionsData> d;
};
