// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sip/sipmessagerecorder.h"

#include "engine/sip/sipheaders.h"

namespace herald::sip {

namespace {

bool isOneOf(const QByteArray &method, std::initializer_list<const char *> methods)
{
    for (const char *m : methods) {
        if (method == m)
            return true;
    }
    return false;
}

// Requests whose message may come off the wire before nua reports the call they belong to:
// the INVITE that creates it and what follows it (RFC 3261 §13, §9, §15; RFC 3262, 3311).
bool mayPrecedeItsCall(const QByteArray &method)
{
    return isOneOf(method, {"INVITE", "ACK", "CANCEL", "BYE", "PRACK", "UPDATE"});
}

} // namespace

SipMessageRecorder::SipMessageRecorder(Deliver deliver)
    : m_deliver(std::move(deliver))
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setInterval(batchIntervalMs);
    QObject::connect(&m_timer, &QTimer::timeout, [this] { flush(); });
}

void SipMessageRecorder::setEnabled(bool on)
{
    if (on == m_enabled)
        return;
    if (!on) {
        resolve(true);
        flush();
        m_dialogs.clear();
        m_dialogOrder.clear();
    }
    m_enabled = on;
}

void SipMessageRecorder::learnDialog(const QByteArray &callId, CallId call, bool incoming,
                                     const QByteArray &localTag)
{
    if (!m_enabled || callId.isEmpty() || call == 0)
        return;
    auto it = m_dialogs.find(callId);
    if (it == m_dialogs.end()) {
        it = m_dialogs.insert(callId, {});
        m_dialogOrder.append(callId);
        if (m_dialogOrder.size() > dialogLimit)
            m_dialogs.remove(m_dialogOrder.takeFirst());
    }
    bool known = false;
    for (Dialog &d : *it) {
        if (d.call == call) {
            known = true;
            if (d.localTag.isEmpty())
                d.localTag = localTag;
        }
    }
    if (!known)
        it->append(Dialog{call, incoming, localTag});
    if (!m_waiting.empty()) {
        resolve(false);
        schedule();
    }
}

void SipMessageRecorder::addWire(const QList<WireMessage> &messages)
{
    if (!m_enabled)
        return;
    for (const WireMessage &m : messages) {
        const MessageSections sections = splitMessage(m.text, 64);
        if (sections.startLine.isEmpty())
            continue;
        Waiting w;
        SipMessageRecord &r = w.record;
        r.time = m.time;
        r.sent = m.sent;
        r.startLine = sections.startLine;
        r.raw = m.text;
        r.transport = m.transport;
        r.peer = m.peer;
        const QList<QByteArray> cseq = firstHeaderValue(sections.headers, "CSeq").split(' ');
        if (r.startLine.startsWith("SIP/2.0 ")) {
            r.status = r.startLine.mid(8, 3).toInt();
            r.method = cseq.value(cseq.size() - 1).trimmed();
        } else {
            r.request = true;
            r.method = r.startLine.left(r.startLine.indexOf(' '));
        }
        r.byStack = r.sent && (r.status == 100 || (r.request && r.method == "ACK") ||
                               (!r.request && isOneOf(r.method, {"BYE", "CANCEL"})) ||
                               (!r.request && r.method == "INVITE" && r.status == 487));
        w.callId = firstHeaderValue(sections.headers, "Call-ID");
        // We are the requester of what we send as a request and receive as a response.
        w.ourTag =
            fromToTag(firstHeaderValue(sections.headers, r.sent == r.request ? "From" : "To"));
        w.arrivedMs = m_clock.elapsed();
        if (m_waiting.size() >= std::size_t(maxPending)) {
            m_waiting.pop_front();
            ++m_dropped;
        }
        m_waiting.push_back(std::move(w));
    }
    resolve(false);
    schedule();
}

SipMessageRecorder::Dialog *SipMessageRecorder::dialogOf(const Waiting &message)
{
    const auto it = m_dialogs.find(message.callId);
    if (it == m_dialogs.end())
        return nullptr;
    const SipMessageRecord &r = message.record;
    const bool requester = r.sent == r.request;
    Dialog *byRole = nullptr;
    for (Dialog &d : *it) {
        if (message.ourTag.isEmpty()) {
            // No tag of ours: a request before the dialog (no To tag yet) or a response
            // sent before the UAS chose its tag (100 Trying, RFC 3261 §8.2.6.2): the end that
            // received the INVITE.
            if (d.incoming)
                return &d;
            continue;
        }
        if (!d.localTag.isEmpty()) {
            if (d.localTag == message.ourTag)
                return &d;
            continue;
        }
        // Our tag in this dialog not known yet, so early in the INVITE transaction: the
        // calling end is its requester.
        if (!byRole && d.incoming != requester)
            byRole = &d;
    }
    return byRole;
}

void SipMessageRecorder::resolve(bool final)
{
    const qint64 now = m_clock.elapsed();
    while (!m_waiting.empty()) {
        Waiting &w = m_waiting.front();
        if (Dialog *dialog = dialogOf(w)) {
            if (dialog->localTag.isEmpty())
                dialog->localTag = w.ourTag; // what we sent or got in it shows our tag
            w.record.call = dialog->call;
            m_ready.append(std::move(w.record));
        } else if (!final && mayPrecedeItsCall(w.record.method) &&
                   now - w.arrivedMs < resolveGraceMs) {
            return; // its call may yet be reported; what follows waits behind it
        } else {
            ++m_unattributed;
        }
        m_waiting.pop_front();
    }
    if (m_ready.size() > maxPending) {
        m_dropped += quint64(m_ready.size() - maxPending);
        m_ready.remove(0, m_ready.size() - maxPending);
    }
}

void SipMessageRecorder::schedule()
{
    if ((!m_ready.isEmpty() || !m_waiting.empty()) && !m_timer.isActive())
        m_timer.start();
}

void SipMessageRecorder::flush()
{
    m_timer.stop();
    resolve(false);
    if (!m_ready.isEmpty())
        m_deliver(std::exchange(m_ready, {}));
    schedule();
}

} // namespace herald::sip
