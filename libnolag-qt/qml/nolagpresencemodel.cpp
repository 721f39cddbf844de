// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "nolagpresencemodel.h"

NoLagPresenceModel::NoLagPresenceModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

NoLagPresenceModel::~NoLagPresenceModel() = default;

void NoLagPresenceModel::setClient(NoLagQmlClient *client)
{
    if (m_client == client) {
        return;
    }
    for (const QMetaObject::Connection &connection : std::as_const(m_connections)) {
        disconnect(connection);
    }
    m_connections.clear();
    m_client = client;

    if (client) {
        NoLagClient *c = client->client();
        m_connections << connect(c, &NoLagClient::presenceJoined, this, &NoLagPresenceModel::upsert)
                      << connect(c, &NoLagClient::presenceUpdated, this,
                                 &NoLagPresenceModel::upsert)
                      << connect(c, &NoLagClient::presenceWaking, this, &NoLagPresenceModel::upsert)
                      << connect(c, &NoLagClient::presenceLeft, this, &NoLagPresenceModel::remove)
                      << connect(c, &NoLagClient::presenceRefreshed, this,
                                 &NoLagPresenceModel::reset);
    }
    reset();
    Q_EMIT clientChanged();
}

void NoLagPresenceModel::reset()
{
    beginResetModel();
    m_actors = m_client ? m_client->client()->allPresence() : QList<NoLagActorPresence>();
    endResetModel();
    Q_EMIT countChanged();
}

qsizetype NoLagPresenceModel::indexOf(const QString &actorTokenId) const
{
    for (qsizetype i = 0; i < m_actors.size(); ++i) {
        if (m_actors.at(i).actorTokenId() == actorTokenId) {
            return i;
        }
    }
    return -1;
}

void NoLagPresenceModel::upsert(const NoLagActorPresence &actor)
{
    const qsizetype row = indexOf(actor.actorTokenId());
    if (row >= 0) {
        m_actors[row] = actor;
        const QModelIndex changed = index(int(row));
        Q_EMIT dataChanged(changed, changed);
        return;
    }
    const int end = int(m_actors.size());
    beginInsertRows(QModelIndex(), end, end);
    m_actors.append(actor);
    endInsertRows();
    Q_EMIT countChanged();
}

void NoLagPresenceModel::remove(const NoLagActorPresence &actor)
{
    const qsizetype row = indexOf(actor.actorTokenId());
    if (row < 0) {
        return;
    }
    beginRemoveRows(QModelIndex(), int(row), int(row));
    m_actors.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
}

NoLagActorPresence NoLagPresenceModel::get(int row) const
{
    return row >= 0 && row < m_actors.size() ? m_actors.at(row) : NoLagActorPresence();
}

int NoLagPresenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_actors.size());
}

QVariant NoLagPresenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const NoLagActorPresence &actor = m_actors.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case ActorTokenIdRole:
        return actor.actorTokenId();
    case PresenceRole:
        return actor.presence();
    case JoinedAtRole:
        return actor.joinedAt();
    case StatusRole:
        return actor.status();
    case ActorTypeRole:
        return QVariant::fromValue(actor.actorType());
    default:
        return {};
    }
}

QHash<int, QByteArray> NoLagPresenceModel::roleNames() const
{
    return {{ActorTokenIdRole, "actorTokenId"},
            {PresenceRole, "presence"},
            {JoinedAtRole, "joinedAt"},
            {StatusRole, "status"},
            {ActorTypeRole, "actorType"}};
}
