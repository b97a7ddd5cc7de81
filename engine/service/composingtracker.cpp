// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/composingtracker.h"

#include <algorithm>

namespace herald::service {

namespace {

// A peer may ask for any <refresh>; a huge one must not keep the indicator on for days, nor
// overflow the time arithmetic. RFC 3994 gives no ceiling; ten minutes is far past any typist.
constexpr int maxRemoteRefreshSeconds = 600;

} // namespace

ComposingTracker::ComposingTracker(ComposingTimers timers)
    : m_timers(timers)
{}

ComposingTracker::TimePoint ComposingTracker::refreshDue() const
{
    return m_lastActiveSent + m_timers.refresh * 2 / 3;
}

ComposingTracker::Send ComposingTracker::typed(TimePoint now)
{
    m_lastTyped = now;
    if (m_local == ComposingState::Active)
        return Send::Nothing;
    m_local = ComposingState::Active;
    m_lastActiveSent = now;
    return Send::Active;
}

ComposingTracker::Send ComposingTracker::stopped()
{
    if (m_local == ComposingState::Idle)
        return Send::Nothing;
    m_local = ComposingState::Idle;
    return Send::Idle;
}

void ComposingTracker::messageSent()
{
    m_local = ComposingState::Idle;
}

bool ComposingTracker::statusReceived(ComposingState state, std::optional<int> refreshSeconds,
                                      TimePoint now)
{
    const ComposingState before = m_remote;
    m_remote = state;
    if (state == ComposingState::Active) {
        const std::chrono::seconds lasts =
            refreshSeconds && *refreshSeconds > 0
                ? std::chrono::seconds(std::min(*refreshSeconds, maxRemoteRefreshSeconds))
                : m_timers.remoteDefaultRefresh;
        m_remoteLapses = now + lasts;
    }
    return m_remote != before;
}

bool ComposingTracker::contentReceived()
{
    const bool changed = m_remote != ComposingState::Idle;
    m_remote = ComposingState::Idle;
    return changed;
}

ComposingTracker::Expiry ComposingTracker::expire(TimePoint now)
{
    Expiry expiry;
    if (m_local == ComposingState::Active) {
        if (now >= m_lastTyped + m_timers.idleTimeout) {
            m_local = ComposingState::Idle;
            expiry.send = Send::Idle;
        } else if (now >= refreshDue()) {
            m_lastActiveSent = now;
            expiry.send = Send::Active;
        }
    }
    if (m_remote == ComposingState::Active && now >= m_remoteLapses) {
        m_remote = ComposingState::Idle;
        expiry.remoteChanged = true;
    }
    return expiry;
}

std::optional<ComposingTracker::TimePoint> ComposingTracker::nextDeadline() const
{
    std::optional<TimePoint> next;
    if (m_local == ComposingState::Active)
        next = std::min(m_lastTyped + m_timers.idleTimeout, refreshDue());
    if (m_remote == ComposingState::Active)
        next = next ? std::min(*next, m_remoteLapses) : m_remoteLapses;
    return next;
}

} // namespace herald::service
