// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/msrp/codec/msrpframe.h"
#include "engine/msrp/session/msrpincomingmessage.h"
#include "engine/msrp/session/msrpoutgoingmessage.h"
#include "engine/msrp/session/msrptypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <memory>

namespace herald::msrp {

class Connection;
class Endpoint;

struct SessionOptions
{
    // 0: interruptible chunks, as few as possible (RFC 4975 §7.1); otherwise every chunk holds
    // at most this many octets (e.g. 2048, or what a relay accepts: Kamailio takes ~10 KB).
    qsizetype chunkSize = 0;
    // a=max-size we announced: larger incoming messages get 413 (0: no limit of our own).
    quint64 maxSize = 0;
    // Incoming messages without a sink factory are kept in memory up to this size.
    qsizetype maxInMemory = 1024 * 1024;
    // a=accept-types we announced; "*" accepts anything (RFC 4975 §8.6). Others get 415.
    QList<QByteArray> acceptTypes = {QByteArrayLiteral("*")};
    // Where an incoming message goes; null keeps every message in memory (up to maxInMemory).
    std::function<Result<std::unique_ptr<MessageSink>>(const Frame &firstChunk)> sinkFactory;
};

// Decides when an incoming message may be acknowledged. The store installs one so that a
// message is durable before its final 200 leaves (DESIGN.md §2): `done` runs with success,
// or with an error that is answered instead of the 200.
class ReceiveGate
{
public:
    virtual ~ReceiveGate() = default;
    virtual void admit(const ReceivedMessage &message, std::function<void(Result<void>)> done) = 0;
};

// One MSRP session (RFC 4975): a local URI, the peer's path, and the messages both ways.
// Created by an Endpoint, which binds it to a connection. All signals fire on the engine's
// thread.
class Session : public QObject
{
    Q_OBJECT

public:
    ~Session() override;

    const QByteArray &id() const { return m_localUri.sessionId; }
    const Uri &localUri() const { return m_localUri; }
    const Path &remotePath() const { return m_remotePath; }
    // The paths as written in To-Path / From-Path, kept so every chunk need not write them.
    const QByteArray &remotePathText() const { return m_remotePathText; }
    const QByteArray &localUriText() const { return m_localUriText; }
    const SessionOptions &options() const { return m_options; }
    SessionState state() const { return m_state; }
    Connection *connection() const;
    QString closeReason() const { return m_closeReason; }
    // The peer closed the connection in order (a TCP FIN, not an error or a close of ours):
    // typically because it is hanging up, with its BYE on the way.
    bool closedByPeer() const { return m_closedByPeer; }

    // Queues a message; returns its Message-ID. Sending starts once the session is bound.
    QByteArray sendText(QByteArray contentType, QByteArray body, SendOptions options = {});
    Result<QByteArray> sendFile(const QString &path, QByteArray contentType,
                                SendOptions options = {});
    // Stops sending a message (its current chunk ends with '#').
    void abortMessage(const QByteArray &messageId);
    std::optional<MessageInfo> outgoingInfo(const QByteArray &messageId) const;

    void setReceiveGate(ReceiveGate *gate) { m_gate = gate; }

    // Ends the session: queued and unacknowledged messages fail, partial incoming ones are
    // dropped, the connection is released. Emits closed().
    void close(const QString &reason = QStringLiteral("closed"));

Q_SIGNALS:
    void stateChanged(herald::msrp::SessionState state);
    // Delivery state or progress of an outgoing message changed.
    void outgoingChanged(const herald::msrp::MessageInfo &info);
    // An incoming message started, progressed, or ended incomplete (state Aborted/Failed).
    void incomingChanged(const herald::msrp::MessageInfo &info);
    // An incoming message arrived whole (and passed the receive gate).
    void messageReceived(const herald::msrp::ReceivedMessage &message);
    void closed(const QString &reason);

private:
    friend class Endpoint;
    friend class Connection;

    Session(Endpoint &endpoint, Uri localUri, SessionOptions options);

    // --- used by Endpoint ---
    void setRemotePath(Path path)
    {
        m_remotePath = std::move(path);
        m_remotePathText = pathToBytes(m_remotePath);
    }
    void transition(SessionEvent event, const QString &reason = {});

    // --- used by Connection, sending side ---
    bool hasOutgoingData() const { return !m_sendQueue.empty(); }
    OutgoingMessage *frontOutgoing() const
    {
        return m_sendQueue.empty() ? nullptr : m_sendQueue.front();
    }
    // Puts the front message at the back (it was interrupted; others take their turn).
    void rotateOutgoing();
    bool hasOtherOutgoing(const OutgoingMessage *than) const;
    void chunkWritten(OutgoingMessage *message);
    void chunkAnswered(const QByteArray &messageId, quint64 length, int status,
                       const QByteArray &comment);
    void chunkTimedOut(const QByteArray &messageId);
    void reportReceived(const Frame &report);
    void failOutgoing(OutgoingMessage *message, DeliveryEvent event, int status,
                      const QString &reason);

    // --- used by Connection, receiving side ---
    // A SEND chunk's head arrived: 0 to take its body, or the status to answer with.
    int beginChunk(const Frame &head);
    // Body octets of the chunk begun last; a status when the chunk must be refused.
    int chunkData(QByteArrayView piece);
    // The chunk ended; `respond` gets the status for its response (maybe later, after the gate).
    void endChunk(Continuation flag, std::function<void(int status, QByteArray comment)> respond);
    void bindTo(Connection *connection);
    void connectionLost(const QString &reason, bool byPeer = false);
    // What close() and a lost connection share: fail what is unfinished, then say closed().
    void end(SessionEvent event, const QString &reason);

    void emitOutgoing(const OutgoingMessage &m) { Q_EMIT outgoingChanged(m.info()); }
    void queueOutgoing(std::unique_ptr<OutgoingMessage> message);
    void dropIncoming(const QString &reason);
    bool accepts(const QByteArray &contentType) const;

    Endpoint &m_endpoint;
    Uri m_localUri;
    Path m_remotePath;
    QByteArray m_remotePathText;
    QByteArray m_localUriText;
    SessionOptions m_options;
    SessionState m_state = SessionState::Idle;
    QPointer<Connection> m_connection;
    QString m_closeReason;
    bool m_closedByPeer = false;
    ReceiveGate *m_gate = nullptr;

    // Outgoing: every message until it reaches a final state; the queue holds those with
    // octets left to send, the front one sending.
    QHash<QByteArray, std::shared_ptr<OutgoingMessage>> m_outgoing;
    std::deque<OutgoingMessage *> m_sendQueue;

    // Incoming: reassembly by Message-ID, and the chunk being received now.
    QHash<QByteArray, std::shared_ptr<IncomingMessage>> m_incoming;
    struct ChunkInProgress
    {
        std::shared_ptr<IncomingMessage> message;
        quint64 start = 1;    // 1-based position of the chunk's first octet
        quint64 received = 0; // octets of this chunk so far
        std::optional<quint64> declaredEnd;
        int refusal = 0; // a status that refuses the chunk, once known
    };
    ChunkInProgress m_chunk;
};

} // namespace herald::msrp
