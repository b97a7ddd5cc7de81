// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sip/sipwiretap.h"

#include "engine/sip/sipheaders.h"

namespace herald::sip {

namespace {

// Which Agent's stack this thread is (set by the Agent's message class while parsing), and
// what the thread sent before that was known. Thread-local because sofia's dump is.
thread_local SipWireTap *t_tap = nullptr;
thread_local QList<WireMessage> t_unclaimed;
// Taps recording now, process-wide: while none is, an unclaimed thread keeps nothing.
std::atomic<int> enabledTaps{0};

// Which tap a stack's own transport address belongs to, for claims by a sent request's Via.
// Process-wide because sofia's dump is; guarded, as stack threads read it.
struct LocalAddress
{
    SipWireTap *tap = nullptr;
    QByteArray host;
    QList<quint16> ports;
};
QMutex addressesMutex;
QList<LocalAddress> addresses;

// The sent-by of the first Via of a request the stack sent (RFC 3261 §20.42).
bool topViaSentBy(const QByteArray &message, QByteArray &host, quint16 &port)
{
    const MessageSections sections = splitMessage(message, 64);
    const QByteArray via = firstHeaderValue(sections.headers, "Via");
    return !via.isEmpty() && viaSentBy(via, host, port);
}

SipWireTap *tapBySentBy(const QByteArray &message)
{
    QByteArray host;
    quint16 port = 0;
    if (!topViaSentBy(message, host, port))
        return nullptr;
    QMutexLocker lock(&addressesMutex);
    for (const LocalAddress &a : std::as_const(addresses)) {
        const bool anyHost = a.host.isEmpty() || a.host == "0.0.0.0" || a.host == "::";
        if (a.ports.contains(port) && (anyHost || a.host == host))
            return a.tap;
    }
    return nullptr;
}

} // namespace

SipWireTap::SipWireTap(Notify notify)
    : m_notify(std::move(notify))
{}

SipWireTap::~SipWireTap()
{
    setEnabled(false);
    setLocalAddress({}, {});
}

void SipWireTap::setLocalAddress(const QByteArray &host, const QList<quint16> &ports)
{
    QMutexLocker lock(&addressesMutex);
    addresses.removeIf([this](const LocalAddress &a) { return a.tap == this; });
    QList<quint16> bound = ports;
    bound.removeAll(0);
    if (!bound.isEmpty())
        addresses.append(LocalAddress{this, host, bound});
}

void SipWireTap::setEnabled(bool on)
{
    if (m_enabled.exchange(on) == on)
        return;
    enabledTaps.fetch_add(on ? 1 : -1);
    if (!on) {
        QMutexLocker lock(&m_mutex);
        m_inbox.clear();
    }
}

void SipWireTap::claimCurrentThread()
{
    if (t_tap == this)
        return;
    t_tap = this;
    // What this stack sent before its first received message belongs to this Agent.
    const QList<WireMessage> early = std::exchange(t_unclaimed, {});
    if (isEnabled()) {
        for (const WireMessage &m : early)
            push(m);
    }
}

void SipWireTap::dispatch(bool sent, QByteArray transport, QByteArray peer, QByteArray text)
{
    SipWireTap *tap = t_tap;
    if (tap ? !tap->isEnabled() : enabledTaps.load(std::memory_order_relaxed) == 0)
        return;
    WireMessage message{QDateTime::currentDateTime(), sent, std::move(transport), std::move(peer),
                        std::move(text)};
    if (tap) {
        tap->push(std::move(message));
        return;
    }
    if (t_unclaimed.size() >= maxUnclaimed)
        t_unclaimed.removeFirst();
    const bool sentRequest = message.sent && !message.text.startsWith("SIP/2.0 ");
    const QByteArray sentText = sentRequest ? message.text : QByteArray();
    t_unclaimed.append(std::move(message));
    // Nothing received yet: a request we sent names our own transport in its Via.
    if (sentRequest) {
        if (SipWireTap *owner = tapBySentBy(sentText))
            owner->claimCurrentThread();
    }
}

void SipWireTap::push(WireMessage message)
{
    bool wasEmpty = false;
    {
        QMutexLocker lock(&m_mutex);
        if (m_inbox.size() >= maxInbox) {
            m_inbox.removeFirst();
            ++m_dropped;
        }
        wasEmpty = m_inbox.isEmpty();
        m_inbox.append(std::move(message));
    }
    if (wasEmpty && m_notify)
        m_notify();
}

QList<WireMessage> SipWireTap::take()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_inbox, {});
}

quint64 SipWireTap::dropped() const
{
    QMutexLocker lock(&m_mutex);
    return m_dropped;
}

} // namespace herald::sip
