// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "browsecontroller.h"

#include "subscriptions/subscriptionlistmodel.h"

using namespace Qt::StringLiterals;

RoomTopicsModel::RoomTopicsModel(SubscriptionListModel *subscriptions, QObject *parent)
    : QAbstractListModel(parent)
    , m_subscriptions(subscriptions)
{
    const auto refresh = [this] {
        if (!m_names.isEmpty()) {
            Q_EMIT dataChanged(index(0), index(int(m_names.size()) - 1), {SubscribedRole});
        }
    };
    connect(subscriptions, &SubscriptionListModel::countChanged, this, refresh);
}

int RoomTopicsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_names.size());
}

QString RoomTopicsModel::topicAt(int row) const
{
    return row >= 0 && row < m_names.size() ? m_prefix + m_names.at(row) : QString();
}

QVariant RoomTopicsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return m_names.at(index.row());
    case TopicRole:
        return topicAt(index.row());
    case SubscribedRole:
        return m_subscriptions && m_subscriptions->contains(topicAt(index.row()));
    default:
        return {};
    }
}

QHash<int, QByteArray> RoomTopicsModel::roleNames() const
{
    return {{NameRole, "name"}, {TopicRole, "topic"}, {SubscribedRole, "subscribed"}};
}

void RoomTopicsModel::setTopics(const QString &prefix, const QStringList &names)
{
    beginResetModel();
    m_prefix = prefix;
    m_names = names;
    endResetModel();
    Q_EMIT countChanged();
}

BrowseController::BrowseController(NoLagApi *api, SubscriptionListModel *subscriptions,
                                   QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_subscriptions(subscriptions)
    , m_topics(subscriptions)
{
    if (isAvailable()) {
        m_apps.setApi(api);
        m_rooms.setApi(api);
    }
    connect(&m_apps, &NoLagApiListModel::loaded, this, [this] {
        // Keep the chosen app across reloads; pick the first one otherwise.
        const int row = m_appSlug.isEmpty() ? -1 : [this] {
            for (int i = 0; i < m_apps.count(); ++i) {
                if (m_apps.app(i).slug() == m_appSlug) {
                    return i;
                }
            }
            return -1;
        }();
        selectApp(row >= 0 ? row : (m_apps.count() > 0 ? 0 : -1));
    });
    connect(&m_rooms, &NoLagApiListModel::loaded, this, [this] {
        int row = -1;
        for (int i = 0; i < m_rooms.count(); ++i) {
            if (m_rooms.room(i).slug() == m_roomSlug) {
                row = i;
            }
        }
        selectRoom(row >= 0 ? row : (m_rooms.count() > 0 ? 0 : -1));
    });
}

bool BrowseController::isAvailable() const
{
    return m_api && !m_api->apiKey().isEmpty();
}

void BrowseController::selectApp(int row)
{
    if (row < 0 || row >= m_apps.count()) {
        m_appRow = -1;
        m_appSlug.clear();
        m_topics.setTopics(QString(), {});
        Q_EMIT selectionChanged();
        return;
    }
    const NoLagApp app = m_apps.app(row);
    const bool changed = app.slug() != m_appSlug;
    m_appRow = row;
    m_appSlug = app.slug();
    if (changed) {
        m_roomRow = -1;
        m_roomSlug.clear();
        m_topics.setTopics(QString(), {});
    }
    m_rooms.setAppId(app.appId());
    Q_EMIT selectionChanged();
}

void BrowseController::selectRoom(int row)
{
    if (row < 0 || row >= m_rooms.count()) {
        m_roomRow = -1;
        m_roomSlug.clear();
    } else {
        m_roomRow = row;
        m_roomSlug = m_rooms.room(row).slug();
    }
    updateTopics();
    Q_EMIT selectionChanged();
}

void BrowseController::updateTopics()
{
    if (m_roomRow < 0 || m_appRow < 0) {
        m_topics.setTopics(QString(), {});
        return;
    }
    // A room without its own list uses the app's topics (REST API: null = the app's topics).
    QStringList names = m_rooms.room(m_roomRow).topics();
    if (names.isEmpty()) {
        names = m_apps.app(m_appRow).topics();
    }
    m_topics.setTopics(m_appSlug + u'/' + m_roomSlug + u'/', names);
}

QString BrowseController::subscribe(int row)
{
    const QString topic = m_topics.topicAt(row);
    if (topic.isEmpty() || !m_subscriptions) {
        return tr("Choose a topic first.");
    }
    return m_subscriptions->subscribe(topic);
}

QString BrowseController::subscribeAll()
{
    for (int row = 0; row < m_topics.count(); ++row) {
        const QString error = subscribe(row);
        if (!error.isEmpty()) {
            return error;
        }
    }
    return QString();
}

void BrowseController::reload()
{
    m_apps.reload();
    if (!m_rooms.appId().isEmpty()) {
        m_rooms.reload();
    }
}
