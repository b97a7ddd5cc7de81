// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace herald::store {

// NENA i3 (NENA-STA-010.3) "Direction": incoming | outgoing, seen from Herald.
enum class Direction { Incoming, Outgoing };

QString directionName(Direction direction);
std::optional<Direction> directionFromName(QStringView name);

// The members every NENA i3 LogEvent has (the "LogEvent" object of the i3 Logging Service
// interface). elementId and agencyId are required there; the store fills them from its
// options when a record leaves them empty.
struct LogEventHeader
{
    // Our identifier for the event, sent as i3 "clientAssignedIdentifier" (logEventId proper
    // is assigned by a Logging Service). The store makes one up when empty.
    QByteArray id;
    QDateTime timestamp; // UTC
    QString elementId;
    QString agencyId;
    QString agencyAgentId;
    QString agencyPositionId;
    QByteArray callId;     // i3 "callId": Herald's call id
    QByteArray incidentId; // i3 "incidentId"
    QByteArray sipCallId;  // i3 "callIdSip"
    QString ipAddressPort;

    friend bool operator==(const LogEventHeader &, const LogEventHeader &) = default;
};

// i3 MessageLogEvent: one text, in one direction. The MSRP Message-ID, session-id and
// content type have no i3 member and travel in the i3 "extension" object.
struct MessageLogEvent
{
    LogEventHeader header;
    Direction direction = Direction::Incoming;
    QString text;
    QByteArray msrpMessageId;
    QByteArray msrpSessionId;
    QString contentType;

    friend bool operator==(const MessageLogEvent &, const MessageLogEvent &) = default;
};

// i3 MalformedMessageLogEvent: input Herald rejected. The text is the raw input; when it is
// not valid UTF-8 the JSON carries it lossily in "text" and exactly in
// extension.textBase64, so the log keeps what really arrived.
struct MalformedMessageLogEvent
{
    LogEventHeader header;
    QByteArray text;
    QString ipAddress; // the source address (i3 "ipAddress"), e.g. "192.0.2.7:7394"
    QString explanationText;

    friend bool operator==(const MalformedMessageLogEvent &,
                           const MalformedMessageLogEvent &) = default;
};

// An MSRP session started. i3 has no "session" events: MSRP is media in i3 terms, so this
// is logged as i3 MediaStartLogEvent (sdp, mediaLabel, direction).
struct SessionStartLogEvent
{
    LogEventHeader header;
    Direction direction = Direction::Incoming;
    QString sdp;
    QStringList mediaLabel;
    QByteArray msrpSessionId;

    friend bool operator==(const SessionStartLogEvent &, const SessionStartLogEvent &) = default;
};

// An MSRP session ended: logged as i3 MediaEndLogEvent (mediaLabel).
struct SessionEndLogEvent
{
    LogEventHeader header;
    QStringList mediaLabel;
    QByteArray msrpSessionId;
    QString reason;

    friend bool operator==(const SessionEndLogEvent &, const SessionEndLogEvent &) = default;
};

using LogEvent = std::variant<MessageLogEvent, MalformedMessageLogEvent, SessionStartLogEvent,
                              SessionEndLogEvent>;

// The i3 logEventType of an event: "MessageLogEvent", "MalformedMessageLogEvent",
// "MediaStartLogEvent", "MediaEndLogEvent".
QString logEventTypeName(const LogEvent &event);

const LogEventHeader &headerOf(const LogEvent &event);
LogEventHeader &headerOf(LogEvent &event);

// One i3 LogEvent as a JSON object (the JWS payload a Logging Service would receive).
QJsonObject toJson(const LogEvent &event);
Result<LogEvent> logEventFromJson(const QJsonObject &object);

// The compact JSON text of toJson(event), character for character what QJsonDocument's
// Compact format writes (keys sorted, the same escapes). A MessageLogEvent, one per text on
// the store's write path, is written by hand without building a QJsonObject.
QString toCompactJson(const LogEvent &event);

// JSON lines: one compact JSON object per line, each line ended by "\n", UTF-8.
QByteArray toJsonLine(const LogEvent &event);
QByteArray toJsonLines(const QList<LogEvent> &events);

// RFC 3339 UTC with milliseconds ("2026-01-01T00:00:00.000Z"), as i3 wants date-times.
QString formatTimestamp(const QDateTime &time);
QDateTime parseTimestamp(const QString &text);

} // namespace herald::store
