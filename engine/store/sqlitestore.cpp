// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/store/sqlitestore.h"

#include "engine/store/historyreader.h"
#include "engine/store/migrations.h"
#include "engine/store/recordwriter.h"
#include "engine/store/sqlsupport.h"
#include "engine/store/storelogging.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>

namespace herald::store {

namespace {

QString driverName()
{
    return QStringLiteral("QSQLITE");
}

Error closedError()
{
    return makeError(ErrorCode::Io, QStringLiteral("the store is not open"));
}

} // namespace

SqliteStore::SqliteStore(SqliteStoreOptions options, const Clock &clock, QObject *parent)
    : Store(parent)
    , m_options(std::move(options))
    , m_clock(clock)
    // One connection per instance, never Qt's default connection: several stores (tests,
    // a second node's database) can live in one process.
    , m_connectionName(
          QStringLiteral("herald.store.sqlite.%1").arg(reinterpret_cast<quintptr>(this), 0, 16))
    , m_batcher(*this, m_options.maxGroupSize)
{
    connect(&m_batcher, &CommitBatcher::groupCommitted, this,
            [this](quint64, quint64 lastTicket) { Q_EMIT durable(lastTicket); });
    connect(&m_batcher, &CommitBatcher::groupFailed, this,
            [this](quint64 first, quint64 last, const Error &error) {
                Q_EMIT groupFailed(first, last, error);
                // Raised from the event loop, not from inside the append that filled a group.
                if (m_unhealthyToReport) {
                    m_unhealthyToReport = false;
                    Q_EMIT unhealthy(*m_lastError);
                }
            });
}

SqliteStore::~SqliteStore()
{
    close();
}

Result<void> SqliteStore::open()
{
    if (m_open)
        return {};
    // Every QSqlDatabase handle of openConnection() is gone by now, so a failure can
    // remove the connection cleanly.
    if (auto connected = openConnection(); !connected)
        return openFailed(connected.error());
    m_open = true;
    m_healthy = true;
    m_unhealthyToReport = false;
    m_lastError.reset();
    qCInfo(lcStore) << "store open:" << m_options.path << "schema v" << m_schemaVersion;
    return {};
}

Result<void> SqliteStore::openConnection()
{
    if (!QSqlDatabase::isDriverAvailable(driverName()))
        return fail(ErrorCode::Unsupported, QStringLiteral("the Qt SQLite driver (QSQLITE) is "
                                                           "missing: install libqt6sql6-sqlite"));
    QSqlDatabase db = QSqlDatabase::addDatabase(driverName(), m_connectionName);
    db.setDatabaseName(m_options.path);
    db.setConnectOptions(
        QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(std::max(0, m_options.busyTimeoutMs)));
    if (!db.open())
        return tl::unexpected(
            sql::error(QStringLiteral("opening %1").arg(m_options.path), db.lastError()));
    if (db.driverName() == driverName()) {
        if (auto applied = applyPragmas(); !applied)
            return applied;
    }
    const auto version = Migrator(db).migrate(schemaMigrations(), m_clock.wallNow());
    if (!version)
        return tl::unexpected(version.error());
    m_schemaVersion = *version;

    m_writer = std::make_unique<RecordWriter>(
        db, RecordWriter::Defaults{m_options.elementId, m_options.agencyId});
    if (auto prepared = m_writer->prepare(); !prepared)
        return prepared;
    m_reader = std::make_unique<HistoryReader>(db);
    return {};
}

Result<void> SqliteStore::applyPragmas()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    // WAL: a commit appends to the log and fsyncs it once; readers never block the writer.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next())
        return tl::unexpected(sql::error(QStringLiteral("PRAGMA journal_mode=WAL"), q.lastError()));
    const QString mode = q.value(0).toString();
    q.finish();
    // An in-memory database keeps its journal in memory whatever is asked: it is the
    // benchmark's baseline and durable only as long as the process lives.
    const bool inMemory = m_options.path == QLatin1String(":memory:") &&
                          mode.compare(QLatin1String("memory"), Qt::CaseInsensitive) == 0;
    if (!inMemory && mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(
            ErrorCode::Io,
            QStringLiteral("%1 cannot use WAL journaling (got \"%2\")").arg(m_options.path, mode));
    // FULL: in WAL mode NORMAL would not fsync at each commit and could lose the last
    // acknowledged texts on power loss.
    if (!q.exec(QStringLiteral("PRAGMA synchronous=FULL")))
        return tl::unexpected(sql::error(QStringLiteral("PRAGMA synchronous=FULL"), q.lastError()));
    const auto level = pragma(QStringLiteral("synchronous"));
    if (!level)
        return tl::unexpected(level.error());
    if (*level != QLatin1String("2"))
        return fail(ErrorCode::Io,
                    QStringLiteral("PRAGMA synchronous=FULL did not take (got %1)").arg(*level));
    return {};
}

Result<void> SqliteStore::openFailed(Error error)
{
    qCCritical(lcStore) << "cannot open the store:" << error.detail;
    closeConnection();
    m_healthy = false;
    m_lastError = error;
    return tl::unexpected(std::move(error));
}

void SqliteStore::close()
{
    if (!m_open) {
        // Appends made while closed (or never opened) still hear back: with an error.
        m_batcher.flushNow();
        return;
    }
    // What is queued is written (or fails) and told so before the connection goes.
    m_batcher.flushNow();
    closeConnection();
    m_open = false;
    m_healthy = false;
    // Anything a callback appended meanwhile fails now rather than never hearing back.
    m_batcher.flushNow();
    qCInfo(lcStore) << "store closed:" << m_options.path;
}

bool SqliteStore::isOpen() const
{
    return m_open;
}

void SqliteStore::closeConnection()
{
    // Queries and QSqlDatabase copies must be gone before the connection is removed.
    m_writer.reset();
    m_reader.reset();
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Result<QString> SqliteStore::pragma(const QString &name) const
{
    const bool plain = !name.isEmpty() && std::all_of(name.begin(), name.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || c == u'_';
    });
    if (!plain)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("not a PRAGMA name: ") + name);
    if (!QSqlDatabase::contains(m_connectionName))
        return tl::unexpected(closedError());
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("PRAGMA ") + name))
        return tl::unexpected(sql::error(QStringLiteral("PRAGMA ") + name, q.lastError()));
    if (!q.next())
        return QString();
    return q.value(0).toString();
}

Ticket SqliteStore::append(Record record, DurableCallback onDurable)
{
    std::optional<Error> rejection;
    if (auto valid = validate(record); !valid)
        rejection = valid.error();
    return m_batcher.enqueue(std::move(record), std::move(onDurable), std::move(rejection));
}

Result<void> SqliteStore::flush()
{
    m_batcher.flushNow();
    if (!m_open)
        return tl::unexpected(closedError());
    if (!m_healthy)
        return tl::unexpected(*m_lastError);
    return {};
}

Result<void> SqliteStore::writeGroup(std::span<PendingRecord> group)
{
    if (!m_open)
        return tl::unexpected(closedError());
    // Sticky: after a failed commit the state of the file and of the kernel's page cache
    // is not known (a failed fsync may have dropped dirty pages), so nothing is acknowledged
    // again until the store has been reopened from disk.
    if (!m_healthy)
        return fail(ErrorCode::Io,
                    QStringLiteral("the store failed earlier: ") + m_lastError->detail);

    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        return tl::unexpected(markFailed(
            makeError(ErrorCode::Io, QStringLiteral("the database connection is closed"))));
    if (!db.transaction())
        return tl::unexpected(markFailed(sql::error(QStringLiteral("BEGIN"), db.lastError())));
    for (PendingRecord &pending : group) {
        if (pending.result)
            continue;
        auto written = m_writer->write(pending.record);
        if (!written) {
            db.rollback();
            return tl::unexpected(markFailed(written.error()));
        }
        pending.result = std::move(*written);
    }
    if (!db.commit()) {
        const Error error = sql::error(QStringLiteral("COMMIT"), db.lastError());
        db.rollback();
        return tl::unexpected(markFailed(error));
    }
    return {};
}

Error SqliteStore::markFailed(Error error)
{
    qCCritical(lcStore) << "store failed, acknowledging nothing until reopened:" << error.detail;
    if (m_writer)
        m_writer->forgetCaches();
    if (m_healthy)
        m_unhealthyToReport = true;
    m_healthy = false;
    m_lastError = error;
    return error;
}

Result<void> SqliteStore::ensureReadable() const
{
    if (!m_open || !m_reader)
        return tl::unexpected(closedError());
    return {};
}

Result<QList<CallRecord>> SqliteStore::calls(const CallQuery &query) const
{
    if (auto readable = ensureReadable(); !readable)
        return tl::unexpected(readable.error());
    return m_reader->calls(query);
}

Result<std::optional<CallRecord>> SqliteStore::call(const QByteArray &callId) const
{
    if (auto readable = ensureReadable(); !readable)
        return tl::unexpected(readable.error());
    return m_reader->call(callId);
}

Result<QList<SessionRecord>> SqliteStore::sessions(const QByteArray &callId) const
{
    if (auto readable = ensureReadable(); !readable)
        return tl::unexpected(readable.error());
    return m_reader->sessions(callId);
}

Result<QList<MessageRecord>> SqliteStore::transcript(const QByteArray &callId) const
{
    if (auto readable = ensureReadable(); !readable)
        return tl::unexpected(readable.error());
    return m_reader->transcript(callId);
}

Result<QList<LogEvent>> SqliteStore::logEvents(const QByteArray &callId) const
{
    if (auto readable = ensureReadable(); !readable)
        return tl::unexpected(readable.error());
    return m_reader->logEvents(callId);
}

} // namespace herald::store
