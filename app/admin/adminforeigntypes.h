// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagapimodels.h>

#include <QtQml/qqml.h>

// The libnolag-qt list models the admin view reads (never creates), made known to QML so that
// their properties and invokables are typed there. Apps and rooms are in common/foreigntypes.h.

struct NoLagActorsModelForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagActorsModel)
    QML_NAMED_ELEMENT(ActorsModel)
    QML_UNCREATABLE("Read from AdminController")
};

struct NoLagRoomGrantsModelForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagRoomGrantsModel)
    QML_NAMED_ELEMENT(RoomGrantsModel)
    QML_UNCREATABLE("Read from AdminController")
};
