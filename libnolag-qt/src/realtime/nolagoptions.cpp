// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include <NoLagQt/nolagemitoptions.h>
#include <NoLagQt/nolagoptions.h>
#include <NoLagQt/nolagsubscribeoptions.h>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Defaults of the official SDKs (wire protocol §21.1), except maxReconnectDelay, connect and
// operation timeouts and the frame size, which the SDKs hard-code.
class NoLagOptionsData : public QSharedData
{
public:
    QUrl url{u"wss://broker.nolag.app/ws"_s};
    bool reconnect = true;
    std::chrono::milliseconds reconnectInterval = 5000ms;
    std::chrono::milliseconds maxReconnectDelay = 30000ms;
    int maxReconnectAttempts = 10;
    std::chrono::milliseconds heartbeatInterval = 30000ms;
    bool disconnectOnHidden = false;
    bool debug = false;
    NoLag::QoS qos = NoLag::QoS::AtLeastOnce;
    bool loadBalance = false;
    QString loadBalanceGroup;
    QString actorTokenId;
    int protocolVersion = 2;
    QString projectId;
    bool autoAcknowledge = true;
    std::chrono::milliseconds ackBatchInterval = 0ms;
    std::chrono::milliseconds connectTimeout = 10000ms;
    std::chrono::milliseconds operationTimeout = 10000ms;
    qint64 maxFrameSize = 1048576;
};

NoLagOptions::NoLagOptions()
    : d(new NoLagOptionsData)
{ }

NoLagOptions::NoLagOptions(const QUrl &url)
    : d(new NoLagOptionsData)
{
    d->url = url;
}

NoLagOptions::NoLagOptions(const NoLagOptions &other) = default;
NoLagOptions &NoLagOptions::operator=(const NoLagOptions &other) = default;
NoLagOptions::~NoLagOptions() = default;

QUrl NoLagOptions::url() const
{
    return d->url;
}

void NoLagOptions::setUrl(const QUrl &url)
{
    d->url = url;
}

bool NoLagOptions::isReconnectEnabled() const
{
    return d->reconnect;
}

void NoLagOptions::setReconnectEnabled(bool enabled)
{
    d->reconnect = enabled;
}

NoLagOptions::milliseconds NoLagOptions::reconnectInterval() const
{
    return d->reconnectInterval;
}

void NoLagOptions::setReconnectInterval(milliseconds interval)
{
    d->reconnectInterval = std::max(interval, 0ms);
}

NoLagOptions::milliseconds NoLagOptions::maxReconnectDelay() const
{
    return d->maxReconnectDelay;
}

void NoLagOptions::setMaxReconnectDelay(milliseconds delay)
{
    d->maxReconnectDelay = std::max(delay, 0ms);
}

int NoLagOptions::maxReconnectAttempts() const
{
    return d->maxReconnectAttempts;
}

void NoLagOptions::setMaxReconnectAttempts(int attempts)
{
    d->maxReconnectAttempts = std::max(attempts, 0);
}

NoLagOptions::milliseconds NoLagOptions::heartbeatInterval() const
{
    return d->heartbeatInterval;
}

void NoLagOptions::setHeartbeatInterval(milliseconds interval)
{
    d->heartbeatInterval = std::max(interval, 0ms);
}

bool NoLagOptions::disconnectOnHidden() const
{
    return d->disconnectOnHidden;
}

void NoLagOptions::setDisconnectOnHidden(bool enabled)
{
    d->disconnectOnHidden = enabled;
}

bool NoLagOptions::isDebugEnabled() const
{
    return d->debug;
}

void NoLagOptions::setDebugEnabled(bool enabled)
{
    d->debug = enabled;
}

NoLag::QoS NoLagOptions::qos() const
{
    return d->qos;
}

void NoLagOptions::setQos(NoLag::QoS qos)
{
    d->qos = qos;
}

bool NoLagOptions::isLoadBalanced() const
{
    return d->loadBalance;
}

void NoLagOptions::setLoadBalanced(bool enabled)
{
    d->loadBalance = enabled;
}

QString NoLagOptions::loadBalanceGroup() const
{
    return d->loadBalanceGroup;
}

void NoLagOptions::setLoadBalanceGroup(const QString &group)
{
    d->loadBalanceGroup = group;
}

QString NoLagOptions::actorTokenId() const
{
    return d->actorTokenId;
}

void NoLagOptions::setActorTokenId(const QString &id)
{
    d->actorTokenId = id;
}

int NoLagOptions::protocolVersion() const
{
    return d->protocolVersion;
}

void NoLagOptions::setProtocolVersion(int version)
{
    d->protocolVersion = std::clamp(version, 1, 2);
}

QString NoLagOptions::projectId() const
{
    return d->projectId;
}

void NoLagOptions::setProjectId(const QString &projectId)
{
    d->projectId = projectId;
}

bool NoLagOptions::autoAcknowledge() const
{
    return d->autoAcknowledge;
}

void NoLagOptions::setAutoAcknowledge(bool enabled)
{
    d->autoAcknowledge = enabled;
}

NoLagOptions::milliseconds NoLagOptions::ackBatchInterval() const
{
    return d->ackBatchInterval;
}

void NoLagOptions::setAckBatchInterval(milliseconds interval)
{
    d->ackBatchInterval = std::max(interval, 0ms);
}

NoLagOptions::milliseconds NoLagOptions::connectTimeout() const
{
    return d->connectTimeout;
}

void NoLagOptions::setConnectTimeout(milliseconds timeout)
{
    d->connectTimeout = std::max(timeout, 0ms);
}

NoLagOptions::milliseconds NoLagOptions::operationTimeout() const
{
    return d->operationTimeout;
}

void NoLagOptions::setOperationTimeout(milliseconds timeout)
{
    d->operationTimeout = std::max(timeout, 1ms);
}

qint64 NoLagOptions::maxFrameSize() const
{
    return d->maxFrameSize;
}

void NoLagOptions::setMaxFrameSize(qint64 bytes)
{
    d->maxFrameSize = std::max<qint64>(bytes, 0);
}

class NoLagSubscribeOptionsData : public QSharedData
{
public:
    NoLag::QoS qos = NoLag::QoS::AtLeastOnce;
    bool loadBalance = false;
    QString loadBalanceGroup;
    QVariantList filters;
};

NoLagSubscribeOptions::NoLagSubscribeOptions()
    : d(new NoLagSubscribeOptionsData)
{ }

NoLagSubscribeOptions::NoLagSubscribeOptions(const QVariantList &filters)
    : d(new NoLagSubscribeOptionsData)
{
    d->filters = filters;
}

NoLagSubscribeOptions::NoLagSubscribeOptions(const NoLagSubscribeOptions &other) = default;
NoLagSubscribeOptions &
NoLagSubscribeOptions::operator=(const NoLagSubscribeOptions &other) = default;
NoLagSubscribeOptions::~NoLagSubscribeOptions() = default;

NoLag::QoS NoLagSubscribeOptions::qos() const
{
    return d->qos;
}

void NoLagSubscribeOptions::setQos(NoLag::QoS qos)
{
    d->qos = qos;
}

bool NoLagSubscribeOptions::isLoadBalanced() const
{
    return d->loadBalance;
}

void NoLagSubscribeOptions::setLoadBalanced(bool enabled)
{
    d->loadBalance = enabled;
}

QString NoLagSubscribeOptions::loadBalanceGroup() const
{
    return d->loadBalanceGroup;
}

void NoLagSubscribeOptions::setLoadBalanceGroup(const QString &group)
{
    d->loadBalanceGroup = group;
}

QVariantList NoLagSubscribeOptions::filters() const
{
    return d->filters;
}

void NoLagSubscribeOptions::setFilters(const QVariantList &filters)
{
    d->filters = filters;
}

class NoLagEmitOptionsData : public QSharedData
{
public:
    NoLag::QoS qos = NoLag::QoS::AtLeastOnce;
    bool retain = false;
    bool echo = true;
    bool acknowledged = true;
    QString filter;
    QStringList filters;
};

NoLagEmitOptions::NoLagEmitOptions()
    : d(new NoLagEmitOptionsData)
{ }
NoLagEmitOptions::NoLagEmitOptions(const NoLagEmitOptions &other) = default;
NoLagEmitOptions &NoLagEmitOptions::operator=(const NoLagEmitOptions &other) = default;
NoLagEmitOptions::~NoLagEmitOptions() = default;

NoLag::QoS NoLagEmitOptions::qos() const
{
    return d->qos;
}

void NoLagEmitOptions::setQos(NoLag::QoS qos)
{
    d->qos = qos;
}

bool NoLagEmitOptions::retain() const
{
    return d->retain;
}

void NoLagEmitOptions::setRetain(bool retain)
{
    d->retain = retain;
}

bool NoLagEmitOptions::echo() const
{
    return d->echo;
}

void NoLagEmitOptions::setEcho(bool echo)
{
    d->echo = echo;
}

QString NoLagEmitOptions::filter() const
{
    return d->filter;
}

void NoLagEmitOptions::setFilter(const QString &filter)
{
    d->filter = filter;
}

QStringList NoLagEmitOptions::filters() const
{
    return d->filters;
}

void NoLagEmitOptions::setFilters(const QStringList &filters)
{
    d->filters = filters;
}

bool NoLagEmitOptions::isAcknowledged() const
{
    return d->acknowledged;
}

void NoLagEmitOptions::setAcknowledged(bool acknowledged)
{
    d->acknowledged = acknowledged;
}
