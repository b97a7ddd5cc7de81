// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/store/logevents.h"
#include "engine/store/records.h"

#include <QList>
#include <QObject>

#include <array>
#include <functional>
#include <optional>

namespace herald::store {

// What a durable append came to. Both are success: the record is on disk either way.
enum class AppendOutcome {
    Stored,        // written and committed by this append
    AlreadyStored, // an equal record (same id, or same session + Message-ID + byte range)
                   // was already durable: a retransmission, nothing written
};

using Ticket = quint64;
using DurableCallback = std::function<void(Result<AppendOutcome>)>;

// Counters for tests, /metrics and the benchmark.
struct StoreStatistics
{
    quint64 transactions = 0;   // groups committed
    quint64 failedGroups = 0;   // groups whose statements or COMMIT failed
    quint64 recordsStored = 0;  // appends that ended Stored
    quint64 duplicates = 0;     // appends that ended AlreadyStored
    quint64 recordsFailed = 0;  // appends that ended in an error
    qsizetype largestGroup = 0; // most records in one transaction
    // How long each group's write + COMMIT took (the fsync included), failed groups too:
    // a histogram for /metrics. commitLatencyCounts[i] counts groups that took at most
    // commitLatencyBounds[i] seconds and more than the bound before; the last slot counts
    // the slower ones.
    static constexpr std::array<double, 12> commitLatencyBounds = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};
    std::array<quint64, commitLatencyBounds.size() + 1> commitLatencyCounts = {};
    double commitLatencySecondsSum = 0;

    void recordCommitLatency(double seconds)
    {
        std::size_t slot = 0;
        while (slot < commitLatencyBounds.size() && seconds > commitLatencyBounds[slot])
            ++slot;
        ++commitLatencyCounts[slot];
        commitLatencySecondsSum += seconds;
    }
};

struct CallQuery
{
    QDateTime startedFrom; // inclusive; invalid = no bound
    QDateTime startedTo;   // exclusive; invalid = no bound
    int limit = 1000;
    int offset = 0;        // calls skipped (newest first) before the first returned: paging
    bool openOnly = false; // only calls without an end time (live, or left open by a crash)
};

// The durable store the engine writes every text and session event to before it
// acknowledges it (DESIGN.md §2 "Durability": durable before acknowledged).
//
// Appends are grouped: records appended during one event-loop turn (or until a group holds
// maxGroupSize records) are written in one transaction, so texts arriving together cost one
// fsync. Each append's callback runs after its group's COMMIT returned, in ticket order,
// never from inside append(). A failed group (I/O error, disk full, database locked) reports
// an error to every record in it, and the store turns unhealthy: from then on every append
// fails until the store is reopened. A failed commit is never retried behind the caller's
// back, and never reported as success.
//
// Reads see committed records only. All calls happen on the thread that owns the store.
class Store : public QObject
{
    Q_OBJECT
public:
    explicit Store(QObject *parent = nullptr);
    ~Store() override;

    // Queues a record; onDurable (may be empty) runs once it is durable or has failed.
    virtual Ticket append(Record record, DurableCallback onDurable = {}) = 0;
    // Commits whatever is queued now and runs the callbacks due; for shutdown. Returns the
    // store's error when it is unhealthy.
    virtual Result<void> flush() = 0;

    virtual bool healthy() const = 0;
    virtual std::optional<Error> lastError() const = 0;
    virtual StoreStatistics statistics() const = 0;

    // History (reopened after a restart): calls newest first, a call's sessions by start
    // time, its transcript in the order the messages were stored, its i3 log events.
    virtual Result<QList<CallRecord>> calls(const CallQuery &query = {}) const = 0;
    virtual Result<std::optional<CallRecord>> call(const QByteArray &callId) const = 0;
    virtual Result<QList<SessionRecord>> sessions(const QByteArray &callId) const = 0;
    virtual Result<QList<MessageRecord>> transcript(const QByteArray &callId) const = 0;
    // All events of a call in log order; every stored event when callId is empty.
    virtual Result<QList<LogEvent>> logEvents(const QByteArray &callId = {}) const = 0;

Q_SIGNALS:
    // After a group committed: every ticket up to upToTicket has been reported (those that
    // did not fail are durable). Emitted after that group's callbacks ran.
    void durable(quint64 upToTicket);
    // After a group failed, with the tickets it held (firstTicket..lastTicket) and why.
    void groupFailed(quint64 firstTicket, quint64 lastTicket, const herald::Error &error);
    // Once, when the store turns unhealthy: the engine raises an alarm from it.
    void unhealthy(const herald::Error &error);
};

} // namespace herald::store
