// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include <NoLagQt/nolagerror.h>

#include <QtCore/QCoreApplication>

#include <array>

using namespace Qt::StringLiterals;

class NoLagErrorData : public QSharedData
{
public:
    NoLag::Error error = NoLag::Error::NoError;
    int code = 0;
    QString serverError;
    QString topic;
    QString msgRef;
    QString hint;
    QString lobbyId;
    QString detail;
    qint64 maxSizeBytes = 0;
    mutable QByteArray what;
};

namespace {

struct ServerErrorName
{
    QStringView name;
    NoLag::Error error;
};

// The error strings of wire protocol §3.3 and §18, plus the local server's extensions.
constexpr std::array<ServerErrorName, 17> serverErrorNames = {{
    {u"access_denied", NoLag::Error::AccessDenied},
    {u"connection_limit_reached", NoLag::Error::ConnectionLimitReached},
    {u"broker_unavailable", NoLag::Error::BrokerUnavailable},
    {u"authentication_failed", NoLag::Error::AuthenticationFailed},
    {u"connection_failed", NoLag::Error::ControlPlaneUnreachable},
    {u"not_authenticated", NoLag::Error::NotAuthenticated},
    {u"not_authorized", NoLag::Error::NotAuthorized},
    {u"not_subscribed", NoLag::Error::NotSubscribed},
    {u"too_many_filters (max 100)", NoLag::Error::TooManyFilters},
    {u"invalid_filter_chars (/, #, +, | not allowed)", NoLag::Error::InvalidFilter},
    {u"invalid_group_name", NoLag::Error::InvalidGroupName},
    {u"invalid_payload", NoLag::Error::InvalidPayload},
    {u"rate_limit_exceeded", NoLag::Error::RateLimitExceeded},
    {u"monthly_quota_exceeded", NoLag::Error::MonthlyQuotaExceeded},
    {u"message_too_large", NoLag::Error::MessageTooLarge},
    {u"unknown_topic", NoLag::Error::UnknownTopic},
    {u"wake_failed", NoLag::Error::WakeFailed},
}};

QString tr(const char *text)
{
    return QCoreApplication::translate("NoLagError", text);
}

QString describe(NoLag::Error error)
{
    using NoLag::Error;
    switch (error) {
    case Error::NoError:
        return tr("No error");
    case Error::NotConnected:
        return tr("The client is not connected to the server");
    case Error::SocketError:
        return tr("The connection to the server could not be opened");
    case Error::ConnectTimeout:
        return tr("The server did not accept the connection in time");
    case Error::AuthenticationTimeout:
        return tr("Authentication timeout: the server did not answer the token in time");
    case Error::Timeout:
        return tr("The server did not answer in time");
    case Error::ConnectionLost:
        return tr("The connection to the server was lost");
    case Error::Cancelled:
        return tr("Cancelled because the client disconnected");
    case Error::EncodeError:
        return tr("The data cannot be sent as MessagePack");
    case Error::FrameTooLarge:
        return tr("The message is larger than the server accepts");
    case Error::InvalidArgument:
        return tr("Invalid argument");
    case Error::AccessDenied:
        return tr("The server refused the access token");
    case Error::ConnectionLimitReached:
        return tr("The organisation has reached its connection limit");
    case Error::BrokerUnavailable:
        return tr("The server's message broker is unavailable");
    case Error::AuthenticationFailed:
        return tr("The server could not check the access token");
    case Error::ControlPlaneUnreachable:
        return tr("The server could not reach its control plane to check the access token");
    case Error::NotAuthenticated:
        return tr("The server has not accepted a token on this connection yet");
    case Error::NotAuthorized:
        return tr("The token is not allowed to use this topic or lobby");
    case Error::NotSubscribed:
        return tr("Not subscribed to this topic");
    case Error::TooManyFilters:
        return tr("Too many filters (at most 100)");
    case Error::InvalidFilter:
        return tr("Invalid filter: filters must be non-empty and must not contain /, #, + or |");
    case Error::InvalidGroupName:
        return tr("Invalid load-balancing group name: it must not contain /, + or #");
    case Error::InvalidPayload:
        return tr("The server cannot forward this data (a byte string that is not UTF-8)");
    case Error::ServerError:
        return tr("The server reported an error");
    case Error::RateLimitExceeded:
        return tr("Too many messages published in one second");
    case Error::MonthlyQuotaExceeded:
        return tr("The project has used up its monthly message quota");
    case Error::MessageTooLarge:
        return tr("The message is larger than the server accepts");
    case Error::UnknownTopic:
        return tr("Unknown topic: the room or topic does not exist, or the token may not use it");
    case Error::WakeFailed:
        return tr("A persistent actor did not wake up in time");
    }
    return tr("Unknown error");
}

} // namespace

NoLagError::NoLagError()
    : d(new NoLagErrorData)
{ }

NoLagError::NoLagError(NoLag::Error error, const QString &detail, const QString &topic)
    : d(new NoLagErrorData)
{
    d->error = error;
    d->detail = detail;
    d->topic = topic;
}

NoLagError::NoLagError(const NoLagError &other) = default;
NoLagError &NoLagError::operator=(const NoLagError &other) = default;
NoLagError::~NoLagError() = default;

NoLagError NoLagError::fromServer(const QString &serverError, int code, const QString &topic,
                                  const QString &hint, const QString &msgRef)
{
    NoLagError error(errorFromServerString(serverError, code));
    error.d->serverError = serverError;
    error.d->code = code;
    error.d->topic = topic;
    error.d->hint = hint;
    error.d->msgRef = msgRef;
    return error;
}

NoLag::Error NoLagError::errorFromServerString(QStringView serverError, int code)
{
    for (const ServerErrorName &entry : serverErrorNames) {
        if (entry.name == serverError) {
            return entry.error;
        }
    }
    switch (code) {
    case int(NoLag::Error::RateLimitExceeded):
    case int(NoLag::Error::MonthlyQuotaExceeded):
    case int(NoLag::Error::MessageTooLarge):
    case int(NoLag::Error::UnknownTopic):
    case int(NoLag::Error::WakeFailed):
        return NoLag::Error(code);
    default:
        return NoLag::Error::ServerError;
    }
}

NoLag::Error NoLagError::error() const
{
    return d->error;
}

int NoLagError::code() const
{
    return d->code;
}

QString NoLagError::serverError() const
{
    return d->serverError;
}

QString NoLagError::topic() const
{
    return d->topic;
}

QString NoLagError::msgRef() const
{
    return d->msgRef;
}

QString NoLagError::hint() const
{
    return d->hint;
}

QString NoLagError::lobbyId() const
{
    return d->lobbyId;
}

void NoLagError::setLobbyId(const QString &lobbyId)
{
    d->lobbyId = lobbyId;
}

qint64 NoLagError::maxSizeBytes() const
{
    return d->maxSizeBytes;
}

void NoLagError::setMaxSizeBytes(qint64 bytes)
{
    d->maxSizeBytes = bytes;
}

QString NoLagError::errorString() const
{
    QString text = describe(d->error);

    // The Python SDK's order of details: the server's words and code, the topic, the hint.
    if (!d->serverError.isEmpty()) {
        text += d->code ? u" (%1, %2)"_s.arg(d->serverError).arg(d->code)
                        : u" (%1)"_s.arg(d->serverError);
    }
    if (!d->topic.isEmpty()) {
        text += tr(" on '%1'").arg(d->topic);
    } else if (!d->lobbyId.isEmpty()) {
        text += tr(" for lobby '%1'").arg(d->lobbyId);
    }
    if (d->maxSizeBytes > 0) {
        text += tr(", limit %1 bytes").arg(d->maxSizeBytes);
    }
    if (!d->hint.isEmpty()) {
        text += u": "_s + d->hint;
    } else if (!d->detail.isEmpty()) {
        text += u": "_s + d->detail;
    }
    return text;
}

void NoLagError::raise() const
{
    throw *this;
}

NoLagError *NoLagError::clone() const
{
    return new NoLagError(*this);
}

const char *NoLagError::what() const noexcept
{
    d->what = errorString().toUtf8();
    return d->what.constData();
}
