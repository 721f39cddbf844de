// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QString>

namespace NoLag::Server {

class StaticTokenProvider;

/*! One demo actor and its access token, for printing at start. */
struct DemoActor
{
    QString name;
    QString token;
    QString description;
};

/*!
    Seeds the demo project of --demo into \a provider: app "demo" (id app-demo), rooms
    "general" and "support", topics messages, typing and telemetry, lobby "demo-lobby" with
    both rooms, and the actors alice, bob and explorer (pubSub on everything in the app) and
    sensor-1 (a device that may only publish telemetry).

    The tokens are kept in \a dataDirectory/demo-tokens.json (created with mode 0600 on first
    use), so they stay the same across restarts and a saved explorer profile keeps working.
    Returns false with a one-line reason when that file cannot be read or written.
*/
bool seedDemo(const QString &dataDirectory, StaticTokenProvider *provider, QList<DemoActor> *actors,
              QString *errorString);

/*! A new access token in the format of the control plane: at_live_<12 hex>.<43 base64url>. */
QString generateAccessToken();

} // namespace NoLag::Server
