// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// Chart series: JSON paths, messages per second (overall and per topic), numbers picked from
// payloads, and the bounds of their history.

#include "charts/jsonpath.h"
#include "charts/trafficcharts.h"
#include "testpayloads.h"
#include "traffic/trafficmodel.h"
#include "traffic/trafficstore.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace {

// Seconds long past, so the charts treat the traffic as recorded rather than live.
constexpr qint64 Base = 1700000000000;

} // namespace

class tst_Charts : public QObject
{
    Q_OBJECT

private:
    static bool settle(TrafficCharts &charts)
    {
        QSignalSpy updated(&charts, &TrafficCharts::updated);
        charts.update();
        return updated.wait(10000);
    }

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void jsonPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("json");
        QTest::addColumn<QVariant>("number");

        QTest::addRow("dollar member")
            << u"$.temperature"_s << u"{\"temperature\": 21.5}"_s << QVariant(21.5);
        QTest::addRow("bare nested")
            << u"reading.value"_s << u"{\"reading\": {\"value\": 7}}"_s << QVariant(7.0);
        QTest::addRow("array index")
            << u"$.sensors[1].c"_s << u"{\"sensors\": [{\"c\": 1}, {\"c\": -4}]}"_s
            << QVariant(-4.0);
        QTest::addRow("quoted key")
            << u"$['odd key'].v"_s << u"{\"odd key\": {\"v\": 3}}"_s << QVariant(3.0);
        QTest::addRow("boolean") << u"$.on"_s << u"{\"on\": true}"_s << QVariant(1.0);
        QTest::addRow("string is not a number")
            << u"$.name"_s << u"{\"name\": \"12\"}"_s << QVariant();
        QTest::addRow("missing member") << u"$.nope"_s << u"{\"a\": 1}"_s << QVariant();
        QTest::addRow("index out of range") << u"$.a[5]"_s << u"{\"a\": [1]}"_s << QVariant();
        QTest::addRow("member of an array") << u"$.a.b"_s << u"{\"a\": [1]}"_s << QVariant();
    }

    void jsonPath()
    {
        QFETCH(QString, path);
        QFETCH(QString, json);
        QFETCH(QVariant, number);
        QString error;
        const JsonPath parsed = JsonPath::parse(path, &error);
        QVERIFY2(parsed.isValid(), qPrintable(error));
        const QVariant value = NoLag::Codec::decodeVariant(packJson(json.toUtf8().constData()));
        const std::optional<double> found = parsed.number(value);
        QCOMPARE(found.has_value(), number.isValid());
        if (found) {
            QCOMPARE(*found, number.toDouble());
        }
    }

    void invalidJsonPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("error");
        QTest::addRow("empty")
            << u""_s << u"Type a path to a number, such as $.temperature or reading.value."_s;
        QTest::addRow("only dollar")
            << u"$"_s << u"Type a path to a number, such as $.temperature or reading.value."_s;
        QTest::addRow("double dot")
            << u"$.a..b"_s << u"A name is missing at position 5 of the path."_s;
        QTest::addRow("open bracket")
            << u"$.a[1"_s << u"A \"[\" at position 4 is not closed with \"]\"."_s;
        QTest::addRow("bad index")
            << u"$.a[x]"_s << u"\"[x]\" is neither an array index nor a quoted name."_s;
        QTest::addRow("stray character")
            << u"$x"_s << u"Unexpected \"x\" at position 2 of the path."_s;
    }

    void invalidJsonPath()
    {
        QFETCH(QString, path);
        QFETCH(QString, error);
        QString got;
        QVERIFY(!JsonPath::parse(path, &got).isValid());
        QCOMPARE(got, error);
    }

    void rates()
    {
        TrafficStore store;
        const quint32 a = store.topics().intern(u"demo/general/telemetry"_s);
        const quint32 b = store.topics().intern(u"demo/support/chat"_s);
        // Second 0: 3 on a, 1 on b. Second 1: nothing. Second 2: 2 on b.
        for (const qint64 offset : {0, 100, 900}) {
            store.append(a, Base + offset, 1, 0, packJson(R"({"t":1})"));
        }
        store.append(b, Base + 500, 1, 0, packJson(R"({"t":1})"));
        store.append(b, Base + 2000, 1, 0, packJson(R"({"t":1})"));
        store.append(b, Base + 2999, 1, 0, packJson(R"({"t":1})"));

        TrafficModel traffic(&store);
        TrafficCharts charts;
        charts.setTraffic(&traffic);
        QVERIFY(charts.addTopicRate(u"demo/+/telemetry"_s));
        QVERIFY(charts.addTopicRate(u"demo/support/#"_s));
        QVERIFY(settle(charts));

        ChartSeriesSet *rates = charts.rates();
        QCOMPARE(rates->count(), 3);
        QCOMPARE(rates->name(0), u"All topics"_s);
        const auto ys = [rates](int row) {
            QList<double> values;
            for (const QPointF &point : rates->points(row)) {
                values.append(point.y());
            }
            return values;
        };
        QCOMPARE(ys(0), (QList<double>{4, 0, 2}));
        QCOMPARE(ys(1), (QList<double>{3, 0, 0}));
        QCOMPARE(ys(2), (QList<double>{1, 0, 2}));
        QCOMPARE(rates->points(0).first().x(), double(Base));
        QCOMPARE(rates->minTime().toMSecsSinceEpoch(), Base);
        QCOMPARE(rates->minValue(), 0.0);
        QVERIFY(rates->maxValue() >= 4.0);

        // New messages are added to what was counted.
        store.append(a, Base + 3100, 1, 0, packJson(R"({"t":1})"));
        QVERIFY(settle(charts));
        QCOMPARE(ys(0), (QList<double>{4, 0, 2, 1}));
    }

    void invalidSeries_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("error");
        QTest::addRow("empty") << u""_s << u"Type a topic or a pattern such as demo/+/telemetry."_s;
        QTest::addRow("duplicate") << u"demo/a/b"_s << u"demo/a/b is charted already."_s;
    }

    void invalidSeries()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, error);
        TrafficCharts charts;
        QVERIFY(charts.addTopicRate(u"demo/a/b"_s));
        QVERIFY(!charts.addTopicRate(pattern));
        QCOMPARE(charts.errorString(), error);
        QCOMPARE(charts.rates()->count(), 2);
    }

    void fields()
    {
        TrafficStore store;
        const quint32 sensor1 = store.topics().intern(u"demo/sensors/one"_s);
        const quint32 sensor2 = store.topics().intern(u"demo/sensors/two"_s);
        const quint32 chat = store.topics().intern(u"demo/general/chat"_s);
        for (int i = 0; i < 10; ++i) {
            store.append(sensor1, Base + i * 100, 1, 0,
                         packVariant(QVariantMap{{u"temperature"_s, 20.0 + i}}));
            store.append(
                sensor2, Base + i * 100 + 1, 1, 0,
                packVariant(QVariantMap{{u"reading"_s, QVariantMap{{u"value"_s, i * 2}}}}));
            store.append(chat, Base + i * 100 + 2, 1, 0, packJson(R"({"text":"no numbers"})"));
        }
        store.append(sensor1, Base + 5000, 1, 0, QByteArray("\xc1", 1)); // not MessagePack

        TrafficModel traffic(&store);
        TrafficCharts charts;
        charts.setTraffic(&traffic);
        QVERIFY(charts.addField(u"$.temperature"_s));
        QVERIFY(charts.addField(u"reading.value"_s, u"demo/sensors/+"_s));
        QVERIFY(!charts.addField(u"$.a[zz]"_s));
        QVERIFY(charts.errorString().contains(u"[zz]"_s));
        QVERIFY(settle(charts));

        ChartSeriesSet *fields = charts.fields();
        QCOMPARE(fields->count(), 2);
        QCOMPARE(fields->name(1), u"reading.value on demo/sensors/+"_s);
        QCOMPARE(fields->points(0).size(), 10);
        QCOMPARE(fields->points(0).first(), QPointF(double(Base), 20.0));
        QCOMPARE(fields->points(0).last(), QPointF(double(Base + 900), 29.0));
        QCOMPARE(fields->points(1).size(), 10);
        QCOMPARE(fields->points(1).last().y(), 18.0);
        QCOMPARE(fields->data(fields->index(0), ChartSeriesSet::LatestRole).toString(), u"29"_s);

        // Bounded: only the newest values stay.
        charts.setMaxPoints(4);
        QCOMPARE(fields->points(0).size(), 4);
        QCOMPARE(fields->points(0).first().y(), 26.0);

        charts.removeField(0);
        QCOMPARE(fields->count(), 1);
        QCOMPARE(fields->name(0), u"reading.value on demo/sensors/+"_s);
    }

    void rateHistoryIsBounded()
    {
        TrafficStore store;
        const quint32 topic = store.topics().intern(u"demo/general/load"_s);
        for (int second = 0; second < 300; ++second) {
            store.append(topic, Base + second * 1000, 1, 0, packJson(R"({"t":1})"));
        }
        TrafficModel traffic(&store);
        TrafficCharts charts;
        charts.setHistorySeconds(60);
        charts.setTraffic(&traffic);
        QVERIFY(settle(charts));
        const QList<QPointF> &points = charts.rates()->points(0);
        QCOMPARE(points.size(), 60);
        QCOMPARE(points.last().x(), double(Base + 299 * 1000));
        QCOMPARE(points.first().x(), double(Base + 240 * 1000));
    }

    void seriesLimit()
    {
        TrafficCharts charts;
        for (int i = 1; i < ChartSeriesSet::MaxSeries; ++i) {
            QVERIFY(charts.addTopicRate(u"demo/t/%1"_s.arg(i)));
        }
        QVERIFY(!charts.addTopicRate(u"demo/t/more"_s));
        QCOMPARE(charts.errorString(), u"A chart shows at most 8 lines; remove one first."_s);
        charts.removeRate(0); // all topics stays
        QCOMPARE(charts.rates()->count(), ChartSeriesSet::MaxSeries);
    }
};

QTEST_MAIN(tst_Charts)

#include "tst_charts.moc"
