// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/durablerecorder.h"

#include "engine/core/clock.h"
#include "engine/core/logging.h"
#include "engine/service/callmanager.h"
#include "engine/service/durablegate.h"

#include <QMetaEnum>

namespace herald::service {

namespace {

QString stateName(CallState state)
{
    return QString::fromLatin1(QMetaEnum::fromType<CallState>().valueToKey(int(state)));
}

} // namespace

DurableRecorder::DurableRecorder(CallManager &calls, store::Store &store, const Clock &clock,
                                 RandomSource &random, QObject *parent)
    : QObject(parent)
    , m_calls(&calls)
    , m_store(&store)
    , m_clock(clock)
    , m_ids(random)
{
    connect(&calls, &CallManager::callOffered, this, &DurableRecorder::track);
    connect(&calls, &CallManager::callPlaced, this, &DurableRecorder::track);
    connect(&calls, &CallManager::callEnded, this, &DurableRecorder::onCallEnded);
    calls.setMessageAdmitter(
        [this](const sip::IncomingRequest &message, std::function<void(Result<void>)> done) {
            admitPageMessage(message, std::move(done));
        });
}

DurableRecorder::~DurableRecorder()
{
    if (m_calls)
        m_calls->setMessageAdmitter({});
}

void DurableRecorder::append(store::Record record)
{
    // A closed or failed store refuses everything; the call events of a stopping engine are
    // not worth an alarm of their own.
    if (!m_store || !m_store->healthy())
        return;
    m_store->append(std::move(record), [](Result<store::AppendOutcome> stored) {
        if (!stored)
            qCWarning(lcService) << "call event not stored:" << stored.error().detail;
    });
}

void DurableRecorder::track(Call *call)
{
    if (!m_store)
        return;
    Tracked tracked;
    tracked.recordId = m_ids.alphanumeric(20);
    const Call::Id id = call->id();

    store::CallRecord record;
    record.id = tracked.recordId;
    record.sipCallId = call->sipCallId();
    record.direction = call->direction() == CallDirection::Inbound ? store::Direction::Incoming
                                                                   : store::Direction::Outgoing;
    record.localUri = QString::fromUtf8(call->localUri());
    record.remoteUri = QString::fromUtf8(call->remoteUri());
    record.startedAt = m_clock.wallNow().toUTC();
    record.state = stateName(call->state());
    append(std::move(record));

    // Installed before the call is answered or the session bound, so no text can arrive
    // ungated.
    if (msrp::Session *session = call->session())
        new DurableGate(*m_store, m_clock, tracked.recordId, *session);
    m_tracked.insert(id, tracked);

    connect(call, &Call::stateChanged, this,
            [this, id](CallState state) { onStateChanged(id, state); });
    connect(call, &Call::sessionStateChanged, this,
            [this, call](msrp::SessionState state) { onSessionStateChanged(call, state); });
}

void DurableRecorder::onStateChanged(Call::Id id, CallState state)
{
    const auto it = m_tracked.constFind(id);
    if (it == m_tracked.constEnd() || isFinal(state))
        return; // the end is written by onCallEnded, with its reason
    store::CallUpdate update;
    update.callId = it->recordId;
    update.state = stateName(state);
    append(std::move(update));
}

void DurableRecorder::onSessionStateChanged(Call *call, msrp::SessionState state)
{
    const auto it = m_tracked.find(call->id());
    msrp::Session *session = call->session();
    if (it == m_tracked.end() || !session)
        return;
    if (state == msrp::SessionState::Active && it->sessionId.isEmpty()) {
        store::SessionRecord record;
        record.id = session->id();
        record.callId = it->recordId;
        record.msrpSessionId = session->id();
        record.localPath = QString::fromUtf8(session->localUriText());
        record.remotePath = QString::fromUtf8(session->remotePathText());
        record.startedAt = m_clock.wallNow().toUTC();
        // Who offered the session: the peer for an inbound call.
        record.direction = call->direction() == CallDirection::Inbound ? store::Direction::Incoming
                                                                       : store::Direction::Outgoing;
        it->sessionId = record.id;
        append(std::move(record));
    } else if ((state == msrp::SessionState::Closed || state == msrp::SessionState::Failed) &&
               !it->sessionId.isEmpty() && !it->sessionEnded) {
        store::SessionEnd end;
        end.sessionId = it->sessionId;
        end.endedAt = m_clock.wallNow().toUTC();
        end.reason = session->closeReason();
        it->sessionEnded = true;
        append(std::move(end));
    }
}

void DurableRecorder::onCallEnded(Call *call)
{
    const Tracked tracked = m_tracked.take(call->id());
    if (tracked.recordId.isEmpty())
        return;
    const QDateTime now = m_clock.wallNow().toUTC();
    if (!tracked.sessionId.isEmpty() && !tracked.sessionEnded) {
        store::SessionEnd end;
        end.sessionId = tracked.sessionId;
        end.endedAt = now;
        end.reason = QStringLiteral("call ended");
        append(std::move(end));
    }
    store::CallUpdate update;
    update.callId = tracked.recordId;
    update.state = stateName(call->state());
    update.endedAt = now;
    if (!call->failureReason().isEmpty())
        update.endReason = QString::fromUtf8(call->failureReason());
    append(std::move(update));
}

store::MessageRecord DurableRecorder::recordFor(const sip::IncomingRequest &message, QByteArray id,
                                                const QDateTime &receivedAt)
{
    store::MessageRecord record;
    record.id = std::move(id);
    // RFC 3428 §4: a page-mode MESSAGE outside a dialog is its own exchange; its Call-ID
    // names it in the store.
    record.callId =
        message.callId.isEmpty() ? QByteArrayLiteral("page:") + record.id : message.callId;
    record.direction = store::Direction::Incoming;
    record.contentType = QString::fromUtf8(message.contentType);
    if (message.contentType.trimmed().toLower().startsWith("text/"))
        record.text = QString::fromUtf8(message.body);
    record.rangeStart = 1;
    record.rangeEnd = message.body.size();
    record.byteSize = message.body.size();
    record.queuedAt = receivedAt;
    record.state = store::MessageState::Received;
    return record;
}

void DurableRecorder::admitPageMessage(const sip::IncomingRequest &message,
                                       std::function<void(Result<void>)> done)
{
    if (!m_store) {
        done(fail(ErrorCode::Io, QStringLiteral("no store to keep the message")));
        return;
    }
    store::MessageRecord record =
        recordFor(message, m_ids.alphanumeric(20), m_clock.wallNow().toUTC());
    // The 200 leaves from the durable callback only (DESIGN.md §2); CallManager may be gone
    // by then (engine shutdown), and then nobody answers.
    m_store->append(std::move(record),
                    [calls = m_calls, done = std::move(done)](Result<store::AppendOutcome> stored) {
                        if (!calls)
                            return;
                        if (!stored)
                            done(tl::unexpected(stored.error()));
                        else
                            done({});
                    });
}

} // namespace herald::service
