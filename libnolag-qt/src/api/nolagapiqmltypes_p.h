// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
//  W A R N I N G: not public API. This header may change from version to version.
//
// The REST types in the QML module "NoLag". The classes live in libnolag-qt, which does not
// depend on QtQml; these foreign declarations register them from the module's own target
// (listed in libnolag-qt/qml/api.cmake).
#pragma once

#include <NoLagQt/nolagapi.h>
#include <NoLagQt/nolagapimodels.h>
#include <NoLagQt/nolagapireply.h>
#include <NoLagQt/nolagapitypes.h>

#include <QtQml/qqml.h>

/*!
    \qmltype NoLagApi
    The REST client the models use: set apiKey and baseUrl (default https://api.nolag.app/v1).
*/
struct NoLagApiForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagApi)
    QML_NAMED_ELEMENT(NoLagApi)
};

struct NoLagApiListModelForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagApiListModel)
    QML_NAMED_ELEMENT(NoLagApiListModel)
    QML_UNCREATABLE("NoLagApiListModel is the base of NoLagAppsModel, NoLagRoomsModel, "
                    "NoLagActorsModel and NoLagRoomGrantsModel")
};

struct NoLagAppsModelForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagAppsModel)
    QML_NAMED_ELEMENT(NoLagAppsModel)
};

struct NoLagRoomsModelForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagRoomsModel)
    QML_NAMED_ELEMENT(NoLagRoomsModel)
};

struct NoLagActorsModelForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagActorsModel)
    QML_NAMED_ELEMENT(NoLagActorsModel)
};

struct NoLagRoomGrantsModelForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagRoomGrantsModel)
    QML_NAMED_ELEMENT(NoLagRoomGrantsModel)
};

struct NoLagApiReplyForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagApiReply)
    QML_NAMED_ELEMENT(NoLagApiReply)
    QML_UNCREATABLE("NoLagApiReply objects come from the mutations of the NoLag API models")
};

// The resource types, readable in QML when C++ hands them over (app.slug, room.enabled, ...).
struct NoLagAppForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagApp)
    QML_VALUE_TYPE(nolagApp)
};

struct NoLagRoomForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagRoom)
    QML_VALUE_TYPE(nolagRoom)
};

struct NoLagRoomActorAccessForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagRoomActorAccess)
    QML_VALUE_TYPE(nolagRoomActorAccess)
};

struct NoLagActorForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagActor)
    QML_VALUE_TYPE(nolagActor)
};

struct NoLagScopeForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagScope)
    QML_VALUE_TYPE(nolagScope)
};
