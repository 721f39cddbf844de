// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
//  W A R N I N G: not public API. This header may change from version to version.
#pragma once

#include <NoLagQt/nolagapierror.h>
#include <NoLagQt/nolagapireply.h>

#include <QtCore/QFuture>
#include <QtCore/QVariantMap>

#include <functional>
#include <type_traits>

class NoLagApiReplyPrivate
{
public:
    static NoLagApiReply *create(QObject *parent) { return new NoLagApiReply(parent); }

    /*! Records the outcome now and announces it from the event loop, then deletes the reply. */
    static void succeed(NoLagApiReply *reply, const QVariant &result);
    static void fail(NoLagApiReply *reply, const NoLagApiError &error);

    /*!
        A reply that follows \a future. On success, \a apply runs first (a model updating its
        rows), then the reply reports \a toVariant of the result.
    */
    template<typename T>
    static NoLagApiReply *follow(QObject *parent, QFuture<T> future,
                                 std::function<QVariant(const T &)> toVariant,
                                 std::function<void(const T &)> apply = {});
    static NoLagApiReply *follow(QObject *parent, QFuture<void> future,
                                 std::function<void()> apply = {});

    NoLagApiReply::Status status = NoLagApiReply::Running;
    QVariant result;
    int statusCode = 0;
    QString errorString;
    QVariantMap details;
};

template<typename T>
NoLagApiReply *NoLagApiReplyPrivate::follow(QObject *parent, QFuture<T> future,
                                            std::function<QVariant(const T &)> toVariant,
                                            std::function<void(const T &)> apply)
{
    NoLagApiReply *reply = create(parent);
    future
        .then(reply,
              [reply, toVariant, apply](const T &value) {
                  if (apply) {
                      apply(value);
                  }
                  succeed(reply, toVariant(value));
              })
        .onFailed(reply, [reply](const NoLagApiError &error) { fail(reply, error); })
        .onFailed(reply, [reply] {
            fail(reply, NoLagApiError(QStringLiteral("The request failed unexpectedly"), 0));
        });
    return reply;
}
