// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "topictreemodel.h"

#include "common/payloadformat.h"
#include "traffic/trafficstore.h"

#include <QtCore/QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int DefaultUpdateIntervalMs = 250;
constexpr int RateIntervalMs = 1000;
constexpr qsizetype PreviewChars = 80;

} // namespace

TopicTreeModel::TopicTreeModel(TrafficStore *store, QObject *parent)
    : QAbstractItemModel(parent)
    , m_store(store)
{
    m_root.published = true;

    m_timer.setInterval(DefaultUpdateIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &TopicTreeModel::flush);
    m_timer.start();

    m_rateTimer.setInterval(RateIntervalMs);
    connect(&m_rateTimer, &QTimer::timeout, this, &TopicTreeModel::updateRates);
    m_rateTimer.start();
    m_rateClock.start();
}

TopicTreeModel::~TopicTreeModel() = default;

bool TopicTreeModel::naturalLess(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ei = i;
            qsizetype ej = j;
            while (ei < a.size() && a[ei].isDigit()) {
                ++ei;
            }
            while (ej < b.size() && b[ej].isDigit()) {
                ++ej;
            }
            // Compare the numbers without converting: drop leading zeros, then length, then text.
            QStringView na = a.sliced(i, ei - i);
            QStringView nb = b.sliced(j, ej - j);
            while (na.size() > 1 && na.front() == u'0') {
                na = na.sliced(1);
            }
            while (nb.size() > 1 && nb.front() == u'0') {
                nb = nb.sliced(1);
            }
            if (na.size() != nb.size()) {
                return na.size() < nb.size();
            }
            if (const int c = na.compare(nb); c != 0) {
                return c < 0;
            }
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j]) {
            return a[i] < b[j];
        }
        ++i;
        ++j;
    }
    if (a.size() - i != b.size() - j) {
        return a.size() - i < b.size() - j;
    }
    return a < b; // "t01" and "t1" are equal numbers; keep a strict order anyway
}

TopicTreeModel::Node *TopicTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer())
                           : const_cast<Node *>(&m_root);
}

int TopicTreeModel::rowOf(const Node *node) const
{
    const std::vector<Node *> &siblings = node->parent->children;
    const auto it =
        std::lower_bound(siblings.begin(), siblings.end(), node, [](const Node *a, const Node *b) {
            return naturalLess(a->name, b->name);
        });
    return it != siblings.end() && *it == node ? int(it - siblings.begin()) : -1;
}

QModelIndex TopicTreeModel::indexOf(Node *node) const
{
    if (!node || node == &m_root || !node->published) {
        return {};
    }
    const int row = rowOf(node);
    return row < 0 ? QModelIndex() : createIndex(row, 0, node);
}

QModelIndex TopicTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    if (column != 0 || row < 0 || row >= int(node->children.size())) {
        return {};
    }
    return createIndex(row, 0, node->children[size_t(row)]);
}

QModelIndex TopicTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid()) {
        return {};
    }
    return indexOf(static_cast<Node *>(child.internalPointer())->parent);
}

int TopicTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0) {
        return 0;
    }
    return int(nodeOf(parent)->children.size());
}

int TopicTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool TopicTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QString TopicTreeModel::pathOf(const Node *node) const
{
    QStringList levels;
    for (; node && node != &m_root; node = node->parent) {
        levels.prepend(node->name);
    }
    return levels.join(u'/');
}

QVariant TopicTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Node *node = nodeOf(index);

    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return node->name;
    case PathRole:
        return pathOf(node);
    case CountRole:
        return node->total;
    case OwnCountRole:
        return node->publishedOwnCount;
    case RateRole:
        return node->rate;
    case RateTextRole:
        if (node->rate <= 0) {
            return QString();
        }
        return node->rate < 10 ? tr("%1/s").arg(node->rate, 0, 'f', 1)
                               : tr("%1/s").arg(qRound64(node->rate));
    case LastValueRole: {
        if (node->topicId < 0 || node->lastSequence == 0 || !m_store) {
            return QString();
        }
        if (node->previewSequence != node->lastSequence) {
            const std::optional<TrafficMessage> message = m_store->message(node->lastSequence);
            node->preview = message
                ? PayloadFormat::toJson(message->data, PayloadFormat::Style::Compact, PreviewChars)
                : tr("(no longer stored)");
            node->previewSequence = node->lastSequence;
        }
        return node->preview;
    }
    case LastTimeRole:
        return node->lastTimeMs == 0
            ? QString()
            : QDateTime::fromMSecsSinceEpoch(node->lastTimeMs).toString(u"HH:mm:ss"_s);
    case ChildCountRole:
        return int(node->children.size());
    case IsTopicRole:
        return node->topicId >= 0;
    case PatternRole:
        return patternFor(index);
    default:
        return {};
    }
}

QHash<int, QByteArray> TopicTreeModel::roleNames() const
{
    return {
        {Qt::DisplayRole, "display"},   {NameRole, "name"},           {PathRole, "path"},
        {CountRole, "count"},           {OwnCountRole, "ownCount"},   {RateRole, "rate"},
        {RateTextRole, "rateText"},     {LastValueRole, "lastValue"}, {LastTimeRole, "lastTime"},
        {ChildCountRole, "childCount"}, {IsTopicRole, "isTopic"},     {PatternRole, "pattern"},
    };
}

void TopicTreeModel::setUpdateInterval(int milliseconds)
{
    if (m_timer.interval() == milliseconds) {
        return;
    }
    m_timer.setInterval(milliseconds);
    Q_EMIT updateIntervalChanged();
}

void TopicTreeModel::recordMessage(quint32 topicId, quint64 sequence, qint64 receivedAtMs)
{
    Node *leaf = topicId < m_leafOfTopic.size() ? m_leafOfTopic[topicId] : nullptr;
    if (!leaf) {
        leaf = createPath(topicId);
    }
    ++leaf->ownCount;
    leaf->lastSequence = sequence;
    leaf->lastTimeMs = receivedAtMs;
    if (!leaf->dirty) {
        leaf->dirty = true;
        m_dirty.push_back(leaf);
    }
}

TopicTreeModel::Node *TopicTreeModel::createPath(quint32 topicId)
{
    const QString topic = m_store ? m_store->topicName(topicId) : QString();
    Node *node = &m_root;
    for (const QStringView level : QStringView(topic).split(u'/')) {
        Node *child = nullptr;
        const auto it = std::lower_bound(
            node->children.begin(), node->children.end(), level,
            [](const Node *n, QStringView name) { return naturalLess(n->name, name); });
        if (it != node->children.end() && (*it)->name == level) {
            child = *it;
        } else if (!node->pending.empty()) {
            child = m_pendingByName.value(node).value(level.toString());
        }
        if (!child) {
            m_nodes.push_back(std::make_unique<Node>());
            child = m_nodes.back().get();
            child->name = level.toString();
            child->parent = node;
            node->pending.push_back(child);
            m_pendingByName[node].insert(child->name, child);
            m_newNodes.push_back(child);
        }
        node = child;
    }

    if (m_leafOfTopic.size() <= topicId) {
        m_leafOfTopic.resize(size_t(topicId) + 1, nullptr);
    }
    node->topicId = qint32(topicId);
    m_leafOfTopic[topicId] = node;
    ++m_topicCount;
    return node;
}

void TopicTreeModel::mergePending(Node *node)
{
    // Makes a new subtree complete before it becomes visible in one insert.
    node->published = true;
    node->fresh = true;
    m_fresh.push_back(node);
    if (node->pending.empty()) {
        return;
    }
    for (Node *child : node->pending) {
        mergePending(child);
    }
    node->children.insert(node->children.end(), node->pending.begin(), node->pending.end());
    node->pending.clear();
    std::sort(node->children.begin(), node->children.end(),
              [](const Node *a, const Node *b) { return naturalLess(a->name, b->name); });
}

void TopicTreeModel::publishPending(Node *parent)
{
    std::vector<Node *> fresh;
    fresh.swap(parent->pending);
    std::sort(fresh.begin(), fresh.end(),
              [](const Node *a, const Node *b) { return naturalLess(a->name, b->name); });
    for (Node *child : fresh) {
        mergePending(child);
        child->published = false; // visible only once inserted below
    }

    const QModelIndex parentIndex = indexOf(parent);
    std::vector<Node *> &children = parent->children;
    size_t i = 0;
    while (i < fresh.size()) {
        const auto position = std::lower_bound(
            children.begin(), children.end(), fresh[i],
            [](const Node *a, const Node *b) { return naturalLess(a->name, b->name); });
        const size_t row = size_t(position - children.begin());
        size_t j = i + 1;
        while (j < fresh.size() &&
               (row == children.size() || naturalLess(fresh[j]->name, children[row]->name))) {
            ++j;
        }
        beginInsertRows(parentIndex, int(row), int(row + (j - i)) - 1);
        children.insert(children.begin() + qsizetype(row), fresh.begin() + qsizetype(i),
                        fresh.begin() + qsizetype(j));
        for (size_t k = i; k < j; ++k) {
            fresh[k]->published = true;
        }
        endInsertRows();
        i = j;
    }
}

void TopicTreeModel::flush()
{
    const bool newTopics = m_topicCount != m_publishedTopicCount;
    m_publishedTopicCount = m_topicCount;

    // New nodes: each parent that views already know gets its new children in a few inserts.
    if (!m_newNodes.empty()) {
        for (Node *node : m_newNodes) {
            // A parent views know, with new children: publishPending() empties its list, so
            // it runs once per parent; nodes inside a new subtree come along with its root.
            if (node->parent->published && !node->parent->pending.empty()) {
                publishPending(node->parent);
            }
        }
        m_newNodes.clear();
        m_pendingByName.clear();
    }

    // Counts: each leaf's new messages go up the tree once.
    std::vector<Node *> changed;
    for (Node *leaf : m_dirty) {
        const qint64 delta = leaf->ownCount - leaf->publishedOwnCount;
        leaf->publishedOwnCount = leaf->ownCount;
        leaf->dirty = false;
        for (Node *node = leaf; node; node = node->parent) {
            node->total += delta;
            if (node->lastSequence < leaf->lastSequence) {
                node->lastSequence = leaf->lastSequence;
                node->lastTimeMs = leaf->lastTimeMs;
            }
            if (!node->rateActive) {
                node->rateActive = true;
                m_rateActive.push_back(node);
            }
            // Rows inserted in this flush are read afresh by views; no change to announce.
            if (node != &m_root && !node->changed && !node->fresh) {
                node->changed = true;
                changed.push_back(node);
            }
        }
    }
    m_dirty.clear();
    for (Node *node : m_fresh) {
        node->fresh = false;
    }
    m_fresh.clear();
    emitChanged(changed);

    if (newTopics || !changed.empty()) {
        Q_EMIT countsChanged();
    }
}

void TopicTreeModel::emitChanged(std::vector<Node *> &changed)
{
    if (changed.empty()) {
        return;
    }
    // One dataChanged() per parent, spanning its changed children.
    std::sort(changed.begin(), changed.end(),
              [](const Node *a, const Node *b) { return a->parent < b->parent; });
    size_t i = 0;
    while (i < changed.size()) {
        Node *parent = changed[i]->parent;
        int first = std::numeric_limits<int>::max();
        int last = -1;
        for (; i < changed.size() && changed[i]->parent == parent; ++i) {
            changed[i]->changed = false;
            const int row = rowOf(changed[i]);
            if (row >= 0) {
                first = std::min(first, row);
                last = std::max(last, row);
            }
        }
        if (last >= 0) {
            const QModelIndex parentIndex = indexOf(parent);
            Q_EMIT dataChanged(index(first, 0, parentIndex), index(last, 0, parentIndex));
        }
    }
    changed.clear();
}

void TopicTreeModel::updateRates()
{
    const double seconds = std::max<qint64>(m_rateClock.restart(), 1) / 1000.0;
    std::vector<Node *> changed;
    std::vector<Node *> stillActive;
    for (Node *node : m_rateActive) {
        const double rate = (node->total - node->rateBase) / seconds;
        node->rateBase = node->total;
        if (rate != node->rate) {
            node->rate = rate;
            if (node != &m_root && node->published) {
                node->changed = true;
                changed.push_back(node);
            }
        }
        if (rate > 0) {
            stillActive.push_back(node);
        } else {
            node->rateActive = false;
        }
    }
    m_rateActive.swap(stillActive);
    emitChanged(changed);
}

void TopicTreeModel::resetCounts()
{
    flush();
    for (const std::unique_ptr<Node> &node : m_nodes) {
        node->ownCount = node->publishedOwnCount = node->total = node->rateBase = 0;
        node->rate = 0;
        node->rateActive = false;
    }
    m_root.total = m_root.rateBase = 0;
    m_root.rate = 0;
    m_root.rateActive = false;
    m_rateActive.clear();
    std::vector<Node *> all;
    for (const std::unique_ptr<Node> &node : m_nodes) {
        node->changed = true;
        all.push_back(node.get());
    }
    emitChanged(all);
    Q_EMIT countsChanged();
}

QModelIndex TopicTreeModel::indexOfPath(const QString &path) const
{
    const Node *node = &m_root;
    for (const QStringView level : QStringView(path).split(u'/')) {
        const auto it = std::lower_bound(
            node->children.begin(), node->children.end(), level,
            [](const Node *n, QStringView name) { return naturalLess(n->name, name); });
        if (it == node->children.end() || (*it)->name != level) {
            return {};
        }
        node = *it;
    }
    return indexOf(const_cast<Node *>(node));
}

QString TopicTreeModel::patternFor(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return QString();
    }
    const Node *node = nodeOf(index);
    const QString path = pathOf(node);
    return node->children.empty() ? path : path + u"/#"_s;
}
