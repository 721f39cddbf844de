// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// Reader and Writer checked against msgpack-cxx, an independent implementation.
#include <nolagcodec/msgpackreader.h>
#include <nolagcodec/msgpackwriter.h>

#include <QtTest/QTest>

#include <msgpack.hpp>

#include <limits>
#include <sstream>

using namespace NoLag::Codec;
using namespace Qt::StringLiterals;

namespace {

template<typename T>
QByteArray oraclePack(const T &value)
{
    std::stringstream stream;
    msgpack::pack(stream, value);
    const std::string s = stream.str();
    return QByteArray(s.data(), qsizetype(s.size()));
}

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

} // namespace

class tst_MsgPack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void integers_data();
    void integers();
    void unsignedBoundaries_data();
    void unsignedBoundaries();
    void strings_data();
    void strings();
    void binAndContainers();
    void doubles();
    void floatReadsAsDouble();
    void truncatedInput_data();
    void truncatedInput();
    void skipRejects_data();
    void skipRejects();
    void skipReturnsRawSpan();
    void hugeCountsDoNotAllocate();
    void depthLimit();
};

void tst_MsgPack::integers_data()
{
    QTest::addColumn<qint64>("value");
    // clang-format off
    const qint64 values[] = {
        0, 1, 31, 32, 127, 128, 255, 256, 65535, 65536, 4294967295, 4294967296,
        -1, -31, -32, -33, -128, -129, -32768, -32769, -2147483648LL, -2147483649LL,
        std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()};
    // clang-format on
    for (qint64 v : values) {
        QTest::addRow("%lld", static_cast<long long>(v)) << v;
    }
}

void tst_MsgPack::integers()
{
    QFETCH(qint64, value);

    QByteArray ours;
    Writer(&ours).writeInt(value);
    // msgpack-cxx also packs minimally, choosing unsigned forms for non-negative values.
    QCOMPARE(ours.toHex(),
             value >= 0 ? oraclePack(static_cast<uint64_t>(value)).toHex()
                        : oraclePack(static_cast<int64_t>(value)).toHex());

    Reader reader(ours);
    qint64 back = 0;
    QVERIFY(reader.readInt(&back));
    QCOMPARE(back, value);
    QVERIFY(reader.atEnd());
}

void tst_MsgPack::unsignedBoundaries_data()
{
    QTest::addColumn<quint64>("value");
    QTest::addRow("max") << std::numeric_limits<quint64>::max();
    QTest::addRow("2^63") << (quint64(1) << 63);
    QTest::addRow("200") << quint64(200);
}

void tst_MsgPack::unsignedBoundaries()
{
    QFETCH(quint64, value);
    QByteArray ours;
    Writer(&ours).writeUInt(value);
    QCOMPARE(ours.toHex(), oraclePack(static_cast<uint64_t>(value)).toHex());

    Reader reader(ours);
    quint64 back = 0;
    QVERIFY(reader.readUInt(&back));
    QCOMPARE(back, value);

    if (value > quint64(std::numeric_limits<qint64>::max())) {
        Reader signedReader(ours);
        qint64 s = 0;
        QVERIFY(!signedReader.readInt(&s));
        QCOMPARE(signedReader.error(), ReadError::OutOfRange);
        QCOMPARE(signedReader.position(), 0);
    }
}

void tst_MsgPack::strings_data()
{
    QTest::addColumn<int>("length");
    for (int n : {0, 1, 31, 32, 255, 256, 65535, 65536}) {
        QTest::addRow("%d bytes", n) << n;
    }
}

void tst_MsgPack::strings()
{
    QFETCH(int, length);
    const QByteArray text(length, 'x');

    QByteArray ours;
    Writer(&ours).writeStr(QByteArrayView(text));
    QCOMPARE(ours, oraclePack(std::string(text.constData(), size_t(text.size()))));

    QByteArray fromUtf16;
    Writer(&fromUtf16).writeStr(QStringView(QString::fromLatin1(text)));
    QCOMPARE(fromUtf16, ours);

    Reader reader(ours);
    QByteArrayView back;
    QVERIFY(reader.readStr(&back));
    QCOMPARE(back, QByteArrayView(text));
    QVERIFY(reader.atEnd());
}

void tst_MsgPack::binAndContainers()
{
    QByteArray ours;
    Writer writer(&ours);
    writer.writeMapHeader(2);
    writer.writeKey("b");
    writer.writeBin(QByteArrayView("\x00\x01\xff", 3));
    writer.writeKey("l");
    writer.writeArrayHeader(3);
    writer.writeNil();
    writer.writeBool(true);
    writer.writeStr(QStringView(u"héllo"));

    const msgpack::object_handle handle = msgpack::unpack(ours.constData(), size_t(ours.size()));
    const msgpack::object &root = handle.get();
    QCOMPARE(root.type, msgpack::type::MAP);
    QCOMPARE(root.via.map.size, 2u);
    QCOMPARE(root.via.map.ptr[0].val.type, msgpack::type::BIN);
    QCOMPARE(root.via.map.ptr[0].val.via.bin.size, 3u);
    const msgpack::object &list = root.via.map.ptr[1].val;
    QCOMPARE(list.type, msgpack::type::ARRAY);
    QCOMPARE(list.via.array.ptr[0].type, msgpack::type::NIL);
    QCOMPARE(list.via.array.ptr[1].type, msgpack::type::BOOLEAN);
    QCOMPARE(list.via.array.ptr[2].as<std::string>(), std::string("h\xc3\xa9llo"));

    Reader reader(ours);
    quint32 pairs = 0;
    QVERIFY(reader.readMapHeader(&pairs));
    QCOMPARE(pairs, 2u);
    QByteArrayView key;
    QVERIFY(reader.readStr(&key));
    QCOMPARE(key, QByteArrayView("b"));
    QByteArrayView bin;
    QVERIFY(reader.readBin(&bin));
    QCOMPARE(bin.size(), 3);
    QVERIFY(reader.skip()); // key "l"
    quint32 items = 0;
    QVERIFY(reader.readArrayHeader(&items));
    QCOMPARE(items, 3u);
    QVERIFY(reader.readNil());
    bool flag = false;
    QVERIFY(reader.readBool(&flag));
    QVERIFY(flag);
    QByteArrayView text;
    QVERIFY(reader.readStr(&text));
    QCOMPARE(QString::fromUtf8(text), u"héllo"_s);
    QVERIFY(reader.atEnd());
}

void tst_MsgPack::doubles()
{
    QByteArray ours;
    Writer(&ours).writeDouble(3.25);
    QCOMPARE(ours.toHex(), oraclePack(3.25).toHex());
    Reader reader(ours);
    double back = 0;
    QVERIFY(reader.readDouble(&back));
    QCOMPARE(back, 3.25);
}

void tst_MsgPack::floatReadsAsDouble()
{
    const QByteArray bytes = oraclePack(1.5f);
    QCOMPARE(quint8(bytes[0]), quint8(0xca));
    Reader reader(bytes);
    QCOMPARE(reader.peekKind(), Kind::Float32);
    double back = 0;
    QVERIFY(reader.readDouble(&back));
    QCOMPARE(back, 1.5);
}

void tst_MsgPack::truncatedInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addRow("uint16 missing a byte") << hex("cd01");
    QTest::addRow("str8 body short") << hex("d905616263");
    QTest::addRow("fixstr body short") << hex("a3616263").left(3);
    QTest::addRow("map missing value") << hex("81a161");
    QTest::addRow("array32 header short") << hex("dd0000");
    QTest::addRow("float64 short") << hex("cb400000");
    QTest::addRow("empty") << QByteArray();
}

void tst_MsgPack::truncatedInput()
{
    QFETCH(QByteArray, bytes);
    Reader reader(bytes);
    QVERIFY(!reader.skip());
    QCOMPARE(reader.error(), ReadError::Truncated);
    QCOMPARE(reader.position(), 0);
    QVERIFY(!isWellFormed(bytes));
}

void tst_MsgPack::skipRejects_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ReadError>("error");
    QTest::addRow("reserved 0xc1") << hex("c1") << ReadError::Reserved;
    QTest::addRow("fixext1 in a map") << hex("81a161d40101") << ReadError::Ext;
    QTest::addRow("ext8 (timestamp-like)")
        << hex("c70cff000000000000000000000000") << ReadError::Ext;
    QTest::addRow("fixext8 timestamp") << hex("d7ff0000000000000000") << ReadError::Ext;
}

void tst_MsgPack::skipRejects()
{
    QFETCH(QByteArray, bytes);
    QFETCH(ReadError, error);
    Reader reader(bytes);
    QVERIFY(!reader.skip());
    QCOMPARE(reader.error(), error);
}

void tst_MsgPack::skipReturnsRawSpan()
{
    const QByteArray bytes = hex("92a3616263c0") + hex("2a");
    Reader reader(bytes);
    QByteArrayView raw;
    QVERIFY(reader.skip(&raw));
    QCOMPARE(raw.size(), 6);
    qint64 next = 0;
    QVERIFY(reader.readInt(&next));
    QCOMPARE(next, 42);
}

void tst_MsgPack::hugeCountsDoNotAllocate()
{
    // An array32 header claiming four billion items followed by nothing must fail at once.
    Reader reader(hex("ddffffffff01"));
    QVERIFY(!reader.skip());
    QCOMPARE(reader.error(), ReadError::Truncated);

    // A str32 header claiming 4 GB.
    Reader strReader(hex("dbffffffff61"));
    QByteArrayView s;
    QVERIFY(!strReader.readStr(&s));
    QCOMPARE(strReader.error(), ReadError::Truncated);
}

void tst_MsgPack::depthLimit()
{
    QByteArray nested(Reader::DefaultMaxDepth, char(0x91));
    nested.append(char(0xc0));
    QVERIFY(isWellFormed(nested));

    QByteArray tooDeep(Reader::DefaultMaxDepth + 1, char(0x91));
    tooDeep.append(char(0xc0));
    Reader reader(tooDeep);
    QVERIFY(!reader.skip());
    QCOMPARE(reader.error(), ReadError::TooDeep);

    // Far deeper than any limit: must fail cleanly, not overflow the stack.
    QByteArray abusive(100000, char(0x91));
    abusive.append(char(0xc0));
    QVERIFY(!isWellFormed(abusive));
}

QTEST_APPLESS_MAIN(tst_MsgPack)
#include "tst_msgpack.moc"
