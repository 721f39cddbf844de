// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "recordingformat.h"

#include "common/payloadformat.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

#include <charconv>

using namespace Qt::StringLiterals;

namespace RecordingFormat {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RecordingFormat", text);
}

void appendNumber(QByteArray &out, qint64 value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
    out.append(buffer, result.ptr - buffer);
}

void appendDigits(QByteArray &out, qint64 value, int width)
{
    char buffer[8];
    for (int i = width - 1; i >= 0; --i) {
        buffer[i] = char('0' + value % 10);
        value /= 10;
    }
    out.append(buffer, width);
}

// A reader of one JSON object line that keeps views instead of building a document: lines
// of a 16 MB message are long, and an index of a million lines must be quick.
class LineScanner
{
public:
    explicit LineScanner(QByteArrayView line)
        : m_at(line.data())
        , m_end(line.data() + line.size())
    { }

    QString error;

    void skipSpace()
    {
        while (m_at < m_end && (*m_at == ' ' || *m_at == '\t' || *m_at == '\r')) {
            ++m_at;
        }
    }

    bool atEnd() const { return m_at >= m_end; }
    char peek() const { return m_at < m_end ? *m_at : '\0'; }

    bool expect(char c)
    {
        skipSpace();
        if (m_at < m_end && *m_at == c) {
            ++m_at;
            return true;
        }
        return false;
    }

    // The characters between the quotes; m_at is on the opening quote.
    bool string(LineFields::Text *text)
    {
        ++m_at;
        const char *start = m_at;
        bool escaped = false;
        while (m_at < m_end) {
            const char c = *m_at;
            if (c == '"') {
                *text = {QByteArrayView(start, m_at - start), escaped};
                ++m_at;
                return true;
            }
            if (c == '\\') {
                escaped = true;
                ++m_at;
            }
            ++m_at;
        }
        return false;
    }

    // Skips any value; returns its text for the scalars.
    bool skipValue(QByteArrayView *scalar = nullptr)
    {
        skipSpace();
        if (atEnd()) {
            return false;
        }
        const char first = *m_at;
        if (first == '"') {
            LineFields::Text ignored;
            return string(&ignored);
        }
        if (first == '{' || first == '[') {
            return skipNested();
        }
        const char *start = m_at;
        while (m_at < m_end && *m_at != ',' && *m_at != '}' && *m_at != ']' && *m_at != ' ') {
            ++m_at;
        }
        if (scalar) {
            *scalar = QByteArrayView(start, m_at - start);
        }
        return m_at > start;
    }

private:
    bool skipNested()
    {
        int depth = 0;
        while (m_at < m_end) {
            const char c = *m_at;
            if (c == '"') {
                LineFields::Text ignored;
                if (!string(&ignored)) {
                    return false;
                }
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    ++m_at;
                    return true;
                }
            }
            ++m_at;
        }
        return false;
    }

    const char *m_at;
    const char *m_end;
};

bool readInteger(QByteArrayView text, qint64 *value)
{
    const auto result = std::from_chars(text.data(), text.data() + text.size(), *value);
    return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

bool readBool(QByteArrayView text, bool *value)
{
    if (text == "true") {
        *value = true;
        return true;
    }
    if (text == "false") {
        *value = false;
        return true;
    }
    return false;
}

} // namespace

QString LineFields::Text::text() const
{
    if (!escaped) {
        return QString::fromUtf8(json);
    }
    QByteArray document = "[\"";
    document.append(json.data(), json.size());
    document.append("\"]");
    return QJsonDocument::fromJson(document).array().at(0).toString();
}

QByteArray LineFields::Text::utf8() const
{
    return escaped ? text().toUtf8() : json.toByteArray();
}

qsizetype LineFields::rawSize() const
{
    if (raw.size() % 4 != 0) {
        return -1;
    }
    qsizetype padding = 0;
    if (raw.endsWith("==")) {
        padding = 2;
    } else if (raw.endsWith('=')) {
        padding = 1;
    }
    return raw.size() / 4 * 3 - padding;
}

void appendIsoTime(QByteArray &out, qint64 ms)
{
    // Days to civil date (Howard Hinnant's algorithm); QDateTime costs a few microseconds a
    // call, which an export of a million rows feels.
    qint64 days = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
    qint64 dayMs = ms - days * 86400000;
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
    const qint64 month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

    appendDigits(out, year, 4);
    out.append('-');
    appendDigits(out, month, 2);
    out.append('-');
    appendDigits(out, day, 2);
    out.append('T');
    appendDigits(out, dayMs / 3600000, 2);
    out.append(':');
    appendDigits(out, dayMs / 60000 % 60, 2);
    out.append(':');
    appendDigits(out, dayMs / 1000 % 60, 2);
    out.append('.');
    appendDigits(out, dayMs % 1000, 3);
    out.append('Z');
}

QByteArray headerLine(const Header &header)
{
    QByteArray line = "{\"format\":\"";
    line.append(FormatName);
    line.append("\",\"version\":");
    appendNumber(line, header.version);
    line.append(",\"created\":\"");
    appendIsoTime(line, header.createdMs);
    line.append("\",\"source\":");
    appendJsonString(line, header.source);
    line.append(",\"broker\":");
    appendJsonString(line, header.broker);
    line.append("}\n");
    return line;
}

void appendJsonString(QByteArray &out, QStringView text)
{
    appendJsonString(out, QByteArrayView(text.toUtf8()));
}

void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    static constexpr char Hex[] = "0123456789abcdef";
    out.append('"');
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (uchar(c) < 0x20) {
                out.append("\\u00");
                out.append(Hex[uchar(c) >> 4]);
                out.append(Hex[uchar(c) & 0xf]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

void appendMessageLine(QByteArray &out, const TrafficMessage &message, QStringView topic,
                       quint64 sequence)
{
    out.append("{\"seq\":");
    appendNumber(out, qint64(sequence));
    out.append(",\"time\":\"");
    appendIsoTime(out, message.receivedAtMs);
    out.append("\",\"timeMs\":");
    appendNumber(out, message.receivedAtMs);
    out.append(",\"topic\":");
    appendJsonString(out, topic);
    out.append(",\"sender\":");
    appendJsonString(out, message.sender);
    out.append(",\"qos\":");
    appendNumber(out, message.qos);
    out.append(",\"msgId\":");
    appendJsonString(out, message.msgId);
    out.append(",\"filter\":");
    appendJsonString(out, message.filter);
    out.append(",\"retained\":");
    out.append(hasFlag(message.flags, TrafficFlag::Retained) ? "true" : "false");
    out.append(",\"replay\":");
    out.append(hasFlag(message.flags, TrafficFlag::Replayed) ? "true" : "false");
    if (hasFlag(message.flags, TrafficFlag::LiveAfterReplay)) {
        out.append(",\"liveAfterReplay\":true");
    }
    out.append(",\"size\":");
    appendNumber(out, message.data.size());
    out.append(",\"raw\":\"");
    out.append(message.data.toByteArray().toBase64());
    out.append("\",\"value\":");

    bool complete = false;
    const QString json =
        PayloadFormat::toJson(message.data, PayloadFormat::Style::Compact, 0, &complete);
    if (complete) {
        out.append(json.toUtf8());
    } else {
        out.append("null,\"valueError\":\"The payload is not valid MessagePack\"");
    }
    out.append("}\n");
}

bool readLine(QByteArrayView line, LineFields *fields, QString *errorString, Scan scan)
{
    *fields = LineFields();
    LineScanner scanner(line);
    const auto fail = [errorString](const QString &text) {
        if (errorString) {
            *errorString = text;
        }
        return false;
    };

    if (!scanner.expect('{')) {
        return fail(tr("The line is not a JSON object."));
    }
    bool first = true;
    while (true) {
        scanner.skipSpace();
        if (scanner.peek() == '}') {
            scanner.expect('}');
            break;
        }
        if (!first && !scanner.expect(',')) {
            return fail(tr("The line ends early or has a syntax error (a comma is missing)."));
        }
        first = false;
        scanner.skipSpace();
        LineFields::Text key;
        if (scanner.peek() != '"' || !scanner.string(&key) || !scanner.expect(':')) {
            return fail(tr("The line ends early or has a syntax error (a key is broken)."));
        }
        scanner.skipSpace();

        const QByteArrayView name = key.json;
        LineFields::Text *text = nullptr;
        if (name == "topic") {
            text = &fields->topic;
            fields->hasTopic = true;
        } else if (name == "sender") {
            text = &fields->sender;
        } else if (name == "msgId") {
            text = &fields->msgId;
        } else if (name == "filter") {
            text = &fields->filter;
        } else if (name == "created") {
            text = &fields->created;
        } else if (name == "source") {
            text = &fields->source;
        } else if (name == "broker") {
            text = &fields->broker;
        }

        if (text || name == "raw" || name == "format") {
            LineFields::Text value;
            if (scanner.peek() != '"' || !scanner.string(&value)) {
                return fail(tr("The value of \"%1\" is not a complete string.")
                                .arg(QString::fromUtf8(name)));
            }
            if (text) {
                *text = value;
            } else if (name == "raw") {
                fields->raw = value.json;
                fields->hasRaw = true;
                if (scan == Scan::UpToRaw) {
                    return true;
                }
            } else {
                fields->format = value.text();
                fields->isHeader = true;
            }
            continue;
        }

        QByteArrayView scalar;
        if (!scanner.skipValue(&scalar)) {
            return fail(
                tr("The value of \"%1\" is cut off or broken.").arg(QString::fromUtf8(name)));
        }
        qint64 number = 0;
        bool flag = false;
        if (name == "timeMs") {
            if (!readInteger(scalar, &fields->timeMs)) {
                return fail(tr("\"timeMs\" is not a whole number."));
            }
        } else if (name == "qos") {
            if (!readInteger(scalar, &number) || number < 0 || number > 2) {
                return fail(tr("\"qos\" is not 0, 1 or 2."));
            }
            fields->qos = int(number);
        } else if (name == "version") {
            if (!readInteger(scalar, &number)) {
                return fail(tr("\"version\" is not a whole number."));
            }
            fields->version = int(number);
        } else if (name == "retained" || name == "replay" || name == "liveAfterReplay") {
            if (!readBool(scalar, &flag)) {
                return fail(tr("\"%1\" is not true or false.").arg(QString::fromUtf8(name)));
            }
            const TrafficFlag bit = name == "retained" ? TrafficFlag::Retained
                : name == "replay"                     ? TrafficFlag::Replayed
                                                       : TrafficFlag::LiveAfterReplay;
            if (flag) {
                fields->flags |= quint8(bit);
            }
        }
    }
    scanner.skipSpace();
    if (!scanner.atEnd()) {
        return fail(tr("There is text after the end of the JSON object."));
    }
    if (fields->isHeader) {
        return true;
    }
    if (!fields->hasTopic || !fields->hasRaw) {
        return fail(tr("The line has no \"topic\" or no \"raw\" payload."));
    }
    if (fields->rawSize() < 0) {
        return fail(tr("\"raw\" is not base64 text."));
    }
    return true;
}

bool decodeRaw(QByteArrayView base64, QByteArray &out)
{
    const auto result =
        QByteArray::fromBase64Encoding(QByteArray::fromRawData(base64.data(), base64.size()),
                                       QByteArray::AbortOnBase64DecodingErrors);
    if (!result) {
        return false;
    }
    out.append(*result);
    return true;
}

} // namespace RecordingFormat
