// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// heraldd's graceful shutdown (SIGTERM): new calls get 503, a transfer in flight may finish
// within shutdown/grace, one still going when the grace period ends is failed explicitly
// (logged with its octets, its session closed, its call ended with BYE), and the exit code is
// 0 either way.
//
// The caller is this process: an engine/sip Agent places the call, and the MSRP side is a
// raw socket writing chunks by hand, so the test decides exactly how much of the message is
// on the wire when SIGTERM arrives (Herald's own sender would push the whole message out in
// a few milliseconds, and any timing would be a race).

#include "engine/sip/agent.h"
#include "tests/protocol/sip/siptestsupport.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <signal.h>

using namespace herald;

namespace {

constexpr int timeoutMs = 10000;
constexpr qsizetype messageSize = 1000000; // under heraldd's 1 MiB in-memory limit for texts
constexpr qsizetype chunkSize = 100000;
const QByteArray ourPath = QByteArrayLiteral("msrp://127.0.0.1:9/shutdowntest7xq;tcp");

struct Heraldd
{
    QProcess process;
    QTemporaryDir dir;
    QByteArray out;
    quint16 msrpPort = 0;
    quint16 sipPort = 0;

    ~Heraldd()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(timeoutMs);
        }
    }
    bool waitForOutput(const QByteArray &text, int ms = timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (!out.contains(text) && timer.elapsed() < ms) {
            if (process.state() == QProcess::NotRunning)
                break;
            process.waitForReadyRead(50);
            out += process.readAllStandardOutput();
        }
        out += process.readAllStandardOutput();
        return out.contains(text);
    }
};

std::unique_ptr<Heraldd> startHeraldd(const QString &grace)
{
    auto h = std::make_unique<Heraldd>();
    h->process.start(test::binDir() + QStringLiteral("/heraldd"),
                     {QStringLiteral("--msrp-listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--sip-listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--store"), h->dir.filePath(QStringLiteral("h.db")),
                      QStringLiteral("--shutdown-grace"), grace});
    if (!h->waitForOutput("storing texts in"))
        return nullptr;
    static const QRegularExpression msrp(QStringLiteral(R"(MSRP listening on 127\.0\.0\.1:(\d+))"));
    static const QRegularExpression sip(QStringLiteral(R"(SIP listening on 127\.0\.0\.1:(\d+))"));
    const QString text = QString::fromUtf8(h->out);
    h->msrpPort = msrp.match(text).captured(1).toUShort();
    h->sipPort = sip.match(text).captured(1).toUShort();
    if (!h->msrpPort || !h->sipPort)
        return nullptr;
    return h;
}

QByteArray offer()
{
    // setup:active: we connect and bind with our first SEND (RFC 6135 §4.2); heraldd waits.
    return QByteArrayLiteral("v=0\r\n"
                             "o=tester 1 1 IN IP4 127.0.0.1\r\n"
                             "s=-\r\n"
                             "c=IN IP4 127.0.0.1\r\n"
                             "t=0 0\r\n"
                             "m=message 9 TCP/MSRP *\r\n"
                             "a=accept-types:text/plain\r\n"
                             "a=setup:active\r\n"
                             "a=path:") +
           ourPath + "\r\n";
}

// One SEND chunk of message "msg1" (RFC 4975 §7.1), written by hand.
QByteArray sendChunk(const QByteArray &toPath, qsizetype start, qsizetype length, bool last)
{
    const QByteArray tid = "txn" + QByteArray::number(start);
    return "MSRP " + tid + " SEND\r\nTo-Path: " + toPath + "\r\nFrom-Path: " + ourPath +
           "\r\nMessage-ID: msg1\r\nByte-Range: " + QByteArray::number(start + 1) + '-' +
           QByteArray::number(start + length) + '/' + QByteArray::number(messageSize) +
           "\r\nContent-Type: text/plain\r\n\r\n" + QByteArray(length, 'x') + "\r\n-------" + tid +
           (last ? '$' : '+') + "\r\n";
}

} // namespace

class TestShutdown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transferInFlight_data();
    void transferInFlight();
    void idleExitsAtOnce();
};

void TestShutdown::transferInFlight_data()
{
    QTest::addColumn<bool>("finish"); // the sender sends the rest of the message after SIGTERM
    QTest::addColumn<QString>("grace");
    QTest::newRow("completes within the grace period") << true << QStringLiteral("20s");
    QTest::newRow("failed when the grace period ends") << false << QStringLiteral("400ms");
}

void TestShutdown::transferInFlight()
{
    QFETCH(bool, finish);
    QFETCH(QString, grace);
    auto heraldd = startHeraldd(grace);
    QVERIFY(heraldd);

    sip::Agent agent(sip::test::loopbackConfig(QStringLiteral("caller")));
    QVERIFY(agent.start());
    QSignalSpy answered(&agent, &sip::Agent::callAnswered);
    QSignalSpy failed(&agent, &sip::Agent::callFailed);
    QSignalSpy ended(&agent, &sip::Agent::callEnded);
    const QByteArray target = "sip:heraldd@127.0.0.1:" + QByteArray::number(heraldd->sipPort);
    const auto call = agent.invite(target, offer());
    QVERIFY(call);
    QTRY_COMPARE_WITH_TIMEOUT(answered.size() + failed.size(), 1, timeoutMs);
    QCOMPARE(answered.size(), 1);
    const auto path = QRegularExpression(QStringLiteral(R"(a=path:(\S+))"))
                          .match(QString::fromUtf8(answered.at(0).at(1).toByteArray()));
    QVERIFY(path.hasMatch());
    const QByteArray heralddPath = path.captured(1).toUtf8();

    QTcpSocket msrp;
    QByteArray received;
    connect(&msrp, &QTcpSocket::readyRead, this, [&] { received += msrp.readAll(); });
    msrp.connectToHost(QHostAddress::LocalHost, heraldd->msrpPort);
    QVERIFY(msrp.waitForConnected(timeoutMs));
    const auto sendAndWait = [&](qsizetype start, bool last) {
        msrp.write(sendChunk(heralddPath, start, std::min(chunkSize, messageSize - start), last));
        const QByteArray ok = "MSRP txn" + QByteArray::number(start) + " 200";
        static const QRegularExpression error(QStringLiteral(R"(MSRP \S+ [45]\d\d)"));
        (void)QTest::qWaitFor(
            [&] {
                return received.contains(ok) ||
                       error.match(QString::fromLatin1(received)).hasMatch();
            },
            timeoutMs);
        return received.contains(ok);
    };
    // The first chunk binds the session and starts the message: 1 of 10 chunks on the wire.
    QVERIFY2(sendAndWait(0, false), received.constData());

    QElapsedTimer sinceSigterm;
    sinceSigterm.start();
    QVERIFY(::kill(pid_t(heraldd->process.processId()), SIGTERM) == 0);
    QVERIFY2(heraldd->waitForOutput("shutting down, 1 transfer(s) in flight"),
             heraldd->out.constData());

    // A new call now gets 503 (RFC 3261 §21.5.4).
    QVERIFY(agent.invite(target, offer()));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, timeoutMs);
    QCOMPARE(failed.at(0).at(1).toInt(), 503);

    if (finish) {
        for (qsizetype start = chunkSize; start < messageSize; start += chunkSize)
            QVERIFY2(sendAndWait(start, start + chunkSize >= messageSize), received.constData());
        QVERIFY2(heraldd->waitForOutput("transfers at shutdown: 1 completed, 0 failed"),
                 heraldd->out.constData());
        QVERIFY(sinceSigterm.elapsed() < 20000);
    } else {
        QVERIFY2(heraldd->waitForOutput("transfers at shutdown: 0 completed, 1 failed"),
                 heraldd->out.constData());
        QVERIFY2(sinceSigterm.elapsed() >= 400, // not before the grace period
                 qPrintable(QString::number(sinceSigterm.elapsed())));
    }
    QVERIFY(heraldd->process.waitForFinished(timeoutMs));
    const QByteArray err = heraldd->process.readAllStandardError();
    QCOMPARE(heraldd->process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(heraldd->process.exitCode(), 0);
    if (!finish) {
        // Reported, with how far it got, never dropped silently.
        QVERIFY2(err.contains("incoming transfer msg1 on session") &&
                     err.contains("failed after 100000 of 1000000 octets: shutting down: the "
                                  "grace period ended"),
                 err.constData());
    }
    // The call was ended by heraldd with BYE, not left to time out.
    const auto endedByHeraldd = [&] {
        for (const auto &args : std::as_const(ended)) {
            if (args.at(0).value<sip::CallId>() == *call && args.at(2).toBool())
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(endedByHeraldd(), timeoutMs);
}

void TestShutdown::idleExitsAtOnce()
{
    // Nothing in flight: a long grace period does not delay the exit.
    auto heraldd = startHeraldd(QStringLiteral("1h"));
    QVERIFY(heraldd);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(::kill(pid_t(heraldd->process.processId()), SIGTERM) == 0);
    QVERIFY(heraldd->process.waitForFinished(timeoutMs));
    QCOMPARE(heraldd->process.exitCode(), 0);
    heraldd->out += heraldd->process.readAllStandardOutput();
    QVERIFY2(heraldd->out.contains("transfers at shutdown: 0 completed, 0 failed"),
             heraldd->out.constData());
    QVERIFY(timer.elapsed() < 5000);
}

QTEST_GUILESS_MAIN(TestShutdown)
#include "tst_shutdown.moc"
