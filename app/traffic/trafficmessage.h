// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArrayView>
#include <QtCore/QString>
#include <QtCore/QtGlobal>

#include <optional>

/*! Marks a stored message carries; several may be set. */
enum class TrafficFlag : quint8 {
    None = 0,
    Replayed = 1, //!< replayed from the server's store (`isReplay: true`)
    LiveAfterReplay = 2, //!< buffered during a replay and delivered after it (`isReplay: false`)
    Retained = 4, //!< delivered together with the subscription's confirmation: a retained message
};

inline quint8 operator|(TrafficFlag a, TrafficFlag b)
{
    return quint8(a) | quint8(b);
}

inline bool hasFlag(quint8 flags, TrafficFlag flag)
{
    return (flags & quint8(flag)) != 0;
}

/*!
    One stored message as its reader sees it: plain values and views into the store's memory.
    The views stay valid as long as the chunk that holds them; on the UI thread that is until
    the store next evicts, in a worker as long as its TrafficSnapshot lives.
*/
struct TrafficMessage
{
    quint64 sequence = 0; //!< 1 for the first message a store received, then +1 per message
    qint64 receivedAtMs = 0; //!< local time of arrival, milliseconds since the Unix epoch
    quint32 topicId = 0; //!< the topic, interned in the store's TopicTable
    quint8 qos = 1;
    quint8 flags = 0; //!< TrafficFlag bits
    QByteArrayView data; //!< the payload, MessagePack bytes exactly as the server sent them
    QByteArrayView msgId; //!< UTF-8; empty when the server records nothing
    QByteArrayView filter; //!< UTF-8; empty for unfiltered routes
    QByteArrayView sender; //!< UTF-8; empty (current servers never name the sender)

    bool isValid() const { return sequence != 0; }
};

/*!
    Read access to sequence-numbered messages. The live TrafficStore is one; a recording opened
    from disk (part 2) is another, so every model that reads messages takes this interface.
*/
class TrafficSource
{
public:
    virtual ~TrafficSource() = default;

    /*! The oldest message still held; equals endSequence() when there is none. */
    virtual quint64 firstSequence() const = 0;
    /*! One past the newest message. */
    virtual quint64 endSequence() const = 0;
    virtual std::optional<TrafficMessage> message(quint64 sequence) const = 0;
    virtual QString topicName(quint32 topicId) const = 0;

    quint64 count() const { return endSequence() - firstSequence(); }
    bool contains(quint64 sequence) const
    {
        return sequence >= firstSequence() && sequence < endSequence();
    }
};
