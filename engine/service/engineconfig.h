// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/sip/agentconfig.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <chrono>

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
    // a=accept-wrapped-types Herald announces (RFC 4975 §8.6), e.g. text/plain and
    // message/imdn+xml: a peer that sees them (and message/cpim above) sends its texts in
    // CPIM. Herald wraps what it sends whenever the peer announces wrapped types itself
    // (Call::sendText), as an i3 ESRP does.
    //
    // Default: empty, on purpose. NENA i3 (NENA-STA-010) makes CPIM with RFC 7701
    // nicknames mandatory for text, and Herald meets it in both directions without this:
    // message/cpim is always in accept-types, so an i3 peer may send CPIM (Herald unwraps
    // it, nickname included), and a peer that announces wrapped types gets everything
    // Herald sends in CPIM with its nickname and IMDN request. Announcing wrapped types by
    // default would instead make every Herald-to-Herald and XMS-style session carry CPIM,
    // which the XMS REST clients (msg_payload is the bare text, XMS-REST.md) and plain MSRP
    // peers do not expect. A PSAP that wants its callers' IMDNs (always CPIM-wrapped, RFC
    // 5438 §5) sets i3AcceptWrappedTypes(). tst_instantmessages covers both.
    QList<QByteArray> msrpAcceptWrappedTypes;
    // RFC 7701 §7 nickname in the CPIM From of what Herald sends (e.g. the PSAP's name);
    // empty: none. Call::setNickname overrides it per call.
    QString imNickname;

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

    // MSML control and voicemail delivery (DESIGN.md §1; MsmlController, TransferExecutor).
    // true: INFO with application/msml+xml is executed by the engine, and an INVITE without
    // SDP is taken as a control-only dialog from an application server.
    bool msmlControl = false;
    // A fileobj's file:// src must resolve (symlinks followed) inside this directory; empty:
    // file:// sources are refused.
    QString mediaRoot;
    // Herald as a delivery server: RFC 5547 push offers are received into this directory;
    // empty: file offers are refused.
    QString spoolDirectory;
    // Largest file accepted into the spool (checked against the offer's size, then per octet).
    quint64 maxFileSize = 512ULL * 1024 * 1024;
    // Largest http(s):// src fetched for a transfer.
    quint64 httpFetchMaxBytes = 512ULL * 1024 * 1024;
    // An http(s):// src fetch is abandoned when no octet arrives for this long.
    std::chrono::milliseconds httpFetchIdleTimeout{30000};
    // Where an http(s):// src is streamed before it is sent; empty: the system's temp dir.
    QString httpFetchDirectory;
    // PEM file of CA certificates trusted for https:// srcs besides the system's (a voicemail
    // store with a private CA); empty: the system's only. Certificates are always verified.
    QString httpFetchCaFile;
    // How long a by-reference location or additional-data document (RFC 6442 §3.3, RFC 7852
    // §4.1) may take to arrive before it is shown as unavailable; it shows as pending till then.
    std::chrono::milliseconds emergencyFetchTimeout{5000};
    // When the peer closes a call's MSRP connection in order, how long its BYE is awaited
    // before Herald sends one itself (see CallManager::onSessionClosed).
    std::chrono::milliseconds peerByeGrace{1000};
};

// What an i3 PSAP or ESRP announces as a=accept-wrapped-types: text and isComposing inside
// CPIM, and IMDNs, which only ever travel CPIM-wrapped (RFC 5438 §5).
inline QList<QByteArray> i3AcceptWrappedTypes()
{
    return {QByteArrayLiteral("text/plain"), QByteArrayLiteral("message/imdn+xml"),
            QByteArrayLiteral("application/im-iscomposing+xml")};
}

} // namespace herald::service
