// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/rest/binding/restserver.h"

#include "engine/core/logging.h"
#include "engine/rest/opsendpoints.h"
#include "engine/rest/restapi.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <map>

namespace herald::rest {

namespace {

// A QTcpServer that closes connections beyond a limit before QtHttpServer sees them
// (PLATFORM.md §10: it has no limit of its own).
class LimitedTcpServer : public QTcpServer
{
public:
    LimitedTcpServer(int maxConnections, QObject *parent)
        : QTcpServer(parent)
        , m_max(maxConnections)
    {}
    int count() const { return m_count; }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        if (m_count >= m_max) {
            qCWarning(lcService) << "REST: connection limit" << m_max << "reached; refused";
            socket->abort();
            socket->deleteLater();
            return;
        }
        ++m_count;
        connect(socket, &QObject::destroyed, this, [this] { --m_count; });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        addPendingConnection(socket);
    }

private:
    int m_max;
    int m_count = 0;
};

// One open event stream: the kept responder and the frames written to its socket.
class StreamSink final : public EventSink
{
public:
    StreamSink(QHttpServerResponder &&responder, StreamFormat format)
        : m_responder(std::move(responder))
        , m_socket(m_responder.socket())
        , m_format(format)
    {}
    qint64 backlogBytes() const override { return m_socket ? m_socket->bytesToWrite() : 0; }
    void writeEvent(const RestEvent &event) override
    {
        if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
            m_responder.writeBody(RestApi::frame(m_format, event));
    }
    void finish() override
    {
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        m_responder.writeBody(RestApi::endOfStream(m_format));
        m_socket->disconnectFromHost();
    }
    QTcpSocket *socket() const { return m_socket; }

private:
    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    StreamFormat m_format;
};

HttpRequest toRequest(const QHttpServerRequest &request)
{
    HttpRequest out;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        out.method = "GET";
        break;
    case QHttpServerRequest::Method::Put:
        out.method = "PUT";
        break;
    case QHttpServerRequest::Method::Delete:
        out.method = "DELETE";
        break;
    case QHttpServerRequest::Method::Post:
        out.method = "POST";
        break;
    case QHttpServerRequest::Method::Head:
        out.method = "HEAD";
        break;
    case QHttpServerRequest::Method::Options:
        out.method = "OPTIONS";
        break;
    case QHttpServerRequest::Method::Patch:
        out.method = "PATCH";
        break;
    default:
        out.method = "OTHER";
        break;
    }
    out.path = request.url().path();
    out.query = request.query();
    out.headers = request.headers();
    out.body = request.body();
    return out;
}

} // namespace

class RestServer::Private
{
public:
    Private(service::Engine &engine, RestConfig config)
        : api(engine, std::move(config))
    {}

    void respond(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    // Declared first, destroyed last: the hub (in api) finishes open streams as it goes.
    std::map<StreamSink *, std::unique_ptr<StreamSink>> sinks;
    RestApi api;
    QHttpServer http;
    LimitedTcpServer *tcp = nullptr;
    QPointer<OpsEndpoints> ops;
};

void RestServer::Private::respond(const QHttpServerRequest &request,
                                  QHttpServerResponder &&responder)
{
    const HttpRequest converted = toRequest(request);
    HttpReply reply = ops && OpsEndpoints::owns(converted.path)
                          ? ops->handle(converted, api.config().token)
                          : api.handle(converted);
    if (reply.stream != StreamFormat::None) {
        QTcpSocket *socket = responder.socket();
        responder.writeStatusLine(QHttpServerResponder::StatusCode::Ok);
        for (const auto &[name, value] : std::as_const(reply.headers))
            responder.writeHeader(name, value);
        responder.writeBody(QByteArray()); // ends the head
        auto sink = std::make_unique<StreamSink>(std::move(responder), reply.stream);
        StreamSink *raw = sink.get();
        sinks.emplace(raw, std::move(sink));
        const QString id = reply.handlerId;
        const bool attached = api.events().attach(id, raw).has_value();
        // Closed: the handler is freed (XMS-REST.md: clients never delete their handler).
        QObject::connect(socket, &QTcpSocket::disconnected, &api, [this, id, raw, attached] {
            if (sinks.erase(raw) && attached)
                api.events().detach(id);
        });
        if (!attached) {
            // A second stream for the same handler: end this one at once.
            raw->finish();
            return;
        }
        // Backlog drained: more queued events may go.
        QObject::connect(socket, &QTcpSocket::bytesWritten, &api, [this] { api.events().flush(); });
        return;
    }
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    for (const auto &[name, value] : std::as_const(reply.headers))
        responder.writeHeader(name, value);
    // XMS-REST.md: every response carries Content-Length (a 204 too: clients reuse the
    // connection and must know no body follows).
    responder.writeHeader(QByteArrayLiteral("Content-Length"),
                          QByteArray::number(reply.body.size()));
    responder.writeBody(reply.body);
    // Out now, not at the socket's next write notification: events this request caused are
    // handed to streams from the next event-loop turn and must follow it (XMS-REST.md).
    if (QTcpSocket *socket = responder.socket())
        socket->flush();
}

RestServer::RestServer(service::Engine &engine, RestConfig config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(engine, std::move(config)))
{
    // Every request goes through RestApi's own router, so that a wrong method gets 405
    // (QtHttpServer 6.4 routes only by path and answers 404 otherwise: PLATFORM.md §4).
    d->http.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            d->respond(request, std::move(responder));
        });
}

RestServer::~RestServer()
{
    stop();
}

Result<void> RestServer::start()
{
    if (d->api.config().token.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("the REST API needs a token (--rest-token)"));
    if (d->tcp)
        return {};
    auto *tcp = new LimitedTcpServer(d->api.config().maxConnections, this);
    if (!tcp->listen(d->api.config().listenAddress, d->api.config().port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return fail(ErrorCode::Io, QStringLiteral("REST cannot listen on %1:%2: %3")
                                       .arg(d->api.config().listenAddress.toString())
                                       .arg(d->api.config().port)
                                       .arg(why));
    }
    d->http.bind(tcp);
    d->tcp = tcp;
    return {};
}

void RestServer::stop()
{
    if (!d->tcp)
        return;
    d->tcp->close();
}

quint16 RestServer::port() const
{
    return d->tcp ? d->tcp->serverPort() : 0;
}

QHostAddress RestServer::address() const
{
    return d->tcp ? d->tcp->serverAddress() : QHostAddress();
}

RestApi &RestServer::api()
{
    return d->api;
}

void RestServer::setOpsEndpoints(OpsEndpoints *ops)
{
    d->ops = ops;
}

int RestServer::connectionCount() const
{
    return d->tcp ? d->tcp->count() : 0;
}

} // namespace herald::rest
