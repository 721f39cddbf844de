// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "controlplanetypes.h"
#include "core/authprovider.h"

namespace NoLag::Server {

class ControlPlaneStore;

/*!
    Turns the control plane's state into realtime permissions (rest-api.md §6).

    An actor token authenticates while its actor exists and is active. The actor then gets
    one exact rule per (room, topic) it can reach: pattern "{appSlug}/{roomSlug}/{topic}"
    (scoped actors: "{appSlug}/{scopeSlug}/{roomSlug}/{topic}"), internal topic
    "{roomId}/{topic}" (scoped: "{scopeId}/{roomId}/{topic}"). Only enabled rooms of apps
    that are not deleted count. Every app is open: a room without grants gives every actor
    of the project pubSub; a room with grants admits only actors with an active, unexpired
    token grant or, failing that, type grant, with that grant's permission. Topics come from
    the grant, else the app's topic list, else (when the app has none) the room's own list.

    Lobbies: the SDK REST API has none, so each app is one lobby holding all its enabled
    rooms, with slug and internal id both "{appSlug}-lobby". The id equals the slug because
    the SDKs route per-lobby presence handlers by the id the broker sends (wire-protocol §14).
    An actor sees the lobbies of the apps in which it can reach at least one room.

    Nothing is cached: a deactivated or deleted actor is refused at its next authentication
    at once, and at the next revalidation of a live connection.
*/
class ControlPlaneAuthProvider : public AuthProvider
{
public:
    explicit ControlPlaneAuthProvider(ControlPlaneStore &store);

    AuthOutcome authenticate(const QString &accessToken) override;
    AuthOutcome revalidate(const QString &actorTokenId) override;
    std::optional<QList<AclRule>> checkRoomAccess(const QString &actorTokenId,
                                                  const QString &displayPattern) override;
    QList<LobbyDefinition> lobbies() const override;

    /*!
        Whether \a actorTokenId was ever an actor of the control plane, deleted ones included.
        A chain of providers asks this to know who should revalidate a connection.
    */
    bool knowsActor(const QString &actorTokenId) const;

    /*! The grant of an actor as it stands now: identity, rules, lobbies. */
    ActorGrant grantFor(const Actor &actor) const;

    /*! The lobby slug (and id) of the app with slug \a appSlug. */
    static QString lobbySlug(const QString &appSlug);

private:
    ControlPlaneStore &m_store;
};

} // namespace NoLag::Server
