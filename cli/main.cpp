// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "command.h"

#include <NoLagQt/nolagqtglobal.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void printUsage(const NoLagCli::CommandRegistry &registry, FILE *stream)
{
    QTextStream out(stream);
    out << "Usage: nolag <command> [options]\n\n"
           "Talks to a NoLag server (the NoLag cloud, a self-hosted broker, or nolag-local)\n"
           "from a terminal or a script.\n\nCommands:\n";
    for (const NoLagCli::Command &command : registry.commands()) {
        out << "  " << command.name.leftJustified(10) << command.summary << '\n';
    }
    out << "\nRun \"nolag <command> --help\" for the options of one command.\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"nolag"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(NOLAGQT_VERSION_STR));

    NoLagCli::CommandRegistry registry;
    NoLagCli::registerRealtimeCommands(registry);
    NoLagCli::registerApiCommands(registry);

    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty() || arguments.first() == u"--help" || arguments.first() == u"-h"
        || arguments.first() == u"help") {
        printUsage(registry, arguments.isEmpty() ? stderr : stdout);
        return arguments.isEmpty() ? 2 : 0;
    }
    if (arguments.first() == u"--version") {
        QTextStream(stdout) << "nolag " << NOLAGQT_VERSION_STR << '\n';
        return 0;
    }

    const QString name = arguments.takeFirst();
    const NoLagCli::Command *command = registry.find(name);
    if (!command) {
        QTextStream(stderr) << "nolag: unknown command \"" << name
                            << "\"; run \"nolag --help\" to list the commands\n";
        return 2;
    }
    return command->run(arguments);
}
