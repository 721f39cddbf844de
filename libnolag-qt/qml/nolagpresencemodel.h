// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "nolagqmlclient.h"

#include <NoLagQt/nolagactorpresence.h>

#include <QtCore/QAbstractListModel>
#include <QtCore/QPointer>
#include <QtQml/qqmlregistration.h>

/*!
    Who is present in the client's presence room, in the order they joined:
    `NoLagPresenceModel` in `import NoLag`.

    It mirrors the client's presence cache, which presence events keep current. The server
    sends presence events only to members of a room, so the roster fills once the client has
    set its own presence with NoLagClient.setPresence(). Roles: `actorTokenId`, `presence`,
    `joinedAt` (Unix seconds, 0 when unknown), `status` and `actorType`.
*/
class NoLagPresenceModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(NoLagQmlClient *client READ client WRITE setClient NOTIFY clientChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)

public:
    enum Role {
        ActorTokenIdRole = Qt::UserRole + 1,
        PresenceRole,
        JoinedAtRole,
        StatusRole,
        ActorTypeRole,
    };
    Q_ENUM(Role)

    explicit NoLagPresenceModel(QObject *parent = nullptr);
    ~NoLagPresenceModel() override;

    NoLagQmlClient *client() const { return m_client; }
    void setClient(NoLagQmlClient *client);
    int count() const { return int(m_actors.size()); }

    /*! The actor in \a row. */
    Q_INVOKABLE NoLagActorPresence get(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void clientChanged();
    void countChanged();

private:
    void reset();
    void upsert(const NoLagActorPresence &actor);
    void remove(const NoLagActorPresence &actor);
    qsizetype indexOf(const QString &actorTokenId) const;

    QPointer<NoLagQmlClient> m_client;
    QList<NoLagActorPresence> m_actors;
    QList<QMetaObject::Connection> m_connections;
};
