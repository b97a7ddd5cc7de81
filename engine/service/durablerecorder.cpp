// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/durablerecorder.h"

#include "engine/core/clock.h"
#include "engine/core/logging.h"
#include "engine/service/callmanager.h"
#include "engine/service/durablegate.h"
#include "engine/service/thirdpartysession.h"

#include <QFileInfo>
#include <QMetaEnum>
#include <QSet>
#include <QUrl>

namespace herald::service {

namespace {

QString stateName(CallState state)
{
    return QString::fromLatin1(QMetaEnum::fromType<CallState>().valueToKey(int(state)));
}

} // namespace

DurableRecorder::DurableRecorder(CallManager &calls, ThirdPartySessions &thirdParty,
                                 store::Store &store, const Clock &clock, RandomSource &random,
                                 QObject *parent)
    : QObject(parent)
    , m_calls(&calls)
    , m_store(&store)
    , m_clock(clock)
    , m_ids(random)
{
    connect(&calls, &CallManager::callOffered, this, &DurableRecorder::track);
    connect(&calls, &CallManager::callPlaced, this, &DurableRecorder::track);
    connect(&calls, &CallManager::callEnded, this, [this](Call *call) {
        finish(call, stateName(call->state()), call->sipCallId(),
               QString::fromUtf8(call->failureReason()), QStringLiteral("call ended"));
    });
    connect(&calls, &CallManager::pageMessageSent, this, &DurableRecorder::onPageMessageSent);
    connect(&calls, &CallManager::pageMessageResponse, this,
            &DurableRecorder::onPageMessageResponse);
    connect(&calls, &CallManager::dialogMessageSent, this, &DurableRecorder::onDialogMessageSent);
    calls.setMessageAdmitter(
        [this](const sip::IncomingRequest &message, std::function<void(Result<void>)> done) {
            admitPageMessage(message, std::move(done));
        });
    connect(&thirdParty, &ThirdPartySessions::sessionCreated, this,
            &DurableRecorder::trackThirdParty);
    connect(&thirdParty, &ThirdPartySessions::sessionEnded, this,
            [this](ThirdPartySession *session, const QString &reason) {
                finish(session, stateName(CallState::Ended), {}, reason, reason);
            });
    for (ThirdPartySession *session : thirdParty.sessions())
        trackThirdParty(session);
}

QByteArray DurableRecorder::callRecordId(Call::Id id) const
{
    return m_calls ? m_tracked.value(m_calls->call(id)).recordId : QByteArray();
}

QByteArray DurableRecorder::callRecordId(const ThirdPartySession *session) const
{
    return m_tracked.value(session).recordId;
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

template<typename Source>
void DurableRecorder::begin(Source *source, store::CallRecord record, msrp::Session *session,
                            store::Direction sessionDirection)
{
    Tracked tracked;
    tracked.recordId = m_ids.alphanumeric(20);
    tracked.sipCallId = record.sipCallId;
    tracked.sessionDirection = sessionDirection;
    tracked.session = session;
    record.id = tracked.recordId;
    record.startedAt = m_clock.wallNow().toUTC();
    append(std::move(record));

    // Installed before the call is answered or the session bound, so no text can arrive
    // ungated.
    if (session)
        new DurableGate(*m_store, m_clock, tracked.recordId, *session);
    m_tracked.insert(source, tracked);

    connect(source, &Source::sessionStateChanged, this,
            [this, source](msrp::SessionState state) { onSessionStateChanged(source, state); });
    connect(source, &Source::messageQueued, this,
            [this, source](const QByteArray &messageId, const QByteArray &contentType,
                           const QByteArray &body, const QString &filePath) {
                onMessageQueued(source, messageId, contentType, body, filePath);
            });
    connect(source, &Source::deliveryChanged, this,
            [this, source](const msrp::MessageInfo &info) { onDeliveryChanged(source, info); });
}

void DurableRecorder::track(Call *call)
{
    if (!m_store)
        return;
    store::CallRecord record;
    record.sipCallId = call->sipCallId();
    record.direction = call->direction() == CallDirection::Inbound ? store::Direction::Incoming
                                                                   : store::Direction::Outgoing;
    record.localUri = QString::fromUtf8(call->localUri());
    record.remoteUri = QString::fromUtf8(call->remoteUri());
    record.state = stateName(call->state());
    // Who offered the session: the peer for an inbound call.
    const store::Direction offeredBy = record.direction;
    begin(call, std::move(record), call->session(), offeredBy);
    connect(call, &Call::stateChanged, this,
            [this, call](CallState state) { onStateChanged(call, state); });
}

void DurableRecorder::trackThirdParty(ThirdPartySession *session)
{
    if (!m_store)
        return;
    // The application did the SIP and handed us the peer's offer: an incoming conversation
    // with no Call-ID we know, live from now on.
    store::CallRecord record;
    record.direction = store::Direction::Incoming;
    if (session->session())
        record.localUri = QString::fromUtf8(session->session()->localUriText());
    record.remoteUri = QString::fromUtf8(session->remoteUri());
    record.state = stateName(CallState::Active);
    begin(session, std::move(record), session->session(), store::Direction::Incoming);
}

void DurableRecorder::onMessageQueued(const QObject *source, const QByteArray &messageId,
                                      const QByteArray &contentType, const QByteArray &body,
                                      const QString &filePath)
{
    const auto it = m_tracked.find(source);
    if (it == m_tracked.end() || !it->session)
        return;
    msrp::Session *session = it->session;
    store::MessageRecord record;
    record.id = outgoingRecordId(session->id(), messageId);
    record.callId = it->recordId;
    record.sessionId = session->id();
    record.direction = store::Direction::Outgoing;
    record.contentType = QString::fromUtf8(contentType);
    if (!filePath.isEmpty())
        record.fileUri = QUrl::fromLocalFile(filePath).toString();
    else
        record.text = QString::fromUtf8(body);
    record.msrpMessageId = messageId;
    const qint64 size = filePath.isEmpty() ? body.size() : QFileInfo(filePath).size();
    record.rangeStart = 1;
    record.rangeEnd = size;
    record.byteSize = size;
    record.queuedAt = m_clock.wallNow().toUTC();
    record.state = store::MessageState::Queued;
    it->outgoing.insert(messageId, Outgoing{record.id});
    append(std::move(record));
}

void DurableRecorder::onDeliveryChanged(const QObject *source, const msrp::MessageInfo &info)
{
    const auto tracked = m_tracked.find(source);
    if (tracked == m_tracked.end() || !info.outgoing)
        return;
    const auto it = tracked->outgoing.find(info.messageId);
    if (it == tracked->outgoing.end())
        return; // not queued through Call (its Queued signal comes before messageQueued)
    const QDateTime now = m_clock.wallNow().toUTC();
    store::MessageUpdate update;
    update.messageId = it->recordId;
    // A step the session did not report on its own (a one-chunk text is written and
    // acknowledged without a "sending" signal in between) is dated when the next one is.
    const auto markSent = [&] {
        if (!it->sent) {
            update.sentAt = now;
            it->sent = it->sending = true;
        }
    };
    const auto markAcknowledged = [&] {
        markSent();
        if (!it->acknowledged) {
            update.acknowledgedAt = now;
            it->acknowledged = true;
        }
    };
    switch (info.state) {
    case msrp::DeliveryState::Queued:
        return;
    case msrp::DeliveryState::Sending:
        // RFC 4975 §7.1: sent once the last chunk is written; acknowledged by its 200.
        if (info.size > 0 && info.transferred >= info.size) {
            if (it->sent)
                return;
            markSent();
            update.state = store::MessageState::Sent;
        } else {
            if (it->sending)
                return;
            it->sending = true;
            update.state = store::MessageState::Sending;
        }
        break;
    case msrp::DeliveryState::Acknowledged:
        if (it->acknowledged)
            return;
        markAcknowledged();
        update.state = store::MessageState::Acknowledged;
        break;
    case msrp::DeliveryState::Delivered:
        // A success REPORT (RFC 4975 §7.1.2) covering the whole message.
        markAcknowledged();
        update.deliveredAt = now;
        update.state = store::MessageState::Delivered;
        break;
    case msrp::DeliveryState::Failed:
    case msrp::DeliveryState::Aborted:
        update.state = store::MessageState::Failed;
        if (info.status != 0)
            update.failureStatus = info.status;
        if (!info.reason.isEmpty())
            update.failureReason = info.reason;
        else if (info.state == msrp::DeliveryState::Aborted)
            update.failureReason = QStringLiteral("aborted");
        break;
    }
    if (msrp::isFinal(info.state))
        tracked->outgoing.erase(it);
    append(std::move(update));
}

void DurableRecorder::onStateChanged(Call *call, CallState state)
{
    const auto it = m_tracked.find(call);
    if (it == m_tracked.end() || isFinal(state))
        return; // the end is written by finish(), with its reason
    store::CallUpdate update;
    update.callId = it->recordId;
    update.state = stateName(state);
    if (call->sipCallId() != it->sipCallId) {
        update.sipCallId = call->sipCallId();
        it->sipCallId = call->sipCallId();
    }
    append(std::move(update));
}

void DurableRecorder::onSessionStateChanged(const QObject *source, msrp::SessionState state)
{
    const auto it = m_tracked.find(source);
    if (it == m_tracked.end() || !it->session)
        return;
    const msrp::Session *session = it->session;
    if (state == msrp::SessionState::Active && it->sessionId.isEmpty()) {
        store::SessionRecord record;
        record.id = session->id();
        record.callId = it->recordId;
        record.msrpSessionId = session->id();
        record.localPath = QString::fromUtf8(session->localUriText());
        record.remotePath = QString::fromUtf8(session->remotePathText());
        record.startedAt = m_clock.wallNow().toUTC();
        record.direction = it->sessionDirection;
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

void DurableRecorder::finish(const QObject *source, const QString &state,
                             const QByteArray &sipCallId, const QString &reason,
                             const QString &sessionReason)
{
    const Tracked tracked = m_tracked.take(source);
    if (tracked.recordId.isEmpty())
        return;
    const QDateTime now = m_clock.wallNow().toUTC();
    if (!tracked.sessionId.isEmpty() && !tracked.sessionEnded) {
        store::SessionEnd end;
        end.sessionId = tracked.sessionId;
        end.endedAt = now;
        end.reason = sessionReason;
        append(std::move(end));
    }
    store::CallUpdate update;
    update.callId = tracked.recordId;
    update.state = state;
    update.endedAt = now;
    if (sipCallId != tracked.sipCallId)
        update.sipCallId = sipCallId; // a failed outgoing call learns it at the end
    if (!reason.isEmpty())
        update.endReason = reason;
    append(std::move(update));
}

Result<int> DurableRecorder::closeStaleCalls(const QString &reason)
{
    if (!m_store)
        return 0;
    QSet<QByteArray> live;
    for (const Tracked &tracked : std::as_const(m_tracked))
        live.insert(tracked.recordId);
    const QDateTime now = m_clock.wallNow().toUTC();
    store::CallQuery query;
    query.openOnly = true;
    int closed = 0;
    // Reads see committed rows only, so the calls closed here stay in the listing until the
    // flush below: paging by offset walks each of them once.
    for (;;) {
        const auto calls = m_store->calls(query);
        if (!calls)
            return tl::unexpected(calls.error());
        for (const store::CallRecord &call : *calls) {
            if (live.contains(call.id))
                continue;
            const auto sessions = m_store->sessions(call.id);
            if (!sessions)
                return tl::unexpected(sessions.error());
            for (const store::SessionRecord &session : *sessions) {
                if (session.endedAt.isValid())
                    continue;
                store::SessionEnd end;
                end.sessionId = session.id;
                end.endedAt = now;
                end.reason = reason;
                append(std::move(end));
            }
            store::CallUpdate update;
            update.callId = call.id;
            update.state = stateName(CallState::Ended);
            update.endedAt = now;
            update.endReason = reason;
            append(std::move(update));
            ++closed;
        }
        if (calls->size() < query.limit)
            break;
        query.offset += query.limit;
    }
    if (auto flushed = m_store->flush(); !flushed)
        return tl::unexpected(flushed.error());
    if (closed > 0)
        qCInfo(lcService) << "closed" << closed << "call(s) left open by an earlier run";
    return closed;
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
    const QDateTime now = m_clock.wallNow().toUTC();
    store::MessageRecord record = recordFor(message, m_ids.alphanumeric(20), now);
    // A MESSAGE inside the dialog of a call we track belongs to that call's transcript.
    for (const Tracked &tracked : std::as_const(m_tracked)) {
        if (!message.callId.isEmpty() && tracked.sipCallId == message.callId) {
            record.callId = tracked.recordId;
            admitRecord(std::move(record), std::move(done));
            return;
        }
    }
    // The history lists calls, so a page-mode conversation gets a call record of its own,
    // keyed like its messages by the SIP Call-ID: MESSAGEs sent with one Call-ID are one
    // entry, spanning the first to the last. It is written as ended: nothing is live between
    // two MESSAGEs, and a restart has nothing to close.
    store::CallRecord conversation;
    conversation.id = record.callId;
    conversation.sipCallId = message.callId;
    conversation.direction = store::Direction::Incoming;
    conversation.localUri = QString::fromUtf8(message.to);
    conversation.remoteUri = QString::fromUtf8(message.from);
    conversation.startedAt = now;
    conversation.endedAt = now;
    conversation.state = stateName(CallState::Ended);
    conversation.endReason = QStringLiteral("page mode");
    append(std::move(conversation)); // nothing written when the conversation is known
    store::CallUpdate later;
    later.callId = record.callId;
    later.endedAt = now;
    append(std::move(later));
    admitRecord(std::move(record), std::move(done));
}

void DurableRecorder::onPageMessageSent(quint64 requestId, const QByteArray &target,
                                        const QByteArray &contentType, const QByteArray &body)
{
    if (!m_store)
        return;
    const QDateTime now = m_clock.wallNow().toUTC();
    const QByteArray callRecordId = m_ids.alphanumeric(20);
    // Like an incoming one, an outgoing page-mode text is a call record of its own (its SIP
    // Call-ID is learnt from the response), so the history lists it.
    store::CallRecord call;
    call.id = callRecordId;
    call.direction = store::Direction::Outgoing;
    call.remoteUri = QString::fromUtf8(target);
    call.startedAt = now;
    call.endedAt = now;
    call.state = stateName(CallState::Ended);
    call.endReason = QStringLiteral("page mode");
    append(std::move(call));
    recordSentMessage(requestId, callRecordId, contentType, body, false);
}

void DurableRecorder::onDialogMessageSent(quint64 callId, quint64 requestId,
                                          const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray recordId = callRecordId(callId);
    if (!m_store || recordId.isEmpty())
        return;
    recordSentMessage(requestId, recordId, contentType, body, true);
}

void DurableRecorder::recordSentMessage(quint64 requestId, const QByteArray &callRecordId,
                                        const QByteArray &contentType, const QByteArray &body,
                                        bool inDialog)
{
    const PageOut page{callRecordId, m_ids.alphanumeric(20), inDialog};
    store::MessageRecord record;
    record.id = page.messageRecordId;
    record.callId = page.callRecordId;
    record.direction = store::Direction::Outgoing;
    record.contentType = QString::fromUtf8(contentType);
    if (contentType.trimmed().toLower().startsWith("text/"))
        record.text = QString::fromUtf8(body);
    record.rangeEnd = body.size();
    record.byteSize = body.size();
    record.queuedAt = m_clock.wallNow().toUTC();
    record.sentAt = record.queuedAt; // the MESSAGE left with the request
    record.state = store::MessageState::Sent;
    append(std::move(record));
    m_pagesOut.insert(requestId, page);
}

void DurableRecorder::onPageMessageResponse(quint64 requestId, const sip::SipResponse &response)
{
    if (response.status < 200)
        return;
    const auto it = m_pagesOut.constFind(requestId);
    if (it == m_pagesOut.cend())
        return;
    const PageOut page = *it;
    m_pagesOut.erase(it);
    const QByteArray sipCallId = response.header("Call-ID");
    if (!sipCallId.isEmpty() && !page.inDialog) {
        store::CallUpdate update;
        update.callId = page.callRecordId;
        update.sipCallId = sipCallId;
        append(std::move(update));
    }
    store::MessageUpdate update;
    update.messageId = page.messageRecordId;
    if (response.status < 300) {
        // RFC 3428: a 2xx is the acceptance of the recipient (or of a gateway, 202).
        update.state = store::MessageState::Acknowledged;
        update.acknowledgedAt = m_clock.wallNow().toUTC();
    } else {
        update.state = store::MessageState::Failed;
        update.failureStatus = response.status;
        update.failureReason = QString::fromUtf8(response.reason);
    }
    append(std::move(update));
}

void DurableRecorder::admitRecord(store::MessageRecord record,
                                  std::function<void(Result<void>)> done)
{
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
