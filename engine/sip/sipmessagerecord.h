// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/sip/siptypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>

namespace herald::sip {

// One SIP message of a call's dialog, for the console's ladder (Agent::messagesRecorded).
// Plain values; nothing here refers to sofia-sip.
struct SipMessageRecord
{
    CallId call = 0;
    QDateTime time;
    bool sent = false;    // we sent it (else we received it)
    bool request = false; // a request (else a response)
    QByteArray method;    // requests: the method; responses: the method of their CSeq
    int status = 0;       // responses: the status code
    QByteArray startLine; // "INVITE sip:911@example.net SIP/2.0", "SIP/2.0 180 Ringing"
    // Received: the whole message as sofia re-encodes what it parsed (unmodified header
    // fields keep their received form). Sent: the start line and the body Herald handed to
    // the stack; the header fields sofia-sip adds (Via, From, To, CSeq, ...) are not seen by
    // the application (rawIsComplete is false).
    QByteArray raw;
    bool rawIsComplete = false;
    // Sent by the SIP stack on its own (100 Trying, the ACK of a 2xx, the 200 to a BYE).
    bool byStack = false;
};

} // namespace herald::sip

Q_DECLARE_METATYPE(herald::sip::SipMessageRecord)
