// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QLoggingCategory>

// nolag.server.controlplane: changes to apps, rooms, actors and keys; refused REST requests
Q_DECLARE_LOGGING_CATEGORY(lcControlPlane)
