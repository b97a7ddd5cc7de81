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

namespace herald::sdp {

// An RFC 5547 file offer: one m=message line for one file.
struct FileOffer
{
    // true: push, we send the file (sendonly, §8.2.1); false: pull, we ask for it (recvonly,
    // §8.2.2).
    bool weSend = true;
    FileSelector selector;
    QByteArray transferId; // a new random token per transfer (§8.1: ~32 characters)
    std::optional<QByteArray> disposition; // "render" (the default) or "attachment" (§7)
    std::optional<FileDate> date;
    std::optional<QByteArray> icon; // cid: URL of a body part next to the SDP (§8.8)
    std::optional<FileRange> range;
    std::optional<QByteArray> title; // the media i= line
};

// What Herald offers: a message session, or a file offer when `file` is set.
struct OfferOptions
{
    QByteArray originUsername = QByteArrayLiteral("-");
    quint64 sessionId = 0;
    quint64 sessionVersion = 0;
    QByteArray sessionName = QByteArrayLiteral("-");
    QByteArray address; // c= and o=; IPv4/IPv6 literal or FQDN (RFC 4975 §8.1)

    quint16 port = 0;
    MsrpTransport transport = MsrpTransport::Tcp;
    QList<QByteArray> path;
    QList<QByteArray> acceptTypes;
    QList<QByteArray> acceptWrappedTypes;
    std::optional<quint64> maxSize;
    // RFC 6135 §4.2.2: actpass when we can take connections, else active; never passive or
    // holdconn in an offer.
    Setup setup = Setup::ActPass;
    Direction direction = Direction::SendRecv; // ignored for file offers
    std::optional<FileOffer> file;
    QList<Attribute> extraAttributes; // appended to the media section, e.g. a=chatroom
};

// Builds and checks an offer. ErrorCode::InvalidArgument names the bad option.
Result<SessionDescription> buildOffer(const OfferOptions &options);

// The SDP of a 200 to OPTIONS (RFC 3264 §9, RFC 5547 §8.5, §9.3): m=message with port 0,
// accept-types, accept-wrapped-types, max-size and an empty a=file-selector. Path, setup,
// direction and file fields of the options are not used.
Result<SessionDescription> buildCapabilities(const OfferOptions &options);

} // namespace herald::sdp
