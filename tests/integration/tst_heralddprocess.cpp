// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// heraldd as a process on 127.0.0.1 with port 0: it says where it listens, answers MSRP
// requests for sessions it does not have with 481 (RFC 4975 §7.3), drops a connection that
// does not speak MSRP without disturbing the others, refuses to start on a busy port, and
// stops cleanly on SIGTERM and SIGINT.

#include "engine/msrp/codec/msrpframecollector.h"
#include "engine/msrp/codec/msrpserializer.h"
#include "tests/support/testsupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <QDeadlineTimer>

#include <memory>

#include <signal.h>

using namespace herald;

namespace {

constexpr int startTimeoutMs = 10000;
constexpr int replyTimeoutMs = 5000;
constexpr int exitTimeoutMs = 5000;

// A heraldd child process; killed at the end of the test whatever happened.
struct Heraldd
{
    QProcess process;
    QTemporaryDir storeDir; // each heraldd has a store of its own
    quint16 port = 0;
    QByteArray stdoutSoFar;

    ~Heraldd()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(exitTimeoutMs);
        }
    }
};

// Starts heraldd on 127.0.0.1:0 and reads the port back from its first line.
std::unique_ptr<Heraldd> startHeraldd(QString *error)
{
    auto heraldd = std::make_unique<Heraldd>();
    heraldd->process.setProgram(test::binDir() + QStringLiteral("/heraldd"));
    heraldd->process.setArguments({QStringLiteral("--msrp-listen"), QStringLiteral("127.0.0.1:0"),
                                   QStringLiteral("--sip-listen"), QStringLiteral("127.0.0.1:0"),
                                   QStringLiteral("--store"),
                                   heraldd->storeDir.filePath(QStringLiteral("herald.db"))});
    heraldd->process.start();
    if (!heraldd->process.waitForStarted(startTimeoutMs)) {
        *error = QStringLiteral("heraldd did not start: ") + heraldd->process.errorString();
        return nullptr;
    }
    static const QRegularExpression listening(
        QStringLiteral(R"(^heraldd: MSRP listening on 127\.0\.0\.1:(\d+)\n)"));
    QDeadlineTimer deadline(startTimeoutMs);
    while (!deadline.hasExpired()) {
        heraldd->stdoutSoFar += heraldd->process.readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(heraldd->stdoutSoFar));
        if (match.hasMatch()) {
            heraldd->port = match.captured(1).toUShort();
            if (heraldd->port == 0) {
                *error = QStringLiteral("heraldd reported port 0");
                return nullptr;
            }
            return heraldd;
        }
        if (heraldd->process.state() == QProcess::NotRunning)
            break;
        heraldd->process.waitForReadyRead(100);
    }
    *error = QStringLiteral("no listening line from heraldd; stdout: \"%1\" stderr: \"%2\"")
                 .arg(QString::fromUtf8(heraldd->stdoutSoFar),
                      QString::fromUtf8(heraldd->process.readAllStandardError()));
    return nullptr;
}

// A client connection that gathers everything heraldd sends.
struct Client
{
    QTcpSocket socket;
    QByteArray received;

    bool connectTo(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                         [this] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        return socket.waitForConnected(replyTimeoutMs);
    }
    QByteArray uri(const QByteArray &sessionId) const
    {
        return "msrp://127.0.0.1:" + QByteArray::number(socket.localPort()) + '/' + sessionId +
               ";tcp";
    }
};

QByteArray serverUri(quint16 port, const QByteArray &sessionId)
{
    return "msrp://127.0.0.1:" + QByteArray::number(port) + '/' + sessionId + ";tcp";
}

// The response RFC 4975 §7.2 prescribes, written out by hand rather than by the serializer
// under test: same transaction id; To-Path is the first (here: only) URI of the request's
// From-Path; From-Path is the request's To-Path; no body; end-line with '$'.
QByteArray expected481(const QByteArray &tid, const QByteArray &requestTo,
                       const QByteArray &requestFrom)
{
    const QByteArray comment = msrp::statusComment(481);
    return "MSRP " + tid + " 481" + (comment.isEmpty() ? QByteArray() : ' ' + comment) +
           "\r\nTo-Path: " + requestFrom + "\r\nFrom-Path: " + requestTo + "\r\n-------" + tid +
           "$\r\n";
}

QByteArray send(const QByteArray &tid, const QByteArray &to, const QByteArray &from,
                const QByteArray &extraHeaders = {})
{
    return "MSRP " + tid + " SEND\r\nTo-Path: " + to + "\r\nFrom-Path: " + from +
           "\r\nMessage-ID: m-" + tid + "\r\nByte-Range: 1-5/5\r\n" + extraHeaders +
           "Content-Type: text/plain\r\n\r\nhello\r\n-------" + tid + "$\r\n";
}

} // namespace

class TestHeralddProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void answersUnknownSessionWith481_data();
    void answersUnknownSessionWith481();
    void closesConnectionOnGarbage();
    void refusesBusyPort();
    void stopsOnSignal_data();
    void stopsOnSignal();

private:
    std::unique_ptr<Heraldd> m_heraldd;
};

void TestHeralddProcess::initTestCase()
{
    QString error;
    m_heraldd = startHeraldd(&error);
    QVERIFY2(m_heraldd, qPrintable(error));
}

void TestHeralddProcess::cleanupTestCase()
{
    m_heraldd.reset();
}

void TestHeralddProcess::answersUnknownSessionWith481_data()
{
    // The request is followed on the same connection by a probe SEND that always gets a 481,
    // so "no response" is observed as "the probe's response comes first".
    QTest::addColumn<QByteArray>("request"); // %TO% and %FROM% are replaced by the URIs
    QTest::addColumn<QByteArray>("tid");
    QTest::addColumn<bool>("wantsResponse");

    const QByteArray to = "%TO%";
    const QByteArray from = "%FROM%";
    QTest::newRow("SEND with a body")
        << send("a786hjs2", to, from) << QByteArray("a786hjs2") << true;
    QTest::newRow("SEND without a body")
        << QByteArray("MSRP 4fd8a9 SEND\r\nTo-Path: %TO%\r\nFrom-Path: %FROM%\r\n"
                      "Message-ID: m-empty\r\n-------4fd8a9$\r\n")
        << QByteArray("4fd8a9") << true;
    QTest::newRow("SEND chunk with more to come")
        << QByteArray("MSRP 5a1bc SEND\r\nTo-Path: %TO%\r\nFrom-Path: %FROM%\r\n"
                      "Message-ID: m-chunk\r\nByte-Range: 1-5/10\r\nContent-Type: text/plain\r\n"
                      "\r\nhello\r\n-------5a1bc+\r\n")
        << QByteArray("5a1bc") << true;
    // RFC 4975 §7.2: "partial" asks for a response when the request fails.
    QTest::newRow("SEND Failure-Report partial")
        << send("p4rt1al", to, from, "Failure-Report: partial\r\n") << QByteArray("p4rt1al")
        << true;
    QTest::newRow("NICKNAME (RFC 7701), an unknown session too")
        << QByteArray("MSRP n1ck NICKNAME\r\nTo-Path: %TO%\r\nFrom-Path: %FROM%\r\n"
                      "Use-Nickname: \"Alice\"\r\n-------n1ck$\r\n")
        << QByteArray("n1ck") << true;
    // RFC 4975 §7.1.4: Failure-Report "no" forbids a transaction response.
    QTest::newRow("SEND Failure-Report no")
        << send("n0rep0rt", to, from, "Failure-Report: no\r\n") << QByteArray("n0rep0rt") << false;
    // RFC 4975 §7.1.2: no responses to REPORT requests.
    QTest::newRow("REPORT")
        << QByteArray("MSRP r3p0rt REPORT\r\nTo-Path: %TO%\r\nFrom-Path: %FROM%\r\n"
                      "Message-ID: m-report\r\nByte-Range: 1-5/5\r\nStatus: 000 200 OK\r\n"
                      "-------r3p0rt$\r\n")
        << QByteArray("r3p0rt") << false;
    QTest::newRow("a response") << QByteArray(
                                       "MSRP r35p 200 OK\r\nTo-Path: %TO%\r\nFrom-Path: %FROM%\r\n"
                                       "-------r35p$\r\n")
                                << QByteArray("r35p") << false;
}

void TestHeralddProcess::answersUnknownSessionWith481()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, tid);
    QFETCH(bool, wantsResponse);

    Client client;
    QVERIFY(client.connectTo(m_heraldd->port));
    const QByteArray to = serverUri(m_heraldd->port, "nosuchsession");
    const QByteArray from = client.uri("clientsess1");
    request.replace("%TO%", to).replace("%FROM%", from);
    const QByteArray probe = send("pr0be", to, from);

    QByteArray expected;
    if (wantsResponse)
        expected += expected481(tid, to, from);
    expected += expected481("pr0be", to, from);

    // Both in one write: heraldd must handle pipelined requests.
    client.socket.write(request + probe);
    QTRY_VERIFY_WITH_TIMEOUT(client.received.size() >= expected.size(), replyTimeoutMs);
    QCOMPARE(client.received, expected);

    // The same bytes through the codec: 481 responses to the right transactions.
    const auto frames = msrp::parseFrames(client.received);
    QVERIFY2(frames, frames ? "" : qPrintable(frames.error().detail));
    QCOMPARE(frames->size(), wantsResponse ? 2 : 1);
    for (const msrp::Frame &frame : *frames) {
        QVERIFY(frame.isResponse());
        QCOMPARE(frame.statusCode, 481);
        QVERIFY(!frame.hasBody);
        QCOMPARE(msrp::pathToBytes(frame.toPath), from);
        QCOMPARE(msrp::pathToBytes(frame.fromPath), to);
    }
    QCOMPARE(frames->constLast().transactionId, QByteArray("pr0be"));
    if (wantsResponse)
        QCOMPARE(frames->constFirst().transactionId, tid);
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
}

void TestHeralddProcess::closesConnectionOnGarbage()
{
    Client bad;
    Client good;
    QVERIFY(bad.connectTo(m_heraldd->port));
    QVERIFY(good.connectTo(m_heraldd->port));

    QSignalSpy disconnected(&bad.socket, &QTcpSocket::disconnected);
    bad.socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QVERIFY2(disconnected.wait(replyTimeoutMs), "heraldd kept a connection that sent garbage");
    QVERIFY(bad.received.isEmpty());

    // The other connection is untouched.
    const QByteArray to = serverUri(m_heraldd->port, "nosuchsession");
    const QByteArray from = good.uri("goodsess");
    const QByteArray expected = expected481("g00d", to, from);
    good.socket.write(send("g00d", to, from));
    QTRY_COMPARE_WITH_TIMEOUT(good.received, expected, replyTimeoutMs);

    // And heraldd still accepts new ones.
    Client later;
    QVERIFY(later.connectTo(m_heraldd->port));
    const QByteArray laterFrom = later.uri("latersess");
    later.socket.write(send("l4ter", to, laterFrom));
    QTRY_COMPARE_WITH_TIMEOUT(later.received, expected481("l4ter", to, laterFrom), replyTimeoutMs);
}

void TestHeralddProcess::refusesBusyPort()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress(QHostAddress::LocalHost), 0));
    const QString address = QStringLiteral("127.0.0.1:%1").arg(occupant.serverPort());

    QProcess process;
    process.start(test::binDir() + QStringLiteral("/heraldd"),
                  {QStringLiteral("--msrp-listen"), address, QStringLiteral("--sip-listen"),
                   QStringLiteral("127.0.0.1:0"), QStringLiteral("--no-store")});
    QVERIFY(process.waitForFinished(startTimeoutMs));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY(process.exitCode() != 0);
    const QString error = QString::fromLocal8Bit(process.readAllStandardError());
    QVERIFY2(error.contains(QStringLiteral("cannot listen on ") + address), qPrintable(error));
    QVERIFY(!process.readAllStandardOutput().contains("listening"));
}

void TestHeralddProcess::stopsOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << SIGTERM;
    QTest::newRow("SIGINT") << SIGINT;
}

void TestHeralddProcess::stopsOnSignal()
{
    QFETCH(int, signalNumber);
    QString error;
    const auto heraldd = startHeraldd(&error);
    QVERIFY2(heraldd, qPrintable(error));

    // With a client connected: open connections must not hold up the exit.
    Client client;
    QVERIFY(client.connectTo(heraldd->port));

    QCOMPARE(::kill(static_cast<pid_t>(heraldd->process.processId()), signalNumber), 0);
    QVERIFY2(heraldd->process.waitForFinished(exitTimeoutMs), "heraldd did not exit in time");
    QCOMPARE(heraldd->process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(heraldd->process.exitCode(), 0);
    QVERIFY(heraldd->process.readAllStandardOutput().contains("heraldd: stopped"));
    QTRY_COMPARE_WITH_TIMEOUT(client.socket.state(), QAbstractSocket::UnconnectedState,
                              replyTimeoutMs);
}

QTEST_GUILESS_MAIN(TestHeralddProcess)
#include "tst_heralddprocess.moc"
