// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Demo mode (issue 10 item 6). In process: the simulated ESRP calls an Engine acting as a PSAP;
// each INVITE carries a location, a callback number and additional data the engine reads, the
// texts arrive, a call-taker's reply is answered, and every call ends. As a process:
// `heraldd --demo` at a fast pace answers the ESRP's calls, stores their texts, ends them, and
// delivers a voicemail that the simulated delivery server receives.
#include "app/common/demo/demoesrp.h"
#include "app/common/demo/demoscenario.h"
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/service/engine.h"
#include "engine/store/sqlitestore.h"
#include "tests/support/testsupport.h"

#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>

using namespace herald;
using namespace std::chrono_literals;

class TestDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void esrpCallsCarryEmergencyData();
    void heralddDemoEndToEnd();

private:
    SystemClock m_clock;
};

void TestDemo::esrpCallsCarryEmergencyData()
{
    SeededRandomSource psapRandom(7);
    SeededRandomSource esrpRandom(8);
    service::EngineConfig config;
    config.msrpListenPort = 0;
    config.sip.bindHost = QStringLiteral("127.0.0.1");
    config.sip.port = 0;
    config.sip.identity = QStringLiteral("sip:psap@127.0.0.1");
    service::Engine psap(config, m_clock, psapRandom);
    QVERIFY(psap.start());

    const QList<app::DemoCallScript> scenario = app::demoScenario();
    QList<ng911::EmergencyCallData> offered;
    QHash<QByteArray, QStringList> texts; // by callback number
    QHash<QByteArray, qsizetype> scriptLength;
    for (const app::DemoCallScript &script : scenario)
        scriptLength.insert(script.callbackNumber, script.callerTexts.size());
    connect(&psap.calls(), &service::CallManager::callOffered, this, [&](service::Call *call) {
        offered.append(call->emergencyData());
        const QByteArray number = call->emergencyData().callback.uri;
        const qsizetype length = scriptLength.value(number);
        connect(call, &service::Call::textReceived, this,
                [&texts, call, number, length](const service::ReceivedText &text) {
                    texts[number].append(QString::fromUtf8(text.body));
                    // The call-taker asks a question once the caller's script is over.
                    if (texts[number].size() == length)
                        QVERIFY(call->sendText("text/plain", "Are you safe now?"));
                });
    });

    app::DemoEsrp esrp({100ms, false}, m_clock, esrpRandom);
    QStringList progress;
    connect(&esrp, &app::DemoEsrp::progress, this,
            [&progress](const QString &line) { progress.append(line); });
    QSignalSpy finished(&esrp, &app::DemoEsrp::callFinished);
    const QByteArray target =
        "sip:psap@127.0.0.1:" + QByteArray::number(psap.sipListenPort()) + ";transport=tcp";
    QVERIFY(esrp.start(target));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), scenario.size(), 15000);

    QCOMPARE(offered.size(), scenario.size());
    for (int i = 0; i < scenario.size(); ++i) {
        const app::DemoCallScript &script = scenario.at(i);
        const ng911::EmergencyCallData &data = offered.at(i);
        // P-Asserted-Identity's number, the PIDF-LO by cid: and every additional-data block.
        QCOMPARE(data.callback.source, ng911::CallbackNumber::Source::PAssertedIdentity);
        QCOMPARE(data.callback.uri, script.callbackNumber);
        QCOMPARE(data.locations.size(), 1);
        QCOMPARE(data.locations.first().state, ng911::DataState::Resolved);
        QVERIFY(data.latestLocation());
        QCOMPARE(data.additionalData.size(), script.additionalData.size());
        for (const ng911::AdditionalDataEntry &entry : data.additionalData)
            QCOMPARE(entry.state, ng911::DataState::Resolved);

        QVERIFY(finished.at(i).at(1).toBool()); // answered
        // Every line of the script arrived, in order, and then the answer to the question.
        const QStringList got = texts.value(script.callbackNumber);
        QVERIFY2(got.size() > script.callerTexts.size(),
                 qPrintable(got.join(u'|') + QStringLiteral(" / ") + progress.join(u'\n')));
        QCOMPARE(got.mid(0, script.callerTexts.size()), script.callerTexts);
    }
    QVERIFY(progress.filter(QStringLiteral("call-taker wrote \"Are you safe now?\"")).size() ==
            scenario.size());
    QTRY_VERIFY_WITH_TIMEOUT(psap.calls().calls().isEmpty(), 5000);
    esrp.stop();
    psap.stop();
}

void TestDemo::heralddDemoEndToEnd()
{
    if (!QFile::exists(test::binDir() + QStringLiteral("/heraldd")))
        QSKIP("heraldd is not built");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("heraldd.out"));
    const QString store = dir.filePath(QStringLiteral("herald.db"));
    QProcess heraldd;
    heraldd.setStandardOutputFile(out);
    heraldd.setStandardErrorFile(dir.filePath(QStringLiteral("heraldd.err")));
    heraldd.start(test::binDir() + QStringLiteral("/heraldd"),
                  {QStringLiteral("--demo"), QStringLiteral("--demo-pace"), QStringLiteral("100ms"),
                   QStringLiteral("--store"), store});
    QVERIFY(heraldd.waitForStarted(10000));

    // The first call (the silent domestic-violence text) runs to its end, the voicemail that
    // follows it reaches the delivery server: 6 + 400 * 32 octets of AMR.
    const auto log = [&out] { return QString::fromUtf8(test::readFile(out)); };
    const QRegularExpression firstEnded(
        QStringLiteral(R"(heraldd: demo: call 1 ended, (\d+) text)"));
    const QRegularExpression received(QStringLiteral(
        R"(heraldd: demo: delivery server received \S+voicemail-0001\.amr \((\d+) bytes\))"));
    QTRY_VERIFY2_WITH_TIMEOUT(received.match(log()).hasMatch(),
                              qPrintable(log() + QString::fromUtf8(test::readFile(
                                                     dir.filePath(QStringLiteral("heraldd.err"))))),
                              15000);
    QCOMPARE(received.match(log()).captured(1).toInt(), 6 + 400 * 32);
    const auto ended = firstEnded.match(log());
    QVERIFY2(ended.hasMatch(), qPrintable(log()));
    const QStringList script = app::demoScenario().first().callerTexts;
    QCOMPARE(ended.captured(1).toInt(), script.size());
    QVERIFY(log().contains(QStringLiteral("heraldd: demo: call 1 answered")));
    QVERIFY(
        log().contains(QStringLiteral("heraldd: demo: voicemail voicemail-0001.amr delivered")));
    // Nothing listens beyond loopback.
    QVERIFY(!log().contains(QStringLiteral("0.0.0.0")));

    heraldd.terminate();
    QVERIFY(heraldd.waitForFinished(10000));
    QCOMPARE(heraldd.exitCode(), 0);

    // The first call's texts are in the store, in order, as received.
    store::SqliteStoreOptions options;
    options.path = store;
    store::SqliteStore reader(options, m_clock);
    auto opened = reader.open();
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().detail));
    auto calls = reader.calls({});
    QVERIFY(calls);
    QVERIFY(!calls->isEmpty());
    bool found = false;
    for (const store::CallRecord &call : std::as_const(*calls)) {
        auto transcript = reader.transcript(call.id);
        QVERIFY(transcript);
        QStringList incoming;
        for (const store::MessageRecord &m : std::as_const(*transcript))
            if (m.direction == store::Direction::Incoming && !m.text.isEmpty())
                incoming.append(m.text);
        if (!incoming.isEmpty() && incoming.first() == script.first()) {
            QCOMPARE(incoming, script);
            QVERIFY(call.endedAt.isValid());
            found = true;
        }
    }
    QVERIFY2(found, "the first demo call is not in the store");
}

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
