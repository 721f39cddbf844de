// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// nolag-demo-traffic: live data for the demo project of nolag-local, so that NoLag Explorer
// shows something at once. It connects as the demo actors alice, bob and sensor-1 and, every
// second, publishes a few chat messages and typing signals, telemetry numbers from the
// sensor, and moves alice's and bob's presence between the rooms.

#include <NoLagQt/nolagclient.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTimer>

#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDemo, "nolag.explorer.demo", QtInfoMsg)

namespace {

const QStringList Lines = {
    u"Morning! Is the deploy still on for today?"_s,
    u"Yes, after the standup."_s,
    u"The sensor in room 2 reads a bit high again."_s,
    u"I'll have a look at the calibration."_s,
    u"Can someone review my pull request?"_s,
    u"On it."_s,
    u"Lunch at noon?"_s,
    u"Latency is down to 12 ms after the fix \U0001F389"_s,
};

QJsonObject readTokens(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return {};
    }
    const QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    // nolag-local keeps them under "actors"; earlier builds at the top level.
    return document.contains(u"actors"_s) ? document.value(u"actors"_s).toObject() : document;
}

struct Actor
{
    QString name;
    NoLagClient *client = nullptr;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"nolag-demo-traffic"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Publishes demo traffic (chat, typing, telemetry, presence) to nolag-local's demo "
        "project, for NoLag Explorer."_s);
    parser.addHelpOption();
    const QCommandLineOption url(u"url"_s, u"Broker WebSocket URL."_s, u"URL"_s,
                                 u"ws://127.0.0.1:8080/ws"_s);
    const QCommandLineOption data(
        u"data"_s, u"nolag-local's data directory (holds demo-tokens.json)."_s, u"DIR"_s);
    const QCommandLineOption tokens(u"tokens"_s, u"The demo-tokens.json file itself."_s, u"FILE"_s);
    const QCommandLineOption rate(u"rate"_s, u"Telemetry messages per second (default 4)."_s,
                                  u"N"_s, u"4"_s);
    const QCommandLineOption duration(u"duration"_s,
                                      u"Stop after this many seconds (default: run until "
                                      "stopped)."_s,
                                      u"SECONDS"_s, u"0"_s);
    parser.addOptions({url, data, tokens, rate, duration});
    parser.process(app);

    QString path = parser.value(tokens);
    if (path.isEmpty() && parser.isSet(data)) {
        path = QDir(parser.value(data)).filePath(u"demo-tokens.json"_s);
    }
    if (path.isEmpty()) {
        std::fputs("nolag-demo-traffic: give --data DIR (nolag-local's data directory) or "
                   "--tokens FILE\n",
                   stderr);
        return 2;
    }
    QString error;
    const QJsonObject actorTokens = readTokens(path, &error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "nolag-demo-traffic: %s\n", qPrintable(error));
        return 1;
    }

    QList<Actor> actors;
    for (const QString &name : {u"alice"_s, u"bob"_s, u"sensor-1"_s}) {
        const QString token = actorTokens.value(name).toString();
        if (token.isEmpty()) {
            std::fprintf(stderr, "nolag-demo-traffic: %s has no token for the demo actor %s\n",
                         qPrintable(path), qPrintable(name));
            return 1;
        }
        NoLagOptions options{QUrl(parser.value(url))};
        options.setReconnectInterval(std::chrono::milliseconds(1000));
        options.setMaxReconnectAttempts(0);
        auto *client = new NoLagClient(token, options, &app);
        client->connectToServer();
        actors.append(Actor{name, client});
    }
    NoLagClient *alice = actors.at(0).client;
    NoLagClient *bob = actors.at(1).client;
    NoLagClient *sensor = actors.at(2).client;

    QRandomGenerator *random = QRandomGenerator::global();
    int tick = 0;

    // Chat, typing and presence: once a second.
    QTimer chat;
    QObject::connect(&chat, &QTimer::timeout, &app, [&] {
        ++tick;
        NoLagClient *speaker = tick % 2 ? alice : bob;
        const QString room = tick % 5 == 0 ? u"support"_s : u"general"_s;
        if (speaker->isConnected()) {
            speaker->publish(u"demo/%1/typing"_s.arg(room),
                             QVariantMap{{u"typing"_s, true}, {u"user"_s, speaker->actorId()}});
            const QString text = Lines.at(int(random->bounded(Lines.size())));
            NoLagEmitOptions options;
            if (tick % 7 == 0) {
                options.setFilter(u"urgent"_s); // filtered traffic shows in the Filter column
            }
            speaker->publish(u"demo/%1/messages"_s.arg(room),
                             QVariantMap{{u"text"_s, text},
                                         {u"from"_s, tick % 2 ? u"alice"_s : u"bob"_s},
                                         {u"sentAt"_s, QDateTime::currentMSecsSinceEpoch()}},
                             options);
        }
        // Presence comes and goes: alice stays, bob moves between rooms and away.
        if (tick % 3 == 1 && alice->isConnected()) {
            alice->setPresence({{u"status"_s, u"online"_s}, {u"typing"_s, tick % 2 == 0}},
                               u"general"_s);
        }
        if (bob->isConnected()) {
            if (tick % 12 == 4) {
                bob->setPresence({{u"status"_s, u"online"_s}}, u"general"_s);
            } else if (tick % 12 == 8) {
                bob->setPresence({{u"status"_s, u"helping"_s}}, u"support"_s);
            } else if (tick % 12 == 11) {
                bob->clearPresence();
            }
        }
    });
    chat.start(1000);

    // Telemetry: a few numbers a second, a slow sine with some noise.
    QTimer telemetry;
    const int perSecond = std::max(1, parser.value(rate).toInt());
    QObject::connect(&telemetry, &QTimer::timeout, &app, [&] {
        if (!sensor->isConnected()) {
            return;
        }
        const double t = QDateTime::currentMSecsSinceEpoch() / 1000.0;
        const QString room = random->bounded(3) == 0 ? u"support"_s : u"general"_s;
        sensor->publish(
            u"demo/%1/telemetry"_s.arg(room),
            QVariantMap{
                {u"sensor"_s, u"sensor-1"_s},
                {u"temperature"_s,
                 std::round((21.5 + 2 * std::sin(t / 20) + random->generateDouble() * 0.3) * 100) /
                     100},
                {u"humidity"_s, 40 + qint64(random->bounded(10))},
                {u"battery"_s, 0.97},
                {u"ok"_s, true}});
    });
    telemetry.start(1000 / perSecond);

    const int seconds = parser.value(duration).toInt();
    if (seconds > 0) {
        QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
    }
    qCInfo(lcDemo, "Publishing demo traffic to %s", qPrintable(parser.value(url)));
    return app.exec();
}
