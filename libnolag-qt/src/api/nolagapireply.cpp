// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "nolagapireply_p.h"

#include <QtCore/QMetaObject>

NoLagApiReply::NoLagApiReply(QObject *parent)
    : QObject(parent)
    , d_ptr(std::make_unique<NoLagApiReplyPrivate>())
{ }

NoLagApiReply::~NoLagApiReply() = default;

NoLagApiReply::Status NoLagApiReply::status() const
{
    Q_D(const NoLagApiReply);
    return d->status;
}

QVariant NoLagApiReply::result() const
{
    Q_D(const NoLagApiReply);
    return d->result;
}

int NoLagApiReply::statusCode() const
{
    Q_D(const NoLagApiReply);
    return d->statusCode;
}

QString NoLagApiReply::errorString() const
{
    Q_D(const NoLagApiReply);
    return d->errorString;
}

QVariantMap NoLagApiReply::details() const
{
    Q_D(const NoLagApiReply);
    return d->details;
}

void NoLagApiReplyPrivate::succeed(NoLagApiReply *reply, const QVariant &result)
{
    NoLagApiReplyPrivate *d = reply->d_func();
    if (d->status != NoLagApiReply::Running) {
        return;
    }
    d->status = NoLagApiReply::Succeeded;
    d->result = result;

    // Queued: whoever got the reply from an invokable has connected to it by then.
    QMetaObject::invokeMethod(
        reply,
        [reply] {
            Q_EMIT reply->succeeded(reply->result());
            Q_EMIT reply->finished();
            reply->deleteLater();
        },
        Qt::QueuedConnection);
}

void NoLagApiReplyPrivate::fail(NoLagApiReply *reply, const NoLagApiError &error)
{
    NoLagApiReplyPrivate *d = reply->d_func();
    if (d->status != NoLagApiReply::Running) {
        return;
    }
    d->status = NoLagApiReply::Failed;
    d->statusCode = error.statusCode();
    d->errorString = error.message();
    d->details = error.details().toVariantMap();

    QMetaObject::invokeMethod(
        reply,
        [reply] {
            Q_EMIT reply->failed(reply->statusCode(), reply->errorString());
            Q_EMIT reply->finished();
            reply->deleteLater();
        },
        Qt::QueuedConnection);
}

NoLagApiReply *NoLagApiReplyPrivate::follow(QObject *parent, QFuture<void> future,
                                            std::function<void()> apply)
{
    NoLagApiReply *reply = create(parent);
    future
        .then(reply,
              [reply, apply] {
                  if (apply) {
                      apply();
                  }
                  succeed(reply, QVariant());
              })
        .onFailed(reply, [reply](const NoLagApiError &error) { fail(reply, error); })
        .onFailed(reply, [reply] {
            fail(reply, NoLagApiError(QStringLiteral("The request failed unexpectedly"), 0));
        });
    return reply;
}
