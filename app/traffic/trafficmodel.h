// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "trafficfilter.h"

#include <QtCore/QAbstractListModel>
#include <QtCore/QFutureWatcher>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtQml/qqmlregistration.h>

#include <vector>

class TrafficStore;

/*!
    The traffic table: the store's messages that pass the filter, oldest first.

    Rows are published in batches (every updateInterval() ms), with one beginInsertRows() per
    batch, never per message. While paused, new messages wait in the store and are counted in
    waitingCount(); evicted messages leave the table at once. Selection is a sequence number,
    so it stays on its message while rows are added before or removed after it.

    Without a filter a row maps straight to a sequence number. With one, the rows are an
    index of matching sequence numbers: built in a worker over a snapshot of the store when
    the filter changes (filtering() is true meanwhile), then extended batch by batch.
*/
class TrafficModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Each connection's session owns its traffic model")
    Q_PROPERTY(bool paused READ isPaused WRITE setPaused NOTIFY pausedChanged FINAL)
    Q_PROPERTY(QString topicFilter READ topicFilter WRITE setTopicFilter NOTIFY filterChanged FINAL)
    Q_PROPERTY(
        QString payloadFilter READ payloadFilter WRITE setPayloadFilter NOTIFY filterChanged FINAL)
    Q_PROPERTY(
        QString senderFilter READ senderFilter WRITE setSenderFilter NOTIFY filterChanged FINAL)
    Q_PROPERTY(QString filterError READ filterError NOTIFY filterChanged FINAL)
    Q_PROPERTY(bool filtered READ isFiltered NOTIFY filterChanged FINAL)
    Q_PROPERTY(bool filtering READ isFiltering NOTIFY filteringChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countsChanged FINAL)
    Q_PROPERTY(qint64 storedCount READ storedCount NOTIFY countsChanged FINAL)
    Q_PROPERTY(qint64 waitingCount READ waitingCount NOTIFY countsChanged FINAL)
    Q_PROPERTY(qint64 hiddenCount READ hiddenCount NOTIFY countsChanged FINAL)
    Q_PROPERTY(qint64 evictedCount READ evictedCount NOTIFY countsChanged FINAL)
    Q_PROPERTY(qint64 selectedSequence READ selectedSequence WRITE setSelectedSequence NOTIFY
                   selectionChanged FINAL)
    Q_PROPERTY(int selectedRow READ selectedRow NOTIFY selectionChanged FINAL)
    Q_PROPERTY(int updateInterval READ updateInterval WRITE setUpdateInterval NOTIFY
                   updateIntervalChanged FINAL)

public:
    enum Role {
        SequenceRole = Qt::UserRole + 1,
        TimeRole,
        TimestampRole,
        TopicRole,
        SenderRole,
        SizeRole,
        SizeTextRole,
        QosRole,
        FilterRole,
        RetainedRole,
        ReplayRole,
        PreviewRole,
    };
    Q_ENUM(Role)

    explicit TrafficModel(TrafficStore *store, QObject *parent = nullptr);
    ~TrafficModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);

    QString topicFilter() const { return m_topicText; }
    void setTopicFilter(const QString &text);
    QString payloadFilter() const { return m_filter.payloadText(); }
    void setPayloadFilter(const QString &text);
    QString senderFilter() const { return m_filter.sender(); }
    void setSenderFilter(const QString &text);
    QString filterError() const { return m_filter.topicError(); }
    bool isFiltered() const { return !m_filter.isEmpty(); }
    bool isFiltering() const { return m_rebuildGeneration != 0; }

    /*! The store whose messages the rows show (exports and charts read it). */
    TrafficStore *store() const { return m_store; }

    int count() const { return rowCount(); }
    /*! Messages the store holds. */
    qint64 storedCount() const;
    /*! Messages that arrived after the table was paused and are not shown yet. */
    qint64 waitingCount() const;
    /*! Stored messages up to the table's last update that the filter hides. */
    qint64 hiddenCount() const;
    qint64 evictedCount() const;

    qint64 selectedSequence() const { return qint64(m_selected); }
    void setSelectedSequence(qint64 sequence);
    int selectedRow() const { return rowOfSequence(qint64(m_selected)); }

    int updateInterval() const { return m_timer.interval(); }
    void setUpdateInterval(int milliseconds);

    Q_INVOKABLE qint64 sequenceAt(int row) const;
    /*! The row showing \a sequence, or -1. */
    Q_INVOKABLE int rowOfSequence(qint64 sequence) const;
    Q_INVOKABLE void selectRow(int row);
    /*! Moves the selection by \a delta rows (keyboard navigation). */
    Q_INVOKABLE void moveSelection(int delta);
    /*! Drops every stored message of this connection (they count as evicted). */
    Q_INVOKABLE void clear();
    /*! Publishes what arrived since the last batch now instead of at the next tick. */
    Q_INVOKABLE void flush();

Q_SIGNALS:
    void pausedChanged();
    void filterChanged();
    void filteringChanged();
    void countsChanged();
    void selectionChanged();
    void updateIntervalChanged();
    /*! A batch of rows was appended; the view follows the tail on it. */
    void rowsAppended();

private:
    quint64 rowSequence(int row) const;
    void onEvicted(quint64 firstSequence);
    void filterEdited();
    void startRebuild();
    void finishRebuild();
    bool matchesIncrementally(const TrafficMessage &message);

    QPointer<TrafficStore> m_store;
    QTimer m_timer;
    bool m_paused = false;
    QString m_topicText;
    TrafficFilter m_filter;

    // Unfiltered: rows are the sequences [m_first, m_end).
    quint64 m_first = 1;
    quint64 m_end = 1;
    // Filtered: rows are m_index[m_indexStart...]; m_end is where scanning continues.
    bool m_indexed = false; // rows come from m_index
    std::vector<quint64> m_index;
    size_t m_indexStart = 0;
    std::vector<qint8> m_topicMatch; // per topic id: -1 unknown, 0 no, 1 yes

    int m_rebuildGeneration = 0; // non-zero while a worker builds the index
    int m_nextGeneration = 0;
    QFutureWatcher<std::vector<quint64>> m_rebuild;
    quint64 m_rebuildEnd = 0;

    quint64 m_selected = 0;
};
