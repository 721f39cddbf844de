// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "webhookclient.h"

#include "core/serverlogging_p.h"

#include <QtCore/QPointer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

namespace NoLag::Server {

NetworkWebhookClient::NetworkWebhookClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{ }

NetworkWebhookClient::~NetworkWebhookClient() = default;

void NetworkWebhookClient::post(const QUrl &url, const QByteArray &json, int attempts,
                                QObject *context, Done done)
{
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
        qCWarning(lcWebhook, "Skipped a webhook with an unusable address (%s)",
                  qPrintable(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
        if (done) {
            done(false, {});
        }
        return;
    }

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_network->post(request, json);

    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, url, json, attempts, guard, done = std::move(done)]() mutable {
                reply->deleteLater();
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const bool serverError = status >= 500 && status <= 599;
                const bool networkError = status == 0 && reply->error() != QNetworkReply::NoError;
                const QString where = url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);

                if ((serverError || networkError) && attempts > 1 && guard) {
                    qCDebug(lcWebhook, "Webhook %s failed (HTTP %d, %s); trying again",
                            qPrintable(where), status, qPrintable(reply->errorString()));
                    post(url, json, attempts - 1, guard, std::move(done));
                    return;
                }
                const bool ok = status >= 200 && status <= 299;
                if (!ok) {
                    qCWarning(lcWebhook, "Webhook %s failed (HTTP %d, %s)", qPrintable(where),
                              status, qPrintable(reply->errorString()));
                }
                if (done && guard) {
                    done(ok, ok ? reply->readAll() : QByteArray());
                }
            });
}

} // namespace NoLag::Server
