// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/sip/siptypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>

namespace herald::sip {

// One SIP message of a call's dialog, for the console's ladder (Agent::messagesRecorded),
// as it crossed the wire (sofia's transport dump): sent messages with every header field the
// stack added (Via with its branch, Contact, Content-Length, ...), and the messages the stack
// sends and receives on its own (100 Trying, the ACK of a 2xx, retransmissions).
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
    QByteArray raw;       // the whole message as on the wire, with LF line ends
    QByteArray transport; // "udp", "tcp", "tls"
    QByteArray peer;      // the other end: "127.0.0.1:5062"
    // Sent by the SIP stack on its own, not on the application's word (100 Trying, ACK, the
    // answers to BYE and CANCEL, the 487 to a cancelled INVITE).
    bool byStack = false;
};

} // namespace herald::sip

Q_DECLARE_METATYPE(herald::sip::SipMessageRecord)
