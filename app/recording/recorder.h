// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>

class RecordingWriter;
#include "session/session.h"
class TrafficStore;

/*!
    Records the live traffic of a connection to a file in the recording format
    (RecordingFormat): every message that arrives after start(), until stop().

    Nothing is encoded on the UI thread: every flushInterval() ms the recorder hands the
    writer thread a snapshot of the store and the range of new sequence numbers; the writer
    turns them into lines (base64 and JSON) and appends them to the file in one write. If the
    memory budget evicted messages before they were handed over they are counted in
    missedCount(), never silently lost.
*/
class Recorder : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Session *session READ session WRITE setSession NOTIFY sessionChanged FINAL)
    Q_PROPERTY(bool recording READ isRecording NOTIFY recordingChanged FINAL)
    Q_PROPERTY(QString filePath READ filePath NOTIFY recordingChanged FINAL)
    Q_PROPERTY(qint64 recordedCount READ recordedCount NOTIFY progressChanged FINAL)
    Q_PROPERTY(qint64 writtenBytes READ writtenBytes NOTIFY progressChanged FINAL)
    Q_PROPERTY(qint64 missedCount READ missedCount NOTIFY progressChanged FINAL)
    Q_PROPERTY(QString statusText READ statusText NOTIFY progressChanged FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorOccurred FINAL)
    Q_PROPERTY(int flushInterval READ flushInterval WRITE setFlushInterval NOTIFY
                   flushIntervalChanged FINAL)

public:
    explicit Recorder(QObject *parent = nullptr);
    ~Recorder() override;

    Session *session() const { return m_session; }
    /*! Records from \a session's store; its name and broker go into the file's header. */
    void setSession(Session *session);
    /*! Records from a bare store (tests and benchmarks). */
    void setStore(TrafficStore *store, const QString &source = QString(),
                  const QString &broker = QString());

    bool isRecording() const { return m_recording; }
    QString filePath() const { return m_filePath; }
    qint64 recordedCount() const { return m_recorded; }
    qint64 writtenBytes() const { return m_written; }
    qint64 missedCount() const { return m_missed; }
    QString statusText() const;
    QString errorString() const { return m_errorString; }

    /*! How often new messages go to the writer thread; 250 ms by default. */
    int flushInterval() const { return m_timer.interval(); }
    void setFlushInterval(int milliseconds);

    /*!
        Starts recording into \a file (a file URL or a local path); an existing file is
        replaced. Returns false and sets errorString() when the file cannot be created.
    */
    Q_INVOKABLE bool start(const QUrl &file);
    Q_INVOKABLE bool startPath(const QString &path) { return start(QUrl::fromLocalFile(path)); }
    /*! Writes what arrived so far, closes the file and emits finished(). */
    Q_INVOKABLE void stop();
    /*! A file name in the user's documents folder, named after the source and the time. */
    Q_INVOKABLE QUrl suggestedFile() const;

Q_SIGNALS:
    void sessionChanged();
    void recordingChanged();
    void progressChanged();
    void flushIntervalChanged();
    void errorOccurred();
    /*! The file is complete and closed; \a ok is false when writing failed. */
    void finished(const QString &filePath, bool ok);

private:
    void handOver();
    void fail(const QString &errorString);
    void finishWriter();
    friend class RecordingWriter;

    QPointer<Session> m_session;
    QPointer<TrafficStore> m_store;
    QString m_source;
    QString m_broker;

    QTimer m_timer;
    QThread m_thread;
    RecordingWriter *m_writer = nullptr; // lives in m_thread while recording
    bool m_recording = false;
    bool m_stopping = false;
    QString m_filePath;
    quint64 m_next = 0; // the first sequence not handed over yet
    qsizetype m_knownTopics = 0;
    qint64 m_recorded = 0;
    qint64 m_written = 0;
    qint64 m_missed = 0;
    QString m_errorString;
};
