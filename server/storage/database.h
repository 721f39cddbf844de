// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtSql/QSqlDatabase>

namespace NoLag::Server {

/*!
    The SQLite file that holds everything nolag-local persists: broker state (retained
    messages, saved subscriptions, messages awaiting acknowledgement) and the control plane
    (projects, API keys, apps, rooms, actors).

    Opens in WAL mode with synchronous=NORMAL: a committed transaction survives the process
    being killed. Each part of the server owns its tables and migrates them with
    migrate(), which records a schema version per part in the table schema_versions.
*/
class Database
{
public:
    Database();
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /*! Opens (creating if needed) \a path; ":memory:" gives a private in-memory database. */
    bool open(const QString &path, QString *errorString);
    void close();
    bool isOpen() const;

    QString path() const { return m_path; }
    QString connectionName() const { return m_connectionName; }
    QSqlDatabase connection() const;

    /*!
        Brings \a part's tables to \a steps.size(): step i (0-based) holds the statements that
        take version i to i + 1. Steps already applied are skipped; each step runs in one
        transaction. Returns false with a message naming the part and statement on failure.
    */
    bool migrate(const QString &part, const QList<QStringList> &steps, QString *errorString);

private:
    QString m_path;
    QString m_connectionName;
};

} // namespace NoLag::Server
