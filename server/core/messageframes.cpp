// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "messageframes.h"

#include <nolagcodec/msgpackwriter.h>

namespace NoLag::Server {

QByteArray encodeMessageFrame(const QString &topic, const QByteArray &data, const QString &filter,
                              const QByteArray &msgId, ReplayMark replay)
{
    quint32 fields = 3;
    fields += filter.isEmpty() ? 0 : 1;
    fields += msgId.isEmpty() ? 0 : 2;
    fields += replay == ReplayMark::None ? 0 : 1;

    QByteArray frame;
    frame.reserve(data.size() + topic.size() * 3 + filter.size() * 3 + msgId.size() + 64);
    Codec::Writer writer(&frame);
    writer.writeMapHeader(fields);
    writer.writeKey("type");
    writer.writeStr(QByteArrayView("message"));
    writer.writeKey("topic");
    writer.writeStr(topic);
    writer.writeKey("data");
    writer.writeRaw(data);
    if (!filter.isEmpty()) {
        writer.writeKey("filter");
        writer.writeStr(filter);
    }
    if (!msgId.isEmpty()) {
        writer.writeKey("msgId");
        writer.writeStr(QByteArrayView(msgId));
        writer.writeKey("requiresAck");
        writer.writeBool(true);
    }
    if (replay != ReplayMark::None) {
        writer.writeKey("isReplay");
        writer.writeBool(replay == ReplayMark::Replayed);
    }
    return frame;
}

const QByteArray &MessageFrames::frameFor(const QString &topic)
{
    if (m_many.isEmpty()) {
        for (const auto &[known, frame] : m_few) {
            if (known == topic) {
                return frame;
            }
        }
        if (m_few.size() < FewTopics) {
            m_few.append(
                {topic, encodeMessageFrame(topic, m_data, m_filter, m_msgId, ReplayMark::None)});
            return m_few.back().second;
        }
        // Many distinct topics (scoped actors, say): switch to a hash.
        for (const auto &[known, frame] : m_few) {
            m_many.insert(known, frame);
        }
    }
    auto it = m_many.find(topic);
    if (it == m_many.end()) {
        it = m_many.insert(topic,
                           encodeMessageFrame(topic, m_data, m_filter, m_msgId, ReplayMark::None));
    }
    return it.value();
}

} // namespace NoLag::Server
