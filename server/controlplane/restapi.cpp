// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "restapi.h"

#include "controlplanelogging_p.h"
#include "controlplanestore.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSet>

using namespace Qt::StringLiterals;

namespace NoLag::Server {

namespace {

constexpr int maximumNameLength = 255;
constexpr int maximumDescriptionLength = 2000;
constexpr int maximumSlugLength = 100;
constexpr int maximumIdentifierLength = 255;
constexpr int maximumRoleLength = 100;
constexpr int maximumTopicCount = 100;
constexpr int maximumPageSize = 100;
constexpr int defaultPageSize = 10;

QString reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return u"OK"_s;
    case 201:
        return u"Created"_s;
    case 204:
        return u"No Content"_s;
    case 400:
        return u"Bad Request"_s;
    case 401:
        return u"Unauthorized"_s;
    case 403:
        return u"Forbidden"_s;
    case 404:
        return u"Not Found"_s;
    case 409:
        return u"Conflict"_s;
    case 413:
        return u"Payload Too Large"_s;
    default:
        break;
    }
    return u"Internal Server Error"_s;
}

RestResponse jsonResponse(int status, const QJsonDocument &document)
{
    RestResponse response;
    response.status = status;
    response.contentType = "application/json";
    response.body = document.toJson(QJsonDocument::Compact);
    return response;
}

RestResponse reply(int status, const QJsonObject &object)
{
    return jsonResponse(status, QJsonDocument(object));
}

RestResponse reply(int status, const QJsonArray &array)
{
    return jsonResponse(status, QJsonDocument(array));
}

RestResponse noContent()
{
    RestResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

RestResponse failure(int status, const QString &message)
{
    return reply(status,
                 QJsonObject{{u"statusCode"_s, status},
                             {u"message"_s, message},
                             {u"error"_s, reasonPhrase(status)}});
}

RestResponse failure(const StoreError &error)
{
    switch (error.kind) {
    case StoreError::Kind::NotFound:
        return failure(404, error.message);
    case StoreError::Kind::Conflict:
        return failure(409, error.message);
    case StoreError::Kind::Forbidden:
        return failure(403, error.message);
    case StoreError::Kind::Invalid:
        return failure(400, error.message);
    case StoreError::Kind::Storage:
        break;
    }
    qCWarning(lcControlPlane, "A REST request failed in the database: %s",
              qPrintable(error.message));
    return failure(500, u"nolag-local could not store the change: %1"_s.arg(error.message));
}

QJsonValue nullable(const QString &text)
{
    return text.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject toJson(const App &app)
{
    return QJsonObject{
        {u"appId"_s, app.id},
        {u"projectId"_s, app.projectId},
        {u"name"_s, app.name},
        {u"slug"_s, app.slug},
        {u"description"_s, nullable(app.description)},
        {u"blueprintId"_s, nullable(app.blueprintId)},
        {u"config"_s, app.config},
        {u"topics"_s, QJsonArray::fromStringList(app.topics)},
        {u"createdAt"_s, app.createdAt},
        {u"updatedAt"_s, app.updatedAt},
        {u"deletedAt"_s, nullable(app.deletedAt)},
    };
}

QJsonObject toJson(const Room &room)
{
    return QJsonObject{
        {u"roomId"_s, room.id},
        {u"appId"_s, room.appId},
        {u"name"_s, room.name},
        {u"slug"_s, room.slug},
        {u"description"_s, nullable(room.description)},
        {u"roomType"_s, room.type == RoomType::Static ? u"static"_s : u"dynamic"_s},
        {u"isEnabled"_s, room.enabled},
        {u"topics"_s, QJsonArray::fromStringList(room.topics)},
        {u"config"_s, room.config},
        {u"createdAt"_s, room.createdAt},
        {u"updatedAt"_s, room.updatedAt},
    };
}

QJsonObject toJson(const RoomGrant &grant)
{
    return QJsonObject{
        {u"roomActorAccessId"_s, grant.id},
        {u"roomId"_s, grant.roomId},
        {u"actorTokenId"_s, nullable(grant.actorTokenId)},
        {u"actorType"_s, nullable(grant.actorType)},
        {u"permission"_s, permissionName(grant.permission)},
        {u"topics"_s,
         grant.topics ? QJsonValue(QJsonArray::fromStringList(*grant.topics))
                      : QJsonValue(QJsonValue::Null)},
        {u"isActive"_s, grant.active},
        {u"expiresAt"_s, nullable(grant.expiresAt)},
        {u"role"_s, nullable(grant.role)},
        {u"metadata"_s, grant.metadata},
        {u"createdAt"_s, grant.createdAt},
        {u"updatedAt"_s, grant.updatedAt},
    };
}

QJsonObject toJson(const Actor &actor)
{
    return QJsonObject{
        {u"actorTokenId"_s, actor.id},
        {u"projectId"_s, actor.projectId},
        {u"name"_s, actor.name},
        {u"actorType"_s, actor.actorType},
        {u"description"_s, nullable(actor.description)},
        {u"externalId"_s, nullable(actor.externalId)},
        {u"metadata"_s, actor.metadata},
        {u"isActive"_s, actor.active},
        {u"lastConnectedAt"_s, nullable(actor.lastConnectedAt)},
        {u"accessScopeId"_s, nullable(actor.accessScopeId)},
        {u"createdAt"_s, actor.createdAt},
        {u"updatedAt"_s, actor.updatedAt},
    };
}

QJsonObject toJson(const Scope &scope)
{
    return QJsonObject{
        {u"accessScopeId"_s, scope.id},
        {u"projectId"_s, scope.projectId},
        {u"slug"_s, scope.slug},
        {u"name"_s, scope.name},
        {u"description"_s, nullable(scope.description)},
        {u"metadata"_s, scope.metadata},
        {u"isActive"_s, scope.active},
        {u"createdAt"_s, scope.createdAt},
        {u"updatedAt"_s, scope.updatedAt},
    };
}

template<typename T>
QJsonArray toJsonArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items) {
        array.append(toJson(item));
    }
    return array;
}

// The normative pagination object plus the flat fields older SDKs read (rest-api.md §2.2).
template<typename T>
QJsonObject toJson(const Page<T> &page, const ListQuery &query)
{
    const int pageCount = page.total == 0 ? 0 : (page.total + query.limit - 1) / query.limit;
    return QJsonObject{
        {u"data"_s, toJsonArray(page.items)},
        {u"pagination"_s,
         QJsonObject{
             {u"total"_s, page.total}, {u"page"_s, query.page}, {u"pageCount"_s, pageCount}}},
        {u"total"_s, page.total},
        {u"page"_s, query.page},
        {u"limit"_s, query.limit},
        {u"totalPages"_s, pageCount},
    };
}

/*!
    Reads the fields of one JSON body and remembers the first thing wrong with it, as the
    message "<field>: <what is wrong>". Readers return false once an error is recorded.
*/
class Fields
{
public:
    explicit Fields(const QJsonObject &object)
        : m_object(object)
    { }

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    bool has(const QString &name) const { return m_object.contains(name); }

    bool fail(const QString &name, const QString &problem)
    {
        if (m_error.isEmpty()) {
            m_error = name + u": "_s + problem;
        }
        return false;
    }

    /*! A string that must be there and not blank. */
    bool required(const QString &name, int maximumLength, QString *out)
    {
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined() || value.isNull()) {
            return fail(name, u"is required"_s);
        }
        if (!value.isString()) {
            return fail(name, u"must be a string"_s);
        }
        if (value.toString().trimmed().isEmpty()) {
            return fail(name, u"must not be empty"_s);
        }
        return checkLength(name, value.toString(), maximumLength, out);
    }

    /*!
        A string that may be absent (out untouched, returns true) or, if \a nullAllowed, null
        (out becomes a null QString).
    */
    bool optional(const QString &name, int maximumLength, QString *out, bool nullAllowed = true)
    {
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined()) {
            return ok();
        }
        if (value.isNull() && nullAllowed) {
            *out = QString();
            return ok();
        }
        if (!value.isString()) {
            return fail(name, u"must be a string"_s);
        }
        return checkLength(name, value.toString(), maximumLength, out);
    }

    /*! Like required(), for a name that may only be changed, never removed. */
    bool optionalNonEmpty(const QString &name, int maximumLength, QString *out)
    {
        if (!has(name)) {
            return ok();
        }
        return required(name, maximumLength, out);
    }

    bool slug(const QString &name, int maximumLength, QString *out)
    {
        QString slug;
        if (!has(name) || m_object.value(name).isNull()) {
            return ok();
        }
        if (!optional(name, maximumLength, &slug, false)) {
            return false;
        }
        if (!ControlPlaneStore::isValidSlug(slug)) {
            return fail(name,
                        u"\"%1\" is not a valid slug: use lower-case letters and digits, "
                        "in groups joined by single hyphens (like \"support-team\")"_s.arg(slug));
        }
        *out = slug;
        return true;
    }

    bool boolean(const QString &name, bool *out)
    {
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined()) {
            return ok();
        }
        if (!value.isBool()) {
            return fail(name, u"must be true or false"_s);
        }
        *out = value.toBool();
        return ok();
    }

    /*! An object or null (out becomes Null); absent leaves out untouched. */
    bool object(const QString &name, QJsonValue *out)
    {
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined()) {
            return ok();
        }
        if (!value.isObject() && !value.isNull()) {
            return fail(name, u"must be a JSON object"_s);
        }
        *out = value;
        return ok();
    }

    /*! An app or room config: an object, null meaning {}. */
    bool config(const QString &name, QJsonObject *out)
    {
        QJsonValue value = QJsonValue::Undefined;
        if (!object(name, &value)) {
            return false;
        }
        if (value.isUndefined()) {
            return true;
        }
        const QJsonObject config = value.toObject();
        const QJsonValue autoProvision = config.value(u"autoProvisionRooms"_s);
        if (!autoProvision.isUndefined() && !autoProvision.isBool()) {
            return fail(name + u".autoProvisionRooms"_s, u"must be true or false"_s);
        }
        *out = config;
        return true;
    }

    /*!
        A list of topic names. Absent or null leaves out untouched unless \a nullAllowed is
        false, in which case null is an error.
    */
    bool topics(const QString &name, std::optional<QStringList> *out, bool nullAllowed = true)
    {
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined() || (value.isNull() && nullAllowed)) {
            return ok();
        }
        if (!value.isArray()) {
            return fail(name, u"must be an array of topic names"_s);
        }
        const QJsonArray array = value.toArray();
        if (array.size() > maximumTopicCount) {
            return fail(name, u"must hold at most %1 topics"_s.arg(maximumTopicCount));
        }
        QStringList topics;
        QSet<QString> seen;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString item = u"%1[%2]"_s.arg(name).arg(i);
            if (!array.at(i).isString()) {
                return fail(item, u"must be a string"_s);
            }
            const QString topic = array.at(i).toString();
            if (!ControlPlaneStore::isValidTopicName(topic)) {
                return fail(item,
                            u"\"%1\" is not a valid topic name: use 1 to 100 letters, "
                            "digits, '_', ':' or '-' (no '/')"_s.arg(topic));
            }
            if (seen.contains(topic)) {
                return fail(item, u"\"%1\" is listed twice"_s.arg(topic));
            }
            seen.insert(topic);
            topics.append(topic);
        }
        *out = topics;
        return true;
    }

    /*! An ISO 8601 date and time or null, stored in UTC with milliseconds. */
    bool timestamp(const QString &name, QString *out)
    {
        QString text;
        if (!has(name)) {
            return ok();
        }
        if (!optional(name, 64, &text)) {
            return false;
        }
        if (text.isNull()) {
            *out = QString();
            return true;
        }
        QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!time.isValid()) {
            return fail(name,
                        u"must be an ISO 8601 date and time, like "
                        "2026-06-13T10:00:00.000Z"_s);
        }
        *out = time.toUTC().toString(Qt::ISODateWithMs);
        return true;
    }

    bool oneOf(const QString &name, const QStringList &allowed, QString *out, bool isRequired)
    {
        QString value;
        if (isRequired ? !required(name, maximumIdentifierLength, &value)
                       : !optional(name, maximumIdentifierLength, &value, false)) {
            return false;
        }
        if (value.isNull()) {
            return true;
        }
        if (!allowed.contains(value)) {
            return fail(name, u"\"%1\" is not one of %2"_s.arg(value, allowed.join(u", "_s)));
        }
        *out = value;
        return true;
    }

private:
    bool checkLength(const QString &name, const QString &value, int maximumLength, QString *out)
    {
        if (value.size() > maximumLength) {
            return fail(name, u"must be at most %1 characters"_s.arg(maximumLength));
        }
        *out = value;
        return true;
    }

    QJsonObject m_object;
    QString m_error;
};

/*! One request being answered: the authenticated project, the path and the body. */
class Call
{
public:
    Call(ControlPlaneStore &store, const RestRequest &request, const Project &project,
         QStringList segments, qsizetype maximumBodySize)
        : m_store(store)
        , m_request(request)
        , m_project(project)
        , m_segments(std::move(segments))
        , m_maximumBodySize(maximumBodySize)
    { }

    RestResponse route();

private:
    bool is(const char *method) const { return m_request.method == method; }
    RestResponse notRouted() const;

    /*! Parses the body as a JSON object; on failure *response holds the 400 or 413. */
    bool readBody(QJsonObject *body, RestResponse *response) const;
    bool readListQuery(ListQuery *query, RestResponse *response) const;

    RestResponse listApps();
    RestResponse createApp();
    RestResponse getApp(const QString &appId);
    RestResponse updateApp(const QString &appId);
    RestResponse deleteApp(const QString &appId);
    RestResponse resetApp(const QString &appId);

    RestResponse listRooms(const App &app);
    RestResponse createRoom(const App &app, bool ensure);
    RestResponse updateRoom(const App &app, const Room &room);
    RestResponse deleteRoom(const Room &room);

    RestResponse listGrants(const Room &room);
    RestResponse createGrant(const Room &room);
    RestResponse deleteGrant(const Room &room, const QString &grantId);

    RestResponse listActors();
    RestResponse createActor();
    RestResponse updateActor(const QString &actorId);
    RestResponse deleteActor(const QString &actorId);

    RestResponse listScopes();
    RestResponse createScope();
    RestResponse updateScope(const QString &scopeId);

    RestResponse appNotFound(const QString &appId) const
    {
        return failure(404, u"this project has no app with the id \"%1\""_s.arg(appId));
    }
    RestResponse roomNotFound(const QString &roomId) const
    {
        return failure(404, u"this app has no room with the id \"%1\""_s.arg(roomId));
    }
    RestResponse actorNotFound(const QString &actorId) const
    {
        return failure(404, u"this project has no actor with the id \"%1\""_s.arg(actorId));
    }
    RestResponse scopeNotFound(const QString &scopeId) const
    {
        return failure(404, u"this project has no scope with the id \"%1\""_s.arg(scopeId));
    }

    ControlPlaneStore &m_store;
    const RestRequest &m_request;
    Project m_project;
    QStringList m_segments;
    qsizetype m_maximumBodySize;
};

RestResponse Call::notRouted() const
{
    // The wording of the hosted service's framework, which SDK users may recognise.
    return failure(404,
                   u"Cannot %1 %2"_s.arg(QString::fromLatin1(m_request.method), m_request.path));
}

bool Call::readBody(QJsonObject *body, RestResponse *response) const
{
    if (m_request.body.size() > m_maximumBodySize) {
        *response =
            failure(413, u"body: larger than the limit of %1 bytes"_s.arg(m_maximumBodySize));
        return false;
    }
    if (m_request.body.trimmed().isEmpty()) {
        *body = QJsonObject();
        return true;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(m_request.body, &error);
    if (error.error != QJsonParseError::NoError) {
        *response = failure(
            400,
            u"body: not valid JSON (%1 at byte %2)"_s.arg(error.errorString()).arg(error.offset));
        return false;
    }
    if (!document.isObject()) {
        *response = failure(400, u"body: must be a JSON object"_s);
        return false;
    }
    *body = document.object();
    return true;
}

bool Call::readListQuery(ListQuery *query, RestResponse *response) const
{
    auto parameter = [this](const QString &name) {
        return m_request.query.queryItemValue(name, QUrl::FullyDecoded);
    };
    auto wholeNumber = [&](const QString &name, int *out) {
        const QString text = parameter(name);
        if (text.isEmpty()) {
            return true;
        }
        bool ok = false;
        const qlonglong value = text.toLongLong(&ok);
        if (!ok) {
            *response = failure(400, u"%1: must be a whole number, not \"%2\""_s.arg(name, text));
            return false;
        }
        *out = int(std::clamp<qlonglong>(value, 0, 1000000000));
        return true;
    };

    if (!wholeNumber(u"page"_s, &query->page) || !wholeNumber(u"limit"_s, &query->limit)) {
        return false;
    }
    query->page = std::max(query->page, 1);
    query->limit = std::clamp(query->limit, 1, maximumPageSize);

    const QString sortBy = parameter(u"sortBy"_s);
    const QStringList sortable{u"name"_s, u"slug"_s, u"createdAt"_s, u"updatedAt"_s};
    if (!sortBy.isEmpty()) {
        if (!sortable.contains(sortBy)) {
            *response = failure(
                400, u"sortBy: \"%1\" is not one of %2"_s.arg(sortBy, sortable.join(u", "_s)));
            return false;
        }
        query->sortBy = sortBy;
    }

    const QString sortOrder = parameter(u"sortOrder"_s).toLower();
    if (!sortOrder.isEmpty()) {
        if (sortOrder != u"asc"_s && sortOrder != u"desc"_s) {
            *response = failure(400, u"sortOrder: must be asc or desc"_s);
            return false;
        }
        query->descending = sortOrder == u"desc"_s;
    }

    query->search = parameter(u"search"_s).trimmed();
    return true;
}

RestResponse Call::route()
{
    const QStringList &s = m_segments;
    const qsizetype n = s.size();
    if (n == 0) {
        return notRouted();
    }

    if (s[0] == u"apps"_s) {
        if (n == 1) {
            return is("GET") ? listApps() : is("POST") ? createApp() : notRouted();
        }
        if (n == 2) {
            return is("GET")   ? getApp(s[1])
                : is("PATCH")  ? updateApp(s[1])
                : is("DELETE") ? deleteApp(s[1])
                               : notRouted();
        }
        if (n == 3 && s[2] == u"reset-to-blueprint"_s) {
            return is("POST") ? resetApp(s[1]) : notRouted();
        }
        if (s[2] != u"rooms"_s || n > 6) {
            return notRouted();
        }

        const std::optional<App> app = m_store.app(m_project.id, s[1]);
        if (n == 3) {
            if (!is("GET") && !is("POST")) {
                return notRouted();
            }
            if (!app) {
                return appNotFound(s[1]);
            }
            return is("GET") ? listRooms(*app) : createRoom(*app, false);
        }
        if (n == 4 && s[3] == u"ensure"_s && is("POST")) {
            return app ? createRoom(*app, true) : appNotFound(s[1]);
        }
        if ((n == 4 && !is("GET") && !is("PATCH") && !is("DELETE")) ||
            (n == 5 && (s[4] != u"actors"_s || (!is("GET") && !is("POST")))) ||
            (n == 6 && (s[4] != u"actors"_s || !is("DELETE")))) {
            return notRouted();
        }
        if (!app) {
            return appNotFound(s[1]);
        }
        const std::optional<Room> room = m_store.room(app->id, s[3]);
        if (!room) {
            return roomNotFound(s[3]);
        }
        if (n == 4) {
            if (is("GET")) {
                return reply(200, toJson(*room));
            }
            return is("PATCH") ? updateRoom(*app, *room) : deleteRoom(*room);
        }
        if (n == 5) {
            return is("GET") ? listGrants(*room) : createGrant(*room);
        }
        return deleteGrant(*room, s[5]);
    }

    if (s[0] == u"actors"_s) {
        if (n == 1) {
            return is("GET") ? listActors() : is("POST") ? createActor() : notRouted();
        }
        if (n == 2) {
            if (is("GET")) {
                const std::optional<Actor> actor = m_store.actor(m_project.id, s[1]);
                return actor ? reply(200, toJson(*actor)) : actorNotFound(s[1]);
            }
            return is("PATCH") ? updateActor(s[1]) : is("DELETE") ? deleteActor(s[1]) : notRouted();
        }
        return notRouted();
    }

    if (s[0] == u"scopes"_s) {
        if (n == 1) {
            return is("GET") ? listScopes() : is("POST") ? createScope() : notRouted();
        }
        if (n == 2 && is("PATCH")) {
            return updateScope(s[1]);
        }
        if ((n == 2 && (is("GET") || is("DELETE"))) ||
            (n == 3 && s[2] == u"actors"_s && is("GET"))) {
            const std::optional<Scope> scope = m_store.scope(m_project.id, s[1]);
            if (!scope) {
                return scopeNotFound(s[1]);
            }
            if (n == 3) {
                return reply(200, toJsonArray(m_store.actorsInScope(scope->id)));
            }
            if (is("GET")) {
                return reply(200, toJson(*scope));
            }
            StoreError error;
            return m_store.deleteScope(*scope, &error) ? noContent() : failure(error);
        }
        return notRouted();
    }

    return notRouted();
}

// Apps

RestResponse Call::listApps()
{
    ListQuery query;
    RestResponse response;
    if (!readListQuery(&query, &response)) {
        return response;
    }
    return reply(200, toJson(m_store.listApps(m_project.id, query), query));
}

RestResponse Call::createApp()
{
    QJsonObject body;
    RestResponse response;
    if (!readBody(&body, &response)) {
        return response;
    }

    // With the suffix on, a requested slug leaves room for "-xxxx" within 100 characters.
    const bool suffixed = m_store.settings().appSlugSuffix;
    App draft;
    std::optional<QStringList> topics;
    Fields fields(body);
    fields.required(u"name"_s, maximumNameLength, &draft.name);
    fields.slug(u"slug"_s, suffixed ? maximumSlugLength - 5 : maximumSlugLength, &draft.slug);
    fields.optional(u"description"_s, maximumDescriptionLength, &draft.description);
    fields.optional(u"blueprintId"_s, maximumIdentifierLength, &draft.blueprintId);
    fields.config(u"config"_s, &draft.config);
    fields.topics(u"topics"_s, &topics);
    if (!fields.ok()) {
        return failure(400, fields.error());
    }
    draft.topics = topics.value_or(QStringList());

    StoreError error;
    const std::optional<App> app =
        m_store.createApp(m_project.id, draft, SlugMode::AddSuffix, &error);
    return app ? reply(201, toJson(*app)) : failure(error);
}

RestResponse Call::getApp(const QString &appId)
{
    const std::optional<App> app = m_store.app(m_project.id, appId);
    return app ? reply(200, toJson(*app)) : appNotFound(appId);
}

RestResponse Call::updateApp(const QString &appId)
{
    std::optional<App> app = m_store.app(m_project.id, appId);
    if (!app) {
        return appNotFound(appId);
    }
    QJsonObject body;
    RestResponse response;
    if (!readBody(&body, &response)) {
        return response;
    }

    std::optional<QStringList> topics;
    Fields fields(body);
    fields.optionalNonEmpty(u"name"_s, maximumNameLength, &app->name);
    fields.slug(u"slug"_s, maximumSlugLength, &app->slug);
    fields.optional(u"description"_s, maximumDescriptionLength, &app->description);
    fields.config(u"config"_s, &app->config);
    fields.topics(u"topics"_s, &topics, false);
    if (!fields.ok()) {
        return failure(400, fields.error());
    }
    if (topics) {
        app->topics = *topics;
    }

    StoreError error;
    const std::optional<App> updated = m_store.updateApp(*app, &error);
    return updated ? reply(200, toJson(*updated)) : failure(error);
}

RestResponse Call::deleteApp(const QString &appId)
{
    const std::optional<App> app = m_store.app(m_project.id, appId);
    if (!app) {
        return appNotFound(appId);
    }
    StoreError error;
    if (!m_store.deleteApp(*app, &error)) {
        return failure(error);
    }
    return reply(200, QJsonObject{{u"success"_s, true}});
}

RestResponse Call::resetApp(const QString &appId)
{
    const std::optional<App> app = m_store.app(m_project.id, appId);
    if (!app) {
        return appNotFound(appId);
    }
    StoreError error;
    const std::optional<App> reset = m_store.resetAppToBlueprint(*app, &error);
    return reset ? reply(200, toJson(*reset)) : failure(error);
}

// Rooms

RestResponse Call::listRooms(const App &app)
{
    return reply(200, toJsonArray(m_store.listRooms(app.id)));
}

RestResponse Call::createRoom(const App &app, bool ensure)
{
    QJsonObject body;
    RestResponse response;
    if (!readBody(&body, &response)) {
        return response;
    }

    Room draft;
    std::optional<QStringList> topics;
    QJsonValue config = QJsonValue::Undefined;
    Fields fields(body);
    // ensure may name a room by its slug alone (rest-api.md §5); create needs a name.
    if (!ensure || !fields.has(u"slug"_s) || fields.has(u"name"_s)) {
        fields.required(u"name"_s, maximumNameLength, &draft.name);
    }
    fields.slug(u"slug"_s, maximumSlugLength, &draft.slug);
    fields.optional(u"description"_s, maximumDescriptionLength, &draft.description);
    fields.topics(u"topics"_s, &topics);
    fields.config(u"config"_s, &draft.config);
    if (!fields.ok()) {
        return failure(400, fields.error());
    }
    if (draft.name.isEmpty()) {
        draft.name = draft.slug;
    }
    draft.topics = topics.value_or(app.topics);

    StoreError error;
    if (ensure) {
        bool created = false;
        const std::optional<Room> room = m_store.ensureRoom(app, draft, &created, &error);
        return room ? reply(created ? 201 : 200, toJson(*room)) : failure(error);
    }
    const std::optional<Room> room = m_store.createRoom(app, draft, RoomType::Dynamic, &error);
    return room ? reply(201, toJson(*room)) : failure(error);
}

RestResponse Call::updateRoom(const App &app, const Room &current)
{
    Q_UNUSED(app);
    QJsonObject body;
    RestResponse response;
    if (!readBody(&body, &response)) {
        return response;
    }

    Room room = current;
    std::optional<QStringList> topics;
    QString slug = current.slug;
    Fields fields(body);
    fields.optionalNonEmpty(u"name"_s, maximumNameLength, &room.name);
    fields.optional(u"description"_s, maximumDescriptionLength, &room.description);
    fields.boolean(u"isEnabled"_s, &room.enabled);
    fields.topics(u"topics"_s, &topics, false);
    fields.config(u"config"_s, &room.config);
    // The slug is part of every realtime topic of the room, so it never changes. Sending the
    // current one back (a client echoing the whole room) is accepted.
    if (fields.slug(u"slug"_s, maximumSlugLength, &slug) && slug != current.slug) {
        fields.fail(u"slug"_s, u"a room's slug cannot be changed"_s);
    }
    if (!fields.ok()) {
        return failure(400, fields.error());
    }
    if (topics) {
        room.topics = *topics;
    }

    StoreError error;
    const std::optional<Room> updated = m_store.updateRoom(room, &error);
    return updated ? reply(200, toJson(*updated)) : failure(error);
}

RestResponse Call::deleteRoom(const Room &room)
{
    StoreError error;
    return m_store.deleteRoom(room, &error) ? noContent() : failure(error);
}

// Room actor grants

RestResponse Call::listGrants(const Room &room)
{
    return reply(200, toJsonArray(m_store.listGrants(room.id)));
}

RestResponse Call::createGrant(const Room &room)
{
    QJsonObject body;
    RestResponse response;
    if (!readBody(&body, &response)) {
        return response;
    }

    RoomGrant draft;
    draft.roomId = room.id;
    QString permission;
    Fields fields(body);
    fields.oneOf(u"permission"_s, {u"subscribe"_s, u"publish"_s, u"pubSub"_s}, &permission, true);
    fields.optional(u"actorTokenId"_s, maximumIdentifierLength, &draft.actorTokenId);
    fields.oneOf(u"actorType"_s, actorTypes(), &draft.actorType, false);
    fields.topics(u"topics"_s, &draft.topics);
    fields.boolean(u"isActive"_s, &draft.active);
    fields.timestamp(u"expiresAt"_s, &draft.expiresAt);
    fields.optional(u"role"_s, maximumRoleLength, &draft.role);
    fields.object(u"metadata"_s, &draft.metadata);
    if (fields.ok()) {
        const bool forActor = !draft.actorTokenId.isEmpty();
        const bool forType = !draft.actorType.isEmpty();
        if (forActor && forType) {
            fields.fail(u"actorTokenId"_s,
                        u"give either actorTokenId (one actor) or actorType (every actor of "
                        "that type), not both"_s);
        } else if (!forActor && !forType) {
            fields.fail(u"actorTokenId"_s,
                        u"give actorTokenId (one actor) or actorType (every actor of that "
                        "type)"_s);
        } else if (forActor && !m_store.actor(m_project.id, draft.actorTokenId)) {
            fields.fail(u"actorTokenId"_s,
                        u"this project has no actor with the id \"%1\""_s.arg(draft.actorTokenId));
        }
    }
    if (!fields.ok()) {
        return failure(400, fields.error());
    }
    draft.permission = permissionFromName(permission).value_or(Permission::Subscribe);
    if (draft.metadata.isUndefined()) {
        draft.metadata = QJsonValue::Null;
    }

    StoreError error;
    const std::optional<RoomGrant> grant = m_store.createGrant(draft, &error);
    return grant ? reply(201, toJson(*grant)) : failure(error);
}

RestResponse Call::deleteGrant(const Room &room, const QString &grantId)
{
    StoreError error;
    return m_store.deleteGrant(room.id, grantId, &error) ? noContent() : failure(error);
}

// Actors

RestResponse Call::listActors()
{
    return reply(200, toJsonArray(m_store.listActors(m_project.id)));
}

RestResponse Call::createActor()
{
    QJsonObject body;
    RestResponse response;
    if (!readBody(&body, &response)) {
        return response;
    }

    Actor draft;
    Fields fields(body);
    fields.required(u"name"_s, maximumNameLength, &draft.name);
    fields.oneOf(u"actorType"_s, actorTypes(), &draft.actorType, true);
    fields.optional(u"description"_s, maximumDescriptionLength, &draft.description);
    fields.optional(u"externalId"_s, maximumIdentifierLength, &draft.externalId);
    fields.object(u"metadata"_s, &draft.metadata);
    fields.boolean(u"isActive"_s, &draft.active);
    fields.optional(u"accessScopeId"_s, maximumIdentifierLength, &draft.accessScopeId);
    if (fields.ok() && !draft.accessScopeId.isEmpty() &&
        !m_store.scope(m_project.id, draft.accessScopeId)) {
        fields.fail(u"accessScopeId"_s,
                    u"this project has no scope with the id \"%1\""_s.arg(draft.accessScopeId));
    }
    if (!fields.ok()) {
        return failure(400, fields.error());
    }
    if (draft.metadata.isUndefined()) {
        draft.metadata = QJsonValue::Null;
    }

    QString token;
    StoreError error;
    const std::optional<Actor> actor = m_store.createActor(m_project.id, draft, &token, &error);
    if (!actor) {
        return failure(error);
    }
    // The only time the token leaves the server: it is stored as a hash.
    QJsonObject json = toJson(*actor);
    json.insert(u"accessToken"_s, token);
    return reply(201, json);
}

RestResponse Call::updateActor(const QString &actorId)
{
    std::optional<Actor> actor = m_store.actor(m_project.id, actorId);
    if (!actor) {
        return actorNotFound(actorId);
    }
    QJsonObject body;
    RestResponse response;
    if (!readBody(&body, &response)) {
        return response;
    }

    Fields fields(body);
    fields.optionalNonEmpty(u"name"_s, maximumNameLength, &actor->name);
    fields.optional(u"description"_s, maximumDescriptionLength, &actor->description);
    fields.optional(u"externalId"_s, maximumIdentifierLength, &actor->externalId);
    fields.object(u"metadata"_s, &actor->metadata);
    fields.boolean(u"isActive"_s, &actor->active);
    // null removes the actor from its scope (rest-api.md §3.4).
    fields.optional(u"accessScopeId"_s, maximumIdentifierLength, &actor->accessScopeId);
    if (fields.ok() && !actor->accessScopeId.isEmpty() &&
        !m_store.scope(m_project.id, actor->accessScopeId)) {
        fields.fail(u"accessScopeId"_s,
                    u"this project has no scope with the id \"%1\""_s.arg(actor->accessScopeId));
    }
    if (!fields.ok()) {
        return failure(400, fields.error());
    }
    if (actor->accessScopeId.isEmpty()) {
        actor->accessScopeId = QString();
    }

    StoreError error;
    const std::optional<Actor> updated = m_store.updateActor(*actor, &error);
    return updated ? reply(200, toJson(*updated)) : failure(error);
}

RestResponse Call::deleteActor(const QString &actorId)
{
    const std::optional<Actor> actor = m_store.actor(m_project.id, actorId);
    if (!actor) {
        return actorNotFound(actorId);
    }
    StoreError error;
    return m_store.deleteActor(*actor, &error) ? noContent() : failure(error);
}

// Scopes

RestResponse Call::listScopes()
{
    ListQuery query;
    RestResponse response;
    if (!readListQuery(&query, &response)) {
        return response;
    }
    return reply(200, toJson(m_store.listScopes(m_project.id, query), query));
}

RestResponse Call::createScope()
{
    QJsonObject body;
    RestResponse response;
    if (!readBody(&body, &response)) {
        return response;
    }

    Scope draft;
    Fields fields(body);
    if (!fields.has(u"slug"_s) || body.value(u"slug"_s).isNull()) {
        fields.fail(u"slug"_s, u"is required"_s);
    }
    fields.slug(u"slug"_s, maximumSlugLength, &draft.slug);
    fields.required(u"name"_s, maximumNameLength, &draft.name);
    fields.optional(u"description"_s, maximumDescriptionLength, &draft.description);
    fields.object(u"metadata"_s, &draft.metadata);
    fields.boolean(u"isActive"_s, &draft.active);
    if (!fields.ok()) {
        return failure(400, fields.error());
    }
    if (draft.metadata.isUndefined()) {
        draft.metadata = QJsonValue::Null;
    }

    StoreError error;
    const std::optional<Scope> scope = m_store.createScope(m_project.id, draft, &error);
    return scope ? reply(201, toJson(*scope)) : failure(error);
}

RestResponse Call::updateScope(const QString &scopeId)
{
    std::optional<Scope> scope = m_store.scope(m_project.id, scopeId);
    if (!scope) {
        return scopeNotFound(scopeId);
    }
    QJsonObject body;
    RestResponse response;
    if (!readBody(&body, &response)) {
        return response;
    }

    Fields fields(body);
    fields.optionalNonEmpty(u"name"_s, maximumNameLength, &scope->name);
    fields.optional(u"description"_s, maximumDescriptionLength, &scope->description);
    fields.object(u"metadata"_s, &scope->metadata);
    fields.boolean(u"isActive"_s, &scope->active);
    if (!fields.ok()) {
        return failure(400, fields.error());
    }

    StoreError error;
    const std::optional<Scope> updated = m_store.updateScope(*scope, &error);
    return updated ? reply(200, toJson(*updated)) : failure(error);
}

} // namespace

RestApi::RestApi(ControlPlaneStore &store, const QString &prefix)
    : m_store(store)
    , m_prefix(prefix)
{
    while (m_prefix.endsWith(u'/')) {
        m_prefix.chop(1);
    }
}

bool RestApi::handles(const QString &path) const
{
    return path == m_prefix || path.startsWith(m_prefix + u'/');
}

RestResponse RestApi::handle(const RestRequest &request)
{
    if (!handles(request.path)) {
        return failure(404,
                       u"Cannot %1 %2"_s.arg(QString::fromLatin1(request.method), request.path));
    }

    // Every request needs the project's API key, before anything else is revealed.
    const QByteArray authorization = request.header("Authorization").trimmed();
    if (authorization.isEmpty()) {
        return failure(401,
                       u"missing API key: send the header \"Authorization: Bearer "
                       "<project API key>\""_s);
    }
    const qsizetype space = authorization.indexOf(' ');
    const QByteArray scheme = authorization.left(space);
    const QString key =
        space < 0 ? QString() : QString::fromUtf8(authorization.mid(space + 1).trimmed());
    if (scheme.compare("Bearer", Qt::CaseInsensitive) != 0 || key.isEmpty()) {
        return failure(401, u"the Authorization header must be \"Bearer <project API key>\""_s);
    }
    const std::optional<Project> project = m_store.projectForApiKey(key);
    if (!project) {
        qCDebug(lcControlPlane, "Refused %s %s: unknown API key", request.method.constData(),
                qPrintable(request.path));
        return failure(401,
                       u"invalid API key: it does not belong to any project of this "
                       "server"_s);
    }

    // A trailing slash names the same resource.
    QStringList segments = request.path.mid(m_prefix.size()).split(u'/');
    if (!segments.isEmpty() && segments.first().isEmpty()) {
        segments.removeFirst();
    }
    if (!segments.isEmpty() && segments.last().isEmpty()) {
        segments.removeLast();
    }
    if (segments.contains(QString())) {
        return failure(404,
                       u"Cannot %1 %2"_s.arg(QString::fromLatin1(request.method), request.path));
    }

    qCDebug(lcControlPlane, "%s %s", request.method.constData(), qPrintable(request.path));
    Call call(m_store, request, *project, segments, m_maximumBodySize);
    return call.route();
}

} // namespace NoLag::Server
