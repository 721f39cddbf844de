// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagtypes.h>

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QExplicitlySharedDataPointer>
#include <QtCore/QString>
#include <QtCore/QVariant>

class NoLagMessageData;

/*!
    What the server said about a message besides its data: `MessageMeta` of the Python SDK.

    Read from the frame on demand, so looking at one field costs nothing for the others.
    The server never sends a sender or a timestamp today (wire protocol §10); they stay empty
    unless a future server adds them.
*/
class NOLAGQT_EXPORT NoLagMessageMeta
{
    Q_GADGET
    Q_PROPERTY(QString sender READ sender CONSTANT FINAL)
    Q_PROPERTY(qint64 timestamp READ timestamp CONSTANT FINAL)
    Q_PROPERTY(QString msgId READ msgId CONSTANT FINAL)
    Q_PROPERTY(QString filter READ filter CONSTANT FINAL)
    Q_PROPERTY(bool isReplay READ isReplay CONSTANT FINAL)
    Q_PROPERTY(bool requiresAck READ requiresAck CONSTANT FINAL)
    Q_PROPERTY(NoLag::QoS qos READ qos CONSTANT FINAL)

public:
    NoLagMessageMeta();
    NoLagMessageMeta(const NoLagMessageMeta &other);
    NoLagMessageMeta &operator=(const NoLagMessageMeta &other);
    ~NoLagMessageMeta();

    /*! The publisher's id, when the server names it (`from`); empty otherwise. */
    QString sender() const;
    /*! The server's `timestamp`, as sent; 0 when absent. */
    qint64 timestamp() const;
    /*! The id the server gave the publish (same for every recipient); empty without recording. */
    QString msgId() const;
    /*! The filter value the message was delivered through; empty for unfiltered routes. */
    QString filter() const;
    /*! True for a message replayed from the server's store. */
    bool isReplay() const;
    /*! True when the server asked for an acknowledgement (the client sends it on its own). */
    bool requiresAck() const;
    /*! The QoS of the subscription the message arrived through. */
    NoLag::QoS qos() const;

private:
    friend class NoLagMessage;
    explicit NoLagMessageMeta(const QExplicitlySharedDataPointer<NoLagMessageData> &data);
    QExplicitlySharedDataPointer<NoLagMessageData> d;
};

/*!
    One message delivered to a subscription: its topic, its data and its NoLagMessageMeta.

    A NoLagMessage keeps the frame as received and decodes the data the first time data() is
    called, so a handler that looks only at the topic or the meta pays nothing for the body.
    Copies are cheap and share the frame and the decoded value.
*/
class NOLAGQT_EXPORT NoLagMessage
{
    Q_GADGET
    Q_PROPERTY(QString topic READ topic CONSTANT FINAL)
    Q_PROPERTY(QVariant data READ data CONSTANT FINAL)
    Q_PROPERTY(NoLagMessageMeta meta READ meta CONSTANT FINAL)
    Q_PROPERTY(QByteArray rawData READ rawData CONSTANT FINAL)

public:
    NoLagMessage();
    NoLagMessage(const NoLagMessage &other);
    NoLagMessage &operator=(const NoLagMessage &other);
    ~NoLagMessage();

    bool isValid() const { return bool(d); }

    /*! The topic exactly as this client subscribed to it. */
    QString topic() const;

    /*!
        The data, decoded on first use: maps become QVariantMap, arrays QVariantList, strings
        QString, integers qint64, floats double, nil a null std::nullptr_t variant. Byte
        strings arrive as QString, since the broker forwards every byte string as text.
    */
    QVariant data() const;

    /*! The data as MessagePack bytes, exactly as the server sent them. */
    QByteArray rawData() const;
    /*! Like rawData() without a copy; valid while this message (or a copy) lives. */
    QByteArrayView rawDataView() const;

    NoLagMessageMeta meta() const;

    // Shortcuts for meta().msgId() and friends.
    QString msgId() const;
    QString filter() const;
    bool isReplay() const;

    /*!
        Builds a message from a `message` frame, for tests and tools that read frames
        themselves. Returns an invalid message when \a frame is not a readable `message` frame.
    */
    static NoLagMessage fromFrame(const QByteArray &frame);

private:
    friend class NoLagClientPrivate;
    explicit NoLagMessage(NoLagMessageData *data);
    QExplicitlySharedDataPointer<NoLagMessageData> d;
};
