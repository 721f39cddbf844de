// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtQml/qqmlregistration.h>

/*! How the publish editor reads what was typed. */
namespace PayloadMode {
Q_NAMESPACE
QML_ELEMENT

enum Mode {
    Json, //!< any JSON value; sent as the matching MessagePack value
    Text, //!< the text as one string
    Hex, //!< bytes written as hex pairs; sent as a MessagePack bin value
};
Q_ENUM_NS(Mode)

} // namespace PayloadMode

/*! The outcome of reading a payload. Line and column count from 1; 0 when not known. */
struct ParsedPayload
{
    bool ok = false;
    QVariant value;
    QString errorString;
    int errorLine = 0;
    int errorColumn = 0;
};

/*!
    Reads \a text in \a mode. JSON accepts any value at the top level (objects, arrays,
    strings, numbers, true, false, null); whole numbers stay integers. Hex accepts pairs of
    hex digits with optional spaces, new lines and a leading "0x". Errors name the place, for
    example "Line 3, column 7: missing a comma between values".
*/
ParsedPayload parsePayload(const QString &text, PayloadMode::Mode mode);
