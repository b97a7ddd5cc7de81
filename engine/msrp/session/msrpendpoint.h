// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/clock.h"
#include "engine/core/ids.h"
#include "engine/core/result.h"
#include "engine/msrp/codec/msrpparser.h"
#include "engine/msrp/session/msrpsession.h"
#include "engine/msrp/transport/msrpconnection.h"
#include "engine/msrp/transport/msrpconnector.h"
#include "engine/msrp/transport/msrpframetap.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <chrono>

class QTimer;

namespace herald::msrp {

class Listener;

struct EndpointConfig
{
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 2855; // 0: any free port (tests)
    // The host written in our MSRP URIs; empty: the listen address.
    QByteArray advertisedHost;
    // A new connection to the same peer is opened when this many sessions use the existing one.
    int maxSessionsPerConnection = 1000;
    // RFC 4975 §7.1.1: a transaction with no response after 30 s has failed.
    std::chrono::milliseconds transactionTimeout{30000};
    // The disk is read for a transfer only while less than this waits in a socket's buffer.
    // Also bounds how long a text waits behind a transfer on the same connection.
    qint64 writeHighWater = 256 * 1024;
    ParserLimits parserLimits;
};

// Herald's MSRP endpoint: the session registry and the connection registry, over a Listener
// and a Connector (engine/msrp/transport) that own the sockets.
//
// Connection model (DESIGN.md §1): a session to a peer reuses an open connection to the same
// authority, a new connection is opened when the existing ones carry maxSessionsPerConnection
// sessions, and any connection carries sessions to different endpoints, routed by the
// session-id of the To-Path.
class Endpoint : public QObject
{
    Q_OBJECT

public:
    Endpoint(EndpointConfig config, Clock &clock, RandomSource &random, QObject *parent = nullptr);
    ~Endpoint() override;

    Result<void> listen();
    void close();
    bool isListening() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;

    // A new session with a fresh session-id (RFC 4975 §14.1: 119 bits from the CSPRNG).
    Session *createSession(SessionOptions options = {});
    // Active side (RFC 4975 §5.4; RFC 6135 a=setup:active): connect to the first hop of
    // `remotePath` (or reuse a connection to it) and bind with a SEND.
    void connectSession(Session *session, Path remotePath);
    // Passive side: wait for the peer's first request. An empty path takes the peer's From-Path.
    void acceptSession(Session *session, Path remotePath = {});

    Session *session(const QByteArray &sessionId) const { return m_sessions.value(sessionId); }
    QList<Session *> sessions() const { return m_sessions.values(); }
    QList<Connection *> connections() const { return m_connections; }

    // Fails transactions that waited longer than the timeout; run every second by a timer, and
    // by tests that move a ManualClock.
    void checkTimeouts();

    const EndpointConfig &config() const { return m_config; }
    Clock &clock() const { return m_clock; }
    IdGenerator &ids() { return m_ids; }
    // Lab view trace (opt-in): every frame sent and received is shown to `tap`; nullptr
    // removes it. The tap is not owned and must be removed before it is destroyed.
    void setFrameTap(FrameTap *tap) { m_frameTap = tap; }
    FrameTap *frameTap() const { return m_frameTap; }

Q_SIGNALS:
    void sessionCreated(herald::msrp::Session *session);
    // The session reached Closed or Failed; it is deleted after this signal's event-loop turn.
    void sessionEnded(herald::msrp::Session *session);
    void connectionOpened(herald::msrp::Connection *connection);
    void connectionClosed(herald::msrp::Connection *connection);

private:
    friend class Session;
    friend class Connection;

    void adoptConnection(Connection *connection);
    void bind(Session *session, Connection *connection);
    void forgetSession(Session *session);
    // Takes a session that ends before being bound off every connection that holds it.
    void leaveConnections(Session *session);
    void forgetConnection(Connection *connection);
    Connection *connectionTo(const Uri &firstHop);

    EndpointConfig m_config;
    Clock &m_clock;
    IdGenerator m_ids;
    Listener *m_listener = nullptr;
    Connector m_connector{*this};
    QTimer *m_timeoutTimer = nullptr;
    QHash<QByteArray, Session *> m_sessions;
    QList<Connection *> m_connections;
    FrameTap *m_frameTap = nullptr;
};

} // namespace herald::msrp
