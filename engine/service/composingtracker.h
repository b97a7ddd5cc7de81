// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/service/imtypes.h"

#include <chrono>
#include <optional>

namespace herald::service {

// RFC 3994's timers. The defaults are the RFC's: 15 s without input ends composing (§3.2),
// an active state lapses at the receiver after its <refresh> or 120 s without one (§3.3);
// the active state we send advertises 90 s and is refreshed after two thirds of that, so the
// refresh reaches the peer before its timer runs out (§3.2 asks for at least 60 s between
// refreshes).
struct ComposingTimers
{
    std::chrono::seconds idleTimeout{15};
    std::chrono::seconds refresh{90};
    std::chrono::seconds remoteDefaultRefresh{120};
};

// Both halves of RFC 3994 for one conversation, as pure transitions over times passed in
// (no timer, no clock, no I/O): the local composer (§3.2), whose transitions say which status
// message to send, and the remote party as the status messages received describe it (§3.3).
// The owner arms one timer for nextDeadline() and calls expire() when it fires.
class ComposingTracker
{
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    // What the owner must send after a local transition.
    enum class Send { Nothing, Active, Idle };

    explicit ComposingTracker(ComposingTimers timers = {});

    // --- Local composer (§3.2) -------------------------------------------------------------
    // The user typed: Idle -> Active sends an active status; while Active it only restarts the
    // idle timer.
    Send typed(TimePoint now);
    // The user stopped composing without sending (cleared the reply box): Active -> Idle sends
    // an idle status.
    Send stopped();
    // A content message was sent: Idle without a status message (§3.2: the message itself
    // tells the receiver that composing ended).
    void messageSent();

    // --- Remote party (§3.3); each returns whether the remote state changed ------------------
    // An isComposing status arrived: active (lasting its refresh, or the default) or idle.
    bool statusReceived(ComposingState state, std::optional<int> refreshSeconds, TimePoint now);
    // A content message arrived: the sender stopped composing.
    bool contentReceived();

    // --- Timers -------------------------------------------------------------------------------
    struct Expiry
    {
        Send send = Send::Nothing;  // idle after the idle timeout, or the active refresh
        bool remoteChanged = false; // the remote active state lapsed
    };
    // Applies every timer due at `now`.
    Expiry expire(TimePoint now);
    // The earliest time expire() has something to do; none while both sides are idle.
    std::optional<TimePoint> nextDeadline() const;

    ComposingState localState() const { return m_local; }
    ComposingState remoteState() const { return m_remote; }
    // The <refresh> to put in an active status, in seconds.
    int advertisedRefreshSeconds() const { return int(m_timers.refresh.count()); }

private:
    TimePoint refreshDue() const;

    ComposingTimers m_timers;
    ComposingState m_local = ComposingState::Idle;
    ComposingState m_remote = ComposingState::Idle;
    TimePoint m_lastTyped{};
    TimePoint m_lastActiveSent{};
    TimePoint m_remoteLapses{};
};

} // namespace herald::service
