// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "controlplane.h"

#include "controlplaneauthprovider.h"
#include "controlplanelogging_p.h"
#include "credentials.h"
#include "demoseed.h"
#include "restapi.h"

using namespace Qt::StringLiterals;

namespace NoLag::Server {

ControlPlane::ControlPlane(Database &database)
    : m_store(database)
    , m_restApi(std::make_unique<RestApi>(m_store))
    , m_authProvider(std::make_unique<ControlPlaneAuthProvider>(m_store))
{ }

ControlPlane::~ControlPlane() = default;

bool ControlPlane::start(const ControlPlaneOptions &options, QString *errorString)
{
    m_store.setSettings(options.settings);
    m_restApi = std::make_unique<RestApi>(m_store, options.restPrefix);
    m_startupMessage.clear();

    if (!m_store.migrate(errorString)) {
        return false;
    }

    StoreError error;
    std::optional<Project> project = m_store.defaultProject();
    if (!project) {
        project = m_store.createProject(u"Local project"_s, &error);
        if (!project) {
            *errorString = u"cannot create the default project: %1"_s.arg(error.message);
            return false;
        }
    }
    m_projectId = project->id;

    // A key made at the previous start is only valid for the run that printed it, and a key
    // given with --api-key only while it is given.
    m_store.revokeApiKeys(project->id, u"generated"_s);
    m_store.revokeApiKeys(project->id, u"given"_s);

    if (!options.apiKey.isEmpty()) {
        if (!Credentials::parseApiKey(options.apiKey)) {
            *errorString = u"--api-key: a key has the form nlg_live_<id>.<secret> (id: 1 to 64 "
                           "letters or digits; secret: 1 to 256 letters, digits, '-' or '_')"_s;
            return false;
        }
        if (!m_store.registerApiKey(project->id, options.apiKey, u"given"_s, &error)) {
            *errorString = u"cannot store the API key: %1"_s.arg(error.message);
            return false;
        }
        m_apiKey = options.apiKey;
    }

    DemoCredentials demo;
    if (options.demo) {
        if (!seedDemoProject(m_store, *project, options.dataDirectory, m_apiKey.isEmpty(), &demo,
                             errorString)) {
            return false;
        }
        if (m_apiKey.isEmpty()) {
            m_apiKey = demo.apiKey;
        }
    }

    if (m_apiKey.isEmpty()) {
        m_apiKey = Credentials::newApiKey().toString();
        if (!m_store.registerApiKey(project->id, m_apiKey, u"generated"_s, &error)) {
            *errorString = u"cannot store the API key: %1"_s.arg(error.message);
            return false;
        }
        m_startupMessage.append(u"REST API key (new at every start; choose a fixed one with "
                                "--api-key): %1"_s.arg(m_apiKey));
    } else if (options.apiKey.isEmpty()) {
        m_startupMessage.append(u"REST API key of the demo project: %1"_s.arg(m_apiKey));
    } else {
        m_startupMessage.append(u"REST API key: the one given with --api-key"_s);
    }

    if (options.demo) {
        m_startupMessage.append(u"Demo app \"%1\": rooms general and support, topics messages, "
                                "typing and telemetry. Access tokens (kept in %2):"_s.arg(
                                    demo.appSlug, demoTokensPath(options.dataDirectory)));
        for (const DemoActorToken &actor : std::as_const(demo.actors)) {
            m_startupMessage.append(
                u"  %1 (%2): %3"_s.arg(actor.name, actor.actorType, actor.token));
        }
    }
    return true;
}

RestResponse ControlPlane::handle(const RestRequest &request)
{
    return m_restApi->handle(request);
}

} // namespace NoLag::Server
