// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QObject>

#include <optional>

// The life of one INVITE dialog as Herald sees it, on both sides (RFC 3261 §13, §15, §17).
// The transition function is pure: the Agent feeds it the events sofia reports and the
// actions the application takes, and refuses an action the function does not allow.
namespace herald::sip {
Q_NAMESPACE

enum class CallDirection {
    Outgoing, // Herald sent the INVITE (UAC)
    Incoming, // Herald received the INVITE (UAS)
};
Q_ENUM_NS(CallDirection)

enum class CallState {
    Calling,     // UAC: INVITE sent, nothing heard yet (RFC 3261 §17.1.1.2 "Calling")
    Proceeding,  // UAC: a 1xx arrived. UAS: INVITE received, not answered yet
    Ringing,     // 180 received (UAC) or sent (UAS)
    Early,       // 183 Session Progress received or sent: an early dialog
    Answering,   // UAS: 2xx sent, waiting for the ACK (RFC 3261 §13.3.1.4)
    Established, // 2xx received and ACKed (UAC) or ACK received (UAS)
    Terminating, // CANCEL or BYE sent, waiting for its outcome
    Terminated,  // final: nothing further happens on this call
};
Q_ENUM_NS(CallState)

enum class CallEvent {
    // UAC side
    ProvisionalReceived,     // 100 Trying or another 1xx with no special meaning
    RingingReceived,         // 180 Ringing
    SessionProgressReceived, // 183 Session Progress
    SuccessReceived,         // 2xx (the stack sends the ACK)
    FailureReceived,         // 3xx-6xx, also a locally generated 408 or 503
    CancelSent,
    // UAS side
    RingingSent,
    SessionProgressSent,
    SuccessSent,
    FailureSent,
    AckReceived,
    CancelReceived,
    // Both sides
    ByeSent,
    ByeReceived,
    ByeCompleted,     // the final response to our BYE (any status ends the dialog, §15.1.1)
    DialogTerminated, // the stack gave up on the dialog (timeout, transport error, shutdown)
};
Q_ENUM_NS(CallEvent)

// The state after `event`, or nullopt when the event is not allowed in `state` for a call in
// that direction (an application action is then refused; a network event is logged and ignored).
std::optional<CallState> nextCallState(CallDirection direction, CallState state, CallEvent event);

// The state a call starts in: Calling for an INVITE we send, Proceeding for one we receive.
CallState initialCallState(CallDirection direction);

// Whether the call may still be answered or rejected (UAS) or cancelled (UAC).
bool isUnanswered(CallDirection direction, CallState state);

} // namespace herald::sip
