// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// The wire-protocol conformance suite: wire-protocol.md §23, statements 1-114, each one row.
#pragma once

#include "framecheck.h"
#include "webhookreceiver.h"

#include <localserver.h>
#include <rawconnection.h>

#include <QtCore/QJsonObject>
#include <QtCore/QObject>
#include <QtCore/QVariant>
#include <QtTest/QTest>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

// Fails the row with the fixture's explanation when a setup step (start a server, connect,
// subscribe) does not succeed, so a failure says what went wrong and not only where.
#define REQUIRE(expression) QVERIFY2(expression, qPrintable(m_lastError))

// Compares two decoded values strictly (kinds, values and map keys), see framecheck.h.
#define COMPARE_EXACT(actual, expected)                                                            \
    do {                                                                                           \
        const QString why_ = Conformance::mismatch((actual), (expected));                          \
        QVERIFY2(why_.isEmpty(), qPrintable(why_));                                                \
    } while (false)

namespace Tokens {
// Plain pubSub actors of app "chat" with rules for rooms general, other and s001..s114.
inline const QString alice = QStringLiteral("alice-token");
inline const QString bob = QStringLiteral("bob-token");
inline const QString carol = QStringLiteral("carol-token");
// One exact rule each: chat/s033/messages publish-only, chat/s034/messages subscribe-only.
inline const QString publishOnly = QStringLiteral("publish-only-token");
inline const QString subscribeOnly = QStringLiteral("subscribe-only-token");
// Wildcard rules demo/general/# and demo/+/x (pubSub, no internal topic).
inline const QString wildcard = QStringLiteral("wildcard-token");
// Scoped actor: scopeSlug "acme", rules chat/acme/{general,s064}/{messages,typing}.
inline const QString scoped = QStringLiteral("scoped-token");
// An actor of another app ("ops") whose rule shares the internal route of chat/s091/messages.
inline const QString ops = QStringLiteral("ops-token");
// Two actors of organisation "org-limited" whose maxConnections is 2.
inline const QString limitedA = QStringLiteral("limited-a-token");
inline const QString limitedB = QStringLiteral("limited-b-token");
// An actor whose token carries a hydrationWebhook pointing at the suite's WebhookReceiver.
inline const QString hydrated = QStringLiteral("hydrated-token");
// restore-<n>-token and revoke-<n>-token: one actor per statement, see restoreToken().
} // namespace Tokens

class tst_Conformance : public QObject
{
    Q_OBJECT

public:
    using Check = void (tst_Conformance::*)(const QVariant &argument);

    /*! One row: its name (statement number first), the check and the check's argument. */
    struct Row
    {
        const char *name;
        Check check;
        QVariant argument = {};
    };

    enum class Server {
        Main, // default configuration
        Idle, // --idle-timeout 1
        Revalidation, // --revalidate-interval 0.5, token file rewritten by the test
        RetainTtl, // --retain-ttl 1
        NoRecording, // --no-recording
        StrictFilters, // --strict-filter-isolation
        Rest, // --api-key, for rooms created through the control plane
        Limits, // small configured limits: 5 publishes/s, 1000-byte data, 4096-byte frames
    };

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void transport_data();
    void transport() { runRow(); }
    void authentication_data();
    void authentication() { runRow(); }
    void heartbeat_data();
    void heartbeat() { runRow(); }
    void subscribeAndAcl_data();
    void subscribeAndAcl() { runRow(); }
    void publish_data();
    void publish() { runRow(); }
    void messageFrames_data();
    void messageFrames() { runRow(); }
    void filters_data();
    void filters() { runRow(); }
    void loadBalancing_data();
    void loadBalancing() { runRow(); }
    void presence_data();
    void presence() { runRow(); }
    void lobbiesHydrationReplayUnknown_data();
    void lobbiesHydrationReplayUnknown() { runRow(); }

private:
    static void addRows(std::initializer_list<Row> rows);
    void runRow();

    // --- fixture (fixture.cpp) ---------------------------------------------------------------

    QByteArray tokenFile(const QStringList &withoutTokens = {}) const;
    NoLagTest::LocalServer *server(Server kind);

    /*! Opens a WebSocket without authenticating; owned by the fixture until cleanup(). */
    NoLagTest::RawConnection *openPeer(Server kind = Server::Main);
    /*!
        Opens and authenticates; \a protocolVersion < 0 leaves the field out. Returns nullptr
        and explains why in m_lastError when the connection or the auth fails.
    */
    NoLagTest::RawConnection *peer(const QString &token, int protocolVersion = 2,
                                   Server kind = Server::Main);

    /*! Subscribes and waits for the matching "subscribed" frame. */
    bool subscribe(NoLagTest::RawConnection *peer, const QString &topic,
                   const QVariantMap &options = {});
    void publishTo(NoLagTest::RawConnection *peer, const QString &topic, const QVariant &data,
                   const QVariantMap &options = {});
    void setPresence(NoLagTest::RawConnection *peer, const QString &roomSlug, const QVariant &data);
    /*!
        Sets \a member's presence in \a roomSlug and waits until \a member and every
        connection in \a present (already in the room) have the update event about \a actorId;
        then empties all their queues, so that a row starts from a settled room.
    */
    bool joinRoom(NoLagTest::RawConnection *member, const QString &actorId, const QString &roomSlug,
                  const QVariant &data, const QList<NoLagTest::RawConnection *> &present = {});

    /*! The first queued or incoming frame that matches, removed from the queue. */
    std::optional<NoLagTest::RawConnection::Frame>
    takeFrame(NoLagTest::RawConnection *peer,
              const std::function<bool(const NoLagTest::RawConnection::Frame &)> &matches,
              int timeoutMs = ReplyTimeoutMs);
    /*! The first frame of \a type (and, when given, with field \a key equal to \a value). */
    QVariantMap takeReply(NoLagTest::RawConnection *peer, const QString &type,
                          const QString &key = {}, const QVariant &value = {},
                          int timeoutMs = ReplyTimeoutMs);
    /*! Takes every queued "message" frame whose data equals \a data, oldest first. */
    QList<QVariantMap> takeMessages(NoLagTest::RawConnection *peer, const QVariant &data = {});
    /*! Takes and returns every queued frame, oldest first. */
    QList<NoLagTest::RawConnection::Frame> takeAll(NoLagTest::RawConnection *peer);

    /*!
        The check of a negative statement for the peer that sent something: nothing arrives
        for QuietMs, then a control request (getPresence of a marker room) is answered and its
        reply is the first frame, which shows the connection is alive and that the server had
        processed everything sent before without answering it.
    */
    bool quietUntilControl(NoLagTest::RawConnection *peer, bool authenticated = true);
    /*! No frame at all reaches any of \a peers during \a ms; explains what came otherwise. */
    bool nothingArrives(const QList<NoLagTest::RawConnection *> &peers, int ms = QuietMs);
    /*! Waits until \a peers hold \a total queued message frames between them, then QuietMs. */
    bool waitForMessageTotal(const QList<NoLagTest::RawConnection *> &peers, int total);
    /*!
        Sleeps until a wall-clock second has just begun, so that a burst of publishes sent at
        once falls into one of the server's one-second rate-limit windows (§9.2). This waits
        for the clock, not for an event, so there is no signal to wait for instead.
    */
    static void waitForFreshSecond();
    /*!
        Sends \a leading frames (each given a msgRef) and then \a count publishes to \a topic
        (data {"attempt": a, "i": i}, msgRef "a<a>-<i>") at the start of a fresh wall-clock
        second, and collects the reply to each (published or error) in sending order. When the
        replies did not all come back within the second the burst started in, the window
        boundary may have split the burst, so it is repeated in a later second (at most three
        attempts). \a attempt receives the attempt that counted.
    */
    bool publishBurst(NoLagTest::RawConnection *publisher, const QString &topic,
                      const QList<QVariantMap> &leading, int count, QList<QVariantMap> *replies,
                      int *attempt = nullptr);

    /*! Sends a request to the REST control plane of the Rest server; status 0 = no reply. */
    QJsonObject rest(const QByteArray &verb, const QString &path, const QJsonObject &body,
                     int *status);
    /*! Creates (once) an app with topics messages/typing and an actor; false = not possible. */
    bool prepareRestProject(QString *skipReason);

    static QString chatTopic(const QString &room, const QString &topic = QStringLiteral("messages"))
    {
        return QStringLiteral("chat/%1/%2").arg(room, topic);
    }
    static QString restoreToken(int statement)
    {
        return QStringLiteral("restore-%1-token").arg(statement);
    }
    static QString revokeToken(int statement)
    {
        return QStringLiteral("revoke-%1-token").arg(statement);
    }

    static constexpr int ReplyTimeoutMs = 5000;
    static constexpr int QuietMs = 250;

    std::map<Server, std::unique_ptr<NoLagTest::LocalServer>> m_servers;
    std::vector<std::unique_ptr<NoLagTest::RawConnection>> m_peers;
    Conformance::WebhookReceiver m_webhook;
    QStringList m_revokedTokens;
    QString m_lastError;

    QString m_restAppId;
    QString m_restAppSlug;
    QString m_restActorToken;

    // --- checks, one per statement (or per group of rows), in the section files --------------

    void notObservable(const QVariant &reason);

    // transport.cpp
    void upgradeWithoutSubprotocol(const QVariant &);
    void compressionNotNegotiated(const QVariant &);
    void healthEndpoint(const QVariant &);
    void serverFramesAreTypedMaps(const QVariant &);
    void invalidMsgpackIgnored(const QVariant &argument);
    void extFrameIgnored(const QVariant &argument);
    void oversizeFrameCloses(const QVariant &);
    void frameAtLimitAccepted(const QVariant &);
    void idleConnectionClosed(const QVariant &argument);
    void activityKeepsConnectionOpen(const QVariant &argument);
    void binDeliveredAsStr(const QVariant &argument);
    void float32DeliveredAsFloat64(const QVariant &argument);
    void errorCodeEncoding(const QVariant &argument);
    void joinedAtIsUnixSeconds(const QVariant &);
    void jsonTextFrameDispatched(const QVariant &);
    void invalidJsonTextIgnored(const QVariant &);

    // authentication.cpp
    void notAuthenticatedBeforeAuth(const QVariant &argument);
    void heartbeatBeforeAuthUnanswered(const QVariant &);
    void unknownTokenDenied(const QVariant &);
    void authWithoutTokenNotRecognised(const QVariant &);
    void retryAfterFailedAuth(const QVariant &);
    void authSuccessShape(const QVariant &);
    void negotiatedVersion(const QVariant &argument);
    void restoredEmptyWithoutReconnect(const QVariant &argument);
    void reconnectRestores(const QVariant &);
    void restoredWithoutSubscribedFrames(const QVariant &);
    void unsubscribedNotRestored(const QVariant &);
    void reconnectFalseKeepsRecord(const QVariant &);
    void connectionLimit(const QVariant &);
    void secondAuthKeepsSubscriptions(const QVariant &);
    void reauthOptional(const QVariant &);

    // heartbeat.cpp
    void heartbeatEchoed(const QVariant &);
    void noUnsolicitedHeartbeat(const QVariant &);
    void revokedTokenClosed(const QVariant &argument);

    // subscribe.cpp
    void subscribedShape(const QVariant &);
    void unknownTopicV1(const QVariant &);
    void unknownTopicV2(const QVariant &);
    void unknownTopicName(const QVariant &);
    void publishOnlyRule(const QVariant &);
    void subscribeOnlyRule(const QVariant &);
    void subscribeAdmitted(const QVariant &argument);
    void subscribeRejected(const QVariant &argument);
    void scopedActor(const QVariant &);
    void lateRoomSubscribe(const QVariant &);
    void lateRoomPublish(const QVariant &);
    void unsubscribeNeverSubscribed(const QVariant &);
    void noMessagesAfterUnsubscribe(const QVariant &);
    void subscribeTwice(const QVariant &);

    // publish.cpp
    void publishWithoutData(const QVariant &);
    void nilData(const QVariant &);
    void echoByDefault(const QVariant &);
    void echoFalse(const QVariant &);
    void echoNotExactlyFalse(const QVariant &argument);
    void publishedAck(const QVariant &);
    void noPublishedWithoutMsgRef(const QVariant &argument);
    void publishedBeforeEcho(const QVariant &);
    void rateLimitExceeded(const QVariant &);
    void rateLimitedKeepsMsgRef(const QVariant &);
    void rateLimitNextSecond(const QVariant &);
    void subscribesNotRateLimited(const QVariant &);
    void messageSizeLimit(const QVariant &argument);
    void rejectedPublishConsumesSlot(const QVariant &argument);
    void lenientQos(const QVariant &argument);
    void retainDelivered(const QVariant &);
    void retainReplaced(const QVariant &);
    void noRetainWithoutFlag(const QVariant &);
    void retainExpires(const QVariant &);
    void retainRespectsEcho(const QVariant &);
    void invalidUtf8BinRejected(const QVariant &);
    void configuredLimit(const QVariant &argument);

    // messageframes.cpp
    void ownTopicString(const QVariant &);
    void recordingIds(const QVariant &);
    void recordingOff(const QVariant &);
    void liveDeliveryKeys(const QVariant &);
    void acksUnanswered(const QVariant &);
    void publishOrder(const QVariant &);

    // filters.cpp
    void orFilters(const QVariant &);
    void filterValueCarried(const QVariant &);
    void filterCaseSensitive(const QVariant &);
    void andGroupNormalised(const QVariant &);
    void compositeNotOr(const QVariant &);
    void andGroupNotSingle(const QVariant &);
    void filterBeatsFilters(const QVariant &);
    void publishFiltersLowercased(const QVariant &);
    void invalidFilter(const QVariant &argument);
    void filterCountLimit(const QVariant &argument);
    void rejectedResubscribeKeepsOld(const QVariant &);
    void setFiltersNotSubscribed(const QVariant &);
    void setFiltersNarrows(const QVariant &);
    void setFiltersEmptyWidens(const QVariant &);
    void setFiltersKeepsLoadBalance(const QVariant &);
    void unfilteredHasNoFilterKey(const QVariant &);
    void unfilteredGetsFiltered(const QVariant &argument);
    void noHashFilter(const QVariant &);
    void invalidPublishFilter(const QVariant &);
    void filtersUpdatedVerbatim(const QVariant &);

    // loadbalancing.cpp
    void groupSharesWork(const QVariant &);
    void tokenSharesWork(const QVariant &);
    void groupsPerApp(const QVariant &);
    void broadcastAlongsideGroup(const QVariant &);
    void twoGroups(const QVariant &);
    void roundRobin(const QVariant &);
    void echoFalseSkipsPublisher(const QVariant &);
    void resubscribeBroadcast(const QVariant &);
    void invalidGroupName(const QVariant &argument);

    // presence.cpp
    void firstPresence(const QVariant &);
    void secondPresence(const QVariant &);
    void presenceEventShapes(const QVariant &);
    void subscriberNotPresent(const QVariant &);
    void unknownRoomSlug(const QVariant &);
    void presenceWithoutRoom(const QVariant &);
    void presenceMoves(const QVariant &);
    void closeLeaves(const QVariant &);
    void nilPresence(const QVariant &);
    void presenceListShape(const QVariant &);
    void presenceListWithoutRoom(const QVariant &);
    void sameActorTwoConnections(const QVariant &);

    // lobbies.cpp
    void lobbySubscribed(const QVariant &);
    void lobbyNotAuthorized(const QVariant &argument);
    void lobbyUnsubscribed(const QVariant &argument);
    void lobbyPresenceEvents(const QVariant &);
    void lobbyPresenceList(const QVariant &);
    void hydration(const QVariant &);
    void replayFraming(const QVariant &);
    void unknownFrameIgnored(const QVariant &argument);
    void incompleteFrameIgnored(const QVariant &argument);
};

Q_DECLARE_METATYPE(tst_Conformance::Check)
