// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/session/msrptypes.h"

namespace herald::msrp {

bool isFinal(SessionState state)
{
    return state == SessionState::Closed || state == SessionState::Failed;
}

SessionState nextSessionState(SessionState state, SessionEvent event)
{
    if (isFinal(state))
        return state;
    switch (event) {
    case SessionEvent::Connect:
        return state == SessionState::Idle ? SessionState::Connecting : state;
    case SessionEvent::Wait:
        return state == SessionState::Idle ? SessionState::Waiting : state;
    case SessionEvent::Bound:
        return (state == SessionState::Connecting || state == SessionState::Waiting)
                   ? SessionState::Active
                   : state;
    case SessionEvent::Close:
        return SessionState::Closed;
    case SessionEvent::ConnectionLost:
    case SessionEvent::Refused:
        return SessionState::Failed;
    }
    return state;
}

bool isFinal(DeliveryState state)
{
    return state == DeliveryState::Delivered || state == DeliveryState::Failed ||
           state == DeliveryState::Aborted;
}

DeliveryState nextDeliveryState(DeliveryState state, DeliveryEvent event)
{
    if (isFinal(state))
        return state;
    switch (event) {
    case DeliveryEvent::StartSending:
        return state == DeliveryState::Queued ? DeliveryState::Sending : state;
    case DeliveryEvent::AllAcknowledged:
        return state == DeliveryState::Sending ? DeliveryState::Acknowledged : state;
    case DeliveryEvent::SuccessReport:
        // The end-to-end report may overtake the last hop-by-hop 200.
        return state == DeliveryState::Queued ? state : DeliveryState::Delivered;
    case DeliveryEvent::ErrorResponse:
    case DeliveryEvent::FailureReport:
    case DeliveryEvent::Timeout:
        return DeliveryState::Failed;
    case DeliveryEvent::Abort:
        return state == DeliveryState::Acknowledged ? state : DeliveryState::Aborted;
    case DeliveryEvent::SessionEnded:
        // Acknowledged hop by hop: it left us whole; no end-to-end verdict will come now.
        return state == DeliveryState::Acknowledged ? state : DeliveryState::Failed;
    }
    return state;
}

} // namespace herald::msrp
