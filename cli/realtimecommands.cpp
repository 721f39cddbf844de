// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// The realtime commands of the nolag tool: "nolag sub", "nolag pub" and "nolag presence".
// Each connects with an access token, does its one job and exits: 0 when it did it, 1 with
// one line on standard error when something failed ("nolag: ..."), 2 for usage mistakes.
// Messages and presence go to standard output as one JSON document per line, so the output
// can be piped into jq or read line by line by a script.
#include "command.h"

#include <NoLagQt/nolagclient.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QEventLoop>
#include <QtCore/QFutureWatcher>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtCore/QTextStream>
#include <QtCore/QTimer>

#include <cstdio>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace NoLagCli {
namespace {

const char defaultUrl[] = "wss://broker.nolag.app/ws";

struct UsageError
{
    QString message;
};

void printError(const QString &message)
{
    QTextStream(stderr) << "nolag: " << message << '\n';
}

void printLine(const QJsonObject &object)
{
    QTextStream out(stdout);
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
    out.flush();
}

void printLine(const QJsonArray &array)
{
    QTextStream out(stdout);
    out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) << '\n';
    out.flush();
}

QList<QCommandLineOption> connectionOptions()
{
    return {
        QCommandLineOption(u"url"_s,
                           u"WebSocket URL of the server (default: $NOLAG_URL, else %1)."_s.arg(
                               QLatin1StringView(defaultUrl)),
                           u"URL"_s),
        QCommandLineOption(u"token"_s, u"Access token of the actor (default: $NOLAG_TOKEN)."_s,
                           u"TOKEN"_s),
        QCommandLineOption(u"timeout"_s,
                           u"Give up after S seconds (decimals allowed). Default: 10 for "
                           u"connecting and for one-shot commands; none while listening."_s,
                           u"S"_s),
        QCommandLineOption(u"verbose"_s, u"Log what the client does to standard error."_s),
    };
}

/*! Reads the options every realtime command shares; throws UsageError. */
struct Connection
{
    QUrl url;
    QString token;
    std::optional<double> timeoutSeconds;
};

Connection connectionFrom(const QCommandLineParser &parser)
{
    Connection connection;
    QString url = parser.value(u"url"_s);
    if (url.isEmpty()) {
        url = qEnvironmentVariable("NOLAG_URL");
    }
    if (url.isEmpty()) {
        url = QString::fromLatin1(defaultUrl);
    }
    connection.url = QUrl(url);
    if (!connection.url.isValid() ||
        (connection.url.scheme() != u"ws" && connection.url.scheme() != u"wss")) {
        throw UsageError{
            u"\"%1\" is not a WebSocket URL such as ws://127.0.0.1:8080/ws"_s.arg(url)};
    }

    connection.token = parser.value(u"token"_s);
    if (connection.token.isEmpty()) {
        connection.token = qEnvironmentVariable("NOLAG_TOKEN");
    }
    if (connection.token.isEmpty()) {
        throw UsageError{u"no access token: pass --token TOKEN or set NOLAG_TOKEN"_s};
    }

    if (parser.isSet(u"timeout"_s)) {
        bool ok = false;
        const double seconds = parser.value(u"timeout"_s).toDouble(&ok);
        if (!ok || seconds <= 0) {
            throw UsageError{u"--timeout needs a number of seconds above 0, not \"%1\""_s.arg(
                parser.value(u"timeout"_s))};
        }
        connection.timeoutSeconds = seconds;
    }

    // The library's progress lines would mix with the output; --verbose brings them back.
    QLoggingCategory::setFilterRules(parser.isSet(u"verbose"_s)
                                         ? u"nolag.*.debug=true"_s
                                         : u"nolag.*.info=false\nnolag.*.warning=false"_s);
    return connection;
}

int intOption(const QCommandLineParser &parser, const QString &name, int minimum, int maximum,
              int fallback)
{
    if (!parser.isSet(name)) {
        return fallback;
    }
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < minimum || value > maximum) {
        throw UsageError{u"--%1 needs a whole number from %2 to %3, not \"%4\""_s.arg(
            name, QString::number(minimum), QString::number(maximum), parser.value(name))};
    }
    return value;
}

QVariant jsonArgument(const QString &text, const QString &what)
{
    // Wrapped in an array so that any JSON value is accepted, not only objects and arrays.
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(u"["_s.toUtf8() + text.toUtf8() + u"]"_s.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1) {
        throw UsageError{
            u"%1 is not valid JSON (%2); write strings with quotes, e.g. '\"hello\"'"_s.arg(
                what, error.errorString())};
    }
    return document.array().first().toVariant();
}

QVariant filterArgument(const QString &text)
{
    // "[\"x\",\"y\"]" is an AND group; anything else is one filter value.
    if (text.startsWith(u'[')) {
        const QVariant group = jsonArgument(text, u"the filter"_s);
        if (group.typeId() != QMetaType::QVariantList) {
            throw UsageError{u"an AND-group filter is a JSON array of strings"_s};
        }
        return group.toStringList();
    }
    return text;
}

QJsonValue toJson(const QVariant &value)
{
    if (value.typeId() == QMetaType::QByteArray) {
        return QString::fromLatin1(value.toByteArray().toBase64());
    }
    return QJsonValue::fromVariant(value);
}

QJsonObject messageJson(const NoLagMessage &message)
{
    const NoLagMessageMeta meta = message.meta();
    QJsonObject metaJson;
    if (!meta.msgId().isEmpty()) {
        metaJson.insert(u"msgId"_s, meta.msgId());
    }
    if (!meta.filter().isEmpty()) {
        metaJson.insert(u"filter"_s, meta.filter());
    }
    if (!meta.sender().isEmpty()) {
        metaJson.insert(u"sender"_s, meta.sender());
    }
    if (meta.timestamp()) {
        metaJson.insert(u"timestamp"_s, meta.timestamp());
    }
    metaJson.insert(u"isReplay"_s, meta.isReplay());
    return {
        {u"topic"_s, message.topic()}, {u"data"_s, toJson(message.data())}, {u"meta"_s, metaJson}};
}

QJsonObject actorJson(const NoLagActorPresence &actor)
{
    QJsonObject json{{u"actorTokenId"_s, actor.actorTokenId()},
                     {u"presence"_s, toJson(actor.presence())}};
    if (actor.joinedAt()) {
        json.insert(u"joinedAt"_s, actor.joinedAt());
    }
    if (!actor.status().isEmpty()) {
        json.insert(u"status"_s, actor.status());
    }
    return json;
}

/*!
    Runs the event loop until finish() is called or the timeout passes; returns the exit code.
*/
class Run
{
public:
    /*! A timeout with a message fails the run; without one it ends the run successfully. */
    using TimeoutMessage = std::function<QString()>;

    explicit Run(std::optional<double> timeoutSeconds, TimeoutMessage timeoutMessage = {})
        : m_timeoutMessage(std::move(timeoutMessage))
    {
        if (timeoutSeconds) {
            m_timer.setSingleShot(true);
            QObject::connect(&m_timer, &QTimer::timeout, &m_loop, [this] {
                if (m_timeoutMessage) {
                    fail(m_timeoutMessage());
                } else {
                    finish(0);
                }
            });
            m_timer.start(int(*timeoutSeconds * 1000));
        }
    }

    void setTimeoutMessage(TimeoutMessage message) { m_timeoutMessage = std::move(message); }
    void finish(int code)
    {
        if (m_done) {
            return;
        }
        m_done = true;
        m_code = code;
        m_loop.quit();
    }
    void fail(const QString &message)
    {
        printError(message);
        finish(1);
    }
    int exec()
    {
        if (!m_done) {
            m_loop.exec();
        }
        return m_code;
    }
    bool isDone() const { return m_done; }
    QEventLoop *context() { return &m_loop; }

private:
    QEventLoop m_loop;
    QTimer m_timer;
    TimeoutMessage m_timeoutMessage;
    int m_code = 0;
    bool m_done = false;
};

/*! Connects; on failure prints the reason and returns false. */
bool connectClient(NoLagClient &client)
{
    QFuture<void> connecting = client.connectToServer();
    QFutureWatcher<void> watcher;
    QEventLoop wait;
    QObject::connect(&watcher, &QFutureWatcher<void>::finished, &wait, &QEventLoop::quit);
    watcher.setFuture(connecting);
    if (!connecting.isFinished()) {
        wait.exec();
    }
    try {
        connecting.waitForFinished();
    } catch (const NoLagError &error) {
        printError(u"could not connect to %1: %2"_s.arg(client.options().url().toDisplayString(),
                                                        error.errorString()));
        return false;
    }
    return true;
}

/*!
    Ends \a run with the client's last error once the client stops trying to reconnect
    (it gave up, or the server refused the token).
*/
void failWhenGivenUp(NoLagClient &client, Run &run)
{
    QObject::connect(&client, &NoLagClient::statusChanged, run.context(), [&client, &run] {
        if (client.status() != NoLag::ConnectionStatus::Disconnected) {
            return;
        }
        // The client moves on to Reconnecting right after Disconnected when it will retry.
        QTimer::singleShot(0, run.context(), [&client, &run] {
            if (client.status() == NoLag::ConnectionStatus::Disconnected) {
                run.fail(u"lost the connection: %1"_s.arg(client.errorString()));
            }
        });
    });
}

NoLagOptions clientOptions(const Connection &connection)
{
    NoLagOptions options(connection.url);
    // A command-line run should end rather than retry; long listeners reconnect.
    options.setMaxReconnectAttempts(10);
    return options;
}

bool parse(QCommandLineParser &parser, const QStringList &arguments, const QString &usage,
           const QString &description, int *exitCode)
{
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    parser.addOption(help);
    parser.addOptions(connectionOptions());

    if (!parser.parse(QStringList{u"nolag"_s} + arguments)) {
        printError(parser.errorText() + u"; run \"nolag "_s + usage.section(u' ', 0, 0) +
                   u" --help\""_s);
        *exitCode = 2;
        return false;
    }
    if (parser.isSet(help)) {
        const QString text = parser.helpText();
        QTextStream(stdout) << "Usage: nolag " << usage << "\n\n"
                            << description << "\n\n"
                            << text.mid(text.indexOf(u"Options:"_s));
        *exitCode = 0;
        return false;
    }
    return true;
}

int runSub(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({
        QCommandLineOption(u"filter"_s,
                           u"Receive only messages with this filter value; repeat for "
                           u"several. A JSON array such as '[\"x\",\"y\"]' is an AND group."_s,
                           u"F"_s),
        QCommandLineOption(u"qos"_s, u"Quality of service 0, 1 or 2 (default 1)."_s, u"N"_s),
        QCommandLineOption(u"group"_s,
                           u"Share the messages with the other members of load-balancing "
                           u"group G: each message goes to one member."_s,
                           u"G"_s),
        QCommandLineOption(u"count"_s, u"Exit after N messages."_s, u"N"_s),
    });
    int exitCode = 0;
    if (!parse(parser, arguments, u"sub TOPIC... [options]"_s,
               u"Subscribes to each TOPIC (app/room/topic) and prints every message as one JSON "
               u"line:\n{\"topic\": ..., \"data\": ..., \"meta\": {\"msgId\": ..., "
               u"\"filter\": ..., \"isReplay\": ...}}.\nRuns until --count messages arrived, "
               u"--timeout passed (exit 0 without --count) or Ctrl+C."_s,
               &exitCode)) {
        return exitCode;
    }

    try {
        const QStringList topics = parser.positionalArguments();
        if (topics.isEmpty()) {
            throw UsageError{
                u"sub needs at least one TOPIC, e.g. nolag sub chat/general/messages"_s};
        }
        const Connection connection = connectionFrom(parser);
        const int count = intOption(parser, u"count"_s, 1, std::numeric_limits<int>::max(), 0);
        NoLagSubscribeOptions options;
        options.setQos(NoLag::QoS(intOption(parser, u"qos"_s, 0, 2, 1)));
        QVariantList filters;
        for (const QString &filter : parser.values(u"filter"_s)) {
            filters.append(filterArgument(filter));
        }
        options.setFilters(filters);
        if (parser.isSet(u"group"_s)) {
            options.setLoadBalanced(true);
            options.setLoadBalanceGroup(parser.value(u"group"_s));
        }

        Run run(connection.timeoutSeconds);
        NoLagClient client(connection.token, clientOptions(connection));
        if (!connectClient(client)) {
            return 1;
        }

        int received = 0;
        if (count > 0) {
            run.setTimeoutMessage([&] {
                return u"timed out after %1 s with %2 of %3 messages"_s.arg(
                    QString::number(*connection.timeoutSeconds), QString::number(received),
                    QString::number(count));
            });
        }
        QObject::connect(&client, &NoLagClient::messageReceived, run.context(),
                         [&](const NoLagMessage &message) {
                             printLine(messageJson(message));
                             if (count > 0 && ++received >= count) {
                                 run.finish(0);
                             }
                         });
        failWhenGivenUp(client, run);
        for (const QString &topic : topics) {
            NoLagSubscription *subscription = client.subscribe(topic, options);
            subscription->future().onFailed(run.context(), [&run, topic](const NoLagError &error) {
                run.fail(u"could not subscribe to %1: %2"_s.arg(topic, error.errorString()));
            });
        }
        return run.exec();
    } catch (const UsageError &error) {
        printError(error.message);
        return 2;
    }
}

int runPub(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({
        QCommandLineOption(u"qos"_s, u"Quality of service 0, 1 or 2 (default 1)."_s, u"N"_s),
        QCommandLineOption(u"retain"_s, u"Keep the message for later subscribers."_s),
        QCommandLineOption(u"no-echo"_s, u"Do not deliver the message to this connection."_s),
        QCommandLineOption(u"filter"_s, u"Filter value of the message."_s, u"F"_s),
        QCommandLineOption(u"count"_s, u"Publish the message N times (default 1)."_s, u"N"_s),
    });
    int exitCode = 0;
    if (!parse(parser, arguments, u"pub TOPIC JSON [options]"_s,
               u"Publishes JSON (any JSON value: '{\"text\":\"hi\"}', '42', '\"hello\"') to "
               u"TOPIC (app/room/topic)\nand exits once the server accepted it."_s,
               &exitCode)) {
        return exitCode;
    }

    try {
        const QStringList positional = parser.positionalArguments();
        if (positional.size() != 2) {
            throw UsageError{
                u"pub needs TOPIC and JSON, e.g. nolag pub chat/general/messages '{\"text\":\"hi\"}'"_s};
        }
        const QString topic = positional.at(0);
        const QVariant data = jsonArgument(positional.at(1), u"the message"_s);
        const Connection connection = connectionFrom(parser);
        const int count = intOption(parser, u"count"_s, 1, 1000000, 1);
        NoLagEmitOptions options;
        options.setQos(NoLag::QoS(intOption(parser, u"qos"_s, 0, 2, 1)));
        options.setRetain(parser.isSet(u"retain"_s));
        options.setEcho(!parser.isSet(u"no-echo"_s));
        options.setFilter(parser.value(u"filter"_s));

        Run run(connection.timeoutSeconds.value_or(10),
                [] { return u"the server did not confirm the publish in time"_s; });
        NoLagClient client(connection.token, clientOptions(connection));
        if (!connectClient(client)) {
            return 1;
        }

        int pending = count;
        for (int i = 0; i < count; ++i) {
            client.publish(topic, data, options)
                .then(run.context(),
                      [&] {
                          if (--pending == 0) {
                              run.finish(0);
                          }
                      })
                .onFailed(run.context(), [&](const NoLagError &error) {
                    run.fail(u"could not publish to %1: %2"_s.arg(topic, error.errorString()));
                });
        }
        const int code = run.exec();
        client.disconnectFromServer();
        return code;
    } catch (const UsageError &error) {
        printError(error.message);
        return 2;
    }
}

int runPresence(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({
        QCommandLineOption(u"set"_s, u"Set this actor's presence in ROOM to JSON first."_s,
                           u"JSON"_s),
        QCommandLineOption(u"watch"_s,
                           u"Stay and print every join, update and leave as one JSON line. "
                           u"The server tells only members of a room, so this joins ROOM "
                           u"(with --set's data, or empty presence)."_s),
        QCommandLineOption(u"count"_s, u"With --watch: exit after N events."_s, u"N"_s),
    });
    int exitCode = 0;
    if (!parse(parser, arguments, u"presence ROOM [options]"_s,
               u"Prints who is present in ROOM (the room's slug, as in topics) as one JSON "
               u"array line:\n[{\"actorTokenId\": ..., \"presence\": ..., \"joinedAt\": ..., "
               u"\"status\": ...}].\nWith --watch it then prints each change as a JSON line "
               u"{\"event\": \"join\", \"actorTokenId\": ..., \"presence\": ...}."_s,
               &exitCode)) {
        return exitCode;
    }

    try {
        const QStringList positional = parser.positionalArguments();
        if (positional.size() != 1) {
            throw UsageError{u"presence needs one ROOM, e.g. nolag presence general"_s};
        }
        const QString room = positional.first();
        const Connection connection = connectionFrom(parser);
        const bool watch = parser.isSet(u"watch"_s);
        const int count = intOption(parser, u"count"_s, 1, std::numeric_limits<int>::max(), 0);
        QVariantMap presence;
        if (parser.isSet(u"set"_s)) {
            const QVariant value = jsonArgument(parser.value(u"set"_s), u"the presence"_s);
            if (value.typeId() != QMetaType::QVariantMap) {
                throw UsageError{u"--set needs a JSON object, e.g. '{\"name\":\"Ada\"}'"_s};
            }
            presence = value.toMap();
        }

        std::optional<double> timeout = connection.timeoutSeconds;
        if (!watch && !timeout) {
            timeout = 10;
        }
        int events = 0;
        Run run(timeout);
        if (!watch) {
            run.setTimeoutMessage([] { return u"the server did not send the presence list"_s; });
        } else if (count > 0) {
            run.setTimeoutMessage([&] {
                return u"timed out with %1 of %2 presence events"_s.arg(QString::number(events),
                                                                        QString::number(count));
            });
        }
        NoLagClient client(connection.token, clientOptions(connection));
        if (!connectClient(client)) {
            return 1;
        }

        const auto printEvent = [&](const QString &event, const NoLagActorPresence &actor) {
            // Joining to watch makes events about this connection too; they are not news.
            if (run.isDone() || actor.actorTokenId() == client.actorId()) {
                return;
            }
            QJsonObject line = actorJson(actor);
            line.insert(u"event"_s, event);
            printLine(line);
            if (count > 0 && ++events >= count) {
                run.finish(0);
            }
        };

        if (parser.isSet(u"set"_s) || watch) {
            client.setPresence(presence, room);
        }
        client.fetchPresence(room)
            .then(run.context(),
                  [&](const QList<NoLagActorPresence> &actors) {
                      QJsonArray list;
                      for (const NoLagActorPresence &actor : actors) {
                          list.append(actorJson(actor));
                      }
                      printLine(list);
                      if (!watch) {
                          run.finish(0);
                          return;
                      }
                      QObject::connect(
                          &client, &NoLagClient::presenceJoined, run.context(),
                          [&](const NoLagActorPresence &actor) { printEvent(u"join"_s, actor); });
                      QObject::connect(
                          &client, &NoLagClient::presenceUpdated, run.context(),
                          [&](const NoLagActorPresence &actor) { printEvent(u"update"_s, actor); });
                      QObject::connect(
                          &client, &NoLagClient::presenceLeft, run.context(),
                          [&](const NoLagActorPresence &actor) { printEvent(u"leave"_s, actor); });
                  })
            .onFailed(run.context(), [&](const NoLagError &error) {
                run.fail(u"could not read the presence of %1: %2"_s.arg(room, error.errorString()));
            });
        const int code = run.exec();
        client.disconnectFromServer();
        return code;
    } catch (const UsageError &error) {
        printError(error.message);
        return 2;
    }
}

} // namespace

void registerRealtimeCommands(CommandRegistry &registry)
{
    registry.add(
        {u"sub"_s, u"Subscribe to topics and print each message as a JSON line"_s, runSub});
    registry.add({u"pub"_s, u"Publish one JSON message to a topic"_s, runPub});
    registry.add({u"presence"_s, u"Show, set or watch who is present in a room"_s, runPresence});
}

} // namespace NoLagCli
