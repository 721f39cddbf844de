// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "demoseed.h"

#include "controlplanelogging_p.h"
#include "controlplanestore.h"
#include "credentials.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSaveFile>

using namespace Qt::StringLiterals;

namespace NoLag::Server {

namespace {

struct DemoActorDefinition
{
    QString name;
    QString actorType;
    QString description;
};

const QList<DemoActorDefinition> demoActors{
    {u"alice"_s, u"user"_s, u"Demo user"_s},
    {u"bob"_s, u"user"_s, u"Demo user"_s},
    {u"explorer"_s, u"observer"_s, u"NoLag Explorer watching the demo"_s},
    {u"sensor-1"_s, u"device"_s, u"Demo device publishing telemetry"_s},
};

const QString seededAppKey = u"demo.appId"_s;

QString actorKey(const QString &name)
{
    return u"demo.actor."_s + name;
}

QJsonObject readTokenFile(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcControlPlane, "Cannot read %s (%s); new demo tokens will be made",
                  qPrintable(path), qPrintable(file.errorString()));
        return {};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject()) {
        qCWarning(lcControlPlane, "%s is not a JSON object; new demo tokens will be made",
                  qPrintable(path));
        return {};
    }
    return document.object();
}

bool writeTokenFile(const QString &path, const QJsonObject &contents, QString *errorString)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *errorString = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    // Owner only, set before any secret is written.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(contents).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *errorString = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

QString demoTokensPath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(u"demo-tokens.json"_s);
}

bool seedDemoProject(ControlPlaneStore &store, const Project &project, const QString &dataDirectory,
                     bool makeApiKey, DemoCredentials *credentials, QString *errorString)
{
    const QString path = demoTokensPath(dataDirectory);
    QJsonObject file = readTokenFile(path);
    QJsonObject tokens = file.value(u"actors"_s).toObject();
    if (!file.contains(u"actors"_s)) {
        // Earlier nolag-local builds kept the tokens at the top level, by actor name; reading
        // them keeps saved Explorer profiles working.
        for (auto it = file.constBegin(); it != file.constEnd(); ++it) {
            if (it.value().isString() && Credentials::isActorToken(it.value().toString())) {
                tokens.insert(it.key(), it.value());
            }
        }
    }
    StoreError error;

    if (makeApiKey) {
        QString key = file.value(u"apiKey"_s).toString();
        if (!Credentials::parseApiKey(key)) {
            key = Credentials::newApiKey().toString();
        }
        // Only the key in the file is a demo key; one lost with an earlier file stops working.
        store.revokeApiKeys(project.id, u"demo"_s);
        if (!store.registerApiKey(project.id, key, u"demo"_s, &error)) {
            *errorString = u"cannot store the demo API key: %1"_s.arg(error.message);
            return false;
        }
        file.insert(u"apiKey"_s, key);
        credentials->apiKey = key;
    }

    // The app, once. If a user deletes it later, it stays deleted.
    QString appId = store.value(seededAppKey);
    if (appId.isEmpty()) {
        std::optional<App> app;
        for (const App &existing : store.appsOfProject(project.id)) {
            if (existing.slug == u"demo"_s) {
                app = existing;
            }
        }
        if (!app) {
            App draft;
            draft.name = u"Demo"_s;
            draft.slug = u"demo"_s;
            draft.description = u"The demo app of nolag-local: a chat with typing indicators "
                                "and sensor telemetry"_s;
            draft.blueprintId = u"demo"_s;
            app = store.createApp(project.id, draft, SlugMode::Exact, &error);
        }
        if (!app || !store.setValue(seededAppKey, app->id, &error)) {
            *errorString = u"cannot create the demo app: %1"_s.arg(error.message);
            return false;
        }
        appId = app->id;
    }
    if (const std::optional<App> app = store.app(project.id, appId)) {
        credentials->appSlug = app->slug;
    }

    for (const DemoActorDefinition &definition : demoActors) {
        QString token = tokens.value(definition.name).toString();
        if (!Credentials::isActorToken(token)) {
            token.clear();
        }

        const QString actorId = store.value(actorKey(definition.name));
        if (actorId.isEmpty()) {
            Actor draft;
            draft.name = definition.name;
            draft.actorType = definition.actorType;
            draft.description = definition.description;
            draft.metadata = QJsonValue::Null;
            const std::optional<Actor> actor = store.createActor(project.id, draft, &token, &error);
            if (!actor || !store.setValue(actorKey(definition.name), actor->id, &error)) {
                *errorString =
                    u"cannot create the demo actor %1: %2"_s.arg(definition.name, error.message);
                return false;
            }
        } else {
            const std::optional<Actor> actor = store.actor(project.id, actorId);
            if (!actor) {
                tokens.remove(definition.name); // deleted by a user: no longer a demo credential
                continue;
            }
            if (token.isEmpty() || !store.hasActorToken(actor->id, token)) {
                token = Credentials::newActorToken();
                if (!store.setActorToken(actor->id, token, &error)) {
                    *errorString = u"cannot store a token for the demo actor %1: %2"_s.arg(
                        definition.name, error.message);
                    return false;
                }
                qCInfo(lcControlPlane, "Made a new access token for the demo actor %s",
                       qPrintable(definition.name));
            }
        }
        tokens.insert(definition.name, token);
        credentials->actors.append(DemoActorToken{definition.name, definition.actorType, token});
    }

    file.insert(u"actors"_s, tokens);
    return writeTokenFile(path, file, errorString);
}

} // namespace NoLag::Server
