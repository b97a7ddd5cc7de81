// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/rest/callcontroller.h"
#include "engine/rest/eventhub.h"
#include "engine/rest/restconfig.h"

#include <QByteArray>
#include <QList>
#include <QUrlQuery>

#include <utility>

namespace herald::service {
class Engine;
}

namespace herald::rest {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// A request as the binding hands it over: no QtHttpServer type crosses into the API.
struct HttpRequest
{
    QByteArray method; // upper case
    QString path;
    QUrlQuery query;
    HeaderList headers;
    QByteArray body;

    // First value of a header, case-insensitively; empty when absent.
    QByteArray header(QByteArrayView name) const;
};

enum class StreamFormat {
    None,
    XmsFrames,        // XMS-REST.md: hex length line, the event document, a line break
    ServerSentEvents, // text/event-stream with JSON data, for browsers
};

// What to answer: a complete response, or the head of an event stream for `handlerId`.
struct HttpReply
{
    int status = 200;
    HeaderList headers; // besides Content-Length, which the binding writes
    QByteArray body;
    StreamFormat stream = StreamFormat::None;
    QString handlerId;
};

// The routes of the REST API over the controllers: authentication, appid, representation,
// 404 / 405, and status mapping. Pure request -> reply, so it is tested without sockets.
class RestApi : public QObject
{
    Q_OBJECT

public:
    RestApi(service::Engine &engine, RestConfig config, QObject *parent = nullptr);
    ~RestApi() override;

    const RestConfig &config() const { return m_config; }
    EventHub &events() { return m_events; }
    CallController &calls() { return m_calls; }

    HttpReply handle(const HttpRequest &request);

    // The bytes of one event on a stream of the given format.
    static QByteArray frame(StreamFormat format, const RestEvent &event);
    // The bytes that end a stream.
    static QByteArray endOfStream(StreamFormat format);

private:
    bool authorized(const HttpRequest &request) const;
    HttpReply callsRoute(const HttpRequest &request, const QString &id, const QString &appid,
                         Representation representation);
    HttpReply handlersRoute(const HttpRequest &request, const QString &id, const QString &appid,
                            Representation representation);

    RestConfig m_config;
    EventHub m_events;
    CallController m_calls;
};

} // namespace herald::rest
