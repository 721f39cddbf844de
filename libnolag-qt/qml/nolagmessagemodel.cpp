// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "nolagmessagemodel.h"

#include <NoLagQt/nolagsubscription.h>

using namespace Qt::StringLiterals;

NoLagMessageModel::NoLagMessageModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

NoLagMessageModel::~NoLagMessageModel() = default;

void NoLagMessageModel::componentComplete()
{
    m_complete = true;
    rewire();
}

void NoLagMessageModel::setClient(NoLagQmlClient *client)
{
    if (m_client == client) {
        return;
    }
    m_client = client;
    rewire();
    Q_EMIT clientChanged();
}

void NoLagMessageModel::setTopic(const QString &topic)
{
    if (m_topic == topic) {
        return;
    }
    // Leave the old topic only if this model subscribed to it.
    if (m_subscription && m_subscription->client()->isConnected()) {
        m_subscription->unsubscribe();
    }
    m_topic = topic;
    rewire();
    Q_EMIT topicChanged();
}

void NoLagMessageModel::setFilters(const QVariantList &filters)
{
    const QVariantList wire = NoLagQmlClient::toWireValue(filters).toList();
    if (m_filters == wire) {
        return;
    }
    m_filters = wire;
    if (m_subscription && m_subscription->state() == NoLagSubscription::Active) {
        m_subscription->setFilters(m_filters);
    }
    Q_EMIT filtersChanged();
}

void NoLagMessageModel::setLimit(int limit)
{
    limit = std::max(limit, 1);
    if (m_limit == limit) {
        return;
    }
    m_limit = limit;
    trim();
    Q_EMIT limitChanged();
}

void NoLagMessageModel::rewire()
{
    if (!m_complete) {
        return;
    }
    for (const QMetaObject::Connection &connection : std::as_const(m_connections)) {
        disconnect(connection);
    }
    m_connections.clear();
    m_subscription = nullptr;

    if (m_client) {
        NoLagClient *client = m_client->client();
        if (m_topic.isEmpty()) {
            m_connections << connect(client, &NoLagClient::messageReceived, this,
                                     &NoLagMessageModel::append);
        } else {
            m_connections << connect(client, &NoLagClient::connected, this,
                                     &NoLagMessageModel::subscribeIfNeeded);
            subscribeIfNeeded();
        }
    }
    Q_EMIT subscriptionChanged();
}

void NoLagMessageModel::subscribeIfNeeded()
{
    if (!m_client || m_topic.isEmpty() || !m_client->client()->isConnected()) {
        return;
    }
    // A subscription the client keeps across reconnects needs no help; one that was refused
    // or never made gets a new request.
    NoLagClient *client = m_client->client();
    NoLagSubscription *existing = client->subscription(m_topic);
    if (existing && existing == m_subscription &&
        (existing->state() == NoLagSubscription::Active ||
         existing->state() == NoLagSubscription::Pending)) {
        return;
    }
    NoLagSubscribeOptions options(m_filters);
    options.setQos(client->options().qos());
    NoLagSubscription *subscription = client->subscribe(m_topic, options);
    if (subscription != m_subscription) {
        m_subscription = subscription;
        m_connections << connect(subscription, &NoLagSubscription::messageReceived, this,
                                 &NoLagMessageModel::append);
        Q_EMIT subscriptionChanged();
    }
}

void NoLagMessageModel::append(const NoLagMessage &message)
{
    const int row = int(m_rows.size());
    beginInsertRows(QModelIndex(), row, row);
    m_rows.append({message, QDateTime::currentDateTime()});
    endInsertRows();
    trim();
    Q_EMIT countChanged();
}

void NoLagMessageModel::trim()
{
    const int excess = int(m_rows.size()) - m_limit;
    if (excess <= 0) {
        return;
    }
    beginRemoveRows(QModelIndex(), 0, excess - 1);
    m_rows.remove(0, excess);
    endRemoveRows();
    Q_EMIT countChanged();
}

NoLagMessage NoLagMessageModel::get(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).message : NoLagMessage();
}

void NoLagMessageModel::clear()
{
    if (m_rows.isEmpty()) {
        return;
    }
    beginResetModel();
    m_rows.clear();
    endResetModel();
    Q_EMIT countChanged();
}

int NoLagMessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant NoLagMessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case TopicRole:
        return row.message.topic();
    case Qt::DisplayRole:
    case PayloadRole:
        return row.message.data();
    case MsgIdRole:
        return row.message.msgId();
    case FilterRole:
        return row.message.filter();
    case IsReplayRole:
        return row.message.isReplay();
    case SenderRole:
        return row.message.meta().sender();
    case ReceivedAtRole:
        return row.receivedAt;
    case MessageRole:
        return QVariant::fromValue(row.message);
    default:
        return {};
    }
}

QHash<int, QByteArray> NoLagMessageModel::roleNames() const
{
    return {{TopicRole, "topic"},           {PayloadRole, "payload"},   {MsgIdRole, "msgId"},
            {FilterRole, "filter"},         {IsReplayRole, "isReplay"}, {SenderRole, "sender"},
            {ReceivedAtRole, "receivedAt"}, {MessageRole, "message"}};
}
