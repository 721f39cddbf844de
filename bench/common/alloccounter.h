// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QtGlobal>

namespace NoLagBench {

/*!
    Heap allocations made by this process so far: calls of operator new (any form) plus
    calls of malloc, calloc, realloc and the aligned allocators that did not come from
    operator new. Qt's containers (QByteArray, QString, QList, QHash entries) allocate with
    malloc, not operator new, so both are counted.

    Only programs that compile alloccounter.cpp into their executable count; it replaces the
    global operator new and delete and interposes glibc's malloc family.
*/
quint64 allocationCount();
/*! Only the calls of operator new. */
quint64 operatorNewCount();

} // namespace NoLagBench
