// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// heraldd's graceful shutdown (SIGTERM): new calls get 503, a transfer in flight may finish
// within shutdown/grace, one still going when the grace period ends is failed explicitly
// (logged with its octets, its session closed, its call ended with BYE), and the exit code is
// 0 either way. A second SIGTERM during the grace period ends it at once: what is left fails
// the same explicit way (with a reason naming the second signal), and the exit code is still
// 0, since the stop was asked for. From the first SIGTERM on, /healthz answers 503 with the
// check "shutdown" while heraldd drains, so a balancer stops sending calls.
//
// The caller is this process: an engine/sip Agent places the call, and the MSRP side is a
// raw socket writing chunks by hand, so the test decides exactly how much of the message is
// on the wire when SIGTERM arrives (Herald's own sender would push the whole message out in
// a few milliseconds, and any timing would be a race).

#include "engine/sip/agent.h"
#include "tests/protocol/rest/httptestclient.h"
#include "tests/protocol/sip/siptestsupport.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    quint16 opsPort = 0;

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
                      QStringLiteral("--shutdown-grace"), grace, QStringLiteral("--ops-listen"),
                      QStringLiteral("127.0.0.1:0")});
    if (!h->waitForOutput("ops (/healthz, /metrics) listening on"))
        return nullptr;
    static const QRegularExpression msrp(QStringLiteral(R"(MSRP listening on 127\.0\.0\.1:(\d+))"));
    static const QRegularExpression sip(QStringLiteral(R"(SIP listening on 127\.0\.0\.1:(\d+))"));
    const QString text = QString::fromUtf8(h->out);
    h->msrpPort = msrp.match(text).captured(1).toUShort();
    h->sipPort = sip.match(text).captured(1).toUShort();
    static const QRegularExpression ops(
        QStringLiteral(R"(ops \(/healthz, /metrics\) listening on 127\.0\.0\.1:(\d+))"));
    h->opsPort = ops.match(text).captured(1).toUShort();
    if (!h->msrpPort || !h->sipPort || !h->opsPort)
        return nullptr;
    return h;
}

// /healthz's status and the checks it names as problems; status 0 when it did not answer.
std::pair<int, QStringList> health(quint16 port)
{
    test::HttpTestClient client(port);
    if (!client.connectToServer())
        return {0, {}};
    const auto reply = client.request("GET", "/healthz");
    if (!reply)
        return {0, {}};
    QStringList checks;
    const QJsonObject body = QJsonDocument::fromJson(reply->body).object();
    for (const QJsonValue &problem : body.value(QStringLiteral("problems")).toArray())
        checks << problem.toObject().value(QStringLiteral("check")).toString() + QLatin1Char(':') +
                      body.value(QStringLiteral("status")).toString();
    return {reply->status, checks};
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
    QTest::addColumn<bool>("secondSignal"); // a second SIGTERM while the transfer is held up
    QTest::newRow("completes within the grace period") << true << QStringLiteral("20s") << false;
    QTest::newRow("failed when the grace period ends") << false << QStringLiteral("400ms") << false;
    QTest::newRow("failed at once by a second signal") << false << QStringLiteral("1h") << true;
}

void TestShutdown::transferInFlight()
{
    QFETCH(bool, finish);
    QFETCH(QString, grace);
    QFETCH(bool, secondSignal);
    auto heraldd = startHeraldd(grace);
    QVERIFY(heraldd);
    QCOMPARE(health(heraldd->opsPort).first, 200);

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
    // And /healthz says not ready, and why, while the transfer drains (the 400 ms grace period
    // may already be over: heraldd may be gone).
    if (grace != u"400ms") {
        const auto [status, checks] = health(heraldd->opsPort);
        QCOMPARE(status, 503);
        QCOMPARE(checks, QStringList{QStringLiteral("shutdown:not ready")});
    }

    if (secondSignal) {
        QVERIFY(::kill(pid_t(heraldd->process.processId()), SIGTERM) == 0);
        QVERIFY2(heraldd->waitForOutput("signal 15 again: failing the transfers left now"),
                 heraldd->out.constData());
        QVERIFY2(heraldd->waitForOutput("transfers at shutdown: 0 completed, 1 failed"),
                 heraldd->out.constData());
        QVERIFY(sinceSigterm.elapsed() < 20000); // not the hour of grace
    } else if (finish) {
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
        const QByteArray reason = secondSignal
                                      ? "shutting down: a second signal ended the grace period"
                                      : "shutting down: the grace period ended";
        QVERIFY2(err.contains("incoming transfer msg1 on session") &&
                     err.contains(QByteArray("failed after 100000 of 1000000 octets: " + reason)),
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
