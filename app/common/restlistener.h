// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "app/common/listenaddress.h"
#include "engine/core/result.h"
#include "engine/rest/restconfig.h"

#include <QString>

#include <memory>

namespace herald::service {
class Engine;
}

namespace herald::rest {
class OpsEndpoints;
class RestServer;
} // namespace herald::rest

namespace herald::app {

// The REST API (issue 6) as heraldd and the console start it: one code path, so a PSAP
// application drives the console's engine exactly as it drives heraldd's, token included.

// The API's settings for `listen` and `token`. Refused without a token: QtHttpServer 6.4 has
// no authentication of its own (PLATFORM.md §10), and an open API hands the calls to any
// local process.
Result<rest::RestConfig> restConfigFor(const ListenAddress &listen, const QString &token);

// Listens with `config` on a started engine, and serves `ops` (/healthz, /metrics; may be null)
// on the same listener. The engine, and `ops`, must outlive the server.
Result<std::unique_ptr<rest::RestServer>>
startRestServer(service::Engine &engine, const rest::RestConfig &config, rest::OpsEndpoints *ops);

// "REST listening on 127.0.0.1:8081": what the operator and the tests read once it listens.
QString restListeningLine(const rest::RestServer &server);

} // namespace herald::app
