// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include <nolagcodec/variantcodec.h>

#include <QtCore/QDateTime>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QUrl>
#include <QtTest/QTest>

#include <msgpack.hpp>

using namespace NoLag::Codec;
using namespace Qt::StringLiterals;

class tst_VariantCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void nilIsNull();
    void jsonDocumentEncodesLikeItsValue();
    void readableByOracle();
    void decodesOracleOutput();
    void nonStringKeys();
    void unsupportedTypeIsAnError();
    void tooDeepIsAnError();
    void trailingBytesFail();
};

void tst_VariantCodec::roundTrip_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QVariant>("expected");

    QTest::addRow("int") << QVariant(42) << QVariant(qint64(42));
    QTest::addRow("negative") << QVariant(-70000) << QVariant(qint64(-70000));
    QTest::addRow("double") << QVariant(2.5) << QVariant(2.5);
    QTest::addRow("float widens") << QVariant(1.5f) << QVariant(1.5);
    QTest::addRow("bool") << QVariant(true) << QVariant(true);
    QTest::addRow("string") << QVariant(u"grüße"_s) << QVariant(u"grüße"_s);
    QTest::addRow("bytes") << QVariant(QByteArray("\x00\xfe", 2))
                           << QVariant(QByteArray("\x00\xfe", 2));
    QTest::addRow("string list") << QVariant(QStringList{u"a"_s, u"b"_s})
                                 << QVariant(QVariantList{u"a"_s, u"b"_s});
    const QVariantMap nested{{u"n"_s, qint64(1)},
                             {u"list"_s, QVariantList{qint64(1), u"x"_s, 0.5}},
                             {u"map"_s, QVariantMap{{u"deep"_s, true}}}};
    QTest::addRow("nested map") << QVariant(nested) << QVariant(nested);
    QTest::addRow("hash becomes map")
        << QVariant(QVariantHash{{u"k"_s, u"v"_s}}) << QVariant(QVariantMap{{u"k"_s, u"v"_s}});
    QTest::addRow("url") << QVariant(QUrl(u"https://nolag.app/x"_s))
                         << QVariant(u"https://nolag.app/x"_s);
    QTest::addRow("date time") << QVariant(QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC))
                               << QVariant(u"2026-01-02T03:04:05.006Z"_s);
    QTest::addRow("json object") << QVariant(QJsonObject{{u"a"_s, 1}, {u"b"_s, 1.5}})
                                 << QVariant(QVariantMap{{u"a"_s, qint64(1)}, {u"b"_s, 1.5}});
    QTest::addRow("list of ints") << QVariant::fromValue(QList<int>{1, 2})
                                  << QVariant(QVariantList{qint64(1), qint64(2)});
}

void tst_VariantCodec::roundTrip()
{
    QFETCH(QVariant, value);
    QFETCH(QVariant, expected);

    bool ok = false;
    const QByteArray bytes = encodeVariant(value, &ok);
    QVERIFY(ok);
    QVERIFY(isWellFormed(bytes));
    const QVariant back = decodeVariant(bytes, &ok);
    QVERIFY(ok);
    QCOMPARE(back, expected);
}

void tst_VariantCodec::nilIsNull()
{
    bool ok = false;
    QCOMPARE(encodeVariant(QVariant(), &ok), QByteArray("\xc0"));
    QCOMPARE(encodeVariant(QVariant::fromValue(nullptr), &ok), QByteArray("\xc0"));
    const QVariant back = decodeVariant(QByteArrayView("\xc0"), &ok);
    QVERIFY(ok);
    QVERIFY(back.isValid());
    QCOMPARE(back.typeId(), int(QMetaType::Nullptr));
}

void tst_VariantCodec::jsonDocumentEncodesLikeItsValue()
{
    const QJsonDocument doc = QJsonDocument::fromJson(R"({"x":[1,2.5,null,"s"]})");
    bool ok = false;
    const QByteArray fromDoc = encodeVariant(QVariant::fromValue(doc), &ok);
    QVERIFY(ok);
    const QByteArray fromMap = encodeVariant(
        QVariantMap{{u"x"_s, QVariantList{1, 2.5, QVariant::fromValue(nullptr), u"s"_s}}}, &ok);
    QCOMPARE(fromDoc.toHex(), fromMap.toHex());
}

void tst_VariantCodec::readableByOracle()
{
    bool ok = false;
    const QByteArray bytes = encodeVariant(
        QVariantMap{{u"type"_s, u"publish"_s}, {u"qos"_s, 1}, {u"data"_s, QVariantList{3.5}}}, &ok);
    QVERIFY(ok);
    const auto handle = msgpack::unpack(bytes.constData(), size_t(bytes.size()));
    const auto map = handle.get().as<std::map<std::string, msgpack::object>>();
    QCOMPARE(map.at("type").as<std::string>(), std::string("publish"));
    QCOMPARE(map.at("qos").as<int>(), 1);
    QCOMPARE(map.at("data").via.array.ptr[0].as<double>(), 3.5);
}

void tst_VariantCodec::decodesOracleOutput()
{
    std::stringstream stream;
    msgpack::packer<std::stringstream> packer(stream);
    packer.pack_map(3);
    packer.pack(std::string("f32"));
    packer.pack(0.25f);
    packer.pack(std::string("big"));
    packer.pack(uint64_t(18446744073709551615ULL));
    packer.pack(std::string("neg"));
    packer.pack(int8_t(-5));
    const std::string s = stream.str();

    bool ok = false;
    const QVariantMap map =
        decodeVariant(QByteArrayView(s.data(), qsizetype(s.size())), &ok).toMap();
    QVERIFY(ok);
    QCOMPARE(map.value(u"f32"_s), QVariant(0.25));
    QCOMPARE(map.value(u"big"_s), QVariant(quint64(18446744073709551615ULL)));
    QCOMPARE(map.value(u"neg"_s), QVariant(qint64(-5)));
}

void tst_VariantCodec::nonStringKeys()
{
    // {1: "a", true: "b"}
    bool ok = false;
    const QVariantMap map = decodeVariant(QByteArray::fromHex("8201a161c3a162"), &ok).toMap();
    QVERIFY(ok);
    QCOMPARE(map.value(u"1"_s), QVariant(u"a"_s));
    QCOMPARE(map.value(u"true"_s), QVariant(u"b"_s));

    // A map used as a key cannot be represented: fail rather than guess.
    decodeVariant(QByteArray::fromHex("8180a161"), &ok);
    QVERIFY(!ok);
}

void tst_VariantCodec::unsupportedTypeIsAnError()
{
    bool ok = true;
    QString error;
    const QByteArray bytes = encodeVariant(QVariant::fromValue(QSize(1, 2)), &ok, &error);
    QVERIFY(!ok);
    QVERIFY(bytes.isEmpty());
    QVERIFY2(error.contains(u"QSize"_s), qPrintable(error));
}

void tst_VariantCodec::tooDeepIsAnError()
{
    QVariant value = 1;
    for (int i = 0; i < 150; ++i) {
        value = QVariantList{value};
    }
    bool ok = true;
    QString error;
    encodeVariant(value, &ok, &error);
    QVERIFY(!ok);
    QVERIFY(!error.isEmpty());

    QByteArray deep(150, char(0x91));
    deep.append(char(0x01));
    decodeVariant(deep, &ok);
    QVERIFY(!ok);
}

void tst_VariantCodec::trailingBytesFail()
{
    bool ok = true;
    decodeVariant(QByteArray::fromHex("0101"), &ok);
    QVERIFY(!ok);
}

QTEST_APPLESS_MAIN(tst_VariantCodec)
#include "tst_variantcodec.moc"
