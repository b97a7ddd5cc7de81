// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/sip/agentconfig.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

namespace herald::service {

// What happens to an acceptable incoming call (CallManager): heraldd answers at once; the
// console and the REST API let a person or an application decide.
enum class AnswerPolicy { Automatic, Manual };

// Everything the Engine is told at start-up; a plain struct that main() fills from the
// command line (and later the INI file) and tests fill by hand.
struct EngineConfig
{
    // RFC 4975 §15.4: IANA's MSRP port is 2855. Loopback by default: the listener takes
    // connections from anyone who can reach it, so exposing it is the operator's choice.
    QHostAddress msrpListenAddress = QHostAddress(QHostAddress::LocalHost);
    // 0 picks a free port (tests); Engine::msrpListenPort() tells which.
    quint16 msrpListenPort = 2855;
    // a=accept-types Herald announces for message sessions (RFC 4975 §8.6): plain text, CPIM
    // (RFC 3862) and isComposing (RFC 3994).
    QList<QByteArray> msrpAcceptTypes = {QByteArrayLiteral("text/plain"),
                                         QByteArrayLiteral("message/cpim"),
                                         QByteArrayLiteral("application/im-iscomposing+xml")};

    // RFC 6135 §4.2.2: an answerer to a=setup:actpass SHOULD be passive unless it cannot take
    // connections (behind a NAT); then it answers active and connects itself.
    bool msrpActiveOnActpass = false;

    // SIP (engine/sip): bind host and port (5060 by default; 0 = a free port, which
    // Engine::sipListenPort() tells), transports, identity, outbound proxy, credentials.
    sip::AgentConfig sip;
    AnswerPolicy answerPolicy = AnswerPolicy::Automatic;

    // The durable store's database file (engine/store, SQLite); its directory must exist.
    // Empty: no store, and texts are acknowledged as soon as they arrive. With a store, a
    // text is acknowledged only once committed (DESIGN.md §2 "durable before acknowledged").
    QString storePath;
};

} // namespace herald::service
