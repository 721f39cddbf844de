// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "trafficfilter.h"

#include "common/payloadformat.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

namespace TopicPattern {

bool matches(QStringView pattern, QStringView topic)
{
    qsizetype p = 0;
    qsizetype t = 0;
    bool topicDone = false;

    for (;;) {
        const qsizetype patternEnd = pattern.indexOf(u'/', p);
        const QStringView level =
            pattern.sliced(p, (patternEnd < 0 ? pattern.size() : patternEnd) - p);
        const bool lastLevel = patternEnd < 0;

        if (lastLevel && level == u"#") {
            return true;
        }
        if (topicDone) {
            return false;
        }

        const qsizetype topicEnd = topic.indexOf(u'/', t);
        const QStringView topicLevel =
            topic.sliced(t, (topicEnd < 0 ? topic.size() : topicEnd) - t);
        if (level != u"+" && level != topicLevel) {
            return false;
        }
        if (topicEnd < 0) {
            topicDone = true;
        } else {
            t = topicEnd + 1;
        }
        if (lastLevel) {
            return topicDone;
        }
        p = patternEnd + 1;
    }
}

bool isValid(QStringView pattern, QString *errorString)
{
    const auto fail = [&](const QString &text) {
        if (errorString) {
            *errorString = text;
        }
        return false;
    };
    if (pattern.isEmpty()) {
        return fail(QCoreApplication::translate("TopicPattern", "The pattern is empty."));
    }
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = pattern.indexOf(u'/', start);
        const QStringView level = pattern.sliced(start, (end < 0 ? pattern.size() : end) - start);
        if (level.contains(u'#') && (level != u"#" || end >= 0)) {
            return fail(QCoreApplication::translate(
                            "TopicPattern", "In \"%1\", # must be a whole level and the last one.")
                            .arg(pattern));
        }
        if (level.contains(u'+') && level != u"+") {
            return fail(
                QCoreApplication::translate("TopicPattern", "In \"%1\", + must be a whole level.")
                    .arg(pattern));
        }
        if (end < 0) {
            return true;
        }
        start = end + 1;
    }
}

} // namespace TopicPattern

void TrafficFilter::setTopicPatterns(const QString &text)
{
    static const QRegularExpression separators(u"[\\s,]+"_s);
    m_patterns.clear();
    m_topicError.clear();
    const QStringList parts = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        QString error;
        if (TopicPattern::isValid(part, &error)) {
            m_patterns.append(part);
        } else if (m_topicError.isEmpty()) {
            m_topicError = error;
        }
    }
    m_noValidPattern = !parts.isEmpty() && m_patterns.isEmpty();
}

bool TrafficFilter::matchesTopic(QStringView topic) const
{
    if (m_noValidPattern) {
        return false;
    }
    if (m_patterns.isEmpty()) {
        return true;
    }
    for (const QString &pattern : m_patterns) {
        if (TopicPattern::matches(pattern, topic)) {
            return true;
        }
    }
    return false;
}

bool TrafficFilter::matchesPayload(QByteArrayView msgpack) const
{
    if (m_payloadText.isEmpty()) {
        return true;
    }
    return PayloadFormat::toJson(msgpack, PayloadFormat::Style::Compact)
        .contains(m_payloadText, Qt::CaseInsensitive);
}

bool TrafficFilter::matchesSender(QByteArrayView utf8) const
{
    if (m_sender.isEmpty()) {
        return true;
    }
    return QString::fromUtf8(utf8).contains(m_sender, Qt::CaseInsensitive);
}
