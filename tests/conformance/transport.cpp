// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// Transport and encoding: statements 1-10 (wire-protocol §1, §2).
#include "oracle.h"
#include "tst_conformance.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonDocument>
#include <QtCore/QSet>
#include <QtCore/QtEndian>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>

using namespace Qt::StringLiterals;
using Conformance::OracleMap;
using Conformance::OracleValue;
using NoLagTest::RawConnection;

namespace {

constexpr qsizetype maxFrameBytes = 1048576;

// Sends a hand-written WebSocket upgrade request and returns the response head.
QByteArray upgradeResponse(quint16 port, const QByteArray &extraHeaders)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000)) {
        return {};
    }
    socket.write("GET /ws HTTP/1.1\r\n"
                 "Host: 127.0.0.1:" +
                 QByteArray::number(port) +
                 "\r\n"
                 "Upgrade: websocket\r\n"
                 "Connection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: 13\r\n" +
                 extraHeaders + "\r\n");
    QByteArray response;
    while (!response.contains("\r\n\r\n") && socket.waitForReadyRead(3000)) {
        response += socket.readAll();
    }
    return response.left(response.indexOf("\r\n\r\n"));
}

QByteArray headerValue(const QByteArray &head, const QByteArray &name)
{
    const QList<QByteArray> lines = head.split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower()) {
            return line.mid(colon + 1).trimmed();
        }
    }
    return {};
}

// A publish frame, encoded by msgpack-cxx, padded with a str payload to exactly \a size bytes.
QByteArray publishFrameOfSize(qsizetype size, const QString &topic)
{
    auto build = [&](qsizetype payload) {
        return OracleMap()
            .str("type", u"publish"_s)
            .str("topic", topic)
            .str("data", QString(payload, u'x'))
            .bytes();
    };
    // A str of 65,536 bytes or more has a 5-byte header instead of the 1-byte fixstr header.
    const qsizetype overhead = build(0).size() - 1 + 5;
    return build(size - overhead);
}

QByteArray expectedCodeBytes(quint16 code)
{
    QByteArray bytes = QByteArray::fromHex("a4636f6465cd"); // "code", uint16 marker
    bytes.append(char(code >> 8));
    bytes.append(char(code & 0xff));
    return bytes;
}

} // namespace

void tst_Conformance::transport_data()
{
    const QVariantMap afterAuth{{u"authenticated"_s, true}};
    auto invalid = [](const char *hex, bool authenticated) {
        return QVariantMap{{u"bytes"_s, QByteArray::fromHex(hex)},
                           {u"authenticated"_s, authenticated}};
    };

    addRows({
        {"001 upgrade on /ws succeeds without any subprotocol",
         &tst_Conformance::upgradeWithoutSubprotocol},
        {"§1.2 per-message compression is not negotiated",
         &tst_Conformance::compressionNotNegotiated},
        {"§1.1 GET /health answers {\"status\":\"ok\"}", &tst_Conformance::healthEndpoint},
        {"002 every server frame but the heartbeat echo is a binary map with a str type",
         &tst_Conformance::serverFramesAreTypedMaps},
        {"003 reserved byte 0xc1 gets no reply, connection stays open",
         &tst_Conformance::invalidMsgpackIgnored, invalid("c1", true)},
        {"003 truncated map gets no reply, connection stays open",
         &tst_Conformance::invalidMsgpackIgnored, invalid("82a474797065", true)},
        {"003 truncated str before auth gets no reply, connection stays open",
         &tst_Conformance::invalidMsgpackIgnored, invalid("d9ff616263", false)},
        {"004 timestamp ext inside published data: no reply, no delivery",
         &tst_Conformance::extFrameIgnored, u"publish"_s},
        {"004 ext field in a subscribe frame: no reply, no subscription",
         &tst_Conformance::extFrameIgnored, u"subscribe"_s},
        {"005 frame of 1,048,577 bytes is closed with 1009", &tst_Conformance::oversizeFrameCloses},
        {"005 frame of exactly 1,048,576 bytes is read (answered with 42930, not closed)",
         &tst_Conformance::frameAtLimitAccepted},
        {"006 authenticated connection silent for the idle timeout is closed with 1000",
         &tst_Conformance::idleConnectionClosed, true},
        {"006 unauthenticated connection silent for the idle timeout is closed with 1000",
         &tst_Conformance::idleConnectionClosed, false},
        {"006 heartbeats keep a connection open while a silent one is closed",
         &tst_Conformance::activityKeepsConnectionOpen, u"heartbeat"_s},
        {"§1.8 WebSocket pings are answered and keep a connection open",
         &tst_Conformance::activityKeepsConnectionOpen, u"ping"_s},
        {"007 bin as published data arrives as a str", &tst_Conformance::binDeliveredAsStr, false},
        {"007 bin nested in a published map arrives as a str", &tst_Conformance::binDeliveredAsStr,
         true},
        {"008 float32 1.5 arrives as float64 1.5", &tst_Conformance::float32DeliveredAsFloat64,
         1.5},
        {"008 float32 0.1 arrives as float64 of the same value",
         &tst_Conformance::float32DeliveredAsFloat64, 0.1},
        {"008 float32 3.0 arrives as float64 3.0, not as an integer",
         &tst_Conformance::float32DeliveredAsFloat64, 3.0},
        {"009 code 42910 is encoded as uint16 0xcd 0xa7 0x9e", &tst_Conformance::errorCodeEncoding,
         42910},
        {"§18 code 42930 is encoded as uint16 0xcd 0xa7 0xb2", &tst_Conformance::errorCodeEncoding,
         42930},
        {"§18 code 42940 is encoded as uint16 0xcd 0xa7 0xbc", &tst_Conformance::errorCodeEncoding,
         42940},
        {"010 presenceList joinedAt is an integer of Unix seconds",
         &tst_Conformance::joinedAtIsUnixSeconds},
        {"§1.5 a JSON text frame is dispatched like MessagePack and answered in binary",
         &tst_Conformance::jsonTextFrameDispatched},
        {"§1.5 a text frame with invalid JSON is ignored, connection stays open",
         &tst_Conformance::invalidJsonTextIgnored},
    });
}

void tst_Conformance::upgradeWithoutSubprotocol(const QVariant &)
{
    NoLagTest::LocalServer *host = server(Server::Main);
    REQUIRE(host);

    const QByteArray head = upgradeResponse(host->port(), {});
    QVERIFY2(head.startsWith("HTTP/1.1 101"), head.constData());
    // RFC 6455's own example key and its accept value.
    QCOMPARE(headerValue(head, "Sec-WebSocket-Accept"), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    QVERIFY2(headerValue(head, "Sec-WebSocket-Protocol").isEmpty(), head.constData());

    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
}

void tst_Conformance::compressionNotNegotiated(const QVariant &)
{
    NoLagTest::LocalServer *host = server(Server::Main);
    REQUIRE(host);

    const QByteArray head = upgradeResponse(
        host->port(), "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n");
    QVERIFY2(head.startsWith("HTTP/1.1 101"), head.constData());
    QVERIFY2(!headerValue(head, "Sec-WebSocket-Extensions").contains("permessage-deflate"),
             head.constData());
}

void tst_Conformance::healthEndpoint(const QVariant &)
{
    NoLagTest::LocalServer *host = server(Server::Main);
    REQUIRE(host);

    QNetworkAccessManager network;
    QUrl url = host->httpUrl();
    url.setPath(u"/health"_s);
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(reply->isFinished() || finished.wait(ReplyTimeoutMs));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonDocument body = QJsonDocument::fromJson(reply->readAll());
    COMPARE_EXACT(body.toVariant(), QVariantMap({{u"status"_s, u"ok"_s}}));
    reply->deleteLater();
}

void tst_Conformance::serverFramesAreTypedMaps(const QVariant &)
{
    RawConnection *alice = openPeer();
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    const QString topic = chatTopic(u"s002"_s);
    REQUIRE(subscribe(bob, topic));

    // One request of each kind that has a reply, so that every reply type is inspected.
    alice->sendFrame(
        {{u"type"_s, u"auth"_s}, {u"token"_s, Tokens::alice}, {u"protocolVersion"_s, 2}});
    alice->sendFrame({{u"type"_s, u"subscribe"_s}, {u"topic"_s, topic}});
    publishTo(alice, topic, QVariantMap{{u"n"_s, 1}}, {{u"msgRef"_s, u"r1"_s}});
    alice->sendFrame({{u"type"_s, u"subscribe"_s}, {u"topic"_s, chatTopic(u"nosuchroom"_s)}});
    alice->sendFrame(
        {{u"type"_s, u"setFilters"_s}, {u"topic"_s, topic}, {u"filters"_s, QVariantList{u"x"_s}}});
    alice->sendFrame(
        {{u"type"_s, u"unsubscribe"_s}, {u"topic"_s, chatTopic(u"s002"_s, u"typing"_s)}});
    setPresence(alice, u"s002"_s, QVariantMap{{u"mood"_s, u"fine"_s}});
    alice->sendFrame({{u"type"_s, u"getPresence"_s}, {u"roomId"_s, u"s002"_s}});
    alice->sendFrame({{u"type"_s, u"lobbySubscribe"_s}, {u"lobbyId"_s, u"lobby-a"_s}});
    alice->sendFrame({{u"type"_s, u"lobbyUnsubscribe"_s}, {u"lobbyId"_s, u"lobby-a"_s}});
    alice->sendHeartbeat();

    const QSet<QString> expectedTypes{
        u"auth"_s,         u"subscribed"_s,      u"published"_s,        u"message"_s,
        u"error"_s,        u"filtersUpdated"_s,  u"unsubscribed"_s,     u"presence"_s,
        u"presenceList"_s, u"lobbySubscribed"_s, u"lobbyUnsubscribed"_s};
    // auth, subscribed, published, message, error, filtersUpdated, unsubscribed, presence
    // join + update, presenceList, lobbySubscribed, lobbyUnsubscribed, heartbeat echo
    constexpr int expectedFrames = 13;
    QTRY_VERIFY_WITH_TIMEOUT(alice->queue().size() >= expectedFrames, ReplyTimeoutMs);
    QVERIFY(alice->staysQuiet(QuietMs));

    QSet<QString> seenTypes;
    int heartbeats = 0;
    const QList<RawConnection::Frame> frames = takeAll(alice);
    for (const RawConnection::Frame &frame : frames) {
        QVERIFY2(!frame.isText, "the server sent a text frame");
        if (frame.isHeartbeat()) {
            ++heartbeats;
            continue;
        }
        const QString why = Conformance::oracleCheckServerFrame(frame.raw);
        QVERIFY2(why.isEmpty(), qPrintable(why + u": "_s + QString::fromLatin1(frame.raw.toHex())));
        seenTypes.insert(frame.type());
    }
    QCOMPARE(heartbeats, 1);
    QCOMPARE(seenTypes, expectedTypes);
}

void tst_Conformance::invalidMsgpackIgnored(const QVariant &argument)
{
    const QVariantMap row = argument.toMap();
    const bool authenticated = row.value(u"authenticated"_s).toBool();

    RawConnection *alice = authenticated ? peer(Tokens::alice) : openPeer();
    REQUIRE(alice);

    alice->sendBytes(row.value(u"bytes"_s).toByteArray());
    REQUIRE(quietUntilControl(alice, authenticated));
    QVERIFY(alice->isOpen());
}

void tst_Conformance::extFrameIgnored(const QVariant &argument)
{
    const bool inPublish = argument.toString() == u"publish"_s;
    const QString topic = chatTopic(u"s004"_s);

    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);

    if (inPublish) {
        REQUIRE(subscribe(alice, topic));
        REQUIRE(subscribe(bob, topic));

        const QByteArray data =
            OracleMap().str("text", u"hi"_s).timestamp("sentAt", 1760000000).bytes();
        alice->sendBytes(OracleMap()
                             .str("type", u"publish"_s)
                             .str("topic", topic)
                             .raw("data", data)
                             .str("msgRef", u"with-ext"_s)
                             .bytes());
        REQUIRE(quietUntilControl(alice));
        REQUIRE(nothingArrives({bob}));

        // Control: the same publish without the ext value is delivered.
        publishTo(alice, topic, QVariantMap{{u"text"_s, u"hi"_s}});
        QVERIFY(!takeReply(bob, u"message"_s).isEmpty());
        return;
    }

    const QString typing = chatTopic(u"s004"_s, u"typing"_s);
    alice->sendBytes(
        OracleMap().str("type", u"subscribe"_s).str("topic", typing).ext("note").bytes());
    REQUIRE(quietUntilControl(alice));

    // No side effect: alice was not subscribed, so bob's publish does not reach her.
    publishTo(bob, typing, u"after ext subscribe"_s);
    REQUIRE(nothingArrives({alice}));

    // Control: a clean subscribe works and then the publish arrives.
    REQUIRE(subscribe(alice, typing));
    publishTo(bob, typing, u"after clean subscribe"_s);
    QVERIFY(!takeReply(alice, u"message"_s).isEmpty());
}

void tst_Conformance::oversizeFrameCloses(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    const QByteArray frame = publishFrameOfSize(maxFrameBytes + 1, chatTopic(u"s005"_s));
    QCOMPARE(frame.size(), maxFrameBytes + 1);
    alice->sendBytes(frame);

    QVERIFY(alice->waitForClosed(ReplyTimeoutMs));
    QCOMPARE(alice->closeCode(), 1009);
}

void tst_Conformance::frameAtLimitAccepted(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    const QString topic = chatTopic(u"s005"_s);
    const QByteArray frame = publishFrameOfSize(maxFrameBytes, topic);
    QCOMPARE(frame.size(), maxFrameBytes);
    alice->sendBytes(frame);

    // Its data is far above 921,600 bytes, so the server answers with an error frame.
    const QVariantMap error = takeReply(alice, u"error"_s);
    QVERIFY2(!error.isEmpty(), "no error frame for a publish frame at the frame size limit");
    COMPARE_EXACT(error.value(u"error"_s), u"message_too_large"_s);
    COMPARE_EXACT(error.value(u"topic"_s), topic);
    QVERIFY(alice->isOpen());
    REQUIRE(quietUntilControl(alice));
}

void tst_Conformance::idleConnectionClosed(const QVariant &argument)
{
    const bool authenticated = argument.toBool();
    RawConnection *alice =
        authenticated ? peer(Tokens::alice, 2, Server::Idle) : openPeer(Server::Idle);
    REQUIRE(alice);

    // --idle-timeout 1 on this server: the connection must be closed well within 5 s.
    QVERIFY2(alice->waitForClosed(5000), "the server did not close a silent connection");
    QCOMPARE(alice->closeCode(), 1000);
    QCOMPARE(alice->closeReason(), QString());
}

void tst_Conformance::activityKeepsConnectionOpen(const QVariant &argument)
{
    const bool usePing = argument.toString() == u"ping"_s;
    RawConnection *active = peer(Tokens::alice, 2, Server::Idle);
    REQUIRE(active);
    RawConnection *silent = peer(Tokens::bob, 2, Server::Idle);
    REQUIRE(silent);
    QSignalSpy pongs(active->socket(), &QWebSocket::pong);

    // Keep one connection busy every 200 ms until the silent one is closed (1 s timeout).
    const QDeadlineTimer deadline(5000);
    while (silent->isOpen() && !deadline.hasExpired()) {
        if (usePing) {
            active->socket()->ping();
        } else {
            active->sendHeartbeat();
        }
        QTest::qWait(200);
    }
    QVERIFY2(!silent->isOpen(), "the silent connection was never closed");
    QVERIFY(active->isOpen());
    if (usePing) {
        QVERIFY(pongs.count() > 0);
    }
}

void tst_Conformance::binDeliveredAsStr(const QVariant &argument)
{
    const bool nested = argument.toBool();
    const QString topic = chatTopic(u"s007"_s);
    const QByteArray text = u"h\u00e9llo w\u00f6rld"_s.toUtf8();

    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic));

    OracleMap frame;
    frame.str("type", u"publish"_s).str("topic", topic);
    if (nested) {
        frame.raw("data", OracleMap().bin("blob", text).bytes());
    } else {
        frame.bin("data", text);
    }
    bob->sendBytes(frame.bytes());

    const auto message =
        takeFrame(alice, [](const RawConnection::Frame &f) { return f.type() == u"message"_s; });
    QVERIFY2(message, "the publish with bin data was not delivered");
    const QStringList path = nested ? QStringList{u"data"_s, u"blob"_s} : QStringList{u"data"_s};
    const OracleValue value = Conformance::oracleLookup(message->raw, path);
    QCOMPARE(Conformance::oracleTypeName(value.type), u"str"_s);
    QCOMPARE(value.text, text);
}

void tst_Conformance::float32DeliveredAsFloat64(const QVariant &argument)
{
    const float sent = argument.toFloat();
    const QString topic = chatTopic(u"s008"_s);

    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);
    RawConnection *bob = peer(Tokens::bob);
    REQUIRE(bob);
    REQUIRE(subscribe(alice, topic));

    bob->sendBytes(OracleMap()
                       .str("type", u"publish"_s)
                       .str("topic", topic)
                       .raw("data", OracleMap().float32("value", sent).bytes())
                       .bytes());

    const auto message =
        takeFrame(alice, [](const RawConnection::Frame &f) { return f.type() == u"message"_s; });
    QVERIFY2(message, "the publish with a float32 was not delivered");
    const OracleValue value = Conformance::oracleLookup(message->raw, {u"data"_s, u"value"_s});
    QCOMPARE(Conformance::oracleTypeName(value.type), u"float64"_s);
    QCOMPARE(value.number, double(sent));

    // The same fact on the raw bytes: 0xcb followed by the big-endian double.
    QByteArray expected(9, '\0');
    expected[0] = char(0xcb);
    qToBigEndian(double(sent), expected.data() + 1);
    QVERIFY2(message->raw.contains(expected),
             qPrintable(QString::fromLatin1(message->raw.toHex())));
}

void tst_Conformance::errorCodeEncoding(const QVariant &argument)
{
    const int code = argument.toInt();
    const QString topic = chatTopic(u"s009"_s);

    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    auto isError = [](const RawConnection::Frame &f) {
        return f.type() == u"error"_s;
    };
    std::optional<RawConnection::Frame> error;
    if (code == 42910) {
        // 60 publishes in a burst; retried if the burst straddled two one-second windows.
        for (int attempt = 0; attempt < 3 && !error; ++attempt) {
            waitForFreshSecond();
            for (int i = 0; i < 60; ++i) {
                publishTo(alice, topic, i);
            }
            error = takeFrame(alice, isError);
        }
    } else if (code == 42930) {
        publishTo(alice, topic, QString(921601, u'x'));
        error = takeFrame(alice, isError);
    } else {
        alice->sendFrame({{u"type"_s, u"subscribe"_s}, {u"topic"_s, chatTopic(u"nosuchroom"_s)}});
        error = takeFrame(alice, isError);
    }

    QVERIFY2(error, "no error frame arrived");
    const OracleValue value = Conformance::oracleLookup(error->raw, {u"code"_s});
    QCOMPARE(Conformance::oracleTypeName(value.type), u"positive integer"_s);
    QCOMPARE(value.positive, quint64(code));
    QVERIFY2(error->raw.contains(expectedCodeBytes(quint16(code))),
             qPrintable(QString::fromLatin1(error->raw.toHex())));
}

void tst_Conformance::joinedAtIsUnixSeconds(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    setPresence(alice, u"s010"_s, QVariantMap{{u"status"_s, u"here"_s}});
    QVERIFY(!takeReply(alice, u"presence"_s, u"event"_s, u"join"_s).isEmpty());
    alice->sendFrame({{u"type"_s, u"getPresence"_s}, {u"roomId"_s, u"s010"_s}});
    const QVariantMap list = takeReply(alice, u"presenceList"_s, u"roomId"_s, u"s010"_s);
    QVERIFY2(!list.isEmpty(), "no presenceList reply");

    const QVariantList entries = list.value(u"data"_s).toList();
    QCOMPARE(entries.size(), 1);
    const QVariant joinedAt = entries.first().toMap().value(u"joinedAt"_s);
    QVERIFY2(Conformance::isInteger(joinedAt), qPrintable(Conformance::describe(joinedAt)));

    // Seconds, not milliseconds: within a day of the local clock (server and test share it).
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QVERIFY2(qAbs(joinedAt.toLongLong() - now) < 86400, qPrintable(joinedAt.toString()));
}

void tst_Conformance::jsonTextFrameDispatched(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    const QString topic = chatTopic(u"s001"_s, u"typing"_s);
    alice->sendText(uR"({"type":"subscribe","topic":"%1"})"_s.arg(topic));
    const auto reply = takeFrame(alice, [](const RawConnection::Frame &f) {
        return f.isText || f.type() == u"subscribed"_s;
    });
    QVERIFY2(reply, "no reply to a JSON subscribe");
    QVERIFY2(!reply->isText, "the reply came as a text frame");
    COMPARE_EXACT(reply->map.value(u"topic"_s), topic);
}

void tst_Conformance::invalidJsonTextIgnored(const QVariant &)
{
    RawConnection *alice = peer(Tokens::alice);
    REQUIRE(alice);

    alice->sendText(u"{\"type\": \"subscribe\", "_s);
    REQUIRE(quietUntilControl(alice));
    QVERIFY(alice->isOpen());
}
