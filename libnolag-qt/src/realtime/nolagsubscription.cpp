// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "nolagclient_p.h"

NoLagSubscription::NoLagSubscription(NoLagClient *client, const QString &topic)
    : QObject(client)
    , d_ptr(std::make_unique<NoLagSubscriptionPrivate>())
{
    Q_D(NoLagSubscription);
    d->client = client;
    d->topic = topic;
}

NoLagSubscription::~NoLagSubscription() = default;

NoLagClient *NoLagSubscription::client() const
{
    Q_D(const NoLagSubscription);
    return d->client;
}

QString NoLagSubscription::topic() const
{
    Q_D(const NoLagSubscription);
    return d->topic;
}

NoLagSubscription::State NoLagSubscription::state() const
{
    Q_D(const NoLagSubscription);
    return d->state;
}

QVariantList NoLagSubscription::filters() const
{
    Q_D(const NoLagSubscription);
    return d->filters;
}

NoLag::QoS NoLagSubscription::qos() const
{
    Q_D(const NoLagSubscription);
    return d->options.qos();
}

bool NoLagSubscription::isLoadBalanced() const
{
    Q_D(const NoLagSubscription);
    return d->options.isLoadBalanced();
}

QString NoLagSubscription::loadBalanceGroup() const
{
    Q_D(const NoLagSubscription);
    return d->options.loadBalanceGroup();
}

NoLag::Error NoLagSubscription::error() const
{
    Q_D(const NoLagSubscription);
    return d->error.error();
}

QString NoLagSubscription::errorString() const
{
    Q_D(const NoLagSubscription);
    return d->error.isError() ? d->error.errorString() : QString();
}

NoLagError NoLagSubscription::lastError() const
{
    Q_D(const NoLagSubscription);
    return d->error;
}

QFuture<void> NoLagSubscription::future() const
{
    Q_D(const NoLagSubscription);
    return d->future;
}

QFuture<void> NoLagSubscription::setFilters(const QVariantList &filters)
{
    Q_D(NoLagSubscription);
    return d->client->setFilters(d->topic, filters);
}

QFuture<void> NoLagSubscription::addFilters(const QVariantList &filters)
{
    Q_D(NoLagSubscription);
    return d->client->addFilters(d->topic, filters);
}

QFuture<void> NoLagSubscription::removeFilters(const QVariantList &filters)
{
    Q_D(NoLagSubscription);
    return d->client->removeFilters(d->topic, filters);
}

QFuture<void> NoLagSubscription::unsubscribe()
{
    Q_D(NoLagSubscription);
    return d->client->unsubscribe(d->topic);
}
