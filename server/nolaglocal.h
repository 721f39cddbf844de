// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "commandline.h"
#include "core/clock.h"
#include "core/tokenproviders.h"
#include "storage/database.h"

#include <QtCore/QObject>

#include <memory>

namespace NoLag::Server {

class Broker;
class BrokerStore;
class ControlPlane;
class HttpFront;
class NetworkWebhookClient;

/*!
    The nolag-local process: opens the database, sets up who may connect (token file, demo
    project, development mode, and later the control plane), and runs the broker behind the
    HTTP/WebSocket front.
*/
class NoLagLocal final : public QObject
{
    Q_OBJECT

public:
    explicit NoLagLocal(const ServerSettings &settings, QObject *parent = nullptr);
    ~NoLagLocal() override;

    /*!
        Starts everything and prints "Listening on http://HOST:PORT". On failure returns false
        with one line saying what went wrong.
    */
    bool start(QString *errorString);

    /*! Closes every connection with 1001 and makes all state durable. */
    void stop();

    quint16 port() const;

private:
    bool openStorage(QString *errorString);
    bool setUpAuthentication(QString *errorString);
    void printCredentials() const;

    ServerSettings m_settings;
    SystemClock m_clock;
    Database m_database;
    std::unique_ptr<BrokerStore> m_store;

    // Who may connect, asked in this order.
    ChainProvider m_auth;
    std::unique_ptr<TokenFileProvider> m_tokenFile;
    std::unique_ptr<OpenProvider> m_open;
    std::unique_ptr<ControlPlane> m_controlPlane; // REST API, its actors and the demo project

    std::unique_ptr<Broker> m_broker;
    std::unique_ptr<NetworkWebhookClient> m_webhooks;
    std::unique_ptr<HttpFront> m_front;
    bool m_running = false;
};

} // namespace NoLag::Server
