// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <nolagcodec/msgpackwriter.h>

#include <QtCore/QByteArray>
#include <QtCore/QString>

namespace NoLag::Server {

/*!
    Builds one server frame: a MessagePack map whose size is only known at the end.
    Fields go into a body buffer; finish() puts the map header in front.

    For the control frames of the protocol (replies, errors, presence). Message frames, the
    hot path, are written directly by the broker with a precomputed field count.
*/
class FrameBuilder
{
public:
    explicit FrameBuilder(QByteArrayView type)
    {
        m_writer.writeKey("type");
        m_writer.writeStr(type);
        m_count = 1;
    }

    template<qsizetype N>
    FrameBuilder &str(const char (&key)[N], QStringView value)
    {
        m_writer.writeKey(key);
        m_writer.writeStr(value);
        ++m_count;
        return *this;
    }

    template<qsizetype N>
    FrameBuilder &utf8(const char (&key)[N], QByteArrayView value)
    {
        m_writer.writeKey(key);
        m_writer.writeStr(value);
        ++m_count;
        return *this;
    }

    template<qsizetype N>
    FrameBuilder &integer(const char (&key)[N], qint64 value)
    {
        m_writer.writeKey(key);
        m_writer.writeInt(value);
        ++m_count;
        return *this;
    }

    template<qsizetype N>
    FrameBuilder &boolean(const char (&key)[N], bool value)
    {
        m_writer.writeKey(key);
        m_writer.writeBool(value);
        ++m_count;
        return *this;
    }

    /*! A field whose value is already encoded MessagePack (one complete value). */
    template<qsizetype N>
    FrameBuilder &raw(const char (&key)[N], QByteArrayView encoded)
    {
        m_writer.writeKey(key);
        m_writer.writeRaw(encoded);
        ++m_count;
        return *this;
    }

    QByteArray finish() const
    {
        QByteArray frame;
        frame.reserve(m_body.size() + 5);
        Codec::Writer(&frame).writeMapHeader(m_count);
        frame.append(m_body);
        return frame;
    }

private:
    QByteArray m_body;
    Codec::Writer m_writer{&m_body};
    quint32 m_count = 0;
};

/*!
    Collects the entries of a nested map (keys and encoded values) for FrameBuilder::raw().
*/
class MapBuilder
{
public:
    void add(QStringView key, QByteArrayView encodedValue)
    {
        m_writer.writeStr(key);
        m_writer.writeRaw(encodedValue);
        ++m_count;
    }
    void addString(QStringView key, QStringView value)
    {
        m_writer.writeStr(key);
        m_writer.writeStr(value);
        ++m_count;
    }
    quint32 size() const { return m_count; }

    QByteArray finish() const
    {
        QByteArray map;
        map.reserve(m_body.size() + 5);
        Codec::Writer(&map).writeMapHeader(m_count);
        map.append(m_body);
        return map;
    }

private:
    QByteArray m_body;
    Codec::Writer m_writer{&m_body};
    quint32 m_count = 0;
};

/*! Encodes one str value. */
QByteArray encodedString(QStringView value);
/*! Encodes one integer value. */
QByteArray encodedInteger(qint64 value);
/*! The encoding of nil. */
QByteArray encodedNil();

} // namespace NoLag::Server
