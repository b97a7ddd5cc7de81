// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Durable before acknowledged (DESIGN.md §2): two Engines on loopback, the receiver with a
// store. A text's MSRP 200 (RFC 4975 §7.1) and a page-mode MESSAGE's 200 (RFC 3428 §7) reach
// the sender only once the text is committed; when the store fails, the sender gets 403 / 500
// and never an acknowledgement.
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/service/engine.h"
#include "engine/store/store.h"
#include "tests/support/enginetestsupport.h"
#include "tests/support/storelocker.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>

using namespace herald;
using namespace herald::service;
using namespace std::chrono_literals;

namespace {

constexpr int waitMs = 15000;

// How many stored messages carry this MSRP Message-ID; -1 when the store cannot be read.
int storedCount(store::Store &store, const QByteArray &callId, const QByteArray &messageId)
{
    auto transcript = store.transcript(callId);
    if (!transcript)
        return -1;
    int n = 0;
    for (const store::MessageRecord &m : *transcript)
        n += m.msrpMessageId == messageId ? 1 : 0;
    return n;
}

} // namespace

class TestDurability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void noStoreWithoutPath();
    void unopenableStoreFailsStart();
    void acknowledgedTextsAreStored();
    void failingStoreRefusesTexts();
    void pageModeIsStoredBeforeTheOk();

private:
    std::unique_ptr<Engine> makeEngine(const QByteArray &user, quint64 seed,
                                       const QString &storePath);
    // A calls B; returns both calls once active with their MSRP sessions bound.
    std::pair<Call *, Call *> establish();
    QByteArray uriOf(Engine &engine, const QByteArray &user) const
    {
        return "sip:" + user + "@127.0.0.1:" + QByteArray::number(engine.sipListenPort());
    }
    QString storePath() const { return m_dir->filePath(QStringLiteral("herald.db")); }

    SystemClock m_clock;
    std::vector<std::unique_ptr<SeededRandomSource>> m_randoms;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_a;
    std::unique_ptr<Engine> m_b; // with the store
    QList<Call *> m_offeredToB;
};

std::unique_ptr<Engine> TestDurability::makeEngine(const QByteArray &user, quint64 seed,
                                                   const QString &storePath)
{
    EngineConfig config = test::loopbackEngineConfig(user);
    config.storePath = storePath;
    m_randoms.push_back(std::make_unique<SeededRandomSource>(seed));
    return std::make_unique<Engine>(config, m_clock, *m_randoms.back());
}

void TestDurability::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_a = makeEngine("alice", 11, {});
    m_b = makeEngine("bob", 12, storePath());
    QVERIFY(m_a->start());
    auto started = m_b->start();
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail));
    QVERIFY(m_b->store());
    QVERIFY(m_b->store()->healthy());
    QVERIFY(QFile::exists(storePath()));
    connect(&m_b->calls(), &CallManager::callOffered, this,
            [this](Call *call) { m_offeredToB.append(call); });
}

void TestDurability::cleanup()
{
    for (Engine *e : {m_a.get(), m_b.get()}) {
        if (e && e->sip().isRunning()) {
            QSignalSpy stopped(&e->sip(), &sip::Agent::stopped);
            e->stop();
            QVERIFY(stopped.wait(waitMs));
        }
    }
    m_a.reset();
    m_b.reset();
    m_offeredToB.clear();
    m_randoms.clear();
    m_dir.reset();
}

std::pair<Call *, Call *> TestDurability::establish()
{
    auto placed = m_a->calls().placeCall(uriOf(*m_b, "bob"));
    if (!placed)
        return {nullptr, nullptr};
    Call *a = *placed;
    Call *b = nullptr;
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(m_offeredToB.size(), 1, waitMs);
        b = m_offeredToB.first();
        QTRY_COMPARE_WITH_TIMEOUT(a->state(), CallState::Active, waitMs);
        QTRY_COMPARE_WITH_TIMEOUT(b->state(), CallState::Active, waitMs);
        QVERIFY(a->session() && b->session());
        QTRY_COMPARE_WITH_TIMEOUT(a->session()->state(), msrp::SessionState::Active, waitMs);
        QTRY_COMPARE_WITH_TIMEOUT(b->session()->state(), msrp::SessionState::Active, waitMs);
    }();
    if (!b || QTest::currentTestFailed())
        return {nullptr, nullptr};
    return {a, b};
}

void TestDurability::noStoreWithoutPath()
{
    // The current behaviour is kept: no path, no store, texts acknowledged as they arrive.
    QVERIFY(m_a->isRunning());
    QCOMPARE(m_a->store(), nullptr);
    QVERIFY(m_a->storeCallId(1).isEmpty());
}

void TestDurability::unopenableStoreFailsStart()
{
    const QString path = m_dir->filePath(QStringLiteral("no/such/dir/herald.db"));
    auto engine = makeEngine("carol", 13, path);
    auto started = engine->start();
    QVERIFY(!started);
    QVERIFY2(started.error().detail.contains(path), qPrintable(started.error().detail));
    QVERIFY(!engine->isRunning());
    QCOMPARE(engine->msrpListenEndpoint(), QString());
}

void TestDurability::acknowledgedTextsAreStored()
{
    auto [a, b] = establish();
    QVERIFY(a && b);
    const QByteArray callId = m_b->storeCallId(b->id());
    QVERIFY(!callId.isEmpty());
    store::Store &store = *m_b->store();

    // At the moment A learns of each 200, B's store must already hold the text.
    QHash<QByteArray, int> storedAtAck;
    QList<QByteArray> failed;
    connect(a, &Call::deliveryChanged, this, [&](const msrp::MessageInfo &info) {
        if (info.state == msrp::DeliveryState::Acknowledged)
            storedAtAck.insert(info.messageId, storedCount(store, callId, info.messageId));
        else if (info.state == msrp::DeliveryState::Failed)
            failed.append(info.messageId);
    });

    constexpr int burst = 50;
    QHash<QByteArray, QByteArray> sent; // Message-ID -> text
    for (int i = 0; i < burst; ++i) {
        const QByteArray text = "text " + QByteArray::number(i) + " to Bob";
        auto id = a->sendText("text/plain", text);
        QVERIFY(id);
        sent.insert(*id, text);
    }
    QTRY_COMPARE_WITH_TIMEOUT(storedAtAck.size() + failed.size(), burst, waitMs);
    QVERIFY(failed.isEmpty());
    for (auto it = storedAtAck.cbegin(); it != storedAtAck.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(QStringLiteral("%1 stored %2 times at its 200")
                                                 .arg(QString::fromUtf8(it.key()))
                                                 .arg(it.value())));

    // Every text stored once, as sent.
    auto transcript = store.transcript(callId);
    QVERIFY(transcript);
    QCOMPARE(transcript->size(), burst);
    QSet<QByteArray> seen;
    for (const store::MessageRecord &m : *transcript) {
        QVERIFY(sent.contains(m.msrpMessageId));
        QVERIFY(!seen.contains(m.msrpMessageId));
        seen.insert(m.msrpMessageId);
        QCOMPARE(m.text, QString::fromUtf8(sent.value(m.msrpMessageId)));
        QCOMPARE(m.direction, store::Direction::Incoming);
        QCOMPARE(m.state, store::MessageState::Received);
        QCOMPARE(m.sessionId, b->session()->id());
        QCOMPARE(m.contentType, QStringLiteral("text/plain"));
        QCOMPARE(m.byteSize, qint64(sent.value(m.msrpMessageId).size()));
    }
    // The call and its session are recorded too.
    auto call = store.call(callId);
    QVERIFY(call && call->has_value());
    QCOMPARE((*call)->sipCallId, b->sipCallId());
    QCOMPARE((*call)->direction, store::Direction::Incoming);
    QTRY_VERIFY_WITH_TIMEOUT(store.sessions(callId) && store.sessions(callId)->size() == 1, waitMs);
    QCOMPARE(store.sessions(callId)->first().msrpSessionId, b->session()->id());
    QVERIFY(store.healthy());
}

void TestDurability::failingStoreRefusesTexts()
{
    auto [a, b] = establish();
    QVERIFY(a && b);
    const QByteArray callId = m_b->storeCallId(b->id());
    store::Store &store = *m_b->store();
    QSignalSpy unhealthy(&store, &store::Store::unhealthy);
    QList<msrp::MessageInfo> delivery;
    connect(a, &Call::deliveryChanged, this,
            [&](const msrp::MessageInfo &info) { delivery.append(info); });
    QSignalSpy receivedByB(b, &Call::messageReceived);

    // The store works: a first text is acknowledged and stored (the call's records with it).
    auto first = a->sendText("text/plain", "before the lock");
    QVERIFY(first);
    QTRY_VERIFY_WITH_TIMEOUT(!delivery.isEmpty() && delivery.last().messageId == *first &&
                                 delivery.last().state == msrp::DeliveryState::Acknowledged,
                             waitMs);
    QCOMPARE(storedCount(store, callId, *first), 1);
    QCOMPARE(receivedByB.size(), 1);

    {
        test::StoreLocker lock(storePath());
        QVERIFY(lock.locked());
        auto id = a->sendText("text/plain", "while the store is locked out");
        QVERIFY(id);
        QTRY_VERIFY_WITH_TIMEOUT(!delivery.isEmpty() && delivery.last().messageId == *id &&
                                     delivery.last().state == msrp::DeliveryState::Failed,
                                 waitMs);
        QCOMPARE(delivery.last().status, 403);
        for (const msrp::MessageInfo &info : std::as_const(delivery))
            QVERIFY(info.messageId != *id || info.state != msrp::DeliveryState::Acknowledged);
        QCOMPARE(unhealthy.size(), 1);
        QVERIFY(!store.healthy());
        QVERIFY(store.lastError().has_value());
    }
    // Not shown to B as received, and not in the store.
    QCOMPARE(receivedByB.size(), 1);
    auto transcript = store.transcript(callId);
    QVERIFY(transcript);
    QCOMPARE(transcript->size(), 1);

    // Unhealthy stays unhealthy: a later text is refused too, never acknowledged.
    auto later = a->sendText("text/plain", "after the lock");
    QVERIFY(later);
    QTRY_VERIFY_WITH_TIMEOUT(!delivery.isEmpty() && delivery.last().messageId == *later &&
                                 delivery.last().state == msrp::DeliveryState::Failed,
                             waitMs);
    QCOMPARE(delivery.last().status, 403);
}

void TestDurability::pageModeIsStoredBeforeTheOk()
{
    store::Store &store = *m_b->store();
    QSignalSpy unhealthy(&store, &store::Store::unhealthy);
    QSignalSpy pagedB(&m_b->calls(), &CallManager::pageMessage);
    QList<int> statuses;
    QList<int> storedAtResponse;
    QByteArray sipCallId;
    connect(&m_b->calls(), &CallManager::pageMessage, this,
            [&](quint64, const sip::IncomingRequest &message) { sipCallId = message.callId; });
    connect(&m_a->calls(), &CallManager::pageMessageResponse, this,
            [&](quint64, const sip::SipResponse &response) {
                statuses.append(response.status);
                auto transcript = store.transcript(sipCallId);
                storedAtResponse.append(transcript ? int(transcript->size()) : -1);
            });

    QVERIFY(m_a->calls().sendPageMessage(uriOf(*m_b, "bob"), "text/plain", "page to Bob"));
    QTRY_COMPARE_WITH_TIMEOUT(statuses.size(), 1, waitMs);
    QCOMPARE(statuses.first(), 200);
    QVERIFY(!sipCallId.isEmpty());
    QCOMPARE(storedAtResponse.first(), 1); // stored by the time the 200 reached A
    auto transcript = store.transcript(sipCallId);
    QVERIFY(transcript);
    QCOMPARE(transcript->first().text, QStringLiteral("page to Bob"));
    QVERIFY(transcript->first().sessionId.isEmpty());
    QVERIFY(transcript->first().msrpMessageId.isEmpty());

    {
        test::StoreLocker lock(storePath());
        QVERIFY(lock.locked());
        QVERIFY(m_a->calls().sendPageMessage(uriOf(*m_b, "bob"), "text/plain", "lost page"));
        QTRY_COMPARE_WITH_TIMEOUT(statuses.size(), 2, waitMs);
    }
    QCOMPARE(statuses.at(1), 500);
    QCOMPARE(pagedB.size(), 1); // the refused one never reached the application
    QCOMPARE(unhealthy.size(), 1);
    QVERIFY(!store.healthy());
}

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
