// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagapierror.h>
#include <NoLagQt/nolagapitypes.h>
#include <NoLagQt/nolagqtglobal.h>

#include <QtCore/QFuture>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPair>
#include <QtCore/QPointer>
#include <QtCore/QUrl>

#include <memory>

class NoLagApi;
class NoLagApiPrivate;

/*!
    Settings of a NoLagApi (Python: NoLagApiOptions).

    baseUrl defaults to https://api.nolag.app/v1 (one trailing "/" is ignored), timeout to
    30 000 ms, and there are no extra headers.
*/
class NOLAGQT_EXPORT NoLagApiOptions
{
public:
    NoLagApiOptions();

    QUrl baseUrl() const { return m_baseUrl; }
    void setBaseUrl(const QUrl &baseUrl) { m_baseUrl = baseUrl; }

    /*! Milliseconds a request may take in total; 0 or less waits forever. */
    int timeout() const { return m_timeout; }
    void setTimeout(int milliseconds) { m_timeout = milliseconds; }

    /*!
        Headers added to every request after Authorization and Content-Type; a header of the
        same name (compared without case) replaces the default.
    */
    QList<QPair<QByteArray, QByteArray>> headers() const { return m_headers; }
    void setHeaders(const QList<QPair<QByteArray, QByteArray>> &headers) { m_headers = headers; }
    void setHeader(const QByteArray &name, const QByteArray &value);

    static QUrl defaultBaseUrl();
    static constexpr int DefaultTimeout = 30000;

private:
    QUrl m_baseUrl;
    int m_timeout = DefaultTimeout;
    QList<QPair<QByteArray, QByteArray>> m_headers;
};

/*!
    The app endpoints (Python: AppsApi), from NoLagApi::apps(). A cheap handle: copy it
    freely. Calls made after its NoLagApi was destroyed fail with status 0.
*/
class NOLAGQT_EXPORT NoLagAppsApi
{
public:
    /*! GET /apps: one page of apps. */
    QFuture<NoLagPaginatedResult<NoLagApp>> list(const NoLagListOptions &options = {}) const;
    QFuture<NoLagApp> get(const QString &appId) const;
    QFuture<NoLagApp> create(const NoLagAppCreate &data) const;
    QFuture<NoLagApp> update(const QString &appId, const NoLagAppUpdate &data) const;

    /*! DELETE /apps/{appId} (Python: delete). Gives the server's answer, {"success": true}. */
    QFuture<QJsonObject> remove(const QString &appId) const;

    /*! POST /apps/{appId}/reset-to-blueprint: restores the app from its blueprint. */
    QFuture<NoLagApp> resetToBlueprint(const QString &appId) const;

private:
    friend class NoLagApi;
    explicit NoLagAppsApi(NoLagApi *api);
    QPointer<NoLagApi> m_api;
};

/*! The room endpoints of an app (Python: RoomsApi), from NoLagApi::rooms(). */
class NOLAGQT_EXPORT NoLagRoomsApi
{
public:
    QFuture<QList<NoLagRoom>> list(const QString &appId) const;
    QFuture<NoLagRoom> get(const QString &appId, const QString &roomId) const;

    /*! Creates a dynamic room; a slug already used in the app fails with 409. */
    QFuture<NoLagRoom> create(const QString &appId, const NoLagRoomCreate &data) const;

    /*!
        Returns the room with data.slug() (or the slug derived from its name) unchanged if it
        exists, and creates it otherwise. Needs the app's config "autoProvisionRooms": true.
    */
    QFuture<NoLagRoom> ensure(const QString &appId, const NoLagRoomCreate &data) const;
    QFuture<NoLagRoom> update(const QString &appId, const QString &roomId,
                              const NoLagRoomUpdate &data) const;

    /*! Deletes a dynamic room (Python: delete); static rooms cannot be deleted. */
    QFuture<void> remove(const QString &appId, const QString &roomId) const;

    /*! The first grant makes the room private to the granted actors. */
    QFuture<NoLagRoomActorAccess> grantActor(const QString &appId, const QString &roomId,
                                             const NoLagRoomActorAccessCreate &data) const;
    QFuture<QList<NoLagRoomActorAccess>> listActors(const QString &appId,
                                                    const QString &roomId) const;

    /*! Revoking the last grant makes the room public again. */
    QFuture<void> revokeActor(const QString &appId, const QString &roomId,
                              const QString &roomActorAccessId) const;

private:
    friend class NoLagApi;
    explicit NoLagRoomsApi(NoLagApi *api);
    QPointer<NoLagApi> m_api;
};

/*! The actor endpoints (Python: ActorsApi), from NoLagApi::actors(). */
class NOLAGQT_EXPORT NoLagActorsApi
{
public:
    QFuture<QList<NoLagActor>> list() const;
    QFuture<NoLagActor> get(const QString &actorTokenId) const;

    /*! The result is the only place the new actor's access token is ever shown. */
    QFuture<NoLagActorWithToken> create(const NoLagActorCreate &data) const;
    QFuture<NoLagActor> update(const QString &actorTokenId, const NoLagActorUpdate &data) const;

    /*! Python: delete. Live connections of the actor close at their next revalidation. */
    QFuture<void> remove(const QString &actorTokenId) const;

private:
    friend class NoLagApi;
    friend class NoLagScopesApi;
    explicit NoLagActorsApi(NoLagApi *api);
    QPointer<NoLagApi> m_api;
};

/*! The access-scope endpoints (Python: ScopesApi), from NoLagApi::scopes(). */
class NOLAGQT_EXPORT NoLagScopesApi
{
public:
    QFuture<NoLagPaginatedResult<NoLagScope>> list(const NoLagListOptions &options = {}) const;
    QFuture<NoLagScope> get(const QString &accessScopeId) const;
    QFuture<NoLagScope> create(const NoLagScopeCreate &data) const;
    QFuture<NoLagScope> update(const QString &accessScopeId, const NoLagScopeUpdate &data) const;

    /*! Python: delete. */
    QFuture<void> remove(const QString &accessScopeId) const;
    QFuture<QList<NoLagActor>> listActors(const QString &accessScopeId) const;

    /*! Same as actors().update() with accessScopeId set to \a accessScopeId. */
    QFuture<NoLagActor> addActor(const QString &accessScopeId, const QString &actorTokenId) const;

    /*! Same as actors().update() with accessScopeId set to null. */
    QFuture<NoLagActor> removeActor(const QString &actorTokenId) const;

private:
    friend class NoLagApi;
    explicit NoLagScopesApi(NoLagApi *api);
    QPointer<NoLagApi> m_api;
};

/*!
    Client of the NoLag control-plane REST API (Python: NoLagApi): apps, rooms, actors and
    scopes of the project that the API key belongs to.

    Every call returns at once with a QFuture that finishes exactly once, in this object's
    thread: with the typed result, or failed with NoLagApiError. Nothing blocks.

    \code
    NoLagApi api(apiKey);
    api.apps().create(NoLagAppCreate(u"Chat"_s))
        .then(this, [](const NoLagApp &app) { qInfo() << "created" << app.slug(); })
        .onFailed(this, [](const NoLagApiError &error) { qWarning() << error.toString(); });
    \endcode

    Destroying the object fails the requests still running with status 0.
*/
class NOLAGQT_EXPORT NoLagApi : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString apiKey READ apiKey WRITE setApiKey NOTIFY apiKeyChanged FINAL)
    Q_PROPERTY(QUrl baseUrl READ baseUrl WRITE setBaseUrl NOTIFY baseUrlChanged FINAL)
    Q_PROPERTY(int timeout READ timeout WRITE setTimeout NOTIFY timeoutChanged FINAL)

public:
    explicit NoLagApi(QObject *parent = nullptr);
    explicit NoLagApi(const QString &apiKey, const NoLagApiOptions &options = {},
                      QObject *parent = nullptr);
    ~NoLagApi() override;

    /*! The project API key ("nlg_live_<id>.<secret>"), sent as a Bearer token. */
    QString apiKey() const;
    void setApiKey(const QString &apiKey);

    QUrl baseUrl() const;
    void setBaseUrl(const QUrl &baseUrl);

    /*! Milliseconds; see NoLagApiOptions::timeout(). */
    int timeout() const;
    void setTimeout(int milliseconds);

    /*! Base URL, timeout and extra headers; a change applies to requests sent afterwards. */
    NoLagApiOptions options() const;
    void setOptions(const NoLagApiOptions &options);

    /*! The endpoint groups (Python: api.apps, api.rooms, ...), as cheap handles. */
    NoLagAppsApi apps();
    NoLagRoomsApi rooms();
    NoLagActorsApi actors();
    NoLagScopesApi scopes();

Q_SIGNALS:
    void apiKeyChanged();
    void baseUrlChanged();
    void timeoutChanged();

private:
    friend class NoLagApiPrivate;
    Q_DECLARE_PRIVATE(NoLagApi)
    std::unique_ptr<NoLagApiPrivate> d_ptr;
};
