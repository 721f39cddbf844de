// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
//  W A R N I N G: not public API. This header may change from version to version.
#pragma once

#include <NoLagQt/nolagapi.h>

#include <QtCore/QHash>
#include <QtCore/QJsonValue>
#include <QtCore/QPromise>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

/*! One REST call, before it becomes a QNetworkRequest. */
struct NoLagApiRequest
{
    QByteArray method;
    QString path; // starts with "/", segments already percent-encoded
    QList<QPair<QString, QString>> query;
    std::optional<QJsonObject> body;

    /*! Set when the call must not be sent at all (e.g. an empty id); the future fails. */
    QString refusal;
};

/*! What came back: a 2xx answer, or the error the call fails with. */
struct NoLagApiOutcome
{
    bool ok = false;
    int statusCode = 0;
    QByteArray body;
    NoLagApiError error;
};

class NoLagApiPrivate
{
public:
    using Completion = std::function<void(const NoLagApiOutcome &)>;

    explicit NoLagApiPrivate(NoLagApi *q);
    ~NoLagApiPrivate();

    static NoLagApiPrivate *get(NoLagApi *api) { return api->d_func(); }

    /*! Sends \a request; \a done runs exactly once, later, in the API object's thread. */
    void send(const NoLagApiRequest &request, Completion done);

    /*! Fails every running request with status 0 and \a reason, and forgets it. */
    void abortAll(const QString &reason);

    QUrl requestUrl(const NoLagApiRequest &request) const;

    /*! Percent-encodes one path segment, so that an id can never change the path. */
    static QString segment(const QString &id);

    /*! The error of a non-2xx answer (statements 42 and 43 of the REST spec). */
    static NoLagApiError httpError(int statusCode, const QByteArray &reasonPhrase,
                                   const QByteArray &body);

    /*!
        Starts a call whose 2xx answer is JSON that \a parse turns into a T; parse returns
        std::nullopt when the JSON does not have the expected shape. With \a allowEmpty, a 204
        or empty answer is handed to parse as an undefined QJsonValue instead of failing.
    */
    template<typename T>
    static QFuture<T> start(NoLagApi *api, const NoLagApiRequest &request,
                            std::function<std::optional<T>(const QJsonValue &)> parse,
                            bool allowEmpty = false);

    /*! Starts a call that has no result (204, or a body that is ignored). */
    static QFuture<void> startVoid(NoLagApi *api, const NoLagApiRequest &request);

    /*! The JSON of a 2xx answer, or the error to fail with (status 0: unusable answer). */
    static std::optional<QJsonValue> decodeBody(const NoLagApiOutcome &outcome, bool allowEmpty,
                                                NoLagApiError *error);
    static NoLagApiError shapeError(int statusCode);
    static NoLagApiError goneError();

    NoLagApi *q_ptr;
    QString apiKey;
    NoLagApiOptions options;
    QNetworkAccessManager *network = nullptr; // a child of the API object: moves with it

    struct Pending
    {
        Completion done;
        QByteArray method;
        QString path;
        bool timedOut = false;
    };
    QHash<QNetworkReply *, Pending> pending;

private:
    void onReplyFinished(QNetworkReply *reply);
    Q_DECLARE_PUBLIC(NoLagApi)
};

template<typename T>
QFuture<T> NoLagApiPrivate::start(NoLagApi *api, const NoLagApiRequest &request,
                                  std::function<std::optional<T>(const QJsonValue &)> parse,
                                  bool allowEmpty)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();

    auto fail = [promise](const NoLagApiError &error) {
        promise->setException(error);
        promise->finish();
    };
    if (!api) {
        fail(goneError());
        return future;
    }

    get(api)->send(request, [promise, parse, allowEmpty, fail](const NoLagApiOutcome &outcome) {
        if (!outcome.ok) {
            fail(outcome.error);
            return;
        }

        NoLagApiError error;
        const std::optional<QJsonValue> json = decodeBody(outcome, allowEmpty, &error);
        if (!json) {
            fail(error);
            return;
        }

        std::optional<T> result = parse(*json);
        if (!result) {
            fail(shapeError(outcome.statusCode));
            return;
        }
        promise->addResult(std::move(*result));
        promise->finish();
    });
    return future;
}
