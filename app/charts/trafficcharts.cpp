// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "trafficcharts.h"

#include "common/explorerapp.h"
#include "recording/recordinglogging.h"
#include "traffic/trafficfilter.h"
#include "traffic/trafficmodel.h"
#include "traffic/trafficstore.h"

#include <nolagcodec/variantcodec.h>

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDateTime>

using namespace Qt::StringLiterals;

namespace {

constexpr int DefaultIntervalMs = 250;

struct Work
{
    TrafficSnapshot snapshot;
    quint64 from = 0;
    quint64 end = 0;
    std::vector<std::vector<qint8>> rateMatch; // empty vector: every topic
    std::vector<std::vector<qint8>> fieldMatch;
    std::vector<JsonPath> paths;
    int generation = 0;
};

TrafficCharts::Increment process(const Work &work)
{
    TrafficCharts::Increment increment;
    increment.end = work.end;
    increment.generation = work.generation;
    increment.rateBuckets.resize(work.rateMatch.size());
    increment.fieldPoints.resize(work.fieldMatch.size());

    bool anyField = false;
    work.snapshot.forEachRecord(
        work.from, work.end, [&](quint64, const TrafficChunk::Record &record) {
            const qint64 second = record.receivedAtMs >= 0 ? record.receivedAtMs / 1000
                                                           : (record.receivedAtMs - 999) / 1000;
            for (size_t s = 0; s < work.rateMatch.size(); ++s) {
                const std::vector<qint8> &match = work.rateMatch[s];
                if (match.empty() ||
                    (record.topicId < match.size() && match[record.topicId] == 1)) {
                    ++increment.rateBuckets[s][second];
                }
            }
            for (const std::vector<qint8> &match : work.fieldMatch) {
                if (match.empty() ||
                    (record.topicId < match.size() && match[record.topicId] == 1)) {
                    anyField = true;
                }
            }
        });
    if (!anyField) {
        return increment;
    }

    // Payloads are decoded once per message, however many series read them.
    for (quint64 sequence = work.from; sequence < work.end; ++sequence) {
        const std::optional<TrafficMessage> message = work.snapshot.message(sequence);
        if (!message) {
            continue;
        }
        QVariant decoded;
        bool decodedOnce = false;
        for (size_t s = 0; s < work.fieldMatch.size(); ++s) {
            const std::vector<qint8> &match = work.fieldMatch[s];
            if (!match.empty() &&
                (message->topicId >= match.size() || match[message->topicId] != 1)) {
                continue;
            }
            if (!decodedOnce) {
                decoded = NoLag::Codec::decodeVariant(message->data);
                decodedOnce = true;
            }
            if (const std::optional<double> value = work.paths[s].number(decoded)) {
                increment.fieldPoints[s].emplace_back(double(message->receivedAtMs), *value);
            }
        }
    }
    return increment;
}

} // namespace

TrafficCharts::TrafficCharts(QObject *parent)
    : QObject(parent)
{
    m_rates.add(tr("All topics"), false);
    m_rateSeries.push_back({});

    m_timer.setInterval(DefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &TrafficCharts::update);
    connect(&m_watcher, &QFutureWatcher<Increment>::finished, this, &TrafficCharts::merge);
    m_timer.start();

    // What the command line asked to chart (--chart-topic, --chart-field).
    if (const ExplorerApp *app = ExplorerApp::instance()) {
        for (const QString &pattern : app->initialChartTopics()) {
            addTopicRate(pattern);
        }
        for (const QString &path : app->initialChartFields()) {
            addField(path);
        }
    }
    m_rates.publish();
    m_fields.publish();
}

TrafficCharts::~TrafficCharts()
{
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void TrafficCharts::setTraffic(TrafficModel *traffic)
{
    if (m_traffic == traffic) {
        return;
    }
    m_watcher.waitForFinished();
    m_traffic = traffic;
    m_store = traffic ? traffic->store() : nullptr;
    reset();
    Q_EMIT trafficChanged();
}

void TrafficCharts::setInterval(int milliseconds)
{
    milliseconds = std::max(milliseconds, 20);
    if (m_timer.interval() == milliseconds) {
        return;
    }
    m_timer.setInterval(milliseconds);
    Q_EMIT intervalChanged();
}

void TrafficCharts::setHistorySeconds(int seconds)
{
    seconds = std::max(seconds, 5);
    if (m_historySeconds == seconds) {
        return;
    }
    m_historySeconds = seconds;
    Q_EMIT limitsChanged();
    publishRates();
}

void TrafficCharts::setMaxPoints(int points)
{
    points = std::max(points, 2);
    if (m_maxPoints == points) {
        return;
    }
    m_maxPoints = points;
    Q_EMIT limitsChanged();
    publishFields();
}

bool TrafficCharts::addTopicRate(const QString &pattern)
{
    const QString trimmed = pattern.trimmed();
    QString error;
    if (trimmed.isEmpty()) {
        setError(tr("Type a topic or a pattern such as demo/+/telemetry."));
        return false;
    }
    if (!TopicPattern::isValid(trimmed, &error)) {
        setError(error);
        return false;
    }
    if (m_rates.count() >= ChartSeriesSet::MaxSeries) {
        setError(
            tr("A chart shows at most %1 lines; remove one first.").arg(ChartSeriesSet::MaxSeries));
        return false;
    }
    for (const RateSeries &series : m_rateSeries) {
        if (series.pattern == trimmed) {
            setError(tr("%1 is charted already.").arg(trimmed));
            return false;
        }
    }
    RateSeries series;
    series.pattern = trimmed;
    m_rateSeries.push_back(std::move(series));
    m_rates.add(trimmed);
    setError(QString());
    reset(); // count the new series from the oldest stored message, like the others
    return true;
}

bool TrafficCharts::addField(const QString &path, const QString &topicPattern)
{
    QString error;
    const JsonPath parsed = JsonPath::parse(path, &error);
    if (!parsed.isValid()) {
        setError(error);
        return false;
    }
    const QString pattern = topicPattern.trimmed();
    if (!pattern.isEmpty() && !TopicPattern::isValid(pattern, &error)) {
        setError(error);
        return false;
    }
    if (m_fields.count() >= ChartSeriesSet::MaxSeries) {
        setError(
            tr("A chart shows at most %1 lines; remove one first.").arg(ChartSeriesSet::MaxSeries));
        return false;
    }
    FieldSeries series;
    series.pattern = pattern;
    series.path = parsed;
    m_fieldSeries.push_back(std::move(series));
    m_fields.add(pattern.isEmpty() ? parsed.text() : u"%1 on %2"_s.arg(parsed.text(), pattern));
    setError(QString());
    reset();
    return true;
}

void TrafficCharts::removeRate(int row)
{
    if (row <= 0 || row >= int(m_rateSeries.size())) {
        return; // row 0, all topics, stays
    }
    ++m_generation;
    m_rateSeries.erase(m_rateSeries.begin() + row);
    m_rates.remove(row);
}

void TrafficCharts::removeField(int row)
{
    if (row < 0 || row >= int(m_fieldSeries.size())) {
        return;
    }
    ++m_generation;
    m_fieldSeries.erase(m_fieldSeries.begin() + row);
    m_fields.remove(row);
}

void TrafficCharts::reset()
{
    ++m_generation;
    m_next = m_store ? m_store->firstSequence() : 0;
    m_newestSecond = 0;
    for (RateSeries &series : m_rateSeries) {
        series.buckets.clear();
        series.topicMatch.clear();
    }
    for (FieldSeries &series : m_fieldSeries) {
        series.points.clear();
        series.topicMatch.clear();
    }
    publishRates();
    publishFields();
}

void TrafficCharts::update()
{
    if (!m_store || m_watcher.isRunning()) {
        return;
    }
    const quint64 end = m_store->endSequence();
    const quint64 from = std::max(m_next, m_store->firstSequence());
    if (from >= end) {
        publishRates(); // seconds without messages still move the chart on
        return;
    }

    Work work;
    work.snapshot = m_store->snapshot();
    work.from = from;
    work.end = end;
    work.generation = m_generation;
    for (RateSeries &series : m_rateSeries) {
        if (series.pattern.isEmpty()) {
            work.rateMatch.emplace_back();
        } else {
            resolveTopics(series.topicMatch, series.pattern);
            work.rateMatch.push_back(series.topicMatch);
        }
    }
    for (FieldSeries &series : m_fieldSeries) {
        if (series.pattern.isEmpty()) {
            work.fieldMatch.emplace_back();
        } else {
            resolveTopics(series.topicMatch, series.pattern);
            work.fieldMatch.push_back(series.topicMatch);
        }
        work.paths.push_back(series.path);
    }
    m_next = end;
    m_watcher.setFuture(QtConcurrent::run(process, std::move(work)));
}

void TrafficCharts::resolveTopics(std::vector<qint8> &match, const QString &pattern)
{
    const TopicTable &topics = m_store->topics();
    for (qsizetype id = qsizetype(match.size()); id < topics.count(); ++id) {
        match.push_back(TopicPattern::matches(pattern, topics.name(quint32(id))) ? 1 : 0);
    }
}

void TrafficCharts::merge()
{
    const Increment increment = m_watcher.result();
    if (increment.generation != m_generation) {
        return; // the series changed meanwhile; reset() started over
    }
    for (size_t s = 0; s < increment.rateBuckets.size() && s < m_rateSeries.size(); ++s) {
        for (const auto &[second, count] : increment.rateBuckets[s]) {
            m_rateSeries[s].buckets[second] += count;
            m_newestSecond = std::max(m_newestSecond, second);
        }
    }
    for (size_t s = 0; s < increment.fieldPoints.size() && s < m_fieldSeries.size(); ++s) {
        std::deque<QPointF> &points = m_fieldSeries[s].points;
        points.insert(points.end(), increment.fieldPoints[s].begin(),
                      increment.fieldPoints[s].end());
        while (qsizetype(points.size()) > m_maxPoints) {
            points.pop_front();
        }
    }
    publishRates();
    publishFields();
    Q_EMIT updated();
}

void TrafficCharts::publishRates()
{
    // Live traffic: the current second is still filling, so the chart ends at the one
    // before; quiet seconds since the last message count as zero.
    const qint64 nowSecond = QDateTime::currentMSecsSinceEpoch() / 1000;
    const bool live = m_newestSecond > 0 && nowSecond - m_newestSecond < m_historySeconds;
    const qint64 last = live ? nowSecond - 1 : m_newestSecond;
    const qint64 first = last - m_historySeconds + 1;

    for (size_t s = 0; s < m_rateSeries.size(); ++s) {
        std::map<qint64, qint64> &buckets = m_rateSeries[s].buckets;
        buckets.erase(buckets.begin(), buckets.lower_bound(first));
        QList<QPointF> points;
        if (m_newestSecond > 0) {
            const qint64 start = std::max(
                first,
                m_rateSeries[0].buckets.empty() ? first : m_rateSeries[0].buckets.begin()->first);
            points.reserve(last - start + 1);
            auto it = buckets.lower_bound(start);
            for (qint64 second = start; second <= last; ++second) {
                qint64 count = 0;
                if (it != buckets.end() && it->first == second) {
                    count = it->second;
                    ++it;
                }
                points.append(QPointF(double(second) * 1000.0, double(count)));
            }
        }
        m_rates.setPoints(int(s), std::move(points));
    }
    m_rates.publish();
}

void TrafficCharts::publishFields()
{
    for (size_t s = 0; s < m_fieldSeries.size(); ++s) {
        std::deque<QPointF> &points = m_fieldSeries[s].points;
        while (qsizetype(points.size()) > m_maxPoints) {
            points.pop_front();
        }
        m_fields.setPoints(int(s), QList<QPointF>(points.begin(), points.end()));
    }
    m_fields.publish();
}

void TrafficCharts::setError(const QString &errorString)
{
    if (m_errorString == errorString) {
        return;
    }
    m_errorString = errorString;
    Q_EMIT errorChanged();
}
