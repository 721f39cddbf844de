// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include <nolagcodec/msgpackreader.h>

#include <QtCore/QtEndian>

#include <cstring>
#include <limits>

namespace NoLag::Codec {

namespace {

template<typename T>
T loadBigEndian(const char *p)
{
    T value;
    std::memcpy(&value, p, sizeof(T));
    return qFromBigEndian(value);
}

quint8 byteAt(const char *p)
{
    return static_cast<quint8>(*p);
}

} // namespace

Kind Reader::peekKind() const
{
    if (m_pos >= m_end) {
        return Kind::End;
    }

    const quint8 b = byteAt(m_pos);
    if (b <= 0x7f) {
        return Kind::UInt;
    }
    if (b >= 0xe0) {
        return Kind::Int;
    }
    if (b <= 0x8f) {
        return Kind::Map;
    }
    if (b <= 0x9f) {
        return Kind::Array;
    }
    if (b <= 0xbf) {
        return Kind::Str;
    }

    switch (b) {
    case 0xc0:
        return Kind::Nil;
    case 0xc1:
        return Kind::Reserved;
    case 0xc2:
    case 0xc3:
        return Kind::Bool;
    case 0xc4:
    case 0xc5:
    case 0xc6:
        return Kind::Bin;
    case 0xca:
        return Kind::Float32;
    case 0xcb:
        return Kind::Float64;
    case 0xcc:
    case 0xcd:
    case 0xce:
    case 0xcf:
        return Kind::UInt;
    case 0xd0:
    case 0xd1:
    case 0xd2:
    case 0xd3:
        return Kind::Int;
    case 0xd9:
    case 0xda:
    case 0xdb:
        return Kind::Str;
    case 0xdc:
    case 0xdd:
        return Kind::Array;
    case 0xde:
    case 0xdf:
        return Kind::Map;
    default: // 0xc7..0xc9 ext, 0xd4..0xd8 fixext
        return Kind::Ext;
    }
}

bool Reader::takeBytes(qsizetype count, QByteArrayView *out)
{
    if (count > m_end - m_pos) {
        return fail(ReadError::Truncated);
    }
    if (out) {
        *out = QByteArrayView(m_pos, count);
    }
    m_pos += count;
    return true;
}

bool Reader::readNil()
{
    if (hasError()) {
        return false;
    }
    if (peekKind() != Kind::Nil) {
        return fail(m_pos >= m_end ? ReadError::Truncated : ReadError::TypeMismatch);
    }
    ++m_pos;
    return true;
}

bool Reader::readBool(bool *value)
{
    if (hasError()) {
        return false;
    }
    if (peekKind() != Kind::Bool) {
        return fail(m_pos >= m_end ? ReadError::Truncated : ReadError::TypeMismatch);
    }
    *value = byteAt(m_pos) == 0xc3;
    ++m_pos;
    return true;
}

bool Reader::readInt(qint64 *value)
{
    if (hasError()) {
        return false;
    }
    const Kind kind = peekKind();
    if (kind == Kind::UInt) {
        const char *start = m_pos;
        quint64 u = 0;
        if (!readUInt(&u)) {
            return false;
        }
        if (u > quint64(std::numeric_limits<qint64>::max())) {
            m_pos = start;
            return fail(ReadError::OutOfRange);
        }
        *value = qint64(u);
        return true;
    }
    if (kind != Kind::Int) {
        return fail(kind == Kind::End ? ReadError::Truncated : ReadError::TypeMismatch);
    }

    const quint8 b = byteAt(m_pos);
    if (b >= 0xe0) {
        *value = qint8(b);
        ++m_pos;
        return true;
    }
    const qsizetype size = qsizetype(1) << (b - 0xd0);
    if (1 + size > m_end - m_pos) {
        return fail(ReadError::Truncated);
    }
    const char *p = m_pos + 1;
    switch (size) {
    case 1:
        *value = qint8(byteAt(p));
        break;
    case 2:
        *value = loadBigEndian<qint16>(p);
        break;
    case 4:
        *value = loadBigEndian<qint32>(p);
        break;
    default:
        *value = loadBigEndian<qint64>(p);
        break;
    }
    m_pos += 1 + size;
    return true;
}

bool Reader::readUInt(quint64 *value)
{
    if (hasError()) {
        return false;
    }
    const Kind kind = peekKind();
    if (kind == Kind::Int) {
        const char *start = m_pos;
        qint64 s = 0;
        if (!readInt(&s)) {
            return false;
        }
        if (s < 0) {
            m_pos = start;
            return fail(ReadError::OutOfRange);
        }
        *value = quint64(s);
        return true;
    }
    if (kind != Kind::UInt) {
        return fail(kind == Kind::End ? ReadError::Truncated : ReadError::TypeMismatch);
    }

    const quint8 b = byteAt(m_pos);
    if (b <= 0x7f) {
        *value = b;
        ++m_pos;
        return true;
    }
    const qsizetype size = qsizetype(1) << (b - 0xcc);
    if (1 + size > m_end - m_pos) {
        return fail(ReadError::Truncated);
    }
    const char *p = m_pos + 1;
    switch (size) {
    case 1:
        *value = byteAt(p);
        break;
    case 2:
        *value = loadBigEndian<quint16>(p);
        break;
    case 4:
        *value = loadBigEndian<quint32>(p);
        break;
    default:
        *value = loadBigEndian<quint64>(p);
        break;
    }
    m_pos += 1 + size;
    return true;
}

bool Reader::readDouble(double *value)
{
    if (hasError()) {
        return false;
    }
    switch (peekKind()) {
    case Kind::Float32: {
        if (5 > m_end - m_pos) {
            return fail(ReadError::Truncated);
        }
        const quint32 bits = loadBigEndian<quint32>(m_pos + 1);
        float f;
        std::memcpy(&f, &bits, sizeof f);
        *value = f;
        m_pos += 5;
        return true;
    }
    case Kind::Float64: {
        if (9 > m_end - m_pos) {
            return fail(ReadError::Truncated);
        }
        const quint64 bits = loadBigEndian<quint64>(m_pos + 1);
        std::memcpy(value, &bits, sizeof *value);
        m_pos += 9;
        return true;
    }
    case Kind::Int: {
        qint64 i = 0;
        if (!readInt(&i)) {
            return false;
        }
        *value = double(i);
        return true;
    }
    case Kind::UInt: {
        quint64 u = 0;
        if (!readUInt(&u)) {
            return false;
        }
        *value = double(u);
        return true;
    }
    case Kind::End:
        return fail(ReadError::Truncated);
    default:
        return fail(ReadError::TypeMismatch);
    }
}

bool Reader::readLength(quint8 marker, quint8 fixBase, quint8 fixMask, quint8 marker8,
                        quint32 *length)
{
    if (fixMask != 0 && (marker & ~fixMask) == fixBase) {
        *length = marker & fixMask;
        ++m_pos;
        return true;
    }

    // marker8, marker8 + 1 and marker8 + 2 carry 1, 2 and 4 length bytes.
    const int width = 1 << (marker - marker8);
    if (1 + width > m_end - m_pos) {
        return fail(ReadError::Truncated);
    }
    const char *p = m_pos + 1;
    if (width == 1) {
        *length = byteAt(p);
    } else if (width == 2) {
        *length = loadBigEndian<quint16>(p);
    } else {
        *length = loadBigEndian<quint32>(p);
    }
    m_pos += 1 + width;
    return true;
}

bool Reader::readStr(QByteArrayView *utf8)
{
    if (hasError()) {
        return false;
    }
    if (peekKind() != Kind::Str) {
        return fail(m_pos >= m_end ? ReadError::Truncated : ReadError::TypeMismatch);
    }
    const char *start = m_pos;
    quint32 length = 0;
    if (!readLength(byteAt(m_pos), 0xa0, 0x1f, 0xd9, &length) || !takeBytes(length, utf8)) {
        m_pos = start;
        return false;
    }
    return true;
}

bool Reader::readBin(QByteArrayView *bytes)
{
    if (hasError()) {
        return false;
    }
    if (peekKind() != Kind::Bin) {
        return fail(m_pos >= m_end ? ReadError::Truncated : ReadError::TypeMismatch);
    }
    const char *start = m_pos;
    quint32 length = 0;
    if (!readLength(byteAt(m_pos), 0, 0, 0xc4, &length) || !takeBytes(length, bytes)) {
        m_pos = start;
        return false;
    }
    return true;
}

bool Reader::readStrOrBin(QByteArrayView *bytes)
{
    return peekKind() == Kind::Bin ? readBin(bytes) : readStr(bytes);
}

bool Reader::readArrayHeader(quint32 *count)
{
    if (hasError()) {
        return false;
    }
    if (peekKind() != Kind::Array) {
        return fail(m_pos >= m_end ? ReadError::Truncated : ReadError::TypeMismatch);
    }
    const quint8 b = byteAt(m_pos);
    // array16 and array32 carry 2 and 4 length bytes: map them onto readLength's scheme.
    return readLength(b, 0x90, 0x0f, 0xdc - 1, count);
}

bool Reader::readMapHeader(quint32 *count)
{
    if (hasError()) {
        return false;
    }
    if (peekKind() != Kind::Map) {
        return fail(m_pos >= m_end ? ReadError::Truncated : ReadError::TypeMismatch);
    }
    const quint8 b = byteAt(m_pos);
    return readLength(b, 0x80, 0x0f, 0xde - 1, count);
}

bool Reader::skip(QByteArrayView *raw, int maxDepth)
{
    if (hasError()) {
        return false;
    }
    maxDepth = qBound(0, maxDepth, MaxDepthLimit);

    const char *start = m_pos;
    auto failAt = [&](ReadError error) {
        m_pos = start;
        return fail(error);
    };

    // Items still to read at each open nesting level; level 0 is the value itself.
    quint64 pending[MaxDepthLimit + 1];
    int depth = 0;
    pending[0] = 1;

    while (depth >= 0) {
        if (pending[depth] == 0) {
            --depth;
            continue;
        }
        --pending[depth];

        if (m_pos >= m_end) {
            return failAt(ReadError::Truncated);
        }
        const quint8 b = byteAt(m_pos);
        const qsizetype left = m_end - m_pos;
        quint64 children = 0;
        qsizetype advance = 0;

        if (b <= 0x7f || b >= 0xe0 || (b >= 0xc0 && b <= 0xc3 && b != 0xc1)) {
            advance = 1;
        } else if (b <= 0x8f) {
            children = 2 * quint64(b & 0x0f);
            advance = 1;
        } else if (b <= 0x9f) {
            children = b & 0x0f;
            advance = 1;
        } else if (b <= 0xbf) {
            advance = 1 + (b & 0x1f);
        } else {
            switch (b) {
            case 0xc1:
                return failAt(ReadError::Reserved);
            case 0xc4:
            case 0xd9:
                if (left < 2) {
                    return failAt(ReadError::Truncated);
                }
                advance = 2 + byteAt(m_pos + 1);
                break;
            case 0xc5:
            case 0xda:
                if (left < 3) {
                    return failAt(ReadError::Truncated);
                }
                advance = 3 + qsizetype(loadBigEndian<quint16>(m_pos + 1));
                break;
            case 0xc6:
            case 0xdb:
                if (left < 5) {
                    return failAt(ReadError::Truncated);
                }
                advance = 5 + qsizetype(loadBigEndian<quint32>(m_pos + 1));
                break;
            case 0xca:
                advance = 5;
                break;
            case 0xcb:
                advance = 9;
                break;
            case 0xcc:
            case 0xd0:
                advance = 2;
                break;
            case 0xcd:
            case 0xd1:
                advance = 3;
                break;
            case 0xce:
            case 0xd2:
                advance = 5;
                break;
            case 0xcf:
            case 0xd3:
                advance = 9;
                break;
            case 0xdc:
            case 0xde:
                if (left < 3) {
                    return failAt(ReadError::Truncated);
                }
                children = loadBigEndian<quint16>(m_pos + 1);
                advance = 3;
                break;
            case 0xdd:
            case 0xdf:
                if (left < 5) {
                    return failAt(ReadError::Truncated);
                }
                children = loadBigEndian<quint32>(m_pos + 1);
                advance = 5;
                break;
            default:
                return failAt(ReadError::Ext);
            }
            if (b == 0xde || b == 0xdf) {
                children *= 2;
            }
        }

        if (advance > left) {
            return failAt(ReadError::Truncated);
        }
        m_pos += advance;

        if (children > 0) {
            // Each child takes at least one byte: a count beyond the input is a lie.
            if (children > quint64(m_end - m_pos)) {
                return failAt(ReadError::Truncated);
            }
            if (depth + 1 > maxDepth) {
                return failAt(ReadError::TooDeep);
            }
            pending[++depth] = children;
        }
    }

    if (raw) {
        *raw = QByteArrayView(start, m_pos - start);
    }
    return true;
}

bool isWellFormed(QByteArrayView bytes, int maxDepth)
{
    Reader reader(bytes);
    return reader.skip(nullptr, maxDepth) && reader.atEnd();
}

} // namespace NoLag::Codec
