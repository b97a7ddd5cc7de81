// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/transport/msrpconnector.h"

#include "engine/msrp/transport/msrpconnection.h"

#include <QTcpSocket>

namespace herald::msrp {

Connection *Connector::open(const Uri &firstHop, const std::function<void(Connection *)> &adopt)
{
    auto *socket = new QTcpSocket;
    auto *connection = new Connection(m_endpoint, socket, Connection::Direction::Outbound,
                                      firstHop.authorityKey());
    adopt(connection);
    QByteArray host = firstHop.host;
    if (host.startsWith('['))
        host = host.mid(1, host.size() - 2);
    // RFC 4975 §6: an MSRP URI without a port has no default one; 2855 is only registered.
    socket->connectToHost(QString::fromLatin1(host), firstHop.port.value_or(2855));
    return connection;
}

} // namespace herald::msrp
