// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "payloadformat.h"

#include <nolagcodec/msgpackreader.h>

#include <charconv>
#include <cmath>

using namespace Qt::StringLiterals;
using NoLag::Codec::Kind;
using NoLag::Codec::Reader;

namespace PayloadFormat {

namespace {

class JsonWriter
{
public:
    JsonWriter(Style style, qsizetype maxChars)
        : m_pretty(style == Style::Pretty)
        , m_maxChars(maxChars)
    { }

    // Returns false when the input is malformed or the text is long enough.
    bool value(Reader &reader, int depth)
    {
        if (full()) {
            return false;
        }
        if (depth > Reader::DefaultMaxDepth) {
            return malformed();
        }

        switch (reader.peekKind()) {
        case Kind::Nil:
            reader.readNil();
            m_text += u"null"_s;
            return true;
        case Kind::Bool: {
            bool flag = false;
            reader.readBool(&flag);
            m_text += flag ? u"true"_s : u"false"_s;
            return true;
        }
        case Kind::Int: {
            qint64 number = 0;
            if (!reader.readInt(&number)) {
                return malformed();
            }
            m_text += QString::number(number);
            return true;
        }
        case Kind::UInt: {
            quint64 number = 0;
            if (!reader.readUInt(&number)) {
                return malformed();
            }
            m_text += QString::number(number);
            return true;
        }
        case Kind::Float32:
        case Kind::Float64: {
            double number = 0;
            if (!reader.readDouble(&number)) {
                return malformed();
            }
            m_text += std::isfinite(number) ? doubleText(number) : quoted(doubleText(number));
            return true;
        }
        case Kind::Str: {
            QByteArrayView utf8;
            if (!reader.readStr(&utf8)) {
                return malformed();
            }
            appendString(QString::fromUtf8(limited(utf8, 4)));
            return true;
        }
        case Kind::Bin: {
            QByteArrayView bytes;
            if (!reader.readBin(&bytes)) {
                return malformed();
            }
            appendString(u"base64:"_s +
                         QString::fromLatin1(limited(bytes, 1).toByteArray().toBase64()));
            return true;
        }
        case Kind::Array:
            return array(reader, depth);
        case Kind::Map:
            return map(reader, depth);
        case Kind::Ext:
        case Kind::Reserved:
        case Kind::End:
            break;
        }
        return malformed();
    }

    QString take(bool *complete)
    {
        if (m_maxChars > 0 && m_text.size() > m_maxChars && !m_truncated) {
            m_text.truncate(m_maxChars);
            m_truncated = true;
            m_complete = false;
        }
        if (complete) {
            *complete = m_complete;
        }
        if (m_truncated) {
            m_text += u'…';
        }
        return std::move(m_text);
    }

    bool malformed()
    {
        m_text += u"<malformed MessagePack>"_s;
        m_complete = false;
        return false;
    }

private:
    bool full()
    {
        if (m_maxChars > 0 && m_text.size() >= m_maxChars) {
            if (!m_truncated) {
                m_text.truncate(m_maxChars);
                m_truncated = true;
                m_complete = false;
            }
            return true;
        }
        return false;
    }

    // With a length limit, a long string is converted only as far as the text can still grow;
    // \a bytesPerChar is the most bytes one character of the text can take.
    QByteArrayView limited(QByteArrayView bytes, qsizetype bytesPerChar) const
    {
        if (m_maxChars <= 0) {
            return bytes;
        }
        const qsizetype room = (m_maxChars - m_text.size() + 8) * bytesPerChar;
        return bytes.size() > room ? bytes.first(room) : bytes;
    }

    void newline(int depth)
    {
        if (m_pretty) {
            m_text += u'\n';
            m_text += QString(depth * 2, u' ');
        }
    }

    bool array(Reader &reader, int depth)
    {
        quint32 count = 0;
        if (!reader.readArrayHeader(&count)) {
            return malformed();
        }
        if (count == 0) {
            m_text += u"[]"_s;
            return true;
        }
        m_text += u'[';
        for (quint32 i = 0; i < count; ++i) {
            if (i > 0) {
                m_text += u',';
            }
            newline(depth + 1);
            if (!value(reader, depth + 1)) {
                return false;
            }
        }
        newline(depth);
        m_text += u']';
        return true;
    }

    bool map(Reader &reader, int depth)
    {
        quint32 count = 0;
        if (!reader.readMapHeader(&count)) {
            return malformed();
        }
        if (count == 0) {
            m_text += u"{}"_s;
            return true;
        }
        m_text += u'{';
        for (quint32 i = 0; i < count; ++i) {
            if (i > 0) {
                m_text += u',';
            }
            newline(depth + 1);
            if (!key(reader, depth + 1)) {
                return false;
            }
            m_text += m_pretty ? u": "_s : u":"_s;
            if (!value(reader, depth + 1)) {
                return false;
            }
        }
        newline(depth);
        m_text += u'}';
        return true;
    }

    bool key(Reader &reader, int depth)
    {
        if (reader.peekKind() == Kind::Str || reader.peekKind() == Kind::Bin) {
            QByteArrayView utf8;
            if (!reader.readStrOrBin(&utf8)) {
                return malformed();
            }
            appendString(QString::fromUtf8(utf8));
            return !full();
        }
        // A key of another type: render it and quote the result, so the text stays JSON.
        JsonWriter inner(Style::Compact, 0);
        if (!inner.value(reader, depth)) {
            m_text += inner.take(nullptr);
            return malformed();
        }
        appendString(inner.take(nullptr));
        return !full();
    }

    static QString quoted(const QString &text) { return u'"' + text + u'"'; }

    void appendString(const QString &text)
    {
        m_text += u'"';
        for (const QChar c : text) {
            switch (c.unicode()) {
            case u'"':
                m_text += u"\\\""_s;
                break;
            case u'\\':
                m_text += u"\\\\"_s;
                break;
            case u'\n':
                m_text += u"\\n"_s;
                break;
            case u'\r':
                m_text += u"\\r"_s;
                break;
            case u'\t':
                m_text += u"\\t"_s;
                break;
            default:
                if (c.unicode() < 0x20) {
                    m_text += u"\\u%1"_s.arg(int(c.unicode()), 4, 16, QChar(u'0'));
                } else {
                    m_text += c;
                }
            }
        }
        m_text += u'"';
    }

    QString m_text;
    bool m_pretty = false;
    qsizetype m_maxChars = 0;
    bool m_complete = true;
    bool m_truncated = false;
};

} // namespace

QString toJson(QByteArrayView msgpack, Style style, qsizetype maxChars, bool *complete)
{
    Reader reader(msgpack);
    JsonWriter writer(style, maxChars);
    if (msgpack.isEmpty()) {
        writer.malformed();
    } else if (writer.value(reader, 0) && !reader.atEnd()) {
        writer.malformed(); // more than one value
    }
    return writer.take(complete);
}

QString humanSize(qint64 bytes)
{
    if (bytes < 1024) {
        return u"%1 B"_s.arg(bytes);
    }
    const double kb = bytes / 1024.0;
    if (kb < 1024) {
        return u"%1 KB"_s.arg(kb, 0, 'f', 1);
    }
    const double mb = kb / 1024.0;
    if (mb < 1024) {
        return u"%1 MB"_s.arg(mb, 0, 'f', 1);
    }
    return u"%1 GB"_s.arg(mb / 1024.0, 0, 'f', 2);
}

QString doubleText(double value)
{
    if (std::isnan(value)) {
        return u"NaN"_s;
    }
    if (std::isinf(value)) {
        return value > 0 ? u"Infinity"_s : u"-Infinity"_s;
    }
    char buffer[32];
    const std::to_chars_result result = std::to_chars(buffer, buffer + sizeof buffer, value);
    QString text = QString::fromLatin1(buffer, result.ptr - buffer);
    if (!text.contains(u'.') && !text.contains(u'e')) {
        text += u".0"_s;
    }
    return text;
}

} // namespace PayloadFormat
