// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "nolaglocal.h"

#include "core/broker.h"
#include "core/demo.h"
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

    // The control plane's provider joins the chain here once it exists, before the demo
    // and development-mode providers.

    if (m_settings.demo) {
        // Seeding lives in one function (seedDemo) so the control plane can take it over.
        m_demo = std::make_unique<StaticTokenProvider>();
        if (!seedDemo(m_settings.dataDirectory, m_demo.get(), &m_demoActors, errorString)) {
            return false;
        }
        m_auth.append(m_demo.get());
    }

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
    // The control plane's REST API is served through m_front->setRestHandler().

    QString listenError;
    if (!m_front->listen(m_settings.address, m_settings.port, &listenError)) {
        *errorString = u"cannot listen on %1:%2: %3"_s.arg(m_settings.host)
                           .arg(m_settings.port)
                           .arg(listenError);
        return false;
    }
    m_broker->start();

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
    printDemoActors();
    std::fflush(stdout);
    return true;
}

void NoLagLocal::printDemoActors() const
{
    if (m_demoActors.isEmpty()) {
        return;
    }
    std::fprintf(stdout,
                 "Demo project ready: app \"demo\", rooms \"general\" and \"support\", topics "
                 "messages, typing and telemetry. Connect to ws://%s:%u/ws with one of these "
                 "access tokens (they stay the same across restarts):\n",
                 qPrintable(m_settings.host), unsigned(m_front->port()));
    for (const DemoActor &actor : m_demoActors) {
        std::fprintf(stdout, "  %-9s %s  (%s)\n", qPrintable(actor.name), qPrintable(actor.token),
                     qPrintable(actor.description));
    }
}

void NoLagLocal::stop()
{
    if (m_stopped || !m_broker) {
        return;
    }
    m_stopped = true;
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
