// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// Filters: statements 70-88 (wire-protocol §7.3, §8).
#include "tst_conformance.h"

using namespace Qt::StringLiterals;
using NoLagTest::RawConnection;

namespace {

const QString invalidChars = u"invalid_filter_chars (/, #, +, | not allowed)"_s;

// One AND group as a filter item. Returning a QVariant matters: f({QVariantList{...}}) would
// copy the inner list instead of nesting it (copy-list-initialisation picks the copy).
QVariant andGroup(const QStringList &members)
{
    QVariantList group;
    for (const QString &member : members) {
        group.append(member);
    }
    return group;
}

QVariantMap withFilters(const QVariantList &filters)
{
    return {{u"filters"_s, filters}};
}

QVariantMap withFilter(const QString &filter)
{
    return {{u"filter"_s, filter}};
}

QVariantList manyFilters(int count)
{
    QVariantList filters;
    for (int i = 0; i < count; ++i) {
        filters.append(u"f%1"_s.arg(i));
    }
    return filters;
}

} // namespace

void tst_Conformance::filters_data()
{
    auto filters = [](const QVariantList &list) {
        return QVariant(list);
    };
    auto count = [](int n, bool accepted) {
        return QVariantMap{{u"count"_s, n}, {u"accepted"_s, accepted}};
    };

    addRows({
        {"070 filters [a,b] receive filter a and b, not c, not unfiltered",
         &tst_Conformance::orFilters},
        {"071 a filtered delivery carries filter equal to the matched value",
         &tst_Conformance::filterValueCarried},
        {"072 filter Alice does not reach filters [alice]", &tst_Conformance::filterCaseSensitive},
        {"073 publish filters [B,a] reaches AND group [[A,b]] with filter a|b",
         &tst_Conformance::andGroupNormalised},
        {"074 publish filters [a,b] does not reach filters [a]", &tst_Conformance::compositeNotOr},
        {"075 AND group [[a,b]] does not receive filter a", &tst_Conformance::andGroupNotSingle},
        {"076 filter x with filters [y,z]: only x is used", &tst_Conformance::filterBeatsFilters},
        {"077 publish filters [Alice] is routed as alice",
         &tst_Conformance::publishFiltersLowercased},
        {"078 filter \"a/b\" is rejected with invalid_filter_chars",
         &tst_Conformance::invalidFilter, filters({u"a/b"_s})},
        {"078 filter \"a#\" is rejected", &tst_Conformance::invalidFilter, filters({u"a#"_s})},
        {"078 filter \"a+\" is rejected", &tst_Conformance::invalidFilter, filters({u"a+"_s})},
        {"078 filter \"a|b\" is rejected", &tst_Conformance::invalidFilter, filters({u"a|b"_s})},
        {"078 filter \"\" is rejected", &tst_Conformance::invalidFilter, filters({u""_s})},
        {"079 an AND group of one element is rejected", &tst_Conformance::invalidFilter,
         filters({andGroup({u"a"_s})})},
        {"§8.2 an AND group with an invalid element is rejected", &tst_Conformance::invalidFilter,
         filters({andGroup({u"a"_s, u"b/c"_s})})},
        {"§8.2 a number as filter item is rejected", &tst_Conformance::invalidFilter,
         filters({u"a"_s, 7})},
        {"080 101 filter items yield too_many_filters (max 100)",
         &tst_Conformance::filterCountLimit, count(101, false)},
        {"080 100 filter items are accepted", &tst_Conformance::filterCountLimit, count(100, true)},
        {"081 a rejected re-subscribe leaves the previous subscription working",
         &tst_Conformance::rejectedResubscribeKeepsOld},
        {"082 setFilters on an unsubscribed topic yields exactly not_subscribed",
         &tst_Conformance::setFiltersNotSubscribed},
        {"083 setFilters [x] yields filtersUpdated; then only x-filtered publishes arrive",
         &tst_Conformance::setFiltersNarrows},
        {"084 setFilters [] lets unfiltered publishes arrive again",
         &tst_Conformance::setFiltersEmptyWidens},
        {"085 setFilters keeps a load-balanced subscription load-balanced",
         &tst_Conformance::setFiltersKeepsLoadBalance},
        {"086 an unfiltered subscriber gets unfiltered publishes without a filter key",
         &tst_Conformance::unfilteredHasNoFilterKey},
        {"087 default: an unfiltered subscriber gets filter v, carrying filter v",
         &tst_Conformance::unfilteredGetsFiltered, false},
        {"087 strict filter isolation: an unfiltered subscriber does not get filter v",
         &tst_Conformance::unfilteredGetsFiltered, true},
        {"088 no frame carries filter \"#\" (live and retained, filtered and not)",
         &tst_Conformance::noHashFilter},
        {"§8.4 an invalid publish filter is answered with invalid_filter_chars and msgRef",
         &tst_Conformance::invalidPublishFilter},
        {"§7.3 filtersUpdated echoes the filters exactly as sent",
         &tst_Conformance::filtersUpdatedVerbatim},
    });
}

void tst_Conformance::orFilters(const QVariant &)
{
    const QString topic = chatTopic(u"s070"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic, withFilters({u"a"_s, u"b"_s})));

    publishTo(bob, topic, u"to a"_s, withFilter(u"a"_s));
    publishTo(bob, topic, u"to c"_s, withFilter(u"c"_s));
    publishTo(bob, topic, u"to nobody in particular"_s);
    publishTo(bob, topic, u"to b"_s, withFilter(u"b"_s));
    REQUIRE(waitForMessageTotal({alice}, 2));
    const QList<QVariantMap> messages = takeMessages(alice);
    COMPARE_EXACT(messages[0].value(u"data"_s), u"to a"_s);
    COMPARE_EXACT(messages[1].value(u"data"_s), u"to b"_s);
}

void tst_Conformance::filterValueCarried(const QVariant &)
{
    const QString topic = chatTopic(u"s071"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic, withFilters({u"a"_s, u"b"_s})));

    publishTo(bob, topic, u"to b"_s, withFilter(u"b"_s));
    COMPARE_EXACT(takeReply(alice, u"message"_s).value(u"filter"_s), u"b"_s);
}

void tst_Conformance::filterCaseSensitive(const QVariant &)
{
    const QString topic = chatTopic(u"s072"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic, withFilters({u"alice"_s})));

    publishTo(bob, topic, u"capital"_s, withFilter(u"Alice"_s));
    publishTo(bob, topic, u"lower"_s, withFilter(u"alice"_s));
    REQUIRE(waitForMessageTotal({alice}, 1));
    COMPARE_EXACT(takeMessages(alice).first().value(u"data"_s), u"lower"_s);
}

void tst_Conformance::andGroupNormalised(const QVariant &)
{
    const QString topic = chatTopic(u"s073"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic, withFilters({andGroup({u"A"_s, u"b"_s})})));

    publishTo(bob, topic, u"both"_s, withFilters({u"B"_s, u"a"_s}));
    const QVariantMap message = takeReply(alice, u"message"_s);
    COMPARE_EXACT(message.value(u"data"_s), u"both"_s);
    COMPARE_EXACT(message.value(u"filter"_s), u"a|b"_s);
}

void tst_Conformance::compositeNotOr(const QVariant &)
{
    const QString topic = chatTopic(u"s074"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic, withFilters({u"a"_s})));

    publishTo(bob, topic, u"composite"_s, withFilters({u"a"_s, u"b"_s}));
    publishTo(bob, topic, u"single"_s, withFilter(u"a"_s));
    REQUIRE(waitForMessageTotal({alice}, 1));
    COMPARE_EXACT(takeMessages(alice).first().value(u"data"_s), u"single"_s);
}

void tst_Conformance::andGroupNotSingle(const QVariant &)
{
    const QString topic = chatTopic(u"s075"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic, withFilters({andGroup({u"a"_s, u"b"_s})})));

    publishTo(bob, topic, u"single"_s, withFilter(u"a"_s));
    publishTo(bob, topic, u"composite"_s, withFilters({u"a"_s, u"b"_s}));
    REQUIRE(waitForMessageTotal({alice}, 1));
    COMPARE_EXACT(takeMessages(alice).first().value(u"data"_s), u"composite"_s);
}

void tst_Conformance::filterBeatsFilters(const QVariant &)
{
    const QString topic = chatTopic(u"s076"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *carol = peer(Tokens::carol);
    REQUIRE(carol);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic, withFilters({u"x"_s})));
    REQUIRE(subscribe(carol, topic, withFilters({andGroup({u"y"_s, u"z"_s})})));

    publishTo(bob, topic, u"both given"_s,
              {{u"filter"_s, u"x"_s}, {u"filters"_s, QVariantList{u"y"_s, u"z"_s}}});
    const QVariantMap message = takeReply(alice, u"message"_s);
    COMPARE_EXACT(message.value(u"filter"_s), u"x"_s);
    REQUIRE(nothingArrives({carol}));

    // Control: the AND subscriber does receive filters [y,z] on its own.
    publishTo(bob, topic, u"only filters"_s, withFilters({u"y"_s, u"z"_s}));
    COMPARE_EXACT(takeReply(carol, u"message"_s).value(u"filter"_s), u"y|z"_s);
}

void tst_Conformance::publishFiltersLowercased(const QVariant &)
{
    const QString topic = chatTopic(u"s077"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *carol = peer(Tokens::carol);
    REQUIRE(carol);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic, withFilters({u"alice"_s})));
    REQUIRE(subscribe(carol, topic, withFilters({u"Alice"_s})));

    publishTo(bob, topic, u"lowercased"_s, withFilters({u"Alice"_s}));
    const QVariantMap message = takeReply(alice, u"message"_s);
    COMPARE_EXACT(message.value(u"data"_s), u"lowercased"_s);
    COMPARE_EXACT(message.value(u"filter"_s), u"alice"_s);
    REQUIRE(nothingArrives({carol}));

    // Control: filter (singular) keeps its case and reaches the "Alice" subscriber.
    publishTo(bob, topic, u"as is"_s, withFilter(u"Alice"_s));
    COMPARE_EXACT(takeReply(carol, u"message"_s).value(u"filter"_s), u"Alice"_s);
}

void tst_Conformance::invalidFilter(const QVariant &argument)
{
    const QString topic = chatTopic(u"s078"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    alice->sendFrame(
        {{u"type"_s, u"subscribe"_s}, {u"topic"_s, topic}, {u"filters"_s, argument.toList()}});
    const auto reply = takeFrame(alice, [](const RawConnection::Frame &f) {
        return f.type() == u"subscribed"_s || f.type() == u"error"_s;
    });
    QVERIFY2(reply, "no reply to the subscribe");
    COMPARE_EXACT(QVariant(reply->map),
                  QVariant(QVariantMap{
                      {u"type"_s, u"error"_s}, {u"error"_s, invalidChars}, {u"topic"_s, topic}}));
    REQUIRE(quietUntilControl(alice));
}

void tst_Conformance::filterCountLimit(const QVariant &argument)
{
    const int count = argument.toMap().value(u"count"_s).toInt();
    const bool accepted = argument.toMap().value(u"accepted"_s).toBool();
    const QString topic = chatTopic(u"s080"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    if (accepted) {
        REQUIRE(subscribe(alice, topic, withFilters(manyFilters(count))));
        return;
    }
    alice->sendFrame(
        {{u"type"_s, u"subscribe"_s}, {u"topic"_s, topic}, {u"filters"_s, manyFilters(count)}});
    const auto reply = takeFrame(alice, [](const RawConnection::Frame &f) {
        return f.type() == u"subscribed"_s || f.type() == u"error"_s;
    });
    QVERIFY2(reply, "no reply to the subscribe");
    COMPARE_EXACT(QVariant(reply->map),
                  QVariant(QVariantMap{{u"type"_s, u"error"_s},
                                       {u"error"_s, u"too_many_filters (max 100)"_s},
                                       {u"topic"_s, topic}}));
}

void tst_Conformance::rejectedResubscribeKeepsOld(const QVariant &)
{
    const QString topic = chatTopic(u"s081"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic, withFilters({u"a"_s})));

    alice->sendFrame(
        {{u"type"_s, u"subscribe"_s}, {u"topic"_s, topic}, {u"filters"_s, QVariantList{u"a/b"_s}}});
    COMPARE_EXACT(takeReply(alice, u"error"_s).value(u"error"_s), invalidChars);

    publishTo(bob, topic, u"still subscribed"_s, withFilter(u"a"_s));
    COMPARE_EXACT(takeReply(alice, u"message"_s).value(u"data"_s), u"still subscribed"_s);
}

void tst_Conformance::setFiltersNotSubscribed(const QVariant &)
{
    const QString topic = chatTopic(u"s082"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    alice->sendFrame(
        {{u"type"_s, u"setFilters"_s}, {u"topic"_s, topic}, {u"filters"_s, QVariantList{u"x"_s}}});
    COMPARE_EXACT(QVariant(takeReply(alice, u"error"_s)),
                  QVariant(QVariantMap{{u"type"_s, u"error"_s},
                                       {u"error"_s, u"not_subscribed"_s},
                                       {u"topic"_s, topic}}));
}

void tst_Conformance::setFiltersNarrows(const QVariant &)
{
    const QString topic = chatTopic(u"s083"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic));

    alice->sendFrame(
        {{u"type"_s, u"setFilters"_s}, {u"topic"_s, topic}, {u"filters"_s, QVariantList{u"x"_s}}});
    COMPARE_EXACT(QVariant(takeReply(alice, u"filtersUpdated"_s)),
                  QVariant(QVariantMap{{u"type"_s, u"filtersUpdated"_s},
                                       {u"topic"_s, topic},
                                       {u"filters"_s, QVariantList{u"x"_s}}}));

    publishTo(bob, topic, u"unfiltered"_s);
    publishTo(bob, topic, u"to y"_s, withFilter(u"y"_s));
    publishTo(bob, topic, u"to x"_s, withFilter(u"x"_s));
    REQUIRE(waitForMessageTotal({alice}, 1));
    COMPARE_EXACT(takeMessages(alice).first().value(u"data"_s), u"to x"_s);
}

void tst_Conformance::setFiltersEmptyWidens(const QVariant &)
{
    const QString topic = chatTopic(u"s084"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic, withFilters({u"x"_s})));

    publishTo(bob, topic, u"while filtered"_s);
    publishTo(bob, topic, u"marker"_s, withFilter(u"x"_s));
    REQUIRE(waitForMessageTotal({alice}, 1));
    COMPARE_EXACT(takeMessages(alice).first().value(u"data"_s), u"marker"_s);

    alice->sendFrame(
        {{u"type"_s, u"setFilters"_s}, {u"topic"_s, topic}, {u"filters"_s, QVariantList()}});
    COMPARE_EXACT(takeReply(alice, u"filtersUpdated"_s).value(u"filters"_s), QVariantList());
    publishTo(bob, topic, u"after widening"_s);
    COMPARE_EXACT(takeReply(alice, u"message"_s).value(u"data"_s), u"after widening"_s);
}

void tst_Conformance::setFiltersKeepsLoadBalance(const QVariant &)
{
    const QString topic = chatTopic(u"s085"_s);
    RawConnection *first = peer(Tokens::alice);
    REQUIRE(first);
    RawConnection *second = peer(Tokens::alice);
    REQUIRE(second);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    for (RawConnection *worker : {first, second}) {
        REQUIRE(subscribe(worker, topic, {{u"loadBalance"_s, true}}));
        worker->sendFrame({{u"type"_s, u"setFilters"_s},
                           {u"topic"_s, topic},
                           {u"filters"_s, QVariantList{u"x"_s}}});
        QVERIFY(!takeReply(worker, u"filtersUpdated"_s).isEmpty());
    }

    // Still one group: four publishes give four deliveries in total, not eight.
    for (int i = 0; i < 4; ++i) {
        publishTo(bob, topic, i, withFilter(u"x"_s));
    }
    REQUIRE(waitForMessageTotal({first, second}, 4));
}

void tst_Conformance::unfilteredHasNoFilterKey(const QVariant &)
{
    const QString topic = chatTopic(u"s086"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic));

    publishTo(bob, topic, u"plain"_s);
    const QVariantMap message = takeReply(alice, u"message"_s);
    COMPARE_EXACT(message.value(u"data"_s), u"plain"_s);
    QVERIFY2(!message.contains(u"filter"_s), qPrintable(Conformance::describe(message)));
}

void tst_Conformance::unfilteredGetsFiltered(const QVariant &argument)
{
    const bool strict = argument.toBool();
    const Server kind = strict ? Server::StrictFilters : Server::Main;
    const QString topic = chatTopic(u"s087"_s);
    RawConnection *alice = peer(Tokens::alice, 2, kind);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob, 2, kind);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic));

    // Same publisher, same subscriber: deliveries keep publish order, so when the unfiltered
    // control arrives the filtered one has arrived before it if it is delivered at all.
    publishTo(bob, topic, u"filtered"_s, withFilter(u"v"_s));
    publishTo(bob, topic, u"control"_s);
    QVERIFY(!takeReply(alice, u"message"_s, u"data"_s, u"control"_s).isEmpty());
    const QList<QVariantMap> filtered = takeMessages(alice, u"filtered"_s);
    if (strict) {
        QVERIFY2(filtered.isEmpty(), qPrintable(Conformance::describe(filtered.value(0))));
        return;
    }
    QCOMPARE(filtered.size(), 1);
    COMPARE_EXACT(filtered.first().value(u"filter"_s), u"v"_s);
}

void tst_Conformance::noHashFilter(const QVariant &)
{
    const QString topic = chatTopic(u"s088"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);

    publishTo(bob, topic, u"retained plain"_s, {{u"retain"_s, true}});
    publishTo(bob, topic, u"retained filtered"_s, {{u"retain"_s, true}, {u"filter"_s, u"r"_s}});
    publishTo(bob, topic, u"sync"_s, {{u"msgRef"_s, u"r88"_s}});
    QVERIFY(!takeReply(bob, u"published"_s).isEmpty());

    REQUIRE(subscribe(alice, topic));
    publishTo(bob, topic, u"live plain"_s);
    publishTo(bob, topic, u"live filtered"_s, withFilter(u"v"_s));
    publishTo(bob, topic, u"live composite"_s, withFilters({u"p"_s, u"q"_s}));
    REQUIRE(waitForMessageTotal({alice}, 5));

    const QList<QVariantMap> messages = takeMessages(alice);
    for (const QVariantMap &message : messages) {
        QVERIFY2(message.value(u"filter"_s) != QVariant(u"#"_s),
                 qPrintable(Conformance::describe(message)));
    }
}

void tst_Conformance::invalidPublishFilter(const QVariant &)
{
    const QString topic = chatTopic(u"s078"_s, u"typing"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(bob, topic));

    publishTo(alice, topic, u"bad filter"_s, {{u"filter"_s, u"a/b"_s}, {u"msgRef"_s, u"r84"_s}});
    COMPARE_EXACT(QVariant(takeReply(alice, u"error"_s)),
                  QVariant(QVariantMap{{u"type"_s, u"error"_s},
                                       {u"error"_s, invalidChars},
                                       {u"topic"_s, topic},
                                       {u"msgRef"_s, u"r84"_s}}));
    REQUIRE(nothingArrives({bob}));
}

void tst_Conformance::filtersUpdatedVerbatim(const QVariant &)
{
    const QString topic = chatTopic(u"s083"_s, u"typing"_s);
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    REQUIRE(subscribe(alice, topic));

    const QVariantList filters{andGroup({u"B"_s, u"a"_s}), u"Z"_s};
    alice->sendFrame({{u"type"_s, u"setFilters"_s}, {u"topic"_s, topic}, {u"filters"_s, filters}});
    COMPARE_EXACT(takeReply(alice, u"filtersUpdated"_s).value(u"filters"_s), filters);
}
