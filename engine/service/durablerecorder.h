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
class ThirdPartySession;
class ThirdPartySessions;

// Writes what the call model does to the store (DESIGN.md §2 "Durability"): a CallRecord when
// a call is offered or placed and CallUpdates as it changes and ends (with the SIP Call-ID of
// an outgoing call once a response told it), a SessionRecord when its
// MSRP session is bound and a SessionEnd when it closes; each text or file a call sends, once,
// as an outgoing MessageRecord when queued, then MessageUpdates dating when it was sent (last
// chunk written), acknowledged (200), delivered (success REPORT) or why it failed. Above all
// it makes texts durable
// before they are acknowledged: each call's session gets a DurableGate (MSRP 200 after
// COMMIT), and page-mode MESSAGE (RFC 3428) is admitted, and answered 200, only once stored;
// a store failure turns into 403 (MSRP) or 500 (SIP) instead of an acknowledgement.
// A 3PCC session (ThirdPartySession: no dialog, REST signaling="no") is recorded the same
// way, by the same code, as a call of its own without a SIP Call-ID.
class DurableRecorder : public QObject
{
    Q_OBJECT

public:
    DurableRecorder(CallManager &calls, ThirdPartySessions &thirdParty, store::Store &store,
                    const Clock &clock, RandomSource &random, QObject *parent = nullptr);
    ~DurableRecorder() override;

    // The store's id of a live call (the key of its CallRecord, transcript and log); empty for
    // a call this recorder has not seen.
    QByteArray callRecordId(Call::Id id) const;
    // The same for a live 3PCC session.
    QByteArray callRecordId(const ThirdPartySession *session) const;

    // The record a page-mode MESSAGE is stored as: its call is the MESSAGE's own SIP Call-ID.
    static store::MessageRecord recordFor(const sip::IncomingRequest &message, QByteArray id,
                                          const QDateTime &receivedAt);
    // The store's id of an outgoing MSRP message: apart from incoming ones, whose Message-IDs
    // the peer chose and which may equal ours (RFC 4975 §7.1.1 makes them unique per sender).
    static QByteArray outgoingRecordId(const QByteArray &sessionId, const QByteArray &messageId)
    {
        return sessionId + "/out/" + messageId;
    }

    // Ends, in the store, every call and session a previous run left open (it was killed or
    // the host died): state Ended, end time now, reason `reason`, and an i3 SessionEnd for
    // each open session. The engine calls it when it opens the store, before any call of
    // this run exists. Returns how many calls it closed.
    Result<int> closeStaleCalls(const QString &reason = QStringLiteral("restart"));

private:
    // An outgoing message whose delivery is still followed: what was written so far.
    struct Outgoing
    {
        QByteArray recordId;
        bool sending = false;
        bool sent = false;
        bool acknowledged = false;
    };
    // A recorded conversation: a Call, or a ThirdPartySession (its key in m_tracked).
    struct Tracked
    {
        QByteArray recordId;
        QByteArray sessionId; // set once the SessionRecord was appended
        QByteArray sipCallId; // as last written: an outgoing call learns it from a response
        store::Direction sessionDirection = store::Direction::Incoming; // who offered it
        QPointer<msrp::Session> session;
        bool sessionEnded = false;
        QHash<QByteArray, Outgoing> outgoing; // by MSRP Message-ID
    };

    void track(Call *call);
    void trackThirdParty(ThirdPartySession *session);
    // What both kinds share: the CallRecord, the gate on the session (before anything can
    // arrive on it), and the session's and its messages' records as their signals tell.
    // `source` emits messageQueued / deliveryChanged / sessionStateChanged like Call does.
    template<typename Source>
    void begin(Source *source, store::CallRecord record, msrp::Session *session,
               store::Direction sessionDirection);
    void finish(const QObject *source, const QString &state, const QByteArray &sipCallId,
                const QString &reason, const QString &sessionReason);
    void onStateChanged(Call *call, CallState state);
    void onSessionStateChanged(const QObject *source, msrp::SessionState state);
    void onMessageQueued(const QObject *source, const QByteArray &messageId,
                         const QByteArray &contentType, const QByteArray &body,
                         const QString &filePath);
    void onDeliveryChanged(const QObject *source, const msrp::MessageInfo &info);
    void admitPageMessage(const sip::IncomingRequest &message,
                          std::function<void(Result<void>)> done);
    void admitRecord(store::MessageRecord record, std::function<void(Result<void>)> done);
    void onPageMessageSent(quint64 requestId, const QByteArray &target,
                           const QByteArray &contentType, const QByteArray &body);
    void onDialogMessageSent(quint64 callId, quint64 requestId, const QByteArray &contentType,
                             const QByteArray &body);
    // The outgoing MessageRecord of a MESSAGE just sent (page mode or in a dialog), in the
    // transcript of `callRecordId`; followed until its response.
    void recordSentMessage(quint64 requestId, const QByteArray &callRecordId,
                           const QByteArray &contentType, const QByteArray &body, bool inDialog);
    void onPageMessageResponse(quint64 requestId, const sip::SipResponse &response);
    void append(store::Record record);

    QPointer<CallManager> m_calls;
    QPointer<store::Store> m_store;
    const Clock &m_clock;
    IdGenerator m_ids;
    QHash<const QObject *, Tracked> m_tracked; // by Call or ThirdPartySession
    // Page-mode MESSAGEs we sent, until their final response: the store ids of their call
    // record and message record.
    struct PageOut
    {
        QByteArray callRecordId;
        QByteArray messageRecordId;
        bool inDialog = false; // the call's record has its SIP Call-ID already
    };
    QHash<quint64, PageOut> m_pagesOut;
};

} // namespace herald::service
