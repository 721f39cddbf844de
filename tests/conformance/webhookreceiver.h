// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtNetwork/QTcpServer>

namespace Conformance {

/*!
    A minimal HTTP endpoint on 127.0.0.1 for the hydration webhook (wire-protocol §15): it
    accepts POST requests, keeps their bodies, and answers each with the same JSON body.

    This is a stand-in for the application's own web service, not for our server, so the
    "no mocks of our own server" rule is kept.
*/
class WebhookReceiver : public QObject
{
    Q_OBJECT

public:
    explicit WebhookReceiver(QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    void setResponseBody(const QByteArray &json) { m_responseBody = json; }

    /*! The bodies of the requests answered so far, oldest first. */
    QList<QByteArray> requestBodies() const { return m_requestBodies; }

private:
    void onNewConnection();

    QTcpServer m_server;
    QByteArray m_responseBody = "{}";
    QList<QByteArray> m_requestBodies;
};

} // namespace Conformance
