// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagqt_export.h>

#include <QtCore/QtGlobal>

#define NOLAGQT_VERSION_STR "0.1.0"
