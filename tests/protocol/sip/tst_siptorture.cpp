// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Every RFC 4475 torture message, bit-exact, over UDP and over TCP (a new connection each) to a
// running Agent. After each one the Agent must still answer a well-formed OPTIONS with 200.
// The valid requests (RFC 4475 §3.1.1) must get some SIP response on the transport their top
// Via names: over TCP on the connection, over UDP as seen in sofia's own message dump
// (herald.sip.wire), since a UDP response goes where the Via points (RFC 3261 §18.2.2), not to
// our socket.
#include "engine/sip/agent.h"
#include "tests/protocol/sip/siptestsupport.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

using namespace herald;
using namespace herald::sip;
using namespace herald::sip::test;

class TestSipTorture : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void torture_data();
    void torture();
    void sofiaSdpLoopNeverReached_data();
    void sofiaSdpLoopNeverReached();

private:
    bool answersOptions();

    std::unique_ptr<WireCapture> m_wire;
    std::unique_ptr<Agent> m_agent;
    std::unique_ptr<Agent> m_caller;
    QString m_dir;
    QHash<QString, QString> m_category;
    int m_probe = 0;
};

void TestSipTorture::initTestCase()
{
    const QString corpora = herald::test::corporaDir();
    if (corpora.isEmpty())
        QSKIP("RFC 4475 corpus missing: set HERALD_CORPORA_DIR to ../shared/corpora "
              "(expects rfc4475/*.dat and rfc4475/INDEX.tsv)");
    m_dir = corpora + QStringLiteral("/rfc4475");
    const QByteArray index = herald::test::readFile(m_dir + QStringLiteral("/INDEX.tsv"));
    if (index.isEmpty())
        QSKIP(qPrintable(QStringLiteral("RFC 4475 corpus missing: no %1/INDEX.tsv").arg(m_dir)));
    for (const QByteArray &line : index.split('\n').mid(1)) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() >= 4)
            m_category.insert(QString::fromUtf8(fields.at(1)), QString::fromUtf8(fields.at(3)));
    }
    QVERIFY(m_category.size() >= 49);

    m_wire = std::make_unique<WireCapture>();
    m_agent = std::make_unique<Agent>(loopbackConfig(QStringLiteral("torture")));
    QVERIFY(m_agent->start());
    // The application side: refuse every call, accept every text, answer every INFO.
    connect(m_agent.get(), &Agent::incomingCall, this,
            [this](CallId call, const IncomingInvite &) { m_agent->reject(call, 486); });
    connect(m_agent.get(), &Agent::incomingMessage, this,
            [this](RequestId id, CallId, const IncomingRequest &) {
                m_agent->respondMessage(id, 200);
            });
    connect(m_agent.get(), &Agent::incomingInfo, this,
            [this](CallId, RequestId id) { m_agent->respondInfo(id, 200); });
    QVERIFY(answersOptions());
    m_caller = std::make_unique<Agent>(loopbackConfig(QStringLiteral("caller")));
    QVERIFY(m_caller->start());
}

void TestSipTorture::cleanupTestCase()
{
    for (Agent *agent : {m_caller.get(), m_agent.get()}) {
        if (!agent || !agent->isRunning())
            continue;
        QSignalSpy stopped(agent, &Agent::stopped);
        agent->shutdown();
        QVERIFY(stopped.wait(10000));
    }
    m_caller.reset();
    m_agent.reset();
    m_wire.reset();
}

// A well-formed OPTIONS over UDP, with rport so the 200 comes back to this socket.
bool TestSipTorture::answersOptions()
{
    QUdpSocket socket;
    if (!socket.bind(QHostAddress::LocalHost, 0))
        return false;
    const QByteArray n = QByteArray::number(++m_probe);
    const QByteArray callId = "health-" + n + "@127.0.0.1";
    const QByteArray port = QByteArray::number(m_agent->listeningPort());
    const QByteArray options = "OPTIONS sip:health@127.0.0.1:" + port +
                               " SIP/2.0\r\n"
                               "Via: SIP/2.0/UDP 127.0.0.1:" +
                               QByteArray::number(socket.localPort()) +
                               ";rport;branch=z9hG4bK-health-" + n +
                               "\r\n"
                               "Max-Forwards: 70\r\n"
                               "From: <sip:probe@127.0.0.1>;tag=probe" +
                               n +
                               "\r\n"
                               "To: <sip:health@127.0.0.1>\r\n"
                               "Call-ID: " +
                               callId +
                               "\r\n"
                               "CSeq: 1 OPTIONS\r\n"
                               "Content-Length: 0\r\n\r\n";
    socket.writeDatagram(options, QHostAddress::LocalHost, m_agent->listeningPort());
    return QTest::qWaitFor(
        [&] {
            while (socket.hasPendingDatagrams()) {
                QByteArray reply(int(socket.pendingDatagramSize()), Qt::Uninitialized);
                socket.readDatagram(reply.data(), reply.size());
                if (reply.startsWith("SIP/2.0 200 ") && reply.contains(callId))
                    return true;
            }
            return false;
        },
        3000);
}

void TestSipTorture::torture_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("tcp");
    const QStringList files =
        QDir(m_dir).entryList({QStringLiteral("*.dat")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 50);
    for (const QString &file : files) {
        QTest::addRow("%s udp", qPrintable(file)) << file << false;
        QTest::addRow("%s tcp", qPrintable(file)) << file << true;
    }
}

void TestSipTorture::torture()
{
    QFETCH(QString, file);
    QFETCH(bool, tcp);
    const QByteArray message = herald::test::readFile(m_dir + QLatin1Char('/') + file);
    QVERIFY(!message.isEmpty());
    const bool valid = m_category.value(file).startsWith(QLatin1String("valid"));
    const bool isRequest = !message.startsWith("SIP/2.0");
    const SipHeaders headers = splitMessage(message).headers;
    const QByteArray callId = firstHeaderValue(headers, "Call-ID");
    // A valid request is checked on the transport its top Via names: sofia drops a request
    // whose Via transport differs from the one it came on ("nta: Via check: invalid
    // transport"), and answers a TCP Via over TCP (RFC 3261 §18.2.2).
    const bool viaTcp = viaTransport(firstHeaderValue(headers, "Via")) == "TCP";
    const bool expectResponse = valid && isRequest && viaTcp == tcp;
    // Known limitation (PLATFORM.md §10): sofia-sip 1.12.11 refuses the valid method token
    // "!interesting-Method0123456789_*+`.%indeed'~" of RFC 4475 §3.1.1.2 (it rejects '+' and
    // '`' in a method) and drops the message without a response. Checked explicitly below, so
    // that a fixed sofia shows up here.
    const bool knownRefusal = file == QLatin1String("intmeth.dat");
    m_wire->clear();

    bool responded = false;
    if (tcp) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_agent->listeningPort());
        QVERIFY(socket.waitForConnected(3000));
        socket.write(message);
        QVERIFY(socket.waitForBytesWritten(3000));
        // Wait for an answer or a close; many invalid messages get neither (a too large
        // Content-Length leaves sofia waiting for more), which is fine.
        const int patience = (expectResponse && !knownRefusal) ? 3000 : knownRefusal ? 500 : 150;
        QByteArray reply;
        (void)QTest::qWaitFor(
            [&] {
                reply += socket.readAll();
                return reply.contains("\r\n\r\n") ||
                       socket.state() != QAbstractSocket::ConnectedState;
            },
            patience);
        reply += socket.readAll();
        if (!reply.isEmpty())
            QVERIFY2(reply.startsWith("SIP/2.0 "), reply.left(80).constData());
        responded = reply.startsWith("SIP/2.0 ");
        socket.abort();
    } else {
        QUdpSocket socket;
        QCOMPARE(socket.writeDatagram(message, QHostAddress::LocalHost, m_agent->listeningPort()),
                 qint64(message.size()));
        // The response goes where the Via points, so look for it in sofia's message dump.
        const auto sent = [&] {
            for (const WireEntry &e : m_wire->entries()) {
                if (e.direction == "send" && e.isResponse() && !callId.isEmpty() &&
                    e.message.contains(callId))
                    return true;
            }
            return false;
        };
        if (expectResponse)
            responded = QTest::qWaitFor(sent, knownRefusal ? 500 : 3000);
    }

    QVERIFY2(answersOptions(), "the agent stopped answering OPTIONS");

    if (!expectResponse)
        return;
    if (knownRefusal) {
        QVERIFY2(!responded, "sofia now answers intmeth.dat: drop this known-limitation branch");
        return;
    }
    QVERIFY2(responded, "no SIP response to a valid request");
    qInfo("%s answered over %s", qPrintable(file), tcp ? "TCP" : "UDP");
}

// PLATFORM.md §10: Debian's sdp_parse() allocates without end on these m-lines. Herald keeps
// sofia's SDP engine off (NUTAG_MEDIA_ENABLE(0)), so they must pass through as bytes: the
// application receives the offer untouched, quickly, and memory stays flat.
void TestSipTorture::sofiaSdpLoopNeverReached_data()
{
    QTest::addColumn<QString>("file");
    const QString dir =
        herald::test::corporaDir() + QStringLiteral("/regressions/sofia-sip-sdp-mline-loop");
    const QStringList files = QDir(dir).entryList(
        {QStringLiteral("*.sdp"), QStringLiteral("*.sip")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        QSKIP(qPrintable(QStringLiteral("regression corpus missing: %1").arg(dir)));
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir + QLatin1Char('/') + file;
}

void TestSipTorture::sofiaSdpLoopNeverReached()
{
    QFETCH(QString, file);
    const QByteArray data = herald::test::readFile(file);
    QVERIFY(!data.isEmpty());
    const qint64 rssBefore = herald::test::currentRssBytes();
    if (file.endsWith(QLatin1String(".sdp"))) {
        QSignalSpy incoming(m_agent.get(), &Agent::incomingCall);
        QSignalSpy failed(m_caller.get(), &Agent::callFailed);
        const QByteArray target =
            "sip:torture@127.0.0.1:" + QByteArray::number(m_agent->listeningPort());
        QVERIFY(m_caller->invite(target, data));
        QTRY_COMPARE_WITH_TIMEOUT(incoming.size(), 1, 3000);
        QCOMPARE(incoming.at(0).at(1).value<IncomingInvite>().body, data);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 3000); // the 486 of initTestCase's handler
    } else {
        QUdpSocket socket;
        QCOMPARE(socket.writeDatagram(data, QHostAddress::LocalHost, m_agent->listeningPort()),
                 qint64(data.size()));
    }
    QVERIFY2(answersOptions(), "the agent stopped answering OPTIONS");
    const qint64 growth = herald::test::currentRssBytes() - rssBefore;
    QVERIFY2(growth < 64 * 1024 * 1024, qPrintable(QStringLiteral("RSS grew by %1").arg(growth)));
}

QTEST_GUILESS_MAIN(TestSipTorture)
#include "tst_siptorture.moc"
