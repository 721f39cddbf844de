// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "httpresponder.h"

#include <QtNetwork/QTcpSocket>

using namespace Qt::StringLiterals;

namespace NoLagTest {

QList<QByteArray> HttpResponder::Request::headerValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0) {
            values.append(value);
        }
    }
    return values;
}

HttpResponder::HttpResponder(QObject *parent)
    : QTcpServer(parent)
{
    connect(this, &QTcpServer::newConnection, this, &HttpResponder::onNewConnection);
}

bool HttpResponder::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

QUrl HttpResponder::url(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(QString::number(serverPort()), path));
}

void HttpResponder::enqueue(int status, const QByteArray &body, const QByteArray &reason)
{
    Response response;
    response.status = status;
    response.body = body;
    response.reason = reason;
    m_responses.enqueue(response);
}

void HttpResponder::onNewConnection()
{
    while (QTcpSocket *socket = nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void HttpResponder::onReadyRead(QTcpSocket *socket)
{
    // Requests are small; keep what arrived until the header and the body are complete.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);

    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        return;
    }
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    Request request;
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() < 2) {
        socket->abort();
        return;
    }
    request.method = requestLine.at(0);
    request.target = requestLine.at(1);

    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            continue;
        }
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            contentLength = value.toLongLong();
        }
    }
    if (buffer.size() < headerEnd + 4 + contentLength) {
        return;
    }
    request.body = buffer.mid(headerEnd + 4, contentLength);
    socket->setProperty("buffer", QByteArray());
    m_requests.append(request);

    const Response response = m_responses.isEmpty() ? Response() : m_responses.dequeue();
    Q_EMIT requestReceived();
    if (response.neverAnswer) {
        return;
    }

    QByteArray answer =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + response.reason + "\r\n";
    if (!response.contentType.isEmpty() && response.status != 204) {
        answer += "Content-Type: " + response.contentType + "\r\n";
    }
    if (response.status != 204) {
        answer += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    }
    answer += "Connection: close\r\n\r\n";
    if (response.status != 204) {
        answer += response.body;
    }
    socket->write(answer);
    socket->disconnectFromHost();
}

} // namespace NoLagTest
