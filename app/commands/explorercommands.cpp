// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "explorercommands.h"

#include "session/session.h"
#include "session/sessionmanager.h"

using namespace Qt::StringLiterals;

namespace {

constexpr int maximumNumberedViews = 9;

} // namespace

ExplorerCommands::ExplorerCommands(QObject *parent)
    : QObject(parent)
{ }

ExplorerCommands::~ExplorerCommands()
{
    // The commands capture this object: they go with it (add() was given it as owner, but
    // the registry only hears of that after this destructor has run).
    if (m_registry) {
        for (int row = m_registry->count() - 1; row >= 0; --row) {
            const ExplorerCommand *command = m_registry->command(row);
            if (command && command->owner == this) {
                m_registry->remove(command->id);
            }
        }
    }
}

CommandRegistry *ExplorerCommands::registry() const
{
    return m_registry ? m_registry.data() : CommandRegistry::instance();
}

void ExplorerCommands::setRegistry(CommandRegistry *registry)
{
    if (m_registry == registry) {
        return;
    }
    m_registry = registry;
    m_registered = false;
    registerAll();
    Q_EMIT registryChanged();
}

Session *ExplorerCommands::current() const
{
    return m_sessions ? m_sessions->current() : nullptr;
}

void ExplorerCommands::setSessions(SessionManager *sessions)
{
    if (m_sessions == sessions) {
        return;
    }
    if (m_sessions) {
        m_sessions->disconnect(this);
    }
    m_sessions = sessions;
    if (sessions) {
        connect(sessions, &SessionManager::currentIndexChanged, this, [this] {
            watchCurrent();
            registry()->refresh();
        });
        connect(sessions, &SessionManager::countChanged, this, [this] { registry()->refresh(); });
    }
    watchCurrent();
    registerAll();
    Q_EMIT sessionsChanged();
}

void ExplorerCommands::watchCurrent()
{
    disconnect(m_selectionWatch);
    if (Session *session = current()) {
        m_selectionWatch = connect(session->inspector(), &MessageInspector::messageChanged, this,
                                   [this] { registry()->refresh(); });
    }
}

void ExplorerCommands::setCurrentView(const QString &view)
{
    if (m_currentView == view) {
        return;
    }
    m_currentView = view;
    registry()->refresh();
    Q_EMIT currentViewChanged();
}

void ExplorerCommands::setViews(const QStringList &views)
{
    if (m_views == views) {
        return;
    }
    m_views = views;
    registerViews();
    Q_EMIT viewsChanged();
}

void ExplorerCommands::setViewTitles(const QStringList &titles)
{
    if (m_viewTitles == titles) {
        return;
    }
    m_viewTitles = titles;
    registerViews();
    Q_EMIT viewsChanged();
}

void ExplorerCommands::registerAll()
{
    if (m_registered) {
        return;
    }
    m_registered = true;
    CommandRegistry *commands = registry();
    const auto hasSession = [this] {
        return current() != nullptr;
    };

    commands->add(
        u"palette.open"_s, tr("Open the command palette"), u"Ctrl+K"_s,
        [this] { Q_EMIT paletteRequested(); }, this);

    commands->add(
        u"traffic.pause"_s, tr("Pause or resume the traffic"), u"Ctrl+P"_s,
        [this] {
            TrafficModel *traffic = current()->traffic();
            traffic->setPaused(!traffic->isPaused());
        },
        this, hasSession);
    commands->add(
        u"traffic.clear"_s, tr("Clear the traffic"), u"Ctrl+L"_s,
        [this] { current()->traffic()->clear(); }, this, hasSession);
    commands->add(
        u"traffic.filter"_s, tr("Focus the filter bar"), u"Ctrl+F"_s,
        [this] {
            Q_EMIT viewRequested(u"traffic"_s);
            Q_EMIT focusFilterRequested();
        },
        this, hasSession);
    commands->add(
        u"traffic.copy"_s, tr("Copy the selected message as JSON"), u"Ctrl+Shift+C"_s,
        [this] { current()->inspector()->copyAsJson(); }, this,
        [this] { return current() && current()->inspector()->hasMessage(); });

    commands->add(
        u"publish.send"_s, tr("Publish the message in the publish view"), u"Ctrl+Return"_s,
        [this] { current()->publisher()->publish(); }, this,
        [this] { return current() && m_currentView == "publish"_L1; });

    commands->add(
        u"connection.next"_s, tr("Next connection tab"), u"Ctrl+PgDown"_s,
        [this] {
            m_sessions->setCurrentIndex((m_sessions->currentIndex() + 1) % m_sessions->count());
        },
        this, [this] { return m_sessions && m_sessions->count() > 1; });
    commands->add(
        u"connection.previous"_s, tr("Previous connection tab"), u"Ctrl+PgUp"_s,
        [this] {
            const int count = m_sessions->count();
            m_sessions->setCurrentIndex((m_sessions->currentIndex() + count - 1) % count);
        },
        this, [this] { return m_sessions && m_sessions->count() > 1; });
    commands->add(
        u"connection.close"_s, tr("Close this connection"), u"Ctrl+W"_s,
        [this] { m_sessions->close(m_sessions->currentIndex()); }, this, hasSession);
    commands->add(
        u"connection.open"_s, tr("Open the connections page"), u"Ctrl+N"_s,
        [this] { Q_EMIT connectionsRequested(); }, this);

    registerViews();
}

void ExplorerCommands::unregisterViews()
{
    for (const QString &id : std::as_const(m_viewIds)) {
        registry()->remove(id);
    }
    m_viewIds.clear();
}

void ExplorerCommands::registerViews()
{
    unregisterViews();
    if (!m_registered) {
        return;
    }
    for (qsizetype i = 0; i < m_views.size(); ++i) {
        const QString view = m_views.at(i);
        const QString title = i < m_viewTitles.size() ? m_viewTitles.at(i) : view;
        const QString id = u"view."_s + view;
        const QString shortcut = i < maximumNumberedViews ? u"Ctrl+%1"_s.arg(i + 1) : QString();
        registry()->add(
            id, tr("Show the %1 view").arg(title), shortcut,
            [this, view] { Q_EMIT viewRequested(view); }, this,
            [this] { return current() != nullptr; });
        m_viewIds.append(id);
    }
}
