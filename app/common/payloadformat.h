// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArrayView>
#include <QtCore/QString>

/*!
    Text forms of MessagePack payloads and of sizes, for the traffic table, the inspector and
    the payload text filter. Everything reads the bytes with the bounds-checked codec reader,
    so a malformed payload gives a marker in the text, never a crash.

    The JSON form follows these rules, which the inspector's help repeats for users:
    byte strings (bin) become "base64:<data>" strings, non-finite floats become the strings
    "NaN", "Infinity" and "-Infinity", map keys that are not strings become strings, and a
    float always shows a decimal point or an exponent so that 1.0 and 1 stay different.
*/
namespace PayloadFormat {

enum class Style {
    Compact, //!< one line, no spaces: previews and the text filter
    Pretty, //!< indented with two spaces per level: the inspector and "copy as JSON"
};

/*!
    Renders the one MessagePack value in \a msgpack as JSON text. With \a maxChars above 0 the
    text stops near that length and ends with "…"; \a complete (when given) tells whether the
    whole value was rendered. Malformed input renders what could be read followed by a
    "<malformed MessagePack>" marker and sets \a complete to false.
*/
QString toJson(QByteArrayView msgpack, Style style, qsizetype maxChars = 0,
               bool *complete = nullptr);

/*! "512 B", "1.5 KB", "12.0 MB": binary units, one decimal above a kilobyte. */
QString humanSize(qint64 bytes);

/*! A JSON number for \a value: the shortest form that reads back the same double. */
QString doubleText(double value);

} // namespace PayloadFormat
