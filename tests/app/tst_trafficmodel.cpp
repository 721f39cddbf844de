// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "testpayloads.h"
#include "traffic/memorybudget.h"
#include "traffic/trafficfilter.h"
#include "traffic/trafficmodel.h"
#include "traffic/trafficstore.h"

#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class tst_TrafficModel : public QObject
{
    Q_OBJECT

private:
    // Messages 1..n on topics demo/<room>/<topic>, payload {"n": i, "text": "..."}.
    static void fill(TrafficStore &store, int n, int first = 1)
    {
        const QStringList topics = {u"demo/general/messages"_s, u"demo/general/telemetry"_s,
                                    u"demo/support/messages"_s};
        for (int i = first; i < first + n; ++i) {
            const quint32 topic = store.topics().intern(topics.at(i % topics.size()));
            const QVariantMap data{{u"n"_s, i},
                                   {u"text"_s, i % 10 == 0 ? u"Alarm raised"_s : u"ok"_s}};
            store.append(topic, i, 1, 0, packVariant(data), {}, {},
                         i % 2 ? QByteArrayView("alice") : QByteArrayView("bob"));
        }
    }

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void topicPatterns_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<bool>("matches");

        QTest::addRow("exact") << u"a/b/c"_s << u"a/b/c"_s << true;
        QTest::addRow("exact differs") << u"a/b/c"_s << u"a/b/d"_s << false;
        QTest::addRow("plus matches one level") << u"a/+/c"_s << u"a/b/c"_s << true;
        QTest::addRow("plus is not two levels") << u"a/+/c"_s << u"a/b/x/c"_s << false;
        QTest::addRow("plus matches an empty level") << u"a/+/c"_s << u"a//c"_s << true;
        QTest::addRow("hash matches the rest") << u"a/#"_s << u"a/b/c"_s << true;
        QTest::addRow("hash matches nothing") << u"a/#"_s << u"a"_s << true;
        QTest::addRow("hash alone") << u"#"_s << u"x/y"_s << true;
        QTest::addRow("longer topic") << u"a/b"_s << u"a/b/c"_s << false;
        QTest::addRow("shorter topic") << u"a/b/c"_s << u"a/b"_s << false;
        QTest::addRow("case matters") << u"A/b"_s << u"a/b"_s << false;
    }
    void topicPatterns()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, topic);
        QFETCH(bool, matches);
        QVERIFY(TopicPattern::isValid(pattern));
        QCOMPARE(TopicPattern::matches(pattern, topic), matches);
    }

    void invalidPatterns_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addRow("hash not last") << u"a/#/c"_s;
        QTest::addRow("hash inside a level") << u"a/b#"_s;
        QTest::addRow("plus inside a level") << u"a/b+/c"_s;
        QTest::addRow("empty") << QString();
    }
    void invalidPatterns()
    {
        QFETCH(QString, pattern);
        QString error;
        QVERIFY(!TopicPattern::isValid(pattern, &error));
        QVERIFY(!error.isEmpty());
    }

    void filterParts_data()
    {
        QTest::addColumn<QString>("topics");
        QTest::addColumn<QString>("payload");
        QTest::addColumn<QString>("sender");
        QTest::addColumn<int>("rows");

        // 30 messages: n = 1..30; topics cycle messages(general) telemetry messages(support)
        // starting at index 1 % 3; alarms at n = 10, 20, 30; odd n from alice.
        QTest::addRow("nothing") << QString() << QString() << QString() << 30;
        QTest::addRow("one topic") << u"demo/general/telemetry"_s << QString() << QString() << 10;
        QTest::addRow("two patterns")
            << u"demo/general/telemetry, demo/support/#"_s << QString() << QString() << 20;
        QTest::addRow("plus") << u"demo/+/messages"_s << QString() << QString() << 20;
        QTest::addRow("payload text ignores case") << QString() << u"ALARM"_s << QString() << 3;
        QTest::addRow("payload key and value")
            << QString() << u"\"text\":\"ok\""_s << QString() << 27;
        QTest::addRow("sender") << QString() << QString() << u"ALI"_s << 15;
        QTest::addRow("all three") << u"demo/#"_s << u"alarm"_s << u"bob"_s << 3;
        QTest::addRow("invalid pattern matches nothing")
            << u"demo/#/x"_s << QString() << QString() << 0;
    }
    void filterParts()
    {
        QFETCH(QString, topics);
        QFETCH(QString, payload);
        QFETCH(QString, sender);
        QFETCH(int, rows);

        TrafficStore store;
        fill(store, 30);
        TrafficModel model(&store);
        QAbstractItemModelTester tester(&model);
        model.flush();
        QCOMPARE(model.rowCount(), 30);

        model.setTopicFilter(topics);
        model.setPayloadFilter(payload);
        model.setSenderFilter(sender);
        QTRY_VERIFY(!model.isFiltering());
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(model.hiddenCount(), 30 - rows);

        // New messages go through the same filter, batch by batch.
        fill(store, 30, 31);
        model.flush();
        QCOMPARE(model.rowCount(), rows * 2);
    }

    void batchesAreOneInsert()
    {
        TrafficStore store;
        TrafficModel model(&store);
        model.setUpdateInterval(3600 * 1000); // only explicit flushes
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy appended(&model, &TrafficModel::rowsAppended);

        fill(store, 500);
        QCOMPARE(model.rowCount(), 0);
        model.flush();
        QCOMPARE(model.rowCount(), 500);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(appended.count(), 1);
        model.flush(); // nothing new: nothing emitted
        QCOMPARE(inserted.count(), 1);
    }

    void timerPublishes()
    {
        TrafficStore store;
        TrafficModel model(&store);
        model.setUpdateInterval(20);
        fill(store, 10);
        QTRY_COMPARE(model.rowCount(), 10);
    }

    void pauseHoldsRowsAndCountsThem()
    {
        TrafficStore store;
        TrafficModel model(&store);
        QAbstractItemModelTester tester(&model);
        model.setUpdateInterval(3600 * 1000);
        fill(store, 10);
        model.flush();

        model.setPaused(true);
        fill(store, 5, 11);
        model.flush();
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.waitingCount(), 5);

        model.setPaused(false);
        QCOMPARE(model.rowCount(), 15);
        QCOMPARE(model.waitingCount(), 0);
    }

    void evictionRemovesRowsAndKeepsSelection_data()
    {
        QTest::addColumn<QString>("topicFilter");
        QTest::addRow("unfiltered") << QString();
        QTest::addRow("filtered") << u"demo/#"_s;
    }
    void evictionRemovesRowsAndKeepsSelection()
    {
        QFETCH(QString, topicFilter);

        MemoryBudget budget;
        TrafficStore store({10, 100000});
        store.setBudget(&budget);
        TrafficModel model(&store);
        QAbstractItemModelTester tester(&model);
        model.setUpdateInterval(3600 * 1000);
        model.setTopicFilter(topicFilter);
        QTRY_VERIFY(!model.isFiltering());

        fill(store, 30);
        model.flush();
        QCOMPARE(model.rowCount(), 30);
        model.setSelectedSequence(25);
        QCOMPARE(model.selectedRow(), 24);

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        budget.setLimitBytes(store.allocatedBytes() - 1); // the first chunk goes
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 20);
        QCOMPARE(model.evictedCount(), 10);
        QCOMPARE(model.sequenceAt(0), 11);
        QCOMPARE(model.selectedSequence(), 25);
        QCOMPARE(model.selectedRow(), 14);

        budget.setLimitBytes(MemoryBudget::DefaultLimitBytes);
        fill(store, 10, 31);
        model.flush();
        QCOMPARE(model.selectedRow(), 14);
        model.setSelectedSequence(5); // evicted: kept as the selection, but has no row
        QCOMPARE(model.selectedRow(), -1);
    }

    void evictionWhilePaused()
    {
        MemoryBudget budget;
        TrafficStore store({10, 100000});
        store.setBudget(&budget);
        TrafficModel model(&store);
        QAbstractItemModelTester tester(&model);
        model.setUpdateInterval(3600 * 1000);
        fill(store, 10);
        model.flush();
        model.setPaused(true);
        fill(store, 30, 11);
        budget.setLimitBytes(store.allocatedBytes() - 1); // evicts the shown chunk
        QCOMPARE(model.rowCount(), 0);
        model.setPaused(false);
        QCOMPARE(model.rowCount(), 30);
        QCOMPARE(model.sequenceAt(0), 11);
    }

    void keyboardSelection()
    {
        TrafficStore store;
        fill(store, 5);
        TrafficModel model(&store);
        model.flush();
        model.moveSelection(1);
        QCOMPARE(model.selectedSequence(), 1);
        model.moveSelection(10);
        QCOMPARE(model.selectedSequence(), 5);
        model.moveSelection(-2);
        QCOMPARE(model.selectedSequence(), 3);
    }

    void roles()
    {
        TrafficStore store;
        const quint32 topic = store.topics().intern(u"demo/general/messages"_s);
        store.append(topic, 0, 2, TrafficFlag::Retained | TrafficFlag::Replayed,
                     packJson(R"({"text":"hi"})"), "m-1", "vip", {});
        TrafficModel model(&store);
        model.flush();
        const QModelIndex index = model.index(0);
        QCOMPARE(index.data(TrafficModel::TopicRole).toString(), u"demo/general/messages"_s);
        QCOMPARE(index.data(TrafficModel::QosRole).toInt(), 2);
        QCOMPARE(index.data(TrafficModel::FilterRole).toString(), u"vip"_s);
        QCOMPARE(index.data(TrafficModel::RetainedRole).toBool(), true);
        QCOMPARE(index.data(TrafficModel::ReplayRole).toBool(), true);
        QCOMPARE(index.data(TrafficModel::PreviewRole).toString(), u"{\"text\":\"hi\"}"_s);
        QCOMPARE(index.data(TrafficModel::SizeRole).toInt(), 9);
        QCOMPARE(index.data(TrafficModel::SequenceRole).toLongLong(), 1);
        QCOMPARE(model.roleNames().value(TrafficModel::SizeTextRole), "sizeText");
    }

    void clearingTheFilterShowsEverything()
    {
        TrafficStore store;
        fill(store, 30);
        TrafficModel model(&store);
        model.flush();
        model.setTopicFilter(u"demo/general/telemetry"_s);
        QTRY_VERIFY(!model.isFiltering());
        QCOMPARE(model.rowCount(), 10);
        model.setTopicFilter(QString());
        QCOMPARE(model.isFiltered(), false);
        QCOMPARE(model.rowCount(), 30);
    }

    void clearDropsEverything()
    {
        TrafficStore store;
        fill(store, 30);
        TrafficModel model(&store);
        QAbstractItemModelTester tester(&model);
        model.flush();
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.evictedCount(), 30);
        fill(store, 3, 31);
        model.flush();
        QCOMPARE(model.rowCount(), 3);
    }
};

QTEST_GUILESS_MAIN(tst_TrafficModel)
#include "tst_trafficmodel.moc"
