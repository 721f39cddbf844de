// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "presencemodels.h"

#include "common/payloadformat.h"

#include <nolagcodec/variantcodec.h>

using namespace Qt::StringLiterals;

namespace {

QString joinedText(qint64 unixSeconds)
{
    return unixSeconds > 0 ? QDateTime::fromSecsSinceEpoch(unixSeconds).toString(u"HH:mm:ss"_s)
                           : QString();
}

QString actorTypeText(NoLag::ActorType type)
{
    switch (type) {
    case NoLag::ActorType::Unknown:
        return QString();
    case NoLag::ActorType::Device:
        return u"device"_s;
    case NoLag::ActorType::User:
        return u"user"_s;
    case NoLag::ActorType::Server:
        return u"server"_s;
    case NoLag::ActorType::Service:
        return u"service"_s;
    case NoLag::ActorType::Session:
        return u"session"_s;
    case NoLag::ActorType::Agent:
        return u"agent"_s;
    case NoLag::ActorType::Orchestrator:
        return u"orchestrator"_s;
    case NoLag::ActorType::Observer:
        return u"observer"_s;
    }
    return QString();
}

} // namespace

QString presenceText(const QVariant &data)
{
    if (!data.isValid() || data.isNull()) {
        return u"null"_s;
    }
    bool ok = false;
    const QByteArray packed = NoLag::Codec::encodeVariant(data, &ok);
    return ok ? PayloadFormat::toJson(packed, PayloadFormat::Style::Compact, 500) : data.toString();
}

// --- roster -----------------------------------------------------------------------------------

PresenceRosterModel::PresenceRosterModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int PresenceRosterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_actors.size());
}

QVariant PresenceRosterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const NoLagActorPresence &actor = m_actors.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case ActorIdRole:
        return actor.actorTokenId();
    case ActorTypeRole:
        return actorTypeText(actor.actorType());
    case PresenceRole:
        return presenceText(actor.presence());
    case JoinedAtRole:
        return joinedText(actor.joinedAt());
    case StatusRole:
        return actor.status().isEmpty() ? u"online"_s : actor.status();
    case IsSelfRole:
        return !m_selfId.isEmpty() && actor.actorTokenId() == m_selfId;
    default:
        return {};
    }
}

QHash<int, QByteArray> PresenceRosterModel::roleNames() const
{
    return {{ActorIdRole, "actorId"},   {ActorTypeRole, "actorType"}, {PresenceRole, "presence"},
            {JoinedAtRole, "joinedAt"}, {StatusRole, "status"},       {IsSelfRole, "isSelf"}};
}

void PresenceRosterModel::setSelfId(const QString &actorId)
{
    if (m_selfId == actorId) {
        return;
    }
    m_selfId = actorId;
    if (!m_actors.isEmpty()) {
        Q_EMIT dataChanged(index(0), index(int(m_actors.size()) - 1), {IsSelfRole});
    }
}

namespace {

// What a newer presence of the same actor says, with what only the older one knew kept:
// events often omit the join time, the actor type and the status.
NoLagActorPresence merged(const NoLagActorPresence &older, const NoLagActorPresence &newer)
{
    NoLagActorPresence result = newer;
    if (result.joinedAt() == 0) {
        result.setJoinedAt(older.joinedAt());
    }
    if (result.actorType() == NoLag::ActorType::Unknown) {
        result.setActorType(older.actorType());
    }
    if (result.status().isEmpty()) {
        result.setStatus(older.status());
    }
    return result;
}

} // namespace

void PresenceRosterModel::reset(const QList<NoLagActorPresence> &actors)
{
    beginResetModel();
    m_actors.clear();
    for (const NoLagActorPresence &actor : actors) {
        // One row per actor: several connections of one actor show once.
        bool known = false;
        for (NoLagActorPresence &existing : m_actors) {
            if (existing.actorTokenId() == actor.actorTokenId()) {
                const qint64 firstJoin = existing.joinedAt();
                existing = merged(existing, actor);
                if (firstJoin != 0 && firstJoin < existing.joinedAt()) {
                    existing.setJoinedAt(firstJoin); // the earliest connection's join time
                }
                known = true;
            }
        }
        if (!known) {
            m_actors.append(actor);
        }
    }
    endResetModel();
    Q_EMIT countChanged();
}

int PresenceRosterModel::rowOf(const QString &actorId) const
{
    for (int row = 0; row < m_actors.size(); ++row) {
        if (m_actors.at(row).actorTokenId() == actorId) {
            return row;
        }
    }
    return -1;
}

void PresenceRosterModel::upsert(const NoLagActorPresence &actor)
{
    const int row = rowOf(actor.actorTokenId());
    if (row < 0) {
        NoLagActorPresence added = actor;
        if (added.joinedAt() == 0) {
            added.setJoinedAt(QDateTime::currentSecsSinceEpoch()); // seen joining just now
        }
        beginInsertRows(QModelIndex(), int(m_actors.size()), int(m_actors.size()));
        m_actors.append(added);
        endInsertRows();
        Q_EMIT countChanged();
        return;
    }
    m_actors[row] = merged(m_actors.at(row), actor);
    Q_EMIT dataChanged(index(row), index(row));
}

void PresenceRosterModel::remove(const QString &actorId)
{
    const int row = rowOf(actorId);
    if (row < 0) {
        return;
    }
    beginRemoveRows(QModelIndex(), row, row);
    m_actors.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
}

// --- timeline ---------------------------------------------------------------------------------

PresenceTimelineModel::PresenceTimelineModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int PresenceTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

QVariant PresenceTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Event &event = m_events.at(index.row());
    switch (role) {
    case TimeRole:
        return event.time.toString(u"HH:mm:ss.zzz"_s);
    case EventRole:
        switch (event.event) {
        case NoLag::PresenceEvent::Join:
            return u"join"_s;
        case NoLag::PresenceEvent::Leave:
            return u"leave"_s;
        case NoLag::PresenceEvent::Update:
            return u"update"_s;
        case NoLag::PresenceEvent::Waking:
            return u"waking"_s;
        }
        return {};
    case RoomRole:
        return event.room;
    case Qt::DisplayRole:
    case ActorIdRole:
        return event.actorId;
    case DataRole:
        return event.data;
    case SourceRole:
        return event.source;
    default:
        return {};
    }
}

QHash<int, QByteArray> PresenceTimelineModel::roleNames() const
{
    return {{TimeRole, "time"},       {EventRole, "event"},  {RoomRole, "room"},
            {ActorIdRole, "actorId"}, {DataRole, "details"}, {SourceRole, "source"}};
}

void PresenceTimelineModel::append(NoLag::PresenceEvent event, const QString &room,
                                   const QString &actorId, const QVariant &data,
                                   const QString &source)
{
    if (m_events.size() >= MaxEvents) {
        const int drop = MaxEvents / 10; // in steps, so views are not told once per event
        beginRemoveRows(QModelIndex(), 0, drop - 1);
        m_events.remove(0, drop);
        m_dropped += drop;
        endRemoveRows();
    }
    beginInsertRows(QModelIndex(), int(m_events.size()), int(m_events.size()));
    m_events.append(Event{QDateTime::currentDateTime(), event, room, actorId,
                          event == NoLag::PresenceEvent::Leave ? QString() : presenceText(data),
                          source});
    endInsertRows();
    Q_EMIT countChanged();
}

void PresenceTimelineModel::clear()
{
    beginResetModel();
    m_events.clear();
    endResetModel();
    Q_EMIT countChanged();
}

// --- lobby ------------------------------------------------------------------------------------

LobbyPresenceModel::LobbyPresenceModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int LobbyPresenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant LobbyPresenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case RoomRole:
        return row.room;
    case Qt::DisplayRole:
    case ActorIdRole:
        return row.actorId;
    case PresenceRole:
        return row.presence;
    case JoinedAtRole:
        return joinedText(row.joinedAt);
    default:
        return {};
    }
}

QHash<int, QByteArray> LobbyPresenceModel::roleNames() const
{
    return {{RoomRole, "room"},
            {ActorIdRole, "actorId"},
            {PresenceRole, "presence"},
            {JoinedAtRole, "joinedAt"}};
}

void LobbyPresenceModel::setSnapshot(const QVariantMap &presence)
{
    beginResetModel();
    m_rows.clear();
    m_rooms = presence.keys();
    for (auto room = presence.cbegin(); room != presence.cend(); ++room) {
        const QVariantMap actors = room.value().toMap();
        for (auto actor = actors.cbegin(); actor != actors.cend(); ++actor) {
            const QVariantMap entry = actor.value().toMap();
            m_rows.append(Row{room.key(), actor.key(), presenceText(entry.value(u"presence"_s)),
                              entry.value(u"joinedAt"_s).toLongLong()});
        }
    }
    endResetModel();
    Q_EMIT countChanged();
}
