// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// BoundedHistory, the per-key ring the Lab view's recordings keep (MSRP frames per session,
// SIP messages per call): the newest items of each key, the most recently active keys, and
// never the key being shown forgotten.

#include "ui/models/boundedhistory.h"

#include <QByteArray>
#include <QTest>

#include <vector>

using herald::ui::BoundedHistory;

class TestBoundedHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsNewestItems_data();
    void keepsNewestItems();
    void forgetsQuietestKey();
    void neverForgetsKeptKey();
};

void TestBoundedHistory::keepsNewestItems_data()
{
    QTest::addColumn<int>("perKey");
    QTest::addColumn<int>("appended");
    QTest::addColumn<int>("expectedFirst");
    QTest::addColumn<int>("expectedCount");
    QTest::newRow("under the bound") << 5 << 3 << 0 << 3;
    QTest::newRow("exactly the bound") << 5 << 5 << 0 << 5;
    QTest::newRow("past the bound") << 5 << 12 << 7 << 5;
    QTest::newRow("one per key") << 1 << 4 << 3 << 1;
}

void TestBoundedHistory::keepsNewestItems()
{
    QFETCH(int, perKey);
    QFETCH(int, appended);
    QFETCH(int, expectedFirst);
    QFETCH(int, expectedCount);
    BoundedHistory<QByteArray, int> history(perKey, 4);
    for (int i = 0; i < appended; ++i)
        history.append("a", i);
    QCOMPARE(history.count("a"), expectedCount);
    const auto *items = history.find("a");
    QVERIFY(items);
    QCOMPARE(items->front(), expectedFirst);
    QCOMPARE(items->back(), appended - 1);
    QVERIFY(!history.find("b"));
    QCOMPARE(history.count("b"), 0);
}

void TestBoundedHistory::forgetsQuietestKey()
{
    BoundedHistory<QByteArray, int> history(3, 3);
    history.append("a", 1);
    history.append("b", 1);
    history.append("c", 1);
    history.append("a", 2); // a is active again: b is now the quietest
    history.append("d", 1);
    QCOMPARE(history.keyCount(), 3);
    QVERIFY(!history.contains("b"));
    QVERIFY(history.contains("a"));
    QVERIFY(history.contains("c"));
    QVERIFY(history.contains("d"));
    QCOMPARE(history.count("a"), 2);
    history.append("e", 1); // c is the quietest now
    QVERIFY(!history.contains("c"));
    QCOMPARE(history.keyCount(), 3);
}

void TestBoundedHistory::neverForgetsKeptKey()
{
    BoundedHistory<QByteArray, int> history(2, 2);
    history.append("shown", 1);
    history.append("b", 1);
    // "shown" is the quietest, but a view reads it: "b" goes instead.
    history.append("c", 1, "shown");
    QVERIFY(history.contains("shown"));
    QVERIFY(!history.contains("b"));
    QVERIFY(history.contains("c"));
    history.clear();
    QCOMPARE(history.keyCount(), 0);
}

QTEST_GUILESS_MAIN(TestBoundedHistory)
#include "tst_boundedhistory.moc"
