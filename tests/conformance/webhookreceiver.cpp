// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "webhookreceiver.h"

#include <QtNetwork/QTcpSocket>

namespace Conformance {

WebhookReceiver::WebhookReceiver(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &WebhookReceiver::onNewConnection);
}

bool WebhookReceiver::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void WebhookReceiver::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            // Wait for the whole request: the headers, then Content-Length bytes of body.
            const QByteArray request = socket->peek(socket->bytesAvailable());
            const qsizetype headerEnd = request.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                return;
            }
            qsizetype contentLength = 0;
            const QList<QByteArray> lines = request.left(headerEnd).split('\n');
            for (const QByteArray &line : lines) {
                if (line.toLower().startsWith("content-length:")) {
                    contentLength = line.mid(15).trimmed().toLongLong();
                }
            }
            if (request.size() < headerEnd + 4 + contentLength) {
                return;
            }

            socket->readAll();
            m_requestBodies.append(request.mid(headerEnd + 4, contentLength));
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(m_responseBody.size()) +
                          "\r\nConnection: close\r\n\r\n" + m_responseBody);
            socket->disconnectFromHost();
        });
    }
}

} // namespace Conformance
