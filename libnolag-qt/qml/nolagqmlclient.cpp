// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "nolagqmlclient.h"

#include <QtCore/QLoggingCategory>
#include <QtQml/QJSEngine>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcNoLagQml, "nolag.client.qml", QtInfoMsg)

namespace {

std::chrono::milliseconds ms(int value)
{
    return std::chrono::milliseconds(std::max(value, 0));
}

} // namespace

NoLagQmlClient::NoLagQmlClient(QObject *parent)
    : QObject(parent)
    , m_client(new NoLagClient(this))
{
    connect(m_client, &NoLagClient::tokenChanged, this, &NoLagQmlClient::tokenChanged);
    connect(m_client, &NoLagClient::statusChanged, this, &NoLagQmlClient::statusChanged);
    connect(m_client, &NoLagClient::identityChanged, this, &NoLagQmlClient::identityChanged);
    connect(m_client, &NoLagClient::errorOccurred, this, &NoLagQmlClient::errorOccurred);
    connect(m_client, &NoLagClient::connected, this, &NoLagQmlClient::connected);
    connect(m_client, &NoLagClient::disconnected, this, &NoLagQmlClient::disconnected);
    connect(m_client, &NoLagClient::reconnected, this, &NoLagQmlClient::reconnected);
    connect(m_client, &NoLagClient::messageReceived, this, &NoLagQmlClient::messageReceived);
    connect(m_client, &NoLagClient::presenceJoined, this, &NoLagQmlClient::presenceJoined);
    connect(m_client, &NoLagClient::presenceUpdated, this, &NoLagQmlClient::presenceUpdated);
    connect(m_client, &NoLagClient::presenceLeft, this, &NoLagQmlClient::presenceLeft);
    connect(m_client, &NoLagClient::presenceRefreshed, this, &NoLagQmlClient::presenceRefreshed);
    connect(m_client, &NoLagClient::replayStarted, this, &NoLagQmlClient::replayStarted);
    connect(m_client, &NoLagClient::replayFinished, this, &NoLagQmlClient::replayFinished);
}

NoLagQmlClient::~NoLagQmlClient() = default;

void NoLagQmlClient::componentComplete()
{
    m_complete = true;
    if (m_active) {
        m_client->connectToServer();
    }
}

QString NoLagQmlClient::token() const
{
    return m_client->token();
}

void NoLagQmlClient::setToken(const QString &token)
{
    m_client->setToken(token);
}

void NoLagQmlClient::setActive(bool active)
{
    if (m_active == active) {
        return;
    }
    m_active = active;
    // Before the component is complete the other properties may not be set yet.
    if (m_complete) {
        if (active) {
            m_client->connectToServer();
        } else {
            m_client->disconnectFromServer();
        }
    }
    Q_EMIT activeChanged();
}

void NoLagQmlClient::applyOptions(const NoLagOptions &options)
{
    m_client->setOptions(options);
    Q_EMIT optionsChanged();
}

QUrl NoLagQmlClient::url() const
{
    return m_client->options().url();
}

void NoLagQmlClient::setUrl(const QUrl &url)
{
    NoLagOptions options = m_client->options();
    if (options.url() != url) {
        options.setUrl(url);
        applyOptions(options);
    }
}

bool NoLagQmlClient::reconnect() const
{
    return m_client->options().isReconnectEnabled();
}

void NoLagQmlClient::setReconnect(bool enabled)
{
    NoLagOptions options = m_client->options();
    if (options.isReconnectEnabled() != enabled) {
        options.setReconnectEnabled(enabled);
        applyOptions(options);
    }
}

int NoLagQmlClient::reconnectInterval() const
{
    return int(m_client->options().reconnectInterval().count());
}

void NoLagQmlClient::setReconnectInterval(int value)
{
    NoLagOptions options = m_client->options();
    if (options.reconnectInterval() != ms(value)) {
        options.setReconnectInterval(ms(value));
        applyOptions(options);
    }
}

int NoLagQmlClient::maxReconnectAttempts() const
{
    return m_client->options().maxReconnectAttempts();
}

void NoLagQmlClient::setMaxReconnectAttempts(int attempts)
{
    NoLagOptions options = m_client->options();
    if (options.maxReconnectAttempts() != attempts) {
        options.setMaxReconnectAttempts(attempts);
        applyOptions(options);
    }
}

int NoLagQmlClient::heartbeatInterval() const
{
    return int(m_client->options().heartbeatInterval().count());
}

void NoLagQmlClient::setHeartbeatInterval(int value)
{
    NoLagOptions options = m_client->options();
    if (options.heartbeatInterval() != ms(value)) {
        options.setHeartbeatInterval(ms(value));
        applyOptions(options);
    }
}

bool NoLagQmlClient::disconnectOnHidden() const
{
    return m_client->options().disconnectOnHidden();
}

void NoLagQmlClient::setDisconnectOnHidden(bool enabled)
{
    NoLagOptions options = m_client->options();
    if (options.disconnectOnHidden() != enabled) {
        options.setDisconnectOnHidden(enabled);
        applyOptions(options);
    }
}

bool NoLagQmlClient::debug() const
{
    return m_client->options().isDebugEnabled();
}

void NoLagQmlClient::setDebug(bool enabled)
{
    NoLagOptions options = m_client->options();
    if (options.isDebugEnabled() != enabled) {
        options.setDebugEnabled(enabled);
        applyOptions(options);
    }
}

NoLag::QoS NoLagQmlClient::qos() const
{
    return m_client->options().qos();
}

void NoLagQmlClient::setQos(NoLag::QoS qos)
{
    NoLagOptions options = m_client->options();
    if (options.qos() != qos) {
        options.setQos(qos);
        applyOptions(options);
    }
}

bool NoLagQmlClient::loadBalance() const
{
    return m_client->options().isLoadBalanced();
}

void NoLagQmlClient::setLoadBalance(bool enabled)
{
    NoLagOptions options = m_client->options();
    if (options.isLoadBalanced() != enabled) {
        options.setLoadBalanced(enabled);
        applyOptions(options);
    }
}

QString NoLagQmlClient::loadBalanceGroup() const
{
    return m_client->options().loadBalanceGroup();
}

void NoLagQmlClient::setLoadBalanceGroup(const QString &group)
{
    NoLagOptions options = m_client->options();
    if (options.loadBalanceGroup() != group) {
        options.setLoadBalanceGroup(group);
        applyOptions(options);
    }
}

int NoLagQmlClient::requestedProtocolVersion() const
{
    return m_client->options().protocolVersion();
}

void NoLagQmlClient::setRequestedProtocolVersion(int version)
{
    NoLagOptions options = m_client->options();
    if (options.protocolVersion() != version) {
        options.setProtocolVersion(version);
        applyOptions(options);
    }
}

int NoLagQmlClient::ackBatchInterval() const
{
    return int(m_client->options().ackBatchInterval().count());
}

void NoLagQmlClient::setAckBatchInterval(int value)
{
    NoLagOptions options = m_client->options();
    if (options.ackBatchInterval() != ms(value)) {
        options.setAckBatchInterval(ms(value));
        applyOptions(options);
    }
}

int NoLagQmlClient::operationTimeout() const
{
    return int(m_client->options().operationTimeout().count());
}

void NoLagQmlClient::setOperationTimeout(int value)
{
    NoLagOptions options = m_client->options();
    if (options.operationTimeout() != ms(value)) {
        options.setOperationTimeout(ms(value));
        applyOptions(options);
    }
}

QVariant NoLagQmlClient::toWireValue(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Double: {
        const double number = value.toDouble();
        // 2^53: the largest range in which a double holds every whole number exactly.
        if (std::isfinite(number) && std::trunc(number) == number &&
            std::fabs(number) <= 9007199254740992.0) {
            return QVariant(qint64(number));
        }
        return value;
    }
    case QMetaType::QVariantMap: {
        QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it) {
            it.value() = toWireValue(it.value());
        }
        return map;
    }
    case QMetaType::QVariantList: {
        QVariantList list = value.toList();
        for (QVariant &item : list) {
            item = toWireValue(item);
        }
        return list;
    }
    default:
        if (value.metaType() == QMetaType::fromType<QJSValue>()) {
            return toWireValue(value.value<QJSValue>().toVariant());
        }
        return value;
    }
}

QVariantList NoLagQmlClient::filtersFrom(const QJSValue &value)
{
    return toWireValue(value.toVariant()).toList();
}

void NoLagQmlClient::connectToServer(const QJSValue &callback)
{
    settle(m_client->connectToServer(), callback);
}

void NoLagQmlClient::disconnectFromServer()
{
    m_client->disconnectFromServer();
}

NoLagSubscription *NoLagQmlClient::subscribe(const QString &topic, const QJSValue &options)
{
    if (!options.isObject()) {
        return m_client->subscribe(topic);
    }
    NoLagSubscribeOptions subscribeOptions;
    subscribeOptions.setQos(m_client->options().qos());
    subscribeOptions.setLoadBalanced(m_client->options().isLoadBalanced());
    subscribeOptions.setLoadBalanceGroup(m_client->options().loadBalanceGroup());
    if (options.hasProperty(u"qos"_s)) {
        subscribeOptions.setQos(NoLag::QoS(options.property(u"qos"_s).toInt()));
    }
    if (options.hasProperty(u"loadBalance"_s)) {
        subscribeOptions.setLoadBalanced(options.property(u"loadBalance"_s).toBool());
    }
    if (options.hasProperty(u"loadBalanceGroup"_s)) {
        subscribeOptions.setLoadBalanceGroup(options.property(u"loadBalanceGroup"_s).toString());
    }
    if (options.hasProperty(u"filters"_s)) {
        subscribeOptions.setFilters(filtersFrom(options.property(u"filters"_s)));
    }
    return m_client->subscribe(topic, subscribeOptions);
}

void NoLagQmlClient::unsubscribe(const QString &topic, const QJSValue &callback)
{
    settle(m_client->unsubscribe(topic), callback);
}

void NoLagQmlClient::publish(const QString &topic, const QJSValue &data, const QJSValue &options,
                             const QJSValue &callback)
{
    NoLagEmitOptions emitOptions;
    emitOptions.setQos(m_client->options().qos());
    if (options.isObject()) {
        if (options.hasProperty(u"qos"_s)) {
            emitOptions.setQos(NoLag::QoS(options.property(u"qos"_s).toInt()));
        }
        if (options.hasProperty(u"retain"_s)) {
            emitOptions.setRetain(options.property(u"retain"_s).toBool());
        }
        if (options.hasProperty(u"echo"_s)) {
            emitOptions.setEcho(options.property(u"echo"_s).toBool());
        }
        if (options.hasProperty(u"filter"_s)) {
            emitOptions.setFilter(options.property(u"filter"_s).toString());
        }
        if (options.hasProperty(u"filters"_s)) {
            emitOptions.setFilters(options.property(u"filters"_s).toVariant().toStringList());
        }
    }
    // Without a callback nobody waits for the server's confirmation; errors still reach
    // errorOccurred.
    emitOptions.setAcknowledged(callback.isCallable());
    settle(m_client->publish(topic, toWireValue(data.toVariant()), emitOptions), callback);
}

void NoLagQmlClient::setFilters(const QString &topic, const QJSValue &filters,
                                const QJSValue &callback)
{
    settle(m_client->setFilters(topic, filtersFrom(filters)), callback);
}

void NoLagQmlClient::addFilters(const QString &topic, const QJSValue &filters,
                                const QJSValue &callback)
{
    settle(m_client->addFilters(topic, filtersFrom(filters)), callback);
}

void NoLagQmlClient::removeFilters(const QString &topic, const QJSValue &filters,
                                   const QJSValue &callback)
{
    settle(m_client->removeFilters(topic, filtersFrom(filters)), callback);
}

void NoLagQmlClient::setPresence(const QJSValue &data, const QString &roomId)
{
    m_client->setPresence(toWireValue(data.toVariant()).toMap(), roomId);
}

void NoLagQmlClient::clearPresence()
{
    m_client->clearPresence();
}

void NoLagQmlClient::fetchPresence(const QString &roomId, const QJSValue &callback)
{
    QFuture<QList<NoLagActorPresence>> future = m_client->fetchPresence(roomId);
    if (!callback.isCallable()) {
        return;
    }
    future
        .then(this,
              [this, callback](const QList<NoLagActorPresence> &actors) {
                  QVariantList list;
                  for (const NoLagActorPresence &actor : actors) {
                      list.append(actor.toMap());
                  }
                  QJSEngine *engine = qjsEngine(this);
                  callBack(callback,
                           {QJSValue(QJSValue::NullValue),
                            engine ? engine->toScriptValue(list) : QJSValue()});
              })
        .onFailed(this, [this, callback](const NoLagError &error) {
            callBack(callback, {errorValue(error)});
        });
}

NoLagActorPresence NoLagQmlClient::presence(const QString &actorTokenId) const
{
    return m_client->presence(actorTokenId);
}

void NoLagQmlClient::settle(const QFuture<void> &future, const QJSValue &callback)
{
    if (!callback.isCallable()) {
        return;
    }
    QFuture<void> watched = future;
    watched.then(this, [this, callback] { callBack(callback, {QJSValue(QJSValue::NullValue)}); })
        .onFailed(this, [this, callback](const NoLagError &error) {
            callBack(callback, {errorValue(error)});
        });
}

void NoLagQmlClient::callBack(QJSValue callback, const QJSValueList &arguments)
{
    const QJSValue result = callback.call(arguments);
    if (result.isError()) {
        qCWarning(lcNoLagQml, "A NoLagClient callback threw: %s",
                  qUtf8Printable(result.toString()));
    }
}

QJSValue NoLagQmlClient::errorValue(const NoLagError &error)
{
    QJSEngine *engine = qjsEngine(this);
    if (!engine) {
        return QJSValue(error.errorString());
    }
    QJSValue value = engine->newObject();
    value.setProperty(u"error"_s, int(error.error()));
    value.setProperty(u"code"_s, error.code());
    value.setProperty(u"serverError"_s, error.serverError());
    value.setProperty(u"topic"_s, error.topic());
    value.setProperty(u"message"_s, error.errorString());
    return value;
}
