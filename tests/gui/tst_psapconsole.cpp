// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The PSAP view against a real caller: a second Engine in this process calls the console's
// engine on loopback (SIP and MSRP on port 0) and texts in. The queue alerts until the call
// is accepted, the conversation shows both sides with the right delivery ticks, Enter sends
// and Shift+Enter breaks the line, canned phrases go into the reply, end call works from the
// panel, at most three calls are open at once, and the transcript exports as PDF, JSON and
// CSV. QAbstractItemModelTester watches the queue and every transcript throughout.

#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/service/engine.h"
#include "tests/support/testsupport.h"
#include "ui/models/cannedphrases.h"
#include "ui/models/incomingcallsmodel.h"
#include "ui/models/transcriptmodel.h"
#include "ui/widgets/callpanel.h"
#include "ui/widgets/incomingalert.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/placeholdertableview.h"
#include "ui/widgets/psapview.h"
#include "ui/widgets/replyedit.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <chrono>
#include <memory>

using namespace herald;
using namespace std::chrono_literals;

namespace {

constexpr int waitMs = 10000;

// QTRY_* return void on failure; this wrapper returns `ret` from the calling function.
#define QTRY_COMPARE_WITH_TIMEOUT_RETURN(expr, expected, timeout, ret)                             \
    do {                                                                                           \
        bool ok_ = false;                                                                          \
        [&] {                                                                                      \
            QTRY_COMPARE_WITH_TIMEOUT(expr, expected, timeout);                                    \
            ok_ = true;                                                                            \
        }();                                                                                       \
        if (!ok_)                                                                                  \
            return ret;                                                                            \
    } while (false)

service::EngineConfig peerConfig(const QString &user)
{
    service::EngineConfig config;
    config.msrpListenAddress = QHostAddress(QHostAddress::LocalHost);
    config.msrpListenPort = 0;
    config.sip.bindHost = QStringLiteral("127.0.0.1");
    config.sip.port = 0;
    config.sip.identity = QStringLiteral("sip:%1@127.0.0.1").arg(user);
    // Fast SIP timers (PLATFORM.md §1).
    config.sip.t1 = 50ms;
    config.sip.t1x64 = 3200ms;
    return config;
}

} // namespace

class TestPsapConsole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void queueAlertsAcceptAndRoundTrip();
    void endCallFromPanel();
    void atMostThreeCalls();
    void exportTranscript();
    void cannedPhrases();
    void deliveryTicks_data();
    void deliveryTicks();

private:
    // The caller places a call to the console; returns the caller's Call once the console's
    // queue shows it.
    service::Call *callIn(const QByteArray &pai = "<sip:+15551234567@esrp.example;user=phone>");
    service::Call *acceptAndConnect(service::Call *callerCall, ui::CallPanel **panel);

    SystemClock m_clock;
    SeededRandomSource m_consoleRandom{11};
    SeededRandomSource m_callerRandom{12};
    QTemporaryDir m_dir;
    std::unique_ptr<service::Engine> m_console;
    std::unique_ptr<service::Engine> m_caller;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_queueTester;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_transcriptTesters;
    QList<service::ReceivedText> m_callerReceived;
};

void TestPsapConsole::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(m_dir.isValid());
}

void TestPsapConsole::init()
{
    service::EngineConfig consoleConfig = peerConfig(QStringLiteral("psap"));
    static int storeNumber = 0;
    consoleConfig.storePath = m_dir.filePath(QStringLiteral("store-%1.db").arg(++storeNumber));
    m_console = std::make_unique<service::Engine>(consoleConfig, m_clock, m_consoleRandom);
    m_caller = std::make_unique<service::Engine>(peerConfig(QStringLiteral("caller")), m_clock,
                                                 m_callerRandom);
    QVERIFY(m_console->start());
    QVERIFY(m_caller->start());
    m_callerReceived.clear();
    connect(&m_caller->calls(), &service::CallManager::callPlaced, this,
            [this](service::Call *call) {
                // Texts only: the console also sends isComposing while the call-taker types.
                connect(call, &service::Call::textReceived, this,
                        [this](const service::ReceivedText &m) { m_callerReceived.append(m); });
            });

    m_window = std::make_unique<ui::MainWindow>(*m_console);
    m_queueTester = std::make_unique<QAbstractItemModelTester>(
        m_window->incomingModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(m_window->psapView(), &ui::PsapView::liveCallCountChanged, this, [this] {
        for (ui::CallPanel *panel : m_window->psapView()->panels()) {
            if (panel->property("tested").toBool())
                continue;
            panel->setProperty("tested", true);
            m_transcriptTesters.push_back(std::make_unique<QAbstractItemModelTester>(
                panel->transcriptModel(), QAbstractItemModelTester::FailureReportingMode::QtTest));
        }
    });
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestPsapConsole::cleanup()
{
    m_transcriptTesters.clear();
    m_queueTester.reset();
    for (service::Engine *engine : {m_caller.get(), m_console.get()}) {
        if (engine && engine->sip().isRunning()) {
            QSignalSpy stopped(&engine->sip(), &sip::Agent::stopped);
            engine->stop();
            QVERIFY(stopped.wait(waitMs));
        }
    }
    m_window.reset();
    m_caller.reset();
    m_console.reset();
}

service::Call *TestPsapConsole::callIn(const QByteArray &pai)
{
    service::PlaceCallOptions options;
    options.extraHeaders = {{"P-Asserted-Identity", pai}};
    const QByteArray target =
        "sip:psap@127.0.0.1:" + QByteArray::number(m_console->sipListenPort());
    const int before = m_window->incomingModel()->rowCount();
    auto placed = m_caller->calls().placeCall(target, options);
    if (!placed)
        return nullptr;
    QTRY_COMPARE_WITH_TIMEOUT_RETURN(m_window->incomingModel()->rowCount(), before + 1, waitMs,
                                     nullptr);
    return *placed;
}

service::Call *TestPsapConsole::acceptAndConnect(service::Call *callerCall, ui::CallPanel **panel)
{
    const int row = m_window->incomingModel()->rowCount() - 1;
    m_window->incomingView()->setCurrentIndex(m_window->incomingModel()->index(row, 0));
    QTest::mouseClick(m_window->acceptButton(), Qt::LeftButton);
    const auto id = m_window->incomingModel()
                        ->index(row, 0)
                        .data(ui::IncomingCallsModel::CallIdRole)
                        .value<quint64>();
    *panel = m_window->psapView()->panelFor(id);
    if (!*panel)
        return nullptr;
    QTRY_COMPARE_WITH_TIMEOUT_RETURN(callerCall->state(), service::CallState::Active, waitMs,
                                     nullptr);
    QTRY_COMPARE_WITH_TIMEOUT_RETURN(m_console->calls().call(id)->state(),
                                     service::CallState::Active, waitMs, nullptr);
    return m_console->calls().call(id);
}

void TestPsapConsole::queueAlertsAcceptAndRoundTrip()
{
    ui::IncomingAlert *alert = m_window->incomingAlert();
    QVERIFY(!alert->isActive());
    QVERIFY(!m_window->acceptButton()->isEnabled());
    QCOMPARE(alert->soundSource(), QUrl(QStringLiteral("qrc:/sounds/incoming-call.wav")));
    QVERIFY(QFile::exists(QStringLiteral(":/sounds/incoming-call.wav")));

    service::Call *caller = callIn();
    QVERIFY(caller);
    ui::IncomingCallsModel *queue = m_window->incomingModel();
    const QModelIndex row = queue->index(0, ui::IncomingCallsModel::Caller);
    // The callback number of P-Asserted-Identity, not the From URI.
    QCOMPARE(row.data().toString(), QStringLiteral("+15551234567"));
    QVERIFY(row.data(ui::IncomingCallsModel::WaitingRole).toBool());
    QCOMPARE(queue->index(0, ui::IncomingCallsModel::State).data().toString(),
             QStringLiteral("Waiting"));

    // Audible and visual alert until accepted: the sound is asked for (silent without an
    // audio device), the row flashes (its background changes), the button is ready.
    QVERIFY(alert->isActive());
    QVERIFY(alert->isSoundRequested());
    QVERIFY(m_window->acceptButton()->isEnabled());
    const int flashesBefore = alert->flashCount();
    const QVariant background = row.data(Qt::BackgroundRole);
    QTRY_VERIFY_WITH_TIMEOUT(alert->flashCount() >= flashesBefore + 2, waitMs);
    QSignalSpy backgrounds(queue, &QAbstractItemModel::dataChanged);
    QTRY_VERIFY_WITH_TIMEOUT(row.data(Qt::BackgroundRole) != background, waitMs);
    QVERIFY(row.data(Qt::BackgroundRole).isValid());
    QVERIFY(m_window->psapView()->panels().isEmpty());

    // Accept with the button: the call is answered and opens in a tab with the reply focused.
    ui::CallPanel *panel = nullptr;
    service::Call *console = acceptAndConnect(caller, &panel);
    QVERIFY(panel && console);
    QVERIFY(!alert->isActive());
    QVERIFY(!alert->isSoundRequested());
    QVERIFY(!row.data(Qt::BackgroundRole).isValid());
    QCOMPARE(queue->index(0, ui::IncomingCallsModel::State).data().toString(),
             QStringLiteral("In progress"));
    QCOMPARE(m_window->tabs()->currentWidget(), m_window->psapView());
    QCOMPARE(panel->callerText(), QStringLiteral("+15551234567"));
    QTRY_VERIFY_WITH_TIMEOUT(panel->replyEdit()->hasFocus(), waitMs);
    QCOMPARE(panel->findChild<QLabel *>(QStringLiteral("callbackValue"))->text(),
             QStringLiteral("+15551234567"));
    QVERIFY(panel->locationPanel());

    // The caller texts in.
    ui::TranscriptModel *transcript = panel->transcriptModel();
    const QString help = QStringLiteral("Help, there is a fire at 12 Elm St");
    QVERIFY(caller->sendText("text/plain;charset=UTF-8", help.toUtf8()));
    QTRY_COMPARE_WITH_TIMEOUT(transcript->rowCount(), 1, waitMs);
    QCOMPARE(transcript->index(0, ui::TranscriptModel::Text).data().toString(), help);
    QCOMPARE(transcript->index(0, ui::TranscriptModel::Sender).data().toString(),
             QStringLiteral("Caller"));
    QCOMPARE(transcript->index(0, ui::TranscriptModel::Delivery).data().toString(), QString());
    QVERIFY(!transcript->index(0, 0).data().toString().isEmpty()); // the time

    // The call-taker types two lines (Shift+Enter) and sends with Enter.
    QList<int> states;
    connect(transcript, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &topLeft) {
        if (topLeft.row() == 1)
            states.append(
                topLeft.siblingAtColumn(0).data(ui::TranscriptModel::DeliveryStateRole).toInt());
    });
    ui::ReplyEdit *reply = panel->replyEdit();
    QTest::keyClicks(reply, QStringLiteral("Are you safe?"));
    QTest::keyClick(reply, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(reply, QStringLiteral("Help is on the way."));
    QCOMPARE(transcript->rowCount(), 1); // Shift+Enter did not send
    QTest::keyClick(reply, Qt::Key_Return);
    QCOMPARE(transcript->rowCount(), 2);
    QVERIFY(reply->toPlainText().isEmpty());
    const QString sent = QStringLiteral("Are you safe?\nHelp is on the way.");
    QCOMPARE(transcript->index(1, ui::TranscriptModel::Text).data().toString(), sent);
    QCOMPARE(transcript->index(1, ui::TranscriptModel::Sender).data().toString(),
             QStringLiteral("Call-taker"));
    QTRY_COMPARE_WITH_TIMEOUT(m_callerReceived.size(), 1, waitMs);
    QCOMPARE(QString::fromUtf8(m_callerReceived.first().body), sent);

    // Ticks: the MSRP 200 (acknowledged), then the caller's success REPORT (delivered).
    QTRY_COMPARE_WITH_TIMEOUT(
        transcript->index(1, 0).data(ui::TranscriptModel::DeliveryStateRole).toInt(),
        int(msrp::DeliveryState::Delivered), waitMs);
    QCOMPARE(transcript->index(1, ui::TranscriptModel::Delivery).data().toString(),
             QStringLiteral("✓✓ Delivered"));
    QVERIFY(!states.isEmpty());
    for (qsizetype i = 1; i < states.size(); ++i)
        QVERIFY2(states.at(i) > states.at(i - 1), "delivery states only move forward");
    QCOMPARE(states.last(), int(msrp::DeliveryState::Delivered));

    // Enter on an empty reply sends nothing.
    QTest::keyClick(reply, Qt::Key_Return);
    QCOMPARE(transcript->rowCount(), 2);
}

void TestPsapConsole::endCallFromPanel()
{
    service::Call *caller = callIn();
    QVERIFY(caller);
    const service::Call::Id callerId = caller->id();
    ui::CallPanel *panel = nullptr;
    QVERIFY(acceptAndConnect(caller, &panel));
    QList<service::Call::Id> callerEnded; // the Call is deleted after the signal's turn
    connect(&m_caller->calls(), &service::CallManager::callEnded, this,
            [&](service::Call *call) { callerEnded.append(call->id()); });
    QSignalSpy panelEnded(panel, &ui::CallPanel::ended);

    QTest::mouseClick(panel->endCallButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(panelEnded.size(), 1, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!callerEnded.isEmpty(), waitMs);
    QCOMPARE(callerEnded.first(), callerId);
    QVERIFY(panel->isEnded());
    QVERIFY(!panel->replyEdit()->isEnabled());
    QVERIFY(!panel->sendButton()->isEnabled());
    QVERIFY(!panel->endCallButton()->isEnabled());
    // The queue forgets it; the tab stays (its transcript can be read) until closed.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->incomingModel()->rowCount(), 0, waitMs);
    QTabWidget *tabs = m_window->psapView()->callTabs();
    QCOMPARE(tabs->count(), 1);
    QVERIFY(tabs->tabText(0).endsWith(QStringLiteral("(ended)")));
    QCOMPARE(m_window->psapView()->liveCallCount(), 0);
    Q_EMIT tabs->tabCloseRequested(0);
    QCOMPARE(tabs->count(), 0);
    QVERIFY(m_window->findChild<QWidget *>(QStringLiteral("psapEmptyState"))->isVisible());
}

void TestPsapConsole::atMostThreeCalls()
{
    QList<service::Call *> callers;
    for (int i = 0; i < 4; ++i) {
        service::Call *caller =
            callIn(QByteArray("<tel:+1555000000") + QByteArray::number(i) + '>');
        QVERIFY(caller);
        callers.append(caller);
    }
    QCOMPARE(m_window->incomingModel()->waitingCount(), 4);
    for (int i = 0; i < 3; ++i) {
        // The button takes the call that has waited longest when none is selected.
        m_window->incomingView()->clearSelection();
        m_window->incomingView()->setCurrentIndex({});
        QVERIFY(m_window->acceptButton()->isEnabled());
        QTest::mouseClick(m_window->acceptButton(), Qt::LeftButton);
        QCOMPARE(m_window->psapView()->liveCallCount(), i + 1);
        QCOMPARE(m_window->psapView()->panels().at(i)->callerText(),
                 QStringLiteral("+1555000000%1").arg(i));
    }
    // The fourth keeps waiting (and alerting); it cannot be accepted until a call ends.
    QCOMPARE(m_window->incomingModel()->waitingCount(), 1);
    QVERIFY(m_window->incomingAlert()->isActive());
    QVERIFY(!m_window->acceptButton()->isEnabled());
    service::Call *fourth = m_window->incomingModel()->oldestWaiting();
    QVERIFY(fourth);
    const auto refused = m_window->acceptCall(fourth->id());
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::LimitExceeded);
    QCOMPARE(m_window->psapView()->callTabs()->count(), 3);

    // End one: the fourth can be taken.
    QTRY_COMPARE_WITH_TIMEOUT(callers.at(0)->state(), service::CallState::Active, waitMs);
    ui::CallPanel *first = m_window->psapView()->panels().at(0);
    QTest::mouseClick(first->endCallButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->acceptButton()->isEnabled(), waitMs);
    const auto accepted = m_window->acceptCall(fourth->id());
    QVERIFY(accepted);
    QCOMPARE(m_window->psapView()->liveCallCount(), 3);
    QVERIFY(!m_window->incomingAlert()->isActive());
}

void TestPsapConsole::exportTranscript()
{
    service::Call *caller = callIn();
    QVERIFY(caller);
    ui::CallPanel *panel = nullptr;
    QVERIFY(acceptAndConnect(caller, &panel));
    QVERIFY(caller->sendText("text/plain", "I need an ambulance, \"now\", at 5th, Main"));
    QTRY_COMPARE_WITH_TIMEOUT(panel->transcriptModel()->rowCount(), 1, waitMs);
    panel->replyEdit()->setPlainText(QStringLiteral("Dispatching, stay with me"));
    QVERIFY(panel->sendReply());
    QTRY_COMPARE_WITH_TIMEOUT(
        panel->transcriptModel()->index(1, 0).data(ui::TranscriptModel::DeliveryStateRole).toInt(),
        int(msrp::DeliveryState::Delivered), waitMs);
    QVERIFY(m_console->store()->flush());

    using F = ui::CallPanel::ExportFormat;
    const QString pdf = m_dir.filePath(QStringLiteral("t.pdf"));
    QVERIFY(panel->exportTranscript(pdf, F::Pdf));
    const QByteArray pdfBytes = test::readFile(pdf);
    QVERIFY(pdfBytes.startsWith("%PDF-"));
    QVERIFY(pdfBytes.size() > 1000);

    const QString json = m_dir.filePath(QStringLiteral("t.json"));
    const auto jsonWritten = panel->exportTranscript(json, F::Json);
    QVERIFY2(jsonWritten, jsonWritten ? "" : qPrintable(jsonWritten.error().detail));
    const QJsonObject root = QJsonDocument::fromJson(test::readFile(json)).object();
    const QJsonArray messages = root.value(QStringLiteral("messages")).toArray();
    const QByteArray jsonText = test::readFile(json);
    // The engine's store holds the caller's texts (DurableRecorder; the call-taker's own
    // are not recorded by the engine yet, so the JSON and CSV hold what the store holds).
    QVERIFY2(!messages.isEmpty(), jsonText.constData());
    QCOMPARE(messages.first().toObject().value(QStringLiteral("direction")).toString(),
             QStringLiteral("incoming"));
    QCOMPARE(messages.first().toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("I need an ambulance, \"now\", at 5th, Main"));
    QCOMPARE(root.value(QStringLiteral("call")).toObject().value(QStringLiteral("id")).toString(),
             QString::fromLatin1(m_console->storeCallId(panel->callId())));

    const QString csv = m_dir.filePath(QStringLiteral("t.csv"));
    QVERIFY(panel->exportTranscript(csv, F::Csv));
    const QByteArray csvText = test::readFile(csv);
    // RFC 4180 quoting of the caller's comma and quotes; a header row first.
    QVERIFY(csvText.contains("\"I need an ambulance, \"\"now\"\", at 5th, Main\""));
    QCOMPARE(csvText.count("\r\n"), 1 + messages.size());

    // The PDF is made from what the panel shows: both sides.
    QCOMPARE(panel->transcriptModel()->entries().size(), 2);
}

void TestPsapConsole::cannedPhrases()
{
    // Distinct defaults in the three languages.
    QSet<QString> all;
    for (const QString &language : ui::CannedPhrases::languages()) {
        const QStringList phrases = ui::CannedPhrases::defaults(language);
        QVERIFY(phrases.size() >= 4);
        for (const QString &phrase : phrases)
            all.insert(phrase);
    }
    QCOMPARE(all.size(), 3 * ui::CannedPhrases::defaults(QStringLiteral("en")).size());

    // Configurable: a stored list replaces the defaults, an empty one restores them.
    QSettings settings(m_dir.filePath(QStringLiteral("phrases.ini")), QSettings::IniFormat);
    ui::CannedPhrases::save(settings, QStringLiteral("es"),
                            {QStringLiteral(" Hola "), QString(), QStringLiteral("Adiós")});
    QCOMPARE(ui::CannedPhrases::load(settings, QStringLiteral("es")),
             (QStringList{QStringLiteral("Hola"), QStringLiteral("Adiós")}));
    ui::CannedPhrases::save(settings, QStringLiteral("es"), {});
    QCOMPARE(ui::CannedPhrases::load(settings, QStringLiteral("es")),
             ui::CannedPhrases::defaults(QStringLiteral("es")));

    // The Phrases menu of a call inserts a phrase into its reply box.
    service::Call *caller = callIn();
    QVERIFY(caller);
    ui::CallPanel *panel = nullptr;
    QVERIFY(acceptAndConnect(caller, &panel));
    auto *button = panel->findChild<QToolButton *>(QStringLiteral("phrasesButton"));
    QVERIFY(button && button->menu());
    QMetaObject::invokeMethod(button->menu(), "aboutToShow");
    const QList<QAction *> languages = button->menu()->actions();
    QVERIFY(languages.size() >= 3);
    QCOMPARE(languages.at(1)->text(), QStringLiteral("Español"));
    QMenu *spanish = languages.at(1)->menu();
    QVERIFY(spanish);
    panel->replyEdit()->setPlainText(QStringLiteral("Hola."));
    panel->replyEdit()->moveCursor(QTextCursor::End);
    spanish->actions().first()->trigger();
    QCOMPARE(panel->replyEdit()->toPlainText(),
             QStringLiteral("Hola. ") + ui::CannedPhrases::defaults(QStringLiteral("es")).first());
}

void TestPsapConsole::deliveryTicks_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("text");
    using D = msrp::DeliveryState;
    QTest::newRow("queued") << int(D::Queued) << QStringLiteral("Sending…");
    QTest::newRow("sent") << int(D::Sending) << QStringLiteral("✓ Sent");
    QTest::newRow("acknowledged") << int(D::Acknowledged) << QStringLiteral("✓✓ Acknowledged");
    QTest::newRow("delivered") << int(D::Delivered) << QStringLiteral("✓✓ Delivered");
    QTest::newRow("failed") << int(D::Failed) << QStringLiteral("✗ Failed");
    QTest::newRow("aborted") << int(D::Aborted) << QStringLiteral("✗ Failed");
}

void TestPsapConsole::deliveryTicks()
{
    QFETCH(int, state);
    QFETCH(QString, text);
    QCOMPARE(ui::TranscriptModel::deliveryText(msrp::DeliveryState(state)), text);
}

QTEST_MAIN(TestPsapConsole)
#include "tst_psapconsole.moc"
