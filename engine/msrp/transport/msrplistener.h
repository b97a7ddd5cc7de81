// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QHostAddress>
#include <QObject>

class QTcpServer;

namespace herald::msrp {

// Accepts MSRP connections (RFC 4975 §6: MSRP over TCP) and hands each accepted socket to a
// small connection handler that runs the codec over it.
//
// No sessions exist yet, so the handler answers every request that wants a response with
// 481 (RFC 4975 §7.3) and closes a connection whose bytes do not parse (RFC 4975 gives no
// way to resynchronise a stream). The session layer replaces the handler.
class Listener : public QObject
{
    Q_OBJECT

public:
    explicit Listener(QObject *parent = nullptr);
    ~Listener() override;

    // Binds and listens. Port 0 picks a free port; serverPort() tells which. Fails with
    // Conflict when the address is in use, Io for any other socket error.
    Result<void> listen(const QHostAddress &address, quint16 port);
    // Stops accepting and closes every open connection.
    void close();

    bool isListening() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;
    // Connections accepted and not yet closed.
    int connectionCount() const;

Q_SIGNALS:
    // A connection was accepted or went away; `count` is connectionCount() after the change.
    void connectionCountChanged(int count);

private:
    void acceptPending();

    QTcpServer *m_server = nullptr;
    int m_connectionCount = 0;
};

} // namespace herald::msrp
