// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include <nolagcodec/envelope.h>
#include <nolagcodec/variantcodec.h>

#include <QtTest/QTest>

using namespace NoLag::Codec;
using namespace Qt::StringLiterals;

class tst_Envelope : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messageFrame();
    void status_data();
    void status();
    void booleansAreExact();
    void typeNamesRoundTrip();
    void duplicateKeysLastWins();
    void fieldBytesOfEveryKind();
};

void tst_Envelope::messageFrame()
{
    bool ok = false;
    const QByteArray frame =
        encodeVariant(QVariantMap{{u"type"_s, u"message"_s},
                                  {u"topic"_s, u"chat/general/messages"_s},
                                  {u"data"_s, QVariantMap{{u"text"_s, u"hi"_s}}},
                                  {u"msgId"_s, u"5b0c1d2e-0000-4000-8000-000000000000"_s},
                                  {u"requiresAck"_s, true}},
                      &ok);
    QVERIFY(ok);

    Envelope envelope;
    QCOMPARE(envelope.parse(frame), Envelope::Status::Ok);
    QCOMPARE(envelope.type(), FrameType::Message);
    QCOMPARE(envelope.string("topic"), u"chat/general/messages"_s);
    QVERIFY(envelope.isTrue("requiresAck"));
    QVERIFY(!envelope.contains("filter"));
    QVERIFY(envelope.string("filter").isNull());
    QCOMPARE(envelope.kind("data"), Kind::Map);
    QCOMPARE(decodeVariant(envelope.raw("data")).toMap().value(u"text"_s), QVariant(u"hi"_s));
}

void tst_Envelope::status_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<Envelope::Status>("status");
    QTest::addRow("heartbeat") << QByteArray() << Envelope::Status::Heartbeat;
    QTest::addRow("not msgpack") << QByteArray("\xc1") << Envelope::Status::Malformed;
    QTest::addRow("truncated map")
        << QByteArray::fromHex("82a474797065") << Envelope::Status::Malformed;
    QTest::addRow("trailing bytes") << QByteArray::fromHex("80c0") << Envelope::Status::Malformed;
    QTest::addRow("array") << QByteArray::fromHex("9101") << Envelope::Status::NotAMap;
    QTest::addRow("string") << QByteArray::fromHex("a161") << Envelope::Status::NotAMap;
    QTest::addRow("ext inside data")
        << QByteArray::fromHex("82a474797065a77075626c697368a464617461d7ff0000000000000000")
        << Envelope::Status::Ext;
    // The fast paths for fixstr keys and short scalar values stop at the end like the reader.
    QTest::addRow("fixstr key runs past the end")
        << QByteArray::fromHex("81a56162") << Envelope::Status::Malformed;
    QTest::addRow("fixstr value runs past the end")
        << QByteArray::fromHex("81a174a56162") << Envelope::Status::Malformed;
    QTest::addRow("str8 value runs past the end")
        << QByteArray::fromHex("81a174d9056162") << Envelope::Status::Malformed;
    QTest::addRow("str8 header cut short")
        << QByteArray::fromHex("81a174d9") << Envelope::Status::Malformed;
    QTest::addRow("value missing") << QByteArray::fromHex("81a174") << Envelope::Status::Malformed;
    QTest::addRow("reserved byte as value")
        << QByteArray::fromHex("81a174c1") << Envelope::Status::Malformed;
    QTest::addRow("ext after a short value")
        << QByteArray::fromHex("82a161c3a162d4000a") << Envelope::Status::Ext;
    QTest::addRow("non-string key is skipped")
        << QByteArray::fromHex("82a474797065a16101c3") << Envelope::Status::Ok;
}

void tst_Envelope::status()
{
    QFETCH(QByteArray, frame);
    QFETCH(Envelope::Status, status);
    Envelope envelope;
    QCOMPARE(envelope.parse(frame), status);
    if (status != Envelope::Status::Ok) {
        QCOMPARE(envelope.fieldCount(), 0);
    }
}

void tst_Envelope::booleansAreExact()
{
    bool ok = false;
    const QByteArray frame = encodeVariant(
        QVariantMap{{u"a"_s, true}, {u"b"_s, 1}, {u"c"_s, u"true"_s}, {u"d"_s, false}}, &ok);
    Envelope envelope;
    QCOMPARE(envelope.parse(frame), Envelope::Status::Ok);
    QVERIFY(envelope.isTrue("a"));
    QVERIFY(!envelope.isTrue("b"));
    QVERIFY(!envelope.isTrue("c"));
    QVERIFY(envelope.isFalse("d"));
    QVERIFY(!envelope.isFalse("a"));
    QCOMPARE(envelope.integer("b"), std::optional<qint64>(1));
    QCOMPARE(envelope.integer("c"), std::optional<qint64>());
    QCOMPARE(envelope.type(), FrameType::Unknown);
}

void tst_Envelope::typeNamesRoundTrip()
{
    for (int i = int(FrameType::Auth); i <= int(FrameType::Disconnect); ++i) {
        const auto type = FrameType(i);
        QCOMPARE(frameTypeFromName(frameTypeName(type)), type);
    }
    QCOMPARE(frameTypeFromName("Message"), FrameType::Unknown);
}

void tst_Envelope::duplicateKeysLastWins()
{
    // {"type": "auth", "type": "publish"}
    const QByteArray frame =
        QByteArray::fromHex("82a474797065a461757468a474797065a77075626c697368");
    Envelope envelope;
    QCOMPARE(envelope.parse(frame), Envelope::Status::Ok);
    QCOMPARE(envelope.type(), FrameType::Publish);
}

void tst_Envelope::fieldBytesOfEveryKind()
{
    const QString text40(40, u'x');
    bool ok = false;
    const QByteArray frame = encodeVariant(QVariantMap{{u"a"_s, QVariant::fromValue(nullptr)},
                                                       {u"b"_s, true},
                                                       {u"c"_s, -1},
                                                       {u"d"_s, 127},
                                                       {u"e"_s, text40},
                                                       {u"f"_s, 1.5},
                                                       {u"g"_s, QVariantList{1, u"y"_s}},
                                                       {u"h"_s, u""_s},
                                                       {QString(40, u'k'), 7}},
                                           &ok);
    QVERIFY(ok);

    Envelope envelope;
    QCOMPARE(envelope.parse(frame), Envelope::Status::Ok);
    QCOMPARE(envelope.fieldCount(), 9);
    QCOMPARE(envelope.raw("a").toByteArray(), QByteArray("\xc0", 1));
    QVERIFY(envelope.isTrue("b"));
    QCOMPARE(envelope.integer("c"), -1);
    QCOMPARE(envelope.integer("d"), 127);
    QCOMPARE(envelope.string("e"), text40);
    QCOMPARE(envelope.raw("e").size(), 42);
    QCOMPARE(envelope.number("f"), 1.5);
    QCOMPARE(decodeVariant(envelope.raw("g")), QVariant(QVariantList{qint64(1), u"y"_s}));
    QCOMPARE(envelope.string("h"), u""_s);
    // A key longer than a fixstr takes the general reader.
    QCOMPARE(envelope.integer(QByteArray(40, 'k')), 7);
}

QTEST_APPLESS_MAIN(tst_Envelope)
#include "tst_envelope.moc"
