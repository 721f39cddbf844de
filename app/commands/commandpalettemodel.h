// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "commands/commandregistry.h"

#include <QtCore/QAbstractListModel>
#include <QtCore/QPointer>
#include <QtQml/qqmlregistration.h>

/*!
    The command palette's list: the available commands of a registry that match what was
    typed, best match first, with a current row moved by the arrow keys.

    Matching is fuzzy: the typed letters must appear in order in "Category title" (case
    ignored). Letters at the start of words and runs of adjacent letters score higher, skipped
    letters cost a little, and a match at the very start or a whole-word prefix wins. Ties go
    to the shorter title, then to the order of registration.
*/
class CommandPaletteModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        CommandRegistry *registry READ registry WRITE setRegistry NOTIFY registryChanged FINAL)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged FINAL)
    Q_PROPERTY(
        int currentIndex READ currentIndex WRITE setCurrentIndex NOTIFY currentIndexChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)

public:
    enum Role {
        CommandIdRole = Qt::UserRole + 1,
        TitleRole,
        TitleMarkupRole, //!< the title with matched letters in bold, as styled text
        CategoryRole,
        ShortcutTextRole,
        ScoreRole,
        CurrentRole,
    };
    Q_ENUM(Role)

    explicit CommandPaletteModel(QObject *parent = nullptr);

    CommandRegistry *registry() const { return m_registry; }
    void setRegistry(CommandRegistry *registry);
    QString query() const { return m_query; }
    void setQuery(const QString &query);
    int currentIndex() const { return m_current; }
    void setCurrentIndex(int index);
    int count() const { return int(m_rows.size()); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /*! Moves the current row by \a delta, wrapping around at either end. */
    Q_INVOKABLE void moveCurrent(int delta);
    /*! Runs the current command; false when there is none or it could not run. */
    Q_INVOKABLE bool triggerCurrent();
    Q_INVOKABLE bool trigger(int row);
    Q_INVOKABLE QString commandIdAt(int row) const;

    /*!
        How well \a query matches \a text: -1 when its letters do not all appear in order,
        else a score where higher is better. \a positions receives the matched indexes.
    */
    static int score(QStringView query, QStringView text, QList<int> *positions = nullptr);

Q_SIGNALS:
    void registryChanged();
    void queryChanged();
    void currentIndexChanged();
    void countChanged();

private:
    struct Row
    {
        int registryRow = 0;
        int score = 0;
        QList<int> positions; //!< matched indexes in the title
    };
    void rebuild();

    QPointer<CommandRegistry> m_registry;
    QString m_query;
    QList<Row> m_rows;
    int m_current = -1;
};
