// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "blueprints.h"

using namespace Qt::StringLiterals;

namespace NoLag::Server {

namespace {

QList<Blueprint> catalogue()
{
    // "demo": the app of the demo project (see demoseed.h), also usable from REST.
    Blueprint demo;
    demo.id = u"demo"_s;
    demo.topics = {u"messages"_s, u"typing"_s, u"telemetry"_s};
    demo.config = QJsonObject{{u"autoProvisionRooms"_s, true}};
    demo.rooms = {
        {u"general"_s, u"General"_s, u"Everyone's room for chat and sensor readings"_s},
        {u"support"_s, u"Support"_s, u"Questions and answers"_s},
    };
    return {demo};
}

} // namespace

const Blueprint *findBlueprint(const QString &id)
{
    static const QList<Blueprint> blueprints = catalogue();
    for (const Blueprint &blueprint : blueprints) {
        if (blueprint.id == id) {
            return &blueprint;
        }
    }
    return nullptr;
}

} // namespace NoLag::Server
