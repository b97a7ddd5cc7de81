// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/store/records.h"
#include "engine/store/store.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace herald::store {

// Turns records into rows with prepared statements, inside a transaction the caller opened.
// The SQL is portable (SQLite >= 3.24 and PostgreSQL >= 9.5 both take
// "INSERT ... ON CONFLICT DO NOTHING"): a duplicate is detected without raising an error,
// because on PostgreSQL any error inside a transaction aborts the whole of it.
class RecordWriter
{
public:
    struct Defaults
    {
        QString elementId; // NENA i3 elementId of this Herald
        QString agencyId;  // NENA i3 agencyId
    };

    // The outcome of one record (Stored, AlreadyStored, or NotFound for an update of a row
    // that does not exist), when the database itself did not fail.
    using RecordResult = Result<AppendOutcome>;

    RecordWriter(QSqlDatabase database, Defaults defaults);

    // Prepares the statements and reads where the transcript order continues.
    Result<void> prepare();
    // A database failure comes back as the outer error: the group must be abandoned.
    Result<RecordResult> write(const Record &record);
    // Cached call and session facts may come from a rolled-back transaction.
    void forgetCaches();

private:
    struct CallFacts
    {
        QByteArray sipCallId;
        QByteArray incidentId;
        // As bound, converted once per call rather than once per text.
        QVariant idValue;
        QVariant sipCallIdValue;
        QVariant incidentIdValue;
    };
    struct SessionFacts
    {
        QByteArray callId;
        QByteArray msrpSessionId;
        QVariant idValue;
    };

    Result<RecordResult> writeCall(const CallRecord &call);
    Result<RecordResult> writeCallUpdate(const CallUpdate &update);
    Result<RecordResult> writeSession(const SessionRecord &session);
    Result<RecordResult> writeSessionEnd(const SessionEnd &end);
    Result<RecordResult> writeMessage(const MessageRecord &message);
    Result<RecordResult> writeMessageUpdate(const MessageUpdate &update);
    Result<RecordResult> writeEvent(LogEvent event, const CallFacts *call = nullptr);
    // A received text, the common case, by the statement that binds only what varies.
    Result<int> insertReceived(const MessageRecord &message, const CallFacts &call,
                               const SessionFacts *session);
    Result<int> insertAny(const MessageRecord &message, const CallFacts &call,
                          const SessionFacts *session);

    Result<CallFacts> callFacts(const QByteArray &callId);
    Result<SessionFacts> sessionFacts(const QByteArray &sessionId);
    Result<int> run(QSqlQuery &query, const char *what);
    Result<RecordResult> countEvent(Result<int> rows);

    QSqlDatabase m_database;
    Defaults m_defaults;
    qint64 m_nextSequence = 1;
    QVariant m_elementIdValue;
    QVariant m_agencyIdValue;
    QSqlQuery m_insertCall;
    QSqlQuery m_updateCall;
    QSqlQuery m_insertSession;
    QSqlQuery m_endSession;
    QSqlQuery m_insertMessage;
    QSqlQuery m_insertReceived;
    QSqlQuery m_updateMessage;
    QSqlQuery m_insertEvent;
    QSqlQuery m_insertMessageEvent; // a text's event, this Herald's element and agency inlined
    bool m_messageEventPrepared = false;
    QSqlQuery m_selectCall;
    QSqlQuery m_selectSession;
    QHash<QByteArray, CallFacts> m_calls;
    QHash<QByteArray, SessionFacts> m_sessions;
};

} // namespace herald::store
