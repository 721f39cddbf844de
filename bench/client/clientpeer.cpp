// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// nolag-bench-client-peer: the server side of nolag-bench-client, run as a child process so
// that it has a core of its own. It speaks just enough of the protocol for a NoLagClient to
// connect (auth, subscribe) and then does one thing as fast as it can:
//
//   --blast  sends `?frames=N` copies of a pre-encoded 188-byte `message` frame to every
//            connection that subscribes, keeping about a megabyte queued in the socket;
//   --count  counts the `publish` frames of each connection (the count restarts with every
//            new publisher) and reports progress to observers (connections to /observe)
//            every 4,096 frames and at `?frames=N`; with `?ack=1` it answers each publish
//            that carries a msgRef with `published`, like a broker.
//
// It prints "Listening on http://127.0.0.1:PORT" once it accepts connections.

#include "common/sampleframes.h"

#include <nolagcodec/envelope.h>
#include <nolagcodec/msgpackwriter.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QHostAddress>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

#include <cstdio>

using namespace Qt::StringLiterals;
using NoLag::Codec::Envelope;
using NoLag::Codec::FrameType;
using NoLag::Codec::Writer;

namespace {

// Frames waiting in a socket's buffer while blasting; enough to keep the kernel busy.
constexpr qint64 BlastQueueBytes = 1 << 20;
constexpr qint64 ProgressEvery = 4096;

QByteArray authReply()
{
    QByteArray frame;
    Writer writer(&frame);
    writer.writeMapHeader(7);
    writer.writeKey("type");
    writer.writeKey("auth");
    writer.writeKey("success");
    writer.writeBool(true);
    writer.writeKey("actorTokenId");
    writer.writeKey("bench-actor");
    writer.writeKey("projectId");
    writer.writeKey("bench-project");
    writer.writeKey("actorType");
    writer.writeKey("user");
    writer.writeKey("protocolVersion");
    writer.writeUInt(2);
    writer.writeKey("restoredSubscriptions");
    writer.writeArrayHeader(0);
    return frame;
}

QByteArray reply(QByteArrayView type, QByteArrayView field, QByteArrayView value)
{
    QByteArray frame;
    Writer writer(&frame);
    writer.writeMapHeader(type == "subscribed" ? 4 : 3);
    writer.writeKey("type");
    writer.writeStr(type);
    writer.writeKey("topic");
    writer.writeStr(NoLagBench::SampleTopic);
    writer.writeStr(field);
    writer.writeStr(value);
    if (type == "subscribed") {
        writer.writeKey("loadBalance");
        writer.writeBool(false);
    }
    return frame;
}

qint64 framesWanted(const QWebSocket *socket)
{
    return QUrlQuery(socket->requestUrl()).queryItemValue(u"frames"_s).toLongLong();
}

// --- blasting ------------------------------------------------------------------------------

class Blaster : public QObject
{
public:
    Blaster(QWebSocket *socket, QObject *parent)
        : QObject(parent)
        , m_socket(socket)
        , m_frame(NoLagBench::sampleMessageFrame())
        , m_remaining(framesWanted(socket))
    {
        // Server frames are not masked: a 2-byte header, 4 with a 16-bit length.
        m_bytesPerFrame = m_frame.size() + (m_frame.size() < 126 ? 2 : 4);
        connect(socket, &QWebSocket::binaryMessageReceived, this, &Blaster::onFrame);
        connect(socket, &QWebSocket::bytesWritten, this, [this](qint64 written) {
            m_queued -= written;
            fill();
        });
    }

private:
    void onFrame(const QByteArray &frame)
    {
        if (frame.isEmpty()) {
            m_socket->sendBinaryMessage(QByteArray()); // heartbeat echo
            return;
        }
        Envelope envelope;
        if (envelope.parse(frame) != Envelope::Status::Ok) {
            return;
        }
        switch (envelope.type()) {
        case FrameType::Auth:
            m_socket->sendBinaryMessage(authReply());
            break;
        case FrameType::Subscribe:
            m_socket->sendBinaryMessage(reply("subscribed", "topic", NoLagBench::SampleTopic));
            m_blasting = true;
            fill();
            break;
        default:
            break; // acknowledgements are read and dropped
        }
    }

    void fill()
    {
        while (m_blasting && m_remaining > 0 && m_queued < BlastQueueBytes) {
            m_socket->sendBinaryMessage(m_frame);
            m_queued += m_bytesPerFrame;
            --m_remaining;
        }
    }

    QWebSocket *m_socket;
    QByteArray m_frame;
    qint64 m_remaining;
    qint64 m_bytesPerFrame = 0;
    qint64 m_queued = 0;
    bool m_blasting = false;
};

// --- counting ------------------------------------------------------------------------------

class Counter : public QObject
{
public:
    explicit Counter(QObject *parent)
        : QObject(parent)
    { }

    void addObserver(QWebSocket *socket)
    {
        m_observers.append(socket);
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_observers.removeOne(socket);
            socket->deleteLater();
        });
    }

    void addPublisher(QWebSocket *socket)
    {
        // A new publisher starts a new run.
        m_count = 0;
        m_wanted = framesWanted(socket);
        const bool answer = QUrlQuery(socket->requestUrl()).queryItemValue(u"ack"_s) == u"1";
        connect(
            socket, &QWebSocket::binaryMessageReceived, this,
            [this, socket, answer](const QByteArray &frame) { onFrame(socket, frame, answer); });
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    void onFrame(QWebSocket *socket, const QByteArray &frame, bool answer)
    {
        if (frame.isEmpty()) {
            socket->sendBinaryMessage(QByteArray());
            return;
        }
        // Only the type is looked at, and only as much as telling publishes apart needs.
        Envelope envelope;
        if (envelope.parse(frame) != Envelope::Status::Ok) {
            return;
        }
        if (envelope.type() == FrameType::Auth) {
            socket->sendBinaryMessage(authReply());
            return;
        }
        if (envelope.type() != FrameType::Publish) {
            return;
        }
        if (answer) {
            QByteArrayView msgRef;
            if (envelope.bytes("msgRef", &msgRef)) {
                socket->sendBinaryMessage(reply("published", "msgRef", msgRef));
            }
        }
        ++m_count;
        if (m_count % ProgressEvery == 0 || m_count == m_wanted) {
            const QByteArray progress = QByteArray::number(m_count);
            for (QWebSocket *observer : std::as_const(m_observers)) {
                observer->sendBinaryMessage(progress);
            }
        }
    }

    QList<QWebSocket *> m_observers;
    qint64 m_count = 0;
    qint64 m_wanted = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The server side of nolag-bench-client: blasts message frames or counts publishes."_s);
    parser.addHelpOption();
    const QCommandLineOption blast(u"blast"_s, u"Send message frames to subscribers."_s);
    const QCommandLineOption count(u"count"_s, u"Count the publish frames of publishers."_s);
    parser.addOptions({blast, count});
    parser.process(app);
    if (parser.isSet(blast) == parser.isSet(count)) {
        std::fprintf(stderr, "Say either --blast or --count.\n");
        return 2;
    }

    QWebSocketServer server(u"nolag-bench-client-peer"_s, QWebSocketServer::NonSecureMode);
    server.setMaxPendingConnections(1000);
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        std::fprintf(stderr, "Cannot listen on 127.0.0.1: %s\n", qPrintable(server.errorString()));
        return 1;
    }

    Counter counter(&app);
    const bool blasting = parser.isSet(blast);
    QObject::connect(&server, &QWebSocketServer::newConnection, &app, [&] {
        while (QWebSocket *socket = server.nextPendingConnection()) {
            socket->setParent(&app);
            if (blasting) {
                QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
                new Blaster(socket, socket);
            } else if (socket->requestUrl().path() == u"/observe") {
                counter.addObserver(socket);
            } else {
                counter.addPublisher(socket);
            }
        }
    });

    std::printf("Listening on http://127.0.0.1:%u\n", unsigned(server.serverPort()));
    std::fflush(stdout);
    return app.exec();
}
