// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/rest/binding/opsserver.h"

#include "engine/rest/opsendpoints.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <QTcpSocket>

namespace herald::rest {

class OpsServer::Private
{
public:
    Private(OpsEndpoints &endpoints, QHostAddress listenAddress, quint16 listenPort)
        : ops(endpoints)
        , address(std::move(listenAddress))
        , port(listenPort)
    {}

    OpsEndpoints &ops;
    QHostAddress address;
    quint16 port;
    QHttpServer http;
    QTcpServer *tcp = nullptr;
};

OpsServer::OpsServer(OpsEndpoints &ops, QHostAddress address, quint16 port, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(ops, std::move(address), port))
{
    // One handler for every request, so that a wrong method gets 405 (QtHttpServer 6.4 would
    // route only by path: PLATFORM.md §4).
    d->http.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            HttpRequest converted;
            converted.method = request.method() == QHttpServerRequest::Method::Get    ? "GET"
                               : request.method() == QHttpServerRequest::Method::Head ? "HEAD"
                                                                                      : "OTHER";
            converted.path = request.url().path();
            converted.query = request.query();
            converted.headers = request.headers();
            const HttpReply reply = d->ops.handle(converted);
            responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
            for (const auto &[name, value] : reply.headers)
                responder.writeHeader(name, value);
            responder.writeHeader(QByteArrayLiteral("Content-Length"),
                                  QByteArray::number(reply.body.size()));
            responder.writeBody(reply.body);
        });
}

OpsServer::~OpsServer() = default;

Result<void> OpsServer::start()
{
    if (d->tcp)
        return {};
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(d->address, d->port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return fail(ErrorCode::Io, QStringLiteral("ops endpoints cannot listen on %1:%2: %3")
                                       .arg(d->address.toString())
                                       .arg(d->port)
                                       .arg(why));
    }
    d->http.bind(tcp);
    d->tcp = tcp;
    return {};
}

quint16 OpsServer::port() const
{
    return d->tcp ? d->tcp->serverPort() : 0;
}

QHostAddress OpsServer::address() const
{
    return d->tcp ? d->tcp->serverAddress() : QHostAddress();
}

} // namespace herald::rest
