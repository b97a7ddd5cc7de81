// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace herald::sdp {

// Bounds on remote input (PLATFORM.md §10: sofia-sip's parser allocates without bound on a
// bad m-line; this one stops at these limits and says which line broke which rule).
struct ParseLimits
{
    qsizetype maxBytes = 64 * 1024;
    int maxLines = 512;
    qsizetype maxLineLength = 4096;
    qsizetype maxAttributeValueLength = 2048;
    int maxMediaSections = 32;
    int maxFormatsPerMedia = 64;
};

// o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address> (RFC 8866 §5.2)
struct Origin
{
    QByteArray username = QByteArrayLiteral("-");
    quint64 sessionId = 0;
    quint64 sessionVersion = 0;
    QByteArray netType = QByteArrayLiteral("IN");
    QByteArray addrType = QByteArrayLiteral("IP4");
    QByteArray address;

    friend bool operator==(const Origin &, const Origin &) = default;
};

// c=<nettype> <addrtype> <connection-address> (RFC 8866 §5.7). The address is kept as
// written, including a multicast "/ttl/count" suffix; RFC 4975 §8.1 allows an FQDN here.
struct Connection
{
    QByteArray netType = QByteArrayLiteral("IN");
    QByteArray addrType = QByteArrayLiteral("IP4");
    QByteArray address;

    // "IN IP4 <address>", or "IN IP6 <address>" when the address holds a ':'.
    static Connection forAddress(const QByteArray &address);

    friend bool operator==(const Connection &, const Connection &) = default;
};

// b=<bwtype>:<bandwidth> (RFC 8866 §5.8)
struct Bandwidth
{
    QByteArray type;
    quint64 value = 0;

    friend bool operator==(const Bandwidth &, const Bandwidth &) = default;
};

// A time description: t= with its r= lines and the z= line that follows them (RFC 8866 §5.9-
// 5.11; RFC 4566 allowed z= only after the last t=, which is the same position in the text).
// r= and z= are kept as written: Herald never schedules sessions.
struct Timing
{
    quint64 start = 0;
    quint64 stop = 0;
    QList<QByteArray> repeats;
    std::optional<QByteArray> zoneAdjustments;

    friend bool operator==(const Timing &, const Timing &) = default;
};

// a=<name> or a=<name>:<value> (RFC 8866 §5.13); the value is kept byte for byte.
struct Attribute
{
    QByteArray name;
    std::optional<QByteArray> value;

    friend bool operator==(const Attribute &, const Attribute &) = default;
};

// Attribute lookup is case-insensitive on the name; the first match wins.
const Attribute *findAttribute(const QList<Attribute> &attributes, QByteArrayView name);
qsizetype countAttributes(const QList<Attribute> &attributes, QByteArrayView name);

// m=<media> <port>[/<number of ports>] <proto> <fmt> ... and the lines that belong to it.
struct MediaDescription
{
    QByteArray media;
    quint16 port = 0;
    std::optional<quint16> portCount;
    QByteArray protocol;
    QList<QByteArray> formats;
    std::optional<QByteArray> information;
    QList<Connection> connections; // several only for layered multicast (RFC 8866 §5.7)
    QList<Bandwidth> bandwidths;
    std::optional<QByteArray> key;
    QList<Attribute> attributes;

    const Attribute *attribute(QByteArrayView name) const
    {
        return findAttribute(attributes, name);
    }

    friend bool operator==(const MediaDescription &, const MediaDescription &) = default;
};

// A whole session description (RFC 8866), in the order the RFC prescribes. v= is always 0.
//
// Parsing is strict: the line order of RFC 8866 §5, single spaces between fields, every number
// range-checked, m-line formats tokens only, valid UTF-8 with no control characters, unknown
// line types refused (RFC 8866 §5: "MUST completely ignore any session description that
// contains a type letter that it does not understand"). Lines may end in CRLF or LF; blank
// lines are accepted only at the very end (SIP bodies often carry an extra CRLF).
//
// Tolerated on purpose, because the RFC examples Herald must read print them this way:
//  - no t= line at all (RFC 7701 §9.1 prints its offers without one): timings stays empty;
//  - an empty s= (RFC 5547 prints "s=" where RFC 8866 asks for "s= " or "s=-").
//
// Writing is deterministic and byte-exact: CRLF line ends, the same order, numbers in their
// canonical decimal form; parse(write(x)) == x for every x that parse() can return.
struct SessionDescription
{
    Origin origin;
    QByteArray sessionName = QByteArrayLiteral("-");
    std::optional<QByteArray> information;
    std::optional<QByteArray> uri;
    QList<QByteArray> emails;
    QList<QByteArray> phones;
    std::optional<Connection> connection;
    QList<Bandwidth> bandwidths;
    QList<Timing> timings;
    std::optional<QByteArray> key;
    QList<Attribute> attributes;
    QList<MediaDescription> media;

    static Result<SessionDescription> parse(QByteArrayView text, const ParseLimits &limits = {});

    // The text, CRLF-terminated. Deterministic; does not validate (see toCheckedBytes()).
    QByteArray toBytes() const;

    // toBytes(), re-parsed to prove that the result is a session description this parser
    // accepts and that it reads back as *this: a value built by hand with a CRLF in a field,
    // a bad token or a non-canonical layout is refused (ErrorCode::InvalidArgument) instead
    // of reaching the wire.
    Result<QByteArray> toCheckedBytes(const ParseLimits &limits = {}) const;

    const Attribute *attribute(QByteArrayView name) const
    {
        return findAttribute(attributes, name);
    }

    // The c= that applies to a media section: its own first one, else the session's.
    std::optional<Connection> connectionFor(const MediaDescription &m) const;

    friend bool operator==(const SessionDescription &, const SessionDescription &) = default;
};

} // namespace herald::sdp
