// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// heraldd's logging as configured: log/target journal writes sd-daemon "<N>" priorities, the
// plain target writes time and level; the MSRP and SIP wire traces are switched on by their
// category alone (log/rules); SIGHUP re-reads the INI file and applies new rules, and a bad
// file on SIGHUP changes nothing and keeps the server running.

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

#include <signal.h>

using namespace herald;

namespace {

constexpr int timeoutMs = 10000;

void writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

struct Heraldd
{
    QProcess process;
    QByteArray out;
    QByteArray err;
    quint16 msrpPort = 0;
    quint16 sipPort = 0;

    ~Heraldd()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(timeoutMs);
        }
    }
    bool waitFor(QByteArray Heraldd::*stream, const QByteArray &text)
    {
        return QTest::qWaitFor(
                   [&] {
                       out += process.readAllStandardOutput();
                       err += process.readAllStandardError();
                       return (this->*stream).contains(text) ||
                              process.state() == QProcess::NotRunning;
                   },
                   timeoutMs) &&
               (this->*stream).contains(text);
    }
    bool start(const QString &config, const QStringList &environment = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("JOURNAL_STREAM"));
        for (const QString &assignment : environment)
            env.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
        process.setProcessEnvironment(env);
        process.start(test::binDir() + QStringLiteral("/heraldd"),
                      {QStringLiteral("--config"), config, QStringLiteral("--msrp-listen"),
                       QStringLiteral("127.0.0.1:0"), QStringLiteral("--sip-listen"),
                       QStringLiteral("127.0.0.1:0"), QStringLiteral("--no-store")});
        if (!waitFor(&Heraldd::out, "no store"))
            return false;
        const QString text = QString::fromUtf8(out);
        msrpPort = QRegularExpression(QStringLiteral(R"(MSRP listening on 127\.0\.0\.1:(\d+))"))
                       .match(text)
                       .captured(1)
                       .toUShort();
        sipPort = QRegularExpression(QStringLiteral(R"(SIP listening on 127\.0\.0\.1:(\d+))"))
                      .match(text)
                      .captured(1)
                      .toUShort();
        return msrpPort && sipPort;
    }
    // A SEND for a session heraldd does not have: answered 481 (RFC 4975 §7.3), and traced.
    bool poke(const QByteArray &tid)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, msrpPort);
        if (!socket.waitForConnected(timeoutMs))
            return false;
        socket.write("MSRP " + tid +
                     " SEND\r\nTo-Path: msrp://127.0.0.1:1/nosuchsession;tcp\r\n"
                     "From-Path: msrp://127.0.0.1:9/logtest;tcp\r\nMessage-ID: msgx\r\n"
                     "Byte-Range: 1-2/2\r\nContent-Type: text/plain\r\n\r\nhi\r\n-------" +
                     tid + "$\r\n");
        QByteArray answer;
        QTest::qWaitFor(
            [&] {
                socket.waitForReadyRead(20);
                answer += socket.readAll();
                return answer.contains(" 481");
            },
            timeoutMs);
        return answer.contains(QByteArray("MSRP " + tid + " 481"));
    }
};

} // namespace

class TestConfigLogging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void journalPrioritiesAndReload();
    void plainTarget();
    void sipWireTrace();
    void sipWireTraceSwitchedBySighup();
};

void TestConfigLogging::journalPrioritiesAndReload()
{
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("heraldd.ini"));
    writeFile(config, "[log]\ntarget = journal\nrules = herald.msrp.wire.debug=false\n");
    Heraldd heraldd;
    QVERIFY2(heraldd.start(config), heraldd.err.constData());
    QVERIFY2(heraldd.waitFor(&Heraldd::err, "<6>herald.service: engine started\n"),
             heraldd.err.constData());

    QVERIFY(heraldd.poke("before"));
    heraldd.err += heraldd.process.readAllStandardError();
    QVERIFY2(!heraldd.err.contains("herald.msrp.wire"), heraldd.err.constData());

    // SIGHUP with the MSRP wire trace on: the next frames are logged at debug priority.
    writeFile(config, "[log]\ntarget = journal\nrules = herald.msrp.wire.debug=true\n");
    QVERIFY(::kill(pid_t(heraldd.process.processId()), SIGHUP) == 0);
    QVERIFY2(heraldd.waitFor(&Heraldd::out, "heraldd: settings reloaded"), heraldd.err.constData());
    QVERIFY(heraldd.poke("after"));
    QVERIFY2(heraldd.waitFor(&Heraldd::err, "MSRP after 481"), heraldd.err.constData());
    const QString err = QString::fromUtf8(heraldd.err);
    QVERIFY2(QRegularExpression(QStringLiteral(R"(<7>herald\.msrp\.wire: <- .*MSRP after SEND)"))
                 .match(err)
                 .hasMatch(),
             qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("<7>herald.msrp.wire: -> ")), qPrintable(err));

    // A broken file on SIGHUP: refused with the reason, the old settings stay, still serving.
    writeFile(config, "[log]\nrules = herald.msrp.wire.debug=maybe\n");
    QVERIFY(::kill(pid_t(heraldd.process.processId()), SIGHUP) == 0);
    QVERIFY2(heraldd.waitFor(&Heraldd::err, "SIGHUP: settings not reloaded: "),
             heraldd.err.constData());
    QVERIFY2(heraldd.err.contains(QByteArray(config.toUtf8() + ":2: log/rules: bad rule")),
             heraldd.err.constData());
    QVERIFY(heraldd.poke("still"));
    QVERIFY2(heraldd.waitFor(&Heraldd::err, "MSRP still 481"), heraldd.err.constData());

    // What only a restart applies is named, not silently ignored.
    writeFile(config, "[log]\ntarget = journal\n[sip]\noutbound-proxy = sip:proxy.invalid;lr\n");
    QVERIFY(::kill(pid_t(heraldd.process.processId()), SIGHUP) == 0);
    QVERIFY2(heraldd.waitFor(&Heraldd::err,
                             "SIGHUP: changed, applied at the next start: sip/outbound-proxy"),
             heraldd.err.constData());
    QVERIFY2(heraldd.waitFor(&Heraldd::out, "heraldd: settings reloaded"), heraldd.err.constData());

    QVERIFY(::kill(pid_t(heraldd.process.processId()), SIGTERM) == 0);
    QVERIFY(heraldd.process.waitForFinished(timeoutMs));
    QCOMPARE(heraldd.process.exitCode(), 0);
}

void TestConfigLogging::plainTarget()
{
    // auto, and JOURNAL_STREAM names another stream than our stderr (a pipe here): plain.
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("heraldd.ini"));
    writeFile(config, "[log]\ntarget = auto\n");
    Heraldd heraldd;
    QVERIFY2(heraldd.start(config, {QStringLiteral("JOURNAL_STREAM=1:1")}),
             heraldd.err.constData());
    QVERIFY2(heraldd.waitFor(&Heraldd::err, " info herald.service: engine started\n"),
             heraldd.err.constData());
    QVERIFY(!heraldd.err.contains("<6>"));
}

void TestConfigLogging::sipWireTrace()
{
    // herald.sip.wire alone: SIP messages are traced, MSRP frames are not.
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("heraldd.ini"));
    writeFile(config, "[log]\ntarget = journal\nrules = herald.sip.wire.debug=true\n");
    Heraldd heraldd;
    QVERIFY2(heraldd.start(config), heraldd.err.constData());
    sip::Agent agent(sip::test::loopbackConfig(QStringLiteral("prober")));
    QVERIFY(agent.start());
    QSignalSpy answered(&agent, &sip::Agent::optionsResponse);
    QVERIFY(agent.sendOptions("sip:heraldd@127.0.0.1:" + QByteArray::number(heraldd.sipPort)));
    QVERIFY(answered.wait(timeoutMs));
    QVERIFY2(heraldd.waitFor(&Heraldd::err, "OPTIONS sip:heraldd@127.0.0.1"),
             heraldd.err.constData());
    QVERIFY2(heraldd.err.contains("<7>herald.sip.wire: "), heraldd.err.constData());
    QVERIFY(heraldd.poke("quiet"));
    QVERIFY(!heraldd.err.contains("herald.msrp.wire"));
}

void TestConfigLogging::sipWireTraceSwitchedBySighup()
{
    // sofia reads its message-dump switch once (TPTAG_LOG at nua_create); SIGHUP with a new
    // herald.sip.wire rule must still turn the SIP trace on and off again in a running heraldd.
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("heraldd.ini"));
    writeFile(config, "[log]\ntarget = journal\n");
    Heraldd heraldd;
    QVERIFY2(heraldd.start(config), heraldd.err.constData());
    sip::Agent agent(sip::test::loopbackConfig(QStringLiteral("prober")));
    QVERIFY(agent.start());
    QSignalSpy answered(&agent, &sip::Agent::optionsResponse);
    const auto probe = [&](const QByteArray &user) {
        answered.clear();
        return agent.sendOptions("sip:" + user +
                                 "@127.0.0.1:" + QByteArray::number(heraldd.sipPort)) &&
               answered.wait(timeoutMs);
    };
    const auto reloadWith = [&](const QByteArray &ini) {
        writeFile(config, ini);
        heraldd.out.clear();
        return ::kill(pid_t(heraldd.process.processId()), SIGHUP) == 0 &&
               heraldd.waitFor(&Heraldd::out, "settings reloaded");
    };

    QVERIFY(probe("before"));
    QVERIFY(reloadWith("[log]\ntarget = journal\nrules = herald.sip.wire.debug=true\n"));
    QVERIFY(probe("during"));
    QVERIFY2(heraldd.waitFor(&Heraldd::err, "OPTIONS sip:during@127.0.0.1"),
             heraldd.err.constData());
    QVERIFY2(heraldd.err.contains("<7>herald.sip.wire: "), heraldd.err.constData());
    // Off again; the MSRP trace on, as a marker written after the "after" OPTIONS was handled.
    QVERIFY(reloadWith("[log]\ntarget = journal\nrules = herald.sip.wire.debug=false;"
                       "herald.msrp.wire.debug=true\n"));
    QVERIFY(probe("after"));
    QVERIFY(heraldd.poke("marker"));
    QVERIFY2(heraldd.waitFor(&Heraldd::err, "MSRP marker 481"), heraldd.err.constData());
    QVERIFY2(!heraldd.err.contains("sip:after@"), heraldd.err.constData());
    QVERIFY2(!heraldd.err.contains("sip:before@"), heraldd.err.constData());
}

QTEST_GUILESS_MAIN(TestConfigLogging)
#include "tst_configlogging.moc"
