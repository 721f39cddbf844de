// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "websocketlink.h"

#include "core/broker.h"
#include "core/serverlogging_p.h"

#include <QtNetwork/QAbstractSocket>
#include <QtWebSockets/QWebSocket>

using namespace Qt::StringLiterals;

namespace NoLag::Server {

namespace {

// A peer that does not answer our close frame is dropped after this long.
constexpr int CloseDeadlineMs = 5000;

// RFC 6455 "Try Again Later" (Qt 6.4 has no name for it): the SDKs reconnect after any close.
constexpr int TryAgainLaterCloseCode = 1013;

} // namespace

WebSocketLink::WebSocketLink(std::unique_ptr<QWebSocket> socket, QAbstractSocket *transport,
                             Broker *broker)
    : m_socket(std::move(socket))
    , m_broker(broker)
{
    m_sessionId = broker->openSession(this);

    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &frame) {
                if (m_broker) {
                    m_broker->receive(m_sessionId, frame);
                }
            });
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        if (m_broker) {
            m_broker->receiveText(m_sessionId, text);
        }
    });
    // Queued: the broker may be in the middle of a fan-out when a socket reports its end.
    connect(m_socket.get(), &QWebSocket::disconnected, this, &WebSocketLink::onDisconnected,
            Qt::QueuedConnection);

    // Control frames are answered inside QWebSocket without a signal, so a client that only
    // pings would look idle; any bytes arriving on the connection count as activity (§1.8).
    if (transport) {
        // Frames are small and should leave at once; with Nagle's algorithm on, a frame sent
        // while the previous one is unacknowledged waits for the client's delayed ACK (40 ms
        // on Linux), which was the p99 latency of a 1,000 msg/s stream.
        transport->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(transport, &QIODevice::readyRead, this, [this] {
            if (m_broker) {
                m_broker->touch(m_sessionId);
            }
        });
    } else {
        qCDebug(lcNet, "Connection %llu: WebSocket pings will not count as activity", m_sessionId);
    }

    m_closeDeadline.setSingleShot(true);
    m_closeDeadline.setInterval(CloseDeadlineMs);
    connect(&m_closeDeadline, &QTimer::timeout, this, [this] { m_socket->abort(); });
}

WebSocketLink::~WebSocketLink()
{
    // Destroyed with the front while still open (at exit): the broker must not keep a
    // session that points here.
    if (!m_gone && m_broker) {
        m_broker->closeSession(m_sessionId);
    }
}

void WebSocketLink::send(const QByteArray &frame)
{
    if (m_closing) {
        return; // nothing more goes out after our close frame
    }
    if (m_maxSendBuffer > 0 && m_socket->bytesToWrite() + frame.size() > m_maxSendBuffer) {
        // The spec has no slow-consumer rule. Closing is what keeps the server's memory
        // bounded without losing anything the client was promised: QoS 1-2 deliveries it
        // did not acknowledge are replayed when it reconnects, as after any drop.
        qCWarning(lcNet,
                  "Connection %llu: closing it because the client is not reading: %lld bytes "
                  "sent to it are still waiting (limit %lld, --max-send-buffer)",
                  m_sessionId, qint64(m_socket->bytesToWrite()), m_maxSendBuffer);
        close(TryAgainLaterCloseCode, u"slow_consumer"_s);
        return;
    }
    m_socket->sendBinaryMessage(frame);
}

void WebSocketLink::close(int code, const QString &reason)
{
    if (m_closing) {
        return;
    }
    m_closing = true;
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    m_closeDeadline.start();
}

void WebSocketLink::onDisconnected()
{
    if (m_gone) {
        return;
    }
    m_gone = true;
    m_closeDeadline.stop();
    if (m_broker) {
        m_broker->closeSession(m_sessionId);
    }
    deleteLater();
}

} // namespace NoLag::Server
