// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/callstatemachine.h"

namespace herald::service {

namespace {

std::optional<CallState> inbound(CallState state, CallEvent event)
{
    switch (event) {
    case CallEvent::RingingSent:
        if (state == CallState::Offered)
            return CallState::Ringing;
        return std::nullopt;
    case CallEvent::AnswerSent:
        if (state == CallState::Offered || state == CallState::Ringing)
            return CallState::Answering;
        return std::nullopt;
    case CallEvent::Established:
        if (state == CallState::Answering)
            return CallState::Active;
        return std::nullopt;
    case CallEvent::HangupRequested:
        // Before the answer this is a rejection (a final response, RFC 3261 §13.3.1.3);
        // afterwards a BYE (§15), also before the ACK arrived.
        if (state == CallState::Offered || state == CallState::Ringing ||
            state == CallState::Answering || state == CallState::Active)
            return CallState::Ending;
        return std::nullopt;
    case CallEvent::RingingReceived:
    case CallEvent::AnswerReceived:
    case CallEvent::FailureReceived:
        return std::nullopt;
    case CallEvent::DialogEnded:
    case CallEvent::LocalFailure:
        break;
    }
    return std::nullopt;
}

std::optional<CallState> outbound(CallState state, CallEvent event)
{
    switch (event) {
    case CallEvent::RingingReceived:
        if (state == CallState::Calling || state == CallState::Ringing)
            return CallState::Ringing;
        return std::nullopt;
    case CallEvent::AnswerReceived:
        // The stack has sent the ACK (RFC 3261 §13.2.2.4): the dialog is established.
        if (state == CallState::Calling || state == CallState::Ringing)
            return CallState::Active;
        return std::nullopt;
    case CallEvent::FailureReceived:
        if (state == CallState::Calling || state == CallState::Ringing)
            return CallState::Failed;
        // The 487 that answers our CANCEL (RFC 3261 §9.2) ends a call we were ending anyway.
        if (state == CallState::Ending)
            return CallState::Ended;
        return std::nullopt;
    case CallEvent::HangupRequested:
        // CANCEL before a final response (RFC 3261 §9.1), BYE after.
        if (state == CallState::Calling || state == CallState::Ringing ||
            state == CallState::Active)
            return CallState::Ending;
        return std::nullopt;
    case CallEvent::RingingSent:
    case CallEvent::AnswerSent:
    case CallEvent::Established:
        return std::nullopt;
    case CallEvent::DialogEnded:
    case CallEvent::LocalFailure:
        break;
    }
    return std::nullopt;
}

} // namespace

std::optional<CallState> nextCallState(CallDirection direction, CallState state, CallEvent event)
{
    if (isFinal(state))
        return std::nullopt;
    switch (event) {
    case CallEvent::DialogEnded:
        // A call that never got going and is torn down by the peer (CANCEL, or a failure the
        // stack reports) is over all the same: Ended, not Failed; failures are their own event.
        return CallState::Ended;
    case CallEvent::LocalFailure:
        // Once we are ending, the outcome is the end we asked for.
        return state == CallState::Ending ? CallState::Ended : CallState::Failed;
    default:
        break;
    }
    return direction == CallDirection::Inbound ? inbound(state, event) : outbound(state, event);
}

CallState initialCallState(CallDirection direction)
{
    return direction == CallDirection::Inbound ? CallState::Offered : CallState::Calling;
}

bool isFinal(CallState state)
{
    return state == CallState::Ended || state == CallState::Failed;
}

bool isUnanswered(CallState state)
{
    return state == CallState::Offered || state == CallState::Ringing ||
           state == CallState::Calling;
}

} // namespace herald::service
