// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagtypes.h>

#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>
#include <QtCore/QVariantList>

class NoLagSubscribeOptionsData;

/*!
    Options of one NoLagClient::subscribe() call: `SubscribeOptions` of the Python SDK.

    Filters narrow what the subscription receives. Each item is either a string (the
    subscription receives publishes whose filter is that string; several strings are
    alternatives) or a list of at least two strings (an AND group: the publish must carry all
    of them, in any order and case). No filters means every message of the topic.
*/
class NOLAGQT_EXPORT NoLagSubscribeOptions
{
    Q_GADGET
    Q_PROPERTY(NoLag::QoS qos READ qos WRITE setQos FINAL)
    Q_PROPERTY(bool loadBalanced READ isLoadBalanced WRITE setLoadBalanced FINAL)
    Q_PROPERTY(QString loadBalanceGroup READ loadBalanceGroup WRITE setLoadBalanceGroup FINAL)
    Q_PROPERTY(QVariantList filters READ filters WRITE setFilters FINAL)

public:
    NoLagSubscribeOptions();
    /*! Options with \a filters and the other values at their defaults. */
    explicit NoLagSubscribeOptions(const QVariantList &filters);
    NoLagSubscribeOptions(const NoLagSubscribeOptions &other);
    NoLagSubscribeOptions &operator=(const NoLagSubscribeOptions &other);
    ~NoLagSubscribeOptions();

    /*! Default AtLeastOnce. */
    NoLag::QoS qos() const;
    void setQos(NoLag::QoS qos);

    /*!
        Share the messages of this topic with the other members of the group: each message
        goes to exactly one member. Default false.
    */
    bool isLoadBalanced() const;
    void setLoadBalanced(bool enabled);

    /*!
        The group of a load-balanced subscription; empty means the server's default group
        (one per actor token). Must not contain `/`, `+` or `#`.
    */
    QString loadBalanceGroup() const;
    void setLoadBalanceGroup(const QString &group);

    /*! Strings and AND groups (lists of strings); see the class description. */
    QVariantList filters() const;
    void setFilters(const QVariantList &filters);

private:
    QSharedDataPointer<NoLagSubscribeOptionsData> d;
};
