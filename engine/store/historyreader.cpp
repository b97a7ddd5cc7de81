// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/store/historyreader.h"

#include "engine/store/sqlsupport.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace herald::store {

namespace {

const char kCallColumns[] = "id, sip_call_id, direction, local_uri, remote_uri, incident_id,"
                            " started_at, ended_at, state, end_reason";

Direction toDirection(const QVariant &value)
{
    return directionFromName(value.toString()).value_or(Direction::Incoming);
}

CallRecord callFrom(const QSqlQuery &q)
{
    CallRecord call;
    call.id = sql::toId(q.value(0));
    call.sipCallId = sql::toId(q.value(1));
    call.direction = toDirection(q.value(2));
    call.localUri = q.value(3).toString();
    call.remoteUri = q.value(4).toString();
    call.incidentId = sql::toId(q.value(5));
    call.startedAt = sql::toTime(q.value(6));
    call.endedAt = sql::toTime(q.value(7));
    call.state = q.value(8).toString();
    call.endReason = q.value(9).toString();
    return call;
}

Result<QSqlQuery> execute(QSqlQuery query, const char *what)
{
    if (!query.exec())
        return tl::unexpected(sql::error(QString::fromLatin1(what), query.lastError()));
    return query;
}

} // namespace

HistoryReader::HistoryReader(QSqlDatabase database)
    : m_database(std::move(database))
{}

Result<QList<CallRecord>> HistoryReader::calls(const CallQuery &query) const
{
    QString where;
    QVariantList binds;
    if (query.startedFrom.isValid()) {
        where += QStringLiteral(" AND started_at >= ?");
        binds.append(query.startedFrom.toMSecsSinceEpoch());
    }
    if (query.startedTo.isValid()) {
        where += QStringLiteral(" AND started_at < ?");
        binds.append(query.startedTo.toMSecsSinceEpoch());
    }
    if (query.openOnly)
        where += QStringLiteral(" AND ended_at IS NULL");
    QSqlQuery q(m_database);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + QLatin1String(kCallColumns) +
              QStringLiteral(" FROM calls WHERE 1 = 1") + where +
              QStringLiteral(" ORDER BY started_at DESC, id LIMIT ? OFFSET ?"));
    for (const QVariant &bind : binds)
        q.addBindValue(bind);
    q.addBindValue(std::max(0, query.limit));
    q.addBindValue(std::max(0, query.offset));
    auto done = execute(std::move(q), "reading calls");
    if (!done)
        return tl::unexpected(done.error());
    QList<CallRecord> calls;
    while (done->next())
        calls.append(callFrom(*done));
    return calls;
}

Result<std::optional<CallRecord>> HistoryReader::call(const QByteArray &callId) const
{
    QSqlQuery q(m_database);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + QLatin1String(kCallColumns) +
              QStringLiteral(" FROM calls WHERE id = ?"));
    q.addBindValue(sql::id(callId));
    auto done = execute(std::move(q), "reading a call");
    if (!done)
        return tl::unexpected(done.error());
    if (!done->next())
        return std::optional<CallRecord>();
    return std::optional<CallRecord>(callFrom(*done));
}

Result<QList<SessionRecord>> HistoryReader::sessions(const QByteArray &callId) const
{
    QSqlQuery q(m_database);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, call_id, msrp_session_id, direction, local_path,"
                             " remote_path, sdp, started_at, ended_at FROM sessions"
                             " WHERE call_id = ? ORDER BY started_at, id"));
    q.addBindValue(sql::id(callId));
    auto done = execute(std::move(q), "reading sessions");
    if (!done)
        return tl::unexpected(done.error());
    QList<SessionRecord> sessions;
    while (done->next()) {
        SessionRecord s;
        s.id = sql::toId(done->value(0));
        s.callId = sql::toId(done->value(1));
        s.msrpSessionId = sql::toId(done->value(2));
        s.direction = toDirection(done->value(3));
        s.localPath = done->value(4).toString();
        s.remotePath = done->value(5).toString();
        s.sdp = done->value(6).toString();
        s.startedAt = sql::toTime(done->value(7));
        s.endedAt = sql::toTime(done->value(8));
        sessions.append(std::move(s));
    }
    return sessions;
}

Result<QList<MessageRecord>> HistoryReader::transcript(const QByteArray &callId) const
{
    QSqlQuery q(m_database);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT id, seq, call_id, session_id, direction, body, file_uri, content_type,"
        " msrp_message_id, range_start, range_end, byte_size, queued_at, sent_at,"
        " acknowledged_at, delivered_at, state, failure_status, failure_reason"
        " FROM messages WHERE call_id = ? ORDER BY seq"));
    q.addBindValue(sql::id(callId));
    auto done = execute(std::move(q), "reading a transcript");
    if (!done)
        return tl::unexpected(done.error());
    QList<MessageRecord> messages;
    while (done->next()) {
        const QSqlQuery &r = *done;
        MessageRecord m;
        m.id = sql::toId(r.value(0));
        m.sequence = r.value(1).toLongLong();
        m.callId = sql::toId(r.value(2));
        m.sessionId = sql::toId(r.value(3));
        m.direction = toDirection(r.value(4));
        m.text = r.value(5).toString();
        m.fileUri = r.value(6).toString();
        m.contentType = r.value(7).toString();
        m.msrpMessageId = sql::toId(r.value(8));
        m.rangeStart = r.value(9).toLongLong();
        m.rangeEnd = r.value(10).toLongLong();
        m.byteSize = r.value(11).toLongLong();
        m.queuedAt = sql::toTime(r.value(12));
        m.sentAt = sql::toTime(r.value(13));
        m.acknowledgedAt = sql::toTime(r.value(14));
        m.deliveredAt = sql::toTime(r.value(15));
        m.state = messageStateFromName(r.value(16).toString()).value_or(MessageState::Failed);
        m.failureStatus = r.value(17).toInt();
        m.failureReason = r.value(18).toString();
        messages.append(std::move(m));
    }
    return messages;
}

Result<QList<LogEvent>> HistoryReader::logEvents(const QByteArray &callId) const
{
    QSqlQuery q(m_database);
    q.setForwardOnly(true);
    if (callId.isEmpty()) {
        q.prepare(QStringLiteral("SELECT payload FROM events ORDER BY seq"));
    } else {
        q.prepare(QStringLiteral("SELECT payload FROM events WHERE call_id = ? ORDER BY seq"));
        q.addBindValue(sql::id(callId));
    }
    auto done = execute(std::move(q), "reading log events");
    if (!done)
        return tl::unexpected(done.error());
    QList<LogEvent> events;
    while (done->next()) {
        const QJsonDocument document = QJsonDocument::fromJson(done->value(0).toString().toUtf8());
        auto event = logEventFromJson(document.object());
        if (!event)
            return fail(ErrorCode::Malformed,
                        QStringLiteral("stored log event unreadable: ") + event.error().detail);
        events.append(std::move(*event));
    }
    return events;
}

} // namespace herald::store
