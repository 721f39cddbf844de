// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolaglobbypresenceevent.h>

#include <QtCore/QFuture>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QVariantMap>

#include <memory>

class NoLagClient;
class NoLagLobbyPrivate;

/*!
    A lobby: a named group of rooms whose presence can be watched without being present in
    them. `Lobby` of the Python SDK; get one with NoLagClient::setLobby().

    The presence snapshot maps each room's slug to a map of actor token id to an entry
    `{actorTokenId, presence, joinedAt}`. While subscribed, the lobby keeps it current from
    the server's events. A subscribed lobby is subscribed again after a reconnect.
*/
class NOLAGQT_EXPORT NoLagLobby : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString lobbyId READ lobbyId CONSTANT FINAL)
    Q_PROPERTY(bool subscribed READ isSubscribed NOTIFY subscribedChanged FINAL)
    Q_PROPERTY(QVariantMap presence READ presence NOTIFY presenceChanged FINAL)

public:
    ~NoLagLobby() override;

    NoLagClient *client() const;
    QString lobbyId() const;
    bool isSubscribed() const;
    QVariantMap presence() const;

    /*!
        Subscribes to the lobby's presence events; the future gives the snapshot from the
        server's `lobbySubscribed` reply, or fails with Error::NotAuthorized.
    */
    QFuture<QVariantMap> subscribe();
    /*! Stops the events; finishes on the server's `lobbyUnsubscribed` reply. */
    QFuture<void> unsubscribe();
    /*! Asks the server for the current snapshot without subscribing. */
    QFuture<QVariantMap> fetchPresence();

Q_SIGNALS:
    /*! A join, update or leave in one of the lobby's rooms. */
    void presenceEventReceived(const NoLagLobbyPresenceEvent &event);
    void subscribedChanged();
    void presenceChanged();

private:
    NoLagLobby(NoLagClient *client, const QString &lobbyId);

    friend class NoLagClient;
    friend class NoLagClientPrivate;
    Q_DECLARE_PRIVATE(NoLagLobby)
    Q_DISABLE_COPY_MOVE(NoLagLobby)
    std::unique_ptr<NoLagLobbyPrivate> d_ptr;
};
