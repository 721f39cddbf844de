// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "nolaglocal.h"

#include "controlplane/controlplane.h"
#include "controlplane/controlplaneauthprovider.h"
#include "core/broker.h"
#include "core/serverlogging_p.h"
#include "net/httpfront.h"
#include "net/webhookclient.h"
#include "storage/brokerstore.h"

#include <QtCore/QDir>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace NoLag::Server {

NoLagLocal::NoLagLocal(const ServerSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{ }

NoLagLocal::~NoLagLocal()
{
    stop();
    // The front (and with it every link) goes before the broker it points to.
    m_front.reset();
    m_broker.reset();
}

bool NoLagLocal::openStorage(QString *errorString)
{
    QDir directory(m_settings.dataDirectory);
    if (!directory.mkpath(u"."_s)) {
        *errorString = u"cannot create the data directory '%1'"_s.arg(m_settings.dataDirectory);
        return false;
    }
    const QString path = directory.filePath(u"nolag-local.db"_s);
    if (!m_database.open(path, errorString)) {
        return false;
    }
    m_store = std::make_unique<BrokerStore>(&m_database);
    if (!m_store->open(errorString)) {
        return false;
    }
    return true;
}

bool NoLagLocal::setUpAuthentication(QString *errorString)
{
    if (!m_settings.tokensFile.isEmpty()) {
        m_tokenFile = std::make_unique<TokenFileProvider>(m_settings.tokensFile);
        if (!m_tokenFile->load(errorString)) {
            return false;
        }
        m_auth.append(m_tokenFile.get());
    }

    // The control plane: apps, rooms and actors managed through the REST API under /v1, and
    // the demo project of --demo, kept in the same database.
    m_controlPlane = std::make_unique<ControlPlane>(m_database);
    ControlPlaneOptions controlPlaneOptions;
    controlPlaneOptions.dataDirectory = m_settings.dataDirectory;
    controlPlaneOptions.apiKey = m_settings.apiKey;
    controlPlaneOptions.demo = m_settings.demo;
    if (!m_controlPlane->start(controlPlaneOptions, errorString)) {
        return false;
    }
    m_auth.append(&m_controlPlane->authProvider());

    if (m_settings.open) {
        m_open = std::make_unique<OpenProvider>();
        m_auth.append(m_open.get());
    }
    return true;
}

bool NoLagLocal::start(QString *errorString)
{
    if (!openStorage(errorString) || !setUpAuthentication(errorString)) {
        return false;
    }

    m_broker = std::make_unique<Broker>(m_settings.broker, &m_auth, &m_clock, m_store.get());
    m_webhooks = std::make_unique<NetworkWebhookClient>();
    m_broker->setWebhookClient(m_webhooks.get());

    m_front = std::make_unique<HttpFront>(m_broker.get());
    m_front->setMaxFrameSize(m_settings.broker.maxFrameSize);
    m_front->setMaxSendBuffer(m_settings.broker.maxSendBuffer);
    m_front->setRestHandler(
        [this](const RestRequest &request) { return m_controlPlane->handle(request); });

    QString listenError;
    if (!m_front->listen(m_settings.address, m_settings.port, &listenError)) {
        *errorString = u"cannot listen on %1:%2: %3"_s.arg(m_settings.host)
                           .arg(m_settings.port)
                           .arg(listenError);
        return false;
    }
    m_broker->start();
    m_running = true;

    // Said only once running, so that a failed start prints exactly one line.
    qCInfo(lcStore, "Using the database %s", qPrintable(m_database.path()));
    if (m_tokenFile) {
        qCInfo(lcAuth, "Serving %lld tokens from %s", qint64(m_tokenFile->tokenCount()),
               qPrintable(m_settings.tokensFile));
    }
    if (m_open) {
        qCWarning(lcAuth,
                  "Development mode (--open): ANY token is accepted with full access. "
                  "Never use this on a network other people can reach.");
    }
    if (m_auth.size() == 0) {
        qCWarning(lcAuth,
                  "No token source is set, so every connection will be refused: "
                  "start with --tokens FILE, --demo or --open");
    }

    std::fprintf(stdout, "Listening on http://%s:%u\n", qPrintable(m_settings.host),
                 unsigned(m_front->port()));
    printCredentials();
    std::fflush(stdout);
    return true;
}

void NoLagLocal::printCredentials() const
{
    // The API key and demo tokens go to standard output on purpose, never to the log.
    std::fprintf(stdout,
                 "REST API: http://%s:%u/v1 (send the header "
                 "\"Authorization: Bearer <API key>\")\n",
                 qPrintable(m_settings.host), unsigned(m_front->port()));
    for (const QString &line : m_controlPlane->startupMessage()) {
        std::fprintf(stdout, "%s\n", qPrintable(line));
    }
}

void NoLagLocal::stop()
{
    if (!m_running) {
        return;
    }
    m_running = false;
    if (m_front) {
        m_front->stopListening();
    }
    m_broker->shutdown();
    if (m_store) {
        m_store->flush();
    }
    qCInfo(lcBroker, "Stopped; everything is saved");
}

quint16 NoLagLocal::port() const
{
    return m_front ? m_front->port() : 0;
}

} // namespace NoLag::Server
