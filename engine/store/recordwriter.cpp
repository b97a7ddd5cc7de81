// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/store/recordwriter.h"

#include "engine/store/sqlsupport.h"

#include <QSqlError>
#include <QUuid>

#include <optional>

namespace herald::store {

namespace {

template<class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
// clang 14 does not deduce aggregate template arguments by itself (P1816).
template<class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

RecordWriter::RecordResult notFound(const char *what, const QByteArray &id)
{
    return tl::unexpected(makeError(
        ErrorCode::NotFound,
        QStringLiteral("no stored %1 \"%2\"").arg(QLatin1String(what), QString::fromUtf8(id))));
}

} // namespace

RecordWriter::RecordWriter(QSqlDatabase database, Defaults defaults)
    : m_database(std::move(database))
    , m_defaults(std::move(defaults))
    , m_insertCall(m_database)
    , m_updateCall(m_database)
    , m_insertSession(m_database)
    , m_endSession(m_database)
    , m_insertMessage(m_database)
    , m_insertReceived(m_database)
    , m_updateMessage(m_database)
    , m_insertEvent(m_database)
    , m_insertMessageEvent(m_database)
    , m_selectCall(m_database)
    , m_selectSession(m_database)
{
    m_elementIdValue = sql::text(m_defaults.elementId);
    m_agencyIdValue = sql::text(m_defaults.agencyId);
}

Result<void> RecordWriter::prepare()
{
    const struct
    {
        QSqlQuery *query;
        QString sql;
    } statements[] = {
        {&m_insertCall,
         QStringLiteral("INSERT INTO calls (id, sip_call_id, direction, local_uri, remote_uri,"
                        " incident_id, started_at, ended_at, state, end_reason)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")},
        {&m_updateCall, QStringLiteral("UPDATE calls SET state = COALESCE(?, state),"
                                       " ended_at = COALESCE(?, ended_at),"
                                       " end_reason = COALESCE(?, end_reason),"
                                       " sip_call_id = COALESCE(?, sip_call_id) WHERE id = ?")},
        {&m_insertSession,
         QStringLiteral("INSERT INTO sessions (id, call_id, msrp_session_id, direction,"
                        " local_path, remote_path, sdp, started_at, ended_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")},
        {&m_endSession, QStringLiteral("UPDATE sessions SET ended_at = ? WHERE id = ?")},
        {&m_insertMessage,
         QStringLiteral("INSERT INTO messages (id, seq, call_id, session_id, direction, body,"
                        " file_uri, content_type, msrp_message_id, range_start, range_end,"
                        " byte_size, queued_at, sent_at, acknowledged_at, delivered_at, state,"
                        " failure_status, failure_reason)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        " ON CONFLICT DO NOTHING")},
        // Direction and state are literals: every bound value costs QtSql a QString and a
        // hash lookup (QSqlResult::bindValue), and this runs once per received text.
        {&m_insertReceived,
         QStringLiteral("INSERT INTO messages (id, seq, call_id, session_id, direction, body,"
                        " file_uri, content_type, msrp_message_id, range_start, range_end,"
                        " byte_size, queued_at, state)"
                        " VALUES (?, ?, ?, ?, '") +
             directionName(Direction::Incoming) + QStringLiteral("', ?, ?, ?, ?, ?, ?, ?, ?, '") +
             messageStateName(MessageState::Received) +
             QStringLiteral("') ON CONFLICT DO NOTHING")},
        {&m_updateMessage,
         QStringLiteral("UPDATE messages SET state = COALESCE(?, state),"
                        " sent_at = COALESCE(?, sent_at),"
                        " acknowledged_at = COALESCE(?, acknowledged_at),"
                        " delivered_at = COALESCE(?, delivered_at),"
                        " failure_status = COALESCE(?, failure_status),"
                        " failure_reason = COALESCE(?, failure_reason) WHERE id = ?")},
        {&m_insertEvent,
         QStringLiteral("INSERT INTO events (id, seq, log_event_type, event_time, call_id,"
                        " incident_id, sip_call_id, element_id, agency_id, payload)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")},
        {&m_selectCall, QStringLiteral("SELECT sip_call_id, incident_id FROM calls WHERE id = ?")},
        {&m_selectSession,
         QStringLiteral("SELECT call_id, msrp_session_id FROM sessions WHERE id = ?")},
    };
    for (const auto &statement : statements) {
        if (!statement.query->prepare(statement.sql))
            return tl::unexpected(sql::error(QStringLiteral("preparing ") + statement.sql,
                                             statement.query->lastError()));
    }

    // Constant per store, so written into the statement (SQL's '' escape, the same in SQLite
    // and PostgreSQL) rather than bound for every text. A NUL cannot be a literal: then the
    // general statement serves.
    const auto literal = [](const QString &value) -> QString {
        return u'\'' + QString(value).replace(u'\'', QStringLiteral("''")) + u'\'';
    };
    if (!m_defaults.elementId.contains(QChar(0)) && !m_defaults.agencyId.contains(QChar(0))) {
        const QString statement =
            QStringLiteral("INSERT INTO events (id, seq, log_event_type, event_time, call_id,"
                           " incident_id, sip_call_id, element_id, agency_id, payload)"
                           " VALUES (?, ?, ") +
            literal(logEventTypeName(MessageLogEvent{})) + QStringLiteral(", ?, ?, ?, ?, ") +
            literal(m_defaults.elementId) + QStringLiteral(", ") + literal(m_defaults.agencyId) +
            QStringLiteral(", ?) ON CONFLICT DO NOTHING");
        if (!m_insertMessageEvent.prepare(statement))
            return tl::unexpected(sql::error(QStringLiteral("preparing ") + statement,
                                             m_insertMessageEvent.lastError()));
        m_messageEventPrepared = true;
    }

    // Transcript order continues after the highest sequence number already stored.
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM messages UNION ALL "
                                   "SELECT COALESCE(MAX(seq), 0) FROM events")))
        return tl::unexpected(
            sql::error(QStringLiteral("reading the last sequence number"), query.lastError()));
    qint64 highest = 0;
    while (query.next())
        highest = std::max(highest, query.value(0).toLongLong());
    m_nextSequence = highest + 1;
    return {};
}

void RecordWriter::forgetCaches()
{
    m_calls.clear();
    m_sessions.clear();
}

Result<int> RecordWriter::run(QSqlQuery &query, const char *what)
{
    if (!query.exec())
        return tl::unexpected(sql::error(QString::fromLatin1(what), query.lastError()));
    return query.numRowsAffected();
}

Result<RecordWriter::RecordResult> RecordWriter::write(const Record &record)
{
    return std::visit(Overloaded{
                          [this](const CallRecord &r) { return writeCall(r); },
                          [this](const CallUpdate &r) { return writeCallUpdate(r); },
                          [this](const SessionRecord &r) { return writeSession(r); },
                          [this](const SessionEnd &r) { return writeSessionEnd(r); },
                          [this](const MessageRecord &r) { return writeMessage(r); },
                          [this](const MessageUpdate &r) { return writeMessageUpdate(r); },
                          [this](const MessageLogEvent &r) { return writeEvent(r); },
                          [this](const MalformedMessageLogEvent &r) { return writeEvent(r); },
                          [this](const SessionStartLogEvent &r) { return writeEvent(r); },
                          [this](const SessionEndLogEvent &r) { return writeEvent(r); },
                      },
                      record);
}

Result<RecordWriter::RecordResult> RecordWriter::writeCall(const CallRecord &call)
{
    QSqlQuery &q = m_insertCall;
    q.addBindValue(sql::id(call.id));
    q.addBindValue(sql::id(call.sipCallId));
    q.addBindValue(directionName(call.direction));
    q.addBindValue(sql::text(call.localUri));
    q.addBindValue(sql::text(call.remoteUri));
    q.addBindValue(sql::idOrNull(call.incidentId));
    q.addBindValue(sql::time(call.startedAt));
    q.addBindValue(sql::time(call.endedAt));
    q.addBindValue(sql::text(call.state));
    q.addBindValue(sql::textOrNull(call.endReason));
    const auto rows = run(q, "storing a call");
    if (!rows)
        return tl::unexpected(rows.error());
    if (*rows == 0)
        return RecordResult(AppendOutcome::AlreadyStored);
    m_calls.insert(call.id,
                   CallFacts{call.sipCallId, call.incidentId, sql::id(call.id),
                             sql::idOrNull(call.sipCallId), sql::idOrNull(call.incidentId)});
    return RecordResult(AppendOutcome::Stored);
}

Result<RecordWriter::RecordResult> RecordWriter::writeCallUpdate(const CallUpdate &update)
{
    QSqlQuery &q = m_updateCall;
    q.addBindValue(update.state ? sql::text(*update.state) : sql::nullText());
    q.addBindValue(sql::time(update.endedAt));
    q.addBindValue(update.endReason ? sql::text(*update.endReason) : sql::nullText());
    q.addBindValue(sql::idOrNull(update.sipCallId));
    q.addBindValue(sql::id(update.callId));
    const auto rows = run(q, "updating a call");
    if (!rows)
        return tl::unexpected(rows.error());
    if (*rows == 0)
        return notFound("call", update.callId);
    // Later log events of the call carry the Call-ID learnt (the cache may hold it empty).
    if (!update.sipCallId.isEmpty())
        m_calls.remove(update.callId);
    return RecordResult(AppendOutcome::Stored);
}

Result<RecordWriter::RecordResult> RecordWriter::writeSession(const SessionRecord &session)
{
    QSqlQuery &q = m_insertSession;
    q.addBindValue(sql::id(session.id));
    q.addBindValue(sql::id(session.callId));
    q.addBindValue(sql::id(session.msrpSessionId));
    q.addBindValue(directionName(session.direction));
    q.addBindValue(sql::text(session.localPath));
    q.addBindValue(sql::text(session.remotePath));
    q.addBindValue(sql::textOrNull(session.sdp));
    q.addBindValue(sql::time(session.startedAt));
    q.addBindValue(sql::time(session.endedAt));
    const auto rows = run(q, "storing a session");
    if (!rows)
        return tl::unexpected(rows.error());
    if (*rows == 0)
        return RecordResult(AppendOutcome::AlreadyStored);
    m_sessions.insert(session.id,
                      SessionFacts{session.callId, session.msrpSessionId, sql::id(session.id)});

    const auto call = callFacts(session.callId);
    if (!call)
        return tl::unexpected(call.error());
    SessionStartLogEvent event = sessionStartLogEventFor(session, call->sipCallId);
    event.header.incidentId = call->incidentId;
    const auto logged = writeEvent(std::move(event));
    if (!logged)
        return logged;
    return RecordResult(AppendOutcome::Stored);
}

Result<RecordWriter::RecordResult> RecordWriter::writeSessionEnd(const SessionEnd &end)
{
    QSqlQuery &q = m_endSession;
    q.addBindValue(sql::time(end.endedAt));
    q.addBindValue(sql::id(end.sessionId));
    const auto rows = run(q, "ending a session");
    if (!rows)
        return tl::unexpected(rows.error());
    if (*rows == 0)
        return notFound("session", end.sessionId);

    const auto session = sessionFacts(end.sessionId);
    if (!session)
        return tl::unexpected(session.error());
    const auto call = callFacts(session->callId);
    if (!call)
        return tl::unexpected(call.error());
    SessionEndLogEvent event;
    event.header.id = QByteArrayLiteral("session-end:") + end.sessionId;
    event.header.timestamp = end.endedAt;
    event.header.callId = session->callId;
    event.header.sipCallId = call->sipCallId;
    event.header.incidentId = call->incidentId;
    event.msrpSessionId = session->msrpSessionId;
    event.mediaLabel = {QString::fromUtf8(session->msrpSessionId)};
    event.reason = end.reason;
    const auto logged = writeEvent(std::move(event));
    if (!logged)
        return logged;
    return RecordResult(AppendOutcome::Stored);
}

Result<int> RecordWriter::insertReceived(const MessageRecord &message, const CallFacts &call,
                                         const SessionFacts *session)
{
    QSqlQuery &q = m_insertReceived;
    q.addBindValue(sql::id(message.id));
    q.addBindValue(m_nextSequence);
    q.addBindValue(call.idValue);
    q.addBindValue(session ? session->idValue : sql::nullText());
    q.addBindValue(message.fileUri.isEmpty() ? sql::text(message.text) : sql::nullText());
    q.addBindValue(sql::textOrNull(message.fileUri));
    q.addBindValue(sql::text(message.contentType));
    q.addBindValue(sql::idOrNull(message.msrpMessageId));
    q.addBindValue(message.rangeStart);
    q.addBindValue(message.rangeEnd);
    q.addBindValue(message.byteSize);
    q.addBindValue(sql::time(message.queuedAt));
    return run(q, "storing a message");
}

Result<int> RecordWriter::insertAny(const MessageRecord &message, const CallFacts &call,
                                    const SessionFacts *session)
{
    QSqlQuery &q = m_insertMessage;
    q.addBindValue(sql::id(message.id));
    q.addBindValue(m_nextSequence);
    q.addBindValue(call.idValue);
    q.addBindValue(session ? session->idValue : sql::nullText());
    q.addBindValue(directionName(message.direction));
    q.addBindValue(message.fileUri.isEmpty() ? sql::text(message.text) : sql::nullText());
    q.addBindValue(sql::textOrNull(message.fileUri));
    q.addBindValue(sql::text(message.contentType));
    q.addBindValue(sql::idOrNull(message.msrpMessageId));
    q.addBindValue(message.rangeStart);
    q.addBindValue(message.rangeEnd);
    q.addBindValue(message.byteSize);
    q.addBindValue(sql::time(message.queuedAt));
    q.addBindValue(sql::time(message.sentAt));
    q.addBindValue(sql::time(message.acknowledgedAt));
    q.addBindValue(sql::time(message.deliveredAt));
    q.addBindValue(messageStateName(message.state));
    q.addBindValue(message.failureStatus != 0 ? QVariant(message.failureStatus) : sql::nullInt());
    q.addBindValue(sql::textOrNull(message.failureReason));
    return run(q, "storing a message");
}

Result<RecordWriter::RecordResult> RecordWriter::writeMessage(const MessageRecord &message)
{
    const auto call = callFacts(message.callId);
    if (!call)
        return tl::unexpected(call.error());
    std::optional<SessionFacts> session;
    if (!message.sessionId.isEmpty()) {
        auto facts = sessionFacts(message.sessionId);
        if (!facts)
            return tl::unexpected(facts.error());
        session = std::move(*facts);
    }
    const bool received = message.direction == Direction::Incoming &&
                          message.state == MessageState::Received && !message.sentAt.isValid() &&
                          !message.acknowledgedAt.isValid() && !message.deliveredAt.isValid() &&
                          message.failureStatus == 0 && message.failureReason.isEmpty();
    const SessionFacts *sessionFactsOrNull = session ? &*session : nullptr;
    const auto rows = received ? insertReceived(message, *call, sessionFactsOrNull)
                               : insertAny(message, *call, sessionFactsOrNull);
    if (!rows)
        return tl::unexpected(rows.error());
    // RFC 4975 §7.3.1: a retransmitted chunk carries the same Message-ID and Byte-Range.
    if (*rows == 0)
        return RecordResult(AppendOutcome::AlreadyStored);
    ++m_nextSequence;

    MessageLogEvent event = messageLogEventFor(message, call->sipCallId);
    event.header.incidentId = call->incidentId;
    if (session)
        event.msrpSessionId = session->msrpSessionId;
    const auto logged = writeEvent(std::move(event), &*call);
    if (!logged)
        return logged;
    return RecordResult(AppendOutcome::Stored);
}

Result<RecordWriter::RecordResult> RecordWriter::writeMessageUpdate(const MessageUpdate &update)
{
    QSqlQuery &q = m_updateMessage;
    q.addBindValue(update.state ? QVariant(messageStateName(*update.state)) : sql::nullText());
    q.addBindValue(sql::time(update.sentAt));
    q.addBindValue(sql::time(update.acknowledgedAt));
    q.addBindValue(sql::time(update.deliveredAt));
    q.addBindValue(update.failureStatus ? QVariant(*update.failureStatus) : sql::nullInt());
    q.addBindValue(update.failureReason ? sql::text(*update.failureReason) : sql::nullText());
    q.addBindValue(sql::id(update.messageId));
    const auto rows = run(q, "updating a message");
    if (!rows)
        return tl::unexpected(rows.error());
    if (*rows == 0)
        return notFound("message", update.messageId);
    return RecordResult(AppendOutcome::Stored);
}

Result<RecordWriter::RecordResult> RecordWriter::writeEvent(LogEvent event, const CallFacts *call)
{
    LogEventHeader &header = headerOf(event);
    if (header.id.isEmpty())
        header.id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const bool defaultElement = header.elementId.isEmpty();
    const bool defaultAgency = header.agencyId.isEmpty();
    if (defaultElement)
        header.elementId = m_defaults.elementId;
    if (defaultAgency)
        header.agencyId = m_defaults.agencyId;
    // `call`, when given, is the call the event names, with its values converted already.
    Q_ASSERT(!call ||
             (header.sipCallId == call->sipCallId && header.incidentId == call->incidentId));
    const QString payload = toCompactJson(event);

    // A text's event with this Herald's own ids: the statement that has them as literals.
    const bool common = call && defaultElement && defaultAgency &&
                        std::holds_alternative<MessageLogEvent>(event) && m_messageEventPrepared;
    if (common) {
        QSqlQuery &q = m_insertMessageEvent;
        q.addBindValue(sql::id(header.id));
        q.addBindValue(m_nextSequence);
        q.addBindValue(sql::time(header.timestamp));
        q.addBindValue(call->idValue);
        q.addBindValue(call->incidentIdValue);
        q.addBindValue(call->sipCallIdValue);
        q.addBindValue(payload);
        return countEvent(run(q, "logging an event"));
    }

    QSqlQuery &q = m_insertEvent;
    q.addBindValue(sql::id(header.id));
    q.addBindValue(m_nextSequence);
    q.addBindValue(logEventTypeName(event));
    q.addBindValue(sql::time(header.timestamp));
    if (call) {
        q.addBindValue(call->idValue);
        q.addBindValue(call->incidentIdValue);
        q.addBindValue(call->sipCallIdValue);
    } else {
        q.addBindValue(sql::idOrNull(header.callId));
        q.addBindValue(sql::idOrNull(header.incidentId));
        q.addBindValue(sql::idOrNull(header.sipCallId));
    }
    q.addBindValue(defaultElement ? m_elementIdValue : sql::text(header.elementId));
    q.addBindValue(defaultAgency ? m_agencyIdValue : sql::text(header.agencyId));
    q.addBindValue(payload);
    return countEvent(run(q, "logging an event"));
}

Result<RecordWriter::RecordResult> RecordWriter::countEvent(Result<int> rows)
{
    if (!rows)
        return tl::unexpected(rows.error());
    if (*rows == 0)
        return RecordResult(AppendOutcome::AlreadyStored);
    ++m_nextSequence;
    return RecordResult(AppendOutcome::Stored);
}

Result<RecordWriter::CallFacts> RecordWriter::callFacts(const QByteArray &callId)
{
    if (const auto it = m_calls.constFind(callId); it != m_calls.constEnd())
        return *it;
    QSqlQuery &q = m_selectCall;
    q.addBindValue(sql::id(callId));
    if (!q.exec())
        return tl::unexpected(sql::error(QStringLiteral("looking up a call"), q.lastError()));
    // A record may name a call that was never stored (the log then lacks its SIP Call-ID):
    // that is the engine's business, not a reason to fail the group.
    CallFacts facts;
    facts.idValue = sql::id(callId);
    const bool found = q.next();
    if (found) {
        facts.sipCallId = sql::toId(q.value(0));
        facts.incidentId = sql::toId(q.value(1));
    }
    facts.sipCallIdValue = sql::idOrNull(facts.sipCallId);
    facts.incidentIdValue = sql::idOrNull(facts.incidentId);
    if (found)
        m_calls.insert(callId, facts);
    q.finish();
    return facts;
}

Result<RecordWriter::SessionFacts> RecordWriter::sessionFacts(const QByteArray &sessionId)
{
    if (const auto it = m_sessions.constFind(sessionId); it != m_sessions.constEnd())
        return *it;
    QSqlQuery &q = m_selectSession;
    q.addBindValue(sql::id(sessionId));
    if (!q.exec())
        return tl::unexpected(sql::error(QStringLiteral("looking up a session"), q.lastError()));
    SessionFacts facts;
    facts.idValue = sql::id(sessionId);
    if (q.next()) {
        facts.callId = sql::toId(q.value(0));
        facts.msrpSessionId = sql::toId(q.value(1));
        m_sessions.insert(sessionId, facts);
    }
    q.finish();
    return facts;
}

} // namespace herald::store
