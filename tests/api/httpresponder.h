// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QQueue>
#include <QtCore/QUrl>
#include <QtNetwork/QTcpServer>

namespace NoLagTest {

/*!
    A tiny HTTP/1.1 responder on 127.0.0.1 for testing the HTTP client side of NoLagApi.

    It records each request and answers with the next canned response (200 "{}" when none is
    queued). It exists only for conditions the real nolag-local never produces (a non-JSON
    error body, an array message, a server that never answers, ...); everything else is
    tested against nolag-local.
*/
class HttpResponder : public QTcpServer
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query, as sent
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;

        /*! Every value of header \a name, compared without case. */
        QList<QByteArray> headerValues(QByteArrayView name) const;
    };

    struct Response
    {
        int status = 200;
        QByteArray reason = "OK";
        QByteArray body = "{}";
        QByteArray contentType = "application/json";
        bool neverAnswer = false; // keep the connection open without answering
    };

    explicit HttpResponder(QObject *parent = nullptr);

    bool start();
    QUrl url(const QString &path = QString()) const;

    void enqueue(const Response &response) { m_responses.enqueue(response); }
    void enqueue(int status, const QByteArray &body, const QByteArray &reason = "OK");

    QList<Request> requests() const { return m_requests; }

Q_SIGNALS:
    void requestReceived();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);

    QQueue<Response> m_responses;
    QList<Request> m_requests;
};

} // namespace NoLagTest
