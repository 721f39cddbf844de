// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagtypes.h>

#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>
#include <QtCore/QVariant>

class NoLagActorPresenceData;

/*!
    One actor present in a room: `ActorPresence` of the Python SDK.

    Built from presence events (which carry only the actor id and its data) and from presence
    lists (which add the join time and a status), so some fields may be empty.
*/
class NOLAGQT_EXPORT NoLagActorPresence
{
    Q_GADGET
    Q_PROPERTY(bool valid READ isValid CONSTANT FINAL)
    Q_PROPERTY(QString actorTokenId READ actorTokenId CONSTANT FINAL)
    Q_PROPERTY(NoLag::ActorType actorType READ actorType CONSTANT FINAL)
    Q_PROPERTY(QVariant presence READ presence CONSTANT FINAL)
    Q_PROPERTY(qint64 joinedAt READ joinedAt CONSTANT FINAL)
    Q_PROPERTY(QString status READ status CONSTANT FINAL)
    Q_PROPERTY(qint64 advertisementVersion READ advertisementVersion CONSTANT FINAL)

public:
    NoLagActorPresence();
    explicit NoLagActorPresence(const QString &actorTokenId, const QVariant &presence = {});
    NoLagActorPresence(const NoLagActorPresence &other);
    NoLagActorPresence &operator=(const NoLagActorPresence &other);
    ~NoLagActorPresence();

    bool isValid() const;

    QString actorTokenId() const;

    /*! Unknown unless the server says; presence frames of current servers do not. */
    NoLag::ActorType actorType() const;
    void setActorType(NoLag::ActorType type);

    /*! The data the actor set (usually a map); null after clearPresence(). */
    QVariant presence() const;
    void setPresence(const QVariant &presence);

    /*! When the actor joined, in Unix seconds; 0 when unknown (events do not carry it). */
    qint64 joinedAt() const;
    void setJoinedAt(qint64 unixSeconds);

    /*! `online` in presence lists; `offline` or `waking` with cloud persistent presence. */
    QString status() const;
    void setStatus(const QString &status);

    /*! Cloud persistent presence only; 0 otherwise. */
    qint64 advertisementVersion() const;
    void setAdvertisementVersion(qint64 version);

    /*!
        Reads an entry of a `presenceList` or lobby snapshot (`actorTokenId`, `presence`,
        `joinedAt`, `status`) or the data of a presence event (`actor_token_id`, `presence`).
    */
    static NoLagActorPresence fromMap(const QVariantMap &map);
    QVariantMap toMap() const;

    bool operator==(const NoLagActorPresence &other) const;
    bool operator!=(const NoLagActorPresence &other) const { return !(*this == other); }

private:
    QSharedDataPointer<NoLagActorPresenceData> d;
};
