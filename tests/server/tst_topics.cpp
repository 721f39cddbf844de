// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT

// Topic patterns, ACL checks, scope injection and route resolution (wire-protocol §6).

#include "core/topics.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace NoLag::Server;

class tst_Topics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void patternMatching_data();
    void patternMatching();
    void resolution_data();
    void resolution();
    void scopeInjection_data();
    void scopeInjection();
    void routeKeysKeepFiltersApart();
};

void tst_Topics::patternMatching_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("matches");

    QTest::addRow("exact") << u"chat/general/messages"_s << u"chat/general/messages"_s << true;
    QTest::addRow("case differs") << u"chat/general/messages"_s << u"Chat/general/messages"_s
                                  << false;
    QTest::addRow("topic shorter") << u"chat/general/messages"_s << u"chat/general"_s << false;
    QTest::addRow("topic longer") << u"chat/general"_s << u"chat/general/messages"_s << false;
    QTest::addRow("# takes no level") << u"demo/general/#"_s << u"demo/general"_s << true;
    QTest::addRow("# takes one level") << u"demo/general/#"_s << u"demo/general/a"_s << true;
    QTest::addRow("# takes two levels") << u"demo/general/#"_s << u"demo/general/a/b"_s << true;
    QTest::addRow("# alone takes everything") << u"#"_s << u"a/b/c"_s << true;
    QTest::addRow("# not last is a literal") << u"a/#/c"_s << u"a/b/c"_s << false;
    QTest::addRow("# not last matches a literal #") << u"a/#/c"_s << u"a/#/c"_s << true;
    QTest::addRow("+ takes one level") << u"demo/+/x"_s << u"demo/any/x"_s << true;
    QTest::addRow("+ takes an empty level") << u"demo/+/x"_s << u"demo//x"_s << true;
    QTest::addRow("+ never takes two levels") << u"demo/+/x"_s << u"demo/a/b/x"_s << false;
    QTest::addRow("+ at the end") << u"demo/+"_s << u"demo/a"_s << true;
    QTest::addRow("+ at the end, topic longer") << u"demo/+"_s << u"demo/a/b"_s << false;
    QTest::addRow("+ in the topic is a literal") << u"a/b/c"_s << u"a/b/+"_s << false;
    QTest::addRow("prefix of a level is not a match")
        << u"chat/gen"_s << u"chat/general"_s << false;
}

void tst_Topics::patternMatching()
{
    QFETCH(QString, pattern);
    QFETCH(QString, topic);
    QFETCH(bool, matches);

    QCOMPARE(topicMatchesPattern(pattern, topic), matches);
}

namespace {

AclRule rule(const QString &pattern, Permission permission, const QString &internalTopic = {},
             const QString &appId = {})
{
    AclRule result;
    result.pattern = pattern;
    result.permission = permission;
    result.internalTopic = internalTopic;
    result.appId = appId;
    return result;
}

} // namespace

void tst_Topics::resolution_data()
{
    QTest::addColumn<QList<AclRule>>("rules");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("publish");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("route");

    const AclRule exactPubSub = rule(u"chat/general/messages"_s, Permission::PubSub,
                                     u"room-general/messages"_s, u"app-chat"_s);
    const AclRule wildcard = rule(u"demo/general/#"_s, Permission::Subscribe, {}, u"app-demo"_s);

    QTest::addRow("exact rule with internal topic routes there")
        << QList<AclRule>{exactPubSub} << u"chat/general/messages"_s << false << true
        << u"room-general/messages"_s;
    QTest::addRow("wildcard rule routes by app")
        << QList<AclRule>{wildcard} << u"demo/general/a/b"_s << false << true
        << u"app-demo/demo/general/a/b"_s;
    QTest::addRow("rule without app is unscoped")
        << QList<AclRule>{rule(u"x/#"_s, Permission::PubSub)} << u"x/y"_s << true << true
        << u"unscoped/x/y"_s;
    QTest::addRow("exact rule with topic wins over an earlier wildcard")
        << QList<AclRule>{rule(u"chat/#"_s, Permission::PubSub, {}, u"app-other"_s), exactPubSub}
        << u"chat/general/messages"_s << true << true << u"room-general/messages"_s;
    QTest::addRow("subscribe-only rule refuses a publish")
        << QList<AclRule>{wildcard} << u"demo/general/a"_s << true << false << QString();
    QTest::addRow("publish-only rule refuses a subscribe")
        << QList<AclRule>{rule(u"t/x"_s, Permission::Publish)} << u"t/x"_s << false << false
        << QString();
    QTest::addRow("client + is refused even where a rule would match")
        << QList<AclRule>{wildcard} << u"demo/general/+"_s << false << false << QString();
    QTest::addRow("client # is refused even where a rule would match")
        << QList<AclRule>{wildcard} << u"demo/general/#"_s << false << false << QString();
    QTest::addRow("no rules, no access")
        << QList<AclRule>{} << u"chat/general/messages"_s << false << false << QString();
}

void tst_Topics::resolution()
{
    QFETCH(QList<AclRule>, rules);
    QFETCH(QString, topic);
    QFETCH(bool, publish);
    QFETCH(bool, allowed);
    QFETCH(QString, route);

    ActorGrant grant;
    grant.rules = rules;
    const TopicResolution resolution =
        resolveTopic(grant, topic, publish ? TopicAction::Publish : TopicAction::Subscribe);
    QCOMPARE(resolution.allowed, allowed);
    if (allowed) {
        QCOMPARE(resolution.route, route);
        QCOMPARE(resolution.effectiveTopic, topic);
    }
}

void tst_Topics::scopeInjection_data()
{
    QTest::addColumn<Permission>("permission");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("publish");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("effective");

    QTest::addRow("subscribe without the scope")
        << Permission::PubSub << u"chat/general/messages"_s << false << true
        << u"chat/acme/general/messages"_s;
    QTest::addRow("subscribe with the scope")
        << Permission::PubSub << u"chat/acme/general/messages"_s << false << true
        << u"chat/acme/general/messages"_s;
    QTest::addRow("publish without the scope on a pubSub rule")
        << Permission::PubSub << u"chat/general/messages"_s << true << true
        << u"chat/acme/general/messages"_s;
    QTest::addRow("publish-only rule: injection is decided by the subscribe check")
        << Permission::Publish << u"chat/general/messages"_s << true << false << QString();
    QTest::addRow("publish-only rule: the full scoped topic works")
        << Permission::Publish << u"chat/acme/general/messages"_s << true << true
        << u"chat/acme/general/messages"_s;
}

void tst_Topics::scopeInjection()
{
    QFETCH(Permission, permission);
    QFETCH(QString, topic);
    QFETCH(bool, publish);
    QFETCH(bool, allowed);
    QFETCH(QString, effective);

    ActorGrant grant;
    grant.scopeSlug = u"acme"_s;
    grant.rules = {rule(u"chat/acme/general/messages"_s, permission,
                        u"scope-1/room-general/messages"_s, u"app-chat"_s)};

    const TopicResolution resolution =
        resolveTopic(grant, topic, publish ? TopicAction::Publish : TopicAction::Subscribe);
    QCOMPARE(resolution.allowed, allowed);
    if (allowed) {
        QCOMPARE(resolution.effectiveTopic, effective);
        QCOMPARE(resolution.route, u"scope-1/room-general/messages"_s);
    }

    // Restored subscriptions are checked without injection (wire-protocol §3.5).
    const TopicResolution restored =
        resolveTopic(grant, topic, TopicAction::Subscribe, /*scopeInjection*/ false);
    QCOMPARE(restored.allowed,
             topic == u"chat/acme/general/messages"_s && permission != Permission::Publish);
}

void tst_Topics::routeKeysKeepFiltersApart()
{
    QCOMPARE(routeKey(u"a/b"_s, QString()), u"a/b"_s);
    QVERIFY(routeKey(u"a/b"_s, u"c"_s) != u"a/b/c"_s);
    QVERIFY(routeKey(u"a/b"_s, u"c"_s) != routeKey(u"a/b/c"_s, QString()));
}

QTEST_GUILESS_MAIN(tst_Topics)
#include "tst_topics.moc"
