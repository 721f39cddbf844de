// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QProcess>
#include <QtCore/QStringList>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUrl>

#include <memory>

namespace NoLagTest {

/*!
    Runs the real nolag-local binary as a child process on 127.0.0.1 with a port the OS picks,
    and a data directory of its own that lives as long as this object (so a restart finds the
    same SQLite file).

    nolag-local announces itself with a line "Listening on http://127.0.0.1:<port>" on its
    standard output; start() waits for it.
*/
class LocalServer
{
public:
    explicit LocalServer(QStringList extraArguments = {});
    ~LocalServer();

    LocalServer(const LocalServer &) = delete;
    LocalServer &operator=(const LocalServer &) = delete;

    /*! Arguments appended to every start; may be changed between restarts. */
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }
    QStringList extraArguments() const { return m_extraArguments; }

    /*!
        Starts the server and waits up to \a timeoutMs for it to listen. The first start lets
        the OS pick the port; later starts reuse that port so clients can reconnect to the
        same URL. Returns false and fills errorString() on failure.
    */
    bool start(int timeoutMs = 15000);

    /*! Asks the server to stop (SIGTERM) and waits for it. */
    void stop(int timeoutMs = 10000);

    /*! Kills the server at once (SIGKILL), as a crash or power cut would. */
    void kill();

    /*!
        Freezes the server (SIGSTOP): its sockets stay open but it answers nothing, like a
        server on a dead network path. resume() (SIGCONT) lets it run on.
    */
    bool suspend();
    bool resume();

    bool restart(int timeoutMs = 15000)
    {
        stop();
        return start(timeoutMs);
    }

    bool isRunning() const;
    quint16 port() const { return m_port; }
    QUrl webSocketUrl() const;
    QUrl httpUrl() const;
    QString dataDirectory() const { return m_dataDir.path(); }

    /*! Writes \a json to a file in the data directory and returns its path. */
    QString writeFile(const QString &name, const QByteArray &contents) const;

    /*! Everything the server printed so far, over all its runs (standard output and error). */
    QByteArray output() const { return m_output; }
    QString errorString() const { return m_errorString; }

    static QString binaryPath();

private:
    void collectOutput();

    QStringList m_extraArguments;
    QTemporaryDir m_dataDir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
    qsizetype m_runStart = 0; // where the current run's output begins in m_output
    QString m_errorString;
    quint16 m_port = 0;
};

} // namespace NoLagTest
