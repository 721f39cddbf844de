// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "messageid.h"

#include <QtCore/QRandomGenerator>

#include <cstring>

namespace NoLag::Server {

namespace {

constexpr char HexDigits[] = "0123456789abcdef";

bool isDashPosition(int i)
{
    return i == 8 || i == 13 || i == 18 || i == 23;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

} // namespace

// QUuid::createUuid() asks the system's random source on every call, about 5 µs, which was
// most of a publish; a msgId must be unique, not secret, so Qt's system-seeded global
// generator serves.
QByteArray newMessageId()
{
    const quint64 words[2] = {QRandomGenerator::global()->generate64(),
                              QRandomGenerator::global()->generate64()};
    uchar bytes[16];
    std::memcpy(bytes, words, sizeof bytes);
    bytes[6] = uchar((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = uchar((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant

    QByteArray id(36, Qt::Uninitialized);
    char *out = id.data();
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            *out++ = '-';
        }
        *out++ = HexDigits[bytes[i] >> 4];
        *out++ = HexDigits[bytes[i] & 0x0f];
    }
    return id;
}

std::optional<MessageKey> messageKey(QByteArrayView msgId)
{
    if (msgId.size() != 36) {
        return std::nullopt;
    }
    MessageKey key;
    int digits = 0;
    for (int i = 0; i < 36; ++i) {
        const char c = msgId[i];
        if (isDashPosition(i)) {
            if (c != '-') {
                return std::nullopt;
            }
            continue;
        }
        const int value = hexValue(c);
        if (value < 0) {
            return std::nullopt;
        }
        quint64 &word = digits < 16 ? key.high : key.low;
        word = (word << 4) | quint64(value);
        ++digits;
    }
    return key;
}

} // namespace NoLag::Server
