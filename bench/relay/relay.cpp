// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// nolag-bench-relay: the baseline of the end-to-end benchmarks. A QWebSocketServer that
// forwards every binary frame a publisher (a connection to /pub) sends to every subscriber
// (a connection to /sub), or with --round-robin to one subscriber in turn, without decoding
// anything: no authentication, no topics, no acknowledgements, no storage. Frames from
// subscribers are read and dropped. Each subscriber gets a one-byte frame once it is
// registered, so clients know when they may start.
//
// It prints "Listening on http://127.0.0.1:PORT" once it accepts connections.

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtNetwork/QHostAddress>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

class Relay : public QObject
{
public:
    explicit Relay(bool roundRobin)
        : m_roundRobin(roundRobin)
    { }

    void accept(QWebSocket *socket)
    {
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_subscribers.removeOne(socket);
            socket->deleteLater();
        });
        if (socket->requestUrl().path() == u"/sub") {
            m_subscribers.append(socket);
            socket->sendBinaryMessage(QByteArray(1, 'R'));
            return;
        }
        connect(socket, &QWebSocket::binaryMessageReceived, this, &Relay::forward);
    }

private:
    void forward(const QByteArray &frame)
    {
        if (m_subscribers.isEmpty()) {
            return;
        }
        if (m_roundRobin) {
            m_next = (m_next + 1) % m_subscribers.size();
            m_subscribers.at(m_next)->sendBinaryMessage(frame);
            return;
        }
        for (QWebSocket *subscriber : std::as_const(m_subscribers)) {
            subscriber->sendBinaryMessage(frame);
        }
    }

    QList<QWebSocket *> m_subscribers;
    qsizetype m_next = 0;
    bool m_roundRobin;
};

/*!
    Turns Nagle's algorithm off for \a socket, as nolag-local does for its connections, so
    that small frames leave at once. QWebSocket does not expose its TCP socket; the server
    keeps it as a child, and the peer address tells which one it is.
*/
void sendAtOnce(const QWebSocketServer &server, const QWebSocket *socket)
{
    const auto candidates = server.findChildren<QAbstractSocket *>();
    for (QAbstractSocket *tcp : candidates) {
        if (tcp->peerPort() == socket->peerPort() && tcp->peerAddress() == socket->peerAddress()) {
            tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            return;
        }
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Forwards binary frames from /pub connections to /sub connections, nothing else."_s);
    parser.addHelpOption();
    const QCommandLineOption roundRobin(u"round-robin"_s,
                                        u"Send each frame to one subscriber in turn."_s);
    parser.addOption(roundRobin);
    parser.process(app);

    QWebSocketServer server(u"nolag-bench-relay"_s, QWebSocketServer::NonSecureMode);
    server.setMaxPendingConnections(10000);
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        std::fprintf(stderr, "Cannot listen on 127.0.0.1: %s\n", qPrintable(server.errorString()));
        return 1;
    }

    Relay relay(parser.isSet(roundRobin));
    QObject::connect(&server, &QWebSocketServer::newConnection, &relay, [&] {
        while (QWebSocket *socket = server.nextPendingConnection()) {
            sendAtOnce(server, socket);
            relay.accept(socket);
        }
    });

    std::printf("Listening on http://127.0.0.1:%u\n", unsigned(server.serverPort()));
    std::fflush(stdout);
    return app.exec();
}
