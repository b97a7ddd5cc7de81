// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/store/migrations.h"

#include "engine/store/sqlsupport.h"
#include "engine/store/storelogging.h"

#include <QSqlError>
#include <QSqlQuery>

namespace herald::store {

namespace {

Migration version1()
{
    return {1,
            QStringLiteral("calls, sessions, messages, events"),
            {
                QStringLiteral("CREATE TABLE calls ("
                               " id TEXT NOT NULL PRIMARY KEY,"
                               " sip_call_id TEXT NOT NULL,"
                               " direction TEXT NOT NULL,"
                               " local_uri TEXT NOT NULL,"
                               " remote_uri TEXT NOT NULL,"
                               " started_at BIGINT NOT NULL,"
                               " ended_at BIGINT,"
                               " state TEXT NOT NULL,"
                               " end_reason TEXT)"),
                QStringLiteral("CREATE TABLE sessions ("
                               " id TEXT NOT NULL PRIMARY KEY,"
                               " call_id TEXT NOT NULL,"
                               " msrp_session_id TEXT NOT NULL,"
                               " direction TEXT NOT NULL,"
                               " local_path TEXT NOT NULL,"
                               " remote_path TEXT NOT NULL,"
                               " sdp TEXT,"
                               " started_at BIGINT NOT NULL,"
                               " ended_at BIGINT)"),
                // session_id and msrp_message_id are NULL for a SIP MESSAGE: NULLs never
                // collide in a UNIQUE constraint (SQLite and PostgreSQL alike), so only
                // MSRP retransmissions are folded.
                QStringLiteral("CREATE TABLE messages ("
                               " id TEXT NOT NULL PRIMARY KEY,"
                               " seq BIGINT NOT NULL,"
                               " call_id TEXT NOT NULL,"
                               " session_id TEXT,"
                               " direction TEXT NOT NULL,"
                               " body TEXT,"
                               " file_uri TEXT,"
                               " content_type TEXT NOT NULL,"
                               " msrp_message_id TEXT,"
                               " range_start BIGINT NOT NULL,"
                               " range_end BIGINT NOT NULL,"
                               " byte_size BIGINT NOT NULL,"
                               " queued_at BIGINT NOT NULL,"
                               " sent_at BIGINT,"
                               " acknowledged_at BIGINT,"
                               " delivered_at BIGINT,"
                               " state TEXT NOT NULL,"
                               " failure_status INTEGER,"
                               " failure_reason TEXT,"
                               " UNIQUE (session_id, msrp_message_id, range_start, range_end))"),
                // One NENA i3 LogEvent per row: the searchable members as columns, the whole
                // event as its JSON object in payload.
                QStringLiteral("CREATE TABLE events ("
                               " id TEXT NOT NULL PRIMARY KEY,"
                               " seq BIGINT NOT NULL,"
                               " log_event_type TEXT NOT NULL,"
                               " event_time BIGINT NOT NULL,"
                               " call_id TEXT,"
                               " sip_call_id TEXT,"
                               " element_id TEXT NOT NULL,"
                               " agency_id TEXT NOT NULL,"
                               " payload TEXT NOT NULL)"),
            }};
}

Migration version2()
{
    return {2,
            QStringLiteral("i3 incidentId; history indexes"),
            {
                QStringLiteral("ALTER TABLE calls ADD COLUMN incident_id TEXT"),
                QStringLiteral("ALTER TABLE events ADD COLUMN incident_id TEXT"),
                QStringLiteral("CREATE INDEX calls_by_start ON calls (started_at)"),
                QStringLiteral("CREATE INDEX sessions_by_call ON sessions (call_id, started_at)"),
                QStringLiteral("CREATE INDEX messages_by_call ON messages (call_id, seq)"),
                QStringLiteral("CREATE INDEX events_by_call ON events (call_id, seq)"),
                QStringLiteral("CREATE INDEX events_by_time ON events (event_time)"),
            }};
}

Migration version3()
{
    // The Message-IDs of one session are unique per sender only (RFC 4975 §7.1.1): a peer's
    // message may carry an id we used for one of ours, and must not be taken for a
    // retransmission of it. SQLite cannot change a table's constraint in place, so the table
    // is copied (portable SQL: PostgreSQL takes the same steps).
    const QString columns =
        QStringLiteral("id, seq, call_id, session_id, direction, body, file_uri, content_type,"
                       " msrp_message_id, range_start, range_end, byte_size, queued_at, sent_at,"
                       " acknowledged_at, delivered_at, state, failure_status, failure_reason");
    return {3,
            QStringLiteral("messages unique per direction"),
            {
                QStringLiteral("CREATE TABLE messages_v3 ("
                               " id TEXT NOT NULL PRIMARY KEY,"
                               " seq BIGINT NOT NULL,"
                               " call_id TEXT NOT NULL,"
                               " session_id TEXT,"
                               " direction TEXT NOT NULL,"
                               " body TEXT,"
                               " file_uri TEXT,"
                               " content_type TEXT NOT NULL,"
                               " msrp_message_id TEXT,"
                               " range_start BIGINT NOT NULL,"
                               " range_end BIGINT NOT NULL,"
                               " byte_size BIGINT NOT NULL,"
                               " queued_at BIGINT NOT NULL,"
                               " sent_at BIGINT,"
                               " acknowledged_at BIGINT,"
                               " delivered_at BIGINT,"
                               " state TEXT NOT NULL,"
                               " failure_status INTEGER,"
                               " failure_reason TEXT,"
                               " UNIQUE (session_id, direction, msrp_message_id, range_start,"
                               " range_end))"),
                QStringLiteral("INSERT INTO messages_v3 (") + columns +
                    QStringLiteral(") SELECT ") + columns + QStringLiteral(" FROM messages"),
                QStringLiteral("DROP TABLE messages"),
                QStringLiteral("ALTER TABLE messages_v3 RENAME TO messages"),
                QStringLiteral("CREATE INDEX messages_by_call ON messages (call_id, seq)"),
            }};
}

QString versionTable()
{
    return QStringLiteral("schema_version");
}

} // namespace

QList<Migration> schemaMigrations()
{
    return {version1(), version2(), version3()};
}

Migrator::Migrator(QSqlDatabase database)
    : m_database(std::move(database))
{}

Result<int> Migrator::currentVersion() const
{
    if (!m_database.tables().contains(versionTable()))
        return 0;
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")))
        return tl::unexpected(
            sql::error(QStringLiteral("reading the schema version"), query.lastError()));
    return query.next() ? query.value(0).toInt() : 0;
}

Result<int> Migrator::migrate(const QList<Migration> &migrations, const QDateTime &now,
                              int targetVersion)
{
    for (qsizetype i = 0; i < migrations.size(); ++i) {
        if (migrations[i].version != i + 1)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("migrations must be numbered 1, 2, 3 ... in order"));
    }
    const int latest = static_cast<int>(migrations.size());
    const int target = targetVersion < 0 ? latest : targetVersion;
    if (target > latest)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("no migration to schema v%1").arg(target));

    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                   " version INTEGER NOT NULL PRIMARY KEY,"
                                   " description TEXT NOT NULL,"
                                   " applied_at BIGINT NOT NULL)")))
        return tl::unexpected(
            sql::error(QStringLiteral("creating schema_version"), query.lastError()));

    const auto current = currentVersion();
    if (!current)
        return current;
    if (*current > latest)
        return fail(ErrorCode::Unsupported,
                    QStringLiteral("database schema v%1 is newer than this Herald (v%2)")
                        .arg(*current)
                        .arg(latest));

    for (int version = *current + 1; version <= target; ++version) {
        const Migration &migration = migrations[version - 1];
        const QString step =
            QStringLiteral("migration v%1 (%2)").arg(version).arg(migration.description);
        if (!m_database.transaction())
            return tl::unexpected(sql::error(step, m_database.lastError()));
        const auto abandon = [&](const QString &what, const QSqlError &error) {
            m_database.rollback();
            return tl::unexpected(sql::error(step + QStringLiteral(": ") + what, error));
        };
        QSqlQuery statement(m_database);
        for (const QString &sql : migration.statements) {
            if (!statement.exec(sql))
                return abandon(sql, statement.lastError());
        }
        statement.prepare(QStringLiteral(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"));
        statement.addBindValue(version);
        statement.addBindValue(migration.description);
        statement.addBindValue(now.toMSecsSinceEpoch());
        if (!statement.exec())
            return abandon(QStringLiteral("recording the version"), statement.lastError());
        statement.finish();
        if (!m_database.commit())
            return abandon(QStringLiteral("COMMIT"), m_database.lastError());
        qCInfo(lcStore) << "schema migrated to" << version << migration.description;
    }
    return std::max(*current, target);
}

} // namespace herald::store
