// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/callhistory.h"

#include "engine/store/store.h"

#include <algorithm>

namespace herald::service {

CallHistory::CallHistory(const store::Store *store)
    : m_store(store)
{}

Result<const store::Store *> CallHistory::readable() const
{
    if (!m_store)
        return fail(ErrorCode::Unsupported,
                    QStringLiteral("no call history: Herald runs without a store"));
    return m_store.data();
}

Result<HistoryPage> CallHistory::calls(const HistoryQuery &query) const
{
    const auto store = readable();
    if (!store)
        return tl::unexpected(store.error());
    if (query.offset < 0 || query.limit < 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("history paging needs offset >= 0 and limit >= 0"));
    const int limit = std::min(query.limit, HistoryQuery::maxLimit);
    store::CallQuery q;
    q.startedFrom = query.startedFrom;
    q.startedTo = query.startedTo;
    q.offset = query.offset;
    // One more than asked tells whether another page follows without counting them all.
    q.limit = limit + 1;
    auto calls = (*store)->calls(q);
    if (!calls)
        return tl::unexpected(calls.error());
    HistoryPage page;
    page.offset = query.offset;
    page.hasMore = calls->size() > limit;
    if (page.hasMore)
        calls->resize(limit);
    page.calls = std::move(*calls);
    return page;
}

Result<CallTranscript> CallHistory::transcript(const QByteArray &callId) const
{
    const auto store = readable();
    if (!store)
        return tl::unexpected(store.error());
    auto call = (*store)->call(callId);
    if (!call)
        return tl::unexpected(call.error());
    if (!call->has_value())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("no stored call \"%1\"").arg(QString::fromUtf8(callId)));
    auto sessions = (*store)->sessions(callId);
    if (!sessions)
        return tl::unexpected(sessions.error());
    auto messages = (*store)->transcript(callId);
    if (!messages)
        return tl::unexpected(messages.error());
    CallTranscript transcript;
    transcript.call = std::move(**call);
    transcript.sessions = std::move(*sessions);
    transcript.messages = std::move(*messages);
    return transcript;
}

Result<QByteArray> CallHistory::exportTranscript(const QByteArray &callId,
                                                 store::TranscriptFormat format) const
{
    const auto store = readable();
    if (!store)
        return tl::unexpected(store.error());
    return store::exportTranscript(**store, callId, format);
}

} // namespace herald::service
