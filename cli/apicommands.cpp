// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "command.h"

namespace NoLagCli {

void registerApiCommands(CommandRegistry &registry)
{
    Q_UNUSED(registry);
}

} // namespace NoLagCli
