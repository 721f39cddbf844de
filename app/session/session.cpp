// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "session.h"

#include "common/explorerlogging.h"
#include "traffic/memorybudget.h"

#include <QtCore/QDateTime>
#include <QtCore/QSettings>

using namespace Qt::StringLiterals;

Session::Session(const ConnectionProfile &profile, MemoryBudget *budget, QSettings *settings,
                 QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_client(profile.token, profile.toOptions())
    , m_api(profile.apiKey)
    , m_traffic(&m_store)
    , m_topics(&m_store)
    , m_inspector(&m_store)
    , m_publisher(&m_client)
    , m_subscriptions(&m_client)
    , m_presence(&m_client)
    , m_browse(&m_api, &m_subscriptions)
{
    // Not parents: members, destroyed in reverse order. The REST base URL before the models
    // load anything.
    m_api.setBaseUrl(profile.effectiveApiUrl());
    m_store.setBudget(budget);
    if (settings && !profile.id.isEmpty()) {
        m_publisher.history()->setStorage(settings, u"profiles/"_s + profile.id);
    }

    connect(&m_client, &NoLagClient::messageReceived, this, &Session::ingest);
    connect(&m_client, &NoLagClient::statusChanged, this, &Session::onStatusChanged);
    connect(&m_client, &NoLagClient::identityChanged, this, &Session::identityChanged);
    connect(&m_client, &NoLagClient::disconnected, this, [this](const QString &reason) {
        m_errorString = reason;
        Q_EMIT statusChanged();
    });
    connect(&m_client, &NoLagClient::errorOccurred, this, [this] {
        m_lastNotice = m_client.errorString();
        Q_EMIT noticeChanged();
    });

    connect(&m_subscriptions, &SubscriptionListModel::subscriptionConfirmed, this,
            [this](const QString &topic) {
                if (m_retainWindow.isEmpty()) {
                    QTimer::singleShot(0, this, [this] { m_retainWindow.clear(); });
                }
                m_retainWindow.insert(topic);
            });
    m_subscriptions.setMessageCounter([this](const QString &topic) -> qint64 {
        const QModelIndex index = m_topics.indexOfPath(topic);
        return index.isValid() ? index.data(TopicTreeModel::OwnCountRole).toLongLong() : 0;
    });

    // Presence starts on the first room Browse finds, so that its roster is not empty at first.
    connect(&m_browse, &BrowseController::selectionChanged, this, [this] {
        if (m_presence.room().isEmpty() && !m_browse.roomSlug().isEmpty()) {
            m_presence.setRoom(m_browse.roomSlug());
        }
    });
    connect(&m_traffic, &TrafficModel::selectionChanged, this,
            [this] { m_inspector.inspect(m_traffic.selectedSequence()); });

    m_statisticsTimer.setInterval(1000);
    connect(&m_statisticsTimer, &QTimer::timeout, this, &Session::updateStatistics);
    m_statisticsTimer.start();
    m_rateClock.start();
}

Session::~Session()
{
    m_client.disconnect(this);
    m_client.disconnectFromServer();
}

QString Session::statusText() const
{
    switch (m_state) {
    case Connecting:
        return tr("Connecting…");
    case Connected:
        return tr("Connected");
    case Reconnecting:
        if (m_profile.maxReconnectAttempts > 0) {
            return tr("Reconnecting (attempt %1 of %2)")
                .arg(std::max(m_attempt, 1))
                .arg(m_profile.maxReconnectAttempts);
        }
        return tr("Reconnecting (attempt %1)").arg(std::max(m_attempt, 1));
    case Disconnected:
        return m_errorString.isEmpty() ? tr("Disconnected")
                                       : tr("Disconnected: %1").arg(m_errorString);
    case Failed:
        return tr("Not connected: %1").arg(m_errorString);
    }
    return QString();
}

void Session::connectToServer()
{
    if (m_profile.token.isEmpty()) {
        setState(Failed, tr("this connection has no access token; edit it and add one"));
        return;
    }
    qCInfo(lcExplorerSession, "Connecting \"%s\" to %s", qPrintable(m_profile.name),
           qPrintable(m_profile.brokerUrl.toString()));
    m_attempt = 0;
    m_errorString.clear();
    setState(Connecting);
    m_client.connectToServer().onFailed(this, [this](const NoLagError &error) {
        // The client keeps trying on its own unless the reason is final; settleDisconnected()
        // decides which, once the client has.
        m_errorString = error.errorString();
        Q_EMIT statusChanged();
    });
}

void Session::disconnectFromServer()
{
    m_wasReconnecting = false;
    m_client.disconnectFromServer();
    m_errorString.clear();
    setState(Disconnected);
}

void Session::onStatusChanged(NoLag::ConnectionStatus status)
{
    switch (status) {
    case NoLag::ConnectionStatus::Connecting:
        if (m_wasReconnecting) {
            ++m_attempt;
            Q_EMIT statusChanged();
        } else {
            setState(Connecting);
        }
        break;
    case NoLag::ConnectionStatus::Connected:
        m_attempt = 0;
        m_wasReconnecting = false;
        m_errorString.clear();
        qCInfo(lcExplorerSession, "\"%s\" is connected", qPrintable(m_profile.name));
        setState(Connected);
        break;
    case NoLag::ConnectionStatus::Reconnecting:
        m_wasReconnecting = true;
        setState(Reconnecting);
        break;
    case NoLag::ConnectionStatus::Disconnected:
        // The client passes through Disconnected between two attempts as well; whether it
        // gave up is known only after this signal, so the tab never flashes "Not connected".
        QMetaObject::invokeMethod(this, &Session::settleDisconnected, Qt::QueuedConnection);
        break;
    }
}

void Session::settleDisconnected()
{
    if (m_client.status() != NoLag::ConnectionStatus::Disconnected || m_state == Failed ||
        m_state == Disconnected) {
        return;
    }
    // Disconnected on its own after trying: the attempts ran out or the token was refused.
    const bool gaveUp = m_wasReconnecting || m_state == Connecting;
    m_wasReconnecting = false;
    if (gaveUp && !m_client.errorString().isEmpty()) {
        setState(Failed, m_client.errorString());
    } else {
        setState(Disconnected, m_errorString);
    }
}

void Session::setState(State state, const QString &error)
{
    if (!error.isEmpty()) {
        m_errorString = error;
    }
    if (m_state == state && error.isEmpty()) {
        return;
    }
    m_state = state;
    if (state == Failed) {
        qCWarning(lcExplorerSession, "\"%s\" could not connect: %s", qPrintable(m_profile.name),
                  qPrintable(m_errorString));
    }
    Q_EMIT statusChanged();
}

QByteArrayView Session::utf8(QStringView text, QByteArray &buffer)
{
    if (text.isEmpty()) {
        return {};
    }
    // Reuses the buffer's memory: no allocation per message once it is large enough.
    const qsizetype needed = text.size() * 3;
    if (buffer.size() < needed) {
        buffer.resize(needed);
    }
    char *end = m_encoder.appendToBuffer(buffer.data(), text);
    return QByteArrayView(buffer.constData(), end - buffer.constData());
}

void Session::ingest(const NoLagMessage &message)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString topic = message.topic();
    const quint32 topicId = m_store.topics().intern(topic);

    quint8 flags = 0;
    if (message.isReplay()) {
        flags |= quint8(TrafficFlag::Replayed);
    }
    if (!m_retainWindow.isEmpty() && m_retainWindow.contains(topic)) {
        flags |= quint8(TrafficFlag::Retained);
    }

    const NoLagMessageMeta meta = message.meta();
    const quint64 sequence =
        m_store.append(topicId, now, quint8(meta.qos()), flags, message.rawDataView(),
                       utf8(message.msgId(), m_msgIdBuffer), utf8(message.filter(), m_filterBuffer),
                       utf8(meta.sender(), m_senderBuffer));
    m_topics.recordMessage(topicId, sequence, now);
}

void Session::updateStatistics()
{
    const qint64 total = m_store.totalReceived();
    const double seconds = std::max<qint64>(m_rateClock.restart(), 1) / 1000.0;
    m_rate = (total - m_rateBase) / seconds;
    m_rateBase = total;
    m_store.publishStatistics();
    m_subscriptions.refreshCounts();
    Q_EMIT statisticsChanged();
}
