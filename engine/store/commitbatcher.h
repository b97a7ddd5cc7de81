// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/store/store.h"

#include <QObject>
#include <QTimer>

#include <deque>
#include <optional>
#include <span>
#include <vector>

namespace herald::store {

// One append on its way to disk.
struct PendingRecord
{
    Ticket ticket = 0;
    Record record;
    DurableCallback callback;
    // Set before the write for a record refused up front (validation), and by the
    // GroupWriter for every record it wrote.
    std::optional<Result<AppendOutcome>> result;
};

// Writes one group of records as one transaction.
class GroupWriter
{
public:
    virtual ~GroupWriter() = default;
    // Writes every record of the group whose result is unset, then commits. On success it
    // sets each such record's result (Stored, AlreadyStored, or a per-record error such as
    // NotFound for an update of an unknown row). On failure nothing of the group is durable
    // and the error is what every record of the group will be told.
    virtual Result<void> writeGroup(std::span<PendingRecord> group) = 0;
};

// Groups appends into transactions ("durable before acknowledged", DESIGN.md §2). A group
// is written on the next event-loop turn (a zero timer) or as soon as it holds
// maxGroupSize records. Callbacks run later, from the event loop or flushNow(), in ticket
// order and never from inside enqueue(), so a caller never sees its callback before
// enqueue() has returned its ticket.
class CommitBatcher : public QObject
{
    Q_OBJECT
public:
    CommitBatcher(GroupWriter &writer, qsizetype maxGroupSize, QObject *parent = nullptr);
    ~CommitBatcher() override;

    // rejection: an error to report instead of writing (the record keeps its place in order).
    Ticket enqueue(Record record, DurableCallback callback,
                   std::optional<Error> rejection = std::nullopt);
    // Writes what is queued and runs every callback due, now.
    void flushNow();

    qsizetype pendingCount() const { return static_cast<qsizetype>(m_pending.size()); }
    qsizetype maxGroupSize() const { return m_maxGroupSize; }
    const StoreStatistics &statistics() const { return m_statistics; }

Q_SIGNALS:
    // After the callbacks of a committed group ran.
    void groupCommitted(quint64 firstTicket, quint64 lastTicket);
    // After the callbacks of a failed group ran.
    void groupFailed(quint64 firstTicket, quint64 lastTicket, const herald::Error &error);

private:
    struct DoneGroup
    {
        std::vector<PendingRecord> records;
        std::size_t delivered = 0; // records whose callback has been taken out
        Ticket firstTicket = 0;
        Ticket lastTicket = 0;
        std::optional<Error> error;
    };

    void onTimer();
    void writePending();
    void deliverDone();

    GroupWriter &m_writer;
    const qsizetype m_maxGroupSize;
    QTimer m_timer;
    Ticket m_nextTicket = 1;
    std::deque<PendingRecord> m_pending;
    std::deque<DoneGroup> m_done;
    StoreStatistics m_statistics;
};

} // namespace herald::store
