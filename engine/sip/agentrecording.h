// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

// Private to herald_sip: the console's ladder of each call's SIP messages (opt-in).
#include "engine/sip/agentprivate.h"

namespace herald::sip {

// Put at the top of AgentPrivate::onEvent: when it goes out of scope, it tells the recorder
// the Call-ID of the event's call and, when the event shows it, our tag in that dialog, so
// that the messages off the wire (SipWireTap) find their call. At the end, because an INVITE
// creates its call while it is handled. Costs one branch while recording is off.
class LadderScope
{
public:
    LadderScope(AgentPrivate &agent, nua_event_t event, const sip_t *sip, nua_handle_t *nh);
    ~LadderScope();
    LadderScope(const LadderScope &) = delete;
    LadderScope &operator=(const LadderScope &) = delete;

private:
    AgentPrivate &m_agent;
    nua_event_t m_event;
    const sip_t *m_sip;
    nua_handle_t *m_handle;
    bool m_enabled;
    CallId m_call = 0;
};

} // namespace herald::sip
