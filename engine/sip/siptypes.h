// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/sip/sipheaders.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>

// Values the Agent hands to the application and takes from it. SIP is bytes: every field is
// a QByteArray holding what was on the wire (header values as sofia re-encodes them, bodies
// untouched). Nothing here refers to sofia-sip.
namespace herald::sip {

// A call (INVITE dialog) as Herald names it. Never 0; never reused within one Agent.
using CallId = quint64;
// A request waiting for the application's response (incoming INFO or MESSAGE), or a request
// Herald sent and whose response will be reported (outgoing INFO, MESSAGE, OPTIONS).
using RequestId = quint64;

// An incoming request as received.
struct IncomingRequest
{
    QByteArray method;
    QByteArray requestUri;
    QByteArray from;
    QByteArray to;
    QByteArray callId;
    QByteArray contact;
    QByteArray contentType; // the full Content-Type value with parameters, empty without a body
    QByteArray body;        // raw bytes; a multipart/mixed body is passed as is
    // The transport the request came over, from its top Via: "UDP", "TCP", "TLS".
    QByteArray transport;
    SipHeaders headers; // every header field in order (the start line excluded)

    QByteArray header(QByteArrayView name) const { return firstHeaderValue(headers, name); }
    QList<QByteArray> headerList(QByteArrayView name) const { return headerValues(headers, name); }
};

// An incoming INVITE. The emergency-call headers are pulled out because Herald always reads
// them: P-Asserted-Identity (RFC 3325), Geolocation (RFC 6442), Call-Info (RFC 7852 additional
// data). Each holds every occurrence, raw.
struct IncomingInvite : IncomingRequest
{
    QList<QByteArray> pAssertedIdentity;
    QList<QByteArray> geolocation;
    QList<QByteArray> callInfo;
};

// The final (or, for INVITE, provisional) response to a request Herald sent.
struct SipResponse
{
    int status = 0; // 0 when no response came; sofia reports local failures as 408/503/9xx
    QByteArray reason;
    QByteArray contentType;
    QByteArray body;
    SipHeaders headers;

    QByteArray header(QByteArrayView name) const { return firstHeaderValue(headers, name); }
};

struct RequestOptions
{
    // From header (URI or name-addr); empty = the Agent's identity.
    QByteArray from;
    // Extra header fields (name must be a token, value without CR/LF).
    SipHeaders extraHeaders;
    // Send through AgentConfig::outboundProxy (as a preloaded loose Route) when one is set.
    bool viaOutboundProxy = true;
    // A SIP URI the request is routed to as a preloaded loose Route (RFC 3261 §8.1.2), in
    // place of the outbound proxy. A target that is not a SIP URI needs one (or a proxy): an
    // ESRP sends INVITE urn:service:sos routed to the PSAP (RFC 6881 §8).
    QByteArray route;
};

struct InviteOptions : RequestOptions
{
    QByteArray contentType = QByteArrayLiteral("application/sdp");
};

} // namespace herald::sip

Q_DECLARE_METATYPE(herald::sip::IncomingRequest)
Q_DECLARE_METATYPE(herald::sip::IncomingInvite)
Q_DECLARE_METATYPE(herald::sip::SipResponse)
