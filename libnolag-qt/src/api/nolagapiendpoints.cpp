// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// The endpoints of the control-plane REST API, one small function per call (REST spec §4).
#include "nolagapi_p.h"

#include <QtCore/QJsonArray>

using namespace Qt::StringLiterals;

namespace {

using D = NoLagApiPrivate;

template<typename T>
std::optional<T> parseObject(const QJsonValue &json)
{
    if (!json.isObject()) {
        return std::nullopt;
    }
    return T::fromJson(json.toObject());
}

template<typename T>
std::optional<QList<T>> parseArray(const QJsonValue &json)
{
    if (!json.isArray()) {
        return std::nullopt;
    }
    QList<T> items;
    const QJsonArray array = json.toArray();
    items.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (!item.isObject()) {
            return std::nullopt;
        }
        items.append(T::fromJson(item.toObject()));
    }
    return items;
}

// A paginated list (§2.2). A bare array, as some servers send, is read as a single page.
template<typename T>
std::optional<NoLagPaginatedResult<T>> parsePage(const QJsonValue &json)
{
    if (json.isArray()) {
        std::optional<QList<T>> items = parseArray<T>(json);
        if (!items) {
            return std::nullopt;
        }
        const int total = int(items->size());
        return NoLagPaginatedResult<T>(*items, NoLagPagination(total, 1, total > 0 ? 1 : 0));
    }
    if (!json.isObject()) {
        return std::nullopt;
    }
    const QJsonObject response = json.toObject();
    std::optional<QList<T>> items = parseArray<T>(response.value("data"_L1));
    if (!items) {
        return std::nullopt;
    }
    return NoLagPaginatedResult<T>(*items, NoLagPagination::fromJson(response));
}

// Refuses calls with an empty id: "/apps/" + "" would reach a different endpoint.
QString refusalFor(std::initializer_list<QPair<const char *, const QString *>> ids)
{
    for (const auto &[what, id] : ids) {
        if (id->isEmpty()) {
            return u"The request was not sent: the %1 is empty"_s.arg(QLatin1StringView(what));
        }
    }
    return QString();
}

NoLagApiRequest makeRequest(const char *method, const QString &path,
                            std::optional<QJsonObject> body = std::nullopt)
{
    NoLagApiRequest request;
    request.method = method;
    request.path = path;
    request.body = std::move(body);
    return request;
}

QString appPath(const QString &appId)
{
    return u"/apps/"_s + D::segment(appId);
}

QString roomPath(const QString &appId, const QString &roomId)
{
    return appPath(appId) + u"/rooms/"_s + D::segment(roomId);
}

} // namespace

// Apps (§4.1)

NoLagAppsApi::NoLagAppsApi(NoLagApi *api)
    : m_api(api)
{ }

QFuture<NoLagPaginatedResult<NoLagApp>> NoLagAppsApi::list(const NoLagListOptions &options) const
{
    NoLagApiRequest request = makeRequest("GET", u"/apps"_s);
    request.query = options.toQueryItems();
    return D::start<NoLagPaginatedResult<NoLagApp>>(m_api, request, parsePage<NoLagApp>);
}

QFuture<NoLagApp> NoLagAppsApi::get(const QString &appId) const
{
    NoLagApiRequest request = makeRequest("GET", appPath(appId));
    request.refusal = refusalFor({{"app id", &appId}});
    return D::start<NoLagApp>(m_api, request, parseObject<NoLagApp>);
}

QFuture<NoLagApp> NoLagAppsApi::create(const NoLagAppCreate &data) const
{
    return D::start<NoLagApp>(m_api, makeRequest("POST", u"/apps"_s, data.toJson()),
                              parseObject<NoLagApp>);
}

QFuture<NoLagApp> NoLagAppsApi::update(const QString &appId, const NoLagAppUpdate &data) const
{
    NoLagApiRequest request = makeRequest("PATCH", appPath(appId), data.toJson());
    request.refusal = refusalFor({{"app id", &appId}});
    return D::start<NoLagApp>(m_api, request, parseObject<NoLagApp>);
}

QFuture<QJsonObject> NoLagAppsApi::remove(const QString &appId) const
{
    NoLagApiRequest request = makeRequest("DELETE", appPath(appId));
    request.refusal = refusalFor({{"app id", &appId}});
    const auto parse = [](const QJsonValue &json) -> std::optional<QJsonObject> {
        if (json.isUndefined()) {
            return QJsonObject(); // 204
        }
        if (!json.isObject()) {
            return std::nullopt;
        }
        return json.toObject();
    };
    return D::start<QJsonObject>(m_api, request, parse, true);
}

QFuture<NoLagApp> NoLagAppsApi::resetToBlueprint(const QString &appId) const
{
    NoLagApiRequest request = makeRequest("POST", appPath(appId) + u"/reset-to-blueprint"_s);
    request.refusal = refusalFor({{"app id", &appId}});
    return D::start<NoLagApp>(m_api, request, parseObject<NoLagApp>);
}

// Rooms (§4.2)

NoLagRoomsApi::NoLagRoomsApi(NoLagApi *api)
    : m_api(api)
{ }

QFuture<QList<NoLagRoom>> NoLagRoomsApi::list(const QString &appId) const
{
    NoLagApiRequest request = makeRequest("GET", appPath(appId) + u"/rooms"_s);
    request.refusal = refusalFor({{"app id", &appId}});
    return D::start<QList<NoLagRoom>>(m_api, request, parseArray<NoLagRoom>);
}

QFuture<NoLagRoom> NoLagRoomsApi::get(const QString &appId, const QString &roomId) const
{
    NoLagApiRequest request = makeRequest("GET", roomPath(appId, roomId));
    request.refusal = refusalFor({{"app id", &appId}, {"room id", &roomId}});
    return D::start<NoLagRoom>(m_api, request, parseObject<NoLagRoom>);
}

QFuture<NoLagRoom> NoLagRoomsApi::create(const QString &appId, const NoLagRoomCreate &data) const
{
    NoLagApiRequest request = makeRequest("POST", appPath(appId) + u"/rooms"_s, data.toJson());
    request.refusal = refusalFor({{"app id", &appId}});
    return D::start<NoLagRoom>(m_api, request, parseObject<NoLagRoom>);
}

QFuture<NoLagRoom> NoLagRoomsApi::ensure(const QString &appId, const NoLagRoomCreate &data) const
{
    NoLagApiRequest request =
        makeRequest("POST", appPath(appId) + u"/rooms/ensure"_s, data.toJson());
    request.refusal = refusalFor({{"app id", &appId}});
    return D::start<NoLagRoom>(m_api, request, parseObject<NoLagRoom>);
}

QFuture<NoLagRoom> NoLagRoomsApi::update(const QString &appId, const QString &roomId,
                                         const NoLagRoomUpdate &data) const
{
    NoLagApiRequest request = makeRequest("PATCH", roomPath(appId, roomId), data.toJson());
    request.refusal = refusalFor({{"app id", &appId}, {"room id", &roomId}});
    return D::start<NoLagRoom>(m_api, request, parseObject<NoLagRoom>);
}

QFuture<void> NoLagRoomsApi::remove(const QString &appId, const QString &roomId) const
{
    NoLagApiRequest request = makeRequest("DELETE", roomPath(appId, roomId));
    request.refusal = refusalFor({{"app id", &appId}, {"room id", &roomId}});
    return D::startVoid(m_api, request);
}

QFuture<NoLagRoomActorAccess>
NoLagRoomsApi::grantActor(const QString &appId, const QString &roomId,
                          const NoLagRoomActorAccessCreate &data) const
{
    NoLagApiRequest request =
        makeRequest("POST", roomPath(appId, roomId) + u"/actors"_s, data.toJson());
    request.refusal = refusalFor({{"app id", &appId}, {"room id", &roomId}});
    return D::start<NoLagRoomActorAccess>(m_api, request, parseObject<NoLagRoomActorAccess>);
}

QFuture<QList<NoLagRoomActorAccess>> NoLagRoomsApi::listActors(const QString &appId,
                                                               const QString &roomId) const
{
    NoLagApiRequest request = makeRequest("GET", roomPath(appId, roomId) + u"/actors"_s);
    request.refusal = refusalFor({{"app id", &appId}, {"room id", &roomId}});
    return D::start<QList<NoLagRoomActorAccess>>(m_api, request, parseArray<NoLagRoomActorAccess>);
}

QFuture<void> NoLagRoomsApi::revokeActor(const QString &appId, const QString &roomId,
                                         const QString &roomActorAccessId) const
{
    NoLagApiRequest request = makeRequest(
        "DELETE", roomPath(appId, roomId) + u"/actors/"_s + D::segment(roomActorAccessId));
    request.refusal =
        refusalFor({{"app id", &appId}, {"room id", &roomId}, {"grant id", &roomActorAccessId}});
    return D::startVoid(m_api, request);
}

// Actors (§4.3)

NoLagActorsApi::NoLagActorsApi(NoLagApi *api)
    : m_api(api)
{ }

QFuture<QList<NoLagActor>> NoLagActorsApi::list() const
{
    return D::start<QList<NoLagActor>>(m_api, makeRequest("GET", u"/actors"_s),
                                       parseArray<NoLagActor>);
}

QFuture<NoLagActor> NoLagActorsApi::get(const QString &actorTokenId) const
{
    NoLagApiRequest request = makeRequest("GET", u"/actors/"_s + D::segment(actorTokenId));
    request.refusal = refusalFor({{"actor id", &actorTokenId}});
    return D::start<NoLagActor>(m_api, request, parseObject<NoLagActor>);
}

QFuture<NoLagActorWithToken> NoLagActorsApi::create(const NoLagActorCreate &data) const
{
    return D::start<NoLagActorWithToken>(m_api, makeRequest("POST", u"/actors"_s, data.toJson()),
                                         parseObject<NoLagActorWithToken>);
}

QFuture<NoLagActor> NoLagActorsApi::update(const QString &actorTokenId,
                                           const NoLagActorUpdate &data) const
{
    NoLagApiRequest request =
        makeRequest("PATCH", u"/actors/"_s + D::segment(actorTokenId), data.toJson());
    request.refusal = refusalFor({{"actor id", &actorTokenId}});
    return D::start<NoLagActor>(m_api, request, parseObject<NoLagActor>);
}

QFuture<void> NoLagActorsApi::remove(const QString &actorTokenId) const
{
    NoLagApiRequest request = makeRequest("DELETE", u"/actors/"_s + D::segment(actorTokenId));
    request.refusal = refusalFor({{"actor id", &actorTokenId}});
    return D::startVoid(m_api, request);
}

// Scopes (§4.4)

NoLagScopesApi::NoLagScopesApi(NoLagApi *api)
    : m_api(api)
{ }

QFuture<NoLagPaginatedResult<NoLagScope>>
NoLagScopesApi::list(const NoLagListOptions &options) const
{
    NoLagApiRequest request = makeRequest("GET", u"/scopes"_s);
    request.query = options.toQueryItems();
    return D::start<NoLagPaginatedResult<NoLagScope>>(m_api, request, parsePage<NoLagScope>);
}

QFuture<NoLagScope> NoLagScopesApi::get(const QString &accessScopeId) const
{
    NoLagApiRequest request = makeRequest("GET", u"/scopes/"_s + D::segment(accessScopeId));
    request.refusal = refusalFor({{"scope id", &accessScopeId}});
    return D::start<NoLagScope>(m_api, request, parseObject<NoLagScope>);
}

QFuture<NoLagScope> NoLagScopesApi::create(const NoLagScopeCreate &data) const
{
    return D::start<NoLagScope>(m_api, makeRequest("POST", u"/scopes"_s, data.toJson()),
                                parseObject<NoLagScope>);
}

QFuture<NoLagScope> NoLagScopesApi::update(const QString &accessScopeId,
                                           const NoLagScopeUpdate &data) const
{
    NoLagApiRequest request =
        makeRequest("PATCH", u"/scopes/"_s + D::segment(accessScopeId), data.toJson());
    request.refusal = refusalFor({{"scope id", &accessScopeId}});
    return D::start<NoLagScope>(m_api, request, parseObject<NoLagScope>);
}

QFuture<void> NoLagScopesApi::remove(const QString &accessScopeId) const
{
    NoLagApiRequest request = makeRequest("DELETE", u"/scopes/"_s + D::segment(accessScopeId));
    request.refusal = refusalFor({{"scope id", &accessScopeId}});
    return D::startVoid(m_api, request);
}

QFuture<QList<NoLagActor>> NoLagScopesApi::listActors(const QString &accessScopeId) const
{
    NoLagApiRequest request =
        makeRequest("GET", u"/scopes/"_s + D::segment(accessScopeId) + u"/actors"_s);
    request.refusal = refusalFor({{"scope id", &accessScopeId}});
    return D::start<QList<NoLagActor>>(m_api, request, parseArray<NoLagActor>);
}

QFuture<NoLagActor> NoLagScopesApi::addActor(const QString &accessScopeId,
                                             const QString &actorTokenId) const
{
    if (accessScopeId.isEmpty()) {
        // An empty id would be sent as "" rather than null; refuse it like an empty path id.
        NoLagApiRequest request = makeRequest("PATCH", u"/actors/"_s);
        request.refusal = refusalFor({{"scope id", &accessScopeId}});
        return D::start<NoLagActor>(m_api, request, parseObject<NoLagActor>);
    }
    NoLagActorUpdate update;
    update.setAccessScopeId(accessScopeId);
    return NoLagActorsApi(m_api).update(actorTokenId, update);
}

QFuture<NoLagActor> NoLagScopesApi::removeActor(const QString &actorTokenId) const
{
    NoLagActorUpdate update;
    update.setAccessScopeId(QString());
    return NoLagActorsApi(m_api).update(actorTokenId, update);
}
