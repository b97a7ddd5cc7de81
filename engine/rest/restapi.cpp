// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/rest/restapi.h"

#include "engine/rest/restjson.h"
#include "engine/rest/secretcompare.h"
#include "engine/rest/webservicexml.h"
#include "engine/service/engine.h"

#include <QFile>
#include <QJsonDocument>
#include <QStringList>

namespace herald::rest {

namespace {

const QByteArray xmlType = QByteArrayLiteral("application/xml");
const QByteArray jsonType = QByteArrayLiteral("application/json");
const QByteArray problemType = QByteArrayLiteral("application/problem+json");

HttpReply document(int status, Representation representation, const QByteArray &xmlBody,
                   const QJsonObject &jsonBody)
{
    HttpReply reply;
    reply.status = status;
    if (representation == Representation::Json) {
        reply.headers.append({QByteArrayLiteral("Content-Type"), jsonType});
        reply.body = QJsonDocument(jsonBody).toJson(QJsonDocument::Compact);
    } else {
        reply.headers.append({QByteArrayLiteral("Content-Type"), xmlType});
        reply.body = xmlBody;
    }
    return reply;
}

HttpReply problem(const RestError &error, Representation representation)
{
    HttpReply reply =
        document(error.status, representation, xml::writeError(error), json::problemObject(error));
    if (representation == Representation::Json)
        reply.headers.first().second = problemType;
    return reply;
}

HttpReply methodNotAllowed(const QByteArray &allow, Representation representation)
{
    HttpReply reply =
        problem(RestError{405, {}, QStringLiteral("allowed: ") + QString::fromLatin1(allow)},
                representation);
    reply.headers.append({QByteArrayLiteral("Allow"), allow});
    return reply;
}

HttpReply noContent()
{
    HttpReply reply;
    reply.status = 204;
    return reply;
}

bool mentions(const QByteArray &header, const char *type)
{
    return header.toLower().contains(type);
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

RestApi::RestApi(service::Engine &engine, RestConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_events(engine.random(), m_config.events)
    , m_calls(engine, m_events, m_config.payloadDirectory)
{}

RestApi::~RestApi() = default;

bool RestApi::authorized(const HttpRequest &request) const
{
    if (m_config.token.isEmpty())
        return false;
    const QByteArray authorization = request.header("Authorization").trimmed();
    const qsizetype space = authorization.indexOf(' ');
    if (space > 0) {
        const QByteArray scheme = authorization.left(space).toLower();
        const QByteArray credentials = authorization.mid(space + 1).trimmed();
        if (scheme == "bearer")
            return sameSecret(credentials, m_config.token);
        if (scheme == "basic") {
            // RFC 7617: base64(user ":" password); the user is not checked, the password is
            // the token.
            const QByteArray decoded = QByteArray::fromBase64(credentials);
            const qsizetype colon = decoded.indexOf(':');
            return colon >= 0 && sameSecret(decoded.mid(colon + 1), m_config.token);
        }
        return false;
    }
    const QString queryToken =
        request.query.queryItemValue(QStringLiteral("access_token"), QUrl::FullyDecoded);
    return !queryToken.isEmpty() && sameSecret(queryToken.toUtf8(), m_config.token);
}

HttpReply RestApi::handle(const HttpRequest &request)
{
    // The representation: JSON when the body is JSON or the client asks for it, else the
    // web_service XML that existing clients speak.
    const QByteArray contentType = request.header("Content-Type");
    const QByteArray accept = request.header("Accept");
    const bool wantsJson =
        mentions(accept, "json") || (!request.body.isEmpty() && mentions(contentType, "json"));
    const Representation representation = wantsJson ? Representation::Json : Representation::Xml;

    if (!authorized(request)) {
        HttpReply reply = problem(RestError{401, {}, QStringLiteral("a valid token is required")},
                                  representation);
        // RFC 6750 §3 and RFC 7617 §2: both schemes we take.
        reply.headers.append(
            {QByteArrayLiteral("WWW-Authenticate"),
             QByteArrayLiteral("Bearer realm=\"herald\", Basic realm=\"herald\"")});
        return reply;
    }
    if (request.body.size() > m_config.maxBodyBytes)
        return problem(RestError{413, {}, QStringLiteral("request body too large")},
                       representation);

    const QStringList parts = request.path.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() == 3 && parts.at(0) == u"api" && parts.at(1) == u"v1" &&
        parts.at(2) == u"openapi.json") {
        if (request.method != "GET")
            return methodNotAllowed("GET", representation);
        QFile file(QStringLiteral(":/herald/rest/openapi.json"));
        if (!file.open(QIODevice::ReadOnly))
            return problem(RestError{500, {}, QStringLiteral("OpenAPI document missing")},
                           representation);
        HttpReply reply;
        reply.headers.append({QByteArrayLiteral("Content-Type"), jsonType});
        reply.body = file.readAll();
        return reply;
    }
    if (parts.size() < 2 || parts.size() > 3 || parts.at(0) != u"default" ||
        (parts.at(1) != u"calls" && parts.at(1) != u"eventhandlers"))
        return problem(RestError{404, {}, QStringLiteral("no such resource")}, representation);

    // Every web-service request names its application (DESIGN.md §1).
    const QString appid = request.query.queryItemValue(QStringLiteral("appid"), QUrl::FullyDecoded);
    if (appid.isEmpty() || (!m_config.appIds.isEmpty() && !m_config.appIds.contains(appid)))
        return problem(RestError{403, QStringLiteral("appid"), QStringLiteral("unknown appid")},
                       representation);

    const QString id = parts.size() == 3 ? parts.at(2) : QString();
    if (parts.at(1) == u"calls")
        return callsRoute(request, id, appid, representation);
    return handlersRoute(request, id, appid, representation);
}

HttpReply RestApi::callsRoute(const HttpRequest &request, const QString &id, const QString &appid,
                              Representation representation)
{
    const QByteArray &method = request.method;
    const bool jsonBody = mentions(request.header("Content-Type"), "json");
    auto parseCall = [&]() {
        return jsonBody ? json::parseCall(request.body) : xml::parseCall(request.body);
    };
    auto callReply = [&](int status, const CallView &view) {
        return document(status, representation, xml::writeCallResponse(view),
                        json::callObject(view));
    };
    if (id.isEmpty()) {
        if (method == "GET") {
            const QList<CallView> calls = m_calls.list(appid);
            return document(200, representation, xml::writeCallList(calls, appid),
                            json::callListObject(calls));
        }
        if (method != "POST")
            return methodNotAllowed("GET, POST", representation);
        auto parsed = parseCall();
        if (!parsed)
            return problem(parsed.error(), representation);
        auto created = m_calls.create(appid, *parsed);
        if (!created)
            return problem(created.error(), representation);
        HttpReply reply = callReply(201, *created);
        reply.headers.append({QByteArrayLiteral("Location"),
                              QByteArrayLiteral("/default/calls/") + created->id.toUtf8()});
        return reply;
    }
    if (method == "GET") {
        auto view = m_calls.get(id, appid);
        return view ? callReply(200, *view) : problem(view.error(), representation);
    }
    if (method == "PUT") {
        // Unknown call before a malformed body: the call is what the client got wrong first.
        if (auto view = m_calls.get(id, appid); !view)
            return problem(view.error(), representation);
        auto parsed = parseCall();
        if (!parsed)
            return problem(parsed.error(), representation);
        auto updated = m_calls.update(id, appid, *parsed);
        return updated ? callReply(200, *updated) : problem(updated.error(), representation);
    }
    if (method == "DELETE") {
        auto removed = m_calls.remove(id);
        return removed ? noContent() : problem(removed.error(), representation);
    }
    return methodNotAllowed("GET, PUT, DELETE", representation);
}

HttpReply RestApi::handlersRoute(const HttpRequest &request, const QString &id,
                                 const QString &appid, Representation representation)
{
    const QByteArray &method = request.method;
    const bool jsonBody = mentions(request.header("Content-Type"), "json");
    auto parseHandler = [&]() {
        return jsonBody ? json::parseEventHandler(request.body)
                        : xml::parseEventHandler(request.body);
    };
    auto handlerReply = [&](int status, const EventHandlerView &view) {
        return document(status, representation, xml::writeEventHandlerResponse(view),
                        json::eventHandlerObject(view));
    };
    if (id.isEmpty()) {
        if (method == "GET") {
            const QList<EventHandlerView> handlers = m_events.handlers();
            return document(200, representation, xml::writeEventHandlerList(handlers),
                            json::eventHandlerListObject(handlers));
        }
        if (method != "POST")
            return methodNotAllowed("GET, POST", representation);
        auto parsed = parseHandler();
        if (!parsed)
            return problem(parsed.error(), representation);
        auto created = m_events.create(appid, *parsed);
        if (!created)
            return problem(created.error(), representation);
        HttpReply reply = handlerReply(201, *created);
        reply.headers.append({QByteArrayLiteral("Location"),
                              QByteArrayLiteral("/default/eventhandlers/") + created->id.toUtf8()});
        return reply;
    }
    if (method == "GET") {
        if (!m_events.handler(id))
            return problem(RestError{404, {}, QStringLiteral("no event handler %1").arg(id)},
                           representation);
        HttpReply reply;
        reply.handlerId = id;
        // The body is unbounded: it ends when the connection closes (RFC 9112 §6.3).
        reply.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")});
        reply.headers.append({QByteArrayLiteral("Connection"), QByteArrayLiteral("close")});
        if (mentions(request.header("Accept"), "text/event-stream")) {
            reply.stream = StreamFormat::ServerSentEvents;
            reply.headers.append(
                {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream")});
        } else {
            reply.stream = StreamFormat::XmsFrames;
            reply.headers.append({QByteArrayLiteral("Content-Type"), xmlType});
        }
        return reply;
    }
    if (method == "PUT") {
        if (!m_events.handler(id))
            return problem(RestError{404, {}, QStringLiteral("no event handler %1").arg(id)},
                           representation);
        auto parsed = parseHandler();
        if (!parsed)
            return problem(parsed.error(), representation);
        auto updated = m_events.update(id, *parsed);
        return updated ? handlerReply(200, *updated) : problem(updated.error(), representation);
    }
    if (method == "DELETE") {
        auto removed = m_events.remove(id);
        return removed ? noContent() : problem(removed.error(), representation);
    }
    return methodNotAllowed("GET, PUT, DELETE", representation);
}

QByteArray RestApi::frame(StreamFormat format, const RestEvent &event)
{
    if (format == StreamFormat::ServerSentEvents) {
        // WHATWG HTML §9.2: "event:" names it, one "data:" line (compact JSON has no newline).
        return "event: " + event.type.toUtf8() +
               "\ndata: " + QJsonDocument(json::eventObject(event)).toJson(QJsonDocument::Compact) +
               "\n\n";
    }
    // XMS-REST.md: the length in hex on a line of its own, exactly that many bytes (ASCII
    // only, so bytes and characters agree), a line break.
    const QByteArray doc = xml::writeEvent(event);
    return QByteArray::number(doc.size(), 16) + "\r\n" + doc + "\r\n";
}

QByteArray RestApi::endOfStream(StreamFormat format)
{
    return format == StreamFormat::XmsFrames ? QByteArrayLiteral("0\r\n") : QByteArray();
}

} // namespace herald::rest
