// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "common/payloadformat.h"
#include "testpayloads.h"

#include <nolagcodec/msgpackwriter.h>

#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class tst_PayloadFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void compact_data()
    {
        QTest::addColumn<QByteArray>("msgpack");
        QTest::addColumn<QString>("json");

        QTest::addRow("map") << packJson(R"({"a":1,"b":[true,null]})")
                             << u"{\"a\":1,\"b\":[true,null]}"_s;
        QTest::addRow("negative integer") << packVariant(qint64(-42)) << u"-42"_s;
        QTest::addRow("float keeps a decimal point") << packVariant(1.0) << u"1.0"_s;
        QTest::addRow("shortest float") << packVariant(0.1) << u"0.1"_s;
        QTest::addRow("escaped string") << packVariant(u"a\"b\\c\nd"_s) << u"\"a\\\"b\\\\c\\nd\""_s;
        QTest::addRow("control character") << packVariant(u"\x01"_s) << u"\"\\u0001\""_s;
        QTest::addRow("bin as base64")
            << packVariant(QByteArray("\x00\x01\x02", 3)) << u"\"base64:AAEC\""_s;
        QTest::addRow("not a number") << packVariant(qQNaN()) << u"\"NaN\""_s;
        QTest::addRow("empty containers")
            << packJson(R"({"a":{},"b":[]})") << u"{\"a\":{},\"b\":[]}"_s;
        QTest::addRow("truncated input")
            << QByteArray("\x92\x01", 2) << u"[1,<malformed MessagePack>"_s;
        QTest::addRow("empty input") << QByteArray() << u"<malformed MessagePack>"_s;
        QTest::addRow("two values") << QByteArray("\x01\x02", 2) << u"1<malformed MessagePack>"_s;
        QTest::addRow("ext type") << QByteArray("\xd4\x01\x00", 3) << u"<malformed MessagePack>"_s;
    }
    void compact()
    {
        QFETCH(QByteArray, msgpack);
        QFETCH(QString, json);
        QCOMPARE(PayloadFormat::toJson(msgpack, PayloadFormat::Style::Compact), json);
    }

    void integerMapKey()
    {
        QByteArray bytes;
        NoLag::Codec::Writer writer(&bytes);
        writer.writeMapHeader(1);
        writer.writeInt(7);
        writer.writeStr(QStringView(u"seven"));
        QCOMPARE(PayloadFormat::toJson(bytes, PayloadFormat::Style::Compact),
                 u"{\"7\":\"seven\"}"_s);
    }

    void pretty()
    {
        const QString text =
            PayloadFormat::toJson(packJson(R"({"a":[1,2]})"), PayloadFormat::Style::Pretty);
        QCOMPARE(text, u"{\n  \"a\": [\n    1,\n    2\n  ]\n}"_s);
    }

    void limit_data()
    {
        QTest::addColumn<QByteArray>("msgpack");
        QTest::addColumn<int>("maxChars");
        QTest::addColumn<bool>("complete");

        QTest::addRow("fits") << packJson(R"([1,2,3])") << 20 << true;
        QTest::addRow("exactly the limit") << packJson(R"([1,2,3])") << 7 << true;
        QTest::addRow("cut in a list") << packJson(R"([1,2,3])") << 4 << false;
        QTest::addRow("cut in a long string") << packVariant(QString(5000, u'x')) << 100 << false;
    }
    void limit()
    {
        QFETCH(QByteArray, msgpack);
        QFETCH(int, maxChars);
        QFETCH(bool, complete);

        bool wasComplete = !complete;
        const QString text =
            PayloadFormat::toJson(msgpack, PayloadFormat::Style::Compact, maxChars, &wasComplete);
        QCOMPARE(wasComplete, complete);
        QVERIFY(text.size() <= maxChars + 1);
        QCOMPARE(text.endsWith(u'…'), !complete);
    }

    void humanSize_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("text");
        QTest::addRow("bytes") << qint64(512) << u"512 B"_s;
        QTest::addRow("kilobytes") << qint64(1536) << u"1.5 KB"_s;
        QTest::addRow("megabytes") << qint64(12 * 1024 * 1024) << u"12.0 MB"_s;
    }
    void humanSize()
    {
        QFETCH(qint64, bytes);
        QFETCH(QString, text);
        QCOMPARE(PayloadFormat::humanSize(bytes), text);
    }
};

QTEST_GUILESS_MAIN(tst_PayloadFormat)
#include "tst_payloadformat.moc"
