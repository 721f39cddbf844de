// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QLoggingCategory>

// Logging categories of NoLag Explorer. Enable with QT_LOGGING_RULES="nolag.explorer.*.debug=true".
// None of them ever carries a token, an API key or a payload.
Q_DECLARE_LOGGING_CATEGORY(lcExplorer) // nolag.explorer: start-up, command line
Q_DECLARE_LOGGING_CATEGORY(lcExplorerSession) // nolag.explorer.session: connections, tabs
Q_DECLARE_LOGGING_CATEGORY(lcExplorerProfiles) // nolag.explorer.profiles: profiles, keychain
Q_DECLARE_LOGGING_CATEGORY(lcExplorerTraffic) // nolag.explorer.traffic: store, eviction
Q_DECLARE_LOGGING_CATEGORY(lcExplorerInspector) // nolag.explorer.inspector: decoding work
Q_DECLARE_LOGGING_CATEGORY(lcExplorerPresence) // nolag.explorer.presence: rosters, lobbies
