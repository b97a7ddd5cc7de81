// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/rest/eventhub.h"

#include <QByteArray>
#include <QHostAddress>
#include <QStringList>

namespace herald::rest {

// The REST API's settings: a plain struct main() fills (PLATFORM.md §10: QtHttpServer 6.4
// has no auth and no limits of its own, and would bind every interface).
struct RestConfig
{
    // Loopback unless the operator says otherwise.
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8081; // 0: a free port (tests); RestServer::port() tells which
    // Every request must carry it: "Authorization: Bearer TOKEN", Basic with TOKEN as the
    // password (XMS clients' configurable credentials), or ?access_token=TOKEN (RFC 6750 §2.3,
    // for EventSource, which cannot set headers). Empty: the server refuses to start.
    QByteArray token;
    // The appid values accepted on /default/... (403 for others); empty accepts any non-empty one.
    QStringList appIds;
    // send_message msg_payload_uri="file:///..." may name files only below this directory
    // (empty: no file may be sent by reference).
    QString payloadDirectory;
    qint64 maxBodyBytes = 256 * 1024;
    int maxConnections = 64;
    EventHubLimits events;
};

} // namespace herald::rest
