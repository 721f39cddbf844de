// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include <nolagcodec/envelope.h>

#include <array>
#include <cstring>

namespace NoLag::Codec {

namespace {

struct TypeName
{
    FrameType type;
    QByteArrayView name;
};

constexpr std::array<TypeName, 28> typeNames = {{
    {FrameType::Auth, "auth"},
    {FrameType::Subscribe, "subscribe"},
    {FrameType::Unsubscribe, "unsubscribe"},
    {FrameType::SetFilters, "setFilters"},
    {FrameType::Publish, "publish"},
    {FrameType::Presence, "presence"},
    {FrameType::GetPresence, "getPresence"},
    {FrameType::LobbySubscribe, "lobbySubscribe"},
    {FrameType::LobbyUnsubscribe, "lobbyUnsubscribe"},
    {FrameType::GetLobbyPresence, "getLobbyPresence"},
    {FrameType::Ack, "ack"},
    {FrameType::BatchAck, "batchAck"},
    {FrameType::Reauth, "reauth"},
    {FrameType::Subscribed, "subscribed"},
    {FrameType::Unsubscribed, "unsubscribed"},
    {FrameType::FiltersUpdated, "filtersUpdated"},
    {FrameType::Published, "published"},
    {FrameType::Message, "message"},
    {FrameType::Hydration, "hydration"},
    {FrameType::PresenceList, "presenceList"},
    {FrameType::LobbySubscribed, "lobbySubscribed"},
    {FrameType::LobbyUnsubscribed, "lobbyUnsubscribed"},
    {FrameType::LobbyPresenceList, "lobbyPresenceList"},
    {FrameType::LobbyPresence, "lobbyPresence"},
    {FrameType::ReplayStart, "replayStart"},
    {FrameType::ReplayEnd, "replayEnd"},
    {FrameType::Error, "error"},
    {FrameType::Disconnect, "disconnect"},
}};

} // namespace

FrameType frameTypeFromName(QByteArrayView name)
{
    // "message" comes first: it is by far the most frequent frame a client reads.
    if (name == QByteArrayView("message")) {
        return FrameType::Message;
    }
    for (const TypeName &entry : typeNames) {
        if (entry.name.size() == name.size() &&
            std::memcmp(entry.name.data(), name.data(), size_t(name.size())) == 0) {
            return entry.type;
        }
    }
    return FrameType::Unknown;
}

QByteArrayView frameTypeName(FrameType type)
{
    for (const TypeName &entry : typeNames) {
        if (entry.type == type) {
            return entry.name;
        }
    }
    return {};
}

Envelope::Status Envelope::parse(QByteArrayView frame, int maxDepth)
{
    m_fields.clear();
    m_typeName = {};
    m_type = FrameType::Unknown;

    if (frame.isEmpty()) {
        return Status::Heartbeat;
    }

    Reader reader(frame);
    if (reader.peekKind() != Kind::Map) {
        QByteArrayView ignored;
        if (!reader.skip(&ignored, maxDepth)) {
            return reader.error() == ReadError::Ext    ? Status::Ext
                : reader.error() == ReadError::TooDeep ? Status::TooDeep
                                                       : Status::Malformed;
        }
        return reader.atEnd() ? Status::NotAMap : Status::Malformed;
    }

    quint32 count = 0;
    reader.readMapHeader(&count);
    if (count > quint64(reader.remaining())) {
        return Status::Malformed;
    }

    for (quint32 i = 0; i < count; ++i) {
        Field field;
        const bool stringKey = reader.peekKind() == Kind::Str || reader.peekKind() == Kind::Bin;
        if (stringKey) {
            reader.readStrOrBin(&field.key);
        } else if (!reader.skip(nullptr, maxDepth - 1)) {
            break;
        }
        if (!reader.skip(&field.value, maxDepth - 1)) {
            break;
        }
        // Fields with non-string keys cannot be named by any frame definition; they are
        // checked for well-formedness above and otherwise ignored.
        if (stringKey) {
            m_fields.append(field);
        }
    }

    if (reader.hasError()) {
        m_fields.clear();
        return reader.error() == ReadError::Ext    ? Status::Ext
            : reader.error() == ReadError::TooDeep ? Status::TooDeep
                                                   : Status::Malformed;
    }
    if (!reader.atEnd()) {
        m_fields.clear();
        return Status::Malformed;
    }

    if (bytes("type", &m_typeName)) {
        m_type = frameTypeFromName(m_typeName);
    }
    return Status::Ok;
}

const Envelope::Field *Envelope::find(QByteArrayView key) const
{
    // Later duplicates win, as when the broker builds a map from the frame.
    for (qsizetype i = m_fields.size() - 1; i >= 0; --i) {
        const Field &field = m_fields[i];
        if (field.key.size() == key.size() &&
            std::memcmp(field.key.data(), key.data(), size_t(key.size())) == 0) {
            return &field;
        }
    }
    return nullptr;
}

QByteArrayView Envelope::raw(QByteArrayView key) const
{
    const Field *field = find(key);
    return field ? field->value : QByteArrayView();
}

Kind Envelope::kind(QByteArrayView key) const
{
    const Field *field = find(key);
    return field ? Reader(field->value).peekKind() : Kind::End;
}

bool Envelope::bytes(QByteArrayView key, QByteArrayView *utf8) const
{
    const Field *field = find(key);
    if (!field) {
        return false;
    }
    Reader reader(field->value);
    const Kind kind = reader.peekKind();
    return (kind == Kind::Str || kind == Kind::Bin) && reader.readStrOrBin(utf8);
}

QString Envelope::string(QByteArrayView key) const
{
    QByteArrayView utf8;
    if (!bytes(key, &utf8)) {
        return {};
    }
    // An empty str is a valid, non-null value.
    return utf8.isEmpty() ? QStringLiteral("") : QString::fromUtf8(utf8);
}

std::optional<qint64> Envelope::integer(QByteArrayView key) const
{
    const Field *field = find(key);
    if (!field) {
        return std::nullopt;
    }
    Reader reader(field->value);
    qint64 value = 0;
    const Kind kind = reader.peekKind();
    if ((kind == Kind::Int || kind == Kind::UInt) && reader.readInt(&value)) {
        return value;
    }
    return std::nullopt;
}

std::optional<double> Envelope::number(QByteArrayView key) const
{
    const Field *field = find(key);
    if (!field) {
        return std::nullopt;
    }
    Reader reader(field->value);
    double value = 0;
    if (reader.readDouble(&value)) {
        return value;
    }
    return std::nullopt;
}

bool Envelope::isTrue(QByteArrayView key) const
{
    const Field *field = find(key);
    return field && field->value.size() == 1 && quint8(field->value[0]) == 0xc3;
}

bool Envelope::isFalse(QByteArrayView key) const
{
    const Field *field = find(key);
    return field && field->value.size() == 1 && quint8(field->value[0]) == 0xc2;
}

} // namespace NoLag::Codec
