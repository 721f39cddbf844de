// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "benchsupport.h"

#include <QtCore/QAbstractEventDispatcher>
#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QFile>
#include <QtCore/QLocale>
#include <QtCore/QRegularExpression>
#include <QtCore/QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace NoLagBench {

Settings parseSettings(const QString &description, int defaultRuns, int quickRuns,
                       const QString &builtNoLagLocal, const QString &builtRelay)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    const QCommandLineOption quick(u"quick"_s, u"Fewer and shorter runs (about a quarter)."_s);
    const QCommandLineOption runs(u"runs"_s, u"Repetitions of each measurement (median shown)."_s,
                                  u"N"_s);
    const QCommandLineOption markdown(
        u"markdown"_s, u"Also append the result tables to FILE (Markdown)."_s, u"FILE"_s);
    const QCommandLineOption nolagLocal(u"nolag-local"_s, u"The nolag-local binary to measure."_s,
                                        u"PATH"_s);
    const QCommandLineOption relay(u"relay"_s, u"The minimal relay binary (the baseline)."_s,
                                   u"PATH"_s);
    const QCommandLineOption only(u"only"_s, u"Run only these parts (comma-separated names)."_s,
                                  u"PARTS"_s);
    parser.addOptions({quick, runs, markdown, nolagLocal, relay, only});
    parser.process(*QCoreApplication::instance());

    Settings settings;
    settings.quick = parser.isSet(quick);
    settings.runs = settings.quick ? quickRuns : defaultRuns;
    if (parser.isSet(runs)) {
        bool ok = false;
        settings.runs = parser.value(runs).toInt(&ok);
        if (!ok || settings.runs < 1) {
            std::fprintf(stderr, "--runs takes a whole number of at least 1\n");
            std::exit(2);
        }
    }
    settings.markdownFile = parser.value(markdown);
    settings.nolagLocal = builtNoLagLocal;
    settings.relay = builtRelay;
    if (parser.isSet(nolagLocal)) {
        settings.nolagLocal = parser.value(nolagLocal);
    }
    if (parser.isSet(relay)) {
        settings.relay = parser.value(relay);
    }
    if (parser.isSet(only)) {
        settings.only = parser.value(only).split(u',', Qt::SkipEmptyParts);
    }
    return settings;
}

// --- statistics ----------------------------------------------------------------------------

double median(QList<double> values)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

double quantile(std::vector<double> &values, double fraction)
{
    if (values.empty()) {
        return 0;
    }
    // Nearest rank: the smallest value with at least `fraction` of the values at or below it.
    const auto rank = size_t(std::ceil(fraction * double(values.size())));
    const size_t index = std::clamp<size_t>(rank, 1, values.size()) - 1;
    std::nth_element(values.begin(), values.begin() + qsizetype(index), values.end());
    return values[index];
}

// --- tables --------------------------------------------------------------------------------

QString Table::toMarkdown() const
{
    QString text = u"### "_s + m_title + u"\n\n| "_s + m_columns.join(u" | "_s) + u" |\n|"_s;
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        text += i == 0 ? u"---|"_s : u"---:|"_s;
    }
    text += u'\n';
    for (const QStringList &row : m_rows) {
        text += u"| "_s + row.join(u" | "_s) + u" |\n"_s;
    }
    if (!m_notes.isEmpty()) {
        text += u'\n';
        for (const QString &note : m_notes) {
            text += note + u'\n';
        }
    }
    return text + u'\n';
}

void Table::publish(const Settings &settings) const
{
    const QByteArray markdown = toMarkdown().toUtf8();
    std::fwrite(markdown.constData(), 1, size_t(markdown.size()), stdout);
    std::fflush(stdout);
    if (settings.markdownFile.isEmpty()) {
        return;
    }
    QFile file(settings.markdownFile);
    if (!file.open(QIODevice::Append)) {
        std::fprintf(stderr, "Cannot append the results to %s: %s\n",
                     qPrintable(settings.markdownFile), qPrintable(file.errorString()));
        return;
    }
    file.write(markdown);
}

QString grouped(double value)
{
    return QLocale(QLocale::English).toString(qint64(std::llround(value)));
}

QString ratioText(double value)
{
    return QString::number(value, 'f', 2);
}

QString fixed(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QString megabytes(qint64 kilobytes)
{
    return QString::number(double(kilobytes) / 1024.0, 'f', 1) + u" MB"_s;
}

// --- event loop ----------------------------------------------------------------------------

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done()) {
        return true;
    }
    // The timer only makes sure processEvents() returns when nothing else happens.
    QTimer wake;
    wake.setInterval(20);
    wake.start();
    const QDeadlineTimer deadline(timeoutMs);
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    while (!deadline.hasExpired()) {
        dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
        if (done()) {
            return true;
        }
    }
    return false;
}

void spin(int ms)
{
    waitUntil([] { return false; }, ms);
}

// --- processes -----------------------------------------------------------------------------

ProcessSample sampleProcess(qint64 pid)
{
    ProcessSample sample;

    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        // The command name may hold spaces; the fields after it are counted from its ')'.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
        if (fields.size() > 12) {
            sample.cpuTicks = fields[11].toLongLong() + fields[12].toLongLong();
        }
    }

    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = status.readAll().split('\n');
        for (const QByteArray &line : lines) {
            const auto valueOf = [&line] {
                return line.mid(6).trimmed().split(' ').first();
            };
            if (line.startsWith("VmRSS:")) {
                sample.rssKb = valueOf().toLongLong();
            } else if (line.startsWith("VmHWM:")) {
                sample.hwmKb = valueOf().toLongLong();
            }
        }
    }
    return sample;
}

double cpuPercent(const ProcessSample &before, const ProcessSample &after, double wallMs)
{
    static const double ticksPerSecond = double(sysconf(_SC_CLK_TCK));
    if (wallMs <= 0) {
        return 0;
    }
    const double cpuMs = double(after.cpuTicks - before.cpuTicks) * 1000.0 / ticksPerSecond;
    return 100.0 * cpuMs / wallMs;
}

ChildServer::~ChildServer()
{
    stop();
}

bool ChildServer::start(const QString &program, const QStringList &arguments, int timeoutMs)
{
    stop();
    m_output.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(program);
    m_process->setArguments(arguments);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start();
    if (!m_process->waitForStarted(timeoutMs)) {
        m_errorString = u"could not start %1: %2"_s.arg(program, m_process->errorString());
        m_process.reset();
        return false;
    }

    static const QRegularExpression listening(u"Listening on http://[^:]+:(\\d+)"_s);
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(50);
        m_output += m_process->readAll();
        const auto match = listening.match(QString::fromUtf8(m_output));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
    }
    m_output += m_process->readAll();
    m_errorString =
        u"%1 did not start listening; it printed:\n%2"_s.arg(program, QString::fromUtf8(m_output));
    stop();
    return false;
}

bool ChildServer::startNoLagLocal(const QString &program, const QStringList &extraArguments)
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    QStringList arguments{u"--listen"_s,     u"127.0.0.1:0"_s, u"--data"_s,      m_dataDir->path(),
                          u"--rate-limit"_s, u"0"_s,           u"--log-level"_s, u"warning"_s};
    return start(program, arguments + extraArguments);
}

void ChildServer::stop()
{
    if (!m_process) {
        return;
    }
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_output += m_process->readAll();
    m_process.reset();
    m_port = 0;
}

qint64 ChildServer::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QByteArray ChildServer::output()
{
    if (m_process) {
        m_output += m_process->readAll();
    }
    return m_output;
}

} // namespace NoLagBench
