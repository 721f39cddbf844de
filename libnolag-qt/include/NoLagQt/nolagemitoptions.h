// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagtypes.h>

#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>
#include <QtCore/QStringList>

class NoLagEmitOptionsData;

/*!
    Options of one NoLagClient::publish() call: `EmitOptions` of the Python SDK.
*/
class NOLAGQT_EXPORT NoLagEmitOptions
{
    Q_GADGET
    Q_PROPERTY(NoLag::QoS qos READ qos WRITE setQos FINAL)
    Q_PROPERTY(bool retain READ retain WRITE setRetain FINAL)
    Q_PROPERTY(bool echo READ echo WRITE setEcho FINAL)
    Q_PROPERTY(QString filter READ filter WRITE setFilter FINAL)
    Q_PROPERTY(QStringList filters READ filters WRITE setFilters FINAL)
    Q_PROPERTY(bool acknowledged READ isAcknowledged WRITE setAcknowledged FINAL)

public:
    NoLagEmitOptions();
    NoLagEmitOptions(const NoLagEmitOptions &other);
    NoLagEmitOptions &operator=(const NoLagEmitOptions &other);
    ~NoLagEmitOptions();

    /*! Default AtLeastOnce. */
    NoLag::QoS qos() const;
    void setQos(NoLag::QoS qos);

    /*! Keep the message for later subscribers of the topic (for an hour). Default false. */
    bool retain() const;
    void setRetain(bool retain);

    /*! Deliver the message to this connection too, if it is subscribed. Default true. */
    bool echo() const;
    void setEcho(bool echo);

    /*!
        The filter value of the message: subscribers with this filter receive it. Sent as is;
        takes precedence over filters().
    */
    QString filter() const;
    void setFilter(const QString &filter);

    /*!
        Several filter values at once, for AND-group subscribers; the server lowercases,
        sorts and joins them. Used only when filter() is empty.
    */
    QStringList filters() const;
    void setFilters(const QStringList &filters);

    /*!
        Ask the server to confirm the publish (protocol 2): the future of publish() then
        finishes on the server's `published` reply, or fails with its error. Default true.
        When false, or with protocol 1, the future finishes as soon as the frame is sent and
        server errors reach only NoLagClient::errorOccurred().
    */
    bool isAcknowledged() const;
    void setAcknowledged(bool acknowledged);

private:
    QSharedDataPointer<NoLagEmitOptionsData> d;
};
