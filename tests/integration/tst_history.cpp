// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// History survives a restart (issue #7 item 4): Alice's engine calls Bob's, which stores what
// it receives; Bob's engine is then destroyed and a new one started on the same store file,
// and Engine::history() lists the earlier calls (newest first, paged) with their transcripts.
// Alice stores too, so her outgoing call shows the SIP Call-ID it learnt from the answer.
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/service/engine.h"
#include "engine/store/sqlitestore.h"
#include "engine/store/store.h"
#include "tests/support/enginetestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>

using namespace herald;
using namespace herald::service;
using namespace std::chrono_literals;

namespace {

constexpr int waitMs = 15000;

// What one call of the test left behind.
struct PastCall
{
    QByteArray bobCallId;   // Bob's store id
    QByteArray aliceCallId; // Alice's store id
    QByteArray sipCallId;
    QList<QByteArray> texts; // in the order Bob received them
};

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void historySurvivesRestart();
    void outgoingCallGetsItsSipCallId();
    void outgoingTextsStoredOnceWithTheirDelivery();
    void restartClosesCallsLeftOpen();
    void pageModeTextsAreListedCalls();
    void noStoreNoHistory();

private:
    std::unique_ptr<Engine> makeEngine(const QByteArray &user, quint64 seed,
                                       const QString &storePath);
    void stopEngine(std::unique_ptr<Engine> &engine);
    // Alice calls Bob, sends `texts`, waits for every 200, hangs up and waits for both ends.
    PastCall callAndSend(const QList<QByteArray> &texts);
    QByteArray bobUri() const
    {
        return "sip:bob@127.0.0.1:" + QByteArray::number(m_bob->sipListenPort());
    }
    QString bobStore() const { return m_dir->filePath(QStringLiteral("bob.db")); }
    QString aliceStore() const { return m_dir->filePath(QStringLiteral("alice.db")); }

    SystemClock m_clock;
    std::vector<std::unique_ptr<SeededRandomSource>> m_randoms;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_alice;
    std::unique_ptr<Engine> m_bob;
    QList<Call *> m_offeredToBob;
};

std::unique_ptr<Engine> TestHistory::makeEngine(const QByteArray &user, quint64 seed,
                                                const QString &storePath)
{
    EngineConfig config = test::loopbackEngineConfig(user);
    config.storePath = storePath;
    m_randoms.push_back(std::make_unique<SeededRandomSource>(seed));
    auto engine = std::make_unique<Engine>(config, m_clock, *m_randoms.back());
    if (user == "bob")
        connect(&engine->calls(), &CallManager::callOffered, this,
                [this](Call *call) { m_offeredToBob.append(call); });
    return engine;
}

void TestHistory::stopEngine(std::unique_ptr<Engine> &engine)
{
    if (engine && engine->sip().isRunning()) {
        QSignalSpy stopped(&engine->sip(), &sip::Agent::stopped);
        engine->stop();
        QVERIFY(stopped.wait(waitMs));
    }
    engine.reset();
}

void TestHistory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_alice = makeEngine("alice", 21, aliceStore());
    m_bob = makeEngine("bob", 22, bobStore());
    QVERIFY(m_alice->start());
    auto started = m_bob->start();
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail));
}

void TestHistory::cleanup()
{
    stopEngine(m_alice);
    stopEngine(m_bob);
    m_offeredToBob.clear();
    m_randoms.clear();
    m_dir.reset();
}

PastCall TestHistory::callAndSend(const QList<QByteArray> &texts)
{
    PastCall past;
    m_offeredToBob.clear();
    auto placed = m_alice->calls().placeCall(bobUri());
    if (!placed) {
        QTest::qFail(qPrintable(placed.error().detail), __FILE__, __LINE__);
        return past;
    }
    QPointer<Call> alice = *placed;
    QPointer<Call> bob;
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(m_offeredToBob.size(), 1, waitMs);
        bob = m_offeredToBob.first();
        QTRY_VERIFY_WITH_TIMEOUT(alice->session() && bob->session(), waitMs);
        QTRY_COMPARE_WITH_TIMEOUT(alice->session()->state(), msrp::SessionState::Active, waitMs);
        QTRY_COMPARE_WITH_TIMEOUT(bob->session()->state(), msrp::SessionState::Active, waitMs);
        past.bobCallId = m_bob->storeCallId(bob->id());
        past.aliceCallId = m_alice->storeCallId(alice->id());
        past.sipCallId = bob->sipCallId();

        int acknowledged = 0;
        QObject scope; // the connections end with this block
        // The transcript keeps the order texts were received (and stored) in; Alice's order
        // is not asserted here, it is the MSRP layer's business.
        connect(bob, &Call::messageReceived, &scope,
                [&](const msrp::ReceivedMessage &message) { past.texts.append(message.body); });
        connect(alice, &Call::deliveryChanged, &scope, [&](const msrp::MessageInfo &info) {
            acknowledged += info.state == msrp::DeliveryState::Acknowledged ? 1 : 0;
        });
        for (const QByteArray &text : texts)
            QVERIFY(alice->sendText("text/plain", text));
        QTRY_COMPARE_WITH_TIMEOUT(acknowledged, texts.size(), waitMs);
        QCOMPARE(past.texts.size(), texts.size());
        QCOMPARE(QSet<QByteArray>(past.texts.cbegin(), past.texts.cend()),
                 QSet<QByteArray>(texts.cbegin(), texts.cend()));

        QSignalSpy bobEnded(&m_bob->calls(), &CallManager::callEnded);
        QSignalSpy aliceEnded(&m_alice->calls(), &CallManager::callEnded);
        QVERIFY(m_alice->calls().hangup(alice->id()));
        QTRY_COMPARE_WITH_TIMEOUT(bobEnded.size(), 1, waitMs);
        QTRY_COMPARE_WITH_TIMEOUT(aliceEnded.size(), 1, waitMs);
    }();
    return past;
}

void TestHistory::historySurvivesRestart()
{
    // Three calls one after the other, each with its own texts.
    QList<PastCall> past;
    for (int c = 0; c < 3; ++c) {
        QList<QByteArray> texts;
        for (int i = 0; i < 4 + c; ++i)
            texts.append("call " + QByteArray::number(c) + ", text " + QByteArray::number(i) +
                         (i == 1 ? QByteArray(", \"quoted\", é, 911") : QByteArray()));
        past.append(callAndSend(texts));
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(!past.last().bobCallId.isEmpty());
    }

    // Restart: the old engine is gone, a new one (new random seed, same store file) starts.
    stopEngine(m_bob);
    QCOMPARE(m_bob.get(), nullptr);
    m_bob = makeEngine("bob", 23, bobStore());
    {
        // Stopped: the store is closed, history says so instead of answering empty.
        const auto closed = m_bob->history().calls();
        QVERIFY(!closed);
    }
    auto started = m_bob->start();
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail));
    const CallHistory history = m_bob->history();

    // Paging, newest first.
    HistoryQuery query;
    query.limit = 2;
    auto first = history.calls(query);
    QVERIFY2(first, first ? "" : qPrintable(first.error().detail));
    QCOMPARE(first->calls.size(), 2);
    QVERIFY(first->hasMore);
    QCOMPARE(first->offset, 0);
    query.offset = 2;
    auto second = history.calls(query);
    QVERIFY(second);
    QCOMPARE(second->calls.size(), 1);
    QVERIFY(!second->hasMore);
    QCOMPARE(second->offset, 2);
    query.offset = 3;
    auto beyond = history.calls(query);
    QVERIFY(beyond);
    QVERIFY(beyond->calls.isEmpty());
    QVERIFY(!beyond->hasMore);

    const QList<store::CallRecord> listed = first->calls + second->calls;
    QSet<QByteArray> ids;
    for (qsizetype i = 0; i < listed.size(); ++i) {
        ids.insert(listed.at(i).id);
        if (i > 0)
            QVERIFY(listed.at(i - 1).startedAt >= listed.at(i).startedAt);
    }
    QCOMPARE(ids, (QSet<QByteArray>{past[0].bobCallId, past[1].bobCallId, past[2].bobCallId}));
    // The last call placed is the newest, so it heads the list (ties broken by id, and the
    // calls were placed tens of milliseconds apart at least).
    QCOMPARE(listed.first().id, past[2].bobCallId);
    QCOMPARE(listed.last().id, past[0].bobCallId);

    // Each call with its transcript, as received before the restart.
    for (const PastCall &p : std::as_const(past)) {
        auto transcript = history.transcript(p.bobCallId);
        QVERIFY2(transcript, transcript ? "" : qPrintable(transcript.error().detail));
        QCOMPARE(transcript->call.id, p.bobCallId);
        QCOMPARE(transcript->call.sipCallId, p.sipCallId);
        QCOMPARE(transcript->call.direction, store::Direction::Incoming);
        QVERIFY(transcript->call.startedAt.isValid());
        QVERIFY(transcript->call.endedAt.isValid());
        QVERIFY(transcript->call.remoteUri.contains(QLatin1String("alice")));
        QCOMPARE(transcript->sessions.size(), 1);
        QVERIFY(transcript->sessions.first().endedAt.isValid());
        QCOMPARE(transcript->messages.size(), p.texts.size());
        for (qsizetype i = 0; i < p.texts.size(); ++i) {
            const store::MessageRecord &m = transcript->messages.at(i);
            QCOMPARE(m.text, QString::fromUtf8(p.texts.at(i)));
            QCOMPARE(m.direction, store::Direction::Incoming);
            QCOMPARE(m.callId, p.bobCallId);
            QCOMPARE(m.sessionId, transcript->sessions.first().id);
            if (i > 0)
                QVERIFY(transcript->messages.at(i - 1).sequence < m.sequence);
        }

        // The export reads the same history.
        auto json = history.exportTranscript(p.bobCallId, store::TranscriptFormat::Json);
        QVERIFY(json);
        const QJsonObject exported = QJsonDocument::fromJson(*json).object();
        QCOMPARE(exported.value(QLatin1String("messages")).toArray().size(), p.texts.size());
        auto csv = history.exportTranscript(p.bobCallId, store::TranscriptFormat::Csv);
        QVERIFY(csv);
        for (const QByteArray &text : p.texts)
            QVERIFY(csv->contains(store::csvField(QString::fromUtf8(text)).toUtf8()));
    }

    const auto unknown = history.transcript("no-such-call");
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    QVERIFY(!history.exportTranscript("no-such-call", store::TranscriptFormat::Csv));
    HistoryQuery negative;
    negative.offset = -1;
    QVERIFY(!history.calls(negative));

    // The restarted engine keeps adding: a new call is listed first, the old ones after it.
    const PastCall after = callAndSend({"after the restart"});
    QVERIFY(!QTest::currentTestFailed());
    auto all = m_bob->history().calls();
    QVERIFY(all);
    QCOMPARE(all->calls.size(), 4);
    QCOMPARE(all->calls.first().id, after.bobCallId);
    auto newest = m_bob->history().transcript(after.bobCallId);
    QVERIFY(newest);
    QCOMPARE(newest->messages.size(), 1);
    // Transcript order continues after what the earlier run stored.
    auto oldest = m_bob->history().transcript(past[2].bobCallId);
    QVERIFY(oldest);
    QVERIFY(newest->messages.first().sequence > oldest->messages.last().sequence);
}

void TestHistory::outgoingCallGetsItsSipCallId()
{
    const PastCall past = callAndSend({"hello"});
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(!past.sipCallId.isEmpty());
    QVERIFY(!past.aliceCallId.isEmpty());
    // Alice's call was recorded when placed, before any response; the answer told its
    // Call-ID, which is what Bob saw in the INVITE. (The end was appended as the call ended;
    // reads see committed records only.)
    QVERIFY(m_alice->store()->flush());
    auto transcript = m_alice->history().transcript(past.aliceCallId);
    QVERIFY2(transcript, transcript ? "" : qPrintable(transcript.error().detail));
    QCOMPARE(transcript->call.direction, store::Direction::Outgoing);
    QCOMPARE(transcript->call.sipCallId, past.sipCallId);
    QVERIFY(transcript->call.endedAt.isValid());
    // The session's i3 SessionStart event, written after the answer, carries it too.
    auto events = m_alice->store()->logEvents(past.aliceCallId);
    QVERIFY(events);
    bool sessionStartSeen = false;
    for (const store::LogEvent &event : std::as_const(*events)) {
        if (const auto *start = std::get_if<store::SessionStartLogEvent>(&event)) {
            sessionStartSeen = true;
            QCOMPARE(start->header.sipCallId, past.sipCallId);
        }
    }
    QVERIFY(sessionStartSeen);
}

void TestHistory::outgoingTextsStoredOnceWithTheirDelivery()
{
    // Alice's side: every text she sends is one outgoing record, dated as it was queued,
    // written (sent), answered 200 (acknowledged) and, when she asked for a success REPORT
    // (RFC 4975 §7.1.2), delivered.
    m_offeredToBob.clear();
    auto placed = m_alice->calls().placeCall(bobUri());
    QVERIFY(placed);
    QPointer<Call> alice = *placed;
    QTRY_COMPARE_WITH_TIMEOUT(m_offeredToBob.size(), 1, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        alice->session() && alice->session()->state() == msrp::SessionState::Active, waitMs);
    const QByteArray aliceCallId = m_alice->storeCallId(alice->id());
    const QByteArray sessionId = alice->session()->id();
    QVERIFY(!aliceCallId.isEmpty());

    QHash<QByteArray, msrp::DeliveryState> last;
    QObject scope;
    connect(alice, &Call::deliveryChanged, &scope,
            [&](const msrp::MessageInfo &info) { last[info.messageId] = info.state; });
    msrp::SendOptions reported;
    reported.successReport = true;
    const QByteArray plainText = "plain, acknowledged only";
    const QByteArray reportedText = "asks for a success report, \"é\"";
    const QByteArray bigText(200 * 1024, 'x'); // a long text, not only one-liners
    auto plain = alice->sendText("text/plain", plainText);
    auto withReport = alice->sendText("text/plain;charset=UTF-8", reportedText, reported);
    auto big = alice->sendText("text/plain", bigText);
    QVERIFY(plain && withReport && big);
    QTRY_COMPARE_WITH_TIMEOUT(last.value(*plain), msrp::DeliveryState::Acknowledged, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(last.value(*withReport), msrp::DeliveryState::Delivered, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(last.value(*big), msrp::DeliveryState::Acknowledged, waitMs);

    QVERIFY(m_alice->store()->flush());
    auto transcript = m_alice->history().transcript(aliceCallId);
    QVERIFY2(transcript, transcript ? "" : qPrintable(transcript.error().detail));
    QCOMPARE(transcript->messages.size(), 3); // each once, whatever number of updates
    QHash<QByteArray, store::MessageRecord> byId;
    for (const store::MessageRecord &m : std::as_const(transcript->messages))
        byId.insert(m.msrpMessageId, m);
    QCOMPARE(byId.size(), 3);
    const struct
    {
        QByteArray messageId;
        QByteArray text;
        QString contentType;
        store::MessageState state;
    } expected[] = {
        {*plain, plainText, QStringLiteral("text/plain"), store::MessageState::Acknowledged},
        {*withReport, reportedText, QStringLiteral("text/plain;charset=UTF-8"),
         store::MessageState::Delivered},
        {*big, bigText, QStringLiteral("text/plain"), store::MessageState::Acknowledged},
    };
    for (const auto &e : expected) {
        QVERIFY2(byId.contains(e.messageId), e.messageId.constData());
        const store::MessageRecord m = byId.value(e.messageId);
        QCOMPARE(m.direction, store::Direction::Outgoing);
        QCOMPARE(m.callId, aliceCallId);
        QCOMPARE(m.sessionId, sessionId);
        QCOMPARE(m.text, QString::fromUtf8(e.text));
        QCOMPARE(m.contentType, e.contentType);
        QCOMPARE(m.byteSize, qint64(e.text.size()));
        QCOMPARE(m.state, e.state);
        QVERIFY(m.queuedAt.isValid());
        QVERIFY(m.sentAt.isValid());
        QVERIFY(m.acknowledgedAt.isValid());
        QVERIFY(m.queuedAt <= m.sentAt);
        QVERIFY(m.sentAt <= m.acknowledgedAt);
        if (e.state == store::MessageState::Delivered) {
            QVERIFY(m.deliveredAt.isValid());
            QVERIFY(m.acknowledgedAt <= m.deliveredAt);
        } else {
            QVERIFY(!m.deliveredAt.isValid());
        }
        QCOMPARE(m.failureStatus, 0);
    }

    // One i3 MessageLogEvent per text, outgoing.
    auto events = m_alice->store()->logEvents(aliceCallId);
    QVERIFY(events);
    QSet<QByteArray> logged;
    for (const store::LogEvent &event : std::as_const(*events)) {
        if (const auto *message = std::get_if<store::MessageLogEvent>(&event)) {
            QCOMPARE(message->direction, store::Direction::Outgoing);
            QVERIFY(!logged.contains(message->msrpMessageId));
            logged.insert(message->msrpMessageId);
        }
    }
    QCOMPARE(logged, (QSet<QByteArray>{*plain, *withReport, *big}));

    // Bob's side stores the same texts once each, incoming.
    QVERIFY(m_bob->store()->flush());
    auto received = m_bob->history().transcript(m_bob->storeCallId(m_offeredToBob.first()->id()));
    QVERIFY(received);
    QCOMPARE(received->messages.size(), 3);
    for (const store::MessageRecord &m : std::as_const(received->messages))
        QCOMPARE(m.direction, store::Direction::Incoming);
}

void TestHistory::restartClosesCallsLeftOpen()
{
    // What a killed heraldd leaves behind: a call and its session stored with no end (and a
    // call that did end, which a restart must leave alone).
    stopEngine(m_bob);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-60);
    {
        store::SqliteStoreOptions options;
        options.path = bobStore();
        store::SqliteStore killed(options, m_clock);
        QVERIFY(killed.open());
        store::CallRecord open;
        open.id = "killed-call";
        open.sipCallId = "killed@127.0.0.1";
        open.remoteUri = QStringLiteral("sip:alice@127.0.0.1");
        open.localUri = QStringLiteral("sip:bob@127.0.0.1");
        open.startedAt = before;
        open.state = QStringLiteral("Active");
        killed.append(open);
        store::SessionRecord session;
        session.id = "killed-session";
        session.callId = open.id;
        session.msrpSessionId = session.id;
        session.startedAt = before;
        killed.append(session);
        store::MessageRecord text;
        text.id = "killed-session/m1";
        text.callId = open.id;
        text.sessionId = session.id;
        text.text = QStringLiteral("acknowledged just before the kill");
        text.contentType = QStringLiteral("text/plain");
        text.msrpMessageId = "m1";
        text.rangeEnd = text.byteSize = text.text.size();
        text.queuedAt = before;
        killed.append(text);
        store::CallRecord ended = open;
        ended.id = "ended-call";
        ended.sipCallId = "ended@127.0.0.1";
        ended.endedAt = before.addSecs(10);
        ended.state = QStringLiteral("Ended");
        ended.endReason = QStringLiteral("BYE");
        killed.append(ended);
        QVERIFY(killed.flush());
        killed.close();
    }

    m_bob = makeEngine("bob", 25, bobStore());
    auto started = m_bob->start();
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail));
    auto closed = m_bob->history().transcript("killed-call");
    QVERIFY2(closed, closed ? "" : qPrintable(closed.error().detail));
    QCOMPARE(closed->call.state, QStringLiteral("Ended"));
    QCOMPARE(closed->call.endReason, QStringLiteral("restart"));
    QVERIFY(closed->call.endedAt.isValid());
    QVERIFY(closed->call.endedAt > before);
    QCOMPARE(closed->sessions.size(), 1);
    QCOMPARE(closed->sessions.first().endedAt, closed->call.endedAt);
    QCOMPARE(closed->messages.size(), 1); // the transcript is kept as it was
    auto events = m_bob->store()->logEvents("killed-call");
    QVERIFY(events);
    int sessionEnds = 0;
    for (const store::LogEvent &event : std::as_const(*events)) {
        if (const auto *end = std::get_if<store::SessionEndLogEvent>(&event)) {
            ++sessionEnds;
            QCOMPARE(end->reason, QStringLiteral("restart"));
            QCOMPARE(end->msrpSessionId, QByteArray("killed-session"));
        }
    }
    QCOMPARE(sessionEnds, 1);

    auto untouched = m_bob->history().transcript("ended-call");
    QVERIFY(untouched);
    QCOMPARE(untouched->call.endReason, QStringLiteral("BYE"));
    QCOMPARE(untouched->call.endedAt, before.addSecs(10));

    // A second restart finds nothing left to close: the end stays as first written.
    const QDateTime firstEnd = closed->call.endedAt;
    stopEngine(m_bob);
    m_bob = makeEngine("bob", 26, bobStore());
    QVERIFY(m_bob->start());
    auto again = m_bob->history().transcript("killed-call");
    QVERIFY(again);
    QCOMPARE(again->call.endedAt, firstEnd);
    auto eventsAgain = m_bob->store()->logEvents("killed-call");
    QVERIFY(eventsAgain);
    QCOMPARE(eventsAgain->size(), events->size());
}

void TestHistory::pageModeTextsAreListedCalls()
{
    // RFC 3428 page mode has no call; the history still lists each conversation (one per
    // SIP Call-ID) as an ended call with its text, on both sides.
    QHash<quint64, int> responses;
    connect(&m_alice->calls(), &CallManager::pageMessageResponse, this,
            [&](quint64 request, const sip::SipResponse &response) {
                responses.insert(request, response.status);
            });
    const QList<QByteArray> texts = {"first page", "second page, \"quoted\""};
    for (const QByteArray &text : texts)
        QVERIFY(m_alice->calls().sendPageMessage(bobUri(), "text/plain", text));
    QTRY_COMPARE_WITH_TIMEOUT(responses.size(), texts.size(), waitMs);
    for (int status : std::as_const(responses))
        QCOMPARE(status, 200);
    QVERIFY(m_alice->store()->flush());
    QVERIFY(m_bob->store()->flush());

    const auto check = [&](Engine &engine, store::Direction direction,
                           store::MessageState state) -> QSet<QByteArray> {
        QSet<QByteArray> sipCallIds;
        auto page = engine.history().calls();
        [&] {
            QVERIFY2(page, page ? "" : qPrintable(page.error().detail));
            QCOMPARE(page->calls.size(), texts.size());
            QStringList seen;
            for (const store::CallRecord &call : std::as_const(page->calls)) {
                QCOMPARE(call.direction, direction);
                QCOMPARE(call.endReason, QStringLiteral("page mode"));
                QVERIFY(call.endedAt.isValid());
                QVERIFY(!call.sipCallId.isEmpty());
                sipCallIds.insert(call.sipCallId);
                auto transcript = engine.history().transcript(call.id);
                QVERIFY(transcript);
                QCOMPARE(transcript->messages.size(), 1);
                const store::MessageRecord &m = transcript->messages.first();
                QCOMPARE(m.direction, direction);
                QCOMPARE(m.state, state);
                QVERIFY(m.sessionId.isEmpty());
                seen.append(m.text);
            }
            seen.sort();
            QCOMPARE(seen, (QStringList{QString::fromUtf8(texts[0]), QString::fromUtf8(texts[1])}));
        }();
        return sipCallIds;
    };
    const QSet<QByteArray> sent =
        check(*m_alice, store::Direction::Outgoing, store::MessageState::Acknowledged);
    QVERIFY(!QTest::currentTestFailed());
    const QSet<QByteArray> received =
        check(*m_bob, store::Direction::Incoming, store::MessageState::Received);
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(sent, received); // the same MESSAGEs, by their Call-IDs
}

void TestHistory::noStoreNoHistory()
{
    auto engine = makeEngine("carol", 24, {});
    QVERIFY(engine->start());
    const auto calls = engine->history().calls();
    QVERIFY(!calls);
    QCOMPARE(calls.error().code, ErrorCode::Unsupported);
    const auto transcript = engine->history().transcript("any");
    QVERIFY(!transcript);
    QCOMPARE(transcript.error().code, ErrorCode::Unsupported);
    stopEngine(engine);
}

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
