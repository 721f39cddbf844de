// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace NoLag::Server {

struct BlueprintRoom
{
    QString slug;
    QString name;
    QString description;
};

/*!
    An app template nolag-local knows by id. An app created with that blueprintId starts with
    the blueprint's topics, config and static rooms; reset-to-blueprint restores them.
    Other blueprint ids are stored as given and have no effect (the hosted catalogue is not
    available locally).
*/
struct Blueprint
{
    QString id;
    QStringList topics;
    QJsonObject config;
    QList<BlueprintRoom> rooms;
};

/*! The blueprint with id \a id, or nullptr if nolag-local does not know it. */
const Blueprint *findBlueprint(const QString &id);

} // namespace NoLag::Server
