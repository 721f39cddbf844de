// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// End to end, explorer part 2, against the real nolag-local --demo: create a room and an actor
// through the admin controller, connect with the actor's new token, publish from a template
// N times, record the traffic, export it (filtered) to CSV and JSON Lines, then reopen the
// recording and check what the traffic table, topic tree, inspector and charts hold.

#include "admin/admincontroller.h"
#include "charts/trafficcharts.h"
#include "localserver.h"
#include "recording/recorder.h"
#include "recording/recordinglist.h"
#include "recording/recordingsession.h"
#include "recording/trafficexporter.h"
#include "session/session.h"
#include "templates/publishrepeater.h"

#include <NoLagQt/nolagapi.h>
#include <NoLagQt/nolagsubscription.h>

#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class tst_ExplorerPart2EndToEnd : public QObject
{
    Q_OBJECT

private:
    NoLagTest::LocalServer m_server{{u"--demo"_s, u"--rate-limit"_s, u"0"_s}};
    QTemporaryDir m_dir;

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void recordExportReopen()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QFile tokens(m_server.dataDirectory() + u"/demo-tokens.json"_s);
        QVERIFY(tokens.open(QIODevice::ReadOnly));
        const QString apiKey =
            QJsonDocument::fromJson(tokens.readAll()).object().value(u"apiKey"_s).toString();
        QVERIFY(!apiKey.isEmpty());

        // 1. A room and an actor, made through the admin views' controller.
        NoLagApiOptions apiOptions;
        apiOptions.setBaseUrl(QUrl(m_server.httpUrl().toString() + u"/v1"_s));
        NoLagApi api(apiKey, apiOptions);
        AdminController admin;
        admin.setApi(&api, m_server.webSocketUrl());
        QTRY_VERIFY_WITH_TIMEOUT(admin.apps()->count() > 0, 15000);
        QVERIFY(admin.selectAppSlug(u"demo"_s));

        admin.newRoom();
        admin.roomForm()->setValue(u"name"_s, u"Part Two"_s);
        admin.roomForm()->setValue(u"slug"_s, u"part-two"_s);
        QSignalSpy roomSaved(&admin, &AdminController::roomSaved);
        admin.saveRoom();
        QVERIFY2(roomSaved.wait(15000), qPrintable(admin.errorString()));

        admin.newActor();
        admin.actorForm()->setValue(u"name"_s, u"part-two-sensor"_s);
        admin.actorForm()->setValue(u"actorType"_s, u"device"_s);
        QSignalSpy actorCreated(&admin, &AdminController::actorCreated);
        admin.saveActor();
        QVERIFY2(actorCreated.wait(15000), qPrintable(admin.errorString()));
        const QString token = actorCreated.at(0).at(1).toString();
        QVERIFY(!token.isEmpty());
        admin.dismissToken();

        // 2. Connect with the new token, subscribe, publish 60 messages from a template.
        ConnectionProfile profile;
        profile.id = u"part-two"_s;
        profile.name = u"Part two"_s;
        profile.brokerUrl = m_server.webSocketUrl();
        profile.token = token;
        Session session(profile, nullptr, nullptr);
        session.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::Connected, 15000);
        NoLagSubscription *subscription = session.client()->subscribe(u"demo/part-two/telemetry"_s);
        QTRY_VERIFY_WITH_TIMEOUT(subscription->isActive(), 15000);

        Recorder recorder;
        recorder.setSession(&session);
        const QString recordingPath = m_dir.filePath(u"part-two.jsonl"_s);
        QVERIFY(recorder.start(QUrl::fromLocalFile(recordingPath)));

        session.publisher()->setTopic(u"demo/part-two/telemetry"_s);
        session.publisher()->setPayload(
            u"{\"temperature\": {{counter}}, \"id\": \"{{uuid}}\", \"at\": {{timestamp}}}"_s);
        PublishRepeater repeater;
        repeater.setSession(&session);
        repeater.setCount(60);
        repeater.setRate(300);
        QSignalSpy repeated(&repeater, &PublishRepeater::finished);
        QVERIFY2(repeater.start(), qPrintable(repeater.errorString()));
        QVERIFY(repeated.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(repeater.acceptedCount(), 60, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(session.traffic()->rowCount(), 60, 15000);

        QSignalSpy recorded(&recorder, &Recorder::finished);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.recordedCount(), 60, 15000);
        recorder.stop();
        QVERIFY(recorded.wait(15000));
        QVERIFY(recorded.at(0).at(1).toBool());

        // 3. Export the filtered view: the messages whose payload mentions a counter of 1x.
        session.traffic()->setPayloadFilter(u"\"temperature\":1"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!session.traffic()->isFiltering(), 15000);
        QCOMPARE(session.traffic()->rowCount(), 11); // 1 and 10..19
        TrafficExporter exporter;
        exporter.setTraffic(session.traffic());
        QSignalSpy exported(&exporter, &TrafficExporter::finished);
        const QString csvPath = m_dir.filePath(u"part-two.csv"_s);
        QVERIFY(exporter.startPath(csvPath, TrafficExporter::Csv));
        QVERIFY(exported.wait(15000));
        QVERIFY(exported.at(0).at(0).toBool());
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = csv.readAll().trimmed().split('\n');
        QCOMPARE(rows.size(), 12);
        QVERIFY(rows.at(1).contains(",demo/part-two/telemetry,"));
        QVERIFY(rows.at(1).contains("\"\"temperature\"\":1"));

        // 4. Reopen the recording: the same messages, browsed like live traffic.
        RecordingSession *recording = RecordingList::instance()->openPath(recordingPath);
        QVERIFY(recording);
        QTRY_VERIFY_WITH_TIMEOUT(!recording->isIndexing(), 15000);
        QCOMPARE(recording->problemCount(), 0);
        QCOMPARE(recording->messageCount(), 60);
        QCOMPARE(recording->source(), u"Part two"_s);
        QTRY_COMPARE(recording->traffic()->rowCount(), 60);
        recording->topics()->flush();
        QCOMPARE(recording->topics()
                     ->indexOfPath(u"demo/part-two/telemetry"_s)
                     .data(TopicTreeModel::CountRole)
                     .toLongLong(),
                 60);

        recording->traffic()->selectRow(9);
        QTRY_COMPARE(recording->inspector()->sequence(), 10);
        QCOMPARE(recording->inspector()->topic(), u"demo/part-two/telemetry"_s);
        QVERIFY(recording->inspector()->jsonText().contains(u"\"temperature\": 10"_s));
        const std::optional<TrafficMessage> original = session.store()->message(10);
        QVERIFY(original);
        QCOMPARE(recording->inspector()->bytes(), original->data.toByteArray());

        recording->traffic()->setTopicFilter(u"demo/+/telemetry"_s);
        recording->traffic()->setPayloadFilter(u"\"temperature\":5"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!recording->traffic()->isFiltering(), 15000);
        QCOMPARE(recording->traffic()->rowCount(), 11); // 5 and 50..59

        // 5. The charts read the recording too: one value per message, in order.
        TrafficCharts charts;
        charts.setTraffic(recording->traffic());
        QVERIFY(charts.addField(u"$.temperature"_s, u"demo/part-two/+"_s));
        QSignalSpy updated(&charts, &TrafficCharts::updated);
        charts.update();
        QVERIFY(updated.wait(15000));
        const QList<QPointF> &points = charts.fields()->points(0);
        QCOMPARE(points.size(), 60);
        QCOMPARE(points.first().y(), 1.0);
        QCOMPARE(points.last().y(), 60.0);
        RecordingList::instance()->close(RecordingList::instance()->count() - 1);
    }
};

QTEST_MAIN(tst_ExplorerPart2EndToEnd)

#include "tst_explorerpart2e2e.moc"
