// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/transport/msrplistener.h"

#include "engine/msrp/transport/msrpconnection.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace herald::msrp {

Listener::Listener(Endpoint &endpoint)
    : m_endpoint(endpoint)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &Listener::acceptPending);
}

Listener::~Listener() = default;

Result<void> Listener::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server->listen(address, port)) {
        const auto code = m_server->serverError() == QAbstractSocket::AddressInUseError
                              ? ErrorCode::Conflict
                              : ErrorCode::Io;
        return fail(code, QStringLiteral("cannot listen on %1:%2 for MSRP: %3")
                              .arg(address.toString())
                              .arg(port)
                              .arg(m_server->errorString()));
    }
    return {};
}

void Listener::close()
{
    m_server->close();
}

bool Listener::isListening() const
{
    return m_server->isListening();
}

QHostAddress Listener::serverAddress() const
{
    return m_server->serverAddress();
}

quint16 Listener::serverPort() const
{
    return m_server->serverPort();
}

void Listener::acceptPending()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection())
        Q_EMIT accepted(new Connection(m_endpoint, socket, Connection::Direction::Inbound));
}

} // namespace herald::msrp
