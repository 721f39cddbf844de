// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "framecheck.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonValue>
#include <QtCore/QRegularExpression>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Conformance {

namespace {

enum class Kind { Nil, Boolean, Integer, Float, String, Bytes, Array, Map, Other };

Kind kindOf(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return Kind::Nil;
    case QMetaType::Bool:
        return Kind::Boolean;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return Kind::Integer;
    case QMetaType::Double:
    case QMetaType::Float:
        return Kind::Float;
    case QMetaType::QString:
        return Kind::String;
    case QMetaType::QByteArray:
        return Kind::Bytes;
    case QMetaType::QVariantList:
    case QMetaType::QStringList:
        return Kind::Array;
    case QMetaType::QVariantMap:
        return Kind::Map;
    default:
        return Kind::Other;
    }
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Nil:
        return u"nil"_s;
    case Kind::Boolean:
        return u"a boolean"_s;
    case Kind::Integer:
        return u"an integer"_s;
    case Kind::Float:
        return u"a float"_s;
    case Kind::String:
        return u"a string"_s;
    case Kind::Bytes:
        return u"bytes"_s;
    case Kind::Array:
        return u"an array"_s;
    case Kind::Map:
        return u"a map"_s;
    case Kind::Other:
        break;
    }
    return u"a value of an unexpected type"_s;
}

bool sameInteger(const QVariant &a, const QVariant &b)
{
    const bool aHuge = a.typeId() == QMetaType::ULongLong &&
        a.toULongLong() > quint64(std::numeric_limits<qint64>::max());
    const bool bHuge = b.typeId() == QMetaType::ULongLong &&
        b.toULongLong() > quint64(std::numeric_limits<qint64>::max());
    if (aHuge || bHuge) {
        return aHuge && bHuge && a.toULongLong() == b.toULongLong();
    }
    return a.toLongLong() == b.toLongLong();
}

QString at(const QString &where)
{
    return where.isEmpty() ? u"the value"_s : where;
}

} // namespace

QString mismatch(const QVariant &actual, const QVariant &expected, const QString &where)
{
    const Kind actualKind = kindOf(actual);
    const Kind expectedKind = kindOf(expected);
    if (actualKind != expectedKind) {
        return u"%1 is %2 (%3), expected %4 (%5)"_s.arg(at(where), kindName(actualKind),
                                                        describe(actual), kindName(expectedKind),
                                                        describe(expected));
    }

    bool equal = true;
    switch (actualKind) {
    case Kind::Nil:
        break;
    case Kind::Boolean:
        equal = actual.toBool() == expected.toBool();
        break;
    case Kind::Integer:
        equal = sameInteger(actual, expected);
        break;
    case Kind::Float:
        equal = actual.toDouble() == expected.toDouble();
        break;
    case Kind::String:
        equal = actual.toString() == expected.toString();
        break;
    case Kind::Bytes:
        equal = actual.toByteArray() == expected.toByteArray();
        break;
    case Kind::Array: {
        const QVariantList a = actual.toList();
        const QVariantList e = expected.toList();
        if (a.size() != e.size()) {
            return u"%1 has %2 elements, expected %3: %4 instead of %5"_s.arg(
                at(where), QString::number(a.size()), QString::number(e.size()), describe(actual),
                describe(expected));
        }
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString why = mismatch(a[i], e[i], u"%1[%2]"_s.arg(where).arg(i));
            if (!why.isEmpty()) {
                return why;
            }
        }
        return {};
    }
    case Kind::Map: {
        const QVariantMap a = actual.toMap();
        const QVariantMap e = expected.toMap();
        if (keysOf(a) != keysOf(e)) {
            return u"%1 has the keys [%2], expected [%3]: %4"_s.arg(
                at(where), keysOf(a).join(u", "_s), keysOf(e).join(u", "_s), describe(actual));
        }
        for (auto it = e.cbegin(); it != e.cend(); ++it) {
            const QString path = where.isEmpty() ? it.key() : where + u'.' + it.key();
            const QString why = mismatch(a.value(it.key()), it.value(), path);
            if (!why.isEmpty()) {
                return why;
            }
        }
        return {};
    }
    case Kind::Other:
        equal = actual == expected;
        break;
    }

    if (equal) {
        return {};
    }
    return u"%1 is %2, expected %3"_s.arg(at(where), describe(actual), describe(expected));
}

QString describe(const QVariant &value)
{
    if (kindOf(value) == Kind::Bytes) {
        return u"bin(0x%1)"_s.arg(QString::fromLatin1(value.toByteArray().left(32).toHex()));
    }
    const QJsonArray wrapper{QJsonValue::fromVariant(value)};
    QString text = QString::fromUtf8(QJsonDocument(wrapper).toJson(QJsonDocument::Compact));
    text = text.mid(1, text.size() - 2);
    if (text.size() > 300) {
        text = text.left(300) + u"..."_s;
    }
    return text;
}

QStringList keysOf(const QVariantMap &map)
{
    return map.keys(); // QMap keeps its keys sorted
}

QStringList sortedKeys(QStringList keys)
{
    std::sort(keys.begin(), keys.end());
    return keys;
}

bool isInteger(const QVariant &value)
{
    return kindOf(value) == Kind::Integer;
}

bool isBoolean(const QVariant &value)
{
    return kindOf(value) == Kind::Boolean;
}

bool isNil(const QVariant &value)
{
    return value.typeId() == QMetaType::Nullptr;
}

bool isString(const QVariant &value)
{
    return kindOf(value) == Kind::String;
}

bool isLowercaseUuidV4(const QVariant &value)
{
    static const QRegularExpression uuid(
        u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
    return isString(value) && uuid.match(value.toString()).hasMatch();
}

} // namespace Conformance
