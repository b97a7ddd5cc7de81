// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QHostAddress>
#include <QObject>

class QTcpServer;

namespace herald::msrp {

class Connection;
class Endpoint;

// The passive side of MSRP (RFC 4975 §5.4, RFC 6135 a=setup:passive): a TCP listener that turns
// every accepted socket into an inbound Connection of its endpoint. The socket API stays in
// engine/msrp/transport; the endpoint only sees Connections.
class Listener : public QObject
{
    Q_OBJECT

public:
    explicit Listener(Endpoint &endpoint);
    ~Listener() override;

    // Port 0 takes any free port (tests); serverPort() tells which.
    Result<void> listen(const QHostAddress &address, quint16 port);
    void close();
    bool isListening() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;

Q_SIGNALS:
    // A peer connected; the connection belongs to the endpoint (its QObject parent).
    void accepted(herald::msrp::Connection *connection);

private:
    void acceptPending();

    Endpoint &m_endpoint;
    QTcpServer *m_server;
};

} // namespace herald::msrp
