// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMutex>

#include <atomic>
#include <functional>

namespace herald::sip {

// One SIP message as it crossed the wire, taken from sofia's transport dump (tport_log_msg).
struct WireMessage
{
    QDateTime time;
    bool sent = false;    // "send ... to" (else "recv ... from")
    QByteArray transport; // "udp", "tcp", "tls"
    QByteArray peer;      // "127.0.0.1:5062"
    QByteArray text;      // the message, LF line ends
};

// Hands the wire messages of one Agent's SIP stack to that Agent, for the ladder (opt-in).
//
// sofia's message dump is process-wide: every transport of every nua writes it with su_log()
// into the one su_log_default, and its stamp names only the protocol and the peer address
// (tport_stamp(): msg_addr() of the message), not the local transport. What does tell the
// Agents apart is the thread: each Agent's nua runs its stack in a thread of its own
// (su_root_threading(1), agentprivate.cpp), and tport writes the dump in that thread, while it
// sends (tport_send_msg) or delivers (tport_deliver) the message. The Agent's message class
// (ServiceUrnMessageClass) parses every message the stack receives, in that thread, before
// the dump is written: its parse hook claims the thread for the Agent (claimCurrentThread).
// A stack that sends before it has received anything (an INVITE to a peer that never
// answers) is claimed by its first request instead: the top Via's sent-by is the transport
// address the stack put there, its own (RFC 3261 §18.1.1), which the Agent registers
// (setLocalAddress). Until either happens, the thread's messages wait there, bounded. So
// attribution is exact, and two Agents in one process never see each other's messages.
//
// Thread-safe: dispatch() and claimCurrentThread() run in stack threads; setEnabled() and
// take() in the Agent's thread.
class SipWireTap
{
public:
    // Called (in a stack thread) when messages start to wait in an empty inbox.
    using Notify = std::function<void()>;
    static constexpr int maxInbox = 2000;
    static constexpr int maxUnclaimed = 64;

    explicit SipWireTap(Notify notify);
    ~SipWireTap();
    SipWireTap(const SipWireTap &) = delete;
    SipWireTap &operator=(const SipWireTap &) = delete;

    void setEnabled(bool on);
    bool isEnabled() const { return m_enabled.load(std::memory_order_relaxed); }

    // The current thread is this tap's Agent's stack thread.
    void claimCurrentThread();
    // The address the Agent's transports are bound to (host as configured, "0.0.0.0" or "::"
    // for any), and their ports; no ports: none (stopped).
    void setLocalAddress(const QByteArray &host, const QList<quint16> &ports);
    // From sofia's logger, in whatever thread it wrote the dump: to the tap of the thread.
    // Costs a thread-local read and an atomic load while no Agent records.
    static void dispatch(bool sent, QByteArray transport, QByteArray peer, QByteArray text);

    // What waits, oldest first; messages dropped because the inbox was full.
    QList<WireMessage> take();
    quint64 dropped() const;

private:
    void push(WireMessage message);

    Notify m_notify;
    std::atomic<bool> m_enabled{false};
    mutable QMutex m_mutex;
    QList<WireMessage> m_inbox;
    quint64 m_dropped = 0;
};

} // namespace herald::sip
