// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "topics.h"

using namespace Qt::StringLiterals;

namespace NoLag::Server {

namespace {

bool allows(const AclRule &rule, TopicAction action)
{
    return action == TopicAction::Subscribe ? rule.allowsSubscribe() : rule.allowsPublish();
}

bool passes(const ActorGrant &grant, const QString &topic, TopicAction action)
{
    for (const AclRule &rule : grant.rules) {
        if (allows(rule, action) && topicMatchesPattern(rule.pattern, topic)) {
            return true;
        }
    }
    return false;
}

} // namespace

bool topicMatchesPattern(QStringView pattern, QStringView topic)
{
    qsizetype p = 0;
    qsizetype t = 0;
    bool topicDone = false;

    for (;;) {
        const qsizetype patternEnd = pattern.indexOf(u'/', p);
        const QStringView level = pattern.mid(p, patternEnd < 0 ? -1 : patternEnd - p);
        const bool lastLevel = patternEnd < 0;

        if (level == u"#" && lastLevel) {
            return true; // the rest of the topic, including nothing at all
        }
        if (topicDone) {
            return false; // the pattern has levels the topic does not
        }

        const qsizetype topicEnd = topic.indexOf(u'/', t);
        const QStringView topicLevel = topic.mid(t, topicEnd < 0 ? -1 : topicEnd - t);
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

bool hasWildcard(QStringView topic)
{
    return topic.contains(u'+') || topic.contains(u'#');
}

QString TopicResolution::topicName() const
{
    const qsizetype slash = effectiveTopic.lastIndexOf(u'/');
    return slash < 0 ? effectiveTopic : effectiveTopic.mid(slash + 1);
}

QString TopicResolution::appIdOrUnscoped() const
{
    return rule.appId.isEmpty() ? u"unscoped"_s : rule.appId;
}

TopicResolution resolveTopic(const ActorGrant &grant, const QString &topic, TopicAction action,
                             bool scopeInjection)
{
    TopicResolution result;
    if (hasWildcard(topic)) {
        return result;
    }

    result.effectiveTopic = topic;
    if (scopeInjection && !grant.scopeSlug.isEmpty() &&
        !passes(grant, topic, TopicAction::Subscribe)) {
        const qsizetype slash = topic.indexOf(u'/');
        if (slash > 0) {
            const QString scoped = topic.left(slash) + u'/' + grant.scopeSlug + topic.mid(slash);
            if (passes(grant, scoped, TopicAction::Subscribe)) {
                result.effectiveTopic = scoped;
            }
        }
    }

    if (!passes(grant, result.effectiveTopic, action)) {
        return result;
    }
    result.allowed = true;

    // An exact rule naming an internal topic wins over everything (§6.5, step 1).
    for (const AclRule &rule : grant.rules) {
        if (!rule.internalTopic.isEmpty() && rule.pattern == result.effectiveTopic) {
            result.rule = rule;
            result.route = rule.internalTopic;
            return result;
        }
    }

    for (const AclRule &rule : grant.rules) {
        if (allows(rule, action) && topicMatchesPattern(rule.pattern, result.effectiveTopic)) {
            result.rule = rule;
            break;
        }
    }
    result.route = result.appIdOrUnscoped() + u'/' + result.effectiveTopic;
    return result;
}

QString routeKey(const QString &route, const QString &filter)
{
    if (filter.isEmpty()) {
        return route;
    }
    // A filter is a level below the route; '\x1f' cannot appear in a validated filter and
    // keeps "a/b" + "c" apart from a route that really is "a/b/c".
    return route + QChar(0x1f) + filter;
}

} // namespace NoLag::Server
