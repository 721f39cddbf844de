// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "publish/payloadparser.h"
#include "publish/publisher.h"
#include "publish/publishhistorymodel.h"
#include "subscriptions/filtersyntax.h"

#include <NoLagQt/nolagclient.h>

#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class tst_Publish : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void json_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QVariant>("value");

        QTest::addRow("object") << u"{\"a\": 1}"_s << QVariant(QVariantMap{{u"a"_s, 1}});
        QTest::addRow("bare number") << u"42"_s << QVariant(42);
        QTest::addRow("bare string") << u"\"hi\""_s << QVariant(u"hi"_s);
        QTest::addRow("float") << u"2.5"_s << QVariant(2.5);
        QTest::addRow("null") << u"null"_s << QVariant::fromValue(nullptr);
        QTest::addRow("list") << u"[true, \"x\"]"_s << QVariant(QVariantList{true, u"x"_s});
    }
    void json()
    {
        QFETCH(QString, text);
        QFETCH(QVariant, value);
        const ParsedPayload parsed = parsePayload(text, PayloadMode::Json);
        QVERIFY2(parsed.ok, qPrintable(parsed.errorString));
        QCOMPARE(parsed.value, value);
        if (value.typeId() == QMetaType::Int) {
            // Whole numbers stay integers on the wire.
            QVERIFY(parsed.value.typeId() == QMetaType::LongLong ||
                    parsed.value.typeId() == QMetaType::Int);
        }
    }

    void jsonErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");

        // Qt's parser stops just inside the key that should have had a comma before it.
        QTest::addRow("missing comma") << u"{\n  \"a\": 1\n  \"b\": 2\n}"_s << 3 << 4;
        QTest::addRow("unquoted text") << u"hello"_s << 1 << 1;
        QTest::addRow("two values") << u"1, 2"_s << 1 << 2;
        QTest::addRow("unclosed object") << u"{\"a\": 1"_s << 1 << 8;
    }
    void jsonErrors()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        const ParsedPayload parsed = parsePayload(text, PayloadMode::Json);
        QVERIFY(!parsed.ok);
        QCOMPARE(parsed.errorLine, line);
        QCOMPARE(parsed.errorColumn, column);
        QVERIFY(parsed.errorString.startsWith(u"Line %1, column %2: "_s.arg(line).arg(column)));
    }

    void hex_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addRow("pairs") << u"48 65 6c"_s << true << QByteArray("Hel");
        QTest::addRow("0x prefix and new lines") << u"0x48\n65"_s << true << QByteArray("He");
        QTest::addRow("odd digit count") << u"48 6"_s << false << QByteArray();
        QTest::addRow("not hex") << u"4g"_s << false << QByteArray();
    }
    void hex()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QByteArray, bytes);
        const ParsedPayload parsed = parsePayload(text, PayloadMode::Hex);
        QCOMPARE(parsed.ok, ok);
        if (ok) {
            QCOMPARE(parsed.value.toByteArray(), bytes);
        } else {
            QVERIFY(!parsed.errorString.isEmpty());
        }
    }

    void filterSyntax_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QVariantList>("filters");

        QTest::addRow("empty") << QString() << true << QVariantList();
        QTest::addRow("or values") << u"red, blue"_s << true << QVariantList{u"red"_s, u"blue"_s};
        QTest::addRow("and group")
            << u"vip & europe, red"_s << true
            << QVariantList{QVariant(QStringList{u"vip"_s, u"europe"_s}), u"red"_s};
        QTest::addRow("slash refused") << u"a/b"_s << false << QVariantList();
        QTest::addRow("bar refused") << u"a|b"_s << false << QVariantList();
        QTest::addRow("empty value refused") << u"a,,b"_s << false << QVariantList();
        QTest::addRow("empty group member refused") << u"a & "_s << false << QVariantList();
    }
    void filterSyntax()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QVariantList, filters);
        const FilterSyntax::Parsed parsed = FilterSyntax::parse(text);
        QCOMPARE(parsed.ok, ok);
        if (ok) {
            QCOMPARE(parsed.filters, filters);
            QCOMPARE(FilterSyntax::parse(FilterSyntax::format(parsed.filters)).filters, filters);
        } else {
            QVERIFY(!parsed.errorString.isEmpty());
        }
    }

    void publisherValidates()
    {
        NoLagClient client;
        Publisher publisher(&client);
        QSignalSpy validation(&publisher, &Publisher::validationChanged);

        publisher.setTopic(u"demo/general/messages"_s);
        publisher.setPayload(u"{\"a\": }"_s);
        QVERIFY(!publisher.isValid());
        QCOMPARE(publisher.errorLine(), 1);
        QVERIFY(!publisher.payloadError().isEmpty());
        QVERIFY(publisher.formError().isEmpty());

        publisher.setPayload(u"{\"a\": 1}"_s);
        QVERIFY(publisher.isValid());

        publisher.setTopic(u"demo/+/messages"_s);
        QVERIFY(!publisher.isValid());
        QVERIFY(!publisher.formError().isEmpty());

        publisher.setTopic(u"demo/general/messages"_s);
        publisher.setFilters(u"a/b"_s);
        QVERIFY(!publisher.isValid());
        QVERIFY(validation.count() > 0);

        // Not connected: refused with a reason, nothing added to the history.
        publisher.setFilters(QString());
        QVERIFY(!publisher.publish());
        QVERIFY(publisher.lastResultFailed());
        QCOMPARE(publisher.history()->count(), 0);
    }

    void historyPersists()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"h.ini"_s), QSettings::IniFormat);
        {
            PublishHistoryModel history;
            history.setStorage(&settings, u"profiles/p1"_s);
            PublishHistoryModel::Entry entry;
            entry.topic = u"a/b/c"_s;
            entry.payload = u"{}"_s;
            const quint64 id = history.add(entry);
            history.finish(id, u"Accepted by the server"_s, false);
        }
        PublishHistoryModel reloaded;
        reloaded.setStorage(&settings, u"profiles/p1"_s);
        QCOMPARE(reloaded.count(), 1);
        QCOMPARE(reloaded.get(0).value(u"topic"_s).toString(), u"a/b/c"_s);
        QCOMPARE(reloaded.get(0).value(u"result"_s).toString(), u"Accepted by the server"_s);

        PublishHistoryModel other;
        other.setStorage(&settings, u"profiles/p2"_s);
        QCOMPARE(other.count(), 0);

        for (int i = 0; i < PublishHistoryModel::MaxEntries + 5; ++i) {
            reloaded.add(PublishHistoryModel::Entry());
        }
        QCOMPARE(reloaded.count(), PublishHistoryModel::MaxEntries);
    }
};

QTEST_GUILESS_MAIN(tst_Publish)
#include "tst_publish.moc"
