// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QAbstractListModel>
#include <QtCore/QDateTime>
#include <QtCore/QPointer>
#include <QtCore/QSettings>
#include <QtQml/qqmlregistration.h>

/*!
    What was published from the explorer on one connection profile, newest first, with the
    server's answer. Kept in the profile's settings (payloads are the user's own data, never
    secrets), at most MaxEntries of them.
*/
class PublishHistoryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Each connection's publisher owns its history")
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)

public:
    enum Role {
        TimeRole = Qt::UserRole + 1,
        TopicRole,
        PayloadRole,
        ModeRole,
        QosRole,
        RetainRole,
        EchoRole,
        FilterRole,
        FiltersRole,
        ResultRole,
        FailedRole,
        PendingRole,
    };
    Q_ENUM(Role)

    struct Entry
    {
        QDateTime time;
        QString topic;
        QString payload;
        int mode = 0;
        int qos = 1;
        bool retain = false;
        bool echo = true;
        QString filter;
        QString filters;
        QString result;
        bool failed = false;
        bool pending = true;
    };

    static constexpr int MaxEntries = 200;

    explicit PublishHistoryModel(QObject *parent = nullptr);

    /*! Reads and from now on writes the history under \a group of \a settings. */
    void setStorage(QSettings *settings, const QString &group);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_entries.size()); }

    /*! Adds \a entry at the top and returns its id for finish(). */
    quint64 add(const Entry &entry);
    /*! Records the server's answer for the entry \a id. */
    void finish(quint64 id, const QString &result, bool failed);
    Entry entry(int row) const { return m_entries.at(row).entry; }

    Q_INVOKABLE QVariantMap get(int row) const;
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void countChanged();

private:
    struct Item
    {
        quint64 id;
        Entry entry;
    };
    void save();
    void load();

    QList<Item> m_entries;
    quint64 m_nextId = 1;
    QPointer<QSettings> m_settings;
    QString m_group;
};
