// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include <nolagcodec/msgpackwriter.h>

#include <QtCore/QtEndian>

#include <cstring>
#include <limits>

namespace NoLag::Codec {

namespace {

template<typename T>
void storeBigEndian(char *at, quint8 marker, T value)
{
    at[0] = char(marker);
    const T big = qToBigEndian(value);
    std::memcpy(at + 1, &big, sizeof(T));
}

template<typename T>
void appendBigEndian(Writer *writer, quint8 marker, T value)
{
    storeBigEndian(writer->grow(1 + sizeof(T)), marker, value);
}

// The size of a str header for \a length bytes.
qsizetype strHeaderSize(quint32 length)
{
    return length <= 31 ? 1 : length <= 0xff ? 2 : length <= 0xffff ? 3 : 5;
}

// Writes a str header of strHeaderSize(length) bytes at \a at.
void storeStrHeader(char *at, quint32 length)
{
    if (length <= 31) {
        at[0] = char(0xa0 | length);
    } else if (length <= 0xff) {
        at[0] = char(0xd9);
        at[1] = char(length);
    } else if (length <= 0xffff) {
        storeBigEndian<quint16>(at, 0xda, quint16(length));
    } else {
        storeBigEndian<quint32>(at, 0xdb, length);
    }
}

} // namespace

void Writer::writeNil()
{
    *grow(1) = char(0xc0);
}

void Writer::writeBool(bool value)
{
    *grow(1) = char(value ? 0xc3 : 0xc2);
}

void Writer::writeInt(qint64 value)
{
    if (value >= 0) {
        writeUInt(quint64(value));
    } else if (value >= -32) {
        *grow(1) = char(quint8(value));
    } else if (value >= std::numeric_limits<qint8>::min()) {
        char *at = grow(2);
        at[0] = char(0xd0);
        at[1] = char(quint8(value));
    } else if (value >= std::numeric_limits<qint16>::min()) {
        appendBigEndian<qint16>(this, 0xd1, qint16(value));
    } else if (value >= std::numeric_limits<qint32>::min()) {
        appendBigEndian<qint32>(this, 0xd2, qint32(value));
    } else {
        appendBigEndian<qint64>(this, 0xd3, value);
    }
}

void Writer::writeUInt(quint64 value)
{
    if (value <= 0x7f) {
        *grow(1) = char(value);
    } else if (value <= 0xff) {
        char *at = grow(2);
        at[0] = char(0xcc);
        at[1] = char(value);
    } else if (value <= 0xffff) {
        appendBigEndian<quint16>(this, 0xcd, quint16(value));
    } else if (value <= 0xffffffffu) {
        appendBigEndian<quint32>(this, 0xce, quint32(value));
    } else {
        appendBigEndian<quint64>(this, 0xcf, value);
    }
}

void Writer::writeDouble(double value)
{
    quint64 bits;
    std::memcpy(&bits, &value, sizeof bits);
    appendBigEndian<quint64>(this, 0xcb, bits);
}

void Writer::writeFloat(float value)
{
    quint32 bits;
    std::memcpy(&bits, &value, sizeof bits);
    appendBigEndian<quint32>(this, 0xca, bits);
}

char *Writer::growSlowly(qsizetype bytes)
{
    // resize() detaches a shared buffer and grows the capacity geometrically.
    const qsizetype at = m_out->size();
    m_out->resize(at + bytes);
    return m_out->data() + at;
}

void Writer::writeStr(QByteArrayView utf8)
{
    // Header and text in one step: this is the most frequent call of every encoder.
    const auto length = quint32(utf8.size());
    const qsizetype header = strHeaderSize(length);
    char *at = grow(header + utf8.size());
    storeStrHeader(at, length);
    if (!utf8.isEmpty()) {
        std::memcpy(at + header, utf8.data(), size_t(utf8.size()));
    }
}

void Writer::writeStr(QStringView text)
{
    // Keys and topics are nearly always ASCII: copy those without a temporary UTF-8 buffer.
    const qsizetype length = text.size();
    const char16_t *units = text.utf16();
    for (qsizetype i = 0; i < length; ++i) {
        if (units[i] >= 0x80) {
            writeStr(QByteArrayView(text.toUtf8()));
            return;
        }
    }

    const qsizetype header = strHeaderSize(quint32(length));
    char *at = grow(header + length);
    storeStrHeader(at, quint32(length));
    char *dest = at + header;
    for (qsizetype i = 0; i < length; ++i) {
        dest[i] = char(units[i]);
    }
}

void Writer::writeBin(QByteArrayView bytes)
{
    const auto length = quint32(bytes.size());
    const qsizetype header = length <= 0xff ? 2 : length <= 0xffff ? 3 : 5;
    char *at = grow(header + bytes.size());
    if (length <= 0xff) {
        at[0] = char(0xc4);
        at[1] = char(length);
    } else if (length <= 0xffff) {
        storeBigEndian<quint16>(at, 0xc5, quint16(length));
    } else {
        storeBigEndian<quint32>(at, 0xc6, length);
    }
    if (!bytes.isEmpty()) {
        std::memcpy(at + header, bytes.data(), size_t(bytes.size()));
    }
}

void Writer::writeRaw(QByteArrayView encoded)
{
    if (!encoded.isEmpty()) {
        std::memcpy(grow(encoded.size()), encoded.data(), size_t(encoded.size()));
    }
}

void Writer::writeArrayHeader(quint32 count)
{
    if (count <= 15) {
        *grow(1) = char(0x90 | count);
    } else if (count <= 0xffff) {
        appendBigEndian<quint16>(this, 0xdc, quint16(count));
    } else {
        appendBigEndian<quint32>(this, 0xdd, count);
    }
}

void Writer::writeMapHeader(quint32 count)
{
    if (count <= 15) {
        *grow(1) = char(0x80 | count);
    } else if (count <= 0xffff) {
        appendBigEndian<quint16>(this, 0xde, quint16(count));
    } else {
        appendBigEndian<quint32>(this, 0xdf, count);
    }
}

} // namespace NoLag::Codec
