// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// nolag-bench-server: nolag-local end to end, against the minimal relay (nolag-bench-relay)
// carrying the same traffic.
//
// Part "e2e": one publisher to one subscriber, one to 100, 100 to one, and one publisher to
// ten load-balanced workers, at QoS 0 and at QoS 1 (durable subscriptions, the SQLite store
// on, every message acknowledged). For each: delivered messages per second with the
// publishers kept a fixed window ahead of the deliveries, the server's CPU and memory, and
// the latency of each delivery at a fixed publish rate (p50, p99, p99.9).
//
// Part "connections": resident memory per idle authenticated connection, at 1,000 and 5,000
// connections.
//
// Publishers and subscribers are raw WebSockets in this process that send pre-encoded frames
// and parse only the envelope of what they receive, so the servers are what is measured.
// Each server runs as a child process; the relay is started with --round-robin for the
// load-balanced case.

#include "common/benchsupport.h"
#include "common/sampleframes.h"

#include <nolagcodec/envelope.h>
#include <nolagcodec/msgpackwriter.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QTimer>
#include <QtWebSockets/QWebSocket>

#include <cmath>
#include <cstdio>

#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace NoLagBench;
using NoLag::Codec::Envelope;
using NoLag::Codec::FrameType;
using NoLag::Codec::Writer;

namespace {

constexpr int SetupTimeoutMs = 30'000;
constexpr int DrainTimeoutMs = 20'000;
// Publishes not yet delivered everywhere, at most, while measuring throughput.
constexpr qint64 PublishWindow = 500;
const QByteArrayView BenchTopic = "bench/room/messages";

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "nolag-bench-server: %s\n", qPrintable(what));
    std::exit(1);
}

// One clock for send and receive times: both ends live in this process.
QElapsedTimer &benchClock()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer started;
        started.start();
        return started;
    }();
    return timer;
}

quint64 nowNs()
{
    return quint64(benchClock().nsecsElapsed());
}

enum class Target { NoLagLocal, Relay };

QString targetName(Target target)
{
    return target == Target::NoLagLocal ? u"nolag-local"_s : u"relay"_s;
}

struct Scenario
{
    QString key; // for --only: 1to1, 1to100, 100to1, lb
    QString name;
    int publishers;
    int subscribers;
    bool loadBalanced;
    int fanout() const { return loadBalanced ? 1 : subscribers; }
    // Publishes per second while latency is measured: 1,000 deliveries a second and more,
    // but never so many that the relay itself falls behind on this machine.
    int latencyRate() const { return fanout() > 1 ? 100 : 1000; }
};

QByteArray authFrame(const QString &token)
{
    QByteArray frame;
    Writer writer(&frame);
    writer.writeMapHeader(3);
    writer.writeKey("type");
    writer.writeKey("auth");
    writer.writeKey("token");
    writer.writeStr(QStringView(token));
    writer.writeKey("protocolVersion");
    writer.writeUInt(2);
    return frame;
}

QByteArray subscribeFrame(int qos, bool loadBalanced)
{
    QByteArray frame;
    Writer writer(&frame);
    writer.writeMapHeader(loadBalanced ? 5 : 3);
    writer.writeKey("type");
    writer.writeKey("subscribe");
    writer.writeKey("topic");
    writer.writeStr(BenchTopic);
    writer.writeKey("qos");
    writer.writeUInt(quint64(qos));
    if (loadBalanced) {
        writer.writeKey("loadBalance");
        writer.writeBool(true);
        writer.writeKey("loadBalanceGroup");
        writer.writeKey("workers");
    }
    return frame;
}

QByteArray publishFrame(int qos, quint64 seq)
{
    QByteArray frame;
    frame.reserve(192);
    Writer writer(&frame);
    writer.writeMapHeader(qos >= 1 ? 5 : 4);
    writer.writeKey("type");
    writer.writeKey("publish");
    writer.writeKey("topic");
    writer.writeStr(BenchTopic);
    writer.writeKey("data");
    writer.writeRaw(timedPayload(nowNs(), seq));
    writer.writeKey("qos");
    writer.writeUInt(quint64(qos));
    if (qos >= 1) {
        // Asks nolag-local for a `published` reply; the relay's subscribers acknowledge it
        // instead of a msgId, so that both servers receive the same acknowledgements.
        writer.writeKey("msgRef");
        writer.writeStr(QByteArrayView(QByteArray::number(seq)));
    }
    return frame;
}

QByteArray ackFrame(const QList<QByteArray> &ids)
{
    QByteArray frame;
    Writer writer(&frame);
    writer.writeMapHeader(2);
    writer.writeKey("type");
    if (ids.size() == 1) {
        writer.writeKey("ack");
        writer.writeKey("msgId");
        writer.writeStr(QByteArrayView(ids.first()));
        return frame;
    }
    writer.writeKey("batchAck");
    writer.writeKey("msgIds");
    writer.writeArrayHeader(quint32(ids.size()));
    for (const QByteArray &id : ids) {
        writer.writeStr(QByteArrayView(id));
    }
    return frame;
}

// --- the clients ---------------------------------------------------------------------------

class Traffic;

/*! One WebSocket of the benchmark: a publisher or a subscriber. */
class Peer : public QObject
{
public:
    Peer(Traffic *traffic, bool subscriber, int index)
        : m_traffic(traffic)
        , m_subscriber(subscriber)
        , m_index(index)
    {
        connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &Peer::onFrame);
        connect(&m_socket, &QWebSocket::connected, this, &Peer::onConnected);
    }

    void open(Target target, quint16 port, int qos, bool loadBalanced)
    {
        m_target = target;
        m_qos = qos;
        m_loadBalanced = loadBalanced;
        const QString path = target == Target::NoLagLocal ? u"/ws"_s
            : m_subscriber                                ? u"/sub"_s
                                                          : u"/pub"_s;
        m_socket.open(QUrl(u"ws://127.0.0.1:%1%2"_s.arg(port).arg(path)));
    }

    bool isReady() const { return m_ready; }
    void send(const QByteArray &frame) { m_socket.sendBinaryMessage(frame); }
    void close() { m_socket.close(); }
    bool isClosed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }

private:
    void onConnected();
    void onFrame(const QByteArray &frame);
    void flushAcks();

    Traffic *m_traffic;
    QWebSocket m_socket;
    Target m_target = Target::NoLagLocal;
    bool m_subscriber;
    int m_index;
    int m_qos = 0;
    bool m_loadBalanced = false;
    bool m_ready = false;
    bool m_ackScheduled = false;
    QList<QByteArray> m_acks;
};

/*! Every peer of one scenario, the counts and the pacing of the publishes. */
class Traffic : public QObject
{
public:
    Traffic(const Scenario &scenario, Target target, quint16 port, int qos)
        : m_scenario(scenario)
        , m_qos(qos)
    {
        for (int i = 0; i < scenario.subscribers; ++i) {
            m_subscribers.push_back(std::make_unique<Peer>(this, true, i));
            m_subscribers.back()->open(target, port, qos, scenario.loadBalanced);
        }
        for (int i = 0; i < scenario.publishers; ++i) {
            m_publishers.push_back(std::make_unique<Peer>(this, false, i));
            m_publishers.back()->open(target, port, qos, false);
        }
        const auto ready = [this] {
            for (const auto &peer : m_subscribers) {
                if (!peer->isReady()) {
                    return false;
                }
            }
            for (const auto &peer : m_publishers) {
                if (!peer->isReady()) {
                    return false;
                }
            }
            return true;
        };
        if (!waitUntil(ready, SetupTimeoutMs)) {
            fail(u"the clients of \"%1\" could not all connect to %2"_s.arg(scenario.name,
                                                                            targetName(target)));
        }

        m_rateTimer.setTimerType(Qt::PreciseTimer);
        m_rateTimer.setInterval(1);
        connect(&m_rateTimer, &QTimer::timeout, this, &Traffic::paced);
    }

    ~Traffic() override
    {
        for (const auto &peer : m_publishers) {
            peer->close();
        }
        for (const auto &peer : m_subscribers) {
            peer->close();
        }
        waitUntil(
            [this] {
                for (const auto &peer : m_subscribers) {
                    if (!peer->isClosed()) {
                        return false;
                    }
                }
                return true;
            },
            2000);
    }

    int qos() const { return m_qos; }
    qint64 delivered() const { return m_delivered; }

    /*! Publishes as fast as deliveries allow, keeping PublishWindow publishes in flight. */
    void startFlooding()
    {
        m_flooding = true;
        pump();
    }

    /*! Publishes \a perSecond messages a second, recording latencies after \a warmupMs. */
    void startPaced(int perSecond, int warmupMs)
    {
        m_perSecond = perSecond;
        m_pacedSent = 0;
        m_pacedStartNs = nowNs();
        m_recordFromNs = m_pacedStartNs + quint64(warmupMs) * 1'000'000;
        m_latencies.clear();
        m_latencies.reserve(size_t(perSecond) * 10 * size_t(m_scenario.fanout()));
        m_recording = true;
        m_rateTimer.start();
    }

    /*! Stops publishing and waits until everything published has arrived. */
    void stopAndDrain()
    {
        m_flooding = false;
        m_rateTimer.stop();
        const qint64 expected = m_published * m_scenario.fanout();
        if (!waitUntil([&] { return m_delivered >= expected; }, DrainTimeoutMs)) {
            fail(u"\"%1\": %2 of %3 deliveries arrived"_s.arg(m_scenario.name)
                     .arg(m_delivered)
                     .arg(expected));
        }
        m_recording = false;
    }

    std::vector<double> &latencies() { return m_latencies; }

    void onDelivery(const Envelope &envelope)
    {
        ++m_delivered;
        if (m_recording) {
            NoLag::Codec::Reader reader(envelope.raw("data"));
            quint32 fields = 0;
            QByteArrayView key;
            quint64 sent = 0;
            if (reader.readMapHeader(&fields) && reader.readStr(&key) && reader.readUInt(&sent) &&
                sent >= m_recordFromNs) {
                m_latencies.push_back(double(nowNs() - sent) / 1000.0);
            }
        }
        if (m_flooding && !m_pumpScheduled) {
            m_pumpScheduled = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_pumpScheduled = false;
                    pump();
                },
                Qt::QueuedConnection);
        }
    }

private:
    void publishOne()
    {
        Peer *publisher = m_publishers[size_t(m_nextPublisher)].get();
        m_nextPublisher = (m_nextPublisher + 1) % int(m_publishers.size());
        publisher->send(publishFrame(m_qos, quint64(++m_published)));
    }

    void pump()
    {
        const int fanout = m_scenario.fanout();
        while (m_flooding && m_published - m_delivered / fanout < PublishWindow) {
            publishOne();
        }
    }

    void paced()
    {
        const quint64 elapsed = nowNs() - m_pacedStartNs;
        const auto due = qint64(double(elapsed) * m_perSecond / 1e9);
        while (m_pacedSent < due) {
            publishOne();
            ++m_pacedSent;
        }
    }

    Scenario m_scenario;
    int m_qos;
    std::vector<std::unique_ptr<Peer>> m_publishers;
    std::vector<std::unique_ptr<Peer>> m_subscribers;
    int m_nextPublisher = 0;
    qint64 m_published = 0;
    qint64 m_delivered = 0;
    bool m_flooding = false;
    bool m_pumpScheduled = false;

    QTimer m_rateTimer;
    int m_perSecond = 0;
    qint64 m_pacedSent = 0;
    quint64 m_pacedStartNs = 0;
    quint64 m_recordFromNs = 0;
    bool m_recording = false;
    std::vector<double> m_latencies;
};

void Peer::onConnected()
{
    // As NoLagClient does: Nagle's algorithm off, so that the clients add no delayed-ACK
    // waits of their own to what is measured. QWebSocket keeps its TCP socket as a child.
    if (auto *tcp = m_socket.findChild<QAbstractSocket *>()) {
        tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    }
    if (m_target == Target::Relay) {
        // Publishers may start at once; subscribers wait for the relay's one-byte hello.
        m_ready = !m_subscriber;
        return;
    }
    const QString token = (m_subscriber ? u"bench-sub-%1"_s : u"bench-pub-%1"_s).arg(m_index);
    m_socket.sendBinaryMessage(authFrame(token));
}

void Peer::onFrame(const QByteArray &frame)
{
    if (frame.isEmpty()) {
        return;
    }
    if (!m_ready) {
        if (m_target == Target::Relay) {
            m_ready = true; // the hello
            return;
        }
        Envelope envelope;
        if (envelope.parse(frame) != Envelope::Status::Ok) {
            return;
        }
        if (envelope.type() == FrameType::Auth) {
            if (!envelope.isTrue("success")) {
                fail(u"nolag-local refused the benchmark's token"_s);
            }
            if (m_subscriber) {
                m_socket.sendBinaryMessage(subscribeFrame(m_qos, m_loadBalanced));
            } else {
                m_ready = true;
            }
        } else if (envelope.type() == FrameType::Subscribed) {
            m_ready = true;
        } else if (envelope.type() == FrameType::Error) {
            fail(u"nolag-local answered the benchmark with an error: %1"_s.arg(
                envelope.string("error")));
        }
        return;
    }
    if (!m_subscriber) {
        return; // `published` replies
    }

    // nolag-local sends `message` frames, the relay the publish frames as they came.
    Envelope envelope;
    if (envelope.parse(frame) != Envelope::Status::Ok) {
        return;
    }
    if (envelope.type() != FrameType::Message && envelope.type() != FrameType::Publish) {
        return;
    }
    m_traffic->onDelivery(envelope);

    if (m_qos >= 1) {
        QByteArrayView id;
        if (envelope.bytes("msgId", &id) || envelope.bytes("msgRef", &id)) {
            m_acks.append(id.toByteArray());
            // One acknowledgement frame per event-loop turn, for what arrived in it.
            if (!m_ackScheduled) {
                m_ackScheduled = true;
                QMetaObject::invokeMethod(this, &Peer::flushAcks, Qt::QueuedConnection);
            }
        }
    }
}

void Peer::flushAcks()
{
    m_ackScheduled = false;
    if (!m_acks.isEmpty()) {
        m_socket.sendBinaryMessage(ackFrame(m_acks));
        m_acks.clear();
    }
}

// --- end to end ----------------------------------------------------------------------------

struct Figures
{
    QList<double> rates;
    QList<double> serverCpu;
    QList<double> clientCpu;
    double p50 = 0;
    double p99 = 0;
    double p999 = 0;
    qsizetype samples = 0;
    qint64 rssKb = 0;
    qint64 hwmKb = 0;
};

struct Timing
{
    int warmupMs;
    int measureMs;
    int latencyMs;
    int latencyWarmupMs;
};

bool startTarget(ChildServer &server, Target target, const Settings &settings, bool loadBalanced,
                 const QStringList &extra = {})
{
    if (target == Target::Relay) {
        return server.start(settings.relay,
                            loadBalanced ? QStringList{u"--round-robin"_s} : QStringList{});
    }
    return server.startNoLagLocal(settings.nolagLocal, QStringList{u"--open"_s} + extra);
}

Figures measureScenario(const Scenario &scenario, Target target, int qos, int latencyRate,
                        const Settings &settings, const Timing &timing)
{
    ChildServer server;
    if (!startTarget(server, target, settings, scenario.loadBalanced,
                     {u"--idle-timeout"_s, u"600"_s})) {
        fail(server.errorString());
    }
    Figures figures;
    {
        Traffic traffic(scenario, target, server.port(), qos);

        // An unmeasured round first: connections, caches and buffers reach their sizes.
        traffic.startFlooding();
        spin(timing.warmupMs);
        traffic.stopAndDrain();

        for (int run = 0; run < settings.runs; ++run) {
            traffic.startFlooding();
            spin(timing.warmupMs);
            const ProcessSample serverBefore = sampleProcess(server.pid());
            const ProcessSample clientBefore = sampleProcess(getpid());
            const qint64 deliveredBefore = traffic.delivered();
            QElapsedTimer wall;
            wall.start();
            spin(timing.measureMs);
            const double elapsedMs = double(wall.nsecsElapsed()) / 1e6;
            const qint64 delivered = traffic.delivered() - deliveredBefore;
            figures.serverCpu.append(
                cpuPercent(serverBefore, sampleProcess(server.pid()), elapsedMs));
            figures.clientCpu.append(cpuPercent(clientBefore, sampleProcess(getpid()), elapsedMs));
            figures.rates.append(double(delivered) * 1000.0 / elapsedMs);
            traffic.stopAndDrain();
        }

        traffic.startPaced(latencyRate, timing.latencyWarmupMs);
        spin(timing.latencyWarmupMs + timing.latencyMs);
        traffic.stopAndDrain();
        std::vector<double> &latencies = traffic.latencies();
        figures.samples = qsizetype(latencies.size());
        figures.p50 = quantile(latencies, 0.5);
        figures.p99 = quantile(latencies, 0.99);
        figures.p999 = quantile(latencies, 0.999);

        const ProcessSample memory = sampleProcess(server.pid());
        figures.rssKb = memory.rssKb;
        figures.hwmKb = memory.hwmKb;
    }
    server.stop();
    return figures;
}

QString latencyText(const Figures &figures)
{
    const auto ms = [](double us) {
        return QString::number(us / 1000.0, 'f', 2);
    };
    return ms(figures.p50) + u" / "_s + ms(figures.p99) + u" / "_s + ms(figures.p999);
}

void runEndToEnd(const Settings &settings)
{
    const Timing timing =
        settings.quick ? Timing{300, 1000, 1500, 300} : Timing{500, 2000, 4000, 500};
    const QList<Scenario> scenarios{
        {u"1to1"_s, u"1 publisher to 1 subscriber"_s, 1, 1, false},
        {u"1to100"_s, u"1 publisher to 100 subscribers"_s, 1, 100, false},
        {u"100to1"_s, u"100 publishers to 1 subscriber"_s, 100, 1, false},
        {u"lb"_s, u"1 publisher to 10 load-balanced workers"_s, 1, 10, true},
    };
    // --only e2e runs everything; --only 1to1,qos0 (say) one scenario at one QoS.
    const auto chosen = [&](const QString &key) {
        return settings.only.isEmpty() || settings.only.contains(key);
    };
    bool anyScenarioNamed = false;
    bool anyQosNamed = false;
    for (const Scenario &scenario : scenarios) {
        anyScenarioNamed = anyScenarioNamed || settings.only.contains(scenario.key);
    }
    for (const QString &qos : {u"qos0"_s, u"qos1"_s}) {
        anyQosNamed = anyQosNamed || settings.only.contains(qos);
    }

    Table throughput(
        u"End to end: delivered messages/s, publishers %1 messages ahead (median of %2 runs of "
        "%3 s)"_s.arg(PublishWindow)
            .arg(settings.runs)
            .arg(fixed(timing.measureMs / 1000.0, 1)),
        {u"Scenario"_s, u"QoS"_s, u"nolag-local msg/s"_s, u"Baseline: relay msg/s"_s, u"Ratio"_s,
         u"Target"_s, u"nolag-local CPU"_s, u"relay CPU"_s, u"clients CPU"_s,
         u"nolag-local RSS (peak)"_s, u"relay RSS (peak)"_s});
    Table latency(u"End to end: latency at a fixed publish rate, p50 / p99 / p99.9 in ms "
                  "(%1 s after %2 s of warm-up)"_s.arg(fixed(timing.latencyMs / 1000.0, 1))
                      .arg(fixed(timing.latencyWarmupMs / 1000.0, 1)),
                  {u"Scenario"_s, u"QoS"_s, u"Publishes/s"_s, u"nolag-local"_s,
                   u"Baseline: relay"_s, u"Ratio of p50 (relay/ours)"_s, u"Deliveries measured"_s});

    for (const Scenario &scenario : scenarios) {
        if (anyScenarioNamed && !settings.only.contains(scenario.key)) {
            continue;
        }
        for (const int qos : {0, 1}) {
            if (anyQosNamed && !chosen(u"qos%1"_s.arg(qos))) {
                continue;
            }
            const int latencyRate = scenario.latencyRate();
            std::fprintf(stderr, "  %s, QoS %d...\n", qPrintable(scenario.name), qos);
            const Figures relay =
                measureScenario(scenario, Target::Relay, qos, latencyRate, settings, timing);
            const Figures ours =
                measureScenario(scenario, Target::NoLagLocal, qos, latencyRate, settings, timing);
            const bool targeted = !scenario.loadBalanced && scenario.publishers == 1;
            const auto memory = [](const Figures &figures) {
                return megabytes(figures.rssKb) + u" ("_s + megabytes(figures.hwmKb) + u')';
            };
            throughput.addRow(
                {scenario.name, QString::number(qos), grouped(median(ours.rates)),
                 grouped(median(relay.rates)), ratioText(median(ours.rates) / median(relay.rates)),
                 targeted ? u">= 0.50"_s : u"-"_s, fixed(median(ours.serverCpu), 0) + u" %"_s,
                 fixed(median(relay.serverCpu), 0) + u" %"_s,
                 fixed(median(ours.clientCpu), 0) + u" %"_s, memory(ours), memory(relay)});
            latency.addRow({scenario.name, QString::number(qos), grouped(latencyRate),
                            latencyText(ours), latencyText(relay), ratioText(relay.p50 / ours.p50),
                            grouped(double(ours.samples))});
        }
    }

    throughput.addNote(
        u"Deliveries are counted at the subscribers. QoS 1: durable subscriptions (saved, "
        "logged to SQLite, tracked until acknowledged), publishes with a msgRef (nolag-local "
        "answers `published` after the commit), and each subscriber acknowledges what it "
        "received with one `batchAck` per event-loop turn; the relay gets the same "
        "acknowledgements and drops them. CPU is of one core (100 % = one core busy); "
        "\"clients CPU\" is this benchmark's own process, on the other core. The official "
        "broker with the official JS SDK, measured outside this project on this kind of "
        "machine: ~37,000 msg/s 1 to 1 with delivery tracking off, ~2,300 with it on, ~76,000 "
        "deliveries/s 1 to 10."_s);
    latency.addNote(
        u"Latency is from just before the publisher's send to the subscriber's parse of the "
        "frame, both in this process. The official broker, measured outside this project: p50 "
        "0.22 ms, p99 0.5 ms at 1,000 msg/s 1 to 1."_s);
    throughput.publish(settings);
    latency.publish(settings);
}

// --- idle connections ----------------------------------------------------------------------

/*!
    Raises this process's soft limit of open files towards \a wanted (never above the hard
    limit). The servers started afterwards inherit it: 5,000 connections need 5,000
    descriptors on each side, and many systems start programs with a soft limit of 1,024.
    Returns the limit now in force.
*/
rlim_t raiseOpenFileLimit(rlim_t wanted)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return 0;
    }
    if (limit.rlim_cur >= wanted) {
        return limit.rlim_cur;
    }
    limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0) {
        getrlimit(RLIMIT_NOFILE, &limit);
    }
    return limit.rlim_cur;
}

/*! Opens connections in waves and authenticates them (nolag-local) or registers them. */
class IdleConnections
{
public:
    IdleConnections(Target target, quint16 port)
        : m_target(target)
        , m_port(port)
    { }

    ~IdleConnections()
    {
        for (const auto &socket : m_sockets) {
            socket->abort();
        }
    }

    void growTo(int count)
    {
        constexpr int Wave = 100;
        while (int(m_sockets.size()) < count) {
            const int wave = std::min(Wave, count - int(m_sockets.size()));
            for (int i = 0; i < wave; ++i) {
                open(int(m_sockets.size()));
            }
            const int wanted = int(m_sockets.size());
            if (!waitUntil([&] { return m_ready >= wanted; }, SetupTimeoutMs)) {
                fail(u"only %1 of %2 idle connections to %3 were accepted"_s.arg(m_ready)
                         .arg(wanted)
                         .arg(targetName(m_target)));
            }
        }
    }

private:
    void open(int index)
    {
        auto socket = std::make_unique<QWebSocket>();
        QWebSocket *raw = socket.get();
        const QString token = u"bench-idle-%1"_s.arg(index);
        QObject::connect(raw, &QWebSocket::connected, raw, [this, raw, token] {
            if (m_target == Target::NoLagLocal) {
                raw->sendBinaryMessage(authFrame(token));
            }
        });
        QObject::connect(raw, &QWebSocket::binaryMessageReceived, raw,
                         [this](const QByteArray &) { ++m_ready; });
        const QString path = m_target == Target::NoLagLocal ? u"/ws"_s : u"/sub"_s;
        raw->open(QUrl(u"ws://127.0.0.1:%1%2"_s.arg(m_port).arg(path)));
        m_sockets.push_back(std::move(socket));
    }

    Target m_target;
    quint16 m_port;
    std::vector<std::unique_ptr<QWebSocket>> m_sockets;
    int m_ready = 0;
};

struct ConnectionFigures
{
    QList<qint64> rssKb; // with no connection, then at each count
};

ConnectionFigures measureConnections(Target target, const Settings &settings,
                                     const QList<int> &counts)
{
    ChildServer server;
    if (!startTarget(server, target, settings, false, {u"--idle-timeout"_s, u"600"_s})) {
        fail(server.errorString());
    }
    ConnectionFigures figures;
    {
        IdleConnections connections(target, server.port());
        // One connection first, so that what every server sets up on its first client is
        // not counted per connection.
        connections.growTo(1);
        spin(300);
        figures.rssKb.append(sampleProcess(server.pid()).rssKb);
        for (const int count : counts) {
            connections.growTo(count + 1);
            spin(500);
            figures.rssKb.append(sampleProcess(server.pid()).rssKb);
        }
    }
    server.stop();
    return figures;
}

void runConnections(const Settings &settings)
{
    const QList<int> counts{1000, 5000};
    // Each connection is a descriptor here and one in the server, plus what both start with.
    const rlim_t wanted = rlim_t(counts.last()) + 512;
    const rlim_t limit = raiseOpenFileLimit(wanted);
    if (limit < wanted) {
        fail(u"%1 connections need %2 open files, but the limit is %3 and cannot be raised "
             "(ulimit -Hn)"_s.arg(counts.last())
                 .arg(qulonglong(wanted))
                 .arg(qulonglong(limit)));
    }
    QList<QList<double>> ours(counts.size());
    QList<QList<double>> relay(counts.size());
    QList<QList<double>> oursRss(counts.size());
    QList<QList<double>> relayRss(counts.size());
    const int runs = std::max(1, settings.runs / 2);
    for (int run = 0; run < runs; ++run) {
        const ConnectionFigures mine = measureConnections(Target::NoLagLocal, settings, counts);
        const ConnectionFigures base = measureConnections(Target::Relay, settings, counts);
        for (qsizetype i = 0; i < counts.size(); ++i) {
            ours[i].append(double(mine.rssKb[i + 1] - mine.rssKb[0]) * 1024.0 / counts[i]);
            relay[i].append(double(base.rssKb[i + 1] - base.rssKb[0]) * 1024.0 / counts[i]);
            oursRss[i].append(double(mine.rssKb[i + 1]));
            relayRss[i].append(double(base.rssKb[i + 1]));
        }
    }

    Table table(u"Idle authenticated connections: resident memory per connection (median of %1 "
                "runs)"_s.arg(runs),
                {u"Connections"_s, u"nolag-local bytes/connection"_s,
                 u"Baseline: relay bytes/connection"_s, u"Ratio (ours/relay)"_s,
                 u"nolag-local RSS"_s, u"relay RSS"_s});
    for (qsizetype i = 0; i < counts.size(); ++i) {
        table.addRow({grouped(counts[i]), grouped(median(ours[i])), grouped(median(relay[i])),
                      ratioText(median(ours[i]) / median(relay[i])),
                      megabytes(qint64(median(oursRss[i]))),
                      megabytes(qint64(median(relayRss[i])))});
    }
    table.addNote(
        u"(VmRSS with N connections - VmRSS with one) / N. nolag-local connections are "
        "authenticated WebSockets, each with its own actor (--open) and no subscription; the "
        "relay's are registered subscribers."_s);
    table.publish(settings);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
#ifdef NOLAG_LOCAL_BINARY
    const QString builtNoLagLocal = QStringLiteral(NOLAG_LOCAL_BINARY);
#else
    const QString builtNoLagLocal;
#endif
#ifdef NOLAG_BENCH_RELAY_BINARY
    const QString builtRelay = QStringLiteral(NOLAG_BENCH_RELAY_BINARY);
#else
    const QString builtRelay;
#endif
    const Settings settings = parseSettings(
        u"Measures nolag-local end to end and per idle connection, against a minimal relay."_s, 3,
        2, builtNoLagLocal, builtRelay);
    if (settings.nolagLocal.isEmpty() || settings.relay.isEmpty()) {
        fail(u"say where nolag-local and the relay are (--nolag-local, --relay)"_s);
    }
    benchClock();

    const QStringList endToEndParts{u"e2e"_s, u"1to1"_s, u"1to100"_s, u"100to1"_s,
                                    u"lb"_s,  u"qos0"_s, u"qos1"_s};
    if (settings.only.isEmpty() ||
        std::any_of(endToEndParts.begin(), endToEndParts.end(),
                    [&](const QString &part) { return settings.only.contains(part); })) {
        runEndToEnd(settings);
    }
    if (settings.wants(u"connections"_s)) {
        runConnections(settings);
    }
    return 0;
}
