// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "authprovider.h"

#include <QtCore/QString>
#include <QtCore/QStringView>

namespace NoLag::Server {

/*!
    True when the display topic \a topic is admitted by the rule pattern \a pattern
    (wire-protocol §6.3): level by level, `+` in the pattern takes exactly one level (even an
    empty one), a final `#` takes all remaining levels including none, everything else must be
    equal byte for byte. `+` and `#` in the topic are plain characters.
*/
bool topicMatchesPattern(QStringView pattern, QStringView topic);

/*! True when a client topic holds `+` or `#`, which nolag-local refuses (statement 38). */
bool hasWildcard(QStringView topic);

enum class TopicAction : quint8 { Subscribe, Publish };

/*!
    What an actor's rules make of a topic it sent (wire-protocol §6.4-§6.5): whether it may
    act on it, the topic after scope injection, the internal route its messages travel on, and
    the rule that decided (for the app, room and scope behind the topic).
*/
struct TopicResolution
{
    bool allowed = false;
    QString effectiveTopic;
    QString route;
    AclRule rule;

    /*! The last level of the effective topic: the topic name hydration and webhooks use. */
    QString topicName() const;
    /*! The app id of the deciding rule, or "unscoped". */
    QString appIdOrUnscoped() const;
};

/*!
    Resolves \a topic for \a action against \a grant. Client topics with `+` or `#` are never
    allowed. Scope injection tries `{first}/{scopeSlug}/{rest}` when the topic as sent does
    not pass the subscribe check, also for publishes (as the reference server does); restored
    subscriptions are checked without it (\a scopeInjection false, wire-protocol §3.5).
*/
TopicResolution resolveTopic(const ActorGrant &grant, const QString &topic, TopicAction action,
                             bool scopeInjection = true);

/*! The key of a route plus a filter value in the subscription index ("" = unfiltered). */
QString routeKey(const QString &route, const QString &filter);

} // namespace NoLag::Server
