// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "nolagmessage_p.h"

#include "common/nolaglogging_p.h"

#include <nolagcodec/envelope.h>
#include <nolagcodec/variantcodec.h>

using NoLag::Codec::Envelope;

namespace {

NoLagMessageData::Span spanOf(const QByteArray &frame, QByteArrayView part)
{
    if (part.isNull()) {
        return {};
    }
    return {qint32(part.data() - frame.constData()), qint32(part.size())};
}

} // namespace

void NoLagMessageData::index(const Envelope &envelope)
{
    data = spanOf(frame, envelope.raw("data"));

    QByteArrayView text;
    if (envelope.bytes("msgId", &text)) {
        msgId = spanOf(frame, text);
    }
    if (envelope.bytes("filter", &text)) {
        filter = spanOf(frame, text);
    }
    if (envelope.bytes("from", &text)) {
        sender = spanOf(frame, text);
    }
    if (envelope.contains("timestamp")) {
        timestamp = envelope.integer("timestamp").value_or(0);
    }
    isReplay = envelope.isTrue("isReplay");
    requiresAck = envelope.isTrue("requiresAck");
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
    Envelope envelope;
    if (envelope.parse(frame) != Envelope::Status::Ok ||
        envelope.type() != NoLag::Codec::FrameType::Message || !envelope.contains("data")) {
        return NoLagMessage();
    }
    auto *data = new NoLagMessageData;
    data->frame = frame;
    data->topic = envelope.string("topic");
    // The envelope points into the caller's array; index the copy we keep.
    Envelope own;
    own.parse(data->frame);
    data->index(own);
    return NoLagMessage(data);
}
