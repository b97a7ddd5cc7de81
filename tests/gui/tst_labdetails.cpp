// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The Lab view's details against real traffic on loopback: the MSRP trace shows a session's
// SEND, 200 and REPORT frames (RFC 4975 §7) and its filter narrows them; the SIP ladder shows
// a call between two engines (in one process) as INVITE / 100 / 180 / 200 / ACK / BYE / 200
// (RFC 3261 §13, §15, §17.2.1) on both sides, each side only its own messages, as they went
// on the wire (the stack's Via, Contact and Content-Length included); frames and messages
// arrive in batches; the panes follow the tables' selection. QAbstractItemModelTester
// watches both models throughout.

#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/msrp/session/msrpendpoint.h"
#include "engine/service/engine.h"
#include "tests/protocol/msrp/msrptestpeer.h"
#include "tests/support/enginetestsupport.h"
#include "ui/models/msrpsessionsmodel.h"
#include "ui/models/msrptracemodel.h"
#include "ui/models/sipdialogsmodel.h"
#include "ui/models/sipladdermodel.h"
#include "ui/widgets/labview.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/msrptraceview.h"
#include "ui/widgets/placeholdertableview.h"
#include "ui/widgets/sipladderview.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTest>

#include <chrono>
#include <memory>

using namespace herald;
using namespace std::chrono_literals;

namespace {

constexpr int waitMs = 10000;

// "→ INVITE", "← 100", ... : the ladder's rows as direction and method or status.
QStringList rungs(const ui::SipLadderModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        const QString arrow = index.data(ui::SipLadderModel::SentRole).toBool()
                                  ? QStringLiteral("→ ")
                                  : QStringLiteral("← ");
        out << arrow + (index.data(ui::SipLadderModel::RequestRole).toBool()
                            ? index.data(ui::SipLadderModel::MethodRole).toString()
                            : index.data(ui::SipLadderModel::StatusRole).toString());
    }
    return out;
}

// The rungs without retransmissions (RFC 3261 §17: a repeated request or response is the
// same rung again; on a loaded machine a 200 may go twice before its ACK comes).
QStringList withoutRepeats(const QStringList &rungs)
{
    QStringList out;
    for (const QString &rung : rungs) {
        if (out.isEmpty() || out.last() != rung)
            out << rung;
    }
    return out;
}

// The trace's rows as "← SEND", "→ 200", "→ REPORT (200)".
QStringList frames(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, ui::MsrpTraceModel::Frame);
        out << (index.data(ui::MsrpTraceModel::SentRole).toBool() ? QStringLiteral("→ ")
                                                                  : QStringLiteral("← ")) +
                   index.data().toString();
    }
    return out;
}

} // namespace

class TestLabDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void traceShowsFramesAndFilters();
    void traceIsBoundedAndBatched();
    void traceOffCostsNothing();
    void ladderShowsCall();

private:
    SystemClock m_clock;
    SeededRandomSource m_random{31};
    SeededRandomSource m_peerRandom{32};
    std::unique_ptr<service::Engine> m_engine;
    std::unique_ptr<msrp::Endpoint> m_peer;
    std::unique_ptr<ui::MainWindow> m_window;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

void TestLabDetails::init()
{
    m_engine =
        std::make_unique<service::Engine>(test::loopbackEngineConfig("lab"), m_clock, m_random);
    QVERIFY(m_engine->start());
    m_peer = std::make_unique<msrp::Endpoint>(test::loopbackEndpoint(), m_clock, m_peerRandom);
    QVERIFY(m_peer->listen());
    m_window = std::make_unique<ui::MainWindow>(*m_engine);
    ui::LabView *lab = m_window->labView();
    for (QAbstractItemModel *model :
         {static_cast<QAbstractItemModel *>(lab->traceModel()),
          static_cast<QAbstractItemModel *>(lab->traceView()->filtered()),
          static_cast<QAbstractItemModel *>(lab->ladderModel())})
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    m_window->tabs()->setCurrentWidget(lab);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestLabDetails::cleanup()
{
    m_testers.clear();
    m_peer.reset();
    if (m_engine)
        QVERIFY(test::stopEngine(*m_engine, waitMs));
    m_window.reset();
    m_engine.reset();
}

void TestLabDetails::traceShowsFramesAndFilters()
{
    ui::LabView *lab = m_window->labView();
    ui::MsrpTraceModel *trace = lab->traceModel();
    QVERIFY(trace->isRecording());
    QVERIFY(lab->traceView()->table()->isShowingPlaceholder());

    // The peer connects and binds (an empty SEND), then sends a text asking for a success
    // REPORT: the console answers 200 and reports (RFC 4975 §7.1.2).
    const test::SessionPair pair = test::connectPair(*m_peer, m_engine->msrp());
    QVERIFY(test::waitActive({pair.a, pair.b}));
    msrp::SendOptions report;
    report.successReport = true;
    const QByteArray messageId = pair.a->sendText("text/plain", "help, fire at 12 Elm", report);

    // Choosing the session in the sessions table shows its trace.
    ui::PlaceholderTableView *sessions = lab->msrpSessionsView();
    const int row = lab->msrpSessionsModel()->rowOf(pair.b->id());
    QVERIFY(row >= 0);
    sessions->setCurrentIndex(lab->msrpSessionsModel()->index(row, 0));
    QCOMPARE(trace->session(), pair.b->id());
    QCOMPARE(lab->details()->currentWidget(), lab->traceView());
    QTRY_COMPARE_WITH_TIMEOUT(frames(*trace).join(QLatin1Char(',')),
                              QStringLiteral("← SEND,→ 200,← SEND,→ 200,→ REPORT (200)"), waitMs);
    // The text's frames carry its Message-ID and body; the raw pane shows the frame.
    QCOMPARE(trace->index(2, ui::MsrpTraceModel::MessageId).data().toString(),
             QString::fromLatin1(messageId));
    QCOMPARE(trace->index(2, ui::MsrpTraceModel::Body).data().toString(),
             QStringLiteral("help, fire at 12 Elm"));
    const QString raw = trace->index(2, 0).data(ui::MsrpTraceModel::RawRole).toString();
    QVERIFY2(raw.startsWith(QStringLiteral("MSRP ")) && raw.contains(QStringLiteral(" SEND\r\n")),
             qPrintable(raw));
    QVERIFY(raw.contains(QStringLiteral("Success-Report: yes")));
    QVERIFY(raw.contains(QStringLiteral("help, fire at 12 Elm")));

    // The filter narrows: by method, by Message-ID, by status, by body text, then clears.
    ui::MsrpTraceView *view = lab->traceView();
    QSortFilterProxyModel *shown = view->filtered();
    // "report" is in the REPORT and in the SEND's Success-Report header.
    view->filterEdit()->setText(QStringLiteral("report"));
    QCOMPARE(frames(*shown),
             (QStringList{QStringLiteral("← SEND"), QStringLiteral("→ REPORT (200)")}));
    view->filterEdit()->setText(QStringLiteral("Status: 000 200"));
    QCOMPARE(frames(*shown), QStringList{QStringLiteral("→ REPORT (200)")});
    view->filterEdit()->setText(QString::fromLatin1(messageId));
    QCOMPARE(frames(*shown),
             (QStringList{QStringLiteral("← SEND"), QStringLiteral("→ REPORT (200)")}));
    view->filterEdit()->setText(QStringLiteral("200"));
    QVERIFY(frames(*shown).size() == 3);
    view->filterEdit()->setText(QStringLiteral("FIRE AT 12"));
    QCOMPARE(frames(*shown), QStringList{QStringLiteral("← SEND")});
    view->filterEdit()->setText(QStringLiteral("no such thing"));
    QCOMPARE(shown->rowCount(), 0);
    view->filterEdit()->clear();
    QCOMPARE(shown->rowCount(), 5);

    // Selecting a frame puts it in full in the raw pane.
    view->table()->setCurrentIndex(shown->index(4, 0));
    QVERIFY(view->rawView()->toPlainText().contains(QStringLiteral("REPORT")));
    QVERIFY(view->rawView()->toPlainText().contains(QString::fromLatin1(messageId)));

    // The peer's view of the same exchange is not mixed in: only the console's session.
    QCOMPARE(trace->recordedFrames(pair.a->id()), 0);
    QVERIFY(!view->grab().isNull());
}

void TestLabDetails::traceIsBoundedAndBatched()
{
    ui::MsrpTraceModel *trace = m_window->labView()->traceModel();
    const test::SessionPair pair = test::connectPair(*m_peer, m_engine->msrp());
    QVERIFY(test::waitActive({pair.a, pair.b}));
    trace->setSession(pair.b->id());
    trace->flush();
    QSignalSpy inserted(trace, &QAbstractItemModel::rowsInserted);
    const int batchesBefore = trace->batchCount();

    // 400 texts, each a SEND and its 200 on the console's side: 800 frames more than fit.
    constexpr int texts = 400;
    for (int i = 0; i < texts; ++i)
        pair.a->sendText("text/plain", "text " + QByteArray::number(i));
    // The last text's SEND shows, and its 200 (answers may be written in groups, after
    // several SENDs were read).
    const auto lastText = [trace] {
        const QStringList all = frames(*trace);
        const int lastSend = int(all.lastIndexOf(QStringLiteral("← SEND")));
        return lastSend >= 0 && all.last() == QStringLiteral("→ 200")
                   ? trace->index(lastSend, ui::MsrpTraceModel::Body).data().toString()
                   : QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(lastText(), QStringLiteral("text 399"), waitMs);
    QCOMPARE(trace->recordedFrames(pair.b->id()), ui::MsrpTraceModel::framesPerSession);
    QCOMPARE(trace->rowCount(), ui::MsrpTraceModel::framesPerSession);
    // Far fewer insertions than frames: one per round.
    const int batches = trace->batchCount() - batchesBefore;
    QVERIFY2(batches >= 1 && batches < 100, qPrintable(QString::number(batches)));
    QCOMPARE(inserted.size(), batches);
}

void TestLabDetails::traceOffCostsNothing()
{
    ui::MsrpTraceModel *trace = m_window->labView()->traceModel();
    QCheckBox *record = m_window->labView()->traceView()->recordBox();
    record->setChecked(false);
    QVERIFY(!trace->isRecording());
    QCOMPARE(m_engine->msrp().frameTap(), nullptr);
    const test::SessionPair pair = test::connectPair(*m_peer, m_engine->msrp());
    QVERIFY(test::waitActive({pair.a, pair.b}));
    QSignalSpy received(pair.b, &msrp::Session::messageReceived);
    pair.a->sendText("text/plain", "unseen");
    QVERIFY(received.wait(waitMs));
    QCOMPARE(trace->recordedFrames(pair.b->id()), 0);
    record->setChecked(true);
    QCOMPARE(m_engine->msrp().frameTap() != nullptr, true);
}

void TestLabDetails::ladderShowsCall()
{
    // The caller records its side too, with a model of its own.
    service::Engine caller(test::loopbackEngineConfig("caller"), m_clock, m_peerRandom);
    QVERIFY(caller.start());
    ui::SipLadderModel callerLadder(caller.sip());
    QAbstractItemModelTester tester(&callerLadder,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    callerLadder.setRecording(true);

    ui::LabView *lab = m_window->labView();
    ui::SipDialogsModel *dialogs = lab->sipDialogsModel();
    auto placed = caller.calls().placeCall("sip:lab@127.0.0.1:" +
                                           QByteArray::number(m_engine->sipListenPort()));
    QVERIFY(placed);
    service::Call *outgoing = *placed;
    callerLadder.setCall(outgoing->id());
    QTRY_COMPARE_WITH_TIMEOUT(dialogs->rowCount(), 1, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(dialogs->index(0, ui::SipDialogsModel::State).data().toString(),
                              QStringLiteral("Ringing"), waitMs);
    const auto id = dialogs->index(0, 0).data(ui::SipDialogsModel::CallIdRole).value<quint64>();

    // Choosing the dialog shows its ladder.
    lab->sipDialogsView()->setCurrentIndex(dialogs->index(0, 0));
    QCOMPARE(lab->details()->currentWidget(), lab->ladderView());
    ui::SipLadderModel *ladder = lab->ladderModel();
    QCOMPARE(ladder->call(), id);
    QTRY_COMPARE_WITH_TIMEOUT(
        withoutRepeats(rungs(*ladder)),
        (QStringList{QStringLiteral("← INVITE"), QStringLiteral("→ 100"), QStringLiteral("→ 180")}),
        waitMs);

    QVERIFY(m_engine->calls().answer(id));
    QTRY_COMPARE_WITH_TIMEOUT(outgoing->state(), service::CallState::Active, waitMs);
    QVERIFY(caller.calls().hangup(outgoing->id()));
    QTRY_COMPARE_WITH_TIMEOUT(dialogs->index(0, ui::SipDialogsModel::State).data().toString(),
                              QStringLiteral("Ended"), waitMs);

    // The caller's BYE, answered 200 by the stack. The caller also closes its MSRP
    // connection, and the console may see that first and send a BYE of its own (glare, RFC
    // 3261 §15): such rungs may sit in between, so the BYE transaction is checked in order.
    const QString setUpCallee = QStringLiteral("← INVITE,→ 100,→ 180,→ 200,← ACK");
    const QString setUpCaller = QStringLiteral("→ INVITE,← 100,← 180,← 200,→ ACK");
    // BYE glare: the console may end the call itself first, having seen the MSRP connection
    // close before the caller's BYE arrived; then its own BYE transaction is the one answered
    // and the caller's late BYE gets no 200 (RFC 3261 §15.1.2). Either BYE must be answered.
    const auto byeAnswered = [](const QStringList &rungs, const QString &bye, const QString &ok) {
        const auto answered = [&rungs](const QString &request, const QString &response) {
            const qsizetype at = rungs.indexOf(request);
            return at >= 5 && rungs.indexOf(response, at + 1) > at;
        };
        const auto flipped = [](QString rung) {
            return rung.startsWith(u'←') ? rung.replace(0, 1, u'→') : rung.replace(0, 1, u'←');
        };
        return answered(bye, ok) || answered(flipped(bye), flipped(ok));
    };
    QTRY_VERIFY_WITH_TIMEOUT(byeAnswered(withoutRepeats(rungs(*ladder)), QStringLiteral("← BYE"),
                                         QStringLiteral("→ 200")),
                             waitMs);
    const QStringList callee = withoutRepeats(rungs(*ladder));
    QCOMPARE(callee.mid(0, 5).join(QLatin1Char(',')), setUpCallee);
    qInfo() << "console ladder:" << rungs(*ladder) << "caller ladder:" << rungs(callerLadder);
    QTRY_VERIFY_WITH_TIMEOUT(byeAnswered(withoutRepeats(rungs(callerLadder)),
                                         QStringLiteral("→ BYE"), QStringLiteral("← 200")),
                             waitMs);
    const QStringList callerRungs = withoutRepeats(rungs(callerLadder));
    QCOMPARE(callerRungs.mid(0, 5).join(QLatin1Char(',')), setUpCaller);
    // Each side has its own messages only: the two engines share the process (and sofia's
    // process-wide transport log), yet every message is on each ladder once, in its own
    // direction. Without glare, the whole dialog is the seven rungs on each side.
    if (!callee.contains(QStringLiteral("→ BYE")))
        QCOMPARE(callee.join(QLatin1Char(',')), setUpCallee + QStringLiteral(",← BYE,→ 200"));
    if (!callerRungs.contains(QStringLiteral("← BYE")))
        QCOMPARE(callerRungs.join(QLatin1Char(',')), setUpCaller + QStringLiteral(",→ BYE,← 200"));

    // Messages are recorded whole, as on the wire: the sent INVITE carries what the stack
    // added (RFC 3261 §8.1.1.7 Via with a magic-cookie branch, §20.14 Content-Length).
    const QString invite = ladder->index(0, 0).data(ui::SipLadderModel::RawRole).toString();
    QVERIFY2(invite.startsWith(QStringLiteral("INVITE sip:lab@127.0.0.1")), qPrintable(invite));
    QVERIFY(invite.contains(QStringLiteral("Call-ID:"), Qt::CaseInsensitive));
    QVERIFY(invite.contains(QStringLiteral("a=path:msrp://")));
    const QString sentInvite =
        callerLadder.index(0, 0).data(ui::SipLadderModel::RawRole).toString();
    QVERIFY2(sentInvite.startsWith(QStringLiteral("INVITE sip:lab@127.0.0.1")),
             qPrintable(sentInvite));
    const QRegularExpression via(QStringLiteral("^Via: SIP/2\\.0/(UDP|TCP) [^\\n]*;branch=z9hG4bK"),
                                 QRegularExpression::MultilineOption |
                                     QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(via.match(sentInvite).hasMatch(), qPrintable(sentInvite));
    QVERIFY2(sentInvite.contains(QStringLiteral("\nContent-Length: "), Qt::CaseInsensitive),
             qPrintable(sentInvite));
    QVERIFY2(sentInvite.contains(QStringLiteral("\nContact: "), Qt::CaseInsensitive),
             qPrintable(sentInvite));
    // The same message on both sides: what one sent is what the other received.
    QCOMPARE(sentInvite, invite);
    // The stack's own messages are marked: the 100 Trying it sent, the caller's ACK.
    QVERIFY(ladder->index(1, 0).data(ui::SipLadderModel::ByStackRole).toBool());  // 100
    QVERIFY(!ladder->index(2, 0).data(ui::SipLadderModel::ByStackRole).toBool()); // 180
    QVERIFY(callerLadder.index(callerRungs.indexOf(QStringLiteral("→ ACK")), 0)
                .data(ui::SipLadderModel::ByStackRole)
                .toBool());
    QCOMPARE(ladder->index(1, ui::SipLadderModel::Message).data().toString(),
             QStringLiteral("SIP/2.0 100 Trying"));
    const int okRow = int(rungs(callerLadder).indexOf(QStringLiteral("← 200")));
    const QString ok = callerLadder.index(okRow, 0).data(ui::SipLadderModel::RawRole).toString();
    QVERIFY2(ok.startsWith(QStringLiteral("SIP/2.0 200 OK")) &&
                 ok.contains(QStringLiteral("CSeq:"), Qt::CaseInsensitive),
             qPrintable(ok));
    QVERIFY(ladder->index(0, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("127.0.0.1:")));

    // Selecting a rung shows the message; the painted ladder renders.
    ui::SipLadderView *view = lab->ladderView();
    view->ladder()->setCurrentIndex(ladder->index(0, ui::SipLadderModel::Message));
    QVERIFY(view->rawView()->toPlainText().startsWith(QStringLiteral("INVITE ")));
    QVERIFY(!view->emptyLabel()->isVisible());
    const QImage shot = view->grab().toImage();
    QVERIFY(!shot.isNull());

    // Another dialog chosen: empty until it has messages; the first one's ladder is kept.
    ladder->setCall(0);
    QCOMPARE(ladder->rowCount(), 0);
    QVERIFY(ladder->recordedMessages(id) >= 7);
    QVERIFY(test::stopEngine(caller, waitMs));
}

QTEST_MAIN(TestLabDetails)
#include "tst_labdetails.moc"
