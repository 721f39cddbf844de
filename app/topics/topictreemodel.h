// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QAbstractItemModel>
#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

class TrafficStore;

/*!
    Every topic seen on a connection as a tree of its "/" levels, with counts, rates and the
    last value, for QML's TreeView.

    recordMessage() is the per-message path and only bumps the topic's own counter. Everything
    the view sees is published in batches by a timer: new nodes (one beginInsertRows() per run
    of neighbouring rows), totals up the tree, and one dataChanged() per parent whose children
    changed. Rates are computed once a second. The last value is decoded in data(), so only
    for rows a view shows, and cached until the topic's next message.

    Children are sorted in natural order ("t2" before "t10"). Counts are of everything
    received, evicted messages included; resetCounts() starts over.
*/
class TopicTreeModel : public QAbstractItemModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Each connection's session owns its topic tree")
    Q_PROPERTY(int topicCount READ topicCount NOTIFY countsChanged FINAL)
    Q_PROPERTY(int nodeCount READ nodeCount NOTIFY countsChanged FINAL)
    Q_PROPERTY(int updateInterval READ updateInterval WRITE setUpdateInterval NOTIFY
                   updateIntervalChanged FINAL)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        PathRole,
        CountRole,
        OwnCountRole,
        RateRole,
        RateTextRole,
        LastValueRole,
        LastTimeRole,
        ChildCountRole,
        IsTopicRole,
        PatternRole, //!< patternFor() the row: what clicking it filters the traffic by
    };
    Q_ENUM(Role)

    explicit TopicTreeModel(TrafficStore *store, QObject *parent = nullptr);
    ~TopicTreeModel() override;

    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /*! Counts one message of \a topicId (an id of the store's TopicTable). */
    void recordMessage(quint32 topicId, quint64 sequence, qint64 receivedAtMs);

    /*! Topics views know of (new ones count from the next flush on). */
    int topicCount() const { return m_publishedTopicCount; }
    int nodeCount() const { return int(m_nodes.size()); }

    int updateInterval() const { return m_timer.interval(); }
    void setUpdateInterval(int milliseconds);

    /*! The index of the node at \a path ("demo/general"), or an invalid one. */
    Q_INVOKABLE QModelIndex indexOfPath(const QString &path) const;
    /*! A traffic filter pattern for the node: the topic itself, or "path/#" for a branch. */
    Q_INVOKABLE QString patternFor(const QModelIndex &index) const;

    /*! Publishes new nodes and counts now instead of at the next tick. */
    Q_INVOKABLE void flush();
    /*! Computes the rates now (normally once a second). */
    Q_INVOKABLE void updateRates();
    /*! Sets every count and rate back to zero; the topics stay. */
    Q_INVOKABLE void resetCounts();

    /*! Natural order: digit runs compare as numbers. */
    static bool naturalLess(QStringView a, QStringView b);

Q_SIGNALS:
    void countsChanged();
    void updateIntervalChanged();

private:
    struct Node
    {
        QString name;
        Node *parent = nullptr;
        std::vector<Node *> children; // published (visible to views), sorted
        std::vector<Node *> pending; // created since the last flush, not visible yet
        qint64 ownCount = 0; // messages on exactly this topic
        qint64 publishedOwnCount = 0;
        qint64 total = 0; // messages on this topic and below, as published
        qint64 rateBase = 0; // total at the last rate update
        double rate = 0;
        quint64 lastSequence = 0;
        qint64 lastTimeMs = 0;
        qint32 topicId = -1;
        bool published = false;
        bool dirty = false; // ownCount changed since the last flush
        bool changed = false; // scratch flag of one flush or rate update
        bool fresh = false; // inserted by the running flush
        bool rateActive = false;
        mutable quint64 previewSequence = 0;
        mutable QString preview;
    };

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(Node *node) const;
    int rowOf(const Node *node) const;
    Node *createPath(quint32 topicId);
    void publishPending(Node *parent);
    void mergePending(Node *node);
    void emitChanged(std::vector<Node *> &changed);
    QString pathOf(const Node *node) const;

    QPointer<TrafficStore> m_store;
    Node m_root;
    std::vector<std::unique_ptr<Node>> m_nodes;
    std::vector<Node *> m_leafOfTopic; // by topic id
    std::vector<Node *> m_dirty; // leaves with new messages
    std::vector<Node *> m_newNodes; // created since the last flush
    QHash<Node *, QHash<QString, Node *>> m_pendingByName; // lookup among the new ones
    std::vector<Node *> m_rateActive; // nodes whose rate is not zero
    std::vector<Node *> m_fresh; // inserted by the running flush
    int m_topicCount = 0;
    int m_publishedTopicCount = 0;
    QTimer m_timer;
    QTimer m_rateTimer;
    QElapsedTimer m_rateClock;
};
