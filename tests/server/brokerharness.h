// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

// Drives the routing core without sockets: each client is a Link that keeps the frames the
// broker sends it, time is a ManualClock, tokens come from a StaticTokenProvider and, when
// asked for, state goes to a real BrokerStore on a private SQLite database.

#include "core/broker.h"
#include "core/clock.h"
#include "core/link.h"
#include "core/tokenproviders.h"
#include "core/webhooks.h"
#include "storage/brokerstore.h"
#include "storage/database.h"

#include <nolagcodec/variantcodec.h>

#include <QtCore/QPointer>
#include <QtCore/QTemporaryDir>
#include <QtCore/QVariantMap>

#include <memory>

namespace NoLagTest {

using namespace NoLag::Server;

/*! A connection as the broker sees it: every frame sent to it is kept, decoded. */
class FakeLink final : public Link
{
public:
    void send(const QByteArray &frame) override { frames.append(frame); }
    void close(int code, const QString &reason) override
    {
        closeCode = code;
        closeReason = reason;
    }

    QList<QByteArray> frames;
    int closeCode = -1;
    QString closeReason;
};

struct Client
{
    quint64 id = 0;
    FakeLink link;

    /*! Decoded frames of \a type received so far (heartbeats are never included). */
    QList<QVariantMap> framesOfType(const QString &type) const
    {
        QList<QVariantMap> result;
        for (const QByteArray &frame : link.frames) {
            if (frame.isEmpty()) {
                continue;
            }
            const QVariantMap map = NoLag::Codec::decodeVariant(frame).toMap();
            if (map.value(QStringLiteral("type")).toString() == type) {
                result.append(map);
            }
        }
        return result;
    }
    QVariantMap last() const
    {
        return link.frames.isEmpty() ? QVariantMap()
                                     : NoLag::Codec::decodeVariant(link.frames.last()).toMap();
    }
    qsizetype count() const { return link.frames.size(); }
    void clear() { link.frames.clear(); }
};

/*! Static tokens, plus a live room check that tests can script (wire-protocol §6.6). */
class TestTokenProvider final : public StaticTokenProvider
{
public:
    std::optional<QList<AclRule>> checkRoomAccess(const QString &actorTokenId,
                                                  const QString &displayPattern) override
    {
        ++liveChecks;
        return liveCheck ? liveCheck(actorTokenId, displayPattern) : std::nullopt;
    }

    std::function<std::optional<QList<AclRule>>(const QString &, const QString &)> liveCheck;
    int liveChecks = 0;
};

/*! Records webhook calls and answers them when the test says so. */
class FakeWebhookClient final : public WebhookClient
{
public:
    struct Call
    {
        QUrl url;
        QByteArray json;
        int attempts;
        QPointer<QObject> context;
        Done done;
    };

    void post(const QUrl &url, const QByteArray &json, int attempts, QObject *context,
              Done done) override
    {
        calls.append(Call{url, json, attempts, context, std::move(done)});
    }

    QList<Call> calls;
};

/*! An access token granting pubSub on chat/{room}/{topic} for the given rooms and topics. */
inline ActorGrant chatGrant(const QString &actor,
                            const QStringList &rooms = {QStringLiteral("general"),
                                                        QStringLiteral("other")},
                            Permission permission = Permission::PubSub)
{
    ActorGrant grant;
    grant.actorTokenId = actor;
    grant.projectId = QStringLiteral("proj-1");
    grant.organizationId = QStringLiteral("org-1");
    for (const QString &room : rooms) {
        for (const QString &topic : {QStringLiteral("messages"), QStringLiteral("typing")}) {
            AclRule rule;
            rule.pattern = QStringLiteral("chat/%1/%2").arg(room, topic);
            rule.permission = permission;
            rule.internalTopic = QStringLiteral("room-%1/%2").arg(room, topic);
            rule.roomId = QStringLiteral("room-") + room;
            rule.roomSlug = room;
            rule.appId = QStringLiteral("app-chat");
            rule.appName = QStringLiteral("chat");
            grant.rules.append(rule);
        }
    }
    return grant;
}

class BrokerHarness
{
public:
    explicit BrokerHarness(const BrokerOptions &options = {}, bool persistent = false)
        : m_options(options)
    {
        if (persistent) {
            m_database = std::make_unique<Database>();
            QString error;
            if (!m_database->open(m_dir.filePath(QStringLiteral("test.db")), &error)) {
                qFatal("cannot open the test database: %s", qPrintable(error));
            }
            m_store = std::make_unique<BrokerStore>(m_database.get());
            if (!m_store->open(&error)) {
                qFatal("cannot open the broker store: %s", qPrintable(error));
            }
        }
        startBroker();
    }

    ~BrokerHarness() { stopBroker(); }

    /*! Tears the broker down (as a clean stop would) and starts a new one on the same store. */
    void restartBroker()
    {
        stopBroker();
        startBroker();
    }

    void setTokens(const QHash<QString, ActorGrant> &tokens,
                   const QList<LobbyDefinition> &lobbies = {})
    {
        auth.setTokens(tokens, lobbies);
    }

    Client *connect()
    {
        auto client = std::make_unique<Client>();
        client->id = broker->openSession(&client->link);
        m_clients.push_back(std::move(client));
        return m_clients.back().get();
    }

    void disconnect(Client *client) { broker->closeSession(client->id); }

    void send(Client *client, const QVariantMap &frame)
    {
        bool ok = false;
        const QByteArray bytes = NoLag::Codec::encodeVariant(QVariant(frame), &ok);
        Q_ASSERT(ok);
        broker->receive(client->id, bytes);
    }

    void sendBytes(Client *client, const QByteArray &bytes) { broker->receive(client->id, bytes); }
    void sendText(Client *client, const QString &text) { broker->receiveText(client->id, text); }

    QVariantMap authenticate(Client *client, const QString &token, bool reconnect = false,
                             int version = 2)
    {
        QVariantMap frame{{QStringLiteral("type"), QStringLiteral("auth")},
                          {QStringLiteral("token"), token},
                          {QStringLiteral("protocolVersion"), version}};
        if (reconnect) {
            frame.insert(QStringLiteral("reconnect"), true);
        }
        send(client, frame);
        const QList<QVariantMap> replies = client->framesOfType(QStringLiteral("auth"));
        return replies.isEmpty() ? QVariantMap() : replies.last();
    }

    QVariantMap subscribe(Client *client, const QString &topic, const QVariantMap &options = {})
    {
        QVariantMap frame = options;
        frame.insert(QStringLiteral("type"), QStringLiteral("subscribe"));
        frame.insert(QStringLiteral("topic"), topic);
        send(client, frame);
        return client->last();
    }

    void publish(Client *client, const QString &topic, const QVariant &data,
                 const QVariantMap &options = {})
    {
        QVariantMap frame = options;
        frame.insert(QStringLiteral("type"), QStringLiteral("publish"));
        frame.insert(QStringLiteral("topic"), topic);
        frame.insert(QStringLiteral("data"), data);
        send(client, frame);
    }

    ManualClock clock;
    TestTokenProvider auth;
    std::unique_ptr<Broker> broker;

    BrokerStore *store() const { return m_store.get(); }

private:
    void startBroker()
    {
        broker = std::make_unique<Broker>(m_options, &auth, &clock, m_store.get());
        broker->start();
    }
    void stopBroker()
    {
        if (broker) {
            broker->shutdown();
            broker.reset();
        }
        m_clients.clear();
    }

    BrokerOptions m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<BrokerStore> m_store;
    std::vector<std::unique_ptr<Client>> m_clients;
};

} // namespace NoLagTest
