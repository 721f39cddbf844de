// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QObject>
#include <QtCore/QUrl>

#include <functional>

namespace NoLag::Server {

/*!
    Sends the broker's webhook calls (hydration and trigger, wire-protocol §15). The core only
    builds the JSON bodies; the network front implements this with QNetworkAccessManager.
*/
class WebhookClient
{
public:
    using Done = std::function<void(bool ok, const QByteArray &body)>;

    virtual ~WebhookClient() = default;

    /*!
        POSTs \a json to \a url, trying up to \a attempts times while the answer is a 5xx or
        a network error. When \a done is set it is called exactly once, with ok true and the
        body for a 2xx answer, unless \a context was destroyed first.
    */
    virtual void post(const QUrl &url, const QByteArray &json, int attempts, QObject *context,
                      Done done) = 0;
};

} // namespace NoLag::Server
