// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// The re-encoding the broker applies to published data (wire-protocol §2.2).
#include <nolagcodec/canonical.h>

#include <QtTest/QTest>

using namespace NoLag::Codec;

class tst_Canonical : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reencode_data();
    void reencode();
    void failures_data();
    void failures();
};

void tst_Canonical::reencode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    auto row = [](const char *name, const char *in, const char *out) {
        QTest::addRow("%s", name) << QByteArray::fromHex(in) << QByteArray::fromHex(out);
    };
    row("canonical map untouched", "82a16101a162c3", "82a16101a162c3");
    row("bin becomes str", "c403616263", "a3616263");
    row("float32 becomes float64", "ca3fc00000", "cb3ff8000000000000");
    row("uint16 holding 5 shrinks", "cd0005", "05");
    row("int8 holding 5 becomes fixint", "d005", "05");
    row("int32 holding -1 shrinks", "d2ffffffff", "ff");
    row("int64 holding 300 becomes uint16", "d3000000000000012c", "cd012c");
    row("42910 stays uint16", "cda79e", "cda79e");
    row("str8 holding 3 bytes shrinks", "d903616263", "a3616263");
    row("array16 of 1 shrinks", "dc000101", "9101");
    row("map16 of 1 shrinks", "de0001a16101", "81a16101");
    row("nested bin in array", "92c40178c0", "92a178c0");
    row("nil, true, false", "93c0c3c2", "93c0c3c2");
    // Already canonical values are copied as they are; these sit on the size boundaries.
    const char *str8 = "d920" // 32 times "a"
                       "6161616161616161616161616161616161616161616161616161616161616161";
    row("str8 of 32 bytes untouched", str8, str8);
    row("uint8 128 and uint16 256 untouched", "92cc80cd0100", "92cc80cd0100");
    row("int8 -33 and int16 -129 untouched", "92d0dfd1ff7f", "92d0dfd1ff7f");
    row("float64 untouched", "cb3ff8000000000000", "cb3ff8000000000000");
    row("nested map untouched", "81a16182a162c0a16393e0c2a0", "81a16182a162c0a16393e0c2a0");
    row("canonical map then a bin inside", "81a16192a178c40179", "81a16192a178a179");
}

void tst_Canonical::reencode()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    QByteArray out("prefix");
    QCOMPARE(appendCanonical(input, &out), CanonicalStatus::Ok);
    QCOMPARE(out.mid(6).toHex(), expected.toHex());
}

void tst_Canonical::failures_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<CanonicalStatus>("status");
    QTest::addRow("bin not utf-8")
        << QByteArray::fromHex("9201c402ff00") << CanonicalStatus::InvalidUtf8;
    QTest::addRow("ext") << QByteArray::fromHex("d40101") << CanonicalStatus::Ext;
    QTest::addRow("truncated") << QByteArray::fromHex("92a1") << CanonicalStatus::Malformed;
    QByteArray deep(300, char(0x91));
    deep.append(char(0xc0));
    QTest::addRow("too deep") << deep << CanonicalStatus::TooDeep;
}

void tst_Canonical::failures()
{
    QFETCH(QByteArray, input);
    QFETCH(CanonicalStatus, status);

    QByteArray out("keep");
    QCOMPARE(appendCanonical(input, &out), status);
    QCOMPARE(out, QByteArray("keep"));
}

QTEST_APPLESS_MAIN(tst_Canonical)
#include "tst_canonical.moc"
