// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include <NoLagQt/nolagappcontext.h>
#include <NoLagQt/nolagroomcontext.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QPromise>

using namespace Qt::StringLiterals;

namespace {

// A room whose client is gone cannot reach anyone; its futures fail at once.
template<typename T = void>
QFuture<T> clientGone(const QString &topic = QString())
{
    QPromise<T> promise;
    promise.start();
    promise.setException(NoLagError(
        NoLag::Error::NotConnected,
        QCoreApplication::translate("NoLagRoomContext", "the client no longer exists"), topic));
    promise.finish();
    return promise.future();
}

} // namespace

NoLagRoomContext NoLagAppContext::setRoom(const QString &room) const
{
    return NoLagRoomContext(m_client, m_name, room);
}

NoLagRoomContext::NoLagRoomContext(NoLagClient *client, const QString &app, const QString &room)
    : m_client(client)
    , m_app(app)
    , m_room(room)
{ }

QString NoLagRoomContext::prefix() const
{
    return m_app + u'/' + m_room;
}

QString NoLagRoomContext::topic(const QString &name) const
{
    return prefix() + u'/' + name;
}

NoLagSubscription *NoLagRoomContext::subscribe(const QString &name) const
{
    return m_client ? m_client->subscribe(topic(name)) : nullptr;
}

NoLagSubscription *NoLagRoomContext::subscribe(const QString &name,
                                               const NoLagSubscribeOptions &options) const
{
    return m_client ? m_client->subscribe(topic(name), options) : nullptr;
}

QFuture<void> NoLagRoomContext::unsubscribe(const QString &name) const
{
    return m_client ? m_client->unsubscribe(topic(name)) : clientGone(topic(name));
}

QFuture<void> NoLagRoomContext::publish(const QString &name, const QVariant &data) const
{
    return m_client ? m_client->publish(topic(name), data) : clientGone(topic(name));
}

QFuture<void> NoLagRoomContext::publish(const QString &name, const QVariant &data,
                                        const NoLagEmitOptions &options) const
{
    return m_client ? m_client->publish(topic(name), data, options) : clientGone(topic(name));
}

void NoLagRoomContext::off(const QString &name) const
{
    if (m_client) {
        m_client->off(topic(name));
    }
}

bool NoLagRoomContext::off(const QString &name, const QMetaObject::Connection &handler) const
{
    return m_client && m_client->off(topic(name), handler);
}

QFuture<void> NoLagRoomContext::setFilters(const QString &name, const QVariantList &filters) const
{
    return m_client ? m_client->setFilters(topic(name), filters) : clientGone(topic(name));
}

QFuture<void> NoLagRoomContext::addFilters(const QString &name, const QVariantList &filters) const
{
    return m_client ? m_client->addFilters(topic(name), filters) : clientGone(topic(name));
}

QFuture<void> NoLagRoomContext::removeFilters(const QString &name,
                                              const QVariantList &filters) const
{
    return m_client ? m_client->removeFilters(topic(name), filters) : clientGone(topic(name));
}

void NoLagRoomContext::setPresence(const QVariantMap &data) const
{
    if (m_client) {
        m_client->setPresence(data, m_room);
    }
}

QFuture<QList<NoLagActorPresence>> NoLagRoomContext::fetchPresence() const
{
    return m_client ? m_client->fetchPresence(m_room) : clientGone<QList<NoLagActorPresence>>();
}
