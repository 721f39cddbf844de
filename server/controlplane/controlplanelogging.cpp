// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "controlplanelogging_p.h"

Q_LOGGING_CATEGORY(lcControlPlane, "nolag.server.controlplane", QtInfoMsg)
