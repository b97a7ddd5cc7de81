// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The console's SIP ladder (DESIGN.md §1, Lab view): what each call's dialog carried on the
// wire. sofia's transport dump gives the messages (SipWireTap, sipwiretap.h); nua's events
// tell which call a Call-ID belongs to (LadderScope); SipMessageRecorder joins the two.
#include "engine/sip/agentrecording.h"

#include <sofia-sip/sip_header.h>

namespace herald::sip {

namespace {

bool isResponseEvent(nua_event_t event)
{
    switch (event) {
    case nua_r_invite:
    case nua_r_bye:
    case nua_r_cancel:
    case nua_r_info:
    case nua_r_message:
    case nua_r_options:
        return true;
    default:
        return false;
    }
}

} // namespace

LadderScope::LadderScope(AgentPrivate &agent, nua_event_t event, const sip_t *sip, nua_handle_t *nh)
    : m_agent(agent)
    , m_event(event)
    , m_sip(sip)
    , m_handle(nh)
    , m_enabled(agent.recorder.isEnabled())
{
    if (m_enabled)
        m_call = agent.callByHandle.value(nh); // the event may end the call
}

LadderScope::~LadderScope()
{
    if (!m_enabled || !m_sip || !m_sip->sip_call_id || !m_sip->sip_call_id->i_id)
        return;
    const CallId call = m_call ? m_call : m_agent.callByHandle.value(m_handle);
    if (!call)
        return; // out of any dialog (MESSAGE, OPTIONS): not a ladder's business
    const auto it = m_agent.calls.find(call);
    if (it == m_agent.calls.end())
        return; // released while handled: its Call-ID, if any, was learned before
    // Our tag: the To tag of a request we receive, the From tag of a response to our request
    // (other events, nua_i_state, say nothing of it).
    const bool incomingRequest =
        (nua_event_is_incoming_request(m_event) || m_event == nua_i_ack) && m_sip->sip_request;
    const bool response = isResponseEvent(m_event) && m_sip->sip_status;
    const sip_addr_t *ours =
        incomingRequest ? m_sip->sip_to : (response ? m_sip->sip_from : nullptr);
    m_agent.recorder.learnDialog(QByteArray(m_sip->sip_call_id->i_id), call,
                                 it->second->direction == CallDirection::Incoming,
                                 ours && ours->a_tag ? QByteArray(ours->a_tag) : QByteArray());
}

void AgentPrivate::setMessageRecording(bool on)
{
    if (on == recorder.isEnabled())
        return;
    recorder.setEnabled(on);
    wireTap.setEnabled(on);
    // The dump that feeds the tap is the wire trace's: on while either wants it.
    applyWireTrace();
}

void AgentPrivate::onWireMessages()
{
    recorder.addWire(wireTap.take());
}

} // namespace herald::sip
