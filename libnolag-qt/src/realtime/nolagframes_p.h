// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
//  W A R N I N G: not public API. This header may change from version to version.
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariant>

/*!
    The frames the client sends (wire protocol §17.1), written straight to MessagePack.

    Keys are str, booleans are real booleans, integers take their smallest encoding, and no
    ext type is ever written. Optional fields are left out rather than sent as nil, as the
    official SDKs do.
*/
namespace NoLagFrames {

struct AuthFields
{
    QString token;
    int protocolVersion = 2;
    bool reconnect = false;
    QString projectId;
};
QByteArray auth(const AuthFields &fields);

struct SubscribeFields
{
    QString topic;
    int qos = 1;
    bool loadBalance = false;
    QString loadBalanceGroup;
    QVariantList filters;
};
/*! Returns false (and fills \a errorString) when a filter cannot be encoded. */
bool subscribe(const SubscribeFields &fields, QByteArray *frame, QString *errorString);

QByteArray unsubscribe(const QString &topic);
bool setFilters(const QString &topic, const QVariantList &filters, QByteArray *frame,
                QString *errorString);

struct PublishFields
{
    QString topic;
    QByteArrayView data; // already MessagePack
    int qos = 1;
    bool echo = true;
    bool retain = false;
    QString filter;
    QStringList filters;
    QByteArray msgRef;
};
QByteArray publish(const PublishFields &fields);

/*! \a data must already be MessagePack (nil for clearing). An empty \a roomId is left out. */
QByteArray presence(const QString &roomId, QByteArrayView data);
QByteArray getPresence(const QString &roomId);

QByteArray lobbySubscribe(const QString &lobbyId);
QByteArray lobbyUnsubscribe(const QString &lobbyId);
QByteArray getLobbyPresence(const QString &lobbyId);

QByteArray ack(QByteArrayView msgId);
QByteArray batchAck(const QList<QByteArray> &msgIds);

} // namespace NoLagFrames
