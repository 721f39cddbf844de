// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArrayView>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace NoLag::Server {

/*!
    Filter validation and normalisation (wire-protocol §8). Filters arrive as raw MessagePack
    values straight from the frame; nothing is decoded before it is known to be valid.
*/
struct FilterResult
{
    bool ok = true;
    QString error; // the error text of §8.2 when !ok
    QStringList values; // normalised filter values; empty = unfiltered
};

/*! The error text for a bad filter item (§8.2). */
QString invalidFilterCharsError();
/*! The error text for more than \a maxFilters items (§8.2). */
QString tooManyFiltersError(int maxFilters);

/*! True when \a utf8 is a usable filter string: non-empty, without `/`, `#`, `+` or `|`. */
bool isValidFilterString(QByteArrayView utf8);

/*!
    Normalises an AND group (§8.3): every element lowercased, sorted by UTF-8 bytes, joined
    with `|`. Also used for the `filters` array of a publish (§8.4).
*/
QString normaliseFilterGroup(const QList<QByteArrayView> &elements);

/*!
    The `filters` of a subscribe or setFilters frame: absent, nil or not an array means no
    filters. Str items are kept as they are, AND groups (arrays of two or more str) become one
    normalised value, duplicates collapse. More than \a maxFilters items or any bad item is an
    error.
*/
FilterResult parseSubscriptionFilters(QByteArrayView rawFilters, int maxFilters);

/*!
    The filter value of a publish (§8.4): a non-empty `filter` str as it is, otherwise the
    str elements of `filters` normalised as a group. At most one value results. Unlike the
    reference server, values that break the §8.2 character rules are refused.
*/
FilterResult parsePublishFilter(QByteArrayView rawFilter, QByteArrayView rawFilters);

} // namespace NoLag::Server
