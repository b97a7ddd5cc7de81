// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

// Private to herald_sip: the console's ladder of each call's SIP messages (opt-in).
#include "engine/sip/agentprivate.h"

namespace herald::sip {

// Put at the top of AgentPrivate::onEvent: when it goes out of scope, the event's message
// (an incoming request, or a response to our request) and what the stack sent on its own in
// reply (100 Trying, the ACK of a 2xx, the 200 to a BYE) are recorded for the event's call.
// Recording at the end knows the call an INVITE created; placing the records where the event
// began keeps them before whatever the handlers sent in answer (a 180 from the application).
// Costs one branch while recording is off.
class LadderScope
{
public:
    LadderScope(AgentPrivate &agent, nua_event_t event, int status, const sip_t *sip,
                nua_handle_t *nh);
    ~LadderScope();
    LadderScope(const LadderScope &) = delete;
    LadderScope &operator=(const LadderScope &) = delete;

private:
    AgentPrivate &m_agent;
    nua_event_t m_event;
    int m_status;
    const sip_t *m_sip;
    nua_handle_t *m_handle;
    bool m_enabled;
    CallId m_call = 0;
    qsizetype m_mark = 0;
    QByteArray m_raw;
    QDateTime m_time;
};

} // namespace herald::sip
