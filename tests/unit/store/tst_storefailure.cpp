// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/store/sqlitestore.h"

#include "storetestdata.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

// The store's failure paths, driven by failures that stop root too (CI runs as root, so
// file permissions prove nothing): another connection holding the write lock, a file-size
// limit (RLIMIT_FSIZE, SQLite sees a full disk), the connection closed under the store,
// and kill -9 of a process that was acknowledging texts.

using namespace herald;
using namespace herald::store;
using namespace herald::store::test;

namespace {

const char kChildEnv[] = "HERALD_STORE_CRASH_CHILD";
// The child freezes right after its 3000th acknowledgement, so the kill lands at the worst
// moment for "acknowledged before durable": with nothing run after the ack.
constexpr int kAcksBeforeCrash = 3000;

struct Told
{
    bool ok = false;
    Error error;
};

} // namespace

class TestStoreFailure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void lockedDatabaseFailsTheGroup();
    void fullDiskFailsTheCommit();
    void closedConnectionFailsTheGroup();
    void acknowledgedTextsSurviveKill9();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("herald.db")); }
    std::unique_ptr<SqliteStore> openStore(int busyTimeoutMs = 2000)
    {
        SqliteStoreOptions options;
        options.path = path();
        options.busyTimeoutMs = busyTimeoutMs;
        auto store = std::make_unique<SqliteStore>(options, m_clock);
        return store->open() ? std::move(store) : nullptr;
    }
    // Appends n texts and waits for every callback.
    QList<Told> appendTexts(Store &store, int n, const QString &text, const QByteArray &prefix);
    void checkFailedState(SqliteStore &store, QSignalSpy &unhealthySpy, QSignalSpy &failedSpy,
                          const QList<Told> &told, const QString &expectedInDetail);

    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock;
};

void TestStoreFailure::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QList<Told> TestStoreFailure::appendTexts(Store &store, int n, const QString &text,
                                          const QByteArray &prefix)
{
    QList<Told> told;
    int delivered = 0;
    told.resize(n);
    for (int i = 0; i < n; ++i) {
        store.append(makeMessage(prefix + QByteArray::number(i), "call", "s1", text),
                     [&told, &delivered, i](Result<AppendOutcome> result) {
                         told[i].ok = result.has_value();
                         if (!result)
                             told[i].error = result.error();
                         ++delivered;
                     });
    }
    // The failing group may wait out the busy timeout: bounded, generous.
    if (!QTest::qWaitFor([&] { return delivered == n; }, 20000))
        qWarning() << "only" << delivered << "of" << n << "callbacks ran";
    return told;
}

void TestStoreFailure::checkFailedState(SqliteStore &store, QSignalSpy &unhealthySpy,
                                        QSignalSpy &failedSpy, const QList<Told> &told,
                                        const QString &expectedInDetail)
{
    for (const Told &t : told) {
        QVERIFY(!t.ok); // never success for a group that did not commit
        QCOMPARE(t.error.code, ErrorCode::Io);
        QVERIFY2(t.error.detail.contains(expectedInDetail, Qt::CaseInsensitive),
                 qPrintable(t.error.detail));
    }
    QVERIFY(!store.healthy());
    QVERIFY(store.lastError().has_value());
    QVERIFY2(store.lastError()->detail.contains(expectedInDetail, Qt::CaseInsensitive),
             qPrintable(store.lastError()->detail));
    QCOMPARE(unhealthySpy.size(), 1);
    QVERIFY(failedSpy.size() >= 1);
    QVERIFY(!store.flush().has_value());

    // Sticky: a later append fails too, even though nothing stands in its way any more.
    const QList<Told> later = appendTexts(store, 3, QStringLiteral("after"), "after-");
    for (const Told &t : later)
        QVERIFY(!t.ok);
    QCOMPARE(unhealthySpy.size(), 1); // the alarm is raised once
}

void TestStoreFailure::lockedDatabaseFailsTheGroup()
{
    auto store = openStore(50);
    QVERIFY(store);
    store->append(makeCall("call"));
    QVERIFY(store->flush().has_value());
    QSignalSpy unhealthySpy(store.get(), &Store::unhealthy);
    QSignalSpy failedSpy(store.get(), &Store::groupFailed);

    QList<Told> told;
    {
        // Another writer (a second heraldd on the same file, a backup tool) holds the lock.
        Observer other(path());
        QSqlQuery lock(other.database());
        QVERIFY(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        told = appendTexts(*store, 20, QStringLiteral("locked out"), "m");
        QCOMPARE(told.size(), 20);
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    }
    checkFailedState(*store, unhealthySpy, failedSpy, told, QStringLiteral("locked"));
    QCOMPARE(store->statistics().recordsFailed, quint64(23));

    // Reopening starts over from what is on disk: the call, and none of the failed texts.
    store->close();
    QVERIFY(store->open().has_value());
    QVERIFY(store->healthy());
    QVERIFY(!store->lastError().has_value());
    QCOMPARE(store->calls()->size(), 1);
    QCOMPARE(store->transcript("call")->size(), 0);
    const QList<Told> again = appendTexts(*store, 2, QStringLiteral("back"), "b");
    QVERIFY(again[0].ok && again[1].ok);
}

void TestStoreFailure::fullDiskFailsTheCommit()
{
    auto store = openStore();
    QVERIFY(store);
    store->append(makeCall("call"));
    QVERIFY(store->flush().has_value());
    QSignalSpy unhealthySpy(store.get(), &Store::unhealthy);
    QSignalSpy failedSpy(store.get(), &Store::groupFailed);

    // No file of this process may grow past its present size plus a little: the WAL
    // frames of the group below do not fit, so SQLite's write fails as on a full disk
    // (EFBIG instead of the signal, which is ignored here).
    rlimit saved{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    const qint64 biggest =
        std::max({QFileInfo(path()).size(), QFileInfo(path() + QStringLiteral("-wal")).size(),
                  QFileInfo(path() + QStringLiteral("-shm")).size()});
    rlimit tight = saved;
    tight.rlim_cur = rlim_t(biggest + 16 * 1024);
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &tight), 0);
    auto restore = qScopeGuard([&] {
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, oldHandler);
    });

    // 100 texts of 1 KiB: one group, ~100 KiB of WAL frames written at COMMIT.
    const QList<Told> told = appendTexts(*store, 100, QString(1024, u'x'), "m");
    restore.dismiss();
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, oldHandler);

    QCOMPARE(told.size(), 100);
    // SQLite turns EFBIG into SQLITE_IOERR_WRITE ("disk I/O error"), ENOSPC into
    // SQLITE_FULL: either way the frames of the group were written at COMMIT.
    checkFailedState(*store, unhealthySpy, failedSpy, told, QStringLiteral("COMMIT"));
    QVERIFY2(store->lastError()->detail.contains(QStringLiteral("disk I/O error")) ||
                 store->lastError()->detail.contains(QStringLiteral("full")),
             qPrintable(store->lastError()->detail));

    store->close();
    QVERIFY(store->open().has_value());
    QCOMPARE(store->calls()->size(), 1);
    QCOMPARE(store->transcript("call")->size(), 0);
    QCOMPARE(*store->pragma(QStringLiteral("integrity_check")), QStringLiteral("ok"));
}

void TestStoreFailure::closedConnectionFailsTheGroup()
{
    auto store = openStore();
    QVERIFY(store);
    store->append(makeCall("call"));
    QVERIFY(store->flush().has_value());
    QSignalSpy unhealthySpy(store.get(), &Store::unhealthy);
    QSignalSpy failedSpy(store.get(), &Store::groupFailed);

    {
        QSqlDatabase db = QSqlDatabase::database(store->connectionName(), false);
        db.close();
    }
    const QList<Told> told = appendTexts(*store, 5, QStringLiteral("into the void"), "m");
    QCOMPARE(told.size(), 5);
    checkFailedState(*store, unhealthySpy, failedSpy, told, QStringLiteral("closed"));
}

void TestStoreFailure::acknowledgedTextsSurviveKill9()
{
    // A child process appends texts as fast as it can and prints the id of each one whose
    // callback said durable; it is killed mid-stream with appends in flight. Every printed
    // id must be on disk.
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QLatin1String(kChildEnv), path());
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted(10000));

    QList<QByteArray> acknowledged;
    QByteArray buffer;
    const auto readLines = [&] {
        buffer += child.readAllStandardOutput();
        qsizetype nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
            acknowledged.append(buffer.left(nl));
            buffer.remove(0, nl + 1);
        }
    };
    const bool enough = QTest::qWaitFor(
        [&] {
            child.waitForReadyRead(100);
            readLines();
            return acknowledged.size() >= kAcksBeforeCrash || child.state() == QProcess::NotRunning;
        },
        60000);
    QVERIFY(enough);
    QCOMPARE(child.state(), QProcess::Running); // stopped, not exited
    child.kill();                               // SIGKILL: no flush, no close
    QVERIFY(child.waitForFinished(10000));
    readLines(); // lines written before the kill count too
    QCOMPARE(acknowledged.size(), kAcksBeforeCrash);

    auto store = openStore();
    QVERIFY(store);
    const auto transcript = store->transcript("call");
    QVERIFY(transcript.has_value());
    QSet<QByteArray> stored;
    for (const MessageRecord &m : *transcript)
        stored.insert(m.id);
    for (const QByteArray &id : acknowledged)
        QVERIFY2(stored.contains(id), id.constData());
    qInfo() << acknowledged.size() << "acknowledged," << stored.size() << "on disk after kill -9";
    QCOMPARE(*store->pragma(QStringLiteral("integrity_check")), QStringLiteral("ok"));
}

namespace {

// The child side of acknowledgedTextsSurviveKill9: runs until killed.
int runCrashChild(const QString &path)
{
    ManualClock clock;
    SqliteStoreOptions options;
    options.path = path;
    SqliteStore store(options, clock);
    if (!store.open())
        return 2;
    store.append(makeCall("call"));
    store.append(makeSession("s1", "call"));
    qint64 next = 0;
    int acked = 0;
    QTimer feeder;
    // Each turn appends a burst, as texts arriving together would.
    QObject::connect(&feeder, &QTimer::timeout, &store, [&] {
        for (int i = 0; i < 50; ++i) {
            const QByteArray id = "m" + QByteArray::number(next++);
            store.append(
                makeMessage(id, "call", "s1", QStringLiteral("text ") + QString::fromLatin1(id)),
                [id, &acked](Result<AppendOutcome> result) {
                    if (!result)
                        return;
                    // Printed only once durable: this is the "200 OK".
                    fwrite(id.constData(), 1, size_t(id.size()), stdout);
                    fputc('\n', stdout);
                    fflush(stdout);
                    if (++acked == kAcksBeforeCrash)
                        raise(SIGSTOP); // the parent's SIGKILL finds it here
                });
        }
    });
    feeder.start(0);
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kChildEnv))
        return runCrashChild(qEnvironmentVariable(kChildEnv));
    TestStoreFailure test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_storefailure.moc"
