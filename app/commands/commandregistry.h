// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

// Registering a command, in one line (the id's first part, before the dot, is its category):
//
//   C++:  CommandRegistry::instance()->add(u"record.start"_s, tr("Start recording"),
//                                          u"Ctrl+R"_s, [this] { start(); }, this);
//   QML:  Component.onCompleted: CommandRegistry.add("record.start", qsTr("Start recording"),
//                                                    "Ctrl+R", () => recorder.start(), root)
//
// The last argument (optional) is the command's owner: the command goes away with it. The
// shortcut is in portable text ("Ctrl+Shift+C"), or empty for a command reached only from the
// palette (Ctrl+K). A shortcut already taken is refused with a warning and the command is
// registered without one. Main.qml turns every registered shortcut into an application-wide
// Shortcut, so nothing else is needed.
//
// A C++ command may also pass available(), a function saying whether it can run now (the
// palette hides it and its shortcut is off otherwise); call refresh() when what it reads
// changes. From QML, setEnabled(id, bool) does the same.
//
// Taken: Ctrl+K palette, Ctrl+1..9 views, Ctrl+P pause/resume, Ctrl+L clear, Ctrl+F filter
// bar, Ctrl+Shift+C copy message as JSON, Ctrl+PgDown / Ctrl+PgUp next/previous connection,
// Ctrl+N connections page, Ctrl+W close connection, Ctrl+Return publish, Ctrl+Shift+L theme.

#include <QtCore/QAbstractListModel>
#include <QtCore/QPointer>
#include <QtGui/QKeySequence>
#include <QtQml/QJSValue>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <vector>

class QQmlEngine;
class QJSEngine;

/*! One action the user can run from the palette or with its shortcut. */
struct ExplorerCommand
{
    QString id; //!< "traffic.pause": category, a dot, the action
    QString title; //!< what it does, for a person: "Pause or resume the traffic"
    QKeySequence shortcut;
    std::function<void()> run;
    std::function<bool()> available; //!< empty: always available
    QPointer<QObject> owner;
    bool hasOwner = false;
    bool enabled = true;
    bool script = false; //!< runs a QML function: dropped with its engine
    bool wasAvailable = true; //!< as last told to the views
};

/*!
    Every action and view of the explorer, with a name, a shortcut and what to run. The
    palette (CommandPaletteModel) filters it; Main.qml makes its shortcuts.

    QML reaches the application's registry as the singleton CommandRegistry.
*/
class CommandRegistry : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)

public:
    enum Role {
        CommandIdRole = Qt::UserRole + 1,
        TitleRole,
        CategoryRole,
        ShortcutRole, //!< portable text, for Shortcut.sequence
        ShortcutTextRole, //!< as the platform writes it, for people
        AvailableRole,
    };
    Q_ENUM(Role)

    // No default argument: Qt 6.4 would make the QML singleton with it instead of create().
    explicit CommandRegistry(QObject *parent);
    ~CommandRegistry() override;

    /*! The application's registry. */
    static CommandRegistry *instance();
    static CommandRegistry *create(QQmlEngine *, QJSEngine *);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_commands.size()); }

    /*!
        Registers (or replaces, for a known id) a command. Returns false when the shortcut
        was taken by another command; the command is then registered without it.
    */
    bool add(const QString &id, const QString &title, const QString &shortcut,
             std::function<void()> run, QObject *owner = nullptr,
             std::function<bool()> available = {});

    /*! The QML form of add(): \a callback is a function; \a owner as above. */
    Q_INVOKABLE bool add(const QString &id, const QString &title, const QString &shortcut,
                         const QJSValue &callback, QObject *owner = nullptr);

    Q_INVOKABLE void remove(const QString &id);

    /*! Runs command \a id if it is known and available; says whether it ran. */
    Q_INVOKABLE bool trigger(const QString &id);

    /*! Turns a command on or off (the palette hides commands that are off). */
    Q_INVOKABLE void setEnabled(const QString &id, bool enabled);

    Q_INVOKABLE int indexOf(const QString &id) const;
    Q_INVOKABLE QString shortcutText(const QString &id) const;
    Q_INVOKABLE bool isAvailable(const QString &id) const;

    /*! Asks every command whether it is available now, and tells the views what changed. */
    Q_INVOKABLE void refresh();

    const ExplorerCommand *command(int row) const;
    static QString categoryOf(const QString &id);

Q_SIGNALS:
    void countChanged();
    void triggered(const QString &id);

    /*! Commands were added, removed or changed availability. */
    void commandsChanged();

private:
    bool isAvailable(const ExplorerCommand &command) const;
    void removeOwned(QObject *owner);

    std::vector<ExplorerCommand> m_commands;
    QPointer<QJSEngine> m_scriptEngine; //!< the engine whose destruction drops script commands
};
