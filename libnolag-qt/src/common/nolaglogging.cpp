// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "nolaglogging_p.h"

Q_LOGGING_CATEGORY(lcNoLagClient, "nolag.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNoLagTransport, "nolag.transport", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNoLagCodec, "nolag.codec", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNoLagApi, "nolag.api", QtInfoMsg)
