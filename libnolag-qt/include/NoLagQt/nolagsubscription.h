// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagerror.h>
#include <NoLagQt/nolagmessage.h>
#include <NoLagQt/nolagtypes.h>

#include <QtCore/QFuture>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QVariantList>

#include <memory>

class NoLagClient;
class NoLagSubscriptionPrivate;

/*!
    One topic a NoLagClient subscribes to, with its own state and message signal.

    Owned by the client; NoLagClient::subscribe() returns the same object for every call with
    the same topic, and it stays valid as long as the client. After a lost connection it goes
    back to Pending and becomes Active again once the reconnected server has restored it (or
    confirmed it anew).
*/
class NOLAGQT_EXPORT NoLagSubscription : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString topic READ topic CONSTANT FINAL)
    Q_PROPERTY(State state READ state NOTIFY stateChanged FINAL)
    Q_PROPERTY(QVariantList filters READ filters NOTIFY filtersChanged FINAL)
    Q_PROPERTY(NoLag::QoS qos READ qos NOTIFY optionsChanged FINAL)
    Q_PROPERTY(bool loadBalanced READ isLoadBalanced NOTIFY optionsChanged FINAL)
    Q_PROPERTY(QString loadBalanceGroup READ loadBalanceGroup NOTIFY optionsChanged FINAL)
    Q_PROPERTY(NoLag::Error error READ error NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY stateChanged FINAL)

public:
    enum State {
        Unsubscribed, //!< not subscribed (never, or after unsubscribe() or a disconnect)
        Pending, //!< waiting for the server to confirm
        Active, //!< the server confirmed; messages arrive
        Error, //!< the server refused; error() and errorString() say why
    };
    Q_ENUM(State)

    ~NoLagSubscription() override;

    NoLagClient *client() const;
    QString topic() const;
    State state() const;
    bool isActive() const { return state() == Active; }

    /*! The filters last sent for this topic. */
    QVariantList filters() const;
    NoLag::QoS qos() const;
    bool isLoadBalanced() const;
    QString loadBalanceGroup() const;

    NoLag::Error error() const;
    QString errorString() const;
    NoLagError lastError() const;

    /*!
        The outcome of the last subscribe request: finishes when the server confirms, fails
        when it refuses, times out, or when disconnectFromServer() cancels it.
    */
    QFuture<void> future() const;

    /*! NoLagClient::setFilters() and friends for this topic. */
    QFuture<void> setFilters(const QVariantList &filters);
    QFuture<void> addFilters(const QVariantList &filters);
    QFuture<void> removeFilters(const QVariantList &filters);
    QFuture<void> unsubscribe();

Q_SIGNALS:
    /*! A message arrived on this topic; emitted before NoLagClient::messageReceived(). */
    void messageReceived(const NoLagMessage &message);
    void stateChanged(NoLagSubscription::State state);
    void filtersChanged();
    void optionsChanged();

private:
    NoLagSubscription(NoLagClient *client, const QString &topic);

    friend class NoLagClient;
    friend class NoLagClientPrivate;
    Q_DECLARE_PRIVATE(NoLagSubscription)
    Q_DISABLE_COPY_MOVE(NoLagSubscription)
    std::unique_ptr<NoLagSubscriptionPrivate> d_ptr;
};
