// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "chartseriesset.h"

#include <QtCharts/QXYSeries>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Distinct on light and dark backgrounds, in the order series are added.
const QColor Palette[] = {
    QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
    QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
    QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf),
};

} // namespace

ChartSeriesSet::ChartSeriesSet(QObject *parent)
    : QAbstractListModel(parent)
{ }

ChartSeriesSet::~ChartSeriesSet() = default;

int ChartSeriesSet::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant ChartSeriesSet::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Series &series = m_series[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return series.name;
    case ColorRole:
        return series.color;
    case LatestRole:
        return series.points.isEmpty() ? QString()
                                       : QString::number(series.points.last().y(), 'g', 8);
    case PointCountRole:
        return int(series.points.size());
    case RemovableRole:
        return series.removable;
    default:
        return {};
    }
}

QHash<int, QByteArray> ChartSeriesSet::roleNames() const
{
    return {{NameRole, "name"},
            {ColorRole, "seriesColor"},
            {LatestRole, "latest"},
            {PointCountRole, "pointCount"},
            {RemovableRole, "removable"}};
}

int ChartSeriesSet::add(const QString &name, bool removable)
{
    const int row = count();
    beginInsertRows(QModelIndex(), row, row);
    Series series;
    series.name = name;
    series.removable = removable;
    series.color = Palette[m_nextColor++ % int(std::size(Palette))];
    m_series.push_back(std::move(series));
    endInsertRows();
    Q_EMIT countChanged();
    return row;
}

void ChartSeriesSet::remove(int row)
{
    if (row < 0 || row >= count()) {
        return;
    }
    beginRemoveRows(QModelIndex(), row, row);
    m_series.erase(m_series.begin() + row);
    endRemoveRows();
    Q_EMIT countChanged();
    publish();
}

void ChartSeriesSet::setPoints(int row, QList<QPointF> points)
{
    Series &series = m_series[size_t(row)];
    series.points = std::move(points);
    series.dirty = true;
}

void ChartSeriesSet::attach(int row, QAbstractSeries *series)
{
    if (row < 0 || row >= count()) {
        return;
    }
    auto *xy = qobject_cast<QXYSeries *>(series);
    if (!xy) {
        return;
    }
    Series &entry = m_series[size_t(row)];
    entry.view = xy;
    xy->setName(entry.name);
    xy->setColor(entry.color);
    xy->replace(entry.points);
}

void ChartSeriesSet::publish()
{
    double minX = 0;
    double maxX = 0;
    double minY = 0;
    double maxY = 0;
    bool any = false;
    for (size_t row = 0; row < m_series.size(); ++row) {
        Series &series = m_series[row];
        for (const QPointF &point : std::as_const(series.points)) {
            if (!any) {
                minX = maxX = point.x();
                minY = maxY = point.y();
                any = true;
                continue;
            }
            minX = std::min(minX, point.x());
            maxX = std::max(maxX, point.x());
            minY = std::min(minY, point.y());
            maxY = std::max(maxY, point.y());
        }
        if (series.dirty) {
            series.dirty = false;
            if (series.view) {
                series.view->replace(series.points);
            }
            const QModelIndex changed = index(int(row));
            Q_EMIT dataChanged(changed, changed, {LatestRole, PointCountRole});
        }
    }

    if (any) {
        // Rates start at zero; other values get a little room above and below.
        if (minY >= 0 && maxY >= 0 && minY < maxY * 0.5) {
            minY = 0;
        }
        const double pad = maxY > minY ? (maxY - minY) * 0.08 : std::max(1.0, std::abs(maxY) * 0.1);
        maxY += pad;
        if (minY != 0) {
            minY -= pad;
        }
        if (maxX <= minX) {
            maxX = minX + 1000;
        }
    } else {
        const double now = double(QDateTime::currentMSecsSinceEpoch());
        minX = now - 60000;
        maxX = now;
        minY = 0;
        maxY = 1;
    }
    if (minX != m_minX || maxX != m_maxX || minY != m_minY || maxY != m_maxY ||
        any != m_hasPoints) {
        m_minX = minX;
        m_maxX = maxX;
        m_minY = minY;
        m_maxY = maxY;
        m_hasPoints = any;
        Q_EMIT rangeChanged();
    }
}
