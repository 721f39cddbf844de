// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QList>
#include <QtCore/QString>

namespace NoLag::Server {

class ControlPlaneStore;
struct Project;

/*! One demo actor and its access token, to be printed at start. */
struct DemoActorToken
{
    QString name;
    QString actorType;
    QString token;
};

/*! What the demo project gives a user to start with. */
struct DemoCredentials
{
    QString apiKey; // empty when the key was given with --api-key
    QString appSlug;
    QList<DemoActorToken> actors;
};

/*! The file in the data directory that keeps the demo credentials (mode 0600). */
QString demoTokensPath(const QString &dataDirectory);

/*!
    Seeds the demo into \a project through the same store operations the REST API uses:
    app "demo" (exact slug, blueprint "demo": rooms "general" and "support", topics
    "messages", "typing", "telemetry", autoProvisionRooms on) and the actors alice and bob
    (user), explorer (observer) and sensor-1 (device).

    The app and actors are created once; what a user deletes later stays deleted. The plain
    demo tokens (and, if \a makeApiKey, the project API key) are kept in demo-tokens.json in
    \a dataDirectory so they stay the same across restarts: they are demo credentials, meant
    to be printed. A token whose hash no longer matches (the file was lost) is replaced.
*/
bool seedDemoProject(ControlPlaneStore &store, const Project &project, const QString &dataDirectory,
                     bool makeApiKey, DemoCredentials *credentials, QString *errorString);

} // namespace NoLag::Server
