// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagapimodels.h>
#include <NoLagQt/nolagapireply.h>
#include <NoLagQt/nolagsubscription.h>

#include <QtQml/qqml.h>

// Types of libnolag-qt that the explorer's QML reads (never creates), made known to QML so
// that their properties, enums and invokables are typed there.

struct NoLagSubscriptionForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagSubscription)
    QML_NAMED_ELEMENT(Subscription)
    QML_UNCREATABLE("Made by the client")
};

struct NoLagApiListModelForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagApiListModel)
    QML_NAMED_ELEMENT(ApiListModel)
    QML_UNCREATABLE("Read from BrowseController")
};

struct NoLagAppsModelForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagAppsModel)
    QML_NAMED_ELEMENT(AppsModel)
    QML_UNCREATABLE("Read from BrowseController")
};

struct NoLagRoomsModelForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagRoomsModel)
    QML_NAMED_ELEMENT(RoomsModel)
    QML_UNCREATABLE("Read from BrowseController")
};

struct NoLagApiReplyForeign
{
    Q_GADGET
    QML_FOREIGN(NoLagApiReply)
    QML_NAMED_ELEMENT(ApiReply)
    QML_UNCREATABLE("Returned by the models")
};
