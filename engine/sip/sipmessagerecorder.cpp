// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sip/sipmessagerecorder.h"

#include <algorithm>

namespace herald::sip {

SipMessageRecorder::SipMessageRecorder(Deliver deliver)
    : m_deliver(std::move(deliver))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(batchIntervalMs);
    QObject::connect(&m_timer, &QTimer::timeout, [this] { flush(); });
}

void SipMessageRecorder::setEnabled(bool on)
{
    m_enabled = on;
    if (!on)
        flush();
}

void SipMessageRecorder::record(SipMessageRecord record)
{
    if (!m_enabled || record.call == 0)
        return;
    if (m_pending.size() >= maxPending) {
        m_pending.removeFirst();
        ++m_dropped;
    }
    m_pending.append(std::move(record));
    if (!m_timer.isActive())
        m_timer.start();
}

void SipMessageRecorder::insert(qsizetype position, QList<SipMessageRecord> records)
{
    if (!m_enabled || records.isEmpty())
        return;
    // A flush in between (recording switched off and on) leaves fewer records than the mark.
    position = std::clamp<qsizetype>(position, 0, m_pending.size());
    for (SipMessageRecord &r : records)
        m_pending.insert(position++, std::move(r));
    while (m_pending.size() > maxPending) {
        m_pending.removeFirst();
        ++m_dropped;
    }
    if (!m_timer.isActive())
        m_timer.start();
}

void SipMessageRecorder::remember(const void *handle, CallId call)
{
    if (m_recent.value(handle) == call)
        return;
    if (!m_recent.contains(handle))
        m_recentOrder.append(handle);
    m_recent.insert(handle, call);
    if (m_recentOrder.size() > recentLimit)
        m_recent.remove(m_recentOrder.takeFirst());
}

void SipMessageRecorder::flush()
{
    m_timer.stop();
    if (m_pending.isEmpty())
        return;
    m_deliver(std::exchange(m_pending, {}));
}

} // namespace herald::sip
