// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include <NoLagQt/nolagapitypes.h>

#include <QtCore/QJsonArray>
#include <QtCore/QUrl>

using namespace Qt::StringLiterals;

namespace {

QString text(const QJsonObject &json, QLatin1StringView key)
{
    return json.value(key).toString();
}

QStringList texts(const QJsonObject &json, QLatin1StringView key)
{
    QStringList list;
    const QJsonArray array = json.value(key).toArray();
    for (const QJsonValue &item : array) {
        if (item.isString()) {
            list.append(item.toString());
        }
    }
    return list;
}

QJsonObject object(const QJsonObject &json, QLatin1StringView key)
{
    return json.value(key).toObject();
}

bool flag(const QJsonObject &json, QLatin1StringView key, bool fallback)
{
    const QJsonValue value = json.value(key);
    return value.isBool() ? value.toBool() : fallback;
}

QDateTime timestamp(const QJsonObject &json, QLatin1StringView key)
{
    const QString value = text(json, key);
    if (value.isEmpty()) {
        return QDateTime();
    }
    return QDateTime::fromString(value, Qt::ISODateWithMs);
}

QString timestampText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// Request bodies of create calls leave out optional fields that are empty, as the Python
// SDK's serialisers do ("if self.slug: ...").
void setOptional(QJsonObject &json, QLatin1StringView key, const QString &value)
{
    if (value.isEmpty()) {
        json.remove(key);
    } else {
        json.insert(key, value);
    }
}

void setOptional(QJsonObject &json, QLatin1StringView key, const QStringList &value)
{
    if (value.isEmpty()) {
        json.remove(key);
    } else {
        json.insert(key, QJsonArray::fromStringList(value));
    }
}

void setOptional(QJsonObject &json, QLatin1StringView key, const QJsonObject &value)
{
    if (value.isEmpty()) {
        json.remove(key);
    } else {
        json.insert(key, value);
    }
}

constexpr auto kAccessScopeId = "accessScopeId"_L1;
constexpr auto kAccessToken = "accessToken"_L1;
constexpr auto kActorTokenId = "actorTokenId"_L1;
constexpr auto kActorType = "actorType"_L1;
constexpr auto kAppId = "appId"_L1;
constexpr auto kBlueprintId = "blueprintId"_L1;
constexpr auto kConfig = "config"_L1;
constexpr auto kCreatedAt = "createdAt"_L1;
constexpr auto kDeletedAt = "deletedAt"_L1;
constexpr auto kDescription = "description"_L1;
constexpr auto kExpiresAt = "expiresAt"_L1;
constexpr auto kExternalId = "externalId"_L1;
constexpr auto kIsActive = "isActive"_L1;
constexpr auto kIsEnabled = "isEnabled"_L1;
constexpr auto kLastConnectedAt = "lastConnectedAt"_L1;
constexpr auto kMetadata = "metadata"_L1;
constexpr auto kName = "name"_L1;
constexpr auto kPermission = "permission"_L1;
constexpr auto kProjectId = "projectId"_L1;
constexpr auto kRole = "role"_L1;
constexpr auto kRoomActorAccessId = "roomActorAccessId"_L1;
constexpr auto kRoomId = "roomId"_L1;
constexpr auto kRoomType = "roomType"_L1;
constexpr auto kSlug = "slug"_L1;
constexpr auto kTopics = "topics"_L1;
constexpr auto kUpdatedAt = "updatedAt"_L1;

} // namespace

// NoLagApp

NoLagApp NoLagApp::fromJson(const QJsonObject &json)
{
    NoLagApp app;
    app.m_json = json;
    return app;
}

QString NoLagApp::appId() const
{
    return text(m_json, kAppId);
}
QString NoLagApp::projectId() const
{
    return text(m_json, kProjectId);
}
QString NoLagApp::name() const
{
    return text(m_json, kName);
}
QString NoLagApp::slug() const
{
    return text(m_json, kSlug);
}
QString NoLagApp::description() const
{
    return text(m_json, kDescription);
}
QString NoLagApp::blueprintId() const
{
    return text(m_json, kBlueprintId);
}
QJsonObject NoLagApp::config() const
{
    return object(m_json, kConfig);
}
QStringList NoLagApp::topics() const
{
    return texts(m_json, kTopics);
}
QDateTime NoLagApp::createdAt() const
{
    return timestamp(m_json, kCreatedAt);
}
QDateTime NoLagApp::updatedAt() const
{
    return timestamp(m_json, kUpdatedAt);
}
QDateTime NoLagApp::deletedAt() const
{
    return timestamp(m_json, kDeletedAt);
}

// NoLagAppCreate

NoLagAppCreate::NoLagAppCreate(const QString &name)
{
    setName(name);
}

NoLagAppCreate NoLagAppCreate::fromJson(const QJsonObject &json)
{
    NoLagAppCreate data;
    data.m_json = json;
    return data;
}

QString NoLagAppCreate::name() const
{
    return text(m_json, kName);
}
void NoLagAppCreate::setName(const QString &name)
{
    m_json.insert(kName, name);
}
QString NoLagAppCreate::slug() const
{
    return text(m_json, kSlug);
}
void NoLagAppCreate::setSlug(const QString &slug)
{
    setOptional(m_json, kSlug, slug);
}
QString NoLagAppCreate::description() const
{
    return text(m_json, kDescription);
}

void NoLagAppCreate::setDescription(const QString &description)
{
    setOptional(m_json, kDescription, description);
}

QString NoLagAppCreate::blueprintId() const
{
    return text(m_json, kBlueprintId);
}

void NoLagAppCreate::setBlueprintId(const QString &blueprintId)
{
    setOptional(m_json, kBlueprintId, blueprintId);
}

QJsonObject NoLagAppCreate::config() const
{
    return object(m_json, kConfig);
}
void NoLagAppCreate::setConfig(const QJsonObject &config)
{
    setOptional(m_json, kConfig, config);
}
QStringList NoLagAppCreate::topics() const
{
    return texts(m_json, kTopics);
}
void NoLagAppCreate::setTopics(const QStringList &topics)
{
    setOptional(m_json, kTopics, topics);
}

// NoLagAppUpdate

NoLagAppUpdate NoLagAppUpdate::fromJson(const QJsonObject &json)
{
    NoLagAppUpdate data;
    data.m_json = json;
    return data;
}

QString NoLagAppUpdate::name() const
{
    return text(m_json, kName);
}
void NoLagAppUpdate::setName(const QString &name)
{
    m_json.insert(kName, name);
}
QString NoLagAppUpdate::slug() const
{
    return text(m_json, kSlug);
}
void NoLagAppUpdate::setSlug(const QString &slug)
{
    m_json.insert(kSlug, slug);
}
QString NoLagAppUpdate::description() const
{
    return text(m_json, kDescription);
}

void NoLagAppUpdate::setDescription(const QString &description)
{
    m_json.insert(kDescription, description);
}

QJsonObject NoLagAppUpdate::config() const
{
    return object(m_json, kConfig);
}
void NoLagAppUpdate::setConfig(const QJsonObject &config)
{
    m_json.insert(kConfig, config);
}
QStringList NoLagAppUpdate::topics() const
{
    return texts(m_json, kTopics);
}

void NoLagAppUpdate::setTopics(const QStringList &topics)
{
    m_json.insert(kTopics, QJsonArray::fromStringList(topics));
}

// NoLagRoom

NoLagRoom NoLagRoom::fromJson(const QJsonObject &json)
{
    NoLagRoom room;
    room.m_json = json;
    return room;
}

QString NoLagRoom::roomId() const
{
    return text(m_json, kRoomId);
}
QString NoLagRoom::appId() const
{
    return text(m_json, kAppId);
}
QString NoLagRoom::name() const
{
    return text(m_json, kName);
}
QString NoLagRoom::slug() const
{
    return text(m_json, kSlug);
}
QString NoLagRoom::description() const
{
    return text(m_json, kDescription);
}
QString NoLagRoom::roomType() const
{
    return text(m_json, kRoomType);
}
bool NoLagRoom::isEnabled() const
{
    return flag(m_json, kIsEnabled, true);
}
QStringList NoLagRoom::topics() const
{
    return texts(m_json, kTopics);
}
QJsonObject NoLagRoom::config() const
{
    return object(m_json, kConfig);
}
QDateTime NoLagRoom::createdAt() const
{
    return timestamp(m_json, kCreatedAt);
}
QDateTime NoLagRoom::updatedAt() const
{
    return timestamp(m_json, kUpdatedAt);
}

// NoLagRoomCreate

NoLagRoomCreate::NoLagRoomCreate(const QString &name)
{
    setName(name);
}

NoLagRoomCreate NoLagRoomCreate::fromJson(const QJsonObject &json)
{
    NoLagRoomCreate data;
    data.m_json = json;
    return data;
}

QString NoLagRoomCreate::name() const
{
    return text(m_json, kName);
}
void NoLagRoomCreate::setName(const QString &name)
{
    m_json.insert(kName, name);
}
QString NoLagRoomCreate::slug() const
{
    return text(m_json, kSlug);
}
void NoLagRoomCreate::setSlug(const QString &slug)
{
    setOptional(m_json, kSlug, slug);
}
QString NoLagRoomCreate::description() const
{
    return text(m_json, kDescription);
}

void NoLagRoomCreate::setDescription(const QString &description)
{
    setOptional(m_json, kDescription, description);
}

QStringList NoLagRoomCreate::topics() const
{
    return texts(m_json, kTopics);
}
void NoLagRoomCreate::setTopics(const QStringList &topics)
{
    setOptional(m_json, kTopics, topics);
}
QJsonObject NoLagRoomCreate::config() const
{
    return object(m_json, kConfig);
}
void NoLagRoomCreate::setConfig(const QJsonObject &config)
{
    setOptional(m_json, kConfig, config);
}

// NoLagRoomUpdate

NoLagRoomUpdate NoLagRoomUpdate::fromJson(const QJsonObject &json)
{
    NoLagRoomUpdate data;
    data.m_json = json;
    return data;
}

QString NoLagRoomUpdate::name() const
{
    return text(m_json, kName);
}
void NoLagRoomUpdate::setName(const QString &name)
{
    m_json.insert(kName, name);
}
QString NoLagRoomUpdate::description() const
{
    return text(m_json, kDescription);
}

void NoLagRoomUpdate::setDescription(const QString &description)
{
    m_json.insert(kDescription, description);
}

bool NoLagRoomUpdate::isEnabled() const
{
    return flag(m_json, kIsEnabled, true);
}
void NoLagRoomUpdate::setEnabled(bool enabled)
{
    m_json.insert(kIsEnabled, enabled);
}
QStringList NoLagRoomUpdate::topics() const
{
    return texts(m_json, kTopics);
}

void NoLagRoomUpdate::setTopics(const QStringList &topics)
{
    m_json.insert(kTopics, QJsonArray::fromStringList(topics));
}

QJsonObject NoLagRoomUpdate::config() const
{
    return object(m_json, kConfig);
}
void NoLagRoomUpdate::setConfig(const QJsonObject &config)
{
    m_json.insert(kConfig, config);
}

// NoLagRoomActorAccess

NoLagRoomActorAccess NoLagRoomActorAccess::fromJson(const QJsonObject &json)
{
    NoLagRoomActorAccess grant;
    grant.m_json = json;
    return grant;
}

QString NoLagRoomActorAccess::roomActorAccessId() const
{
    return text(m_json, kRoomActorAccessId);
}

QString NoLagRoomActorAccess::roomId() const
{
    return text(m_json, kRoomId);
}
QString NoLagRoomActorAccess::actorTokenId() const
{
    return text(m_json, kActorTokenId);
}
QString NoLagRoomActorAccess::actorType() const
{
    return text(m_json, kActorType);
}
QString NoLagRoomActorAccess::permission() const
{
    return text(m_json, kPermission);
}
QStringList NoLagRoomActorAccess::topics() const
{
    return texts(m_json, kTopics);
}
bool NoLagRoomActorAccess::isActive() const
{
    return flag(m_json, kIsActive, true);
}
QDateTime NoLagRoomActorAccess::expiresAt() const
{
    return timestamp(m_json, kExpiresAt);
}
QString NoLagRoomActorAccess::role() const
{
    return text(m_json, kRole);
}
QJsonObject NoLagRoomActorAccess::metadata() const
{
    return object(m_json, kMetadata);
}
QDateTime NoLagRoomActorAccess::createdAt() const
{
    return timestamp(m_json, kCreatedAt);
}
QDateTime NoLagRoomActorAccess::updatedAt() const
{
    return timestamp(m_json, kUpdatedAt);
}

// NoLagRoomActorAccessCreate

NoLagRoomActorAccessCreate::NoLagRoomActorAccessCreate(const QString &permission)
{
    setPermission(permission);
}

NoLagRoomActorAccessCreate NoLagRoomActorAccessCreate::fromJson(const QJsonObject &json)
{
    NoLagRoomActorAccessCreate data;
    data.m_json = json;
    return data;
}

QString NoLagRoomActorAccessCreate::permission() const
{
    return text(m_json, kPermission);
}

void NoLagRoomActorAccessCreate::setPermission(const QString &permission)
{
    m_json.insert(kPermission, permission);
}

QString NoLagRoomActorAccessCreate::actorTokenId() const
{
    return text(m_json, kActorTokenId);
}

void NoLagRoomActorAccessCreate::setActorTokenId(const QString &actorTokenId)
{
    setOptional(m_json, kActorTokenId, actorTokenId);
}

QString NoLagRoomActorAccessCreate::actorType() const
{
    return text(m_json, kActorType);
}

void NoLagRoomActorAccessCreate::setActorType(const QString &actorType)
{
    setOptional(m_json, kActorType, actorType);
}

QStringList NoLagRoomActorAccessCreate::topics() const
{
    return texts(m_json, kTopics);
}

void NoLagRoomActorAccessCreate::setTopics(const QStringList &topics)
{
    setOptional(m_json, kTopics, topics);
}

bool NoLagRoomActorAccessCreate::isActive() const
{
    return flag(m_json, kIsActive, true);
}
void NoLagRoomActorAccessCreate::setActive(bool active)
{
    m_json.insert(kIsActive, active);
}
QDateTime NoLagRoomActorAccessCreate::expiresAt() const
{
    return timestamp(m_json, kExpiresAt);
}

void NoLagRoomActorAccessCreate::setExpiresAt(const QDateTime &expiresAt)
{
    if (expiresAt.isValid()) {
        m_json.insert(kExpiresAt, timestampText(expiresAt));
    } else {
        m_json.remove(kExpiresAt);
    }
}

QString NoLagRoomActorAccessCreate::role() const
{
    return text(m_json, kRole);
}
void NoLagRoomActorAccessCreate::setRole(const QString &role)
{
    setOptional(m_json, kRole, role);
}
QJsonObject NoLagRoomActorAccessCreate::metadata() const
{
    return object(m_json, kMetadata);
}

void NoLagRoomActorAccessCreate::setMetadata(const QJsonObject &metadata)
{
    setOptional(m_json, kMetadata, metadata);
}

// NoLagActor

NoLagActor NoLagActor::fromJson(const QJsonObject &json)
{
    NoLagActor actor;
    actor.m_json = json;
    return actor;
}

QString NoLagActor::actorTokenId() const
{
    return text(m_json, kActorTokenId);
}
QString NoLagActor::projectId() const
{
    return text(m_json, kProjectId);
}
QString NoLagActor::name() const
{
    return text(m_json, kName);
}
QString NoLagActor::actorType() const
{
    return text(m_json, kActorType);
}
QString NoLagActor::description() const
{
    return text(m_json, kDescription);
}
QString NoLagActor::externalId() const
{
    return text(m_json, kExternalId);
}
QJsonObject NoLagActor::metadata() const
{
    return object(m_json, kMetadata);
}
bool NoLagActor::isActive() const
{
    return flag(m_json, kIsActive, true);
}
QDateTime NoLagActor::lastConnectedAt() const
{
    return timestamp(m_json, kLastConnectedAt);
}
QString NoLagActor::accessScopeId() const
{
    return text(m_json, kAccessScopeId);
}
QDateTime NoLagActor::createdAt() const
{
    return timestamp(m_json, kCreatedAt);
}
QDateTime NoLagActor::updatedAt() const
{
    return timestamp(m_json, kUpdatedAt);
}

NoLagActorWithToken NoLagActorWithToken::fromJson(const QJsonObject &json)
{
    NoLagActorWithToken actor;
    actor.m_json = json;
    return actor;
}

QString NoLagActorWithToken::accessToken() const
{
    return text(m_json, kAccessToken);
}

// NoLagActorCreate

NoLagActorCreate::NoLagActorCreate(const QString &name, const QString &actorType)
{
    setName(name);
    setActorType(actorType);
}

NoLagActorCreate NoLagActorCreate::fromJson(const QJsonObject &json)
{
    NoLagActorCreate data;
    data.m_json = json;
    return data;
}

QString NoLagActorCreate::name() const
{
    return text(m_json, kName);
}
void NoLagActorCreate::setName(const QString &name)
{
    m_json.insert(kName, name);
}
QString NoLagActorCreate::actorType() const
{
    return text(m_json, kActorType);
}

void NoLagActorCreate::setActorType(const QString &actorType)
{
    m_json.insert(kActorType, actorType);
}

QString NoLagActorCreate::description() const
{
    return text(m_json, kDescription);
}

void NoLagActorCreate::setDescription(const QString &description)
{
    setOptional(m_json, kDescription, description);
}

QString NoLagActorCreate::externalId() const
{
    return text(m_json, kExternalId);
}

void NoLagActorCreate::setExternalId(const QString &externalId)
{
    setOptional(m_json, kExternalId, externalId);
}

QJsonObject NoLagActorCreate::metadata() const
{
    return object(m_json, kMetadata);
}

void NoLagActorCreate::setMetadata(const QJsonObject &metadata)
{
    setOptional(m_json, kMetadata, metadata);
}

// NoLagActorUpdate

NoLagActorUpdate NoLagActorUpdate::fromJson(const QJsonObject &json)
{
    NoLagActorUpdate data;
    data.m_json = json;
    return data;
}

QString NoLagActorUpdate::name() const
{
    return text(m_json, kName);
}
void NoLagActorUpdate::setName(const QString &name)
{
    m_json.insert(kName, name);
}
QString NoLagActorUpdate::description() const
{
    return text(m_json, kDescription);
}

void NoLagActorUpdate::setDescription(const QString &description)
{
    m_json.insert(kDescription, description);
}

QString NoLagActorUpdate::externalId() const
{
    return text(m_json, kExternalId);
}

void NoLagActorUpdate::setExternalId(const QString &externalId)
{
    m_json.insert(kExternalId, externalId);
}

QJsonObject NoLagActorUpdate::metadata() const
{
    return object(m_json, kMetadata);
}

void NoLagActorUpdate::setMetadata(const QJsonObject &metadata)
{
    m_json.insert(kMetadata, metadata);
}

bool NoLagActorUpdate::isActive() const
{
    return flag(m_json, kIsActive, true);
}
void NoLagActorUpdate::setActive(bool active)
{
    m_json.insert(kIsActive, active);
}
QString NoLagActorUpdate::accessScopeId() const
{
    return text(m_json, kAccessScopeId);
}

void NoLagActorUpdate::setAccessScopeId(const QString &accessScopeId)
{
    if (accessScopeId.isNull()) {
        m_json.insert(kAccessScopeId, QJsonValue(QJsonValue::Null));
    } else {
        m_json.insert(kAccessScopeId, accessScopeId);
    }
}

bool NoLagActorUpdate::hasAccessScopeId() const
{
    return m_json.contains(kAccessScopeId);
}

// NoLagScope

NoLagScope NoLagScope::fromJson(const QJsonObject &json)
{
    NoLagScope scope;
    scope.m_json = json;
    return scope;
}

QString NoLagScope::accessScopeId() const
{
    return text(m_json, kAccessScopeId);
}
QString NoLagScope::projectId() const
{
    return text(m_json, kProjectId);
}
QString NoLagScope::slug() const
{
    return text(m_json, kSlug);
}
QString NoLagScope::name() const
{
    return text(m_json, kName);
}
QString NoLagScope::description() const
{
    return text(m_json, kDescription);
}
QJsonObject NoLagScope::metadata() const
{
    return object(m_json, kMetadata);
}
bool NoLagScope::isActive() const
{
    return flag(m_json, kIsActive, true);
}
QDateTime NoLagScope::createdAt() const
{
    return timestamp(m_json, kCreatedAt);
}
QDateTime NoLagScope::updatedAt() const
{
    return timestamp(m_json, kUpdatedAt);
}

// NoLagScopeCreate

NoLagScopeCreate::NoLagScopeCreate(const QString &slug, const QString &name)
{
    setSlug(slug);
    setName(name);
}

NoLagScopeCreate NoLagScopeCreate::fromJson(const QJsonObject &json)
{
    NoLagScopeCreate data;
    data.m_json = json;
    return data;
}

QString NoLagScopeCreate::slug() const
{
    return text(m_json, kSlug);
}
void NoLagScopeCreate::setSlug(const QString &slug)
{
    m_json.insert(kSlug, slug);
}
QString NoLagScopeCreate::name() const
{
    return text(m_json, kName);
}
void NoLagScopeCreate::setName(const QString &name)
{
    m_json.insert(kName, name);
}
QString NoLagScopeCreate::description() const
{
    return text(m_json, kDescription);
}

void NoLagScopeCreate::setDescription(const QString &description)
{
    setOptional(m_json, kDescription, description);
}

QJsonObject NoLagScopeCreate::metadata() const
{
    return object(m_json, kMetadata);
}

void NoLagScopeCreate::setMetadata(const QJsonObject &metadata)
{
    setOptional(m_json, kMetadata, metadata);
}

// NoLagScopeUpdate

NoLagScopeUpdate NoLagScopeUpdate::fromJson(const QJsonObject &json)
{
    NoLagScopeUpdate data;
    data.m_json = json;
    return data;
}

QString NoLagScopeUpdate::name() const
{
    return text(m_json, kName);
}
void NoLagScopeUpdate::setName(const QString &name)
{
    m_json.insert(kName, name);
}
QString NoLagScopeUpdate::description() const
{
    return text(m_json, kDescription);
}

void NoLagScopeUpdate::setDescription(const QString &description)
{
    m_json.insert(kDescription, description);
}

QJsonObject NoLagScopeUpdate::metadata() const
{
    return object(m_json, kMetadata);
}

void NoLagScopeUpdate::setMetadata(const QJsonObject &metadata)
{
    m_json.insert(kMetadata, metadata);
}

bool NoLagScopeUpdate::isActive() const
{
    return flag(m_json, kIsActive, true);
}
void NoLagScopeUpdate::setActive(bool active)
{
    m_json.insert(kIsActive, active);
}

// NoLagListOptions

int NoLagListOptions::page() const
{
    return m_page;
}
void NoLagListOptions::setPage(int page)
{
    m_page = page;
}
int NoLagListOptions::limit() const
{
    return m_limit;
}
void NoLagListOptions::setLimit(int limit)
{
    m_limit = limit;
}
QString NoLagListOptions::sortBy() const
{
    return m_sortBy;
}
void NoLagListOptions::setSortBy(const QString &sortBy)
{
    m_sortBy = sortBy;
}

Qt::SortOrder NoLagListOptions::sortOrder() const
{
    return m_sortOrder == u"desc" ? Qt::DescendingOrder : Qt::AscendingOrder;
}

void NoLagListOptions::setSortOrder(Qt::SortOrder order)
{
    m_sortOrder = order == Qt::DescendingOrder ? u"desc"_s : u"asc"_s;
}

QString NoLagListOptions::search() const
{
    return m_search;
}
void NoLagListOptions::setSearch(const QString &search)
{
    m_search = search;
}

QList<QPair<QString, QString>> NoLagListOptions::toQueryItems() const
{
    // Only what was set, as the SDKs do: 0 and empty strings mean "not set".
    QList<QPair<QString, QString>> items;
    if (m_page > 0) {
        items.append({u"page"_s, QString::number(m_page)});
    }
    if (m_limit > 0) {
        items.append({u"limit"_s, QString::number(m_limit)});
    }
    if (!m_sortBy.isEmpty()) {
        items.append({u"sortBy"_s, m_sortBy});
    }
    if (!m_sortOrder.isEmpty()) {
        items.append({u"sortOrder"_s, m_sortOrder});
    }
    if (!m_search.isEmpty()) {
        items.append({u"search"_s, m_search});
    }
    return items;
}

// NoLagPagination

NoLagPagination::NoLagPagination(int total, int page, int pageCount)
    : m_total(total)
    , m_page(page)
    , m_pageCount(pageCount)
{ }

NoLagPagination NoLagPagination::fromJson(const QJsonObject &response)
{
    // Current servers nest the numbers in "pagination"; older ones send them flat, with
    // "totalPages" for the page count (REST spec §2.2).
    const QJsonValue nested = response.value("pagination"_L1);
    if (nested.isObject()) {
        const QJsonObject pagination = nested.toObject();
        return NoLagPagination(pagination.value("total"_L1).toInt(0),
                               pagination.value("page"_L1).toInt(1),
                               pagination.value("pageCount"_L1).toInt(1));
    }
    return NoLagPagination(response.value("total"_L1).toInt(0), response.value("page"_L1).toInt(1),
                           response.value("totalPages"_L1).toInt(1));
}
