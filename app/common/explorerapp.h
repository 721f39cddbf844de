// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "connections/connectionprofile.h"
#include "connections/profilestore.h"
#include "session/sessionmanager.h"
#include "traffic/memorybudget.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QSettings>
#include <QtCore/QStringList>
#include <QtCore/QTimer>
#include <QtQml/qqmlregistration.h>

#include <memory>

class SecretStore;
class QQmlEngine;
class QJSEngine;

/*!
    What `nolag-explorer` was asked to do on its command line.
*/
struct ExplorerOptions
{
    ConnectionProfile connection; //!< used when hasConnection
    bool hasConnection = false;
    qint64 budgetBytes = 0; //!< 0: the saved setting (default 512 MB)
    QString theme; //!< "", "light" or "dark"
    QString view; //!< the view to show first: traffic, subscriptions, browse, publish, presence,
                  //!< connections
    QStringList subscribe; //!< topics to subscribe to once connected
    QStringList recordings; //!< recording files to open at start
    QString recordTo; //!< record the connection's traffic to this file from the start
    QStringList chartTopics; //!< topic patterns the Charts view starts with
    QStringList chartFields; //!< JSON paths the Charts view starts with
    bool noKeychain = false;
    QString screenshotPath; //!< grab the window into this file, then quit
    int screenshotDelayMs = 3000;
    bool screenshotSelect = false; //!< select the newest message before the picture
    QString settingsPath; //!< an INI file instead of the user's settings

    /*! Parses \a arguments; returns false with a message for the user in \a errorString. */
    bool parse(const QStringList &arguments, QString *errorString, bool *helpShown = nullptr);
    static QString helpText();
};

/*!
    The application: settings, the profile store, the shared memory budget, the open
    sessions, and the process's memory use for the status bar. QML reaches it as the
    singleton ExplorerApp.
*/
class ExplorerApp : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(SessionManager *sessions READ sessions CONSTANT FINAL)
    Q_PROPERTY(ProfileStore *profiles READ profiles CONSTANT FINAL)
    Q_PROPERTY(MemoryBudget *budget READ budget CONSTANT FINAL)
    Q_PROPERTY(qint64 processMemoryBytes READ processMemoryBytes NOTIFY memoryChanged FINAL)
    Q_PROPERTY(QString memoryText READ memoryText NOTIFY memoryChanged FINAL)
    Q_PROPERTY(int budgetMegabytes READ budgetMegabytes WRITE setBudgetMegabytes NOTIFY
                   memoryChanged FINAL)
    Q_PROPERTY(QString initialView READ initialView CONSTANT FINAL)
    Q_PROPERTY(QStringList initialChartTopics READ initialChartTopics CONSTANT FINAL)
    Q_PROPERTY(QStringList initialChartFields READ initialChartFields CONSTANT FINAL)
    Q_PROPERTY(bool startsWithRecording READ startsWithRecording CONSTANT FINAL)
    Q_PROPERTY(QString version READ version CONSTANT FINAL)

public:
    explicit ExplorerApp(const ExplorerOptions &options, QObject *parent = nullptr);
    ~ExplorerApp() override;

    static ExplorerApp *instance();
    static ExplorerApp *create(QQmlEngine *, QJSEngine *);

    SessionManager *sessions() const { return m_sessions.get(); }
    ProfileStore *profiles() const { return m_profiles.get(); }
    MemoryBudget *budget() const { return m_budget.get(); }
    QSettings *settings() const { return m_settings.get(); }

    qint64 processMemoryBytes() const { return m_processMemory; }
    QString memoryText() const;
    int budgetMegabytes() const;
    void setBudgetMegabytes(int megabytes);
    QString initialView() const { return m_options.view; }
    QStringList initialChartTopics() const { return m_options.chartTopics; }
    QStringList initialChartFields() const { return m_options.chartFields; }
    bool startsWithRecording() const { return !m_options.recordings.isEmpty(); }
    QString version() const;

    /*! Opens the connection given on the command line, if any. */
    void start();

    /*! Opens a tab for saved profile \a id (its secrets are read from the keychain first). */
    Q_INVOKABLE void connectProfile(const QString &id);

    /*! Resident memory of this process from /proc/self/statm; 0 where that does not exist. */
    static qint64 residentBytes();

Q_SIGNALS:
    void memoryChanged();

private:
    void updateMemory();

    ExplorerOptions m_options;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MemoryBudget> m_budget;
    std::unique_ptr<SessionManager> m_sessions;
    QTimer m_memoryTimer;
    qint64 m_processMemory = 0;
};
