// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "nolagapi_p.h"

#include "common/nolaglogging_p.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

using namespace Qt::StringLiterals;

namespace {

// Reason phrases for answers that carry none (HTTP/2 has no reason phrase on the wire).
QString standardReasonPhrase(int statusCode)
{
    switch (statusCode) {
    case 400:
        return u"Bad Request"_s;
    case 401:
        return u"Unauthorized"_s;
    case 403:
        return u"Forbidden"_s;
    case 404:
        return u"Not Found"_s;
    case 405:
        return u"Method Not Allowed"_s;
    case 408:
        return u"Request Timeout"_s;
    case 409:
        return u"Conflict"_s;
    case 413:
        return u"Payload Too Large"_s;
    case 422:
        return u"Unprocessable Entity"_s;
    case 429:
        return u"Too Many Requests"_s;
    case 500:
        return u"Internal Server Error"_s;
    case 502:
        return u"Bad Gateway"_s;
    case 503:
        return u"Service Unavailable"_s;
    case 504:
        return u"Gateway Timeout"_s;
    default:
        return u"Request failed"_s;
    }
}

// The server's "message" is a string, or (NestJS validation) an array of strings.
QString messageOf(const QJsonValue &message)
{
    if (message.isString()) {
        return message.toString();
    }
    if (message.isArray()) {
        QStringList parts;
        const QJsonArray array = message.toArray();
        for (const QJsonValue &part : array) {
            parts.append(part.isString() ? part.toString() : part.toVariant().toString());
        }
        return parts.join(u"; "_s);
    }
    return QString();
}

} // namespace

// NoLagApiOptions

NoLagApiOptions::NoLagApiOptions()
    : m_baseUrl(defaultBaseUrl())
{ }

QUrl NoLagApiOptions::defaultBaseUrl()
{
    return QUrl(u"https://api.nolag.app/v1"_s);
}

void NoLagApiOptions::setHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.removeIf([&name](const QPair<QByteArray, QByteArray> &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
    m_headers.append({name, value});
}

// NoLagApiPrivate

NoLagApiPrivate::NoLagApiPrivate(NoLagApi *q)
    : q_ptr(q)
    , network(new QNetworkAccessManager(q))
{ }

NoLagApiPrivate::~NoLagApiPrivate()
{
    abortAll(u"The request was cancelled because its NoLagApi object was destroyed"_s);
}

QString NoLagApiPrivate::segment(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QUrl NoLagApiPrivate::requestUrl(const NoLagApiRequest &request) const
{
    // The SDKs remove exactly one trailing "/" from the base URL; paths start with "/".
    QString base = options.baseUrl().toString(QUrl::FullyEncoded);
    if (base.endsWith(u'/')) {
        base.chop(1);
    }
    QUrl url(base + request.path, QUrl::TolerantMode);

    // Values are encoded here rather than by QUrlQuery, which would leave "+" as it is and
    // let servers that decode form-style read it as a space.
    QStringList pairs;
    for (const auto &[key, value] : request.query) {
        pairs.append(QString::fromLatin1(QUrl::toPercentEncoding(key)) + u'=' +
                     QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    if (!pairs.isEmpty()) {
        url.setQuery(pairs.join(u'&'), QUrl::TolerantMode);
    }
    return url;
}

NoLagApiError NoLagApiPrivate::httpError(int statusCode, const QByteArray &reasonPhrase,
                                         const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        const QJsonObject details = document.object();
        QString message = messageOf(details.value("message"_L1));
        if (message.isEmpty()) {
            message = u"Request failed"_s;
        }
        return NoLagApiError(message, statusCode, details);
    }

    // Not a JSON object (an HTML page of a proxy, plain text, nothing): keep the reason phrase.
    QString reason = QString::fromLatin1(reasonPhrase).trimmed();
    if (reason.isEmpty()) {
        reason = standardReasonPhrase(statusCode);
    }
    return NoLagApiError(reason, statusCode,
                         QJsonObject{{u"statusCode"_s, statusCode}, {u"message"_s, reason}});
}

std::optional<QJsonValue> NoLagApiPrivate::decodeBody(const NoLagApiOutcome &outcome,
                                                      bool allowEmpty, NoLagApiError *error)
{
    if (outcome.statusCode == 204 || outcome.body.trimmed().isEmpty()) {
        if (allowEmpty) {
            return QJsonValue(QJsonValue::Undefined);
        }
        *error = NoLagApiError(
            u"The server answered HTTP %1 without content where a JSON answer was expected"_s.arg(
                outcome.statusCode),
            0);
        return std::nullopt;
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(outcome.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = NoLagApiError(u"The server's answer (HTTP %1) is not valid JSON: %2"_s.arg(
                                   QString::number(outcome.statusCode), parseError.errorString()),
                               0);
        return std::nullopt;
    }
    if (document.isArray()) {
        return QJsonValue(document.array());
    }
    return QJsonValue(document.object());
}

NoLagApiError NoLagApiPrivate::shapeError(int statusCode)
{
    return NoLagApiError(
        u"The server's answer (HTTP %1) does not have the shape this call expects"_s.arg(
            statusCode),
        0);
}

NoLagApiError NoLagApiPrivate::goneError()
{
    return NoLagApiError(u"The request was not sent because its NoLagApi object was destroyed"_s,
                         0);
}

QFuture<void> NoLagApiPrivate::startVoid(NoLagApi *api, const NoLagApiRequest &request)
{
    auto promise = std::make_shared<QPromise<void>>();
    QFuture<void> future = promise->future();
    promise->start();

    if (!api) {
        promise->setException(goneError());
        promise->finish();
        return future;
    }

    // Whatever a 2xx answer holds (204, or a JSON acknowledgement) means "done".
    get(api)->send(request, [promise](const NoLagApiOutcome &outcome) {
        if (!outcome.ok) {
            promise->setException(outcome.error);
        }
        promise->finish();
    });
    return future;
}

void NoLagApiPrivate::send(const NoLagApiRequest &request, Completion done)
{
    Q_Q(NoLagApi);

    if (!request.refusal.isEmpty()) {
        // Fail later, not inside the call, so that every future finishes the same way.
        NoLagApiOutcome outcome;
        outcome.error = NoLagApiError(request.refusal, 0);
        QTimer::singleShot(0, q, [done = std::move(done), outcome] { done(outcome); });
        return;
    }

    QNetworkRequest networkRequest(requestUrl(request));
    networkRequest.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
    networkRequest.setRawHeader("Content-Type", "application/json");
    networkRequest.setRawHeader("Accept", "application/json");
    networkRequest.setRawHeader("User-Agent", "NoLagQt/" NOLAGQT_VERSION_STR);
    for (const auto &[name, value] : options.headers()) {
        // setRawHeader() replaces a header of the same name, compared without case.
        networkRequest.setRawHeader(name, value);
    }

    QByteArray body;
    if (request.body) {
        body = QJsonDocument(*request.body).toJson(QJsonDocument::Compact);
    }

    QNetworkReply *reply = nullptr;
    if (request.method == "GET") {
        reply = network->get(networkRequest);
    } else if (request.method == "DELETE" && !request.body) {
        reply = network->deleteResource(networkRequest);
    } else if (request.method == "POST") {
        reply = network->post(networkRequest, body);
    } else {
        reply = network->sendCustomRequest(networkRequest, request.method, body);
    }

    pending.insert(reply, Pending{std::move(done), request.method, request.path, false});
    QObject::connect(reply, &QNetworkReply::finished, q, [this, reply] { onReplyFinished(reply); });

    if (options.timeout() > 0) {
        auto *timer = new QTimer(reply);
        timer->setSingleShot(true);
        QObject::connect(timer, &QTimer::timeout, q, [this, reply] {
            const auto it = pending.find(reply);
            if (it != pending.end()) {
                it->timedOut = true;
                reply->abort();
            }
        });
        timer->start(options.timeout());
    }
}

void NoLagApiPrivate::onReplyFinished(QNetworkReply *reply)
{
    const auto it = pending.find(reply);
    if (it == pending.end()) {
        return;
    }
    const Pending call = std::move(*it);
    pending.erase(it);
    reply->deleteLater();

    NoLagApiOutcome outcome;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (call.timedOut) {
        // As the JS SDK does; the Python SDK lets a raw timeout error escape instead.
        outcome.error = NoLagApiError(u"Request timeout"_s, 408);
        qCDebug(lcNoLagApi).noquote()
            << call.method << call.path << "timed out after" << options.timeout() << "ms";
    } else if (status.isValid() && (status.toInt() < 200 || status.toInt() > 299)) {
        outcome.statusCode = status.toInt();
        outcome.error =
            httpError(outcome.statusCode,
                      reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray(),
                      reply->readAll());
        qCDebug(lcNoLagApi).noquote()
            << call.method << call.path << "answered" << outcome.statusCode;
    } else if (!status.isValid() || reply->error() != QNetworkReply::NoError) {
        outcome.error = NoLagApiError(reply->errorString(), 0);
        qCDebug(lcNoLagApi).noquote()
            << call.method << call.path << "failed:" << reply->errorString();
    } else {
        outcome.ok = true;
        outcome.statusCode = status.toInt();
        outcome.body = reply->readAll();
        qCDebug(lcNoLagApi).noquote()
            << call.method << call.path << "answered" << outcome.statusCode;
    }

    call.done(outcome);
}

void NoLagApiPrivate::abortAll(const QString &reason)
{
    Q_Q(NoLagApi);

    // Take the list first: a completion may start new requests.
    const QHash<QNetworkReply *, Pending> running = std::exchange(pending, {});
    for (auto it = running.begin(); it != running.end(); ++it) {
        QNetworkReply *reply = it.key();
        QObject::disconnect(reply, nullptr, q, nullptr);
        for (QTimer *timer : reply->findChildren<QTimer *>(Qt::FindDirectChildrenOnly)) {
            QObject::disconnect(timer, nullptr, q, nullptr);
        }
        reply->abort();
        reply->deleteLater();
        qCDebug(lcNoLagApi).noquote() << it->method << it->path << "cancelled";

        NoLagApiOutcome outcome;
        outcome.error = NoLagApiError(reason, 0);
        it->done(outcome);
    }
}

// NoLagApi

NoLagApi::NoLagApi(QObject *parent)
    : NoLagApi(QString(), NoLagApiOptions(), parent)
{ }

NoLagApi::NoLagApi(const QString &apiKey, const NoLagApiOptions &options, QObject *parent)
    : QObject(parent)
    , d_ptr(std::make_unique<NoLagApiPrivate>(this))
{
    Q_D(NoLagApi);
    d->apiKey = apiKey;
    d->options = options;
}

NoLagApi::~NoLagApi()
{
    // Fail the running requests while this is still a whole NoLagApi.
    Q_D(NoLagApi);
    d->abortAll(u"The request was cancelled because its NoLagApi object was destroyed"_s);
}

QString NoLagApi::apiKey() const
{
    Q_D(const NoLagApi);
    return d->apiKey;
}

void NoLagApi::setApiKey(const QString &apiKey)
{
    Q_D(NoLagApi);
    if (d->apiKey == apiKey) {
        return;
    }
    d->apiKey = apiKey;
    Q_EMIT apiKeyChanged();
}

QUrl NoLagApi::baseUrl() const
{
    Q_D(const NoLagApi);
    return d->options.baseUrl();
}

void NoLagApi::setBaseUrl(const QUrl &baseUrl)
{
    Q_D(NoLagApi);
    if (d->options.baseUrl() == baseUrl) {
        return;
    }
    d->options.setBaseUrl(baseUrl);
    Q_EMIT baseUrlChanged();
}

int NoLagApi::timeout() const
{
    Q_D(const NoLagApi);
    return d->options.timeout();
}

void NoLagApi::setTimeout(int milliseconds)
{
    Q_D(NoLagApi);
    if (d->options.timeout() == milliseconds) {
        return;
    }
    d->options.setTimeout(milliseconds);
    Q_EMIT timeoutChanged();
}

NoLagApiOptions NoLagApi::options() const
{
    Q_D(const NoLagApi);
    return d->options;
}

void NoLagApi::setOptions(const NoLagApiOptions &options)
{
    Q_D(NoLagApi);
    const NoLagApiOptions old = d->options;
    d->options = options;
    if (old.baseUrl() != options.baseUrl()) {
        Q_EMIT baseUrlChanged();
    }
    if (old.timeout() != options.timeout()) {
        Q_EMIT timeoutChanged();
    }
}

NoLagAppsApi NoLagApi::apps()
{
    return NoLagAppsApi(this);
}

NoLagRoomsApi NoLagApi::rooms()
{
    return NoLagRoomsApi(this);
}

NoLagActorsApi NoLagApi::actors()
{
    return NoLagActorsApi(this);
}

NoLagScopesApi NoLagApi::scopes()
{
    return NoLagScopesApi(this);
}
