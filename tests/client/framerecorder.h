// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QUrl>
#include <QtCore/QVariantMap>
#include <QtWebSockets/QWebSocketServer>

class QWebSocket;

/*!
    A WebSocket peer on 127.0.0.1 that records every frame a client sends, byte for byte.

    It answers only what a client needs to get going (the auth reply, heartbeat echoes), and
    can push frames to the client, close or go silent. It is a recorder for checks of what the
    client sends and of its timers; everything about the server's behaviour is tested
    against the real nolag-local.
*/
class FrameRecorder : public QObject
{
    Q_OBJECT

public:
    struct Frame
    {
        QByteArray bytes;
        bool isText = false;
        int connection = 0; // 1 for the first connection, 2 for the next, ...
        QVariantMap map; // decoded when bytes hold a MessagePack map
        QString type() const { return map.value(QStringLiteral("type")).toString(); }
        bool isHeartbeat() const { return bytes.isEmpty() && !isText; }
    };

    explicit FrameRecorder(QObject *parent = nullptr);
    ~FrameRecorder() override;

    bool listen();
    void stopListening();
    QUrl url() const;

    /*! The reply to auth; an empty map means no reply at all. Default: success, protocol 2. */
    void setAuthReply(const QVariantMap &reply) { m_authReply = reply; }
    static QVariantMap successfulAuth(int protocolVersion = 2);
    void setEchoHeartbeats(bool echo) { m_echoHeartbeats = echo; }

    const QList<Frame> &frames() const { return m_frames; }
    QList<Frame> framesOfType(const QString &type) const;
    int heartbeatCount() const;
    int textFrameCount() const;
    int connectionCount() const { return m_connectionCount; }
    void clear() { m_frames.clear(); }

    /*! Sends \a frame (encoded as MessagePack) to the latest connection. */
    void send(const QVariantMap &frame);
    /*! Closes the latest connection with \a code. */
    void closeConnection(int code = 1001, const QString &reason = QString());
    QPointer<QWebSocket> latestConnection() const { return m_latest; }

    int lastCloseCode() const { return m_lastCloseCode; }
    QString lastCloseReason() const { return m_lastCloseReason; }

Q_SIGNALS:
    void frameReceived();
    void clientDisconnected();

private:
    void onNewConnection();
    void record(QWebSocket *socket, int connection, const QByteArray &bytes, bool isText);

    QWebSocketServer m_server;
    QList<Frame> m_frames;
    QVariantMap m_authReply;
    bool m_echoHeartbeats = true;
    int m_connectionCount = 0;
    QPointer<QWebSocket> m_latest;
    quint16 m_port = 0;
    int m_lastCloseCode = -1;
    QString m_lastCloseReason;
};
