// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "nolagqmlclient.h"

#include <NoLagQt/nolagmessage.h>

#include <QtCore/QAbstractListModel>
#include <QtCore/QDateTime>
#include <QtCore/QPointer>
#include <QtQml/QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

/*!
    The messages of one topic, newest last: `NoLagMessageModel` in `import NoLag`.

    With a topic, the model subscribes once its client is connected (again after a refused
    subscribe when the client reconnects) and keeps the messages of that subscription. Without
    a topic it keeps every message the client receives, without subscribing to anything. Only
    the newest `limit` messages are kept. Roles: `topic`, `payload` (the data, decoded when a
    view first asks for it; named so because `data` is taken by every QtQuick Item), `msgId`,
    `filter`, `isReplay`, `sender`, `receivedAt` and `message` (the whole NoLagMessage).
*/
class NoLagMessageModel
    : public QAbstractListModel
    , public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT

    Q_PROPERTY(NoLagQmlClient *client READ client WRITE setClient NOTIFY clientChanged FINAL)
    Q_PROPERTY(QString topic READ topic WRITE setTopic NOTIFY topicChanged FINAL)
    Q_PROPERTY(QVariantList filters READ filters WRITE setFilters NOTIFY filtersChanged FINAL)
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)
    Q_PROPERTY(NoLagSubscription *subscription READ subscription NOTIFY subscriptionChanged FINAL)

public:
    enum Role {
        TopicRole = Qt::UserRole + 1,
        PayloadRole,
        MsgIdRole,
        FilterRole,
        IsReplayRole,
        SenderRole,
        ReceivedAtRole,
        MessageRole,
    };
    Q_ENUM(Role)

    explicit NoLagMessageModel(QObject *parent = nullptr);
    ~NoLagMessageModel() override;

    NoLagQmlClient *client() const { return m_client; }
    void setClient(NoLagQmlClient *client);
    QString topic() const { return m_topic; }
    void setTopic(const QString &topic);
    QVariantList filters() const { return m_filters; }
    void setFilters(const QVariantList &filters);
    int limit() const { return m_limit; }
    void setLimit(int limit);
    int count() const { return int(m_rows.size()); }
    NoLagSubscription *subscription() const { return m_subscription; }

    /*! The message in \a row. */
    Q_INVOKABLE NoLagMessage get(int row) const;
    Q_INVOKABLE void clear();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void classBegin() override { }
    void componentComplete() override;

Q_SIGNALS:
    void clientChanged();
    void topicChanged();
    void filtersChanged();
    void limitChanged();
    void countChanged();
    void subscriptionChanged();

private:
    struct Row
    {
        NoLagMessage message;
        QDateTime receivedAt;
    };

    void rewire();
    void subscribeIfNeeded();
    void append(const NoLagMessage &message);
    void trim();

    QPointer<NoLagQmlClient> m_client;
    QPointer<NoLagSubscription> m_subscription;
    QString m_topic;
    QVariantList m_filters;
    int m_limit = 500;
    QList<Row> m_rows;
    QList<QMetaObject::Connection> m_connections;
    bool m_complete = false;
};
