// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT

// The nolag-local process itself, on 127.0.0.1 with OS-picked ports: persistence across a
// clean restart and across kill -9, bad input on the wire, the frame cap, the HTTP side,
// shutdown, and the command line's errors.

#include "localserver.h"
#include "rawconnection.h"

#include <nolagcodec/variantcodec.h>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using NoLagTest::LocalServer;
using NoLagTest::RawConnection;

namespace {

const QString Topic = u"chat/general/messages"_s;

QByteArray tokenFile()
{
    auto actor = [](const QString &id) {
        QJsonArray rules;
        for (const QString &room : {u"general"_s, u"other"_s}) {
            rules.append(QJsonObject{{u"pattern"_s, u"chat/%1/messages"_s.arg(room)},
                                     {u"permission"_s, u"pubSub"_s},
                                     {u"topic"_s, u"room-%1/messages"_s.arg(room)},
                                     {u"room_id"_s, u"room-"_s + room},
                                     {u"room_slug"_s, room},
                                     {u"app_id"_s, u"app-chat"_s},
                                     {u"app_name"_s, u"chat"_s}});
        }
        return QJsonObject{{u"actorTokenId"_s, id},
                           {u"projectId"_s, u"proj-1"_s},
                           {u"organizationId"_s, u"org-1"_s},
                           {u"allowedTopics"_s, rules}};
    };
    const QJsonObject tokens{{u"alice-token"_s, actor(u"alice"_s)},
                             {u"bob-token"_s, actor(u"bob"_s)},
                             {u"carol-token"_s, actor(u"carol"_s)}};
    return QJsonDocument(QJsonObject{{u"tokens"_s, tokens}}).toJson();
}

std::unique_ptr<LocalServer> startServer(const QStringList &extra = {})
{
    auto server = std::make_unique<LocalServer>();
    const QString tokens = server->writeFile(u"tokens.json"_s, tokenFile());
    server->setExtraArguments(QStringList{u"--tokens"_s, tokens} + extra);
    if (!server->start()) {
        qWarning("%s", qPrintable(server->errorString()));
        return nullptr;
    }
    return server;
}

std::unique_ptr<RawConnection> connectAs(LocalServer *server, const QString &token,
                                         bool reconnect = false)
{
    auto connection = std::make_unique<RawConnection>();
    connection->socket()->setOutgoingFrameSize(4 * 1024 * 1024);
    if (!connection->open(server->webSocketUrl())) {
        return nullptr;
    }
    const QVariantMap reply = connection->authenticate(token, 2, reconnect);
    if (reply.value(u"success"_s) != true) {
        return nullptr;
    }
    return connection;
}

bool subscribe(RawConnection *connection, const QString &topic)
{
    connection->sendFrame({{u"type"_s, u"subscribe"_s}, {u"topic"_s, topic}});
    return !connection->waitForFrame(u"subscribed"_s).isEmpty();
}

// Publishes with a msgRef and waits for `published`: the message is then durable.
bool publish(RawConnection *connection, const QString &topic, const QVariant &data,
             QVariantMap options = {})
{
    static int counter = 0;
    const QString ref = u"ref-%1"_s.arg(++counter);
    options.insert(u"type"_s, u"publish"_s);
    options.insert(u"topic"_s, topic);
    options.insert(u"data"_s, data);
    options.insert(u"msgRef"_s, ref);
    connection->sendFrame(options);
    return connection->waitForFrame(u"published"_s).value(u"msgRef"_s) == ref;
}

QVariantList messageData(RawConnection *connection, int expected, int timeoutMs = 5000)
{
    QVariantList data;
    for (int i = 0; i < expected; ++i) {
        const QVariantMap message = connection->waitForFrame(u"message"_s, timeoutMs);
        if (message.isEmpty()) {
            break;
        }
        data.append(message.value(u"data"_s));
    }
    return data;
}

struct ProcessResult
{
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;
};

ProcessResult runServer(const QStringList &arguments)
{
    QProcess process;
    process.start(LocalServer::binaryPath(), arguments);
    ProcessResult result;
    if (!process.waitForFinished(15000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.standardOutput = process.readAllStandardOutput();
    result.standardError = process.readAllStandardError();
    return result;
}

} // namespace

class tst_LocalServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void persistence_data();
    void persistence();
    void malformedFramesLeaveOthersAlone_data();
    void malformedFramesLeaveOthersAlone();
    void oversizeFrameCloses1009();
    void clientThatDoesNotReadIsClosed();
    void httpEndpoints_data();
    void httpEndpoints();
    void webSocketOnAnotherPathIsRefused();
    void stopClosesConnectionsWith1001();
    void commandLineErrors_data();
    void commandLineErrors();
    void busyPort();
    void helpAndVersion();
};

void tst_LocalServer::persistence_data()
{
    QTest::addColumn<bool>("crash");

    QTest::addRow("clean restart") << false;
    QTest::addRow("kill -9") << true;
}

void tst_LocalServer::persistence()
{
    QFETCH(bool, crash);

    std::unique_ptr<LocalServer> server = startServer();
    QVERIFY(server);
    {
        auto alice = connectAs(server.get(), u"alice-token"_s);
        auto bob = connectAs(server.get(), u"bob-token"_s);
        QVERIFY(alice && bob);
        QVERIFY(subscribe(alice.get(), Topic));
        QVERIFY(publish(bob.get(), Topic, u"acknowledged"_s));
        QVERIFY(publish(bob.get(), Topic, u"never acknowledged"_s));
        QVERIFY(publish(bob.get(), Topic, u"retained"_s, {{u"retain"_s, true}}));

        // Acknowledge all but one, then leave; one more arrives while alice is away.
        for (int i = 0; i < 3; ++i) {
            const QVariantMap message = alice->waitForFrame(u"message"_s);
            QVERIFY(!message.isEmpty());
            if (message.value(u"data"_s) != u"never acknowledged"_s) {
                alice->sendFrame({{u"type"_s, u"ack"_s}, {u"msgId"_s, message.value(u"msgId"_s)}});
            }
        }
        QVERIFY(alice->staysQuiet(100)); // let the acknowledgements arrive first
        alice->close();
        QVERIFY(alice->waitForClosed());
        QVERIFY(publish(bob.get(), Topic, u"while away"_s));
    }

    if (crash) {
        server->kill();
        QVERIFY(server->start());
    } else {
        QVERIFY(server->restart());
    }

    auto back = std::make_unique<RawConnection>();
    QVERIFY(back->open(server->webSocketUrl()));
    const QVariantMap auth = back->authenticate(u"alice-token"_s, 2, true);
    QCOMPARE(auth.value(u"success"_s), true);
    const QVariantList restored = auth.value(u"restoredSubscriptions"_s).toList();
    QCOMPARE(restored.size(), 1);
    QCOMPARE(restored.first().toMap().value(u"pattern"_s), Topic);

    const QVariantMap start = back->waitForFrame(u"replayStart"_s);
    QVERIFY(!start.isEmpty());
    const int count = start.value(u"count"_s).toInt();
    const QVariantList replayed = messageData(back.get(), count);
    QCOMPARE(back->waitForFrame(u"replayEnd"_s).value(u"replayed"_s).toInt(), count);
    if (crash) {
        // At least once: acknowledgements of the last moment may be replayed again.
        QVERIFY(replayed.contains(u"never acknowledged"_s));
        QVERIFY(replayed.contains(u"while away"_s));
    } else {
        QCOMPARE(replayed, (QVariantList{u"never acknowledged"_s, u"while away"_s}));
    }

    // The restored subscription receives live messages without a subscribe.
    auto bob = connectAs(server.get(), u"bob-token"_s);
    QVERIFY(bob);
    QVERIFY(publish(bob.get(), Topic, u"live"_s));
    QCOMPARE(messageData(back.get(), 1), QVariantList{u"live"_s});

    // The retained message is still there for a newcomer.
    auto carol = connectAs(server.get(), u"carol-token"_s);
    QVERIFY(carol);
    QVERIFY(subscribe(carol.get(), Topic));
    QCOMPARE(messageData(carol.get(), 1), QVariantList{u"retained"_s});
}

void tst_LocalServer::malformedFramesLeaveOthersAlone_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("authenticated");
    QTest::addColumn<bool>("notAuthenticatedReply");

    QTest::addRow("not MessagePack") << QByteArray("\xc1\xc1", 2) << true << false;
    QTest::addRow("truncated") << QByteArray("\x85\xa4type\xa7publish", 14) << true << false;
    QTest::addRow("ext value") << QByteArray("\xd6\xff\x00\x00\x00\x01", 6) << true << false;
    QTest::addRow("array after auth") << QByteArray("\x92\x01\x02", 3) << true << false;
    QTest::addRow("string after auth") << QByteArray("\xa2hi", 3) << true << false;
    QTest::addRow("array before auth") << QByteArray("\x92\x01\x02", 3) << false << true;
    QTest::addRow("truncated before auth") << QByteArray("\x81\xa4ty", 4) << false << false;
}

void tst_LocalServer::malformedFramesLeaveOthersAlone()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, authenticated);
    QFETCH(bool, notAuthenticatedReply);

    static std::unique_ptr<LocalServer> server = startServer();
    QVERIFY(server);
    auto sender = std::make_unique<RawConnection>();
    QVERIFY(sender->open(server->webSocketUrl()));
    if (authenticated) {
        QCOMPARE(sender->authenticate(u"alice-token"_s).value(u"success"_s), true);
    }
    auto listener = connectAs(server.get(), u"bob-token"_s);
    QVERIFY(listener);
    QVERIFY(subscribe(listener.get(), Topic));

    sender->sendBytes(bytes);
    if (notAuthenticatedReply) {
        QCOMPARE(sender->waitForFrame(u"error"_s),
                 (QVariantMap{{u"type"_s, u"error"_s}, {u"error"_s, u"not_authenticated"_s}}));
    } else {
        QVERIFY(sender->staysQuiet(200));
    }

    // Both connections keep working.
    QVERIFY(sender->isOpen());
    if (!authenticated) {
        QCOMPARE(sender->authenticate(u"alice-token"_s).value(u"success"_s), true);
    }
    QVERIFY(publish(sender.get(), Topic, u"after"_s));
    QCOMPARE(messageData(listener.get(), 1), QVariantList{u"after"_s});
}

void tst_LocalServer::oversizeFrameCloses1009()
{
    std::unique_ptr<LocalServer> server = startServer({u"--max-frame-size"_s, u"65536"_s});
    QVERIFY(server);
    auto big = connectAs(server.get(), u"alice-token"_s);
    auto bystander = connectAs(server.get(), u"bob-token"_s);
    QVERIFY(big && bystander);

    big->sendBytes(QByteArray(65536, '\xc0')); // at the limit: read (and ignored)
    QVERIFY(big->staysQuiet(200));
    QVERIFY(big->isOpen());

    big->sendBytes(QByteArray(65537, '\xc0'));
    QVERIFY(big->waitForClosed());
    QCOMPARE(big->closeCode(), 1009);

    bystander->sendHeartbeat();
    bool ok = false;
    QVERIFY(bystander->waitForAnyFrame(5000, &ok).isHeartbeat());
    QVERIFY(ok);
}

// A client frame by hand (masked with a zero key, which leaves the payload as it is).
QByteArray maskedFrame(const QVariantMap &frame)
{
    bool ok = false;
    const QByteArray payload = NoLag::Codec::encodeVariant(QVariant(frame), &ok);
    Q_ASSERT(ok && payload.size() < 65536);
    QByteArray bytes(1, char(0x82));
    if (payload.size() < 126) {
        bytes.append(char(0x80 | payload.size()));
    } else {
        bytes.append(char(0x80 | 126));
        bytes.append(char(payload.size() >> 8));
        bytes.append(char(payload.size() & 0xff));
    }
    bytes.append(4, '\0');
    return bytes + payload;
}

void tst_LocalServer::clientThatDoesNotReadIsClosed()
{
    std::unique_ptr<LocalServer> server =
        startServer({u"--max-send-buffer"_s, u"1048576"_s, u"--rate-limit"_s, u"0"_s});
    QVERIFY(server);
    auto publisher = connectAs(server.get(), u"alice-token"_s);
    auto reader = connectAs(server.get(), u"bob-token"_s);
    QVERIFY(publisher && reader);
    QVERIFY(subscribe(reader.get(), Topic));

    // A WebSocket client over a plain TCP socket that authenticates, subscribes, and from
    // then on reads nothing: what is sent to it fills the kernel's buffers, then the server's.
    QTcpSocket stalled;
    QByteArray received;
    connect(&stalled, &QTcpSocket::readyRead, this, [&] {
        if (stalled.readBufferSize() == 0) {
            received += stalled.readAll();
        }
    });
    stalled.connectToHost(QHostAddress::LocalHost, server->port());
    QVERIFY(stalled.waitForConnected(5000));
    stalled.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                  "Connection: Upgrade\r\nSec-WebSocket-Key: c2xvdy1jb25zdW1lci0xMg==\r\n"
                  "Sec-WebSocket-Version: 13\r\n\r\n");
    QTRY_VERIFY(received.contains("\r\n\r\n"));
    QVERIFY(received.startsWith("HTTP/1.1 101"));
    stalled.write(maskedFrame(
        {{u"type"_s, u"auth"_s}, {u"token"_s, u"carol-token"_s}, {u"protocolVersion"_s, 2}}));
    QTRY_VERIFY(received.contains("success"));
    stalled.write(maskedFrame({{u"type"_s, u"subscribe"_s}, {u"topic"_s, Topic}}));
    QTRY_VERIFY(received.contains("subscribed"));
    stalled.setReadBufferSize(16); // Qt stops taking bytes from the kernel once it holds 16

    // 32 MB: more than loopback's kernel buffers hold, so the server's buffer passes 1 MB.
    const int count = 64;
    const QByteArray chunk(512 * 1024, 'x');
    for (int i = 0; i < count; ++i) {
        QVERIFY2(publish(publisher.get(), Topic, chunk), qPrintable(u"publish %1"_s.arg(i)));
    }
    // The reading subscriber is not held back by the stalled one and misses nothing.
    QCOMPARE(messageData(reader.get(), count, 15000).size(), count);

    server->stop();
    QVERIFY2(server->output().contains("because the client is not reading"),
             server->output().constData());
    QCOMPARE(server->output().count("because the client is not reading"), 1);
}

void tst_LocalServer::httpEndpoints_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("body");

    QTest::addRow("health") << u"/health"_s << 200 << uR"({"status":"ok"})"_s;
    QTest::addRow("unknown path")
        << u"/nope"_s << 404
        << uR"({"error":"Not Found","message":"Cannot GET /nope","statusCode":404})"_s;
    QTest::addRow("/ws without upgrade") << u"/ws"_s << 426 << QString();
}

void tst_LocalServer::httpEndpoints()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, body);

    static std::unique_ptr<LocalServer> server = startServer();
    QVERIFY(server);
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(server->httpUrl().resolved(QUrl(path))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), u"application/json"_s);
    const QByteArray answer = reply->readAll();
    if (!body.isEmpty()) {
        QCOMPARE(QJsonDocument::fromJson(answer), QJsonDocument::fromJson(body.toUtf8()));
    } else {
        QCOMPARE(QJsonDocument::fromJson(answer).object().value(u"statusCode"_s).toInt(), status);
    }
    reply->deleteLater();
}

void tst_LocalServer::webSocketOnAnotherPathIsRefused()
{
    std::unique_ptr<LocalServer> server = startServer();
    QVERIFY(server);
    RawConnection connection;
    QUrl url = server->webSocketUrl();
    url.setPath(u"/elsewhere"_s);
    QVERIFY(connection.open(url));
    QVERIFY(connection.waitForClosed());
    QCOMPARE(connection.closeCode(), 1008);
}

void tst_LocalServer::stopClosesConnectionsWith1001()
{
    std::unique_ptr<LocalServer> server = startServer();
    QVERIFY(server);
    auto alice = connectAs(server.get(), u"alice-token"_s);
    QVERIFY(alice);

    server->stop();
    QVERIFY(alice->waitForClosed());
    QCOMPARE(alice->closeCode(), 1001);
    QVERIFY(server->output().contains("Stopped; everything is saved"));
}

void tst_LocalServer::commandLineErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("line");

    QTest::addRow("unknown flag")
        << QStringList{u"--bogus"_s}
        << u"nolag-local: unknown option 'bogus' (see nolag-local --help)"_s;
    QTest::addRow("missing value")
        << QStringList{u"--listen"_s}
        << u"nolag-local: missing value after '--listen' (see nolag-local --help)"_s;
    QTest::addRow("bad listen address")
        << QStringList{u"--listen"_s, u"somewhere"_s}
        << u"nolag-local: --listen expects HOST:PORT, for example 127.0.0.1:8080 (got 'somewhere')"_s;
    QTest::addRow("bad number")
        << QStringList{u"--rate-limit"_s, u"lots"_s}
        << u"nolag-local: --rate-limit expects a whole number of at least 0 (got 'lots')"_s;
    QTest::addRow("bad seconds")
        << QStringList{u"--idle-timeout"_s, u"0"_s}
        << u"nolag-local: --idle-timeout expects a number of seconds greater than 0, decimals allowed (got '0')"_s;
    QTest::addRow("replay limit of 0")
        << QStringList{u"--replay-limit"_s, u"0"_s}
        << u"nolag-local: --replay-limit expects a whole number of at least 1 (got '0')"_s;
    QTest::addRow("bad log level")
        << QStringList{u"--log-level"_s, u"loud"_s}
        << u"nolag-local: --log-level expects error, warning, info or debug (got 'loud')"_s;
    QTest::addRow("bad API key")
        << QStringList{u"--api-key"_s, u"secret"_s}
        << u"nolag-local: --api-key expects a key shaped nlg_live_<id>.<secret>"_s;
    QTest::addRow("missing token file")
        << QStringList{u"--tokens"_s, u"/nonexistent/tokens.json"_s}
        << u"nolag-local: cannot read the token file '/nonexistent/tokens.json': No such file or directory"_s;
}

void tst_LocalServer::commandLineErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, line);

    QTemporaryDir data;
    const ProcessResult result = runServer(
        QStringList{u"--listen"_s, u"127.0.0.1:0"_s, u"--data"_s, data.path()} + arguments);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(QString::fromUtf8(result.standardError), line + u'\n');
    QVERIFY(result.standardOutput.isEmpty());
}

void tst_LocalServer::busyPort()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir data;

    const ProcessResult busy = runServer(
        {u"--listen"_s, u"127.0.0.1:%1"_s.arg(occupant.serverPort()), u"--data"_s, data.path()});
    QCOMPARE(busy.exitCode, 1);
    QCOMPARE(QString::fromUtf8(busy.standardError),
             u"nolag-local: cannot listen on 127.0.0.1:%1: the address is already in use\n"_s.arg(
                 occupant.serverPort()));

    // A token file that is not JSON gets its own clear line.
    const QString path = data.filePath(u"broken.json"_s);
    QFile broken(path);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"tokens\": ");
    broken.close();
    const ProcessResult invalid =
        runServer({u"--listen"_s, u"127.0.0.1:0"_s, u"--data"_s, data.path(), u"--tokens"_s, path});
    QCOMPARE(invalid.exitCode, 1);
    QVERIFY2(invalid.standardError.startsWith(
                 u"nolag-local: cannot use the token file '%1': it is not valid JSON"_s.arg(path)
                     .toUtf8()),
             invalid.standardError.constData());
    QCOMPARE(invalid.standardError.count('\n'), 1);
}

void tst_LocalServer::helpAndVersion()
{
    const ProcessResult help = runServer({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.standardOutput.startsWith("Usage: nolag-local [options]"));
    for (const char *option : {"--listen",         "--data",
                               "--tokens",         "--demo",
                               "--open",           "--api-key",
                               "--rate-limit",     "--max-message-size",
                               "--max-frame-size", "--max-filters",
                               "--idle-timeout",   "--revalidate-interval",
                               "--retain-ttl",     "--replay-limit",
                               "--log-retention",  "--log-retention-count",
                               "--no-recording",   "--strict-filter-isolation",
                               "--log-level",      "--version"}) {
        QVERIFY2(help.standardOutput.contains(option), option);
    }

    const ProcessResult version = runServer({u"--version"_s});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.standardOutput.startsWith("nolag-local "));
}

QTEST_GUILESS_MAIN(tst_LocalServer)
#include "tst_localserver.moc"
