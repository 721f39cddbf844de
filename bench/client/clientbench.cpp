// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// nolag-bench-client: NoLagClient against a raw QWebSocket doing the same traffic.
//
// Receive: a child process (nolag-bench-client-peer --blast) sends pre-encoded 188-byte
// `message` frames as fast as it can. The baseline is a QWebSocket that only counts frames;
// the figures are NoLagClient dispatching each message to a handler that reads the topic and
// the meta, and to one that decodes the whole payload.
//
// Publish: a child process (nolag-bench-client-peer --count) counts publish frames and
// reports progress on a separate observer connection. The baseline is a QWebSocket sending a
// pre-encoded publish frame; the figure is NoLagClient::publish() with a QVariantMap.
//
// Every run uses a fresh connection; variants alternate within each run, and the ratio is
// the median of the per-run ratios.

#include "common/benchsupport.h"
#include "common/sampleframes.h"

#include <NoLagQt/nolagclient.h>
#include <nolagcodec/msgpackwriter.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QTimer>
#include <QtWebSockets/QWebSocket>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace NoLagBench;

namespace {

constexpr int RunTimeoutMs = 60'000;
// Publishes sent but not yet counted by the peer, at most.
constexpr qint64 PublishWindow = 65'536;
// Publishes per event-loop turn.
constexpr int PublishChunk = 256;

#ifdef NOLAG_BENCH_PEER_BINARY
const QString peerBinary = QStringLiteral(NOLAG_BENCH_PEER_BINARY);
#else
const QString peerBinary;
#endif

QUrl peerUrl(quint16 port, const QString &path, qint64 frames, const QString &extra = {})
{
    return QUrl(u"ws://127.0.0.1:%1%2?frames=%3%4"_s.arg(port).arg(path).arg(frames).arg(extra));
}

QByteArray subscribeFrame()
{
    QByteArray frame;
    NoLag::Codec::Writer writer(&frame);
    writer.writeMapHeader(3);
    writer.writeKey("type");
    writer.writeKey("subscribe");
    writer.writeKey("topic");
    writer.writeStr(SampleTopic);
    writer.writeKey("qos");
    writer.writeUInt(1);
    return frame;
}

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "nolag-bench-client: %s\n", qPrintable(what));
    std::exit(1);
}

// Counts messages and times them from the first to the last.
struct Stopwatch
{
    qint64 wanted = 0;
    qint64 count = 0;
    qint64 firstNs = 0;
    qint64 lastNs = 0;
    QElapsedTimer timer;

    explicit Stopwatch(qint64 frames)
        : wanted(frames)
    {
        timer.start();
    }
    void tick()
    {
        ++count;
        if (count == 1) {
            firstNs = timer.nsecsElapsed();
        } else if (count == wanted) {
            lastNs = timer.nsecsElapsed();
        }
    }
    bool done() const { return count >= wanted; }
    // Messages after the first, over the time since the first.
    double rate() const { return double(wanted - 1) * 1e9 / double(lastNs - firstNs); }
};

// --- receive -------------------------------------------------------------------------------

double rawReceive(quint16 port, qint64 frames)
{
    QWebSocket socket;
    // The first frame is the `subscribed` reply, then come the messages.
    Stopwatch watch(frames);
    bool subscribed = false;
    QObject::connect(&socket, &QWebSocket::binaryMessageReceived, &socket, [&](const QByteArray &) {
        if (subscribed) {
            watch.tick();
        }
        subscribed = true;
    });
    QObject::connect(&socket, &QWebSocket::connected, &socket,
                     [&] { socket.sendBinaryMessage(subscribeFrame()); });
    socket.open(peerUrl(port, u"/ws"_s, frames));
    if (!waitUntil([&] { return watch.done(); }, RunTimeoutMs)) {
        fail(u"the raw reader received %1 of %2 frames"_s.arg(watch.count).arg(frames));
    }
    socket.close();
    return watch.rate();
}

enum class Handler { TopicAndMeta, WholePayload };

// How the client acknowledges the messages, which all ask for it (`requiresAck`).
enum class Acks {
    EachAtOnce, // the default: one `ack` frame per message, sent at once
    Batched, // ackBatchInterval: one `batchAck` frame per interval
    Off, // autoAcknowledge off: dispatch alone
};

constexpr std::chrono::milliseconds AckBatchInterval{10};

double clientReceive(quint16 port, qint64 frames, Handler handler, Acks acks)
{
    NoLagOptions options(peerUrl(port, u"/ws"_s, frames));
    options.setReconnectEnabled(false);
    options.setAutoAcknowledge(acks != Acks::Off);
    if (acks == Acks::Batched) {
        options.setAckBatchInterval(AckBatchInterval);
    }
    NoLagClient client(u"bench-token"_s, options);
    client.connectToServer();
    if (!waitUntil([&] { return client.isConnected(); }, RunTimeoutMs)) {
        fail(u"NoLagClient did not connect to the blasting peer: %1"_s.arg(client.errorString()));
    }

    Stopwatch watch(frames);
    qint64 sink = 0;
    NoLagSubscription *subscription = client.subscribe(QString::fromLatin1(SampleTopic));
    if (handler == Handler::TopicAndMeta) {
        QObject::connect(subscription, &NoLagSubscription::messageReceived, &client,
                         [&](const NoLagMessage &message) {
                             const NoLagMessageMeta meta = message.meta();
                             sink += message.topic().size() + meta.msgId().size() +
                                 (meta.requiresAck() ? 1 : 0) + (meta.isReplay() ? 1 : 0);
                             watch.tick();
                         });
    } else {
        QObject::connect(subscription, &NoLagSubscription::messageReceived, &client,
                         [&](const NoLagMessage &message) {
                             const QVariantMap data = message.data().toMap();
                             sink += data.value(u"text"_s).toString().size() +
                                 data.value(u"seq"_s).toLongLong();
                             watch.tick();
                         });
    }
    if (!waitUntil([&] { return watch.done(); }, RunTimeoutMs)) {
        fail(u"NoLagClient received %1 of %2 messages"_s.arg(watch.count).arg(frames));
    }
    client.disconnectFromServer();
    if (sink == 0) {
        fail(u"the handler saw no data"_s);
    }
    return watch.rate();
}

// --- publish -------------------------------------------------------------------------------

/*! A connection to the counting peer's /observe: the number of publishes it counted. */
class Observer
{
public:
    explicit Observer(quint16 port)
    {
        QObject::connect(&m_socket, &QWebSocket::binaryMessageReceived, &m_socket,
                         [this](const QByteArray &frame) { counted = frame.toLongLong(); });
        m_socket.open(QUrl(u"ws://127.0.0.1:%1/observe"_s.arg(port)));
        if (!waitUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; },
                       RunTimeoutMs)) {
            fail(u"cannot observe the counting peer"_s);
        }
    }

    qint64 counted = 0;

private:
    QWebSocket m_socket;
};

/*!
    Calls \a send \a frames times, a chunk per event-loop turn and never more than the window
    ahead of what the peer counted, and returns publishes per second: from the first send to
    the peer's count of the last.
*/
double drivePublishes(Observer &observer, qint64 frames, const std::function<void()> &send)
{
    observer.counted = 0;
    qint64 sent = 0;
    QElapsedTimer timer;
    timer.start();
    QTimer pump;
    pump.setInterval(0);
    QObject::connect(&pump, &QTimer::timeout, &pump, [&] {
        for (int i = 0;
             i < PublishChunk && sent < frames && sent - observer.counted < PublishWindow; ++i) {
            send();
            ++sent;
        }
    });
    pump.start();
    if (!waitUntil([&] { return observer.counted >= frames; }, RunTimeoutMs)) {
        fail(u"the peer counted %1 of %2 publishes"_s.arg(observer.counted).arg(frames));
    }
    return double(frames) * 1e9 / double(timer.nsecsElapsed());
}

double rawPublish(quint16 port, Observer &observer, qint64 frames)
{
    const QByteArray frame = samplePublishFrame();
    QWebSocket socket;
    socket.open(peerUrl(port, u"/ws"_s, frames));
    if (!waitUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; },
                   RunTimeoutMs)) {
        fail(u"the raw sender cannot connect: %1"_s.arg(socket.errorString()));
    }
    const double rate = drivePublishes(observer, frames, [&] { socket.sendBinaryMessage(frame); });
    socket.close();
    return rate;
}

double clientPublish(quint16 port, Observer &observer, qint64 frames, bool acknowledged)
{
    NoLagOptions options(peerUrl(port, u"/ws"_s, frames, acknowledged ? u"&ack=1"_s : QString()));
    options.setReconnectEnabled(false);
    NoLagClient client(u"bench-token"_s, options);
    client.connectToServer();
    if (!waitUntil([&] { return client.isConnected(); }, RunTimeoutMs)) {
        fail(u"NoLagClient did not connect to the counting peer: %1"_s.arg(client.errorString()));
    }
    const QString topic = QString::fromLatin1(SampleTopic);
    const QVariantMap payload = samplePayload();
    NoLagEmitOptions emitOptions;
    emitOptions.setAcknowledged(acknowledged);
    const double rate =
        drivePublishes(observer, frames, [&] { client.publish(topic, payload, emitOptions); });
    // Acknowledged publishes finish with the peer's replies, which may still be on their way.
    spin(50);
    client.disconnectFromServer();
    return rate;
}

// --- reporting -----------------------------------------------------------------------------

struct Series
{
    QList<double> rates;
    QList<double> ratios;
};

void addRow(Table &table, const QString &figure, const Series &series, const Series &baseline,
            const QString &target)
{
    table.addRow({figure, grouped(median(series.rates)), grouped(median(baseline.rates)),
                  ratioText(median(series.ratios)), target});
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Settings settings = parseSettings(
        u"Measures NoLagClient receiving and publishing against a raw QWebSocket."_s, 5, 3);
    if (peerBinary.isEmpty()) {
        fail(u"built without nolag-bench-client-peer"_s);
    }
    const qint64 frames = settings.quick ? 100'000 : 200'000;
    const qint64 frameSize = sampleMessageFrame().size();

    if (settings.wants(u"receive"_s)) {
        ChildServer blaster;
        if (!blaster.start(peerBinary, {u"--blast"_s})) {
            fail(blaster.errorString());
        }
        // One unmeasured round warms up both processes.
        rawReceive(blaster.port(), frames / 4);
        clientReceive(blaster.port(), frames / 4, Handler::WholePayload, Acks::EachAtOnce);

        struct Variant
        {
            QString name;
            Handler handler;
            Acks acks;
            QString target;
            Series series;
        };
        const QString batched = u"acks batched every %1 ms"_s.arg(AckBatchInterval.count());
        QList<Variant> variants{
            {u"NoLagClient, handler reads topic and meta, one ack per message (default)"_s,
             Handler::TopicAndMeta,
             Acks::EachAtOnce,
             u">= 0.50"_s,
             {}},
            {u"NoLagClient, handler reads topic and meta, "_s + batched,
             Handler::TopicAndMeta,
             Acks::Batched,
             u">= 0.50"_s,
             {}},
            {u"NoLagClient, handler reads topic and meta, autoAcknowledge off"_s,
             Handler::TopicAndMeta,
             Acks::Off,
             u">= 0.50"_s,
             {}},
            {u"NoLagClient, handler decodes the whole payload, one ack per message (default)"_s,
             Handler::WholePayload,
             Acks::EachAtOnce,
             u">= 0.25"_s,
             {}},
            {u"NoLagClient, handler decodes the whole payload, "_s + batched,
             Handler::WholePayload,
             Acks::Batched,
             u">= 0.25"_s,
             {}},
            {u"NoLagClient, handler decodes the whole payload, autoAcknowledge off"_s,
             Handler::WholePayload,
             Acks::Off,
             u">= 0.25"_s,
             {}},
        };
        Series raw;
        for (int run = 0; run < settings.runs; ++run) {
            const double baseline = rawReceive(blaster.port(), frames);
            raw.rates.append(baseline);
            raw.ratios.append(1.0);
            for (Variant &variant : variants) {
                const double rate =
                    clientReceive(blaster.port(), frames, variant.handler, variant.acks);
                variant.series.rates.append(rate);
                variant.series.ratios.append(rate / baseline);
            }
        }

        Table table(u"Client receive: %1 `message` frames of %2 bytes per run, median of %3 runs"_s
                        .arg(grouped(double(frames)))
                        .arg(frameSize)
                        .arg(settings.runs),
                    {u"Receiver"_s, u"Messages/s"_s, u"Baseline: raw QWebSocket reader, frames/s"_s,
                     u"Ratio"_s, u"Target"_s});
        for (const Variant &variant : std::as_const(variants)) {
            addRow(table, variant.name, variant.series, raw, variant.target);
        }
        table.addNote(
            u"The frames carry `msgId` and `requiresAck: true`, as nolag-local sends them by "
            "default, so NoLagClient with its default options sends one `ack` frame per message "
            "at once (like the official JS SDK, wire protocol statement 127): a masked "
            "WebSocket frame out for every frame in, which costs about as much as the raw "
            "reader's whole work per frame. With `ackBatchInterval` set, one `batchAck` goes "
            "out per interval; with autoAcknowledge off the rows show dispatch alone. The "
            "sender is a QWebSocketServer in a child process (nolag-bench-client-peer "
            "--blast)."_s);
        table.publish(settings);
    }

    if (settings.wants(u"publish"_s)) {
        ChildServer counter;
        if (!counter.start(peerBinary, {u"--count"_s})) {
            fail(counter.errorString());
        }
        Observer observer(counter.port());
        rawPublish(counter.port(), observer, frames / 4);
        clientPublish(counter.port(), observer, frames / 4, false);

        Series raw;
        Series unacknowledged;
        Series acknowledged;
        for (int run = 0; run < settings.runs; ++run) {
            const double baseline = rawPublish(counter.port(), observer, frames);
            raw.rates.append(baseline);
            raw.ratios.append(1.0);
            const auto measure = [&](Series &series, bool withReplies) {
                const double rate = clientPublish(counter.port(), observer, frames, withReplies);
                series.rates.append(rate);
                series.ratios.append(rate / baseline);
            };
            measure(unacknowledged, false);
            measure(acknowledged, true);
        }

        Table table(u"Client publish: %1 publishes of a %2-byte frame per run, median of %3 runs"_s
                        .arg(grouped(double(frames)))
                        .arg(samplePublishFrame().size())
                        .arg(settings.runs),
                    {u"Sender"_s, u"Publishes/s"_s,
                     u"Baseline: raw QWebSocket sender of the encoded frame, frames/s"_s,
                     u"Ratio"_s, u"Target"_s});
        addRow(table, u"NoLagClient::publish(topic, QVariantMap), not acknowledged"_s,
               unacknowledged, raw, u">= 0.50"_s);
        addRow(table, u"NoLagClient::publish, acknowledged (the peer answers `published`)"_s,
               acknowledged, raw, u"-"_s);
        table.addNote(
            u"The receiver is a QWebSocketServer in a child process that counts publish frames "
            "(nolag-bench-client-peer --count); at most %1 publishes are ahead of its count."_s.arg(
                grouped(double(PublishWindow))));
        table.publish(settings);
    }
    return 0;
}
