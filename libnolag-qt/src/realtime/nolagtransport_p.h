// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
//  W A R N I N G: not public API. This header may change from version to version.
#pragma once

#include <NoLagQt/nolagqtglobal.h>

#include <QtCore/QByteArray>
#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtWebSockets/QWebSocket>

#include <chrono>

/*!
    The WebSocket under a NoLagClient: opens and closes it, sends frames, sends heartbeats,
    watches for a silent server and times the automatic reconnect attempts. Knows nothing of
    the frames' meaning.

    Every open() creates a fresh QWebSocket, so late signals of an abandoned socket can never
    be mistaken for the current one. Exactly one closed() follows every open().
*/
class NoLagTransport : public QObject
{
    Q_OBJECT

public:
    using milliseconds = std::chrono::milliseconds;

    explicit NoLagTransport(QObject *parent = nullptr);
    ~NoLagTransport() override;

    /*! Opens \a url; opened() or closed() follows, closed() after \a timeout at the latest. */
    void open(const QUrl &url, milliseconds timeout);
    /*! Sends a close frame; closed() follows when the server answers (or a moment later). */
    void close(QWebSocketProtocol::CloseCode code, const QString &reason);
    /*! Drops the connection at once; closed() follows with \a reason. */
    void abort(const QString &reason);
    bool isOpen() const;
    bool isActive() const { return m_socket != nullptr; }
    /*! True when the last open() ran out of time before the WebSocket opened. */
    bool openTimedOut() const { return m_openTimedOut; }

    /*! Sends one binary frame; false when the socket is not open. */
    bool send(const QByteArray &frame);

    /*!
        Sends an empty frame every \a interval and, when no frame arrives for twice the
        interval, aborts the connection. 0 stops both.
    */
    void setHeartbeatInterval(milliseconds interval);
    milliseconds heartbeatInterval() const { return m_heartbeatInterval; }

    /*!
        Starts the timer of the next automatic attempt and returns its delay;
        reconnectDue() fires when it runs out.
    */
    milliseconds scheduleReconnect(milliseconds interval, milliseconds maxDelay);
    void cancelReconnect();
    bool isReconnectScheduled() const { return m_reconnectTimer.isActive(); }
    /*! Attempts scheduled since the last reset. */
    int reconnectAttempts() const { return m_reconnectAttempts; }
    void resetReconnectAttempts() { m_reconnectAttempts = 0; }

    /*!
        The delay of automatic attempt \a attempt (1 for the first):
        min(interval × 1.5^(attempt−1), maxDelay), then shortened by up to 20 % with
        \a random in [0, 1) (0 keeps the full delay).
    */
    NOLAGQT_EXPORT static milliseconds reconnectDelay(milliseconds interval, milliseconds maxDelay,
                                                      int attempt, double random);

Q_SIGNALS:
    void opened();
    void frameReceived(const QByteArray &frame);
    /*!
        The connection ended or could not be opened. \a closeCode is the WebSocket close code
        (1006 for an abnormal end), \a reason the server's close reason or what went wrong.
    */
    void closed(int closeCode, const QString &reason);
    void reconnectDue();

private:
    void onConnected();
    void onDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    void onBinaryFrame(const QByteArray &frame);
    void onTextFrame(const QString &text);
    void onHeartbeat();
    void onWatchdog();
    void finish(int closeCode, const QString &reason);
    void releaseSocket();
    void restartWatchdog();

    QPointer<QWebSocket> m_socket;
    QUrl m_url;
    QTimer m_openTimer;
    QTimer m_heartbeatTimer;
    QTimer m_watchdogTimer;
    // When a frame or pong last arrived. Frames only note the time; the watchdog timer is
    // re-armed when it fires, since restarting a QTimer on every frame costs as much as
    // receiving the frame.
    QElapsedTimer m_lastActivity;
    QTimer m_reconnectTimer;
    milliseconds m_heartbeatInterval{0};
    int m_reconnectAttempts = 0;
    QString m_abortReason;
    bool m_open = false;
    bool m_openTimedOut = false;
};
