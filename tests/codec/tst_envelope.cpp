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

QTEST_APPLESS_MAIN(tst_Envelope)
#include "tst_envelope.moc"
