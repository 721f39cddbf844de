// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QtGlobal>

namespace NoLag::Server {

/*!
    The broker's limits and switches. The defaults are those of wire-protocol §22; the
    command line of nolag-local sets each one.
*/
struct BrokerOptions
{
    int rateLimit = 50; // publishes per connection per second; 0 = off
    qint64 maxMessageSize = 921'600; // canonical encoding of `data`, bytes
    qint64 maxFrameSize = 1'048'576; // inbound frame cap (the front closes 1009)
    // Outbound bytes a client may leave unread before the front closes it (1013); 0 = off.
    // Not in the spec: the reference server leaves this to its WebSocket library.
    qint64 maxSendBuffer = 64LL * 1024 * 1024;
    int maxFilters = 100; // filter items per subscription
    qint64 idleTimeoutMs = 60'000; // close 1000 without any inbound frame
    qint64 revalidateIntervalMs = 600'000; // revalidation on heartbeat
    qint64 retainTtlMs = 3'600'000; // retained message lifetime
    bool recording = true; // msgId + requiresAck on every delivery
    bool strictFilterIsolation = false; // unfiltered subscribers skip filtered publishes
    int replayLimit = 10'000; // replayed messages per subscription at most
    qint64 logRetentionMs = 24LL * 3'600'000; // unacknowledged messages kept this long
    int logRetentionCount = 1'000'000; // and at most this many
};

} // namespace NoLag::Server
