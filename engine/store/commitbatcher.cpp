// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/store/commitbatcher.h"

#include "engine/store/storelogging.h"

#include <QElapsedTimer>

#include <algorithm>
#include <vector>

namespace herald::store {

CommitBatcher::CommitBatcher(GroupWriter &writer, qsizetype maxGroupSize, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_maxGroupSize(std::max<qsizetype>(1, maxGroupSize))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &CommitBatcher::onTimer);
}

CommitBatcher::~CommitBatcher() = default;

Ticket CommitBatcher::enqueue(Record record, DurableCallback callback,
                              std::optional<Error> rejection)
{
    PendingRecord pending;
    pending.ticket = m_nextTicket++;
    pending.record = std::move(record);
    pending.callback = std::move(callback);
    if (rejection)
        pending.result = tl::unexpected(std::move(*rejection));
    const Ticket ticket = pending.ticket;
    m_pending.push_back(std::move(pending));

    // A full group is written at once, so a flood neither grows a transaction without
    // bound nor waits for the end of a long event-loop turn; its callbacks still wait for
    // the loop.
    if (pendingCount() >= m_maxGroupSize)
        writePending();
    if (!m_timer.isActive())
        m_timer.start();
    return ticket;
}

void CommitBatcher::flushNow()
{
    m_timer.stop();
    writePending();
    deliverDone();
}

void CommitBatcher::onTimer()
{
    // Acknowledge groups already durable before spending an fsync on the next one.
    deliverDone();
    writePending();
    deliverDone();
}

void CommitBatcher::writePending()
{
    while (!m_pending.empty()) {
        const auto take = std::min<qsizetype>(pendingCount(), m_maxGroupSize);
        DoneGroup group;
        group.records.assign(std::make_move_iterator(m_pending.begin()),
                             std::make_move_iterator(m_pending.begin() + take));
        m_pending.erase(m_pending.begin(), m_pending.begin() + take);
        group.firstTicket = group.records.front().ticket;
        group.lastTicket = group.records.back().ticket;

        std::vector<bool> refused;
        refused.reserve(group.records.size());
        for (const PendingRecord &record : group.records)
            refused.push_back(record.result.has_value());
        if (std::find(refused.begin(), refused.end(), false) != refused.end()) {
            QElapsedTimer took;
            took.start();
            const Result<void> written = m_writer.writeGroup(group.records);
            m_statistics.recordCommitLatency(static_cast<double>(took.nsecsElapsed()) / 1e9);
            if (written) {
                ++m_statistics.transactions;
                m_statistics.largestGroup = std::max(m_statistics.largestGroup, take);
            } else {
                ++m_statistics.failedGroups;
                group.error = written.error();
                // Nothing of the group is durable: every record it wrote hears so, whatever
                // the writer had noted for it before the failure.
                for (std::size_t i = 0; i < group.records.size(); ++i) {
                    if (!refused[i])
                        group.records[i].result = tl::unexpected(written.error());
                }
                qCWarning(lcStore)
                    << "group of" << take << "records failed:" << written.error().detail;
            }
        }
        for (PendingRecord &record : group.records) {
            Q_ASSERT(record.result);
            if (!record.result) // a writer that forgot one: never report it durable
                record.result =
                    tl::unexpected(makeError(ErrorCode::Io, QStringLiteral("record not written")));
            if (!*record.result)
                ++m_statistics.recordsFailed;
            else if (**record.result == AppendOutcome::AlreadyStored)
                ++m_statistics.duplicates;
            else
                ++m_statistics.recordsStored;
        }
        m_done.push_back(std::move(group));
    }
}

void CommitBatcher::deliverDone()
{
    // A callback may append or flush again (re-entering here): take each record out before
    // calling it and look at the front again afterwards, so nothing runs twice or out of
    // order.
    while (!m_done.empty()) {
        DoneGroup &front = m_done.front();
        if (front.delivered == front.records.size()) {
            DoneGroup group = std::move(front);
            m_done.pop_front();
            if (group.error)
                Q_EMIT groupFailed(group.firstTicket, group.lastTicket, *group.error);
            else
                Q_EMIT groupCommitted(group.firstTicket, group.lastTicket);
            continue;
        }
        PendingRecord record = std::move(front.records[front.delivered++]);
        if (record.callback)
            record.callback(std::move(*record.result));
    }
}

} // namespace herald::store
