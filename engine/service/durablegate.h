// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msrp/session/msrpsession.h"
#include "engine/store/store.h"

#include <QObject>
#include <QPointer>

namespace herald {
class Clock;
}

namespace herald::service {

// The receive gate of one MSRP session (DESIGN.md §2 "durable before acknowledged"): every
// complete incoming message is appended to the store as a MessageRecord (a CPIM text as its
// content; isComposing statuses and IMDNs, which are not texts, pass unstored), and the session is
// told to send its final 200 (RFC 4975 §7.1) only from the store's durable callback, after
// COMMIT; a store error makes the session answer 403 instead.
//
// A child of its session, so the session never holds a dangling gate; the store is watched
// by a QPointer, so a gate outliving the engine's store refuses rather than crashes.
class DurableGate final : public QObject, public msrp::ReceiveGate
{
    Q_OBJECT

public:
    // callId: the store's id of the call the session belongs to.
    DurableGate(store::Store &store, const Clock &clock, QByteArray callId, msrp::Session &session);

    void admit(const msrp::ReceivedMessage &message,
               std::function<void(Result<void>)> done) override;

    // The record a received message is stored as: a retransmitted message (same session and
    // Message-ID, RFC 4975 §7.3.1) gets the same id and is stored once.
    static store::MessageRecord recordFor(const msrp::ReceivedMessage &message,
                                          const QByteArray &callId, const QByteArray &sessionId,
                                          const QDateTime &receivedAt);

private:
    QPointer<store::Store> m_store;
    const Clock &m_clock;
    QByteArray m_callId;
    QPointer<msrp::Session> m_session;
};

} // namespace herald::service
