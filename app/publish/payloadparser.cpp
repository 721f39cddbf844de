// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "payloadparser.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PayloadParser", text);
}

QString describe(QJsonParseError::ParseError error)
{
    switch (error) {
    case QJsonParseError::UnterminatedObject:
        return tr("an object is not closed with }");
    case QJsonParseError::MissingNameSeparator:
        return tr("a key is not followed by a colon");
    case QJsonParseError::UnterminatedArray:
        return tr("a list is not closed with ]");
    case QJsonParseError::MissingValueSeparator:
        return tr("missing a comma between values");
    case QJsonParseError::IllegalValue:
        return tr("this is not a JSON value (text needs double quotes)");
    case QJsonParseError::TerminationByNumber:
        return tr("the text ends inside a number");
    case QJsonParseError::IllegalNumber:
        return tr("this number is not valid");
    case QJsonParseError::IllegalEscapeSequence:
        return tr("unknown escape sequence after \\");
    case QJsonParseError::IllegalUTF8String:
        return tr("invalid characters in a string");
    case QJsonParseError::UnterminatedString:
        return tr("a string is not closed with \"");
    case QJsonParseError::MissingObject:
        return tr("an object was expected");
    case QJsonParseError::DeepNesting:
        return tr("the value is nested too deeply");
    case QJsonParseError::DocumentTooLarge:
        return tr("the text is too large");
    case QJsonParseError::GarbageAtEnd:
        return tr("there is more text after the value");
    case QJsonParseError::NoError:
        break;
    }
    return tr("the text is not valid JSON");
}

ParsedPayload failAt(const QString &text, qsizetype offset, const QString &what)
{
    ParsedPayload result;
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    const QStringView before = QStringView(text).first(offset);
    result.errorLine = int(before.count(u'\n')) + 1;
    result.errorColumn = int(offset - (before.lastIndexOf(u'\n') + 1)) + 1;
    result.errorString =
        tr("Line %1, column %2: %3").arg(result.errorLine).arg(result.errorColumn).arg(what);
    return result;
}

ParsedPayload parseJson(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        ParsedPayload result;
        result.errorString = tr("Type a JSON value, for example {\"text\": \"hello\"}.");
        return result;
    }
    // QJsonDocument reads only objects and arrays: wrap the value in a list and unwrap it,
    // so that "42" and "\"hi\"" are payloads too. Offsets shift by the one added character.
    const QByteArray utf8 = u"["_s.append(text).append(u"\n]"_s).toUtf8();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        const qsizetype characters = QString::fromUtf8(utf8.first(error.offset)).size() - 1;
        return failAt(text, characters, describe(error.error));
    }
    const QJsonArray values = document.array();
    if (values.size() != 1) {
        // "1, 2" parses as two items of the wrapper list.
        return failAt(text, text.indexOf(u','), tr("there is more than one value"));
    }
    ParsedPayload result;
    result.ok = true;
    result.value = values.at(0).toVariant();
    return result;
}

ParsedPayload parseHex(const QString &text)
{
    QString digits;
    digits.reserve(text.size());
    qsizetype i = 0;
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(u"0x"_s, Qt::CaseInsensitive)) {
        i = text.indexOf(u'x', 0, Qt::CaseInsensitive) + 1;
    }
    QList<qsizetype> positions;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            continue;
        }
        if (!isxdigit(c.toLatin1()) || c.unicode() > 0x7f) {
            return failAt(text, i, tr("\"%1\" is not a hex digit (0-9, a-f)").arg(c));
        }
        digits += c;
        positions.append(i);
    }
    if (digits.size() % 2 != 0) {
        return failAt(text, positions.last(), tr("the last byte has only one hex digit"));
    }
    ParsedPayload result;
    result.ok = true;
    result.value = QByteArray::fromHex(digits.toLatin1());
    return result;
}

} // namespace

ParsedPayload parsePayload(const QString &text, PayloadMode::Mode mode)
{
    switch (mode) {
    case PayloadMode::Json:
        return parseJson(text);
    case PayloadMode::Text: {
        ParsedPayload result;
        result.ok = true;
        result.value = text;
        return result;
    }
    case PayloadMode::Hex:
        return parseHex(text);
    }
    return {};
}
