// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "chartseriesset.h"
#include "jsonpath.h"

#include <QtCore/QFutureWatcher>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtQml/qqmlregistration.h>

#include <deque>
#include <map>
#include <vector>

#include "traffic/trafficmodel.h"
class TrafficStore;

/*!
    The charts of one connection or recording: messages per second (all topics, plus topics
    or patterns the user picks) and numeric fields picked by JSON path, several at once.

    Every interval() ms the controller hands a worker the new messages (a snapshot of the
    store and a range of sequence numbers). The worker counts them per second of their
    arrival time, without reading payloads, and decodes the payloads only of topics that a
    field series follows. The results are merged on the UI thread and published to the
    charts in one step. History is bounded: rates keep historySeconds() seconds, fields the
    newest maxPoints() values each.
*/
class TrafficCharts : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(TrafficModel *traffic READ traffic WRITE setTraffic NOTIFY trafficChanged FINAL)
    Q_PROPERTY(ChartSeriesSet *rates READ rates CONSTANT FINAL)
    Q_PROPERTY(ChartSeriesSet *fields READ fields CONSTANT FINAL)
    Q_PROPERTY(int interval READ interval WRITE setInterval NOTIFY intervalChanged FINAL)
    Q_PROPERTY(
        int historySeconds READ historySeconds WRITE setHistorySeconds NOTIFY limitsChanged FINAL)
    Q_PROPERTY(int maxPoints READ maxPoints WRITE setMaxPoints NOTIFY limitsChanged FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged FINAL)

public:
    explicit TrafficCharts(QObject *parent = nullptr);
    ~TrafficCharts() override;

    TrafficModel *traffic() const { return m_traffic; }
    /*! Charts the store behind \a traffic, from its oldest stored message on. */
    void setTraffic(TrafficModel *traffic);

    ChartSeriesSet *rates() { return &m_rates; }
    ChartSeriesSet *fields() { return &m_fields; }

    /*! How often the charts update; 250 ms (4 Hz) by default. */
    int interval() const { return m_timer.interval(); }
    void setInterval(int milliseconds);
    /*! Seconds of rate history kept; 120 by default. */
    int historySeconds() const { return m_historySeconds; }
    void setHistorySeconds(int seconds);
    /*! Values kept per field series; 1000 by default. */
    int maxPoints() const { return m_maxPoints; }
    void setMaxPoints(int points);

    QString errorString() const { return m_errorString; }

    /*!
        Adds a messages-per-second series for \a pattern (a topic, or a pattern with + and #).
        Returns false and sets errorString() for an invalid pattern or a duplicate.
    */
    Q_INVOKABLE bool addTopicRate(const QString &pattern);
    /*!
        Adds a series of the number at \a path in the payloads of topics matching
        \a topicPattern (every topic when empty). Returns false with errorString() set for an
        invalid path or pattern.
    */
    Q_INVOKABLE bool addField(const QString &path, const QString &topicPattern = QString());
    Q_INVOKABLE void removeRate(int row);
    Q_INVOKABLE void removeField(int row);
    /*! Forgets every point; the series stay and fill again from new messages. */
    Q_INVOKABLE void reset();
    /*! Processes what arrived and publishes now instead of at the next tick. */
    Q_INVOKABLE void update();

    /*! True while a worker processes messages (tests wait for it to settle). */
    bool isBusy() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    void trafficChanged();
    void intervalChanged();
    void limitsChanged();
    void errorChanged();
    /*! A batch of messages was merged and published. */
    void updated();

public:
    // The worker's output, merged on the UI thread.
    struct Increment
    {
        quint64 end = 0;
        std::vector<std::map<qint64, qint64>> rateBuckets; // per rate series: second -> count
        std::vector<std::vector<QPointF>> fieldPoints; // per field series
        int generation = 0;
    };

private:
    struct RateSeries
    {
        QString pattern; // empty: every topic
        std::vector<qint8> topicMatch; // by topic id: -1 unknown, 0 no, 1 yes
        std::map<qint64, qint64> buckets; // second since epoch -> messages
    };
    struct FieldSeries
    {
        QString pattern;
        JsonPath path;
        std::vector<qint8> topicMatch;
        std::deque<QPointF> points;
    };

    void setError(const QString &errorString);
    void resolveTopics(std::vector<qint8> &match, const QString &pattern);
    void merge();
    void publishRates();
    void publishFields();

    QPointer<TrafficModel> m_traffic;
    QPointer<TrafficStore> m_store;
    ChartSeriesSet m_rates;
    ChartSeriesSet m_fields;
    std::vector<RateSeries> m_rateSeries;
    std::vector<FieldSeries> m_fieldSeries;
    QTimer m_timer;
    QFutureWatcher<Increment> m_watcher;
    quint64 m_next = 0;
    int m_generation = 0; // bumped when series change: older increments are dropped
    int m_historySeconds = 120;
    int m_maxPoints = 1000;
    qint64 m_newestSecond = 0;
    QString m_errorString;
};
