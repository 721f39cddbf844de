// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "explorerlogging.h"

Q_LOGGING_CATEGORY(lcExplorer, "nolag.explorer", QtInfoMsg)
Q_LOGGING_CATEGORY(lcExplorerSession, "nolag.explorer.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcExplorerProfiles, "nolag.explorer.profiles", QtInfoMsg)
Q_LOGGING_CATEGORY(lcExplorerTraffic, "nolag.explorer.traffic", QtInfoMsg)
Q_LOGGING_CATEGORY(lcExplorerInspector, "nolag.explorer.inspector", QtInfoMsg)
Q_LOGGING_CATEGORY(lcExplorerPresence, "nolag.explorer.presence", QtInfoMsg)
