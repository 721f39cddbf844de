// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "commandregistry.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLoggingCategory>
#include <QtQml/QJSEngine>
#include <QtQml/QQmlEngine>

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcCommands, "nolag.explorer.commands", QtInfoMsg)

QPointer<CommandRegistry> s_instance;

} // namespace

CommandRegistry::CommandRegistry(QObject *parent)
    : QAbstractListModel(parent)
{ }

CommandRegistry::~CommandRegistry() = default;

CommandRegistry *CommandRegistry::instance()
{
    if (!s_instance) {
        s_instance = new CommandRegistry(QCoreApplication::instance());
    }
    return s_instance;
}

CommandRegistry *CommandRegistry::create(QQmlEngine *, QJSEngine *)
{
    CommandRegistry *registry = instance();
    QJSEngine::setObjectOwnership(registry, QJSEngine::CppOwnership);
    return registry;
}

QString CommandRegistry::categoryOf(const QString &id)
{
    QString category = id.section(u'.', 0, 0);
    if (!category.isEmpty()) {
        category[0] = category.at(0).toUpper();
    }
    return category;
}

int CommandRegistry::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_commands.size());
}

const ExplorerCommand *CommandRegistry::command(int row) const
{
    return row >= 0 && row < int(m_commands.size()) ? &m_commands.at(row) : nullptr;
}

QVariant CommandRegistry::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const ExplorerCommand &command = m_commands.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return command.title;
    case CommandIdRole:
        return command.id;
    case CategoryRole:
        return categoryOf(command.id);
    case ShortcutRole:
        return command.shortcut.toString(QKeySequence::PortableText);
    case ShortcutTextRole:
        return command.shortcut.toString(QKeySequence::NativeText);
    case AvailableRole:
        return isAvailable(command);
    default:
        return {};
    }
}

QHash<int, QByteArray> CommandRegistry::roleNames() const
{
    return {{CommandIdRole, "commandId"},       {TitleRole, "title"},
            {CategoryRole, "category"},         {ShortcutRole, "shortcut"},
            {ShortcutTextRole, "shortcutText"}, {AvailableRole, "available"}};
}

int CommandRegistry::indexOf(const QString &id) const
{
    for (size_t row = 0; row < m_commands.size(); ++row) {
        if (m_commands.at(row).id == id) {
            return int(row);
        }
    }
    return -1;
}

bool CommandRegistry::add(const QString &id, const QString &title, const QString &shortcut,
                          std::function<void()> run, QObject *owner,
                          std::function<bool()> available)
{
    if (id.isEmpty() || !run) {
        qCWarning(lcCommands, "A command needs an id and something to run (got \"%s\")",
                  qPrintable(id));
        return false;
    }

    ExplorerCommand command;
    command.id = id;
    command.title = title;
    command.run = std::move(run);
    command.available = std::move(available);
    command.owner = owner;
    command.hasOwner = owner != nullptr;

    bool shortcutFree = true;
    const QKeySequence sequence(shortcut, QKeySequence::PortableText);
    bool readable = !sequence.isEmpty();
    for (int i = 0; i < sequence.count(); ++i) {
        readable = readable && sequence[i].key() != Qt::Key_unknown;
    }
    if (!shortcut.isEmpty() && !readable) {
        qCWarning(lcCommands, "The command \"%s\" has a shortcut Qt cannot read: \"%s\"",
                  qPrintable(id), qPrintable(shortcut));
        shortcutFree = false;
    }
    for (const ExplorerCommand &other : m_commands) {
        if (shortcutFree && !sequence.isEmpty() && other.id != id && other.shortcut == sequence) {
            qCWarning(lcCommands,
                      "The shortcut %s of the command \"%s\" is taken by \"%s\"; the command "
                      "is registered without a shortcut",
                      qPrintable(shortcut), qPrintable(id), qPrintable(other.id));
            shortcutFree = false;
        }
    }
    if (shortcutFree) {
        command.shortcut = sequence;
    }
    command.wasAvailable = isAvailable(command);

    if (owner) {
        connect(owner, &QObject::destroyed, this, &CommandRegistry::removeOwned,
                Qt::UniqueConnection);
    }

    const int existing = indexOf(id);
    if (existing >= 0) {
        m_commands[existing] = std::move(command);
        Q_EMIT dataChanged(index(existing), index(existing));
    } else {
        const int row = int(m_commands.size());
        beginInsertRows(QModelIndex(), row, row);
        m_commands.push_back(std::move(command));
        endInsertRows();
        Q_EMIT countChanged();
    }
    qCDebug(lcCommands, "Registered the command \"%s\"", qPrintable(id));
    Q_EMIT commandsChanged();
    return shortcutFree;
}

bool CommandRegistry::add(const QString &id, const QString &title, const QString &shortcut,
                          const QJSValue &callback, QObject *owner)
{
    if (!callback.isCallable()) {
        qCWarning(lcCommands, "The command \"%s\" was given something that is not a function",
                  qPrintable(id));
        return false;
    }
    const auto run = [callback, id]() mutable {
        const QJSValue result = callback.call();
        if (result.isError()) {
            qCWarning(lcCommands, "The command \"%s\" failed: %s", qPrintable(id),
                      qPrintable(result.toString()));
        }
    };
    const bool added = add(id, title, shortcut, run, owner);

    // The function lives in a QML engine: drop it with the engine.
    const int row = indexOf(id);
    if (row >= 0) {
        m_commands[row].script = true;
        QJSEngine *engine = qjsEngine(this);
        if (engine && engine != m_scriptEngine) {
            m_scriptEngine = engine;
            connect(engine, &QObject::destroyed, this, [this] {
                for (int i = int(m_commands.size()) - 1; i >= 0; --i) {
                    if (m_commands.at(i).script) {
                        remove(m_commands.at(i).id);
                    }
                }
            });
        }
    }
    return added;
}

void CommandRegistry::remove(const QString &id)
{
    const int row = indexOf(id);
    if (row < 0) {
        return;
    }
    beginRemoveRows(QModelIndex(), row, row);
    m_commands.erase(m_commands.begin() + row);
    endRemoveRows();
    Q_EMIT countChanged();
    Q_EMIT commandsChanged();
}

void CommandRegistry::removeOwned(QObject *owner)
{
    for (int row = int(m_commands.size()) - 1; row >= 0; --row) {
        const ExplorerCommand &command = m_commands.at(row);
        if (command.hasOwner && (!command.owner || command.owner == owner)) {
            remove(command.id);
        }
    }
}

bool CommandRegistry::isAvailable(const ExplorerCommand &command) const
{
    return command.enabled && (!command.available || command.available());
}

bool CommandRegistry::isAvailable(const QString &id) const
{
    const int row = indexOf(id);
    return row >= 0 && isAvailable(m_commands.at(row));
}

bool CommandRegistry::trigger(const QString &id)
{
    const int row = indexOf(id);
    if (row < 0) {
        qCWarning(lcCommands, "There is no command \"%s\"", qPrintable(id));
        return false;
    }
    if (!isAvailable(m_commands.at(row))) {
        qCDebug(lcCommands, "The command \"%s\" is not available now", qPrintable(id));
        return false;
    }
    // A copy: the command may remove itself, or others, while it runs.
    const std::function<void()> run = m_commands.at(row).run;
    qCDebug(lcCommands, "Running the command \"%s\"", qPrintable(id));
    run();
    Q_EMIT triggered(id);
    return true;
}

void CommandRegistry::setEnabled(const QString &id, bool enabled)
{
    const int row = indexOf(id);
    if (row < 0 || m_commands.at(row).enabled == enabled) {
        return;
    }
    m_commands[row].enabled = enabled;
    m_commands[row].wasAvailable = isAvailable(m_commands.at(row));
    Q_EMIT dataChanged(index(row), index(row), {AvailableRole});
    Q_EMIT commandsChanged();
}

QString CommandRegistry::shortcutText(const QString &id) const
{
    const int row = indexOf(id);
    return row < 0 ? QString() : m_commands.at(row).shortcut.toString(QKeySequence::NativeText);
}

void CommandRegistry::refresh()
{
    bool changed = false;
    for (size_t row = 0; row < m_commands.size(); ++row) {
        ExplorerCommand &command = m_commands[row];
        const bool available = isAvailable(command);
        if (command.wasAvailable != available) {
            command.wasAvailable = available;
            Q_EMIT dataChanged(index(int(row)), index(int(row)), {AvailableRole});
            changed = true;
        }
    }
    if (changed) {
        Q_EMIT commandsChanged();
    }
}
