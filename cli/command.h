// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <functional>

namespace NoLagCli {

/*!
    One sub-command of the nolag tool ("sub", "pub", "apps", ...).

    run() receives the arguments after the command name, runs inside a started
    QCoreApplication, and returns the process exit code (0 on success). Long-running
    commands spin their own event loop until they are done. On failure a command prints one
    line to standard error that says what went wrong, and returns non-zero.
*/
struct Command
{
    QString name;
    QString summary; // one line for "nolag --help"
    std::function<int(const QStringList &arguments)> run;
};

class CommandRegistry
{
public:
    void add(Command command) { m_commands.append(std::move(command)); }
    const QList<Command> &commands() const { return m_commands; }
    const Command *find(const QString &name) const;

private:
    QList<Command> m_commands;
};

// Each part of the tool registers its commands here.
void registerRealtimeCommands(CommandRegistry &registry);
void registerApiCommands(CommandRegistry &registry);

} // namespace NoLagCli
