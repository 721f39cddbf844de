// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

// Logging categories of nolag-local. Not API: shared by the server's own libraries only.

#include <QtCore/QLoggingCategory>

namespace NoLag::Server {

Q_DECLARE_LOGGING_CATEGORY(lcAuth) // nolag.server.auth: tokens, providers, revalidation
Q_DECLARE_LOGGING_CATEGORY(lcBroker) // nolag.server.broker: sessions, routing, presence
Q_DECLARE_LOGGING_CATEGORY(lcStore) // nolag.server.store: SQLite persistence and replay
Q_DECLARE_LOGGING_CATEGORY(lcNet) // nolag.server.net: HTTP and WebSocket front
Q_DECLARE_LOGGING_CATEGORY(lcWebhook) // nolag.server.webhook: hydration and trigger calls

} // namespace NoLag::Server
