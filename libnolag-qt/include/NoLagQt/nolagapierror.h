// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagqtglobal.h>

#include <QtCore/QByteArray>
#include <QtCore/QException>
#include <QtCore/QJsonObject>
#include <QtCore/QString>

/*!
    The error a NoLagApi call fails with (Python: NoLagApiError).

    A failed QFuture returned by NoLagApi carries this exception; catch it in
    QFuture::onFailed() or around QFuture::result().

    statusCode() is the HTTP status of the answer, with two values of the client's own:
    408 when the request took longer than the configured timeout, and 0 when no usable HTTP
    answer arrived (connection refused, DNS failure, TLS error, a 2xx answer that is not the
    JSON the call expects, or a request that was never sent).
*/
class NOLAGQT_EXPORT NoLagApiError : public QException
{
public:
    NoLagApiError() = default;
    NoLagApiError(const QString &message, int statusCode, const QJsonObject &details = {});

    /*! The HTTP status code, 408 on timeout, 0 on network failure. */
    int statusCode() const { return m_statusCode; }

    /*!
        What went wrong, for a person: the server's "message" (an array of messages is joined
        with "; "), the HTTP reason phrase when the body is not JSON, or the network error.
    */
    QString message() const { return m_message; }

    /*!
        The parsed error body of the server (for example {"statusCode": 400, "message": ...,
        "error": "Bad Request"}). For a body that is not a JSON object it holds "statusCode"
        and "message" only; for timeouts and network failures it is empty.
    */
    QJsonObject details() const { return m_details; }

    /*! "HTTP 404: App not found", "timeout: Request timeout" or "network error: ..." */
    QString toString() const;

    const char *what() const noexcept override { return m_what.constData(); }
    void raise() const override { throw *this; }
    NoLagApiError *clone() const override { return new NoLagApiError(*this); }

private:
    int m_statusCode = 0;
    QString m_message;
    QJsonObject m_details;
    QByteArray m_what;
};
