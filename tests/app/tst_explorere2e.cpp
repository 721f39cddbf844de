// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// End to end: the real nolag-local, the explorer's window (offscreen) connected to it, and a
// second client publishing traffic and presence. Checks what the models hold and saves a
// screenshot of the window.

#include "common/explorerapp.h"
#include "common/explorerwindow.h"
#include "localserver.h"
#include "session/session.h"

#include <NoLagQt/nolagclient.h>

#include <QtCore/QDir>
#include <QtCore/QTemporaryDir>
#include <QtQml/QQmlApplicationEngine>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuick/QQuickWindow>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>

Q_IMPORT_QML_PLUGIN(NoLagExplorerPlugin)

using namespace Qt::StringLiterals;

class tst_ExplorerEndToEnd : public QObject
{
    Q_OBJECT

private:
    NoLagTest::LocalServer m_server{{u"--open"_s, u"--rate-limit"_s, u"0"_s}};
    QTemporaryDir m_settings;
    std::unique_ptr<ExplorerApp> m_explorer;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    Session *m_session = nullptr;
    std::unique_ptr<NoLagClient> m_peer;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));

        ExplorerOptions options;
        options.noKeychain = true;
        options.settingsPath = m_settings.filePath(u"settings.ini"_s);
        options.hasConnection = true;
        options.connection.name = u"e2e"_s;
        options.connection.brokerUrl = m_server.webSocketUrl();
        options.connection.token = u"e2e-explorer"_s;
        options.subscribe = {u"e2e/general/messages"_s, u"e2e/general/telemetry"_s};
        m_explorer = std::make_unique<ExplorerApp>(options);

        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = ExplorerWindow::load(*m_engine);
        QVERIFY(m_window);
        m_explorer->start();
        m_session = m_explorer->sessions()->current();
        QVERIFY(m_session);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), Session::Connected, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->subscriptions()->activeCount(), 2, 15000);

        m_peer =
            std::make_unique<NoLagClient>(u"e2e-peer"_s, NoLagOptions(m_server.webSocketUrl()));
        QSignalSpy connected(m_peer.get(), &NoLagClient::connected);
        m_peer->connectToServer();
        QVERIFY(connected.wait(15000));
    }

    void cleanupTestCase()
    {
        m_peer.reset();
        m_engine.reset();
        m_explorer.reset();
    }

    void trafficReachesTheModels()
    {
        for (int i = 0; i < 40; ++i) {
            m_peer->publish(u"e2e/general/messages"_s,
                            QVariantMap{{u"n"_s, i}, {u"text"_s, u"hi"_s}});
        }
        NoLagEmitOptions filtered;
        filtered.setFilter(u"vip"_s);
        for (int i = 0; i < 5; ++i) {
            m_peer->publish(u"e2e/general/telemetry"_s, QVariantMap{{u"temperature"_s, 20.5 + i}},
                            filtered);
        }

        TrafficModel *traffic = m_session->traffic();
        QTRY_COMPARE_WITH_TIMEOUT(traffic->rowCount(), 45, 15000);
        QCOMPARE(m_session->totalMessages(), 45);

        TopicTreeModel *topics = m_session->topics();
        topics->flush();
        QCOMPARE(topics->indexOfPath(u"e2e/general/messages"_s)
                     .data(TopicTreeModel::CountRole)
                     .toLongLong(),
                 40);
        QCOMPARE(topics->indexOfPath(u"e2e/general"_s).data(TopicTreeModel::CountRole).toLongLong(),
                 45);
        QCOMPARE(topics->indexOfPath(u"e2e/general/telemetry"_s)
                     .data(TopicTreeModel::LastValueRole)
                     .toString(),
                 u"{\"temperature\":24.5}"_s);

        // The filter column carries the publish's filter value.
        const QModelIndex last = traffic->index(traffic->rowCount() - 1);
        QCOMPARE(last.data(TrafficModel::FilterRole).toString(), u"vip"_s);
        QCOMPARE(last.data(TrafficModel::TopicRole).toString(), u"e2e/general/telemetry"_s);
    }

    void inspectorAndDiff()
    {
        TrafficModel *traffic = m_session->traffic();
        traffic->selectRow(traffic->rowCount() - 1);
        MessageInspector *inspector = m_session->inspector();
        QTRY_VERIFY(inspector->hasMessage() && !inspector->isLoading());
        QCOMPARE(inspector->topic(), u"e2e/general/telemetry"_s);
        QVERIFY(inspector->jsonText().contains(u"24.5"_s));
        QVERIFY(inspector->compareWithPrevious());
        QTRY_VERIFY(!inspector->isDiffLoading());
        QCOMPARE(inspector->diff()->count(), 1);
        QCOMPARE(inspector->diff()->index(0).data(JsonDiffModel::PathRole).toString(),
                 u"$.temperature"_s);

        // Selection follows the message, not the row, as more arrive.
        const qint64 selected = traffic->selectedSequence();
        m_peer->publish(u"e2e/general/messages"_s, QVariantMap{{u"n"_s, 99}});
        QTRY_COMPARE(traffic->rowCount(), 46);
        QCOMPARE(traffic->selectedSequence(), selected);
    }

    void filterBar()
    {
        TrafficModel *traffic = m_session->traffic();
        traffic->setTopicFilter(u"e2e/+/telemetry"_s);
        QTRY_VERIFY(!traffic->isFiltering());
        QCOMPARE(traffic->rowCount(), 5);
        traffic->setTopicFilter(QString());
        traffic->setPayloadFilter(u"\"n\":39"_s);
        QTRY_VERIFY(!traffic->isFiltering());
        QCOMPARE(traffic->rowCount(), 1);
        traffic->setPayloadFilter(QString());
        QCOMPARE(traffic->rowCount(), 46);
    }

    void retainedMessagesAreMarked()
    {
        NoLagEmitOptions retain;
        retain.setRetain(true);
        bool done = false;
        m_peer->publish(u"e2e/general/status"_s, QVariantMap{{u"state"_s, u"up"_s}}, retain)
            .then([&done] { done = true; });
        QTRY_VERIFY(done);

        QCOMPARE(m_session->subscriptions()->subscribe(u"e2e/general/status"_s), QString());
        TrafficModel *traffic = m_session->traffic();
        QTRY_COMPARE(traffic->rowCount(), 47);
        const QModelIndex last = traffic->index(traffic->rowCount() - 1);
        QCOMPARE(last.data(TrafficModel::TopicRole).toString(), u"e2e/general/status"_s);
        QCOMPARE(last.data(TrafficModel::RetainedRole).toBool(), true);
    }

    void subscriptionErrorsAndFilters()
    {
        SubscriptionListModel *subscriptions = m_session->subscriptions();
        QVERIFY(!subscriptions->subscribe(u"e2e/+/messages"_s).isEmpty()); // refused locally
        QVERIFY(!subscriptions->subscribe(u"e2e/general/x"_s, u"a/b"_s).isEmpty());

        QCOMPARE(subscriptions->setFilters(u"e2e/general/telemetry"_s, u"vip, gold & eu"_s),
                 QString());
        const int row = subscriptions->rowOfTopic(u"e2e/general/telemetry"_s);
        QTRY_COMPARE(
            subscriptions->index(row).data(SubscriptionListModel::LastOperationRole).toString(),
            u"Filters set"_s);
        QCOMPARE(subscriptions->index(row).data(SubscriptionListModel::FiltersRole).toString(),
                 u"vip, gold & eu"_s);
    }

    void publishFromTheApp()
    {
        Publisher *publisher = m_session->publisher();
        publisher->setTopic(u"e2e/general/messages"_s);
        publisher->setPayload(u"{\"from\": \"the explorer\"}"_s);
        QVERIFY(publisher->isValid());
        QSignalSpy published(publisher, &Publisher::published);
        QVERIFY(publisher->publish());
        QVERIFY(published.wait(10000));
        QCOMPARE(published.at(0).at(0).toBool(), false);
        QCOMPARE(publisher->lastResult(), u"Accepted by the server"_s);
        QCOMPARE(publisher->history()->count(), 1);
        // Echo is on: the app sees its own message.
        TrafficModel *traffic = m_session->traffic();
        QTRY_VERIFY(traffic->index(traffic->rowCount() - 1)
                        .data(TrafficModel::PreviewRole)
                        .toString()
                        .contains(u"the explorer"_s));
    }

    void presence()
    {
        PresenceController *presence = m_session->presence();
        m_peer->setPresence({{u"status"_s, u"online"_s}}, u"general"_s);
        presence->setRoom(u"general"_s);
        QTRY_COMPARE_WITH_TIMEOUT(presence->roster()->count(), 1, 10000);
        QVERIFY(!presence->isLive());

        // Not present there: a change reaches the timeline through the next refresh.
        presence->setRefreshInterval(200);
        const int polledBefore = presence->timeline()->count();
        m_peer->setPresence({{u"status"_s, u"busy"_s}}, u"general"_s);
        QTRY_VERIFY_WITH_TIMEOUT(presence->timeline()->count() > polledBefore, 10000);
        const QModelIndex polled = presence->timeline()->index(presence->timeline()->count() - 1);
        QCOMPARE(polled.data(PresenceTimelineModel::EventRole).toString(), u"update"_s);
        QCOMPARE(polled.data(PresenceTimelineModel::ActorIdRole).toString(), m_peer->actorId());
        QCOMPARE(polled.data(PresenceTimelineModel::RoomRole).toString(), u"general"_s);
        QVERIFY(polled.data(PresenceTimelineModel::SourceRole).toString().contains(u"refresh"_s));
        presence->setRefreshInterval(3000);

        QCOMPARE(presence->setOwnPresence(u"general"_s, u"{\"watching\": true}"_s), QString());
        QTRY_VERIFY(presence->isLive());
        QTRY_COMPARE(presence->roster()->count(), 2);

        const int before = presence->timeline()->count();
        m_peer->setPresence({{u"status"_s, u"away"_s}}, u"general"_s);
        QTRY_VERIFY(presence->timeline()->count() > before);
        const QModelIndex peerRow =
            presence->roster()->index(presence->roster()->rowOf(m_peer->actorId()));
        QTRY_COMPARE(peerRow.data(PresenceRosterModel::PresenceRole).toString(),
                     u"{\"status\":\"away\"}"_s);
    }

    void largePayloadThroughTheServer()
    {
        // Close to nolag-local's default limit on a message (921,600 bytes), shown whole.
        QVariantList items;
        for (int i = 0; i < 16000; ++i) {
            items.append(
                QVariantMap{{u"id"_s, i}, {u"name"_s, u"item %1 of a large payload"_s.arg(i)}});
        }
        // messages, not telemetry: the explorer's telemetry subscription has filters by now.
        m_peer->publish(u"e2e/general/messages"_s, QVariantMap{{u"items"_s, items}});

        TrafficModel *traffic = m_session->traffic();
        QTRY_VERIFY_WITH_TIMEOUT(
            traffic->rowCount() > 0 &&
                traffic->index(traffic->rowCount() - 1).data(TrafficModel::SizeRole).toLongLong() >
                    500000,
            15000);
        traffic->selectRow(traffic->rowCount() - 1);
        MessageInspector *inspector = m_session->inspector();
        QTRY_VERIFY_WITH_TIMEOUT(inspector->hasMessage() && !inspector->isLoading(), 15000);
        QVERIFY(inspector->isWellFormed());
        QVERIFY(inspector->size() > 500000);
        // Every item is in the text, the last one too: nothing was cut.
        QVERIFY(inspector->text()->lineCount() > 16000);
        QVERIFY(inspector->jsonText().contains(u"item 15999 of a large payload"_s));
        QCOMPARE(inspector->hex()->rowCount(),
                 (inspector->size() + HexDumpModel::BytesPerRow - 1) / HexDumpModel::BytesPerRow);
    }

    void screenshot()
    {
        m_session->traffic()->selectRow(m_session->traffic()->rowCount() - 1);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QSignalSpy swapped(m_window, &QQuickWindow::frameSwapped);
        m_window->requestUpdate();
        swapped.wait(2000);
        const QString path = QDir::current().filePath(u"explorer-e2e.png"_s);
        QString error;
        QVERIFY2(ExplorerWindow::saveScreenshot(m_window, path, &error), qPrintable(error));
        QVERIFY(QImage(path).width() > 800);
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv); // Qt Charts in QML draws through Qt Widgets
    ExplorerWindow::setUpApplication();
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    tst_ExplorerEndToEnd test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_explorere2e.moc"
