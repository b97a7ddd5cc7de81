// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/ids.h"
#include "engine/service/call.h"
#include "engine/sip/siptypes.h"
#include "engine/store/store.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace herald {
class Clock;
class RandomSource;
} // namespace herald

namespace herald::service {

class CallManager;

// Writes what the call model does to the store (DESIGN.md §2 "Durability"): a CallRecord when
// a call is offered or placed and CallUpdates as it changes and ends, a SessionRecord when its
// MSRP session is bound and a SessionEnd when it closes. Above all it makes texts durable
// before they are acknowledged: each call's session gets a DurableGate (MSRP 200 after
// COMMIT), and page-mode MESSAGE (RFC 3428) is admitted, and answered 200, only once stored;
// a store failure turns into 403 (MSRP) or 500 (SIP) instead of an acknowledgement.
class DurableRecorder : public QObject
{
    Q_OBJECT

public:
    DurableRecorder(CallManager &calls, store::Store &store, const Clock &clock,
                    RandomSource &random, QObject *parent = nullptr);
    ~DurableRecorder() override;

    // The store's id of a live call (the key of its CallRecord, transcript and log); empty for
    // a call this recorder has not seen.
    QByteArray callRecordId(Call::Id id) const { return m_tracked.value(id).recordId; }

    // The record a page-mode MESSAGE is stored as: its call is the MESSAGE's own SIP Call-ID.
    static store::MessageRecord recordFor(const sip::IncomingRequest &message, QByteArray id,
                                          const QDateTime &receivedAt);

private:
    struct Tracked
    {
        QByteArray recordId;
        QByteArray sessionId; // set once the SessionRecord was appended
        bool sessionEnded = false;
    };

    void track(Call *call);
    void onStateChanged(Call::Id id, CallState state);
    void onSessionStateChanged(Call *call, msrp::SessionState state);
    void onCallEnded(Call *call);
    void admitPageMessage(const sip::IncomingRequest &message,
                          std::function<void(Result<void>)> done);
    void append(store::Record record);

    QPointer<CallManager> m_calls;
    QPointer<store::Store> m_store;
    const Clock &m_clock;
    IdGenerator m_ids;
    QHash<Call::Id, Tracked> m_tracked;
};

} // namespace herald::service
