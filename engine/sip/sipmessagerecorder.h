// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/sip/sipmessagerecord.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace herald::sip {

// Collects the SIP messages of calls while recording is on (opt-in: off, record() is one
// branch) and hands them over in batches, one delivery per batchIntervalMs, so that a busy
// agent costs its listeners one signal per round rather than one per message. What waits is
// bounded: past maxPending the oldest records are dropped and counted.
class SipMessageRecorder
{
public:
    static constexpr int batchIntervalMs = 100;
    static constexpr int maxPending = 2000;
    using Deliver = std::function<void(const QList<SipMessageRecord> &)>;

    explicit SipMessageRecorder(Deliver deliver);

    void setEnabled(bool on);
    bool isEnabled() const { return m_enabled; }
    void record(SipMessageRecord record);
    // Records that wait, and records to put at such a position (taken earlier), so that a
    // message is listed before the answers sent while it was being handled.
    qsizetype pendingCount() const { return m_pending.size(); }
    void insert(qsizetype position, QList<SipMessageRecord> records);
    // Delivers what waits now (also done by the timer).
    void flush();
    quint64 dropped() const { return m_dropped; }
    // The call a dialog handle belonged to, kept a while after the call is released: a
    // response (the 200 to our BYE in a BYE glare) may come after the call was forgotten.
    void remember(const void *handle, CallId call);
    CallId recall(const void *handle) const { return m_recent.value(handle); }

private:
    Deliver m_deliver;
    QTimer m_timer;
    QList<SipMessageRecord> m_pending;
    quint64 m_dropped = 0;
    static constexpr int recentLimit = 256;
    QHash<const void *, CallId> m_recent;
    QList<const void *> m_recentOrder;
    bool m_enabled = false;
};

} // namespace herald::sip
