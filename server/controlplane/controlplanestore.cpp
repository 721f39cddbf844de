// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "controlplanestore.h"

#include "blueprints.h"
#include "controlplanelogging_p.h"
#include "credentials.h"
#include "storage/database.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QRegularExpression>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace NoLag::Server {

namespace {

// A room a blueprint gives an app; its topics are the app's.
Room staticRoom(const BlueprintRoom &definition, const QString &appId, const QStringList &topics)
{
    Room room;
    room.appId = appId;
    room.name = definition.name;
    room.slug = definition.slug;
    room.description = definition.description;
    room.type = RoomType::Static;
    room.topics = topics;
    return room;
}

// Schema version 1 of the part "controlplane". Slugs are unique among rows that are not
// deleted, so a deleted app's or room's slug can be used again.
const QList<QStringList> migrationSteps{{
    u"CREATE TABLE cp_projects ("
    "seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
    "organization_id TEXT NOT NULL, name TEXT NOT NULL,"
    "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT)"_s,
    u"CREATE TABLE cp_api_keys ("
    "key_id TEXT PRIMARY KEY, project_id TEXT NOT NULL REFERENCES cp_projects(id),"
    "secret_hash BLOB NOT NULL, origin TEXT NOT NULL, created_at TEXT NOT NULL)"_s,
    u"CREATE TABLE cp_apps ("
    "seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
    "project_id TEXT NOT NULL REFERENCES cp_projects(id), name TEXT NOT NULL,"
    "slug TEXT NOT NULL, description TEXT, blueprint_id TEXT,"
    "config TEXT NOT NULL DEFAULT '{}', topics TEXT NOT NULL DEFAULT '[]',"
    "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT)"_s,
    u"CREATE UNIQUE INDEX cp_apps_slug ON cp_apps (project_id, slug) "
    "WHERE deleted_at IS NULL"_s,
    u"CREATE TABLE cp_rooms ("
    "seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
    "app_id TEXT NOT NULL REFERENCES cp_apps(id), name TEXT NOT NULL, slug TEXT NOT NULL,"
    "description TEXT, room_type TEXT NOT NULL CHECK (room_type IN ('static', 'dynamic')),"
    "is_enabled INTEGER NOT NULL DEFAULT 1, topics TEXT NOT NULL DEFAULT '[]',"
    "config TEXT NOT NULL DEFAULT '{}',"
    "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT)"_s,
    u"CREATE UNIQUE INDEX cp_rooms_slug ON cp_rooms (app_id, slug) "
    "WHERE deleted_at IS NULL"_s,
    u"CREATE TABLE cp_scopes ("
    "seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
    "project_id TEXT NOT NULL REFERENCES cp_projects(id), slug TEXT NOT NULL,"
    "name TEXT NOT NULL, description TEXT, metadata TEXT,"
    "is_active INTEGER NOT NULL DEFAULT 1,"
    "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT)"_s,
    u"CREATE UNIQUE INDEX cp_scopes_slug ON cp_scopes (project_id, slug) "
    "WHERE deleted_at IS NULL"_s,
    u"CREATE TABLE cp_actors ("
    "seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
    "project_id TEXT NOT NULL REFERENCES cp_projects(id), name TEXT NOT NULL,"
    "actor_type TEXT NOT NULL, description TEXT, external_id TEXT, metadata TEXT,"
    "is_active INTEGER NOT NULL DEFAULT 1, token_hash BLOB NOT NULL UNIQUE,"
    "access_scope_id TEXT, last_connected_at TEXT,"
    "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT)"_s,
    u"CREATE TABLE cp_room_grants ("
    "seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
    "room_id TEXT NOT NULL REFERENCES cp_rooms(id), actor_token_id TEXT, actor_type TEXT,"
    "permission TEXT NOT NULL, topics TEXT, is_active INTEGER NOT NULL DEFAULT 1,"
    "expires_at TEXT, role TEXT, metadata TEXT,"
    "created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"_s,
    u"CREATE INDEX cp_room_grants_room ON cp_room_grants (room_id)"_s,
    u"CREATE TABLE cp_values (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
}};

const QString projectColumns = u"id, organization_id, name, created_at, updated_at"_s;
const QString appColumns = u"id, project_id, name, slug, description, blueprint_id, config, "
                           "topics, created_at, updated_at, deleted_at"_s;
const QString roomColumns = u"id, app_id, name, slug, description, room_type, is_enabled, "
                            "topics, config, created_at, updated_at"_s;
const QString grantColumns = u"id, room_id, actor_token_id, actor_type, permission, topics, "
                             "is_active, expires_at, role, metadata, created_at, updated_at"_s;
const QString actorColumns = u"id, project_id, name, actor_type, description, external_id, "
                             "metadata, is_active, last_connected_at, access_scope_id, "
                             "created_at, updated_at"_s;
const QString scopeColumns = u"id, project_id, slug, name, description, metadata, is_active, "
                             "created_at, updated_at"_s;

QVariant nullable(const QString &text)
{
    return text.isNull() ? QVariant() : QVariant(text);
}

QString text(const QSqlQuery &query, int column)
{
    const QVariant value = query.value(column);
    return value.isNull() ? QString() : value.toString();
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString jsonText(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QVariant jsonValueText(const QJsonValue &value)
{
    if (value.isObject()) {
        return jsonText(value.toObject());
    }
    return QVariant();
}

QJsonObject objectFromText(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QJsonValue objectOrNull(const QString &json)
{
    if (json.isNull()) {
        return QJsonValue::Null;
    }
    return objectFromText(json);
}

QStringList listFromText(const QString &json)
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array) {
        list.append(value.toString());
    }
    return list;
}

Project readProject(const QSqlQuery &query)
{
    return Project{text(query, 0), text(query, 1), text(query, 2), text(query, 3), text(query, 4)};
}

App readApp(const QSqlQuery &query)
{
    App app;
    app.id = text(query, 0);
    app.projectId = text(query, 1);
    app.name = text(query, 2);
    app.slug = text(query, 3);
    app.description = text(query, 4);
    app.blueprintId = text(query, 5);
    app.config = objectFromText(text(query, 6));
    app.topics = listFromText(text(query, 7));
    app.createdAt = text(query, 8);
    app.updatedAt = text(query, 9);
    app.deletedAt = text(query, 10);
    return app;
}

Room readRoom(const QSqlQuery &query)
{
    Room room;
    room.id = text(query, 0);
    room.appId = text(query, 1);
    room.name = text(query, 2);
    room.slug = text(query, 3);
    room.description = text(query, 4);
    room.type = text(query, 5) == u"static"_s ? RoomType::Static : RoomType::Dynamic;
    room.enabled = query.value(6).toInt() != 0;
    room.topics = listFromText(text(query, 7));
    room.config = objectFromText(text(query, 8));
    room.createdAt = text(query, 9);
    room.updatedAt = text(query, 10);
    return room;
}

RoomGrant readGrant(const QSqlQuery &query)
{
    RoomGrant grant;
    grant.id = text(query, 0);
    grant.roomId = text(query, 1);
    grant.actorTokenId = text(query, 2);
    grant.actorType = text(query, 3);
    grant.permission = permissionFromName(text(query, 4)).value_or(Permission::Subscribe);
    const QString topics = text(query, 5);
    if (!topics.isNull()) {
        grant.topics = listFromText(topics);
    }
    grant.active = query.value(6).toInt() != 0;
    grant.expiresAt = text(query, 7);
    grant.role = text(query, 8);
    grant.metadata = objectOrNull(text(query, 9));
    grant.createdAt = text(query, 10);
    grant.updatedAt = text(query, 11);
    return grant;
}

Actor readActor(const QSqlQuery &query)
{
    Actor actor;
    actor.id = text(query, 0);
    actor.projectId = text(query, 1);
    actor.name = text(query, 2);
    actor.actorType = text(query, 3);
    actor.description = text(query, 4);
    actor.externalId = text(query, 5);
    actor.metadata = objectOrNull(text(query, 6));
    actor.active = query.value(7).toInt() != 0;
    actor.lastConnectedAt = text(query, 8);
    actor.accessScopeId = text(query, 9);
    actor.createdAt = text(query, 10);
    actor.updatedAt = text(query, 11);
    return actor;
}

Scope readScope(const QSqlQuery &query)
{
    Scope scope;
    scope.id = text(query, 0);
    scope.projectId = text(query, 1);
    scope.slug = text(query, 2);
    scope.name = text(query, 3);
    scope.description = text(query, 4);
    scope.metadata = objectOrNull(text(query, 5));
    scope.active = query.value(6).toInt() != 0;
    scope.createdAt = text(query, 7);
    scope.updatedAt = text(query, 8);
    return scope;
}

StoreError failure(StoreError::Kind kind, const QString &message)
{
    return StoreError{kind, message};
}

void setError(StoreError *error, StoreError::Kind kind, const QString &message)
{
    if (error) {
        *error = failure(kind, message);
    }
}

// Filters, sorts and slices a list the way rest-api.md §2.1 describes. Lists of one project
// are small, so this runs in memory, where case-insensitive search also works beyond ASCII.
template<typename T>
Page<T> paginate(QList<T> items, const ListQuery &query)
{
    if (!query.search.isEmpty()) {
        items.removeIf([&query](const T &item) {
            return !item.name.contains(query.search, Qt::CaseInsensitive) &&
                !item.slug.contains(query.search, Qt::CaseInsensitive);
        });
    }

    auto key = [&query](const T &item) -> const QString & {
        if (query.sortBy == u"name"_s) {
            return item.name;
        }
        if (query.sortBy == u"slug"_s) {
            return item.slug;
        }
        if (query.sortBy == u"updatedAt"_s) {
            return item.updatedAt;
        }
        return item.createdAt;
    };
    std::stable_sort(items.begin(), items.end(), [&](const T &a, const T &b) {
        const int order = QString::compare(key(a), key(b), Qt::CaseInsensitive);
        return query.descending ? order > 0 : order < 0;
    });

    Page<T> page;
    page.total = int(items.size());
    const qsizetype offset = qsizetype(query.page - 1) * query.limit;
    if (offset < items.size()) {
        page.items = items.mid(offset, query.limit);
    }
    return page;
}

} // namespace

ControlPlaneStore::ControlPlaneStore(Database &database, ControlPlaneSettings settings)
    : m_database(database)
    , m_settings(settings)
{ }

bool ControlPlaneStore::migrate(QString *errorString)
{
    return m_database.migrate(u"controlplane"_s, migrationSteps, errorString);
}

QString ControlPlaneStore::slugFromName(const QString &name)
{
    QString slug;
    bool pendingHyphen = false;
    for (const QChar c : name.toLower()) {
        const bool allowed = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (!allowed) {
            pendingHyphen = true;
            continue;
        }
        if (pendingHyphen && !slug.isEmpty()) {
            slug.append(u'-');
        }
        pendingHyphen = false;
        slug.append(c);
    }
    slug.truncate(100);
    while (slug.endsWith(u'-')) {
        slug.chop(1);
    }
    return slug;
}

bool ControlPlaneStore::isValidSlug(const QString &slug)
{
    static const QRegularExpression pattern(u"^[a-z0-9]+(-[a-z0-9]+)*$"_s);
    return slug.size() <= 100 && pattern.match(slug).hasMatch();
}

bool ControlPlaneStore::isValidTopicName(const QString &topic)
{
    static const QRegularExpression pattern(u"^[a-zA-Z0-9_:-]{1,100}$"_s);
    return pattern.match(topic).hasMatch();
}

bool ControlPlaneStore::exec(QSqlQuery &query, const QString &statement, const QVariantList &values,
                             StoreError *error)
{
    if (!query.prepare(statement)) {
        qCWarning(lcControlPlane, "The database could not prepare a statement: %s",
                  qPrintable(query.lastError().text()));
        setError(error, StoreError::Kind::Storage,
                 u"the database failed: %1"_s.arg(query.lastError().text()));
        return false;
    }
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
    if (!query.exec()) {
        // Constraint failures are expected (two requests racing for one slug); the caller
        // turns them into a conflict, so they are not warnings.
        qCDebug(lcControlPlane, "A statement failed: %s", qPrintable(query.lastError().text()));
        setError(error, StoreError::Kind::Storage,
                 u"the database failed: %1"_s.arg(query.lastError().text()));
        return false;
    }
    return true;
}

bool ControlPlaneStore::exec(const QString &statement, const QVariantList &values,
                             StoreError *error)
{
    QSqlQuery query(m_database.connection());
    return exec(query, statement, values, error);
}

bool ControlPlaneStore::inTransaction(const std::function<bool()> &work, StoreError *error)
{
    // A savepoint rather than BEGIN: the broker batches its own writes in a transaction that
    // stays open until the end of the event loop turn, and a savepoint nests inside it (or
    // starts a transaction of its own when there is none), so either way this work is all
    // or nothing.
    if (!exec(u"SAVEPOINT controlplane"_s, {}, error)) {
        return false;
    }
    if (work() && exec(u"RELEASE controlplane"_s, {}, error)) {
        return true;
    }
    exec(u"ROLLBACK TO controlplane"_s, {}, nullptr);
    exec(u"RELEASE controlplane"_s, {}, nullptr);
    return false;
}

template<typename T>
QList<T> ControlPlaneStore::select(const QString &statement, const QVariantList &values,
                                   T (*read)(const QSqlQuery &))
{
    QList<T> rows;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!exec(query, statement, values, nullptr)) {
        qCWarning(lcControlPlane, "Reading the control plane failed: %s",
                  qPrintable(query.lastError().text()));
        return rows;
    }
    while (query.next()) {
        rows.append(read(query));
    }
    return rows;
}

// Projects and API keys

std::optional<Project> ControlPlaneStore::project(const QString &projectId)
{
    const QList<Project> rows = select<Project>(
        u"SELECT %1 FROM cp_projects WHERE id = ? AND deleted_at IS NULL"_s.arg(projectColumns),
        {projectId}, readProject);
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

std::optional<Project> ControlPlaneStore::defaultProject()
{
    const QList<Project> rows = select<Project>(
        u"SELECT %1 FROM cp_projects WHERE deleted_at IS NULL ORDER BY seq LIMIT 1"_s.arg(
            projectColumns),
        {}, readProject);
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

std::optional<Project> ControlPlaneStore::createProject(const QString &name, StoreError *error)
{
    const QString now = Credentials::timestampNow();
    Project project{Credentials::newId(), Credentials::newId(), name, now, now};
    if (!exec(u"INSERT INTO cp_projects (id, organization_id, name, created_at, updated_at) "
              "VALUES (?, ?, ?, ?, ?)"_s,
              {project.id, project.organizationId, project.name, now, now}, error)) {
        return std::nullopt;
    }
    qCInfo(lcControlPlane, "Created project \"%s\" (%s)", qPrintable(name), qPrintable(project.id));
    return project;
}

bool ControlPlaneStore::registerApiKey(const QString &projectId, const QString &key,
                                       const QString &origin, StoreError *error)
{
    const std::optional<Credentials::ApiKey> parts = Credentials::parseApiKey(key);
    if (!parts) {
        setError(error, StoreError::Kind::Invalid,
                 u"an API key has the form nlg_live_<id>.<secret>: the id is 1 to 64 letters "
                 "or digits, the secret 1 to 256 letters, digits, '-' or '_'"_s);
        return false;
    }
    return exec(u"INSERT OR REPLACE INTO cp_api_keys "
                "(key_id, project_id, secret_hash, origin, created_at) VALUES (?, ?, ?, ?, ?)"_s,
                {parts->id, projectId, Credentials::hashSecret(parts->secret), origin,
                 Credentials::timestampNow()},
                error);
}

void ControlPlaneStore::revokeApiKeys(const QString &projectId, const QString &origin)
{
    exec(u"DELETE FROM cp_api_keys WHERE project_id = ? AND origin = ?"_s, {projectId, origin},
         nullptr);
}

std::optional<Project> ControlPlaneStore::projectForApiKey(const QString &key)
{
    const std::optional<Credentials::ApiKey> parts = Credentials::parseApiKey(key);
    if (!parts) {
        return std::nullopt;
    }
    QSqlQuery query(m_database.connection());
    if (!exec(query, u"SELECT project_id, secret_hash FROM cp_api_keys WHERE key_id = ?"_s,
              {parts->id}, nullptr) ||
        !query.next()) {
        return std::nullopt;
    }
    if (!Credentials::hashesEqual(query.value(1).toByteArray(),
                                  Credentials::hashSecret(parts->secret))) {
        return std::nullopt;
    }
    return project(query.value(0).toString());
}

// Apps

Page<App> ControlPlaneStore::listApps(const QString &projectId, const ListQuery &query)
{
    return paginate(appsOfProject(projectId), query);
}

std::optional<App> ControlPlaneStore::app(const QString &projectId, const QString &appId)
{
    const QList<App> rows = select<App>(
        u"SELECT %1 FROM cp_apps WHERE id = ? AND project_id = ? AND deleted_at IS NULL"_s.arg(
            appColumns),
        {appId, projectId}, readApp);
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

bool ControlPlaneStore::appSlugTaken(const QString &projectId, const QString &slug,
                                     const QString &exceptId)
{
    QSqlQuery query(m_database.connection());
    return exec(query,
                u"SELECT 1 FROM cp_apps WHERE project_id = ? AND slug = ? AND id != ? "
                "AND deleted_at IS NULL"_s,
                {projectId, slug, exceptId.isEmpty() ? u"-"_s : exceptId}, nullptr) &&
        query.next();
}

std::optional<App> ControlPlaneStore::createApp(const QString &projectId, App draft, SlugMode mode,
                                                StoreError *error)
{
    QString slug = draft.slug.isEmpty() ? slugFromName(draft.name) : draft.slug;
    if (slug.isEmpty()) {
        setError(error, StoreError::Kind::Invalid,
                 u"slug: no slug can be made from the name \"%1\" (it has no letters or "
                 "digits); give a slug"_s.arg(draft.name));
        return std::nullopt;
    }

    const Blueprint *blueprint = findBlueprint(draft.blueprintId);
    if (blueprint) {
        if (draft.topics.isEmpty()) {
            draft.topics = blueprint->topics;
        }
        if (draft.config.isEmpty()) {
            draft.config = blueprint->config;
        }
    }

    if (mode == SlugMode::AddSuffix && m_settings.appSlugSuffix) {
        QString base = slug.left(95);
        while (base.endsWith(u'-')) {
            base.chop(1);
        }
        // Four hex characters give 65,536 slugs per base; a few tries find a free one.
        for (int attempt = 0; attempt < 32; ++attempt) {
            slug = base + u'-' + Credentials::randomHex(4);
            if (!appSlugTaken(projectId, slug, QString())) {
                break;
            }
        }
    }
    if (appSlugTaken(projectId, slug, QString())) {
        setError(error, StoreError::Kind::Conflict,
                 u"slug: an app with the slug \"%1\" already exists in this project"_s.arg(slug));
        return std::nullopt;
    }

    const QString now = Credentials::timestampNow();
    App app = draft;
    app.id = Credentials::newId();
    app.projectId = projectId;
    app.slug = slug;
    app.createdAt = now;
    app.updatedAt = now;
    app.deletedAt = QString();

    const bool stored = inTransaction(
        [&] {
            if (!exec(u"INSERT INTO cp_apps (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(
                          appColumns),
                      {app.id, projectId, app.name, app.slug, nullable(app.description),
                       nullable(app.blueprintId), jsonText(app.config), jsonText(app.topics), now,
                       now, QVariant()},
                      error)) {
                return false;
            }
            if (!blueprint) {
                return true;
            }
            for (const BlueprintRoom &definition : blueprint->rooms) {
                Room room = staticRoom(definition, app.id, app.topics);
                if (!insertRoom(room, error)) {
                    return false;
                }
            }
            return true;
        },
        error);
    if (!stored) {
        return std::nullopt;
    }
    qCInfo(lcControlPlane, "Created app \"%s\" with slug %s", qPrintable(app.name),
           qPrintable(app.slug));
    return app;
}

std::optional<App> ControlPlaneStore::updateApp(const App &app, StoreError *error)
{
    if (appSlugTaken(app.projectId, app.slug, app.id)) {
        setError(
            error, StoreError::Kind::Conflict,
            u"slug: an app with the slug \"%1\" already exists in this project"_s.arg(app.slug));
        return std::nullopt;
    }
    App updated = app;
    updated.updatedAt = Credentials::timestampNow();
    if (!exec(u"UPDATE cp_apps SET name = ?, slug = ?, description = ?, config = ?, topics = ?, "
              "updated_at = ? WHERE id = ? AND deleted_at IS NULL"_s,
              {updated.name, updated.slug, nullable(updated.description), jsonText(updated.config),
               jsonText(updated.topics), updated.updatedAt, updated.id},
              error)) {
        return std::nullopt;
    }
    qCInfo(lcControlPlane, "Updated app %s", qPrintable(updated.slug));
    return updated;
}

bool ControlPlaneStore::deleteApp(const App &app, StoreError *error)
{
    const QString now = Credentials::timestampNow();
    const bool deleted = inTransaction(
        [&] {
            return exec(u"UPDATE cp_apps SET deleted_at = ? WHERE id = ?"_s, {now, app.id},
                        error) &&
                exec(u"UPDATE cp_rooms SET deleted_at = ? "
                     "WHERE app_id = ? AND deleted_at IS NULL"_s,
                     {now, app.id}, error);
        },
        error);
    if (deleted) {
        qCInfo(lcControlPlane, "Deleted app %s and its rooms", qPrintable(app.slug));
    }
    return deleted;
}

std::optional<App> ControlPlaneStore::resetAppToBlueprint(const App &app, StoreError *error)
{
    if (app.blueprintId.isEmpty()) {
        setError(error, StoreError::Kind::Invalid,
                 u"blueprintId: this app was not created from a blueprint, so there is "
                 "nothing to reset it to"_s);
        return std::nullopt;
    }
    const Blueprint *blueprint = findBlueprint(app.blueprintId);
    if (!blueprint) {
        // The hosted catalogue is not available locally: nothing to restore from.
        return app;
    }

    App restored = app;
    restored.topics = blueprint->topics;
    restored.config = blueprint->config;
    restored.updatedAt = Credentials::timestampNow();
    const bool stored = inTransaction(
        [&] {
            if (!exec(u"UPDATE cp_apps SET topics = ?, config = ?, updated_at = ? "
                      "WHERE id = ?"_s,
                      {jsonText(restored.topics), jsonText(restored.config), restored.updatedAt,
                       restored.id},
                      error)) {
                return false;
            }
            for (const BlueprintRoom &definition : blueprint->rooms) {
                const std::optional<Room> existing = roomBySlug(app.id, definition.slug);
                if (existing) {
                    if (!existing->enabled &&
                        !exec(u"UPDATE cp_rooms SET is_enabled = 1, updated_at = ? "
                              "WHERE id = ?"_s,
                              {restored.updatedAt, existing->id}, error)) {
                        return false;
                    }
                    continue;
                }
                Room room = staticRoom(definition, app.id, restored.topics);
                if (!insertRoom(room, error)) {
                    return false;
                }
            }
            return true;
        },
        error);
    if (!stored) {
        return std::nullopt;
    }
    qCInfo(lcControlPlane, "Reset app %s to its blueprint %s", qPrintable(app.slug),
           qPrintable(app.blueprintId));
    return restored;
}

// Rooms

QList<Room> ControlPlaneStore::listRooms(const QString &appId)
{
    return select<Room>(
        u"SELECT %1 FROM cp_rooms WHERE app_id = ? AND deleted_at IS NULL ORDER BY seq"_s.arg(
            roomColumns),
        {appId}, readRoom);
}

std::optional<Room> ControlPlaneStore::room(const QString &appId, const QString &roomId)
{
    const QList<Room> rows = select<Room>(
        u"SELECT %1 FROM cp_rooms WHERE id = ? AND app_id = ? AND deleted_at IS NULL"_s.arg(
            roomColumns),
        {roomId, appId}, readRoom);
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

std::optional<Room> ControlPlaneStore::roomBySlug(const QString &appId, const QString &slug)
{
    const QList<Room> rows = select<Room>(
        u"SELECT %1 FROM cp_rooms WHERE slug = ? AND app_id = ? AND deleted_at IS NULL"_s.arg(
            roomColumns),
        {slug, appId}, readRoom);
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

int ControlPlaneStore::dynamicRoomCount(const QString &appId)
{
    QSqlQuery query(m_database.connection());
    if (!exec(query,
              u"SELECT COUNT(*) FROM cp_rooms WHERE app_id = ? AND room_type = 'dynamic' "
              "AND deleted_at IS NULL"_s,
              {appId}, nullptr) ||
        !query.next()) {
        return 0;
    }
    return query.value(0).toInt();
}

bool ControlPlaneStore::insertRoom(Room &room, StoreError *error)
{
    const QString now = Credentials::timestampNow();
    room.id = Credentials::newId();
    room.createdAt = now;
    room.updatedAt = now;
    return exec(
        u"INSERT INTO cp_rooms (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(roomColumns),
        {room.id, room.appId, room.name, room.slug, nullable(room.description),
         room.type == RoomType::Static ? u"static"_s : u"dynamic"_s, room.enabled ? 1 : 0,
         jsonText(room.topics), jsonText(room.config), now, now},
        error);
}

std::optional<Room> ControlPlaneStore::createRoom(const App &app, Room draft, RoomType type,
                                                  StoreError *error)
{
    if (draft.slug.isEmpty()) {
        draft.slug = slugFromName(draft.name);
    }
    if (draft.slug.isEmpty()) {
        setError(error, StoreError::Kind::Invalid,
                 u"slug: no slug can be made from the name \"%1\" (it has no letters or "
                 "digits); give a slug"_s.arg(draft.name));
        return std::nullopt;
    }
    if (roomBySlug(app.id, draft.slug)) {
        setError(error, StoreError::Kind::Conflict,
                 u"slug: a room with the slug \"%1\" already exists in this app"_s.arg(draft.slug));
        return std::nullopt;
    }
    if (type == RoomType::Dynamic && dynamicRoomCount(app.id) >= m_settings.dynamicRoomCap) {
        setError(error, StoreError::Kind::Conflict,
                 u"this app already has %1 dynamic rooms, the most one app may have; delete "
                 "rooms it no longer needs"_s.arg(m_settings.dynamicRoomCap));
        return std::nullopt;
    }

    draft.appId = app.id;
    draft.type = type;
    if (!insertRoom(draft, error)) {
        // A request that raced this one for the same slug wins; report it as such.
        if (roomBySlug(app.id, draft.slug)) {
            setError(
                error, StoreError::Kind::Conflict,
                u"slug: a room with the slug \"%1\" already exists in this app"_s.arg(draft.slug));
        }
        return std::nullopt;
    }
    qCInfo(lcControlPlane, "Created room %s/%s", qPrintable(app.slug), qPrintable(draft.slug));
    return draft;
}

std::optional<Room> ControlPlaneStore::ensureRoom(const App &app, Room draft, bool *created,
                                                  StoreError *error)
{
    *created = false;
    if (!app.autoProvisionsRooms()) {
        setError(error, StoreError::Kind::Forbidden,
                 u"autoProvisionRooms is disabled for this app: set config.autoProvisionRooms "
                 "to true to let rooms.ensure create rooms"_s);
        return std::nullopt;
    }
    if (draft.slug.isEmpty()) {
        draft.slug = slugFromName(draft.name);
    }
    if (const std::optional<Room> existing = roomBySlug(app.id, draft.slug)) {
        return existing;
    }
    std::optional<Room> room = createRoom(app, draft, RoomType::Dynamic, error);
    *created = room.has_value();
    return room;
}

std::optional<Room> ControlPlaneStore::updateRoom(const Room &room, StoreError *error)
{
    Room updated = room;
    updated.updatedAt = Credentials::timestampNow();
    if (!exec(u"UPDATE cp_rooms SET name = ?, description = ?, is_enabled = ?, topics = ?, "
              "config = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL"_s,
              {updated.name, nullable(updated.description), updated.enabled ? 1 : 0,
               jsonText(updated.topics), jsonText(updated.config), updated.updatedAt, updated.id},
              error)) {
        return std::nullopt;
    }
    qCInfo(lcControlPlane, "Updated room %s (%s)", qPrintable(updated.slug),
           updated.enabled ? "enabled" : "disabled");
    return updated;
}

bool ControlPlaneStore::deleteRoom(const Room &room, StoreError *error)
{
    if (room.type == RoomType::Static) {
        setError(error, StoreError::Kind::Forbidden,
                 u"\"%1\" is a static room, defined by its app, and cannot be deleted; set "
                 "isEnabled to false to take it out of use"_s.arg(room.slug));
        return false;
    }
    const bool deleted = inTransaction(
        [&] {
            return exec(u"UPDATE cp_rooms SET deleted_at = ? WHERE id = ?"_s,
                        {Credentials::timestampNow(), room.id}, error) &&
                exec(u"DELETE FROM cp_room_grants WHERE room_id = ?"_s, {room.id}, error);
        },
        error);
    if (deleted) {
        qCInfo(lcControlPlane, "Deleted room %s", qPrintable(room.slug));
    }
    return deleted;
}

// Room actor grants

QList<RoomGrant> ControlPlaneStore::listGrants(const QString &roomId)
{
    return select<RoomGrant>(
        u"SELECT %1 FROM cp_room_grants WHERE room_id = ? ORDER BY seq"_s.arg(grantColumns),
        {roomId}, readGrant);
}

std::optional<RoomGrant> ControlPlaneStore::createGrant(RoomGrant draft, StoreError *error)
{
    const QString now = Credentials::timestampNow();
    draft.id = Credentials::newId();
    draft.createdAt = now;
    draft.updatedAt = now;
    if (!exec(u"INSERT INTO cp_room_grants (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(
                  grantColumns),
              {draft.id, draft.roomId, nullable(draft.actorTokenId), nullable(draft.actorType),
               permissionName(draft.permission),
               draft.topics ? QVariant(jsonText(*draft.topics)) : QVariant(), draft.active ? 1 : 0,
               nullable(draft.expiresAt), nullable(draft.role), jsonValueText(draft.metadata), now,
               now},
              error)) {
        return std::nullopt;
    }
    qCInfo(lcControlPlane, "Granted %s on room %s to %s",
           qPrintable(permissionName(draft.permission)), qPrintable(draft.roomId),
           qPrintable(draft.actorTokenId.isEmpty() ? u"actor type "_s + draft.actorType
                                                   : u"actor "_s + draft.actorTokenId));
    return draft;
}

bool ControlPlaneStore::deleteGrant(const QString &roomId, const QString &grantId,
                                    StoreError *error)
{
    QSqlQuery query(m_database.connection());
    if (!exec(query, u"DELETE FROM cp_room_grants WHERE room_id = ? AND id = ?"_s,
              {roomId, grantId}, error)) {
        return false;
    }
    if (query.numRowsAffected() < 1) {
        setError(error, StoreError::Kind::NotFound,
                 u"this room has no grant with the id \"%1\""_s.arg(grantId));
        return false;
    }
    qCInfo(lcControlPlane, "Revoked grant %s of room %s", qPrintable(grantId), qPrintable(roomId));
    return true;
}

// Actors

QList<Actor> ControlPlaneStore::listActors(const QString &projectId)
{
    return select<Actor>(u"SELECT %1 FROM cp_actors WHERE project_id = ? AND deleted_at IS NULL "
                         "ORDER BY seq"_s.arg(actorColumns),
                         {projectId}, readActor);
}

std::optional<Actor> ControlPlaneStore::actor(const QString &projectId, const QString &actorId)
{
    const QList<Actor> rows = select<Actor>(
        u"SELECT %1 FROM cp_actors WHERE id = ? AND project_id = ? AND deleted_at IS NULL"_s.arg(
            actorColumns),
        {actorId, projectId}, readActor);
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

std::optional<Actor> ControlPlaneStore::actorById(const QString &actorId)
{
    const QList<Actor> rows = select<Actor>(
        u"SELECT %1 FROM cp_actors WHERE id = ? AND deleted_at IS NULL"_s.arg(actorColumns),
        {actorId}, readActor);
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

std::optional<Actor> ControlPlaneStore::actorForToken(const QString &token)
{
    // SHA-256 of a high-entropy token: looking the hash up by index leaks nothing useful.
    const QList<Actor> rows = select<Actor>(
        u"SELECT %1 FROM cp_actors WHERE token_hash = ? AND deleted_at IS NULL"_s.arg(actorColumns),
        {Credentials::hashSecret(token)}, readActor);
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

std::optional<Actor> ControlPlaneStore::createActor(const QString &projectId, Actor draft,
                                                    QString *token, StoreError *error)
{
    if (token->isEmpty()) {
        *token = Credentials::newActorToken();
    }
    const QString now = Credentials::timestampNow();
    draft.id = Credentials::newId();
    draft.projectId = projectId;
    draft.lastConnectedAt = QString();
    draft.createdAt = now;
    draft.updatedAt = now;
    if (!exec(u"INSERT INTO cp_actors (%1, token_hash) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(actorColumns),
              {draft.id, projectId, draft.name, draft.actorType, nullable(draft.description),
               nullable(draft.externalId), jsonValueText(draft.metadata), draft.active ? 1 : 0,
               QVariant(), nullable(draft.accessScopeId), now, now,
               Credentials::hashSecret(*token)},
              error)) {
        return std::nullopt;
    }
    qCInfo(lcControlPlane, "Created %s actor \"%s\" (%s)", qPrintable(draft.actorType),
           qPrintable(draft.name), qPrintable(draft.id));
    return draft;
}

std::optional<Actor> ControlPlaneStore::updateActor(const Actor &actor, StoreError *error)
{
    Actor updated = actor;
    updated.updatedAt = Credentials::timestampNow();
    if (!exec(u"UPDATE cp_actors SET name = ?, description = ?, external_id = ?, metadata = ?, "
              "is_active = ?, access_scope_id = ?, updated_at = ? "
              "WHERE id = ? AND deleted_at IS NULL"_s,
              {updated.name, nullable(updated.description), nullable(updated.externalId),
               jsonValueText(updated.metadata), updated.active ? 1 : 0,
               nullable(updated.accessScopeId), updated.updatedAt, updated.id},
              error)) {
        return std::nullopt;
    }
    qCInfo(lcControlPlane, "Updated actor %s (%s)", qPrintable(updated.id),
           updated.active ? "active" : "inactive");
    return updated;
}

bool ControlPlaneStore::deleteActor(const Actor &actor, StoreError *error)
{
    if (!exec(u"UPDATE cp_actors SET deleted_at = ? WHERE id = ?"_s,
              {Credentials::timestampNow(), actor.id}, error)) {
        return false;
    }
    qCInfo(lcControlPlane, "Deleted actor %s", qPrintable(actor.id));
    return true;
}

bool ControlPlaneStore::setActorToken(const QString &actorId, const QString &token,
                                      StoreError *error)
{
    return exec(u"UPDATE cp_actors SET token_hash = ?, updated_at = ? WHERE id = ?"_s,
                {Credentials::hashSecret(token), Credentials::timestampNow(), actorId}, error);
}

bool ControlPlaneStore::hasActorToken(const QString &actorId, const QString &token)
{
    QSqlQuery query(m_database.connection());
    if (!exec(query, u"SELECT token_hash FROM cp_actors WHERE id = ?"_s, {actorId}, nullptr) ||
        !query.next()) {
        return false;
    }
    return Credentials::hashesEqual(query.value(0).toByteArray(), Credentials::hashSecret(token));
}

bool ControlPlaneStore::actorExisted(const QString &actorId)
{
    QSqlQuery query(m_database.connection());
    return exec(query, u"SELECT 1 FROM cp_actors WHERE id = ?"_s, {actorId}, nullptr) &&
        query.next();
}

void ControlPlaneStore::recordConnection(const QString &actorId)
{
    exec(u"UPDATE cp_actors SET last_connected_at = ? WHERE id = ?"_s,
         {Credentials::timestampNow(), actorId}, nullptr);
}

// Scopes

Page<Scope> ControlPlaneStore::listScopes(const QString &projectId, const ListQuery &query)
{
    return paginate(select<Scope>(u"SELECT %1 FROM cp_scopes WHERE project_id = ? "
                                  "AND deleted_at IS NULL ORDER BY seq"_s.arg(scopeColumns),
                                  {projectId}, readScope),
                    query);
}

std::optional<Scope> ControlPlaneStore::scope(const QString &projectId, const QString &scopeId)
{
    const QList<Scope> rows = select<Scope>(
        u"SELECT %1 FROM cp_scopes WHERE id = ? AND project_id = ? AND deleted_at IS NULL"_s.arg(
            scopeColumns),
        {scopeId, projectId}, readScope);
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

std::optional<Scope> ControlPlaneStore::createScope(const QString &projectId, Scope draft,
                                                    StoreError *error)
{
    QSqlQuery query(m_database.connection());
    if (exec(query,
             u"SELECT 1 FROM cp_scopes WHERE project_id = ? AND slug = ? "
             "AND deleted_at IS NULL"_s,
             {projectId, draft.slug}, nullptr) &&
        query.next()) {
        setError(
            error, StoreError::Kind::Conflict,
            u"slug: a scope with the slug \"%1\" already exists in this project"_s.arg(draft.slug));
        return std::nullopt;
    }
    const QString now = Credentials::timestampNow();
    draft.id = Credentials::newId();
    draft.projectId = projectId;
    draft.createdAt = now;
    draft.updatedAt = now;
    if (!exec(u"INSERT INTO cp_scopes (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(scopeColumns),
              {draft.id, projectId, draft.slug, draft.name, nullable(draft.description),
               jsonValueText(draft.metadata), draft.active ? 1 : 0, now, now},
              error)) {
        return std::nullopt;
    }
    qCInfo(lcControlPlane, "Created scope %s", qPrintable(draft.slug));
    return draft;
}

std::optional<Scope> ControlPlaneStore::updateScope(const Scope &scope, StoreError *error)
{
    Scope updated = scope;
    updated.updatedAt = Credentials::timestampNow();
    if (!exec(u"UPDATE cp_scopes SET name = ?, description = ?, metadata = ?, is_active = ?, "
              "updated_at = ? WHERE id = ? AND deleted_at IS NULL"_s,
              {updated.name, nullable(updated.description), jsonValueText(updated.metadata),
               updated.active ? 1 : 0, updated.updatedAt, updated.id},
              error)) {
        return std::nullopt;
    }
    qCInfo(lcControlPlane, "Updated scope %s", qPrintable(updated.slug));
    return updated;
}

bool ControlPlaneStore::deleteScope(const Scope &scope, StoreError *error)
{
    const QString now = Credentials::timestampNow();
    const bool deleted = inTransaction(
        [&] {
            return exec(u"UPDATE cp_scopes SET deleted_at = ? WHERE id = ?"_s, {now, scope.id},
                        error) &&
                exec(u"UPDATE cp_actors SET access_scope_id = NULL, updated_at = ? "
                     "WHERE access_scope_id = ?"_s,
                     {now, scope.id}, error);
        },
        error);
    if (deleted) {
        qCInfo(lcControlPlane, "Deleted scope %s; its actors are now unscoped",
               qPrintable(scope.slug));
    }
    return deleted;
}

QList<Actor> ControlPlaneStore::actorsInScope(const QString &scopeId)
{
    return select<Actor>(u"SELECT %1 FROM cp_actors WHERE access_scope_id = ? "
                         "AND deleted_at IS NULL ORDER BY seq"_s.arg(actorColumns),
                         {scopeId}, readActor);
}

// What realtime permissions are computed from

QList<App> ControlPlaneStore::appsOfProject(const QString &projectId)
{
    return select<App>(u"SELECT %1 FROM cp_apps WHERE project_id = ? AND deleted_at IS NULL "
                       "ORDER BY seq"_s.arg(appColumns),
                       {projectId}, readApp);
}

QList<Room> ControlPlaneStore::roomsOfProject(const QString &projectId)
{
    return select<Room>(u"SELECT r.id, r.app_id, r.name, r.slug, r.description, r.room_type, "
                        "r.is_enabled, r.topics, r.config, r.created_at, r.updated_at "
                        "FROM cp_rooms r JOIN cp_apps a ON a.id = r.app_id "
                        "WHERE a.project_id = ? AND a.deleted_at IS NULL "
                        "AND r.deleted_at IS NULL ORDER BY r.seq"_s,
                        {projectId}, readRoom);
}

QList<RoomGrant> ControlPlaneStore::grantsOfProject(const QString &projectId)
{
    return select<RoomGrant>(
        u"SELECT g.id, g.room_id, g.actor_token_id, g.actor_type, g.permission, g.topics, "
        "g.is_active, g.expires_at, g.role, g.metadata, g.created_at, g.updated_at "
        "FROM cp_room_grants g JOIN cp_rooms r ON r.id = g.room_id "
        "JOIN cp_apps a ON a.id = r.app_id "
        "WHERE a.project_id = ? AND a.deleted_at IS NULL AND r.deleted_at IS NULL "
        "ORDER BY g.seq"_s,
        {projectId}, readGrant);
}

QList<App> ControlPlaneStore::allApps()
{
    return select<App>(
        u"SELECT %1 FROM cp_apps WHERE deleted_at IS NULL ORDER BY seq"_s.arg(appColumns), {},
        readApp);
}

QList<Room> ControlPlaneStore::allEnabledRooms()
{
    return select<Room>(u"SELECT r.id, r.app_id, r.name, r.slug, r.description, r.room_type, "
                        "r.is_enabled, r.topics, r.config, r.created_at, r.updated_at "
                        "FROM cp_rooms r JOIN cp_apps a ON a.id = r.app_id "
                        "WHERE a.deleted_at IS NULL AND r.deleted_at IS NULL "
                        "AND r.is_enabled = 1 ORDER BY r.seq"_s,
                        {}, readRoom);
}

// Small persistent values

QString ControlPlaneStore::value(const QString &key)
{
    QSqlQuery query(m_database.connection());
    if (!exec(query, u"SELECT value FROM cp_values WHERE key = ?"_s, {key}, nullptr) ||
        !query.next()) {
        return QString();
    }
    return query.value(0).toString();
}

bool ControlPlaneStore::setValue(const QString &key, const QString &value, StoreError *error)
{
    return exec(u"INSERT OR REPLACE INTO cp_values (key, value) VALUES (?, ?)"_s, {key, value},
                error);
}

} // namespace NoLag::Server
