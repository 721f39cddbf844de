// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QLoggingCategory>

// nolag.explorer.recording: recording, opening recordings, exports, charts and publish
// templates. Never carries a payload, a token or an API key.
Q_DECLARE_LOGGING_CATEGORY(lcExplorerRecording)
