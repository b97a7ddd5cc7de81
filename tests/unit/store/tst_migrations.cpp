// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/store/migrations.h"
#include "engine/store/sqlitestore.h"

#include "storetestdata.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;
using namespace herald::store;
using namespace herald::store::test;

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void freshDatabaseReachesLatest();
    void version1DatabaseIsMigrated();
    void reopeningDoesNotMigrateAgain();
    void newerDatabaseIsRefused();
    void failedStepRollsBack();
    void migrationsMustBeNumberedInOrder();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(QStringLiteral("herald.db")); }
    SqliteStoreOptions options() const
    {
        SqliteStoreOptions o;
        o.path = path();
        return o;
    }
    ManualClock m_clock;
};

void TestMigrations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestMigrations::freshDatabaseReachesLatest()
{
    const QList<Migration> migrations = schemaMigrations();
    QVERIFY(migrations.size() >= 2);
    Observer db(path());
    QVERIFY(db.ok());
    Migrator migrator(db.database());
    QCOMPARE(*migrator.currentVersion(), 0);
    const auto reached = migrator.migrate(migrations, m_clock.wallNow());
    QVERIFY2(reached.has_value(), reached ? "" : qPrintable(reached.error().detail));
    QCOMPARE(*reached, int(migrations.size()));
    QCOMPARE(*migrator.currentVersion(), int(migrations.size()));

    // One schema_version row per step, with its description and time.
    QSqlQuery q(db.database());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT version, description, applied_at FROM schema_version ORDER BY version")));
    for (const Migration &m : migrations) {
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), m.version);
        QCOMPARE(q.value(1).toString(), m.description);
        QCOMPARE(q.value(2).toLongLong(), m_clock.wallNow().toMSecsSinceEpoch());
    }
    QVERIFY(!q.next());
    const QStringList tables = db.database().tables();
    for (const char *table : {"calls", "sessions", "messages", "events", "schema_version"})
        QVERIFY2(tables.contains(QLatin1String(table)), table);
}

void TestMigrations::version1DatabaseIsMigrated()
{
    // A database as Herald's first schema left it, holding a call and a text.
    {
        Observer db(path());
        QVERIFY(db.ok());
        const auto reached =
            Migrator(db.database()).migrate(schemaMigrations(), m_clock.wallNow(), 1);
        QCOMPARE(*reached, 1);
        QVERIFY(
            !db.database().record(QStringLiteral("calls")).contains(QStringLiteral("incident_id")));
        QSqlQuery q(db.database());
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO calls (id, sip_call_id, direction, local_uri, remote_uri, started_at,"
            " state) VALUES ('old-call', 'x@y', 'incoming', 'sip:psap@h', 'sip:caller@c',"
            " 1772366400000, 'ended')")));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO messages (id, seq, call_id, session_id, direction, body, content_type,"
            " msrp_message_id, range_start, range_end, byte_size, queued_at, state)"
            " VALUES ('old-msg', 7, 'old-call', 's', 'incoming', 'hello from v1', 'text/plain',"
            " 'm1', 1, 13, 13, 1772366401000, 'received')")));
    }

    SqliteStore store(options(), m_clock);
    const auto opened = store.open();
    QVERIFY2(opened.has_value(), opened ? "" : qPrintable(opened.error().detail));
    QCOMPARE(store.schemaVersion(), int(schemaMigrations().size()));

    // What v1 held is still there, read through the current schema.
    const auto call = store.call("old-call");
    QVERIFY(call && call->has_value());
    QCOMPARE((*call)->sipCallId, QByteArray("x@y"));
    QCOMPARE((*call)->startedAt, QDateTime::fromMSecsSinceEpoch(1772366400000, Qt::UTC));
    QVERIFY((*call)->incidentId.isEmpty());
    const auto transcript = store.transcript("old-call");
    QVERIFY(transcript.has_value());
    QCOMPARE(transcript->size(), 1);
    QCOMPARE(transcript->at(0).text, QStringLiteral("hello from v1"));

    // v2's column is usable, and sequence numbers continue after v1's.
    CallRecord fresh = makeCall("new-call");
    store.append(fresh);
    store.append(makeMessage("new-msg", "new-call", "s2", QStringLiteral("hi")));
    QVERIFY(store.flush().has_value());
    QCOMPARE((*store.call("new-call"))->incidentId, fresh.incidentId);
    QVERIFY(store.transcript("new-call")->at(0).sequence > 7);

    Observer after(path());
    QCOMPARE(after.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version"))->toInt(),
             int(schemaMigrations().size()));
}

void TestMigrations::reopeningDoesNotMigrateAgain()
{
    for (int round = 0; round < 3; ++round) {
        SqliteStore store(options(), m_clock);
        QVERIFY(store.open().has_value());
        m_clock.advance(std::chrono::minutes(1));
    }
    Observer db(path());
    QCOMPARE(db.count(QStringLiteral("schema_version")), qint64(schemaMigrations().size()));
}

void TestMigrations::newerDatabaseIsRefused()
{
    {
        Observer db(path());
        QVERIFY(Migrator(db.database()).migrate(schemaMigrations(), m_clock.wallNow()).has_value());
        QSqlQuery q(db.database());
        QVERIFY(
            q.exec(QStringLiteral("INSERT INTO schema_version (version, description, applied_at)"
                                  " VALUES (99, 'from the future', 0)")));
    }
    SqliteStore store(options(), m_clock);
    const auto opened = store.open();
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error().code, ErrorCode::Unsupported);
    QVERIFY(!store.healthy());
    QVERIFY(!store.isOpen());
    QVERIFY(store.lastError().has_value());
}

void TestMigrations::failedStepRollsBack()
{
    const QList<Migration> migrations = {
        {1, QStringLiteral("one"), {QStringLiteral("CREATE TABLE a (x TEXT)")}},
        {2,
         QStringLiteral("two, broken"),
         {QStringLiteral("CREATE TABLE b (y TEXT)"),
          QStringLiteral("INSERT INTO nowhere VALUES (1)")}},
    };
    Observer db(path());
    Migrator migrator(db.database());
    const auto reached = migrator.migrate(migrations, m_clock.wallNow());
    QVERIFY(!reached.has_value());
    QCOMPARE(reached.error().code, ErrorCode::Io);
    QVERIFY(reached.error().detail.contains(QStringLiteral("migration v2")));
    QCOMPARE(*migrator.currentVersion(), 1);
    QVERIFY(db.database().tables().contains(QStringLiteral("a")));
    QVERIFY(!db.database().tables().contains(QStringLiteral("b"))); // the step's DDL undone
}

void TestMigrations::migrationsMustBeNumberedInOrder()
{
    const QList<Migration> gap = {
        {1, QStringLiteral("one"), {QStringLiteral("CREATE TABLE a (x TEXT)")}},
        {3, QStringLiteral("three"), {QStringLiteral("CREATE TABLE c (x TEXT)")}},
    };
    Observer db(path());
    const auto reached = Migrator(db.database()).migrate(gap, m_clock.wallNow());
    QVERIFY(!reached.has_value());
    QCOMPARE(reached.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!db.database().tables().contains(QStringLiteral("a")));
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
