// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "controlplanetypes.h"

#include <QtCore/QVariantList>

#include <functional>

class QSqlQuery;

namespace NoLag::Server {

class Database;

/*! Limits and switches of the control plane, with their defaults. */
struct ControlPlaneSettings
{
    /*!
        REST-created apps get "-" and four random hex characters appended to their slug, as
        the hosted service does (rest-api.md §3.1). Seeded apps always keep their slug.
    */
    bool appSlugSuffix = true;

    /*! Dynamic rooms per app; creating or ensuring one more answers 409. */
    int dynamicRoomCap = 1000;
};

/*! How createApp() treats the requested slug. */
enum class SlugMode : quint8 {
    AddSuffix, // append "-xxxx" when ControlPlaneSettings::appSlugSuffix is on (REST)
    Exact, // keep the slug exactly (seeding)
};

/*!
    The control plane's state in the shared SQLite file: projects and their API keys, apps,
    rooms, room grants, actors and scopes. Every table name starts with "cp_". Deletes of apps,
    rooms, actors and scopes are soft (deleted_at); secrets are kept only as SHA-256 hashes.

    Business rules that do not depend on JSON live here too (slug suffixes, blueprints, the
    ensure rule and the dynamic room cap), so that the REST API and the demo seeding share
    them. Not thread-safe: use it on the thread that opened the Database.
*/
class ControlPlaneStore
{
public:
    explicit ControlPlaneStore(Database &database, ControlPlaneSettings settings = {});

    /*! Creates or upgrades the control plane's tables. */
    bool migrate(QString *errorString);

    const ControlPlaneSettings &settings() const { return m_settings; }
    void setSettings(const ControlPlaneSettings &settings) { m_settings = settings; }

    /*! The slug rest-api.md §3.2 derives from a name: "Support Team!" gives "support-team". */
    static QString slugFromName(const QString &name);
    static bool isValidSlug(const QString &slug);
    static bool isValidTopicName(const QString &topic);

    // Projects and API keys

    std::optional<Project> project(const QString &projectId);
    /*! The first project ever created: the one --api-key and --demo apply to. */
    std::optional<Project> defaultProject();
    std::optional<Project> createProject(const QString &name, StoreError *error);

    /*!
        Stores the hash of \a key ("nlg_live_<id>.<secret>") for \a projectId. A key with the
        same id is replaced. \a origin records where it came from ("given", "generated",
        "demo") so that revokeApiKeys() can replace keys minted at start.
    */
    bool registerApiKey(const QString &projectId, const QString &key, const QString &origin,
                        StoreError *error);
    void revokeApiKeys(const QString &projectId, const QString &origin);
    /*! The project \a key belongs to, or nullopt when the key is unknown or malformed. */
    std::optional<Project> projectForApiKey(const QString &key);

    // Apps

    Page<App> listApps(const QString &projectId, const ListQuery &query);
    std::optional<App> app(const QString &projectId, const QString &appId);
    /*!
        Creates an app from \a draft (name, slug or empty, description, blueprintId, config,
        topics). The slug is derived from the name when empty. A known blueprint adds its
        topics and config where the draft has none, and its static rooms.
    */
    std::optional<App> createApp(const QString &projectId, App draft, SlugMode mode,
                                 StoreError *error);
    /*! Writes every editable field of \a app; 409 on a slug that another app uses. */
    std::optional<App> updateApp(const App &app, StoreError *error);
    bool deleteApp(const App &app, StoreError *error);
    std::optional<App> resetAppToBlueprint(const App &app, StoreError *error);

    // Rooms

    QList<Room> listRooms(const QString &appId);
    std::optional<Room> room(const QString &appId, const QString &roomId);
    std::optional<Room> roomBySlug(const QString &appId, const QString &slug);
    /*! Creates a room of \a app; topics default to the app's, the slug to one from the name. */
    std::optional<Room> createRoom(const App &app, Room draft, RoomType type, StoreError *error);
    /*!
        rooms.ensure (rest-api.md §5): returns the room with the draft's slug unchanged, or
        creates a dynamic one. Forbidden unless the app's config.autoProvisionRooms is true.
    */
    std::optional<Room> ensureRoom(const App &app, Room draft, bool *created, StoreError *error);
    std::optional<Room> updateRoom(const Room &room, StoreError *error);
    /*! Deletes a dynamic room; static rooms are refused (disable them instead). */
    bool deleteRoom(const Room &room, StoreError *error);

    // Room actor grants

    QList<RoomGrant> listGrants(const QString &roomId);
    std::optional<RoomGrant> createGrant(RoomGrant draft, StoreError *error);
    bool deleteGrant(const QString &roomId, const QString &grantId, StoreError *error);

    // Actors

    QList<Actor> listActors(const QString &projectId);
    std::optional<Actor> actor(const QString &projectId, const QString &actorId);
    /*! An actor of any project that is not deleted, for revalidation. */
    std::optional<Actor> actorById(const QString &actorId);
    /*! The actor whose access token is \a token (compared by hash), if not deleted. */
    std::optional<Actor> actorForToken(const QString &token);
    /*!
        Creates an actor. \a token is its access token: empty makes a new one, which is
        written back so the caller can show it once; only its hash is stored.
    */
    std::optional<Actor> createActor(const QString &projectId, Actor draft, QString *token,
                                     StoreError *error);
    std::optional<Actor> updateActor(const Actor &actor, StoreError *error);
    bool deleteActor(const Actor &actor, StoreError *error);
    /*! Replaces the access token of \a actorId (the demo project keeps its tokens stable). */
    bool setActorToken(const QString &actorId, const QString &token, StoreError *error);
    bool hasActorToken(const QString &actorId, const QString &token);
    /*! Whether \a actorId was ever created here, deleted or not. */
    bool actorExisted(const QString &actorId);
    void recordConnection(const QString &actorId);

    // Scopes

    Page<Scope> listScopes(const QString &projectId, const ListQuery &query);
    std::optional<Scope> scope(const QString &projectId, const QString &scopeId);
    std::optional<Scope> createScope(const QString &projectId, Scope draft, StoreError *error);
    std::optional<Scope> updateScope(const Scope &scope, StoreError *error);
    /*! Deletes the scope; its actors become unscoped. */
    bool deleteScope(const Scope &scope, StoreError *error);
    QList<Actor> actorsInScope(const QString &scopeId);

    // What realtime permissions are computed from

    /*! Apps of \a projectId that are not deleted, oldest first. */
    QList<App> appsOfProject(const QString &projectId);
    /*! Rooms (enabled or not) of the project's apps that are not deleted, oldest first. */
    QList<Room> roomsOfProject(const QString &projectId);
    QList<RoomGrant> grantsOfProject(const QString &projectId);
    /*! Every app that is not deleted, over all projects, oldest first. */
    QList<App> allApps();
    /*! Every enabled room of an app that is not deleted, over all projects, oldest first. */
    QList<Room> allEnabledRooms();

    // Small persistent values of the control plane (for example "demo seeded")

    QString value(const QString &key);
    bool setValue(const QString &key, const QString &value, StoreError *error);

private:
    bool exec(QSqlQuery &query, const QString &statement, const QVariantList &values,
              StoreError *error);
    bool exec(const QString &statement, const QVariantList &values, StoreError *error);
    bool inTransaction(const std::function<bool()> &work, StoreError *error);

    template<typename T>
    QList<T> select(const QString &statement, const QVariantList &values,
                    T (*read)(const QSqlQuery &));

    bool appSlugTaken(const QString &projectId, const QString &slug, const QString &exceptId);
    bool insertRoom(Room &room, StoreError *error);
    int dynamicRoomCount(const QString &appId);

    Database &m_database;
    ControlPlaneSettings m_settings;
};

} // namespace NoLag::Server
