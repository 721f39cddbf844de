// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "testpayloads.h"
#include "topics/topictreemodel.h"
#include "traffic/trafficstore.h"

#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class tst_TopicTree : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        TrafficStore store;
        TopicTreeModel tree{&store};
        std::optional<QAbstractItemModelTester> tester;

        // The model tester checks every index of every change: too slow for 100,000 topics.
        explicit Fixture(bool checked = true)
        {
            if (checked) {
                tester.emplace(&tree);
            }
            tree.setUpdateInterval(3600 * 1000);
        }

        quint64 receive(const QString &topic, const QVariant &data = 1)
        {
            const quint32 id = store.topics().intern(topic);
            const quint64 sequence = store.append(id, 1000, 1, 0, packVariant(data));
            tree.recordMessage(id, sequence, 1000);
            return sequence;
        }

        QStringList childNames(const QString &path = QString()) const
        {
            const QModelIndex parent = path.isEmpty() ? QModelIndex() : tree.indexOfPath(path);
            QStringList names;
            for (int row = 0; row < tree.rowCount(parent); ++row) {
                names.append(tree.index(row, 0, parent).data(TopicTreeModel::NameRole).toString());
            }
            return names;
        }

        qint64 count(const QString &path) const
        {
            return tree.indexOfPath(path).data(TopicTreeModel::CountRole).toLongLong();
        }
    };

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void naturalOrder_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("less");
        QTest::addRow("numbers by value") << u"t2"_s << u"t10"_s << true;
        QTest::addRow("numbers by value, reversed") << u"t10"_s << u"t2"_s << false;
        QTest::addRow("text") << u"alpha"_s << u"beta"_s << true;
        QTest::addRow("prefix first") << u"room"_s << u"room1"_s << true;
        QTest::addRow("leading zeros still ordered") << u"t01"_s << u"t1"_s << true;
        QTest::addRow("equal") << u"same"_s << u"same"_s << false;
    }
    void naturalOrder()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, less);
        QCOMPARE(TopicTreeModel::naturalLess(a, b), less);
    }

    void buildsLevelsSortedAndCounts()
    {
        Fixture f;
        f.receive(u"demo/general/messages"_s);
        f.receive(u"demo/room10/telemetry"_s);
        f.receive(u"demo/room2/telemetry"_s);
        f.receive(u"demo/general/messages"_s);
        f.receive(u"other/x"_s);
        QCOMPARE(f.tree.rowCount(), 0); // nothing is visible before the batch
        f.tree.flush();

        QCOMPARE(f.childNames(), (QStringList{u"demo"_s, u"other"_s}));
        QCOMPARE(f.childNames(u"demo"_s), (QStringList{u"general"_s, u"room2"_s, u"room10"_s}));
        QCOMPARE(f.count(u"demo"_s), 4);
        QCOMPARE(f.count(u"demo/general"_s), 2);
        QCOMPARE(f.count(u"demo/general/messages"_s), 2);
        QCOMPARE(f.tree.topicCount(), 4);
        QCOMPARE(f.tree.nodeCount(), 9);
    }

    void newTopicsArriveInFewInserts()
    {
        Fixture f;
        f.receive(u"a/t1"_s);
        f.tree.flush();

        QSignalSpy inserted(&f.tree, &QAbstractItemModel::rowsInserted);
        for (int i = 2; i <= 50; ++i) {
            f.receive(u"a/t%1"_s.arg(i));
        }
        f.receive(u"b/c/d"_s);
        f.tree.flush();
        // a/t2..t50 sort after t1: one run; b is a new subtree: one insert.
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(f.tree.rowCount(f.tree.indexOfPath(u"a"_s)), 50);
        QVERIFY(f.tree.indexOfPath(u"b/c/d"_s).isValid());
    }

    void interleavedInsertsStaySorted()
    {
        Fixture f;
        f.receive(u"a/b"_s);
        f.receive(u"a/d"_s);
        f.tree.flush();
        f.receive(u"a/c"_s);
        f.receive(u"a/a"_s);
        f.receive(u"a/e"_s);
        f.tree.flush();
        QCOMPARE(f.childNames(u"a"_s), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s}));
    }

    void changesAreOneSignalPerParent()
    {
        Fixture f;
        for (int i = 0; i < 20; ++i) {
            f.receive(u"a/t%1"_s.arg(i));
        }
        f.tree.flush();
        QSignalSpy changed(&f.tree, &QAbstractItemModel::dataChanged);
        for (int i = 0; i < 20; ++i) {
            f.receive(u"a/t%1"_s.arg(i));
        }
        f.tree.flush();
        // The 20 leaves under "a", and "a" under the root.
        QCOMPARE(changed.count(), 2);
    }

    void lastValueAndRate()
    {
        Fixture f;
        f.receive(u"s/temp"_s, 20.5);
        f.receive(u"s/temp"_s, 21.5);
        f.tree.flush();
        const QModelIndex temp = f.tree.indexOfPath(u"s/temp"_s);
        QCOMPARE(temp.data(TopicTreeModel::LastValueRole).toString(), u"21.5"_s);
        QCOMPARE(temp.data(TopicTreeModel::IsTopicRole).toBool(), true);
        QCOMPARE(f.tree.indexOfPath(u"s"_s).data(TopicTreeModel::LastValueRole).toString(),
                 QString());

        f.tree.updateRates();
        QVERIFY(temp.data(TopicTreeModel::RateRole).toDouble() > 0);
        QVERIFY(!temp.data(TopicTreeModel::RateTextRole).toString().isEmpty());
        f.tree.updateRates(); // no message since: the rate drops to zero
        QCOMPARE(temp.data(TopicTreeModel::RateRole).toDouble(), 0.0);
    }

    void evictedLastValueIsMarked()
    {
        Fixture f;
        f.receive(u"s/temp"_s, 1);
        f.tree.flush();
        f.store.clear();
        const QString value =
            f.tree.indexOfPath(u"s/temp"_s).data(TopicTreeModel::LastValueRole).toString();
        QVERIFY(value.contains(u"no longer stored"_s));
    }

    void patterns()
    {
        Fixture f;
        f.receive(u"demo/general/messages"_s);
        f.tree.flush();
        QCOMPARE(f.tree.patternFor(f.tree.indexOfPath(u"demo/general"_s)), u"demo/general/#"_s);
        QCOMPARE(f.tree.patternFor(f.tree.indexOfPath(u"demo/general/messages"_s)),
                 u"demo/general/messages"_s);
        QVERIFY(!f.tree.indexOfPath(u"demo/nothing"_s).isValid());
    }

    void resetCounts()
    {
        Fixture f;
        f.receive(u"a/b"_s);
        f.tree.flush();
        f.tree.resetCounts();
        QCOMPARE(f.count(u"a"_s), 0);
        QCOMPARE(f.tree.topicCount(), 1);
        f.receive(u"a/b"_s);
        f.tree.flush();
        QCOMPARE(f.count(u"a"_s), 1);
    }

    void hundredThousandTopics()
    {
        Fixture f(false);
        for (int i = 0; i < 100000; ++i) {
            f.receive(u"bench/r%1/t%2"_s.arg(i / 1000).arg(i % 1000), i);
        }
        f.tree.flush();
        QCOMPARE(f.tree.topicCount(), 100000);
        QCOMPARE(f.tree.rowCount(f.tree.indexOfPath(u"bench"_s)), 100);
        QCOMPARE(f.count(u"bench"_s), 100000);
        QCOMPARE(f.childNames(u"bench/r7"_s).at(999), u"t999"_s);
    }
};

QTEST_GUILESS_MAIN(tst_TopicTree)
#include "tst_topictree.moc"
