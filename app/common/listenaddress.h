// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QHostAddress>
#include <QString>
#include <QStringView>

namespace herald::app {

// An IP address and a TCP port as operators write them: "127.0.0.1:2855", "0.0.0.0:2855",
// "[::1]:2855". Port 0 asks the kernel for a free port (tests).
struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;

    static Result<ListenAddress> parse(QStringView text);
    // The same notation, IPv6 in brackets.
    QString toString() const;

    friend bool operator==(const ListenAddress &, const ListenAddress &) = default;
};

// "host:port" with IPv6 hosts bracketed, as in URIs (RFC 3986 §3.2.2).
QString formatHostPort(const QHostAddress &address, quint16 port);

} // namespace herald::app
