// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMetaType>

// Small, pure helpers over SIP text (no sofia, no sockets): splitting a message's header
// section, matching header names with their compact forms, and reading the few parameters
// the Agent needs (transport, digest realm). Inputs are bytes from the network or from the
// application; nothing here allocates more than its input.
namespace herald::sip {

struct SipHeader
{
    QByteArray name;  // as written on the wire (may be a compact form such as "f")
    QByteArray value; // unfolded, surrounding whitespace trimmed
    friend bool operator==(const SipHeader &, const SipHeader &) = default;
};
using SipHeaders = QList<SipHeader>;

struct MessageSections
{
    QByteArray startLine;
    SipHeaders headers;
    // Offset of the body (just after the empty line), or -1 when the header section has no end.
    qsizetype bodyOffset = -1;
};

// RFC 3261 §7: start line, header fields up to the first empty line, then the body. Folded
// lines are joined with one SP (§7.3.1); a line without a colon is skipped; LF-only line ends
// are tolerated. Stops at `maxHeaders` fields.
MessageSections splitMessage(QByteArrayView message, qsizetype maxHeaders = 256);

// The full name of a compact form (RFC 3261 §7.3.3 and later RFCs): "i" -> "Call-ID".
// Any other name is returned unchanged.
QByteArray canonicalHeaderName(QByteArrayView name);
// Case-insensitive name comparison that treats a compact form as its full name.
bool headerNameMatches(QByteArrayView a, QByteArrayView b);
// Every value of a header in order of appearance.
QList<QByteArray> headerValues(const SipHeaders &headers, QByteArrayView name);
QByteArray firstHeaderValue(const SipHeaders &headers, QByteArrayView name);

// The transport a SIP URI asks for with ";transport=" (lower case), or empty. Accepts a bare
// URI or a name-addr ("<sip:a@b;transport=tcp>"); user-part parameters are not URI parameters.
QByteArray uriTransport(QByteArrayView uri);
// The transport of a Via value ("SIP/2.0/TCP host;branch=..." -> "TCP"), upper case.
QByteArray viaTransport(QByteArrayView via);
// The sent-by of a Via value (RFC 3261 §20.42): "SIP/2.0/UDP [::1]:5070;branch=x" -> host
// "::1", port 5070; without a port, 5060 (5061 for TLS). False when there is none to read.
bool viaSentBy(QByteArrayView via, QByteArray &host, quint16 &port);
// The tag parameter of a From or To value (RFC 3261 §19.3): after the name-addr's '>', or
// among the header parameters of a bare URI (§20.10: there, ';' starts header parameters).
// Empty when there is none.
QByteArray fromToTag(QByteArrayView value);

// The value of an auth-param of a challenge or credentials header (RFC 3261 §25.1 / RFC 2617),
// unquoted: authParam("Digest realm=\"a b\", nonce=x", "realm") == "a b". Empty when absent.
QByteArray authParam(QByteArrayView header, QByteArrayView name);
// sofia's NUTAG_AUTH() credential string `Digest:"realm":user:password`, or empty when a field
// cannot be expressed in it (a ':' in the user or the password, a '"' in the realm, CR/LF/NUL).
QByteArray digestCredentials(QByteArrayView realm, QByteArrayView user, QByteArrayView password);

// RFC 3261 §25.1 token.
bool isToken(QByteArrayView text);
// A value the application asks us to put in a header or reason phrase: no CR, LF or NUL, so
// it cannot start another header (header injection).
bool isSafeHeaderValue(QByteArrayView text);
// A proxy URI as a loose Route (RFC 3261 §8.1.2 preloaded route, §16.12.1.1 ";lr"):
// "sip:proxy.example" -> "<sip:proxy.example;lr>".
QByteArray looseRoute(QByteArrayView proxyUri);
// A URI as a name-addr for To/From: "sip:a@b;transport=tcp" -> "<sip:a@b;transport=tcp>", so
// URI parameters stay on the URI (PLATFORM.md §2). A value that already has '<' is unchanged.
QByteArray nameAddr(QByteArrayView uriOrNameAddr);

} // namespace herald::sip

Q_DECLARE_METATYPE(herald::sip::SipHeader)
