// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "nolagmessage_p.h"

#include "common/nolaglogging_p.h"

#include <nolagcodec/envelope.h>
#include <nolagcodec/variantcodec.h>

#include <cstring>

using NoLag::Codec::Envelope;

namespace {

NoLagMessageData::Span spanOf(const QByteArray &frame, QByteArrayView part)
{
    if (part.isNull()) {
        return {};
    }
    return {qint32(part.data() - frame.constData()), qint32(part.size())};
}

// The span of the text of a str (or bin) value; invalid for any other kind. Short strings
// (fixstr, str8: every id and filter in practice) are read here without the general reader.
NoLagMessageData::Span stringSpan(const QByteArray &frame, QByteArrayView value)
{
    const qint32 offset = qint32(value.data() - frame.constData());
    if (!value.isEmpty()) {
        const quint8 marker = quint8(value[0]);
        if (marker >= 0xa0 && marker <= 0xbf && value.size() == 1 + (marker & 0x1f)) {
            return {offset + 1, qint32(marker & 0x1f)};
        }
        if (marker == 0xd9 && value.size() >= 2 && value.size() == 2 + quint8(value[1])) {
            return {offset + 2, qint32(quint8(value[1]))};
        }
    }
    NoLag::Codec::Reader reader(value);
    QByteArrayView text;
    const NoLag::Codec::Kind kind = reader.peekKind();
    if ((kind != NoLag::Codec::Kind::Str && kind != NoLag::Codec::Kind::Bin) ||
        !reader.readStrOrBin(&text)) {
        return {};
    }
    // The text is the tail of the value, after its header (also when it is empty).
    const char *begin = value.data() + value.size() - text.size();
    return {qint32(begin - frame.constData()), qint32(text.size())};
}

// Exactly the boolean true, as the broker compares.
bool isTrue(QByteArrayView value)
{
    return value.size() == 1 && quint8(value[0]) == 0xc3;
}

template<qsizetype N>
bool is(QByteArrayView key, const char (&name)[N])
{
    return key.size() == N - 1 && std::memcmp(key.data(), name, N - 1) == 0;
}

} // namespace

bool NoLagMessageData::index(const Envelope &envelope)
{
    // One pass over the fields the envelope found; later duplicates win, as in Envelope.
    // Keys are told apart by length first: this runs once per message.
    for (qsizetype i = 0; i < envelope.fieldCount(); ++i) {
        const Envelope::Field &field = envelope.field(i);
        const QByteArrayView key = field.key;
        switch (key.size()) {
        case 4:
            if (is(key, "data")) {
                data = spanOf(frame, field.value);
            } else if (is(key, "from")) {
                sender = stringSpan(frame, field.value);
            }
            break;
        case 5:
            if (is(key, "topic")) {
                topicUtf8 = stringSpan(frame, field.value);
            } else if (is(key, "msgId")) {
                msgId = stringSpan(frame, field.value);
            }
            break;
        case 6:
            if (is(key, "filter")) {
                filter = stringSpan(frame, field.value);
            }
            break;
        case 8:
            if (is(key, "isReplay")) {
                isReplay = isTrue(field.value);
            }
            break;
        case 9:
            if (is(key, "timestamp")) {
                NoLag::Codec::Reader reader(field.value);
                qint64 value = 0;
                timestamp = reader.readInt(&value) ? value : 0;
            }
            break;
        case 11:
            if (is(key, "requiresAck")) {
                requiresAck = isTrue(field.value);
            }
            break;
        default:
            break;
        }
    }
    return data.isValid() && topicUtf8.isValid();
}

QString NoLagMessageData::string(Span span) const
{
    return span.isValid() ? QString::fromUtf8(view(span)) : QString();
}

NoLagMessageMeta::NoLagMessageMeta() = default;
NoLagMessageMeta::NoLagMessageMeta(const QExplicitlySharedDataPointer<NoLagMessageData> &data)
    : d(data)
{ }
NoLagMessageMeta::NoLagMessageMeta(const NoLagMessageMeta &other) = default;
NoLagMessageMeta &NoLagMessageMeta::operator=(const NoLagMessageMeta &other) = default;
NoLagMessageMeta::~NoLagMessageMeta() = default;

QString NoLagMessageMeta::sender() const
{
    return d ? d->string(d->sender) : QString();
}

qint64 NoLagMessageMeta::timestamp() const
{
    return d ? d->timestamp : 0;
}

QString NoLagMessageMeta::msgId() const
{
    return d ? d->string(d->msgId) : QString();
}

QString NoLagMessageMeta::filter() const
{
    return d ? d->string(d->filter) : QString();
}

bool NoLagMessageMeta::isReplay() const
{
    return d && d->isReplay;
}

bool NoLagMessageMeta::requiresAck() const
{
    return d && d->requiresAck;
}

NoLag::QoS NoLagMessageMeta::qos() const
{
    return d ? d->qos : NoLag::QoS::AtLeastOnce;
}

NoLagMessage::NoLagMessage() = default;
NoLagMessage::NoLagMessage(NoLagMessageData *data)
    : d(data)
{ }
NoLagMessage::NoLagMessage(const NoLagMessage &other) = default;
NoLagMessage &NoLagMessage::operator=(const NoLagMessage &other) = default;
NoLagMessage::~NoLagMessage() = default;

QString NoLagMessage::topic() const
{
    return d ? d->topic : QString();
}

QVariant NoLagMessage::data() const
{
    if (!d) {
        return {};
    }
    std::call_once(d->decodeOnce, [this] {
        bool ok = false;
        d->decoded = NoLag::Codec::decodeVariant(d->view(d->data), &ok);
        if (!ok) {
            // The envelope already checked the frame, so this cannot happen with a frame the
            // client accepted; say so rather than hand out a silently wrong value.
            qCWarning(lcNoLagCodec, "The data of a message on %s could not be decoded",
                      qUtf8Printable(d->topic));
        }
    });
    return d->decoded;
}

QByteArray NoLagMessage::rawData() const
{
    return d ? d->view(d->data).toByteArray() : QByteArray();
}

QByteArrayView NoLagMessage::rawDataView() const
{
    return d ? d->view(d->data) : QByteArrayView();
}

NoLagMessageMeta NoLagMessage::meta() const
{
    return NoLagMessageMeta(d);
}

QString NoLagMessage::msgId() const
{
    return d ? d->string(d->msgId) : QString();
}

QString NoLagMessage::filter() const
{
    return d ? d->string(d->filter) : QString();
}

bool NoLagMessage::isReplay() const
{
    return d && d->isReplay;
}

NoLagMessage NoLagMessage::fromFrame(const QByteArray &frame)
{
    auto *data = new NoLagMessageData;
    data->frame = frame;
    NoLag::Codec::Envelope envelope;
    if (envelope.parse(data->frame) != Envelope::Status::Ok ||
        envelope.type() != NoLag::Codec::FrameType::Message || !data->index(envelope)) {
        delete data;
        return NoLagMessage();
    }
    data->topic = data->string(data->topicUtf8);
    return NoLagMessage(data);
}
