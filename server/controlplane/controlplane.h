// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "controlplanestore.h"
#include "core/restmessage.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <memory>

namespace NoLag::Server {

class ControlPlaneAuthProvider;
class Database;
class RestApi;

/*! How nolag-local starts its control plane (from its command line). */
struct ControlPlaneOptions
{
    ControlPlaneSettings settings;
    QString restPrefix = QStringLiteral("/v1");
    QString dataDirectory; // where demo-tokens.json lives
    QString apiKey; // --api-key; empty: make one
    bool demo = false; // --demo
};

/*!
    The control plane of nolag-local in one object: the store on the shared Database, the
    REST API and the auth provider, set up by start().

    start() migrates the tables, makes sure the default project exists (the one every
    request's API key must belong to while nolag-local has no project endpoints) and gives it
    an API key: the --api-key value if given (valid only while given); with --demo a stable key kept
   in demo-tokens.json; otherwise a new key at every start, printed once, which replaces the one
   made at the previous start. With --demo it then seeds the demo project.
*/
class ControlPlane
{
public:
    explicit ControlPlane(Database &database);
    ~ControlPlane();

    ControlPlane(const ControlPlane &) = delete;
    ControlPlane &operator=(const ControlPlane &) = delete;

    bool start(const ControlPlaneOptions &options, QString *errorString);

    /*!
        Lines for standard output after start(): the API key of the default project (unless
        it was given with --api-key) and, with --demo, the demo actors' tokens. They hold
        secrets on purpose; never send them to a log.
    */
    QStringList startupMessage() const { return m_startupMessage; }

    /*! The plain API key valid for this run. */
    QString apiKey() const { return m_apiKey; }
    QString projectId() const { return m_projectId; }

    ControlPlaneStore &store() { return m_store; }
    RestApi &restApi() { return *m_restApi; }
    ControlPlaneAuthProvider &authProvider() { return *m_authProvider; }

    /*! Answers a request below the REST prefix ("/v1/..."); see RestApi. */
    RestResponse handle(const RestRequest &request);

private:
    ControlPlaneStore m_store;
    std::unique_ptr<RestApi> m_restApi;
    std::unique_ptr<ControlPlaneAuthProvider> m_authProvider;
    QStringList m_startupMessage;
    QString m_apiKey;
    QString m_projectId;
};

} // namespace NoLag::Server
