// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "browse/browsecontroller.h"
#include "connections/connectionprofile.h"
#include "inspector/messageinspector.h"
#include "presence/presencecontroller.h"
#include "publish/publisher.h"
#include "subscriptions/subscriptionlistmodel.h"
#include "topics/topictreemodel.h"
#include "traffic/trafficmodel.h"
#include "traffic/trafficstore.h"

#include <NoLagQt/nolagapi.h>
#include <NoLagQt/nolagclient.h>

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QSet>
#include <QtCore/QStringEncoder>
#include <QtCore/QTimer>
#include <QtQml/qqmlregistration.h>

class MemoryBudget;
class QSettings;

/*!
    One open connection (one tab): its NoLagClient and NoLagApi, its traffic store and every
    model of the tab.

    Every message of every subscription goes through ingest(): the topic is interned, the
    payload and three short strings are copied into the store, and the topic tree counts it.
    Nothing else happens per message; the models publish their changes in batches.
*/
class Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Sessions are opened through the session manager")
    Q_PROPERTY(QString name READ name CONSTANT FINAL)
    Q_PROPERTY(QString profileId READ profileId CONSTANT FINAL)
    Q_PROPERTY(QString brokerUrl READ brokerUrl CONSTANT FINAL)
    Q_PROPERTY(State state READ state NOTIFY statusChanged FINAL)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged FINAL)
    Q_PROPERTY(int reconnectAttempt READ reconnectAttempt NOTIFY statusChanged FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY statusChanged FINAL)
    Q_PROPERTY(QString lastNotice READ lastNotice NOTIFY noticeChanged FINAL)
    Q_PROPERTY(QString actorId READ actorId NOTIFY identityChanged FINAL)
    Q_PROPERTY(int protocolVersion READ protocolVersion NOTIFY identityChanged FINAL)
    Q_PROPERTY(double messagesPerSecond READ messagesPerSecond NOTIFY statisticsChanged FINAL)
    Q_PROPERTY(qint64 totalMessages READ totalMessages NOTIFY statisticsChanged FINAL)
    Q_PROPERTY(qint64 storedBytes READ storedBytes NOTIFY statisticsChanged FINAL)
    Q_PROPERTY(TrafficModel *traffic READ traffic CONSTANT FINAL)
    Q_PROPERTY(TopicTreeModel *topics READ topics CONSTANT FINAL)
    Q_PROPERTY(MessageInspector *inspector READ inspector CONSTANT FINAL)
    Q_PROPERTY(Publisher *publisher READ publisher CONSTANT FINAL)
    Q_PROPERTY(SubscriptionListModel *subscriptions READ subscriptions CONSTANT FINAL)
    Q_PROPERTY(PresenceController *presence READ presence CONSTANT FINAL)
    Q_PROPERTY(BrowseController *browse READ browse CONSTANT FINAL)

public:
    enum State {
        Connecting,
        Connected,
        Reconnecting,
        Disconnected,
        Failed, //!< gave up: the token was refused or the attempts ran out
    };
    Q_ENUM(State)

    Session(const ConnectionProfile &profile, MemoryBudget *budget, QSettings *settings,
            QObject *parent = nullptr);
    ~Session() override;

    QString name() const { return m_profile.name; }
    QString profileId() const { return m_profile.id; }
    QString brokerUrl() const { return m_profile.brokerUrl.toString(); }
    State state() const { return m_state; }
    QString statusText() const;
    int reconnectAttempt() const { return m_attempt; }
    QString errorString() const { return m_errorString; }
    QString lastNotice() const { return m_lastNotice; }
    QString actorId() const { return m_client.actorId(); }
    int protocolVersion() const { return m_client.protocolVersion(); }
    double messagesPerSecond() const { return m_rate; }
    qint64 totalMessages() const { return m_store.totalReceived(); }
    qint64 storedBytes() const { return m_store.allocatedBytes(); }

    NoLagClient *client() { return &m_client; }
    NoLagApi *api() { return &m_api; }
    TrafficStore *store() { return &m_store; }
    TrafficModel *traffic() { return &m_traffic; }
    TopicTreeModel *topics() { return &m_topics; }
    MessageInspector *inspector() { return &m_inspector; }
    Publisher *publisher() { return &m_publisher; }
    SubscriptionListModel *subscriptions() { return &m_subscriptions; }
    PresenceController *presence() { return &m_presence; }
    BrowseController *browse() { return &m_browse; }

    Q_INVOKABLE void connectToServer();
    Q_INVOKABLE void disconnectFromServer();

    /*! The per-message path; public so that benchmarks can feed it directly. */
    void ingest(const NoLagMessage &message);

Q_SIGNALS:
    void statusChanged();
    void identityChanged();
    void statisticsChanged();
    void noticeChanged();

private:
    void onStatusChanged(NoLag::ConnectionStatus status);
    void settleDisconnected();
    void setState(State state, const QString &error = QString());
    void updateStatistics();
    QByteArrayView utf8(QStringView text, QByteArray &buffer);

    ConnectionProfile m_profile;
    NoLagClient m_client;
    NoLagApi m_api;
    TrafficStore m_store;
    TrafficModel m_traffic;
    TopicTreeModel m_topics;
    MessageInspector m_inspector;
    Publisher m_publisher;
    SubscriptionListModel m_subscriptions;
    PresenceController m_presence;
    BrowseController m_browse;

    State m_state = Disconnected;
    int m_attempt = 0;
    bool m_wasReconnecting = false;
    QString m_errorString;
    QString m_lastNotice;

    // Topics whose subscription was confirmed in this turn of the event loop: the server
    // sends a topic's retained messages right after the confirmation (wire protocol §9.5).
    QSet<QString> m_retainWindow;

    QTimer m_statisticsTimer;
    QElapsedTimer m_rateClock;
    qint64 m_rateBase = 0;
    double m_rate = 0;

    QStringEncoder m_encoder{QStringEncoder::Utf8};
    QByteArray m_msgIdBuffer;
    QByteArray m_filterBuffer;
    QByteArray m_senderBuffer;
};
