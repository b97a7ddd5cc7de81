// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace herald::msrp {

// An MSRP URI (RFC 4975 §6, §9):
//   MSRP-URI = msrp-scheme "://" authority ["/" session-id] ";" transport *( ";" URI-parameter)
// Relays (RFC 4976) use URIs without a session-id, and with a userinfo part.
struct Uri
{
    bool secure = false; // "msrps"
    QByteArray userinfo; // without the '@'; empty when absent
    QByteArray host;     // reg-name, IPv4, or IPv6 *with* its brackets, as written
    std::optional<quint16> port;
    QByteArray sessionId;         // empty when absent
    QByteArray transport;         // "tcp", or an extension token, as written
    QList<QByteArray> parameters; // further ";name[=value]" parameters, in order

    static Result<Uri> parse(QByteArrayView text, qsizetype maxLength = 1024);
    QByteArray toBytes() const;

    // RFC 4975 §6.1 comparison: scheme, host and transport compare case-insensitively,
    // session-id and userinfo case-sensitively, ports must both be absent or equal, and
    // percent-encoded octets compare as what they encode. Parameters do not take part.
    bool matches(const Uri &other) const;

    // The authority a connection goes to: "host:port", host lower-cased.
    QByteArray authorityKey() const;

    friend bool operator==(const Uri &, const Uri &) = default;
};

// A path: To-Path / From-Path / Use-Path, first hop first.
using Path = QList<Uri>;

Result<Path> parsePath(QByteArrayView text, int maxUris, qsizetype maxUriLength);
QByteArray pathToBytes(const Path &path);
// Element-wise Uri::matches.
bool pathMatches(const Path &a, const Path &b);

} // namespace herald::msrp
