// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "serverlogging_p.h"

namespace NoLag::Server {

Q_LOGGING_CATEGORY(lcAuth, "nolag.server.auth")
Q_LOGGING_CATEGORY(lcBroker, "nolag.server.broker")
Q_LOGGING_CATEGORY(lcStore, "nolag.server.store")
Q_LOGGING_CATEGORY(lcNet, "nolag.server.net")
Q_LOGGING_CATEGORY(lcWebhook, "nolag.server.webhook")

} // namespace NoLag::Server
