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

Envelope::Status statusOf(ReadError error)
{
    switch (error) {
    case ReadError::Ext:
        return Envelope::Status::Ext;
    case ReadError::TooDeep:
        return Envelope::Status::TooDeep;
    default:
        return Envelope::Status::Malformed;
    }
}

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

    // Nearly every key is a fixstr and nearly every value other than `data` a short string,
    // a boolean, nil or a small integer: those are read right here, everything else (and
    // every error) through the general reader. This loop runs for every frame a client
    // receives, so it avoids a call per byte of structure.
    const char *const end = frame.data() + frame.size();
    const char *pos = frame.data() + reader.position();
    QByteArrayView typeValue; // the last `type` field's value (later duplicates win)
    for (quint32 i = 0; i < count; ++i) {
        Field field;
        bool stringKey = false;
        if (pos < end && (quint8(*pos) & 0xe0) == 0xa0 && end - pos > (quint8(*pos) & 0x1f)) {
            const qsizetype length = quint8(*pos) & 0x1f;
            field.key = QByteArrayView(pos + 1, length);
            pos += 1 + length;
            stringKey = true;
        } else {
            Reader keyReader(QByteArrayView(pos, end - pos));
            const Kind kind = keyReader.peekKind();
            stringKey = kind == Kind::Str || kind == Kind::Bin;
            if (stringKey ? !keyReader.readStrOrBin(&field.key)
                          : !keyReader.skip(nullptr, maxDepth - 1)) {
                m_fields.clear();
                return statusOf(keyReader.error());
            }
            pos += keyReader.position();
        }

        qsizetype scalar = 0;
        if (pos < end) {
            const quint8 b = quint8(*pos);
            if (b <= 0x7f || b >= 0xe0 || b == 0xc0 || b == 0xc2 || b == 0xc3) {
                scalar = 1;
            } else if ((b & 0xe0) == 0xa0) {
                scalar = 1 + (b & 0x1f);
            } else if (b == 0xd9 && end - pos >= 2) {
                scalar = 2 + quint8(pos[1]);
            }
        }
        if (scalar > 0 && end - pos >= scalar) {
            field.value = QByteArrayView(pos, scalar);
            pos += scalar;
        } else {
            Reader valueReader(QByteArrayView(pos, end - pos));
            if (!valueReader.skip(&field.value, maxDepth - 1)) {
                m_fields.clear();
                return statusOf(valueReader.error());
            }
            pos += valueReader.position();
        }

        // Fields with non-string keys cannot be named by any frame definition; they are
        // checked for well-formedness above and otherwise ignored.
        if (stringKey) {
            m_fields.append(field);
            if (field.key.size() == 4 && std::memcmp(field.key.data(), "type", 4) == 0) {
                typeValue = field.value;
            }
        }
    }

    if (pos != end) {
        m_fields.clear();
        return Status::Malformed;
    }
    Reader typeReader(typeValue);
    const Kind typeKind = typeReader.peekKind();
    if ((typeKind == Kind::Str || typeKind == Kind::Bin) && typeReader.readStrOrBin(&m_typeName)) {
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
