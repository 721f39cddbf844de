// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagoptions.h>

#include <QtCore/QString>
#include <QtCore/QUrl>
#include <QtCore/QVariantMap>

/*!
    A named way to connect: where the broker and the REST API are, and how the client
    behaves (the options of NoLagOptions). The token and the API key are secrets: they live in
    the system keychain (or, without one, in memory for the session), never in settings.
*/
struct ConnectionProfile
{
    QString id; //!< stable, made when the profile is first saved
    QString name;
    QUrl brokerUrl = QUrl(QStringLiteral("ws://127.0.0.1:8080/ws"));
    QUrl apiUrl; //!< empty: derived from the broker URL (http(s)://host:port/v1)
    int protocolVersion = 2;
    bool reconnect = true;
    int maxReconnectAttempts = 10;
    int reconnectIntervalMs = 2000;
    int heartbeatIntervalMs = 30000;
    int qos = 1;
    bool loadBalanced = false;
    QString loadBalanceGroup;
    bool autoAcknowledge = true;
    int ackBatchIntervalMs = 250;

    // Secrets: never written to settings.
    QString token;
    QString apiKey;

    /*! The REST base URL: apiUrl, or the broker's host with http(s) and /v1. */
    QUrl effectiveApiUrl() const;
    NoLagOptions toOptions() const;

    /*! Every field but the secrets, with the keys the profile form uses. */
    QVariantMap toMap() const;
    /*! Reads the fields \a map has; the others keep their value. */
    void update(const QVariantMap &map);

    /*! Empty when the profile can be used, or a sentence saying what is missing. */
    QString validate() const;
};
