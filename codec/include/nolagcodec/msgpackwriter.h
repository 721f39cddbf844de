// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QStringView>

namespace NoLag::Codec {

/*!
    Appends MessagePack values to a QByteArray, always in the smallest encoding, the way the
    NoLag broker re-encodes them (integers minimal, floats as float64 unless asked otherwise).

    The writer does not track structure: a map header promises a number of key/value pairs and
    the caller writes exactly that many.
*/
class Writer
{
public:
    explicit Writer(QByteArray *out)
        : m_out(out)
    { }

    QByteArray *buffer() const { return m_out; }

    void writeNil();
    void writeBool(bool value);
    void writeInt(qint64 value);
    void writeUInt(quint64 value);
    void writeDouble(double value);
    void writeFloat(float value);
    void writeStr(QByteArrayView utf8);
    void writeStr(QStringView text);
    void writeStr(const char *utf8) = delete; // say QByteArrayView("...") or use writeKey()
    void writeBin(QByteArrayView bytes);
    void writeArrayHeader(quint32 count);
    void writeMapHeader(quint32 count);

    /*! Appends bytes that already hold one or more complete MessagePack values. */
    void writeRaw(QByteArrayView encoded);

    /*!
        Makes the buffer \a bytes longer and returns where the new bytes start, for the
        caller to fill in. The pointer is valid until the next write.
    */
    char *grow(qsizetype bytes)
    {
        // Every value goes through here, so the usual case (room left in a buffer nobody
        // shares) is handled inline on QByteArray's data pointer instead of a call of
        // resize(). One byte of the capacity stays free for the terminating '\0'.
        QByteArray::DataPointer &data = m_out->data_ptr();
        if (!data.needsDetach() && data.freeSpaceAtEnd() > bytes) {
            char *at = data.data() + data.size;
            data.size += bytes;
            at[bytes] = '\0';
            return at;
        }
        return growSlowly(bytes);
    }

    /*! Writes a string literal as str, usually a map key: writeKey("topic"). */
    template<qsizetype N>
    void writeKey(const char (&literal)[N])
    {
        writeStr(QByteArrayView(literal, N - 1));
    }

private:
    char *growSlowly(qsizetype bytes);

    QByteArray *m_out;
};

} // namespace NoLag::Codec
