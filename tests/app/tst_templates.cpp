// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// Publish templates: each placeholder, templates saved per profile, and repeating a publish N
// times at a rate against the real nolag-local (the counter runs 1..N per message).

#include "localserver.h"
#include "publish/publisher.h"
#include "templates/publishrepeater.h"
#include "templates/publishtemplate.h"
#include "templates/templatelistmodel.h"

#include <NoLagQt/nolagclient.h>
#include <NoLagQt/nolagmessage.h>
#include <NoLagQt/nolagsubscription.h>

#include <QtCore/QJsonDocument>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUuid>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class tst_Templates : public QObject
{
    Q_OBJECT

private:
    NoLagTest::LocalServer m_server{{u"--open"_s, u"--rate-limit"_s, u"0"_s}};
    QTemporaryDir m_dir;

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void expand_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("counter");
        QTest::addColumn<QString>("expected"); // "<uuid>" stands for any UUID
        QTest::addColumn<QString>("error");

        QTest::addRow("no placeholder") << u"{\"a\": 1}"_s << 1ll << u"{\"a\": 1}"_s << QString();
        QTest::addRow("counter as number")
            << u"{\"n\": {{counter}}}"_s << 42ll << u"{\"n\": 42}"_s << QString();
        QTest::addRow("counter in topic")
            << u"demo/load/{{counter}}"_s << 7ll << u"demo/load/7"_s << QString();
        QTest::addRow("spaces and case") << u"{{ Counter }}"_s << 3ll << u"3"_s << QString();
        QTest::addRow("timestamp")
            << u"{\"t\": {{timestamp}}}"_s << 1ll << u"{\"t\": 1700000000123}"_s << QString();
        QTest::addRow("uuid in a string")
            << u"{\"id\": \"{{uuid}}\"}"_s << 1ll << u"{\"id\": \"<uuid>\"}"_s << QString();
        QTest::addRow("unknown")
            << u"{{nope}} {{counter}}"_s << 2ll << u"{{nope}} 2"_s
            << u"Unknown placeholder {{nope}}; the placeholders are {{uuid}}, {{timestamp}}, {{counter}}."_s;
        QTest::addRow("single braces stay") << u"{counter}"_s << 2ll << u"{counter}"_s << QString();
    }

    void expand()
    {
        QFETCH(QString, text);
        QFETCH(qint64, counter);
        QFETCH(QString, expected);
        QFETCH(QString, error);

        PublishTemplate::Values values;
        values.counter = counter;
        values.timestampMs = 1700000000123;
        QString got;
        QString result = PublishTemplate::expand(text, values, &got);
        QCOMPARE(got, error);
        const qsizetype uuidAt = expected.indexOf(u"<uuid>"_s);
        if (uuidAt >= 0) {
            const QString uuid = result.mid(uuidAt, 36);
            QVERIFY2(!QUuid::fromString(uuid).isNull(), qPrintable(uuid));
            result.replace(uuidAt, 36, u"<uuid>"_s);
            // A new one every time.
            QVERIFY(PublishTemplate::expand(text, values).mid(uuidAt, 36) != uuid);
        }
        QCOMPARE(result, expected);
    }

    void currentTimestamp()
    {
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const qint64 stamp = PublishTemplate::expand(u"{{timestamp}}"_s, {}).toLongLong();
        QVERIFY(stamp >= before);
        QVERIFY(stamp <= QDateTime::currentMSecsSinceEpoch());
    }

    void savedPerProfile()
    {
        QVERIFY(m_dir.isValid());
        QSettings settings(m_dir.filePath(u"templates.ini"_s), QSettings::IniFormat);
        Publisher form(nullptr);
        form.setTopic(u"demo/load/{{counter}}"_s);
        form.setPayload(u"{\"id\": \"{{uuid}}\", \"n\": {{counter}}}"_s);
        form.setQos(2);

        {
            TemplateListModel templates(&settings);
            templates.setProfileId(u"profile-a"_s);
            QVERIFY(!templates.save(u"  "_s, &form));
            QCOMPARE(templates.errorString(), u"Give the template a name."_s);
            QVERIFY(templates.save(u"Load test"_s, &form));
            form.setTopic(u"demo/other"_s);
            QVERIFY(templates.save(u"Other"_s, &form));
            QVERIFY(templates.save(u"Other"_s, &form)); // replaces, no duplicate
            QCOMPARE(templates.count(), 2);
            QCOMPARE(
                templates.data(templates.index(0), TemplateListModel::HasPlaceholdersRole).toBool(),
                true);
        }
        settings.sync();

        TemplateListModel again(&settings);
        again.setProfileId(u"profile-a"_s);
        QCOMPARE(again.count(), 2);
        Publisher loaded(nullptr);
        again.apply(0, &loaded);
        QCOMPARE(loaded.topic(), u"demo/load/{{counter}}"_s);
        QCOMPARE(loaded.payload(), u"{\"id\": \"{{uuid}}\", \"n\": {{counter}}}"_s);
        QCOMPARE(loaded.qos(), 2);
        again.remove(1);
        QCOMPARE(again.count(), 1);

        TemplateListModel other(&settings);
        other.setProfileId(u"profile-b"_s);
        QCOMPARE(other.count(), 0); // another profile's templates are its own
    }

    void repeat_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<double>("rate");
        QTest::addRow("5 at 50 per second") << 5 << 50.0;
        QTest::addRow("200 at 2000 per second") << 200 << 2000.0;
    }

    void repeat()
    {
        QFETCH(int, count);
        QFETCH(double, rate);
        if (!m_server.isRunning()) {
            QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        }

        NoLagClient listener(u"listener"_s, NoLagOptions(m_server.webSocketUrl()));
        NoLagClient sender(u"sender"_s, NoLagOptions(m_server.webSocketUrl()));
        QSignalSpy listenerUp(&listener, &NoLagClient::connected);
        QSignalSpy senderUp(&sender, &NoLagClient::connected);
        listener.connectToServer();
        sender.connectToServer();
        QVERIFY(listenerUp.wait(15000));
        QTRY_VERIFY_WITH_TIMEOUT(sender.isConnected(), 15000);

        NoLagSubscription *subscription = listener.subscribe(u"tmpl/load/items"_s);
        QTRY_VERIFY_WITH_TIMEOUT(subscription->isActive(), 15000);
        QList<QVariantMap> received;
        QStringList topics;
        connect(subscription, &NoLagSubscription::messageReceived, this,
                [&](const NoLagMessage &message) {
                    received.append(message.data().toMap());
                    topics.append(message.topic());
                });

        Publisher form(&sender);
        form.setTopic(u"tmpl/load/items"_s);
        form.setPayload(u"{\"id\": \"{{uuid}}\", \"n\": {{counter}}, \"at\": {{timestamp}}}"_s);
        PublishRepeater repeater;
        repeater.setTarget(&form, &sender);
        repeater.setCount(count);
        repeater.setRate(rate);
        QSignalSpy finished(&repeater, &PublishRepeater::finished);
        QVERIFY(repeater.start());

        // Paced: the first message goes at once, the rest when they are due.
        QCOMPARE(repeater.sentCount(), 1);
        QVERIFY(repeater.isRunning());

        QVERIFY(finished.wait(30000));
        QCOMPARE(repeater.sentCount(), count);
        QTRY_COMPARE_WITH_TIMEOUT(repeater.acceptedCount(), count, 15000);
        QCOMPARE(repeater.failedCount(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), count, 15000);

        QSet<QString> ids;
        for (int i = 0; i < count; ++i) {
            QCOMPARE(received.at(i).value(u"n"_s).toInt(), i + 1);
            QCOMPARE(topics.at(i), u"tmpl/load/items"_s);
            QVERIFY(received.at(i).value(u"at"_s).toLongLong() > 1700000000000);
            ids.insert(received.at(i).value(u"id"_s).toString());
        }
        QCOMPARE(ids.size(), count);
    }

    void brokenTemplateSendsNothing()
    {
        Publisher form(nullptr);
        form.setTopic(u"tmpl/x"_s);
        form.setPayload(u"{\"n\": {{counter}"_s);
        PublishRepeater repeater;
        repeater.setTarget(&form, nullptr);
        QVERIFY(!repeater.start());
        QCOMPARE(repeater.errorString(), u"There is no connection to publish on."_s);
        QCOMPARE(repeater.sentCount(), 0);
    }
};

QTEST_MAIN(tst_Templates)

#include "tst_templates.moc"
