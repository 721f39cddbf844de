// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <functional>

namespace NoLag::Server {

/*!
    A subscription saved for an actor token (wire-protocol §3.5), with its acknowledgement
    state: every matching logged message up to ackFloor is acknowledged or irrelevant, and
    ackedAbove lists the acknowledged sequence numbers above it (acks arrive out of order).
    Load-balanced subscriptions keep no floor: their messages are tracked one by one.
*/
struct SavedSubscriptionRecord
{
    qint64 id = 0; // assigned by the store
    QString actorTokenId;
    QString topic; // the display topic the client subscribed to
    QString route; // the internal route it resolved to, for messages published while offline
    int qos = 1;
    bool loadBalance = false;
    QString groupKey; // scoped group name ({projectId}_{appId}_{group}); empty if not
    QStringList filters; // normalised values; empty = unfiltered
    qint64 ackFloor = 0;
    QList<qint64> ackedAbove;
};

/*! A retained message: the last `retain: true` publish on one route and filter value. */
struct RetainedRecord
{
    QString route;
    QString filter; // "" = unfiltered
    QByteArray data; // canonical MessagePack
    QByteArray msgId;
    quint64 publisherConnection = 0;
    bool echo = true;
    qint64 expiresAtMs = 0;
};

/*! One logged publish that saved subscriptions may still have to receive. */
struct LoggedMessage
{
    qint64 seq = 0;
    QByteArray msgId;
    QString route;
    QString filter; // "" = unfiltered
    QByteArray data; // canonical MessagePack
    QString publisherActor;
    bool echo = true;
    quint64 publisherConnection = 0;
    int qos = 1;
    qint64 createdAtMs = 0;
};

/*!
    Where the broker keeps what must survive a restart: saved subscriptions, retained
    messages, the log of messages published at QoS 1-2 for saved subscriptions, and the
    messages handed to load-balanced members and not yet acknowledged.

    Writes may be batched; flush() makes everything written so far durable. Reads see every
    earlier write. The SQLite implementation lives in server/storage.
*/
class BrokerPersistence
{
public:
    virtual ~BrokerPersistence() = default;

    virtual QList<SavedSubscriptionRecord> loadSubscriptions() = 0;
    /*! Inserts or replaces the record of (actorTokenId, topic); returns its id. */
    virtual qint64 saveSubscription(const SavedSubscriptionRecord &record) = 0;
    virtual void removeSubscription(qint64 id) = 0;
    virtual void saveAckState(qint64 id, qint64 ackFloor, const QList<qint64> &ackedAbove) = 0;

    virtual QList<RetainedRecord> loadRetained() = 0;
    virtual void saveRetained(const RetainedRecord &record) = 0;
    virtual void removeRetained(const QString &route, const QString &filter) = 0;

    /*! The highest sequence number ever logged (0 for a new store). */
    virtual qint64 lastSequence() = 0;
    virtual void appendMessage(const LoggedMessage &message) = 0;
    /*!
        Logged messages on \a route with a sequence number above \a afterSeq, newest first,
        that \a accept admits, at most \a limit of them.
    */
    virtual QList<LoggedMessage>
    messagesAfter(const QString &route, qint64 afterSeq, int limit,
                  const std::function<bool(const LoggedMessage &)> &accept) = 0;

    /*! Records that \a seq went to a member of \a groupKey owned by \a actorTokenId. */
    virtual void addPending(const QString &groupKey, qint64 seq, const QString &actorTokenId) = 0;
    virtual void removePending(const QString &groupKey, qint64 seq) = 0;
    /*!
        The messages on \a route of \a groupKey that \a actorTokenId holds or that nobody
        holds (the group had no member online) and that \a accept admits, oldest first, at most
        \a limit; they become \a actorTokenId's.
    */
    virtual QList<LoggedMessage>
    claimPending(const QString &groupKey, const QString &route, const QString &actorTokenId,
                 int limit, const std::function<bool(const LoggedMessage &)> &accept) = 0;

    /*!
        Forgets logged messages at or below \a floor that no load-balanced member holds, those
        older than \a olderThanMs (with what members held of them), and the oldest beyond
        \a maxCount; and retained messages that expired before \a nowMs.
    */
    virtual void prune(qint64 floor, qint64 olderThanMs, int maxCount, qint64 nowMs) = 0;

    /*! Makes every write so far durable. */
    virtual void flush() = 0;
};

} // namespace NoLag::Server
