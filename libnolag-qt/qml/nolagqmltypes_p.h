// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
//  W A R N I N G: not public API. This header may change from version to version.
#pragma once

#include <NoLagQt/nolagactorpresence.h>
#include <NoLagQt/nolagerror.h>
#include <NoLagQt/nolaglobbypresenceevent.h>
#include <NoLagQt/nolagmessage.h>
#include <NoLagQt/nolagsubscription.h>
#include <NoLagQt/nolagtypes.h>

#include <QtQml/qqml.h>

// The library's own types, made known to QML as they are: the enumerations as `NoLag`
// (NoLag.Connected, NoLag.AtLeastOnce, ...), subscriptions as objects QML receives from
// NoLagClient.subscribe(), and the value types handed to signal handlers.

// QML_FOREIGN_NAMESPACE(NoLag) would be the direct way, but Qt 6.4's type registrar then
// emits code that does not compile; an extension namespace gives QML the same enumerations.
namespace NoLagQmlEnums {
Q_NAMESPACE
QML_NAMED_ELEMENT(NoLag)
QML_NAMESPACE_EXTENDED(NoLag)
} // namespace NoLagQmlEnums

struct NoLagSubscriptionForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagSubscription)
    QML_NAMED_ELEMENT(NoLagSubscription)
    QML_UNCREATABLE("Subscriptions come from NoLagClient.subscribe().")
};

struct NoLagMessageForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagMessage)
    QML_VALUE_TYPE(nolagMessage)
};

struct NoLagMessageMetaForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagMessageMeta)
    QML_VALUE_TYPE(nolagMessageMeta)
};

struct NoLagActorPresenceForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagActorPresence)
    QML_VALUE_TYPE(nolagActorPresence)
};

struct NoLagLobbyPresenceEventForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagLobbyPresenceEvent)
    QML_VALUE_TYPE(nolagLobbyPresenceEvent)
};

struct NoLagErrorForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagError)
    QML_VALUE_TYPE(nolagError)
};
