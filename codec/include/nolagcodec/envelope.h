// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <nolagcodec/msgpackreader.h>

#include <QtCore/QByteArrayView>
#include <QtCore/QString>
#include <QtCore/QVarLengthArray>

#include <optional>

namespace NoLag::Codec {

/*! Every frame `type` of the wire protocol (§17), client and server directions. */
enum class FrameType : quint8 {
    Unknown,
    // client -> server
    Auth,
    Subscribe,
    Unsubscribe,
    SetFilters,
    Publish,
    Presence,
    GetPresence,
    LobbySubscribe,
    LobbyUnsubscribe,
    GetLobbyPresence,
    Ack,
    BatchAck,
    Reauth,
    // server -> client (auth, presence and reauth are shared with the list above)
    Subscribed,
    Unsubscribed,
    FiltersUpdated,
    Published,
    Message,
    Hydration,
    PresenceList,
    LobbySubscribed,
    LobbyUnsubscribed,
    LobbyPresenceList,
    LobbyPresence,
    ReplayStart,
    ReplayEnd,
    Error,
    Disconnect,
};

FrameType frameTypeFromName(QByteArrayView name);
QByteArrayView frameTypeName(FrameType type);

/*!
    The top level of one frame: its `type` and the raw bytes of each field, found in a single
    pass that also checks the whole frame is well formed.

    Nothing is decoded or copied: field values are views into the frame's bytes, so the
    envelope must not outlive them. This is what makes a handler that only reads the topic
    and metadata of a message cheap; the payload stays as bytes until someone asks for it.
*/
class Envelope
{
public:
    enum class Status : quint8 {
        Ok,
        Heartbeat, // the empty frame
        Malformed, // not MessagePack, truncated, or trailing bytes
        Ext, // holds an ext value somewhere: the frame is ignored
        TooDeep,
        NotAMap, // well formed, but the top-level value is not a map
    };

    struct Field
    {
        QByteArrayView key;
        QByteArrayView value; // the raw MessagePack bytes of the value
    };

    Status parse(QByteArrayView frame, int maxDepth = Reader::DefaultMaxDepth);

    FrameType type() const { return m_type; }
    QByteArrayView typeName() const { return m_typeName; }

    qsizetype fieldCount() const { return m_fields.size(); }
    const Field &field(qsizetype i) const { return m_fields[i]; }

    bool contains(QByteArrayView key) const { return find(key) != nullptr; }
    /*! The raw bytes of \a key's value, or a null view when the key is absent. */
    QByteArrayView raw(QByteArrayView key) const;
    /*! The kind of \a key's value, or Kind::End when the key is absent. */
    Kind kind(QByteArrayView key) const;

    /*! Reads a str (or bin) value; false when absent or of another kind. */
    bool bytes(QByteArrayView key, QByteArrayView *utf8) const;
    /*! A str value as QString; a null QString when absent or of another kind. */
    QString string(QByteArrayView key) const;
    std::optional<qint64> integer(QByteArrayView key) const;
    std::optional<double> number(QByteArrayView key) const;
    /*! True only for the boolean true, as the broker compares (1 and "true" are not true). */
    bool isTrue(QByteArrayView key) const;
    /*! True only for the boolean false. */
    bool isFalse(QByteArrayView key) const;

private:
    const Field *find(QByteArrayView key) const;

    QVarLengthArray<Field, 12> m_fields;
    QByteArrayView m_typeName;
    FrameType m_type = FrameType::Unknown;
};

} // namespace NoLag::Codec
