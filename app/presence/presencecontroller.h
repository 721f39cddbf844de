// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "presencemodels.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtQml/qqmlregistration.h>

class NoLagClient;
class NoLagLobby;

/*!
    The presence view of one connection.

    The server sends presence events only to connections present in the room (wire protocol
    §13.3). So the roster of the room this connection is present in is live, kept by the
    client's presence cache and its events; the roster of any other room is asked for with
    getPresence when chosen and again every refreshInterval. A watched lobby adds live events
    of its rooms without being present in them. Every event lands in the timeline.
*/
class PresenceController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Each connection's session owns its presence view")
    Q_PROPERTY(PresenceRosterModel *roster READ roster CONSTANT FINAL)
    Q_PROPERTY(PresenceTimelineModel *timeline READ timeline CONSTANT FINAL)
    Q_PROPERTY(LobbyPresenceModel *lobby READ lobby CONSTANT FINAL)
    Q_PROPERTY(QString room READ room WRITE setRoom NOTIFY roomChanged FINAL)
    Q_PROPERTY(QString ownRoom READ ownRoom NOTIFY ownRoomChanged FINAL)
    Q_PROPERTY(bool live READ isLive NOTIFY roomChanged FINAL)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY loadingChanged FINAL)
    Q_PROPERTY(QString lobbyId READ lobbyId NOTIFY lobbyChanged FINAL)
    Q_PROPERTY(bool lobbyWatched READ isLobbyWatched NOTIFY lobbyChanged FINAL)
    Q_PROPERTY(QString lobbyError READ lobbyError NOTIFY lobbyChanged FINAL)
    Q_PROPERTY(int refreshInterval READ refreshInterval WRITE setRefreshInterval NOTIFY
                   refreshIntervalChanged FINAL)

public:
    explicit PresenceController(NoLagClient *client, QObject *parent = nullptr);

    PresenceRosterModel *roster() { return &m_roster; }
    PresenceTimelineModel *timeline() { return &m_timeline; }
    LobbyPresenceModel *lobby() { return &m_lobbyModel; }

    QString room() const { return m_room; }
    void setRoom(const QString &room);
    QString ownRoom() const;
    bool isLive() const;
    bool isLoading() const { return m_loading; }
    QString errorString() const { return m_errorString; }
    QString lobbyId() const { return m_lobbyId; }
    bool isLobbyWatched() const { return m_lobbyWatched; }
    QString lobbyError() const { return m_lobbyError; }
    int refreshInterval() const { return m_refreshTimer.interval(); }
    void setRefreshInterval(int milliseconds);

    /*!
        Sets this connection's presence in \a room to the JSON object \a json; returns an
        empty string, or why it was not sent.
    */
    Q_INVOKABLE QString setOwnPresence(const QString &room, const QString &json);
    Q_INVOKABLE void clearOwnPresence();
    /*! Asks the server for the roster of room() now. */
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void watchLobby(const QString &lobbyId);
    Q_INVOKABLE void unwatchLobby();

Q_SIGNALS:
    void roomChanged();
    void ownRoomChanged();
    void loadingChanged();
    void lobbyChanged();
    void refreshIntervalChanged();

private:
    void onEvent(NoLag::PresenceEvent event, const NoLagActorPresence &actor);
    void setLoading(bool loading, const QString &errorString = QString());
    void recordRosterChanges(const QList<NoLagActorPresence> &before);
    void setLobbyState(bool watched, const QString &error);

    QPointer<NoLagClient> m_client;
    PresenceRosterModel m_roster;
    PresenceTimelineModel m_timeline;
    LobbyPresenceModel m_lobbyModel;
    QString m_room;
    bool m_loading = false;
    QString m_errorString;
    int m_fetchGeneration = 0;
    QString m_fetchedRoom; // the room of the roster's rows, once a fetch filled it
    QTimer m_refreshTimer;
    QPointer<NoLagLobby> m_lobby;
    QString m_lobbyId;
    bool m_lobbyWatched = false;
    QString m_lobbyError;
};
