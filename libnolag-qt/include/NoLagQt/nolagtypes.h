// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagqtglobal.h>

#include <QtCore/QObject>

/*!
    Enumerations shared by the realtime client, its options and its value types. They mirror
    the enumerations of the official Python SDK (`nolag.ConnectionStatus`, `nolag.QoS`,
    `nolag.ActorType`) and add the error codes of the client.
*/
namespace NoLag {
Q_NAMESPACE_EXPORT(NOLAGQT_EXPORT)

/*! Where a NoLagClient stands with its server. */
enum class ConnectionStatus {
    Disconnected, //!< no connection and none planned
    Connecting, //!< opening the WebSocket or waiting for the reply to auth
    Connected, //!< authenticated: every operation may be used
    Reconnecting, //!< the connection was lost; waiting for the next automatic attempt
};
Q_ENUM_NS(ConnectionStatus)

/*!
    Quality of service of a subscription or a publish. The broker forwards it to its fan-out
    layer; it changes nothing on the WebSocket itself (wire protocol §12.1).
*/
enum class QoS {
    AtMostOnce = 0,
    AtLeastOnce = 1,
    ExactlyOnce = 2,
};
Q_ENUM_NS(QoS)

/*! The kind of actor a token belongs to, as the server reports it after auth. */
enum class ActorType {
    Unknown, //!< the server sent no type, or one this version does not know
    Device,
    User,
    Server,
    Service,
    Session,
    Agent,
    Orchestrator,
    Observer,
};
Q_ENUM_NS(ActorType)

/*! What happened to an actor in a room or a lobby. */
enum class PresenceEvent {
    Join,
    Leave,
    Update,
    Waking, //!< cloud persistent presence: an offline actor is being woken up
};
Q_ENUM_NS(PresenceEvent)

/*!
    Every error the client reports.

    Errors the server numbers keep their wire numbers (42910, ...). Errors the server names
    only by a string get numbers from 2000, failed authentications from 1000, and errors found
    by the client itself from 1.
*/
enum class Error {
    NoError = 0,

    // Found by the client.
    NotConnected = 1, //!< the operation needs a connected client
    SocketError = 2, //!< the WebSocket could not be opened, or failed
    ConnectTimeout = 3, //!< the WebSocket did not open within the connect timeout
    AuthenticationTimeout = 4, //!< the server did not answer auth within the operation timeout
    Timeout = 5, //!< the server did not answer an operation in time
    ConnectionLost = 6, //!< the connection closed before the server answered
    Cancelled = 7, //!< disconnectFromServer() ended the operation
    EncodeError = 8, //!< the data cannot be written as MessagePack
    FrameTooLarge = 9, //!< the frame would exceed the server's frame size limit
    InvalidArgument = 10, //!< an empty topic, room or lobby name

    // The server refused the token (auth reply with success false).
    AccessDenied = 1001, //!< access_denied: unknown or refused token
    ConnectionLimitReached = 1002, //!< connection_limit_reached
    BrokerUnavailable = 1003, //!< broker_unavailable
    AuthenticationFailed = 1004, //!< authentication_failed
    ControlPlaneUnreachable = 1005, //!< connection_failed

    // Error frames without a code.
    NotAuthenticated = 2001, //!< not_authenticated
    NotAuthorized = 2002, //!< not_authorized (protocol 1 topics, and lobbies)
    NotSubscribed = 2003, //!< not_subscribed
    TooManyFilters = 2004, //!< too_many_filters (max 100)
    InvalidFilter = 2005, //!< invalid_filter_chars (/, #, +, | not allowed)
    InvalidGroupName = 2006, //!< invalid_group_name
    InvalidPayload = 2007, //!< invalid_payload
    ServerError = 2999, //!< an error string this version does not know

    // Error frames with a code: the wire numbers.
    RateLimitExceeded = 42910,
    MonthlyQuotaExceeded = 42920,
    MessageTooLarge = 42930,
    UnknownTopic = 42940,
    WakeFailed = 42950,
};
Q_ENUM_NS(Error)

} // namespace NoLag
