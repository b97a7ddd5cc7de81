// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QHostAddress>

namespace herald::service {

// Everything the Engine is told at start-up; a plain struct that main() fills from the
// command line (and later the INI file) and tests fill by hand.
struct EngineConfig
{
    // RFC 4975 §15.4: IANA's MSRP port is 2855. Loopback by default: the listener takes
    // connections from anyone who can reach it, so exposing it is the operator's choice.
    QHostAddress msrpListenAddress = QHostAddress(QHostAddress::LocalHost);
    // 0 picks a free port (tests); Engine::msrpListenPort() tells which.
    quint16 msrpListenPort = 2855;
};

} // namespace herald::service
