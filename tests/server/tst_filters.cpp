// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT

// Filter validation and normalisation on both sides (wire-protocol §8).

#include "core/filters.h"

#include <nolagcodec/variantcodec.h>

#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace NoLag::Server;

namespace {

QByteArray encode(const QVariant &value)
{
    if (!value.isValid()) {
        return {};
    }
    bool ok = false;
    const QByteArray bytes = NoLag::Codec::encodeVariant(value, &ok);
    Q_ASSERT(ok);
    return bytes;
}

QVariantList group(const QStringList &elements)
{
    QVariantList list;
    for (const QString &element : elements) {
        list.append(element);
    }
    return list;
}

QVariantList manyFilters(int count)
{
    QVariantList list;
    for (int i = 0; i < count; ++i) {
        list.append(u"f%1"_s.arg(i));
    }
    return list;
}

} // namespace

class tst_Filters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void subscriptionFilters_data();
    void subscriptionFilters();
    void publishFilter_data();
    void publishFilter();
};

void tst_Filters::subscriptionFilters_data()
{
    QTest::addColumn<QVariant>("filters");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QStringList>("values");

    const QString invalid = invalidFilterCharsError();
    QVariantList andGroup;
    andGroup.append(QVariant(group({u"Zed"_s, u"alice"_s, u"Bob"_s})));

    QTest::addRow("absent means unfiltered") << QVariant() << QString() << QStringList();
    QTest::addRow("nil means unfiltered")
        << QVariant::fromValue(nullptr) << QString() << QStringList();
    QTest::addRow("a string means unfiltered") << QVariant(u"a"_s) << QString() << QStringList();
    QTest::addRow("empty array means unfiltered")
        << QVariant(QVariantList()) << QString() << QStringList();
    QTest::addRow("strings are kept as they are") << QVariant(QVariantList{u"Alice"_s, u"b"_s})
                                                  << QString() << QStringList{u"Alice"_s, u"b"_s};
    QTest::addRow("duplicates collapse")
        << QVariant(QVariantList{u"a"_s, u"a"_s}) << QString() << QStringList{u"a"_s};
    QTest::addRow("AND group: lowercased, sorted, joined")
        << QVariant(andGroup) << QString() << QStringList{u"alice|bob|zed"_s};
    QTest::addRow("AND group sorted by UTF-8 bytes")
        << QVariant(QVariantList{QVariant(group({u"\U0001F600"_s, u"\uFB01"_s}))}) << QString()
        << QStringList{u"\uFB01|\U0001F600"_s};
    QTest::addRow("slash") << QVariant(QVariantList{u"a/b"_s}) << invalid << QStringList();
    QTest::addRow("hash") << QVariant(QVariantList{u"a#"_s}) << invalid << QStringList();
    QTest::addRow("plus") << QVariant(QVariantList{u"a+"_s}) << invalid << QStringList();
    QTest::addRow("bar") << QVariant(QVariantList{u"a|b"_s}) << invalid << QStringList();
    QTest::addRow("empty string") << QVariant(QVariantList{u""_s}) << invalid << QStringList();
    QTest::addRow("number") << QVariant(QVariantList{u"a"_s, 7}) << invalid << QStringList();
    QTest::addRow("map") << QVariant(QVariantList{QVariantMap{{u"a"_s, 1}}}) << invalid
                         << QStringList();
    QTest::addRow("AND group of one")
        << QVariant(QVariantList{QVariant(group({u"a"_s}))}) << invalid << QStringList();
    QTest::addRow("AND group with a bad element")
        << QVariant(QVariantList{QVariant(group({u"a"_s, u"b/c"_s}))}) << invalid << QStringList();
    QTest::addRow("100 items are allowed") << QVariant(manyFilters(100)) << QString()
                                           << QStringList(); // values checked by count below
    QTest::addRow("101 items are too many")
        << QVariant(manyFilters(101)) << tooManyFiltersError(100) << QStringList();
}

void tst_Filters::subscriptionFilters()
{
    QFETCH(QVariant, filters);
    QFETCH(QString, error);
    QFETCH(QStringList, values);

    const FilterResult result = parseSubscriptionFilters(encode(filters), 100);
    QCOMPARE(result.ok, error.isEmpty());
    QCOMPARE(result.error, error);
    if (QByteArrayView(QTest::currentDataTag()) == "100 items are allowed") {
        QCOMPARE(result.values.size(), 100);
    } else {
        QCOMPARE(result.values, values);
    }
}

void tst_Filters::publishFilter_data()
{
    QTest::addColumn<QVariant>("filter");
    QTest::addColumn<QVariant>("filters");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("value");

    QTest::addRow("nothing") << QVariant() << QVariant() << QString() << QString();
    QTest::addRow("filter kept as it is")
        << QVariant(u"Alice"_s) << QVariant() << QString() << u"Alice"_s;
    QTest::addRow("filters of one are lowercased")
        << QVariant() << QVariant(QVariantList{u"Alice"_s}) << QString() << u"alice"_s;
    QTest::addRow("filters normalised as a group")
        << QVariant() << QVariant(QVariantList{u"B"_s, u"a"_s}) << QString() << u"a|b"_s;
    QTest::addRow("filter wins over filters")
        << QVariant(u"x"_s) << QVariant(QVariantList{u"y"_s, u"z"_s}) << QString() << u"x"_s;
    QTest::addRow("empty filter falls back to filters")
        << QVariant(u""_s) << QVariant(QVariantList{u"y"_s}) << QString() << u"y"_s;
    QTest::addRow("non-string elements are dropped")
        << QVariant() << QVariant(QVariantList{u"B"_s, 5, u"a"_s}) << QString() << u"a|b"_s;
    QTest::addRow("empty filters array is unfiltered")
        << QVariant() << QVariant(QVariantList()) << QString() << QString();
    QTest::addRow("filter with a slash is refused")
        << QVariant(u"a/b"_s) << QVariant() << invalidFilterCharsError() << QString();
    QTest::addRow("filters element with a bar is refused")
        << QVariant() << QVariant(QVariantList{u"a|b"_s}) << invalidFilterCharsError() << QString();
}

void tst_Filters::publishFilter()
{
    QFETCH(QVariant, filter);
    QFETCH(QVariant, filters);
    QFETCH(QString, error);
    QFETCH(QString, value);

    const FilterResult result = parsePublishFilter(encode(filter), encode(filters));
    QCOMPARE(result.ok, error.isEmpty());
    QCOMPARE(result.error, error);
    QCOMPARE(result.values, value.isEmpty() ? QStringList() : QStringList{value});
}

QTEST_GUILESS_MAIN(tst_Filters)
#include "tst_filters.moc"
