// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "tokenproviders.h"

#include "serverlogging_p.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

using namespace Qt::StringLiterals;

namespace NoLag::Server {

// --- StaticTokenProvider -------------------------------------------------------------------

void StaticTokenProvider::setTokens(const QHash<QString, ActorGrant> &tokens,
                                    const QList<LobbyDefinition> &lobbies)
{
    m_tokens = tokens;
    m_lobbies = lobbies;
}

AuthOutcome StaticTokenProvider::authenticate(const QString &accessToken)
{
    refresh();
    AuthOutcome outcome;
    const auto it = m_tokens.constFind(accessToken);
    if (it == m_tokens.cend()) {
        outcome.error = u"access_denied"_s;
        return outcome;
    }
    outcome.status = AuthOutcome::Status::Granted;
    outcome.grant = it.value();
    return outcome;
}

AuthOutcome StaticTokenProvider::revalidate(const QString &actorTokenId)
{
    refresh();
    AuthOutcome outcome;
    for (const ActorGrant &grant : std::as_const(m_tokens)) {
        if (grant.actorTokenId == actorTokenId) {
            outcome.status = AuthOutcome::Status::Granted;
            outcome.grant = grant;
            return outcome;
        }
    }
    outcome.error = u"token_revoked"_s;
    return outcome;
}

QList<LobbyDefinition> StaticTokenProvider::lobbies() const
{
    return m_lobbies;
}

// --- TokenFileProvider ---------------------------------------------------------------------

namespace {

std::optional<int> optionalInt(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (!value.isDouble()) {
        return std::nullopt;
    }
    return value.toInt();
}

bool parsePermission(const QString &text, Permission *permission)
{
    // Exact, case-sensitive strings (wire-protocol §6.2).
    if (text == u"subscribe") {
        *permission = Permission::Subscribe;
    } else if (text == u"publish") {
        *permission = Permission::Publish;
    } else if (text == u"pubSub") {
        *permission = Permission::PubSub;
    } else {
        return false;
    }
    return true;
}

bool parseGrant(const QJsonObject &entry, qsizetype position, ActorGrant *grant, QString *error)
{
    grant->actorTokenId = entry.value(u"actorTokenId").toString();
    const QString name = grant->actorTokenId.isEmpty()
        ? u"token entry %1"_s.arg(position + 1)
        : u"the token of actor '%1'"_s.arg(grant->actorTokenId);
    if (grant->actorTokenId.isEmpty()) {
        *error = u"%1 has no \"actorTokenId\""_s.arg(name);
        return false;
    }

    grant->projectId = entry.value(u"projectId").toString();
    grant->organizationId = entry.value(u"organizationId").toString();
    grant->actorType = entry.value(u"actorType").toString(u"user"_s);
    grant->rateLimit = optionalInt(entry, u"rateLimit"_s);
    grant->maxConnections = optionalInt(entry, u"maxConnections"_s);
    grant->maxMessageSizeBytes = optionalInt(entry, u"maxMessageSizeBytes"_s);
    grant->scopeSlug = entry.value(u"scopeSlug").toString();
    grant->scopeId = entry.value(u"scopeId").toString();
    grant->scopeName = entry.value(u"scopeName").toString();
    grant->hydrationWebhook = entry.value(u"hydrationWebhook").toString();
    grant->triggerWebhook = entry.value(u"triggerWebhook").toString();
    grant->activeSubscriptions = entry.value(u"activeSubscriptions").toArray().toVariantList();

    const QString appId = entry.value(u"appId").toString();
    const QString appName = entry.value(u"appName").toString();

    const QJsonArray topics = entry.value(u"allowedTopics").toArray();
    for (qsizetype i = 0; i < topics.size(); ++i) {
        const QJsonObject object = topics.at(i).toObject();
        AclRule rule;
        rule.pattern = object.value(u"pattern").toString();
        const QString permission = object.value(u"permission").toString();
        if (rule.pattern.isEmpty() || !parsePermission(permission, &rule.permission)) {
            *error = u"rule %1 of %2 needs a \"pattern\" and a \"permission\" of subscribe, "
                     "publish or pubSub"_s.arg(i + 1)
                         .arg(name);
            return false;
        }
        rule.internalTopic = object.value(u"topic").toString();
        rule.roomId = object.value(u"room_id").toString();
        rule.roomSlug = object.value(u"room_slug").toString();
        // A rule without its own app belongs to the token's app.
        rule.appId = object.value(u"app_id").toString(appId);
        rule.appName = object.value(u"app_name").toString(appName);
        rule.scopeId = object.value(u"scope_id").toString(grant->scopeId);
        rule.scopeSlug = object.value(u"scope_slug").toString(grant->scopeSlug);
        grant->rules.append(rule);
    }

    const QJsonArray lobbies = entry.value(u"allowedLobbies").toArray();
    for (const QJsonValue &value : lobbies) {
        const QJsonObject object = value.toObject();
        LobbyGrant lobby;
        lobby.slug = object.value(u"lobby_slug").toString();
        lobby.id = object.value(u"lobby_id").toString(lobby.slug);
        if (!lobby.slug.isEmpty()) {
            grant->lobbies.append(lobby);
        }
    }

    const QJsonObject webhooks = entry.value(u"topicWebhooks").toObject();
    for (auto it = webhooks.begin(); it != webhooks.end(); ++it) {
        const QJsonObject hooks = it.value().toObject();
        grant->topicWebhooks.insert(it.key(),
                                    TopicWebhooks{hooks.value(u"on_subscribe").toString(),
                                                  hooks.value(u"on_publish").toString()});
    }
    return true;
}

} // namespace

TokenFileProvider::TokenFileProvider(const QString &path)
    : m_path(path)
{ }

bool TokenFileProvider::parse(const QByteArray &json, QHash<QString, ActorGrant> *tokens,
                              QList<LobbyDefinition> *lobbies, QString *errorString)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *errorString = u"it is not valid JSON (%1 at offset %2)"_s.arg(parseError.errorString())
                           .arg(parseError.offset);
        return false;
    }
    const QJsonValue tokensValue = document.object().value(u"tokens");
    if (!document.isObject() || !tokensValue.isObject()) {
        *errorString = u"it must be a JSON object with a \"tokens\" object inside"_s;
        return false;
    }

    const QJsonObject tokenObject = tokensValue.toObject();
    qsizetype position = 0;
    for (auto it = tokenObject.begin(); it != tokenObject.end(); ++it, ++position) {
        ActorGrant grant;
        if (!it.value().isObject()) {
            *errorString = u"token entry %1 is not a JSON object"_s.arg(position + 1);
            return false;
        }
        if (!parseGrant(it.value().toObject(), position, &grant, errorString)) {
            return false;
        }
        tokens->insert(it.key(), grant);
    }

    const QJsonArray lobbyArray = document.object().value(u"lobbies").toArray();
    for (const QJsonValue &value : lobbyArray) {
        const QJsonObject object = value.toObject();
        LobbyDefinition lobby;
        lobby.id = object.value(u"id").toString();
        lobby.slug = object.value(u"slug").toString(lobby.id);
        const QJsonArray rooms = object.value(u"rooms").toArray();
        for (const QJsonValue &room : rooms) {
            lobby.roomIds.append(room.toString());
        }
        if (!lobby.id.isEmpty()) {
            lobbies->append(lobby);
        }
    }
    return true;
}

bool TokenFileProvider::load(QString *errorString)
{
    return readFile(errorString);
}

bool TokenFileProvider::readFile(QString *errorString)
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        *errorString = u"cannot read the token file '%1': %2"_s.arg(m_path, file.errorString());
        return false;
    }
    const QFileInfo info(file);
    const QByteArray json = file.readAll();

    QHash<QString, ActorGrant> tokens;
    QList<LobbyDefinition> lobbies;
    QString reason;
    if (!parse(json, &tokens, &lobbies, &reason)) {
        *errorString = u"cannot use the token file '%1': %2"_s.arg(m_path, reason);
        return false;
    }
    m_modified = info.lastModified();
    m_size = info.size();
    setTokens(tokens, lobbies);
    return true;
}

void TokenFileProvider::refresh()
{
    const QFileInfo info(m_path);
    if (info.lastModified() == m_modified && info.size() == m_size) {
        return;
    }
    QString error;
    if (readFile(&error)) {
        qCInfo(lcAuth, "The token file changed; now serving %lld tokens", qint64(tokenCount()));
    } else {
        // Keep serving the last good file, and say why the new one was not taken.
        m_modified = info.lastModified();
        m_size = info.size();
        qCWarning(lcAuth, "The token file changed but %s; the previous tokens stay in use",
                  qPrintable(error));
    }
}

// --- OpenProvider --------------------------------------------------------------------------

QString OpenProvider::actorIdFor(const QString &accessToken)
{
    const QByteArray hash =
        QCryptographicHash::hash(accessToken.toUtf8(), QCryptographicHash::Sha256);
    return u"dev-"_s + QString::fromLatin1(hash.toHex().left(12));
}

ActorGrant OpenProvider::grantFor(const QString &actorTokenId)
{
    ActorGrant grant;
    grant.actorTokenId = actorTokenId;
    grant.projectId = u"dev-project"_s;
    grant.organizationId = u"dev-organization"_s;
    AclRule rule;
    rule.pattern = u"#"_s;
    rule.permission = Permission::PubSub;
    rule.appId = u"dev-app"_s;
    rule.appName = u"dev"_s;
    grant.rules.append(rule);
    return grant;
}

AuthOutcome OpenProvider::authenticate(const QString &accessToken)
{
    AuthOutcome outcome;
    if (accessToken.isEmpty()) {
        outcome.error = u"access_denied"_s;
        return outcome;
    }
    outcome.status = AuthOutcome::Status::Granted;
    outcome.grant = grantFor(actorIdFor(accessToken));
    return outcome;
}

AuthOutcome OpenProvider::revalidate(const QString &actorTokenId)
{
    AuthOutcome outcome;
    outcome.status = AuthOutcome::Status::Granted;
    outcome.grant = grantFor(actorTokenId);
    return outcome;
}

// --- ChainProvider -------------------------------------------------------------------------

AuthOutcome ChainProvider::authenticate(const QString &accessToken)
{
    AuthOutcome refusal;
    refusal.error = u"access_denied"_s;
    bool unavailable = false;

    for (AuthProvider *provider : std::as_const(m_providers)) {
        AuthOutcome outcome = provider->authenticate(accessToken);
        if (outcome.isGranted()) {
            m_ownerOfActor.insert(outcome.grant.actorTokenId, provider);
            return outcome;
        }
        if (outcome.status == AuthOutcome::Status::Unavailable && !unavailable) {
            unavailable = true;
            refusal = outcome;
        }
    }
    return refusal;
}

AuthOutcome ChainProvider::revalidate(const QString &actorTokenId)
{
    if (AuthProvider *owner = m_ownerOfActor.value(actorTokenId)) {
        return owner->revalidate(actorTokenId);
    }
    AuthOutcome refusal;
    refusal.error = u"token_not_found"_s;
    for (AuthProvider *provider : std::as_const(m_providers)) {
        const AuthOutcome outcome = provider->revalidate(actorTokenId);
        if (outcome.isGranted()) {
            return outcome;
        }
    }
    return refusal;
}

std::optional<QList<AclRule>> ChainProvider::checkRoomAccess(const QString &actorTokenId,
                                                             const QString &displayPattern)
{
    if (AuthProvider *owner = m_ownerOfActor.value(actorTokenId)) {
        return owner->checkRoomAccess(actorTokenId, displayPattern);
    }
    for (AuthProvider *provider : std::as_const(m_providers)) {
        std::optional<QList<AclRule>> rules =
            provider->checkRoomAccess(actorTokenId, displayPattern);
        if (rules) {
            return rules;
        }
    }
    return std::nullopt;
}

QList<LobbyDefinition> ChainProvider::lobbies() const
{
    QList<LobbyDefinition> all;
    for (const AuthProvider *provider : m_providers) {
        all += provider->lobbies();
    }
    return all;
}

} // namespace NoLag::Server
