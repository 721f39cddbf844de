// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

// The frames the benchmarks send, encoded once: a typical `message` frame as nolag-local
// delivers it (188 bytes, like the reference measurements), and the publish frames behind it.

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QString>
#include <QtCore/QVariantMap>

namespace NoLagBench {

inline constexpr QByteArrayView SampleTopic = "chat/general/messages";
inline constexpr QByteArrayView SampleMsgId = "7d0f4a2e-3c1b-4e8a-9f6d-2b5c8e1a4f37";
inline constexpr QByteArrayView SampleUser = "alice";
inline constexpr QByteArrayView SampleText = "The nightly build is green again, ship it today.";
inline constexpr quint64 SampleTimestamp = 1'718'000'000'123;
inline constexpr quint64 SampleSeq = 4242;

/*! The payload: {"user", "text", "ts", "seq"} as a QVariantMap. */
QVariantMap samplePayload();
/*! The payload as MessagePack (85 bytes). */
QByteArray samplePayloadBytes();

/*!
    {"type": "message", "topic", "data": payload, "msgId", "requiresAck": true}: 188 bytes,
    what a subscriber of nolag-local receives with recording on (its default).
*/
QByteArray sampleMessageFrame();

/*! {"type": "publish", "topic", "data": payload, "qos": 1, "echo": true}. */
QByteArray samplePublishFrame();

/*!
    A payload for end-to-end runs that carries its send time first, where a subscriber finds
    it without decoding the rest: {"t": sentNs, "user", "text", "seq"} (about 90 bytes).
*/
QByteArray timedPayload(quint64 sentNs, quint64 seq);
/*! Reads "t" back from a frame whose `data` is a timedPayload(); 0 when it is not there. */
quint64 sentTimeOf(QByteArrayView frame);

} // namespace NoLagBench
