// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QAbstractListModel>
#include <QtCore/QDateTime>
#include <QtCore/QPointF>
#include <QtCore/QPointer>
#include <QtGui/QColor>
#include <QtQml/qqmlregistration.h>

#include <vector>

#include <QtCharts/QAbstractSeries>
class QXYSeries;

/*!
    The series of one chart, as a list model (one row per series: its name, colour and latest
    value) plus the points of each. A QML ChartView creates a line series per row and hands
    it to attach(); from then on publish() replaces its points in one call per update, and
    the axis range properties follow the data. Nothing is drawn per message.
*/
class ChartSeriesSet : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Each chart controller owns its series")
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)
    Q_PROPERTY(QDateTime minTime READ minTime NOTIFY rangeChanged FINAL)
    Q_PROPERTY(QDateTime maxTime READ maxTime NOTIFY rangeChanged FINAL)
    Q_PROPERTY(double minValue READ minValue NOTIFY rangeChanged FINAL)
    Q_PROPERTY(double maxValue READ maxValue NOTIFY rangeChanged FINAL)
    Q_PROPERTY(bool hasPoints READ hasPoints NOTIFY rangeChanged FINAL)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        ColorRole,
        LatestRole, //!< the newest value as text
        PointCountRole,
        RemovableRole,
    };
    Q_ENUM(Role)

    /*! Series one chart shows at most; more would not stay readable. */
    static constexpr int MaxSeries = 8;

    explicit ChartSeriesSet(QObject *parent = nullptr);
    ~ChartSeriesSet() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_series.size()); }
    QDateTime minTime() const { return QDateTime::fromMSecsSinceEpoch(qint64(m_minX)); }
    QDateTime maxTime() const { return QDateTime::fromMSecsSinceEpoch(qint64(m_maxX)); }
    double minValue() const { return m_minY; }
    double maxValue() const { return m_maxY; }
    bool hasPoints() const { return m_hasPoints; }

    /*! Adds a series; returns its row. */
    int add(const QString &name, bool removable = true);
    void remove(int row);
    QString name(int row) const { return m_series[size_t(row)].name; }

    /*! The points of \a row from now on (x: milliseconds since the epoch). */
    void setPoints(int row, QList<QPointF> points);
    const QList<QPointF> &points(int row) const { return m_series[size_t(row)].points; }

    /*! Fills \a series (a QML LineSeries) with row \a row's points on every publish(). */
    Q_INVOKABLE void attach(int row, QAbstractSeries *series);

    /*! Pushes changed points to the attached series and updates the ranges. */
    void publish();

Q_SIGNALS:
    void countChanged();
    void rangeChanged();

private:
    struct Series
    {
        QString name;
        QColor color;
        bool removable = true;
        QList<QPointF> points;
        QPointer<QXYSeries> view;
        bool dirty = false;
    };
    std::vector<Series> m_series;
    int m_nextColor = 0;
    double m_minX = 0;
    double m_maxX = 0;
    double m_minY = 0;
    double m_maxY = 1;
    bool m_hasPoints = false;
};
