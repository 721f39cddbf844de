// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "presencecontroller.h"

#include "common/explorerlogging.h"
#include "publish/payloadparser.h"

#include <NoLagQt/nolagclient.h>

#include <algorithm>

using namespace Qt::StringLiterals;

PresenceController::PresenceController(NoLagClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_roster.setSelfId(client->actorId());
    connect(client, &NoLagClient::identityChanged, this,
            [this] { m_roster.setSelfId(m_client->actorId()); });

    connect(client, &NoLagClient::presenceJoined, this, [this](const NoLagActorPresence &actor) {
        onEvent(NoLag::PresenceEvent::Join, actor);
    });
    connect(client, &NoLagClient::presenceUpdated, this, [this](const NoLagActorPresence &actor) {
        onEvent(NoLag::PresenceEvent::Update, actor);
    });
    connect(client, &NoLagClient::presenceLeft, this, [this](const NoLagActorPresence &actor) {
        onEvent(NoLag::PresenceEvent::Leave, actor);
    });
    connect(client, &NoLagClient::presenceWaking, this, [this](const NoLagActorPresence &actor) {
        onEvent(NoLag::PresenceEvent::Waking, actor);
    });
    connect(client, &NoLagClient::presenceRefreshed, this, [this] {
        Q_EMIT ownRoomChanged();
        Q_EMIT roomChanged();
        if (isLive()) {
            m_roster.reset(m_client->allPresence());
        }
    });
    connect(client, &NoLagClient::connected, this, [this] {
        if (!m_room.isEmpty()) {
            refresh();
        }
    });

    m_refreshTimer.setInterval(3000);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (!isLive() && !m_room.isEmpty() && !m_loading) {
            refresh();
        }
    });
    m_refreshTimer.start();
}

QString PresenceController::ownRoom() const
{
    return m_client ? m_client->presenceRoom() : QString();
}

bool PresenceController::isLive() const
{
    return !m_room.isEmpty() && m_room == ownRoom();
}

void PresenceController::setRoom(const QString &room)
{
    if (m_room == room) {
        return;
    }
    m_room = room;
    m_fetchedRoom.clear();
    m_roster.reset({});
    Q_EMIT roomChanged();
    refresh();
}

void PresenceController::setRefreshInterval(int milliseconds)
{
    if (m_refreshTimer.interval() == milliseconds) {
        return;
    }
    m_refreshTimer.setInterval(milliseconds);
    Q_EMIT refreshIntervalChanged();
}

void PresenceController::onEvent(NoLag::PresenceEvent event, const NoLagActorPresence &actor)
{
    const QString room = ownRoom();
    m_timeline.append(event, room, actor.actorTokenId(), actor.presence(), tr("room"));
    if (!isLive()) {
        return;
    }
    if (event == NoLag::PresenceEvent::Leave) {
        m_roster.remove(actor.actorTokenId());
    } else {
        m_roster.upsert(actor);
    }
}

QString PresenceController::setOwnPresence(const QString &room, const QString &json)
{
    const QString slug = room.trimmed();
    if (slug.isEmpty()) {
        return tr("Type the room's slug (such as general): presence is per room.");
    }
    const ParsedPayload parsed =
        parsePayload(json.trimmed().isEmpty() ? u"{}"_s : json, PayloadMode::Json);
    if (!parsed.ok) {
        return parsed.errorString;
    }
    if (parsed.value.typeId() != QMetaType::QVariantMap) {
        return tr("Presence data is a JSON object, such as {\"status\": \"watching\"}.");
    }
    if (!m_client || !m_client->isConnected()) {
        return tr("Not connected: wait until the connection is up, then try again.");
    }
    m_client->setPresence(parsed.value.toMap(), slug);
    if (m_room.isEmpty()) {
        setRoom(slug);
    }
    Q_EMIT ownRoomChanged();
    Q_EMIT roomChanged();
    // The join and update events that follow fill the roster; start from the server's list.
    refresh();
    return QString();
}

void PresenceController::clearOwnPresence()
{
    if (m_client && m_client->isConnected()) {
        m_client->clearPresence();
    }
    Q_EMIT ownRoomChanged();
    Q_EMIT roomChanged();
}

void PresenceController::refresh()
{
    if (!m_client || !m_client->isConnected() || m_room.isEmpty()) {
        return;
    }
    const int generation = ++m_fetchGeneration;
    const QString room = m_room;
    setLoading(true);
    m_client->fetchPresence(room)
        .then(this,
              [this, generation, room](const QList<NoLagActorPresence> &actors) {
                  if (generation != m_fetchGeneration) {
                      return;
                  }
                  // A room this connection is not present in gets no events; what changed
                  // between two fetches goes to the timeline instead.
                  QList<NoLagActorPresence> before;
                  const bool polled = m_fetchedRoom == room && !isLive();
                  if (polled) {
                      for (int row = 0; row < m_roster.count(); ++row) {
                          before.append(m_roster.actor(row));
                      }
                  }
                  m_roster.reset(actors);
                  m_fetchedRoom = room;
                  if (polled) {
                      recordRosterChanges(before);
                  }
                  setLoading(false);
              })
        .onFailed(this, [this, generation](const NoLagError &error) {
            if (generation == m_fetchGeneration) {
                setLoading(false, error.errorString());
            }
        });
}

void PresenceController::recordRosterChanges(const QList<NoLagActorPresence> &before)
{
    const QString source = tr("room %1, seen on refresh").arg(m_fetchedRoom);
    for (int row = 0; row < m_roster.count(); ++row) {
        const NoLagActorPresence actor = m_roster.actor(row);
        const auto old = std::find_if(before.begin(), before.end(), [&actor](const auto &a) {
            return a.actorTokenId() == actor.actorTokenId();
        });
        if (old == before.end()) {
            m_timeline.append(NoLag::PresenceEvent::Join, m_fetchedRoom, actor.actorTokenId(),
                              actor.presence(), source);
        } else if (old->presence() != actor.presence()) {
            m_timeline.append(NoLag::PresenceEvent::Update, m_fetchedRoom, actor.actorTokenId(),
                              actor.presence(), source);
        }
    }
    for (const NoLagActorPresence &actor : before) {
        if (m_roster.rowOf(actor.actorTokenId()) < 0) {
            m_timeline.append(NoLag::PresenceEvent::Leave, m_fetchedRoom, actor.actorTokenId(),
                              actor.presence(), source);
        }
    }
}

void PresenceController::setLoading(bool loading, const QString &errorString)
{
    if (m_loading == loading && m_errorString == errorString) {
        return;
    }
    m_loading = loading;
    m_errorString = errorString;
    Q_EMIT loadingChanged();
}

void PresenceController::watchLobby(const QString &lobbyId)
{
    const QString id = lobbyId.trimmed();
    if (id.isEmpty()) {
        setLobbyState(false, tr("Type the lobby's id, such as demo-lobby."));
        return;
    }
    if (!m_client || !m_client->isConnected()) {
        setLobbyState(false, tr("Not connected: wait until the connection is up, then try again."));
        return;
    }
    unwatchLobby();
    m_lobbyId = id;
    m_lobby = m_client->setLobby(id);
    connect(m_lobby, &NoLagLobby::presenceChanged, this,
            [this] { m_lobbyModel.setSnapshot(m_lobby->presence()); });
    connect(m_lobby, &NoLagLobby::presenceEventReceived, this,
            [this](const NoLagLobbyPresenceEvent &event) {
                m_timeline.append(event.event(), event.roomId(), event.actorId(), event.data(),
                                  tr("lobby %1").arg(m_lobbyId));
            });
    setLobbyState(false, tr("Subscribing…"));
    m_lobby->subscribe()
        .then(this,
              [this](const QVariantMap &snapshot) {
                  m_lobbyModel.setSnapshot(snapshot);
                  setLobbyState(true, QString());
              })
        .onFailed(this, [this](const NoLagError &error) {
            qCInfo(lcExplorerPresence, "The lobby %s could not be watched", qPrintable(m_lobbyId));
            setLobbyState(false, error.errorString());
        });
}

void PresenceController::unwatchLobby()
{
    if (m_lobby) {
        m_lobby->disconnect(this);
        if (m_lobby->isSubscribed() && m_client && m_client->isConnected()) {
            m_lobby->unsubscribe();
        }
    }
    m_lobby.clear();
    m_lobbyModel.setSnapshot({});
    setLobbyState(false, QString());
}

void PresenceController::setLobbyState(bool watched, const QString &error)
{
    m_lobbyWatched = watched;
    m_lobbyError = error;
    Q_EMIT lobbyChanged();
}
