// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "connections/profilestore.h"
#include "connections/secretstore.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class tst_Profiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void validation_data()
    {
        QTest::addColumn<QVariantMap>("fields");
        QTest::addColumn<bool>("ok");
        QTest::addRow("complete") << QVariantMap{{u"name"_s, u"a"_s},
                                                 {u"brokerUrl"_s, u"ws://127.0.0.1:8080/ws"_s}}
                                  << true;
        QTest::addRow("no name") << QVariantMap{{u"brokerUrl"_s, u"ws://h/ws"_s}} << false;
        QTest::addRow("http broker")
            << QVariantMap{{u"name"_s, u"a"_s}, {u"brokerUrl"_s, u"http://h/ws"_s}} << false;
        QTest::addRow("bad protocol") << QVariantMap{{u"name"_s, u"a"_s},
                                                     {u"brokerUrl"_s, u"ws://h/ws"_s},
                                                     {u"protocolVersion"_s, 3}}
                                      << false;
        QTest::addRow("ftp api") << QVariantMap{{u"name"_s, u"a"_s},
                                                {u"brokerUrl"_s, u"ws://h/ws"_s},
                                                {u"apiUrl"_s, u"ftp://h/v1"_s}}
                                 << false;
    }
    void validation()
    {
        QFETCH(QVariantMap, fields);
        QFETCH(bool, ok);
        ConnectionProfile profile;
        profile.brokerUrl = QUrl();
        profile.update(fields);
        QCOMPARE(profile.validate().isEmpty(), ok);
    }

    void apiUrlFollowsTheBroker()
    {
        ConnectionProfile profile;
        profile.brokerUrl = QUrl(u"wss://broker.example:9000/ws"_s);
        QCOMPARE(profile.effectiveApiUrl(), QUrl(u"https://broker.example:9000/v1"_s));
        profile.apiUrl = QUrl(u"http://other/v1"_s);
        QCOMPARE(profile.effectiveApiUrl(), QUrl(u"http://other/v1"_s));
        QCOMPARE(profile.toOptions().url(), profile.brokerUrl);
    }

    void secretsNeverReachSettings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"settings.ini"_s);
        SecretStore secrets(SecretStore::Backend::Memory);
        QString id;
        {
            QSettings settings(path, QSettings::IniFormat);
            ProfileStore store(&settings, &secrets);
            id = store.save({{u"name"_s, u"Local"_s},
                             {u"brokerUrl"_s, u"ws://127.0.0.1:8080/ws"_s},
                             {u"token"_s, u"at_live_secret-token"_s},
                             {u"apiKey"_s, u"nlg_live_x.secret-key"_s}});
            QVERIFY(!id.isEmpty());
            QCOMPARE(store.count(), 1);
            QVERIFY(!store.secretsPersistent());
            QVERIFY(store.secretsNote().contains(u"memory"_s));
        }

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray contents = file.readAll();
        QVERIFY(contents.contains("Local"));
        QVERIFY(!contents.contains("secret-token"));
        QVERIFY(!contents.contains("secret-key"));

        // A new store reads the profile back; its secrets come from the secret store.
        QSettings settings(path, QSettings::IniFormat);
        ProfileStore store(&settings, &secrets);
        QCOMPARE(store.count(), 1);
        QCOMPARE(store.get(id).value(u"name"_s).toString(), u"Local"_s);
        QVERIFY(!store.get(id).contains(u"token"_s));

        bool called = false;
        store.withSecrets(id, this, [&](const ConnectionProfile &profile) {
            called = true;
            QCOMPARE(profile.token, u"at_live_secret-token"_s);
            QCOMPARE(profile.apiKey, u"nlg_live_x.secret-key"_s);
        });
        QTRY_VERIFY(called);

        // Saving again with empty secret fields keeps them; clearSecrets drops them.
        store.save({{u"id"_s, id}, {u"name"_s, u"Renamed"_s}});
        QCOMPARE(store.count(), 1);
        called = false;
        store.withSecrets(id, this, [&](const ConnectionProfile &profile) {
            called = true;
            QCOMPARE(profile.token, u"at_live_secret-token"_s);
        });
        QTRY_VERIFY(called);
        store.save({{u"id"_s, id}, {u"clearSecrets"_s, true}});
        called = false;
        store.withSecrets(id, this, [&](const ConnectionProfile &profile) {
            called = true;
            QVERIFY(profile.token.isEmpty());
        });
        QTRY_VERIFY(called);

        store.remove(id);
        QCOMPARE(store.count(), 0);
    }

    void invalidProfileIsRefused()
    {
        SecretStore secrets(SecretStore::Backend::Memory);
        ProfileStore store(nullptr, &secrets);
        QCOMPARE(store.save({{u"name"_s, QString()}}), QString());
        QVERIFY(!store.lastError().isEmpty());
        QCOMPARE(store.count(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_Profiles)
#include "tst_profiles.moc"
