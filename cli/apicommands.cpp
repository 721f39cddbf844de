// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// The control-plane commands of the nolag tool: "nolag apps|rooms|actors|scopes <action>".
// Each action is one NoLagApi call; its answer is printed as pretty JSON on standard output,
// and a failure is one line on standard error ("nolag: HTTP 404: App not found") with exit
// code 1. Usage mistakes exit with code 2.
#include "command.h"

#include <NoLagQt/nolagapi.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QEventLoop>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace NoLagCli {
namespace {

// How a flag's value goes into the request body.
enum class Kind {
    None, // not part of the body (read by the action itself)
    Text, // "--name Chat"            -> "name": "Chat"
    List, // "--topics a,b"           -> "topics": ["a", "b"]
    Object, // "--config '{...}'"       -> "config": {...}
    Boolean, // "--enabled false"        -> "isEnabled": false
    Timestamp, // "--expires-at 2026-..."  -> "expiresAt": "2026-...Z"
    Null, // "--no-scope" (no value)  -> "accessScopeId": null
};

struct Flag
{
    QString name;
    QString valueName; // empty for a switch without value
    QString description;
    QString jsonKey;
    Kind kind = Kind::None;
};

struct Invocation
{
    QStringList arguments; // the positional arguments, as many as the action declares
    QJsonObject body;
    NoLagListOptions listOptions;
};

using Runner = std::function<QFuture<QJsonValue>(NoLagApi &api, const Invocation &call)>;

struct Action
{
    QString name;
    QStringList positionals; // e.g. {"APP_ID", "ROOM_ID"}
    QString summary;
    QList<Flag> flags;
    bool hasBody = false; // accepts --json
    bool hasListOptions = false;
    Runner run;
};

struct Resource
{
    QString name;
    QString summary;
    QList<Action> actions;
};

template<typename T>
QFuture<QJsonValue> asJson(QFuture<T> future)
{
    return future.then([](const T &value) { return QJsonValue(value.toJson()); });
}

template<typename T>
QFuture<QJsonValue> asJsonArray(QFuture<QList<T>> future)
{
    return future.then([](const QList<T> &items) {
        QJsonArray array;
        for (const T &item : items) {
            array.append(item.toJson());
        }
        return QJsonValue(array);
    });
}

template<typename T>
QFuture<QJsonValue> asJsonPage(QFuture<NoLagPaginatedResult<T>> future)
{
    return future.then([](const NoLagPaginatedResult<T> &page) {
        QJsonArray data;
        const QList<T> items = page.data();
        for (const T &item : items) {
            data.append(item.toJson());
        }
        const NoLagPagination pagination = page.pagination();
        return QJsonValue(QJsonObject{{u"data"_s, data},
                                      {u"pagination"_s,
                                       QJsonObject{{u"total"_s, pagination.total()},
                                                   {u"page"_s, pagination.page()},
                                                   {u"pageCount"_s, pagination.pageCount()}}}});
    });
}

QFuture<QJsonValue> asNothing(QFuture<void> future)
{
    return future.then([] { return QJsonValue(QJsonValue::Undefined); });
}

// Flags shared by several actions.
Flag textFlag(const QString &name, const QString &jsonKey, const QString &description)
{
    return Flag{name, name.toUpper().replace(u'-', u'_'), description, jsonKey, Kind::Text};
}

Flag nameFlag()
{
    return textFlag(u"name"_s, u"name"_s, u"Display name."_s);
}

Flag descriptionFlag()
{
    return textFlag(u"description"_s, u"description"_s, u"Free text description."_s);
}

Flag topicsFlag(const QString &what)
{
    return Flag{u"topics"_s, u"A,B"_s, u"Comma-separated topic names %1."_s.arg(what), u"topics"_s,
                Kind::List};
}

Flag objectFlag(const QString &name, const QString &description)
{
    return Flag{name, u"JSON"_s, description, name, Kind::Object};
}

Flag booleanFlag(const QString &name, const QString &jsonKey, const QString &description)
{
    return Flag{name, u"true|false"_s, description, jsonKey, Kind::Boolean};
}

QList<Action> appActions()
{
    const QList<Flag> appFields{
        nameFlag(),
        textFlag(u"slug"_s, u"slug"_s,
                 u"First segment of realtime topics; the hosted service adds a random "
                 "suffix."_s),
        descriptionFlag(),
        objectFlag(u"config"_s, u"App configuration, e.g. '{\"autoProvisionRooms\": true}'."_s),
        topicsFlag(u"of the app (a nolag-local extension)"_s),
    };
    QList<Flag> createFields = appFields;
    createFields.append(textFlag(u"blueprint-id"_s, u"blueprintId"_s,
                                 u"Blueprint (template) to create the app from."_s));

    return {
        {u"list"_s,
         {},
         u"List apps, one page at a time."_s,
         {},
         false,
         true,
         [](NoLagApi &api, const Invocation &call) {
             return asJsonPage(api.apps().list(call.listOptions));
         }},
        {u"get"_s,
         {u"APP_ID"_s},
         u"Show one app."_s,
         {},
         false,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJson(api.apps().get(call.arguments.at(0)));
         }},
        {u"create"_s,
         {},
         u"Create an app (--name is required)."_s,
         createFields,
         true,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJson(api.apps().create(NoLagAppCreate::fromJson(call.body)));
         }},
        {u"update"_s,
         {u"APP_ID"_s},
         u"Change an app; only the given fields change."_s,
         appFields,
         true,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJson(
                 api.apps().update(call.arguments.at(0), NoLagAppUpdate::fromJson(call.body)));
         }},
        {u"delete"_s,
         {u"APP_ID"_s},
         u"Delete an app."_s,
         {},
         false,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return api.apps().remove(call.arguments.at(0)).then([](const QJsonObject &answer) {
                 return QJsonValue(answer);
             });
         }},
        {u"reset"_s,
         {u"APP_ID"_s},
         u"Reset an app to its blueprint."_s,
         {},
         false,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJson(api.apps().resetToBlueprint(call.arguments.at(0)));
         }},
    };
}

QList<Action> roomActions()
{
    const QList<Flag> createFields{
        nameFlag(),
        textFlag(u"slug"_s, u"slug"_s,
                 u"Second segment of realtime topics (lower-case words joined by '-'); "
                 "derived from the name when absent."_s),
        descriptionFlag(),
        topicsFlag(u"(default: the app's topics)"_s),
        objectFlag(u"config"_s, u"Room configuration object."_s),
    };
    const QList<Flag> updateFields{
        nameFlag(),
        descriptionFlag(),
        booleanFlag(u"enabled"_s, u"isEnabled"_s, u"Enable or disable the room."_s),
        topicsFlag(u"of the room"_s),
        objectFlag(u"config"_s, u"Room configuration object (replaces the old one)."_s),
    };
    const QList<Flag> grantFields{
        Flag{u"permission"_s, u"PERMISSION"_s, u"subscribe, publish or pubSub (required)."_s,
             u"permission"_s, Kind::Text},
        textFlag(u"actor-id"_s, u"actorTokenId"_s, u"Grant to this actor."_s),
        textFlag(u"actor-type"_s, u"actorType"_s,
                 u"Grant to every actor of this type (device, user, ...)."_s),
        topicsFlag(u"the grant covers (default: the app's topics)"_s),
        booleanFlag(u"active"_s, u"isActive"_s, u"Whether the grant is in force."_s),
        Flag{u"expires-at"_s, u"TIME"_s, u"ISO 8601 time the grant ends."_s, u"expiresAt"_s,
             Kind::Timestamp},
        textFlag(u"role"_s, u"role"_s, u"Free-form role name."_s),
        objectFlag(u"metadata"_s, u"Free-form metadata object."_s),
    };
    const QStringList appRoom{u"APP_ID"_s, u"ROOM_ID"_s};

    return {
        {u"list"_s,
         {u"APP_ID"_s},
         u"List the rooms of an app."_s,
         {},
         false,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJsonArray(api.rooms().list(call.arguments.at(0)));
         }},
        {u"get"_s,
         appRoom,
         u"Show one room."_s,
         {},
         false,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJson(api.rooms().get(call.arguments.at(0), call.arguments.at(1)));
         }},
        {u"create"_s,
         {u"APP_ID"_s},
         u"Create a dynamic room (--name is required)."_s,
         createFields,
         true,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJson(
                 api.rooms().create(call.arguments.at(0), NoLagRoomCreate::fromJson(call.body)));
         }},
        {u"ensure"_s,
         {u"APP_ID"_s},
         u"Return the room with this slug, creating it if absent (needs the app's "
         "autoProvisionRooms)."_s,
         createFields,
         true,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJson(
                 api.rooms().ensure(call.arguments.at(0), NoLagRoomCreate::fromJson(call.body)));
         }},
        {u"update"_s, appRoom, u"Change a room; only the given fields change."_s, updateFields,
         true, false,
         [](NoLagApi &api, const Invocation &call) {
             return asJson(api.rooms().update(call.arguments.at(0), call.arguments.at(1),
                                              NoLagRoomUpdate::fromJson(call.body)));
         }},
        {u"delete"_s,
         appRoom,
         u"Delete a dynamic room."_s,
         {},
         false,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asNothing(api.rooms().remove(call.arguments.at(0), call.arguments.at(1)));
         }},
        {u"grant"_s, appRoom,
         u"Give an actor or actor type access to a room (the room becomes private)."_s, grantFields,
         true, false,
         [](NoLagApi &api, const Invocation &call) {
             return asJson(api.rooms().grantActor(call.arguments.at(0), call.arguments.at(1),
                                                  NoLagRoomActorAccessCreate::fromJson(call.body)));
         }},
        {u"grants"_s,
         appRoom,
         u"List the access grants of a room."_s,
         {},
         false,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJsonArray(api.rooms().listActors(call.arguments.at(0), call.arguments.at(1)));
         }},
        {u"revoke"_s,
         {u"APP_ID"_s, u"ROOM_ID"_s, u"GRANT_ID"_s},
         u"Remove an access grant (roomActorAccessId)."_s,
         {},
         false,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asNothing(api.rooms().revokeActor(call.arguments.at(0), call.arguments.at(1),
                                                      call.arguments.at(2)));
         }},
    };
}

QList<Action> actorActions()
{
    const QList<Flag> createFields{
        nameFlag(),
        textFlag(u"type"_s, u"actorType"_s,
                 u"device, user, server, service, session, agent, orchestrator or observer "
                 "(required)."_s),
        descriptionFlag(),
        textFlag(u"external-id"_s, u"externalId"_s, u"Your own id for this actor."_s),
        objectFlag(u"metadata"_s, u"Free-form metadata object."_s),
    };
    const QList<Flag> updateFields{
        nameFlag(),
        descriptionFlag(),
        textFlag(u"external-id"_s, u"externalId"_s, u"Your own id for this actor."_s),
        objectFlag(u"metadata"_s, u"Free-form metadata object."_s),
        booleanFlag(u"active"_s, u"isActive"_s, u"false stops the actor from connecting."_s),
        textFlag(u"scope"_s, u"accessScopeId"_s, u"Move the actor into this scope."_s),
        Flag{u"no-scope"_s, QString(), u"Take the actor out of its scope."_s, u"accessScopeId"_s,
             Kind::Null},
    };

    return {
        {u"list"_s,
         {},
         u"List the actors of the project."_s,
         {},
         false,
         false,
         [](NoLagApi &api, const Invocation &) {
             return asJsonArray(api.actors().list());
         }},
        {u"get"_s,
         {u"ACTOR_ID"_s},
         u"Show one actor."_s,
         {},
         false,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJson(api.actors().get(call.arguments.at(0)));
         }},
        {u"create"_s,
         {},
         u"Create an actor; the answer holds its access token, shown only this once."_s,
         createFields,
         true,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJson(api.actors().create(NoLagActorCreate::fromJson(call.body)));
         }},
        {u"update"_s,
         {u"ACTOR_ID"_s},
         u"Change an actor; only the given fields change."_s,
         updateFields,
         true,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJson(
                 api.actors().update(call.arguments.at(0), NoLagActorUpdate::fromJson(call.body)));
         }},
        {u"delete"_s,
         {u"ACTOR_ID"_s},
         u"Delete an actor."_s,
         {},
         false,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asNothing(api.actors().remove(call.arguments.at(0)));
         }},
    };
}

QList<Action> scopeActions()
{
    const QList<Flag> createFields{
        textFlag(u"slug"_s, u"slug"_s, u"Topic prefix of the scope (required)."_s),
        nameFlag(),
        descriptionFlag(),
        objectFlag(u"metadata"_s, u"Free-form metadata object."_s),
    };
    const QList<Flag> updateFields{
        nameFlag(),
        descriptionFlag(),
        objectFlag(u"metadata"_s, u"Free-form metadata object."_s),
        booleanFlag(u"active"_s, u"isActive"_s, u"Whether the scope is in force."_s),
    };

    return {
        {u"list"_s,
         {},
         u"List access scopes, one page at a time."_s,
         {},
         false,
         true,
         [](NoLagApi &api, const Invocation &call) {
             return asJsonPage(api.scopes().list(call.listOptions));
         }},
        {u"get"_s,
         {u"SCOPE_ID"_s},
         u"Show one scope."_s,
         {},
         false,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJson(api.scopes().get(call.arguments.at(0)));
         }},
        {u"create"_s,
         {},
         u"Create a scope (--slug and --name are required)."_s,
         createFields,
         true,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJson(api.scopes().create(NoLagScopeCreate::fromJson(call.body)));
         }},
        {u"update"_s,
         {u"SCOPE_ID"_s},
         u"Change a scope; only the given fields change."_s,
         updateFields,
         true,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJson(
                 api.scopes().update(call.arguments.at(0), NoLagScopeUpdate::fromJson(call.body)));
         }},
        {u"delete"_s,
         {u"SCOPE_ID"_s},
         u"Delete a scope."_s,
         {},
         false,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asNothing(api.scopes().remove(call.arguments.at(0)));
         }},
        {u"actors"_s,
         {u"SCOPE_ID"_s},
         u"List the actors in a scope."_s,
         {},
         false,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJsonArray(api.scopes().listActors(call.arguments.at(0)));
         }},
        {u"add-actor"_s,
         {u"SCOPE_ID"_s, u"ACTOR_ID"_s},
         u"Move an actor into a scope."_s,
         {},
         false,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJson(api.scopes().addActor(call.arguments.at(0), call.arguments.at(1)));
         }},
        {u"remove-actor"_s,
         {u"ACTOR_ID"_s},
         u"Take an actor out of its scope."_s,
         {},
         false,
         false,
         [](NoLagApi &api, const Invocation &call) {
             return asJson(api.scopes().removeActor(call.arguments.at(0)));
         }},
    };
}

// Command-line plumbing

struct UsageError
{
    QString message;
};

void printError(const QString &message)
{
    QTextStream(stderr) << "nolag: " << message << '\n';
}

QString positionalDescription(const QString &name)
{
    if (name == u"APP_ID") {
        return u"Id of the app (its appId, not its slug)."_s;
    }
    if (name == u"ROOM_ID") {
        return u"Id of the room (its roomId, not its slug)."_s;
    }
    if (name == u"ACTOR_ID") {
        return u"Id of the actor (its actorTokenId)."_s;
    }
    if (name == u"GRANT_ID") {
        return u"Id of the grant (its roomActorAccessId)."_s;
    }
    if (name == u"SCOPE_ID") {
        return u"Id of the scope (its accessScopeId)."_s;
    }
    return QString();
}

QString positionalsText(const Action &action)
{
    return action.positionals.join(u' ');
}

void printResourceHelp(const Resource &resource, FILE *stream)
{
    QTextStream out(stream);
    out << "Usage: nolag " << resource.name << " <action> [arguments] [options]\n\n"
        << resource.summary << "\n\nActions:\n";
    for (const Action &action : resource.actions) {
        const QString call = (action.name + u' ' + positionalsText(action)).trimmed();
        out << "  " << call.leftJustified(32) << ' ' << action.summary << '\n';
    }
    out << "\nRun \"nolag " << resource.name
        << " <action> --help\" for the options of one action.\n"
           "The API key comes from --api-key or the NOLAG_API_KEY environment variable; the\n"
           "server from --api-url, NOLAG_API_URL, or https://api.nolag.app/v1.\n";
}

QCommandLineOption flagOption(const Flag &flag)
{
    if (flag.valueName.isEmpty()) {
        return QCommandLineOption(flag.name, flag.description);
    }
    return QCommandLineOption(flag.name, flag.description, flag.valueName);
}

QList<QCommandLineOption> commonOptions()
{
    return {
        QCommandLineOption(u"api-url"_s,
                           u"Base URL of the REST API (default: $NOLAG_API_URL, else "
                           "https://api.nolag.app/v1)."_s,
                           u"URL"_s),
        QCommandLineOption(u"api-key"_s,
                           u"Project API key nlg_live_... (default: $NOLAG_API_KEY)."_s, u"KEY"_s),
        QCommandLineOption(u"timeout"_s, u"Seconds to wait for the server (default 30)."_s,
                           u"SECONDS"_s),
    };
}

QList<QCommandLineOption> listOptions()
{
    return {
        QCommandLineOption(u"page"_s, u"Page to show, from 1."_s, u"N"_s),
        QCommandLineOption(u"limit"_s, u"Items per page (at most 100)."_s, u"N"_s),
        QCommandLineOption(u"sort-by"_s, u"name, slug, createdAt or updatedAt."_s, u"FIELD"_s),
        QCommandLineOption(u"sort-order"_s, u"asc or desc."_s, u"ORDER"_s),
        QCommandLineOption(u"search"_s, u"Only items whose name or slug contains TEXT."_s,
                           u"TEXT"_s),
    };
}

int positiveNumber(const QCommandLineParser &parser, const QString &name)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < 1) {
        throw UsageError{
            u"--%1 needs a whole number of at least 1, not \"%2\""_s.arg(name, parser.value(name))};
    }
    return value;
}

bool booleanValue(const QString &flag, const QString &text)
{
    const QString value = text.trimmed().toLower();
    if (value == u"true" || value == u"yes" || value == u"1" || value == u"on") {
        return true;
    }
    if (value == u"false" || value == u"no" || value == u"0" || value == u"off") {
        return false;
    }
    throw UsageError{u"--%1 needs true or false, not \"%2\""_s.arg(flag, text)};
}

QJsonObject jsonObject(const QString &flag, const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        throw UsageError{u"--%1 is not valid JSON: %2 (at character %3)"_s.arg(
            flag, error.errorString(), QString::number(error.offset))};
    }
    if (!document.isObject()) {
        throw UsageError{u"--%1 must be a JSON object such as '{\"key\": \"value\"}'"_s.arg(flag)};
    }
    return document.object();
}

QJsonObject requestBody(const Action &action, const QCommandLineParser &parser)
{
    // --json gives the whole body; flags then add or replace single fields.
    QJsonObject body;
    if (action.hasBody && parser.isSet(u"json"_s)) {
        body = jsonObject(u"json"_s, parser.value(u"json"_s));
    }

    for (const Flag &flag : action.flags) {
        if (!parser.isSet(flag.name)) {
            continue;
        }
        const QString value = parser.value(flag.name);
        switch (flag.kind) {
        case Kind::None:
            break;
        case Kind::Text:
            body.insert(flag.jsonKey, value);
            break;
        case Kind::List: {
            QStringList items;
            for (const QString &item : value.split(u',')) {
                if (!item.trimmed().isEmpty()) {
                    items.append(item.trimmed());
                }
            }
            body.insert(flag.jsonKey, QJsonArray::fromStringList(items));
            break;
        }
        case Kind::Object:
            body.insert(flag.jsonKey, jsonObject(flag.name, value));
            break;
        case Kind::Boolean:
            body.insert(flag.jsonKey, booleanValue(flag.name, value));
            break;
        case Kind::Timestamp: {
            const QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
            if (!time.isValid()) {
                throw UsageError{
                    u"--%1 needs an ISO 8601 time such as 2026-06-13T10:00:00Z, not \"%2\""_s.arg(
                        flag.name, value)};
            }
            body.insert(flag.jsonKey, time.toUTC().toString(Qt::ISODateWithMs));
            break;
        }
        case Kind::Null:
            body.insert(flag.jsonKey, QJsonValue(QJsonValue::Null));
            break;
        }
    }
    return body;
}

NoLagListOptions readListOptions(const QCommandLineParser &parser)
{
    NoLagListOptions options;
    if (parser.isSet(u"page"_s)) {
        options.setPage(positiveNumber(parser, u"page"_s));
    }
    if (parser.isSet(u"limit"_s)) {
        options.setLimit(positiveNumber(parser, u"limit"_s));
    }
    if (parser.isSet(u"sort-by"_s)) {
        options.setSortBy(parser.value(u"sort-by"_s));
    }
    if (parser.isSet(u"sort-order"_s)) {
        const QString order = parser.value(u"sort-order"_s).toLower();
        if (order != u"asc" && order != u"desc") {
            throw UsageError{
                u"--sort-order needs asc or desc, not \"%1\""_s.arg(parser.value(u"sort-order"_s))};
        }
        options.setSortOrder(order == u"desc" ? Qt::DescendingOrder : Qt::AscendingOrder);
    }
    if (parser.isSet(u"search"_s)) {
        options.setSearch(parser.value(u"search"_s));
    }
    return options;
}

NoLagApiOptions connectionOptions(const QCommandLineParser &parser)
{
    NoLagApiOptions options;
    QString url = parser.value(u"api-url"_s);
    if (url.isEmpty()) {
        url = qEnvironmentVariable("NOLAG_API_URL");
    }
    if (!url.isEmpty()) {
        const QUrl baseUrl = QUrl::fromUserInput(url);
        if (!baseUrl.isValid() || baseUrl.scheme().isEmpty()) {
            throw UsageError{u"\"%1\" is not a URL such as http://127.0.0.1:8080/v1"_s.arg(url)};
        }
        options.setBaseUrl(baseUrl);
    }
    if (parser.isSet(u"timeout"_s)) {
        bool ok = false;
        const double seconds = parser.value(u"timeout"_s).toDouble(&ok);
        if (!ok || seconds <= 0) {
            throw UsageError{u"--timeout needs a number of seconds above 0, not \"%1\""_s.arg(
                parser.value(u"timeout"_s))};
        }
        options.setTimeout(int(seconds * 1000));
    }
    return options;
}

QString apiKey(const QCommandLineParser &parser)
{
    QString key = parser.value(u"api-key"_s);
    if (key.isEmpty()) {
        key = qEnvironmentVariable("NOLAG_API_KEY");
    }
    if (key.isEmpty()) {
        throw UsageError{u"no API key: pass --api-key KEY or set NOLAG_API_KEY"_s};
    }
    return key;
}

void printJson(const QJsonValue &value)
{
    if (value.isUndefined()) {
        return; // a call without a result (204) prints nothing
    }
    const QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    QTextStream out(stdout);
    out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

int runAction(const Resource &resource, const Action &action, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    parser.addOption(help);
    parser.addOptions(commonOptions());
    if (action.hasListOptions) {
        parser.addOptions(listOptions());
    }
    if (action.hasBody) {
        parser.addOption(QCommandLineOption(
            u"json"_s, u"The request body as a JSON object; flags override its fields."_s,
            u"JSON"_s));
    }
    for (const Flag &flag : action.flags) {
        parser.addOption(flagOption(flag));
    }
    for (const QString &positional : action.positionals) {
        parser.addPositionalArgument(positional, positionalDescription(positional));
    }

    const QString command = u"nolag %1 %2"_s.arg(resource.name, action.name);
    if (!parser.parse(QStringList{command} + arguments)) {
        printError(u"%1 (run \"%2 --help\")"_s.arg(parser.errorText(), command));
        return 2;
    }
    if (parser.isSet(help)) {
        // QCommandLineParser names the program by its file; say the whole command instead.
        QString text = parser.helpText();
        text = text.mid(text.indexOf(u'\n'));
        QTextStream(stdout) << "Usage: " << command << ' '
                            << (positionalsText(action) + u" [options]"_s).trimmed() << "\n\n"
                            << action.summary << text;
        return 0;
    }
    if (parser.positionalArguments().size() != action.positionals.size()) {
        printError(u"\"%1\" takes %2 (run \"%1 --help\")"_s.arg(
            command, action.positionals.isEmpty() ? u"no arguments"_s : positionalsText(action)));
        return 2;
    }

    Invocation call;
    NoLagApiOptions options;
    QString key;
    try {
        call.arguments = parser.positionalArguments();
        call.body = requestBody(action, parser);
        if (action.hasListOptions) {
            call.listOptions = readListOptions(parser);
        }
        options = connectionOptions(parser);
        key = apiKey(parser);
    } catch (const UsageError &error) {
        printError(error.message);
        return 2;
    }

    NoLagApi api(key, options);
    QEventLoop loop;
    int exitCode = 1;
    bool done = false;
    action.run(api, call)
        .then(&loop,
              [&](const QJsonValue &value) {
                  printJson(value);
                  exitCode = 0;
                  done = true;
                  loop.quit();
              })
        .onFailed(&loop, [&](const NoLagApiError &error) {
            printError(error.toString());
            done = true;
            loop.quit();
        });
    if (!done) {
        loop.exec();
    }
    return exitCode;
}

int runResource(const Resource &resource, const QStringList &arguments)
{
    if (arguments.isEmpty()) {
        printResourceHelp(resource, stderr);
        return 2;
    }
    const QString &first = arguments.first();
    if (first == u"--help" || first == u"-h" || first == u"help") {
        printResourceHelp(resource, stdout);
        return 0;
    }
    for (const Action &action : resource.actions) {
        if (action.name == first) {
            return runAction(resource, action, arguments.mid(1));
        }
    }
    printError(
        u"\"%1\" is not an action of \"nolag %2\"; run \"nolag %2 --help\" to list them"_s.arg(
            first, resource.name));
    return 2;
}

void addResource(CommandRegistry &registry, Resource resource)
{
    const QString summary = resource.summary;
    const QString name = resource.name;
    registry.add(Command{name, summary, [resource = std::move(resource)](const QStringList &args) {
                             return runResource(resource, args);
                         }});
}

} // namespace

void registerApiCommands(CommandRegistry &registry)
{
    addResource(registry, {u"apps"_s, u"Manage apps of the project (REST API)."_s, appActions()});
    addResource(registry,
                {u"rooms"_s, u"Manage rooms and room access (REST API)."_s, roomActions()});
    addResource(registry,
                {u"actors"_s, u"Manage actors and their tokens (REST API)."_s, actorActions()});
    addResource(registry, {u"scopes"_s, u"Manage access scopes (REST API)."_s, scopeActions()});
}

} // namespace NoLagCli
