// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/rest/restconfig.h"

#include <QHostAddress>
#include <QObject>

#include <memory>

namespace herald::service {
class Engine;
}

namespace herald::rest {

class OpsEndpoints;
class RestApi;

// The HTTP glue (DESIGN.md §6: QtHttpServer stays in this folder, its API changes in later Qt):
// turns QtHttpServer requests into HttpRequest for RestApi, writes its replies with a
// Content-Length, keeps event-stream responses open, and enforces the connection limit.
class RestServer : public QObject
{
    Q_OBJECT

public:
    RestServer(service::Engine &engine, RestConfig config, QObject *parent = nullptr);
    ~RestServer() override;

    // Listens on config.listenAddress:port. Fails without a token or when the port is taken.
    Result<void> start();
    void stop();
    quint16 port() const;
    QHostAddress address() const;

    RestApi &api();
    // Also serve /healthz and /metrics (OpsEndpoints, with their own token rules) on this
    // listener; null stops it. The endpoints must outlive the server or be unset first.
    void setOpsEndpoints(OpsEndpoints *ops);
    // Open HTTP connections.
    int connectionCount() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace herald::rest
