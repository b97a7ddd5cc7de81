// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Signals reach the event loop as Qt signals, in the order raised; one watcher at a time;
// the previous dispositions come back when the watcher goes.

#include "app/common/unixsignalwatcher.h"

#include <QSignalSpy>
#include <QTest>

#include <signal.h>

using herald::app::UnixSignalWatcher;

namespace {
constexpr int waitMs = 5000;

// The handler function currently installed for a signal (QtTest installs its own for some).
void (*currentHandler(int signalNumber))(int)
{
    struct sigaction current = {};
    ::sigaction(signalNumber, nullptr, &current);
    return current.sa_handler;
}
} // namespace

class TestUnixSignalWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversSignal_data();
    void deliversSignal();
    void deliversSeveralInOrder();
    void oneWatcherAtATime();
    void restoresPreviousHandlers();
};

void TestUnixSignalWatcher::deliversSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<bool>("isTermination");
    QTest::newRow("SIGTERM") << SIGTERM << true;
    QTest::newRow("SIGINT") << SIGINT << true;
    QTest::newRow("SIGHUP") << SIGHUP << false;
}

void TestUnixSignalWatcher::deliversSignal()
{
    QFETCH(int, signalNumber);
    QFETCH(bool, isTermination);

    UnixSignalWatcher watcher;
    QVERIFY(watcher.install());
    QVERIFY(watcher.isInstalled());
    QSignalSpy termination(&watcher, &UnixSignalWatcher::terminationRequested);
    QSignalSpy hangup(&watcher, &UnixSignalWatcher::hangupReceived);

    // raise() runs the handler synchronously; the Qt signal must wait for the event loop.
    QCOMPARE(::raise(signalNumber), 0);
    QCOMPARE(termination.count() + hangup.count(), 0);

    QSignalSpy &expected = isTermination ? termination : hangup;
    QSignalSpy &other = isTermination ? hangup : termination;
    QVERIFY(expected.wait(waitMs));
    QCOMPARE(expected.count(), 1);
    QCOMPARE(other.count(), 0);
    if (isTermination)
        QCOMPARE(termination.at(0).at(0).toInt(), signalNumber);
}

void TestUnixSignalWatcher::deliversSeveralInOrder()
{
    UnixSignalWatcher watcher;
    QVERIFY(watcher.install());
    QSignalSpy termination(&watcher, &UnixSignalWatcher::terminationRequested);
    QCOMPARE(::raise(SIGINT), 0);
    QCOMPARE(::raise(SIGTERM), 0);
    QTRY_COMPARE_WITH_TIMEOUT(termination.count(), 2, waitMs);
    QCOMPARE(termination.at(0).at(0).toInt(), SIGINT);
    QCOMPARE(termination.at(1).at(0).toInt(), SIGTERM);
}

void TestUnixSignalWatcher::oneWatcherAtATime()
{
    UnixSignalWatcher first;
    QVERIFY(first.install());
    {
        UnixSignalWatcher second;
        const auto installed = second.install();
        QVERIFY(!installed);
        QCOMPARE(installed.error().code, herald::ErrorCode::Conflict);
        QVERIFY(!second.isInstalled());
    }
    // The refused one did not disturb the first.
    QSignalSpy hangup(&first, &UnixSignalWatcher::hangupReceived);
    QCOMPARE(::raise(SIGHUP), 0);
    QVERIFY(hangup.wait(waitMs));
}

void TestUnixSignalWatcher::restoresPreviousHandlers()
{
    const int signalNumbers[] = {SIGTERM, SIGINT, SIGHUP};
    QList<void (*)(int)> before;
    for (int signalNumber : signalNumbers)
        before.append(currentHandler(signalNumber));
    {
        UnixSignalWatcher watcher;
        QVERIFY(watcher.install());
        for (qsizetype i = 0; i < before.size(); ++i)
            QVERIFY(currentHandler(signalNumbers[i]) != before.at(i));
    }
    for (qsizetype i = 0; i < before.size(); ++i)
        QVERIFY(currentHandler(signalNumbers[i]) == before.at(i));
    // And a new watcher can take over after the old one is gone.
    UnixSignalWatcher next;
    QVERIFY(next.install());
}

QTEST_GUILESS_MAIN(TestUnixSignalWatcher)
#include "tst_unixsignalwatcher.moc"
