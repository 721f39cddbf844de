// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariant>

namespace Conformance {

/*!
    Compares two decoded MessagePack values strictly and returns an empty string when they are
    equal, otherwise a sentence naming the first difference and where it is.

    QVariant's own operator== is too forgiving for a wire check: it treats true and 1, or 2 and
    2.0, as equal. Here the kinds must match (nil, boolean, integer, float, string, bytes,
    array, map); integers of any width compare by value, and maps must have the same keys.
*/
QString mismatch(const QVariant &actual, const QVariant &expected, const QString &where = {});

/*! A compact, readable rendering of a decoded value for failure messages. */
QString describe(const QVariant &value);

/*! The keys of \a map, sorted, so that two key sets compare with QCOMPARE. */
QStringList keysOf(const QVariantMap &map);

/*! \a keys sorted, for comparing against keysOf(). */
QStringList sortedKeys(QStringList keys);

bool isInteger(const QVariant &value);
bool isBoolean(const QVariant &value);
bool isNil(const QVariant &value);
bool isString(const QVariant &value);

/*! True only for the boolean true (not 1, not "true"). */
inline bool isTrue(const QVariant &value)
{
    return isBoolean(value) && value.toBool();
}

/*! True for a lowercase UUID version 4 string ("xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx"). */
bool isLowercaseUuidV4(const QVariant &value);

} // namespace Conformance
