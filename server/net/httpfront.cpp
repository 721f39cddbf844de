// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "httpfront.h"

#include "core/broker.h"
#include "core/serverlogging_p.h"
#include "websocketlink.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponder>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtWebSockets/QWebSocket>

using namespace Qt::StringLiterals;

namespace NoLag::Server {

namespace {

QString reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return u"Bad Request"_s;
    case 401:
        return u"Unauthorized"_s;
    case 403:
        return u"Forbidden"_s;
    case 404:
        return u"Not Found"_s;
    case 405:
        return u"Method Not Allowed"_s;
    case 409:
        return u"Conflict"_s;
    case 426:
        return u"Upgrade Required"_s;
    case 500:
        return u"Internal Server Error"_s;
    default:
        return u"Error"_s;
    }
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

QString listenError(const QTcpServer &server)
{
    switch (server.serverError()) {
    case QAbstractSocket::AddressInUseError:
        return u"the address is already in use"_s;
    case QAbstractSocket::SocketAccessError:
        return u"this user may not listen on that port"_s;
    case QAbstractSocket::SocketAddressNotAvailableError:
        return u"that address does not belong to this machine"_s;
    default:
        return server.errorString();
    }
}

} // namespace

RestResponse jsonError(int status, const QString &message)
{
    RestResponse response;
    response.status = status;
    response.body = QJsonDocument(QJsonObject{{u"statusCode"_s, status},
                                              {u"message"_s, message},
                                              {u"error"_s, reasonPhrase(status)}})
                        .toJson(QJsonDocument::Compact);
    return response;
}

HttpFront::HttpFront(Broker *broker, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_broker(broker)
{
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, &HttpFront::acceptWebSockets);
}

HttpFront::~HttpFront() = default;

bool HttpFront::listen(const QHostAddress &address, quint16 port, QString *errorString)
{
    auto *server = new QTcpServer(this);
    if (!server->listen(address, port)) {
        *errorString = listenError(*server);
        delete server;
        return false;
    }
    m_tcpServer = server;
    bind(server);
    return true;
}

quint16 HttpFront::port() const
{
    return m_tcpServer ? m_tcpServer->serverPort() : 0;
}

void HttpFront::stopListening()
{
    if (m_tcpServer) {
        m_tcpServer->close();
    }
}

void HttpFront::acceptWebSockets()
{
    while (hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = nextPendingWebSocketConnection();
        if (!socket) {
            continue;
        }
        if (socket->requestUrl().path() != u"/ws") {
            qCInfo(lcNet, "Refused a WebSocket on %s: the endpoint is /ws",
                   qPrintable(socket->requestUrl().path()));
            m_upgrading.removeIf([&](const QPointer<QTcpSocket> &pending) {
                return !pending ||
                    (pending->peerPort() == socket->peerPort() &&
                     pending->peerAddress() == socket->peerAddress());
            });
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          u"the WebSocket endpoint is /ws"_s);
            socket.release()->deleteLater();
            continue;
        }
        // A larger frame closes the connection with 1009 (wire-protocol §1.6).
        socket->setMaxAllowedIncomingFrameSize(quint64(m_maxFrameSize));
        socket->setMaxAllowedIncomingMessageSize(quint64(m_maxFrameSize));

        // The TCP socket under it is the one whose upgrade request came through
        // handleRequest(); QWebSocket does not expose it, the peer address identifies it.
        QTcpSocket *transport = nullptr;
        for (qsizetype i = 0; i < m_upgrading.size(); ++i) {
            QTcpSocket *candidate = m_upgrading.at(i);
            if (candidate && candidate->peerPort() == socket->peerPort() &&
                candidate->peerAddress() == socket->peerAddress()) {
                transport = candidate;
                m_upgrading.removeAt(i);
                break;
            }
        }
        auto *link = new WebSocketLink(std::move(socket), transport, m_broker);
        link->setMaxSendBuffer(m_maxSendBuffer);
        link->setParent(this);
    }
}

bool HttpFront::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();

    // Qt 6.4 routes the upgrade request first and switches to WebSocket afterwards: writing
    // nothing here lets the handshake proceed (acceptWebSockets() checks the path).
    // Header names compared without case: Qt 6.4's QHttpServerRequest::value() does not.
    bool upgrade = false;
    for (const auto &[name, value] : request.headers()) {
        upgrade = upgrade ||
            (name.compare("upgrade", Qt::CaseInsensitive) == 0 &&
             value.compare("websocket", Qt::CaseInsensitive) == 0);
    }
    if (upgrade) {
        m_upgrading.removeIf([](const QPointer<QTcpSocket> &pending) { return !pending; });
        m_upgrading.append(socket);
        return true;
    }

    if (path == u"/health") {
        RestResponse response;
        response.body = R"({"status":"ok"})";
        respond(request, socket, response);
        return true;
    }

    if (path == u"/v1" || path.startsWith(u"/v1/")) {
        if (!m_restHandler) {
            respond(request, socket,
                    jsonError(404, u"the REST API is not available in this build"_s));
            return true;
        }
        RestRequest rest;
        rest.method = methodName(request.method());
        rest.path = path;
        rest.query = request.query();
        rest.headers = request.headers();
        rest.body = request.body();
        respond(request, socket, m_restHandler(rest));
        return true;
    }

    if (path == u"/ws") {
        respond(request, socket,
                jsonError(426, u"/ws is a WebSocket endpoint: connect with a WebSocket client"_s));
        return true;
    }

    respond(
        request, socket,
        jsonError(404,
                  u"Cannot %1 %2"_s.arg(QString::fromLatin1(methodName(request.method())), path)));
    return true;
}

void HttpFront::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    respond(request, socket, jsonError(404, u"not found"_s));
}

void HttpFront::respond(const QHttpServerRequest &request, QTcpSocket *socket,
                        const RestResponse &response)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    if (response.status != 204) {
        responder.writeHeader("Content-Type", response.contentType);
        responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    }
    for (const auto &[name, value] : response.headers) {
        responder.writeHeader(name, value);
    }
    responder.writeBody(response.status == 204 ? QByteArray() : response.body);
}

} // namespace NoLag::Server
