// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "nolagclient_p.h"

NoLagLobby::NoLagLobby(NoLagClient *client, const QString &lobbyId)
    : QObject(client)
    , d_ptr(std::make_unique<NoLagLobbyPrivate>())
{
    Q_D(NoLagLobby);
    d->client = client;
    d->lobbyId = lobbyId;
}

NoLagLobby::~NoLagLobby() = default;

NoLagClient *NoLagLobby::client() const
{
    Q_D(const NoLagLobby);
    return d->client;
}

QString NoLagLobby::lobbyId() const
{
    Q_D(const NoLagLobby);
    return d->lobbyId;
}

bool NoLagLobby::isSubscribed() const
{
    Q_D(const NoLagLobby);
    return d->subscribed;
}

QVariantMap NoLagLobby::presence() const
{
    Q_D(const NoLagLobby);
    return d->presence;
}

QFuture<QVariantMap> NoLagLobby::subscribe()
{
    Q_D(NoLagLobby);
    return d->client->d_func()->lobbyRequest(this, NoLagPendingOperation::Kind::LobbySubscribe);
}

QFuture<void> NoLagLobby::unsubscribe()
{
    Q_D(NoLagLobby);
    return d->client->d_func()->lobbyUnsubscribe(this);
}

QFuture<QVariantMap> NoLagLobby::fetchPresence()
{
    Q_D(NoLagLobby);
    return d->client->d_func()->lobbyRequest(this, NoLagPendingOperation::Kind::LobbyFetch);
}
