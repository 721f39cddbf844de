// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "connectionprofile.h"

#include <QtCore/QCoreApplication>

using namespace Qt::StringLiterals;
using namespace std::chrono;

QUrl ConnectionProfile::effectiveApiUrl() const
{
    if (!apiUrl.isEmpty()) {
        return apiUrl;
    }
    QUrl url = brokerUrl;
    url.setScheme(brokerUrl.scheme() == u"wss"_s ? u"https"_s : u"http"_s);
    url.setPath(u"/v1"_s);
    return url;
}

NoLagOptions ConnectionProfile::toOptions() const
{
    NoLagOptions options(brokerUrl);
    options.setProtocolVersion(protocolVersion);
    options.setReconnectEnabled(reconnect);
    options.setMaxReconnectAttempts(maxReconnectAttempts);
    options.setReconnectInterval(milliseconds(reconnectIntervalMs));
    options.setHeartbeatInterval(milliseconds(heartbeatIntervalMs));
    options.setQos(NoLag::QoS(std::clamp(qos, 0, 2)));
    options.setLoadBalanced(loadBalanced);
    options.setLoadBalanceGroup(loadBalanceGroup);
    options.setAutoAcknowledge(autoAcknowledge);
    // One batchAck per interval instead of one ack frame per message: at thousands of
    // messages a second that is the difference between a quiet and a flooded uplink.
    options.setAckBatchInterval(milliseconds(ackBatchIntervalMs));
    return options;
}

QVariantMap ConnectionProfile::toMap() const
{
    return {
        {u"id"_s, id},
        {u"name"_s, name},
        {u"brokerUrl"_s, brokerUrl.toString()},
        {u"apiUrl"_s, apiUrl.toString()},
        {u"protocolVersion"_s, protocolVersion},
        {u"reconnect"_s, reconnect},
        {u"maxReconnectAttempts"_s, maxReconnectAttempts},
        {u"reconnectIntervalMs"_s, reconnectIntervalMs},
        {u"heartbeatIntervalMs"_s, heartbeatIntervalMs},
        {u"qos"_s, qos},
        {u"loadBalanced"_s, loadBalanced},
        {u"loadBalanceGroup"_s, loadBalanceGroup},
        {u"autoAcknowledge"_s, autoAcknowledge},
        {u"ackBatchIntervalMs"_s, ackBatchIntervalMs},
    };
}

void ConnectionProfile::update(const QVariantMap &map)
{
    const auto read = [&map](const char *key, auto &field) {
        const QString name = QString::fromLatin1(key);
        if (map.contains(name)) {
            field = map.value(name).value<std::decay_t<decltype(field)>>();
        }
    };
    read("id", id);
    read("name", name);
    if (map.contains(u"brokerUrl"_s)) {
        brokerUrl = QUrl::fromUserInput(map.value(u"brokerUrl"_s).toString().trimmed());
        if (map.value(u"brokerUrl"_s).toString().trimmed().isEmpty()) {
            brokerUrl = QUrl();
        }
    }
    if (map.contains(u"apiUrl"_s)) {
        const QString text = map.value(u"apiUrl"_s).toString().trimmed();
        apiUrl = text.isEmpty() ? QUrl() : QUrl::fromUserInput(text);
    }
    read("protocolVersion", protocolVersion);
    read("reconnect", reconnect);
    read("maxReconnectAttempts", maxReconnectAttempts);
    read("reconnectIntervalMs", reconnectIntervalMs);
    read("heartbeatIntervalMs", heartbeatIntervalMs);
    read("qos", qos);
    read("loadBalanced", loadBalanced);
    read("loadBalanceGroup", loadBalanceGroup);
    read("autoAcknowledge", autoAcknowledge);
    read("ackBatchIntervalMs", ackBatchIntervalMs);
    read("token", token);
    read("apiKey", apiKey);
}

QString ConnectionProfile::validate() const
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("ConnectionProfile", text);
    };
    if (name.trimmed().isEmpty()) {
        return tr("Give the connection a name.");
    }
    if (!brokerUrl.isValid() || (brokerUrl.scheme() != u"ws"_s && brokerUrl.scheme() != u"wss"_s)) {
        return tr("The broker URL starts with ws:// or wss://, such as ws://127.0.0.1:8080/ws.");
    }
    if (protocolVersion != 1 && protocolVersion != 2) {
        return tr("The protocol version is 1 or 2.");
    }
    if (!apiUrl.isEmpty() &&
        (!apiUrl.isValid() || (apiUrl.scheme() != u"http"_s && apiUrl.scheme() != u"https"_s))) {
        return tr("The REST API URL starts with http:// or https://, such as "
                  "http://127.0.0.1:8080/v1.");
    }
    return QString();
}
