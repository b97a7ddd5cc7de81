// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/transport/msrpconnection.h"

#include "engine/core/logging.h"
#include "engine/msrp/codec/msrpserializer.h"
#include "engine/msrp/session/msrpendpoint.h"
#include "engine/msrp/session/msrpsession.h"

#include <QTcpSocket>
#include <QTimer>

#include <cerrno>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/sendfile.h>
#include <sys/socket.h>

namespace herald::msrp {

namespace {

// Body octets written per step of an open chunk. Qt hands the kernel one such block per
// writable wakeup, so a block smaller than what the kernel takes then (the unsent cap below
// plus what the peer's window lets through at once) costs extra event-loop turns per megabyte.
constexpr qsizetype kBlock = 1024 * 1024;
// The largest message sent as one complete chunk without opening an interruptible one. A
// complete chunk cannot be interrupted (RFC 4975 §7.1), so this bounds what a text on another
// session may wait behind.
constexpr qsizetype kWholeChunk = 256 * 1024;
// What goes through Qt's buffer when sendfile() found the socket full (see pump()).
constexpr qsizetype kBridgeBlock = 16 * 1024;
// Octets sent with sendfile() in one turn of the event loop at most (see pump()).
constexpr qint64 kDirectTurn = 512 * 1024;
// One read from the socket at most; the parser never needs more at once.
constexpr qint64 kReadBlock = 1024 * 1024;
// Unsent octets past which we stop reading from the peer.
constexpr qint64 kMaxAnswerBacklog = 8 * 1024 * 1024;
// Staged octets are handed to the socket in writes of about this size: large enough that a
// fixed 2048-octet chunking costs one system call per ~30 chunks, and at or above Qt's ring
// buffer chunk size so that the socket takes the array without copying it.
constexpr qsizetype kBatch = 64 * 1024;
// Unsent octets the kernel may hold for a connection (see limitUnsentBacklog()).
constexpr int kUnsentLowWater = 128 * 1024;

// RFC 4975 §7.1.1 / §7.2: who answers what.
bool wantsResponse(const Frame &request, int status)
{
    if (request.method == "REPORT")
        return false;
    if (request.method != "SEND")
        return true;
    switch (request.failureReport.value_or(ReportMode::Yes)) {
    case ReportMode::No:
        return false;
    case ReportMode::Partial:
        return status != 200;
    case ReportMode::Yes:
        return true;
    }
    return true;
}

// A text queued behind a transfer waits for everything written before it. Our own buffer is
// bounded by writeHighWater; the kernel's send buffer grows to megabytes on a fast path
// (tens of milliseconds of 2048-octet chunks), so the unsent part of it is capped as well:
// the socket reports writable only below this mark (Linux TCP_NOTSENT_LOWAT).
void limitUnsentBacklog(QTcpSocket *socket)
{
#ifdef TCP_NOTSENT_LOWAT
    const qintptr fd = socket->socketDescriptor();
    if (fd < 0)
        return; // an outgoing socket not connected yet: set in onConnected()
    const int lowat = kUnsentLowWater;
    ::setsockopt(int(fd), IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, sizeof lowat);
#else
    Q_UNUSED(socket);
#endif
}

} // namespace

Connection::Connection(Endpoint &endpoint, QTcpSocket *socket, Direction direction,
                       QByteArray authorityKey)
    : QObject(&endpoint)
    , m_endpoint(endpoint)
    , m_socket(socket)
    , m_direction(direction)
    , m_authorityKey(std::move(authorityKey))
    , m_parser(*this, endpoint.config().parserLimits)
{
    m_socket->setParent(this);
    // Texts must not wait behind Nagle's algorithm (a text during a transfer: p99 < 5 ms).
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    limitUnsentBacklog(m_socket);
    connect(m_socket, &QTcpSocket::connected, this, &Connection::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Connection::pump);
    connect(m_socket, &QTcpSocket::disconnected, this, &Connection::onDisconnected);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            onDisconnected();
    });
}

Connection::~Connection() = default;

bool Connection::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

QString Connection::peerAddress() const
{
    return m_socket->peerAddress().toString() + QLatin1Char(':') +
           QString::number(m_socket->peerPort());
}

void Connection::attach(Session *session)
{
    m_sessions.append(session);
    if (m_direction == Direction::Outbound && isConnected())
        bindActiveSession(session);
}

void Connection::bindActiveSession(Session *session)
{
    // RFC 4975 §5.4: the active side sends a SEND at once, bodiless if it has nothing to say,
    // so that the passive side can associate the connection with the session.
    Frame bind;
    bind.method = "SEND";
    bind.transactionId = m_endpoint.ids().transactionId();
    bind.toPath = session->remotePath();
    bind.fromPath = {session->localUri()};
    bind.messageId = m_endpoint.ids().messageId();
    bind.byteRange = ByteRange{1, 0, 0};
    registerTransaction(bind.transactionId, session, {}, 0, true);
    queueUrgent(Serializer::serialize(bind));
    session->bindTo(this);
}

void Connection::detach(Session *session)
{
    if (m_open.session == session) {
        closeChunk(Continuation::Aborted);
        flushOut();
    }
    m_sessions.removeOne(session);
    if (m_readySet.remove(session))
        m_ready.erase(std::find(m_ready.begin(), m_ready.end(), session));
    // RFC 4975 §5.4: a connection no session uses any more may be closed.
    if (m_sessions.isEmpty())
        close(QStringLiteral("no sessions left"), true);
}

void Connection::markReady(Session *session)
{
    if (session == m_open.session || m_readySet.contains(session))
        return;
    m_readySet.insert(session);
    m_ready.push_back(session);
}

void Connection::sessionHasData(Session *session)
{
    markReady(session);
    schedulePump();
}

void Connection::schedulePump()
{
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QMetaObject::invokeMethod(this, &Connection::pump, Qt::QueuedConnection);
}

void Connection::write(const QByteArray &bytes)
{
    m_socket->write(bytes);
    noteSent(bytes);
    // Lab view trace hook (msrpframetap.h): opt-in, one null check when off.
    if (FrameTap *tap = m_endpoint.frameTap())
        tap->observe(this, TappedFrame::Direction::Sent, bytes);
}

void Connection::noteSent(QByteArrayView bytes)
{
    m_bytesOut += quint64(bytes.size());
    qCDebug(lcMsrpWire).noquote() << "->" << peerAddress()
                                  << bytes.first(std::min<qsizetype>(bytes.size(), 400));
}

bool Connection::canSendFileDirect() const
{
    // The Lab trace sees every octet written, so it keeps the copying path.
    return m_open.message && m_open.message->fileDescriptor() >= 0 && !m_endpoint.frameTap();
}

qint64 Connection::sendFileDirect(bool &kernelFull)
{
    // pump() calls this only when canSendFileDirect() and Qt's buffer is empty.
    Q_ASSERT(canSendFileDirect() && m_socket->bytesToWrite() == 0);
    kernelFull = false;
    OutgoingMessage *message = m_open.message;
    const int file = message->fileDescriptor();
    const int fd = int(m_socket->socketDescriptor());
    // Qt's buffer is empty, so octets of ours may go to the kernel directly, in order: first
    // what is staged (the chunk's head), then the file's.
    while (!m_out.isEmpty()) {
        const ssize_t n = ::send(fd, m_out.constData(), size_t(m_out.size()), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return 0; // full, or an error the copying path meets and reports
        noteSent(QByteArrayView(m_out).first(n));
        m_out.remove(0, n);
    }
    off_t offset = off_t(message->offset());
    const size_t want = size_t(std::min<quint64>(quint64(kBlock), message->remaining()));
    ssize_t n = -1;
    do {
        n = ::sendfile(fd, file, &offset, want);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) {
        // EAGAIN: the socket is full. Otherwise (a file that shrank, a socket error) the
        // copying path reads or writes the same octets and reports what is wrong.
        kernelFull = n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
        return 0;
    }
    message->advance(quint64(n));
    m_bytesOut += quint64(n);
    return n;
}

void Connection::stage(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    if (m_out.isEmpty())
        m_out.reserve(kBatch + 4096);
    m_out.append(bytes);
    if (m_out.size() >= kBatch)
        flushOut();
}

void Connection::flushOut()
{
    if (m_out.isEmpty())
        return;
    // The socket keeps the array itself (no copy); the next batch gets a new one.
    write(std::exchange(m_out, QByteArray()));
}

void Connection::flushUrgent()
{
    if (m_urgent.isEmpty() || m_closing || !isConnected())
        return;
    if (m_open.message) {
        // Our own open chunk must end first; with no body octet written yet the pump does it.
        if (m_open.written == 0)
            return;
        closeChunk(Continuation::More);
        schedulePump(); // the interrupted message goes on in a later chunk
    }
    m_framesOut += quint64(std::exchange(m_urgentFrames, 0));
    stage(std::exchange(m_urgent, QByteArray()));
    flushOut();
    // Into the kernel now, not when the event loop next runs: the caller may stop right after.
    m_socket->flush();
}

void Connection::queueUrgent(QByteArrayView bytes)
{
    m_urgent.append(bytes);
    ++m_urgentFrames;
    schedulePump();
}

void Connection::pump()
{
    m_pumpScheduled = false;
    if (!isConnected())
        return;
    if (m_readPaused && m_socket->bytesToWrite() <= kMaxAnswerBacklog / 2) {
        m_readPaused = false;
        QMetaObject::invokeMethod(this, &Connection::onReadyRead, Qt::QueuedConnection);
    }
    const qint64 highWater = m_endpoint.config().writeHighWater;
    // Octets sent past Qt's buffer in this turn: the kernel may take them as fast as they come,
    // so the turn ends after a few blocks and the event loop gets to read answers and texts.
    qint64 directThisTurn = 0;
    while (m_socket->bytesToWrite() + m_out.size() < highWater) {
        if (m_open.message) {
            Session *session = m_open.session;
            const bool othersWait = !m_urgent.isEmpty() || !m_ready.empty() ||
                                    session->hasOtherOutgoing(m_open.message);
            if (othersWait && m_open.written > 0) {
                closeChunk(Continuation::More);
                continue;
            }
            // A file's octets skip user space while the socket takes them (sendfile: one copy
            // fewer, the difference between half and most of what raw TCP moves).
            bool kernelFull = false;
            if (canSendFileDirect()) {
                if (m_socket->bytesToWrite() > 0)
                    break; // Qt drains what it holds first; bytesWritten brings us back
                if (directThisTurn >= kDirectTurn) {
                    schedulePump();
                    break;
                }
                if (const qint64 sent = sendFileDirect(kernelFull); sent > 0) {
                    directThisTurn += sent;
                    m_open.written += quint64(sent);
                    if (m_open.message->allRead())
                        closeChunk(Continuation::Complete);
                    else
                        session->chunkWritten(m_open.message);
                    continue;
                }
            }
            // When the kernel took nothing, a small block through Qt's buffer makes Qt report
            // when the socket drains (bytesWritten), which brings us back here.
            auto block = m_open.message->read(kernelFull ? kBridgeBlock : kBlock);
            if (!block) {
                OutgoingMessage *message = m_open.message;
                closeChunk(Continuation::Aborted);
                session->failOutgoing(message, DeliveryEvent::Abort, 0, block.error().detail);
                continue;
            }
            // A large block goes to the socket as it is, shared rather than copied.
            flushOut();
            write(*block);
            m_open.written += quint64(block->size());
            if (m_open.message->allRead())
                closeChunk(Continuation::Complete);
            else
                session->chunkWritten(m_open.message);
            if (kernelFull)
                break;
            continue;
        }
        if (!m_urgent.isEmpty()) {
            // All waiting answers in one write: many small socket writes cost more than the copy.
            m_framesOut += quint64(std::exchange(m_urgentFrames, 0));
            if (m_out.isEmpty())
                m_out = std::exchange(m_urgent, QByteArray());
            else
                stage(std::exchange(m_urgent, QByteArray()));
            continue;
        }
        if (m_ready.empty())
            break;
        Session *session = m_ready.front();
        m_ready.pop_front();
        m_readySet.remove(session);
        if (OutgoingMessage *message = session->frontOutgoing())
            startChunk(session, message);
        if (session->hasOutgoingData())
            markReady(session);
    }
    flushOut();
}

Frame Connection::sendHead(const Session &session, const OutgoingMessage &message,
                           const QByteArray &tid) const
{
    Frame head;
    head.method = "SEND";
    head.transactionId = tid;
    head.toPath = session.remotePath();
    head.fromPath = {session.localUri()};
    head.messageId = message.messageId();
    // Only what differs from the RFC's defaults is written (Success-Report: no, Failure-Report:
    // yes).
    if (message.options().successReport)
        head.successReport = ReportMode::Yes;
    if (message.options().failureReport != ReportMode::Yes)
        head.failureReport = message.options().failureReport;
    head.mimeHeaders = message.options().mimeHeaders;
    head.contentType = message.contentType();
    head.hasBody = true;
    return head;
}

void Connection::startChunk(Session *session, OutgoingMessage *message)
{
    const QByteArray tid = m_endpoint.ids().transactionId();
    if (!message->chunkHead) {
        message->chunkHead = Serializer::chunkHeadTemplate(
            sendHead(*session, *message, {}), session->remotePathText(), session->localUriText());
    }
    const quint64 start = message->offset() + 1;
    const qsizetype fixed = session->options().chunkSize;
    ++m_framesOut;
    if (m_out.isEmpty())
        m_out.reserve(kBatch + 4096);
    const qsizetype mark = m_out.size();
    if (fixed > 0 || message->remaining() <= quint64(kWholeChunk)) {
        // A whole chunk at once: fixed-size chunking, or a message that fits in one block.
        const quint64 length = fixed > 0 ? std::min<quint64>(quint64(fixed), message->remaining())
                                         : message->remaining();
        Serializer::appendChunkHead(m_out, tid, *message->chunkHead,
                                    ByteRange{start, start + length - 1, message->size()});
        // The body is copied once, from the read-ahead block straight into the batch.
        if (auto body = message->readInto(m_out, qsizetype(length)); !body) {
            // Nothing of this chunk may stay staged: drop its head again.
            m_out.truncate(mark);
            --m_framesOut;
            session->failOutgoing(message, DeliveryEvent::Abort, 0, body.error().detail);
            return;
        }
        Serializer::appendTail(
            m_out, tid, message->allRead() ? Continuation::Complete : Continuation::More, true);
        if (m_out.size() >= kBatch)
            flushOut();
        registerTransaction(tid, session, message->messageId(), length,
                            message->options().failureReport == ReportMode::Yes);
        // Read before chunkWritten(), which may release a finished message.
        const bool finished = message->allRead();
        session->chunkWritten(message);
        // Turns are taken between messages that still have data: a finished message has left
        // the queue already, and rotating then would send the next text behind the one after
        // it (texts of one session must keep their order, e.g. a 911 transcript).
        if (!finished)
            session->rotateOutgoing();
        return;
    }
    // RFC 4975 §7.1: one chunk for as much of the message as possible; its end is not known yet.
    Serializer::appendChunkHead(m_out, tid, *message->chunkHead,
                                ByteRange{start, std::nullopt, message->size()});
    m_open = OpenChunk{session, message, tid, 0};
    // Registered now: the receiver may refuse the chunk (413) before its end-line is written.
    registerTransaction(tid, session, message->messageId(), 0,
                        message->options().failureReport == ReportMode::Yes);
    if (auto it = m_transactions.find(tid); it != m_transactions.end())
        it->open = true;
}

void Connection::closeChunk(Continuation flag)
{
    OpenChunk chunk = std::exchange(m_open, OpenChunk{});
    if (!chunk.message)
        return;
    Serializer::appendTail(m_out, chunk.transactionId, flag, true);
    auto tx = m_transactions.find(chunk.transactionId);
    if (flag == Continuation::Aborted) {
        // The message is being failed or dropped; its answer does not matter.
        if (tx != m_transactions.end())
            m_transactions.erase(tx);
        return;
    }
    if (tx != m_transactions.end()) {
        // RFC 4975 §7.1.1: the 30 s start when the last byte of the transaction is sent.
        tx->open = false;
        tx->length = chunk.written;
        tx->sent = m_endpoint.clock().now();
    }
    chunk.session->chunkWritten(chunk.message);
    if (flag == Continuation::More)
        chunk.session->rotateOutgoing();
    if (chunk.session->hasOutgoingData())
        markReady(chunk.session);
}

void Connection::abandonChunk(const OutgoingMessage *message)
{
    if (m_open.message == message) {
        closeChunk(Continuation::Aborted);
        flushOut();
    }
}

void Connection::registerTransaction(const QByteArray &tid, Session *session,
                                     const QByteArray &messageId, quint64 length,
                                     bool expectsResponse)
{
    if (!expectsResponse)
        return;

    m_transactions.insert(tid, Transaction{session, messageId, length, m_endpoint.clock().now()});
}

void Connection::sendSuccessReport(const Session &session, const Path &to,
                                   const QByteArray &messageId, quint64 size)
{
    // RFC 4975 §7.1.2: the REPORT goes to the full path back, covers the whole message.
    Frame report;
    report.method = "REPORT";
    report.transactionId = m_endpoint.ids().transactionId();
    report.toPath = to;
    report.fromPath = {session.localUri()};
    report.messageId = messageId;
    report.byteRange = ByteRange{1, size, size};
    report.status = StatusHeader{0, 200, "OK"};
    queueUrgent(Serializer::serialize(report));
}

void Connection::respond(const Frame &request, int status, QByteArray comment)
{
    if (!wantsResponse(request, status))
        return;
    if (comment.isEmpty())
        comment = statusComment(status);
    const auto &paths = responsePaths(request);
    Serializer::appendResponse(m_urgent, request.transactionId, status, comment, paths.first,
                               paths.second);
    ++m_urgentFrames;
    schedulePump();
}

const std::pair<QByteArray, QByteArray> &Connection::responsePaths(const Frame &request)
{
    // Paths parsed from identical header values share one array (the parser's path cache), so
    // the same arrays mean the same paths; the cache holds them, so an address is never reused.
    const bool send = request.method == "SEND";
    ResponsePathCache &c = m_responsePaths;
    const bool same = !request.fromPath.isEmpty() && !request.toPath.isEmpty() && c.send == send &&
                      request.fromPath.constData() == c.requestFrom.constData() &&
                      request.toPath.constData() == c.requestTo.constData();
    if (!same) {
        const Frame r = Serializer::makeResponse(request, 0, {});
        c = ResponsePathCache{request.fromPath,
                              request.toPath,
                              send,
                              {pathToBytes(r.toPath), pathToBytes(r.fromPath)}};
    }
    return c.text;
}

void Connection::checkTimeouts(std::chrono::steady_clock::time_point now)
{
    const auto limit = m_endpoint.config().transactionTimeout;
    QList<Transaction> expired;
    for (auto it = m_transactions.begin(); it != m_transactions.end();) {
        if (!it->open && now - it->sent >= limit) {
            expired.append(*it);
            it = m_transactions.erase(it);
        } else {
            ++it;
        }
    }
    for (const Transaction &t : expired) {
        if (!t.session)
            continue;
        if (t.messageId.isEmpty())
            t.session->connectionLost(QStringLiteral("no answer to the binding SEND"));
        else
            t.session->chunkTimedOut(t.messageId);
    }
}

void Connection::onConnected()
{
    qCInfo(lcMsrp) << "connected to" << peerAddress();
    limitUnsentBacklog(m_socket);
    for (Session *s : std::as_const(m_sessions))
        bindActiveSession(s);
}

void Connection::onReadyRead()
{
    // Hold a guard: a handler may close this connection while the parser runs.
    QPointer<Connection> self(this);
    while (self && !m_closing && m_socket->bytesAvailable() > 0) {
        // A peer that sends requests but does not read our answers is not read from either,
        // until what we owe it has drained: our buffers stay bounded (resumed in pump()).
        if (m_socket->bytesToWrite() > kMaxAnswerBacklog) {
            m_readPaused = true;
            return;
        }
        const QByteArray data = m_socket->read(std::min(m_socket->bytesAvailable(), kReadBlock));
        m_bytesIn += quint64(data.size());
        qCDebug(lcMsrpWire).noquote() << "<-" << peerAddress() << data.left(400);
        // Lab view trace hook (msrpframetap.h): opt-in, one null check when off.
        if (FrameTap *tap = m_endpoint.frameTap())
            tap->observe(this, TappedFrame::Direction::Received, data);
        if (auto r = m_parser.feed(data); !r) {
            // RFC 4975 has no way to find the next frame after a framing error: drop the line.
            qCWarning(lcMsrp) << "closing" << peerAddress()
                              << "after a malformed frame:" << r.error().detail;
            close(QStringLiteral("malformed MSRP: ") + r.error().detail, false);
            return;
        }
    }
}

void Connection::onFrameStart(Frame &&head)
{
    ++m_framesIn;
    m_in.kind = Incoming::Kind::None;
    m_in.session.clear();
    m_in.responded = false;
    if (head.isResponse()) {
        handleResponse(head);
        m_in.kind = Incoming::Kind::Discard;
        m_in.responded = true;
        return;
    }
    m_in.head = std::move(head);
    const Frame &req = m_in.head;
    m_in.kind = Incoming::Kind::Discard;
    auto refuse = [this](int status) {
        respond(m_in.head, status, {});
        m_in.responded = true;
    };
    if (auto ok = checkHead(req); !ok) {
        qCInfo(lcMsrp) << "400 to" << peerAddress() << ok.error().detail;
        return refuse(400);
    }
    // RFC 4975 §7.3: the To-Path names a session of ours, or the answer is 481.
    Session *session = m_endpoint.session(req.toPath.front().sessionId);
    if (!session)
        return refuse(481);
    if (session->connection() && session->connection() != this)
        return refuse(506); // RFC 4975 §7.3: bound to another connection
    // The request must come from the peer negotiated for the session.
    const Path &remote = session->remotePath();
    if (!remote.isEmpty() && !req.fromPath.back().matches(remote.back()))
        return refuse(403);
    if (!session->connection()) {
        // The first request on a new connection binds a session that waits for its peer.
        if (session->state() != SessionState::Waiting)
            return refuse(481);
        if (remote.isEmpty())
            session->setRemotePath(req.fromPath);
        m_endpoint.bind(session, this);
    }
    if (req.method == "REPORT") {
        session->reportReceived(req);
        m_in.responded = true;
        return;
    }
    if (req.method != "SEND")
        return refuse(501);
    if (const int status = session->beginChunk(req))
        return refuse(status); // answered at once, so a large chunk stops early
    m_in.kind = Incoming::Kind::Chunk;
    m_in.session = session;
}

void Connection::onBodyData(QByteArrayView piece)
{
    if (m_in.kind != Incoming::Kind::Chunk || !m_in.session)
        return;
    if (const int status = m_in.session->chunkData(piece); status && !m_in.responded) {
        respond(m_in.head, status, {});
        m_in.responded = true;
    }
}

void Connection::onFrameEnd(Continuation flag)
{
    // Taken field by field: a fresh Incoming would build and destroy a whole Frame per chunk.
    const Incoming::Kind kind = std::exchange(m_in.kind, Incoming::Kind::None);
    const QPointer<Session> session = std::exchange(m_in.session, nullptr);
    const bool responded = std::exchange(m_in.responded, false);
    if (kind != Incoming::Kind::Chunk || !session)
        return;
    QPointer<Connection> self(this);
    session->endChunk(
        flag, [self, head = std::move(m_in.head), responded](int status, QByteArray comment) {
            if (self && !responded)
                self->respond(head, status, std::move(comment));
        });
}

void Connection::handleResponse(const Frame &response)
{
    auto it = m_transactions.find(response.transactionId);
    if (it == m_transactions.end())
        return; // timed out already, or an abandoned chunk's answer
    const Transaction t = *it;
    if (t.open) {
        // An answer before the chunk's end-line: only a refusal makes sense, and it stops the
        // chunk at once (e.g. 413 for a message over a=max-size).
        if (response.statusCode == 200)
            return;
        closeChunk(Continuation::Aborted);
        flushOut();
    }
    m_transactions.remove(response.transactionId);
    if (!t.session)
        return;
    if (t.messageId.isEmpty()) {
        // The binding SEND: any error means the peer does not have the session.
        if (response.statusCode != 200)
            t.session->connectionLost(QStringLiteral("peer refused the session: %1 %2")
                                          .arg(response.statusCode)
                                          .arg(QString::fromUtf8(response.comment)));
        return;
    }
    t.session->chunkAnswered(t.messageId, t.length, response.statusCode, response.comment);
}

void Connection::close(const QString &reason, bool graceful)
{
    if (m_closing)
        return;
    m_closing = true;
    qCInfo(lcMsrp) << "connection" << peerAddress() << "closed:" << reason;
    // Sessions learn first, while the connection object still exists.
    const auto sessions = std::exchange(m_sessions, {});
    m_ready.clear();
    m_readySet.clear();
    // An open chunk of ours ends with '#' (RFC 4975 §7.1), so that what follows is framed.
    if (m_open.message)
        closeChunk(Continuation::Aborted);
    for (Session *s : sessions)
        s->connectionLost(reason, m_closedByPeer);
    m_transactions.clear();
    Q_EMIT closed(reason);
    m_endpoint.forgetConnection(this);
    if (graceful && isConnected()) {
        // Let what is queued (last responses, a final REPORT) reach the peer first.
        m_framesOut += quint64(std::exchange(m_urgentFrames, 0));
        stage(std::exchange(m_urgent, QByteArray()));
        flushOut();
        connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        QTimer::singleShot(5000, this, [this] {
            m_socket->abort();
            deleteLater();
        });
        m_socket->disconnectFromHost();
    } else {
        m_socket->abort();
        deleteLater();
    }
}

void Connection::onDisconnected()
{
    if (m_closing)
        return;
    m_closedByPeer = m_socket->error() == QAbstractSocket::RemoteHostClosedError ||
                     m_socket->error() == QAbstractSocket::UnknownSocketError;
    close(m_closedByPeer ? QStringLiteral("connection closed by the peer")
                         : m_socket->errorString(),
          false);
}

} // namespace herald::msrp
