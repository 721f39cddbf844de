// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "trafficmessage.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

/*!
    Topic patterns in the MQTT style the filter bar accepts: levels split on "/", "+" matches
    exactly one level, "#" as the last level matches the rest (including nothing), anything
    else must equal the level. "demo/+/telemetry" and "demo/#" are patterns; "demo/gen+" is
    not, since a wildcard must be a whole level.
*/
namespace TopicPattern {

bool matches(QStringView pattern, QStringView topic);

/*! Checks the wildcard placement; \a errorString says what is wrong, for the user. */
bool isValid(QStringView pattern, QString *errorString = nullptr);

} // namespace TopicPattern

/*!
    What the traffic table shows: messages whose topic matches any of the topic patterns,
    whose payload (as compact JSON text) contains the payload text, and whose sender contains
    the sender text. Text comparisons ignore case; an empty part accepts everything.
    A plain value, safe to copy into a worker.
*/
class TrafficFilter
{
public:
    /*!
        Sets the patterns from what the user typed: patterns separated by spaces or commas.
        Invalid patterns are left out and described by topicError().
    */
    void setTopicPatterns(const QString &text);
    QStringList topicPatterns() const { return m_patterns; }
    QString topicError() const { return m_topicError; }

    void setPayloadText(const QString &text) { m_payloadText = text; }
    QString payloadText() const { return m_payloadText; }

    void setSender(const QString &text) { m_sender = text; }
    QString sender() const { return m_sender; }

    bool isEmpty() const
    {
        return !hasTopicFilter() && m_payloadText.isEmpty() && m_sender.isEmpty();
    }
    bool hasTopicFilter() const { return !m_patterns.isEmpty() || m_noValidPattern; }

    bool matchesTopic(QStringView topic) const;
    bool matchesPayload(QByteArrayView msgpack) const;
    bool matchesSender(QByteArrayView utf8) const;

    /*! Everything but the topic, whose result the caller caches per topic id. */
    bool matchesContent(const TrafficMessage &message) const
    {
        return matchesPayload(message.data) && matchesSender(message.sender);
    }

    bool operator==(const TrafficFilter &other) const
    {
        return m_patterns == other.m_patterns && m_noValidPattern == other.m_noValidPattern &&
            m_payloadText == other.m_payloadText && m_sender == other.m_sender;
    }

private:
    QStringList m_patterns;
    QString m_topicError;
    bool m_noValidPattern = false; // text was typed but no pattern in it is valid: match nothing
    QString m_payloadText;
    QString m_sender;
};
