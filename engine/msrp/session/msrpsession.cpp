// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/session/msrpsession.h"

#include "engine/core/logging.h"
#include "engine/msrp/codec/msrpserializer.h"
#include "engine/msrp/session/msrpendpoint.h"
#include "engine/msrp/transport/msrpconnection.h"

namespace herald::msrp {

namespace {
// Progress signals at most once per this many octets (and on every state change): a 2048-octet
// chunked gigabyte would otherwise emit half a million of them.
constexpr quint64 kProgressStep = 256 * 1024;
} // namespace

Session::Session(Endpoint &endpoint, Uri localUri, SessionOptions options)
    : QObject(&endpoint)
    , m_endpoint(endpoint)
    , m_localUri(std::move(localUri))
    , m_options(std::move(options))
{
    m_localUriText = m_localUri.toBytes();
}

Session::~Session() = default;

Connection *Session::connection() const
{
    return m_connection;
}

void Session::transition(SessionEvent event, const QString &reason)
{
    const SessionState next = nextSessionState(m_state, event);
    if (next == m_state)
        return;
    m_state = next;
    if (!reason.isEmpty())
        m_closeReason = reason;
    Q_EMIT stateChanged(next);
}

QByteArray Session::sendText(QByteArray contentType, QByteArray body, SendOptions options)
{
    auto message = OutgoingMessage::fromBytes(m_endpoint.ids().messageId(), std::move(contentType),
                                              std::move(body), std::move(options));
    const QByteArray id = message->messageId();
    queueOutgoing(std::move(message));
    return id;
}

Result<QByteArray> Session::sendFile(const QString &path, QByteArray contentType,
                                     SendOptions options)
{
    auto message = OutgoingMessage::fromFile(m_endpoint.ids().messageId(), std::move(contentType),
                                             path, std::move(options));
    if (!message)
        return tl::unexpected(message.error());
    const QByteArray id = (*message)->messageId();
    queueOutgoing(std::move(*message));
    return id;
}

void Session::queueOutgoing(std::unique_ptr<OutgoingMessage> message)
{
    OutgoingMessage *raw = message.get();
    if (isFinal(m_state)) {
        raw->apply(DeliveryEvent::SessionEnded, 481, QStringLiteral("session closed"));
        Q_EMIT outgoingChanged(raw->info());
        return;
    }
    m_outgoing.insert(raw->messageId(), std::shared_ptr<OutgoingMessage>(std::move(message)));
    m_sendQueue.push_back(raw);
    Q_EMIT outgoingChanged(raw->info());
    if (m_connection && m_state == SessionState::Active)
        m_connection->sessionHasData(this);
}

void Session::abortMessage(const QByteArray &messageId)
{
    if (auto it = m_outgoing.find(messageId); it != m_outgoing.end())
        failOutgoing(it->get(), DeliveryEvent::Abort, 0, QStringLiteral("aborted"));
}

std::optional<MessageInfo> Session::outgoingInfo(const QByteArray &messageId) const
{
    if (auto it = m_outgoing.constFind(messageId); it != m_outgoing.cend())
        return (*it)->info();
    return std::nullopt;
}

void Session::rotateOutgoing()
{
    if (m_sendQueue.size() > 1) {
        m_sendQueue.push_back(m_sendQueue.front());
        m_sendQueue.pop_front();
    }
}

bool Session::hasOtherOutgoing(const OutgoingMessage *than) const
{
    return m_sendQueue.size() > 1 || (m_sendQueue.size() == 1 && m_sendQueue.front() != than);
}

void Session::chunkWritten(OutgoingMessage *message)
{
    if (message->info().state == DeliveryState::Queued)
        message->apply(DeliveryEvent::StartSending);
    const MessageInfo &info = message->info();
    const quint64 before = message->reportedProgress;
    message->reportedProgress = info.transferred;
    if (message->allRead()) {
        auto it = std::find(m_sendQueue.begin(), m_sendQueue.end(), message);
        if (it != m_sendQueue.end())
            m_sendQueue.erase(it);
    }
    // With Failure-Report "no" or "partial" no 200 will come (RFC 4975 §7.1.1): written is
    // as acknowledged as such a chunk gets.
    if (message->options().failureReport != ReportMode::Yes)
        message->acknowledge(info.transferred - info.acknowledged);
    if (message->fullyAcknowledged() && message->apply(DeliveryEvent::AllAcknowledged)) {
        Q_EMIT outgoingChanged(message->info());
        if (!message->options().successReport)
            m_outgoing.remove(message->messageId());
        return;
    }
    if (info.transferred / kProgressStep != before / kProgressStep || message->allRead() ||
        before == 0)
        Q_EMIT outgoingChanged(message->info());
}

void Session::chunkAnswered(const QByteArray &messageId, quint64 length, int status,
                            const QByteArray &comment)
{
    auto it = m_outgoing.find(messageId);
    if (it == m_outgoing.end())
        return; // already failed, aborted or done
    std::shared_ptr<OutgoingMessage> message = *it;
    if (status != 200) {
        // RFC 4975 §7.1.1/§10: any error ends the message; on 413 the sender must stop sending it.
        failOutgoing(message.get(), DeliveryEvent::ErrorResponse, status,
                     QString::fromUtf8(comment));
        return;
    }
    const quint64 before = message->info().acknowledged;
    message->acknowledge(length);
    if (message->fullyAcknowledged() && message->apply(DeliveryEvent::AllAcknowledged)) {
        Q_EMIT outgoingChanged(message->info());
        if (!message->options().successReport)
            m_outgoing.remove(messageId);
    } else if (message->info().acknowledged / kProgressStep != before / kProgressStep) {
        Q_EMIT outgoingChanged(message->info());
    }
}

void Session::chunkTimedOut(const QByteArray &messageId)
{
    if (auto it = m_outgoing.find(messageId); it != m_outgoing.end())
        failOutgoing(it->get(), DeliveryEvent::Timeout, 408,
                     QStringLiteral("no response within %1 s")
                         .arg(m_endpoint.config().transactionTimeout.count() / 1000));
}

void Session::reportReceived(const Frame &report)
{
    // RFC 4975 §7.1.2: a REPORT for an unknown Message-ID is silently ignored.
    auto it = m_outgoing.find(report.messageId);
    if (it == m_outgoing.end() || !report.status)
        return;
    std::shared_ptr<OutgoingMessage> message = *it;
    if (report.status->code != 200) {
        failOutgoing(message.get(), DeliveryEvent::FailureReport, report.status->code,
                     QString::fromUtf8(report.status->reason));
        return;
    }
    // A success report covers the whole message only when it reaches the last octet.
    const bool whole =
        !report.byteRange || (report.byteRange->start == 1 && report.byteRange->end &&
                              *report.byteRange->end >= message->size());
    if (whole && message->apply(DeliveryEvent::SuccessReport)) {
        Q_EMIT outgoingChanged(message->info());
        m_outgoing.remove(report.messageId);
    }
}

void Session::failOutgoing(OutgoingMessage *message, DeliveryEvent event, int status,
                           const QString &reason)
{
    std::shared_ptr<OutgoingMessage> keep = m_outgoing.value(message->messageId());
    auto it = std::find(m_sendQueue.begin(), m_sendQueue.end(), message);
    if (it != m_sendQueue.end())
        m_sendQueue.erase(it);
    if (m_connection)
        m_connection->abandonChunk(message);
    if (message->apply(event, status, reason))
        Q_EMIT outgoingChanged(message->info());
    m_outgoing.remove(message->messageId());
}

bool Session::accepts(const QByteArray &contentType) const
{
    // RFC 4975 §8.6: "*" accepts anything, "type/*" any subtype. Parameters do not count.
    const qsizetype semi = contentType.indexOf(';');
    const QByteArray type = (semi < 0 ? contentType : contentType.first(semi)).trimmed().toLower();
    for (const QByteArray &a : m_options.acceptTypes) {
        const QByteArray accepted = a.trimmed().toLower();
        if (accepted == "*" || accepted == type)
            return true;
        if (accepted.endsWith("/*") && type.startsWith(accepted.chopped(1)))
            return true;
    }
    return false;
}

int Session::beginChunk(const Frame &head)
{
    m_chunk = ChunkInProgress{};
    if (!head.hasBody)
        return 0; // a bodiless SEND: binds or keeps alive (RFC 4975 §5.4, §7.1)

    // A SEND without Byte-Range carries the whole message: 1-*/* (RFC 4975 §7.1).
    const ByteRange range = head.byteRange.value_or(ByteRange{});
    const quint64 start = range.start;
    const std::optional<quint64> end = range.end;
    const std::optional<quint64> total = range.total;
    m_chunk.start = start;
    m_chunk.declaredEnd = end;

    // Sanity-check the Byte-Range before anything is allocated (RFC 4975 §14).
    quint64 limit = m_options.maxSize; // 0: none
    if (!m_options.sinkFactory)
        limit = limit ? std::min(limit, quint64(m_options.maxInMemory))
                      : quint64(m_options.maxInMemory);
    if (limit && ((total && *total > limit) || (end && *end > limit) || start > limit + 1))
        return m_chunk.refusal = 413;

    auto it = m_incoming.find(head.messageId);
    if (it == m_incoming.end()) {
        if (!accepts(head.contentType))
            return m_chunk.refusal = 415;
        std::unique_ptr<MessageSink> sink;
        if (m_options.sinkFactory) {
            auto made = m_options.sinkFactory(head);
            if (!made)
                return m_chunk.refusal = made.error().code == ErrorCode::LimitExceeded ? 413 : 403;
            sink = std::move(*made);
        } else {
            sink = std::make_unique<MemorySink>(m_options.maxInMemory);
        }
        auto message = std::make_shared<IncomingMessage>(head.messageId, head.contentType,
                                                         head.mimeHeaders, std::move(sink));
        message->successReport = head.successReport == ReportMode::Yes;
        message->replyPath = head.fromPath;
        if (total)
            message->setTotal(*total);
        it = m_incoming.insert(head.messageId, message);
        Q_EMIT incomingChanged(message->info());
    } else if (total && !(*it)->total()) {
        (*it)->setTotal(*total);
    }
    m_chunk.message = *it;
    return 0;
}

int Session::chunkData(QByteArrayView piece)
{
    if (m_chunk.refusal || !m_chunk.message)
        return m_chunk.refusal;
    IncomingMessage &message = *m_chunk.message;
    const quint64 offset = m_chunk.start - 1 + m_chunk.received;
    if (m_options.maxSize && offset + quint64(piece.size()) > m_options.maxSize)
        return m_chunk.refusal = 413;
    if (auto r = message.sink().write(offset, piece); !r)
        return m_chunk.refusal = r.error().code == ErrorCode::LimitExceeded ? 413 : 403;
    const quint64 before = message.info().transferred;
    m_chunk.received += quint64(piece.size());
    message.info().transferred = message.receivedOctets() + m_chunk.received;
    if (message.info().transferred / kProgressStep != before / kProgressStep)
        Q_EMIT incomingChanged(message.info());
    return 0;
}

void Session::endChunk(Continuation flag, std::function<void(int, QByteArray)> respond)
{
    ChunkInProgress chunk = std::exchange(m_chunk, ChunkInProgress{});
    if (!chunk.message) {
        respond(chunk.refusal ? chunk.refusal : 200, {});
        return;
    }
    std::shared_ptr<IncomingMessage> message = chunk.message;
    const QByteArray id = message->info().messageId;
    // A complete chunk must be as long as its Byte-Range said (RFC 4975 §7.1).
    if (!chunk.refusal && flag == Continuation::Complete && chunk.declaredEnd &&
        chunk.received != *chunk.declaredEnd + 1 - chunk.start)
        chunk.refusal = 400;
    if (chunk.refusal) {
        message->sink().abort();
        message->info().state = DeliveryState::Failed;
        message->info().status = chunk.refusal;
        message->info().reason = QString::fromLatin1(statusComment(chunk.refusal));
        m_incoming.remove(id);
        Q_EMIT incomingChanged(message->info());
        respond(chunk.refusal, statusComment(chunk.refusal));
        return;
    }
    if (chunk.received)
        message->addRange(chunk.start, chunk.start + chunk.received - 1);
    if (flag == Continuation::Aborted) {
        // RFC 4975 §7.1: '#' ends the message as abandoned by its sender.
        message->sink().abort();
        message->info().state = DeliveryState::Aborted;
        message->info().reason = QStringLiteral("aborted by the sender");
        m_incoming.remove(id);
        Q_EMIT incomingChanged(message->info());
        respond(200, {});
        return;
    }
    if (flag == Continuation::Complete && !message->total())
        message->setTotal(chunk.start + chunk.received - 1);
    if (!message->complete()) {
        respond(200, {});
        return;
    }

    m_incoming.remove(id);
    if (auto r = message->sink().finish(); !r) {
        message->info().state = DeliveryState::Failed;
        message->info().reason = r.error().detail;
        Q_EMIT incomingChanged(message->info());
        respond(403, QByteArrayLiteral("Cannot store the message"));
        return;
    }
    ReceivedMessage received;
    received.messageId = id;
    received.contentType = message->info().contentType;
    received.mimeHeaders = message->mimeHeaders();
    received.size = message->total().value_or(0);
    received.body = message->sink().body();
    received.filePath = message->sink().filePath();

    auto deliver = [this, message, received, respond = std::move(respond)](Result<void> admitted) {
        if (!admitted) {
            // Not durable: never acknowledge (DESIGN.md §2); the sender's failure reporting fires.
            message->info().state = DeliveryState::Failed;
            message->info().reason = admitted.error().detail;
            Q_EMIT incomingChanged(message->info());
            respond(403, QByteArrayLiteral("Not stored"));
            return;
        }
        message->info().state = DeliveryState::Delivered;
        message->info().transferred = received.size;
        // The 200 goes to the socket before anyone hears of the message: a listener that ends
        // the session or stops the process on messageReceived must not lose the acknowledgement.
        respond(200, {});
        if (m_connection)
            m_connection->flushUrgent();
        Q_EMIT incomingChanged(message->info());
        Q_EMIT messageReceived(received);
        if (message->successReport && m_connection)
            m_connection->sendSuccessReport(*this, message->replyPath, received.messageId,
                                            received.size);
    };
    if (m_gate)
        m_gate->admit(received, std::move(deliver));
    else
        deliver({});
}

void Session::bindTo(Connection *connection)
{
    m_connection = connection;
    transition(SessionEvent::Bound);
    if (hasOutgoingData())
        connection->sessionHasData(this);
}

void Session::dropIncoming(const QString &reason)
{
    const auto incoming = std::exchange(m_incoming, {});
    m_chunk = ChunkInProgress{};
    for (const auto &message : incoming) {
        // Nothing partial is ever shown as complete: the sink is dropped, the state says so.
        message->sink().abort();
        message->info().state = DeliveryState::Failed;
        message->info().reason = reason;
        Q_EMIT incomingChanged(message->info());
    }
}

void Session::connectionLost(const QString &reason, bool byPeer)
{
    if (!isFinal(m_state))
        m_closedByPeer = byPeer;
    end(SessionEvent::ConnectionLost, reason);
}

void Session::close(const QString &reason)
{
    end(SessionEvent::Close, reason);
}

void Session::end(SessionEvent event, const QString &reason)
{
    if (isFinal(m_state))
        return;
    // Leave the connection first (an open chunk of ours ends with '#'), so that it never keeps
    // a pointer to a session that is gone; it may close if no session is left on it.
    if (Connection *connection = m_connection) {
        m_connection = nullptr;
        connection->detach(this);
    } else {
        // Not bound yet: an outgoing connection may still be connecting with this session in
        // its list, and would bind it once connected (a BYE right after the 200 gets here).
        m_endpoint.leaveConnections(this);
    }
    const auto outgoing = m_outgoing;
    for (const auto &message : outgoing)
        failOutgoing(message.get(), DeliveryEvent::SessionEnded, 0, reason);
    m_sendQueue.clear();
    dropIncoming(reason);
    transition(event, reason);
    Q_EMIT closed(reason);
    m_endpoint.forgetSession(this);
}

} // namespace herald::msrp
