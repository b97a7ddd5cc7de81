// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/session/msrpincomingmessage.h"

namespace herald::msrp {

IncomingMessage::IncomingMessage(QByteArray messageId, QByteArray contentType,
                                 QList<Header> mimeHeaders, std::unique_ptr<MessageSink> sink)
    : m_mimeHeaders(std::move(mimeHeaders))
    , m_sink(std::move(sink))
{
    m_info.messageId = std::move(messageId);
    m_info.contentType = std::move(contentType);
    m_info.outgoing = false;
    m_info.state = DeliveryState::Sending;
}

void IncomingMessage::addRange(quint64 first, quint64 last)
{
    if (last < first)
        return;
    // Insert, then merge with every range it touches or adjoins.
    qsizetype i = 0;
    while (i < m_ranges.size() && m_ranges[i].second + 1 < first)
        ++i;
    quint64 lo = first;
    quint64 hi = last;
    while (i < m_ranges.size() && m_ranges[i].first <= hi + 1) {
        lo = std::min(lo, m_ranges[i].first);
        hi = std::max(hi, m_ranges[i].second);
        m_ranges.removeAt(i);
    }
    m_ranges.insert(i, {lo, hi});
    m_info.transferred = receivedOctets();
}

bool IncomingMessage::complete() const
{
    if (!m_total)
        return false;
    if (*m_total == 0)
        return true;
    return m_ranges.size() == 1 && m_ranges.front().first == 1 &&
           m_ranges.front().second >= *m_total;
}

quint64 IncomingMessage::receivedOctets() const
{
    quint64 n = 0;
    for (const auto &[lo, hi] : m_ranges)
        n += hi - lo + 1;
    return n;
}

} // namespace herald::msrp
