// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "core/link.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

#include <memory>

QT_BEGIN_NAMESPACE
class QAbstractSocket;
class QWebSocket;
QT_END_NAMESPACE

namespace NoLag::Server {

class Broker;

/*!
    One accepted WebSocket, connected to the broker: binary and text frames go to the
    session, frames from the broker go out as binary frames. Deletes itself when the socket
    is gone, after telling the broker.
*/
class WebSocketLink final
    : public QObject
    , public Link
{
    Q_OBJECT

public:
    /*!
        Connects \a socket to \a broker. \a transport, when known, is the TCP socket under
        it: bytes arriving there (pings included) keep the connection from being idle.
    */
    WebSocketLink(std::unique_ptr<QWebSocket> socket, QAbstractSocket *transport, Broker *broker);
    ~WebSocketLink() override;

    /*!
        A client that leaves more than \a bytes of what was sent to it unread is closed with
        1013 rather than letting the server's memory grow without bound; 0 = no limit. What
        it had not acknowledged at QoS 1-2 is replayed when it comes back.
    */
    void setMaxSendBuffer(qint64 bytes) { m_maxSendBuffer = bytes; }

    void send(const QByteArray &frame) override;
    void close(int code, const QString &reason) override;

private:
    void onDisconnected();

    std::unique_ptr<QWebSocket> m_socket;
    QPointer<Broker> m_broker;
    quint64 m_sessionId = 0;
    QTimer m_closeDeadline;
    qint64 m_maxSendBuffer = 0;
    bool m_gone = false;
    bool m_closing = false;
};

} // namespace NoLag::Server
