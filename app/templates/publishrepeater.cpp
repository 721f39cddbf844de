// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "publishrepeater.h"

#include "publish/payloadparser.h"
#include "publish/publisher.h"
#include "publishtemplate.h"
#include "recording/recordinglogging.h"
#include "session/session.h"
#include "subscriptions/filtersyntax.h"

#include <NoLagQt/nolagclient.h>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr int TickMs = 20;
constexpr int MostPerTick = 2000;

} // namespace

PublishRepeater::PublishRepeater(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &PublishRepeater::tick);
}

PublishRepeater::~PublishRepeater() = default;

void PublishRepeater::setSession(Session *session)
{
    if (m_session == session) {
        return;
    }
    stop();
    m_session = session;
    m_publisher = session ? session->publisher() : nullptr;
    m_client = session ? session->client() : nullptr;
    Q_EMIT sessionChanged();
}

void PublishRepeater::setTarget(Publisher *publisher, NoLagClient *client)
{
    stop();
    m_publisher = publisher;
    m_client = client;
}

void PublishRepeater::setCount(int count)
{
    count = std::clamp(count, 1, MaxCount);
    if (m_count == count) {
        return;
    }
    m_count = count;
    Q_EMIT settingsChanged();
}

void PublishRepeater::setRate(double rate)
{
    rate = std::clamp(rate, 0.01, MaxRate);
    if (m_rate == rate) {
        return;
    }
    m_rate = rate;
    Q_EMIT settingsChanged();
}

QString PublishRepeater::statusText() const
{
    if (m_sent == 0 && !isRunning()) {
        return m_errorString;
    }
    QString text = tr("Sent %1 of %2, %3 accepted").arg(m_sent).arg(m_count).arg(m_accepted);
    if (m_failed > 0) {
        text += tr(", %1 failed").arg(m_failed);
    }
    if (!m_errorString.isEmpty()) {
        text += u" — "_s + m_errorString;
    }
    return text;
}

bool PublishRepeater::start()
{
    if (isRunning()) {
        return false;
    }
    if (!m_publisher || !m_client) {
        fail(tr("There is no connection to publish on."));
        return false;
    }
    if (!m_client->isConnected()) {
        fail(tr("Not connected: wait until the connection is up, then start again."));
        return false;
    }
    ++m_run;
    m_sent = 0;
    m_accepted = 0;
    m_failed = 0;
    m_errorString.clear();

    // The first message checks the form; a broken template stops before anything is sent.
    m_clock.start();
    if (!sendOne()) {
        return false;
    }
    if (m_sent < m_count) {
        m_timer.start(std::clamp(int(1000 / m_rate), 1, TickMs));
        Q_EMIT runningChanged();
    } else {
        Q_EMIT finished();
    }
    Q_EMIT progressChanged();
    return true;
}

void PublishRepeater::stop()
{
    if (!m_timer.isActive()) {
        return;
    }
    m_timer.stop();
    Q_EMIT runningChanged();
    Q_EMIT progressChanged();
    Q_EMIT finished();
}

void PublishRepeater::tick()
{
    // Message n (from 0) is due at n / rate seconds after the start.
    const qint64 due = std::min<qint64>(
        m_count, qint64(std::floor(double(m_clock.elapsed()) * m_rate / 1000.0)) + 1);
    int sentNow = 0;
    while (m_sent < due && sentNow < MostPerTick) {
        if (!sendOne()) {
            return;
        }
        ++sentNow;
    }
    if (m_sent >= m_count) {
        stop();
        return;
    }
    if (sentNow > 0) {
        Q_EMIT progressChanged();
    }
}

bool PublishRepeater::sendOne()
{
    if (!m_publisher || !m_client || !m_client->isConnected()) {
        fail(tr("The connection closed; the run stopped after %1 messages.").arg(m_sent));
        return false;
    }
    PublishTemplate::Values values;
    values.counter = m_sent + 1;
    QString error;
    const QString topic = PublishTemplate::expand(m_publisher->topic().trimmed(), values, &error);
    if (!error.isEmpty()) {
        fail(error);
        return false;
    }
    const QString payload = PublishTemplate::expand(m_publisher->payload(), values, &error);
    if (!error.isEmpty()) {
        fail(error);
        return false;
    }
    if (topic.isEmpty() || topic.contains(u'+') || topic.contains(u'#')) {
        fail(tr("Type one exact topic to publish to (+ and # are not allowed)."));
        return false;
    }
    const ParsedPayload parsed = parsePayload(payload, m_publisher->mode());
    if (!parsed.ok) {
        fail(tr("Message %1: %2").arg(values.counter).arg(parsed.errorString));
        return false;
    }

    NoLagEmitOptions options;
    options.setQos(NoLag::QoS(m_publisher->qos()));
    options.setRetain(m_publisher->retain());
    options.setEcho(m_publisher->echo());
    options.setFilter(m_publisher->filter().trimmed());
    QStringList filterValues;
    for (const QVariant &value : FilterSyntax::parseValues(m_publisher->filters()).filters) {
        filterValues.append(value.toString());
    }
    options.setFilters(filterValues);

    const int run = m_run;
    m_client->publish(topic, parsed.value, options)
        .then(this,
              [this, run] {
                  if (run == m_run) {
                      ++m_accepted;
                      Q_EMIT progressChanged();
                  }
              })
        .onFailed(this, [this, run](const NoLagError &) {
            if (run == m_run) {
                ++m_failed;
                Q_EMIT progressChanged();
            }
        });
    ++m_sent;
    return true;
}

void PublishRepeater::fail(const QString &errorString)
{
    m_errorString = errorString;
    qCInfo(lcExplorerRecording, "Repeated publish stopped: %s", qPrintable(errorString));
    Q_EMIT errorOccurred();
    if (m_timer.isActive()) {
        stop();
    } else {
        Q_EMIT progressChanged();
    }
}
