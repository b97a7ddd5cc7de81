// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/store/transcriptexport.h"

#include "engine/store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace herald::store {

namespace {

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(formatTimestamp(time)) : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue idOrNull(const QByteArray &id)
{
    return textOrNull(QString::fromUtf8(id));
}

// Seen from the transcript's reader: an incoming text came from the remote party.
QString sender(const CallRecord &call, const MessageRecord &message)
{
    return message.direction == Direction::Incoming ? call.remoteUri : call.localUri;
}

QString recipient(const CallRecord &call, const MessageRecord &message)
{
    return message.direction == Direction::Incoming ? call.localUri : call.remoteUri;
}

QJsonObject callJson(const CallRecord &call)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), QString::fromUtf8(call.id));
    o.insert(QStringLiteral("sipCallId"), QString::fromUtf8(call.sipCallId));
    o.insert(QStringLiteral("incidentId"), idOrNull(call.incidentId));
    o.insert(QStringLiteral("direction"), directionName(call.direction));
    o.insert(QStringLiteral("localUri"), call.localUri);
    o.insert(QStringLiteral("remoteUri"), call.remoteUri);
    o.insert(QStringLiteral("startedAt"), timeOrNull(call.startedAt));
    o.insert(QStringLiteral("endedAt"), timeOrNull(call.endedAt));
    o.insert(QStringLiteral("state"), call.state);
    o.insert(QStringLiteral("endReason"), textOrNull(call.endReason));
    return o;
}

QJsonObject messageJson(const CallRecord &call, const MessageRecord &m)
{
    QJsonObject o;
    o.insert(QStringLiteral("sequence"), m.sequence);
    o.insert(QStringLiteral("id"), QString::fromUtf8(m.id));
    o.insert(QStringLiteral("sessionId"), idOrNull(m.sessionId));
    o.insert(QStringLiteral("direction"), directionName(m.direction));
    o.insert(QStringLiteral("from"), sender(call, m));
    o.insert(QStringLiteral("to"), recipient(call, m));
    o.insert(QStringLiteral("contentType"), m.contentType);
    o.insert(QStringLiteral("text"), m.fileUri.isEmpty() ? QJsonValue(m.text) : QJsonValue());
    o.insert(QStringLiteral("fileUri"), textOrNull(m.fileUri));
    o.insert(QStringLiteral("msrpMessageId"), idOrNull(m.msrpMessageId));
    o.insert(QStringLiteral("byteSize"), m.byteSize);
    o.insert(QStringLiteral("queuedAt"), timeOrNull(m.queuedAt));
    o.insert(QStringLiteral("sentAt"), timeOrNull(m.sentAt));
    o.insert(QStringLiteral("acknowledgedAt"), timeOrNull(m.acknowledgedAt));
    o.insert(QStringLiteral("deliveredAt"), timeOrNull(m.deliveredAt));
    o.insert(QStringLiteral("state"), messageStateName(m.state));
    o.insert(QStringLiteral("failureStatus"),
             m.failureStatus != 0 ? QJsonValue(m.failureStatus) : QJsonValue());
    o.insert(QStringLiteral("failureReason"), textOrNull(m.failureReason));
    return o;
}

QStringList csvRow(const CallRecord &call, const MessageRecord &m)
{
    return {
        QString::number(m.sequence),
        formatTimestamp(m.queuedAt),
        directionName(m.direction),
        sender(call, m),
        recipient(call, m),
        m.contentType,
        m.fileUri.isEmpty() ? m.text : QString(),
        m.fileUri,
        messageStateName(m.state),
        formatTimestamp(m.sentAt),
        formatTimestamp(m.acknowledgedAt),
        formatTimestamp(m.deliveredAt),
        QString::fromUtf8(m.msrpMessageId),
        QString::number(m.byteSize),
        m.failureStatus != 0 ? QString::number(m.failureStatus) : QString(),
        m.failureReason,
        QString::fromUtf8(m.id),
        QString::fromUtf8(m.sessionId),
    };
}

void appendCsvLine(QString &out, const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += u',';
        out += csvField(fields[i]);
    }
    out += QStringLiteral("\r\n"); // RFC 4180 §2.1: records end with CRLF
}

} // namespace

QStringList transcriptCsvColumns()
{
    return {
        QStringLiteral("sequence"),
        QStringLiteral("queued_at"),
        QStringLiteral("direction"),
        QStringLiteral("from"),
        QStringLiteral("to"),
        QStringLiteral("content_type"),
        QStringLiteral("text"),
        QStringLiteral("file_uri"),
        QStringLiteral("state"),
        QStringLiteral("sent_at"),
        QStringLiteral("acknowledged_at"),
        QStringLiteral("delivered_at"),
        QStringLiteral("msrp_message_id"),
        QStringLiteral("byte_size"),
        QStringLiteral("failure_status"),
        QStringLiteral("failure_reason"),
        QStringLiteral("message_id"),
        QStringLiteral("session_id"),
    };
}

QString csvField(const QString &value)
{
    // RFC 4180 §2.6: fields with line breaks, double quotes or commas are enclosed in
    // double quotes; §2.7: a double quote inside is escaped by another one.
    const bool needsQuotes = value.contains(u',') || value.contains(u'"') ||
                             value.contains(u'\r') || value.contains(u'\n');
    if (!needsQuotes)
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QByteArray transcriptToJson(const CallRecord &call, const QList<MessageRecord> &messages)
{
    QJsonArray list;
    for (const MessageRecord &message : messages)
        list.append(messageJson(call, message));
    QJsonObject root;
    root.insert(QStringLiteral("call"), callJson(call));
    root.insert(QStringLiteral("messages"), list);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray transcriptToCsv(const CallRecord &call, const QList<MessageRecord> &messages)
{
    QString out;
    appendCsvLine(out, transcriptCsvColumns());
    for (const MessageRecord &message : messages)
        appendCsvLine(out, csvRow(call, message));
    return out.toUtf8();
}

Result<QByteArray> exportTranscript(const Store &store, const QByteArray &callId,
                                    TranscriptFormat format)
{
    const auto call = store.call(callId);
    if (!call)
        return tl::unexpected(call.error());
    if (!*call)
        return fail(ErrorCode::NotFound,
                    QStringLiteral("no stored call \"%1\"").arg(QString::fromUtf8(callId)));
    const auto messages = store.transcript(callId);
    if (!messages)
        return tl::unexpected(messages.error());
    return format == TranscriptFormat::Json ? transcriptToJson(**call, *messages)
                                            : transcriptToCsv(**call, *messages);
}

Result<QByteArray> exportLogEvents(const Store &store, const QByteArray &callId)
{
    const auto events = store.logEvents(callId);
    if (!events)
        return tl::unexpected(events.error());
    return toJsonLines(*events);
}

} // namespace herald::store
