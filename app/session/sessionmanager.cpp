// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "sessionmanager.h"

#include "session.h"
#include "traffic/memorybudget.h"

#include <QtCore/QSettings>

SessionManager::SessionManager(MemoryBudget *budget, QSettings *settings, QObject *parent)
    : QAbstractListModel(parent)
    , m_budget(budget)
    , m_settings(settings)
{ }

SessionManager::~SessionManager() = default;

int SessionManager::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant SessionManager::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    Session *session = m_sessions[size_t(index.row())].get();
    switch (role) {
    case SessionRole:
        return QVariant::fromValue(session);
    case Qt::DisplayRole:
    case NameRole:
        return session->name();
    case StateRole:
        return int(session->state());
    case StatusTextRole:
        return session->statusText();
    default:
        return {};
    }
}

QHash<int, QByteArray> SessionManager::roleNames() const
{
    return {{SessionRole, "session"},
            {NameRole, "name"},
            {StateRole, "state"},
            {StatusTextRole, "statusText"}};
}

void SessionManager::setCurrentIndex(int index)
{
    index = std::clamp(index, -1, count() - 1);
    if (m_current == index) {
        return;
    }
    m_current = index;
    Q_EMIT currentIndexChanged();
}

Session *SessionManager::current() const
{
    return at(m_current);
}

Session *SessionManager::at(int index) const
{
    return index >= 0 && index < count() ? m_sessions[size_t(index)].get() : nullptr;
}

Session *SessionManager::open(const ConnectionProfile &profile)
{
    auto session = std::make_unique<Session>(profile, m_budget, m_settings);
    Session *raw = session.get();
    connect(raw, &Session::statusChanged, this, [this, raw] {
        for (int row = 0; row < count(); ++row) {
            if (m_sessions[size_t(row)].get() == raw) {
                Q_EMIT dataChanged(index(row), index(row), {StateRole, StatusTextRole});
            }
        }
    });

    beginInsertRows(QModelIndex(), count(), count());
    m_sessions.push_back(std::move(session));
    endInsertRows();
    Q_EMIT countChanged();
    setCurrentIndex(count() - 1);
    raw->connectToServer();
    return raw;
}

void SessionManager::close(int index)
{
    if (index < 0 || index >= count()) {
        return;
    }
    const bool wasCurrent = index == m_current;
    beginRemoveRows(QModelIndex(), index, index);
    std::unique_ptr<Session> closed = std::move(m_sessions[size_t(index)]);
    m_sessions.erase(m_sessions.begin() + index);
    endRemoveRows();
    if (index < m_current || (wasCurrent && m_current >= count())) {
        --m_current;
        Q_EMIT currentIndexChanged();
    } else if (wasCurrent) {
        Q_EMIT currentIndexChanged();
    }
    Q_EMIT countChanged();
    // Later, so that views being torn down in this turn still find their models.
    closed->disconnectFromServer();
    closed.release()->deleteLater();
}
