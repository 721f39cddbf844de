// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QDateTime>

namespace NoLag::Server {

/*!
    Where the broker reads the time. Rate-limit windows, retained-message expiry, idle
    timeouts and revalidation all go through it, so tests can move time forward without
    sleeping.
*/
class Clock
{
public:
    virtual ~Clock() = default;

    /*! Milliseconds since the Unix epoch (wall-clock time: rate windows are Unix seconds). */
    virtual qint64 nowMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

/*! A clock that only moves when told to; for tests. */
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'700'000'000'000)
        : m_now(startMs)
    { }

    qint64 nowMs() const override { return m_now; }
    void setNowMs(qint64 ms) { m_now = ms; }
    void advance(qint64 ms) { m_now += ms; }

private:
    qint64 m_now;
};

} // namespace NoLag::Server
