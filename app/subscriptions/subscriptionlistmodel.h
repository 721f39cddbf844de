// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QAbstractListModel>
#include <QtCore/QPointer>
#include <QtQml/qqmlregistration.h>

#include <functional>

class NoLagClient;
class NoLagSubscription;

/*!
    The subscriptions made from the explorer on one connection, each with its state (pending,
    active, or the server's error), filters, QoS and load-balancing group, the outcome of the
    last filter change, and how many messages it received.

    Calls return an empty string when the request was sent, or a sentence saying why it was
    not (bad filter syntax, not connected); the server's answer arrives later in the row.
*/
class SubscriptionListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Each connection's session owns its subscriptions")
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)
    Q_PROPERTY(int activeCount READ activeCount NOTIFY countChanged FINAL)

public:
    enum Role {
        TopicRole = Qt::UserRole + 1,
        StateRole, //!< NoLagSubscription::State
        StateTextRole,
        ErrorStringRole,
        FiltersRole, //!< the filters in FilterSyntax text form
        QosRole,
        LoadBalancedRole,
        LoadBalanceGroupRole,
        LastOperationRole,
        LastOperationFailedRole,
        MessageCountRole,
    };
    Q_ENUM(Role)

    explicit SubscriptionListModel(NoLagClient *client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_rows.size()); }
    int activeCount() const;

    /*! Where MessageCountRole comes from: a count of received messages by topic. */
    void setMessageCounter(std::function<qint64(const QString &)> counter);
    /*! Re-reads the message counts (a timer calls this once a second). */
    void refreshCounts();

    Q_INVOKABLE QString subscribe(const QString &topic, const QString &filters = QString(),
                                  int qos = 1, bool loadBalanced = false,
                                  const QString &loadBalanceGroup = QString());
    Q_INVOKABLE QString unsubscribe(const QString &topic);
    Q_INVOKABLE QString setFilters(const QString &topic, const QString &filters);
    Q_INVOKABLE QString addFilters(const QString &topic, const QString &filters);
    Q_INVOKABLE QString removeFilters(const QString &topic, const QString &filters);
    Q_INVOKABLE bool contains(const QString &topic) const;
    Q_INVOKABLE int rowOfTopic(const QString &topic) const;

Q_SIGNALS:
    void countChanged();
    /*! The server confirmed a subscription to \a topic (it became Active). */
    void subscriptionConfirmed(const QString &topic);

private:
    struct Row
    {
        QPointer<NoLagSubscription> subscription;
        QString topic;
        QString lastOperation;
        bool lastOperationFailed = false;
    };

    enum class FilterChange { Set, Add, Remove };
    QString changeFilters(const QString &topic, const QString &text, FilterChange change);
    void track(NoLagSubscription *subscription);
    void rowChanged(const QString &topic, const QList<int> &roles = {});
    void setOperation(const QString &topic, const QString &text, bool failed);
    QString notConnected() const;
    void scheduleCountChanged();

    QPointer<NoLagClient> m_client;
    QList<Row> m_rows;
    QHash<QString, int> m_rowOfTopic;
    bool m_countChangePending = false;
    std::function<qint64(const QString &)> m_counter;
};
