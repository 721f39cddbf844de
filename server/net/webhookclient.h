// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "core/webhooks.h"

#include <QtCore/QObject>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace NoLag::Server {

/*!
    Webhook calls over QNetworkAccessManager: JSON POSTs with a 30 s timeout, retried up to
    the given number of attempts on 5xx answers and network errors (wire-protocol §15).
*/
class NetworkWebhookClient final
    : public QObject
    , public WebhookClient
{
    Q_OBJECT

public:
    explicit NetworkWebhookClient(QObject *parent = nullptr);
    ~NetworkWebhookClient() override;

    void post(const QUrl &url, const QByteArray &json, int attempts, QObject *context,
              Done done) override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    QNetworkAccessManager *m_network;
    int m_timeoutMs = 30'000;
};

} // namespace NoLag::Server
