// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/store/logevents.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>
#include <variant>

namespace herald::store {

// What the store keeps about calls, MSRP sessions and messages (DESIGN.md §2 "Durability").
// Identifiers are bytes, as on the wire (SIP Call-ID, MSRP session-id and Message-ID are ASCII
// tokens) and as engine/core's IdGenerator makes them; the store writes them as UTF-8 text.
// Timestamps are UTC; an invalid QDateTime means "not yet" (stored as NULL).

// A message's life. Incoming texts are Received once stored; outgoing ones go
// Queued -> Sending -> Sent (last chunk written) -> Acknowledged (200 for the last chunk,
// RFC 4975 §7.1) -> Delivered (a success REPORT or an IMDN), or Failed at any point.
enum class MessageState { Received, Queued, Sending, Sent, Acknowledged, Delivered, Failed };

QString messageStateName(MessageState state);
std::optional<MessageState> messageStateFromName(QStringView name);

struct CallRecord
{
    QByteArray id;        // Herald's call id
    QByteArray sipCallId; // the SIP Call-ID of the dialog
    Direction direction = Direction::Incoming;
    QString localUri;
    QString remoteUri;
    QByteArray incidentId; // NENA i3 Incident Tracking Identifier, when the ESRP sent one
    QDateTime startedAt;
    QDateTime endedAt;
    QString state; // the call model's state name at the last write
    QString endReason;

    friend bool operator==(const CallRecord &, const CallRecord &) = default;
};

// A later change to a stored call (answered, ended, its SIP Call-ID learnt): only the
// fields that are set are written.
struct CallUpdate
{
    QByteArray callId;
    // The SIP Call-ID once known: an outgoing call is recorded before any response told it
    // (empty = unchanged).
    QByteArray sipCallId;
    std::optional<QString> state;
    QDateTime endedAt; // invalid = unchanged
    std::optional<QString> endReason;
};

struct SessionRecord
{
    QByteArray id; // Herald's session id
    QByteArray callId;
    QByteArray msrpSessionId; // RFC 4975 §14.1 session-id of the local MSRP URI
    QString localPath;        // the a=path values, as URIs separated by spaces
    QString remotePath;
    QDateTime startedAt;
    QDateTime endedAt;
    Direction direction = Direction::Incoming; // who offered the session
    QString sdp;                               // the remote SDP, for the i3 MediaStartLogEvent

    friend bool operator==(const SessionRecord &, const SessionRecord &) = default;
};

// Marks a stored session as ended.
struct SessionEnd
{
    QByteArray sessionId;
    QDateTime endedAt;
    QString reason;
};

// One text or file in one direction. A message received in several chunks is normally
// stored once, complete, with byteRange 1..total; the (session, Message-ID, byte range)
// triple is unique, so a retransmitted chunk or message (RFC 4975 §7.3.1) is stored once.
struct MessageRecord
{
    QByteArray id; // Herald's message id
    QByteArray callId;
    QByteArray sessionId; // empty for a SIP MESSAGE (RFC 3428) outside any MSRP session
    Direction direction = Direction::Incoming;
    QString text;    // the text, when the content is text
    QString fileUri; // a file:// reference, when the content is a file kept on disk
    QString contentType;
    QByteArray msrpMessageId; // empty when not carried by MSRP
    qint64 rangeStart = 1;    // RFC 4975 §9 Byte-Range: 1-based, inclusive
    qint64 rangeEnd = 0;
    qint64 byteSize = 0;
    QDateTime queuedAt; // received at (incoming) or queued for sending (outgoing)
    QDateTime sentAt;
    QDateTime acknowledgedAt;
    QDateTime deliveredAt;
    MessageState state = MessageState::Received;
    int failureStatus = 0; // an MSRP or SIP status code; 0 = none
    QString failureReason;
    qint64 sequence = 0; // assigned by the store: transcript order (read back only)

    friend bool operator==(const MessageRecord &, const MessageRecord &) = default;
};

// A later change to a stored message: only the fields that are set are written.
struct MessageUpdate
{
    QByteArray messageId;
    std::optional<MessageState> state;
    QDateTime sentAt;
    QDateTime acknowledgedAt;
    QDateTime deliveredAt;
    std::optional<int> failureStatus;
    std::optional<QString> failureReason;
};

// Anything the engine appends. Appending a MessageRecord also logs its i3 MessageLogEvent,
// a SessionRecord its SessionStartLogEvent and a SessionEnd its SessionEndLogEvent, in the
// same transaction, so the log and the tables cannot disagree.
using Record = std::variant<CallRecord, CallUpdate, SessionRecord, SessionEnd, MessageRecord,
                            MessageUpdate, MessageLogEvent, MalformedMessageLogEvent,
                            SessionStartLogEvent, SessionEndLogEvent>;

// Checks what the schema needs (ids present, timestamps valid, ranges sane) before a record
// joins a group, so a caller's mistake never fails the other records of its group.
Result<void> validate(const Record &record);

// The i3 log events derived from records, as the store writes them.
MessageLogEvent messageLogEventFor(const MessageRecord &message, const QByteArray &sipCallId);
SessionStartLogEvent sessionStartLogEventFor(const SessionRecord &session,
                                             const QByteArray &sipCallId);

} // namespace herald::store
