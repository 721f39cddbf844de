// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagapimodels.h>

#include <QtCore/QAbstractListModel>
#include <QtCore/QPointer>
#include <QtQml/qqmlregistration.h>

class SubscriptionListModel;

/*! The topics of the chosen room, as full `app/room/topic` strings, marked when subscribed. */
class RoomTopicsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The browse view owns its topic list")
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        TopicRole,
        SubscribedRole,
    };
    Q_ENUM(Role)

    RoomTopicsModel(SubscriptionListModel *subscriptions, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_names.size()); }

    void setTopics(const QString &prefix, const QStringList &names);
    QString topicAt(int row) const;

Q_SIGNALS:
    void countChanged();

private:
    QPointer<SubscriptionListModel> m_subscriptions;
    QString m_prefix;
    QStringList m_names;
};

/*!
    The browse view: the project's apps, the rooms of the chosen app and the topics of the
    chosen room, all from the REST API (it needs the profile's API key), and one click to
    subscribe to a topic.
*/
class BrowseController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Each connection's session owns its browse view")
    Q_PROPERTY(NoLagAppsModel *apps READ apps CONSTANT FINAL)
    Q_PROPERTY(NoLagRoomsModel *rooms READ rooms CONSTANT FINAL)
    Q_PROPERTY(RoomTopicsModel *topics READ topics CONSTANT FINAL)
    Q_PROPERTY(bool available READ isAvailable CONSTANT FINAL)
    Q_PROPERTY(int appRow READ appRow NOTIFY selectionChanged FINAL)
    Q_PROPERTY(int roomRow READ roomRow NOTIFY selectionChanged FINAL)
    Q_PROPERTY(QString appSlug READ appSlug NOTIFY selectionChanged FINAL)
    Q_PROPERTY(QString roomSlug READ roomSlug NOTIFY selectionChanged FINAL)

public:
    BrowseController(NoLagApi *api, SubscriptionListModel *subscriptions,
                     QObject *parent = nullptr);

    NoLagAppsModel *apps() { return &m_apps; }
    NoLagRoomsModel *rooms() { return &m_rooms; }
    RoomTopicsModel *topics() { return &m_topics; }
    bool isAvailable() const;
    int appRow() const { return m_appRow; }
    int roomRow() const { return m_roomRow; }
    QString appSlug() const { return m_appSlug; }
    QString roomSlug() const { return m_roomSlug; }

    Q_INVOKABLE void selectApp(int row);
    Q_INVOKABLE void selectRoom(int row);
    /*! Subscribes to topic row \a row; returns an empty string or why it could not. */
    Q_INVOKABLE QString subscribe(int row);
    /*! Subscribes to every topic of the chosen room. */
    Q_INVOKABLE QString subscribeAll();
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void selectionChanged();

private:
    void updateTopics();

    QPointer<NoLagApi> m_api;
    QPointer<SubscriptionListModel> m_subscriptions;
    NoLagAppsModel m_apps;
    NoLagRoomsModel m_rooms;
    RoomTopicsModel m_topics;
    int m_appRow = -1;
    int m_roomRow = -1;
    QString m_appSlug;
    QString m_roomSlug;
};
