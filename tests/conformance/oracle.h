// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace Conformance {

/*!
    Builds a MessagePack map with msgpack-cxx, an encoder independent of our own codec, so the
    suite does not only test our codec against itself, and so a test can choose encodings our
    QVariant writer never produces (bin, float32, ext, wide integers, a float version number).

    Each value is encoded as it is added; bytes() writes the map header and the pairs in the
    order they were added.
*/
class OracleMap
{
public:
    OracleMap &str(const char *key, const QString &value);
    OracleMap &integer(const char *key, qint64 value);
    OracleMap &float32(const char *key, float value);
    OracleMap &float64(const char *key, double value);
    OracleMap &boolean(const char *key, bool value);
    OracleMap &nil(const char *key);
    OracleMap &bin(const char *key, const QByteArray &value);
    /*! A fixext 1 value (type 1), which NoLag frames must never contain. */
    OracleMap &ext(const char *key);
    /*! The msgpack timestamp extension (type -1) that JavaScript encoders emit for a Date. */
    OracleMap &timestamp(const char *key, quint32 seconds);
    /*! A value that is already encoded (a nested OracleMap's bytes(), for example). */
    OracleMap &raw(const char *key, const QByteArray &encoded);

    QByteArray bytes() const;

private:
    QList<QPair<QByteArray, QByteArray>> m_pairs;
};

/*! What msgpack-cxx found at one place inside an encoded value. */
struct OracleValue
{
    enum class Type {
        Missing,
        Nil,
        Boolean,
        PositiveInteger,
        NegativeInteger,
        Float32,
        Float64,
        Str,
        Bin,
        Array,
        Map,
        Ext,
        Undecodable
    };
    Type type = Type::Missing;
    QByteArray text; // the bytes of a str or bin
    double number = 0; // the value of a float
    quint64 positive = 0; // the value of a positive integer
};

/*!
    Decodes \a encoded with msgpack-cxx and returns the value found by following \a path
    through nested maps ("data", "blob" means frame["data"]["blob"]). An empty path returns
    the whole value.
*/
OracleValue oracleLookup(const QByteArray &encoded, const QStringList &path);

/*!
    Checks with msgpack-cxx that \a encoded is exactly one map whose keys are all str and whose
    "type" value is a str. Returns an empty string when it is, otherwise what is wrong.
*/
QString oracleCheckServerFrame(const QByteArray &encoded);

/*! The type name for failure messages. */
QString oracleTypeName(OracleValue::Type type);

} // namespace Conformance
