// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagclient.h>

#include <QtCore/QPointer>
#include <QtCore/QString>

/*!
    A room of an app, from `client.setApp("chat").setRoom("general")`: `Room` of the Python
    SDK. Its methods take a bare topic name (`messages`) and act on the full topic
    `app/room/name` through the client; presence is set in this room. A small value; copy it
    freely. Calls on a room whose client was destroyed do nothing and return failed futures.
*/
class NOLAGQT_EXPORT NoLagRoomContext
{
public:
    NoLagRoomContext() = default;
    NoLagRoomContext(NoLagClient *client, const QString &app, const QString &room);

    NoLagClient *client() const { return m_client; }
    QString app() const { return m_app; }
    QString name() const { return m_room; }
    /*! `app/room`: what every topic of the room starts with. */
    QString prefix() const;
    /*! The full topic of \a name: `app/room/name`. */
    QString topic(const QString &name) const;

    NoLagSubscription *subscribe(const QString &name) const;
    NoLagSubscription *subscribe(const QString &name, const NoLagSubscribeOptions &options) const;
    QFuture<void> unsubscribe(const QString &name) const;

    QFuture<void> publish(const QString &name, const QVariant &data) const;
    QFuture<void> publish(const QString &name, const QVariant &data,
                          const NoLagEmitOptions &options) const;

    template<typename Functor>
    QMetaObject::Connection on(const QString &name, const QObject *context, Functor &&handler) const
    {
        if (!m_client) {
            return {};
        }
        return m_client->on(topic(name), context, std::forward<Functor>(handler));
    }
    void off(const QString &name) const;
    bool off(const QString &name, const QMetaObject::Connection &handler) const;

    QFuture<void> setFilters(const QString &name, const QVariantList &filters) const;
    QFuture<void> addFilters(const QString &name, const QVariantList &filters) const;
    QFuture<void> removeFilters(const QString &name, const QVariantList &filters) const;

    /*! Sets this actor's presence in this room. */
    void setPresence(const QVariantMap &data) const;
    /*! Who is present in this room, asked from the server. */
    QFuture<QList<NoLagActorPresence>> fetchPresence() const;

private:
    QPointer<NoLagClient> m_client;
    QString m_app;
    QString m_room;
};
