// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "brokerstore.h"

#include "core/serverlogging_p.h"
#include "database.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtSql/QSqlError>

using namespace Qt::StringLiterals;

namespace NoLag::Server {

namespace {

// A batch this large is committed at once instead of waiting for the end of the turn.
constexpr int MaxBatchSize = 2000;

const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps{{
        u"CREATE TABLE broker_subscriptions ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " actor_token_id TEXT NOT NULL,"
        " topic TEXT NOT NULL,"
        " route TEXT NOT NULL,"
        " qos INTEGER NOT NULL,"
        " load_balance INTEGER NOT NULL,"
        " group_key TEXT NOT NULL,"
        " filters TEXT NOT NULL," // JSON array of normalised filter values
        " ack_floor INTEGER NOT NULL,"
        " acked_above TEXT NOT NULL," // comma-separated sequence numbers
        " UNIQUE (actor_token_id, topic))"_s,
        u"CREATE TABLE broker_retained ("
        " route TEXT NOT NULL,"
        " filter TEXT NOT NULL,"
        " data BLOB NOT NULL,"
        " msg_id TEXT NOT NULL,"
        " publisher_connection INTEGER NOT NULL,"
        " echo INTEGER NOT NULL,"
        " expires_at INTEGER NOT NULL,"
        " PRIMARY KEY (route, filter))"_s,
        u"CREATE TABLE broker_message_log ("
        " seq INTEGER PRIMARY KEY,"
        " msg_id TEXT NOT NULL,"
        " route TEXT NOT NULL,"
        " filter TEXT NOT NULL,"
        " data BLOB NOT NULL,"
        " publisher_actor TEXT NOT NULL,"
        " echo INTEGER NOT NULL,"
        " publisher_connection INTEGER NOT NULL,"
        " qos INTEGER NOT NULL,"
        " created_at INTEGER NOT NULL)"_s,
        u"CREATE INDEX broker_message_log_by_route ON broker_message_log (route, seq)"_s,
        u"CREATE TABLE broker_group_pending ("
        " group_key TEXT NOT NULL,"
        " seq INTEGER NOT NULL,"
        " actor_token_id TEXT NOT NULL," // '' = no member was online
        " PRIMARY KEY (group_key, seq))"_s,
        u"CREATE INDEX broker_group_pending_by_seq ON broker_group_pending (seq)"_s,
        // The highest sequence number handed out before the log was last pruned, so that
        // numbers are never reused even when pruning empties the log.
        u"CREATE TABLE broker_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"_s,
    }};
    return steps;
}

QString joinSequences(const QList<qint64> &values)
{
    QStringList parts;
    parts.reserve(values.size());
    for (const qint64 value : values) {
        parts.append(QString::number(value));
    }
    return parts.join(u',');
}

QList<qint64> splitSequences(const QString &text)
{
    QList<qint64> values;
    const auto parts = QStringView(text).split(u',', Qt::SkipEmptyParts);
    for (const QStringView part : parts) {
        bool ok = false;
        const qint64 value = part.toLongLong(&ok);
        if (ok) {
            values.append(value);
        }
    }
    return values;
}

QString filtersToJson(const QStringList &filters)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(filters)).toJson(QJsonDocument::Compact));
}

QStringList filtersFromJson(const QString &json)
{
    QStringList filters;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array) {
        filters.append(value.toString());
    }
    return filters;
}

// A null QString binds as SQL NULL; the columns hold '' for "none".
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

// Columns: seq, msg_id, route, filter, data, publisher_actor, echo, publisher_connection,
// qos, created_at
LoggedMessage messageFrom(const QSqlQuery &query)
{
    LoggedMessage message;
    message.seq = query.value(0).toLongLong();
    message.msgId = query.value(1).toString().toLatin1();
    message.route = query.value(2).toString();
    message.filter = query.value(3).toString();
    message.data = query.value(4).toByteArray();
    message.publisherActor = query.value(5).toString();
    message.echo = query.value(6).toBool();
    message.publisherConnection = query.value(7).toULongLong();
    message.qos = query.value(8).toInt();
    message.createdAtMs = query.value(9).toLongLong();
    return message;
}

} // namespace

BrokerStore::BrokerStore(Database *database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    m_commitTimer.setSingleShot(true);
    m_commitTimer.setInterval(0);
    connect(&m_commitTimer, &QTimer::timeout, this, &BrokerStore::flush);
}

BrokerStore::~BrokerStore()
{
    flush();
}

bool BrokerStore::open(QString *errorString)
{
    if (!m_database->migrate(u"broker"_s, migrations(), errorString)) {
        return false;
    }
    m_appendMessage = std::make_unique<QSqlQuery>(
        prepare(u"INSERT INTO broker_message_log (seq, msg_id, route, filter, data, "
                "publisher_actor, echo, publisher_connection, qos, created_at) "
                "VALUES (:seq, :msg_id, :route, :filter, :data, :publisher_actor, :echo, "
                ":publisher_connection, :qos, :created_at)"_s));
    m_addPending = std::make_unique<QSqlQuery>(
        prepare(u"INSERT OR REPLACE INTO broker_group_pending (group_key, seq, "
                "actor_token_id) VALUES (?, ?, ?)"_s));
    m_removePending = std::make_unique<QSqlQuery>(
        prepare(u"DELETE FROM broker_group_pending WHERE group_key = ? AND seq = ?"_s));
    m_saveAckState = std::make_unique<QSqlQuery>(
        prepare(u"UPDATE broker_subscriptions SET ack_floor = ?, acked_above = ? "
                "WHERE id = ?"_s));
    m_saveRetained = std::make_unique<QSqlQuery>(
        prepare(u"INSERT OR REPLACE INTO broker_retained (route, filter, data, msg_id, "
                "publisher_connection, echo, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s));
    return true;
}

QSqlQuery BrokerStore::prepare(const QString &statement)
{
    QSqlQuery query(m_database->connection());
    if (!query.prepare(statement)) {
        qCWarning(lcStore, "Could not prepare an SQLite statement: %s",
                  qPrintable(query.lastError().text()));
    }
    return query;
}

bool BrokerStore::run(QSqlQuery &query, const char *what)
{
    if (query.exec()) {
        return true;
    }
    qCWarning(lcStore, "Could not %s in the database: %s", what,
              qPrintable(query.lastError().text()));
    return false;
}

void BrokerStore::beginWrite()
{
    if (!m_inTransaction) {
        m_inTransaction = m_database->connection().transaction();
        if (!m_inTransaction) {
            qCWarning(lcStore, "Could not start a database transaction: %s",
                      qPrintable(m_database->connection().lastError().text()));
            return;
        }
        m_commitTimer.start();
    }
    if (++m_batchSize >= MaxBatchSize) {
        flush();
    }
}

void BrokerStore::flush()
{
    m_commitTimer.stop();
    if (!m_inTransaction) {
        return;
    }
    m_inTransaction = false;
    m_batchSize = 0;
    QSqlDatabase db = m_database->connection();
    if (!db.commit()) {
        qCWarning(lcStore, "Could not commit to the database: %s",
                  qPrintable(db.lastError().text()));
        db.rollback();
    }
}

QList<SavedSubscriptionRecord> BrokerStore::loadSubscriptions()
{
    QList<SavedSubscriptionRecord> records;
    QSqlQuery query =
        prepare(u"SELECT id, actor_token_id, topic, route, qos, load_balance, group_key, filters, "
                "ack_floor, acked_above FROM broker_subscriptions ORDER BY id"_s);
    if (!run(query, "read saved subscriptions")) {
        return records;
    }
    while (query.next()) {
        SavedSubscriptionRecord record;
        record.id = query.value(0).toLongLong();
        record.actorTokenId = query.value(1).toString();
        record.topic = query.value(2).toString();
        record.route = query.value(3).toString();
        record.qos = query.value(4).toInt();
        record.loadBalance = query.value(5).toBool();
        record.groupKey = query.value(6).toString();
        record.filters = filtersFromJson(query.value(7).toString());
        record.ackFloor = query.value(8).toLongLong();
        record.ackedAbove = splitSequences(query.value(9).toString());
        records.append(record);
    }
    return records;
}

qint64 BrokerStore::saveSubscription(const SavedSubscriptionRecord &record)
{
    beginWrite();
    QSqlQuery query =
        prepare(u"INSERT INTO broker_subscriptions (actor_token_id, topic, route, qos, "
                "load_balance, group_key, filters, ack_floor, acked_above) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (actor_token_id, topic) DO UPDATE SET route = excluded.route, "
                "qos = excluded.qos, load_balance = excluded.load_balance, "
                "group_key = excluded.group_key, filters = excluded.filters, "
                "ack_floor = excluded.ack_floor, acked_above = excluded.acked_above "
                "RETURNING id"_s);
    query.addBindValue(text(record.actorTokenId));
    query.addBindValue(text(record.topic));
    query.addBindValue(text(record.route));
    query.addBindValue(record.qos);
    query.addBindValue(record.loadBalance);
    query.addBindValue(text(record.groupKey));
    query.addBindValue(filtersToJson(record.filters));
    query.addBindValue(record.ackFloor);
    query.addBindValue(text(joinSequences(record.ackedAbove)));
    if (!run(query, "save a subscription") || !query.next()) {
        return record.id;
    }
    return query.value(0).toLongLong();
}

void BrokerStore::removeSubscription(qint64 id)
{
    beginWrite();
    QSqlQuery query = prepare(u"DELETE FROM broker_subscriptions WHERE id = ?"_s);
    query.addBindValue(id);
    run(query, "remove a saved subscription");
}

void BrokerStore::saveAckState(qint64 id, qint64 ackFloor, const QList<qint64> &ackedAbove)
{
    beginWrite();
    m_saveAckState->bindValue(0, ackFloor);
    m_saveAckState->bindValue(1, text(joinSequences(ackedAbove)));
    m_saveAckState->bindValue(2, id);
    run(*m_saveAckState, "save acknowledgements");
}

QList<RetainedRecord> BrokerStore::loadRetained()
{
    QList<RetainedRecord> records;
    QSqlQuery query = prepare(u"SELECT route, filter, data, msg_id, publisher_connection, echo, "
                              "expires_at FROM broker_retained"_s);
    if (!run(query, "read retained messages")) {
        return records;
    }
    while (query.next()) {
        RetainedRecord record;
        record.route = query.value(0).toString();
        record.filter = query.value(1).toString();
        record.data = query.value(2).toByteArray();
        record.msgId = query.value(3).toString().toLatin1();
        record.publisherConnection = query.value(4).toULongLong();
        record.echo = query.value(5).toBool();
        record.expiresAtMs = query.value(6).toLongLong();
        records.append(record);
    }
    return records;
}

void BrokerStore::saveRetained(const RetainedRecord &record)
{
    beginWrite();
    m_saveRetained->bindValue(0, text(record.route));
    m_saveRetained->bindValue(1, text(record.filter));
    m_saveRetained->bindValue(2, record.data);
    m_saveRetained->bindValue(3, text(QString::fromLatin1(record.msgId)));
    m_saveRetained->bindValue(4, qint64(record.publisherConnection));
    m_saveRetained->bindValue(5, record.echo);
    m_saveRetained->bindValue(6, record.expiresAtMs);
    run(*m_saveRetained, "save a retained message");
}

void BrokerStore::removeRetained(const QString &route, const QString &filter)
{
    beginWrite();
    QSqlQuery query = prepare(u"DELETE FROM broker_retained WHERE route = ? AND filter = ?"_s);
    query.addBindValue(text(route));
    query.addBindValue(text(filter));
    run(query, "remove a retained message");
}

qint64 BrokerStore::lastSequence()
{
    QSqlQuery query =
        prepare(u"SELECT MAX(COALESCE((SELECT MAX(seq) FROM broker_message_log), 0), "
                "COALESCE((SELECT value FROM broker_state WHERE key = 'head'), 0))"_s);
    if (!run(query, "read the message log") || !query.next()) {
        return 0;
    }
    return query.value(0).toLongLong();
}

void BrokerStore::appendMessage(const LoggedMessage &message)
{
    beginWrite();
    // Named placeholders: Qt 6.4 turns every positional index into a ":N" string to look
    // it up, which cost as much as the insert itself; this runs for every QoS 1 publish.
    static const QString seq = u":seq"_s;
    static const QString msgId = u":msg_id"_s;
    static const QString route = u":route"_s;
    static const QString filter = u":filter"_s;
    static const QString data = u":data"_s;
    static const QString publisherActor = u":publisher_actor"_s;
    static const QString echo = u":echo"_s;
    static const QString publisherConnection = u":publisher_connection"_s;
    static const QString qos = u":qos"_s;
    static const QString createdAt = u":created_at"_s;
    QSqlQuery &query = *m_appendMessage;
    query.bindValue(seq, message.seq);
    query.bindValue(msgId, text(QString::fromLatin1(message.msgId)));
    query.bindValue(route, text(message.route));
    query.bindValue(filter, text(message.filter));
    query.bindValue(data, message.data);
    query.bindValue(publisherActor, text(message.publisherActor));
    query.bindValue(echo, message.echo);
    query.bindValue(publisherConnection, qint64(message.publisherConnection));
    query.bindValue(qos, message.qos);
    query.bindValue(createdAt, message.createdAtMs);
    run(query, "log a message");
}

QList<LoggedMessage>
BrokerStore::messagesAfter(const QString &route, qint64 afterSeq, int limit,
                           const std::function<bool(const LoggedMessage &)> &accept)
{
    QList<LoggedMessage> messages;
    QSqlQuery query = prepare(u"SELECT seq, msg_id, route, filter, data, publisher_actor, echo, "
                              "publisher_connection, qos, created_at FROM broker_message_log "
                              "WHERE route = ? AND seq > ? ORDER BY seq DESC"_s);
    query.setForwardOnly(true);
    query.addBindValue(text(route));
    query.addBindValue(afterSeq);
    if (!run(query, "read logged messages")) {
        return messages;
    }
    while (messages.size() < limit && query.next()) {
        LoggedMessage message = messageFrom(query);
        if (accept(message)) {
            messages.append(std::move(message));
        }
    }
    return messages;
}

void BrokerStore::addPending(const QString &groupKey, qint64 seq, const QString &actorTokenId)
{
    beginWrite();
    m_addPending->bindValue(0, text(groupKey));
    m_addPending->bindValue(1, seq);
    m_addPending->bindValue(2, text(actorTokenId));
    run(*m_addPending, "record a load-balanced delivery");
}

void BrokerStore::removePending(const QString &groupKey, qint64 seq)
{
    beginWrite();
    m_removePending->bindValue(0, text(groupKey));
    m_removePending->bindValue(1, seq);
    run(*m_removePending, "forget an acknowledged load-balanced delivery");
}

QList<LoggedMessage>
BrokerStore::claimPending(const QString &groupKey, const QString &route,
                          const QString &actorTokenId, int limit,
                          const std::function<bool(const LoggedMessage &)> &accept)
{
    QList<LoggedMessage> messages;
    QSqlQuery query =
        prepare(u"SELECT l.seq, l.msg_id, l.route, l.filter, l.data, l.publisher_actor, l.echo, "
                "l.publisher_connection, l.qos, l.created_at FROM broker_group_pending p "
                "JOIN broker_message_log l ON l.seq = p.seq "
                "WHERE p.group_key = ? AND l.route = ? AND (p.actor_token_id = ? "
                "OR p.actor_token_id = '') ORDER BY p.seq"_s);
    query.setForwardOnly(true);
    query.addBindValue(text(groupKey));
    query.addBindValue(text(route));
    query.addBindValue(text(actorTokenId));
    if (!run(query, "read load-balanced deliveries")) {
        return messages;
    }
    while (messages.size() < limit && query.next()) {
        LoggedMessage message = messageFrom(query);
        if (accept(message)) {
            messages.append(std::move(message));
        }
    }
    query.finish();

    for (const LoggedMessage &message : std::as_const(messages)) {
        addPending(groupKey, message.seq, actorTokenId);
    }
    return messages;
}

void BrokerStore::prune(qint64 floor, qint64 olderThanMs, int maxCount, qint64 nowMs)
{
    beginWrite();
    const auto exec = [this](const QString &statement, const QVariantList &values,
                             const char *what) {
        QSqlQuery query = prepare(statement);
        for (const QVariant &value : values) {
            query.addBindValue(value);
        }
        run(query, what);
    };

    exec(u"INSERT OR REPLACE INTO broker_state (key, value) VALUES ('head', "
         "MAX(COALESCE((SELECT MAX(seq) FROM broker_message_log), 0), "
         "COALESCE((SELECT value FROM broker_state WHERE key = 'head'), 0)))"_s,
         {}, "remember the message log head");
    exec(u"DELETE FROM broker_message_log WHERE created_at < ?"_s, {olderThanMs},
         "forget old logged messages");
    exec(u"DELETE FROM broker_message_log WHERE seq <= (SELECT seq FROM broker_message_log "
         "ORDER BY seq DESC LIMIT 1 OFFSET ?)"_s,
         {maxCount}, "cap the message log");
    exec(u"DELETE FROM broker_message_log WHERE seq <= ? AND seq NOT IN "
         "(SELECT seq FROM broker_group_pending)"_s,
         {floor}, "forget acknowledged messages");
    exec(u"DELETE FROM broker_group_pending WHERE seq NOT IN "
         "(SELECT seq FROM broker_message_log)"_s,
         {}, "forget load-balanced deliveries of forgotten messages");
    exec(u"DELETE FROM broker_retained WHERE expires_at <= ?"_s, {nowMs},
         "forget expired retained messages");
    flush();
}

qint64 BrokerStore::loggedMessageCount()
{
    QSqlQuery query = prepare(u"SELECT COUNT(*) FROM broker_message_log"_s);
    if (!run(query, "count logged messages") || !query.next()) {
        return -1;
    }
    return query.value(0).toLongLong();
}

} // namespace NoLag::Server
