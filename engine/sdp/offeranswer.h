// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/sdp/fileattributes.h"
#include "engine/sdp/fileselector.h"
#include "engine/sdp/msrpmedia.h"
#include "engine/sdp/sessiondescription.h"

#include <QByteArray>
#include <QList>

#include <optional>

// SDP offer/answer for MSRP: RFC 3264, RFC 4975 §8, RFC 6135 (COMEDIA), RFC 5547 §8 (files).
namespace herald::sdp {

// What Herald answers a file request (pull, RFC 5547 §8.3.2) with, once the service layer has
// looked the offered file-selector up and found exactly one file.
struct PullAnswer
{
    FileSelector selector; // SHOULD carry the sha-1 hash of the whole file (§8.3.2)
    std::optional<QByteArray> disposition;
    std::optional<QByteArray> icon;
};

// The local side of a negotiation: who we are on the wire and what we accept.
struct LocalCapabilities
{
    // o=, s= and c= of the answer. The session id and version come from the caller (the
    // engine's random source and the dialog's version counter): this library has neither.
    QByteArray originUsername = QByteArrayLiteral("-");
    quint64 sessionId = 0;
    quint64 sessionVersion = 0;
    QByteArray sessionName = QByteArrayLiteral("-");
    // IPv4 or IPv6 literal, or an FQDN: the host of our path URI (RFC 4975 §8.1).
    QByteArray address;

    quint16 port = 0;          // where our MSRP listener accepts connections
    QList<QByteArray> path;    // our msrp:// path for TCP/MSRP; empty: TCP refused
    QList<QByteArray> tlsPath; // our msrps:// path for TCP/TLS/MSRP
    bool tlsAllowed = false;

    QList<QByteArray> acceptTypes;
    QList<QByteArray> acceptWrappedTypes;
    std::optional<quint64> maxSize;

    // Our answer to a=setup:actpass (RFC 6135 §4.2.2: SHOULD be passive when not behind a
    // NAT). Active or Passive only.
    Setup setupOnActpass = Setup::Passive;
    // What we are willing to do; the answer is the offer's direction mirrored, narrowed by it.
    Direction direction = Direction::SendRecv;

    bool acceptFileTransfers = true;      // push offers (RFC 5547 §8.3.1)
    std::optional<PullAnswer> pullAnswer; // pull offers (§8.3.2); none: pulls are refused

    // Appended to an accepted MSRP media section, e.g. a=chatroom (RFC 7701 §7).
    QList<Attribute> extraAttributes;
};

// Which end of a file transfer this side is.
enum class FileRole { None, Sender, Receiver };

// The outcome of a negotiation, seen from the local side: what the session layer needs.
struct NegotiatedMsrp
{
    qsizetype mediaIndex = -1; // the m= section, counted from 0
    MsrpTransport transport = MsrpTransport::Tcp;
    bool localIsActive = false; // we open the connection (and are the TLS client)
    Direction localDirection = Direction::SendRecv;
    QList<QByteArray> localPath;
    QList<QByteArray> remotePath;
    QList<QByteArray> localAcceptTypes;  // what the peer may send us
    QList<QByteArray> remoteAcceptTypes; // what we may send the peer
    QList<QByteArray> remoteAcceptWrappedTypes;
    std::optional<quint64> remoteMaxSize;

    FileRole fileRole = FileRole::None;
    std::optional<FileSelector> fileSelector; // as the sender describes the file
    std::optional<QByteArray> fileTransferId;
    std::optional<FileRange> fileRange;
    std::optional<QByteArray> fileDisposition;
    std::optional<FileDate> fileDate;

    friend bool operator==(const NegotiatedMsrp &, const NegotiatedMsrp &) = default;
};

struct Answer
{
    SessionDescription sdp;
    // Empty when the offer held only disabled (port 0) message streams, e.g. a re-offer after
    // a finished file transfer (RFC 5547 §8.1): the answer then mirrors them, still with port 0.
    std::optional<NegotiatedMsrp> msrp;
};

// Builds the answer to a remote offer (RFC 3264 §6): one m= line per offered m= line, in
// order. The first acceptable MSRP stream is accepted; every other stream gets port 0 (other
// media as RFC 3264 §6 says; a further MSRP stream because one session per dialog is what
// Herald serves). A failure maps to SIP 488 Not Acceptable Here with warningHeaderValue():
// ErrorCode::Unsupported when nothing is common, ErrorCode::Malformed when the offered MSRP
// attributes are broken. ErrorCode::InvalidArgument means the local capabilities are (our own
// configuration: a 500, not a 488).
Result<Answer> answerOffer(const SessionDescription &offer, const LocalCapabilities &local);

// The offerer's side: checks the peer's answer against the offer Herald sent and says what
// was agreed (RFC 3264 §7, RFC 6135 §4.2, RFC 5547 §8.2).
Result<NegotiatedMsrp> acceptAnswer(const SessionDescription &offer,
                                    const SessionDescription &answer);

// "399 <agent> \"<detail>\"" for the SIP Warning header of a 488 (RFC 3261 §20.43); quotes
// and backslashes in the detail are escaped, non-ASCII and control characters dropped.
QByteArray warningHeaderValue(const Error &error, QByteArrayView agent = "herald");

} // namespace herald::sdp
