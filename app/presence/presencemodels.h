// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagactorpresence.h>

#include <QtCore/QAbstractListModel>
#include <QtCore/QDateTime>
#include <QtQml/qqmlregistration.h>

/*! Compact JSON of presence data, as the presence views show it. */
QString presenceText(const QVariant &data);

/*!
    Who is present in one room: actor, type, presence data, join time and status. Rows are
    keyed by actor id; an actor with two connections in the room is one row.
*/
class PresenceRosterModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Each connection's presence view owns its roster")
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)

public:
    enum Role {
        ActorIdRole = Qt::UserRole + 1,
        ActorTypeRole,
        PresenceRole, //!< compact JSON
        JoinedAtRole, //!< "HH:mm:ss", or empty when the server did not say
        StatusRole,
        IsSelfRole,
    };
    Q_ENUM(Role)

    explicit PresenceRosterModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_actors.size()); }

    void setSelfId(const QString &actorId);
    /*! Replaces every row (a presence list). */
    void reset(const QList<NoLagActorPresence> &actors);
    /*! Adds the actor or updates its row; keeps the join time it had if the event has none. */
    void upsert(const NoLagActorPresence &actor);
    void remove(const QString &actorId);
    int rowOf(const QString &actorId) const;
    NoLagActorPresence actor(int row) const { return m_actors.at(row); }

Q_SIGNALS:
    void countChanged();

private:
    QList<NoLagActorPresence> m_actors;
    QString m_selfId;
};

/*!
    Presence events as they happened (join, update, leave, waking), newest last, from the
    room this connection is present in and from subscribed lobbies. Holds at most MaxEvents;
    older ones are dropped and counted in droppedCount.
*/
class PresenceTimelineModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Each connection's presence view owns its timeline")
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)
    Q_PROPERTY(qint64 droppedCount READ droppedCount NOTIFY countChanged FINAL)

public:
    enum Role {
        TimeRole = Qt::UserRole + 1,
        EventRole, //!< "join", "update", "leave" or "waking"
        RoomRole,
        ActorIdRole,
        DataRole, //!< compact JSON
        SourceRole, //!< "room" or the lobby's id
    };
    Q_ENUM(Role)

    static constexpr int MaxEvents = 5000;

    explicit PresenceTimelineModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_events.size()); }
    qint64 droppedCount() const { return m_dropped; }

    void append(NoLag::PresenceEvent event, const QString &room, const QString &actorId,
                const QVariant &data, const QString &source);
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void countChanged();

private:
    struct Event
    {
        QDateTime time;
        NoLag::PresenceEvent event;
        QString room;
        QString actorId;
        QString data;
        QString source;
    };
    QList<Event> m_events;
    qint64 m_dropped = 0;
};

/*!
    A lobby's presence: one row per actor per room, from the lobby's snapshot and kept current
    by its events.
*/
class LobbyPresenceModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Each connection's presence view owns its lobby model")
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)
    Q_PROPERTY(int roomCount READ roomCount NOTIFY countChanged FINAL)

public:
    enum Role {
        RoomRole = Qt::UserRole + 1,
        ActorIdRole,
        PresenceRole,
        JoinedAtRole,
    };
    Q_ENUM(Role)

    explicit LobbyPresenceModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_rows.size()); }
    int roomCount() const { return int(m_rooms.size()); }

    /*! Room slug -> (actor id -> entry {actorTokenId, presence, joinedAt}), as NoLagLobby gives. */
    void setSnapshot(const QVariantMap &presence);

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        QString room;
        QString actorId;
        QString presence;
        qint64 joinedAt = 0;
    };
    QList<Row> m_rows;
    QStringList m_rooms;
};
