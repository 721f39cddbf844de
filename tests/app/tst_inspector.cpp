// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "inspector/hexdumpmodel.h"
#include "inspector/jsondiff.h"
#include "inspector/jsontreemodel.h"
#include "inspector/messageinspector.h"
#include "inspector/textlinesmodel.h"
#include "testpayloads.h"
#include "traffic/trafficstore.h"

#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class tst_Inspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void hexDump()
    {
        HexDumpModel model;
        QAbstractItemModelTester tester(&model);
        QByteArray bytes;
        for (int i = 0; i < 20; ++i) {
            bytes.append(char(0x41 + i));
        }
        bytes[1] = '\x00';
        model.setBytes(bytes);
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex first = model.index(0);
        QCOMPARE(first.data(HexDumpModel::OffsetRole).toString(), u"00000000"_s);
        QCOMPARE(first.data(HexDumpModel::HexRole).toString(),
                 u"41 00 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50"_s);
        QCOMPARE(first.data(HexDumpModel::AsciiRole).toString(), u"A.CDEFGHIJKLMNOP"_s);
        const QModelIndex second = model.index(1);
        QCOMPARE(second.data(HexDumpModel::OffsetRole).toString(), u"00000010"_s);
        QCOMPARE(second.data(HexDumpModel::AsciiRole).toString(), u"QRST"_s);
        QCOMPARE(second.data(HexDumpModel::HexRole).toString().size(),
                 first.data(HexDumpModel::HexRole).toString().size());
        QVERIFY(model.text().startsWith(u"00000000  41 00"_s));
    }

    void textLines_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("lines");

        QTest::addRow("empty") << QString() << 0 << 0;
        QTest::addRow("one line") << u"abc"_s << 1 << 1;
        QTest::addRow("three lines") << u"a\nb\nc"_s << 3 << 3;
        QTest::addRow("empty line kept") << u"a\n\nc"_s << 3 << 3;
        QTest::addRow("long line split") << QString(1100, u'x') << 3 << 1;
    }
    void textLines()
    {
        QFETCH(QString, text);
        QFETCH(int, rows);
        QFETCH(int, lines);
        TextLinesModel model;
        QAbstractItemModelTester tester(&model);
        model.setText(text);
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(model.lineCount(), lines);
        QString joined;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            if (row > 0 && !index.data(TextLinesModel::ContinuationRole).toBool()) {
                joined += u'\n';
            }
            joined += index.data(TextLinesModel::TextRole).toString();
        }
        QCOMPARE(joined, text);
    }

    void jsonTree()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model);
        model.setBytes(packJson(R"({"name":"probe","values":[1,2.5,null],"nested":{"ok":true}})"));
        QVERIFY(model.isValid());
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex root = model.index(0, 0);
        QCOMPARE(root.data(JsonTreeModel::TypeRole).toString(), u"object"_s);
        QCOMPARE(model.rowCount(root), 3);

        // QVariantMap sorts its keys: name, nested, values.
        const QModelIndex values = model.index(2, 0, root);
        QCOMPARE(values.data(JsonTreeModel::KeyRole).toString(), u"values"_s);
        QCOMPARE(values.data(JsonTreeModel::TypeRole).toString(), u"array"_s);
        QCOMPARE(model.rowCount(values), 3);
        const QModelIndex second = model.index(1, 0, values);
        QCOMPARE(second.data(JsonTreeModel::ValueRole).toString(), u"2.5"_s);
        QCOMPARE(second.data(JsonTreeModel::TypeRole).toString(), u"float"_s);
        QCOMPARE(second.data(JsonTreeModel::PathRole).toString(), u"$.values[1]"_s);
        QCOMPARE(model.parent(second), values);

        const QModelIndex nested = model.index(1, 0, root);
        QCOMPARE(model.index(0, 0, nested).data(JsonTreeModel::PathRole).toString(),
                 u"$.nested.ok"_s);
        QCOMPARE(model.index(0, 0, root).data(JsonTreeModel::ValueRole).toString(), u"\"probe\""_s);
    }

    void jsonTreeScalarAndMalformed()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model);
        model.setBytes(packVariant(42));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data(JsonTreeModel::ValueRole).toString(), u"42"_s);
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);

        model.setBytes(QByteArray("\x93\x01", 2));
        QVERIFY(!model.isValid());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
        QCOMPARE(model.index(0, 0).data(JsonTreeModel::TypeRole).toString(), u"error"_s);
    }

    void jsonTreeLongStringIsMarked()
    {
        JsonTreeModel model;
        model.setBytes(packVariant(QString(5000, u'y')));
        const QString value = model.index(0, 0).data(JsonTreeModel::ValueRole).toString();
        QVERIFY(value.size() < 400);
        QVERIFY(value.contains(u"5000"_s));
    }

    void diff_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QStringList>("expected"); // "kind path before after"

        QTest::addRow("same") << packJson(R"({"a":1})") << packJson(R"({"a":1})") << QStringList();
        QTest::addRow("changed value") << packJson(R"({"a":1})") << packJson(R"({"a":2})")
                                       << QStringList{u"changed $.a 1 2"_s};
        QTest::addRow("integer to float")
            << packVariant(QVariantMap{{u"a"_s, 1}}) << packVariant(QVariantMap{{u"a"_s, 1.0}})
            << QStringList{u"changed $.a 1 1.0"_s};
        QTest::addRow("added and removed keys")
            << packJson(R"({"a":1,"b":2})") << packJson(R"({"b":2,"c":3})")
            << QStringList{u"removed $.a 1 "_s, u"added $.c  3"_s};
        QTest::addRow("array grows")
            << packJson(R"([1])") << packJson(R"([1,[2]])") << QStringList{u"added $[1]  [2]"_s};
        QTest::addRow("nested change")
            << packJson(R"({"s":{"v":[1,2]}})") << packJson(R"({"s":{"v":[1,3]}})")
            << QStringList{u"changed $.s.v[1] 2 3"_s};
        QTest::addRow("quoted key") << packJson(R"({"a b":1})") << packJson(R"({"a b":2})")
                                    << QStringList{u"changed $[\"a b\"] 1 2"_s};
        QTest::addRow("type change") << packJson(R"({"a":[1]})") << packJson(R"({"a":{"x":1}})")
                                     << QStringList{u"changed $.a [1] {\"x\":1}"_s};
    }
    void diff()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(QStringList, expected);

        const QList<JsonDifference> differences =
            diffPayloads(NoLag::Codec::decodeVariant(before), NoLag::Codec::decodeVariant(after));
        QStringList actual;
        for (const JsonDifference &d : differences) {
            const QString kind = d.kind == JsonDifference::Added
                ? u"added"_s
                : (d.kind == JsonDifference::Removed ? u"removed"_s : u"changed"_s);
            actual.append(u"%1 %2 %3 %4"_s.arg(kind, d.path, d.before, d.after));
        }
        QCOMPARE(actual, expected);
    }

    void diffLimit()
    {
        QVariantMap a;
        QVariantMap b;
        for (int i = 0; i < 50; ++i) {
            a.insert(u"k%1"_s.arg(i), i);
            b.insert(u"k%1"_s.arg(i), i + 1);
        }
        bool truncated = false;
        QCOMPARE(diffPayloads(a, b, 10, &truncated).size(), 10);
        QVERIFY(truncated);
    }

    void inspectorShowsSmallAndLargeMessages_data()
    {
        QTest::addColumn<int>("stringLength");
        QTest::addRow("inline") << 100;
        QTest::addRow("in a worker") << 200000;
    }
    void inspectorShowsSmallAndLargeMessages()
    {
        QFETCH(int, stringLength);

        TrafficStore store;
        const quint32 topic = store.topics().intern(u"demo/general/messages"_s);
        const QByteArray payload =
            packVariant(QVariantMap{{u"text"_s, QString(stringLength, u'z')}});
        const quint64 sequence =
            store.append(topic, 5000, 0, quint8(TrafficFlag::Retained), payload, "m-9", "vip", {});
        MessageInspector inspector(&store);
        QSignalSpy changed(&inspector, &MessageInspector::messageChanged);
        inspector.inspect(qint64(sequence));

        QCOMPARE(changed.count(), 1);
        QCOMPARE(inspector.topic(), u"demo/general/messages"_s);
        QCOMPARE(inspector.msgId(), u"m-9"_s);
        QCOMPARE(inspector.filter(), u"vip"_s);
        QCOMPARE(inspector.qos(), 0);
        QVERIFY(inspector.isRetained());
        QCOMPARE(inspector.size(), payload.size());
        QCOMPARE(inspector.hex()->byteCount(), payload.size());
        QCOMPARE(inspector.isLoading(), payload.size() > MessageInspector::InlineBytes);
        QTRY_VERIFY(!inspector.isLoading());
        QVERIFY(inspector.isWellFormed());
        QCOMPARE(inspector.tree()->rowCount(), 1);

        // The text holds the whole string: nothing is cut, however long.
        QVERIFY(inspector.jsonText().contains(QString(stringLength, u'z')));
        QCOMPARE(inspector.text()->lineCount(), 3);

        // Eviction does not take the message away from the inspector.
        store.clear();
        QCOMPARE(inspector.size(), payload.size());
    }

    void inspectorDiffs()
    {
        TrafficStore store;
        const quint32 a = store.topics().intern(u"s/a"_s);
        const quint32 b = store.topics().intern(u"s/b"_s);
        const quint64 first = store.append(a, 0, 1, 0, packJson(R"({"t":1})"));
        store.append(b, 0, 1, 0, packJson(R"({"t":9})"));
        const quint64 third = store.append(a, 0, 1, 0, packJson(R"({"t":2})"));

        MessageInspector inspector(&store);
        inspector.inspect(qint64(first));
        QVERIFY(!inspector.compareWithPrevious());
        QVERIFY(inspector.diffDescription().contains(u"No earlier"_s));

        inspector.pinForComparison();
        QCOMPARE(inspector.pinnedSequence(), qint64(first));
        inspector.inspect(qint64(third));
        QVERIFY(inspector.compareWithPrevious());
        QTRY_VERIFY(!inspector.isDiffLoading());
        QCOMPARE(inspector.diff()->count(), 1);
        QCOMPARE(inspector.diff()->index(0).data(JsonDiffModel::AfterRole).toString(), u"2"_s);
        QVERIFY(inspector.diffDescription().contains(u"#1"_s));

        QVERIFY(inspector.compareWith(2));
        QTRY_VERIFY(!inspector.isDiffLoading());
        QCOMPARE(inspector.diff()->index(0).data(JsonDiffModel::BeforeRole).toString(), u"9"_s);

        QVERIFY(inspector.compareWithPinned());
        QTRY_VERIFY(!inspector.isDiffLoading());
        QCOMPARE(inspector.diff()->index(0).data(JsonDiffModel::BeforeRole).toString(), u"1"_s);

        inspector.copyAsJson();
        QCOMPARE(QGuiApplication::clipboard()->text(), u"{\n  \"t\": 2\n}"_s);
    }

    void inspectingAnEvictedMessageClears()
    {
        TrafficStore store;
        MessageInspector inspector(&store);
        inspector.inspect(12);
        QVERIFY(!inspector.hasMessage());
    }
};

QTEST_MAIN(tst_Inspector)
#include "tst_inspector.moc"
