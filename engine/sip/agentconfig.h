// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QByteArray>
#include <QString>

#include <chrono>

namespace herald::sip {

// Digest credentials used when a request Herald sent is challenged (401/407, RFC 3261 §22).
// sofia's credential syntax cannot carry a ':' in the username or the password, nor a '"' in
// the realm; Agent::start() refuses such credentials.
struct SipCredentials
{
    QString username;
    QString password;
    // Only answer challenges for this realm; empty = answer whatever realm the challenge names.
    QString realm;
};

struct AgentConfig
{
    QString bindHost = QStringLiteral("127.0.0.1");
    // 0 = let the system pick a free port (the same one for UDP and TCP); read it back with
    // Agent::listeningPort().
    quint16 port = 5060;
    bool udp = true;
    bool tcp = true;
    // A SIP URI (e.g. "sip:pcscf.ims.example:5060"): requests that ask for it are sent with a
    // preloaded loose Route to it (RFC 3261 §8.1.2).
    QString outboundProxy;
    QString userAgent = QStringLiteral("Herald/0.1");
    // The default From of requests Herald sends, e.g. "sip:herald@127.0.0.1"; empty = sofia's
    // default (the bound address).
    QString identity;
    SipCredentials credentials;

    // TLS (sips:) is enabled only when both files are set. The key file and the certificate
    // file are PEM; caFile holds the PEM CA certificates peers are verified against (peer
    // verification is always on, RFC 5630 §3.1). tlsPort 0 = any free port.
    QString tlsCertificateFile;
    QString tlsPrivateKeyFile;
    QString tlsCaFile;
    quint16 tlsPort = 5061;

    // SIP timers (RFC 3261 §17.1.1.1). 0 = sofia's default (T1 500 ms, 64*T1 32 s). Tests
    // shorten them; Timer B/F follow t1x64, which must be changed together with t1.
    std::chrono::milliseconds t1{0};
    std::chrono::milliseconds t1x64{0};

    // Largest SIP message accepted (sofia's default is 2 MB).
    quint32 maxMessageSize = 256 * 1024;
    // A request waiting for the application's response (INFO, MESSAGE) is answered 500 by the
    // Agent when the application has not answered within this time, so that a stuck
    // application does not pin transactions forever.
    std::chrono::milliseconds applicationResponseTimeout{30000};
    // Accept header of OPTIONS responses (RFC 3261 §11.2).
    QByteArray accept = QByteArrayLiteral(
        "application/sdp, application/msml+xml, multipart/mixed, text/plain, message/cpim");
};

} // namespace herald::sip
