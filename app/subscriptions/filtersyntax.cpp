// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "filtersyntax.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>

using namespace Qt::StringLiterals;

namespace FilterSyntax {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FilterSyntax", text);
}

bool checkValue(const QString &value, QString *errorString)
{
    if (value.isEmpty()) {
        *errorString = tr("A filter value is empty; remove the extra comma or \"&\".");
        return false;
    }
    for (const QChar c : value) {
        if (c == u'/' || c == u'#' || c == u'+' || c == u'|') {
            *errorString = tr("The filter value \"%1\" contains \"%2\"; the server does not "
                              "allow /, #, + or | in filters.")
                               .arg(value, c);
            return false;
        }
    }
    return true;
}

} // namespace

Parsed parse(const QString &text)
{
    Parsed result;
    if (text.trimmed().isEmpty()) {
        result.ok = true;
        return result;
    }
    const QStringList items = text.split(u',');
    for (const QString &item : items) {
        const QStringList parts = item.split(u'&');
        if (parts.size() == 1) {
            const QString value = item.trimmed();
            if (!checkValue(value, &result.errorString)) {
                return result;
            }
            result.filters.append(value);
            continue;
        }
        QStringList group;
        for (const QString &part : parts) {
            const QString value = part.trimmed();
            if (!checkValue(value, &result.errorString)) {
                return result;
            }
            group.append(value);
        }
        result.filters.append(QVariant(group));
    }
    result.ok = true;
    return result;
}

QString format(const QVariantList &filters)
{
    QStringList items;
    for (const QVariant &filter : filters) {
        if (filter.typeId() == QMetaType::QStringList ||
            filter.typeId() == QMetaType::QVariantList) {
            items.append(filter.toStringList().join(u" & "_s));
        } else {
            items.append(filter.toString());
        }
    }
    return items.join(u", "_s);
}

Parsed parseValues(const QString &text)
{
    Parsed result;
    if (text.trimmed().isEmpty()) {
        result.ok = true;
        return result;
    }
    for (const QString &item : text.split(u',')) {
        const QString value = item.trimmed();
        if (!checkValue(value, &result.errorString)) {
            return result;
        }
        result.filters.append(value);
    }
    result.ok = true;
    return result;
}

} // namespace FilterSyntax
