// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT

// nolag-local: a NoLag-compatible realtime server for one machine. See --help.

#include "commandline.h"
#include "nolaglocal.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLoggingCategory>
#include <QtCore/QSocketNotifier>
#include <QtCore/QTimer>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace NoLag::Server;

namespace {

int signalPipe[2] = {-1, -1};

// Log lines written while starting are held back: a failed start prints exactly one line
// (what went wrong), a successful one prints them after "Listening on ...".
QStringList startupLog;

void holdBackStartupLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    startupLog.append(qFormatLogMessage(type, context, message));
}

void printStartupLog()
{
    for (const QString &line : std::as_const(startupLog)) {
        std::fprintf(stderr, "%s\n", qPrintable(line));
    }
    startupLog.clear();
}

void onTerminationSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here; the event loop does the rest.
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

void setUpLogging(const QString &level)
{
    qSetMessagePattern(u"%{time yyyy-MM-dd hh:mm:ss.zzz} "
                       "%{if-debug}debug%{endif}%{if-info}info%{endif}%{if-warning}warning%{endif}"
                       "%{if-critical}error%{endif}%{if-fatal}fatal%{endif} "
                       "%{category}: %{message}"_s);
    QString rules = u"nolag.server.*.debug=false\n"_s;
    if (level == u"debug") {
        rules = u"nolag.server.*.debug=true\n"_s;
    } else if (level == u"warning") {
        rules += u"nolag.server.*.info=false\n"_s;
    } else if (level == u"error") {
        rules += u"nolag.server.*.info=false\nnolag.server.*.warning=false\n"_s;
    }
    QLoggingCategory::setFilterRules(rules);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"nolag-local"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(NOLAG_VERSION));

    ServerSettings settings;
    QString error;
    switch (parseCommandLine(QCoreApplication::arguments(), &settings, &error)) {
    case CommandLineResult::Done:
        return 0;
    case CommandLineResult::Error:
        std::fprintf(stderr, "nolag-local: %s\n", qPrintable(error));
        return 1;
    case CommandLineResult::Run:
        break;
    }
    setUpLogging(settings.logLevel);

    // SIGINT and SIGTERM stop the server cleanly: connections close with 1001, and
    // everything is written before the process exits with 0.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) {
        std::fprintf(stderr, "nolag-local: cannot set up signal handling\n");
        return 1;
    }
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    NoLagLocal server(settings);
    const QtMessageHandler logHandler = qInstallMessageHandler(holdBackStartupLog);
    const bool started = server.start(&error);
    qInstallMessageHandler(logHandler);
    if (!started) {
        if (settings.logLevel == u"debug") {
            printStartupLog();
        }
        std::fprintf(stderr, "nolag-local: %s\n", qPrintable(error));
        return 1;
    }
    printStartupLog();

    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        char byte = 0;
        [[maybe_unused]] const ssize_t read = ::read(signalPipe[0], &byte, 1);
        notifier.setEnabled(false);
        server.stop();
        // Give the close frames a moment to leave before the sockets go away.
        QTimer::singleShot(200, &app, &QCoreApplication::quit);
    });

    return app.exec();
}
