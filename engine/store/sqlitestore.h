// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/clock.h"
#include "engine/store/commitbatcher.h"
#include "engine/store/store.h"

#include <QString>

#include <memory>

namespace herald::store {

class HistoryReader;
class RecordWriter;

struct SqliteStoreOptions
{
    // The database file; its directory must exist. ":memory:" gives a database that lives
    // as long as the store is open (tests and the benchmark's baseline; nothing is durable).
    QString path;
    qsizetype maxGroupSize = 512; // records per transaction at most
    // How long a write waits for another connection's lock before the group fails.
    int busyTimeoutMs = 2000;
    QString elementId; // NENA i3 elementId / agencyId put on log events that lack them
    QString agencyId;
};

// The Store on QtSql's QSQLITE driver, in WAL mode with synchronous=FULL: a COMMIT returns
// after the WAL is fsync'd, so a text acknowledged after its callback survives kill -9 and
// power loss. Each instance owns its own named QSqlDatabase connection.
//
// The SQL itself is portable (see Migration and RecordWriter); only the PRAGMAs are
// SQLite's, and they are applied only on the QSQLITE driver.
class SqliteStore final : public Store, private GroupWriter
{
    Q_OBJECT
public:
    SqliteStore(SqliteStoreOptions options, const Clock &clock, QObject *parent = nullptr);
    ~SqliteStore() override;

    // Opens (creating if needed) the database, applies the PRAGMAs, migrates the schema to
    // the latest version and makes the store healthy. Reopening after close() (or after a
    // failure, once close() was called) starts over from what is on disk.
    Result<void> open();
    // Flushes what is queued (running its callbacks) and closes the connection. Appends
    // after close() fail.
    void close();
    bool isOpen() const;

    int schemaVersion() const { return m_schemaVersion; }
    QString connectionName() const { return m_connectionName; }
    // The value of a PRAGMA as this store's connection sees it (journal_mode, synchronous,
    // ...): for diagnostics and tests. name must be a plain identifier.
    Result<QString> pragma(const QString &name) const;

    Ticket append(Record record, DurableCallback onDurable = {}) override;
    Result<void> flush() override;
    bool healthy() const override { return m_healthy; }
    std::optional<Error> lastError() const override { return m_lastError; }
    StoreStatistics statistics() const override { return m_batcher.statistics(); }

    Result<QList<CallRecord>> calls(const CallQuery &query = {}) const override;
    Result<std::optional<CallRecord>> call(const QByteArray &callId) const override;
    Result<QList<SessionRecord>> sessions(const QByteArray &callId) const override;
    Result<QList<MessageRecord>> transcript(const QByteArray &callId) const override;
    Result<QList<LogEvent>> logEvents(const QByteArray &callId = {}) const override;

private:
    Result<void> writeGroup(std::span<PendingRecord> group) override;
    Result<void> openConnection();
    Result<void> applyPragmas();
    Result<void> openFailed(Error error);
    // Enters the failed state: sticky until close() + open().
    Error markFailed(Error error);
    Result<void> ensureReadable() const;
    void closeConnection();

    SqliteStoreOptions m_options;
    const Clock &m_clock;
    QString m_connectionName;
    bool m_open = false;
    bool m_healthy = false;
    bool m_unhealthyToReport = false;
    std::optional<Error> m_lastError;
    int m_schemaVersion = 0;
    std::unique_ptr<RecordWriter> m_writer;
    std::unique_ptr<HistoryReader> m_reader;
    CommitBatcher m_batcher;
};

} // namespace herald::store
