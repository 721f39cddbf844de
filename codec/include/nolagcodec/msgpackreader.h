// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArrayView>
#include <QtCore/QtGlobal>

namespace NoLag::Codec {

/*!
    The kind of the next MessagePack value, as far as its first byte tells.
*/
enum class Kind : quint8 {
    Nil,
    Bool,
    Int, // a signed encoding: negative fixint or int8..int64 (the value may be >= 0)
    UInt, // an unsigned encoding: positive fixint or uint8..uint64
    Float32,
    Float64,
    Str,
    Bin,
    Array,
    Map,
    Ext, // any ext or fixext type: never valid in NoLag frames
    Reserved, // the byte 0xc1, never valid
    End, // no more bytes
};

enum class ReadError : quint8 {
    None,
    Truncated, // a header or body runs past the end of the input
    TypeMismatch, // the value is not of the kind the caller asked for
    Reserved, // the reserved byte 0xc1
    Ext, // an ext value (NoLag rejects every frame that holds one)
    TooDeep, // nesting beyond the reader's depth limit
    OutOfRange, // an integer that does not fit the requested C++ type
};

/*!
    A bounds-checked cursor over MessagePack bytes that never allocates.

    Every read checks the remaining length first. A failed read leaves the cursor where it was,
    sets error() and returns false; later reads keep failing until the reader is reset, so a
    sequence of reads can be checked once at the end.
*/
class Reader
{
public:
    static constexpr int DefaultMaxDepth = 100;
    static constexpr int MaxDepthLimit = 200;

    Reader() = default;
    explicit Reader(QByteArrayView bytes)
        : m_begin(bytes.data())
        , m_end(bytes.data() + bytes.size())
    { }

    qsizetype position() const { return m_pos - m_begin; }
    qsizetype remaining() const { return m_end - m_pos; }
    bool atEnd() const { return m_pos == m_end; }
    ReadError error() const { return m_error; }
    bool hasError() const { return m_error != ReadError::None; }

    Kind peekKind() const;

    bool readNil();
    bool readBool(bool *value);
    bool readInt(qint64 *value); // any integer that fits qint64
    bool readUInt(quint64 *value); // any non-negative integer
    bool readDouble(double *value); // float32, float64, or an integer converted
    bool readStr(QByteArrayView *utf8);
    bool readBin(QByteArrayView *bytes);
    bool readStrOrBin(QByteArrayView *bytes);
    bool readArrayHeader(quint32 *count);
    bool readMapHeader(quint32 *count);

    /*!
        Skips one complete value, checking its structure, and returns its raw bytes in \a raw
        when given. Fails on truncation, on the reserved byte, on ext values and on nesting
        deeper than \a maxDepth (at most MaxDepthLimit).
    */
    bool skip(QByteArrayView *raw = nullptr, int maxDepth = DefaultMaxDepth);

private:
    bool fail(ReadError error)
    {
        m_error = error;
        return false;
    }
    bool readLength(quint8 marker, quint8 fixBase, quint8 fixMask, quint8 marker8, quint32 *length);
    bool takeBytes(qsizetype count, QByteArrayView *out);

    const char *m_begin = nullptr;
    const char *m_pos = m_begin;
    const char *m_end = m_begin;
    ReadError m_error = ReadError::None;
};

/*!
    Returns true when \a bytes holds exactly one well-formed MessagePack value without ext
    types and without nesting deeper than \a maxDepth.
*/
bool isWellFormed(QByteArrayView bytes, int maxDepth = Reader::DefaultMaxDepth);

} // namespace NoLag::Codec
