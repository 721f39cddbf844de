// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagclient.h>

#include <QtCore/QPointer>
#include <QtCore/QString>

class NoLagRoomContext;

/*!
    The first step of the fluent form, `client.setApp("chat")`: an app of the project, from
    which rooms are chosen with setRoom(). A small value; copy it freely.
*/
class NOLAGQT_EXPORT NoLagAppContext
{
public:
    NoLagAppContext() = default;
    NoLagAppContext(NoLagClient *client, const QString &name)
        : m_client(client)
        , m_name(name)
    { }

    NoLagClient *client() const { return m_client; }
    QString name() const { return m_name; }

    /*! The room \a room (its slug) of this app. */
    NoLagRoomContext setRoom(const QString &room) const;

private:
    QPointer<NoLagClient> m_client;
    QString m_name;
};
