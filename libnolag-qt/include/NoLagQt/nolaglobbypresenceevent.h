// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagtypes.h>

#include <QtCore/QString>
#include <QtCore/QVariant>

/*!
    A join, update or leave in one room of a lobby: `LobbyPresenceEvent` of the Python SDK.

    lobbyId() is what the server sent, which is the lobby's internal id and not necessarily
    the name the client subscribed with (wire protocol §14); NoLagLobby matches events to
    lobbies by their rooms as well.
*/
class NOLAGQT_EXPORT NoLagLobbyPresenceEvent
{
    Q_GADGET
    Q_PROPERTY(NoLag::PresenceEvent event READ event CONSTANT FINAL)
    Q_PROPERTY(QString lobbyId READ lobbyId CONSTANT FINAL)
    Q_PROPERTY(QString roomId READ roomId CONSTANT FINAL)
    Q_PROPERTY(QString actorId READ actorId CONSTANT FINAL)
    Q_PROPERTY(QVariant data READ data CONSTANT FINAL)

public:
    NoLagLobbyPresenceEvent() = default;
    NoLagLobbyPresenceEvent(NoLag::PresenceEvent event, const QString &lobbyId,
                            const QString &roomId, const QString &actorId, const QVariant &data)
        : m_event(event)
        , m_lobbyId(lobbyId)
        , m_roomId(roomId)
        , m_actorId(actorId)
        , m_data(data)
    { }

    NoLag::PresenceEvent event() const { return m_event; }
    QString lobbyId() const { return m_lobbyId; }
    /*! The room's slug (the name used in topics). */
    QString roomId() const { return m_roomId; }
    QString actorId() const { return m_actorId; }
    /*! The actor's presence data; an empty map for a leave. */
    QVariant data() const { return m_data; }

private:
    NoLag::PresenceEvent m_event = NoLag::PresenceEvent::Update;
    QString m_lobbyId;
    QString m_roomId;
    QString m_actorId;
    QVariant m_data;
};
