// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QObject>

#include <optional>

// The life of a call as the application sees it: the SIP dialog (RFC 3261 §13, §15) and the
// MSRP session it carries (RFC 4975) together. engine/sip tracks the dialog's finer states;
// this machine only says what the console, REST and the MSML executor care about.
namespace herald::service {
Q_NAMESPACE

enum class CallDirection {
    Inbound,  // the peer sent the INVITE
    Outbound, // Herald sent the INVITE
};
Q_ENUM_NS(CallDirection)

enum class CallState {
    Offered,   // inbound: INVITE received with an acceptable offer, not answered yet
    Ringing,   // inbound: 180 sent (manual answer); outbound: 180/183 received
    Calling,   // outbound: INVITE sent, no answer yet
    Answering, // inbound: 200 sent, waiting for the ACK (RFC 3261 §13.3.1.4)
    Active,    // dialog established: the MSRP session is set up or being set up
    Ending,    // we sent BYE or CANCEL (or rejected), waiting for the dialog to end
    Ended,     // final: the call is over (also a rejected or cancelled call)
    Failed,    // final: the call never became active (error response, bad SDP, no MSRP)
};
Q_ENUM_NS(CallState)

enum class CallEvent {
    RingingSent,     // inbound: 180 sent
    RingingReceived, // outbound: 180/183 received
    AnswerSent,      // inbound: 200 with our SDP answer sent
    AnswerReceived,  // outbound: 2xx received with an acceptable answer (the stack ACKs)
    Established,     // inbound: ACK received
    FailureReceived, // outbound: a final error response to our INVITE
    HangupRequested, // we sent BYE / CANCEL or rejected the INVITE
    DialogEnded,     // the dialog is over: BYE or CANCEL either way, or the stack gave up
    LocalFailure,    // something on our side failed: unacceptable answer, MSRP setup
};
Q_ENUM_NS(CallEvent)

// The state after `event`, or nullopt when the event does not apply to a call of that
// direction in that state (the caller then refuses the action or ignores the event). Pure.
std::optional<CallState> nextCallState(CallDirection direction, CallState state, CallEvent event);

// Offered for an INVITE we received, Calling for one we send.
CallState initialCallState(CallDirection direction);

// Ended or Failed: nothing further happens to the call.
bool isFinal(CallState state);

// Whether the call has no final answer yet (it may be answered/rejected, or cancelled).
bool isUnanswered(CallState state);

} // namespace herald::service
