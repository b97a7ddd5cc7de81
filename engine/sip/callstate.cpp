// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sip/callstate.h"

namespace herald::sip {

namespace {

using E = CallEvent;
using S = CallState;

// RFC 3261 §13.2.2.1-4: provisional responses move a UAC forward but never back (a 100 after
// a 180 leaves the call ringing; anything after a 183 stays early). A 2xx establishes, a
// final error ends the call; §9.1: after our CANCEL the INVITE still ends with its own
// final response (487, or a 2xx that raced the CANCEL, which the stack ACKs and BYEs).
std::optional<S> outgoing(S state, E event)
{
    switch (state) {
    case S::Calling:
    case S::Proceeding:
    case S::Ringing:
    case S::Early:
        switch (event) {
        case E::ProvisionalReceived:
            return state == S::Calling ? S::Proceeding : state;
        case E::RingingReceived:
            return state == S::Early ? S::Early : S::Ringing;
        case E::SessionProgressReceived:
            return S::Early;
        case E::SuccessReceived:
            return S::Established;
        case E::FailureReceived:
        case E::DialogTerminated:
            return S::Terminated;
        case E::CancelSent:
            return S::Terminating;
        case E::ByeSent:
            // §15: "the caller's UA MAY send a BYE for either confirmed or early dialogs".
            return state == S::Early ? std::optional<S>(S::Terminating) : std::nullopt;
        default:
            return std::nullopt;
        }
    case S::Established:
        switch (event) {
        case E::SuccessReceived: // a retransmitted 2xx, ACKed again by the stack (§13.2.2.4)
            return S::Established;
        case E::ByeSent:
            return S::Terminating;
        case E::ByeReceived:
        case E::DialogTerminated:
            return S::Terminated;
        default:
            return std::nullopt;
        }
    case S::Terminating:
        switch (event) {
        case E::ProvisionalReceived:
        case E::RingingReceived:
        case E::SessionProgressReceived:
        case E::SuccessReceived:
            return S::Terminating;
        case E::FailureReceived:
        case E::ByeCompleted:
        case E::ByeReceived:
        case E::DialogTerminated:
            return S::Terminated;
        default:
            return std::nullopt;
        }
    default:
        return std::nullopt;
    }
}

// RFC 3261 §13.3.1: a UAS may send provisional responses, then exactly one final response.
// §9.2: a CANCEL ends an unanswered INVITE (the stack answers it 487) and has no effect once
// a 2xx was sent. §13.3.1.4: after a 2xx the UAS waits for the ACK; a BYE may still arrive.
std::optional<S> incoming(S state, E event)
{
    switch (state) {
    case S::Proceeding:
    case S::Ringing:
    case S::Early:
        switch (event) {
        case E::RingingSent:
            return state == S::Early ? S::Early : S::Ringing;
        case E::SessionProgressSent:
            return S::Early;
        case E::SuccessSent:
            return S::Answering;
        case E::FailureSent:
        case E::CancelReceived:
        case E::DialogTerminated:
            return S::Terminated;
        case E::ByeReceived:
            // §15: the caller may end an early dialog with a BYE.
            return state == S::Early ? std::optional<S>(S::Terminated) : std::nullopt;
        default:
            return std::nullopt;
        }
    case S::Answering:
        switch (event) {
        case E::AckReceived:
            return S::Established;
        case E::CancelReceived: // too late: the 2xx stands (§9.2)
            return S::Answering;
        case E::ByeSent:
            return S::Terminating;
        case E::ByeReceived:
        case E::DialogTerminated:
            return S::Terminated;
        default:
            return std::nullopt;
        }
    case S::Established:
        switch (event) {
        case E::AckReceived: // a retransmitted ACK
            return S::Established;
        case E::ByeSent:
            return S::Terminating;
        case E::ByeReceived:
        case E::DialogTerminated:
            return S::Terminated;
        default:
            return std::nullopt;
        }
    case S::Terminating:
        switch (event) {
        case E::AckReceived:
            return S::Terminating;
        case E::ByeCompleted:
        case E::ByeReceived:
        case E::DialogTerminated:
            return S::Terminated;
        default:
            return std::nullopt;
        }
    default:
        return std::nullopt;
    }
}

} // namespace

std::optional<CallState> nextCallState(CallDirection direction, CallState state, CallEvent event)
{
    return direction == CallDirection::Outgoing ? outgoing(state, event) : incoming(state, event);
}

CallState initialCallState(CallDirection direction)
{
    return direction == CallDirection::Outgoing ? CallState::Calling : CallState::Proceeding;
}

bool isUnanswered(CallDirection direction, CallState state)
{
    const CallEvent probe =
        direction == CallDirection::Outgoing ? CallEvent::CancelSent : CallEvent::SuccessSent;
    return nextCallState(direction, state, probe).has_value();
}

} // namespace herald::sip
