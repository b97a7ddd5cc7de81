// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/decoded.h"
#include "engine/core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace herald::im {

// A CPIM address (RFC 3862 §3.3: [Formal-name] <URI>). In a chat the formal name carries the
// sender's nickname (RFC 7701 §7: the name a participant is shown by; NENA i3 requires CPIM
// with nicknames for text to a PSAP).
struct CpimAddress
{
    QString displayName; // the nickname; empty when none
    QByteArray uri;

    friend bool operator==(const CpimAddress &, const CpimAddress &) = default;
};

// A header of another namespace (RFC 3862 §3.5: "prefix.Name: value"), e.g. the IMDN headers
// "imdn.Message-ID" (RFC 5438 §6.2).
struct CpimHeader
{
    QByteArray name; // as sent, prefix included
    QByteArray value;

    friend bool operator==(const CpimHeader &, const CpimHeader &) = default;
};

// A Message/CPIM message (RFC 3862 §3): message headers, then the encapsulated MIME entity.
struct CpimMessage
{
    CpimAddress from;
    QList<CpimAddress> to;
    QList<CpimAddress> cc;
    QDateTime dateTime;                                  // invalid when absent
    QList<std::pair<QByteArray, QString>> subjects;      // (lang, text)
    QList<std::pair<QByteArray, QByteArray>> namespaces; // NS: (prefix, URI)
    QList<QByteArray> require;
    QList<CpimHeader> extensionHeaders;
    // The encapsulated MIME headers (Content-Type first when serialized) and content.
    QByteArray contentType;
    QList<std::pair<QByteArray, QByteArray>> contentHeaders; // other MIME headers (Content-ID, ...)
    QByteArray body;

    // The value of an extension header by namespace URI (the prefix is the sender's choice,
    // RFC 3862 §3.5); null when absent.
    QByteArray extension(QByteArrayView namespaceUri, QByteArrayView name) const;
    // Adds an extension header, declaring its namespace with `prefix` if needed.
    void setExtension(QByteArrayView prefix, QByteArrayView namespaceUri, QByteArrayView name,
                      QByteArrayView value);
    QByteArray contentHeader(QByteArrayView name) const;

    friend bool operator==(const CpimMessage &, const CpimMessage &) = default;
};

struct CpimLimits
{
    qsizetype maxHeaderBytes = 16 * 1024; // both header blocks together
    qsizetype maxHeaders = 48;
    qsizetype maxBodyBytes = 1024 * 1024;
};

// Unwraps a Message/CPIM body as MSRP carries it (the message headers first). Strict: lines
// end in CRLF, From and at least one To are present and well-formed (RFC 3862 §4), DateTime
// is RFC 3339, an extension header's prefix is declared by an NS header, a Require'd header
// is understood (Herald understands none beyond IMDN's), and the encapsulated entity has a
// Content-Type. One tolerance: the blank line between message and MIME headers may be missing
// (as printed in RFC 4975 §11.4 and RFC 7701 §9). Unreadable otherwise, the raw bytes kept.
Decoded<CpimMessage> parseCpim(QByteArrayView bytes, const CpimLimits &limits = {});

// Wraps a message (RFC 3862 §3). Fails when a field would break the framing (CR or LF in a
// value, a URI with '>' or spaces).
Result<QByteArray> serializeCpim(const CpimMessage &message);

// "Formal-name <URI>" as in a From/To/cc header; the nickname is quoted when it needs to be.
Result<CpimAddress> parseCpimAddress(QByteArrayView value);
QByteArray formatCpimAddress(const CpimAddress &address);

} // namespace herald::im
