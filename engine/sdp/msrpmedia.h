// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/sdp/fileattributes.h"
#include "engine/sdp/fileselector.h"
#include "engine/sdp/sessiondescription.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace herald::sdp {

// The m-line protocol of an MSRP stream (RFC 4975 §8.1).
enum class MsrpTransport { Tcp, Tls };

// a=setup (RFC 4145 §4, used for MSRP by RFC 6135 §4.2).
enum class Setup { Active, Passive, ActPass, HoldConn };

// a=connection (RFC 4145 §5). RFC 6135 §4.4: MSRP UAs ignore it and never send it; it is
// parsed so that a peer sending it is not refused.
enum class ConnectionAttribute { New, Existing };

// a=sendrecv / sendonly / recvonly / inactive (RFC 3264 §5.1, RFC 4975 §8.9).
enum class Direction { SendRecv, SendOnly, RecvOnly, Inactive };

QByteArray protocolName(MsrpTransport transport);
QByteArray setupName(Setup setup);
QByteArray connectionAttributeName(ConnectionAttribute connection);
QByteArray directionName(Direction direction);

std::optional<MsrpTransport> transportForProtocol(QByteArrayView protocol);
std::optional<Setup> setupFromName(QByteArrayView name);
std::optional<Direction> directionFromName(QByteArrayView name);

bool canSend(Direction direction);
bool canReceive(Direction direction);
Direction directionFrom(bool send, bool receive);
// The direction seen from the other end: sendonly <-> recvonly (RFC 3264 §6.1).
Direction mirrored(Direction direction);

// The MSRP-specific view of an m=message section: every attribute RFC 4975, RFC 6135 and
// RFC 5547 define, typed and checked. Path URIs stay raw bytes: the MSRP URI parser lives in
// engine/msrp and the service layer validates them against it.
struct MsrpMedia
{
    static constexpr int maxPathUris = 16;
    static constexpr qsizetype maxUriLength = 1024;

    MsrpTransport transport = MsrpTransport::Tcp;
    quint16 port = 0;
    QList<QByteArray> path;
    QList<QByteArray> acceptTypes;
    QList<QByteArray> acceptWrappedTypes;
    std::optional<quint64> maxSize;
    std::optional<Setup> setup; // media level, else session level
    std::optional<ConnectionAttribute> connection;
    Direction direction = Direction::SendRecv; // media level, else session level
    std::optional<FileSelector> fileSelector;  // present and empty for a bare attribute
    std::optional<QByteArray> fileTransferId;
    std::optional<QByteArray> fileDisposition;
    std::optional<FileDate> fileDate;
    std::optional<QByteArray> fileIcon; // cid: URL (RFC 2392)
    std::optional<FileRange> fileRange;
    QList<Attribute> otherAttributes; // the rest, in order (e.g. a=chatroom)

    // m=message with TCP/MSRP or TCP/TLS/MSRP.
    static bool isMsrp(const MediaDescription &media);
    // An attribute this view reads into a field of its own (not into otherAttributes).
    static bool isKnownAttribute(QByteArrayView name);

    // Reads and checks the MSRP attributes of an m=message section. A live stream (port not
    // 0) must carry a=path and a=accept-types (RFC 4975 §8, §8.6); a rejected one need not.
    // Each known attribute may appear once. The session, when given, supplies a=setup and the
    // direction attribute that apply when the media section has none (RFC 3264 §5.1).
    static Result<MsrpMedia> fromMedia(const MediaDescription &media,
                                       const SessionDescription *session = nullptr);

    // m=message <port> <proto> * and the attributes in the order of the RFC examples:
    // direction (when not sendrecv), accept-types, accept-wrapped-types, max-size, path,
    // setup, connection, file-selector, file-transfer-id, file-disposition, file-date,
    // file-icon, file-range, then the other attributes.
    MediaDescription toMedia() const;

    // An RFC 5547 transfer: a file-selector with at least one selector.
    bool isFileTransfer() const { return fileSelector && !fileSelector->isEmpty(); }

    friend bool operator==(const MsrpMedia &, const MsrpMedia &) = default;
};

} // namespace herald::sdp
