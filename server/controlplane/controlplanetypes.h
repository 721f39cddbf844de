// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "core/authprovider.h"

#include <QtCore/QJsonObject>
#include <QtCore/QJsonValue>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

// The resources of the control plane (rest-api.md §3) as the store keeps them. A null QString
// stands for a JSON null or an absent optional field; timestamps are ISO 8601 UTC strings.

namespace NoLag::Server {

struct Project
{
    QString id;
    QString organizationId;
    QString name;
    QString createdAt;
    QString updatedAt;
};

struct App
{
    QString id;
    QString projectId;
    QString name;
    QString slug;
    QString description;
    QString blueprintId;
    QJsonObject config;
    QStringList topics;
    QString createdAt;
    QString updatedAt;
    QString deletedAt;

    /*! config.autoProvisionRooms, which only the JSON value true turns on. */
    bool autoProvisionsRooms() const
    {
        const QJsonValue value = config.value(QLatin1StringView("autoProvisionRooms"));
        return value.isBool() && value.toBool();
    }
};

enum class RoomType : quint8 { Static, Dynamic };

struct Room
{
    QString id;
    QString appId;
    QString name;
    QString slug;
    QString description;
    RoomType type = RoomType::Dynamic;
    bool enabled = true;
    QStringList topics;
    QJsonObject config;
    QString createdAt;
    QString updatedAt;
};

/*! A room actor access grant (rest-api.md §3.3): for one actor token or one actor type. */
struct RoomGrant
{
    QString id;
    QString roomId;
    QString actorTokenId; // set for a token grant
    QString actorType; // set for a type grant
    Permission permission = Permission::PubSub;
    std::optional<QStringList> topics; // nullopt: the app's topics
    bool active = true;
    QString expiresAt; // null: never
    QString role;
    QJsonValue metadata; // null or an object
    QString createdAt;
    QString updatedAt;
};

struct Actor
{
    QString id; // the actorTokenId
    QString projectId;
    QString name;
    QString actorType;
    QString description;
    QString externalId;
    QJsonValue metadata; // null or an object
    bool active = true;
    QString lastConnectedAt;
    QString accessScopeId;
    QString createdAt;
    QString updatedAt;
};

struct Scope
{
    QString id;
    QString projectId;
    QString slug;
    QString name;
    QString description;
    QJsonValue metadata; // null or an object
    bool active = true;
    QString createdAt;
    QString updatedAt;
};

/*! What a paginated list asks for (rest-api.md §2.1), already checked and clamped. */
struct ListQuery
{
    int page = 1;
    int limit = 10;
    QString sortBy = QStringLiteral("createdAt"); // name, slug, createdAt or updatedAt
    bool descending = false;
    QString search; // case-insensitive substring of name or slug; empty: no filter
};

template<typename T>
struct Page
{
    QList<T> items;
    int total = 0;
};

/*! Why a store operation did not happen; the REST layer turns the kind into a status code. */
struct StoreError
{
    enum class Kind : quint8 { NotFound, Conflict, Forbidden, Invalid, Storage };

    Kind kind = Kind::Storage;
    QString message;
};

/*! The permission strings of the wire protocol and the REST API. */
inline QString permissionName(Permission permission)
{
    switch (permission) {
    case Permission::Subscribe:
        return QStringLiteral("subscribe");
    case Permission::Publish:
        return QStringLiteral("publish");
    case Permission::PubSub:
        break;
    }
    return QStringLiteral("pubSub");
}

inline std::optional<Permission> permissionFromName(const QString &name)
{
    if (name == QLatin1StringView("subscribe")) {
        return Permission::Subscribe;
    }
    if (name == QLatin1StringView("publish")) {
        return Permission::Publish;
    }
    if (name == QLatin1StringView("pubSub")) {
        return Permission::PubSub;
    }
    return std::nullopt;
}

/*! The actor types every SDK generation may send (rest-api.md §3.4). */
inline const QStringList &actorTypes()
{
    static const QStringList types{QStringLiteral("device"),       QStringLiteral("user"),
                                   QStringLiteral("server"),       QStringLiteral("service"),
                                   QStringLiteral("session"),      QStringLiteral("agent"),
                                   QStringLiteral("orchestrator"), QStringLiteral("observer")};
    return types;
}

} // namespace NoLag::Server
