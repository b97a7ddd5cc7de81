// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Herald's call model placing calls to a real peer: sipp running tests/data/sipp/uas_msrp.xml,
// which answers an MSRP offer with an MSRP answer, takes the ACK and waits for the BYE. The
// engine is the one heraldd runs (Engine + CallManager + the sofia agent): its INVITE, the
// ACK, and the BYE it sends when the call's MSRP session cannot be set up.
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/service/callmanager.h"
#include "engine/service/engine.h"
#include "tests/protocol/sip/siptestsupport.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace herald;
using namespace herald::service;
using namespace std::chrono_literals;

namespace {

using herald::test::portTaken;

} // namespace

class TestCallSipp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_sipp = QStandardPaths::findExecutable(QStringLiteral("sipp"));
        if (m_sipp.isEmpty())
            QSKIP("sipp not found in PATH (Debian package sip-tester): cannot run the sipp peer");
        m_scenario = test::sourceDir() + QStringLiteral("/tests/data/sipp/uas_msrp.xml");
        QVERIFY2(QFile::exists(m_scenario), qPrintable(m_scenario));
    }

    void engineCallsSippUas_data()
    {
        QTest::addColumn<bool>("tcp");
        QTest::newRow("udp") << false;
        QTest::newRow("tcp") << true;
    }
    void engineCallsSippUas()
    {
        QFETCH(bool, tcp);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("uas_msrp.xml"));
        QVERIFY(QFile::copy(m_scenario, copy));
        QProcess sipp;
        sipp.setWorkingDirectory(dir.path());
        sipp.setProcessChannelMode(QProcess::MergedChannels);
        // A port found free can be taken by a test running beside this one before sipp binds
        // it; sipp then exits at once. Try another port then, a bounded number of times.
        quint16 sippPort = 0;
        bool listening = false;
        for (int attempt = 0; attempt < 3 && !listening; ++attempt) {
            sippPort = herald::test::freeUdpTcpPort();
            QVERIFY(sippPort != 0);
            sipp.start(m_sipp,
                       {QStringLiteral("-sf"), copy, QStringLiteral("-i"),
                        QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                        QString::number(sippPort), QStringLiteral("-m"), QStringLiteral("1"),
                        QStringLiteral("-t"), tcp ? QStringLiteral("t1") : QStringLiteral("u1"),
                        QStringLiteral("-nostdin"), QStringLiteral("-timeout"),
                        QStringLiteral("20s"), QStringLiteral("-trace_err")});
            QVERIFY(sipp.waitForStarted(5000));
            (void)QTest::qWaitFor(
                [&] { return sipp.state() == QProcess::NotRunning || portTaken(sippPort, tcp); },
                10000);
            listening = sipp.state() == QProcess::Running && portTaken(sippPort, tcp);
            if (!listening) {
                qWarning().noquote() << "sipp did not listen on" << sippPort << ":"
                                     << QString::fromLocal8Bit(sipp.readAll().right(2000));
                sipp.kill();
                sipp.waitForFinished(2000);
            }
        }
        QVERIFY2(listening, "sipp never listened");

        EngineConfig config;
        config.msrpListenPort = 0;
        config.sip.bindHost = QStringLiteral("127.0.0.1");
        config.sip.port = 0;
        config.sip.identity = QStringLiteral("sip:herald@127.0.0.1");
        SystemClock clock;
        SystemRandomSource random;
        Engine engine(config, clock, random);
        QVERIFY(engine.start());

        QByteArray target = "sip:vmds@127.0.0.1:" + QByteArray::number(sippPort);
        if (tcp)
            target += ";transport=tcp";
        auto call = engine.calls().placeCall(target);
        QVERIFY2(call, call ? "" : qPrintable(call.error().detail));
        QList<CallState> states;
        connect(*call, &Call::stateChanged, this, [&states](CallState s) { states.append(s); });
        QSignalSpy ended(&engine.calls(), &CallManager::callEnded);
        // sipp answers with an MSRP answer whose a=path names a port nobody listens on (the
        // scenario is SIP only): the call becomes active, its MSRP connection is refused, and
        // the call model ends the call with BYE, which is the last step sipp waits for.
        QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), 15000);
        QVERIFY2(states.contains(CallState::Active), "the call never became active");
        QVERIFY(states.contains(CallState::Ending));
        const bool finished =
            QTest::qWaitFor([&] { return sipp.state() == QProcess::NotRunning; }, 20000);
        if (!finished || sipp.exitCode() != 0)
            qWarning().noquote() << QString::fromLocal8Bit(sipp.readAll().right(3000));
        QVERIFY2(finished, "sipp did not finish");
        QCOMPARE(sipp.exitCode(), 0);
        engine.stop();
    }

private:
    QString m_sipp;
    QString m_scenario;
};

QTEST_GUILESS_MAIN(TestCallSipp)
#include "tst_callsipp.moc"
