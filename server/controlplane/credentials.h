// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <optional>

/*!
    Identifiers, secrets and timestamps of the control plane. Secrets come from the operating
    system's random source; only their SHA-256 hashes are stored.
*/
namespace NoLag::Server::Credentials {

/*! A new UUID version 7 (time-ordered), lower case, without braces. */
QString newId();

/*! \a count random lower-case hexadecimal characters. */
QString randomHex(int count);

/*! A new actor access token: "at_live_<12 hex>.<43 base64url>". */
QString newActorToken();

/*! Whether \a token has the shape of an actor access token made by newActorToken(). */
bool isActorToken(const QString &token);

/*! The project API key "nlg_live_<id>.<secret>" split into its parts. */
struct ApiKey
{
    QString id;
    QString secret;

    QString toString() const;
};

/*! A new API key with a 16-hex-character id and a 43-character base64url secret. */
ApiKey newApiKey();

/*!
    Splits \a key into id and secret, or returns nullopt when it is not of the form
    "nlg_live_<id>.<secret>" (id: 1 to 64 letters or digits; secret: 1 to 256 base64url
    characters).
*/
std::optional<ApiKey> parseApiKey(const QString &key);

/*! SHA-256 of the UTF-8 bytes of \a secret: what the database keeps instead of a secret. */
QByteArray hashSecret(const QString &secret);

/*! Compares two hashes in time that does not depend on where they differ. */
bool hashesEqual(const QByteArray &a, const QByteArray &b);

/*! The current time as ISO 8601 UTC with milliseconds: "2026-06-13T10:00:00.000Z". */
QString timestampNow();

} // namespace NoLag::Server::Credentials
