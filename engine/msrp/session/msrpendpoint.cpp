// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/session/msrpendpoint.h"

#include "engine/core/logging.h"
#include "engine/msrp/transport/msrpconnection.h"
#include "engine/msrp/transport/msrplistener.h"

#include <QTimer>

namespace herald::msrp {

Endpoint::Endpoint(EndpointConfig config, Clock &clock, RandomSource &random, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_ids(random)
{
    qRegisterMetaType<MessageInfo>();
    qRegisterMetaType<ReceivedMessage>();
    m_timeoutTimer = new QTimer(this);
    m_timeoutTimer->setInterval(1000);
    connect(m_timeoutTimer, &QTimer::timeout, this, &Endpoint::checkTimeouts);
    m_timeoutTimer->start();
}

Endpoint::~Endpoint()
{
    // Sessions and connections are children; stop them from calling back into a dying endpoint.
    for (Connection *c : std::as_const(m_connections))
        c->disconnect(this);
}

Result<void> Endpoint::listen()
{
    if (!m_listener) {
        m_listener = new Listener(*this);
        m_listener->setParent(this);
        connect(m_listener, &Listener::accepted, this, [this](Connection *connection) {
            adoptConnection(connection);
            qCInfo(lcMsrp).noquote()
                << "accepted MSRP connection from" << connection->peerAddress();
        });
    }
    if (auto r = m_listener->listen(m_config.listenAddress, m_config.listenPort); !r)
        return r;
    if (m_config.advertisedHost.isEmpty()) {
        const QHostAddress a = m_listener->serverAddress();
        QString host = (a == QHostAddress::Any || a == QHostAddress::AnyIPv4)
                           ? QStringLiteral("127.0.0.1")
                       : a == QHostAddress::AnyIPv6 ? QStringLiteral("::1")
                                                    : a.toString();
        if (host.contains(QLatin1Char(':')))
            host = QLatin1Char('[') + host + QLatin1Char(']');
        m_config.advertisedHost = host.toLatin1();
    }
    qCInfo(lcMsrp).noquote() << "MSRP listening on" << m_listener->serverAddress().toString()
                             << "port" << m_listener->serverPort();
    return {};
}

void Endpoint::close()
{
    if (m_listener)
        m_listener->close();
    const auto sessions = m_sessions.values();
    for (Session *s : sessions)
        s->close(QStringLiteral("endpoint closing"));
    const auto connections = m_connections;
    for (Connection *c : connections)
        c->close(QStringLiteral("endpoint closing"), true);
}

bool Endpoint::isListening() const
{
    return m_listener && m_listener->isListening();
}

QHostAddress Endpoint::serverAddress() const
{
    return m_listener ? m_listener->serverAddress() : QHostAddress();
}

quint16 Endpoint::serverPort() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

Session *Endpoint::createSession(SessionOptions options)
{
    Uri local;
    local.host = m_config.advertisedHost.isEmpty() ? QByteArrayLiteral("127.0.0.1")
                                                   : m_config.advertisedHost;
    local.port = serverPort() ? std::optional<quint16>(serverPort()) : std::nullopt;
    local.sessionId = m_ids.sessionId();
    local.transport = QByteArrayLiteral("tcp");
    auto *session = new Session(*this, std::move(local), std::move(options));
    m_sessions.insert(session->id(), session);
    Q_EMIT sessionCreated(session);
    return session;
}

Connection *Endpoint::connectionTo(const Uri &firstHop)
{
    const QByteArray key = firstHop.authorityKey();
    for (Connection *c : std::as_const(m_connections)) {
        if (c->direction() == Connection::Direction::Outbound && !c->isClosing() &&
            c->authorityKey() == key && c->sessionCount() < m_config.maxSessionsPerConnection)
            return c;
    }
    return m_connector.open(firstHop, [this](Connection *c) { adoptConnection(c); });
}

void Endpoint::connectSession(Session *session, Path remotePath)
{
    Q_ASSERT(!remotePath.isEmpty());
    session->setRemotePath(std::move(remotePath));
    session->transition(SessionEvent::Connect);
    Connection *connection = connectionTo(session->remotePath().front());
    connection->attach(session);
}

void Endpoint::acceptSession(Session *session, Path remotePath)
{
    session->setRemotePath(std::move(remotePath));
    session->transition(SessionEvent::Wait);
}

void Endpoint::bind(Session *session, Connection *connection)
{
    connection->attach(session);
    session->bindTo(connection);
}

void Endpoint::adoptConnection(Connection *connection)
{
    m_connections.append(connection);
    Q_EMIT connectionOpened(connection);
}

void Endpoint::forgetSession(Session *session)
{
    if (m_sessions.remove(session->id())) {
        Q_EMIT sessionEnded(session);
        session->deleteLater();
    }
}

void Endpoint::leaveConnections(Session *session)
{
    const auto connections = m_connections;
    for (Connection *c : connections) {
        if (c->sessions().contains(session))
            c->detach(session);
    }
}

void Endpoint::forgetConnection(Connection *connection)
{
    if (m_connections.removeOne(connection))
        Q_EMIT connectionClosed(connection);
}

void Endpoint::checkTimeouts()
{
    const auto now = m_clock.now();
    const auto connections = m_connections;
    for (Connection *c : connections)
        c->checkTimeouts(now);
}

} // namespace herald::msrp
