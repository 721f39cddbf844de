// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QString>
#include <QtCore/QVariantList>

/*!
    The text form of subscription filters used in the explorer's fields:

        red, blue, vip & europe

    Items are separated by commas. A plain item is one filter value (items are alternatives:
    OR). An item joining values with "&" is an AND group: the message must carry all of them.
    Values may not contain "/", "#", "+" or "|" (the server refuses them) and may not be empty.
*/
namespace FilterSyntax {

struct Parsed
{
    bool ok = false;
    QVariantList filters; //!< strings and QStringLists, as NoLagSubscribeOptions takes them
    QString errorString; //!< for the user, when not ok
};

Parsed parse(const QString &text);

/*! The text of \a filters (strings and lists of strings), the inverse of parse(). */
QString format(const QVariantList &filters);

/*! Splits publish-side filter values ("a, b") into a list; same character rules. */
Parsed parseValues(const QString &text);

} // namespace FilterSyntax
