// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// explorer-bench: NoLag Explorer driven through the real nolag-local.
//
// The app runs in this process exactly as nolag-explorer runs it (same library, same QML),
// connected to a nolag-local child started with --open and --rate-limit 0. It subscribes to
// 10,000 topics; a publisher child process then pushes 20,000 messages a second of ~100-byte
// payloads across those topics for 60 s over several raw WebSocket connections with
// pre-encoded frames. Measured in the app: the interval between rendered frames (a small
// animation keeps the window rendering, so the interval shows how long the UI thread was
// busy), resident memory, CPU time, and the store's message count against what was sent.
// The same figures for the same app idle (connected and subscribed, no traffic) come first;
// the table gives each figure and its ratio to idle. Then: a topic tree of 100,000 topics,
// a 1 MB payload opened in the inspector, and the first frame after launch.
//
// Run under Xvfb: xvfb-run -a -s "-screen 0 1600x1000x24" ./explorer-bench [--seconds 60]
// [--rate 20000] [--topics 10000] [--quick] [--markdown FILE]

#include "common/explorerapp.h"
#include "common/explorerwindow.h"
#include "session/session.h"

#include <nolagcodec/msgpackwriter.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtQml/QQmlApplicationEngine>
#include <QtQml/QQmlComponent>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuick/QQuickItem>
#include <QtQuick/QQuickWindow>
#include <QtWebSockets/QWebSocket>
#include <QtWidgets/QApplication>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

Q_IMPORT_QML_PLUGIN(NoLagExplorerPlugin)

using namespace Qt::StringLiterals;

namespace {

// --- helpers ----------------------------------------------------------------------------------

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!condition()) {
        if (clock.elapsed() > timeoutMs) {
            return false;
        }
        QEventLoop loop;
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void runFor(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
        (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

QString topicName(int index, int topics)
{
    const int rooms = std::max(1, topics / 100);
    return u"bench/r%1/t%2"_s.arg(index % rooms, 2, 10, QChar(u'0'))
        .arg(index / rooms, 3, 10, QChar(u'0'));
}

QByteArray payloadOfAbout100Bytes(int index)
{
    QByteArray data;
    NoLag::Codec::Writer writer(&data);
    writer.writeMapHeader(4);
    writer.writeKey("seq");
    writer.writeInt(index);
    writer.writeKey("temperature");
    writer.writeDouble(21.5 + (index % 100) / 10.0);
    writer.writeKey("ok");
    writer.writeBool(true);
    writer.writeKey("text");
    writer.writeStr(QByteArrayView("benchmark payload of about one hundred bytes, "
                                   "padded to size"));
    return data;
}

QByteArray messageFrame(const QString &topic, const QByteArray &data)
{
    QByteArray frame;
    NoLag::Codec::Writer writer(&frame);
    writer.writeMapHeader(3);
    writer.writeKey("type");
    writer.writeStr(QByteArrayView("message"));
    writer.writeKey("topic");
    writer.writeStr(QStringView(topic));
    writer.writeKey("data");
    writer.writeRaw(data);
    return frame;
}

// Frame intervals of a window, collected while running.
class FrameRecorder
{
public:
    explicit FrameRecorder(QQuickWindow *window)
    {
        QObject::connect(window, &QQuickWindow::frameSwapped, window, [this] {
            if (!m_recording) {
                return;
            }
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last >= 0) {
                m_intervals.push_back((now - m_last) / 1e6);
            }
            m_last = now;
        });
        m_clock.start();
    }

    void start()
    {
        m_intervals.clear();
        m_last = -1;
        m_recording = true;
    }
    void stop() { m_recording = false; }

    double percentile(double p) const
    {
        if (m_intervals.empty()) {
            return 0;
        }
        std::vector<double> sorted = m_intervals;
        std::sort(sorted.begin(), sorted.end());
        const size_t index = std::min(sorted.size() - 1, size_t(p * double(sorted.size())));
        return sorted[index];
    }
    double maximum() const
    {
        return m_intervals.empty() ? 0 : *std::max_element(m_intervals.begin(), m_intervals.end());
    }
    size_t frames() const { return m_intervals.size(); }

private:
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    bool m_recording = false;
    std::vector<double> m_intervals;
};

struct Phase
{
    double p50 = 0, p95 = 0, p99 = 0, max = 0;
    size_t frames = 0;
    double rssMb = 0, maxRssMb = 0;
    double cpuPercent = 0;
    double messagesPerSecond = 0;
};

Phase measure(FrameRecorder &frames, Session *session, int milliseconds,
              const std::function<bool()> &until = {})
{
    Phase phase;
    const double cpuStart = cpuSeconds();
    const qint64 messagesStart = session->totalMessages();
    QElapsedTimer clock;
    clock.start();
    frames.start();
    while (clock.elapsed() < milliseconds || (until && !until())) {
        runFor(200);
        phase.maxRssMb = std::max(phase.maxRssMb, ExplorerApp::residentBytes() / 1048576.0);
        if (clock.elapsed() > milliseconds + 120000) {
            break;
        }
    }
    frames.stop();
    const double seconds = clock.elapsed() / 1000.0;
    phase.p50 = frames.percentile(0.50);
    phase.p95 = frames.percentile(0.95);
    phase.p99 = frames.percentile(0.99);
    phase.max = frames.maximum();
    phase.frames = frames.frames();
    phase.rssMb = ExplorerApp::residentBytes() / 1048576.0;
    phase.cpuPercent = (cpuSeconds() - cpuStart) / seconds * 100;
    phase.messagesPerSecond = (session->totalMessages() - messagesStart) / seconds;
    return phase;
}

// --- the publisher child ----------------------------------------------------------------------

int runPublisher(const QUrl &url, int rate, int seconds, int connections, int topics)
{
    std::vector<QByteArray> frames;
    frames.reserve(size_t(topics));
    for (int i = 0; i < topics; ++i) {
        QByteArray frame;
        NoLag::Codec::Writer writer(&frame);
        writer.writeMapHeader(4);
        writer.writeKey("type");
        writer.writeStr(QByteArrayView("publish"));
        writer.writeKey("topic");
        writer.writeStr(QStringView(topicName(i, topics)));
        writer.writeKey("data");
        writer.writeRaw(payloadOfAbout100Bytes(i));
        writer.writeKey("qos");
        writer.writeInt(1);
        frames.push_back(frame);
    }

    std::vector<std::unique_ptr<QWebSocket>> sockets;
    int authenticated = 0;
    for (int c = 0; c < connections; ++c) {
        auto socket = std::make_unique<QWebSocket>();
        QWebSocket *raw = socket.get();
        QObject::connect(raw, &QWebSocket::connected, raw, [raw, c] {
            QByteArray auth;
            NoLag::Codec::Writer writer(&auth);
            writer.writeMapHeader(3);
            writer.writeKey("type");
            writer.writeStr(QByteArrayView("auth"));
            writer.writeKey("token");
            writer.writeStr(QStringView(u"bench-publisher-%1"_s.arg(c)));
            writer.writeKey("protocolVersion");
            writer.writeInt(2);
            raw->sendBinaryMessage(auth);
        });
        QObject::connect(raw, &QWebSocket::binaryMessageReceived, raw,
                         [&authenticated, raw](const QByteArray &) {
                             if (!raw->property("authenticated").toBool()) {
                                 raw->setProperty("authenticated", true);
                                 ++authenticated;
                             }
                         });
        raw->open(url);
        sockets.push_back(std::move(socket));
    }
    if (!waitFor([&] { return authenticated == connections; }, 15000)) {
        std::fputs("publisher: could not connect\n", stderr);
        return 1;
    }
    std::puts("ready");
    std::fflush(stdout);

    // Wait for the go signal on standard input, so the parent measures idle first.
    char go[8];
    if (!std::fgets(go, sizeof go, stdin)) {
        return 1;
    }

    qint64 sent = 0;
    QElapsedTimer clock;
    clock.start();
    QTimer pacer;
    QEventLoop loop;
    QObject::connect(&pacer, &QTimer::timeout, &loop, [&] {
        const qint64 elapsed = clock.elapsed();
        if (elapsed >= qint64(seconds) * 1000) {
            loop.quit();
            return;
        }
        const qint64 due = qint64(double(rate) * elapsed / 1000.0);
        for (; sent < due; ++sent) {
            sockets[size_t(sent % connections)]->sendBinaryMessage(frames[size_t(sent % topics)]);
        }
        for (auto &socket : sockets) {
            socket->flush();
        }
    });
    pacer.start(5);
    loop.exec();
    // Let the sockets drain before reporting.
    waitFor(
        [&] {
            for (auto &socket : sockets) {
                if (socket->bytesToWrite() > 0) {
                    return false;
                }
            }
            return true;
        },
        30000);
    runFor(500);
    std::printf("sent %lld in %.1f s\n", sent, clock.elapsed() / 1000.0);
    std::fflush(stdout);
    return 0;
}

// --- first frame child ------------------------------------------------------------------------

int runFirstFrame()
{
    QTemporaryDir settingsDir;
    ExplorerOptions options;
    options.noKeychain = true;
    options.settingsPath = settingsDir.filePath(u"settings.ini"_s);
    ExplorerApp explorer(options);
    QQmlApplicationEngine engine;
    QQuickWindow *window = ExplorerWindow::load(engine);
    if (!window) {
        return 1;
    }
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [] {
        std::puts("first frame");
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
    return QCoreApplication::exec();
}

// --- the benchmark ----------------------------------------------------------------------------

QString ratio(double value, double idle)
{
    return idle > 0 ? u"%1x"_s.arg(value / idle, 0, 'f', 2) : u"n/a"_s;
}

// The report: printed as a plain table and, with --markdown FILE, appended there as well.
struct Row
{
    QString figure, idle, load, ratio, target;
};

class Report
{
public:
    void add(const QString &figure, const QString &idle, const QString &load,
             const QString &ratioText, const QString &target = QString())
    {
        m_rows.push_back({figure, idle, load, ratioText, target});
    }

    void print(const QString &title) const
    {
        std::printf("\n%s\n", qPrintable(title));
        const Row header{u"figure"_s, u"idle"_s, u"under load"_s, u"ratio"_s, u"target"_s};
        printRow(header);
        for (const Row &row : m_rows) {
            printRow(row);
        }
        std::fflush(stdout);
    }

    bool appendMarkdown(const QString &path, const QString &title) const
    {
        QFile file(path);
        if (!file.open(QIODevice::Append | QIODevice::Text)) {
            std::fprintf(stderr, "explorer-bench: cannot write %s: %s\n", qPrintable(path),
                         qPrintable(file.errorString()));
            return false;
        }
        QString text = u"### %1\n\n| figure | idle | under load | ratio | target |\n"
                       u"|---|---:|---:|---:|---|\n"_s.arg(title);
        for (const Row &row : m_rows) {
            text += u"| %1 | %2 | %3 | %4 | %5 |\n"_s.arg(row.figure, row.idle, row.load, row.ratio,
                                                          row.target);
        }
        file.write(text.toUtf8() + '\n');
        return true;
    }

private:
    static void printRow(const Row &row)
    {
        std::printf("%-44s %10s %26s %8s   %s\n", qPrintable(row.figure), qPrintable(row.idle),
                    qPrintable(row.load), qPrintable(row.ratio), qPrintable(row.target));
    }

    std::vector<Row> m_rows;
};

QString number(double value, int decimals = 1)
{
    return QString::number(value, 'f', decimals);
}

int runBenchmark(int seconds, int rate, int topics, int publishers, bool recording, qint64 budgetMb,
                 const QString &markdownPath)
{
    QTemporaryDir dataDir;
    QProcess server;
    server.setProcessChannelMode(QProcess::SeparateChannels);
    server.start(QString::fromUtf8(NOLAG_LOCAL_BINARY),
                 QStringList{u"--open"_s, u"--rate-limit"_s, u"0"_s, u"--listen"_s,
                             u"127.0.0.1:0"_s, u"--data"_s, dataDir.path(), u"--log-level"_s,
                             u"error"_s} +
                     (recording ? QStringList() : QStringList{u"--no-recording"_s}));
    QByteArray serverOutput;
    quint16 port = 0;
    waitFor(
        [&] {
            serverOutput += server.readAllStandardOutput();
            const qsizetype at = serverOutput.indexOf("Listening on http://127.0.0.1:");
            if (at >= 0 && serverOutput.indexOf('\n', at) > 0) {
                port = quint16(
                    serverOutput.mid(at + 30, serverOutput.indexOf('\n', at) - at - 30).toUInt());
                return true;
            }
            return false;
        },
        15000);
    if (port == 0) {
        std::fprintf(stderr, "explorer-bench: nolag-local did not start: %s\n",
                     server.readAllStandardError().constData());
        return 1;
    }
    const QUrl url(u"ws://127.0.0.1:%1/ws"_s.arg(port));
    std::printf("nolag-local on port %u (--open --rate-limit 0%s)\n", unsigned(port),
                recording ? "" : " --no-recording");

    // First frame: a fresh process each time, median of three.
    std::vector<double> firstFrames;
    for (int i = 0; i < 3; ++i) {
        QProcess child;
        QElapsedTimer clock;
        clock.start();
        child.start(QCoreApplication::applicationFilePath(), {u"--first-frame"_s});
        child.waitForReadyRead(30000);
        firstFrames.push_back(clock.elapsed());
        child.waitForFinished(10000);
    }
    std::sort(firstFrames.begin(), firstFrames.end());

    // The app, in this process.
    QTemporaryDir settingsDir;
    ExplorerOptions options;
    options.noKeychain = true;
    options.settingsPath = settingsDir.filePath(u"settings.ini"_s);
    options.hasConnection = true;
    options.budgetBytes = budgetMb * 1024 * 1024;
    options.connection.name = u"bench"_s;
    options.connection.brokerUrl = url;
    options.connection.token = u"bench-explorer"_s;
    ExplorerApp explorer(options);
    QQmlApplicationEngine engine;
    QQuickWindow *window = ExplorerWindow::load(engine);
    if (!window) {
        return 1;
    }
    // A tiny animation keeps the window rendering every frame, so frame intervals show how
    // long the UI thread was busy instead of how seldom something changed.
    QQmlComponent animation(&engine);
    animation.setData("import QtQuick\nRectangle { width: 4; height: 4; color: \"#01000000\";"
                      " RotationAnimation on rotation { from: 0; to: 360; duration: 1000;"
                      " loops: Animation.Infinite } }",
                      QUrl());
    auto *spinner = qobject_cast<QQuickItem *>(animation.create());
    spinner->setParentItem(window->contentItem());
    FrameRecorder frames(window);

    explorer.start();
    Session *session = explorer.sessions()->current();
    if (!waitFor([&] { return session->state() == Session::Connected; }, 15000)) {
        std::fputs("explorer-bench: the app did not connect\n", stderr);
        return 1;
    }
    QElapsedTimer subscribeClock;
    subscribeClock.start();
    for (int i = 0; i < topics; ++i) {
        session->subscriptions()->subscribe(topicName(i, topics));
    }
    if (!waitFor([&] { return session->subscriptions()->activeCount() == topics; }, 120000)) {
        std::fprintf(stderr, "explorer-bench: only %d of %d subscriptions became active\n",
                     session->subscriptions()->activeCount(), topics);
        return 1;
    }
    const qint64 subscribeMs = subscribeClock.elapsed();

    QProcess publisher;
    publisher.start(QCoreApplication::applicationFilePath(),
                    {u"--publisher"_s, url.toString(), QString::number(rate),
                     QString::number(seconds), QString::number(publishers),
                     QString::number(topics)});
    if (!waitFor([&] { return publisher.canReadLine(); }, 20000)) {
        std::fputs("explorer-bench: the publisher did not start\n", stderr);
        return 1;
    }
    publisher.readLine();

    std::printf("measuring the app idle for 10 s (connected, %d subscriptions)\n", topics);
    const Phase idle = measure(frames, session, 10000);

    std::printf("publishing %d msg/s across %d topics for %d s\n", rate, topics, seconds);
    const qint64 before = session->totalMessages();
    publisher.write("go\n");
    const Phase load = measure(frames, session, seconds * 1000,
                               [&] { return publisher.state() == QProcess::NotRunning; });
    publisher.waitForFinished(60000);
    const QByteArray publisherReport = publisher.readAllStandardOutput().trimmed();
    const qint64 sent = publisherReport.startsWith("sent ")
        ? publisherReport.mid(5).split(' ').at(0).toLongLong()
        : -1;
    waitFor([&] { return session->totalMessages() - before >= sent; }, 20000);
    const qint64 received = session->totalMessages() - before;
    session->traffic()->flush();
    const qint64 stored = session->traffic()->storedCount();
    const qint64 evicted = session->store()->evictedCount();
    const double storeMb = session->store()->allocatedBytes() / 1048576.0;

    // A topic tree of 100,000 topics, fed through the same per-message path.
    QElapsedTimer treeClock;
    treeClock.start();
    const QByteArray small = payloadOfAbout100Bytes(1);
    for (int i = 0; i < 100000; ++i) {
        session->ingest(NoLagMessage::fromFrame(messageFrame(
            u"tree/a%1/b%2"_s.arg(i / 1000, 3, 10, QChar(u'0')).arg(i % 1000, 3, 10, QChar(u'0')),
            small)));
    }
    const qint64 treeIngestMs = treeClock.elapsed();
    treeClock.restart();
    session->topics()->flush();
    const qint64 treeFlushMs = treeClock.elapsed();
    const Phase tree = measure(frames, session, 5000);

    // A 1 MB payload opened in the inspector: select it, wait for the worker and a frame.
    QByteArray big;
    {
        NoLag::Codec::Writer writer(&big);
        writer.writeMapHeader(1);
        writer.writeKey("items");
        const int items = 9000;
        writer.writeArrayHeader(items);
        for (int i = 0; i < items; ++i) {
            writer.writeMapHeader(3);
            writer.writeKey("id");
            writer.writeInt(i);
            writer.writeKey("name");
            writer.writeStr(QStringView(u"item number %1 of the large payload"_s.arg(i)));
            writer.writeKey("values");
            writer.writeArrayHeader(8);
            for (int v = 0; v < 8; ++v) {
                writer.writeDouble(i * 0.5 + v);
            }
        }
    }
    session->ingest(NoLagMessage::fromFrame(messageFrame(u"bench/large"_s, big)));
    session->traffic()->flush();
    QElapsedTimer openClock;
    openClock.start();
    session->traffic()->setSelectedSequence(session->store()->endSequence() - 1);
    waitFor([&] { return !session->inspector()->isLoading(); }, 30000);
    bool swapped = false;
    const auto connection = QObject::connect(window, &QQuickWindow::frameSwapped, window,
                                             [&swapped] { swapped = true; });
    window->update();
    waitFor([&] { return swapped; }, 5000);
    QObject::disconnect(connection);
    const qint64 openMs = openClock.elapsed();
    const int textLines = session->inspector()->text()->lineCount();

    const QString title = u"NoLag Explorer under load (Qt %1, %2, %3 msg/s across %4 topics for "
                          u"%5 s, %6 publisher connections)"_s
                              .arg(QString::fromLatin1(qVersion()), QGuiApplication::platformName())
                              .arg(rate)
                              .arg(topics)
                              .arg(seconds)
                              .arg(publishers);
    const QString none = u"-"_s;
    Report report;
    report.add(u"messages/s received"_s, number(idle.messagesPerSecond, 0),
               number(load.messagesPerSecond, 0),
               ratio(load.messagesPerSecond, idle.messagesPerSecond),
               u"%1 for %2 s"_s.arg(rate).arg(seconds));
    report.add(u"messages sent / received"_s, none, u"%1 / %2"_s.arg(sent).arg(received), none,
               u"every message counted"_s);
    report.add(u"messages in the store / evicted"_s, none, u"%1 / %2"_s.arg(stored).arg(evicted),
               none);
    report.add(u"UI frame interval p50 (ms)"_s, number(idle.p50), number(load.p50),
               ratio(load.p50, idle.p50));
    report.add(u"UI frame interval p95 (ms)"_s, number(idle.p95), number(load.p95),
               ratio(load.p95, idle.p95), u"< 50 ms"_s);
    report.add(u"UI frame interval p99 (ms)"_s, number(idle.p99), number(load.p99),
               ratio(load.p99, idle.p99));
    report.add(u"UI frame interval max (ms)"_s, number(idle.max), number(load.max),
               ratio(load.max, idle.max));
    report.add(u"frames rendered"_s, number(double(idle.frames), 0), number(double(load.frames), 0),
               none);
    report.add(u"resident memory at end (MB)"_s, number(idle.rssMb), number(load.rssMb),
               ratio(load.rssMb, idle.rssMb));
    report.add(u"resident memory peak (MB)"_s, number(idle.maxRssMb), number(load.maxRssMb),
               ratio(load.maxRssMb, idle.maxRssMb));
    report.add(u"traffic store (MB)"_s, none, number(storeMb), none,
               u"within the %1 MB budget"_s.arg(explorer.budget()->limitBytes() / 1048576));
    report.add(u"CPU, % of one core"_s, number(idle.cpuPercent), number(load.cpuPercent),
               ratio(load.cpuPercent, idle.cpuPercent));
    report.add(u"%1 subscriptions confirmed (ms)"_s.arg(topics), none, QString::number(subscribeMs),
               none);
    report.add(u"100,000-topic tree: ingest (ms)"_s, none, QString::number(treeIngestMs), none);
    report.add(u"100,000-topic tree: publish to view (ms)"_s, none, QString::number(treeFlushMs),
               none);
    report.add(u"UI frame p95 with that tree, 5 s (ms)"_s, number(idle.p95), number(tree.p95),
               ratio(tree.p95, idle.p95), u"< 50 ms"_s);
    report.add(u"1 MB payload opened (ms)"_s, none,
               u"%1 (%2 KB, %3 lines)"_s.arg(openMs).arg(big.size() / 1024).arg(textLines), none,
               u"< 1000 ms"_s);
    report.add(u"first frame after launch (ms, median of 3)"_s, none, number(firstFrames[1], 0),
               none, u"< 1500 ms"_s);
    report.print(title);
    if (!markdownPath.isEmpty()) {
        report.appendMarkdown(markdownPath, title);
    }

    session->disconnectFromServer();
    server.terminate();
    server.waitForFinished(10000);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc >= 7 && qstrcmp(argv[1], "--publisher") == 0) {
        QCoreApplication app(argc, argv);
        return runPublisher(QUrl(QString::fromLocal8Bit(argv[2])), atoi(argv[3]), atoi(argv[4]),
                            atoi(argv[5]), atoi(argv[6]));
    }

    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        std::fputs("explorer-bench: no display; run it under Xvfb: "
                   "xvfb-run -a -s \"-screen 0 1600x1000x24\" explorer-bench\n",
                   stderr);
        return 2;
    }
    QApplication app(argc, argv); // Qt Charts in QML draws through Qt Widgets
    ExplorerWindow::setUpApplication();
    if (argc >= 2 && qstrcmp(argv[1], "--first-frame") == 0) {
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
        return runFirstFrame();
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(u"NoLag Explorer under load through nolag-local."_s);
    parser.addHelpOption();
    const QCommandLineOption seconds(u"seconds"_s, u"Load duration (default 60)."_s, u"S"_s,
                                     u"60"_s);
    const QCommandLineOption rate(u"rate"_s, u"Messages per second (default 20000)."_s, u"N"_s,
                                  u"20000"_s);
    const QCommandLineOption topics(u"topics"_s, u"Topics (default 10000)."_s, u"N"_s, u"10000"_s);
    const QCommandLineOption recording(
        u"recording"_s,
        u"Keep nolag-local's message recording on (msgId, acknowledgements, SQLite)."_s);
    const QCommandLineOption softwareRendering(
        u"gl"_s, u"Render with OpenGL instead of Qt Quick's software renderer."_s);
    const QCommandLineOption publishers(u"publishers"_s, u"Publisher connections (default 4)."_s,
                                        u"N"_s, u"4"_s);
    const QCommandLineOption quick(
        u"quick"_s, u"A shorter run: 15 s of load instead of 60 (scripts/bench.sh)."_s);
    const QCommandLineOption budget(
        u"budget-mb"_s,
        u"Memory budget of the traffic store in MB (default 512); a small one shows eviction."_s,
        u"N"_s, u"512"_s);
    const QCommandLineOption markdown(u"markdown"_s,
                                      u"Also append the table to FILE, in Markdown."_s, u"FILE"_s);
    parser.addOptions(
        {seconds, rate, topics, publishers, recording, softwareRendering, quick, budget, markdown});
    parser.process(app);
    const int loadSeconds =
        parser.isSet(quick) && !parser.isSet(seconds) ? 15 : parser.value(seconds).toInt();
    if (loadSeconds <= 0 || parser.value(rate).toInt() <= 0 || parser.value(topics).toInt() <= 0 ||
        parser.value(publishers).toInt() <= 0 || parser.value(budget).toInt() < 16) {
        std::fputs("explorer-bench: --seconds, --rate, --topics and --publishers take whole "
                   "numbers above zero, --budget-mb one of at least 16\n",
                   stderr);
        return 2;
    }
    if (!parser.isSet(softwareRendering)) {
        // Xvfb has no GPU: OpenGL there is a software rasteriser redrawing the whole window
        // each frame; Qt Quick's own software renderer redraws only what changed.
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    }
    return runBenchmark(loadSeconds, parser.value(rate).toInt(), parser.value(topics).toInt(),
                        parser.value(publishers).toInt(), parser.isSet(recording),
                        parser.value(budget).toInt(), parser.value(markdown));
}
