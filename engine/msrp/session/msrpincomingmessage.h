// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msrp/codec/msrpuri.h"
#include "engine/msrp/session/msrpsink.h"
#include "engine/msrp/session/msrptypes.h"

#include <QList>

#include <memory>
#include <optional>

namespace herald::msrp {

// Reassembly of one incoming message by Byte-Range (RFC 4975 §7.3.1): chunks may come in any
// order, overlap when retransmitted, and leave the total unknown ("*") until the last one.
class IncomingMessage
{
public:
    IncomingMessage(QByteArray messageId, QByteArray contentType, QList<Header> mimeHeaders,
                    std::unique_ptr<MessageSink> sink);

    MessageInfo &info() { return m_info; }
    const MessageInfo &info() const { return m_info; }
    MessageSink &sink() { return *m_sink; }
    const QList<Header> &mimeHeaders() const { return m_mimeHeaders; }

    void setTotal(quint64 total)
    {
        m_total = total;
        m_info.size = total;
    }
    std::optional<quint64> total() const { return m_total; }

    // Records octets [first, last] (1-based, inclusive) as received.
    void addRange(quint64 first, quint64 last);
    // Every octet 1..total arrived.
    bool complete() const;
    quint64 receivedOctets() const;

    bool successReport = false; // the sender asked for a success REPORT (RFC 4975 §7.1.2)
    Path replyPath;             // the From-Path of its chunks: where REPORTs go

private:
    MessageInfo m_info;
    QList<Header> m_mimeHeaders;
    std::unique_ptr<MessageSink> m_sink;
    std::optional<quint64> m_total;
    // Disjoint, sorted, non-adjacent [first, last] ranges: usually just one.
    QList<std::pair<quint64, quint64>> m_ranges;
};

} // namespace herald::msrp
