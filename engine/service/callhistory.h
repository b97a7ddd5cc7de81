// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/store/records.h"
#include "engine/store/transcriptexport.h"

#include <QDateTime>
#include <QList>
#include <QPointer>

namespace herald::store {
class Store;
}

namespace herald::service {

// Which stored calls to list: newest first, `limit` of them after skipping `offset`.
struct HistoryQuery
{
    int offset = 0;
    int limit = 50;        // at most maxLimit
    QDateTime startedFrom; // inclusive; invalid = no bound
    QDateTime startedTo;   // exclusive; invalid = no bound

    static constexpr int maxLimit = 1000;
};

// One page of calls. A call still live is listed too (endedAt invalid). A call that was live
// when an earlier run of Herald died is ended when the engine starts again: state "Ended",
// endReason "restart", its open MSRP sessions ended (with an i3 MediaEndLogEvent) at that
// time. Page-mode MESSAGEs (RFC 3428) are listed as calls too, ended, endReason "page mode":
// an incoming one under its SIP Call-ID (MESSAGEs sharing a Call-ID are one entry, from the
// first to the last), an outgoing one as an entry of its own that learns its Call-ID from
// the response; a MESSAGE inside the dialog of a live call joins that call's transcript.
struct HistoryPage
{
    QList<store::CallRecord> calls;
    int offset = 0;       // as asked
    bool hasMore = false; // another page follows
};

// A stored call with its MSRP sessions and every message in the order it was stored
// (incoming and outgoing texts, page-mode MESSAGEs, file references).
struct CallTranscript
{
    store::CallRecord call;
    QList<store::SessionRecord> sessions;
    QList<store::MessageRecord> messages;
};

// What the console and the REST API read about past calls (issue #7 item 4): whatever the
// store holds, so the calls and transcripts of earlier runs are there after a restart. A
// small value over the engine's store, got from Engine::history(); use it right away, do
// not keep it. While the engine is stopped its store is closed and reads fail (Io); without a
// store (--no-store) they fail with Unsupported.
//
// Call ids are the store's (Engine::storeCallId() of a live call, CallRecord::id).
class CallHistory
{
public:
    explicit CallHistory(const store::Store *store);

    Result<HistoryPage> calls(const HistoryQuery &query = {}) const;
    // NotFound for an id the store does not know.
    Result<CallTranscript> transcript(const QByteArray &callId) const;
    // The transcript as a file an operator can hand on (JSON or CSV, see transcriptexport.h).
    Result<QByteArray> exportTranscript(const QByteArray &callId,
                                        store::TranscriptFormat format) const;

private:
    Result<const store::Store *> readable() const;

    QPointer<const store::Store> m_store;
};

} // namespace herald::service
