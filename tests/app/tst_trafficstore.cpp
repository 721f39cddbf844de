// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "traffic/memorybudget.h"
#include "traffic/trafficstore.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray payload(int size, char fill = 'x')
{
    return QByteArray(size, fill);
}

} // namespace

class tst_TrafficStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void appendAndRead()
    {
        TrafficStore store;
        const quint32 topic = store.topics().intern(u"demo/general/messages"_s);
        const quint64 first = store.append(topic, 1000, 2, quint8(TrafficFlag::Retained), "\xa2hi",
                                           "id-1", "vip", "alice");
        const quint64 second = store.append(topic, 1001, 0, 0, "\xc0");

        QCOMPARE(first, 1u);
        QCOMPARE(second, 2u);
        QCOMPARE(store.count(), 2u);

        const std::optional<TrafficMessage> message = store.message(first);
        QVERIFY(message);
        QCOMPARE(message->receivedAtMs, 1000);
        QCOMPARE(message->qos, 2);
        QVERIFY(hasFlag(message->flags, TrafficFlag::Retained));
        QCOMPARE(message->data, QByteArrayView("\xa2hi"));
        QCOMPARE(message->msgId, QByteArrayView("id-1"));
        QCOMPARE(message->filter, QByteArrayView("vip"));
        QCOMPARE(message->sender, QByteArrayView("alice"));
        QCOMPARE(store.topicName(message->topicId), u"demo/general/messages"_s);

        QVERIFY(!store.message(0));
        QVERIFY(!store.message(3));
    }

    void chunking_data()
    {
        QTest::addColumn<int>("recordsPerChunk");
        QTest::addColumn<int>("arenaBytes");
        QTest::addColumn<int>("messages");
        QTest::addColumn<int>("payloadSize");
        QTest::addColumn<int>("chunks");

        QTest::addRow("one chunk") << 100 << 10000 << 50 << 10 << 1;
        QTest::addRow("records fill first") << 10 << 10000 << 25 << 10 << 3;
        QTest::addRow("arena fills first") << 100 << 100 << 25 << 10 << 3;
        QTest::addRow("payload larger than an arena") << 100 << 100 << 3 << 500 << 3;
    }
    void chunking()
    {
        QFETCH(int, recordsPerChunk);
        QFETCH(int, arenaBytes);
        QFETCH(int, messages);
        QFETCH(int, payloadSize);
        QFETCH(int, chunks);

        TrafficStore store({recordsPerChunk, arenaBytes});
        const quint32 topic = store.topics().intern(u"a/b/c"_s);
        for (int i = 0; i < messages; ++i) {
            store.append(topic, i, 1, 0, payload(payloadSize, char('a' + i % 26)));
        }
        QCOMPARE(store.chunkCount(), chunks);
        for (int i = 0; i < messages; ++i) {
            const std::optional<TrafficMessage> message = store.message(quint64(i + 1));
            QVERIFY(message);
            QCOMPARE(message->receivedAtMs, i);
            QCOMPARE(message->data, payload(payloadSize, char('a' + i % 26)));
        }
    }

    void budgetEvictsOldestChunks()
    {
        MemoryBudget budget;
        TrafficStore store({10, 1000});
        store.setBudget(&budget);
        const quint32 topic = store.topics().intern(u"a/b/c"_s);
        store.append(topic, 0, 1, 0, payload(10));
        const qint64 chunkBytes = store.allocatedBytes();
        budget.setLimitBytes(chunkBytes * 3);

        QSignalSpy evicted(&store, &TrafficStore::evicted);
        for (int i = 1; i < 100; ++i) {
            store.append(topic, i, 1, 0, payload(10));
        }

        QVERIFY(budget.usedBytes() <= budget.limitBytes());
        QCOMPARE(budget.usedBytes(), store.allocatedBytes());
        QCOMPARE(store.chunkCount(), 3);
        QCOMPARE(store.evictedCount(), 70);
        QCOMPARE(store.firstSequence(), 71u);
        QCOMPARE(store.endSequence(), 101u);
        QCOMPARE(evicted.count(), 7);
        QCOMPARE(evicted.last().at(0).toULongLong(), 71u);
        // Every message still stored is intact, and nothing else.
        QVERIFY(!store.message(70));
        QCOMPARE(store.message(71)->receivedAtMs, 70);
        QCOMPARE(store.message(100)->receivedAtMs, 99);
    }

    void budgetKeepsNewestChunk()
    {
        MemoryBudget budget;
        budget.setLimitBytes(1);
        TrafficStore store({10, 1000});
        store.setBudget(&budget);
        const quint32 topic = store.topics().intern(u"a/b/c"_s);
        for (int i = 0; i < 25; ++i) {
            store.append(topic, i, 1, 0, payload(10));
        }
        QCOMPARE(store.chunkCount(), 1);
        QCOMPARE(store.count(), 5u);
        QCOMPARE(store.evictedCount(), 20);
    }

    void budgetEvictsGloballyOldest()
    {
        MemoryBudget budget;
        TrafficStore older({10, 1000});
        TrafficStore newer({10, 1000});
        older.setBudget(&budget);
        newer.setBudget(&budget);
        const quint32 a = older.topics().intern(u"a/b/c"_s);
        const quint32 b = newer.topics().intern(u"a/b/c"_s);

        // older: times 0..19 (2 chunks); newer: times 100..119 (2 chunks)
        for (int i = 0; i < 20; ++i) {
            older.append(a, i, 1, 0, payload(10));
        }
        for (int i = 0; i < 20; ++i) {
            newer.append(b, 100 + i, 1, 0, payload(10));
        }
        budget.setLimitBytes(budget.usedBytes() - 1);

        QCOMPARE(older.evictedCount(), 10);
        QCOMPARE(newer.evictedCount(), 0);
    }

    void clearKeepsSequences()
    {
        TrafficStore store;
        const quint32 topic = store.topics().intern(u"a/b/c"_s);
        store.append(topic, 0, 1, 0, payload(1));
        store.append(topic, 0, 1, 0, payload(1));
        QSignalSpy evicted(&store, &TrafficStore::evicted);
        store.clear();
        QCOMPARE(evicted.count(), 1);
        QCOMPARE(store.count(), 0u);
        QCOMPARE(store.evictedCount(), 2);
        QCOMPARE(store.allocatedBytes(), 0);
        QCOMPARE(store.append(topic, 0, 1, 0, payload(1)), 3u);
    }

    void snapshotSurvivesEviction()
    {
        MemoryBudget budget;
        TrafficStore store({10, 1000});
        store.setBudget(&budget);
        const quint32 topic = store.topics().intern(u"a/b/c"_s);
        for (int i = 0; i < 15; ++i) {
            store.append(topic, i, 1, 0, payload(4, char('a' + i)));
        }
        const TrafficSnapshot snapshot = store.snapshot();
        budget.setLimitBytes(1); // evicts the first chunk from the store
        QCOMPARE(store.firstSequence(), 11u);

        QCOMPARE(snapshot.firstSequence(), 1u);
        QCOMPARE(snapshot.endSequence(), 16u);
        QCOMPARE(snapshot.message(1)->data, payload(4, 'a'));
        int visited = 0;
        snapshot.forEach([&](const TrafficMessage &message) {
            QCOMPARE(message.sequence, quint64(visited + 1));
            ++visited;
        });
        QCOMPARE(visited, 15);
    }

    void previousOnTopic()
    {
        TrafficStore store({4, 1000});
        const quint32 a = store.topics().intern(u"a"_s);
        const quint32 b = store.topics().intern(u"b"_s);
        for (int i = 0; i < 10; ++i) {
            store.append(i % 3 == 0 ? a : b, i, 1, 0, payload(1));
        }
        // a: 1, 4, 7, 10
        QCOMPARE(store.previousOnTopic(10, a), 7u);
        QCOMPARE(store.previousOnTopic(7, a), 4u);
        QCOMPARE(store.previousOnTopic(1, a), 0u);
        QCOMPARE(store.previousOnTopic(4, b), 3u);
    }

    void topicTable()
    {
        TopicTable table;
        QCOMPARE(table.intern(u"x"_s), 0u);
        QCOMPARE(table.intern(u"y"_s), 1u);
        QCOMPARE(table.intern(u"x"_s), 0u);
        QCOMPARE(table.count(), 2);
        QCOMPARE(table.name(1), u"y"_s);
        QCOMPARE(table.name(7), QString());
        QCOMPARE(table.find(u"z"_s), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(tst_TrafficStore)
#include "tst_trafficstore.moc"
