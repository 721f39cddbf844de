// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "core/restmessage.h"

#include <QtCore/QPointer>
#include <QtHttpServer/QAbstractHttpServer>
#include <QtNetwork/QHostAddress>

#include <functional>

QT_BEGIN_NAMESPACE
class QTcpServer;
class QTcpSocket;
class QWebSocket;
QT_END_NAMESPACE

namespace NoLag::Server {

class Broker;

/*!
    The network front of nolag-local on one port: the WebSocket endpoint /ws (handed to the
    broker), GET /health, and /v1/... for the REST handler of the control plane. Everything
    else gets a JSON 404.

    Built on QAbstractHttpServer rather than QHttpServer: Qt 6.4's router has no catch-all
    with custom status codes and headers, and every request here is dispatched by path
    anyway. Qt 6.4 upgrades any path to a WebSocket once routing wrote nothing;
    connections to a path other than /ws are closed at once with 1008.
*/
class HttpFront final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using RestHandler = std::function<RestResponse(const RestRequest &)>;

    explicit HttpFront(Broker *broker, QObject *parent = nullptr);
    ~HttpFront() override;

    /*!
        Listens on \a address:\a port (0 lets the OS pick). Returns false with a one-line
        reason ("the address is already in use") when it cannot.
    */
    bool listen(const QHostAddress &address, quint16 port, QString *errorString);
    quint16 port() const;

    /*! Serves every request under /v1 (the control plane's REST API). */
    void setRestHandler(RestHandler handler) { m_restHandler = std::move(handler); }

    /*! The inbound frame limit: larger frames close the connection with 1009. */
    void setMaxFrameSize(qint64 bytes) { m_maxFrameSize = bytes; }
    /*! Unread outbound bytes after which a connection is closed as too slow; 0 = no limit. */
    void setMaxSendBuffer(qint64 bytes) { m_maxSendBuffer = bytes; }

    /*! Closes the listening socket (open connections stay until the broker closes them). */
    void stopListening();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void acceptWebSockets();
    void respond(const QHttpServerRequest &request, QTcpSocket *socket,
                 const RestResponse &response);

    Broker *m_broker;
    QTcpServer *m_tcpServer = nullptr;
    QList<QPointer<QTcpSocket>> m_upgrading; // upgrade requests not yet handed over
    RestHandler m_restHandler;
    qint64 m_maxFrameSize = 1'048'576;
    qint64 m_maxSendBuffer = 64LL * 1024 * 1024;
};

/*! A JSON error body of the REST API: {"statusCode","message","error"}. */
RestResponse jsonError(int status, const QString &message);

} // namespace NoLag::Server
