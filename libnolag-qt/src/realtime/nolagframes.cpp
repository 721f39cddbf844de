// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "nolagframes_p.h"

#include <nolagcodec/msgpackwriter.h>
#include <nolagcodec/variantcodec.h>

using NoLag::Codec::Writer;

namespace NoLagFrames {

namespace {

// Filters are strings or lists of strings; anything else is written as it is, and the
// server answers with invalid_filter_chars, which is the error a caller should see.
bool writeFilters(Writer &writer, const QVariantList &filters, QString *errorString)
{
    writer.writeArrayHeader(quint32(filters.size()));
    for (const QVariant &filter : filters) {
        if (filter.typeId() == QMetaType::QString) {
            writer.writeStr(QStringView(filter.toString()));
            continue;
        }
        if (!NoLag::Codec::encodeVariant(writer, filter, errorString)) {
            return false;
        }
    }
    return true;
}

} // namespace

QByteArray auth(const AuthFields &fields)
{
    QByteArray frame;
    Writer writer(&frame);
    writer.writeMapHeader(3 + (fields.reconnect ? 1 : 0) + (fields.projectId.isEmpty() ? 0 : 1));
    writer.writeKey("type");
    writer.writeKey("auth");
    writer.writeKey("token");
    writer.writeStr(QStringView(fields.token));
    writer.writeKey("protocolVersion");
    writer.writeInt(fields.protocolVersion);
    if (fields.reconnect) {
        writer.writeKey("reconnect");
        writer.writeBool(true);
    }
    if (!fields.projectId.isEmpty()) {
        writer.writeKey("projectId");
        writer.writeStr(QStringView(fields.projectId));
    }
    return frame;
}

bool subscribe(const SubscribeFields &fields, QByteArray *frame, QString *errorString)
{
    const bool withGroup = fields.loadBalance && !fields.loadBalanceGroup.isEmpty();
    const bool withFilters = !fields.filters.isEmpty();

    frame->clear();
    Writer writer(frame);
    writer.writeMapHeader(3 + (fields.loadBalance ? 1 : 0) + (withGroup ? 1 : 0) +
                          (withFilters ? 1 : 0));
    writer.writeKey("type");
    writer.writeKey("subscribe");
    writer.writeKey("topic");
    writer.writeStr(QStringView(fields.topic));
    writer.writeKey("qos");
    writer.writeInt(fields.qos);
    if (fields.loadBalance) {
        writer.writeKey("loadBalance");
        writer.writeBool(true);
    }
    if (withGroup) {
        writer.writeKey("loadBalanceGroup");
        writer.writeStr(QStringView(fields.loadBalanceGroup));
    }
    if (withFilters) {
        writer.writeKey("filters");
        return writeFilters(writer, fields.filters, errorString);
    }
    return true;
}

QByteArray unsubscribe(const QString &topic)
{
    QByteArray frame;
    Writer writer(&frame);
    writer.writeMapHeader(2);
    writer.writeKey("type");
    writer.writeKey("unsubscribe");
    writer.writeKey("topic");
    writer.writeStr(QStringView(topic));
    return frame;
}

bool setFilters(const QString &topic, const QVariantList &filters, QByteArray *frame,
                QString *errorString)
{
    frame->clear();
    Writer writer(frame);
    writer.writeMapHeader(3);
    writer.writeKey("type");
    writer.writeKey("setFilters");
    writer.writeKey("topic");
    writer.writeStr(QStringView(topic));
    writer.writeKey("filters");
    return writeFilters(writer, filters, errorString);
}

QByteArray publish(const PublishFields &fields)
{
    // The Python SDK's shape: qos and echo always, retain only when true, filter if set and
    // otherwise filters if any.
    const bool withFilter = !fields.filter.isEmpty();
    const bool withFilters = !withFilter && !fields.filters.isEmpty();

    QByteArray frame;
    frame.reserve(fields.data.size() + fields.topic.size() + 64);
    Writer writer(&frame);
    writer.writeMapHeader(5 + (fields.retain ? 1 : 0) + (withFilter || withFilters ? 1 : 0) +
                          (fields.msgRef.isEmpty() ? 0 : 1));
    writer.writeKey("type");
    writer.writeKey("publish");
    writer.writeKey("topic");
    writer.writeStr(QStringView(fields.topic));
    writer.writeKey("data");
    writer.writeRaw(fields.data);
    writer.writeKey("qos");
    writer.writeInt(fields.qos);
    writer.writeKey("echo");
    writer.writeBool(fields.echo);
    if (fields.retain) {
        writer.writeKey("retain");
        writer.writeBool(true);
    }
    if (withFilter) {
        writer.writeKey("filter");
        writer.writeStr(QStringView(fields.filter));
    } else if (withFilters) {
        writer.writeKey("filters");
        writer.writeArrayHeader(quint32(fields.filters.size()));
        for (const QString &filter : fields.filters) {
            writer.writeStr(QStringView(filter));
        }
    }
    if (!fields.msgRef.isEmpty()) {
        writer.writeKey("msgRef");
        writer.writeStr(QByteArrayView(fields.msgRef));
    }
    return frame;
}

QByteArray presence(const QString &roomId, QByteArrayView data)
{
    QByteArray frame;
    Writer writer(&frame);
    writer.writeMapHeader(roomId.isEmpty() ? 2 : 3);
    writer.writeKey("type");
    writer.writeKey("presence");
    if (!roomId.isEmpty()) {
        writer.writeKey("roomId");
        writer.writeStr(QStringView(roomId));
    }
    writer.writeKey("data");
    writer.writeRaw(data);
    return frame;
}

QByteArray getPresence(const QString &roomId)
{
    QByteArray frame;
    Writer writer(&frame);
    writer.writeMapHeader(roomId.isEmpty() ? 1 : 2);
    writer.writeKey("type");
    writer.writeKey("getPresence");
    if (!roomId.isEmpty()) {
        writer.writeKey("roomId");
        writer.writeStr(QStringView(roomId));
    }
    return frame;
}

namespace {

QByteArray lobbyFrame(QByteArrayView type, const QString &lobbyId)
{
    QByteArray frame;
    Writer writer(&frame);
    writer.writeMapHeader(2);
    writer.writeKey("type");
    writer.writeStr(type);
    writer.writeKey("lobbyId");
    writer.writeStr(QStringView(lobbyId));
    return frame;
}

} // namespace

QByteArray lobbySubscribe(const QString &lobbyId)
{
    return lobbyFrame("lobbySubscribe", lobbyId);
}

QByteArray lobbyUnsubscribe(const QString &lobbyId)
{
    return lobbyFrame("lobbyUnsubscribe", lobbyId);
}

QByteArray getLobbyPresence(const QString &lobbyId)
{
    return lobbyFrame("getLobbyPresence", lobbyId);
}

QByteArray ack(QByteArrayView msgId)
{
    QByteArray frame;
    frame.reserve(24 + msgId.size());
    Writer writer(&frame);
    writer.writeMapHeader(2);
    writer.writeKey("type");
    writer.writeKey("ack");
    writer.writeKey("msgId");
    writer.writeStr(msgId);
    return frame;
}

QByteArray batchAck(const QList<QByteArray> &msgIds)
{
    QByteArray frame;
    Writer writer(&frame);
    writer.writeMapHeader(2);
    writer.writeKey("type");
    writer.writeKey("batchAck");
    writer.writeKey("msgIds");
    writer.writeArrayHeader(quint32(msgIds.size()));
    for (const QByteArray &msgId : msgIds) {
        writer.writeStr(QByteArrayView(msgId));
    }
    return frame;
}

} // namespace NoLagFrames
