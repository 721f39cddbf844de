// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "sampleframes.h"

#include <nolagcodec/envelope.h>
#include <nolagcodec/msgpackwriter.h>

using namespace Qt::StringLiterals;
using NoLag::Codec::Writer;

namespace NoLagBench {

QVariantMap samplePayload()
{
    return {{u"user"_s, QString::fromLatin1(SampleUser)},
            {u"text"_s, QString::fromLatin1(SampleText)},
            {u"ts"_s, qint64(SampleTimestamp)},
            {u"seq"_s, qint64(SampleSeq)}};
}

QByteArray samplePayloadBytes()
{
    QByteArray bytes;
    Writer writer(&bytes);
    writer.writeMapHeader(4);
    writer.writeKey("user");
    writer.writeStr(SampleUser);
    writer.writeKey("text");
    writer.writeStr(SampleText);
    writer.writeKey("ts");
    writer.writeUInt(SampleTimestamp);
    writer.writeKey("seq");
    writer.writeUInt(SampleSeq);
    return bytes;
}

QByteArray sampleMessageFrame()
{
    QByteArray frame;
    Writer writer(&frame);
    writer.writeMapHeader(5);
    writer.writeKey("type");
    writer.writeStr(QByteArrayView("message"));
    writer.writeKey("topic");
    writer.writeStr(SampleTopic);
    writer.writeKey("data");
    writer.writeRaw(samplePayloadBytes());
    writer.writeKey("msgId");
    writer.writeStr(SampleMsgId);
    writer.writeKey("requiresAck");
    writer.writeBool(true);
    return frame;
}

QByteArray samplePublishFrame()
{
    QByteArray frame;
    Writer writer(&frame);
    writer.writeMapHeader(5);
    writer.writeKey("type");
    writer.writeStr(QByteArrayView("publish"));
    writer.writeKey("topic");
    writer.writeStr(SampleTopic);
    writer.writeKey("data");
    writer.writeRaw(samplePayloadBytes());
    writer.writeKey("qos");
    writer.writeUInt(1);
    writer.writeKey("echo");
    writer.writeBool(true);
    return frame;
}

QByteArray timedPayload(quint64 sentNs, quint64 seq)
{
    QByteArray bytes;
    bytes.reserve(96);
    Writer writer(&bytes);
    writer.writeMapHeader(4);
    writer.writeKey("t");
    // Always eight bytes, so every payload has the same size.
    bytes.append(char(0xcf));
    for (int shift = 56; shift >= 0; shift -= 8) {
        bytes.append(char((sentNs >> shift) & 0xff));
    }
    writer.writeKey("user");
    writer.writeStr(SampleUser);
    writer.writeKey("text");
    writer.writeStr(SampleText);
    writer.writeKey("seq");
    writer.writeUInt(seq);
    return bytes;
}

quint64 sentTimeOf(QByteArrayView frame)
{
    NoLag::Codec::Envelope envelope;
    if (envelope.parse(frame) != NoLag::Codec::Envelope::Status::Ok) {
        return 0;
    }
    NoLag::Codec::Reader reader(envelope.raw("data"));
    quint32 fields = 0;
    QByteArrayView key;
    quint64 sent = 0;
    if (!reader.readMapHeader(&fields) || fields == 0 || !reader.readStr(&key) || key != "t" ||
        !reader.readUInt(&sent)) {
        return 0;
    }
    return sent;
}

} // namespace NoLagBench
