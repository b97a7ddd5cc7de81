// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// RFC 5547 file sessions between two Engines in one process (SIP and MSRP on loopback, port
// 0): A pushes a file (a=file-selector with name, type, size and sha-1, a=file-disposition);
// B, a delivery server, receives it into its spool under a generated sanitized name. Also: a
// file over B's limit refused before any octet is stored, a wrong hash, a connection dropped
// mid-file (no .part ever presented as complete), and the overwrite / append write modes.
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/service/engine.h"
#include "engine/service/fileoffer.h"

#include "tests/support/msmltestsupport.h"
#include "tests/support/testsupport.h"
#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>

using namespace herald;
using namespace herald::service;
using namespace std::chrono_literals;

namespace {

constexpr int waitMs = 20000;
using test::sha256Of;
using test::writeRandomFile;

struct Peer
{
    QByteArray user;
    std::unique_ptr<Engine> engine;
    QList<Call *> offered;
    QList<Call *> ended;
    QList<msrp::ReceivedMessage> received;
    QList<int> endStatus;

    QByteArray uri() const
    {
        return "sip:" + user + "@127.0.0.1:" + QByteArray::number(engine->sipListenPort()) +
               ";transport=tcp";
    }
};

} // namespace

class TestFileTransfer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void push20MB();
    void overLimitRefusedBeforeStorage();
    void wrongHashNotKept();
    void dropMidFile();
    void overwriteAndAppend();
    void sanitizedNames_data();
    void sanitizedNames();

private:
    std::unique_ptr<Peer> makePeer(const QByteArray &user, quint64 seed, QString spool = {},
                                   quint64 maxFileSize = 0);
    // A offers `path` to B and sends it once the session is up; returns A's call.
    Call *push(const QString &path, const QString &name, FileWriteMode mode = FileWriteMode::New,
               std::optional<sdp::FileHash> forcedHash = {});
    QStringList spoolEntries() const
    {
        return QDir(m_spool.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    }

    SystemClock m_clock;
    std::vector<std::unique_ptr<SeededRandomSource>> m_randoms;
    QTemporaryDir m_work;
    QTemporaryDir m_spool;
    std::unique_ptr<Peer> m_a;
    std::unique_ptr<Peer> m_b;
};

std::unique_ptr<Peer> TestFileTransfer::makePeer(const QByteArray &user, quint64 seed,
                                                 QString spool, quint64 maxFileSize)
{
    EngineConfig config = test::loopbackEngineConfig(user);
    config.spoolDirectory = spool;
    if (maxFileSize)
        config.maxFileSize = maxFileSize;
    m_randoms.push_back(std::make_unique<SeededRandomSource>(seed));
    auto peer = std::make_unique<Peer>();
    peer->user = user;
    peer->engine = std::make_unique<Engine>(config, m_clock, *m_randoms.back());
    Peer *p = peer.get();
    QObject::connect(
        &p->engine->calls(), &CallManager::callOffered, p->engine.get(), [p](Call *call) {
            p->offered.append(call);
            QObject::connect(call, &Call::messageReceived, p->engine.get(),
                             [p](const msrp::ReceivedMessage &m) { p->received.append(m); });
        });
    QObject::connect(&p->engine->calls(), &CallManager::callEnded, p->engine.get(),
                     [p](Call *call) {
                         p->ended.append(call);
                         p->endStatus.append(call->failureStatus());
                         p->offered.removeAll(call);
                     });
    if (auto started = peer->engine->start(); !started) {
        qWarning() << "engine did not start:" << started.error().detail;
        return nullptr;
    }
    return peer;
}

void TestFileTransfer::init()
{
    QVERIFY(m_work.isValid() && m_spool.isValid());
    for (const QString &entry : spoolEntries())
        QFile::remove(m_spool.filePath(entry));
    m_a = makePeer("vmserver", 11);
    m_b = makePeer("vmds", 12, m_spool.path(), 32 * 1024 * 1024);
    QVERIFY(m_a && m_b);
}

void TestFileTransfer::cleanup()
{
    for (Peer *p : {m_a.get(), m_b.get()})
        if (p)
            QVERIFY(test::stopEngine(*p->engine, waitMs));
    m_a.reset();
    m_b.reset();
    m_randoms.clear();
}

Call *TestFileTransfer::push(const QString &path, const QString &name, FileWriteMode mode,
                             std::optional<sdp::FileHash> forcedHash)
{
    auto described = describeFile(path, name, "audio/amr", "attachment", *m_randoms.front());
    if (!described) {
        qWarning() << described.error().detail;
        return nullptr;
    }
    if (forcedHash)
        described->selector.hashes = {*forcedHash};
    PlaceCallOptions options;
    options.file = *described;
    options.mediaAttributes = {{"x-herald-write", fileWriteModeToken(mode)}};
    auto placed = m_a->engine->calls().placeCall(m_b->uri(), options);
    if (!placed) {
        qWarning() << placed.error().detail;
        return nullptr;
    }
    Call *call = *placed;
    // The session queues the file until it is bound.
    if (auto sent = call->sendFile(path); !sent) {
        qWarning() << sent.error().detail;
        return nullptr;
    }
    return call;
}

void TestFileTransfer::push20MB()
{
    const QString source = m_work.filePath(QStringLiteral("msg1.amr"));
    QVERIFY(writeRandomFile(source, 20 * 1024 * 1024, 7));
    QPointer<Call> a = push(source, QStringLiteral("/inbox/msg1.amr"));
    QVERIFY(a);
    QSignalSpy delivered(a.data(), &Call::deliveryChanged);
    QTRY_COMPARE_WITH_TIMEOUT(m_b->received.size(), 1, waitMs);

    // B took the offer as a file push, with A's file-selector.
    QCOMPARE(m_b->offered.size(), 1);
    QVERIFY(m_b->offered.first()->negotiated());
    QCOMPARE(m_b->offered.first()->negotiated()->fileRole, sdp::FileRole::Receiver);
    QCOMPARE(m_b->offered.first()->negotiated()->fileDisposition, QByteArray("attachment"));
    const msrp::ReceivedMessage &got = m_b->received.first();
    QCOMPARE(got.size, quint64(20 * 1024 * 1024));
    QCOMPARE(got.contentType, QByteArray("audio/amr"));
    QVERIFY(got.filePath.startsWith(m_spool.path() + QLatin1Char('/')));
    QVERIFY2(got.filePath.endsWith(QStringLiteral("-msg1.amr")), qPrintable(got.filePath));
    QCOMPARE(sha256Of(got.filePath), sha256Of(source));
    QCOMPARE(spoolEntries().size(), 1); // no .part left beside it
    // A learns the file was taken: every chunk acknowledged.
    QTRY_VERIFY_WITH_TIMEOUT(!delivered.isEmpty() &&
                                 delivered.last().at(0).value<msrp::MessageInfo>().state ==
                                     msrp::DeliveryState::Acknowledged,
                             waitMs);
    QVERIFY(a->negotiated() && a->negotiated()->fileRole == sdp::FileRole::Sender);
    QVERIFY(m_a->engine->calls().hangup(a->id()));
    QTRY_COMPARE_WITH_TIMEOUT(m_b->ended.size(), 1, waitMs);
}

void TestFileTransfer::overLimitRefusedBeforeStorage()
{
    m_b.reset();
    m_b = makePeer("vmds", 13, m_spool.path(), 1024 * 1024);
    QVERIFY(m_b);
    const QString source = m_work.filePath(QStringLiteral("big.amr"));
    QVERIFY(writeRandomFile(source, 2 * 1024 * 1024, 8));
    QPointer<Call> a = push(source, QStringLiteral("big.amr"));
    QVERIFY(a);
    QTRY_COMPARE_WITH_TIMEOUT(m_a->ended.size(), 1, waitMs);
    QCOMPARE(m_a->endStatus.first(), 488);
    QVERIFY(m_b->received.isEmpty());
    QVERIFY(spoolEntries().isEmpty());
}

void TestFileTransfer::wrongHashNotKept()
{
    const QString source = m_work.filePath(QStringLiteral("bad.amr"));
    QVERIFY(writeRandomFile(source, 300 * 1024, 9));
    Call *a = push(source, QStringLiteral("bad.amr"), FileWriteMode::New,
                   sdp::FileHash::sha1(QByteArray(20, '\x42')));
    QVERIFY(a);
    msrp::MessageInfo last;
    connect(a, &Call::deliveryChanged, this, [&last](const msrp::MessageInfo &i) { last = i; });
    QTRY_VERIFY_WITH_TIMEOUT(msrp::isFinal(last.state), waitMs);
    QCOMPARE(last.state, msrp::DeliveryState::Failed);
    QVERIFY(m_b->received.isEmpty());
    QVERIFY2(spoolEntries().isEmpty(), qPrintable(spoolEntries().join(u',')));
}

void TestFileTransfer::dropMidFile()
{
    const QString source = m_work.filePath(QStringLiteral("drop.amr"));
    QVERIFY(writeRandomFile(source, 20 * 1024 * 1024, 10));
    QVERIFY(push(source, QStringLiteral("drop.amr")));
    QTRY_COMPARE_WITH_TIMEOUT(m_b->offered.size(), 1, waitMs);
    Call *b = m_b->offered.first();
    QTRY_VERIFY_WITH_TIMEOUT(b->session() != nullptr, waitMs);
    bool started = false;
    connect(b->session(), &msrp::Session::incomingChanged, this,
            [&started](const msrp::MessageInfo &i) { started = started || i.transferred > 0; });
    QTRY_VERIFY_WITH_TIMEOUT(started, waitMs);
    // The sender disappears mid-file: its listener and connections close at once.
    m_a->engine->msrp().close();
    QTRY_COMPARE_WITH_TIMEOUT(m_b->ended.size(), 1, waitMs);
    QVERIFY(m_b->received.isEmpty());
    for (const QString &entry : spoolEntries())
        QVERIFY2(entry.endsWith(QStringLiteral(".part")), qPrintable(entry));
    QTRY_VERIFY_WITH_TIMEOUT(spoolEntries().isEmpty(), waitMs);
}

void TestFileTransfer::overwriteAndAppend()
{
    const QString first = m_work.filePath(QStringLiteral("one"));
    const QString second = m_work.filePath(QStringLiteral("two"));
    QVERIFY(writeRandomFile(first, 100 * 1024, 20));
    QVERIFY(writeRandomFile(second, 50 * 1024, 21));
    const QString target = m_spool.filePath(QStringLiteral("box.amr"));

    QVERIFY(push(first, QStringLiteral("box.amr"), FileWriteMode::Overwrite));
    QTRY_COMPARE_WITH_TIMEOUT(m_b->received.size(), 1, waitMs);
    QCOMPARE(m_b->received.last().filePath, target);
    QCOMPARE(sha256Of(target), sha256Of(first));

    QVERIFY(push(second, QStringLiteral("box.amr"), FileWriteMode::Overwrite));
    QTRY_COMPARE_WITH_TIMEOUT(m_b->received.size(), 2, waitMs);
    QCOMPARE(sha256Of(target), sha256Of(second));

    QVERIFY(push(first, QStringLiteral("box.amr"), FileWriteMode::Append));
    QTRY_COMPARE_WITH_TIMEOUT(m_b->received.size(), 3, waitMs);
    QFile a(second), b(first), t(target);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly) &&
            t.open(QIODevice::ReadOnly));
    QCOMPARE(t.readAll(), a.readAll() + b.readAll());

    // New (the default) never touches an existing file.
    QVERIFY(push(second, QStringLiteral("box.amr")));
    QTRY_COMPARE_WITH_TIMEOUT(m_b->received.size(), 4, waitMs);
    QVERIFY(m_b->received.last().filePath != target);
    QCOMPARE(QFileInfo(target).size(), 150 * 1024);
    QCOMPARE(spoolEntries().size(), 2);
}

void TestFileTransfer::sanitizedNames_data()
{
    QTest::addColumn<QString>("offered");
    QTest::addColumn<QString>("stored");
    QTest::newRow("plain") << "msg1.amr"
                           << "msg1.amr";
    QTest::newRow("path") << "/inbox/msg1.amr"
                          << "msg1.amr";
    QTest::newRow("traversal") << "../../etc/passwd"
                               << "passwd";
    QTest::newRow("backslash") << "..\\..\\boot.ini"
                               << "boot.ini";
    QTest::newRow("hidden") << ".bashrc"
                            << "bashrc";
    QTest::newRow("dots only") << ".."
                               << "file";
    QTest::newRow("empty") << ""
                           << "file";
    QTest::newRow("spaces and unicode") << "my file é.amr"
                                        << "my_file__.amr";
    QTest::newRow("part suffix") << "x.part"
                                 << "x.part_";
    QTest::newRow("long") << QString(300, QLatin1Char('a')) << QString(100, QLatin1Char('a'));
}

void TestFileTransfer::sanitizedNames()
{
    QFETCH(QString, offered);
    QFETCH(QString, stored);
    QCOMPARE(FileSpool::sanitizedName(offered), stored);
}

QTEST_GUILESS_MAIN(TestFileTransfer)
#include "tst_filetransfer.moc"
