// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "demo.h"

#include "tokenproviders.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>

using namespace Qt::StringLiterals;

namespace NoLag::Server {

namespace {

const QString DemoAppId = u"app-demo"_s;
const QString DemoAppSlug = u"demo"_s;
const QString DemoProjectId = u"project-demo"_s;
const QString DemoOrganizationId = u"organization-demo"_s;

struct DemoRoom
{
    QString id;
    QString slug;
};

QList<DemoRoom> demoRooms()
{
    return {{u"room-demo-general"_s, u"general"_s}, {u"room-demo-support"_s, u"support"_s}};
}

QStringList demoTopics()
{
    return {u"messages"_s, u"typing"_s, u"telemetry"_s};
}

ActorGrant demoGrant(const QString &name, const QString &actorType, Permission permission,
                     const QStringList &topics, bool lobby)
{
    ActorGrant grant;
    grant.actorTokenId = u"actor-demo-"_s + name;
    grant.projectId = DemoProjectId;
    grant.organizationId = DemoOrganizationId;
    grant.actorType = actorType;
    for (const DemoRoom &room : demoRooms()) {
        for (const QString &topic : topics) {
            AclRule rule;
            rule.pattern = DemoAppSlug + u'/' + room.slug + u'/' + topic;
            rule.permission = permission;
            rule.internalTopic = room.id + u'/' + topic;
            rule.roomId = room.id;
            rule.roomSlug = room.slug;
            rule.appId = DemoAppId;
            rule.appName = DemoAppSlug;
            grant.rules.append(rule);
        }
    }
    if (lobby) {
        grant.lobbies.append(LobbyGrant{u"demo-lobby"_s, u"lobby-demo"_s});
    }
    return grant;
}

} // namespace

QString generateAccessToken()
{
    QByteArray id(6, Qt::Uninitialized);
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator *random = QRandomGenerator::system();
    for (char &c : id) {
        c = char(random->bounded(256));
    }
    for (char &c : secret) {
        c = char(random->bounded(256));
    }
    return u"at_live_"_s + QString::fromLatin1(id.toHex()) + u'.' +
        QString::fromLatin1(
               secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool seedDemo(const QString &dataDirectory, StaticTokenProvider *provider, QList<DemoActor> *actors,
              QString *errorString)
{
    struct Actor
    {
        QString name;
        QString type;
        Permission permission;
        QStringList topics;
        bool lobby;
        QString description;
    };
    const QList<Actor> cast{
        {u"alice"_s, u"user"_s, Permission::PubSub, demoTopics(), true,
         u"user, publishes and subscribes everywhere in the demo app"_s},
        {u"bob"_s, u"user"_s, Permission::PubSub, demoTopics(), true,
         u"user, same rights as alice"_s},
        {u"explorer"_s, u"user"_s, Permission::PubSub, demoTopics(), true,
         u"for NoLag Explorer, same rights as alice"_s},
        {u"sensor-1"_s,
         u"device"_s,
         Permission::Publish,
         {u"telemetry"_s},
         false,
         u"device, may only publish to demo/<room>/telemetry"_s},
    };

    // Tokens are generated once and then read back, so they survive restarts.
    const QString path = QDir(dataDirectory).filePath(u"demo-tokens.json"_s);
    QJsonObject stored;
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            *errorString = u"cannot read the demo tokens '%1': %2"_s.arg(path, file.errorString());
            return false;
        }
        stored = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
    }

    bool changed = false;
    for (const Actor &actor : cast) {
        if (!stored.value(actor.name).isString()) {
            stored.insert(actor.name, generateAccessToken());
            changed = true;
        }
    }
    if (changed) {
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *errorString = u"cannot write the demo tokens '%1': %2"_s.arg(path, out.errorString());
            return false;
        }
        out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        out.write(QJsonDocument(stored).toJson());
    }

    QHash<QString, ActorGrant> tokens;
    for (const Actor &actor : cast) {
        const QString token = stored.value(actor.name).toString();
        tokens.insert(
            token, demoGrant(actor.name, actor.type, actor.permission, actor.topics, actor.lobby));
        actors->append(DemoActor{actor.name, token, actor.description});
    }

    QStringList roomIds;
    for (const DemoRoom &room : demoRooms()) {
        roomIds.append(room.id);
    }
    provider->setTokens(tokens, {LobbyDefinition{u"lobby-demo"_s, u"demo-lobby"_s, roomIds}});
    return true;
}

} // namespace NoLag::Server
