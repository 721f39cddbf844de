// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariantList>

#include <optional>

namespace NoLag::Server {

/*! What an ACL rule allows (wire-protocol §6.2). */
enum class Permission : quint8 { Subscribe, Publish, PubSub };

/*!
    One ACL rule of an authenticated actor (wire-protocol §6.2). The pattern is a display
    pattern ("chat/general/messages", "demo/general/#"); the other fields identify the room
    and app behind it, which presence, lobbies, load-balancing group names and routing need.
*/
struct AclRule
{
    QString pattern;
    Permission permission = Permission::PubSub;
    QString internalTopic; // "{roomId}/{topic}" or "{scopeId}/{roomId}/{topic}"; may be empty
    QString roomId;
    QString roomSlug;
    QString appId;
    QString appName;
    QString scopeId;
    QString scopeSlug;

    bool allowsSubscribe() const { return permission != Permission::Publish; }
    bool allowsPublish() const { return permission != Permission::Subscribe; }
};

/*! A lobby an actor may observe: the slug clients use and the broker's internal id. */
struct LobbyGrant
{
    QString slug;
    QString id;
};

/*! Per-topic webhooks of an app (wire-protocol §15): on_subscribe wins over hydration. */
struct TopicWebhooks
{
    QString onSubscribe;
    QString onPublish;
};

/*!
    Everything authentication yields for one actor token (the reference server's auth_result):
    identity, ACL rules, lobbies and limits.
*/
struct ActorGrant
{
    QString actorTokenId;
    QString projectId;
    QString organizationId;
    QString actorType = QStringLiteral("user");
    QList<AclRule> rules;
    QList<LobbyGrant> lobbies;
    QString scopeId;
    QString scopeSlug;
    std::optional<int> maxConnections; // per organisation; nullopt = unlimited
    std::optional<int> maxMessageSizeBytes; // nullopt = the server's configured limit
    std::optional<int> rateLimit; // publishes per second; nullopt = server default
    QVariantList activeSubscriptions; // token-file "activeSubscriptions"

    // Webhooks of the actor's app (wire-protocol §15); empty = none. Keys of topicWebhooks
    // are bare topic names ("messages").
    QString hydrationWebhook;
    QString triggerWebhook;
    QHash<QString, TopicWebhooks> topicWebhooks;
    QString scopeName; // for the `scope` object of webhook bodies
};

/*!
    The outcome of asking an AuthProvider about a token. On failure, error is the auth
    failure string of wire-protocol §3.3 for authenticate() ("access_denied") or the close
    reason of §4 for revalidate() ("token_revoked", "token_not_found").
*/
struct AuthOutcome
{
    enum class Status : quint8 { Granted, Denied, Unavailable };

    Status status = Status::Denied;
    QString error;
    ActorGrant grant;

    bool isGranted() const { return status == Status::Granted; }
};

/*! A lobby and the internal ids of its member rooms (wire-protocol §14). */
struct LobbyDefinition
{
    QString id;
    QString slug;
    QStringList roomIds;
};

/*!
    The seam between the broker and whatever knows who may do what: the static token file,
    the allow-all development mode, the control plane stored in SQLite, or several of them
    chained. Calls are synchronous and must be fast: they run on the broker's thread.
*/
class AuthProvider
{
public:
    virtual ~AuthProvider() = default;

    /*! Validates an access token presented in an auth frame. */
    virtual AuthOutcome authenticate(const QString &accessToken) = 0;

    /*!
        Re-reads the grant of an already authenticated actor (heartbeat revalidation,
        wire-protocol §4). Denied means the connection is closed with 4001 and error as reason.
    */
    virtual AuthOutcome revalidate(const QString &actorTokenId) = 0;

    /*!
        The subscribe-time live check of wire-protocol §6.6: fresh rules that admit
        \a displayPattern for the actor, or nullopt when it may not (or the provider has no
        live source, like the token file).
    */
    virtual std::optional<QList<AclRule>> checkRoomAccess(const QString &actorTokenId,
                                                          const QString &displayPattern)
    {
        Q_UNUSED(actorTokenId);
        Q_UNUSED(displayPattern);
        return std::nullopt;
    }

    /*! The lobby definitions this provider knows, for lobby presence (wire-protocol §14). */
    virtual QList<LobbyDefinition> lobbies() const { return {}; }
};

} // namespace NoLag::Server
