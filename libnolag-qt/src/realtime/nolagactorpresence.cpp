// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include <NoLagQt/nolagactorpresence.h>

#include <QtCore/QMetaEnum>

using namespace Qt::StringLiterals;

class NoLagActorPresenceData : public QSharedData
{
public:
    QString actorTokenId;
    NoLag::ActorType actorType = NoLag::ActorType::Unknown;
    QVariant presence;
    qint64 joinedAt = 0;
    QString status;
    qint64 advertisementVersion = 0;
};

namespace {

NoLag::ActorType actorTypeFromString(const QString &name)
{
    if (name.isEmpty()) {
        return NoLag::ActorType::Unknown;
    }
    // The wire names are the enum's names in lower case ("user", "agent", ...).
    const QMetaEnum meta = QMetaEnum::fromType<NoLag::ActorType>();
    for (int i = 0; i < meta.keyCount(); ++i) {
        if (QString::fromLatin1(meta.key(i)).compare(name, Qt::CaseInsensitive) == 0) {
            return NoLag::ActorType(meta.value(i));
        }
    }
    return NoLag::ActorType::Unknown;
}

} // namespace

NoLagActorPresence::NoLagActorPresence()
    : d(new NoLagActorPresenceData)
{ }

NoLagActorPresence::NoLagActorPresence(const QString &actorTokenId, const QVariant &presence)
    : d(new NoLagActorPresenceData)
{
    d->actorTokenId = actorTokenId;
    d->presence = presence;
}

NoLagActorPresence::NoLagActorPresence(const NoLagActorPresence &other) = default;
NoLagActorPresence &NoLagActorPresence::operator=(const NoLagActorPresence &other) = default;
NoLagActorPresence::~NoLagActorPresence() = default;

bool NoLagActorPresence::isValid() const
{
    return !d->actorTokenId.isEmpty();
}

QString NoLagActorPresence::actorTokenId() const
{
    return d->actorTokenId;
}

NoLag::ActorType NoLagActorPresence::actorType() const
{
    return d->actorType;
}

void NoLagActorPresence::setActorType(NoLag::ActorType type)
{
    d->actorType = type;
}

QVariant NoLagActorPresence::presence() const
{
    return d->presence;
}

void NoLagActorPresence::setPresence(const QVariant &presence)
{
    d->presence = presence;
}

qint64 NoLagActorPresence::joinedAt() const
{
    return d->joinedAt;
}

void NoLagActorPresence::setJoinedAt(qint64 unixSeconds)
{
    d->joinedAt = unixSeconds;
}

QString NoLagActorPresence::status() const
{
    return d->status;
}

void NoLagActorPresence::setStatus(const QString &status)
{
    d->status = status;
}

qint64 NoLagActorPresence::advertisementVersion() const
{
    return d->advertisementVersion;
}

void NoLagActorPresence::setAdvertisementVersion(qint64 version)
{
    d->advertisementVersion = version;
}

NoLagActorPresence NoLagActorPresence::fromMap(const QVariantMap &map)
{
    // Presence events use snake_case, presence lists camelCase (wire protocol §19.6).
    QString id = map.value(u"actorTokenId"_s).toString();
    if (id.isEmpty()) {
        id = map.value(u"actor_token_id"_s).toString();
    }
    NoLagActorPresence actor(id, map.value(u"presence"_s));
    actor.setJoinedAt(map.value(u"joinedAt"_s).toLongLong());
    actor.setStatus(map.value(u"status"_s).toString());
    actor.setAdvertisementVersion(map.value(u"advertisementVersion"_s).toLongLong());
    QString type = map.value(u"actorType"_s).toString();
    if (type.isEmpty()) {
        type = map.value(u"actor_type"_s).toString();
    }
    actor.setActorType(actorTypeFromString(type));
    return actor;
}

QVariantMap NoLagActorPresence::toMap() const
{
    QVariantMap map{{u"actorTokenId"_s, d->actorTokenId}, {u"presence"_s, d->presence}};
    if (d->joinedAt) {
        map.insert(u"joinedAt"_s, d->joinedAt);
    }
    if (!d->status.isEmpty()) {
        map.insert(u"status"_s, d->status);
    }
    if (d->actorType != NoLag::ActorType::Unknown) {
        const QMetaEnum meta = QMetaEnum::fromType<NoLag::ActorType>();
        map.insert(u"actorType"_s,
                   QString::fromLatin1(meta.valueToKey(int(d->actorType))).toLower());
    }
    if (d->advertisementVersion) {
        map.insert(u"advertisementVersion"_s, d->advertisementVersion);
    }
    return map;
}

bool NoLagActorPresence::operator==(const NoLagActorPresence &other) const
{
    return d->actorTokenId == other.d->actorTokenId && d->actorType == other.d->actorType &&
        d->presence == other.d->presence && d->joinedAt == other.d->joinedAt &&
        d->status == other.d->status && d->advertisementVersion == other.d->advertisementVersion;
}
