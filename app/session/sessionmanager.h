// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "connections/connectionprofile.h"
#include "session/session.h"

#include <QtCore/QAbstractListModel>
#include <QtCore/QPointer>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

class MemoryBudget;
class QSettings;

/*!
    The open connections, one tab each, in the order they were opened. Every session charges
    its traffic store to the shared MemoryBudget.
*/
class SessionManager : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application owns the session manager")
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)
    Q_PROPERTY(
        int currentIndex READ currentIndex WRITE setCurrentIndex NOTIFY currentIndexChanged FINAL)
    Q_PROPERTY(Session *current READ current NOTIFY currentIndexChanged FINAL)

public:
    enum Role {
        SessionRole = Qt::UserRole + 1,
        NameRole,
        StateRole,
        StatusTextRole,
    };
    Q_ENUM(Role)

    SessionManager(MemoryBudget *budget, QSettings *settings, QObject *parent = nullptr);
    ~SessionManager() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_sessions.size()); }
    int currentIndex() const { return m_current; }
    void setCurrentIndex(int index);
    Session *current() const;
    Q_INVOKABLE Session *at(int index) const;

    /*! Opens a tab for \a profile (which carries its secrets) and connects it. */
    Session *open(const ConnectionProfile &profile);
    Q_INVOKABLE void close(int index);

Q_SIGNALS:
    void countChanged();
    void currentIndexChanged();

private:
    QPointer<MemoryBudget> m_budget;
    QPointer<QSettings> m_settings;
    std::vector<std::unique_ptr<Session>> m_sessions;
    int m_current = -1;
};
