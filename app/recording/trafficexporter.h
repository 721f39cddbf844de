// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QFutureWatcher>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QUrl>
#include <QtQml/qqmlregistration.h>

#include "traffic/trafficmodel.h"

/*!
    Exports what the traffic table shows (the filtered view) to a file, in a worker thread,
    with progress and cancel.

    JSON Lines writes the recording format (RecordingFormat), so an export opens as a
    recording. CSV writes one header row and one row per message: time (ISO 8601, UTC,
    milliseconds), topic, sender, qos, size (payload bytes) and payload (compact JSON),
    each field quoted when it holds a comma, a quote or a line break, quotes doubled.

    The file is written through QSaveFile: a cancelled or failed export leaves no file behind
    and never replaces an existing one half-way.
*/
class TrafficExporter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(TrafficModel *traffic READ traffic WRITE setTraffic NOTIFY trafficChanged FINAL)
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged FINAL)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged FINAL)
    Q_PROPERTY(qint64 exportedCount READ exportedCount NOTIFY progressChanged FINAL)
    Q_PROPERTY(qint64 totalCount READ totalCount NOTIFY progressChanged FINAL)
    Q_PROPERTY(QString statusText READ statusText NOTIFY progressChanged FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorOccurred FINAL)

public:
    enum Format {
        JsonLines,
        Csv,
    };
    Q_ENUM(Format)

    struct Result
    {
        bool ok = false;
        bool cancelled = false;
        qint64 count = 0;
        qint64 bytes = 0;
        QString errorString;
    };

    explicit TrafficExporter(QObject *parent = nullptr);
    ~TrafficExporter() override;

    TrafficModel *traffic() const { return m_traffic; }
    void setTraffic(TrafficModel *traffic);

    bool isRunning() const { return m_watcher.isRunning(); }
    double progress() const;
    qint64 exportedCount() const { return m_exported; }
    qint64 totalCount() const { return m_total; }
    QString statusText() const;
    QString errorString() const { return m_errorString; }

    /*!
        Starts exporting the table's rows to \a file (a file URL or a local path). Returns
        false and sets errorString() when an export runs already or there is nothing to read.
    */
    Q_INVOKABLE bool start(const QUrl &file, Format format);
    Q_INVOKABLE bool startPath(const QString &path, Format format)
    {
        return start(QUrl::fromLocalFile(path), format);
    }
    Q_INVOKABLE void cancel();
    /*! The format a file name asks for: CSV for ".csv", JSON Lines otherwise. */
    Q_INVOKABLE static Format formatFor(const QUrl &file);

    /*! Appends \a field to \a out as one CSV field, quoted when it has to be. */
    static void appendCsvField(QByteArray &out, QByteArrayView field);

Q_SIGNALS:
    void trafficChanged();
    void runningChanged();
    void progressChanged();
    void errorOccurred();
    /*! The export ended; \a ok is false when it failed or was cancelled. */
    void finished(bool ok, const QString &filePath);

private:
    void onFinished();

    QPointer<TrafficModel> m_traffic;
    QFutureWatcher<Result> m_watcher;
    QString m_filePath;
    qint64 m_exported = 0;
    qint64 m_total = 0;
    QString m_errorString;
    bool m_lastCancelled = false;
};
