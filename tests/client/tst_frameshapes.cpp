// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// What the client puts on the wire, checked byte for byte against the shapes of wire
// protocol §17.1, and the client's own timers (auth timeout, heartbeat, watchdog, reconnect
// delays). The peer is a FrameRecorder: it records and answers auth, nothing more.

#include "framerecorder.h"

#include "realtime/nolagtransport_p.h"

#include <NoLagQt/nolagclient.h>

#include <msgpack.hpp>

#include <QtCore/QRegularExpression>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

using Operation = std::function<void(NoLagClient &client)>;
Q_DECLARE_METATYPE(Operation)

namespace {

// Re-encoding a frame with msgpack-cxx (an independent encoder) gives the same bytes only
// when every value took its smallest encoding; unpacking also fails on any ext type.
void checkWireForm(const QByteArray &frame)
{
    const msgpack::object_handle handle = msgpack::unpack(frame.constData(), size_t(frame.size()));
    const msgpack::object &root = handle.get();
    QCOMPARE(root.type, msgpack::type::MAP);

    std::function<void(const msgpack::object &)> noExt = [&](const msgpack::object &object) {
        QVERIFY(object.type != msgpack::type::EXT);
        if (object.type == msgpack::type::ARRAY) {
            for (uint32_t i = 0; i < object.via.array.size; ++i) {
                noExt(object.via.array.ptr[i]);
            }
        } else if (object.type == msgpack::type::MAP) {
            for (uint32_t i = 0; i < object.via.map.size; ++i) {
                QCOMPARE(object.via.map.ptr[i].key.type, msgpack::type::STR);
                noExt(object.via.map.ptr[i].val);
            }
        }
    };
    noExt(root);

    msgpack::sbuffer buffer;
    msgpack::pack(buffer, root);
    QCOMPARE(QByteArray(buffer.data(), qsizetype(buffer.size())).toHex(), frame.toHex());
}

NoLagOptions fastOptions(const QUrl &url)
{
    NoLagOptions options(url);
    options.setHeartbeatInterval(0ms);
    options.setReconnectInterval(20ms);
    options.setOperationTimeout(2000ms);
    return options;
}

} // namespace

class tst_FrameShapes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void authIsFirstFrame_data();
    void authIsFirstFrame();
    void operationFrames_data();
    void operationFrames();
    void addAndRemoveFilters();
    void acknowledgements_data();
    void acknowledgements();
    void authReplyWithoutVersionMeansOne();
    void authenticationTimeout();
    void heartbeats_data();
    void heartbeats();
    void watchdogDropsSilentServer();
    void reconnectFlagOnlyOnAutomaticAttempts();
    void statusTransitionsOnReconnect();
    void restoredTopicsAreNotSubscribedAgain();
    void givesUpAfterMaxAttempts();
    void disconnectClosesWith1000();
    void reconnectDelays_data();
    void reconnectDelays();
    void notConnectedFailsAtOnce();
    void unansweredSubscribeTimesOut();
    void optionDefaults();
    void disconnectOnHiddenIsInertWithoutGui();
    void unencodableDataFails();

private:
    bool connectClient(NoLagClient &client);
};

void tst_FrameShapes::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

bool tst_FrameShapes::connectClient(NoLagClient &client)
{
    client.connectToServer();
    return QTest::qWaitFor([&] { return client.isConnected(); }, 5000);
}

void tst_FrameShapes::authIsFirstFrame_data()
{
    QTest::addColumn<int>("protocolVersion");
    QTest::addColumn<QString>("projectId");
    QTest::addColumn<QByteArray>("expectedHex");

    // {"type":"auth","token":"t","protocolVersion":2}
    QTest::addRow("default: protocol 2, no reconnect flag")
        << 2 << QString()
        << QByteArray("83a474797065a461757468a5746f6b656ea174af70726f746f636f6c56657273696f6e02");
    QTest::addRow("protocol 1 on request")
        << 1 << QString()
        << QByteArray("83a474797065a461757468a5746f6b656ea174af70726f746f636f6c56657273696f6e01");
    // ... plus "projectId":"p"
    QTest::addRow("project id sent when set")
        << 2 << u"p"_s
        << QByteArray("84a474797065a461757468a5746f6b656ea174af70726f746f636f6c56657273696f6e02"
                      "a970726f6a6563744964a170");
}

void tst_FrameShapes::authIsFirstFrame()
{
    QFETCH(int, protocolVersion);
    QFETCH(QString, projectId);
    QFETCH(QByteArray, expectedHex);

    FrameRecorder recorder;
    QVERIFY(recorder.listen());
    NoLagOptions options = fastOptions(recorder.url());
    options.setProtocolVersion(protocolVersion);
    options.setProjectId(projectId);
    NoLagClient client(u"t"_s, options);
    QVERIFY(connectClient(client));

    QVERIFY(!recorder.frames().isEmpty());
    QCOMPARE(recorder.frames().first().bytes.toHex(), expectedHex);
    checkWireForm(recorder.frames().first().bytes);
}

void tst_FrameShapes::operationFrames_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<QVariantMap>("expected");

    const QString topic = u"chat/general/messages"_s;

    QTest::addRow("subscribe with client defaults")
        << Operation([=](NoLagClient &client) { client.subscribe(topic); })
        << QVariantMap{{u"type"_s, u"subscribe"_s}, {u"topic"_s, topic}, {u"qos"_s, 1}};

    QTest::addRow("subscribe with qos, group and filters")
        << Operation([=](NoLagClient &client) {
               NoLagSubscribeOptions options({u"a"_s, QStringList{u"x"_s, u"y"_s}});
               options.setQos(NoLag::QoS::ExactlyOnce);
               options.setLoadBalanced(true);
               options.setLoadBalanceGroup(u"workers"_s);
               client.subscribe(topic, options);
           })
        << QVariantMap{{u"type"_s, u"subscribe"_s},
                       {u"topic"_s, topic},
                       {u"qos"_s, 2},
                       {u"loadBalance"_s, true},
                       {u"loadBalanceGroup"_s, u"workers"_s},
                       {u"filters"_s, QVariantList{u"a"_s, QVariantList{u"x"_s, u"y"_s}}}};

    QTest::addRow("subscribe load-balanced in the default group")
        << Operation([=](NoLagClient &client) {
               NoLagSubscribeOptions options;
               options.setLoadBalanced(true);
               client.subscribe(topic, options);
           })
        << QVariantMap{{u"type"_s, u"subscribe"_s},
                       {u"topic"_s, topic},
                       {u"qos"_s, 1},
                       {u"loadBalance"_s, true}};

    QTest::addRow("unsubscribe") << Operation([=](NoLagClient &client) {
        client.unsubscribe(topic);
    }) << QVariantMap{{u"type"_s, u"unsubscribe"_s}, {u"topic"_s, topic}};

    QTest::addRow("setFilters") << Operation([=](NoLagClient &client) {
        client.setFilters(topic, {u"x"_s});
    })
                                << QVariantMap{{u"type"_s, u"setFilters"_s},
                                               {u"topic"_s, topic},
                                               {u"filters"_s, QVariantList{u"x"_s}}};

    QTest::addRow("setFilters with an empty list")
        << Operation([=](NoLagClient &client) { client.setFilters(topic, {}); })
        << QVariantMap{
               {u"type"_s, u"setFilters"_s}, {u"topic"_s, topic}, {u"filters"_s, QVariantList()}};

    QTest::addRow("publish with defaults asks for an ack")
        << Operation([=](NoLagClient &client) {
               client.publish(topic, QVariantMap{{u"text"_s, u"hi"_s}});
           })
        << QVariantMap{{u"type"_s, u"publish"_s},
                       {u"topic"_s, topic},
                       {u"data"_s, QVariantMap{{u"text"_s, u"hi"_s}}},
                       {u"qos"_s, 1},
                       {u"echo"_s, true},
                       {u"msgRef"_s, u"*"_s}};

    QTest::addRow("publish every option")
        << Operation([=](NoLagClient &client) {
               NoLagEmitOptions options;
               options.setQos(NoLag::QoS::AtMostOnce);
               options.setRetain(true);
               options.setEcho(false);
               options.setFilter(u"alice"_s);
               options.setFilters({u"ignored"_s}); // filter wins
               options.setAcknowledged(false);
               client.publish(topic, QVariantList{1, -1, 2.5, true, QVariant::fromValue(nullptr)},
                              options);
           })
        << QVariantMap{{u"type"_s, u"publish"_s},
                       {u"topic"_s, topic},
                       {u"data"_s, QVariantList{1, -1, 2.5, true, QVariant::fromValue(nullptr)}},
                       {u"qos"_s, 0},
                       {u"echo"_s, false},
                       {u"retain"_s, true},
                       {u"filter"_s, u"alice"_s}};

    QTest::addRow("publish AND filters without ack") << Operation([=](NoLagClient &client) {
        NoLagEmitOptions options;
        options.setFilters({u"B"_s, u"a"_s});
        options.setAcknowledged(false);
        client.publish(topic, u"text"_s, options);
    }) << QVariantMap{{u"type"_s, u"publish"_s}, {u"topic"_s, topic},
                      {u"data"_s, u"text"_s},    {u"qos"_s, 1},
                      {u"echo"_s, true},         {u"filters"_s, QVariantList{u"B"_s, u"a"_s}}};

    QTest::addRow("publish bytes as bin") << Operation([=](NoLagClient &client) {
        NoLagEmitOptions options;
        options.setAcknowledged(false);
        client.publish(topic, QByteArray("\x01\x02", 2), options);
    })
                                          << QVariantMap{{u"type"_s, u"publish"_s},
                                                         {u"topic"_s, topic},
                                                         {u"data"_s, QByteArray("\x01\x02", 2)},
                                                         {u"qos"_s, 1},
                                                         {u"echo"_s, true}};

    QTest::addRow("presence in a room")
        << Operation([](NoLagClient &client) {
               client.setPresence({{u"name"_s, u"Ada"_s}}, u"general"_s);
           })
        << QVariantMap{{u"type"_s, u"presence"_s},
                       {u"roomId"_s, u"general"_s},
                       {u"data"_s, QVariantMap{{u"name"_s, u"Ada"_s}}}};

    QTest::addRow("clear presence sends nil")
        << Operation([](NoLagClient &client) { client.clearPresence(); })
        << QVariantMap{{u"type"_s, u"presence"_s}, {u"data"_s, QVariant::fromValue(nullptr)}};

    QTest::addRow("getPresence") << Operation([](NoLagClient &client) {
        client.fetchPresence(u"general"_s);
    }) << QVariantMap{{u"type"_s, u"getPresence"_s}, {u"roomId"_s, u"general"_s}};

    QTest::addRow("getPresence without a room")
        << Operation([](NoLagClient &client) { client.fetchPresence(); })
        << QVariantMap{{u"type"_s, u"getPresence"_s}};

    QTest::addRow("lobbySubscribe")
        << Operation([](NoLagClient &client) { client.setLobby(u"lobby-a"_s)->subscribe(); })
        << QVariantMap{{u"type"_s, u"lobbySubscribe"_s}, {u"lobbyId"_s, u"lobby-a"_s}};

    QTest::addRow("getLobbyPresence")
        << Operation([](NoLagClient &client) { client.setLobby(u"lobby-a"_s)->fetchPresence(); })
        << QVariantMap{{u"type"_s, u"getLobbyPresence"_s}, {u"lobbyId"_s, u"lobby-a"_s}};

    QTest::addRow("lobbyUnsubscribe")
        << Operation([](NoLagClient &client) { client.setLobby(u"lobby-a"_s)->unsubscribe(); })
        << QVariantMap{{u"type"_s, u"lobbyUnsubscribe"_s}, {u"lobbyId"_s, u"lobby-a"_s}};

    QTest::addRow("fluent room publish") << Operation([](NoLagClient &client) {
        NoLagEmitOptions options;
        options.setAcknowledged(false);
        client.setApp(u"chat"_s).setRoom(u"general"_s).publish(u"typing"_s, true, options);
    })
                                         << QVariantMap{{u"type"_s, u"publish"_s},
                                                        {u"topic"_s, u"chat/general/typing"_s},
                                                        {u"data"_s, true},
                                                        {u"qos"_s, 1},
                                                        {u"echo"_s, true}};
}

void tst_FrameShapes::operationFrames()
{
    QFETCH(Operation, operation);
    QFETCH(QVariantMap, expected);

    FrameRecorder recorder;
    QVERIFY(recorder.listen());
    NoLagClient client(u"t"_s, fastOptions(recorder.url()));
    QVERIFY(connectClient(client));
    const QString type = expected.value(u"type"_s).toString();

    operation(client);
    QTRY_VERIFY(!recorder.framesOfType(type).isEmpty());

    const FrameRecorder::Frame frame = recorder.framesOfType(type).first();
    checkWireForm(frame.bytes);
    if (QTest::currentTestFailed()) {
        return;
    }

    QVariantMap actual = frame.map;
    if (expected.value(u"msgRef"_s) == u"*"_s) {
        // Correlation ids are "<counter>-<random hex>", as the Python SDK makes them.
        static const QRegularExpression shape(u"^\\d+-[0-9a-f]+$"_s);
        QVERIFY2(shape.match(actual.take(u"msgRef"_s).toString()).hasMatch(),
                 "msgRef has the shape <counter>-<hex>");
        expected.remove(u"msgRef"_s);
    }
    QCOMPARE(actual, expected);
    QCOMPARE(recorder.textFrameCount(), 0);
}

void tst_FrameShapes::addAndRemoveFilters()
{
    FrameRecorder recorder;
    QVERIFY(recorder.listen());
    NoLagClient client(u"t"_s, fastOptions(recorder.url()));
    QVERIFY(connectClient(client));
    const QString topic = u"chat/general/messages"_s;

    NoLagSubscription *subscription =
        client.subscribe(topic, NoLagSubscribeOptions({u"a"_s, QStringList{u"x"_s, u"y"_s}}));
    subscription->addFilters({u"c"_s, u"a"_s});
    QTRY_COMPARE(recorder.framesOfType(u"setFilters"_s).size(), 1);
    // Statement 128: simple filters first without duplicates, AND groups after them.
    QCOMPARE(recorder.framesOfType(u"setFilters"_s).at(0).map.value(u"filters"_s),
             QVariant(QVariantList{u"a"_s, u"c"_s, QVariantList{u"x"_s, u"y"_s}}));

    client.removeFilters(topic, {u"a"_s});
    QTRY_COMPARE(recorder.framesOfType(u"setFilters"_s).size(), 2);
    // Statement 129.
    QCOMPARE(recorder.framesOfType(u"setFilters"_s).at(1).map.value(u"filters"_s),
             QVariant(QVariantList{u"c"_s, QVariantList{u"x"_s, u"y"_s}}));
    QCOMPARE(subscription->filters(), (QVariantList{u"c"_s, QStringList{u"x"_s, u"y"_s}}));

    client.removeFilters(topic, {QVariantList{u"y"_s, u"x"_s}, u"c"_s});
    QTRY_COMPARE(recorder.framesOfType(u"setFilters"_s).size(), 3);
    // Group order does not matter for removal; [y, x] is not [x, y] though, so it stays.
    QCOMPARE(recorder.framesOfType(u"setFilters"_s).at(2).map.value(u"filters"_s),
             QVariant(QVariantList{QVariantList{u"x"_s, u"y"_s}}));
}

void tst_FrameShapes::acknowledgements_data()
{
    QTest::addColumn<int>("batchIntervalMs");
    QTest::addColumn<QStringList>("expectedTypes");

    QTest::addRow("interval 0: one ack per message") << 0 << QStringList{u"ack"_s, u"ack"_s};
    QTest::addRow("interval 50 ms: one batchAck") << 50 << QStringList{u"batchAck"_s};
}

void tst_FrameShapes::acknowledgements()
{
    QFETCH(int, batchIntervalMs);
    QFETCH(QStringList, expectedTypes);

    FrameRecorder recorder;
    QVERIFY(recorder.listen());
    NoLagOptions options = fastOptions(recorder.url());
    options.setAckBatchInterval(std::chrono::milliseconds(batchIntervalMs));
    NoLagClient client(u"t"_s, options);
    QVERIFY(connectClient(client));
    QSignalSpy messages(&client, &NoLagClient::messageReceived);

    const QStringList ids{u"8f14e45f-ceea-4e7a-9d3b-3a2a1b1c0d01"_s,
                          u"8f14e45f-ceea-4e7a-9d3b-3a2a1b1c0d02"_s};
    for (const QString &id : ids) {
        recorder.send({{u"type"_s, u"message"_s},
                       {u"topic"_s, u"chat/general/messages"_s},
                       {u"data"_s, 1},
                       {u"msgId"_s, id},
                       {u"requiresAck"_s, true}});
    }
    // A message without requiresAck is never acknowledged.
    recorder.send({{u"type"_s, u"message"_s},
                   {u"topic"_s, u"chat/general/messages"_s},
                   {u"data"_s, 2},
                   {u"msgId"_s, u"not-to-be-acked"_s}});
    QTRY_COMPARE(messages.size(), 3);

    QStringList types;
    QStringList acked;
    QTRY_VERIFY(!recorder.framesOfType(expectedTypes.first()).isEmpty());
    for (const FrameRecorder::Frame &frame : recorder.frames()) {
        if (frame.type() == u"ack") {
            types << frame.type();
            acked << frame.map.value(u"msgId"_s).toString();
            checkWireForm(frame.bytes);
        } else if (frame.type() == u"batchAck") {
            types << frame.type();
            acked << frame.map.value(u"msgIds"_s).toStringList();
            checkWireForm(frame.bytes);
        }
    }
    QCOMPARE(types, expectedTypes);
    QCOMPARE(acked, ids);
}

void tst_FrameShapes::authReplyWithoutVersionMeansOne()
{
    FrameRecorder recorder;
    QVERIFY(recorder.listen());
    QVariantMap reply = FrameRecorder::successfulAuth();
    reply.remove(u"protocolVersion"_s); // a pre-v2 broker
    recorder.setAuthReply(reply);
    NoLagClient client(u"t"_s, fastOptions(recorder.url()));
    QVERIFY(connectClient(client));
    QCOMPARE(client.protocolVersion(), 1);

    // Statement 117: no msgRef on protocol 1, and the future does not wait for a reply.
    QFuture<void> published = client.publish(u"chat/general/messages"_s, 1);
    QVERIFY(published.isFinished());
    QTRY_COMPARE(recorder.framesOfType(u"publish"_s).size(), 1);
    QVERIFY(!recorder.framesOfType(u"publish"_s).first().map.contains(u"msgRef"_s));
}

void tst_FrameShapes::authenticationTimeout()
{
    FrameRecorder recorder;
    QVERIFY(recorder.listen());
    recorder.setAuthReply({});
    NoLagOptions options = fastOptions(recorder.url());
    options.setOperationTimeout(200ms);
    options.setReconnectEnabled(false);
    NoLagClient client(u"t"_s, options);
    QSignalSpy errors(&client, &NoLagClient::errorOccurred);

    QFuture<void> connecting = client.connectToServer();
    QTRY_VERIFY(connecting.isFinished());
    try {
        connecting.waitForFinished();
        QFAIL("connect finished without the auth reply");
    } catch (const NoLagError &error) {
        QCOMPARE(error.error(), NoLag::Error::AuthenticationTimeout);
        QVERIFY2(error.errorString().contains(u"Authentication timeout"_s),
                 qPrintable(error.errorString()));
    }
    QCOMPARE(errors.size(), 1);
    QCOMPARE(client.error(), NoLag::Error::AuthenticationTimeout);
    QCOMPARE(client.status(), NoLag::ConnectionStatus::Disconnected);
}

void tst_FrameShapes::heartbeats_data()
{
    QTest::addColumn<int>("intervalMs");
    QTest::addRow("every 30 ms") << 30;
    QTest::addRow("disabled") << 0;
}

void tst_FrameShapes::heartbeats()
{
    QFETCH(int, intervalMs);

    FrameRecorder recorder;
    QVERIFY(recorder.listen());
    NoLagOptions options = fastOptions(recorder.url());
    options.setHeartbeatInterval(std::chrono::milliseconds(intervalMs));
    NoLagClient client(u"t"_s, options);
    QVERIFY(connectClient(client));

    if (intervalMs > 0) {
        QTRY_VERIFY(recorder.heartbeatCount() >= 3);
        // Heartbeats start only after auth, and each is an empty binary frame.
        QCOMPARE(recorder.frames().first().type(), u"auth"_s);
        QCOMPARE(client.status(), NoLag::ConnectionStatus::Connected);
    } else {
        // Give a wrong implementation every chance to send one.
        QTest::qWait(300);
        QCOMPARE(recorder.heartbeatCount(), 0);
    }
}

void tst_FrameShapes::watchdogDropsSilentServer()
{
    FrameRecorder recorder;
    QVERIFY(recorder.listen());
    recorder.setEchoHeartbeats(false);
    NoLagOptions options = fastOptions(recorder.url());
    options.setHeartbeatInterval(50ms);
    NoLagClient client(u"t"_s, options);
    QSignalSpy disconnected(&client, &NoLagClient::disconnected);
    QSignalSpy reconnected(&client, &NoLagClient::reconnected);
    QVERIFY(connectClient(client));

    // No frame for 2 x 50 ms: the client drops the connection and reconnects (statement 120).
    QTRY_VERIFY(disconnected.size() >= 1);
    QTRY_VERIFY(reconnected.size() >= 1);
    QVERIFY(recorder.connectionCount() >= 2);
    QVERIFY(recorder.heartbeatCount() >= 1);
}

void tst_FrameShapes::reconnectFlagOnlyOnAutomaticAttempts()
{
    FrameRecorder recorder;
    QVERIFY(recorder.listen());
    NoLagClient client(u"t"_s, fastOptions(recorder.url()));
    QVERIFY(connectClient(client));

    recorder.closeConnection(1001);
    QTRY_COMPARE(recorder.framesOfType(u"auth"_s).size(), 2);
    QTRY_VERIFY(client.isConnected());

    client.disconnectFromServer();
    QVERIFY(connectClient(client));

    const QList<FrameRecorder::Frame> auths = recorder.framesOfType(u"auth"_s);
    QCOMPARE(auths.size(), 3);
    QVERIFY(!auths.at(0).map.contains(u"reconnect"_s));
    QCOMPARE(auths.at(1).map.value(u"reconnect"_s), QVariant(true));
    QVERIFY(!auths.at(2).map.contains(u"reconnect"_s));
}

void tst_FrameShapes::statusTransitionsOnReconnect()
{
    FrameRecorder recorder;
    QVERIFY(recorder.listen());
    NoLagClient client(u"t"_s, fastOptions(recorder.url()));
    QVERIFY(connectClient(client));

    QList<QString> events;
    connect(&client, &NoLagClient::statusChanged, this, [&](NoLag::ConnectionStatus status) {
        events << QString::fromLatin1(
            QMetaEnum::fromType<NoLag::ConnectionStatus>().valueToKey(int(status)));
    });
    connect(&client, &NoLagClient::connected, this, [&] { events << u"connected()"_s; });
    connect(&client, &NoLagClient::disconnected, this, [&] { events << u"disconnected()"_s; });
    connect(&client, &NoLagClient::reconnected, this, [&] { events << u"reconnected()"_s; });

    recorder.closeConnection(1001, u"going away"_s);
    QTRY_COMPARE(events.size(), 7);
    // Statement 121, with the Python SDK's order of events.
    QCOMPARE(
        events,
        (QList<QString>{u"Disconnected"_s, u"disconnected()"_s, u"Reconnecting"_s, u"Connecting"_s,
                        u"Connected"_s, u"connected()"_s, u"reconnected()"_s}));
}

void tst_FrameShapes::restoredTopicsAreNotSubscribedAgain()
{
    FrameRecorder recorder;
    QVERIFY(recorder.listen());
    NoLagClient client(u"t"_s, fastOptions(recorder.url()));
    QVERIFY(connectClient(client));

    const QString restored = u"chat/general/messages"_s;
    const QString forgotten = u"chat/general/typing"_s;
    NoLagSubscription *first = client.subscribe(restored);
    NoLagSubscription *second = client.subscribe(forgotten);
    client.setPresence({{u"name"_s, u"Ada"_s}}, u"general"_s);
    QTRY_COMPARE(recorder.framesOfType(u"subscribe"_s).size(), 2);
    recorder.send({{u"type"_s, u"subscribed"_s}, {u"topic"_s, restored}});
    recorder.send({{u"type"_s, u"subscribed"_s}, {u"topic"_s, forgotten}});
    QTRY_VERIFY(first->isActive() && second->isActive());

    // The next server restores one topic of the two.
    QVariantMap reply = FrameRecorder::successfulAuth();
    reply.insert(
        u"restoredSubscriptions"_s,
        QVariantList{QVariantMap{{u"pattern"_s, restored}, {u"filters"_s, QVariantList()}}});
    recorder.setAuthReply(reply);
    recorder.clear();
    recorder.closeConnection(1001);

    QTRY_VERIFY(client.isConnected());
    QCOMPARE(first->state(), NoLagSubscription::Active);
    QTRY_COMPARE(recorder.framesOfType(u"presence"_s).size(), 1);

    // Statement 124: no subscribe for the restored topic; the other one is asked for again.
    const QList<FrameRecorder::Frame> subscribes = recorder.framesOfType(u"subscribe"_s);
    QCOMPARE(subscribes.size(), 1);
    QCOMPARE(subscribes.first().map.value(u"topic"_s).toString(), forgotten);
    QCOMPARE(second->state(), NoLagSubscription::Pending);

    // Statement 123: the last room presence goes out again, with its roomId.
    const QVariantMap presence = recorder.framesOfType(u"presence"_s).first().map;
    QCOMPARE(presence.value(u"roomId"_s).toString(), u"general"_s);
    QCOMPARE(presence.value(u"data"_s).toMap().value(u"name"_s).toString(), u"Ada"_s);
}

void tst_FrameShapes::givesUpAfterMaxAttempts()
{
    FrameRecorder recorder;
    QVERIFY(recorder.listen());
    NoLagOptions options = fastOptions(recorder.url());
    options.setMaxReconnectAttempts(2);
    NoLagClient client(u"t"_s, options);
    QVERIFY(connectClient(client));
    QSignalSpy statuses(&client, &NoLagClient::statusChanged);
    QSignalSpy errors(&client, &NoLagClient::errorOccurred);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Gave up reconnecting"_s));

    recorder.stopListening();
    recorder.closeConnection(1001);

    // Two attempts (each Reconnecting -> Connecting -> Disconnected), then it stays down.
    QTRY_VERIFY(errors.size() >= 2);
    QTRY_COMPARE(client.lastError().errorString().contains(u"gave up"_s), true);
    QCOMPARE(client.status(), NoLag::ConnectionStatus::Disconnected);
    int attempts = 0;
    for (const QList<QVariant> &change : std::as_const(statuses)) {
        attempts +=
            change.at(0).value<NoLag::ConnectionStatus>() == NoLag::ConnectionStatus::Connecting;
    }
    QCOMPARE(attempts, 2);
}

void tst_FrameShapes::disconnectClosesWith1000()
{
    FrameRecorder recorder;
    QVERIFY(recorder.listen());
    NoLagClient client(u"t"_s, fastOptions(recorder.url()));
    QVERIFY(connectClient(client));
    QSignalSpy disconnected(&client, &NoLagClient::disconnected);
    QSignalSpy recorderSawClose(&recorder, &FrameRecorder::clientDisconnected);

    client.disconnectFromServer();
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(disconnected.at(0).at(0).toString(), u"Client disconnect"_s);
    QTRY_COMPARE(recorderSawClose.size(), 1);
    QCOMPARE(recorder.lastCloseCode(), 1000);
    QCOMPARE(recorder.lastCloseReason(), u"Client disconnect"_s);

    // A second disconnect changes nothing and emits nothing.
    client.disconnectFromServer();
    QCOMPARE(disconnected.size(), 1);
    // Statement 132: no automatic reconnect after a manual disconnect.
    QTest::qWait(100);
    QCOMPARE(recorder.connectionCount(), 1);
}

void tst_FrameShapes::reconnectDelays_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("random");
    QTest::addColumn<qint64>("expectedMs");

    // min(5000 x 1.5^(n-1), 30000), the JavaScript SDK's sequence (statement 122).
    QTest::addRow("attempt 1") << 1 << 0.0 << qint64(5000);
    QTest::addRow("attempt 2") << 2 << 0.0 << qint64(7500);
    QTest::addRow("attempt 3") << 3 << 0.0 << qint64(11250);
    QTest::addRow("attempt 4") << 4 << 0.0 << qint64(16875);
    QTest::addRow("attempt 5") << 5 << 0.0 << qint64(25312);
    QTest::addRow("attempt 6 is capped") << 6 << 0.0 << qint64(30000);
    QTest::addRow("attempt 40 is capped") << 40 << 0.0 << qint64(30000);
    QTest::addRow("full jitter takes a fifth off") << 1 << 1.0 << qint64(4000);
    QTest::addRow("half jitter") << 6 << 0.5 << qint64(27000);
}

void tst_FrameShapes::reconnectDelays()
{
    QFETCH(int, attempt);
    QFETCH(double, random);
    QFETCH(qint64, expectedMs);
    QCOMPARE(NoLagTransport::reconnectDelay(5000ms, 30000ms, attempt, random).count(), expectedMs);
}

void tst_FrameShapes::notConnectedFailsAtOnce()
{
    NoLagClient client(u"t"_s, NoLagOptions(QUrl(u"ws://127.0.0.1:9/ws"_s)));
    QSignalSpy errors(&client, &NoLagClient::errorOccurred);

    QFuture<void> published = client.publish(u"chat/general/messages"_s, 1);
    QVERIFY(published.isFinished());
    QVERIFY_THROWS_EXCEPTION(NoLagError, published.waitForFinished());

    NoLagSubscription *subscription = client.subscribe(u"chat/general/messages"_s);
    QCOMPARE(subscription->state(), NoLagSubscription::Error);
    QCOMPARE(subscription->error(), NoLag::Error::NotConnected);
    QVERIFY(subscription->future().isFinished());

    QCOMPARE(errors.size(), 2);
    QCOMPARE(client.error(), NoLag::Error::NotConnected);
    QVERIFY(!client.errorString().isEmpty());
}

void tst_FrameShapes::unansweredSubscribeTimesOut()
{
    FrameRecorder recorder;
    QVERIFY(recorder.listen());
    NoLagOptions options = fastOptions(recorder.url());
    options.setOperationTimeout(200ms);
    NoLagClient client(u"t"_s, options);
    QVERIFY(connectClient(client));
    QSignalSpy errors(&client, &NoLagClient::errorOccurred);

    // Statement 125: without `subscribed` or a matching error the subscribe fails on time.
    NoLagSubscription *subscription = client.subscribe(u"chat/general/messages"_s);
    QTRY_VERIFY(subscription->future().isFinished());
    QCOMPARE(subscription->state(), NoLagSubscription::Error);
    QCOMPARE(subscription->error(), NoLag::Error::Timeout);
    QCOMPARE(subscription->lastError().topic(), u"chat/general/messages"_s);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(client.status(), NoLag::ConnectionStatus::Connected);
}

void tst_FrameShapes::optionDefaults()
{
    // The official SDKs' defaults (wire protocol §21.1), in milliseconds.
    const NoLagOptions options;
    QCOMPARE(options.url(), QUrl(u"wss://broker.nolag.app/ws"_s));
    QVERIFY(options.isReconnectEnabled());
    QCOMPARE(options.reconnectInterval(), 5000ms);
    QCOMPARE(options.maxReconnectDelay(), 30000ms);
    QCOMPARE(options.maxReconnectAttempts(), 10);
    QCOMPARE(options.heartbeatInterval(), 30000ms);
    QVERIFY(!options.disconnectOnHidden());
    QVERIFY(!options.isDebugEnabled());
    QCOMPARE(options.qos(), NoLag::QoS::AtLeastOnce);
    QVERIFY(!options.isLoadBalanced());
    QCOMPARE(options.protocolVersion(), 2);
    QCOMPARE(options.ackBatchInterval(), 0ms);
    QVERIFY(options.autoAcknowledge());
    QCOMPARE(options.connectTimeout(), 10000ms);
    QCOMPARE(options.operationTimeout(), 10000ms);
    QCOMPARE(options.maxFrameSize(), 1048576);

    const NoLagEmitOptions emitOptions;
    QVERIFY(emitOptions.echo());
    QVERIFY(!emitOptions.retain());
    QVERIFY(emitOptions.isAcknowledged());
}

void tst_FrameShapes::disconnectOnHiddenIsInertWithoutGui()
{
    // A core application has no application state; the option must not get in the way.
    QCOMPARE(QCoreApplication::instance()->metaObject()->indexOfSignal(
                 "applicationStateChanged(Qt::ApplicationState)"),
             -1);
    FrameRecorder recorder;
    QVERIFY(recorder.listen());
    NoLagOptions options = fastOptions(recorder.url());
    options.setDisconnectOnHidden(true);
    NoLagClient client(u"t"_s, options);
    QVERIFY(connectClient(client));
    QTest::qWait(100);
    QCOMPARE(client.status(), NoLag::ConnectionStatus::Connected);
}

void tst_FrameShapes::unencodableDataFails()
{
    FrameRecorder recorder;
    QVERIFY(recorder.listen());
    NoLagClient client(u"t"_s, fastOptions(recorder.url()));
    QVERIFY(connectClient(client));

    // A QObject pointer has no MessagePack form.
    QFuture<void> published =
        client.publish(u"chat/general/messages"_s, QVariant::fromValue(&recorder));
    QVERIFY(published.isFinished());
    try {
        published.waitForFinished();
        QFAIL("an unencodable publish succeeded");
    } catch (const NoLagError &error) {
        QCOMPARE(error.error(), NoLag::Error::EncodeError);
        QCOMPARE(error.topic(), u"chat/general/messages"_s);
    }
    QTest::qWait(50);
    QVERIFY(recorder.framesOfType(u"publish"_s).isEmpty());
}

QTEST_GUILESS_MAIN(tst_FrameShapes)
#include "tst_frameshapes.moc"
