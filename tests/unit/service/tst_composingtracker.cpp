// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The isComposing state machine (RFC 3994 §3.2 composer, §3.3 receiver) driven by a
// ManualClock: what each local transition asks to send, the idle timeout, the active refresh,
// the remote active state lapsing after its refresh (or the 120 s default), and a content
// message ending either side's composing state.
#include "engine/core/clock.h"
#include "engine/service/composingtracker.h"

#include <QTest>

using namespace herald;
using namespace herald::service;
using namespace std::chrono_literals;

using Send = ComposingTracker::Send;

class TestComposingTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsIdleWithNoDeadline();
    void typingSendsActiveOnce();
    void idleTimeoutSendsIdle();
    void typingRestartsIdleTimer();
    void activeIsRefreshedWhileTyping();
    void stoppedSendsIdleOnlyWhenActive();
    void sentMessageEndsComposingSilently();
    void remoteActiveLapses_data();
    void remoteActiveLapses();
    void remoteIdleAndContentEndActive();
    void remoteRefreshExtends();
    void nextDeadlineIsEarliest();
};

void TestComposingTracker::startsIdleWithNoDeadline()
{
    ComposingTracker t;
    QCOMPARE(t.localState(), ComposingState::Idle);
    QCOMPARE(t.remoteState(), ComposingState::Idle);
    QVERIFY(!t.nextDeadline());
    ManualClock clock;
    const auto e = t.expire(clock.now() + 1h);
    QCOMPARE(e.send, Send::Nothing);
    QVERIFY(!e.remoteChanged);
}

void TestComposingTracker::typingSendsActiveOnce()
{
    ManualClock clock;
    ComposingTracker t;
    QCOMPARE(t.typed(clock.now()), Send::Active);
    QCOMPARE(t.localState(), ComposingState::Active);
    clock.advance(2s);
    QCOMPARE(t.typed(clock.now()), Send::Nothing);
    QCOMPARE(t.advertisedRefreshSeconds(), 90);
}

void TestComposingTracker::idleTimeoutSendsIdle()
{
    ManualClock clock;
    ComposingTracker t;
    t.typed(clock.now());
    QCOMPARE(*t.nextDeadline(), clock.now() + 15s);
    clock.advance(14s);
    QCOMPARE(t.expire(clock.now()).send, Send::Nothing);
    QCOMPARE(t.localState(), ComposingState::Active);
    clock.advance(1s);
    QCOMPARE(t.expire(clock.now()).send, Send::Idle);
    QCOMPARE(t.localState(), ComposingState::Idle);
    QVERIFY(!t.nextDeadline());
    // Typing again starts a new active period.
    QCOMPARE(t.typed(clock.now()), Send::Active);
}

void TestComposingTracker::typingRestartsIdleTimer()
{
    ManualClock clock;
    ComposingTracker t;
    t.typed(clock.now());
    clock.advance(10s);
    t.typed(clock.now());
    clock.advance(10s); // 20 s after the first key, 10 s after the last
    QCOMPARE(t.expire(clock.now()).send, Send::Nothing);
    QCOMPARE(t.localState(), ComposingState::Active);
    clock.advance(5s);
    QCOMPARE(t.expire(clock.now()).send, Send::Idle);
}

void TestComposingTracker::activeIsRefreshedWhileTyping()
{
    ManualClock clock;
    ComposingTracker t;
    t.typed(clock.now());
    // Keep typing every 10 s: the idle timer never runs out; after 60 s (two thirds of the
    // advertised 90 s) the active state is sent again, then 60 s after that.
    int refreshes = 0;
    for (int second = 10; second <= 130; second += 10) {
        clock.advance(10s);
        t.typed(clock.now());
        const auto e = t.expire(clock.now());
        QVERIFY(e.send != Send::Idle);
        if (e.send == Send::Active) {
            ++refreshes;
            QVERIFY2(second == 60 || second == 120, qPrintable(QString::number(second)));
        }
    }
    QCOMPARE(refreshes, 2);
}

void TestComposingTracker::stoppedSendsIdleOnlyWhenActive()
{
    ManualClock clock;
    ComposingTracker t;
    QCOMPARE(t.stopped(), Send::Nothing);
    t.typed(clock.now());
    QCOMPARE(t.stopped(), Send::Idle);
    QCOMPARE(t.localState(), ComposingState::Idle);
    QCOMPARE(t.stopped(), Send::Nothing);
    QVERIFY(!t.nextDeadline());
}

void TestComposingTracker::sentMessageEndsComposingSilently()
{
    ManualClock clock;
    ComposingTracker t;
    t.typed(clock.now());
    t.messageSent();
    QCOMPARE(t.localState(), ComposingState::Idle);
    clock.advance(20s);
    QCOMPARE(t.expire(clock.now()).send, Send::Nothing); // no idle after the message
}

void TestComposingTracker::remoteActiveLapses_data()
{
    QTest::addColumn<int>("refresh"); // 0: none given
    QTest::addColumn<int>("lapsesAfter");
    QTest::newRow("refresh 30") << 30 << 30;
    QTest::newRow("no refresh: 120 s default") << 0 << 120;
    QTest::newRow("huge refresh capped at 600") << 1000000 << 600;
}

void TestComposingTracker::remoteActiveLapses()
{
    QFETCH(int, refresh);
    QFETCH(int, lapsesAfter);
    ManualClock clock;
    ComposingTracker t;
    const std::optional<int> given = refresh ? std::optional<int>(refresh) : std::nullopt;
    QVERIFY(t.statusReceived(ComposingState::Active, given, clock.now()));
    QCOMPARE(t.remoteState(), ComposingState::Active);
    QCOMPARE(*t.nextDeadline(), clock.now() + std::chrono::seconds(lapsesAfter));
    clock.advance(std::chrono::seconds(lapsesAfter - 1));
    QVERIFY(!t.expire(clock.now()).remoteChanged);
    clock.advance(1s);
    const auto e = t.expire(clock.now());
    QVERIFY(e.remoteChanged);
    QCOMPARE(e.send, Send::Nothing);
    QCOMPARE(t.remoteState(), ComposingState::Idle);
    QVERIFY(!t.nextDeadline());
}

void TestComposingTracker::remoteIdleAndContentEndActive()
{
    ManualClock clock;
    ComposingTracker t;
    QVERIFY(!t.statusReceived(ComposingState::Idle, std::nullopt, clock.now()));
    QVERIFY(t.statusReceived(ComposingState::Active, 60, clock.now()));
    QVERIFY(t.statusReceived(ComposingState::Idle, std::nullopt, clock.now()));
    QCOMPARE(t.remoteState(), ComposingState::Idle);
    QVERIFY(t.statusReceived(ComposingState::Active, 60, clock.now()));
    QVERIFY(t.contentReceived());
    QCOMPARE(t.remoteState(), ComposingState::Idle);
    QVERIFY(!t.contentReceived());
}

void TestComposingTracker::remoteRefreshExtends()
{
    ManualClock clock;
    ComposingTracker t;
    t.statusReceived(ComposingState::Active, 60, clock.now());
    clock.advance(50s);
    // A refresh is no change of state, but moves the lapse.
    QVERIFY(!t.statusReceived(ComposingState::Active, 60, clock.now()));
    clock.advance(50s);
    QVERIFY(!t.expire(clock.now()).remoteChanged);
    QCOMPARE(t.remoteState(), ComposingState::Active);
    clock.advance(10s);
    QVERIFY(t.expire(clock.now()).remoteChanged);
}

void TestComposingTracker::nextDeadlineIsEarliest()
{
    ManualClock clock;
    ComposingTracker t;
    t.statusReceived(ComposingState::Active, 5, clock.now());
    t.typed(clock.now());
    QCOMPARE(*t.nextDeadline(), clock.now() + 5s);
    clock.advance(5s);
    const auto e = t.expire(clock.now());
    QVERIFY(e.remoteChanged);
    QCOMPARE(e.send, Send::Nothing);
    QCOMPARE(*t.nextDeadline(), clock.now() + 10s); // the local idle timeout is left
}

QTEST_GUILESS_MAIN(TestComposingTracker)
#include "tst_composingtracker.moc"
