// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

// What every benchmark program shares: its command line, statistics, the result tables,
// waiting on the event loop, child processes and the /proc readings of their CPU and memory.

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QProcess>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QTemporaryDir>

#include <functional>
#include <memory>
#include <vector>

namespace NoLagBench {

/*! The options every benchmark program takes. */
struct Settings
{
    bool quick = false; // fewer and shorter runs (scripts/bench.sh --quick)
    int runs = 5; // repetitions of each measurement; the tables show medians
    QString markdownFile; // tables are appended here as well as printed
    QString nolagLocal; // the nolag-local binary
    QString relay; // the minimal relay binary
    QStringList only; // run only the parts with these names (empty: all)

    bool wants(const QString &part) const { return only.isEmpty() || only.contains(part); }
};

/*!
    Reads the options every program shares (--quick, --runs N, --markdown FILE,
    --nolag-local PATH, --relay PATH, --only a,b); exits with a usage message on anything
    else. \a defaultRuns and \a quickRuns are the repetitions without and with --quick;
    \a builtNoLagLocal and \a builtRelay are the binaries used when no option names one
    (the paths CMake compiled into the program, which this static library cannot see).
*/
Settings parseSettings(const QString &description, int defaultRuns, int quickRuns,
                       const QString &builtNoLagLocal = {}, const QString &builtRelay = {});

// --- statistics ----------------------------------------------------------------------------

double median(QList<double> values);
/*! The \a fraction quantile (0.5, 0.99, 0.999) of \a values, sorted in place. */
double quantile(std::vector<double> &values, double fraction);

// --- tables --------------------------------------------------------------------------------

/*! One Markdown table with a title and notes below it. */
class Table
{
public:
    explicit Table(QString title, QStringList columns)
        : m_title(std::move(title))
        , m_columns(std::move(columns))
    { }

    void addRow(const QStringList &cells) { m_rows.append(cells); }
    void addNote(const QString &note) { m_notes.append(note); }

    QString toMarkdown() const;
    /*! Prints the table and appends it to the settings' Markdown file, if any. */
    void publish(const Settings &settings) const;

private:
    QString m_title;
    QStringList m_columns;
    QList<QStringList> m_rows;
    QStringList m_notes;
};

/*! 1234567 -> "1,234,567" */
QString grouped(double value);
/*! A ratio with two decimals: "0.53". */
QString ratioText(double value);
QString fixed(double value, int decimals);
QString megabytes(qint64 kilobytes);

// --- event loop ----------------------------------------------------------------------------

/*!
    Runs the event loop until \a done returns true or \a timeoutMs pass; returns whether
    \a done became true. The check runs after every batch of events, so it must be cheap.
*/
bool waitUntil(const std::function<bool()> &done, int timeoutMs);
/*! Runs the event loop for \a ms. */
void spin(int ms);

// --- processes -----------------------------------------------------------------------------

/*! CPU time and memory of one process, from /proc. */
struct ProcessSample
{
    qint64 cpuTicks = 0; // user + system
    qint64 rssKb = 0; // VmRSS
    qint64 hwmKb = 0; // VmHWM, the peak resident size
};
ProcessSample sampleProcess(qint64 pid);
/*! CPU used between two samples, in percent of one core over \a wallMs. */
double cpuPercent(const ProcessSample &before, const ProcessSample &after, double wallMs);

/*!
    A server run as a child process that prints "Listening on http://HOST:PORT" once it
    accepts connections: nolag-local, the minimal relay or a benchmark's own peer.
*/
class ChildServer
{
public:
    ChildServer() = default;
    ~ChildServer();

    ChildServer(const ChildServer &) = delete;
    ChildServer &operator=(const ChildServer &) = delete;

    /*! Starts \a program and waits for its "Listening on" line; false with errorString(). */
    bool start(const QString &program, const QStringList &arguments, int timeoutMs = 20000);
    /*! nolag-local on 127.0.0.1 with an OS-picked port and a fresh data directory. */
    bool startNoLagLocal(const QString &program, const QStringList &extraArguments);
    void stop();

    quint16 port() const { return m_port; }
    qint64 pid() const;
    QString errorString() const { return m_errorString; }
    QByteArray output();

private:
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    QByteArray m_output;
    QString m_errorString;
    quint16 m_port = 0;
};

} // namespace NoLagBench
