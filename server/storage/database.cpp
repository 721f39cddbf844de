// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "database.h"

#include <QtCore/QAtomicInteger>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

using namespace Qt::StringLiterals;

namespace NoLag::Server {

namespace {

QAtomicInteger<int> connectionCounter;

bool exec(QSqlQuery &query, const QString &statement, QString *errorString)
{
    if (query.exec(statement)) {
        return true;
    }
    if (errorString) {
        *errorString = u"SQLite statement failed (%1): %2"_s.arg(statement,
                                                                 query.lastError().text());
    }
    return false;
}

} // namespace

Database::Database()
    : m_connectionName(u"nolag-%1"_s.arg(connectionCounter.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    close();
}

bool Database::open(const QString &path, QString *errorString)
{
    close();
    m_path = path;

    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        if (errorString) {
            *errorString = u"cannot open the database '%1': %2"_s.arg(path, db.lastError().text());
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        return false;
    }

    QSqlQuery query(db);
    const QStringList pragmas{u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s,
                              u"PRAGMA foreign_keys=ON"_s, u"PRAGMA temp_store=MEMORY"_s};
    for (const QString &pragma : pragmas) {
        if (!exec(query, pragma, errorString)) {
            return false;
        }
    }
    return exec(query,
                u"CREATE TABLE IF NOT EXISTS schema_versions ("
                "part TEXT PRIMARY KEY, version INTEGER NOT NULL)"_s,
                errorString);
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_connectionName)) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && connection().isOpen();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::migrate(const QString &part, const QList<QStringList> &steps, QString *errorString)
{
    QSqlDatabase db = connection();
    QSqlQuery query(db);

    query.prepare(u"SELECT version FROM schema_versions WHERE part = ?"_s);
    query.addBindValue(part);
    if (!query.exec()) {
        if (errorString) {
            *errorString = u"cannot read the schema version of %1: %2"_s.arg(
                    part, query.lastError().text());
        }
        return false;
    }
    int version = query.next() ? query.value(0).toInt() : 0;
    query.finish();

    if (version > steps.size()) {
        if (errorString) {
            *errorString = u"the database was written by a newer nolag-local (%1 schema version "
                           "%2, this build knows %3)"_s.arg(part).arg(version).arg(steps.size());
        }
        return false;
    }

    for (; version < steps.size(); ++version) {
        if (!db.transaction()) {
            if (errorString) {
                *errorString = u"cannot start a transaction: %1"_s.arg(db.lastError().text());
            }
            return false;
        }
        for (const QString &statement : steps.at(version)) {
            if (!exec(query, statement, errorString)) {
                db.rollback();
                if (errorString) {
                    errorString->prepend(u"migrating %1 to version %2: "_s.arg(part).arg(version + 1));
                }
                return false;
            }
        }
        query.prepare(u"INSERT OR REPLACE INTO schema_versions (part, version) VALUES (?, ?)"_s);
        query.addBindValue(part);
        query.addBindValue(version + 1);
        if (!query.exec() || !db.commit()) {
            db.rollback();
            if (errorString) {
                *errorString = u"cannot record the schema version of %1: %2"_s.arg(
                        part, query.lastError().text());
            }
            return false;
        }
    }
    return true;
}

} // namespace NoLag::Server
