// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "presence/presencemodels.h"

#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class tst_PresenceModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void roster()
    {
        PresenceRosterModel roster;
        QAbstractItemModelTester tester(&roster);
        roster.setSelfId(u"me"_s);

        NoLagActorPresence alice(u"alice"_s, QVariantMap{{u"status"_s, u"online"_s}});
        alice.setJoinedAt(1700000000);
        alice.setActorType(NoLag::ActorType::User);
        NoLagActorPresence twice(u"alice"_s);
        roster.reset({alice, twice, NoLagActorPresence(u"me"_s)});
        QCOMPARE(roster.count(), 2); // one row per actor

        // An event without a join time keeps the one the list gave.
        roster.upsert(NoLagActorPresence(u"alice"_s, QVariantMap{{u"status"_s, u"away"_s}}));
        const QModelIndex row = roster.index(roster.rowOf(u"alice"_s));
        QCOMPARE(row.data(PresenceRosterModel::PresenceRole).toString(),
                 u"{\"status\":\"away\"}"_s);
        QVERIFY(!row.data(PresenceRosterModel::JoinedAtRole).toString().isEmpty());
        QCOMPARE(row.data(PresenceRosterModel::ActorTypeRole).toString(), u"user"_s);
        QCOMPARE(roster.index(roster.rowOf(u"me"_s)).data(PresenceRosterModel::IsSelfRole).toBool(),
                 true);

        roster.upsert(NoLagActorPresence(u"bob"_s));
        QCOMPARE(roster.count(), 3);
        QVERIFY(!roster.index(roster.rowOf(u"bob"_s))
                     .data(PresenceRosterModel::JoinedAtRole)
                     .toString()
                     .isEmpty()); // seen joining now
        roster.remove(u"alice"_s);
        QCOMPARE(roster.rowOf(u"alice"_s), -1);
        QCOMPARE(roster.count(), 2);
    }

    void timelineDropsOldestInSteps()
    {
        PresenceTimelineModel timeline;
        timeline.append(NoLag::PresenceEvent::Join, u"general"_s, u"a"_s, QVariantMap{{u"x"_s, 1}},
                        u"room"_s);
        timeline.append(NoLag::PresenceEvent::Leave, u"general"_s, u"a"_s, QVariantMap(),
                        u"room"_s);
        QCOMPARE(timeline.index(0).data(PresenceTimelineModel::EventRole).toString(), u"join"_s);
        QCOMPARE(timeline.index(0).data(PresenceTimelineModel::DataRole).toString(),
                 u"{\"x\":1}"_s);
        QCOMPARE(timeline.index(1).data(PresenceTimelineModel::EventRole).toString(), u"leave"_s);
        QCOMPARE(timeline.index(1).data(PresenceTimelineModel::DataRole).toString(), QString());

        for (int i = 0; i < PresenceTimelineModel::MaxEvents; ++i) {
            timeline.append(NoLag::PresenceEvent::Update, u"r"_s, u"b"_s, {}, u"room"_s);
        }
        QVERIFY(timeline.count() <= PresenceTimelineModel::MaxEvents);
        QCOMPARE(timeline.droppedCount() + timeline.count(), PresenceTimelineModel::MaxEvents + 2);
    }

    void lobbySnapshot()
    {
        LobbyPresenceModel lobby;
        QAbstractItemModelTester tester(&lobby);
        lobby.setSnapshot({{u"general"_s,
                            QVariantMap{{u"a1"_s,
                                         QVariantMap{{u"actorTokenId"_s, u"a1"_s},
                                                     {u"presence"_s, QVariantMap{{u"s"_s, 1}}},
                                                     {u"joinedAt"_s, 1700000000}}}}},
                           {u"support"_s, QVariantMap()}});
        QCOMPARE(lobby.roomCount(), 2);
        QCOMPARE(lobby.count(), 1);
        QCOMPARE(lobby.index(0).data(LobbyPresenceModel::RoomRole).toString(), u"general"_s);
        QCOMPARE(lobby.index(0).data(LobbyPresenceModel::PresenceRole).toString(), u"{\"s\":1}"_s);
    }

    void presenceTextOfNothing()
    {
        QCOMPARE(presenceText(QVariant()), u"null"_s);
        QCOMPARE(presenceText(QVariant::fromValue(nullptr)), u"null"_s);
    }
};

QTEST_GUILESS_MAIN(tst_PresenceModels)
#include "tst_presencemodels.moc"
