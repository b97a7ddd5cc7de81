// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// heraldd's SIP side as a process on 127.0.0.1, port 0:
// - sipp (uac_msrp.xml) calls it over UDP and TCP; sipp's exit code 0 means every INVITE got a
//   200 with an MSRP answer (m-line and a=path checked by sipp), and every BYE a 200;
// - the sofia-sip SDP m-line loop reproducers (corpora/regressions/sofia-sip-sdp-mline-loop)
//   are refused with 488 + Warning (RFC 3261 §21.4.26, §20.43) within 100 ms each, heraldd's
//   RSS stays small and it keeps answering OPTIONS and calls;
// - every RFC 4475 torture message leaves heraldd answering the next OPTIONS with 200;
// - SIGTERM stops it with exit code 0.

#include "tests/support/testsupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <memory>

#include <signal.h>
#include <unistd.h>

using namespace herald;

namespace {

using herald::test::freeUdpTcpPort;

constexpr int startTimeoutMs = 10000;
constexpr int replyTimeoutMs = 5000;
constexpr int exitTimeoutMs = 5000;
constexpr int sippTimeoutMs = 60000;
constexpr qint64 rejectBudgetMs = 100;
constexpr qint64 rssLimitBytes = 100 * 1024 * 1024;

const QString sipLocalhost = QStringLiteral("127.0.0.1");

qint64 rssBytesOf(qint64 pid)
{
    QFile statm(QStringLiteral("/proc/%1/statm").arg(pid));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 2)
        return -1;
    return fields.at(1).toLongLong() * sysconf(_SC_PAGESIZE);
}

// The value of the first header `name` (case-insensitive, compact forms not needed: heraldd's
// responses are what is read here) in a SIP message, or an empty array.
QByteArray headerValue(const QByteArray &message, const QByteArray &name)
{
    const qsizetype end = message.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = message.left(end < 0 ? message.size() : end).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

// The status code of a response ("SIP/2.0 488 ..."), or 0 when it is not one.
int statusCode(const QByteArray &message)
{
    if (!message.startsWith("SIP/2.0 "))
        return 0;
    return message.mid(8, 3).toInt();
}

// A UDP client that writes requests by hand: fresh branch (RFC 3261 §8.1.1.7, magic cookie)
// and Call-ID for each, Via naming this socket so the response comes back here.
class SipClient
{
public:
    bool bind() { return m_socket.bind(QHostAddress::LocalHost, 0); }

    struct Request
    {
        QByteArray bytes;
        QByteArray callId;
        QByteArray branch;
        QByteArray from;
        QByteArray requestUri;
    };

    Request request(const QByteArray &method, quint16 serverPort, const QByteArray &body = {},
                    const QByteArray &contentType = {})
    {
        ++m_counter;
        Request r;
        const QByteArray n = QByteArray::number(m_counter) + '.' + QByteArray::number(getpid());
        r.branch = "z9hG4bK-tst-" + n;
        r.callId = "call-" + n + "@127.0.0.1";
        r.from =
            "<sip:tester@127.0.0.1:" + QByteArray::number(m_socket.localPort()) + ">;tag=t" + n;
        r.requestUri = "sip:herald@127.0.0.1:" + QByteArray::number(serverPort);
        QByteArray m = method + ' ' + r.requestUri + " SIP/2.0\r\n";
        m += via(r.branch);
        m += "Max-Forwards: 70\r\n";
        m += "From: " + r.from + "\r\n";
        m += "To: <" + r.requestUri + ">\r\n";
        m += "Call-ID: " + r.callId + "\r\n";
        m += "CSeq: 1 " + method + "\r\n";
        m += "Contact: <sip:tester@127.0.0.1:" + QByteArray::number(m_socket.localPort()) + ">\r\n";
        if (!contentType.isEmpty())
            m += "Content-Type: " + contentType + "\r\n";
        m += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        r.bytes = m;
        return r;
    }

    // RFC 3261 §17.1.1.3: the ACK for a non-2xx final response to an INVITE, in the same
    // transaction (same branch), with the To tag of the response.
    QByteArray ackFor(const Request &invite, const QByteArray &response) const
    {
        QByteArray m = "ACK " + invite.requestUri + " SIP/2.0\r\n";
        m += via(invite.branch);
        m += "Max-Forwards: 70\r\n";
        m += "From: " + invite.from + "\r\n";
        m += "To: " + headerValue(response, "To") + "\r\n";
        m += "Call-ID: " + invite.callId + "\r\n";
        m += "CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n";
        return m;
    }

    bool send(const QByteArray &datagram, quint16 port)
    {
        return m_socket.writeDatagram(datagram, QHostAddress::LocalHost, port) == datagram.size();
    }

    // The first final (>= 200) response for `callId` within timeoutMs; provisional responses
    // and anything for other calls (late retransmissions, answers to torture messages) are
    // skipped. Empty on timeout.
    QByteArray finalResponse(const QByteArray &callId, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (true) {
            while (m_socket.hasPendingDatagrams()) {
                QByteArray datagram(qMax<qint64>(m_socket.pendingDatagramSize(), 0),
                                    Qt::Uninitialized);
                const qint64 size = m_socket.readDatagram(datagram.data(), datagram.size());
                if (size < 0)
                    continue;
                datagram.truncate(size);
                if (statusCode(datagram) >= 200 && headerValue(datagram, "Call-ID") == callId)
                    return datagram;
            }
            const qint64 left = deadline.remainingTime();
            if (left <= 0)
                return {};
            m_socket.waitForReadyRead(static_cast<int>(qMin<qint64>(left, 100)));
        }
    }

private:
    QByteArray via(const QByteArray &branch) const
    {
        return "Via: SIP/2.0/UDP 127.0.0.1:" + QByteArray::number(m_socket.localPort()) +
               ";rport;branch=" + branch + "\r\n";
    }

    QUdpSocket m_socket;
    quint64 m_counter = 0;
};

// The SDP body of a file that may be a whole SIP message (everything after its first empty
// line, CRLF or bare LF) or an SDP body alone.
QByteArray sdpBody(const QByteArray &file)
{
    if (file.startsWith("v="))
        return file;
    const qsizetype crlf = file.indexOf("\r\n\r\n");
    const qsizetype lf = file.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf < lf))
        return file.mid(crlf + 4);
    if (lf >= 0)
        return file.mid(lf + 2);
    return file;
}

} // namespace

class TestHeralddSip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sippCallsHeraldd_data();
    void sippCallsHeraldd();
    void refusesLoopingSdpQuickly_data();
    void refusesLoopingSdpQuickly();
    void survivesRfc4475_data();
    void survivesRfc4475();
    void sippStillCallsHeraldd();
    void stopsOnSigterm();

private:
    void runSipp(const QString &transport, int calls);
    void expectOptions200();
    void expectSmallRss();

    QString m_sipp;
    QString m_scenarios;
    QString m_corpora;
    QTemporaryDir m_logs;
    QProcess m_heraldd;
    quint16 m_sipPort = 0;
    SipClient m_client;
};

void TestHeralddSip::initTestCase()
{
    m_sipp = QStandardPaths::findExecutable(QStringLiteral("sipp"));
    if (m_sipp.isEmpty())
        QSKIP("sipp not found in PATH (Debian package sip-tester): cannot run the heraldd SIP "
              "tests");
    m_corpora = test::corporaDir();
    if (m_corpora.isEmpty())
        QSKIP(qPrintable(QStringLiteral("test corpora not found (HERALD_CORPORA_DIR=\"%1\")")
                             .arg(qEnvironmentVariable("HERALD_CORPORA_DIR"))));
    const QString source = test::sourceDir();
    m_scenarios = source.isEmpty() ? QFINDTESTDATA("../data/sipp")
                                   : source + QStringLiteral("/tests/data/sipp");
    QVERIFY2(QFile::exists(m_scenarios + QStringLiteral("/uac_msrp.xml")), qPrintable(m_scenarios));
    QVERIFY(m_logs.isValid());
    QVERIFY(m_client.bind());

    // stdout into a file, not a pipe: heraldd may log every message, and nobody drains a pipe
    // while sipp runs.
    const QString out = m_logs.filePath(QStringLiteral("heraldd.out"));
    m_heraldd.setStandardOutputFile(out);
    m_heraldd.setStandardErrorFile(m_logs.filePath(QStringLiteral("heraldd.err")));
    m_heraldd.start(test::binDir() + QStringLiteral("/heraldd"),
                    {QStringLiteral("--msrp-listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--sip-listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--store"), m_logs.filePath(QStringLiteral("herald.db"))});
    QVERIFY2(m_heraldd.waitForStarted(startTimeoutMs), qPrintable(m_heraldd.errorString()));

    static const QRegularExpression msrpLine(
        QStringLiteral(R"(^heraldd: MSRP listening on 127\.0\.0\.1:(\d+)$)"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression sipLine(
        QStringLiteral(R"(^heraldd: SIP listening on 127\.0\.0\.1:(\d+) \(UDP, TCP\)$)"),
        QRegularExpression::MultilineOption);
    QString stdoutText;
    const bool listening = QTest::qWaitFor(
        [&] {
            stdoutText = QString::fromUtf8(test::readFile(out));
            return (msrpLine.match(stdoutText).hasMatch() &&
                    sipLine.match(stdoutText).hasMatch()) ||
                   m_heraldd.state() == QProcess::NotRunning;
        },
        startTimeoutMs);
    const auto sip = sipLine.match(stdoutText);
    QVERIFY2(listening && sip.hasMatch() && msrpLine.match(stdoutText).hasMatch(),
             qPrintable(QStringLiteral("no listening lines from heraldd; stdout: \"%1\" stderr: "
                                       "\"%2\"")
                            .arg(stdoutText, QString::fromUtf8(test::readFile(m_logs.filePath(
                                                 QStringLiteral("heraldd.err")))))));
    m_sipPort = sip.captured(1).toUShort();
    QVERIFY(m_sipPort != 0);
}

void TestHeralddSip::cleanupTestCase()
{
    if (m_heraldd.state() != QProcess::NotRunning) {
        m_heraldd.kill();
        m_heraldd.waitForFinished(exitTimeoutMs);
    }
}

void TestHeralddSip::runSipp(const QString &transport, int calls)
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A copy: sipp writes its logs beside the scenario.
    const QString scenario = dir.filePath(QStringLiteral("uac_msrp.xml"));
    QVERIFY(QFile::copy(m_scenarios + QStringLiteral("/uac_msrp.xml"), scenario));
    const quint16 sippPort = freeUdpTcpPort();
    QVERIFY(sippPort != 0);

    QProcess sipp;
    sipp.setWorkingDirectory(dir.path());
    sipp.setProcessChannelMode(QProcess::MergedChannels);
    QStringList arguments{QStringLiteral("-sf"),
                          scenario,
                          QStringLiteral("127.0.0.1:%1").arg(m_sipPort),
                          QStringLiteral("-i"),
                          sipLocalhost,
                          QStringLiteral("-p"),
                          QString::number(sippPort),
                          QStringLiteral("-m"),
                          QString::number(calls),
                          QStringLiteral("-r"),
                          QString::number(calls),
                          QStringLiteral("-nostdin"),
                          QStringLiteral("-timeout"),
                          QStringLiteral("30s"),
                          QStringLiteral("-trace_err")};
    if (!transport.isEmpty())
        arguments << QStringLiteral("-t") << transport;
    sipp.start(m_sipp, arguments);
    QVERIFY2(sipp.waitForStarted(startTimeoutMs), qPrintable(sipp.errorString()));
    // sipp's screen goes to the pipe; drain it while waiting so it never blocks.
    QByteArray output;
    const bool finished = QTest::qWaitFor(
        [&] {
            output += sipp.readAll();
            return sipp.state() == QProcess::NotRunning;
        },
        sippTimeoutMs);
    if (!finished) {
        sipp.kill();
        sipp.waitForFinished(exitTimeoutMs);
    }
    output += sipp.readAll();
    const bool ok = finished && sipp.exitStatus() == QProcess::NormalExit && sipp.exitCode() == 0;
    if (!ok) {
        qWarning().noquote() << "sipp output:" << QString::fromLocal8Bit(output.right(4000));
        for (const QString &log : QDir(dir.path()).entryList({QStringLiteral("*errors.log")}))
            qWarning().noquote() << log
                                 << QString::fromLocal8Bit(
                                        test::readFile(dir.filePath(log)).right(4000));
    }
    QVERIFY2(finished, "sipp did not finish in time");
    QCOMPARE(sipp.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sipp.exitCode(), 0); // sipp: 0 = every call succeeded
}

void TestHeralddSip::expectOptions200()
{
    const SipClient::Request options = m_client.request("OPTIONS", m_sipPort);
    QVERIFY(m_client.send(options.bytes, m_sipPort));
    const QByteArray response = m_client.finalResponse(options.callId, replyTimeoutMs);
    QVERIFY2(!response.isEmpty(), "no response to OPTIONS: heraldd stopped answering");
    QVERIFY2(statusCode(response) == 200, response.constData());
    QVERIFY(m_heraldd.state() == QProcess::Running);
}

void TestHeralddSip::expectSmallRss()
{
    const qint64 rss = rssBytesOf(m_heraldd.processId());
    QVERIFY2(rss > 0, "cannot read heraldd's /proc/<pid>/statm");
    QVERIFY2(rss < rssLimitBytes, qPrintable(QStringLiteral("heraldd RSS %1 bytes").arg(rss)));
}

void TestHeralddSip::sippCallsHeraldd_data()
{
    QTest::addColumn<QString>("transport"); // sipp's -t; empty = its default, UDP
    QTest::newRow("udp") << QString();
    QTest::newRow("tcp") << QStringLiteral("t1");
}

void TestHeralddSip::sippCallsHeraldd()
{
    QFETCH(QString, transport);
    runSipp(transport, 10);
}

void TestHeralddSip::refusesLoopingSdpQuickly_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<bool>("wholeMessage");
    const QString dir = m_corpora + QStringLiteral("/regressions/sofia-sip-sdp-mline-loop");
    const QStringList files = QDir(dir).entryList(
        {QStringLiteral("*.sdp"), QStringLiteral("*.sip")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 4, qPrintable(dir));
    for (const QString &name : files)
        QTest::newRow(qPrintable(name)) << test::readFile(dir + QLatin1Char('/') + name)
                                        << name.endsWith(QLatin1String(".sip"));
}

void TestHeralddSip::refusesLoopingSdpQuickly()
{
    QFETCH(QByteArray, file);
    QFETCH(bool, wholeMessage);
    QVERIFY(!file.isEmpty());

    // The SDP in a well-formed INVITE: what reaches the SDP parser is only the body.
    const QByteArray body = sdpBody(file);
    const SipClient::Request invite =
        m_client.request("INVITE", m_sipPort, body, "application/sdp");
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_client.send(invite.bytes, m_sipPort));
    const QByteArray response = m_client.finalResponse(invite.callId, replyTimeoutMs);
    const qint64 elapsedMs = timer.elapsed();
    QVERIFY2(!response.isEmpty(), "no final response to the INVITE");
    QVERIFY(m_client.send(m_client.ackFor(invite, response), m_sipPort));
    QVERIFY2(statusCode(response) == 488, response.constData());
    // RFC 3261 §21.4.26: a 488 SHOULD carry a Warning saying what was wrong with the offer.
    QVERIFY2(!headerValue(response, "Warning").isEmpty(), response.constData());
    qInfo("final response %d after %lld ms", statusCode(response),
          static_cast<long long>(elapsedMs));
    QVERIFY2(elapsedMs < rejectBudgetMs,
             qPrintable(QStringLiteral("the 488 took %1 ms").arg(elapsedMs)));
    expectSmallRss();
    expectOptions200();

    // The file as it is, malformations and all (the reproducer that drove the loop).
    if (wholeMessage) {
        QVERIFY(m_client.send(file, m_sipPort));
        expectOptions200();
        expectSmallRss();
    }
}

void TestHeralddSip::survivesRfc4475_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("overTcp");
    const QString dir = m_corpora + QStringLiteral("/rfc4475");
    const QStringList files =
        QDir(dir).entryList({QStringLiteral("*.dat")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 50, qPrintable(dir));
    for (const QString &name : files) {
        const QByteArray bytes = test::readFile(dir + QLatin1Char('/') + name);
        QTest::newRow(qPrintable(name + QStringLiteral(" udp"))) << bytes << false;
        QTest::newRow(qPrintable(name + QStringLiteral(" tcp"))) << bytes << true;
    }
}

void TestHeralddSip::survivesRfc4475()
{
    QFETCH(QByteArray, message);
    QFETCH(bool, overTcp);
    QVERIFY(!message.isEmpty());
    // Bit-exact as RFC 4475 prints it: whatever heraldd answers (responses go to the Via
    // of the torture message, not here), it must stay up and answer the next request.
    if (overTcp) {
        // Each on a connection of its own: a framing error must not leak into the next one.
        QTcpSocket tcp;
        tcp.connectToHost(QHostAddress::LocalHost, m_sipPort);
        QVERIFY(tcp.waitForConnected(5000));
        tcp.write(message);
        QVERIFY(tcp.waitForBytesWritten(5000));
        // Give heraldd the message before the probe; it may answer or close, both are fine.
        tcp.waitForReadyRead(200);
        tcp.abort();
    } else {
        QVERIFY(m_client.send(message, m_sipPort));
    }
    expectOptions200();
    expectSmallRss();
}

void TestHeralddSip::sippStillCallsHeraldd()
{
    runSipp(QString(), 10);
    expectSmallRss();
}

void TestHeralddSip::stopsOnSigterm()
{
    QCOMPARE(::kill(static_cast<pid_t>(m_heraldd.processId()), SIGTERM), 0);
    QVERIFY2(m_heraldd.waitForFinished(exitTimeoutMs), "heraldd did not exit in time");
    QCOMPARE(m_heraldd.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_heraldd.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestHeralddSip)
#include "tst_heralddsip.moc"
