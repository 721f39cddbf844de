// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "inspector/messageinspector.h"
#include "topics/topictreemodel.h"
#include "traffic/trafficmodel.h"
#include "traffic/trafficstore.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>

class QThread;

/*!
    A recording opened from a file, browsed like live traffic: it feeds its own TrafficStore
    and the same traffic table, topic tree and inspector models a connection has.

    open() indexes the file in a worker thread. The index holds, per message, its record
    (time, topic, QoS, flags, size: 32 bytes) and where its line is (8 bytes); the lines
    themselves stay in the file. Indexed chunks reach the store as they are done, so the
    first rows show while the rest is read. A message's bytes are read back and decoded from
    base64 when it is first shown, a chunk at a time (TrafficChunkLoader).

    Lines that are not recording lines (cut off at the end, edited by hand, another format)
    are skipped and described in problems(); the rest loads.
*/
class RecordingSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Recordings are opened through Recordings.open()")
    Q_PROPERTY(QString name READ name CONSTANT FINAL)
    Q_PROPERTY(QString filePath READ filePath CONSTANT FINAL)
    Q_PROPERTY(QString source READ source NOTIFY headerChanged FINAL)
    Q_PROPERTY(QString broker READ broker NOTIFY headerChanged FINAL)
    Q_PROPERTY(QString createdText READ createdText NOTIFY headerChanged FINAL)
    Q_PROPERTY(bool indexing READ isIndexing NOTIFY indexingChanged FINAL)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged FINAL)
    Q_PROPERTY(qint64 messageCount READ messageCount NOTIFY progressChanged FINAL)
    Q_PROPERTY(qint64 fileSize READ fileSize CONSTANT FINAL)
    Q_PROPERTY(int problemCount READ problemCount NOTIFY problemsChanged FINAL)
    Q_PROPERTY(QString problemsText READ problemsText NOTIFY problemsChanged FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorOccurred FINAL)
    Q_PROPERTY(qint64 openMilliseconds READ openMilliseconds NOTIFY indexingChanged FINAL)
    Q_PROPERTY(QString statusText READ statusText NOTIFY progressChanged FINAL)
    Q_PROPERTY(TrafficModel *traffic READ traffic CONSTANT FINAL)
    Q_PROPERTY(TopicTreeModel *topics READ topics CONSTANT FINAL)
    Q_PROPERTY(MessageInspector *inspector READ inspector CONSTANT FINAL)

public:
    /*! Problems described by problemsText(); the others are only counted. */
    static constexpr int ListedProblems = 20;

    explicit RecordingSession(const QString &filePath, QObject *parent = nullptr);
    ~RecordingSession() override;

    QString name() const;
    QString filePath() const { return m_filePath; }
    QString source() const { return m_source; }
    QString broker() const { return m_broker; }
    QString createdText() const;
    bool isIndexing() const { return m_indexing; }
    double progress() const;
    qint64 messageCount() const { return qint64(m_store.count()); }
    qint64 fileSize() const { return m_fileSize; }
    int problemCount() const { return m_problemCount; }
    QStringList problems() const { return m_problems; }
    QString problemsText() const;
    QString errorString() const { return m_errorString; }
    /*! From open() until the whole file was indexed; 0 before that. */
    qint64 openMilliseconds() const { return m_openMs; }
    /*! From open() until the first rows could be shown; -1 before that. */
    qint64 firstRowsMilliseconds() const { return m_firstRowsMs; }
    QString statusText() const;

    TrafficStore *store() { return &m_store; }
    TrafficModel *traffic() { return &m_traffic; }
    TopicTreeModel *topics() { return &m_topics; }
    MessageInspector *inspector() { return &m_inspector; }

    /*! Starts indexing; false (with errorString()) when the file cannot be opened. */
    Q_INVOKABLE bool open();
    /*! Stops indexing; what was indexed stays. */
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void headerChanged();
    void indexingChanged();
    void progressChanged();
    void problemsChanged();
    void errorOccurred();
    /*! Indexing ended: the whole file, or less when \a complete is false (cancelled, error). */
    void finished(bool complete);

public:
    /*! What the indexing worker hands over: chunks, new topics, problems (internal). */
    struct Batch;

private:
    void receive(const std::shared_ptr<Batch> &batch);
    void fail(const QString &errorString);

    QString m_filePath;
    qint64 m_fileSize = 0;
    QString m_source;
    QString m_broker;
    qint64 m_createdMs = 0;

    TrafficStore m_store;
    TrafficModel m_traffic{&m_store};
    TopicTreeModel m_topics{&m_store};
    MessageInspector m_inspector{&m_store};

    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_indexing = false;
    qint64 m_indexedBytes = 0;
    QElapsedTimer m_clock;
    qint64 m_openMs = 0;
    qint64 m_firstRowsMs = -1;
    int m_problemCount = 0;
    QStringList m_problems;
    QString m_errorString;
};
