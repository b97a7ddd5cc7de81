// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/sip/sipmessagerecord.h"
#include "engine/sip/sipwiretap.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>

namespace herald::sip {

// Turns the wire messages of one Agent (SipWireTap) into the ladders of its calls, while
// recording is on (opt-in: off, nothing is kept), and hands them over in batches, one
// delivery per batchIntervalMs, so that a busy agent costs its listeners one signal per round
// rather than one per message.
//
// A message belongs to the call whose dialog has its Call-ID and our tag (RFC 3261 §12): the
// From tag of what we send as requests and receive as responses, else the To tag; before our
// tag is known, the INVITE transaction's roles tell the calling end from the called one. So
// when the Agent holds both ends of a dialog (a call to itself), each end gets its own. The Agent
// tells the Call-IDs as it learns them (learnDialog); a message of the INVITE family may come
// off the wire before nua reports its call, so such a message waits for up to resolveGraceMs,
// and later ones wait behind it to keep the order. Other messages with an unknown Call-ID
// belong to no dialog (out-of-dialog MESSAGE, OPTIONS) and are not recorded.
//
// Bounded: at most maxPending messages wait (the oldest are dropped and counted), and the
// Call-IDs of the last dialogLimit dialogs are kept.
class SipMessageRecorder
{
public:
    static constexpr int batchIntervalMs = 100;
    static constexpr int maxPending = 2000;
    static constexpr int resolveGraceMs = 2000;
    static constexpr int dialogLimit = 256;
    using Deliver = std::function<void(const QList<SipMessageRecord> &)>;

    explicit SipMessageRecorder(Deliver deliver);

    void setEnabled(bool on);
    bool isEnabled() const { return m_enabled; }
    // The call's dialog has this Call-ID; `localTag`, when known, is our tag in it.
    void learnDialog(const QByteArray &callId, CallId call, bool incoming,
                     const QByteArray &localTag = {});
    // Messages off the wire, oldest first.
    void addWire(const QList<WireMessage> &messages);
    // Delivers what is ready now (also done by the timer).
    void flush();
    quint64 dropped() const { return m_dropped; }
    // Messages that belonged to no known dialog.
    quint64 unattributed() const { return m_unattributed; }

private:
    struct Dialog
    {
        CallId call = 0;
        bool incoming = false;
        QByteArray localTag;
    };
    struct Waiting
    {
        SipMessageRecord record;
        QByteArray callId;
        QByteArray ourTag; // From tag when we are the requester, else the To tag
        qint64 arrivedMs = 0;
    };

    void resolve(bool final);
    // The dialog of ours the message belongs to; null while unknown.
    Dialog *dialogOf(const Waiting &message);
    void schedule();

    Deliver m_deliver;
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::deque<Waiting> m_waiting;
    QList<SipMessageRecord> m_ready;
    QHash<QByteArray, QList<Dialog>> m_dialogs;
    QList<QByteArray> m_dialogOrder;
    quint64 m_dropped = 0;
    quint64 m_unattributed = 0;
    bool m_enabled = false;
};

} // namespace herald::sip
