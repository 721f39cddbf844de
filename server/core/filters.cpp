// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "filters.h"

#include <nolagcodec/msgpackreader.h>

#include <algorithm>

using namespace Qt::StringLiterals;
using NoLag::Codec::Kind;
using NoLag::Codec::Reader;

namespace NoLag::Server {

namespace {

FilterResult failure(const QString &error)
{
    FilterResult result;
    result.ok = false;
    result.error = error;
    return result;
}

} // namespace

QString invalidFilterCharsError()
{
    return u"invalid_filter_chars (/, #, +, | not allowed)"_s;
}

QString tooManyFiltersError(int maxFilters)
{
    return u"too_many_filters (max %1)"_s.arg(maxFilters);
}

bool isValidFilterString(QByteArrayView utf8)
{
    if (utf8.isEmpty()) {
        return false;
    }
    for (const char c : utf8) {
        if (c == '/' || c == '#' || c == '+' || c == '|') {
            return false;
        }
    }
    return true;
}

QString normaliseFilterGroup(const QList<QByteArrayView> &elements)
{
    QList<QByteArray> lowered;
    lowered.reserve(elements.size());
    for (const QByteArrayView element : elements) {
        lowered.append(QString::fromUtf8(element).toLower().toUtf8());
    }
    // QByteArray's operator< compares bytes, which is the UTF-8 order the spec asks for
    // (QString would compare UTF-16 code units and differ above the BMP).
    std::sort(lowered.begin(), lowered.end());
    return QString::fromUtf8(lowered.join('|'));
}

FilterResult parseSubscriptionFilters(QByteArrayView rawFilters, int maxFilters)
{
    FilterResult result;
    Reader reader(rawFilters);
    quint32 count = 0;
    if (rawFilters.isEmpty() || reader.peekKind() != Kind::Array ||
        !reader.readArrayHeader(&count)) {
        return result;
    }
    if (count > quint32(maxFilters)) {
        return failure(tooManyFiltersError(maxFilters));
    }

    for (quint32 i = 0; i < count; ++i) {
        const Kind kind = reader.peekKind();
        QString value;
        if (kind == Kind::Str || kind == Kind::Bin) {
            // The broker reads bin like str (wire-protocol §2.1), so a bin filter is accepted.
            QByteArrayView utf8;
            reader.readStrOrBin(&utf8);
            if (!isValidFilterString(utf8)) {
                return failure(invalidFilterCharsError());
            }
            value = QString::fromUtf8(utf8);
        } else if (kind == Kind::Array) {
            quint32 size = 0;
            reader.readArrayHeader(&size);
            if (size < 2) {
                return failure(invalidFilterCharsError());
            }
            QList<QByteArrayView> elements;
            for (quint32 j = 0; j < size; ++j) {
                QByteArrayView utf8;
                if (reader.peekKind() != Kind::Str || !reader.readStr(&utf8) ||
                    !isValidFilterString(utf8)) {
                    return failure(invalidFilterCharsError());
                }
                elements.append(utf8);
            }
            value = normaliseFilterGroup(elements);
        } else {
            return failure(invalidFilterCharsError());
        }
        if (!result.values.contains(value)) {
            result.values.append(value);
        }
    }
    return result;
}

FilterResult parsePublishFilter(QByteArrayView rawFilter, QByteArrayView rawFilters)
{
    FilterResult result;

    Reader single(rawFilter);
    QByteArrayView utf8;
    if (!rawFilter.isEmpty() && single.peekKind() == Kind::Str && single.readStr(&utf8) &&
        !utf8.isEmpty()) {
        if (!isValidFilterString(utf8)) {
            return failure(invalidFilterCharsError());
        }
        result.values.append(QString::fromUtf8(utf8));
        return result;
    }

    Reader reader(rawFilters);
    quint32 count = 0;
    if (rawFilters.isEmpty() || reader.peekKind() != Kind::Array ||
        !reader.readArrayHeader(&count)) {
        return result;
    }
    QList<QByteArrayView> elements;
    for (quint32 i = 0; i < count; ++i) {
        if (reader.peekKind() == Kind::Str) {
            reader.readStr(&utf8);
            if (!isValidFilterString(utf8)) {
                return failure(invalidFilterCharsError());
            }
            elements.append(utf8);
        } else if (!reader.skip()) {
            return result; // cannot happen: the envelope checked the whole frame
        }
    }
    if (!elements.isEmpty()) {
        result.values.append(normaliseFilterGroup(elements));
    }
    return result;
}

} // namespace NoLag::Server
