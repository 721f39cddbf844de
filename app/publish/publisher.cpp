// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "publisher.h"

#include "subscriptions/filtersyntax.h"

#include <NoLagQt/nolagclient.h>

using namespace Qt::StringLiterals;

Publisher::Publisher(NoLagClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_payload = u"{\n  \"text\": \"hello from NoLag Explorer\"\n}"_s;
    validate();
}

void Publisher::setTopic(const QString &topic)
{
    if (m_topic == topic) {
        return;
    }
    m_topic = topic;
    Q_EMIT formChanged();
    validate();
}

void Publisher::setPayload(const QString &payload)
{
    if (m_payload == payload) {
        return;
    }
    m_payload = payload;
    Q_EMIT formChanged();
    validate();
}

void Publisher::setMode(PayloadMode::Mode mode)
{
    if (m_mode == mode) {
        return;
    }
    m_mode = mode;
    Q_EMIT formChanged();
    validate();
}

void Publisher::setQos(int qos)
{
    qos = std::clamp(qos, 0, 2);
    if (m_qos == qos) {
        return;
    }
    m_qos = qos;
    Q_EMIT formChanged();
}

void Publisher::setRetain(bool retain)
{
    if (m_retain == retain) {
        return;
    }
    m_retain = retain;
    Q_EMIT formChanged();
}

void Publisher::setEcho(bool echo)
{
    if (m_echo == echo) {
        return;
    }
    m_echo = echo;
    Q_EMIT formChanged();
}

void Publisher::setFilter(const QString &filter)
{
    if (m_filter == filter) {
        return;
    }
    m_filter = filter;
    Q_EMIT formChanged();
    validate();
}

void Publisher::setFilters(const QString &filters)
{
    if (m_filters == filters) {
        return;
    }
    m_filters = filters;
    Q_EMIT formChanged();
    validate();
}

QString Publisher::errorString() const
{
    return m_validation.ok ? m_formError : m_validation.errorString;
}

void Publisher::validate()
{
    m_validation = parsePayload(m_payload, m_mode);
    m_formError.clear();
    const QString topic = m_topic.trimmed();
    if (topic.isEmpty()) {
        m_formError = tr("Type the topic to publish to, such as demo/general/messages.");
    } else if (topic.contains(u'+') || topic.contains(u'#')) {
        m_formError = tr("A publish goes to one exact topic: + and # are not allowed.");
    } else if (!m_filter.trimmed().isEmpty()) {
        const FilterSyntax::Parsed parsed = FilterSyntax::parseValues(m_filter.trimmed());
        if (!parsed.ok || parsed.filters.size() != 1) {
            m_formError = parsed.ok ? tr("The filter is one value; use Filters for several.")
                                    : parsed.errorString;
        }
    } else if (const FilterSyntax::Parsed parsed = FilterSyntax::parseValues(m_filters);
               !parsed.ok) {
        m_formError = parsed.errorString;
    }
    Q_EMIT validationChanged();
}

bool Publisher::publish()
{
    validate();
    if (!isValid()) {
        setResult(errorString(), true);
        return false;
    }
    if (!m_client || !m_client->isConnected()) {
        setResult(tr("Not connected: wait until the connection is up, then publish again."), true);
        return false;
    }

    NoLagEmitOptions options;
    options.setQos(NoLag::QoS(m_qos));
    options.setRetain(m_retain);
    options.setEcho(m_echo);
    options.setFilter(m_filter.trimmed());
    QStringList filterValues;
    for (const QVariant &value : FilterSyntax::parseValues(m_filters).filters) {
        filterValues.append(value.toString());
    }
    options.setFilters(filterValues);

    PublishHistoryModel::Entry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.topic = m_topic.trimmed();
    entry.payload = m_payload;
    entry.mode = m_mode;
    entry.qos = m_qos;
    entry.retain = m_retain;
    entry.echo = m_echo;
    entry.filter = m_filter.trimmed();
    entry.filters = m_filters.trimmed();
    entry.result = tr("Sending…");
    const quint64 id = m_history.add(entry);

    const bool acknowledged = m_client->protocolVersion() >= 2;
    ++m_pending;
    setResult(tr("Sending…"), false);
    m_client->publish(entry.topic, m_validation.value, options)
        .then(this,
              [this, id, acknowledged] {
                  --m_pending;
                  const QString text = acknowledged
                      ? tr("Accepted by the server")
                      : tr("Sent (protocol 1 servers do not confirm publishes)");
                  m_history.finish(id, text, false);
                  setResult(text, false);
                  Q_EMIT published(false, text);
              })
        .onFailed(this, [this, id](const NoLagError &error) {
            --m_pending;
            m_history.finish(id, error.errorString(), true);
            setResult(error.errorString(), true);
            Q_EMIT published(true, error.errorString());
        });
    return true;
}

void Publisher::loadFromHistory(int row)
{
    if (row < 0 || row >= m_history.count()) {
        return;
    }
    const PublishHistoryModel::Entry entry = m_history.entry(row);
    m_topic = entry.topic;
    m_payload = entry.payload;
    m_mode = PayloadMode::Mode(std::clamp(entry.mode, 0, 2));
    m_qos = entry.qos;
    m_retain = entry.retain;
    m_echo = entry.echo;
    m_filter = entry.filter;
    m_filters = entry.filters;
    Q_EMIT formChanged();
    validate();
}

void Publisher::setResult(const QString &text, bool failed)
{
    m_lastResult = text;
    m_lastResultFailed = failed;
    Q_EMIT resultChanged();
}
