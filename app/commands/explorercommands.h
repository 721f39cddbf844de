// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "commands/commandregistry.h"
#include "session/sessionmanager.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QStringList>
#include <QtQml/qqmlregistration.h>

/*!
    The explorer's own commands, registered in a CommandRegistry: the traffic of the current
    connection (pause or resume, clear, copy the selected message as JSON, focus the filter
    bar), the connection tabs (next, previous, close, the connections page), publishing, the
    palette itself, and one "Show <view>" command per view with Ctrl+1..9.

    What only the window can do (switch a view, move the focus, open the palette) is asked
    for with a signal; Main.qml connects them. The window tells it the current view, so that
    "Publish" (Ctrl+Return) only works in the publish view.
*/
class ExplorerCommands : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        SessionManager *sessions READ sessions WRITE setSessions NOTIFY sessionsChanged FINAL)
    Q_PROPERTY(
        CommandRegistry *registry READ registry WRITE setRegistry NOTIFY registryChanged FINAL)
    Q_PROPERTY(
        QString currentView READ currentView WRITE setCurrentView NOTIFY currentViewChanged FINAL)
    Q_PROPERTY(QStringList views READ views WRITE setViews NOTIFY viewsChanged FINAL)
    Q_PROPERTY(QStringList viewTitles READ viewTitles WRITE setViewTitles NOTIFY viewsChanged FINAL)

public:
    explicit ExplorerCommands(QObject *parent = nullptr);
    ~ExplorerCommands() override;

    SessionManager *sessions() const { return m_sessions; }
    void setSessions(SessionManager *sessions);
    CommandRegistry *registry() const;
    void setRegistry(CommandRegistry *registry);
    QString currentView() const { return m_currentView; }
    void setCurrentView(const QString &view);

    /*! The view names ("traffic", ...) in tab order; each gets "Show <title>" and Ctrl+n. */
    QStringList views() const { return m_views; }
    void setViews(const QStringList &views);
    QStringList viewTitles() const { return m_viewTitles; }
    void setViewTitles(const QStringList &titles);

Q_SIGNALS:
    void sessionsChanged();
    void registryChanged();
    void currentViewChanged();
    void viewsChanged();

    void viewRequested(const QString &view);
    void focusFilterRequested();
    void connectionsRequested();
    void paletteRequested();

private:
    Session *current() const;
    void registerAll();
    void registerViews();
    void unregisterViews();
    void watchCurrent();

    QPointer<SessionManager> m_sessions;
    QPointer<CommandRegistry> m_registry;
    QString m_currentView;
    QStringList m_views;
    QStringList m_viewTitles;
    QStringList m_viewIds;
    bool m_registered = false;
    QMetaObject::Connection m_selectionWatch; //!< the current tab's inspector: copy's availability
};
