// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "subscriptionlistmodel.h"

#include "filtersyntax.h"

#include <NoLagQt/nolagclient.h>

using namespace Qt::StringLiterals;

SubscriptionListModel::SubscriptionListModel(NoLagClient *client, QObject *parent)
    : QAbstractListModel(parent)
    , m_client(client)
{ }

int SubscriptionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SubscriptionListModel::activeCount() const
{
    int active = 0;
    for (const Row &row : m_rows) {
        if (row.subscription && row.subscription->state() == NoLagSubscription::Active) {
            ++active;
        }
    }
    return active;
}

QVariant SubscriptionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const NoLagSubscription *subscription = row.subscription;

    switch (role) {
    case Qt::DisplayRole:
    case TopicRole:
        return row.topic;
    case StateRole:
        return subscription ? int(subscription->state()) : int(NoLagSubscription::Unsubscribed);
    case StateTextRole:
        switch (subscription ? subscription->state() : NoLagSubscription::Unsubscribed) {
        case NoLagSubscription::Unsubscribed:
            return tr("Not subscribed");
        case NoLagSubscription::Pending:
            return tr("Pending");
        case NoLagSubscription::Active:
            return tr("Active");
        case NoLagSubscription::Error:
            return tr("Refused");
        }
        return {};
    case ErrorStringRole:
        return subscription && subscription->state() == NoLagSubscription::Error
            ? subscription->errorString()
            : QString();
    case FiltersRole:
        return subscription ? FilterSyntax::format(subscription->filters()) : QString();
    case QosRole:
        return subscription ? int(subscription->qos()) : 1;
    case LoadBalancedRole:
        return subscription && subscription->isLoadBalanced();
    case LoadBalanceGroupRole:
        return subscription ? subscription->loadBalanceGroup() : QString();
    case LastOperationRole:
        return row.lastOperation;
    case LastOperationFailedRole:
        return row.lastOperationFailed;
    case MessageCountRole:
        return m_counter ? m_counter(row.topic) : 0;
    default:
        return {};
    }
}

QHash<int, QByteArray> SubscriptionListModel::roleNames() const
{
    return {
        {TopicRole, "topic"},
        {StateRole, "state"},
        {StateTextRole, "stateText"},
        {ErrorStringRole, "errorString"},
        {FiltersRole, "filters"},
        {QosRole, "qos"},
        {LoadBalancedRole, "loadBalanced"},
        {LoadBalanceGroupRole, "loadBalanceGroup"},
        {LastOperationRole, "lastOperation"},
        {LastOperationFailedRole, "lastOperationFailed"},
        {MessageCountRole, "messageCount"},
    };
}

void SubscriptionListModel::setMessageCounter(std::function<qint64(const QString &)> counter)
{
    m_counter = std::move(counter);
}

void SubscriptionListModel::refreshCounts()
{
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {MessageCountRole});
    }
}

QString SubscriptionListModel::notConnected() const
{
    return tr("Not connected: wait until the connection is up, then try again.");
}

QString SubscriptionListModel::subscribe(const QString &topic, const QString &filters, int qos,
                                         bool loadBalanced, const QString &loadBalanceGroup)
{
    const QString trimmed = topic.trimmed();
    if (trimmed.isEmpty()) {
        return tr("Type the topic to subscribe to, such as demo/general/messages.");
    }
    if (trimmed.contains(u'+') || trimmed.contains(u'#')) {
        return tr("NoLag subscriptions name one exact topic; + and # work only in the traffic "
                  "filter. Subscribe to each topic, then filter the traffic with a pattern.");
    }
    const FilterSyntax::Parsed parsed = FilterSyntax::parse(filters);
    if (!parsed.ok) {
        return parsed.errorString;
    }
    if (loadBalanceGroup.contains(u'/') || loadBalanceGroup.contains(u'+') ||
        loadBalanceGroup.contains(u'#')) {
        return tr("A load-balancing group name may not contain /, + or #.");
    }
    if (!m_client || !m_client->isConnected()) {
        return notConnected();
    }

    NoLagSubscribeOptions options(parsed.filters);
    options.setQos(NoLag::QoS(std::clamp(qos, 0, 2)));
    options.setLoadBalanced(loadBalanced);
    options.setLoadBalanceGroup(loadBalanceGroup.trimmed());
    NoLagSubscription *subscription = m_client->subscribe(trimmed, options);
    track(subscription);
    setOperation(trimmed, QString(), false);
    return QString();
}

void SubscriptionListModel::track(NoLagSubscription *subscription)
{
    const QString topic = subscription->topic();
    if (contains(topic)) {
        rowChanged(topic);
        return;
    }
    beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size()));
    m_rowOfTopic.insert(topic, int(m_rows.size()));
    m_rows.append(Row{subscription, topic, QString(), false});
    endInsertRows();

    connect(subscription, &NoLagSubscription::stateChanged, this,
            [this, topic](NoLagSubscription::State state) {
                rowChanged(topic);
                scheduleCountChanged();
                if (state == NoLagSubscription::Active) {
                    Q_EMIT subscriptionConfirmed(topic);
                }
            });
    connect(subscription, &NoLagSubscription::filtersChanged, this,
            [this, topic] { rowChanged(topic, {FiltersRole}); });
    connect(subscription, &NoLagSubscription::optionsChanged, this, [this, topic] {
        rowChanged(topic, {QosRole, LoadBalancedRole, LoadBalanceGroupRole});
    });
    Q_EMIT countChanged();
}

QString SubscriptionListModel::unsubscribe(const QString &topic)
{
    const int row = rowOfTopic(topic);
    if (row < 0) {
        return tr("There is no subscription to %1.").arg(topic);
    }
    if (m_client && m_client->isConnected()) {
        m_client->unsubscribe(topic);
    }
    NoLagSubscription *subscription = m_rows.at(row).subscription;
    if (subscription) {
        subscription->disconnect(this);
    }
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.removeAt(row);
    m_rowOfTopic.clear();
    for (int i = 0; i < m_rows.size(); ++i) {
        m_rowOfTopic.insert(m_rows.at(i).topic, i);
    }
    endRemoveRows();
    Q_EMIT countChanged();
    return QString();
}

QString SubscriptionListModel::setFilters(const QString &topic, const QString &filters)
{
    return changeFilters(topic, filters, FilterChange::Set);
}

QString SubscriptionListModel::addFilters(const QString &topic, const QString &filters)
{
    return changeFilters(topic, filters, FilterChange::Add);
}

QString SubscriptionListModel::removeFilters(const QString &topic, const QString &filters)
{
    return changeFilters(topic, filters, FilterChange::Remove);
}

QString SubscriptionListModel::changeFilters(const QString &topic, const QString &text,
                                             FilterChange change)
{
    const int row = rowOfTopic(topic);
    if (row < 0 || !m_rows.at(row).subscription) {
        return tr("There is no subscription to %1.").arg(topic);
    }
    const FilterSyntax::Parsed parsed = FilterSyntax::parse(text);
    if (!parsed.ok) {
        return parsed.errorString;
    }
    if (change != FilterChange::Set && parsed.filters.isEmpty()) {
        return tr("Type the filters to add or remove.");
    }
    if (!m_client || !m_client->isConnected()) {
        return notConnected();
    }

    NoLagSubscription *subscription = m_rows.at(row).subscription;
    QFuture<void> future;
    QString done;
    switch (change) {
    case FilterChange::Set:
        future = subscription->setFilters(parsed.filters);
        done = parsed.filters.isEmpty() ? tr("Filters removed: every message of the topic arrives")
                                        : tr("Filters set");
        break;
    case FilterChange::Add:
        future = subscription->addFilters(parsed.filters);
        done = tr("Filters added");
        break;
    case FilterChange::Remove:
        future = subscription->removeFilters(parsed.filters);
        done = tr("Filters removed");
        break;
    }
    setOperation(topic, tr("Sending…"), false);
    future.then(this, [this, topic, done] { setOperation(topic, done, false); })
        .onFailed(this, [this, topic](const NoLagError &error) {
            setOperation(topic, error.errorString(), true);
        });
    return QString();
}

void SubscriptionListModel::scheduleCountChanged()
{
    // Thousands of subscriptions confirm in one burst; views need the totals once.
    if (m_countChangePending) {
        return;
    }
    m_countChangePending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_countChangePending = false;
            Q_EMIT countChanged();
        },
        Qt::QueuedConnection);
}

bool SubscriptionListModel::contains(const QString &topic) const
{
    return rowOfTopic(topic) >= 0;
}

int SubscriptionListModel::rowOfTopic(const QString &topic) const
{
    return m_rowOfTopic.value(topic, -1);
}

void SubscriptionListModel::rowChanged(const QString &topic, const QList<int> &roles)
{
    const int row = rowOfTopic(topic);
    if (row >= 0) {
        Q_EMIT dataChanged(index(row), index(row), roles);
    }
}

void SubscriptionListModel::setOperation(const QString &topic, const QString &text, bool failed)
{
    const int row = rowOfTopic(topic);
    if (row < 0) {
        return;
    }
    m_rows[row].lastOperation = text;
    m_rows[row].lastOperationFailed = failed;
    rowChanged(topic, {LastOperationRole, LastOperationFailedRole});
}
