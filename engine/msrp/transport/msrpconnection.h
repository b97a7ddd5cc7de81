// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msrp/codec/msrpparser.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <chrono>
#include <deque>
#include <utility>

class QTcpSocket;

namespace herald::msrp {

class Endpoint;
class OutgoingMessage;
class Session;

// One TCP connection carrying any number of MSRP sessions (RFC 4975 §5.4, §7.3): it routes
// incoming requests to sessions by the session-id of their To-Path, and shares its outgoing
// side fairly between its sessions.
//
// Sending follows RFC 4975 §7.1: a large message goes out as one chunk whose Byte-Range end is
// "*", its body written a block at a time while the socket has room; the chunk is ended with
// '+' as soon as a response, a REPORT or another message waits, and the message continues in
// a later chunk. Sessions configured with a fixed chunk size send chunks of that size instead.
// The disk is read only while the socket's write buffer is below the high-water mark.
class Connection : public QObject, private ParserHandler
{
    Q_OBJECT

public:
    enum class Direction { Inbound, Outbound };
    Q_ENUM(Direction)

    Connection(Endpoint &endpoint, QTcpSocket *socket, Direction direction,
               QByteArray authorityKey = {});
    ~Connection() override;

    Direction direction() const { return m_direction; }
    // "host:port" of the peer this outbound connection was opened to; empty for inbound ones.
    const QByteArray &authorityKey() const { return m_authorityKey; }
    bool isConnected() const;
    bool isClosing() const { return m_closing; }
    QString peerAddress() const;
    int sessionCount() const { return int(m_sessions.size()); }
    const QList<Session *> &sessions() const { return m_sessions; }
    quint64 bytesIn() const { return m_bytesIn; }
    quint64 bytesOut() const { return m_bytesOut; }
    quint64 framesIn() const { return m_framesIn; }
    quint64 framesOut() const { return m_framesOut; }
    int transactionsInFlight() const { return int(m_transactions.size()); }

    // Adds a session that will use this connection; it binds once the connection is up.
    void attach(Session *session);
    // Removes a session (closing): an open chunk of its is ended with '#'.
    void detach(Session *session);
    void sessionHasData(Session *session);
    // Ends the open chunk of `message` with '#', if it is the one being written.
    void abandonChunk(const OutgoingMessage *message);
    void sendSuccessReport(const Session &session, const Path &to, const QByteArray &messageId,
                           quint64 size);
    // Hands the waiting responses to the socket at once (the 200 for a message's last chunk
    // leaves before messageReceived is emitted), unless our own open chunk cannot end yet.
    void flushUrgent();
    // Fails every transaction older than the timeout (RFC 4975 §7.1.1).
    void checkTimeouts(std::chrono::steady_clock::time_point now);
    // Tells every session, then closes: gracefully (queued octets first) or at once.
    void close(const QString &reason, bool graceful);

Q_SIGNALS:
    // The connection is gone; its sessions were told. The endpoint deletes it later.
    void closed(const QString &reason);

private:
    // ParserHandler
    void onFrameStart(Frame &&head) override;
    void onBodyData(QByteArrayView piece) override;
    void onFrameEnd(Continuation flag) override;

    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void schedulePump();
    void pump();
    void startChunk(Session *session, OutgoingMessage *message);
    void closeChunk(Continuation flag);
    void write(const QByteArray &bytes);
    // What write() records of octets sent (counters, wire log), for octets that bypass it.
    void noteSent(QByteArrayView bytes);
    // The open chunk's next file octets straight from the page cache into the socket
    // (sendfile), once canSendFileDirect() and Qt's buffer is empty. Returns the octets sent;
    // 0 with `kernelFull` set when the socket took nothing, 0 alone on an error the copying
    // path then meets and reports.
    qint64 sendFileDirect(bool &kernelFull);
    bool canSendFileDirect() const;
    // Adds to the outgoing batch; it leaves in one socket write when it is large enough or
    // when flushOut() runs (many 2048-octet chunks in one write, not one write each).
    void stage(QByteArrayView bytes);
    void flushOut();
    void queueUrgent(QByteArrayView bytes);
    // The To-Path and From-Path of a response to `request`, as written (RFC 4975 §7.2).
    const std::pair<QByteArray, QByteArray> &responsePaths(const Frame &request);
    void respond(const Frame &request, int status, QByteArray comment);
    void handleResponse(const Frame &response);
    void bindActiveSession(Session *session);
    Frame sendHead(const Session &session, const OutgoingMessage &message,
                   const QByteArray &transactionId) const;
    void registerTransaction(const QByteArray &tid, Session *session, const QByteArray &messageId,
                             quint64 length, bool expectsResponse);
    void markReady(Session *session);

    Endpoint &m_endpoint;
    QTcpSocket *m_socket;
    Direction m_direction;
    QByteArray m_authorityKey;
    Parser m_parser;
    bool m_closing = false;
    bool m_closedByPeer = false; // an orderly close from the peer's side (see onDisconnected)
    bool m_pumpScheduled = false;
    bool m_readPaused = false;

    QList<Session *> m_sessions;
    std::deque<Session *> m_ready; // sessions with octets to send, in turn order
    QSet<Session *> m_readySet;
    QByteArray m_urgent; // responses, REPORTs, binding SENDs: ahead of data
    int m_urgentFrames = 0;
    QByteArray m_out; // staged for the socket, in order
    // The paths of the last response, by the identity of the request's (shared) parsed paths:
    // every chunk of a session is answered with the same paths.
    struct ResponsePathCache
    {
        Path requestFrom;
        Path requestTo;
        bool send = false;
        std::pair<QByteArray, QByteArray> text;
    };
    ResponsePathCache m_responsePaths;

    struct OpenChunk
    {
        Session *session = nullptr;
        OutgoingMessage *message = nullptr;
        QByteArray transactionId;
        quint64 written = 0;
    };
    OpenChunk m_open;

    struct Transaction
    {
        QPointer<Session> session;
        QByteArray messageId; // empty for a binding SEND
        quint64 length = 0;
        std::chrono::steady_clock::time_point sent;
        bool open = false; // the chunk's body is still being written
    };
    QHash<QByteArray, Transaction> m_transactions;

    // The request being received.
    struct Incoming
    {
        enum class Kind { None, Chunk, Discard };
        Kind kind = Kind::None;
        Frame head;
        QPointer<Session> session;
        bool responded = false;
    };
    Incoming m_in;

    quint64 m_bytesIn = 0;
    quint64 m_bytesOut = 0;
    quint64 m_framesIn = 0;
    quint64 m_framesOut = 0;
};

} // namespace herald::msrp
