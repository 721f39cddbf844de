// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// nolag-bench-fanout: the routing core (nolag_server_core) without sockets. One publisher
// sends N publish frames to M subscribers whose links drop what they get; the program counts
// the heap allocations (operator new and malloc) made while the broker handles the publishes
// and times them. The target: no allocation per delivery beyond the one frame per distinct
// variant, i.e. the allocations of a publish do not grow with M.
//
// At QoS 1 the subscriptions are durable, so every delivery is tracked until acknowledged;
// the store is a null one (nothing is written) so that only the core is measured, and each
// subscriber acknowledges every message between publishes, outside the counted window.
//
// The baseline is the least a fan-out can do: handing the same QByteArray to each link.

#include "common/alloccounter.h"
#include "common/benchsupport.h"
#include "common/sampleframes.h"

#include "core/broker.h"
#include "core/clock.h"
#include "core/link.h"
#include "core/tokenproviders.h"

#include <nolagcodec/envelope.h>
#include <nolagcodec/msgpackwriter.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QLoggingCategory>
#include <QtCore/QSet>

using namespace Qt::StringLiterals;
using namespace NoLagBench;
using namespace NoLag::Server;
using NoLag::Codec::Writer;

namespace {

// A connection that keeps only the last frame it was given (a reference, not a copy).
class NullLink final : public Link
{
public:
    void send(const QByteArray &frame) override { last = frame; }
    void close(int, const QString &) override { }

    QByteArray last;
};

// Remembers nothing and writes nothing, so the core alone is measured at QoS 1.
class NullPersistence final : public BrokerPersistence
{
public:
    QList<SavedSubscriptionRecord> loadSubscriptions() override { return {}; }
    qint64 saveSubscription(const SavedSubscriptionRecord &record) override
    {
        return record.id ? record.id : ++m_nextId;
    }
    void removeSubscription(qint64) override { }
    void saveAckState(qint64, qint64, const QList<qint64> &) override { }
    QList<RetainedRecord> loadRetained() override { return {}; }
    void saveRetained(const RetainedRecord &) override { }
    void removeRetained(const QString &, const QString &) override { }
    qint64 lastSequence() override { return 0; }
    void appendMessage(const LoggedMessage &) override { }
    QList<LoggedMessage> messagesAfter(const QString &, qint64, int,
                                       const std::function<bool(const LoggedMessage &)> &) override
    {
        return {};
    }
    void addPending(const QString &, qint64, const QString &) override { }
    void removePending(const QString &, qint64) override { }
    QList<LoggedMessage> claimPending(const QString &, const QString &, const QString &, int,
                                      const std::function<bool(const LoggedMessage &)> &) override
    {
        return {};
    }
    void prune(qint64, qint64, int, qint64) override { }
    void flush() override { }

private:
    qint64 m_nextId = 0;
};

ActorGrant grantFor(const QString &actor)
{
    ActorGrant grant;
    grant.actorTokenId = actor;
    grant.projectId = u"proj-bench"_s;
    grant.organizationId = u"org-bench"_s;
    AclRule rule;
    rule.pattern = QString::fromLatin1(SampleTopic);
    rule.permission = Permission::PubSub;
    rule.internalTopic = u"room-general/messages"_s;
    rule.roomId = u"room-general"_s;
    rule.roomSlug = u"general"_s;
    rule.appId = u"app-chat"_s;
    rule.appName = u"chat"_s;
    grant.rules.append(rule);
    return grant;
}

QByteArray frameOf(std::initializer_list<std::pair<QByteArrayView, QByteArrayView>> strings,
                   int qos = -1)
{
    QByteArray frame;
    Writer writer(&frame);
    writer.writeMapHeader(quint32(strings.size()) + (qos >= 0 ? 1 : 0));
    for (const auto &[key, value] : strings) {
        writer.writeStr(key);
        writer.writeStr(value);
    }
    if (qos >= 0) {
        writer.writeKey("qos");
        writer.writeUInt(quint64(qos));
    }
    return frame;
}

QByteArray publishFrame(int qos)
{
    QByteArray frame;
    Writer writer(&frame);
    writer.writeMapHeader(5);
    writer.writeKey("type");
    writer.writeKey("publish");
    writer.writeKey("topic");
    writer.writeStr(SampleTopic);
    writer.writeKey("data");
    writer.writeRaw(samplePayloadBytes());
    writer.writeKey("qos");
    writer.writeUInt(quint64(qos));
    writer.writeKey("echo");
    writer.writeBool(false);
    return frame;
}

struct Result
{
    double nsPerDelivery = 0;
    double allocationsPerPublish = 0;
    qsizetype distinctFrames = 0;
};

/*! \a publishes publishes to \a subscribers subscribers at \a qos through a fresh broker. */
Result runCore(int subscribers, int qos, int publishes)
{
    BrokerOptions options;
    options.rateLimit = 0;
    StaticTokenProvider auth;
    QHash<QString, ActorGrant> tokens;
    for (int i = 0; i <= subscribers; ++i) {
        tokens.insert(u"token-%1"_s.arg(i), grantFor(u"actor-%1"_s.arg(i)));
    }
    auth.setTokens(tokens, {});
    SystemClock clock;
    NullPersistence store;
    Broker broker(options, &auth, &clock, qos >= 1 ? &store : nullptr);
    broker.start();

    std::vector<std::unique_ptr<NullLink>> links;
    QList<quint64> ids;
    for (int i = 0; i <= subscribers; ++i) {
        links.push_back(std::make_unique<NullLink>());
        const quint64 id = broker.openSession(links.back().get());
        ids.append(id);
        const QByteArray token = u"token-%1"_s.arg(i).toUtf8();
        broker.receive(id, frameOf({{"type", "auth"}, {"token", token}}));
        if (i > 0) {
            broker.receive(id, frameOf({{"type", "subscribe"}, {"topic", SampleTopic}}, qos));
        }
    }
    const quint64 publisher = ids.first();
    const QByteArray publish = publishFrame(qos);

    const auto acknowledge = [&] {
        // Every subscriber got the same frame, so one msgId acknowledges them all.
        NoLag::Codec::Envelope envelope;
        QByteArrayView msgId;
        if (envelope.parse(links.back()->last) != NoLag::Codec::Envelope::Status::Ok ||
            !envelope.bytes("msgId", &msgId)) {
            return;
        }
        const QByteArray ack = frameOf({{"type", "ack"}, {"msgId", msgId}});
        for (int i = 1; i <= subscribers; ++i) {
            broker.receive(ids[i], ack);
        }
    };

    // Warm up: the index, the hashes and the session tables reach their working sizes.
    for (int i = 0; i < 200; ++i) {
        broker.receive(publisher, publish);
        if (qos >= 1) {
            acknowledge();
        }
    }

    quint64 allocations = 0;
    qint64 elapsedNs = 0;
    QElapsedTimer timer;
    for (int i = 0; i < publishes; ++i) {
        const quint64 before = allocationCount();
        timer.start();
        broker.receive(publisher, publish);
        elapsedNs += timer.nsecsElapsed();
        allocations += allocationCount() - before;
        if (qos >= 1) {
            acknowledge();
        }
    }

    QSet<const char *> buffers;
    for (int i = 1; i <= subscribers; ++i) {
        buffers.insert(links[size_t(i)]->last.constData());
    }
    broker.shutdown();

    Result result;
    result.nsPerDelivery = double(elapsedNs) / double(qint64(publishes) * subscribers);
    result.allocationsPerPublish = double(allocations) / double(publishes);
    result.distinctFrames = buffers.size();
    return result;
}

/*! The baseline: the same frame handed to every link, through the virtual call. */
double runBaseline(int subscribers, int publishes)
{
    std::vector<std::unique_ptr<NullLink>> owned;
    std::vector<Link *> links;
    for (int i = 0; i < subscribers; ++i) {
        owned.push_back(std::make_unique<NullLink>());
        links.push_back(owned.back().get());
    }
    const QByteArray frame = sampleMessageFrame();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < publishes; ++i) {
        // A fresh buffer per publish, as a broker encodes one frame per publish.
        const QByteArray copy(frame.constData(), frame.size());
        for (Link *link : links) {
            link->send(copy);
        }
    }
    return double(timer.nsecsElapsed()) / double(qint64(publishes) * subscribers);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Settings settings = parseSettings(
        u"Counts the allocations and times the fan-out of nolag-local's routing core."_s, 5, 3);
    // The broker notes every connection and subscription at debug level; thousands of them
    // would bury the table and count as allocations of the set-up.
    QLoggingCategory::setFilterRules(u"nolag.*.debug=false\nnolag.*.info=false"_s);

    const QList<int> fanouts{1, 10, 100, 1000};
    Table table(u"Routing core fan-out: allocations and time per delivery, no sockets (median of "
                "%1 runs)"_s.arg(settings.runs),
                {u"QoS"_s, u"Subscribers"_s, u"ns/delivery"_s,
                 u"Baseline: same frame to each link, ns/delivery"_s, u"Ratio (baseline/ours)"_s,
                 u"Allocations per publish"_s, u"Allocations per extra subscriber"_s,
                 u"Frames encoded per publish"_s});

    for (const int qos : {0, 1}) {
        double allocationsWithOne = 0;
        for (const int subscribers : fanouts) {
            const int deliveries = settings.quick ? 200'000 : 1'000'000;
            const int publishes = std::max(200, deliveries / subscribers);
            QList<double> ns;
            QList<double> baseline;
            QList<double> allocations;
            qsizetype frames = 0;
            for (int run = 0; run < settings.runs; ++run) {
                const Result result = runCore(subscribers, qos, publishes);
                ns.append(result.nsPerDelivery);
                allocations.append(result.allocationsPerPublish);
                frames = result.distinctFrames;
                baseline.append(runBaseline(subscribers, publishes));
            }
            const double perPublish = median(allocations);
            if (subscribers == 1) {
                allocationsWithOne = perPublish;
            }
            const QString extra = subscribers == 1
                ? u"-"_s
                : fixed((perPublish - allocationsWithOne) / double(subscribers - 1), 3);
            table.addRow({QString::number(qos), grouped(subscribers), fixed(median(ns), 1),
                          fixed(median(baseline), 1), ratioText(median(baseline) / median(ns)),
                          fixed(perPublish, 2), extra, QString::number(frames)});
        }
    }
    table.addNote(
        u"Allocations are counted with a replaced operator new and an interposed malloc (Qt's "
        "containers allocate through malloc) around the broker's handling of each publish "
        "frame: parsing, ACL, re-encoding the data, the message id, encoding the frame and "
        "handing it to every link. \"Per extra subscriber\" is (allocations per publish with M "
        "subscribers - with 1) / (M - 1): the allocations each delivery adds, the target being "
        "0. At QoS 1 each subscriber acknowledges every message between publishes (not "
        "counted) and the store writes nothing."_s);
    table.publish(settings);
    return 0;
}
