// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "clientfixture.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace ClientFixture {

namespace {

QJsonObject rule(const QString &room, const QString &permission)
{
    return {{u"pattern"_s, u"chat/%1/+"_s.arg(room)},
            {u"permission"_s, permission},
            {u"room_id"_s, u"room-"_s + room},
            {u"room_slug"_s, room},
            {u"app_id"_s, u"app-chat"_s},
            {u"app_name"_s, u"chat"_s}};
}

QJsonObject actor(const QString &name)
{
    return {{u"actorTokenId"_s, u"actor-"_s + name},
            {u"projectId"_s, u"proj-1"_s},
            {u"organizationId"_s, u"org-1"_s},
            {u"actorType"_s, u"user"_s},
            {u"rateLimit"_s, 50},
            {u"maxConnections"_s, 100},
            {u"maxMessageSizeBytes"_s, 921600},
            {u"appId"_s, u"app-chat"_s},
            {u"appName"_s, u"chat"_s},
            {u"allowedTopics"_s,
             QJsonArray{rule(u"general"_s, u"pubSub"_s), rule(u"other"_s, u"pubSub"_s),
                        rule(u"readonly"_s, u"subscribe"_s), rule(u"writeonly"_s, u"publish"_s)}},
            {u"allowedLobbies"_s,
             QJsonArray{QJsonObject{{u"lobby_slug"_s, u"lobby-a"_s},
                                    {u"lobby_id"_s, u"lobby-internal-1"_s}}}},
            {u"activeSubscriptions"_s, QJsonArray()}};
}

} // namespace

QByteArray tokenFile()
{
    const QJsonObject tokens{{u"tok-alice"_s, actor(u"alice"_s)},
                             {u"tok-bob"_s, actor(u"bob"_s)},
                             {u"tok-carol"_s, actor(u"carol"_s)}};
    const QJsonArray lobbies{
        QJsonObject{{u"id"_s, u"lobby-internal-1"_s},
                    {u"slug"_s, u"lobby-a"_s},
                    {u"rooms"_s, QJsonArray{u"room-general"_s, u"room-other"_s}}}};
    return QJsonDocument(QJsonObject{{u"tokens"_s, tokens}, {u"lobbies"_s, lobbies}}).toJson();
}

bool startServer(NoLagTest::LocalServer &server, const QStringList &extraArguments)
{
    const QString tokens = server.writeFile(u"tokens.json"_s, tokenFile());
    server.setExtraArguments(QStringList{u"--tokens"_s, tokens} + extraArguments);
    if (!server.start()) {
        qWarning("%s", qPrintable(server.errorString()));
        return false;
    }
    return true;
}

NoLagOptions options(const QUrl &url, int protocolVersion)
{
    NoLagOptions options(url);
    options.setProtocolVersion(protocolVersion);
    options.setHeartbeatInterval(0ms);
    options.setReconnectInterval(100ms);
    options.setMaxReconnectDelay(500ms);
    options.setMaxReconnectAttempts(0);
    return options;
}

bool connect(NoLagClient &client, int timeoutMs)
{
    client.connectToServer();
    return QTest::qWaitFor([&] { return client.isConnected(); }, timeoutMs);
}

} // namespace ClientFixture
