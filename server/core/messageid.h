// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QHashFunctions>

#include <optional>

namespace NoLag::Server {

/*!
    A msgId as the 128-bit number it spells. Deliveries awaiting acknowledgement are looked
    up by it for every ack, so it is kept as two integers rather than a 36-byte string.
*/
struct MessageKey
{
    quint64 high = 0;
    quint64 low = 0;

    friend bool operator==(const MessageKey &a, const MessageKey &b)
    {
        return a.high == b.high && a.low == b.low;
    }
};

inline size_t qHash(const MessageKey &key, size_t seed = 0) noexcept
{
    return qHashMulti(seed, key.high, key.low);
}

/*! A new msgId: a lowercase UUID v4 (wire-protocol §10). */
QByteArray newMessageId();

/*! The key of a msgId in the form newMessageId() makes; nullopt for anything else. */
std::optional<MessageKey> messageKey(QByteArrayView msgId);

} // namespace NoLag::Server
