// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagqtglobal.h>

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QUrlQuery>

// Value types of the NoLag control-plane REST API (Python: nolag/api_types.py).
//
// Resource types (NoLagApp, NoLagRoom, ...) are read-only views over the JSON object the
// server sent: fromJson() keeps the whole object, so toJson() gives it back unchanged,
// including fields this version does not know. Getters return the documented defaults for
// absent fields.
//
// Request types (NoLagAppCreate, NoLagActorUpdate, ...) remember which fields were set:
// toJson() contains exactly those, so an update changes only what the caller touched.

/*! An app of the project (Python: App). */
class NOLAGQT_EXPORT NoLagApp
{
    Q_GADGET
    Q_PROPERTY(QString appId READ appId CONSTANT FINAL)
    Q_PROPERTY(QString projectId READ projectId CONSTANT FINAL)
    Q_PROPERTY(QString name READ name CONSTANT FINAL)
    Q_PROPERTY(QString slug READ slug CONSTANT FINAL)
    Q_PROPERTY(QString description READ description CONSTANT FINAL)
    Q_PROPERTY(QString blueprintId READ blueprintId CONSTANT FINAL)
    Q_PROPERTY(QJsonObject config READ config CONSTANT FINAL)
    Q_PROPERTY(QStringList topics READ topics CONSTANT FINAL)
    Q_PROPERTY(QDateTime createdAt READ createdAt CONSTANT FINAL)
    Q_PROPERTY(QDateTime updatedAt READ updatedAt CONSTANT FINAL)
    Q_PROPERTY(QDateTime deletedAt READ deletedAt CONSTANT FINAL)

public:
    NoLagApp() = default;
    static NoLagApp fromJson(const QJsonObject &json);
    QJsonObject toJson() const { return m_json; }

    QString appId() const;
    QString projectId() const;
    QString name() const;

    /*! The first segment of realtime topics ("chat" in "chat/general/messages"). */
    QString slug() const;
    QString description() const;
    QString blueprintId() const;

    /*! Free-form configuration; known key: "autoProvisionRooms" (bool, default false). */
    QJsonObject config() const;

    /*! The app's topic names (sent by the server although the SDK types omit it). */
    QStringList topics() const;
    QDateTime createdAt() const;
    QDateTime updatedAt() const;
    QDateTime deletedAt() const;

    friend bool operator==(const NoLagApp &a, const NoLagApp &b) { return a.m_json == b.m_json; }

private:
    QJsonObject m_json;
};

/*! The body of apps().create() (Python: AppCreate). Only name is required. */
class NOLAGQT_EXPORT NoLagAppCreate
{
    Q_GADGET
    Q_PROPERTY(QString name READ name WRITE setName FINAL)
    Q_PROPERTY(QString slug READ slug WRITE setSlug FINAL)
    Q_PROPERTY(QString description READ description WRITE setDescription FINAL)
    Q_PROPERTY(QString blueprintId READ blueprintId WRITE setBlueprintId FINAL)
    Q_PROPERTY(QJsonObject config READ config WRITE setConfig FINAL)
    Q_PROPERTY(QStringList topics READ topics WRITE setTopics FINAL)

public:
    NoLagAppCreate() = default;
    explicit NoLagAppCreate(const QString &name);

    /*! Takes every key of \a json as given (for bodies written by hand, e.g. in the CLI). */
    static NoLagAppCreate fromJson(const QJsonObject &json);

    /*! The request body. Optional fields left empty are omitted, as the Python SDK does. */
    QJsonObject toJson() const { return m_json; }

    QString name() const;
    void setName(const QString &name);
    QString slug() const;
    void setSlug(const QString &slug);
    QString description() const;
    void setDescription(const QString &description);
    QString blueprintId() const;
    void setBlueprintId(const QString &blueprintId);
    QJsonObject config() const;
    void setConfig(const QJsonObject &config);

    /*! The app's topic list. A nolag-local extension; the hosted service may ignore it. */
    QStringList topics() const;
    void setTopics(const QStringList &topics);

private:
    QJsonObject m_json;
};

/*! The body of apps().update() (Python: AppUpdate). Only fields that were set are sent. */
class NOLAGQT_EXPORT NoLagAppUpdate
{
    Q_GADGET
    Q_PROPERTY(QString name READ name WRITE setName FINAL)
    Q_PROPERTY(QString slug READ slug WRITE setSlug FINAL)
    Q_PROPERTY(QString description READ description WRITE setDescription FINAL)
    Q_PROPERTY(QJsonObject config READ config WRITE setConfig FINAL)
    Q_PROPERTY(QStringList topics READ topics WRITE setTopics FINAL)

public:
    NoLagAppUpdate() = default;
    static NoLagAppUpdate fromJson(const QJsonObject &json);
    QJsonObject toJson() const { return m_json; }

    QString name() const;
    void setName(const QString &name);
    QString slug() const;
    void setSlug(const QString &slug);
    QString description() const;
    void setDescription(const QString &description);

    /*! Replaces the whole configuration object. */
    QJsonObject config() const;
    void setConfig(const QJsonObject &config);

    /*! A nolag-local extension; see NoLagAppCreate::setTopics(). */
    QStringList topics() const;
    void setTopics(const QStringList &topics);

private:
    QJsonObject m_json;
};

/*! A room of an app (Python: Room). */
class NOLAGQT_EXPORT NoLagRoom
{
    Q_GADGET
    Q_PROPERTY(QString roomId READ roomId CONSTANT FINAL)
    Q_PROPERTY(QString appId READ appId CONSTANT FINAL)
    Q_PROPERTY(QString name READ name CONSTANT FINAL)
    Q_PROPERTY(QString slug READ slug CONSTANT FINAL)
    Q_PROPERTY(QString description READ description CONSTANT FINAL)
    Q_PROPERTY(QString roomType READ roomType CONSTANT FINAL)
    Q_PROPERTY(bool enabled READ isEnabled CONSTANT FINAL)
    Q_PROPERTY(QStringList topics READ topics CONSTANT FINAL)
    Q_PROPERTY(QJsonObject config READ config CONSTANT FINAL)
    Q_PROPERTY(QDateTime createdAt READ createdAt CONSTANT FINAL)
    Q_PROPERTY(QDateTime updatedAt READ updatedAt CONSTANT FINAL)

public:
    NoLagRoom() = default;
    static NoLagRoom fromJson(const QJsonObject &json);
    QJsonObject toJson() const { return m_json; }

    /*! The server's internal id; realtime topics use slug() instead. */
    QString roomId() const;
    QString appId() const;
    QString name() const;

    /*! The second segment of realtime topics; never changes. */
    QString slug() const;
    QString description() const;

    /*! "static" (part of the app's definition) or "dynamic" (created over the API). */
    QString roomType() const;

    /*! True unless the server says "isEnabled": false. */
    bool isEnabled() const;
    QStringList topics() const;
    QJsonObject config() const;
    QDateTime createdAt() const;
    QDateTime updatedAt() const;

    friend bool operator==(const NoLagRoom &a, const NoLagRoom &b) { return a.m_json == b.m_json; }

private:
    QJsonObject m_json;
};

/*! The body of rooms().create() and rooms().ensure() (Python: RoomCreate). */
class NOLAGQT_EXPORT NoLagRoomCreate
{
    Q_GADGET
    Q_PROPERTY(QString name READ name WRITE setName FINAL)
    Q_PROPERTY(QString slug READ slug WRITE setSlug FINAL)
    Q_PROPERTY(QString description READ description WRITE setDescription FINAL)
    Q_PROPERTY(QStringList topics READ topics WRITE setTopics FINAL)
    Q_PROPERTY(QJsonObject config READ config WRITE setConfig FINAL)

public:
    NoLagRoomCreate() = default;
    explicit NoLagRoomCreate(const QString &name);
    static NoLagRoomCreate fromJson(const QJsonObject &json);

    /*! Optional fields left empty are omitted, as the Python SDK does. */
    QJsonObject toJson() const { return m_json; }

    QString name() const;
    void setName(const QString &name);

    /*! Lower-case words joined by "-"; the server derives it from name() when absent. */
    QString slug() const;
    void setSlug(const QString &slug);
    QString description() const;
    void setDescription(const QString &description);

    /*! Defaults to the app's topics when absent. */
    QStringList topics() const;
    void setTopics(const QStringList &topics);
    QJsonObject config() const;
    void setConfig(const QJsonObject &config);

private:
    QJsonObject m_json;
};

/*! The body of rooms().update() (Python: RoomUpdate). A room's slug cannot change. */
class NOLAGQT_EXPORT NoLagRoomUpdate
{
    Q_GADGET
    Q_PROPERTY(QString name READ name WRITE setName FINAL)
    Q_PROPERTY(QString description READ description WRITE setDescription FINAL)
    Q_PROPERTY(bool enabled READ isEnabled WRITE setEnabled FINAL)
    Q_PROPERTY(QStringList topics READ topics WRITE setTopics FINAL)
    Q_PROPERTY(QJsonObject config READ config WRITE setConfig FINAL)

public:
    NoLagRoomUpdate() = default;
    static NoLagRoomUpdate fromJson(const QJsonObject &json);
    QJsonObject toJson() const { return m_json; }

    QString name() const;
    void setName(const QString &name);
    QString description() const;
    void setDescription(const QString &description);

    /*! Sent as "isEnabled". A disabled room gives no realtime access. */
    bool isEnabled() const;
    void setEnabled(bool enabled);
    QStringList topics() const;
    void setTopics(const QStringList &topics);
    QJsonObject config() const;
    void setConfig(const QJsonObject &config);

private:
    QJsonObject m_json;
};

/*! A room-level access grant for one actor or one actor type (Python: RoomActorAccess). */
class NOLAGQT_EXPORT NoLagRoomActorAccess
{
    Q_GADGET
    Q_PROPERTY(QString roomActorAccessId READ roomActorAccessId CONSTANT FINAL)
    Q_PROPERTY(QString roomId READ roomId CONSTANT FINAL)
    Q_PROPERTY(QString actorTokenId READ actorTokenId CONSTANT FINAL)
    Q_PROPERTY(QString actorType READ actorType CONSTANT FINAL)
    Q_PROPERTY(QString permission READ permission CONSTANT FINAL)
    Q_PROPERTY(QStringList topics READ topics CONSTANT FINAL)
    Q_PROPERTY(bool active READ isActive CONSTANT FINAL)
    Q_PROPERTY(QDateTime expiresAt READ expiresAt CONSTANT FINAL)
    Q_PROPERTY(QString role READ role CONSTANT FINAL)
    Q_PROPERTY(QJsonObject metadata READ metadata CONSTANT FINAL)
    Q_PROPERTY(QDateTime createdAt READ createdAt CONSTANT FINAL)
    Q_PROPERTY(QDateTime updatedAt READ updatedAt CONSTANT FINAL)

public:
    NoLagRoomActorAccess() = default;
    static NoLagRoomActorAccess fromJson(const QJsonObject &json);
    QJsonObject toJson() const { return m_json; }

    QString roomActorAccessId() const;
    QString roomId() const;

    /*! Set for a grant to one actor. */
    QString actorTokenId() const;

    /*! Set for a grant to every actor of a type ("device", "user", ...). */
    QString actorType() const;

    /*! "subscribe", "publish" or "pubSub" (Python: AccessPermission). */
    QString permission() const;

    /*! Empty means the app's topics. */
    QStringList topics() const;

    /*! True unless the server says "isActive": false. */
    bool isActive() const;

    /*! Invalid means the grant never expires. */
    QDateTime expiresAt() const;
    QString role() const;
    QJsonObject metadata() const;
    QDateTime createdAt() const;
    QDateTime updatedAt() const;

    friend bool operator==(const NoLagRoomActorAccess &a, const NoLagRoomActorAccess &b)
    {
        return a.m_json == b.m_json;
    }

private:
    QJsonObject m_json;
};

/*!
    The body of rooms().grantActor() (Python: RoomActorAccessCreate). permission is required;
    set exactly one of actorTokenId and actorType.
*/
class NOLAGQT_EXPORT NoLagRoomActorAccessCreate
{
    Q_GADGET
    Q_PROPERTY(QString permission READ permission WRITE setPermission FINAL)
    Q_PROPERTY(QString actorTokenId READ actorTokenId WRITE setActorTokenId FINAL)
    Q_PROPERTY(QString actorType READ actorType WRITE setActorType FINAL)
    Q_PROPERTY(QStringList topics READ topics WRITE setTopics FINAL)
    Q_PROPERTY(bool active READ isActive WRITE setActive FINAL)
    Q_PROPERTY(QDateTime expiresAt READ expiresAt WRITE setExpiresAt FINAL)
    Q_PROPERTY(QString role READ role WRITE setRole FINAL)
    Q_PROPERTY(QJsonObject metadata READ metadata WRITE setMetadata FINAL)

public:
    NoLagRoomActorAccessCreate() = default;
    explicit NoLagRoomActorAccessCreate(const QString &permission);
    static NoLagRoomActorAccessCreate fromJson(const QJsonObject &json);
    QJsonObject toJson() const { return m_json; }

    /*! "subscribe", "publish" or "pubSub". */
    QString permission() const;
    void setPermission(const QString &permission);
    QString actorTokenId() const;
    void setActorTokenId(const QString &actorTokenId);
    QString actorType() const;
    void setActorType(const QString &actorType);
    QStringList topics() const;
    void setTopics(const QStringList &topics);
    bool isActive() const;
    void setActive(bool active);

    /*! Sent as an ISO 8601 UTC timestamp with milliseconds. */
    QDateTime expiresAt() const;
    void setExpiresAt(const QDateTime &expiresAt);
    QString role() const;
    void setRole(const QString &role);
    QJsonObject metadata() const;
    void setMetadata(const QJsonObject &metadata);

private:
    QJsonObject m_json;
};

/*! An actor of the project: a user, device or service that connects (Python: Actor). */
class NOLAGQT_EXPORT NoLagActor
{
    Q_GADGET
    Q_PROPERTY(QString actorTokenId READ actorTokenId CONSTANT FINAL)
    Q_PROPERTY(QString projectId READ projectId CONSTANT FINAL)
    Q_PROPERTY(QString name READ name CONSTANT FINAL)
    Q_PROPERTY(QString actorType READ actorType CONSTANT FINAL)
    Q_PROPERTY(QString description READ description CONSTANT FINAL)
    Q_PROPERTY(QString externalId READ externalId CONSTANT FINAL)
    Q_PROPERTY(QJsonObject metadata READ metadata CONSTANT FINAL)
    Q_PROPERTY(bool active READ isActive CONSTANT FINAL)
    Q_PROPERTY(QDateTime lastConnectedAt READ lastConnectedAt CONSTANT FINAL)
    Q_PROPERTY(QString accessScopeId READ accessScopeId CONSTANT FINAL)
    Q_PROPERTY(QDateTime createdAt READ createdAt CONSTANT FINAL)
    Q_PROPERTY(QDateTime updatedAt READ updatedAt CONSTANT FINAL)

public:
    NoLagActor() = default;
    static NoLagActor fromJson(const QJsonObject &json);
    QJsonObject toJson() const { return m_json; }

    /*! The same id the realtime "auth" reply returns. */
    QString actorTokenId() const;
    QString projectId() const;
    QString name() const;

    /*! "device", "user", "server", "service", "session", "agent", "orchestrator", "observer" */
    QString actorType() const;
    QString description() const;
    QString externalId() const;
    QJsonObject metadata() const;

    /*! True unless the server says "isActive": false. An inactive actor cannot connect. */
    bool isActive() const;
    QDateTime lastConnectedAt() const;

    /*! The scope the actor belongs to, or an empty string. */
    QString accessScopeId() const;
    QDateTime createdAt() const;
    QDateTime updatedAt() const;

    friend bool operator==(const NoLagActor &a, const NoLagActor &b)
    {
        return a.m_json == b.m_json;
    }

protected:
    QJsonObject m_json;
};

/*!
    An actor with its access token (Python: ActorWithToken). Only actors().create() returns
    it: the server never shows the token again, so keep it.
*/
class NOLAGQT_EXPORT NoLagActorWithToken : public NoLagActor
{
    Q_GADGET
    Q_PROPERTY(QString accessToken READ accessToken CONSTANT FINAL)

public:
    NoLagActorWithToken() = default;
    static NoLagActorWithToken fromJson(const QJsonObject &json);

    /*! The token for NoLagClient ("at_live_..."). Never log it. */
    QString accessToken() const;
};

/*! The body of actors().create() (Python: ActorCreate). name and actorType are required. */
class NOLAGQT_EXPORT NoLagActorCreate
{
    Q_GADGET
    Q_PROPERTY(QString name READ name WRITE setName FINAL)
    Q_PROPERTY(QString actorType READ actorType WRITE setActorType FINAL)
    Q_PROPERTY(QString description READ description WRITE setDescription FINAL)
    Q_PROPERTY(QString externalId READ externalId WRITE setExternalId FINAL)
    Q_PROPERTY(QJsonObject metadata READ metadata WRITE setMetadata FINAL)

public:
    NoLagActorCreate() = default;
    NoLagActorCreate(const QString &name, const QString &actorType);
    static NoLagActorCreate fromJson(const QJsonObject &json);

    /*! Optional fields left empty are omitted, as the Python SDK does. */
    QJsonObject toJson() const { return m_json; }

    QString name() const;
    void setName(const QString &name);
    QString actorType() const;
    void setActorType(const QString &actorType);
    QString description() const;
    void setDescription(const QString &description);
    QString externalId() const;
    void setExternalId(const QString &externalId);
    QJsonObject metadata() const;
    void setMetadata(const QJsonObject &metadata);

private:
    QJsonObject m_json;
};

/*! The body of actors().update() (Python: ActorUpdate). Only fields that were set are sent. */
class NOLAGQT_EXPORT NoLagActorUpdate
{
    Q_GADGET
    Q_PROPERTY(QString name READ name WRITE setName FINAL)
    Q_PROPERTY(QString description READ description WRITE setDescription FINAL)
    Q_PROPERTY(QString externalId READ externalId WRITE setExternalId FINAL)
    Q_PROPERTY(QJsonObject metadata READ metadata WRITE setMetadata FINAL)
    Q_PROPERTY(bool active READ isActive WRITE setActive FINAL)
    Q_PROPERTY(QString accessScopeId READ accessScopeId WRITE setAccessScopeId FINAL)

public:
    NoLagActorUpdate() = default;
    static NoLagActorUpdate fromJson(const QJsonObject &json);
    QJsonObject toJson() const { return m_json; }

    QString name() const;
    void setName(const QString &name);
    QString description() const;
    void setDescription(const QString &description);
    QString externalId() const;
    void setExternalId(const QString &externalId);
    QJsonObject metadata() const;
    void setMetadata(const QJsonObject &metadata);

    /*! Sent as "isActive". false stops new connections of the actor. */
    bool isActive() const;
    void setActive(bool active);

    /*!
        Moves the actor into the scope \a accessScopeId. A null QString() is sent as JSON
        null, which takes the actor out of its scope; a field never set is not sent at all.
    */
    QString accessScopeId() const;
    void setAccessScopeId(const QString &accessScopeId);
    bool hasAccessScopeId() const;

private:
    QJsonObject m_json;
};

/*! An access scope: a named group of actors with their own topic prefix (Python: Scope). */
class NOLAGQT_EXPORT NoLagScope
{
    Q_GADGET
    Q_PROPERTY(QString accessScopeId READ accessScopeId CONSTANT FINAL)
    Q_PROPERTY(QString projectId READ projectId CONSTANT FINAL)
    Q_PROPERTY(QString slug READ slug CONSTANT FINAL)
    Q_PROPERTY(QString name READ name CONSTANT FINAL)
    Q_PROPERTY(QString description READ description CONSTANT FINAL)
    Q_PROPERTY(QJsonObject metadata READ metadata CONSTANT FINAL)
    Q_PROPERTY(bool active READ isActive CONSTANT FINAL)
    Q_PROPERTY(QDateTime createdAt READ createdAt CONSTANT FINAL)
    Q_PROPERTY(QDateTime updatedAt READ updatedAt CONSTANT FINAL)

public:
    NoLagScope() = default;
    static NoLagScope fromJson(const QJsonObject &json);
    QJsonObject toJson() const { return m_json; }

    QString accessScopeId() const;
    QString projectId() const;
    QString slug() const;
    QString name() const;
    QString description() const;
    QJsonObject metadata() const;
    bool isActive() const;
    QDateTime createdAt() const;
    QDateTime updatedAt() const;

    friend bool operator==(const NoLagScope &a, const NoLagScope &b)
    {
        return a.m_json == b.m_json;
    }

private:
    QJsonObject m_json;
};

/*! The body of scopes().create() (Python: ScopeCreate). slug and name are required. */
class NOLAGQT_EXPORT NoLagScopeCreate
{
    Q_GADGET
    Q_PROPERTY(QString slug READ slug WRITE setSlug FINAL)
    Q_PROPERTY(QString name READ name WRITE setName FINAL)
    Q_PROPERTY(QString description READ description WRITE setDescription FINAL)
    Q_PROPERTY(QJsonObject metadata READ metadata WRITE setMetadata FINAL)

public:
    NoLagScopeCreate() = default;
    NoLagScopeCreate(const QString &slug, const QString &name);
    static NoLagScopeCreate fromJson(const QJsonObject &json);
    QJsonObject toJson() const { return m_json; }

    QString slug() const;
    void setSlug(const QString &slug);
    QString name() const;
    void setName(const QString &name);
    QString description() const;
    void setDescription(const QString &description);
    QJsonObject metadata() const;
    void setMetadata(const QJsonObject &metadata);

private:
    QJsonObject m_json;
};

/*! The body of scopes().update() (Python: ScopeUpdate). Only fields that were set are sent. */
class NOLAGQT_EXPORT NoLagScopeUpdate
{
    Q_GADGET
    Q_PROPERTY(QString name READ name WRITE setName FINAL)
    Q_PROPERTY(QString description READ description WRITE setDescription FINAL)
    Q_PROPERTY(QJsonObject metadata READ metadata WRITE setMetadata FINAL)
    Q_PROPERTY(bool active READ isActive WRITE setActive FINAL)

public:
    NoLagScopeUpdate() = default;
    static NoLagScopeUpdate fromJson(const QJsonObject &json);
    QJsonObject toJson() const { return m_json; }

    QString name() const;
    void setName(const QString &name);
    QString description() const;
    void setDescription(const QString &description);
    QJsonObject metadata() const;
    void setMetadata(const QJsonObject &metadata);
    bool isActive() const;
    void setActive(bool active);

private:
    QJsonObject m_json;
};

/*!
    Paging, sorting and search for apps().list() and scopes().list() (Python: ListOptions).
    Only the options that were set become query parameters.
*/
class NOLAGQT_EXPORT NoLagListOptions
{
    Q_GADGET
    Q_PROPERTY(int page READ page WRITE setPage FINAL)
    Q_PROPERTY(int limit READ limit WRITE setLimit FINAL)
    Q_PROPERTY(QString sortBy READ sortBy WRITE setSortBy FINAL)
    Q_PROPERTY(Qt::SortOrder sortOrder READ sortOrder WRITE setSortOrder FINAL)
    Q_PROPERTY(QString search READ search WRITE setSearch FINAL)

public:
    NoLagListOptions() = default;

    /*! 1-based page number; 0 when not set (the server then returns page 1). */
    int page() const;
    void setPage(int page);

    /*! Items per page; 0 when not set (server default 10, at most 100). */
    int limit() const;
    void setLimit(int limit);

    /*! A field name such as "name", "slug", "createdAt" or "updatedAt". */
    QString sortBy() const;
    void setSortBy(const QString &sortBy);

    /*! Sent as "asc" or "desc"; Qt::AscendingOrder when not set. */
    Qt::SortOrder sortOrder() const;
    void setSortOrder(Qt::SortOrder order);

    /*! Case-insensitive match on name and slug. */
    QString search() const;
    void setSearch(const QString &search);

    /*! The query parameters, in the order page, limit, sortBy, sortOrder, search. */
    QList<QPair<QString, QString>> toQueryItems() const;

private:
    int m_page = 0;
    int m_limit = 0;
    QString m_sortBy;
    QString m_sortOrder;
    QString m_search;
};

/*! Where a page sits in a paginated list (Python: Pagination). */
class NOLAGQT_EXPORT NoLagPagination
{
    Q_GADGET
    Q_PROPERTY(int total READ total CONSTANT FINAL)
    Q_PROPERTY(int page READ page CONSTANT FINAL)
    Q_PROPERTY(int pageCount READ pageCount CONSTANT FINAL)

public:
    NoLagPagination() = default;
    NoLagPagination(int total, int page, int pageCount);

    /*!
        Reads a paginated response: its "pagination" object, or the flat "total", "page" and
        "totalPages" fields that older servers send. Missing values are 0, 1 and 1.
    */
    static NoLagPagination fromJson(const QJsonObject &response);

    /*! Number of matching items over all pages. */
    int total() const { return m_total; }

    /*! The 1-based page this result holds. */
    int page() const { return m_page; }

    /*! Number of pages; 0 when nothing matched. */
    int pageCount() const { return m_pageCount; }

private:
    int m_total = 0;
    int m_page = 1;
    int m_pageCount = 1;
};

/*! One page of a list (Python: PaginatedResult). */
template<typename T>
class NoLagPaginatedResult
{
public:
    NoLagPaginatedResult() = default;
    NoLagPaginatedResult(QList<T> data, NoLagPagination pagination)
        : m_data(std::move(data))
        , m_pagination(pagination)
    { }

    QList<T> data() const { return m_data; }
    NoLagPagination pagination() const { return m_pagination; }

private:
    QList<T> m_data;
    NoLagPagination m_pagination;
};
