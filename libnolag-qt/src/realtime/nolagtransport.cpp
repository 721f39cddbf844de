// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "nolagtransport_p.h"

#include "common/nolaglogging_p.h"

#include <QtCore/QRandomGenerator>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// How long a closing socket may wait for the server's close frame before it is dropped.
constexpr auto closeGrace = 2s;

} // namespace

NoLagTransport::NoLagTransport(QObject *parent)
    : QObject(parent)
{
    m_openTimer.setSingleShot(true);
    m_reconnectTimer.setSingleShot(true);
    m_watchdogTimer.setSingleShot(true);
    connect(&m_openTimer, &QTimer::timeout, this, [this] {
        m_openTimedOut = true;
        abort(tr("the server did not accept the WebSocket connection in time"));
    });
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &NoLagTransport::onHeartbeat);
    connect(&m_watchdogTimer, &QTimer::timeout, this, &NoLagTransport::onWatchdog);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &NoLagTransport::reconnectDue);
}

NoLagTransport::~NoLagTransport()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

void NoLagTransport::open(const QUrl &url, milliseconds timeout)
{
    releaseSocket();
    cancelReconnect();

    m_url = url;
    m_open = false;
    m_openTimedOut = false;
    m_abortReason.clear();
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &NoLagTransport::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &NoLagTransport::onDisconnected);
    // Qt 6.4 names the signal error(); errorOccurred() arrived in 6.5.
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &NoLagTransport::onSocketError);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &NoLagTransport::onBinaryFrame);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &NoLagTransport::onTextFrame);
    connect(m_socket, &QWebSocket::pong, this, &NoLagTransport::restartWatchdog);

    qCDebug(lcNoLagTransport, "Opening %s", qUtf8Printable(url.toDisplayString()));
    if (timeout > 0ms) {
        m_openTimer.start(timeout);
    }
    m_socket->open(url);
}

void NoLagTransport::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (!m_socket) {
        return;
    }
    QWebSocket *socket = m_socket;
    qCDebug(lcNoLagTransport, "Closing the connection to %s (code %d)",
            qUtf8Printable(m_url.toDisplayString()), int(code));

    // The socket lives on until the server has answered the close frame, but it no longer
    // speaks for this transport: closed() is reported now, with the caller's reason.
    releaseSocket();
    socket->close(code, reason);
    m_open = false;
    Q_EMIT closed(int(code), reason);
}

void NoLagTransport::abort(const QString &reason)
{
    if (!m_socket) {
        return;
    }
    m_abortReason = reason;
    m_socket->abort();
    // abort() emits disconnected() only when the socket had connected.
    if (m_socket) {
        finish(int(QWebSocketProtocol::CloseCodeAbnormalDisconnection), reason);
    }
}

bool NoLagTransport::isOpen() const
{
    return m_socket && m_open;
}

bool NoLagTransport::send(const QByteArray &frame)
{
    if (!isOpen()) {
        return false;
    }
    m_socket->sendBinaryMessage(frame);
    return true;
}

void NoLagTransport::setHeartbeatInterval(milliseconds interval)
{
    m_heartbeatInterval = std::max(interval, 0ms);
    if (m_heartbeatInterval == 0ms || !isOpen()) {
        m_heartbeatTimer.stop();
        m_watchdogTimer.stop();
        return;
    }
    m_heartbeatTimer.start(m_heartbeatInterval);
    m_watchdogTimer.stop(); // armed again with the new interval
    restartWatchdog();
}

NoLagTransport::milliseconds NoLagTransport::reconnectDelay(milliseconds interval,
                                                            milliseconds maxDelay, int attempt,
                                                            double random)
{
    const double growth = std::pow(1.5, std::max(attempt - 1, 0));
    const double full = std::min(double(interval.count()) * growth, double(maxDelay.count()));
    const double jittered = full * (1.0 - 0.2 * std::clamp(random, 0.0, 1.0));
    return milliseconds(qint64(std::max(jittered, 0.0)));
}

NoLagTransport::milliseconds NoLagTransport::scheduleReconnect(milliseconds interval,
                                                               milliseconds maxDelay)
{
    ++m_reconnectAttempts;
    const milliseconds delay = reconnectDelay(interval, maxDelay, m_reconnectAttempts,
                                              QRandomGenerator::global()->generateDouble());
    qCDebug(lcNoLagTransport, "Reconnect attempt %d in %lld ms", m_reconnectAttempts,
            qint64(delay.count()));
    m_reconnectTimer.start(delay);
    return delay;
}

void NoLagTransport::cancelReconnect()
{
    m_reconnectTimer.stop();
}

void NoLagTransport::onConnected()
{
    m_openTimer.stop();
    m_open = true;
    // Frames are small and should leave at once: with Nagle's algorithm on, a frame sent
    // while the previous one is unacknowledged waits for the peer's delayed ACK (40 ms on
    // Linux). QWebSocket keeps its TCP socket as a child and has no option for this.
    if (auto *tcp = m_socket->findChild<QAbstractSocket *>()) {
        tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    }
    qCDebug(lcNoLagTransport, "Connected to %s", qUtf8Printable(m_url.toDisplayString()));
    Q_EMIT opened();
}

void NoLagTransport::onDisconnected()
{
    if (!m_socket) {
        return;
    }
    // A socket that never opened has no close code of its own (it reports 1000).
    const int code = m_open ? int(m_socket->closeCode())
                            : int(QWebSocketProtocol::CloseCodeAbnormalDisconnection);
    QString reason = m_abortReason.isEmpty() ? m_socket->closeReason() : m_abortReason;
    if (reason.isEmpty() && m_socket->error() != QAbstractSocket::UnknownSocketError) {
        reason = m_socket->errorString();
    }
    finish(code, reason);
}

void NoLagTransport::onSocketError(QAbstractSocket::SocketError error)
{
    if (!m_socket) {
        return;
    }
    qCDebug(lcNoLagTransport, "Socket error %d on %s: %s", int(error),
            qUtf8Printable(m_url.toDisplayString()), qUtf8Printable(m_socket->errorString()));
    // A connection that never opened gets no disconnected() signal on every platform.
    if (!m_open && m_socket->state() == QAbstractSocket::UnconnectedState) {
        finish(int(QWebSocketProtocol::CloseCodeAbnormalDisconnection), m_socket->errorString());
    }
}

void NoLagTransport::onBinaryFrame(const QByteArray &frame)
{
    restartWatchdog();
    Q_EMIT frameReceived(frame);
}

void NoLagTransport::onTextFrame(const QString &text)
{
    Q_UNUSED(text);
    restartWatchdog();
    qCWarning(lcNoLagCodec, "Ignoring a text frame from %s: NoLag servers send binary frames",
              qUtf8Printable(m_url.toDisplayString()));
}

void NoLagTransport::onHeartbeat()
{
    if (isOpen()) {
        m_socket->sendBinaryMessage(QByteArray());
    }
}

void NoLagTransport::onWatchdog()
{
    // Something arrived since the timer was armed: wait for the rest of the silence allowed.
    const qint64 allowedMs = 2 * m_heartbeatInterval.count();
    const qint64 silentMs = m_lastActivity.isValid() ? m_lastActivity.elapsed() : allowedMs;
    if (silentMs < allowedMs && isOpen()) {
        m_watchdogTimer.start(milliseconds(allowedMs - silentMs));
        return;
    }
    qCInfo(lcNoLagTransport,
           "No frame from %s for %lld ms; dropping the connection as the server seems gone",
           qUtf8Printable(m_url.toDisplayString()), qint64(2 * m_heartbeatInterval.count()));
    abort(tr("no answer from the server for %1 ms").arg(2 * m_heartbeatInterval.count()));
}

void NoLagTransport::restartWatchdog()
{
    m_lastActivity.start();
    if (m_heartbeatInterval > 0ms && isOpen() && !m_watchdogTimer.isActive()) {
        m_watchdogTimer.start(2 * m_heartbeatInterval);
    }
}

void NoLagTransport::finish(int closeCode, const QString &reason)
{
    const bool wasOpen = m_open;
    releaseSocket();
    m_open = false;
    qCDebug(lcNoLagTransport, "Connection to %s %s (code %d): %s",
            qUtf8Printable(m_url.toDisplayString()), wasOpen ? "closed" : "failed", closeCode,
            qUtf8Printable(reason));
    Q_EMIT closed(closeCode, reason);
}

void NoLagTransport::releaseSocket()
{
    m_openTimer.stop();
    m_heartbeatTimer.stop();
    m_watchdogTimer.stop();
    if (!m_socket) {
        return;
    }
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    if (socket->state() == QAbstractSocket::UnconnectedState) {
        socket->deleteLater();
        return;
    }
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(closeGrace, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
}
