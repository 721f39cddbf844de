// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include <NoLagQt/nolagapierror.h>

using namespace Qt::StringLiterals;

NoLagApiError::NoLagApiError(const QString &message, int statusCode, const QJsonObject &details)
    : m_statusCode(statusCode)
    , m_message(message)
    , m_details(details)
    , m_what(message.toUtf8())
{ }

QString NoLagApiError::toString() const
{
    if (m_statusCode == 0) {
        return u"network error: %1"_s.arg(m_message);
    }
    if (m_statusCode == 408 && m_details.isEmpty()) {
        return u"timeout: %1"_s.arg(m_message);
    }
    return u"HTTP %1: %2"_s.arg(QString::number(m_statusCode), m_message);
}
