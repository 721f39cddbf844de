// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagapi.h>
#include <NoLagQt/nolagapireply.h>
#include <NoLagQt/nolagqtglobal.h>

#include <QtCore/QAbstractListModel>
#include <QtCore/QJsonObject>

#include <memory>

class NoLagApiListModelPrivate;

/*!
    Base of the list models over the REST API: apps, rooms of an app, actors, grants of a
    room. Each row is one resource; roles are the resource type's properties in lowerCamel
    (appId, name, slug, ...), and get(row) gives the whole JSON object.

    A model loads by itself once it has an api and the ids it needs, and loads again when
    any of them, or the api's key or base URL, changes. From the moment a load is due until it
    ends, loading is true; a failed load keeps the rows it had and sets error, statusCode and
    errorString.
*/
class NOLAGQT_EXPORT NoLagApiListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(NoLagApi *api READ api WRITE setApi NOTIFY apiChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged FINAL)
    Q_PROPERTY(Error error READ error NOTIFY errorChanged FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged FINAL)
    Q_PROPERTY(int statusCode READ statusCode NOTIFY errorChanged FINAL)

public:
    enum Error {
        NoError,
        NetworkError, // no HTTP answer (status 0)
        TimeoutError, // no answer within the api's timeout (status 408)
        AuthenticationError, // the API key was refused (status 401)
        RequestError, // any other HTTP error status
    };
    Q_ENUM(Error)

    ~NoLagApiListModel() override;

    NoLagApi *api() const;
    void setApi(NoLagApi *api);

    int count() const;
    bool isLoading() const;
    Error error() const;
    QString errorString() const;
    int statusCode() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /*! Loads the list again from the server. */
    Q_INVOKABLE void reload();

    /*! The resource at \a row as a JavaScript object, or an empty one. */
    Q_INVOKABLE QVariantMap get(int row) const;

    /*! The row of the resource with id \a id, or -1. */
    Q_INVOKABLE int indexOf(const QString &id) const;

    QJsonObject itemAt(int row) const;

Q_SIGNALS:
    void apiChanged();
    void countChanged();
    void loadingChanged();
    void errorChanged();
    void errorOccurred(NoLagApiListModel::Error error);

    /*! A load finished successfully. */
    void loaded();

protected:
    /*!
        \a itemType is the resource's gadget, \a roles the model's Role enum; each key
        "FooBarRole" of it maps to the property fooBar.
    */
    NoLagApiListModel(const QMetaObject *itemType, const QMetaEnum &roles, QObject *parent);

    /*! True when every id the model needs is set. */
    virtual bool canLoad() const { return true; }

    /*! Starts loading; answer with finishLoad() or failLoad() and the same generation. */
    virtual void fetch(NoLagApi *api, int generation) = 0;

    /*! The id of a row (appId, roomId, ...), used to apply changes. */
    virtual QString idOf(const QJsonObject &item) const = 0;

    /*! Reads property \a property of the resource \a item through its gadget. */
    virtual QVariant readProperty(const QJsonObject &item, const QMetaProperty &property) const = 0;

    void scheduleReload();
    void finishLoad(int generation, const QList<QJsonObject> &items);
    void failLoad(int generation, const NoLagApiError &error);

    /*! Replaces the row with the same id, or appends \a item. */
    void upsert(const QJsonObject &item);
    void removeId(const QString &id);

private:
    Q_DECLARE_PRIVATE(NoLagApiListModel)
    std::unique_ptr<NoLagApiListModelPrivate> d_ptr;
};

/*! The apps of the project, every page of them (Python: api.apps.list). */
class NOLAGQT_EXPORT NoLagAppsModel : public NoLagApiListModel
{
    Q_OBJECT
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged FINAL)

public:
    enum Role {
        AppIdRole = Qt::UserRole + 1,
        ProjectIdRole,
        NameRole,
        SlugRole,
        DescriptionRole,
        BlueprintIdRole,
        ConfigRole,
        TopicsRole,
        CreatedAtRole,
        UpdatedAtRole,
    };
    Q_ENUM(Role)

    explicit NoLagAppsModel(QObject *parent = nullptr);

    /*! Only apps whose name or slug contains this text (no case); empty lists all. */
    QString search() const;
    void setSearch(const QString &search);

    NoLagApp app(int row) const;

    /*! \a data holds the JSON fields of NoLagAppCreate (name, slug, description, ...). */
    Q_INVOKABLE NoLagApiReply *create(const QVariantMap &data);
    Q_INVOKABLE NoLagApiReply *update(const QString &appId, const QVariantMap &data);
    Q_INVOKABLE NoLagApiReply *remove(const QString &appId);
    Q_INVOKABLE NoLagApiReply *resetToBlueprint(const QString &appId);

Q_SIGNALS:
    void searchChanged();

protected:
    void fetch(NoLagApi *api, int generation) override;
    QString idOf(const QJsonObject &item) const override;
    QVariant readProperty(const QJsonObject &item, const QMetaProperty &property) const override;

private:
    void fetchPage(NoLagApi *api, int generation, int page, QList<QJsonObject> items);
    QString m_search;
};

/*! The rooms of one app (Python: api.rooms.list). */
class NOLAGQT_EXPORT NoLagRoomsModel : public NoLagApiListModel
{
    Q_OBJECT
    Q_PROPERTY(QString appId READ appId WRITE setAppId NOTIFY appIdChanged FINAL)

public:
    enum Role {
        RoomIdRole = Qt::UserRole + 1,
        AppIdRole,
        NameRole,
        SlugRole,
        DescriptionRole,
        RoomTypeRole,
        EnabledRole,
        TopicsRole,
        ConfigRole,
        CreatedAtRole,
        UpdatedAtRole,
    };
    Q_ENUM(Role)

    explicit NoLagRoomsModel(QObject *parent = nullptr);

    QString appId() const;
    void setAppId(const QString &appId);

    NoLagRoom room(int row) const;

    /*! \a data holds the JSON fields of NoLagRoomCreate (name, slug, topics, ...). */
    Q_INVOKABLE NoLagApiReply *create(const QVariantMap &data);
    Q_INVOKABLE NoLagApiReply *ensure(const QVariantMap &data);
    Q_INVOKABLE NoLagApiReply *update(const QString &roomId, const QVariantMap &data);
    Q_INVOKABLE NoLagApiReply *remove(const QString &roomId);

Q_SIGNALS:
    void appIdChanged();

protected:
    bool canLoad() const override;
    void fetch(NoLagApi *api, int generation) override;
    QString idOf(const QJsonObject &item) const override;
    QVariant readProperty(const QJsonObject &item, const QMetaProperty &property) const override;

private:
    QString m_appId;
};

/*! The actors of the project (Python: api.actors.list). */
class NOLAGQT_EXPORT NoLagActorsModel : public NoLagApiListModel
{
    Q_OBJECT

public:
    enum Role {
        ActorTokenIdRole = Qt::UserRole + 1,
        ProjectIdRole,
        NameRole,
        ActorTypeRole,
        DescriptionRole,
        ExternalIdRole,
        MetadataRole,
        ActiveRole,
        LastConnectedAtRole,
        AccessScopeIdRole,
        CreatedAtRole,
        UpdatedAtRole,
    };
    Q_ENUM(Role)

    explicit NoLagActorsModel(QObject *parent = nullptr);

    NoLagActor actor(int row) const;

    /*!
        \a data holds the JSON fields of NoLagActorCreate (name, actorType, ...). The reply's
        result carries "accessToken", which the server never shows again; the model's rows
        do not keep it.
    */
    Q_INVOKABLE NoLagApiReply *create(const QVariantMap &data);
    Q_INVOKABLE NoLagApiReply *update(const QString &actorTokenId, const QVariantMap &data);
    Q_INVOKABLE NoLagApiReply *remove(const QString &actorTokenId);

    /*! Activates or deactivates an actor; an inactive actor cannot connect. */
    Q_INVOKABLE NoLagApiReply *setActive(const QString &actorTokenId, bool active);

protected:
    void fetch(NoLagApi *api, int generation) override;
    QString idOf(const QJsonObject &item) const override;
    QVariant readProperty(const QJsonObject &item, const QMetaProperty &property) const override;
};

/*! The access grants of one room (Python: api.rooms.list_actors). */
class NOLAGQT_EXPORT NoLagRoomGrantsModel : public NoLagApiListModel
{
    Q_OBJECT
    Q_PROPERTY(QString appId READ appId WRITE setAppId NOTIFY appIdChanged FINAL)
    Q_PROPERTY(QString roomId READ roomId WRITE setRoomId NOTIFY roomIdChanged FINAL)

public:
    enum Role {
        RoomActorAccessIdRole = Qt::UserRole + 1,
        RoomIdRole,
        ActorTokenIdRole,
        ActorTypeRole,
        PermissionRole,
        TopicsRole,
        ActiveRole,
        ExpiresAtRole,
        RoleRole,
        MetadataRole,
        CreatedAtRole,
        UpdatedAtRole,
    };
    Q_ENUM(Role)

    explicit NoLagRoomGrantsModel(QObject *parent = nullptr);

    QString appId() const;
    void setAppId(const QString &appId);
    QString roomId() const;
    void setRoomId(const QString &roomId);

    NoLagRoomActorAccess grant(int row) const;

    /*! \a data holds the JSON fields of NoLagRoomActorAccessCreate (permission, ...). */
    Q_INVOKABLE NoLagApiReply *grantActor(const QVariantMap &data);
    Q_INVOKABLE NoLagApiReply *revoke(const QString &roomActorAccessId);

Q_SIGNALS:
    void appIdChanged();
    void roomIdChanged();

protected:
    bool canLoad() const override;
    void fetch(NoLagApi *api, int generation) override;
    QString idOf(const QJsonObject &item) const override;
    QVariant readProperty(const QJsonObject &item, const QMetaProperty &property) const override;

private:
    QString m_appId;
    QString m_roomId;
};
