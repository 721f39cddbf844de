// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "rawconnection.h"

#include <nolagcodec/variantcodec.h>

#include <QtCore/QDeadlineTimer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace NoLagTest {

RawConnection::RawConnection(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &RawConnection::onBinary);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &RawConnection::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_closed = true;
        m_closeCode = m_socket.closeCode();
        m_closeReason = m_socket.closeReason();
    });
}

RawConnection::~RawConnection()
{
    m_socket.abort();
}

bool RawConnection::open(const QUrl &url, int timeoutMs)
{
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    m_closed = false;
    m_closeCode = -1;
    m_socket.open(url);
    return connected.wait(timeoutMs) || m_socket.state() == QAbstractSocket::ConnectedState;
}

void RawConnection::close()
{
    m_socket.close();
}

bool RawConnection::isOpen() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void RawConnection::sendFrame(const QVariantMap &frame)
{
    bool ok = false;
    const QByteArray bytes = NoLag::Codec::encodeVariant(QVariant(frame), &ok);
    Q_ASSERT(ok);
    m_socket.sendBinaryMessage(bytes);
}

void RawConnection::sendBytes(const QByteArray &bytes)
{
    m_socket.sendBinaryMessage(bytes);
}

void RawConnection::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

QVariantMap RawConnection::authenticate(const QString &token, int protocolVersion, bool reconnect,
                                        int timeoutMs)
{
    QVariantMap auth{{u"type"_s, u"auth"_s}, {u"token"_s, token}};
    if (protocolVersion >= 0) {
        auth.insert(u"protocolVersion"_s, protocolVersion);
    }
    if (reconnect) {
        auth.insert(u"reconnect"_s, true);
    }
    sendFrame(auth);
    return waitForFrame(u"auth"_s, timeoutMs);
}

void RawConnection::onBinary(const QByteArray &bytes)
{
    Frame frame;
    frame.raw = bytes;
    if (!bytes.isEmpty()) {
        frame.map = NoLag::Codec::decodeVariant(bytes).toMap();
    }
    m_queue.append(frame);
    ++m_received;
}

void RawConnection::onText(const QString &text)
{
    Frame frame;
    frame.raw = text.toUtf8();
    frame.isText = true;
    m_queue.append(frame);
    ++m_received;
}

QVariantMap RawConnection::waitForFrame(const QString &type, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        for (qsizetype i = 0; i < m_queue.size(); ++i) {
            if (!m_queue[i].isText && m_queue[i].type() == type) {
                return m_queue.takeAt(i).map;
            }
        }
        if (deadline.hasExpired()) {
            return {};
        }
        QTest::qWait(5);
    }
}

RawConnection::Frame RawConnection::waitForAnyFrame(int timeoutMs, bool *ok)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_queue.isEmpty() && !deadline.hasExpired()) {
        QTest::qWait(5);
    }
    if (ok) {
        *ok = !m_queue.isEmpty();
    }
    return m_queue.isEmpty() ? Frame() : m_queue.takeFirst();
}

bool RawConnection::staysQuiet(int ms)
{
    const int before = m_received;
    QTest::qWait(ms);
    return m_received == before;
}

QList<QVariantMap> RawConnection::queued(const QString &type) const
{
    QList<QVariantMap> result;
    for (const Frame &frame : m_queue) {
        if (frame.type() == type) {
            result.append(frame.map);
        }
    }
    return result;
}

bool RawConnection::waitForClosed(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_closed && !deadline.hasExpired()) {
        QTest::qWait(5);
    }
    return m_closed;
}

} // namespace NoLagTest
