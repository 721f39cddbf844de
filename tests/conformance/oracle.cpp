// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "oracle.h"

#include <QtCore/QtEndian>

#include <msgpack.hpp>

#include <string>

using namespace Qt::StringLiterals;

namespace Conformance {

namespace {

using Packer = msgpack::packer<msgpack::sbuffer>;

template<typename Write>
QByteArray encodeWith(Write write)
{
    msgpack::sbuffer buffer;
    Packer packer(buffer);
    write(packer);
    return QByteArray(buffer.data(), qsizetype(buffer.size()));
}

OracleValue::Type typeOf(const msgpack::object &object)
{
    switch (object.type) {
    case msgpack::type::NIL:
        return OracleValue::Type::Nil;
    case msgpack::type::BOOLEAN:
        return OracleValue::Type::Boolean;
    case msgpack::type::POSITIVE_INTEGER:
        return OracleValue::Type::PositiveInteger;
    case msgpack::type::NEGATIVE_INTEGER:
        return OracleValue::Type::NegativeInteger;
    case msgpack::type::FLOAT32:
        return OracleValue::Type::Float32;
    case msgpack::type::FLOAT64:
        return OracleValue::Type::Float64;
    case msgpack::type::STR:
        return OracleValue::Type::Str;
    case msgpack::type::BIN:
        return OracleValue::Type::Bin;
    case msgpack::type::ARRAY:
        return OracleValue::Type::Array;
    case msgpack::type::MAP:
        return OracleValue::Type::Map;
    case msgpack::type::EXT:
        return OracleValue::Type::Ext;
    }
    return OracleValue::Type::Undecodable;
}

const msgpack::object *findKey(const msgpack::object &map, const QString &key)
{
    if (map.type != msgpack::type::MAP) {
        return nullptr;
    }
    const std::string wanted = key.toStdString();
    for (uint32_t i = 0; i < map.via.map.size; ++i) {
        const msgpack::object &k = map.via.map.ptr[i].key;
        if (k.type == msgpack::type::STR && std::string(k.via.str.ptr, k.via.str.size) == wanted) {
            return &map.via.map.ptr[i].val;
        }
    }
    return nullptr;
}

} // namespace

OracleMap &OracleMap::str(const char *key, const QString &value)
{
    const std::string utf8 = value.toStdString();
    m_pairs.append({key, encodeWith([&](Packer &p) { p.pack(utf8); })});
    return *this;
}

OracleMap &OracleMap::integer(const char *key, qint64 value)
{
    m_pairs.append({key, encodeWith([&](Packer &p) { p.pack(value); })});
    return *this;
}

// msgpack-cxx 4 writes a float or double that holds an integral value as an integer, so the
// float encodings are written here byte by byte: the marker, then the big-endian value.
OracleMap &OracleMap::float32(const char *key, float value)
{
    QByteArray encoded(5, '\0');
    encoded[0] = char(0xca);
    qToBigEndian(value, encoded.data() + 1);
    m_pairs.append({key, encoded});
    return *this;
}

OracleMap &OracleMap::float64(const char *key, double value)
{
    QByteArray encoded(9, '\0');
    encoded[0] = char(0xcb);
    qToBigEndian(value, encoded.data() + 1);
    m_pairs.append({key, encoded});
    return *this;
}

OracleMap &OracleMap::boolean(const char *key, bool value)
{
    m_pairs.append({key, encodeWith([&](Packer &p) { p.pack(value); })});
    return *this;
}

OracleMap &OracleMap::nil(const char *key)
{
    m_pairs.append({key, encodeWith([](Packer &p) { p.pack_nil(); })});
    return *this;
}

OracleMap &OracleMap::bin(const char *key, const QByteArray &value)
{
    m_pairs.append({key, encodeWith([&](Packer &p) {
                        p.pack_bin(uint32_t(value.size()));
                        p.pack_bin_body(value.constData(), uint32_t(value.size()));
                    })});
    return *this;
}

OracleMap &OracleMap::ext(const char *key)
{
    m_pairs.append({key, encodeWith([](Packer &p) {
                        p.pack_ext(1, 1);
                        p.pack_ext_body("x", 1);
                    })});
    return *this;
}

OracleMap &OracleMap::timestamp(const char *key, quint32 seconds)
{
    m_pairs.append({key, encodeWith([&](Packer &p) {
                        // timestamp 32: fixext 4, type -1, big-endian seconds
                        const char body[4] = {char(seconds >> 24), char(seconds >> 16),
                                              char(seconds >> 8), char(seconds)};
                        p.pack_ext(4, -1);
                        p.pack_ext_body(body, 4);
                    })});
    return *this;
}

OracleMap &OracleMap::raw(const char *key, const QByteArray &encoded)
{
    m_pairs.append({key, encoded});
    return *this;
}

QByteArray OracleMap::bytes() const
{
    QByteArray out = encodeWith([&](Packer &p) { p.pack_map(uint32_t(m_pairs.size())); });
    for (const auto &[key, value] : m_pairs) {
        const std::string k = key.toStdString();
        out += encodeWith([&](Packer &p) { p.pack(k); });
        out += value;
    }
    return out;
}

OracleValue oracleLookup(const QByteArray &encoded, const QStringList &path)
{
    OracleValue result;
    msgpack::object_handle handle;
    try {
        handle = msgpack::unpack(encoded.constData(), size_t(encoded.size()));
    } catch (const std::exception &) {
        result.type = OracleValue::Type::Undecodable;
        return result;
    }

    const msgpack::object *current = &handle.get();
    for (const QString &key : path) {
        current = findKey(*current, key);
        if (!current) {
            return result; // Missing
        }
    }

    result.type = typeOf(*current);
    switch (current->type) {
    case msgpack::type::STR:
        result.text = QByteArray(current->via.str.ptr, current->via.str.size);
        break;
    case msgpack::type::BIN:
        result.text = QByteArray(current->via.bin.ptr, current->via.bin.size);
        break;
    case msgpack::type::FLOAT32:
    case msgpack::type::FLOAT64:
        result.number = current->via.f64;
        break;
    case msgpack::type::POSITIVE_INTEGER:
        result.positive = current->via.u64;
        break;
    default:
        break;
    }
    return result;
}

QString oracleCheckServerFrame(const QByteArray &encoded)
{
    msgpack::object_handle handle;
    try {
        std::size_t offset = 0;
        handle = msgpack::unpack(encoded.constData(), size_t(encoded.size()), offset);
        if (offset != size_t(encoded.size())) {
            return u"the frame holds more than one MessagePack value"_s;
        }
    } catch (const std::exception &e) {
        return u"msgpack-cxx cannot decode the frame: %1"_s.arg(QString::fromUtf8(e.what()));
    }

    const msgpack::object &frame = handle.get();
    if (frame.type != msgpack::type::MAP) {
        return u"the frame is not a map"_s;
    }
    for (uint32_t i = 0; i < frame.via.map.size; ++i) {
        if (frame.via.map.ptr[i].key.type != msgpack::type::STR) {
            return u"a top-level key is not a str"_s;
        }
    }
    const msgpack::object *type = findKey(frame, u"type"_s);
    if (!type) {
        return u"the frame has no \"type\" key"_s;
    }
    if (type->type != msgpack::type::STR) {
        return u"\"type\" is not a str"_s;
    }
    return {};
}

QString oracleTypeName(OracleValue::Type type)
{
    switch (type) {
    case OracleValue::Type::Missing:
        return u"missing"_s;
    case OracleValue::Type::Nil:
        return u"nil"_s;
    case OracleValue::Type::Boolean:
        return u"bool"_s;
    case OracleValue::Type::PositiveInteger:
        return u"positive integer"_s;
    case OracleValue::Type::NegativeInteger:
        return u"negative integer"_s;
    case OracleValue::Type::Float32:
        return u"float32"_s;
    case OracleValue::Type::Float64:
        return u"float64"_s;
    case OracleValue::Type::Str:
        return u"str"_s;
    case OracleValue::Type::Bin:
        return u"bin"_s;
    case OracleValue::Type::Array:
        return u"array"_s;
    case OracleValue::Type::Map:
        return u"map"_s;
    case OracleValue::Type::Ext:
        return u"ext"_s;
    case OracleValue::Type::Undecodable:
        break;
    }
    return u"undecodable"_s;
}

} // namespace Conformance
