// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include <nolagcodec/msgpackwriter.h>

#include <QtCore/QtEndian>

#include <cstring>
#include <limits>

namespace NoLag::Codec {

namespace {

template<typename T>
void appendBigEndian(QByteArray *out, quint8 marker, T value)
{
    char bytes[1 + sizeof(T)];
    bytes[0] = char(marker);
    const T big = qToBigEndian(value);
    std::memcpy(bytes + 1, &big, sizeof(T));
    out->append(bytes, sizeof bytes);
}

} // namespace

void Writer::writeNil()
{
    m_out->append(char(0xc0));
}

void Writer::writeBool(bool value)
{
    m_out->append(char(value ? 0xc3 : 0xc2));
}

void Writer::writeInt(qint64 value)
{
    if (value >= 0) {
        writeUInt(quint64(value));
    } else if (value >= -32) {
        m_out->append(char(quint8(value)));
    } else if (value >= std::numeric_limits<qint8>::min()) {
        const char bytes[2] = {char(0xd0), char(quint8(value))};
        m_out->append(bytes, 2);
    } else if (value >= std::numeric_limits<qint16>::min()) {
        appendBigEndian<qint16>(m_out, 0xd1, qint16(value));
    } else if (value >= std::numeric_limits<qint32>::min()) {
        appendBigEndian<qint32>(m_out, 0xd2, qint32(value));
    } else {
        appendBigEndian<qint64>(m_out, 0xd3, value);
    }
}

void Writer::writeUInt(quint64 value)
{
    if (value <= 0x7f) {
        m_out->append(char(value));
    } else if (value <= 0xff) {
        const char bytes[2] = {char(0xcc), char(value)};
        m_out->append(bytes, 2);
    } else if (value <= 0xffff) {
        appendBigEndian<quint16>(m_out, 0xcd, quint16(value));
    } else if (value <= 0xffffffffu) {
        appendBigEndian<quint32>(m_out, 0xce, quint32(value));
    } else {
        appendBigEndian<quint64>(m_out, 0xcf, value);
    }
}

void Writer::writeDouble(double value)
{
    quint64 bits;
    std::memcpy(&bits, &value, sizeof bits);
    appendBigEndian<quint64>(m_out, 0xcb, bits);
}

void Writer::writeFloat(float value)
{
    quint32 bits;
    std::memcpy(&bits, &value, sizeof bits);
    appendBigEndian<quint32>(m_out, 0xca, bits);
}

void Writer::writeStrHeader(quint32 length)
{
    if (length <= 31) {
        m_out->append(char(0xa0 | length));
    } else if (length <= 0xff) {
        const char bytes[2] = {char(0xd9), char(length)};
        m_out->append(bytes, 2);
    } else if (length <= 0xffff) {
        appendBigEndian<quint16>(m_out, 0xda, quint16(length));
    } else {
        appendBigEndian<quint32>(m_out, 0xdb, length);
    }
}

void Writer::writeStr(QByteArrayView utf8)
{
    writeStrHeader(quint32(utf8.size()));
    m_out->append(utf8.data(), utf8.size());
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

    writeStrHeader(quint32(length));
    const qsizetype at = m_out->size();
    m_out->resize(at + length);
    char *dest = m_out->data() + at;
    for (qsizetype i = 0; i < length; ++i) {
        dest[i] = char(units[i]);
    }
}

void Writer::writeBin(QByteArrayView bytes)
{
    const quint32 length = quint32(bytes.size());
    if (length <= 0xff) {
        const char header[2] = {char(0xc4), char(length)};
        m_out->append(header, 2);
    } else if (length <= 0xffff) {
        appendBigEndian<quint16>(m_out, 0xc5, quint16(length));
    } else {
        appendBigEndian<quint32>(m_out, 0xc6, length);
    }
    m_out->append(bytes.data(), bytes.size());
}

void Writer::writeArrayHeader(quint32 count)
{
    if (count <= 15) {
        m_out->append(char(0x90 | count));
    } else if (count <= 0xffff) {
        appendBigEndian<quint16>(m_out, 0xdc, quint16(count));
    } else {
        appendBigEndian<quint32>(m_out, 0xdd, count);
    }
}

void Writer::writeMapHeader(quint32 count)
{
    if (count <= 15) {
        m_out->append(char(0x80 | count));
    } else if (count <= 0xffff) {
        appendBigEndian<quint16>(m_out, 0xde, quint16(count));
    } else {
        appendBigEndian<quint32>(m_out, 0xdf, count);
    }
}

} // namespace NoLag::Codec
