// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// The admin forms: each field's local rules (rest-api.md §3), the request bodies they make,
// and where a server's refusal lands.

#include "admin/adminform.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

std::unique_ptr<AdminForm> makeForm(const QString &kind)
{
    if (kind == "app"_L1) {
        return std::make_unique<AdminAppForm>();
    }
    if (kind == "room"_L1) {
        return std::make_unique<AdminRoomForm>();
    }
    if (kind == "actor"_L1) {
        return std::make_unique<AdminActorForm>();
    }
    return std::make_unique<AdminGrantForm>();
}

QString topicList(int count)
{
    QStringList topics;
    for (int i = 0; i < count; ++i) {
        topics.append(u"t%1"_s.arg(i));
    }
    return topics.join(u", "_s);
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace

class tst_AdminForms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void fieldRules_data();
    void fieldRules();
    void untouchedFieldsWaitForValidate();
    void grantNeedsOneTarget_data();
    void grantNeedsOneTarget();
    void serverErrorLandsOnField_data();
    void serverErrorLandsOnField();
    void editingClearsTheServerError();
    void body_data();
    void body();
    void serverField_data();
    void serverField();
    void splitTopics_data();
    void splitTopics();
    void unknownFieldIsRefused();
    void choicesHaveLabels();
};

void tst_AdminForms::fieldRules_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("editing");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("problem"); // empty: accepted

    const QString a255 = QString(255, u'a');
    QTest::addRow("app name empty")
        << u"app"_s << false << u"name"_s << QVariant(u""_s) << u"Required"_s;
    QTest::addRow("app name blank")
        << u"app"_s << false << u"name"_s << QVariant(u"   "_s) << u"Required"_s;
    QTest::addRow("app name 255") << u"app"_s << false << u"name"_s << QVariant(a255) << u""_s;
    QTest::addRow("app name 256") << u"app"_s << false << u"name"_s << QVariant(a255 + u"a"_s)
                                  << u"At most 255 characters"_s;
    QTest::addRow("app slug empty is fine")
        << u"app"_s << false << u"slug"_s << QVariant(u""_s) << u""_s;
    QTest::addRow("app slug good")
        << u"app"_s << false << u"slug"_s << QVariant(u"support-team"_s) << u""_s;
    QTest::addRow("app slug upper case")
        << u"app"_s << false << u"slug"_s << QVariant(u"Bad_Slug"_s) << u"lower-case"_s;
    QTest::addRow("app slug double hyphen")
        << u"app"_s << false << u"slug"_s << QVariant(u"a--b"_s) << u"lower-case"_s;
    QTest::addRow("app slug leading hyphen")
        << u"app"_s << false << u"slug"_s << QVariant(u"-a"_s) << u"lower-case"_s;
    QTest::addRow("app slug 101") << u"app"_s << false << u"slug"_s << QVariant(QString(101, u'a'))
                                  << u"At most 100"_s;
    QTest::addRow("app description 2001") << u"app"_s << false << u"description"_s
                                          << QVariant(QString(2001, u'd')) << u"At most 2000"_s;
    QTest::addRow("app topics good")
        << u"app"_s << false << u"topics"_s << QVariant(u"webrtc:offer, typing_2,x-y"_s) << u""_s;
    QTest::addRow("app topic with slash")
        << u"app"_s << false << u"topics"_s << QVariant(u"a/b"_s) << u"\"a/b\" is not a valid"_s;
    QTest::addRow("app topic with space inside quotes")
        << u"app"_s << false << u"topics"_s << QVariant(u"ok, b@d"_s) << u"\"b@d\""_s;
    QTest::addRow("app topic 101 characters")
        << u"app"_s << false << u"topics"_s << QVariant(QString(101, u't')) << u"not a valid"_s;
    QTest::addRow("app topic listed twice")
        << u"app"_s << false << u"topics"_s << QVariant(u"x, y, x"_s) << u"\"x\" is listed twice"_s;
    QTest::addRow("app 100 topics")
        << u"app"_s << false << u"topics"_s << QVariant(topicList(100)) << u""_s;
    QTest::addRow("app 101 topics")
        << u"app"_s << false << u"topics"_s << QVariant(topicList(101)) << u"At most 100 topics"_s;
    QTest::addRow("room name empty")
        << u"room"_s << false << u"name"_s << QVariant(u""_s) << u"Required"_s;
    QTest::addRow("room slug bad on create")
        << u"room"_s << false << u"slug"_s << QVariant(u"Support"_s) << u"lower-case"_s;
    QTest::addRow("room slug not checked on edit")
        << u"room"_s << true << u"slug"_s << QVariant(u"Support"_s) << u""_s;
    QTest::addRow("room name empty on edit")
        << u"room"_s << true << u"name"_s << QVariant(u""_s) << u"Required"_s;
    QTest::addRow("actor name empty")
        << u"actor"_s << false << u"name"_s << QVariant(u""_s) << u"Required"_s;
    QTest::addRow("actor type unknown") << u"actor"_s << false << u"actorType"_s
                                        << QVariant(u"robot"_s) << u"\"robot\" is not one of"_s;
    QTest::addRow("actor type empty")
        << u"actor"_s << false << u"actorType"_s << QVariant(u""_s) << u"Choose one"_s;
    QTest::addRow("actor type orchestrator")
        << u"actor"_s << false << u"actorType"_s << QVariant(u"orchestrator"_s) << u""_s;
    QTest::addRow("actor external id 256")
        << u"actor"_s << false << u"externalId"_s << QVariant(a255 + u"x"_s) << u"At most 255"_s;
    QTest::addRow("grant permission unknown")
        << u"grant"_s << false << u"permission"_s << QVariant(u"owner"_s) << u"is not one of"_s;
    QTest::addRow("grant permission subscribe")
        << u"grant"_s << false << u"permission"_s << QVariant(u"subscribe"_s) << u""_s;
    QTest::addRow("grant expiry not a date")
        << u"grant"_s << false << u"expiresAt"_s << QVariant(u"tomorrow"_s) << u"ISO 8601"_s;
    QTest::addRow("grant expiry ISO")
        << u"grant"_s << false << u"expiresAt"_s << QVariant(u"2026-12-31T23:59:00Z"_s) << u""_s;
    QTest::addRow("grant role 101")
        << u"grant"_s << false << u"role"_s << QVariant(QString(101, u'r')) << u"At most 100"_s;
    QTest::addRow("grant actor type unknown")
        << u"grant"_s << false << u"actorType"_s << QVariant(u"robot"_s) << u"is not one of"_s;
}

void tst_AdminForms::fieldRules()
{
    QFETCH(QString, kind);
    QFETCH(bool, editing);
    QFETCH(QString, field);
    QFETCH(QVariant, value);
    QFETCH(QString, problem);

    const std::unique_ptr<AdminForm> form = makeForm(kind);
    if (editing) {
        form->startEdit(u"id-1"_s, json(R"({"name": "Old", "slug": "old"})"));
    }
    QSignalSpy errors(form.get(), &AdminForm::errorsChanged);
    form->setValue(field, value);

    QVERIFY(errors.count() >= 1);
    if (problem.isEmpty()) {
        QCOMPARE(form->error(field), QString());
        QVERIFY(!form->errors().contains(field));
    } else {
        QVERIFY2(form->error(field).contains(problem), qPrintable(form->error(field)));
        QVERIFY(!form->isValid());
    }
}

void tst_AdminForms::untouchedFieldsWaitForValidate()
{
    AdminAppForm form;
    QVERIFY(form.errors().isEmpty());
    QVERIFY(!form.isValid()); // the name is required

    QVERIFY(!form.validate());
    QCOMPARE(form.error(u"name"_s), u"Required."_s);

    form.setValue(u"name"_s, u"Chat"_s);
    QVERIFY(form.isValid());
    QVERIFY(form.errors().isEmpty());
}

void tst_AdminForms::grantNeedsOneTarget_data()
{
    QTest::addColumn<QString>("actorTokenId");
    QTest::addColumn<QString>("actorType");
    QTest::addColumn<QString>("problem");

    QTest::addRow("neither") << u""_s << u""_s << u"Choose an actor"_s;
    QTest::addRow("both") << u"a1"_s << u"device"_s << u"not both"_s;
    QTest::addRow("one actor") << u"a1"_s << u""_s << u""_s;
    QTest::addRow("one type") << u""_s << u"device"_s << u""_s;
}

void tst_AdminForms::grantNeedsOneTarget()
{
    QFETCH(QString, actorTokenId);
    QFETCH(QString, actorType);
    QFETCH(QString, problem);

    AdminGrantForm form;
    form.setValue(u"actorTokenId"_s, actorTokenId);
    form.setValue(u"actorType"_s, actorType);
    QCOMPARE(form.validate(), problem.isEmpty());
    if (problem.isEmpty()) {
        QCOMPARE(form.error(u"actorTokenId"_s), QString());
    } else {
        QVERIFY2(form.error(u"actorTokenId"_s).contains(problem),
                 qPrintable(form.error(u"actorTokenId"_s)));
    }
}

void tst_AdminForms::serverErrorLandsOnField_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("field"); // empty: the form's own error
    QTest::addColumn<QString>("shown");

    // The messages are nolag-local's, "<field>: <problem>" (server/controlplane/restapi.cpp).
    QTest::addRow("app slug refused") << u"app"_s << 400 << u"slug: must be at most 95 characters"_s
                                      << u"slug"_s << u"Must be at most 95 characters"_s;
    QTest::addRow("app slug taken")
        << u"app"_s << 409
        << u"slug: an app with the slug \"chat\" already exists in this project"_s << u"slug"_s
        << u"An app with the slug \"chat\" already exists"_s;
    QTest::addRow("app third topic")
        << u"app"_s << 400 << u"topics[2]: \"a/b\" is not a valid topic name"_s << u"topics"_s
        << u"\"a/b\" is not a valid topic name"_s;
    QTest::addRow("app config flag")
        << u"app"_s << 400 << u"config.autoProvisionRooms: must be true or false"_s
        << u"autoProvisionRooms"_s << u"Must be true or false"_s;
    QTest::addRow("room name long") << u"room"_s << 400 << u"name: must be at most 255 characters"_s
                                    << u"name"_s << u"Must be at most 255"_s;
    QTest::addRow("room enabled flag") << u"room"_s << 400 << u"isEnabled: must be true or false"_s
                                       << u"enabled"_s << u"Must be true or false"_s;
    QTest::addRow("room slug taken")
        << u"room"_s << 409
        << u"slug: a room with the slug \"general\" already exists in this app"_s << u"slug"_s
        << u"A room with the slug"_s;
    QTest::addRow("actor type") << u"actor"_s << 400
                                << u"actorType: \"robot\" is not one of user, device"_s
                                << u"actorType"_s << u"\"robot\" is not one of"_s;
    QTest::addRow("grant unknown actor")
        << u"grant"_s << 400 << u"actorTokenId: this project has no actor with the id \"x\""_s
        << u"actorTokenId"_s << u"This project has no actor"_s;
    QTest::addRow("grant expiry") << u"grant"_s << 400
                                  << u"expiresAt: must be an ISO 8601 date and time"_s
                                  << u"expiresAt"_s << u"Must be an ISO 8601"_s;
    QTest::addRow("field the form does not have")
        << u"actor"_s << 400 << u"accessScopeId: this project has no scope"_s << u""_s
        << u"refused the request (HTTP 400): accessScopeId"_s;
    QTest::addRow("no field named")
        << u"app"_s << 400 << u"body: must be a JSON object"_s << u""_s << u"(HTTP 400)"_s;
    QTest::addRow("unauthorised") << u"app"_s << 401 << u"Missing or invalid API key"_s << u""_s
                                  << u"refused the API key (HTTP 401)"_s;
    QTest::addRow("forbidden") << u"room"_s << 403
                               << u"autoProvisionRooms is disabled for this app"_s << u""_s
                               << u"Not allowed (HTTP 403): autoProvisionRooms is disabled"_s;
    QTest::addRow("forbidden names a field")
        << u"room"_s << 403 << u"slug: static rooms cannot be deleted"_s << u""_s
        << u"Not allowed (HTTP 403)"_s;
    QTest::addRow("not found") << u"app"_s << 404 << u"App not found"_s << u""_s
                               << u"Not found (HTTP 404): App not found"_s;
    QTest::addRow("conflict without field")
        << u"room"_s << 409 << u"this app has reached its cap of 1000 dynamic rooms"_s << u""_s
        << u"Already exists (HTTP 409)"_s;
    QTest::addRow("no answer") << u"app"_s << 0 << u"Connection refused"_s << u""_s
                               << u"did not answer: Connection refused"_s;
    QTest::addRow("timeout") << u"app"_s << 408 << u"Request timeout"_s << u""_s << u"too long"_s;
}

void tst_AdminForms::serverErrorLandsOnField()
{
    QFETCH(QString, kind);
    QFETCH(int, status);
    QFETCH(QString, message);
    QFETCH(QString, field);
    QFETCH(QString, shown);

    const std::unique_ptr<AdminForm> form = makeForm(kind);
    QCOMPARE(form->applyServerError(status, message), field);
    if (field.isEmpty()) {
        QVERIFY2(form->formError().contains(shown), qPrintable(form->formError()));
        QVERIFY(form->errors().isEmpty());
    } else {
        QVERIFY2(form->error(field).contains(shown), qPrintable(form->error(field)));
        QCOMPARE(form->formError(), QString());
    }
}

void tst_AdminForms::editingClearsTheServerError()
{
    AdminRoomForm form;
    form.setValue(u"name"_s, u"General"_s);
    form.setValue(u"slug"_s, u"general"_s);
    form.applyServerError(409, u"slug: a room with the slug \"general\" already exists"_s);
    QVERIFY(!form.error(u"slug"_s).isEmpty());

    form.setValue(u"name"_s, u"General 2"_s); // another field: the slug's error stays
    QVERIFY(!form.error(u"slug"_s).isEmpty());

    form.setValue(u"slug"_s, u"general-2"_s);
    QCOMPARE(form.error(u"slug"_s), QString());
    QVERIFY(form.isValid());
}

void tst_AdminForms::body_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("resource"); // empty: a new entry
    QTest::addColumn<QVariantMap>("values");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("new app, name only")
        << u"app"_s << QByteArray() << QVariantMap{{u"name"_s, u"Chat"_s}}
        << QByteArray(R"({"name": "Chat"})");
    QTest::addRow("new app, name trimmed, topics, on demand")
        << u"app"_s << QByteArray()
        << QVariantMap{{u"name"_s, u" Chat "_s},
                       {u"topics"_s, u"messages,  typing\ntelemetry"_s},
                       {u"autoProvisionRooms"_s, true}}
        << QByteArray(R"({"name": "Chat", "topics": ["messages", "typing", "telemetry"],
                          "config": {"autoProvisionRooms": true}})");
    QTest::addRow("edited app, description only")
        << u"app"_s << QByteArray(R"({"name": "Chat", "slug": "chat-1a2b", "topics": ["a"]})")
        << QVariantMap{{u"description"_s, u"For support"_s}}
        << QByteArray(R"({"description": "For support"})");
    QTest::addRow("edited app keeps the rest of its config")
        << u"app"_s << QByteArray(R"({"name": "Chat", "config": {"theme": "blue"}})")
        << QVariantMap{{u"autoProvisionRooms"_s, true}}
        << QByteArray(R"({"config": {"theme": "blue", "autoProvisionRooms": true}})");
    QTest::addRow("edited app, nothing changed")
        << u"app"_s << QByteArray(R"({"name": "Chat"})") << QVariantMap{{u"name"_s, u"Chat"_s}}
        << QByteArray("{}");
    QTest::addRow("new room does not send enabled")
        << u"room"_s << QByteArray() << QVariantMap{{u"name"_s, u"Support Team"_s}}
        << QByteArray(R"({"name": "Support Team"})");
    QTest::addRow("edited room, disabled, slug never sent")
        << u"room"_s << QByteArray(R"({"name": "General", "slug": "general", "isEnabled": true})")
        << QVariantMap{{u"enabled"_s, false}, {u"slug"_s, u"other"_s}}
        << QByteArray(R"({"isEnabled": false})");
    QTest::addRow("edited room, topics")
        << u"room"_s << QByteArray(R"({"name": "General", "topics": ["a"]})")
        << QVariantMap{{u"topics"_s, u"a, b"_s}} << QByteArray(R"({"topics": ["a", "b"]})");
    QTest::addRow("new actor, default type")
        << u"actor"_s << QByteArray() << QVariantMap{{u"name"_s, u"tester"_s}}
        << QByteArray(R"({"name": "tester", "actorType": "user"})");
    QTest::addRow("edited actor, type never sent")
        << u"actor"_s << QByteArray(R"({"name": "a", "actorType": "device"})")
        << QVariantMap{{u"actorType"_s, u"user"_s}, {u"externalId"_s, u"ext-9"_s}}
        << QByteArray(R"({"externalId": "ext-9"})");
    QTest::addRow("grant to a type with an expiry in UTC")
        << u"grant"_s << QByteArray()
        << QVariantMap{{u"actorType"_s, u"device"_s},
                       {u"permission"_s, u"subscribe"_s},
                       {u"expiresAt"_s, u"2026-12-31T23:59:00+01:00"_s}}
        << QByteArray(R"({"actorType": "device", "permission": "subscribe",
                          "expiresAt": "2026-12-31T22:59:00.000Z"})");
    QTest::addRow("grant to an actor, default permission")
        << u"grant"_s << QByteArray() << QVariantMap{{u"actorTokenId"_s, u"a1"_s}}
        << QByteArray(R"({"actorTokenId": "a1", "permission": "pubSub"})");
}

void tst_AdminForms::body()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, resource);
    QFETCH(QVariantMap, values);
    QFETCH(QByteArray, expected);

    const std::unique_ptr<AdminForm> form = makeForm(kind);
    if (!resource.isEmpty()) {
        form->startEdit(u"id-1"_s, QJsonDocument::fromJson(resource).object());
        QCOMPARE(form->mode(), AdminForm::Edit);
    }
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        form->setValue(it.key(), it.value());
    }
    QCOMPARE(form->body(), QJsonDocument::fromJson(expected).object());
}

void tst_AdminForms::serverField_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("rest");

    QTest::addRow("plain") << u"name: is required"_s << u"name"_s << u"is required"_s;
    QTest::addRow("indexed") << u"topics[12]: bad"_s << u"topics[12]"_s << u"bad"_s;
    QTest::addRow("nested") << u"config.autoProvisionRooms: must be true or false"_s
                            << u"config.autoProvisionRooms"_s << u"must be true or false"_s;
    QTest::addRow("no field") << u"App not found"_s << u""_s << u""_s;
    QTest::addRow("sentence with a colon") << u"Not allowed here: sorry"_s << u""_s << u""_s;
    QTest::addRow("empty") << u""_s << u""_s << u""_s;
}

void tst_AdminForms::serverField()
{
    QFETCH(QString, message);
    QFETCH(QString, field);
    QFETCH(QString, rest);

    QString actualRest;
    QCOMPARE(AdminForm::serverField(message, &actualRest), field);
    QCOMPARE(actualRest, rest);
}

void tst_AdminForms::splitTopics_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("topics");

    QTest::addRow("empty") << u""_s << QStringList();
    QTest::addRow("commas") << u"a,b, c"_s << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::addRow("lines and spaces")
        << u" a\nb  c;d "_s << QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s};
    QTest::addRow("separators only") << u" , ;\n"_s << QStringList();
}

void tst_AdminForms::splitTopics()
{
    QFETCH(QString, text);
    QFETCH(QStringList, topics);
    QCOMPARE(AdminForm::splitTopics(text), topics);
}

void tst_AdminForms::unknownFieldIsRefused()
{
    AdminActorForm form;
    QTest::ignoreMessage(QtWarningMsg, "The admin form has no field \"colour\"");
    form.setValue(u"colour"_s, u"red"_s);
    QVERIFY(!form.values().contains(u"colour"_s));
}

void tst_AdminForms::choicesHaveLabels()
{
    AdminGrantForm grant;
    QCOMPARE(grant.choices(u"permission"_s),
             (QStringList{u"subscribe"_s, u"publish"_s, u"pubSub"_s}));
    QCOMPARE(grant.choiceLabels(u"permission"_s),
             (QStringList{u"subscribe only"_s, u"publish only"_s, u"subscribe and publish"_s}));
    QCOMPARE(grant.choices(u"actorType"_s), AdminActorForm::actorTypes());
    QCOMPARE(grant.choiceLabels(u"actorType"_s), AdminActorForm::actorTypes());
    QCOMPARE(grant.choices(u"role"_s), QStringList());
    QCOMPARE(grant.choices(u"no such field"_s), QStringList());
}

QTEST_GUILESS_MAIN(tst_AdminForms)

#include "tst_adminforms.moc"
