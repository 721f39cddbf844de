// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT

// The static token file, the development-mode provider and the chain of providers.

#include "core/tokenproviders.h"

#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace NoLag::Server;

// Declared before the raw string literals below, which moc does not read past.
class tst_TokenFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void parsesTheOfficialShape();
    void refusesBadFiles_data();
    void refusesBadFiles();
    void reloadsWhenTheFileChanges();
    void openModeAcceptsAnyToken();
    void chainAsksInOrder();
};

namespace {

// The example of common.md, verbatim in shape.
const QByteArray ExampleFile = R"({
  "tokens": {
    "tok-1": {
      "actorTokenId": "actor-1", "projectId": "proj-1", "organizationId": "org-1",
      "actorType": "user", "rateLimit": 50, "maxConnections": 10,
      "maxMessageSizeBytes": 921600, "scopeSlug": "acme", "scopeId": "scope-1",
      "appId": "app-chat", "appName": "chat",
      "allowedTopics": [
        {"pattern": "chat/general/messages", "permission": "pubSub",
         "topic": "room-general/messages", "room_id": "room-general",
         "room_slug": "general", "app_id": "app-chat", "app_name": "chat"},
        {"pattern": "demo/general/#", "permission": "subscribe"}
      ],
      "allowedLobbies": [{"lobby_slug": "lobby-a", "lobby_id": "lobby-internal-1"}],
      "activeSubscriptions": [],
      "hydrationWebhook": "http://127.0.0.1:9/hook",
      "triggerWebhook": null,
      "topicWebhooks": {"messages": {"on_subscribe": "http://h/s", "on_publish": "http://h/p"}}
    }
  },
  "lobbies": [
    {"id": "lobby-internal-1", "slug": "lobby-a", "rooms": ["room-general", "room-other"]}
  ]
})";

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return false;
    }
    return file.write(contents) == contents.size();
}

} // namespace

void tst_TokenFile::parsesTheOfficialShape()
{
    QHash<QString, ActorGrant> tokens;
    QList<LobbyDefinition> lobbies;
    QString error;
    QVERIFY2(TokenFileProvider::parse(ExampleFile, &tokens, &lobbies, &error), qPrintable(error));

    QCOMPARE(tokens.size(), 1);
    const ActorGrant grant = tokens.value(u"tok-1"_s);
    QCOMPARE(grant.actorTokenId, u"actor-1"_s);
    QCOMPARE(grant.projectId, u"proj-1"_s);
    QCOMPARE(grant.organizationId, u"org-1"_s);
    QCOMPARE(grant.maxConnections, std::optional<int>(10));
    QCOMPARE(grant.scopeSlug, u"acme"_s);
    QCOMPARE(grant.rules.size(), 2);
    QCOMPARE(grant.rules[0].internalTopic, u"room-general/messages"_s);
    QCOMPARE(grant.rules[0].roomSlug, u"general"_s);
    QVERIFY(grant.rules[0].allowsPublish() && grant.rules[0].allowsSubscribe());
    QVERIFY(!grant.rules[1].allowsPublish());
    QCOMPARE(grant.rules[1].appId, u"app-chat"_s); // the token's app
    QCOMPARE(grant.lobbies.size(), 1);
    QCOMPARE(grant.lobbies[0].id, u"lobby-internal-1"_s);
    QCOMPARE(grant.hydrationWebhook, u"http://127.0.0.1:9/hook"_s);
    QVERIFY(grant.triggerWebhook.isEmpty());
    QCOMPARE(grant.topicWebhooks.value(u"messages"_s).onPublish, u"http://h/p"_s);
    QCOMPARE(lobbies.size(), 1);
    QCOMPARE(lobbies[0].roomIds, (QStringList{u"room-general"_s, u"room-other"_s}));
}

void tst_TokenFile::refusesBadFiles_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("error");

    QTest::addRow("not JSON") << QByteArray("{\"tokens\": ") << u"it is not valid JSON"_s;
    QTest::addRow("no tokens object")
        << QByteArray("{\"tokens\": []}") << u"it must be a JSON object with a \"tokens\" object"_s;
    QTest::addRow("entry not an object")
        << QByteArray(R"({"tokens": {"secret": 5}})") << u"token entry 1 is not a JSON object"_s;
    QTest::addRow("no actor id") << QByteArray(R"({"tokens": {"secret": {}}})")
                                 << u"token entry 1 has no \"actorTokenId\""_s;
    QTest::addRow("bad permission")
        << QByteArray(R"({"tokens": {"secret": {"actorTokenId": "a",
                 "allowedTopics": [{"pattern": "x", "permission": "PubSub"}]}}})")
        << u"rule 1 of the token of actor 'a' needs a \"pattern\" and a \"permission\""_s;
}

void tst_TokenFile::refusesBadFiles()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, error);

    QHash<QString, ActorGrant> tokens;
    QList<LobbyDefinition> lobbies;
    QString reason;
    QVERIFY(!TokenFileProvider::parse(contents, &tokens, &lobbies, &reason));
    QVERIFY2(reason.startsWith(error), qPrintable(reason));
    // Errors never show a token.
    QVERIFY(!reason.contains(u"secret"_s));
}

void tst_TokenFile::reloadsWhenTheFileChanges()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(u"tokens.json"_s);
    QVERIFY(writeFile(path, ExampleFile));
    TokenFileProvider provider(path);
    QString error;
    QVERIFY(provider.load(&error));

    QVERIFY(provider.authenticate(u"tok-1"_s).isGranted());
    QCOMPARE(provider.authenticate(u"other"_s).error, u"access_denied"_s);
    QVERIFY(provider.revalidate(u"actor-1"_s).isGranted());

    // The token disappears: refused at once, and revalidation says it was revoked.
    QVERIFY(writeFile(path, R"({"tokens": {}})"));
    QVERIFY(!provider.authenticate(u"tok-1"_s).isGranted());
    const AuthOutcome revalidation = provider.revalidate(u"actor-1"_s);
    QCOMPARE(revalidation.status, AuthOutcome::Status::Denied);
    QCOMPARE(revalidation.error, u"token_revoked"_s);

    // A broken rewrite keeps the last good tokens, and says so.
    QVERIFY(writeFile(path, ExampleFile));
    QVERIFY(provider.authenticate(u"tok-1"_s).isGranted());
    QVERIFY(writeFile(path, "{ broken"));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(u"The token file changed but cannot use"_s));
    QVERIFY(provider.authenticate(u"tok-1"_s).isGranted());

    TokenFileProvider missing(directory.filePath(u"absent.json"_s));
    QVERIFY(!missing.load(&error));
    QVERIFY2(error.startsWith(u"cannot read the token file"_s), qPrintable(error));
}

void tst_TokenFile::openModeAcceptsAnyToken()
{
    OpenProvider provider;
    const AuthOutcome first = provider.authenticate(u"anything"_s);
    QVERIFY(first.isGranted());
    QCOMPARE(first.grant.rules.size(), 1);
    QCOMPARE(first.grant.rules[0].pattern, u"#"_s);
    QVERIFY(first.grant.rules[0].allowsPublish() && first.grant.rules[0].allowsSubscribe());
    // The same token is the same actor every time; another token another actor.
    QCOMPARE(provider.authenticate(u"anything"_s).grant.actorTokenId, first.grant.actorTokenId);
    QVERIFY(provider.authenticate(u"else"_s).grant.actorTokenId != first.grant.actorTokenId);
    QVERIFY(!first.grant.actorTokenId.contains(u"anything"_s));
    QVERIFY(!provider.authenticate(QString()).isGranted());
}

void tst_TokenFile::chainAsksInOrder()
{
    StaticTokenProvider fixed;
    ActorGrant grant;
    grant.actorTokenId = u"fixed-actor"_s;
    fixed.setTokens({{u"known"_s, grant}}, {LobbyDefinition{u"l1"_s, u"lobby"_s, {}}});
    OpenProvider open;

    ChainProvider chain;
    QCOMPARE(chain.authenticate(u"known"_s).error, u"access_denied"_s);
    chain.append(&fixed);
    chain.append(&open);

    QCOMPARE(chain.authenticate(u"known"_s).grant.actorTokenId, u"fixed-actor"_s);
    const AuthOutcome other = chain.authenticate(u"unknown"_s);
    QVERIFY(other.isGranted());
    QVERIFY(other.grant.actorTokenId.startsWith(u"dev-"_s));
    // Each actor is revalidated by the provider that admitted it.
    fixed.setTokens({}, {});
    QCOMPARE(chain.revalidate(u"fixed-actor"_s).error, u"token_revoked"_s);
    QVERIFY(chain.revalidate(other.grant.actorTokenId).isGranted());
}

QTEST_GUILESS_MAIN(tst_TokenFile)
#include "tst_tokenfile.moc"
