// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "app/common/restlistener.h"

#include "engine/rest/binding/restserver.h"
#include "engine/rest/opsendpoints.h"
#include "engine/rest/restapi.h"

namespace herald::app {

Result<rest::RestConfig> restConfigFor(const ListenAddress &listen, const QString &token)
{
    if (token.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a token is required"));
    rest::RestConfig config;
    config.listenAddress = listen.address;
    config.port = listen.port;
    config.token = token.toUtf8();
    return config;
}

Result<std::unique_ptr<rest::RestServer>>
startRestServer(service::Engine &engine, const rest::RestConfig &config, rest::OpsEndpoints *ops)
{
    auto server = std::make_unique<rest::RestServer>(engine, config);
    if (auto listening = server->start(); !listening)
        return tl::unexpected(listening.error());
    if (ops) {
        // /metrics on this listener counts the API's event streams too.
        ops->setEventHub(&server->api().events());
        server->setOpsEndpoints(ops);
    }
    return server;
}

QString restListeningLine(const rest::RestServer &server)
{
    return QStringLiteral("REST listening on ") + formatHostPort(server.address(), server.port());
}

} // namespace herald::app
