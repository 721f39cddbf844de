// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "credentials.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDateTime>
#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>
#include <QtCore/QUuid>

using namespace Qt::StringLiterals;

namespace NoLag::Server::Credentials {

namespace {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator *generator = QRandomGenerator::system();
    for (int i = 0; i < count; ++i) {
        bytes[i] = char(generator->bounded(256));
    }
    return bytes;
}

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

QString newId()
{
    // UUID v7: 48 bits of Unix milliseconds, then random bits with the version and variant set.
    QByteArray bytes = randomBytes(16);
    const quint64 millis = quint64(QDateTime::currentMSecsSinceEpoch());
    for (int i = 0; i < 6; ++i) {
        bytes[i] = char((millis >> (8 * (5 - i))) & 0xff);
    }
    bytes[6] = char((bytes[6] & 0x0f) | 0x70);
    bytes[8] = char((bytes[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

QString randomHex(int count)
{
    return QString::fromLatin1(randomBytes((count + 1) / 2).toHex()).left(count);
}

QString newActorToken()
{
    return u"at_live_"_s + randomHex(12) + u'.' + base64Url(randomBytes(32));
}

bool isActorToken(const QString &token)
{
    static const QRegularExpression shape(u"^at_live_[0-9a-f]{12}\\.[A-Za-z0-9_-]{43}$"_s);
    return shape.match(token).hasMatch();
}

QString ApiKey::toString() const
{
    return u"nlg_live_"_s + id + u'.' + secret;
}

ApiKey newApiKey()
{
    return ApiKey{randomHex(16), base64Url(randomBytes(32))};
}

std::optional<ApiKey> parseApiKey(const QString &key)
{
    static const QRegularExpression shape(
        u"^nlg_live_([A-Za-z0-9]{1,64})\\.([A-Za-z0-9_-]{1,256})$"_s);
    const QRegularExpressionMatch match = shape.match(key);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    return ApiKey{match.captured(1), match.captured(2)};
}

QByteArray hashSecret(const QString &secret)
{
    return QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256);
}

bool hashesEqual(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    }
    return difference == 0;
}

QString timestampNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace NoLag::Server::Credentials
