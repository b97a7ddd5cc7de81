// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/store/commitbatcher.h"

#include "storetestdata.h"

#include <QSignalSpy>
#include <QTest>

#include <set>

using namespace herald;
using namespace herald::store;
using herald::store::test::makeCall;

namespace {

// A GroupWriter that remembers each group and can be told to fail one or to answer
// NotFound for one record.
class FakeWriter final : public GroupWriter
{
public:
    Result<void> writeGroup(std::span<PendingRecord> group) override
    {
        ++calls;
        QList<Ticket> tickets;
        for (PendingRecord &record : group) {
            if (record.result)
                continue; // refused up front: not the writer's
            tickets.append(record.ticket);
            if (record.ticket == notFoundTicket)
                record.result = tl::unexpected(makeError(ErrorCode::NotFound, QStringLiteral("x")));
            else
                record.result = AppendOutcome::Stored;
        }
        groups.append(tickets);
        if (calls == failGroup)
            return fail(ErrorCode::Io, QStringLiteral("disk I/O error"));
        for (Ticket t : tickets)
            committed.insert(t);
        return {};
    }

    int calls = 0;
    int failGroup = 0; // 1-based writeGroup call to fail; 0 = none
    Ticket notFoundTicket = 0;
    QList<QList<Ticket>> groups;
    std::set<Ticket> committed;
};

struct Delivery
{
    Ticket ticket;
    Result<AppendOutcome> result;
    bool wasCommitted;
};

} // namespace

class TestCommitBatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupsPerTurn_data();
    void groupsPerTurn();
    void failedGroupFailsEveryRecordInIt();
    void refusedRecordKeepsItsPlace();
    void perRecordErrorIsNotAGroupFailure();
    void flushNowDeliversSynchronously();
    void appendFromCallbackIsDeliveredLater();
};

void TestCommitBatcher::groupsPerTurn_data()
{
    QTest::addColumn<int>("appends");
    QTest::addColumn<int>("maxGroup");
    QTest::addColumn<QList<int>>("groupSizes");

    QTest::newRow("one") << 1 << 10 << QList<int>{1};
    QTest::newRow("exactly full") << 10 << 10 << QList<int>{10};
    QTest::newRow("one over") << 11 << 10 << QList<int>{10, 1};
    QTest::newRow("1000 by 256") << 1000 << 256 << QList<int>{256, 256, 256, 232};
    QTest::newRow("1000 in one") << 1000 << 1000 << QList<int>{1000};
    QTest::newRow("group of one") << 3 << 1 << QList<int>{1, 1, 1};
}

void TestCommitBatcher::groupsPerTurn()
{
    QFETCH(int, appends);
    QFETCH(int, maxGroup);
    QFETCH(QList<int>, groupSizes);

    FakeWriter writer;
    CommitBatcher batcher(writer, maxGroup);
    QSignalSpy committedSpy(&batcher, &CommitBatcher::groupCommitted);
    QList<Delivery> deliveries;
    QList<Ticket> tickets;
    for (int i = 0; i < appends; ++i) {
        tickets.append(0); // filled in below: callbacks only run after enqueue() returned
        const Ticket ticket =
            batcher.enqueue(makeCall("c" + QByteArray::number(i)),
                            [&deliveries, &writer, &tickets, i](auto result) {
                                const Ticket t = tickets.at(i);
                                deliveries.append({t, result, writer.committed.count(t) == 1});
                            });
        tickets[i] = ticket;
        // Never from inside enqueue(), even when enqueue() wrote a full group.
        QCOMPARE(deliveries.size(), 0);
    }
    QTRY_COMPARE_WITH_TIMEOUT(deliveries.size(), appends, 5000);

    QList<int> sizes;
    for (const auto &group : writer.groups)
        sizes.append(int(group.size()));
    QCOMPARE(sizes, groupSizes);
    QCOMPARE(batcher.statistics().transactions, quint64(groupSizes.size()));
    QCOMPARE(batcher.statistics().recordsStored, quint64(appends));
    QCOMPARE(committedSpy.size(), groupSizes.size());
    QCOMPARE(committedSpy.last().at(1).toULongLong(), tickets.last());

    for (int i = 0; i < appends; ++i) {
        QCOMPARE(deliveries[i].ticket, tickets[i]); // in ticket order
        QVERIFY(deliveries[i].wasCommitted);        // after its group was written
        QVERIFY(deliveries[i].result.has_value());
        QCOMPARE(*deliveries[i].result, AppendOutcome::Stored);
    }
    for (int i = 1; i < appends; ++i)
        QVERIFY(tickets[i] > tickets[i - 1]);
}

void TestCommitBatcher::failedGroupFailsEveryRecordInIt()
{
    FakeWriter writer;
    writer.failGroup = 2;
    CommitBatcher batcher(writer, 4);
    QSignalSpy failedSpy(&batcher, &CommitBatcher::groupFailed);
    QList<std::pair<Ticket, bool>> results;
    for (int i = 0; i < 10; ++i) {
        batcher.enqueue(makeCall("c" + QByteArray::number(i)), [&results, i](auto result) {
            results.append({Ticket(i + 1), result.has_value()});
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 10, 5000);

    QCOMPARE(writer.groups.size(), 3);
    for (const auto &[ticket, ok] : results) {
        const bool inFailedGroup = ticket >= 5 && ticket <= 8;
        QCOMPARE(ok, !inFailedGroup);
    }
    QCOMPARE(failedSpy.size(), 1);
    QCOMPARE(failedSpy.at(0).at(0).toULongLong(), quint64(5));
    QCOMPARE(failedSpy.at(0).at(1).toULongLong(), quint64(8));
    QCOMPARE(failedSpy.at(0).at(2).value<Error>().code, ErrorCode::Io);
    QCOMPARE(batcher.statistics().failedGroups, quint64(1));
    QCOMPARE(batcher.statistics().recordsFailed, quint64(4));
    QCOMPARE(batcher.statistics().transactions, quint64(2));
}

void TestCommitBatcher::refusedRecordKeepsItsPlace()
{
    FakeWriter writer;
    CommitBatcher batcher(writer, 100);
    QList<QString> order;
    const auto note = [&order](const char *name) {
        return [&order, name](Result<AppendOutcome> result) {
            order.append(QLatin1String(name) +
                         (result ? QStringLiteral(":ok") : QStringLiteral(":refused")));
        };
    };
    batcher.enqueue(makeCall("a"), note("a"));
    batcher.enqueue(makeCall("b"), note("b"),
                    makeError(ErrorCode::InvalidArgument, QStringLiteral("no id")));
    batcher.enqueue(makeCall("c"), note("c"));
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 3, 5000);
    QCOMPARE(order, (QList<QString>{QStringLiteral("a:ok"), QStringLiteral("b:refused"),
                                    QStringLiteral("c:ok")}));
    QCOMPARE(writer.groups, (QList<QList<Ticket>>{{1, 3}}));

    // A group of refused records only costs no transaction at all.
    order.clear();
    batcher.enqueue(makeCall("d"), note("d"),
                    makeError(ErrorCode::InvalidArgument, QStringLiteral("no id")));
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 1, 5000);
    QCOMPARE(writer.calls, 1);
    QCOMPARE(batcher.statistics().transactions, quint64(1));
    QCOMPARE(batcher.statistics().recordsFailed, quint64(2));
}

void TestCommitBatcher::perRecordErrorIsNotAGroupFailure()
{
    FakeWriter writer;
    writer.notFoundTicket = 2;
    CommitBatcher batcher(writer, 100);
    QSignalSpy failedSpy(&batcher, &CommitBatcher::groupFailed);
    QList<Result<AppendOutcome>> results;
    for (int i = 0; i < 3; ++i)
        batcher.enqueue(makeCall("c" + QByteArray::number(i)),
                        [&results](auto result) { results.append(result); });
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, 5000);
    QVERIFY(results[0].has_value());
    QVERIFY(!results[1].has_value());
    QCOMPARE(results[1].error().code, ErrorCode::NotFound);
    QVERIFY(results[2].has_value());
    QCOMPARE(failedSpy.size(), 0);
    QCOMPARE(batcher.statistics().transactions, quint64(1));
}

void TestCommitBatcher::flushNowDeliversSynchronously()
{
    FakeWriter writer;
    CommitBatcher batcher(writer, 100);
    int delivered = 0;
    for (int i = 0; i < 5; ++i)
        batcher.enqueue(makeCall("c" + QByteArray::number(i)), [&delivered](auto) { ++delivered; });
    QCOMPARE(delivered, 0);
    batcher.flushNow();
    QCOMPARE(delivered, 5);
    QCOMPARE(writer.calls, 1);
    QCOMPARE(batcher.pendingCount(), 0);
}

void TestCommitBatcher::appendFromCallbackIsDeliveredLater()
{
    FakeWriter writer;
    CommitBatcher batcher(writer, 100);
    QList<QByteArray> order;
    batcher.enqueue(makeCall("first"), [&](auto) {
        order.append("first");
        // The engine writes "acknowledged" once a text is durable: that append must
        // neither run its callback here nor jump ahead of records already queued.
        batcher.enqueue(makeCall("from-callback"), [&](auto) { order.append("from-callback"); });
        QCOMPARE(order.size(), 1);
    });
    batcher.enqueue(makeCall("second"), [&](auto) { order.append("second"); });
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 3, 5000);
    QCOMPARE(order, (QList<QByteArray>{"first", "second", "from-callback"}));
    QCOMPARE(writer.calls, 2);
}

QTEST_GUILESS_MAIN(TestCommitBatcher)
#include "tst_commitbatcher.moc"
