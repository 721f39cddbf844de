// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <nolagcodec/msgpackreader.h>
#include <nolagcodec/msgpackwriter.h>

#include <QtCore/QString>
#include <QtCore/QVariant>

namespace NoLag::Codec {

/*!
    Writes \a value as MessagePack.

    Supported: null and invalid variants (nil), bool, every integer type, float and double
    (float64), QString and QChar (str), QByteArray (bin), QVariantList, QStringList,
    QByteArrayList and other sequences (array), QVariantMap and QVariantHash (map), the
    QJson* types, QDateTime/QDate/QTime (ISO 8601 str), QUrl and QUuid (str).
    Anything else fails, with a sentence naming the type in \a errorString; what was written
    before the failure is left in the buffer, so callers encode into a scratch buffer.
*/
bool encodeVariant(Writer &writer, const QVariant &value, QString *errorString = nullptr,
                   int maxDepth = Reader::DefaultMaxDepth);

/*! Convenience overload: returns the encoding of \a value, or an empty array on failure. */
QByteArray encodeVariant(const QVariant &value, bool *ok, QString *errorString = nullptr);

/*!
    Reads one value into a QVariant: nil becomes a null std::nullptr_t variant, integers
    become qint64 (quint64 above the qint64 range), floats double, str QString, bin
    QByteArray, arrays QVariantList and maps QVariantMap. Non-string map keys that are scalars
    become their decimal or textual form. Fails on ext values, malformed input and nesting
    deeper than \a maxDepth, returning an invalid QVariant.
*/
QVariant decodeVariant(Reader &reader, bool *ok = nullptr, int maxDepth = Reader::DefaultMaxDepth);

/*! Decodes exactly one value spanning all of \a bytes. */
QVariant decodeVariant(QByteArrayView bytes, bool *ok = nullptr);

} // namespace NoLag::Codec
