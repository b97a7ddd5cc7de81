// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/durablegate.h"

#include "engine/core/clock.h"
#include "engine/service/messageformats.h"

#include <QUrl>

namespace herald::service {

namespace {

// "text/..." in any case, without the copies trimmed().toLower() would make for every text.
bool isTextType(QByteArrayView contentType)
{
    const QByteArrayView type = contentType.trimmed();
    return type.size() >= 5 && qstrnicmp(type.data(), 5, "text/", 5) == 0;
}

} // namespace

DurableGate::DurableGate(store::Store &store, const Clock &clock, QByteArray callId,
                         msrp::Session &session)
    : QObject(&session)
    , m_store(&store)
    , m_clock(clock)
    , m_callId(std::move(callId))
    , m_session(&session)
{
    session.setReceiveGate(this);
}

store::MessageRecord DurableGate::recordFor(const msrp::ReceivedMessage &message,
                                            const QByteArray &callId, const QByteArray &sessionId,
                                            const QDateTime &receivedAt)
{
    store::MessageRecord record;
    // Message-IDs are unique within a session only (RFC 4975 §7.1.1).
    record.id = sessionId + '/' + message.messageId;
    record.callId = callId;
    record.sessionId = sessionId;
    record.direction = store::Direction::Incoming;
    record.contentType = QString::fromUtf8(message.contentType);
    if (!message.filePath.isEmpty()) {
        record.fileUri = QUrl::fromLocalFile(message.filePath).toString();
    } else if (const auto in = MessageFormats::classify(message, {});
               in.kind == MessageFormats::Incoming::Kind::Text && in.text.wrapped) {
        // The i3 MessageLogEvent's text is what the person wrote: the content inside CPIM
        // (RFC 3862), as Call::textReceived gives it; an unreadable wrapper is kept raw.
        if (in.text.isReadable())
            record.contentType = QString::fromUtf8(in.text.contentType);
        if (!in.text.isReadable() || isTextType(in.text.contentType))
            record.text = QString::fromUtf8(in.text.body);
    } else if (isTextType(message.contentType)) {
        record.text = QString::fromUtf8(message.body);
    }
    record.msrpMessageId = message.messageId;
    record.rangeStart = 1;
    record.rangeEnd = qint64(message.size);
    record.byteSize = qint64(message.size);
    record.queuedAt = receivedAt;
    record.state = store::MessageState::Received;
    return record;
}

void DurableGate::admit(const msrp::ReceivedMessage &message,
                        std::function<void(Result<void>)> done)
{
    if (!m_store || !m_session) {
        done(fail(ErrorCode::Io, QStringLiteral("no store to keep the message")));
        return;
    }
    // isComposing statuses (RFC 3994) and IMDNs (RFC 5438) are not texts: they are neither
    // logged nor worth a commit before their 200. Unreadable ones are stored as received.
    if (message.filePath.isEmpty()) {
        const auto kind = MessageFormats::classify(message, {}).kind;
        if (kind == MessageFormats::Incoming::Kind::Composing ||
            kind == MessageFormats::Incoming::Kind::Notification) {
            done({});
            return;
        }
    }
    store::MessageRecord record =
        recordFor(message, m_callId, m_session->id(), m_clock.wallNow().toUTC());
    // The store never calls back from inside append(); the session may be gone by then
    // (closed and deleted), and then nobody is left to acknowledge.
    m_store->append(std::move(record), [session = m_session, done = std::move(done)](
                                           Result<store::AppendOutcome> stored) {
        if (!session)
            return;
        if (!stored)
            done(tl::unexpected(stored.error()));
        else
            done({});
    });
}

} // namespace herald::service
