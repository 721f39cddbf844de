// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "authprovider.h"

#include <QtCore/QDateTime>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>

namespace NoLag::Server {

/*!
    A fixed set of access tokens, each with its grant, and lobby definitions. Unknown tokens
    are refused with access_denied; an actor whose token disappeared fails revalidation with
    token_revoked.
*/
class StaticTokenProvider : public AuthProvider
{
public:
    void setTokens(const QHash<QString, ActorGrant> &tokens, const QList<LobbyDefinition> &lobbies);
    qsizetype tokenCount() const { return m_tokens.size(); }

    AuthOutcome authenticate(const QString &accessToken) override;
    AuthOutcome revalidate(const QString &actorTokenId) override;
    QList<LobbyDefinition> lobbies() const override;

protected:
    /*! Called before every lookup; the token file provider re-reads its file here. */
    virtual void refresh() { }

private:
    QHash<QString, ActorGrant> m_tokens; // by access token
    QList<LobbyDefinition> m_lobbies;
};

/*!
    The static token file of the official broker (see common.md): `tokens` maps each access
    token to its actor, rules, lobbies and limits; `lobbies` (a local extension) lists the
    member rooms of each lobby. The file is read again whenever it changes on disk, so a token
    removed from it is refused at once and its live connections close (4001 token_revoked) at
    their next revalidation. A change that does not parse keeps the previous tokens.
*/
class TokenFileProvider final : public StaticTokenProvider
{
public:
    explicit TokenFileProvider(const QString &path);

    /*! Reads the file; false with a one-line reason (never a token) when it cannot be used. */
    bool load(QString *errorString);

    /*! Parses the file format. Errors name the entry by actorTokenId, never by token. */
    static bool parse(const QByteArray &json, QHash<QString, ActorGrant> *tokens,
                      QList<LobbyDefinition> *lobbies, QString *errorString);

protected:
    void refresh() override;

private:
    bool readFile(QString *errorString);

    QString m_path;
    QDateTime m_modified;
    qint64 m_size = -1;
};

/*!
    Development mode (--open): every non-empty token is accepted, with one rule `#` and
    pubSub on the app "dev". The actor id is derived from the token, so each token is a
    stable actor (its saved subscriptions come back on reconnect).
*/
class OpenProvider final : public AuthProvider
{
public:
    AuthOutcome authenticate(const QString &accessToken) override;
    AuthOutcome revalidate(const QString &actorTokenId) override;

    static ActorGrant grantFor(const QString &actorTokenId);
    static QString actorIdFor(const QString &accessToken);
};

/*!
    Asks several providers in order: the first that grants a token wins and also answers
    that actor's revalidations and live checks. Lobbies are the union of all. Does not own
    the providers.
*/
class ChainProvider final : public AuthProvider
{
public:
    void append(AuthProvider *provider) { m_providers.append(provider); }
    qsizetype size() const { return m_providers.size(); }

    AuthOutcome authenticate(const QString &accessToken) override;
    AuthOutcome revalidate(const QString &actorTokenId) override;
    std::optional<QList<AclRule>> checkRoomAccess(const QString &actorTokenId,
                                                  const QString &displayPattern) override;
    QList<LobbyDefinition> lobbies() const override;

private:
    QList<AuthProvider *> m_providers;
    QHash<QString, AuthProvider *> m_ownerOfActor;
};

} // namespace NoLag::Server
