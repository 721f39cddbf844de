// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// "What may this token do", worked out from apps, rooms and grants (rest-api.md §6): one row
// per rule of the spec.

#include "admin/adminpermissions.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

Q_DECLARE_METATYPE(AdminAccessInput)

using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(text, &error).object();
    if (error.error != QJsonParseError::NoError) {
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    }
    return object;
}

// One app "chat" (topics msg, typing) with rooms "lobby" and "vip"; the grants of vip, the
// actor and the rest are given per row.
AdminAccessInput input(const QByteArray &actor, const QByteArray &vipGrants,
                       const QByteArray &appTopics = R"(["msg", "typing"])", bool vipEnabled = true,
                       const QByteArray &scope = "{}")
{
    AdminAccessInput in;
    in.now = QDateTime(QDate(2026, 12, 4), QTime(8, 0), Qt::UTC);
    in.actor = json(actor);
    in.scope = json(scope);
    in.apps = {json(R"({"appId": "A", "slug": "chat", "topics": )" + appTopics + "}")};
    in.roomsOfApp.insert(u"A"_s,
                         {json(R"({"roomId": "R1", "slug": "lobby", "topics": ["own"]})"),
                          json(R"({"roomId": "R2", "slug": "vip", "topics": ["own"],
                                   "isEnabled": )" +
                               QByteArray(vipEnabled ? "true" : "false") + "}")});
    QList<QJsonObject> grants;
    for (const QJsonValue &grant : QJsonDocument::fromJson(vipGrants).array()) {
        grants.append(grant.toObject());
    }
    in.grantsOfRoom.insert(u"R2"_s, grants);
    return in;
}

// "topic:sp" per rule, s = subscribe, p = publish.
QStringList describe(const QList<AdminAccessRule> &rules)
{
    QStringList lines;
    for (const AdminAccessRule &rule : rules) {
        lines.append(rule.topic + u':' + (rule.subscribe ? u"s"_s : u""_s) +
                     (rule.publish ? u"p"_s : u""_s));
    }
    return lines;
}

const QByteArray alice = R"({"actorTokenId": "alice", "actorType": "user"})";
const QByteArray sensor = R"({"actorTokenId": "s1", "actorType": "device"})";

} // namespace

class tst_AdminPermissions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void derive_data();
    void derive();
    void viaNamesTheGrant();
};

void tst_AdminPermissions::derive_data()
{
    QTest::addColumn<AdminAccessInput>("in");
    QTest::addColumn<QStringList>("expected");

    const QStringList lobby{u"chat/lobby/msg:sp"_s, u"chat/lobby/typing:sp"_s};

    QTest::addRow("rooms without grants are open")
        << input(alice, "[]") << lobby + QStringList{u"chat/vip/msg:sp"_s, u"chat/vip/typing:sp"_s};
    QTest::addRow("a private room keeps others out")
        << input(alice, R"([{"actorTokenId": "bob", "permission": "pubSub"}])") << lobby;
    QTest::addRow("own subscribe-only grant")
        << input(alice, R"([{"actorTokenId": "alice", "permission": "subscribe"}])")
        << lobby + QStringList{u"chat/vip/msg:s"_s, u"chat/vip/typing:s"_s};
    QTest::addRow("publish-only grant with its own topics")
        << input(alice, R"([{"actorTokenId": "alice", "permission": "publish",
                             "topics": ["alerts"]}])")
        << QStringList{u"chat/lobby/msg:sp"_s, u"chat/lobby/typing:sp"_s, u"chat/vip/alerts:p"_s};
    QTest::addRow("two grants merge")
        << input(alice, R"([{"actorTokenId": "alice", "permission": "subscribe"},
                             {"actorTokenId": "alice", "permission": "publish",
                              "topics": ["msg"]}])")
        << lobby + QStringList{u"chat/vip/msg:sp"_s, u"chat/vip/typing:s"_s};
    QTest::addRow("a type grant applies")
        << input(sensor, R"([{"actorType": "device", "permission": "publish"}])")
        << lobby + QStringList{u"chat/vip/msg:p"_s, u"chat/vip/typing:p"_s};
    QTest::addRow("an own grant beats the type grant")
        << input(sensor, R"([{"actorType": "device", "permission": "pubSub"},
                             {"actorTokenId": "s1", "permission": "subscribe"}])")
        << lobby + QStringList{u"chat/vip/msg:s"_s, u"chat/vip/typing:s"_s};
    QTest::addRow("a type grant of another type")
        << input(alice, R"([{"actorType": "device", "permission": "pubSub"}])") << lobby;
    QTest::addRow("an expired grant is ignored")
        << input(alice, R"([{"actorTokenId": "alice", "permission": "pubSub",
                             "expiresAt": "2026-12-01T00:00:00.000Z"}])")
        << lobby;
    QTest::addRow("a grant expiring later applies")
        << input(alice, R"([{"actorTokenId": "alice", "permission": "pubSub",
                             "expiresAt": "2027-01-01T00:00:00.000Z"}])")
        << lobby + QStringList{u"chat/vip/msg:sp"_s, u"chat/vip/typing:sp"_s};
    QTest::addRow("an inactive grant is ignored")
        << input(alice, R"([{"actorTokenId": "alice", "permission": "pubSub",
                             "isActive": false}])")
        << lobby;
    QTest::addRow("a disabled room gives nothing")
        << input(alice, "[]", R"(["msg", "typing"])", false) << lobby;
    QTest::addRow("an app without topics uses the room's")
        << input(alice, "[]", "[]") << QStringList{u"chat/lobby/own:sp"_s, u"chat/vip/own:sp"_s};
    QTest::addRow("a deactivated actor may do nothing")
        << input(R"({"actorTokenId": "alice", "actorType": "user", "isActive": false})", "[]")
        << QStringList();
    QTest::addRow("a scoped actor's topics carry the scope")
        << input(alice, R"([{"actorTokenId": "bob", "permission": "pubSub"}])", R"(["msg"])", true,
                 R"({"slug": "acme", "isActive": true})")
        << QStringList{u"chat/acme/lobby/msg:sp"_s};
    QTest::addRow("an inactive scope gives nothing")
        << input(alice, "[]", R"(["msg"])", true, R"({"slug": "acme", "isActive": false})")
        << QStringList();
}

void tst_AdminPermissions::derive()
{
    QFETCH(AdminAccessInput, in);
    QFETCH(QStringList, expected);
    QCOMPARE(describe(AdminPermissionsModel::derive(in)), expected);
}

void tst_AdminPermissions::viaNamesTheGrant()
{
    const QList<AdminAccessRule> rules = AdminPermissionsModel::derive(
        input(sensor, R"([{"actorType": "device", "permission": "publish"}])", R"(["msg"])"));
    QCOMPARE(rules.size(), 2);
    QCOMPARE(rules.at(0).topic, u"chat/lobby/msg"_s);
    QVERIFY(rules.at(0).via.contains(u"Open room"_s));
    QCOMPARE(rules.at(1).topic, u"chat/vip/msg"_s);
    QCOMPARE(rules.at(1).via, u"Grant to every device"_s);
    QCOMPARE(rules.at(1).appSlug, u"chat"_s);
    QCOMPARE(rules.at(1).roomSlug, u"vip"_s);
    QCOMPARE(rules.at(1).topicName, u"msg"_s);
}

QTEST_GUILESS_MAIN(tst_AdminPermissions)

#include "tst_adminpermissions.moc"
