// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include <nolagcodec/variantcodec.h>

#include <QtCore/QAssociativeIterable>
#include <QtCore/QByteArrayList>
#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QJsonValue>
#include <QtCore/QSequentialIterable>
#include <QtCore/QUrl>
#include <QtCore/QUuid>

#include <array>
#include <limits>

using namespace Qt::StringLiterals;

namespace NoLag::Codec {

namespace {

class Encoder
{
public:
    Encoder(Writer &writer, int maxDepth)
        : m_writer(writer)
        , m_maxDepth(maxDepth)
    { }

    bool encode(const QVariant &value, int depth);
    bool encodeJson(const QJsonValue &value, int depth);

    QString errorString;

private:
    bool tooDeep()
    {
        errorString = u"the value is nested more than %1 levels deep"_s.arg(m_maxDepth);
        return false;
    }

    Writer &m_writer;
    const int m_maxDepth;
};

bool Encoder::encodeJson(const QJsonValue &value, int depth)
{
    if (depth > m_maxDepth) {
        return tooDeep();
    }

    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        m_writer.writeNil();
        return true;
    case QJsonValue::Bool:
        m_writer.writeBool(value.toBool());
        return true;
    case QJsonValue::Double: {
        // QJsonValue keeps integral numbers exactly; send those as integers like JSON.parse
        // followed by a MessagePack encoder would.
        const QVariant number = value.toVariant();
        if (number.typeId() == QMetaType::LongLong) {
            m_writer.writeInt(number.toLongLong());
        } else {
            m_writer.writeDouble(value.toDouble());
        }
        return true;
    }
    case QJsonValue::String:
        m_writer.writeStr(QStringView(value.toString()));
        return true;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        m_writer.writeArrayHeader(quint32(array.size()));
        for (const QJsonValue &item : array) {
            if (!encodeJson(item, depth + 1)) {
                return false;
            }
        }
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        m_writer.writeMapHeader(quint32(object.size()));
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            m_writer.writeStr(QStringView(it.key()));
            if (!encodeJson(it.value(), depth + 1)) {
                return false;
            }
        }
        return true;
    }
    }
    return true;
}

bool Encoder::encode(const QVariant &value, int depth)
{
    if (depth > m_maxDepth) {
        return tooDeep();
    }

    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
    case QMetaType::Void:
        m_writer.writeNil();
        return true;
    case QMetaType::Bool:
        m_writer.writeBool(value.toBool());
        return true;
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::SChar:
    case QMetaType::Char:
        m_writer.writeInt(value.toLongLong());
        return true;
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
    case QMetaType::UChar:
        m_writer.writeUInt(value.toULongLong());
        return true;
    case QMetaType::Double:
    case QMetaType::Float:
        m_writer.writeDouble(value.toDouble());
        return true;
    case QMetaType::QString:
        m_writer.writeStr(QStringView(*static_cast<const QString *>(value.constData())));
        return true;
    case QMetaType::QChar:
        m_writer.writeStr(QStringView(QString(value.toChar())));
        return true;
    case QMetaType::QByteArray:
        m_writer.writeBin(*static_cast<const QByteArray *>(value.constData()));
        return true;
    case QMetaType::QStringList: {
        const auto &list = *static_cast<const QStringList *>(value.constData());
        m_writer.writeArrayHeader(quint32(list.size()));
        for (const QString &item : list) {
            m_writer.writeStr(QStringView(item));
        }
        return true;
    }
    case QMetaType::QByteArrayList: {
        const auto &list = *static_cast<const QByteArrayList *>(value.constData());
        m_writer.writeArrayHeader(quint32(list.size()));
        for (const QByteArray &item : list) {
            m_writer.writeBin(item);
        }
        return true;
    }
    case QMetaType::QVariantList: {
        const auto &list = *static_cast<const QVariantList *>(value.constData());
        m_writer.writeArrayHeader(quint32(list.size()));
        for (const QVariant &item : list) {
            if (!encode(item, depth + 1)) {
                return false;
            }
        }
        return true;
    }
    case QMetaType::QVariantMap: {
        const auto &map = *static_cast<const QVariantMap *>(value.constData());
        m_writer.writeMapHeader(quint32(map.size()));
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            m_writer.writeStr(QStringView(it.key()));
            if (!encode(it.value(), depth + 1)) {
                return false;
            }
        }
        return true;
    }
    case QMetaType::QVariantHash: {
        const auto &hash = *static_cast<const QVariantHash *>(value.constData());
        m_writer.writeMapHeader(quint32(hash.size()));
        for (auto it = hash.constBegin(); it != hash.constEnd(); ++it) {
            m_writer.writeStr(QStringView(it.key()));
            if (!encode(it.value(), depth + 1)) {
                return false;
            }
        }
        return true;
    }
    case QMetaType::QJsonValue:
        return encodeJson(value.toJsonValue(), depth);
    case QMetaType::QJsonObject:
        return encodeJson(QJsonValue(value.toJsonObject()), depth);
    case QMetaType::QJsonArray:
        return encodeJson(QJsonValue(value.toJsonArray()), depth);
    case QMetaType::QJsonDocument: {
        const QJsonDocument document = value.toJsonDocument();
        if (document.isNull()) {
            m_writer.writeNil();
            return true;
        }
        return encodeJson(document.isArray() ? QJsonValue(document.array())
                                             : QJsonValue(document.object()),
                          depth);
    }
    case QMetaType::QDateTime:
        m_writer.writeStr(QStringView(value.toDateTime().toString(Qt::ISODateWithMs)));
        return true;
    case QMetaType::QDate:
        m_writer.writeStr(QStringView(value.toDate().toString(Qt::ISODate)));
        return true;
    case QMetaType::QTime:
        m_writer.writeStr(QStringView(value.toTime().toString(Qt::ISODateWithMs)));
        return true;
    case QMetaType::QUrl:
        m_writer.writeStr(QStringView(value.toUrl().toString(QUrl::FullyEncoded)));
        return true;
    case QMetaType::QUuid:
        m_writer.writeStr(QStringView(value.toUuid().toString(QUuid::WithoutBraces)));
        return true;
    default:
        break;
    }

    // Other containers (QList<int>, std::map<QString, double>, ...) registered with the meta
    // type system are walked through their iterables.
    const QMetaType type = value.metaType();
    if (QMetaType::canConvert(type, QMetaType::fromType<QVariantMap>()) &&
        value.canConvert<QAssociativeIterable>()) {
        const auto iterable = value.value<QAssociativeIterable>();
        m_writer.writeMapHeader(quint32(iterable.size()));
        for (auto it = iterable.begin(); it != iterable.end(); ++it) {
            m_writer.writeStr(QStringView(it.key().toString()));
            if (!encode(it.value(), depth + 1)) {
                return false;
            }
        }
        return true;
    }
    if (value.canConvert<QSequentialIterable>()) {
        const auto iterable = value.value<QSequentialIterable>();
        m_writer.writeArrayHeader(quint32(iterable.size()));
        for (const QVariant &item : iterable) {
            if (!encode(item, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    errorString =
        u"a value of type %1 cannot be sent as MessagePack"_s.arg(QString::fromLatin1(type.name()));
    return false;
}

QString keyToString(const QVariant &key)
{
    if (key.typeId() == QMetaType::QByteArray) {
        return QString::fromUtf8(key.toByteArray());
    }
    if (key.typeId() == QMetaType::Nullptr) {
        return u"null"_s;
    }
    return key.toString();
}

// Map keys repeat from message to message ("user", "text", "ts"...). The last few short keys
// decoded on this thread are kept, so a key seen before costs a compare and a reference
// count instead of an allocation and a UTF-8 conversion.
class KeyCache
{
public:
    QString key(QByteArrayView utf8)
    {
        if (utf8.size() > MaxCachedKey) {
            return QString::fromUtf8(utf8);
        }
        // FNV-1a over at most MaxCachedKey bytes.
        quint32 hash = 2166136261u;
        for (const char c : utf8) {
            hash = (hash ^ quint8(c)) * 16777619u;
        }
        Entry &entry = m_entries[hash % Slots];
        if (QByteArrayView(entry.utf8) != utf8 || entry.text.isNull()) {
            entry.utf8 = utf8.toByteArray();
            entry.text = QString::fromUtf8(utf8);
        }
        return entry.text;
    }

private:
    static constexpr qsizetype MaxCachedKey = 32;
    static constexpr quint32 Slots = 64;

    struct Entry
    {
        QByteArray utf8;
        QString text;
    };
    std::array<Entry, Slots> m_entries;
};

QString decodeKey(QByteArrayView utf8)
{
    thread_local KeyCache cache;
    return cache.key(utf8);
}

QVariant decode(Reader &reader, bool *ok, int depth, int maxDepth)
{
    if (depth > maxDepth) {
        *ok = false;
        return {};
    }

    switch (reader.peekKind()) {
    case Kind::Nil:
        reader.readNil();
        return QVariant::fromValue(nullptr);
    case Kind::Bool: {
        bool b = false;
        reader.readBool(&b);
        return b;
    }
    case Kind::Int: {
        qint64 i = 0;
        if (!reader.readInt(&i)) {
            break;
        }
        return i;
    }
    case Kind::UInt: {
        quint64 u = 0;
        if (!reader.readUInt(&u)) {
            break;
        }
        if (u > quint64(std::numeric_limits<qint64>::max())) {
            return u;
        }
        return qint64(u);
    }
    case Kind::Float32:
    case Kind::Float64: {
        double d = 0;
        if (!reader.readDouble(&d)) {
            break;
        }
        return d;
    }
    case Kind::Str: {
        QByteArrayView utf8;
        if (!reader.readStr(&utf8)) {
            break;
        }
        return QString::fromUtf8(utf8);
    }
    case Kind::Bin: {
        QByteArrayView bytes;
        if (!reader.readBin(&bytes)) {
            break;
        }
        return bytes.toByteArray();
    }
    case Kind::Array: {
        quint32 count = 0;
        if (!reader.readArrayHeader(&count) || count > quint64(reader.remaining())) {
            break;
        }
        QVariantList list;
        list.reserve(count);
        for (quint32 i = 0; i < count; ++i) {
            list.append(decode(reader, ok, depth + 1, maxDepth));
            if (!*ok) {
                return {};
            }
        }
        return list;
    }
    case Kind::Map: {
        quint32 count = 0;
        if (!reader.readMapHeader(&count) || count > quint64(reader.remaining())) {
            break;
        }
        QVariantMap map;
        for (quint32 i = 0; i < count; ++i) {
            const Kind keyKind = reader.peekKind();
            if (keyKind == Kind::Array || keyKind == Kind::Map) {
                *ok = false;
                return {};
            }
            QString name;
            if (keyKind == Kind::Str) {
                // The usual case, read without a QVariant in between.
                QByteArrayView utf8;
                if (!reader.readStr(&utf8)) {
                    *ok = false;
                    return {};
                }
                name = decodeKey(utf8);
            } else {
                const QVariant key = decode(reader, ok, depth + 1, maxDepth);
                if (!*ok) {
                    return {};
                }
                name = keyToString(key);
            }
            QVariant item = decode(reader, ok, depth + 1, maxDepth);
            if (!*ok) {
                return {};
            }
            map.insert(name, std::move(item));
        }
        return map;
    }
    case Kind::Ext:
    case Kind::Reserved:
    case Kind::End:
        break;
    }

    *ok = false;
    return {};
}

} // namespace

bool encodeVariant(Writer &writer, const QVariant &value, QString *errorString, int maxDepth)
{
    Encoder encoder(writer, maxDepth);
    const bool ok = encoder.encode(value, 0);
    if (!ok && errorString) {
        *errorString = encoder.errorString;
    }
    return ok;
}

QByteArray encodeVariant(const QVariant &value, bool *ok, QString *errorString)
{
    QByteArray out;
    Writer writer(&out);
    const bool encoded = encodeVariant(writer, value, errorString);
    if (ok) {
        *ok = encoded;
    }
    return encoded ? out : QByteArray();
}

QVariant decodeVariant(Reader &reader, bool *ok, int maxDepth)
{
    bool success = true;
    QVariant value = decode(reader, &success, 0, qMin(maxDepth, int(Reader::MaxDepthLimit)));
    if (ok) {
        *ok = success;
    }
    return success ? value : QVariant();
}

QVariant decodeVariant(QByteArrayView bytes, bool *ok)
{
    Reader reader(bytes);
    bool success = false;
    QVariant value = decodeVariant(reader, &success);
    success = success && reader.atEnd();
    if (ok) {
        *ok = success;
    }
    return success ? value : QVariant();
}

} // namespace NoLag::Codec
