// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// Counts every heap allocation of the program it is compiled into: it replaces the global
// operator new and delete, and interposes malloc, calloc, realloc and the aligned allocators
// in front of glibc's (which keep doing the work). Compile it into an executable, never into
// a library: a program must have exactly one replacement. glibc only (Linux).

#include "alloccounter.h"

#include <atomic>
#include <cstddef>
#include <new>

extern "C" {
void *__libc_malloc(size_t size);
void *__libc_calloc(size_t count, size_t size);
void *__libc_realloc(void *memory, size_t size);
void *__libc_memalign(size_t alignment, size_t size);
void __libc_free(void *memory);
}

namespace {

std::atomic<quint64> newCalls{0};
std::atomic<quint64> mallocCalls{0};

void count(std::atomic<quint64> &counter)
{
    counter.fetch_add(1, std::memory_order_relaxed);
}

void *allocate(std::size_t size)
{
    count(newCalls);
    if (void *memory = __libc_malloc(size == 0 ? 1 : size)) {
        return memory;
    }
    throw std::bad_alloc();
}

void *allocateAligned(std::size_t size, std::align_val_t alignment)
{
    count(newCalls);
    if (void *memory = __libc_memalign(std::size_t(alignment), size == 0 ? 1 : size)) {
        return memory;
    }
    throw std::bad_alloc();
}

} // namespace

quint64 NoLagBench::allocationCount()
{
    return newCalls.load(std::memory_order_relaxed) + mallocCalls.load(std::memory_order_relaxed);
}

quint64 NoLagBench::operatorNewCount()
{
    return newCalls.load(std::memory_order_relaxed);
}

// --- the C allocators ----------------------------------------------------------------------

extern "C" {

void *malloc(size_t size)
{
    count(mallocCalls);
    return __libc_malloc(size);
}

void *calloc(size_t count_, size_t size)
{
    count(mallocCalls);
    return __libc_calloc(count_, size);
}

void *realloc(void *memory, size_t size)
{
    count(mallocCalls);
    return __libc_realloc(memory, size);
}

void *memalign(size_t alignment, size_t size)
{
    count(mallocCalls);
    return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size)
{
    count(mallocCalls);
    return __libc_memalign(alignment, size);
}

int posix_memalign(void **result, size_t alignment, size_t size)
{
    count(mallocCalls);
    void *memory = __libc_memalign(alignment, size);
    if (!memory) {
        return 12; // ENOMEM
    }
    *result = memory;
    return 0;
}

void free(void *memory)
{
    __libc_free(memory);
}

} // extern "C"

// --- operator new and delete ---------------------------------------------------------------

void *operator new(std::size_t size)
{
    return allocate(size);
}

void *operator new[](std::size_t size)
{
    return allocate(size);
}

void *operator new(std::size_t size, const std::nothrow_t &) noexcept
{
    count(newCalls);
    return __libc_malloc(size == 0 ? 1 : size);
}

void *operator new[](std::size_t size, const std::nothrow_t &) noexcept
{
    count(newCalls);
    return __libc_malloc(size == 0 ? 1 : size);
}

void *operator new(std::size_t size, std::align_val_t alignment)
{
    return allocateAligned(size, alignment);
}

void *operator new[](std::size_t size, std::align_val_t alignment)
{
    return allocateAligned(size, alignment);
}

void operator delete(void *memory) noexcept
{
    __libc_free(memory);
}

void operator delete[](void *memory) noexcept
{
    __libc_free(memory);
}

void operator delete(void *memory, std::size_t) noexcept
{
    __libc_free(memory);
}

void operator delete[](void *memory, std::size_t) noexcept
{
    __libc_free(memory);
}

void operator delete(void *memory, std::align_val_t) noexcept
{
    __libc_free(memory);
}

void operator delete[](void *memory, std::align_val_t) noexcept
{
    __libc_free(memory);
}

void operator delete(void *memory, std::size_t, std::align_val_t) noexcept
{
    __libc_free(memory);
}

void operator delete[](void *memory, std::size_t, std::align_val_t) noexcept
{
    __libc_free(memory);
}
