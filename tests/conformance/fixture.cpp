// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// The suite's fixture: the token file, the server instances, connections and waiting helpers.
#include "tst_conformance.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QThread>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
#include <QtTest/QSignalSpy>

using namespace Qt::StringLiterals;
using NoLagTest::LocalServer;
using NoLagTest::RawConnection;

namespace {

const QString apiKey = u"nlg_live_conformance.suite-secret"_s;

struct RuleSpec
{
    QString appId = u"app-chat"_s;
    QString appName = u"chat"_s;
    QString scopeId;
    QString scopeSlug;
};

// One exact rule of the kind the cloud control plane derives from an app/room/topic model
// (rest-api §6.5): display pattern, internal topic and room identity.
QJsonObject exactRule(const QString &pattern, const QString &permission, const QString &roomSlug,
                      const QString &topicName, const RuleSpec &spec = {})
{
    const QString roomId = u"room-"_s + roomSlug;
    QJsonObject rule{
        {u"pattern"_s, pattern},
        {u"permission"_s, permission},
        {u"topic"_s,
         spec.scopeId.isEmpty() ? roomId + u'/' + topicName
                                : spec.scopeId + u'/' + roomId + u'/' + topicName},
        {u"room_id"_s, roomId},
        {u"room_slug"_s, roomSlug},
        {u"app_id"_s, spec.appId},
        {u"app_name"_s, spec.appName},
    };
    if (!spec.scopeId.isEmpty()) {
        rule.insert(u"scope_id"_s, spec.scopeId);
        rule.insert(u"scope_slug"_s, spec.scopeSlug);
    }
    return rule;
}

QStringList chatRooms()
{
    QStringList rooms{u"general"_s, u"other"_s};
    for (int statement = 1; statement <= 114; ++statement) {
        rooms.append(u"s%1"_s.arg(statement, 3, 10, QLatin1Char('0')));
    }
    return rooms;
}

QJsonArray chatRules(const QString &permission)
{
    QJsonArray rules;
    const QStringList rooms = chatRooms();
    for (const QString &room : rooms) {
        for (const QString &topic : {u"messages"_s, u"typing"_s}) {
            rules.append(exactRule(u"chat/%1/%2"_s.arg(room, topic), permission, room, topic));
        }
    }
    return rules;
}

QJsonObject actor(const QString &actorTokenId, const QJsonArray &rules,
                  const QJsonObject &extra = {})
{
    QJsonObject entry{
        {u"actorTokenId"_s, actorTokenId},
        {u"projectId"_s, u"proj-1"_s},
        {u"organizationId"_s, u"org-1"_s},
        {u"actorType"_s, u"user"_s},
        {u"appId"_s, u"app-chat"_s},
        {u"appName"_s, u"chat"_s},
        {u"allowedTopics"_s, rules},
        {u"allowedLobbies"_s, QJsonArray()},
        {u"activeSubscriptions"_s, QJsonArray()},
    };
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        entry.insert(it.key(), it.value());
    }
    return entry;
}

} // namespace

QByteArray tst_Conformance::tokenFile(const QStringList &withoutTokens) const
{
    const QJsonArray lobbyA{
        QJsonObject{{u"lobby_slug"_s, u"lobby-a"_s}, {u"lobby_id"_s, u"lobby-internal-1"_s}}};

    QJsonObject tokens;
    tokens.insert(Tokens::alice,
                  actor(u"actor-alice"_s, chatRules(u"pubSub"_s), {{u"allowedLobbies"_s, lobbyA}}));
    tokens.insert(Tokens::bob,
                  actor(u"actor-bob"_s, chatRules(u"pubSub"_s),
                        {{u"allowedLobbies"_s, lobbyA}, {u"actorType"_s, u"device"_s}}));
    tokens.insert(Tokens::carol, actor(u"actor-carol"_s, chatRules(u"pubSub"_s)));

    tokens.insert(
        Tokens::publishOnly,
        actor(u"actor-publisher"_s,
              {exactRule(u"chat/s033/messages"_s, u"publish"_s, u"s033"_s, u"messages"_s)}));
    tokens.insert(
        Tokens::subscribeOnly,
        actor(u"actor-listener"_s,
              {exactRule(u"chat/s034/messages"_s, u"subscribe"_s, u"s034"_s, u"messages"_s)}));

    // Wildcard rules carry no internal topic: they resolve to {app_id}/{topic} (§6.5).
    tokens.insert(Tokens::wildcard,
                  actor(u"actor-wildcard"_s,
                        {QJsonObject{{u"pattern"_s, u"demo/general/#"_s},
                                     {u"permission"_s, u"pubSub"_s},
                                     {u"app_id"_s, u"app-demo"_s},
                                     {u"app_name"_s, u"demo"_s}},
                         QJsonObject{{u"pattern"_s, u"demo/+/x"_s},
                                     {u"permission"_s, u"pubSub"_s},
                                     {u"app_id"_s, u"app-demo"_s},
                                     {u"app_name"_s, u"demo"_s}}},
                        {{u"appId"_s, u"app-demo"_s}, {u"appName"_s, u"demo"_s}}));

    const RuleSpec acme{u"app-chat"_s, u"chat"_s, u"scope-1"_s, u"acme"_s};
    QJsonArray scopedRules;
    for (const QString &room : {u"general"_s, u"s064"_s}) {
        for (const QString &topic : {u"messages"_s, u"typing"_s}) {
            scopedRules.append(
                exactRule(u"chat/acme/%1/%2"_s.arg(room, topic), u"pubSub"_s, room, topic, acme));
        }
    }
    tokens.insert(Tokens::scoped,
                  actor(u"actor-scoped"_s, scopedRules,
                        {{u"scopeSlug"_s, u"acme"_s}, {u"scopeId"_s, u"scope-1"_s}}));

    // Statement 91 needs the same route in two apps, so that only the app part of the group
    // name can keep the groups apart: this rule of app "ops" deliberately carries the
    // internal topic of chat/s091/messages.
    const RuleSpec opsApp{u"app-ops"_s, u"ops"_s, {}, {}};
    QJsonObject opsRule =
        exactRule(u"ops/s091/messages"_s, u"pubSub"_s, u"s091"_s, u"messages"_s, opsApp);
    tokens.insert(
        Tokens::ops,
        actor(u"actor-ops"_s, {opsRule}, {{u"appId"_s, u"app-ops"_s}, {u"appName"_s, u"ops"_s}}));

    const QJsonObject limited{{u"organizationId"_s, u"org-limited"_s},
                              {u"projectId"_s, u"proj-limited"_s},
                              {u"maxConnections"_s, 2}};
    tokens.insert(Tokens::limitedA, actor(u"actor-limited-a"_s, chatRules(u"pubSub"_s), limited));
    tokens.insert(Tokens::limitedB, actor(u"actor-limited-b"_s, chatRules(u"pubSub"_s), limited));

    tokens.insert(
        Tokens::hydrated,
        actor(u"actor-hydrated"_s,
              {exactRule(u"chat/s112/messages"_s, u"pubSub"_s, u"s112"_s, u"messages"_s)},
              {{u"hydrationWebhook"_s, u"http://127.0.0.1:%1/hook"_s.arg(m_webhook.port())}}));

    for (const int statement : {19, 20, 21, 22, 23, 113}) {
        tokens.insert(restoreToken(statement),
                      actor(u"actor-restore-%1"_s.arg(statement), chatRules(u"pubSub"_s)));
    }
    for (const int statement : {27, 28}) {
        tokens.insert(revokeToken(statement),
                      actor(u"actor-revoke-%1"_s.arg(statement), chatRules(u"pubSub"_s)));
    }

    for (const QString &token : withoutTokens) {
        tokens.remove(token);
    }

    // Lobby ids differ from their slugs on purpose: lobbyPresence carries the internal id.
    const QJsonArray lobbies{
        QJsonObject{{u"id"_s, u"lobby-internal-1"_s},
                    {u"slug"_s, u"lobby-a"_s},
                    {u"rooms"_s, QJsonArray{u"room-s108"_s, u"room-s111"_s}}},
        QJsonObject{{u"id"_s, u"lobby-internal-2"_s},
                    {u"slug"_s, u"lobby-b"_s},
                    {u"rooms"_s, QJsonArray{u"room-s109"_s}}},
    };
    return QJsonDocument(QJsonObject{{u"tokens"_s, tokens}, {u"lobbies"_s, lobbies}}).toJson();
}

LocalServer *tst_Conformance::server(Server kind)
{
    auto found = m_servers.find(kind);
    if (found != m_servers.end() && found->second->isRunning()) {
        return found->second.get();
    }

    auto instance = std::make_unique<LocalServer>();
    const QString tokens = instance->writeFile(u"tokens.json"_s, tokenFile());
    if (tokens.isEmpty()) {
        m_lastError = u"could not write the token file"_s;
        return nullptr;
    }

    QStringList arguments{u"--tokens"_s, tokens, u"--log-level"_s, u"warning"_s};
    switch (kind) {
    case Server::Main:
        break;
    case Server::Idle:
        arguments += {u"--idle-timeout"_s, u"1"_s};
        break;
    case Server::Revalidation:
        arguments += {u"--revalidate-interval"_s, u"0.5"_s};
        break;
    case Server::RetainTtl:
        arguments += {u"--retain-ttl"_s, u"1"_s};
        break;
    case Server::NoRecording:
        arguments += u"--no-recording"_s;
        break;
    case Server::StrictFilters:
        arguments += u"--strict-filter-isolation"_s;
        break;
    case Server::Rest:
        arguments += {u"--api-key"_s, apiKey};
        break;
    case Server::Limits:
        arguments += {u"--rate-limit"_s,     u"5"_s,    u"--max-message-size"_s, u"1000"_s,
                      u"--max-frame-size"_s, u"4096"_s, u"--max-filters"_s,      u"3"_s};
        break;
    }
    instance->setExtraArguments(arguments);

    if (!instance->start()) {
        m_lastError = u"nolag-local did not start with %1: %2"_s.arg(arguments.join(u' '),
                                                                     instance->errorString());
        return nullptr;
    }
    LocalServer *result = instance.get();
    m_servers[kind] = std::move(instance);
    return result;
}

RawConnection *tst_Conformance::openPeer(Server kind)
{
    LocalServer *host = server(kind);
    if (!host) {
        return nullptr;
    }

    auto connection = std::make_unique<RawConnection>();
    // The official SDKs send each message as one WebSocket frame; QWebSocket would split
    // anything above 512 KiB, so raise its frame size to behave like them.
    connection->socket()->setOutgoingFrameSize(4 * 1024 * 1024);
    // RawConnection::open() waits for "connected" only; also stop at the first error, so a
    // server that refuses WebSockets fails each row at once instead of after a timeout.
    QWebSocket *socket = connection->socket();
    QSignalSpy connected(socket, &QWebSocket::connected);
    // Qt 6.4 names the error signal error(); errorOccurred() arrives in 6.5.
    QSignalSpy failed(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    socket->open(host->webSocketUrl());
    const QDeadlineTimer deadline(ReplyTimeoutMs);
    while (connected.isEmpty() && failed.isEmpty() && !deadline.hasExpired()) {
        QTest::qWait(5);
    }
    if (connected.isEmpty()) {
        m_lastError = u"could not open a WebSocket to %1: %2"_s.arg(host->webSocketUrl().toString(),
                                                                    socket->errorString());
        return nullptr;
    }
    m_peers.push_back(std::move(connection));
    return m_peers.back().get();
}

RawConnection *tst_Conformance::peer(const QString &token, int protocolVersion, Server kind)
{
    RawConnection *connection = openPeer(kind);
    if (!connection) {
        return nullptr;
    }
    const QVariantMap reply = connection->authenticate(token, protocolVersion);
    if (!Conformance::isTrue(reply.value(u"success"_s))) {
        m_lastError = u"auth with %1 failed: %2"_s.arg(token, Conformance::describe(reply));
        return nullptr;
    }
    return connection;
}

bool tst_Conformance::subscribe(RawConnection *peer, const QString &topic,
                                const QVariantMap &options)
{
    QVariantMap frame = options;
    frame.insert(u"type"_s, u"subscribe"_s);
    frame.insert(u"topic"_s, topic);
    peer->sendFrame(frame);

    const auto reply = takeFrame(peer, [&](const RawConnection::Frame &f) {
        const QString type = f.type();
        return (type == u"subscribed"_s || type == u"error"_s) &&
            f.map.value(u"topic"_s) == QVariant(topic);
    });
    if (!reply) {
        m_lastError = u"no reply to subscribe %1"_s.arg(topic);
        return false;
    }
    if (reply->type() != u"subscribed"_s) {
        m_lastError =
            u"subscribe %1 was refused: %2"_s.arg(topic, Conformance::describe(reply->map));
        return false;
    }
    return true;
}

void tst_Conformance::publishTo(RawConnection *peer, const QString &topic, const QVariant &data,
                                const QVariantMap &options)
{
    QVariantMap frame = options;
    frame.insert(u"type"_s, u"publish"_s);
    frame.insert(u"topic"_s, topic);
    frame.insert(u"data"_s, data);
    peer->sendFrame(frame);
}

void tst_Conformance::setPresence(RawConnection *peer, const QString &roomSlug,
                                  const QVariant &data)
{
    peer->sendFrame({{u"type"_s, u"presence"_s}, {u"roomId"_s, roomSlug}, {u"data"_s, data}});
}

bool tst_Conformance::joinRoom(RawConnection *member, const QString &actorId,
                               const QString &roomSlug, const QVariant &data,
                               const QList<RawConnection *> &present)
{
    setPresence(member, roomSlug, data);
    for (RawConnection *connection : present + QList<RawConnection *>{member}) {
        const auto update = takeFrame(connection, [&](const RawConnection::Frame &f) {
            return f.type() == u"presence"_s && f.map.value(u"event"_s) == QVariant(u"update"_s) &&
                f.map.value(u"data"_s).toMap().value(u"actor_token_id"_s) == QVariant(actorId);
        });
        if (!update) {
            m_lastError = u"no presence update about %1 in room %2"_s.arg(actorId, roomSlug);
            return false;
        }
    }
    for (RawConnection *connection : present + QList<RawConnection *>{member}) {
        connection->clearQueue();
    }
    return true;
}

std::optional<RawConnection::Frame>
tst_Conformance::takeFrame(RawConnection *peer,
                           const std::function<bool(const RawConnection::Frame &)> &matches,
                           int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        QList<RawConnection::Frame> &queue = peer->queue();
        for (qsizetype i = 0; i < queue.size(); ++i) {
            if (matches(queue[i])) {
                return queue.takeAt(i);
            }
        }
        if (deadline.hasExpired()) {
            return std::nullopt;
        }
        QTest::qWait(5);
    }
}

QVariantMap tst_Conformance::takeReply(RawConnection *peer, const QString &type, const QString &key,
                                       const QVariant &value, int timeoutMs)
{
    const auto frame = takeFrame(
        peer,
        [&](const RawConnection::Frame &f) {
            return !f.isText && f.type() == type &&
                (key.isEmpty() || Conformance::mismatch(f.map.value(key), value).isEmpty());
        },
        timeoutMs);
    return frame ? frame->map : QVariantMap();
}

QList<QVariantMap> tst_Conformance::takeMessages(RawConnection *peer, const QVariant &data)
{
    QList<QVariantMap> messages;
    QList<RawConnection::Frame> &queue = peer->queue();
    for (qsizetype i = 0; i < queue.size();) {
        const bool wanted = queue[i].type() == u"message"_s &&
            (!data.isValid() ||
             Conformance::mismatch(queue[i].map.value(u"data"_s), data).isEmpty());
        if (wanted) {
            messages.append(queue.takeAt(i).map);
        } else {
            ++i;
        }
    }
    return messages;
}

QList<RawConnection::Frame> tst_Conformance::takeAll(RawConnection *peer)
{
    QList<RawConnection::Frame> frames = peer->queue();
    peer->clearQueue();
    return frames;
}

bool tst_Conformance::quietUntilControl(RawConnection *peer, bool authenticated)
{
    if (!peer->staysQuiet(QuietMs) || !peer->queue().isEmpty()) {
        m_lastError =
            u"expected no reply, got: %1"_s.arg(Conformance::describe(peer->queue().value(0).map));
        return false;
    }

    const QString marker = u"control-check"_s;
    peer->sendFrame({{u"type"_s, u"getPresence"_s}, {u"roomId"_s, marker}});
    bool arrived = false;
    const RawConnection::Frame first = peer->waitForAnyFrame(ReplyTimeoutMs, &arrived);
    if (!arrived) {
        m_lastError = u"the connection did not answer the control request (getPresence): it "
                      "is closed (code %1) or stuck"_s.arg(peer->closeCode());
        return false;
    }
    const bool isControlReply = authenticated
        ? first.type() == u"presenceList"_s && first.map.value(u"roomId"_s) == marker
        : first.type() == u"error"_s &&
            first.map.value(u"error"_s) == QVariant(u"not_authenticated"_s);
    if (!isControlReply) {
        m_lastError = u"expected only the reply to the control request, got first: %1"_s.arg(
            first.isHeartbeat() ? u"an empty frame"_s : Conformance::describe(first.map));
        return false;
    }
    return true;
}

bool tst_Conformance::nothingArrives(const QList<RawConnection *> &peers, int ms)
{
    QList<qsizetype> before;
    for (RawConnection *p : peers) {
        before.append(p->queue().size());
    }
    QTest::qWait(ms);
    for (qsizetype i = 0; i < peers.size(); ++i) {
        if (peers[i]->queue().size() != before[i]) {
            const RawConnection::Frame &extra = peers[i]->queue().at(before[i]);
            m_lastError = u"connection %1 of this row received an unexpected frame: %2"_s.arg(
                QString::number(i + 1),
                extra.isHeartbeat() ? u"an empty frame"_s : Conformance::describe(extra.map));
            return false;
        }
    }
    return true;
}

bool tst_Conformance::waitForMessageTotal(const QList<RawConnection *> &peers, int total)
{
    auto count = [&] {
        int sum = 0;
        for (RawConnection *p : peers) {
            sum += int(p->queued(u"message"_s).size());
        }
        return sum;
    };
    const QDeadlineTimer deadline(ReplyTimeoutMs);
    while (count() < total && !deadline.hasExpired()) {
        QTest::qWait(5);
    }
    QTest::qWait(QuietMs); // let any extra copy arrive, so that "exactly" can be checked
    if (count() != total) {
        m_lastError =
            u"expected %1 message frames between the connections, got %2"_s.arg(total).arg(count());
        return false;
    }
    return true;
}

void tst_Conformance::waitForFreshSecond()
{
    const qint64 intoSecond = QDateTime::currentMSecsSinceEpoch() % 1000;
    QTest::qWait(int(1000 - intoSecond) + 5);
}

QJsonObject tst_Conformance::rest(const QByteArray &verb, const QString &path,
                                  const QJsonObject &body, int *status)
{
    *status = 0;
    LocalServer *host = server(Server::Rest);
    if (!host) {
        return {};
    }

    QNetworkAccessManager network;
    QUrl url = host->httpUrl();
    url.setPath(u"/v1"_s + path);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    const QByteArray payload = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson();
    QNetworkReply *reply = network.sendCustomRequest(request, verb, payload);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(ReplyTimeoutMs)) {
        reply->abort();
    }
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject result = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return result;
}

bool tst_Conformance::prepareRestProject(QString *skipReason)
{
    if (!m_restActorToken.isEmpty()) {
        return true;
    }

    int status = 0;
    rest("GET", u"/apps"_s, {}, &status);
    if (status == 404) {
        *skipReason = u"the REST control plane is not implemented yet: GET /v1/apps answers "
                      "404, and a room can only be created after connect through "
                      "POST /v1/apps/{appId}/rooms"_s;
        return false;
    }
    if (status != 200) {
        m_lastError = u"GET /v1/apps answered %1, expected 200"_s.arg(status);
        return false;
    }

    const QJsonObject app =
        rest("POST", u"/apps"_s,
             {{u"name"_s, u"Late rooms"_s}, {u"topics"_s, QJsonArray{u"messages"_s, u"typing"_s}}},
             &status);
    if (status != 201 && status != 200) {
        m_lastError = u"POST /v1/apps answered %1"_s.arg(status);
        return false;
    }
    m_restAppId = app.value(u"appId"_s).toString();
    m_restAppSlug = app.value(u"slug"_s).toString();

    const QJsonObject created =
        rest("POST", u"/actors"_s, {{u"name"_s, u"conformance"_s}, {u"actorType"_s, u"user"_s}},
             &status);
    m_restActorToken = created.value(u"accessToken"_s).toString();
    if (m_restAppId.isEmpty() || m_restAppSlug.isEmpty() || m_restActorToken.isEmpty()) {
        m_lastError = u"the REST control plane did not return an app id, app slug and actor "
                      "token (POST /v1/actors answered %1)"_s.arg(status);
        return false;
    }
    return true;
}

bool tst_Conformance::publishBurst(RawConnection *publisher, const QString &topic,
                                   const QList<QVariantMap> &leading, int count,
                                   QList<QVariantMap> *replies, int *attempt)
{
    for (int a = 1; a <= 3; ++a) {
        replies->clear();
        QStringList refs;
        waitForFreshSecond();
        const qint64 second = QDateTime::currentSecsSinceEpoch();

        for (qsizetype k = 0; k < leading.size(); ++k) {
            QVariantMap frame = leading[k];
            refs.append(u"lead%1-a%2"_s.arg(k).arg(a));
            frame.insert(u"msgRef"_s, refs.last());
            publisher->sendFrame(frame);
        }
        for (int i = 0; i < count; ++i) {
            refs.append(u"a%1-%2"_s.arg(a).arg(i));
            publishTo(publisher, topic, QVariantMap{{u"attempt"_s, a}, {u"i"_s, i}},
                      {{u"msgRef"_s, refs.last()}});
        }

        for (const QString &ref : std::as_const(refs)) {
            const auto reply = takeFrame(publisher, [&](const RawConnection::Frame &f) {
                return (f.type() == u"published"_s || f.type() == u"error"_s) &&
                    f.map.value(u"msgRef"_s) == QVariant(ref);
            });
            if (!reply) {
                m_lastError = u"no published or error frame for msgRef %1"_s.arg(ref);
                return false;
            }
            replies->append(reply->map);
        }

        if (QDateTime::currentSecsSinceEpoch() == second) {
            if (attempt) {
                *attempt = a;
            }
            return true;
        }
    }
    m_lastError = u"three bursts in a row did not fit into one wall-clock second"_s;
    return false;
}
