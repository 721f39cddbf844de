// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QAbstractListModel>
#include <QtCore/QDateTime>
#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QUrl>
#include <QtQml/qqmlregistration.h>

class NoLagApi;
class NoLagClient;

/*! What the permissions are worked out from: the control-plane state of one project. */
struct AdminAccessInput
{
    QJsonObject actor; //!< the actor as the REST API returns it
    QJsonObject scope; //!< the actor's access scope, or empty
    QList<QJsonObject> apps;
    QHash<QString, QList<QJsonObject>> roomsOfApp; //!< appId to its rooms
    QHash<QString, QList<QJsonObject>> grantsOfRoom; //!< roomId to its grants
    QDateTime now;
};

/*! One topic an actor may use, and why. */
struct AdminAccessRule
{
    QString topic; //!< the realtime topic, "app/room/topic" (with the scope when scoped)
    QString appSlug;
    QString roomSlug;
    QString topicName;
    bool subscribe = false;
    bool publish = false;
    QString via; //!< the grant or rule that gives it, for a person
};

/*!
    "What may this token do": the topics an actor (or the actor behind a pasted token) may
    subscribe to and publish on.

    The REST API has no endpoint that answers this, so the model works it out the way the
    server does (rest-api.md §6): apps, their enabled rooms, and each room's grants (a room
    without grants is open to every actor of the project; otherwise the actor's own grants
    apply, failing those the grants to its actor type; topics come from the grant, else the
    app, else the room). note says so in the view. Changes reach live connections at their
    next revalidation, which this model does not see.

    A pasted token is first shown to the broker in a short connection of its own: the auth
    reply names the actor, whose permissions are then worked out as above.
*/
class AdminPermissionsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Read from AdminController")
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)
    Q_PROPERTY(bool loading READ isLoading NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString subject READ subject NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString actorTokenId READ actorTokenId NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString summary READ summary NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString note READ note CONSTANT FINAL)

public:
    enum Role {
        TopicRole = Qt::UserRole + 1,
        AppSlugRole,
        RoomSlugRole,
        TopicNameRole,
        CanSubscribeRole,
        CanPublishRole,
        PermissionTextRole,
        ViaRole,
    };
    Q_ENUM(Role)

    explicit AdminPermissionsModel(QObject *parent = nullptr);
    ~AdminPermissionsModel() override;

    void setApi(NoLagApi *api, const QUrl &brokerUrl);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_rules.size()); }
    bool isLoading() const { return m_loading; }
    QString subject() const { return m_subject; }
    QString actorTokenId() const { return m_actorTokenId; }
    QString errorString() const { return m_errorString; }
    QString summary() const;
    QString note() const;
    QList<AdminAccessRule> rules() const { return m_rules; }

    /*! Loads the project's state from the REST API and works out actor \a actorTokenId's. */
    Q_INVOKABLE void inspectActor(const QString &actorTokenId);

    /*! Asks the broker whose \a token this is, then does inspectActor(). */
    Q_INVOKABLE void inspectToken(const QString &token);

    Q_INVOKABLE void clear();

    /*! The rules \a input gives, sorted by topic; the work behind the model, kept pure. */
    static QList<AdminAccessRule> derive(const AdminAccessInput &input);

Q_SIGNALS:
    void countChanged();
    void stateChanged();

    /*! A load ended, with rules or with errorString set. */
    void finished();

private:
    struct Load;
    void fail(int generation, const QString &message);
    void finishLoad(int generation, const AdminAccessInput &input);
    void loadApps(const std::shared_ptr<Load> &load, int page);
    void loadRooms(const std::shared_ptr<Load> &load);
    void settle(const std::shared_ptr<Load> &load);

    QPointer<NoLagApi> m_api;
    QUrl m_brokerUrl;
    QList<AdminAccessRule> m_rules;
    bool m_loading = false;
    bool m_actorActive = true;
    QString m_subject;
    QString m_actorTokenId;
    QString m_errorString;
    int m_generation = 0;
    NoLagClient *m_probe = nullptr;
};
