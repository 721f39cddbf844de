// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "command.h"

namespace NoLagCli {

const Command *CommandRegistry::find(const QString &name) const
{
    for (const Command &command : m_commands) {
        if (command.name == name) {
            return &command;
        }
    }
    return nullptr;
}

} // namespace NoLagCli
