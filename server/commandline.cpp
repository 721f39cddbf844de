// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "commandline.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QRegularExpression>
#include <QtCore/QStandardPaths>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace NoLag::Server {

namespace {

bool parseListen(const QString &value, ServerSettings *settings, QString *errorString)
{
    // HOST:PORT, with IPv6 hosts in brackets: [::1]:8080
    static const QRegularExpression pattern(u"^(?:\\[([^\\]]+)\\]|([^:]+)):(\\d{1,5})$"_s);
    const QRegularExpressionMatch match = pattern.match(value);
    const uint port = match.captured(3).toUInt();
    if (!match.hasMatch() || port > 65535) {
        *errorString =
            u"--listen expects HOST:PORT, for example 127.0.0.1:8080 (got '%1')"_s.arg(value);
        return false;
    }
    const QString host = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
    QHostAddress address;
    if (host == u"localhost") {
        address = QHostAddress(QHostAddress::LocalHost);
    } else if (!address.setAddress(host)) {
        *errorString = u"--listen needs an IP address or localhost as host (got '%1')"_s.arg(host);
        return false;
    }
    settings->host = match.captured(1).isEmpty() ? host : u"[%1]"_s.arg(host);
    settings->address = address;
    settings->port = quint16(port);
    return true;
}

bool parseCount(const QString &name, const QString &value, qint64 minimum, qint64 *out,
                QString *errorString)
{
    bool ok = false;
    const qint64 number = value.toLongLong(&ok);
    if (!ok || number < minimum) {
        *errorString =
            u"--%1 expects a whole number of at least %2 (got '%3')"_s.arg(name).arg(minimum).arg(
                value);
        return false;
    }
    *out = number;
    return true;
}

bool parseSeconds(const QString &name, const QString &value, qint64 *outMs, QString *errorString)
{
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 1e9) {
        *errorString = u"--%1 expects a number of seconds greater than 0, decimals allowed "
                       "(got '%2')"_s.arg(name, value);
        return false;
    }
    *outMs = qMax<qint64>(1, qint64(seconds * 1000.0 + 0.5));
    return true;
}

QString defaultDataDirectory()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base.isEmpty() ? QDir::homePath() : base).filePath(u"nolag-local"_s);
}

} // namespace

QString helpText()
{
    return uR"(Usage: nolag-local [options]

nolag-local is a NoLag-compatible realtime server for one machine: programs connect
with an access token over a WebSocket, subscribe to topics shaped app/room/topic,
publish messages and see who is present in a room. Everything is kept in one SQLite
file, so subscriptions, retained messages and unacknowledged messages survive a
restart.

To try it:  nolag-local --demo     (prints ready-made access tokens)

Where it listens and what it keeps:
  --listen HOST:PORT        address to listen on (default 127.0.0.1:8080; port 0 lets the
                            system pick). Prints "Listening on http://HOST:PORT" when ready.
                            WebSocket at /ws, REST API at /v1, health check at GET /health.
  --data DIR                data directory; the database is DIR/nolag-local.db
                            (default ~/.local/share/nolag-local)

Who may connect:
  --tokens FILE             static token file, same JSON shape as the official broker's
                            ({"tokens": {"<token>": {"actorTokenId": ..., "allowedTopics": [...]}}})
                            Re-read whenever it changes.
  --demo                    create the demo project (app "demo", rooms "general" and
                            "support") and print its access tokens
  --open                    development mode: accept ANY token with full access. Never use
                            this on a network other people can reach.
  --api-key KEY             API key of the default project for the REST API
                            (nlg_live_<id>.<secret>); generated when not given

Limits (defaults are those of the hosted service):
  --rate-limit N            publishes per second per connection (default 50, 0 = unlimited)
  --max-message-size BYTES  largest encoded message payload (default 921600)
  --max-frame-size BYTES    largest inbound WebSocket frame; larger ones close the
                            connection with code 1009 (default 1048576)
  --max-send-buffer BYTES   data sent to a client that it has not read yet; a client that
                            falls further behind is disconnected with code 1013 and gets
                            its unacknowledged messages again when it reconnects
                            (default 67108864, 64 MiB; 0 = no limit)
  --max-filters N           filter items per subscription (default 100)
  --idle-timeout SECONDS    close connections silent for this long (default 60)
  --revalidate-interval SECONDS
                            how often a heartbeat re-checks the token (default 600)
  --retain-ttl SECONDS      how long retained messages live (default 3600)
  --replay-limit N          most messages replayed per subscription on reconnect
                            (default 10000)
  --log-retention SECONDS   how long unacknowledged messages are kept for replay
                            (default 86400, one day)
  --log-retention-count N   most unacknowledged messages kept for replay (default 1000000)
  SECONDS may have decimals (0.5).

Behaviour:
  --no-recording            deliver messages without msgId/requiresAck (no replay then)
  --strict-filter-isolation subscribers without filters do not get filtered messages
  --log-level LEVEL         error, warning, info (default) or debug; logs go to standard
                            error and never contain tokens, keys or message contents

  --version                 print the version and exit
  --help                    print this help and exit
)"_s;
}

CommandLineResult parseCommandLine(const QStringList &arguments, ServerSettings *settings,
                                   QString *errorString)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption listen(u"listen"_s, QString(), u"HOST:PORT"_s);
    const QCommandLineOption data(u"data"_s, QString(), u"DIR"_s);
    const QCommandLineOption tokens(u"tokens"_s, QString(), u"FILE"_s);
    const QCommandLineOption demo(u"demo"_s);
    const QCommandLineOption open(u"open"_s);
    const QCommandLineOption apiKey(u"api-key"_s, QString(), u"KEY"_s);
    const QCommandLineOption rateLimit(u"rate-limit"_s, QString(), u"N"_s);
    const QCommandLineOption maxMessageSize(u"max-message-size"_s, QString(), u"BYTES"_s);
    const QCommandLineOption maxFrameSize(u"max-frame-size"_s, QString(), u"BYTES"_s);
    const QCommandLineOption maxSendBuffer(u"max-send-buffer"_s, QString(), u"BYTES"_s);
    const QCommandLineOption maxFilters(u"max-filters"_s, QString(), u"N"_s);
    const QCommandLineOption idleTimeout(u"idle-timeout"_s, QString(), u"SECONDS"_s);
    const QCommandLineOption revalidate(u"revalidate-interval"_s, QString(), u"SECONDS"_s);
    const QCommandLineOption retainTtl(u"retain-ttl"_s, QString(), u"SECONDS"_s);
    const QCommandLineOption replayLimit(u"replay-limit"_s, QString(), u"N"_s);
    const QCommandLineOption logRetention(u"log-retention"_s, QString(), u"SECONDS"_s);
    const QCommandLineOption logRetentionCount(u"log-retention-count"_s, QString(), u"N"_s);
    const QCommandLineOption noRecording(u"no-recording"_s);
    const QCommandLineOption strict(u"strict-filter-isolation"_s);
    const QCommandLineOption logLevel(u"log-level"_s, QString(), u"LEVEL"_s);
    const QCommandLineOption version(u"version"_s);
    const QCommandLineOption help(QStringList{u"help"_s, u"h"_s});
    parser.addOptions({listen,       data,         tokens,       demo,
                       open,         apiKey,       rateLimit,    maxMessageSize,
                       maxFrameSize, maxFilters,   idleTimeout,  revalidate,
                       retainTtl,    replayLimit,  logRetention, logRetentionCount,
                       noRecording,  strict,       logLevel,     version,
                       help,         maxSendBuffer});

    if (!parser.parse(arguments)) {
        // QCommandLineParser's sentences ("Unknown option 'x'.") with our own ending.
        QString reason = parser.errorText();
        if (reason.endsWith(u'.')) {
            reason.chop(1);
        }
        if (!reason.isEmpty()) {
            reason[0] = reason[0].toLower();
        }
        *errorString = reason + u" (see nolag-local --help)"_s;
        return CommandLineResult::Error;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *errorString = u"unexpected argument '%1' (see nolag-local --help)"_s.arg(
            parser.positionalArguments().constFirst());
        return CommandLineResult::Error;
    }
    if (parser.isSet(help)) {
        std::fputs(qPrintable(helpText()), stdout);
        return CommandLineResult::Done;
    }
    if (parser.isSet(version)) {
        std::fputs(qPrintable(u"nolag-local %1\n"_s.arg(QCoreApplication::applicationVersion())),
                   stdout);
        return CommandLineResult::Done;
    }

    if (parser.isSet(listen) && !parseListen(parser.value(listen), settings, errorString)) {
        return CommandLineResult::Error;
    }
    settings->dataDirectory = parser.isSet(data) ? parser.value(data) : defaultDataDirectory();
    settings->tokensFile = parser.value(tokens);
    settings->demo = parser.isSet(demo);
    settings->open = parser.isSet(open);

    if (parser.isSet(apiKey)) {
        static const QRegularExpression keyPattern(u"^nlg_live_[A-Za-z0-9]+\\.[A-Za-z0-9_-]+$"_s);
        settings->apiKey = parser.value(apiKey);
        if (!keyPattern.match(settings->apiKey).hasMatch()) {
            *errorString = u"--api-key expects a key shaped nlg_live_<id>.<secret>"_s;
            return CommandLineResult::Error;
        }
    }

    BrokerOptions &broker = settings->broker;
    qint64 number = 0;
    if (parser.isSet(rateLimit)) {
        if (!parseCount(u"rate-limit"_s, parser.value(rateLimit), 0, &number, errorString)) {
            return CommandLineResult::Error;
        }
        broker.rateLimit = int(qMin<qint64>(number, std::numeric_limits<int>::max()));
    }
    if (parser.isSet(maxMessageSize)) {
        if (!parseCount(u"max-message-size"_s, parser.value(maxMessageSize), 1,
                        &broker.maxMessageSize, errorString)) {
            return CommandLineResult::Error;
        }
    }
    if (parser.isSet(maxFrameSize)) {
        if (!parseCount(u"max-frame-size"_s, parser.value(maxFrameSize), 1, &broker.maxFrameSize,
                        errorString)) {
            return CommandLineResult::Error;
        }
    }
    if (parser.isSet(maxSendBuffer)) {
        if (!parseCount(u"max-send-buffer"_s, parser.value(maxSendBuffer), 0, &broker.maxSendBuffer,
                        errorString)) {
            return CommandLineResult::Error;
        }
    }
    if (parser.isSet(maxFilters)) {
        if (!parseCount(u"max-filters"_s, parser.value(maxFilters), 1, &number, errorString)) {
            return CommandLineResult::Error;
        }
        broker.maxFilters = int(qMin<qint64>(number, std::numeric_limits<int>::max()));
    }
    if (parser.isSet(idleTimeout) &&
        !parseSeconds(u"idle-timeout"_s, parser.value(idleTimeout), &broker.idleTimeoutMs,
                      errorString)) {
        return CommandLineResult::Error;
    }
    if (parser.isSet(revalidate) &&
        !parseSeconds(u"revalidate-interval"_s, parser.value(revalidate),
                      &broker.revalidateIntervalMs, errorString)) {
        return CommandLineResult::Error;
    }
    if (parser.isSet(retainTtl) &&
        !parseSeconds(u"retain-ttl"_s, parser.value(retainTtl), &broker.retainTtlMs, errorString)) {
        return CommandLineResult::Error;
    }
    if (parser.isSet(replayLimit)) {
        if (!parseCount(u"replay-limit"_s, parser.value(replayLimit), 1, &number, errorString)) {
            return CommandLineResult::Error;
        }
        broker.replayLimit = int(qMin<qint64>(number, std::numeric_limits<int>::max()));
    }
    if (parser.isSet(logRetention) &&
        !parseSeconds(u"log-retention"_s, parser.value(logRetention), &broker.logRetentionMs,
                      errorString)) {
        return CommandLineResult::Error;
    }
    if (parser.isSet(logRetentionCount)) {
        if (!parseCount(u"log-retention-count"_s, parser.value(logRetentionCount), 1, &number,
                        errorString)) {
            return CommandLineResult::Error;
        }
        broker.logRetentionCount = int(qMin<qint64>(number, std::numeric_limits<int>::max()));
    }
    broker.recording = !parser.isSet(noRecording);
    broker.strictFilterIsolation = parser.isSet(strict);

    if (parser.isSet(logLevel)) {
        settings->logLevel = parser.value(logLevel);
        static const QStringList levels{u"error"_s, u"warning"_s, u"info"_s, u"debug"_s};
        if (!levels.contains(settings->logLevel)) {
            *errorString = u"--log-level expects error, warning, info or debug (got '%1')"_s.arg(
                settings->logLevel);
            return CommandLineResult::Error;
        }
    }
    return CommandLineResult::Run;
}

} // namespace NoLag::Server
