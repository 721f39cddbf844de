// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "controlplaneauthprovider.h"

#include "controlplanelogging_p.h"
#include "controlplanestore.h"

#include <QtCore/QDateTime>
#include <QtCore/QHash>
#include <QtCore/QSet>

using namespace Qt::StringLiterals;

namespace NoLag::Server {

namespace {

Permission merged(Permission a, Permission b)
{
    return a == b ? a : Permission::PubSub;
}

bool isUsable(const RoomGrant &grant, const QDateTime &now)
{
    if (!grant.active) {
        return false;
    }
    if (grant.expiresAt.isNull()) {
        return true;
    }
    const QDateTime expiry = QDateTime::fromString(grant.expiresAt, Qt::ISODateWithMs);
    return expiry.isValid() && expiry > now;
}

AuthOutcome denied(const QString &error)
{
    AuthOutcome outcome;
    outcome.status = AuthOutcome::Status::Denied;
    outcome.error = error;
    return outcome;
}

} // namespace

ControlPlaneAuthProvider::ControlPlaneAuthProvider(ControlPlaneStore &store)
    : m_store(store)
{ }

QString ControlPlaneAuthProvider::lobbySlug(const QString &appSlug)
{
    return appSlug + u"-lobby"_s;
}

AuthOutcome ControlPlaneAuthProvider::authenticate(const QString &accessToken)
{
    const std::optional<Actor> actor = m_store.actorForToken(accessToken);
    if (!actor) {
        return denied(u"access_denied"_s);
    }
    if (!actor->active) {
        qCInfo(lcControlPlane, "Refused a connection of actor %s: it is deactivated",
               qPrintable(actor->id));
        return denied(u"access_denied"_s);
    }
    if (!m_store.project(actor->projectId)) {
        return denied(u"access_denied"_s);
    }

    m_store.recordConnection(actor->id);
    AuthOutcome outcome;
    outcome.status = AuthOutcome::Status::Granted;
    outcome.grant = grantFor(*actor);
    return outcome;
}

AuthOutcome ControlPlaneAuthProvider::revalidate(const QString &actorTokenId)
{
    const std::optional<Actor> actor = m_store.actorById(actorTokenId);
    if (!actor) {
        return denied(u"token_not_found"_s);
    }
    if (!actor->active) {
        return denied(u"token_revoked"_s);
    }
    if (!m_store.project(actor->projectId)) {
        return denied(u"project_not_found"_s);
    }
    AuthOutcome outcome;
    outcome.status = AuthOutcome::Status::Granted;
    outcome.grant = grantFor(*actor);
    return outcome;
}

std::optional<QList<AclRule>>
ControlPlaneAuthProvider::checkRoomAccess(const QString &actorTokenId,
                                          const QString &displayPattern)
{
    const std::optional<Actor> actor = m_store.actorById(actorTokenId);
    if (!actor || !actor->active) {
        return std::nullopt;
    }

    // Rules are exact, so the pattern names one room; hand back all of that room's rules so
    // the other topics of a room created after connect work as well.
    const ActorGrant grant = grantFor(*actor);
    QSet<QString> rooms;
    for (const AclRule &rule : grant.rules) {
        if (rule.pattern == displayPattern && rule.allowsSubscribe()) {
            rooms.insert(rule.roomId);
        }
    }
    if (rooms.isEmpty()) {
        return std::nullopt;
    }
    QList<AclRule> rules;
    for (const AclRule &rule : grant.rules) {
        if (rooms.contains(rule.roomId)) {
            rules.append(rule);
        }
    }
    return rules;
}

QList<LobbyDefinition> ControlPlaneAuthProvider::lobbies() const
{
    QHash<QString, qsizetype> indexOfApp;
    QList<LobbyDefinition> lobbies;
    for (const App &app : m_store.allApps()) {
        indexOfApp.insert(app.id, lobbies.size());
        const QString slug = lobbySlug(app.slug);
        lobbies.append(LobbyDefinition{slug, slug, {}});
    }
    for (const Room &room : m_store.allEnabledRooms()) {
        const auto index = indexOfApp.constFind(room.appId);
        if (index != indexOfApp.constEnd()) {
            lobbies[*index].roomIds.append(room.id);
        }
    }
    return lobbies;
}

bool ControlPlaneAuthProvider::knowsActor(const QString &actorTokenId) const
{
    return m_store.actorExisted(actorTokenId);
}

ActorGrant ControlPlaneAuthProvider::grantFor(const Actor &actor) const
{
    ActorGrant grant;
    grant.actorTokenId = actor.id;
    grant.projectId = actor.projectId;
    grant.actorType = actor.actorType;
    if (const std::optional<Project> project = m_store.project(actor.projectId)) {
        grant.organizationId = project->organizationId;
    }

    std::optional<Scope> scope;
    if (!actor.accessScopeId.isEmpty()) {
        scope = m_store.scope(actor.projectId, actor.accessScopeId);
    }
    if (scope) {
        grant.scopeId = scope->id;
        grant.scopeSlug = scope->slug;
        grant.scopeName = scope->name;
        // A deactivated scope keeps its actors connectable but out of every room.
        if (!scope->active) {
            return grant;
        }
    }

    const QList<App> appList = m_store.appsOfProject(actor.projectId);
    QHash<QString, App> apps;
    for (const App &app : appList) {
        apps.insert(app.id, app);
    }
    QHash<QString, QList<RoomGrant>> grantsOfRoom;
    for (const RoomGrant &roomGrant : m_store.grantsOfProject(actor.projectId)) {
        grantsOfRoom[roomGrant.roomId].append(roomGrant);
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSet<QString> appsReached;
    for (const Room &room : m_store.roomsOfProject(actor.projectId)) {
        const auto app = apps.constFind(room.appId);
        if (!room.enabled || app == apps.constEnd()) {
            continue;
        }

        // Which accesses apply: public room, else token grants, else type grants.
        QList<RoomGrant> accesses;
        const QList<RoomGrant> roomGrants = grantsOfRoom.value(room.id);
        if (roomGrants.isEmpty()) {
            RoomGrant everyone;
            everyone.permission = Permission::PubSub;
            accesses.append(everyone);
        } else {
            for (const RoomGrant &roomGrant : roomGrants) {
                if (roomGrant.actorTokenId == actor.id && isUsable(roomGrant, now)) {
                    accesses.append(roomGrant);
                }
            }
            if (accesses.isEmpty()) {
                for (const RoomGrant &roomGrant : roomGrants) {
                    if (roomGrant.actorTokenId.isEmpty() &&
                        roomGrant.actorType == actor.actorType && isUsable(roomGrant, now)) {
                        accesses.append(roomGrant);
                    }
                }
            }
        }

        // rest-api.md §6.4: the grant's topics, else the app's, else the room's own.
        const QStringList defaultTopics = app->topics.isEmpty() ? room.topics : app->topics;
        QStringList topics;
        QHash<QString, Permission> permissions;
        for (const RoomGrant &access : accesses) {
            for (const QString &topic : access.topics.value_or(defaultTopics)) {
                const auto existing = permissions.constFind(topic);
                if (existing == permissions.constEnd()) {
                    topics.append(topic);
                    permissions.insert(topic, access.permission);
                } else {
                    permissions.insert(topic, merged(*existing, access.permission));
                }
            }
        }

        for (const QString &topic : std::as_const(topics)) {
            AclRule rule;
            rule.permission = permissions.value(topic);
            rule.roomId = room.id;
            rule.roomSlug = room.slug;
            rule.appId = app->id;
            rule.appName = app->name;
            if (scope) {
                rule.pattern = u"%1/%2/%3/%4"_s.arg(app->slug, scope->slug, room.slug, topic);
                rule.internalTopic = u"%1/%2/%3"_s.arg(scope->id, room.id, topic);
                rule.scopeId = scope->id;
                rule.scopeSlug = scope->slug;
            } else {
                rule.pattern = u"%1/%2/%3"_s.arg(app->slug, room.slug, topic);
                rule.internalTopic = u"%1/%2"_s.arg(room.id, topic);
            }
            grant.rules.append(rule);
        }
        if (!topics.isEmpty()) {
            appsReached.insert(app->id);
        }
    }

    for (const App &app : appList) {
        if (appsReached.contains(app.id)) {
            const QString slug = lobbySlug(app.slug);
            grant.lobbies.append(LobbyGrant{slug, slug});
        }
    }
    return grant;
}

} // namespace NoLag::Server
