// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QUrl>
#include <QtCore/QVariantMap>
#include <QtWebSockets/QWebSocket>

namespace NoLagTest {

/*!
    A bare WebSocket peer for protocol tests: sends MessagePack frames built from QVariantMaps
    (or raw bytes, text, heartbeats) and queues every frame the server sends, decoded, so a
    test can wait for the next frame of a given type and check what else arrived.
*/
class RawConnection : public QObject
{
    Q_OBJECT

public:
    struct Frame
    {
        QByteArray raw;   // the binary payload exactly as received
        QVariantMap map;  // decoded, when raw is a MessagePack map
        bool isText = false;
        bool isHeartbeat() const { return raw.isEmpty() && !isText; }
        QString type() const { return map.value(QStringLiteral("type")).toString(); }
    };

    explicit RawConnection(QObject *parent = nullptr);
    ~RawConnection() override;

    bool open(const QUrl &url, int timeoutMs = 5000);
    void close();
    bool isOpen() const;

    void sendFrame(const QVariantMap &frame);
    void sendBytes(const QByteArray &bytes);
    void sendText(const QString &text);
    void sendHeartbeat() { sendBytes(QByteArray()); }

    /*!
        Sends auth and waits for the reply; returns the reply (empty map on timeout).
        \a protocolVersion < 0 leaves the field out.
    */
    QVariantMap authenticate(const QString &token, int protocolVersion = 2,
                             bool reconnect = false, int timeoutMs = 5000);

    /*!
        Waits for the first queued or incoming frame whose type is \a type, removes it from
        the queue and returns it. Frames of other types stay queued. Returns an empty map on
        timeout.
    */
    QVariantMap waitForFrame(const QString &type, int timeoutMs = 5000);
    Frame waitForAnyFrame(int timeoutMs = 5000, bool *ok = nullptr);

    /*! Waits \a ms and returns true if no frame arrived in that time (queue is ignored). */
    bool staysQuiet(int ms = 300);

    QList<Frame> &queue() { return m_queue; }
    void clearQueue() { m_queue.clear(); }
    /*! Frames of \a type currently queued. */
    QList<QVariantMap> queued(const QString &type) const;

    bool waitForClosed(int timeoutMs = 5000);
    int closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }
    QWebSocket *socket() { return &m_socket; }

private:
    void onBinary(const QByteArray &bytes);
    void onText(const QString &text);

    QWebSocket m_socket;
    QList<Frame> m_queue;
    int m_received = 0;
    int m_closeCode = -1;
    QString m_closeReason;
    bool m_closed = false;
};

} // namespace NoLagTest
