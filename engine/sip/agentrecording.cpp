// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The console's SIP ladder (DESIGN.md §1, Lab view): what each call's dialog carried, taken
// from nua's events (received messages) and from the Agent's own calls into nua (sent ones).
#include "engine/sip/agentrecording.h"

#include <sofia-sip/msg.h>
#include <sofia-sip/sip_header.h>

namespace herald::sip {

namespace {

// The event's message as text, as sofia re-encodes what it parsed.
QByteArray currentMessage(nua_t *nua)
{
    msg_t *msg = nua ? nua_current_request(nua) : nullptr;
    if (!msg)
        return {};
    SofiaHome home;
    size_t length = 0;
    const char *text = msg_as_string(home.get(), msg, nullptr, 0, &length);
    return text ? QByteArray(text, qsizetype(length)) : QByteArray();
}

QByteArray firstLine(const QByteArray &message)
{
    const qsizetype end = message.indexOf("\r\n");
    return end < 0 ? message : message.first(end);
}

SipMessageRecord stackSent(CallId call, QByteArray startLine, QByteArray method, int status)
{
    SipMessageRecord r;
    r.call = call;
    r.time = QDateTime::currentDateTime();
    r.sent = true;
    r.request = status == 0;
    r.method = std::move(method);
    r.status = status;
    r.raw = startLine;
    r.startLine = std::move(startLine);
    r.byStack = true;
    return r;
}

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

LadderScope::LadderScope(AgentPrivate &agent, nua_event_t event, int status, const sip_t *sip,
                         nua_handle_t *nh)
    : m_agent(agent)
    , m_event(event)
    , m_status(status)
    , m_sip(sip)
    , m_handle(nh)
    , m_enabled(agent.recorder.isEnabled())
{
    if (!m_enabled)
        return;
    m_call = agent.callByHandle.value(nh);
    if (m_call)
        agent.recorder.remember(nh, m_call);
    else
        m_call = agent.recorder.recall(nh);
    m_mark = agent.recorder.pendingCount();
    // Now: a handler that saves the event (nua_save_event) takes the current message away.
    m_raw = currentMessage(agent.m_nua);
    m_time = QDateTime::currentDateTime();
}

LadderScope::~LadderScope()
{
    if (!m_enabled || !m_sip)
        return;
    const CallId call = m_call ? m_call : m_agent.callByHandle.value(m_handle);
    if (!call)
        return; // out of any dialog (MESSAGE, OPTIONS): not a ladder's business
    m_agent.recorder.remember(m_handle, call);
    // nua counts ACK among no incoming requests (it needs no answer); it is one on the wire.
    const bool incomingRequest =
        (nua_event_is_incoming_request(m_event) || m_event == nua_i_ack) && m_sip->sip_request;
    const bool response = isResponseEvent(m_event) && m_sip->sip_status;
    if (!incomingRequest && !response)
        return;

    QList<SipMessageRecord> records;
    SipMessageRecord r;
    r.call = call;
    r.time = m_time;
    r.raw = m_raw;
    r.rawIsComplete = !r.raw.isEmpty();
    if (incomingRequest) {
        r.request = true;
        r.method = QByteArray(m_sip->sip_request->rq_method_name);
    } else {
        r.status = m_sip->sip_status->st_status;
        if (m_sip->sip_cseq && m_sip->sip_cseq->cs_method_name)
            r.method = QByteArray(m_sip->sip_cseq->cs_method_name);
    }
    r.startLine = firstLine(r.raw);
    if (r.startLine.isEmpty())
        r.startLine = r.request ? r.method
                                : "SIP/2.0 " + QByteArray::number(r.status) + ' ' +
                                      QByteArray(m_sip->sip_status->st_phrase);
    records.append(r);

    // What sofia answers by itself: 200 to a BYE
    // and to a CANCEL (then 487 to the INVITE), and the ACK of a 2xx (RFC 3261 §13.2.2.4).
    switch (m_event) {
    case nua_i_bye:
        records.append(stackSent(call, "SIP/2.0 200 OK", "BYE", 200));
        break;
    case nua_i_cancel:
        records.append(stackSent(call, "SIP/2.0 200 OK", "CANCEL", 200));
        records.append(stackSent(call, "SIP/2.0 487 Request Terminated", "INVITE", 487));
        break;
    case nua_r_invite:
        if (m_status >= 200 && m_status < 300)
            records.append(stackSent(call, "ACK", "ACK", 0));
        break;
    default:
        break;
    }
    m_agent.recorder.insert(m_mark, std::move(records));
}

void AgentPrivate::recordSent(CallId call, const QByteArray &method, const QByteArray &startLine,
                              const QByteArray &body)
{
    if (!recorder.isEnabled())
        return;
    SipMessageRecord r;
    r.call = call;
    r.time = QDateTime::currentDateTime();
    r.sent = true;
    r.request = !startLine.startsWith("SIP/2.0 ");
    r.method = method;
    if (!r.request)
        r.status = startLine.mid(8, 3).toInt();
    r.startLine = startLine;
    r.raw = body.isEmpty() ? startLine : startLine + "\r\n\r\n" + body;
    recorder.record(std::move(r));
}

} // namespace herald::sip
