// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Nothing acknowledged is ever lost (issue #7 item 6, DESIGN.md §2 "Durability"): a child
// heraldd receives texts from an in-process sender engine that records every MSRP 200 it
// gets (RFC 4975 §7.1: the 200 is heraldd's acknowledgement). The test kills heraldd with
// SIGKILL at moments drawn from a fixed seed, while texts stream back to back, restarts it on
// the same store and ports, and repeats. At the end every acknowledged text is in the store
// exactly once, under a call the store also holds, and no text is stored twice.
// A retransmitted chunk (RFC 4975 §7.3.1: same Message-ID and Byte-Range, new transaction) is
// acknowledged again but stored once, also across a restart of the store.

#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/service/durablegate.h"
#include "engine/service/engine.h"
#include "engine/store/sqlitestore.h"
#include "tests/protocol/msrp/msrptestpeer.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <chrono>
#include <memory>

#include <signal.h>

using namespace herald;
using namespace herald::service;
using namespace std::chrono_literals;

namespace {

constexpr int rounds = 24; // issue #7: at least 20
constexpr int textsPerRound = 300;
constexpr int textsInFlight = 16; // a window, so that a kill lands mid-stream
constexpr quint32 seed = 0x7e4a1d;
constexpr int startTimeoutMs = 10000;
constexpr int waitMs = 10000;

} // namespace

class TestCrashRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void acknowledgedTextsSurviveSigkill();
    void retransmittedChunksAreStoredOnce();

private:
    // Starts heraldd on the round's ports and the store; waits for its "listening" lines.
    bool startHeraldd(int round);
    bool tryStartHeraldd(int round, int attempt, QString *output);
    void killHeraldd();

    QTemporaryDir m_dir;
    QString m_heralddPath;
    quint16 m_sipPort = 0;
    quint16 m_msrpPort = 0;
    QProcess m_heraldd;
    SystemClock m_clock;
    SeededRandomSource m_random{seed};
    std::unique_ptr<Engine> m_sender;
};

void TestCrashRecovery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_heralddPath = test::binDir() + QStringLiteral("/heraldd");
    QVERIFY2(QFile::exists(m_heralddPath), qPrintable(m_heralddPath));
    m_sipPort = test::freeUdpTcpPort();
    m_msrpPort = test::freeUdpTcpPort();
    QVERIFY(m_sipPort != 0 && m_msrpPort != 0 && m_sipPort != m_msrpPort);

    EngineConfig config;
    config.msrpListenAddress = QHostAddress(QHostAddress::LocalHost);
    config.msrpListenPort = 0;
    config.sip.bindHost = QStringLiteral("127.0.0.1");
    config.sip.port = 0;
    config.sip.identity = QStringLiteral("sip:sender@127.0.0.1");
    // A BYE to a killed heraldd gives up quickly.
    config.sip.t1 = 50ms;
    config.sip.t1x64 = 800ms;
    m_sender = std::make_unique<Engine>(config, m_clock, m_random);
    auto started = m_sender->start();
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail));
}

void TestCrashRecovery::cleanupTestCase()
{
    killHeraldd();
    if (m_sender && m_sender->sip().isRunning()) {
        QSignalSpy stopped(&m_sender->sip(), &sip::Agent::stopped);
        m_sender->stop();
        stopped.wait(waitMs);
    }
    m_sender.reset();
}

bool TestCrashRecovery::startHeraldd(int round)
{
    // The ports were free when chosen, but between two rounds a test running in parallel may
    // take one (ctest -j): heraldd then exits saying it cannot listen, and it is started
    // again on fresh ports (the sender dials whatever the round's ports are).
    static const QRegularExpression portTaken(
        QStringLiteral("cannot listen|cannot start SIP|address in use"),
        QRegularExpression::CaseInsensitiveOption);
    for (int attempt = 0; attempt < 3; ++attempt) {
        QString output;
        if (tryStartHeraldd(round, attempt, &output))
            return true;
        if (m_heraldd.state() != QProcess::NotRunning || !portTaken.match(output).hasMatch())
            return false;
        qInfo() << "round" << round << ": a port was taken, retrying on others";
        m_sipPort = test::freeUdpTcpPort();
        m_msrpPort = test::freeUdpTcpPort();
        if (m_sipPort == 0 || m_msrpPort == 0 || m_sipPort == m_msrpPort)
            return false;
    }
    return false;
}

bool TestCrashRecovery::tryStartHeraldd(int round, int attempt, QString *output)
{
    const QString out = m_dir.filePath(QStringLiteral("heraldd.%1.%2.out").arg(round).arg(attempt));
    const QString err = m_dir.filePath(QStringLiteral("heraldd.%1.%2.err").arg(round).arg(attempt));
    m_heraldd.setStandardOutputFile(out);
    m_heraldd.setStandardErrorFile(err);
    m_heraldd.start(m_heralddPath,
                    {QStringLiteral("--msrp-listen"),
                     QStringLiteral("127.0.0.1:%1").arg(m_msrpPort), QStringLiteral("--sip-listen"),
                     QStringLiteral("127.0.0.1:%1").arg(m_sipPort), QStringLiteral("--store"),
                     m_dir.filePath(QStringLiteral("herald.db"))});
    if (!m_heraldd.waitForStarted(startTimeoutMs)) {
        qWarning() << "heraldd did not start:" << m_heraldd.errorString();
        return false;
    }
    static const QRegularExpression sipLine(QStringLiteral("^heraldd: SIP listening on "),
                                            QRegularExpression::MultilineOption);
    static const QRegularExpression msrpLine(QStringLiteral("^heraldd: MSRP listening on "),
                                             QRegularExpression::MultilineOption);
    QString text;
    const bool ready = QTest::qWaitFor(
        [&] {
            text = QString::fromUtf8(test::readFile(out));
            return (sipLine.match(text).hasMatch() && msrpLine.match(text).hasMatch()) ||
                   m_heraldd.state() == QProcess::NotRunning;
        },
        startTimeoutMs);
    if (!ready || m_heraldd.state() != QProcess::Running) {
        killHeraldd(); // not ready in time: not worth waiting for
        *output = text + QString::fromUtf8(test::readFile(err));
        qWarning().noquote() << "heraldd not ready in round" << round << "stdout:" << text
                             << "stderr:" << QString::fromUtf8(test::readFile(err));
        return false;
    }
    return true;
}

void TestCrashRecovery::killHeraldd()
{
    if (m_heraldd.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_heraldd.processId()), SIGKILL);
    m_heraldd.waitForFinished(waitMs);
}

void TestCrashRecovery::acknowledgedTextsSurviveSigkill()
{
    QRandomGenerator moments(seed);
    QSet<QByteArray> acknowledged; // texts heraldd answered 200 to
    QSet<QByteArray> failed;       // texts the sender was told failed (not acknowledged)
    int killedMidStream = 0;
    QElapsedTimer elapsed;
    elapsed.start();

    for (int round = 0; round < rounds; ++round) {
        QVERIFY2(startHeraldd(round), qPrintable(QStringLiteral("round %1").arg(round)));
        const QByteArray target = "sip:herald@127.0.0.1:" + QByteArray::number(m_sipPort);

        auto placed = m_sender->calls().placeCall(target);
        QVERIFY2(placed, placed ? "" : qPrintable(placed.error().detail));
        QPointer<Call> call = *placed;
        QTRY_VERIFY_WITH_TIMEOUT(call && call->session() &&
                                     call->session()->state() == msrp::SessionState::Active,
                                 waitMs);

        // Kill once this many 200s came back (0: as soon as the texts are queued).
        const int killAfter = int(moments.bounded(textsPerRound));
        QHash<QByteArray, QByteArray> textOf; // Message-ID -> text
        int acks = 0;
        bool killed = false;
        QObject scope; // ends the connections with the round
        const auto killNow = [&] {
            if (killed)
                return;
            killed = true;
            ::kill(pid_t(m_heraldd.processId()), SIGKILL);
        };
        // A window of texts in flight, refilled as 200s come back: sent all at once, the texts
        // leave in one write and come back acknowledged in one burst, so a kill after the
        // killAfter-th 200 would find the rest already acknowledged, never mid-stream.
        int queued = 0;
        bool sendFailed = false;
        const auto sendNext = [&] {
            if (killed || queued >= textsPerRound || !call)
                return;
            const QByteArray text =
                "round " + QByteArray::number(round) + " text " + QByteArray::number(queued++);
            auto id = call->sendText("text/plain", text);
            if (!id) {
                sendFailed = true;
                return;
            }
            textOf.insert(*id, text);
        };
        connect(call, &Call::deliveryChanged, &scope, [&](const msrp::MessageInfo &info) {
            const QByteArray text = textOf.value(info.messageId);
            if (text.isEmpty())
                return;
            if (info.state == msrp::DeliveryState::Acknowledged) {
                acknowledged.insert(text);
                if (++acks >= killAfter)
                    killNow();
                sendNext();
            } else if (info.state == msrp::DeliveryState::Failed) {
                failed.insert(text);
            }
        });
        for (int i = 0; i < textsInFlight; ++i)
            sendNext();
        QVERIFY(!sendFailed);
        if (killAfter == 0)
            QTimer::singleShot(0, &scope, killNow);

        // Not waitForFinished(): the sender's acknowledgements, which trigger the kill, need
        // the event loop.
        QVERIFY2(QTest::qWaitFor([&] { return m_heraldd.state() == QProcess::NotRunning; }, waitMs),
                 qPrintable(QStringLiteral("heraldd not killed in round %1 (%2 of %3 texts "
                                           "acknowledged, kill after %4)")
                                .arg(round)
                                .arg(acks)
                                .arg(textsPerRound)
                                .arg(killAfter)));
        QVERIFY2(killed, qPrintable(QStringLiteral("heraldd ended by itself in round %1: exit %2")
                                        .arg(round)
                                        .arg(m_heraldd.exitCode())));
        QCOMPARE(m_heraldd.exitStatus(), QProcess::CrashExit);
        killedMidStream += acks < textsPerRound ? 1 : 0;
        // The sender sees the connection go: its session ends, unacknowledged texts fail.
        QTRY_VERIFY_WITH_TIMEOUT(!call || !call->session() ||
                                     call->session()->state() != msrp::SessionState::Active,
                                 waitMs);
        if (call)
            (void)m_sender->calls().hangup(call->id());
    }
    qInfo("%d rounds, %d killed mid-stream, %lld texts acknowledged, %lld failed, %lld ms", rounds,
          killedMidStream, qlonglong(acknowledged.size()), qlonglong(failed.size()),
          qlonglong(elapsed.elapsed()));
    QVERIFY(killedMidStream >= rounds / 2);
    QVERIFY(!acknowledged.isEmpty());
    for (const QByteArray &text : std::as_const(failed))
        QVERIFY2(!acknowledged.contains(text), text.constData());

    // One more start: it ends, in the store, the call the last kill left live (each earlier
    // one was ended by the start that followed it).
    QVERIFY(startHeraldd(rounds));
    killHeraldd();

    // Read the store as a restarted Herald would.
    store::SqliteStoreOptions options;
    options.path = m_dir.filePath(QStringLiteral("herald.db"));
    store::SqliteStore store(options, m_clock);
    auto opened = store.open();
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().detail));
    store::CallQuery everything;
    everything.limit = 10 * rounds;
    auto calls = store.calls(everything);
    QVERIFY(calls);
    QCOMPARE(calls->size(), rounds); // every round's call, each once
    QHash<QString, int> stored;      // text -> times stored
    for (const store::CallRecord &c : std::as_const(*calls)) {
        QVERIFY(!c.sipCallId.isEmpty());
        // Every call was live when its heraldd was killed; the next start ended it.
        QVERIFY2(c.endedAt.isValid(), c.id.constData());
        QCOMPARE(c.endReason, QStringLiteral("restart"));
        QCOMPARE(c.state, QStringLiteral("Ended"));
        auto sessions = store.sessions(c.id);
        QVERIFY(sessions);
        for (const store::SessionRecord &session : std::as_const(*sessions))
            QVERIFY2(session.endedAt.isValid(), session.id.constData());
        auto transcript = store.transcript(c.id);
        QVERIFY(transcript);
        for (const store::MessageRecord &m : std::as_const(*transcript)) {
            QCOMPARE(m.callId, c.id);
            ++stored[m.text];
        }
    }
    int lostTexts = 0;
    for (const QByteArray &text : std::as_const(acknowledged)) {
        const int times = stored.value(QString::fromUtf8(text));
        if (times != 1)
            qWarning() << "acknowledged" << text << "stored" << times << "times";
        lostTexts += times == 0 ? 1 : 0;
        QVERIFY(times <= 1);
    }
    QCOMPARE(lostTexts, 0);
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
    // Committed but not acknowledged (the kill came between COMMIT and the 200) is allowed;
    // nothing is stored that was never sent.
    QVERIFY(stored.size() >= acknowledged.size());
    QVERIFY(stored.size() <= rounds * textsPerRound);
}

void TestCrashRecovery::retransmittedChunksAreStoredOnce()
{
    // In process: an Endpoint whose session has the engine's DurableGate, and a raw client
    // that retransmits as a sender does when a 200 did not reach it.
    store::SqliteStoreOptions options;
    options.path = m_dir.filePath(QStringLiteral("retransmissions.db"));
    auto store = std::make_unique<store::SqliteStore>(options, m_clock);
    QVERIFY(store->open());
    SystemRandomSource random;
    msrp::Endpoint endpoint(test::loopbackEndpoint(), m_clock, random);
    QVERIFY(endpoint.listen());
    msrp::Session *session = endpoint.createSession();
    new DurableGate(*store, m_clock, "retransmission-call", *session);
    test::RawMsrpPeer peer;
    endpoint.acceptSession(session, {peer.uri("sender01")});
    test::RawMsrpClient raw(endpoint.serverPort());
    QVERIFY(raw.socket.state() == QAbstractSocket::ConnectedState);

    const auto chunk = [&](const QByteArray &tid, const QByteArray &messageId, quint64 start,
                           const QByteArray &body, quint64 total, msrp::Continuation flag) {
        msrp::Frame f;
        f.method = "SEND";
        f.transactionId = tid;
        f.toPath = {session->localUri()};
        f.fromPath = {peer.uri("sender01")};
        f.messageId = messageId;
        f.byteRange = msrp::ByteRange{start, start + quint64(body.size()) - 1, total};
        f.continuation = flag;
        f.setBody("text/plain", body);
        raw.send(f);
    };
    const auto answered = [&](int n) {
        return QTest::qWaitFor([&] { return raw.frames().size() >= n; }, waitMs);
    };
    // A one-chunk text, then the same chunk again in a new transaction.
    chunk("txr00001", "single01", 1, "help me", 7, msrp::Continuation::Complete);
    QVERIFY(answered(1));
    chunk("txr00002", "single01", 1, "help me", 7, msrp::Continuation::Complete);
    QVERIFY(answered(2));
    // A three-chunk text whose middle chunk comes twice.
    chunk("txr00003", "multi001", 1, "at the ", 20, msrp::Continuation::More);
    chunk("txr00004", "multi001", 8, "corner ", 20, msrp::Continuation::More);
    chunk("txr00005", "multi001", 8, "corner ", 20, msrp::Continuation::More);
    chunk("txr00006", "multi001", 15, "of 5th", 20, msrp::Continuation::Complete);
    QVERIFY(answered(6));
    for (const msrp::Frame &r : raw.frames())
        QCOMPARE(r.statusCode, 200); // acknowledged every time: it is stored
    // The whole text once more, as a sender would after losing its connection's 200s.
    chunk("txr00007", "multi001", 1, "at the corner of 5th", 20, msrp::Continuation::Complete);
    QVERIFY(answered(7));

    // Across a restart of the store, as after a kill.
    store->close();
    QVERIFY(store->open());
    auto transcript = store->transcript("retransmission-call");
    QVERIFY(transcript);
    QStringList texts;
    for (const store::MessageRecord &m : std::as_const(*transcript))
        texts.append(m.text);
    texts.sort();
    QCOMPARE(texts,
             (QStringList{QStringLiteral("at the corner of 5th"), QStringLiteral("help me")}));
    session->close();
}

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
