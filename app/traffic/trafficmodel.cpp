// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "trafficmodel.h"

#include "common/payloadformat.h"
#include "trafficstore.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDateTime>

using namespace Qt::StringLiterals;

namespace {

constexpr int DefaultUpdateIntervalMs = 80;
constexpr qsizetype PreviewChars = 160;

} // namespace

TrafficModel::TrafficModel(TrafficStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    m_first = store->firstSequence();
    m_end = store->endSequence();

    connect(store, &TrafficStore::evicted, this, &TrafficModel::onEvicted);
    connect(&m_rebuild, &QFutureWatcher<std::vector<quint64>>::finished, this,
            &TrafficModel::finishRebuild);

    m_timer.setInterval(DefaultUpdateIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &TrafficModel::flush);
    m_timer.start();
}

TrafficModel::~TrafficModel()
{
    m_rebuild.disconnect(this);
    m_rebuild.waitForFinished();
}

int TrafficModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid()) {
        return 0;
    }
    if (m_indexed) {
        return int(m_index.size() - m_indexStart);
    }
    return int(m_end - m_first);
}

quint64 TrafficModel::rowSequence(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return 0;
    }
    return m_indexed ? m_index[m_indexStart + size_t(row)] : m_first + quint64(row);
}

QVariant TrafficModel::data(const QModelIndex &index, int role) const
{
    if (!m_store || !checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const quint64 sequence = rowSequence(index.row());
    if (role == SequenceRole) {
        return qint64(sequence);
    }
    const std::optional<TrafficMessage> message = m_store->message(sequence);
    if (!message) {
        return {};
    }

    switch (role) {
    case TimeRole:
        return QDateTime::fromMSecsSinceEpoch(message->receivedAtMs).toString(u"HH:mm:ss.zzz"_s);
    case TimestampRole:
        return message->receivedAtMs;
    case Qt::DisplayRole:
    case TopicRole:
        return m_store->topicName(message->topicId);
    case SenderRole:
        return QString::fromUtf8(message->sender);
    case SizeRole:
        return int(message->data.size());
    case SizeTextRole:
        return PayloadFormat::humanSize(message->data.size());
    case QosRole:
        return int(message->qos);
    case FilterRole:
        return QString::fromUtf8(message->filter);
    case RetainedRole:
        return hasFlag(message->flags, TrafficFlag::Retained);
    case ReplayRole:
        return hasFlag(message->flags, TrafficFlag::Replayed);
    case PreviewRole:
        return PayloadFormat::toJson(message->data, PayloadFormat::Style::Compact, PreviewChars);
    default:
        return {};
    }
}

QHash<int, QByteArray> TrafficModel::roleNames() const
{
    return {
        {SequenceRole, "sequence"}, {TimeRole, "time"},     {TimestampRole, "timestamp"},
        {TopicRole, "topic"},       {SenderRole, "sender"}, {SizeRole, "size"},
        {SizeTextRole, "sizeText"}, {QosRole, "qos"},       {FilterRole, "filter"},
        {RetainedRole, "retained"}, {ReplayRole, "replay"}, {PreviewRole, "preview"},
    };
}

void TrafficModel::setPaused(bool paused)
{
    if (m_paused == paused) {
        return;
    }
    m_paused = paused;
    Q_EMIT pausedChanged();
    if (!m_paused) {
        flush();
    }
    Q_EMIT countsChanged();
}

void TrafficModel::setTopicFilter(const QString &text)
{
    if (m_topicText == text) {
        return;
    }
    m_topicText = text;
    m_filter.setTopicPatterns(text);
    filterEdited();
}

void TrafficModel::setPayloadFilter(const QString &text)
{
    if (m_filter.payloadText() == text) {
        return;
    }
    m_filter.setPayloadText(text);
    filterEdited();
}

void TrafficModel::setSenderFilter(const QString &text)
{
    if (m_filter.sender() == text) {
        return;
    }
    m_filter.setSender(text);
    filterEdited();
}

qint64 TrafficModel::storedCount() const
{
    return m_store ? qint64(m_store->count()) : 0;
}

qint64 TrafficModel::waitingCount() const
{
    return m_store ? qint64(m_store->endSequence() - m_end) : 0;
}

qint64 TrafficModel::hiddenCount() const
{
    if (!m_store || !m_indexed) {
        return 0;
    }
    const quint64 first = m_store->firstSequence();
    const qint64 scanned = m_end > first ? qint64(m_end - first) : 0;
    return std::max<qint64>(0, scanned - rowCount());
}

qint64 TrafficModel::evictedCount() const
{
    return m_store ? m_store->evictedCount() : 0;
}

void TrafficModel::setSelectedSequence(qint64 sequence)
{
    if (qint64(m_selected) == sequence) {
        return;
    }
    m_selected = quint64(std::max<qint64>(sequence, 0));
    Q_EMIT selectionChanged();
}

void TrafficModel::setUpdateInterval(int milliseconds)
{
    if (m_timer.interval() == milliseconds) {
        return;
    }
    m_timer.setInterval(milliseconds);
    Q_EMIT updateIntervalChanged();
}

qint64 TrafficModel::sequenceAt(int row) const
{
    return qint64(rowSequence(row));
}

int TrafficModel::rowOfSequence(qint64 sequence) const
{
    if (sequence <= 0) {
        return -1;
    }
    const quint64 wanted = quint64(sequence);
    if (!m_indexed) {
        return wanted >= m_first && wanted < m_end ? int(wanted - m_first) : -1;
    }
    const auto begin = m_index.begin() + qsizetype(m_indexStart);
    const auto it = std::lower_bound(begin, m_index.end(), wanted);
    return it != m_index.end() && *it == wanted ? int(it - begin) : -1;
}

void TrafficModel::selectRow(int row)
{
    const quint64 sequence = rowSequence(row);
    if (sequence != 0) {
        setSelectedSequence(qint64(sequence));
    }
}

void TrafficModel::moveSelection(int delta)
{
    const int rows = rowCount();
    if (rows == 0) {
        return;
    }
    const int current = selectedRow();
    if (current < 0) {
        selectRow(delta < 0 ? rows - 1 : 0);
        return;
    }
    selectRow(std::clamp(current + delta, 0, rows - 1));
}

void TrafficModel::clear()
{
    if (m_store) {
        m_store->clear();
    }
}

void TrafficModel::flush()
{
    if (!m_store) {
        return;
    }
    if (m_paused || isFiltering()) {
        Q_EMIT countsChanged();
        return;
    }
    const quint64 end = m_store->endSequence();
    if (end == m_end) {
        return;
    }

    const int rows = rowCount();
    if (!m_indexed) {
        beginInsertRows(QModelIndex(), rows, rows + int(end - m_end) - 1);
        m_end = end;
        endInsertRows();
    } else {
        std::vector<quint64> matches;
        for (quint64 sequence = std::max(m_end, m_store->firstSequence()); sequence < end;
             ++sequence) {
            const std::optional<TrafficMessage> message = m_store->message(sequence);
            if (message && matchesIncrementally(*message)) {
                matches.push_back(sequence);
            }
        }
        m_end = end;
        if (!matches.empty()) {
            beginInsertRows(QModelIndex(), rows, rows + int(matches.size()) - 1);
            m_index.insert(m_index.end(), matches.begin(), matches.end());
            endInsertRows();
        }
    }
    Q_EMIT rowsAppended();
    Q_EMIT countsChanged();
}

bool TrafficModel::matchesIncrementally(const TrafficMessage &message)
{
    if (message.topicId >= m_topicMatch.size()) {
        m_topicMatch.resize(size_t(m_store->topics().count()), -1);
    }
    qint8 &topic = m_topicMatch[message.topicId];
    if (topic < 0) {
        topic = m_filter.matchesTopic(m_store->topicName(message.topicId)) ? 1 : 0;
    }
    return topic == 1 && m_filter.matchesContent(message);
}

void TrafficModel::onEvicted(quint64 firstSequence)
{
    if (!m_indexed) {
        if (m_first < firstSequence) {
            const quint64 removedEnd = std::min(firstSequence, m_end);
            if (removedEnd > m_first) {
                beginRemoveRows(QModelIndex(), 0, int(removedEnd - m_first) - 1);
                m_first = firstSequence;
                m_end = std::max(m_end, firstSequence);
                endRemoveRows();
            } else {
                m_first = firstSequence;
                m_end = std::max(m_end, firstSequence);
            }
        }
    } else {
        size_t gone = m_indexStart;
        while (gone < m_index.size() && m_index[gone] < firstSequence) {
            ++gone;
        }
        if (gone > m_indexStart) {
            beginRemoveRows(QModelIndex(), 0, int(gone - m_indexStart) - 1);
            m_indexStart = gone;
            endRemoveRows();
        }
        if (m_indexStart > 4096 && m_indexStart > m_index.size() / 2) {
            m_index.erase(m_index.begin(), m_index.begin() + qsizetype(m_indexStart));
            m_indexStart = 0;
        }
        m_end = std::max(m_end, firstSequence);
    }
    Q_EMIT selectionChanged(); // the selected row may be gone, or have moved up
    Q_EMIT countsChanged();
}

void TrafficModel::filterEdited()
{
    Q_EMIT filterChanged();
    if (!m_store) {
        return;
    }
    m_topicMatch.clear();

    if (m_filter.isEmpty()) {
        // Back to every message: no index needed.
        const bool wasFiltering = isFiltering();
        m_rebuildGeneration = 0;
        beginResetModel();
        m_indexed = false;
        m_index.clear();
        m_indexStart = 0;
        m_first = m_store->firstSequence();
        if (!m_paused) {
            m_end = m_store->endSequence();
        }
        m_end = std::max(m_end, m_first);
        endResetModel();
        if (wasFiltering) {
            Q_EMIT filteringChanged();
        }
        Q_EMIT countsChanged();
        Q_EMIT selectionChanged();
        return;
    }
    startRebuild();
}

void TrafficModel::startRebuild()
{
    const bool wasFiltering = isFiltering();
    m_rebuildGeneration = ++m_nextGeneration;

    // While paused the table shows no more than it did; the index stops at the same place.
    const TrafficSnapshot snapshot = m_store->snapshot();
    m_rebuildEnd = m_paused ? m_end : snapshot.endSequence();

    const TopicTable &topics = m_store->topics();
    std::vector<qint8> topicMatch(size_t(topics.count()));
    for (qsizetype id = 0; id < topics.count(); ++id) {
        topicMatch[size_t(id)] = m_filter.matchesTopic(topics.name(quint32(id))) ? 1 : 0;
    }
    m_topicMatch = topicMatch;

    const TrafficFilter filter = m_filter;
    const quint64 end = m_rebuildEnd;
    m_rebuild.setFuture(QtConcurrent::run([snapshot, topicMatch, filter, end] {
        std::vector<quint64> matches;
        snapshot.forEach([&](const TrafficMessage &message) {
            if (message.sequence < end && topicMatch[message.topicId] == 1 &&
                filter.matchesContent(message)) {
                matches.push_back(message.sequence);
            }
        });
        return matches;
    }));
    if (!wasFiltering) {
        Q_EMIT filteringChanged();
    }
}

void TrafficModel::finishRebuild()
{
    if (m_rebuildGeneration == 0 || !m_store) {
        return; // the filter was cleared meanwhile
    }
    std::vector<quint64> matches = m_rebuild.result();
    const quint64 first = m_store->firstSequence();
    const auto firstKept = std::lower_bound(matches.begin(), matches.end(), first);

    beginResetModel();
    m_indexed = true;
    m_index.assign(firstKept, matches.end());
    m_indexStart = 0;
    m_first = first;
    m_end = std::max(m_rebuildEnd, first);
    m_rebuildGeneration = 0;
    endResetModel();

    Q_EMIT filteringChanged();
    Q_EMIT selectionChanged();
    Q_EMIT countsChanged();
    flush();
}
