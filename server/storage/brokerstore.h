// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "core/persistence.h"

#include <QtCore/QObject>
#include <QtCore/QTimer>
#include <QtSql/QSqlQuery>

#include <memory>

namespace NoLag::Server {

class Database;

/*!
    The broker's persistence in the shared SQLite file (tables broker_*): saved
    subscriptions with their acknowledgement floors, retained messages, the message log and
    the messages held by load-balanced members.

    Writes are batched: the first write of an event-loop turn opens a transaction and a
    zero-timer commits it (or flush(), or a large batch). With WAL and synchronous=NORMAL a
    committed batch survives kill -9; a kill can lose only the batch of the current turn.
*/
class BrokerStore final
    : public QObject
    , public BrokerPersistence
{
    Q_OBJECT

public:
    explicit BrokerStore(Database *database, QObject *parent = nullptr);
    ~BrokerStore() override;

    /*! Creates or migrates the broker tables and prepares the statements. */
    bool open(QString *errorString);

    QList<SavedSubscriptionRecord> loadSubscriptions() override;
    qint64 saveSubscription(const SavedSubscriptionRecord &record) override;
    void removeSubscription(qint64 id) override;
    void saveAckState(qint64 id, qint64 ackFloor, const QList<qint64> &ackedAbove) override;

    QList<RetainedRecord> loadRetained() override;
    void saveRetained(const RetainedRecord &record) override;
    void removeRetained(const QString &route, const QString &filter) override;

    qint64 lastSequence() override;
    void appendMessage(const LoggedMessage &message) override;
    QList<LoggedMessage>
    messagesAfter(const QString &route, qint64 afterSeq, int limit,
                  const std::function<bool(const LoggedMessage &)> &accept) override;

    void addPending(const QString &groupKey, qint64 seq, const QString &actorTokenId) override;
    void removePending(const QString &groupKey, qint64 seq) override;
    QList<LoggedMessage>
    claimPending(const QString &groupKey, const QString &route, const QString &actorTokenId,
                 int limit, const std::function<bool(const LoggedMessage &)> &accept) override;

    void prune(qint64 floor, qint64 olderThanMs, int maxCount, qint64 nowMs) override;
    void flush() override;

    /*! Rows in the message log; for tests and diagnostics. */
    qint64 loggedMessageCount();

private:
    QSqlQuery prepare(const QString &statement);
    bool run(QSqlQuery &query, const char *what);
    void beginWrite();

    Database *m_database;
    bool m_inTransaction = false;
    int m_batchSize = 0;
    QTimer m_commitTimer;

    // Prepared once: these run for every message.
    std::unique_ptr<QSqlQuery> m_appendMessage;
    std::unique_ptr<QSqlQuery> m_addPending;
    std::unique_ptr<QSqlQuery> m_removePending;
    std::unique_ptr<QSqlQuery> m_saveAckState;
    std::unique_ptr<QSqlQuery> m_saveRetained;
};

} // namespace NoLag::Server
