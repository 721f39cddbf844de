// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
//  W A R N I N G: not public API. This header may change from version to version.
#pragma once

#include <QtCore/QLoggingCategory>

// Logging categories of libnolag-qt. Enable with QT_LOGGING_RULES="nolag.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcNoLagClient)    // nolag.client: connection state, subscriptions
Q_DECLARE_LOGGING_CATEGORY(lcNoLagTransport) // nolag.transport: socket, heartbeat, reconnect
Q_DECLARE_LOGGING_CATEGORY(lcNoLagCodec)     // nolag.codec: frames that cannot be read
Q_DECLARE_LOGGING_CATEGORY(lcNoLagApi)       // nolag.api: REST requests and responses
