// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// A real peer: sipp (Debian's sip-tester) with Herald's MSRP scenarios (tests/data/sipp).
// - uac_msrp.xml calls an Agent that answers with an MSRP SDP; sipp checks the answer's m-line
//   and a=path with ereg and hangs up; exit code 0 means every call succeeded.
// - uas_msrp.xml answers an Agent's INVITE with an MSRP answer, requires the ACK and the BYE;
//   also reached through AgentConfig::outboundProxy (sipp standing in for the proxy).
#include "engine/sip/agent.h"
#include "tests/protocol/sip/siptestsupport.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;
using namespace herald::sip;
using namespace herald::sip::test;

namespace {

using herald::test::portTaken;

} // namespace

class TestSippAgent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void sippCallsAgent_data();
    void sippCallsAgent();
    void agentCallsSipp_data();
    void agentCallsSipp();

private:
    Agent *startAgent(AgentConfig config);
    // Copies the scenario into a fresh directory (sipp writes its logs beside it) and starts
    // sipp there; returns false when it does not start.
    bool startSipp(QProcess &sipp, QTemporaryDir &dir, const QString &scenario,
                   const QStringList &arguments);
    // Waits for sipp to exit; on a failure prints its output and error log.
    void expectSippSuccess(QProcess &sipp, const QTemporaryDir &dir, int timeoutMs);

    QString m_sipp;
    QString m_scenarios;
    std::unique_ptr<Agent> m_agent;
};

void TestSippAgent::initTestCase()
{
    m_sipp = QStandardPaths::findExecutable(QStringLiteral("sipp"));
    if (m_sipp.isEmpty())
        QSKIP("sipp not found in PATH (Debian package sip-tester): cannot run the sipp tests");
    const QString source = herald::test::sourceDir();
    m_scenarios = source.isEmpty() ? QFINDTESTDATA("../../data/sipp")
                                   : source + QStringLiteral("/tests/data/sipp");
    QVERIFY2(QFile::exists(m_scenarios + QStringLiteral("/uac_msrp.xml")), qPrintable(m_scenarios));
    QVERIFY(QFile::exists(m_scenarios + QStringLiteral("/uas_msrp.xml")));
}

void TestSippAgent::cleanup()
{
    if (m_agent && m_agent->isRunning()) {
        QSignalSpy stopped(m_agent.get(), &Agent::stopped);
        m_agent->shutdown();
        QVERIFY(stopped.wait(10000));
    }
    m_agent.reset();
}

Agent *TestSippAgent::startAgent(AgentConfig config)
{
    m_agent = std::make_unique<Agent>(std::move(config));
    return m_agent->start() ? m_agent.get() : nullptr;
}

bool TestSippAgent::startSipp(QProcess &sipp, QTemporaryDir &dir, const QString &scenario,
                              const QStringList &arguments)
{
    const QString copy = dir.filePath(scenario);
    if (!QFile::copy(m_scenarios + QLatin1Char('/') + scenario, copy))
        return false;
    sipp.setWorkingDirectory(dir.path());
    sipp.setProcessChannelMode(QProcess::MergedChannels);
    sipp.start(m_sipp, QStringList{QStringLiteral("-sf"), copy} + arguments);
    return sipp.waitForStarted(5000);
}

void TestSippAgent::expectSippSuccess(QProcess &sipp, const QTemporaryDir &dir, int timeoutMs)
{
    // Bounded, and with the event loop running: the Agent lives on this thread.
    const bool finished =
        QTest::qWaitFor([&] { return sipp.state() == QProcess::NotRunning; }, timeoutMs);
    if (!finished) {
        sipp.kill();
        sipp.waitForFinished(2000);
    }
    const bool ok = finished && sipp.exitStatus() == QProcess::NormalExit && sipp.exitCode() == 0;
    if (!ok) {
        qWarning().noquote() << "sipp output:"
                             << QString::fromLocal8Bit(sipp.readAll().right(4000));
        for (const QString &log : QDir(dir.path()).entryList({QStringLiteral("*errors.log")}))
            qWarning().noquote() << log
                                 << QString::fromLocal8Bit(
                                        herald::test::readFile(dir.filePath(log)).right(4000));
    }
    QVERIFY2(finished, "sipp did not finish in time");
    QCOMPARE(sipp.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sipp.exitCode(), 0); // sipp: 0 = all calls succeeded
}

void TestSippAgent::sippCallsAgent_data()
{
    QTest::addColumn<QString>("transport"); // sipp's -t
    QTest::newRow("udp") << QStringLiteral("u1");
    QTest::newRow("tcp") << QStringLiteral("t1");
}

void TestSippAgent::sippCallsAgent()
{
    QFETCH(QString, transport);
    Agent *agent = startAgent(loopbackConfig(QStringLiteral("herald")));
    QVERIFY(agent);
    QList<IncomingInvite> invites;
    connect(agent, &Agent::incomingCall, this, [&](CallId call, const IncomingInvite &invite) {
        invites.append(invite);
        QVERIFY(agent->answer(call, 200, msrpAnswer()));
    });
    QSignalSpy ended(agent, &Agent::callEnded);

    const quint16 sippPort = freeUdpTcpPort();
    QVERIFY(sippPort != 0);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess sipp;
    QVERIFY(startSipp(sipp, dir, QStringLiteral("uac_msrp.xml"),
                      {QStringLiteral("127.0.0.1:%1").arg(agent->listeningPort()),
                       QStringLiteral("-i"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                       QString::number(sippPort), QStringLiteral("-m"), QStringLiteral("5"),
                       QStringLiteral("-r"), QStringLiteral("5"), QStringLiteral("-t"), transport,
                       QStringLiteral("-nostdin"), QStringLiteral("-timeout"),
                       QStringLiteral("20s"), QStringLiteral("-trace_err")}));
    expectSippSuccess(sipp, dir, 30000);

    QCOMPARE(invites.size(), 5);
    for (const IncomingInvite &invite : invites) {
        QVERIFY(invite.body.contains("m=message 7654 TCP/MSRP *"));
        QCOMPARE(invite.transport,
                 transport == QLatin1String("t1") ? QByteArray("TCP") : QByteArray("UDP"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 5, 5000);
    for (const QList<QVariant> &end : ended) {
        QCOMPARE(end.at(1).toByteArray(), QByteArray("BYE"));
        QCOMPARE(end.at(2).toBool(), true);
    }
    QTRY_VERIFY_WITH_TIMEOUT(agent->calls().isEmpty(), 5000);
}

void TestSippAgent::agentCallsSipp_data()
{
    QTest::addColumn<QString>("transport");
    QTest::addColumn<bool>("viaProxy");
    QTest::newRow("udp") << QStringLiteral("u1") << false;
    QTest::newRow("tcp") << QStringLiteral("t1") << false;
    QTest::newRow("udp via outbound proxy") << QStringLiteral("u1") << true;
}

void TestSippAgent::agentCallsSipp()
{
    QFETCH(QString, transport);
    QFETCH(bool, viaProxy);
    const bool tcp = transport == QLatin1String("t1");
    const quint16 sippPort = freeUdpTcpPort();
    QVERIFY(sippPort != 0);
    const QByteArray sippAddress = "127.0.0.1:" + QByteArray::number(sippPort);

    AgentConfig config = loopbackConfig(QStringLiteral("herald"));
    if (viaProxy) // sipp plays the outbound proxy (an IMS P-CSCF, say) and answers itself
        config.outboundProxy = QString::fromUtf8("sip:" + sippAddress);
    Agent *agent = startAgent(config);
    QVERIFY(agent);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess sipp;
    QVERIFY(startSipp(sipp, dir, QStringLiteral("uas_msrp.xml"),
                      {QStringLiteral("-i"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                       QString::number(sippPort), QStringLiteral("-m"), QStringLiteral("1"),
                       QStringLiteral("-t"), transport, QStringLiteral("-nostdin"),
                       QStringLiteral("-timeout"), QStringLiteral("20s"),
                       QStringLiteral("-trace_err")}));
    // Ready once sipp holds its port (its screen output is buffered in a pipe).
    QVERIFY(QTest::qWaitFor([&] { return portTaken(sippPort, tcp); }, 5000));

    QSignalSpy answered(agent, &Agent::callAnswered);
    QSignalSpy failed(agent, &Agent::callFailed);
    QSignalSpy ended(agent, &Agent::callEnded);
    // Through the proxy the Request-URI names a host that does not resolve: only the
    // preloaded Route can get the INVITE to sipp.
    QByteArray target =
        viaProxy ? QByteArray("sip:vmds@delivery.invalid") : "sip:vmds@" + sippAddress;
    if (tcp)
        target += ";transport=tcp";
    const Result<CallId> call = agent->invite(target, msrpOffer());
    QVERIFY(call);
    QTRY_COMPARE_WITH_TIMEOUT(answered.size() + failed.size(), 1, 10000);
    QCOMPARE(failed.size(), 0);
    const QByteArray answer = answered.at(0).at(1).toByteArray();
    QVERIFY2(answer.contains("m=message 9876 TCP/MSRP *"), answer.constData());
    QVERIFY(answer.contains("a=path:msrp://127.0.0.1:9876/uas"));
    QTRY_COMPARE_WITH_TIMEOUT(agent->callState(*call), std::optional(CallState::Established), 5000);
    QVERIFY(agent->bye(*call));
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 5000);
    QCOMPARE(ended.at(0).at(1).toByteArray(), QByteArray("BYE"));
    QCOMPARE(ended.at(0).at(2).toBool(), false);
    expectSippSuccess(sipp, dir, 15000);
}

QTEST_GUILESS_MAIN(TestSippAgent)
#include "tst_sippagent.moc"
