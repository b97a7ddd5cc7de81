// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/store/sqlitestore.h"

#include "storetestdata.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;
using namespace herald::store;
using namespace herald::store::test;

namespace {

struct Outcome
{
    Ticket ticket = 0;
    bool ok = false;
    AppendOutcome outcome = AppendOutcome::Stored;
    ErrorCode code = ErrorCode::Io;
};

// Appends and notes what each callback was told.
class Recorder
{
public:
    explicit Recorder(Store &store)
        : m_store(store)
    {}

    Ticket append(Record record)
    {
        const qsizetype index = m_outcomes.size();
        m_outcomes.append(Outcome{});
        const Ticket ticket = m_store.append(std::move(record), [this, index](auto result) {
            Outcome &o = m_outcomes[index];
            o.ok = result.has_value();
            if (result)
                o.outcome = *result;
            else
                o.code = result.error().code;
            ++m_delivered;
        });
        m_outcomes[index].ticket = ticket;
        return ticket;
    }
    int delivered() const { return m_delivered; }
    const QList<Outcome> &outcomes() const { return m_outcomes; }

private:
    Store &m_store;
    QList<Outcome> m_outcomes;
    int m_delivered = 0;
};

} // namespace

class TestSqliteStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void walAndFullSyncAreInEffect();
    void groupedCommit_data();
    void groupedCommit();
    void historySurvivesReopen();
    void closeWritesWhatIsQueued();
    void duplicatesAreStoredOnce_data();
    void duplicatesAreStoredOnce();
    void updatesChangeOnlyWhatTheyName();
    void updateOfUnknownRowFailsOnlyThatRecord();
    void invalidRecordIsRefusedAlone();
    void recordsAreLoggedAsI3Events();
    void quotedElementIdIsStoredAsGiven();
    void callsAreListedNewestFirst();
    void callLearnsItsSipCallId();
    void inMemoryStoreForBaselines();
    void eachStoreHasItsOwnConnection();
    void missingDirectoryFailsToOpen();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("herald.db")); }
    std::unique_ptr<SqliteStore> openStore(qsizetype maxGroupSize = 512)
    {
        SqliteStoreOptions options;
        options.path = path();
        options.maxGroupSize = maxGroupSize;
        options.elementId = QStringLiteral("herald.test");
        options.agencyId = QStringLiteral("psap.test");
        auto store = std::make_unique<SqliteStore>(options, m_clock);
        const auto opened = store->open();
        if (!opened)
            qWarning() << opened.error().detail;
        return opened ? std::move(store) : nullptr;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock;
};

void TestSqliteStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSqliteStore::walAndFullSyncAreInEffect()
{
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(*store->pragma(QStringLiteral("journal_mode")), QStringLiteral("wal"));
    QCOMPARE(*store->pragma(QStringLiteral("synchronous")), QStringLiteral("2")); // FULL
    QVERIFY(!store->pragma(QStringLiteral("journal_mode; DROP TABLE calls")).has_value());

    store->append(makeCall("c1"));
    QVERIFY(store->flush().has_value());
    QVERIFY(QFile::exists(path() + QStringLiteral("-wal")));

    // WAL is a property of the file: another connection sees it too.
    Observer other(path());
    QCOMPARE(other.scalar(QStringLiteral("PRAGMA journal_mode"))->toString(),
             QStringLiteral("wal"));
}

void TestSqliteStore::groupedCommit_data()
{
    QTest::addColumn<int>("maxGroupSize");
    QTest::addColumn<int>("expectedTransactions");
    QTest::newRow("default group size") << 512 << 2;
    QTest::newRow("one group") << 1000 << 1;
    QTest::newRow("groups of 100") << 100 << 10;
}

void TestSqliteStore::groupedCommit()
{
    QFETCH(int, maxGroupSize);
    QFETCH(int, expectedTransactions);

    auto store = openStore(maxGroupSize);
    QVERIFY(store);
    store->append(makeCall("call"));
    store->append(makeSession("s1", "call"));
    QVERIFY(store->flush().has_value());
    const quint64 before = store->statistics().transactions;
    QSignalSpy durableSpy(store.get(), &Store::durable);

    // Each callback checks, through a second connection, that its text is committed.
    Observer observer(path());
    QVERIFY(observer.ok());
    constexpr int kTexts = 1000;
    QList<Ticket> order;
    QList<Ticket> tickets;
    int notYetVisible = 0;
    int inAppend = 0;
    bool appending = true;
    for (int i = 0; i < kTexts; ++i) {
        const QByteArray id = "m" + QByteArray::number(i);
        tickets.append(store->append(
            makeMessage(id, "call", "s1", QStringLiteral("text %1").arg(i)),
            [&, id](Result<AppendOutcome> result) {
                QVERIFY(result.has_value());
                if (appending)
                    ++inAppend;
                const auto seen =
                    observer.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE id = ?"),
                                    {QString::fromUtf8(id)});
                if (!seen || seen->toInt() != 1)
                    ++notYetVisible;
                order.append(id.mid(1).toInt());
            }));
    }
    appending = false;
    QCOMPARE(order.size(), 0); // nothing reported from inside append()
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), kTexts, 30000);

    QCOMPARE(inAppend, 0);
    QCOMPARE(notYetVisible, 0); // every callback came after its COMMIT
    for (int i = 0; i < kTexts; ++i)
        QCOMPARE(order[i], Ticket(i)); // in append order
    for (int i = 1; i < kTexts; ++i)
        QVERIFY(tickets[i] > tickets[i - 1]);
    QCOMPARE(store->statistics().transactions - before, quint64(expectedTransactions));
    QCOMPARE(qsizetype(store->statistics().largestGroup),
             qsizetype(std::min(maxGroupSize, kTexts)));
    QCOMPARE(durableSpy.size(), expectedTransactions);
    QCOMPARE(durableSpy.last().at(0).toULongLong(), tickets.last());
    QCOMPARE(observer.count(QStringLiteral("messages")), qint64(kTexts));
}

void TestSqliteStore::historySurvivesReopen()
{
    CallRecord call = makeCall("call-1");
    SessionRecord session = makeSession("s1", "call-1");
    QList<MessageRecord> messages;
    messages.append(
        makeMessage("m1", "call-1", "s1", QStringLiteral("Help! Fire at 12 Main St."), 2));
    MessageRecord reply =
        makeMessage("m2", "call-1", "s1", QStringLiteral("Help is on the way."), 3);
    reply.direction = Direction::Outgoing;
    reply.state = MessageState::Queued;
    messages.append(reply);
    MessageRecord file = makeMessage("m3", "call-1", "s1", QString(), 4);
    file.fileUri = QStringLiteral("file:///var/spool/herald/in/photo.jpg");
    file.contentType = QStringLiteral("image/jpeg");
    file.rangeEnd = file.byteSize = 183'220;
    messages.append(file);

    {
        auto store = openStore();
        QVERIFY(store);
        store->append(call);
        store->append(session);
        for (const MessageRecord &m : messages)
            store->append(m);
        MessageUpdate acked;
        acked.messageId = "m2";
        acked.state = MessageState::Acknowledged;
        acked.sentAt = at(3, 10);
        acked.acknowledgedAt = at(3, 60);
        store->append(acked);
        store->append(SessionEnd{"s1", at(9), QStringLiteral("BYE")});
        CallUpdate ended;
        ended.callId = "call-1";
        ended.state = QStringLiteral("ended");
        ended.endedAt = at(10);
        ended.endReason = QStringLiteral("remote BYE");
        store->append(ended);
        QVERIFY(store->flush().has_value());
        store->close();
        QVERIFY(!store->isOpen());
    }

    auto store = openStore();
    QVERIFY(store);
    call.state = QStringLiteral("ended");
    call.endedAt = at(10);
    call.endReason = QStringLiteral("remote BYE");
    const auto calls = store->calls();
    QVERIFY(calls.has_value());
    QCOMPARE(calls->size(), 1);
    QVERIFY(calls->at(0) == call);

    session.endedAt = at(9);
    const auto sessions = store->sessions("call-1");
    QCOMPARE(sessions->size(), 1);
    QVERIFY(sessions->at(0) == session);

    messages[1].state = MessageState::Acknowledged;
    messages[1].sentAt = at(3, 10);
    messages[1].acknowledgedAt = at(3, 60);
    const auto transcript = store->transcript("call-1");
    QVERIFY(transcript.has_value());
    QCOMPARE(transcript->size(), 3);
    for (int i = 0; i < 3; ++i) {
        MessageRecord expected = messages[i];
        expected.sequence = transcript->at(i).sequence;
        QCOMPARE(transcript->at(i).id, expected.id);
        QCOMPARE(transcript->at(i).text, expected.text);
        QCOMPARE(transcript->at(i).fileUri, expected.fileUri);
        QVERIFY(transcript->at(i) == expected);
        if (i > 0)
            QVERIFY(transcript->at(i).sequence > transcript->at(i - 1).sequence);
    }
    QVERIFY(store->transcript("no-such-call")->isEmpty());
    QVERIFY(!store->call("no-such-call")->has_value());
}

void TestSqliteStore::closeWritesWhatIsQueued()
{
    int told = 0;
    bool allOk = true;
    {
        auto store = openStore();
        QVERIFY(store);
        store->append(makeCall("call"));
        for (int i = 0; i < 10; ++i) {
            store->append(
                makeMessage("m" + QByteArray::number(i), "call", "s1", QStringLiteral("bye")),
                [&](Result<AppendOutcome> result) {
                    ++told;
                    allOk = allOk && result.has_value();
                });
        }
        QCOMPARE(told, 0);
        // Shutdown without another event-loop turn: the destructor closes, which commits.
    }
    QCOMPARE(told, 10);
    QVERIFY(allOk);
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(store->transcript("call")->size(), 10);
}

void TestSqliteStore::duplicatesAreStoredOnce_data()
{
    QTest::addColumn<MessageRecord>("second");
    QTest::addColumn<bool>("flushBetween");
    QTest::addColumn<AppendOutcome>("expected");

    const MessageRecord first = makeMessage("m1", "call", "s1", QStringLiteral("hello"));
    MessageRecord retransmission = first;
    retransmission.id = "m1-again"; // a new Herald id, the same chunk on the wire
    MessageRecord otherRange = first;
    otherRange.id = "m1-chunk2";
    otherRange.rangeStart = 6;
    otherRange.rangeEnd = 10;
    MessageRecord otherSession = first;
    otherSession.id = "m1-s2";
    otherSession.sessionId = "s2";
    // Ours and the peer's Message-IDs are unique per sender only (RFC 4975 §7.1.1).
    MessageRecord otherDirection = first;
    otherDirection.id = "s1/out/mid-m1";
    otherDirection.direction = Direction::Outgoing;
    otherDirection.state = MessageState::Queued;

    QTest::newRow("same record, same group") << first << false << AppendOutcome::AlreadyStored;
    QTest::newRow("same record, next group") << first << true << AppendOutcome::AlreadyStored;
    QTest::newRow("retransmitted chunk, same group")
        << retransmission << false << AppendOutcome::AlreadyStored;
    QTest::newRow("retransmitted chunk, next group")
        << retransmission << true << AppendOutcome::AlreadyStored;
    QTest::newRow("next chunk of the message") << otherRange << true << AppendOutcome::Stored;
    QTest::newRow("same Message-ID in another session")
        << otherSession << false << AppendOutcome::Stored;
    QTest::newRow("same Message-ID, sent by us") << otherDirection << true << AppendOutcome::Stored;
}

void TestSqliteStore::duplicatesAreStoredOnce()
{
    QFETCH(MessageRecord, second);
    QFETCH(bool, flushBetween);
    QFETCH(AppendOutcome, expected);

    auto store = openStore();
    QVERIFY(store);
    store->append(makeCall("call"));
    Recorder recorder(*store);
    recorder.append(makeMessage("m1", "call", "s1", QStringLiteral("hello")));
    if (flushBetween)
        QVERIFY(store->flush().has_value());
    recorder.append(second);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.delivered(), 2, 5000);

    QVERIFY(recorder.outcomes()[0].ok);
    QCOMPARE(recorder.outcomes()[0].outcome, AppendOutcome::Stored);
    QVERIFY(recorder.outcomes()[1].ok); // a duplicate is success: it is durable already
    QCOMPARE(recorder.outcomes()[1].outcome, expected);
    QVERIFY(store->healthy());

    const int rows = expected == AppendOutcome::Stored ? 2 : 1;
    QCOMPARE(store->transcript("call")->size(), rows);
    QCOMPARE(store->logEvents("call")->size(), rows); // one MessageLogEvent per stored text
    QCOMPARE(store->statistics().duplicates, quint64(rows == 1 ? 1 : 0));
}

void TestSqliteStore::updatesChangeOnlyWhatTheyName()
{
    auto store = openStore();
    QVERIFY(store);
    MessageRecord m = makeMessage("m1", "call", "s1", QStringLiteral("hi"));
    m.direction = Direction::Outgoing;
    m.state = MessageState::Queued;
    store->append(m);
    MessageUpdate sent;
    sent.messageId = "m1";
    sent.state = MessageState::Sent;
    sent.sentAt = at(5);
    store->append(sent);
    MessageUpdate failed;
    failed.messageId = "m1";
    failed.state = MessageState::Failed;
    failed.failureStatus = 408;
    failed.failureReason = QStringLiteral("no 200 within 30 s (RFC 4975 §7.1.1)");
    store->append(failed);
    QVERIFY(store->flush().has_value());

    const MessageRecord back = store->transcript("call")->at(0);
    QCOMPARE(back.state, MessageState::Failed);
    QCOMPARE(back.sentAt, at(5)); // kept from the first update
    QVERIFY(!back.acknowledgedAt.isValid());
    QCOMPARE(back.failureStatus, 408);
    QCOMPARE(back.failureReason, failed.failureReason.value());
    QCOMPARE(back.text, QStringLiteral("hi"));
}

void TestSqliteStore::updateOfUnknownRowFailsOnlyThatRecord()
{
    auto store = openStore();
    QVERIFY(store);
    Recorder recorder(*store);
    recorder.append(makeCall("call"));
    MessageUpdate ghost;
    ghost.messageId = "never-stored";
    ghost.state = MessageState::Delivered;
    recorder.append(ghost);
    recorder.append(SessionEnd{"no-session", at(1), {}});
    CallUpdate ghostCall;
    ghostCall.callId = "no-call";
    ghostCall.state = QStringLiteral("ended");
    recorder.append(ghostCall);
    recorder.append(makeMessage("m1", "call", "s1", QStringLiteral("still stored")));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.delivered(), 5, 5000);

    const auto &o = recorder.outcomes();
    QVERIFY(o[0].ok);
    for (int i = 1; i <= 3; ++i) {
        QVERIFY(!o[i].ok);
        QCOMPARE(o[i].code, ErrorCode::NotFound);
    }
    QVERIFY(o[4].ok);
    QVERIFY(store->healthy());
    QCOMPARE(store->statistics().transactions, quint64(1));
    QCOMPARE(store->transcript("call")->size(), 1);
}

void TestSqliteStore::invalidRecordIsRefusedAlone()
{
    auto store = openStore();
    QVERIFY(store);
    Recorder recorder(*store);
    recorder.append(makeCall("call"));
    recorder.append(makeMessage("", "call", "s1", QStringLiteral("no id")));
    MessageRecord orphanMid =
        makeMessage("m2", "call", "", QStringLiteral("Message-ID, no session"));
    recorder.append(orphanMid);
    MessageRecord badRange = makeMessage("m3", "call", "s1", QStringLiteral("x"));
    badRange.rangeStart = 0;
    recorder.append(badRange);
    recorder.append(makeMessage("m4", "call", "s1", QStringLiteral("fine")));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.delivered(), 5, 5000);
    const auto &o = recorder.outcomes();
    QVERIFY(o[0].ok);
    for (int i = 1; i <= 3; ++i) {
        QVERIFY(!o[i].ok);
        QCOMPARE(o[i].code, ErrorCode::InvalidArgument);
    }
    QVERIFY(o[4].ok);
    QVERIFY(store->healthy());
    QCOMPARE(store->transcript("call")->size(), 1);
}

void TestSqliteStore::quotedElementIdIsStoredAsGiven()
{
    // The store writes its own element and agency ids into the statement that logs texts
    // (one bound value less per text): quotes must come out as they went in.
    SqliteStoreOptions options;
    options.path = path();
    options.elementId = QStringLiteral("herald's 'edge'");
    options.agencyId = QStringLiteral("psap'); DROP TABLE events; --");
    SqliteStore store(options, m_clock);
    QVERIFY(store.open());
    store.append(makeCall("call"));
    store.append(makeSession("s1", "call"));
    store.append(makeMessage("m1", "call", "s1", QStringLiteral("hi")));
    QVERIFY(store.flush());
    Observer observer(path());
    QVERIFY(observer.ok());
    const QString type = QStringLiteral("MessageLogEvent");
    const auto element = observer.scalar(
        QStringLiteral("SELECT element_id FROM events WHERE log_event_type = ?"), {type});
    const auto agency = observer.scalar(
        QStringLiteral("SELECT agency_id FROM events WHERE log_event_type = ?"), {type});
    QVERIFY(element && agency);
    QCOMPARE(element->toString(), options.elementId);
    QCOMPARE(agency->toString(), options.agencyId);
    const auto events = store.logEvents("call");
    QVERIFY(events);
    QCOMPARE(events->size(), 2); // MediaStart and the text's MessageLogEvent
    QCOMPARE(headerOf(events->at(1)).elementId, options.elementId);
    QCOMPARE(headerOf(events->at(1)).agencyId, options.agencyId);
}

void TestSqliteStore::recordsAreLoggedAsI3Events()
{
    auto store = openStore();
    QVERIFY(store);
    const CallRecord call = makeCall("call");
    const SessionRecord session = makeSession("s1", "call");
    store->append(call);
    store->append(session);
    store->append(makeMessage("m1", "call", "s1", QStringLiteral("¿Dónde está?")));
    MalformedMessageLogEvent malformed;
    malformed.header.timestamp = at(6);
    malformed.header.callId = "call";
    malformed.text = "MSRP bogus";
    malformed.ipAddress = QStringLiteral("192.0.2.7:7394");
    malformed.explanationText = QStringLiteral("no end-line");
    store->append(malformed);
    store->append(SessionEnd{"s1", at(7), QStringLiteral("BYE")});
    QVERIFY(store->flush().has_value());

    const auto events = store->logEvents("call");
    QVERIFY(events.has_value());
    QCOMPARE(events->size(), 4);
    QStringList types;
    for (const LogEvent &e : *events) {
        types.append(logEventTypeName(e));
        const LogEventHeader &h = headerOf(e);
        QCOMPARE(h.callId, QByteArray("call"));
        QCOMPARE(h.elementId, QStringLiteral("herald.test")); // from the store's options
        QCOMPARE(h.agencyId, QStringLiteral("psap.test"));
        QVERIFY(!h.id.isEmpty());
    }
    QCOMPARE(types,
             (QStringList{QStringLiteral("MediaStartLogEvent"), QStringLiteral("MessageLogEvent"),
                          QStringLiteral("MalformedMessageLogEvent"),
                          QStringLiteral("MediaEndLogEvent")}));

    const auto &start = std::get<SessionStartLogEvent>(events->at(0));
    QCOMPARE(start.header.sipCallId, call.sipCallId);
    QCOMPARE(start.header.incidentId, call.incidentId);
    QCOMPARE(start.header.timestamp, session.startedAt);
    QCOMPARE(start.sdp, session.sdp);
    QCOMPARE(start.msrpSessionId, session.msrpSessionId);
    QCOMPARE(start.direction, Direction::Incoming);

    const auto &text = std::get<MessageLogEvent>(events->at(1));
    QCOMPARE(text.header.sipCallId, call.sipCallId);
    QCOMPARE(text.header.timestamp, at(2));
    QCOMPARE(text.text, QStringLiteral("¿Dónde está?"));
    QCOMPARE(text.msrpMessageId, QByteArray("mid-m1"));
    QCOMPARE(text.msrpSessionId, session.msrpSessionId);
    QCOMPARE(text.direction, Direction::Incoming);

    const auto &bad = std::get<MalformedMessageLogEvent>(events->at(2));
    QCOMPARE(bad.text, QByteArray("MSRP bogus"));
    QCOMPARE(bad.ipAddress, malformed.ipAddress);

    const auto &end = std::get<SessionEndLogEvent>(events->at(3));
    QCOMPARE(end.header.timestamp, at(7));
    QCOMPARE(end.reason, QStringLiteral("BYE"));
    QCOMPARE(end.msrpSessionId, session.msrpSessionId);

    // An event without a call is logged too, and shows in the full log only.
    MalformedMessageLogEvent stray;
    stray.header.timestamp = at(8);
    stray.text = "garbage before any session";
    store->append(stray);
    QVERIFY(store->flush().has_value());
    QCOMPARE(store->logEvents("call")->size(), 4);
    QCOMPARE(store->logEvents()->size(), 5);
}

void TestSqliteStore::callsAreListedNewestFirst()
{
    auto store = openStore();
    QVERIFY(store);
    for (int i = 0; i < 5; ++i)
        store->append(makeCall("call-" + QByteArray::number(i), i * 60));
    QVERIFY(store->flush().has_value());

    const auto all = store->calls();
    QCOMPARE(all->size(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(all->at(i).id, "call-" + QByteArray::number(4 - i));

    CallQuery window;
    window.startedFrom = at(60);
    window.startedTo = at(180);
    const auto some = store->calls(window);
    QCOMPARE(some->size(), 2);
    QCOMPARE(some->at(0).id, QByteArray("call-2"));
    QCOMPARE(some->at(1).id, QByteArray("call-1"));

    CallQuery limited;
    limited.limit = 2;
    QCOMPARE(store->calls(limited)->size(), 2);

    // Pages: offset skips the newest.
    CallQuery page;
    page.limit = 2;
    page.offset = 2;
    const auto second = store->calls(page);
    QCOMPARE(second->size(), 2);
    QCOMPARE(second->at(0).id, QByteArray("call-2"));
    QCOMPARE(second->at(1).id, QByteArray("call-1"));
    page.offset = 4;
    QCOMPARE(store->calls(page)->size(), 1);
    page.offset = 5;
    QVERIFY(store->calls(page)->isEmpty());
}

void TestSqliteStore::callLearnsItsSipCallId()
{
    auto store = openStore();
    QVERIFY(store);
    // An outgoing call is recorded before any response told its Call-ID.
    CallRecord call = makeCall("out");
    call.direction = Direction::Outgoing;
    call.sipCallId.clear();
    store->append(call);
    CallUpdate answered;
    answered.callId = "out";
    answered.state = QStringLiteral("Active");
    answered.sipCallId = "abc123@herald.example.net";
    store->append(answered);
    // A session started after the update logs the Call-ID learnt (the writer's cache of
    // the call, filled by the insert, is not stale).
    store->append(makeSession("s1", "out"));
    CallUpdate ended;
    ended.callId = "out";
    ended.endedAt = at(30);
    store->append(ended); // no Call-ID: the learnt one stays
    QVERIFY(store->flush().has_value());

    const auto back = store->call("out");
    QVERIFY(back && back->has_value());
    QCOMPARE((*back)->sipCallId, QByteArray("abc123@herald.example.net"));
    QCOMPARE((*back)->state, QStringLiteral("Active"));
    QCOMPARE((*back)->endedAt, at(30));
    const auto events = store->logEvents("out");
    QVERIFY(events);
    QCOMPARE(events->size(), 1);
    const auto *start = std::get_if<SessionStartLogEvent>(&events->first());
    QVERIFY(start);
    QCOMPARE(start->header.sipCallId, QByteArray("abc123@herald.example.net"));
}

void TestSqliteStore::inMemoryStoreForBaselines()
{
    SqliteStoreOptions options;
    options.path = QStringLiteral(":memory:");
    SqliteStore store(options, m_clock);
    const auto opened = store.open();
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().detail));
    QCOMPARE(store.pragma(QStringLiteral("journal_mode")).value_or(QString()),
             QStringLiteral("memory"));
    store.append(makeCall("call"));
    store.append(makeSession("s1", "call"));
    store.append(makeMessage("m1", "call", "s1", QStringLiteral("hi")));
    QVERIFY(store.flush().has_value());
    QCOMPARE(store.transcript("call")->size(), 1);
    // No file named after it, and a reopened in-memory store starts empty.
    // (A leading ':' would name a Qt resource: ask for the path in the working directory.)
    QVERIFY(!QFile::exists(QDir::currentPath() + QStringLiteral("/:memory:")));
    store.close();
    QVERIFY(store.open().has_value());
    QVERIFY(store.calls()->isEmpty());
}

void TestSqliteStore::eachStoreHasItsOwnConnection()
{
    SqliteStoreOptions a;
    a.path = m_dir->filePath(QStringLiteral("a.db"));
    SqliteStoreOptions b;
    b.path = m_dir->filePath(QStringLiteral("b.db"));
    QString nameA;
    {
        SqliteStore storeA(a, m_clock);
        SqliteStore storeB(b, m_clock);
        QVERIFY(storeA.open().has_value());
        QVERIFY(storeB.open().has_value());
        nameA = storeA.connectionName();
        QVERIFY(nameA != storeB.connectionName());
        QVERIFY(QSqlDatabase::connectionNames().contains(nameA));
        QVERIFY(QSqlDatabase::connectionNames().contains(storeB.connectionName()));
        QVERIFY(!QSqlDatabase::contains(QLatin1String(QSqlDatabase::defaultConnection)));

        storeA.append(makeCall("only-in-a"));
        storeB.append(makeCall("only-in-b"));
        QVERIFY(storeA.flush().has_value());
        QVERIFY(storeB.flush().has_value());
        QCOMPARE(storeA.calls()->size(), 1);
        QCOMPARE(storeA.calls()->at(0).id, QByteArray("only-in-a"));
        QCOMPARE(storeB.calls()->at(0).id, QByteArray("only-in-b"));
    }
    QVERIFY(!QSqlDatabase::connectionNames().contains(nameA)); // removed with its store
}

void TestSqliteStore::missingDirectoryFailsToOpen()
{
    SqliteStoreOptions options;
    options.path = m_dir->filePath(QStringLiteral("no/such/dir/herald.db"));
    SqliteStore store(options, m_clock);
    const auto opened = store.open();
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error().code, ErrorCode::Io);
    QVERIFY(!store.healthy());

    // Appends to a store that is not open fail; they are never reported durable.
    Recorder recorder(store);
    recorder.append(makeCall("c"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.delivered(), 1, 5000);
    QVERIFY(!recorder.outcomes()[0].ok);
    QVERIFY(!store.flush().has_value());
    QVERIFY(!store.calls().has_value());
}

QTEST_GUILESS_MAIN(TestSqliteStore)
#include "tst_sqlitestore.moc"
