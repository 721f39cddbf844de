// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// Presence: statements 97-107 (wire-protocol §13).
#include "tst_conformance.h"

using namespace Qt::StringLiterals;
using NoLagTest::RawConnection;

namespace {

QVariantMap presenceEvent(const QString &event, const QString &actor, const QVariant &presence)
{
    QVariantMap data{{u"actor_token_id"_s, actor}};
    if (event != u"leave"_s) {
        data.insert(u"presence"_s, presence);
    }
    return {{u"type"_s, u"presence"_s}, {u"event"_s, event}, {u"data"_s, data}};
}

bool isPresence(const RawConnection::Frame &frame)
{
    return frame.type() == u"presence"_s;
}

} // namespace

void tst_Conformance::presence_data()
{
    addRows({
        {"097 first presence in general: join then update to every member, sender included",
         &tst_Conformance::firstPresence},
        {"098 a second presence in the same room sends only update",
         &tst_Conformance::secondPresence},
        {"099 join/update data is {actor_token_id, presence}; leave data {actor_token_id}",
         &tst_Conformance::presenceEventShapes},
        {"100 a subscriber of the room's topic that is not present gets no presence events",
         &tst_Conformance::subscriberNotPresent},
        {"101 presence with an unknown room slug: no reply, no events",
         &tst_Conformance::unknownRoomSlug},
        {"102 presence without roomId produces no events for anyone",
         &tst_Conformance::presenceWithoutRoom},
        {"103 presence in other after general: leave to general (sender too), join+update "
         "to other",
         &tst_Conformance::presenceMoves},
        {"104 closing a present connection sends leave to the remaining members",
         &tst_Conformance::closeLeaves},
        {"105 presence data nil broadcasts update with presence nil; actor stays listed",
         &tst_Conformance::nilPresence},
        {"106 getPresence general: presenceList with roomId and the documented entries",
         &tst_Conformance::presenceListShape},
        {"107 getPresence without roomId yields exactly {presenceList, data:[]}",
         &tst_Conformance::presenceListWithoutRoom},
        {"§13.4 two connections of one actor are two members; one leaving leaves the other",
         &tst_Conformance::sameActorTwoConnections},
    });
}

void tst_Conformance::firstPresence(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);

    REQUIRE(joinRoom(bob, u"actor-bob"_s, u"general"_s, QVariantMap{{u"name"_s, u"Bob"_s}}));

    const QVariantMap aliceState{{u"name"_s, u"Alice"_s}};
    setPresence(alice, u"general"_s, aliceState);
    for (RawConnection *member : {alice, bob}) {
        const auto first = takeFrame(member, isPresence);
        QVERIFY2(first, "no presence event");
        COMPARE_EXACT(QVariant(first->map),
                      QVariant(presenceEvent(u"join"_s, u"actor-alice"_s, aliceState)));
        const auto second = takeFrame(member, isPresence);
        QVERIFY2(second, "no update event after join");
        COMPARE_EXACT(QVariant(second->map),
                      QVariant(presenceEvent(u"update"_s, u"actor-alice"_s, aliceState)));
    }
}

void tst_Conformance::secondPresence(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);

    REQUIRE(joinRoom(bob, u"actor-bob"_s, u"s098"_s, QVariantMap{{u"v"_s, 0}}));
    REQUIRE(joinRoom(alice, u"actor-alice"_s, u"s098"_s, QVariantMap{{u"v"_s, 1}}, {bob}));

    const QVariantMap secondState{{u"v"_s, 2}};
    setPresence(alice, u"s098"_s, secondState);
    for (RawConnection *member : {alice, bob}) {
        const auto event = takeFrame(member, isPresence);
        QVERIFY2(event, "no event for the second presence");
        COMPARE_EXACT(QVariant(event->map),
                      QVariant(presenceEvent(u"update"_s, u"actor-alice"_s, secondState)));
    }
    REQUIRE(nothingArrives({alice, bob}));
}

void tst_Conformance::presenceEventShapes(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);

    REQUIRE(joinRoom(bob, u"actor-bob"_s, u"s099"_s, QVariantMap{{u"here"_s, true}}));

    const QVariantMap state{{u"status"_s, u"typing"_s}, {u"cursor"_s, 12}};
    setPresence(alice, u"s099"_s, state);
    COMPARE_EXACT(QVariant(takeReply(bob, u"presence"_s, u"event"_s, u"join"_s)),
                  QVariant(presenceEvent(u"join"_s, u"actor-alice"_s, state)));
    COMPARE_EXACT(QVariant(takeReply(bob, u"presence"_s, u"event"_s, u"update"_s)),
                  QVariant(presenceEvent(u"update"_s, u"actor-alice"_s, state)));

    alice->close();
    COMPARE_EXACT(QVariant(takeReply(bob, u"presence"_s, u"event"_s, u"leave"_s)),
                  QVariant(presenceEvent(u"leave"_s, u"actor-alice"_s, {})));
}

void tst_Conformance::subscriberNotPresent(const QVariant &)
{
    const QString topic = chatTopic(u"s100"_s);
    RawConnection *carol = peer(Tokens::carol);
    REQUIRE(carol);
    REQUIRE(subscribe(carol, topic));
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    REQUIRE(joinRoom(alice, u"actor-alice"_s, u"s100"_s, QVariantMap{{u"here"_s, true}}));
    REQUIRE(nothingArrives({carol}));

    // Control: the subscriber does receive the room's messages.
    publishTo(alice, topic, u"message, not presence"_s);
    QVERIFY(!takeReply(carol, u"message"_s).isEmpty());
}

void tst_Conformance::unknownRoomSlug(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(joinRoom(bob, u"actor-bob"_s, u"s101"_s, QVariantMap{{u"here"_s, true}}));

    setPresence(alice, u"nosuchroom"_s, QVariantMap{{u"here"_s, true}});
    REQUIRE(quietUntilControl(alice));
    REQUIRE(nothingArrives({bob}));
}

void tst_Conformance::presenceWithoutRoom(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(joinRoom(bob, u"actor-bob"_s, u"s102"_s, QVariantMap{{u"here"_s, true}}));

    alice->sendFrame({{u"type"_s, u"presence"_s}, {u"data"_s, QVariantMap{{u"here"_s, true}}}});
    REQUIRE(quietUntilControl(alice));
    REQUIRE(nothingArrives({bob}));
}

void tst_Conformance::presenceMoves(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    RawConnection *carol = peer(Tokens::carol);
    REQUIRE(carol);

    REQUIRE(joinRoom(bob, u"actor-bob"_s, u"general"_s, QVariantMap{{u"who"_s, u"bob"_s}}));
    REQUIRE(joinRoom(carol, u"actor-carol"_s, u"other"_s, QVariantMap{{u"who"_s, u"carol"_s}}));
    const QVariantMap state{{u"who"_s, u"alice"_s}};
    REQUIRE(joinRoom(alice, u"actor-alice"_s, u"general"_s, state, {bob}));
    REQUIRE(nothingArrives({alice, bob, carol}));

    setPresence(alice, u"other"_s, state);
    const QVariantMap leave = presenceEvent(u"leave"_s, u"actor-alice"_s, {});
    const QVariantMap join = presenceEvent(u"join"_s, u"actor-alice"_s, state);
    const QVariantMap update = presenceEvent(u"update"_s, u"actor-alice"_s, state);

    // general's members: bob, and alice herself (the sender is included).
    const auto bobEvent = takeFrame(bob, isPresence);
    QVERIFY2(bobEvent, "bob (in general) got no leave");
    COMPARE_EXACT(QVariant(bobEvent->map), QVariant(leave));

    // alice: leave from general, then join and update in other.
    for (const QVariantMap &expected : {leave, join, update}) {
        const auto event = takeFrame(alice, isPresence);
        QVERIFY2(event, qPrintable(u"alice is missing: "_s + Conformance::describe(expected)));
        COMPARE_EXACT(QVariant(event->map), QVariant(expected));
    }

    // other's members: carol gets join then update.
    for (const QVariantMap &expected : {join, update}) {
        const auto event = takeFrame(carol, isPresence);
        QVERIFY2(event, qPrintable(u"carol is missing: "_s + Conformance::describe(expected)));
        COMPARE_EXACT(QVariant(event->map), QVariant(expected));
    }
    REQUIRE(nothingArrives({alice, bob, carol}));
}

void tst_Conformance::closeLeaves(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(joinRoom(bob, u"actor-bob"_s, u"s104"_s, QVariantMap{{u"here"_s, true}}));
    REQUIRE(joinRoom(alice, u"actor-alice"_s, u"s104"_s, QVariantMap{{u"here"_s, true}}, {bob}));

    alice->close();
    COMPARE_EXACT(QVariant(takeReply(bob, u"presence"_s, u"event"_s, u"leave"_s)),
                  QVariant(presenceEvent(u"leave"_s, u"actor-alice"_s, {})));
}

void tst_Conformance::nilPresence(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(joinRoom(bob, u"actor-bob"_s, u"s105"_s, QVariantMap{{u"here"_s, true}}));
    REQUIRE(joinRoom(alice, u"actor-alice"_s, u"s105"_s, QVariantMap{{u"here"_s, true}}, {bob}));

    setPresence(alice, u"s105"_s, QVariant::fromValue(nullptr));
    COMPARE_EXACT(
        QVariant(takeReply(bob, u"presence"_s, u"event"_s, u"update"_s)),
        QVariant(presenceEvent(u"update"_s, u"actor-alice"_s, QVariant::fromValue(nullptr))));

    bob->sendFrame({{u"type"_s, u"getPresence"_s}, {u"roomId"_s, u"s105"_s}});
    const QVariantList entries = takeReply(bob, u"presenceList"_s).value(u"data"_s).toList();
    bool aliceListed = false;
    for (const QVariant &entry : entries) {
        const QVariantMap map = entry.toMap();
        if (map.value(u"actorTokenId"_s) == QVariant(u"actor-alice"_s)) {
            aliceListed = true;
            QVERIFY2(Conformance::isNil(map.value(u"presence"_s)),
                     qPrintable(Conformance::describe(map)));
        }
    }
    QVERIFY2(aliceListed, qPrintable(Conformance::describe(entries)));
}

void tst_Conformance::presenceListShape(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    const QVariantMap state{{u"mood"_s, u"ok"_s}};
    REQUIRE(joinRoom(alice, u"actor-alice"_s, u"s106"_s, state));

    // bob asks without being present himself.
    bob->sendFrame({{u"type"_s, u"getPresence"_s}, {u"roomId"_s, u"s106"_s}});
    const QVariantMap list = takeReply(bob, u"presenceList"_s);
    QCOMPARE(Conformance::keysOf(list),
             Conformance::sortedKeys({u"type"_s, u"roomId"_s, u"data"_s}));
    COMPARE_EXACT(list.value(u"roomId"_s), u"s106"_s);
    const QVariantList entries = list.value(u"data"_s).toList();
    QCOMPARE(entries.size(), 1);
    const QVariantMap entry = entries.first().toMap();
    QVERIFY2(Conformance::isInteger(entry.value(u"joinedAt"_s)),
             qPrintable(Conformance::describe(entry)));
    COMPARE_EXACT(QVariant(entry),
                  QVariant(QVariantMap{{u"actorTokenId"_s, u"actor-alice"_s},
                                       {u"presence"_s, state},
                                       {u"joinedAt"_s, entry.value(u"joinedAt"_s)},
                                       {u"status"_s, u"online"_s}}));
}

void tst_Conformance::presenceListWithoutRoom(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    alice->sendFrame({{u"type"_s, u"getPresence"_s}});
    COMPARE_EXACT(
        QVariant(takeReply(alice, u"presenceList"_s)),
        QVariant(QVariantMap{{u"type"_s, u"presenceList"_s}, {u"data"_s, QVariantList()}}));
}

void tst_Conformance::sameActorTwoConnections(const QVariant &)
{
    RawConnection *first = peer(Tokens::alice);
    REQUIRE(first);
    RawConnection *second = peer(Tokens::alice);
    REQUIRE(second);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(joinRoom(first, u"actor-alice"_s, u"s107"_s, QVariantMap{{u"tab"_s, 1}}));
    REQUIRE(joinRoom(second, u"actor-alice"_s, u"s107"_s, QVariantMap{{u"tab"_s, 2}}, {first}));

    auto aliceEntries = [&] {
        bob->sendFrame({{u"type"_s, u"getPresence"_s}, {u"roomId"_s, u"s107"_s}});
        int count = 0;
        const QVariantList entries = takeReply(bob, u"presenceList"_s).value(u"data"_s).toList();
        for (const QVariant &entry : entries) {
            count += entry.toMap().value(u"actorTokenId"_s) == QVariant(u"actor-alice"_s) ? 1 : 0;
        }
        return count;
    };
    QCOMPARE(aliceEntries(), 2);

    REQUIRE(joinRoom(bob, u"actor-bob"_s, u"s107"_s, QVariantMap{{u"watching"_s, true}},
                     {first, second}));
    first->close();
    COMPARE_EXACT(QVariant(takeReply(bob, u"presence"_s, u"event"_s, u"leave"_s)),
                  QVariant(presenceEvent(u"leave"_s, u"actor-alice"_s, {})));
    QCOMPARE(aliceEntries(), 1);
}
