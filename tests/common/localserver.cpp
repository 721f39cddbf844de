// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "localserver.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace NoLagTest {

LocalServer::LocalServer(QStringList extraArguments)
    : m_extraArguments(std::move(extraArguments))
{
}

LocalServer::~LocalServer()
{
    stop(5000);
}

QString LocalServer::binaryPath()
{
#ifdef NOLAG_LOCAL_BINARY
    return QStringLiteral(NOLAG_LOCAL_BINARY);
#else
    return QString();
#endif
}

bool LocalServer::start(int timeoutMs)
{
    if (isRunning()) {
        return true;
    }
    m_errorString.clear();

    const QString binary = binaryPath();
    if (binary.isEmpty() || !QFile::exists(binary)) {
        m_errorString = u"nolag-local was not built (expected at '%1')"_s.arg(binary);
        return false;
    }

    QStringList arguments{u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_port), u"--data"_s,
                          m_dataDir.path()};
    arguments += m_extraArguments;

    m_runStart = m_output.size();
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(binary);
    m_process->setArguments(arguments);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start();
    if (!m_process->waitForStarted(timeoutMs)) {
        m_errorString = u"could not start nolag-local: %1"_s.arg(m_process->errorString());
        return false;
    }

    static const QRegularExpression listening(u"Listening on http://127\\.0\\.0\\.1:(\\d+)"_s);
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            break;
        }
        m_process->waitForReadyRead(50);
        collectOutput();
        const auto match = listening.match(QString::fromUtf8(m_output.mid(m_runStart)));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
    }

    collectOutput();
    m_errorString = u"nolag-local did not start listening; it printed:\n%1"_s.arg(
            QString::fromUtf8(m_output.mid(m_runStart)));
    kill();
    return false;
}

void LocalServer::collectOutput()
{
    if (m_process) {
        m_output += m_process->readAll();
    }
}

void LocalServer::stop(int timeoutMs)
{
    if (!m_process) {
        return;
    }
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(timeoutMs)) {
            m_process->kill();
            m_process->waitForFinished(timeoutMs);
        }
    }
    collectOutput();
    m_process.reset();
}

void LocalServer::kill()
{
    if (!m_process) {
        return;
    }
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    collectOutput();
    m_process.reset();
}

bool LocalServer::suspend()
{
    return isRunning() && ::kill(pid_t(m_process->processId()), SIGSTOP) == 0;
}

bool LocalServer::resume()
{
    return isRunning() && ::kill(pid_t(m_process->processId()), SIGCONT) == 0;
}

bool LocalServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QUrl LocalServer::webSocketUrl() const
{
    return QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(m_port));
}

QUrl LocalServer::httpUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

QString LocalServer::writeFile(const QString &name, const QByteArray &contents) const
{
    const QString path = QDir(m_dataDir.path()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return QString();
    }
    file.write(contents);
    return path;
}

} // namespace NoLagTest
