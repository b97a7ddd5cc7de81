// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QDateTime>

#include <chrono>

namespace herald {

// Time is injected (CONVENTIONS.md): protocol timers (RFC 4975 §7.1.1's 30 s transaction
// timeout, SIP timers) read a Clock so tests drive them without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    // Monotonic time for timeouts.
    virtual std::chrono::steady_clock::time_point now() const = 0;
    // Wall-clock time for records and display (UTC).
    virtual QDateTime wallNow() const = 0;
};

class SystemClock final : public Clock
{
public:
    std::chrono::steady_clock::time_point now() const override;
    QDateTime wallNow() const override;
};

// A clock a test moves by hand.
class ManualClock final : public Clock
{
public:
    std::chrono::steady_clock::time_point now() const override { return m_now; }
    QDateTime wallNow() const override { return m_wall; }
    void advance(std::chrono::milliseconds by)
    {
        m_now += by;
        m_wall = m_wall.addMSecs(by.count());
    }

private:
    std::chrono::steady_clock::time_point m_now{std::chrono::hours(1)};
    QDateTime m_wall = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
};

} // namespace herald
