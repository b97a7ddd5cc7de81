// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/store/logevents.h"
#include "engine/store/records.h"
#include "engine/store/store.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace herald::store {

// Reads calls, sessions, transcripts and log events back (portable SQL, committed rows
// only).
class HistoryReader
{
public:
    explicit HistoryReader(QSqlDatabase database);

    Result<QList<CallRecord>> calls(const CallQuery &query) const;
    Result<std::optional<CallRecord>> call(const QByteArray &callId) const;
    Result<QList<SessionRecord>> sessions(const QByteArray &callId) const;
    Result<QList<MessageRecord>> transcript(const QByteArray &callId) const;
    Result<QList<LogEvent>> logEvents(const QByteArray &callId) const;

private:
    QSqlDatabase m_database;
};

} // namespace herald::store
