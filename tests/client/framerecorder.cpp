// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "framerecorder.h"

#include <nolagcodec/variantcodec.h>

#include <QtWebSockets/QWebSocket>

using namespace Qt::StringLiterals;

FrameRecorder::FrameRecorder(QObject *parent)
    : QObject(parent)
    , m_server(u"frame recorder"_s, QWebSocketServer::NonSecureMode)
{
    m_authReply = successfulAuth();
    connect(&m_server, &QWebSocketServer::newConnection, this, &FrameRecorder::onNewConnection);
}

FrameRecorder::~FrameRecorder()
{
    // The connections are children and would otherwise report their end to members that
    // are already gone.
    const QList<QWebSocket *> sockets = findChildren<QWebSocket *>();
    for (QWebSocket *socket : sockets) {
        socket->disconnect(this);
        delete socket;
    }
    m_server.close();
}

QVariantMap FrameRecorder::successfulAuth(int protocolVersion)
{
    return {{u"type"_s, u"auth"_s},
            {u"success"_s, true},
            {u"actorTokenId"_s, u"actor-1"_s},
            {u"projectId"_s, u"proj-1"_s},
            {u"actorType"_s, u"user"_s},
            {u"protocolVersion"_s, protocolVersion},
            {u"restoredSubscriptions"_s, QVariantList()}};
}

bool FrameRecorder::listen()
{
    // The first listen lets the OS pick a port; later ones take the same port back so that
    // a client can reconnect to the same URL.
    if (!m_server.listen(QHostAddress::LocalHost, m_port)) {
        return false;
    }
    m_port = m_server.serverPort();
    return true;
}

void FrameRecorder::stopListening()
{
    m_server.close();
}

QUrl FrameRecorder::url() const
{
    return QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(m_port));
}

QList<FrameRecorder::Frame> FrameRecorder::framesOfType(const QString &type) const
{
    QList<Frame> result;
    for (const Frame &frame : m_frames) {
        if (!frame.isText && frame.type() == type) {
            result.append(frame);
        }
    }
    return result;
}

int FrameRecorder::heartbeatCount() const
{
    return int(std::count_if(m_frames.begin(), m_frames.end(),
                             [](const Frame &frame) { return frame.isHeartbeat(); }));
}

int FrameRecorder::textFrameCount() const
{
    return int(std::count_if(m_frames.begin(), m_frames.end(),
                             [](const Frame &frame) { return frame.isText; }));
}

void FrameRecorder::send(const QVariantMap &frame)
{
    bool ok = false;
    const QByteArray bytes = NoLag::Codec::encodeVariant(QVariant(frame), &ok);
    if (m_latest && ok) {
        m_latest->sendBinaryMessage(bytes);
    }
}

void FrameRecorder::closeConnection(int code, const QString &reason)
{
    if (m_latest) {
        m_latest->close(QWebSocketProtocol::CloseCode(code), reason);
    }
}

void FrameRecorder::onNewConnection()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        const int connection = ++m_connectionCount;
        m_latest = socket;
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, socket, connection](const QByteArray &bytes) {
                    record(socket, connection, bytes, false);
                });
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket, connection](const QString &text) {
                    record(socket, connection, text.toUtf8(), true);
                });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_lastCloseCode = socket->closeCode();
            m_lastCloseReason = socket->closeReason();
            socket->deleteLater();
            Q_EMIT clientDisconnected();
        });
    }
}

void FrameRecorder::record(QWebSocket *socket, int connection, const QByteArray &bytes, bool isText)
{
    Frame frame;
    frame.bytes = bytes;
    frame.isText = isText;
    frame.connection = connection;
    if (!isText && !bytes.isEmpty()) {
        frame.map = NoLag::Codec::decodeVariant(bytes).toMap();
    }
    m_frames.append(frame);

    if (frame.isHeartbeat() && m_echoHeartbeats) {
        socket->sendBinaryMessage(QByteArray());
    } else if (frame.type() == u"auth" && !m_authReply.isEmpty()) {
        bool ok = false;
        socket->sendBinaryMessage(NoLag::Codec::encodeVariant(QVariant(m_authReply), &ok));
    }
    Q_EMIT frameReceived();
}
