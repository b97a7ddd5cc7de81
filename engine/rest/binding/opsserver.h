// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QHostAddress>
#include <QObject>

#include <memory>

namespace herald::rest {

class OpsEndpoints;

// A listener of its own for /healthz and /metrics (heraldd --ops-listen), so that probes and
// scrapers reach them without the REST API being on, or on another interface than the API.
// The HTTP glue only; OpsEndpoints answers. Refuses other paths with 404.
class OpsServer : public QObject
{
    Q_OBJECT

public:
    // `ops` must outlive the server.
    OpsServer(OpsEndpoints &ops, QHostAddress address, quint16 port, QObject *parent = nullptr);
    ~OpsServer() override;

    Result<void> start();
    quint16 port() const;
    QHostAddress address() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace herald::rest
