// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/rest/webservicexml.h"

#include "engine/core/safexmlreader.h"

#include <QStringView>

namespace herald::rest::xml {

namespace {

using Attributes = QXmlStreamAttributes;

RestResult<std::optional<bool>> yesNo(const Attributes &attributes, const QString &element,
                                      const QString &name)
{
    if (!attributes.hasAttribute(name))
        return std::optional<bool>();
    const QString value = attributes.value(name).toString().trimmed().toLower();
    if (value == u"yes" || value == u"true")
        return std::optional<bool>(true);
    if (value == u"no" || value == u"false")
        return std::optional<bool>(false);
    return restFail(400, element + u'@' + name, QStringLiteral("expected yes or no"));
}

RestResult<QString> oneOf(const Attributes &attributes, const QString &element, const QString &name,
                          const QStringList &allowed, const QString &fallback)
{
    if (!attributes.hasAttribute(name))
        return fallback;
    const QString value = attributes.value(name).toString().trimmed();
    if (!allowed.contains(value))
        return restFail(400, element + u'@' + name,
                        QStringLiteral("expected one of: ") + allowed.join(QStringLiteral(", ")));
    return value;
}

QString text(const Attributes &attributes, const QString &name)
{
    return attributes.value(name).toString();
}

RestError parseFailure(const SafeXmlReader &reader)
{
    const auto &e = reader.error();
    return RestError{400, QStringLiteral("web_service"),
                     QStringLiteral("malformed XML at line %1: %2").arg(e.line).arg(e.description)};
}

// Reads up to the first element below <web_service> (or the document element itself when a
// client leaves the wrapper out) and checks it is `expected`.
RestResult<void> enterDocument(SafeXmlReader &reader, const QString &expected)
{
    while (true) {
        const auto token = reader.next();
        if (token == QXmlStreamReader::Invalid)
            return tl::unexpected(parseFailure(reader));
        if (token == QXmlStreamReader::EndDocument)
            return restFail(400, expected, QStringLiteral("missing <%1>").arg(expected));
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = reader.xml().name();
        if (name == u"web_service")
            continue;
        if (name != expected)
            return restFail(400, name.toString(),
                            QStringLiteral("expected <%1>, got <%2>").arg(expected, name));
        return {};
    }
}

RestResult<SendMessageAction> parseSendMessage(SafeXmlReader &reader)
{
    const Attributes a = reader.xml().attributes();
    SendMessageAction action;
    const QString el = QStringLiteral("send_message");
    auto mode =
        oneOf(a, el, QStringLiteral("mode"),
              {QStringLiteral("signalling"), QStringLiteral("msrp"), QStringLiteral("rfc5547")},
              QStringLiteral("signalling"));
    if (!mode)
        return tl::unexpected(mode.error());
    action.mode = *mode;
    auto report = oneOf(
        a, el, QStringLiteral("report"),
        {QStringLiteral("success"), QStringLiteral("failure"), QStringLiteral("both")}, QString());
    if (!report)
        return tl::unexpected(report.error());
    action.report = *report;
    action.contentType = text(a, QStringLiteral("content_type"));
    action.content = text(a, QStringLiteral("content"));
    const int depth = reader.depth();
    while (true) {
        const auto token = reader.next();
        if (token == QXmlStreamReader::Invalid)
            return tl::unexpected(parseFailure(reader));
        if (token == QXmlStreamReader::EndElement && reader.depth() < depth)
            break;
        if (token == QXmlStreamReader::EndDocument)
            break;
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = reader.xml().name();
        const Attributes pa = reader.xml().attributes();
        if (name == u"msg_payload") {
            MessagePayload payload;
            payload.contentId = text(pa, QStringLiteral("content_id"));
            payload.contentType = text(pa, QStringLiteral("content_type"));
            payload.contentDisposition = text(pa, QStringLiteral("content_disposition"));
            if (payload.contentType.isEmpty())
                return restFail(400, QStringLiteral("msg_payload@content_type"),
                                QStringLiteral("required"));
            action.payloads.append(payload);
        } else if (name == u"msg_payload_content" || name == u"msg_payload_uri") {
            if (action.payloads.isEmpty())
                return restFail(400, name.toString(),
                                QStringLiteral("must be inside <msg_payload>"));
            if (name == u"msg_payload_content")
                action.payloads.last().content = text(pa, QStringLiteral("content"));
            else
                action.payloads.last().uri = text(pa, QStringLiteral("uri"));
        }
    }
    return action;
}

RestResult<void> parseCallAction(SafeXmlReader &reader, CallRequest &request)
{
    const int depth = reader.depth();
    while (true) {
        const auto token = reader.next();
        if (token == QXmlStreamReader::Invalid)
            return tl::unexpected(parseFailure(reader));
        if (token == QXmlStreamReader::EndElement && reader.depth() < depth)
            return {};
        if (token == QXmlStreamReader::EndDocument)
            return {};
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = reader.xml().name();
        if (name == u"send_message") {
            auto action = parseSendMessage(reader);
            if (!action)
                return tl::unexpected(action.error());
            request.sendMessage = *action;
        } else if (name == u"hangup") {
            request.hangup =
                HangupAction{text(reader.xml().attributes(), QStringLiteral("reason"))};
        }
        // Other actions (play, record, ...) are not for message calls: ignored like unknown
        // attributes, as the schema's clients send defaults freely.
    }
}

} // namespace

RestResult<CallRequest> parseCall(QByteArrayView body)
{
    SafeXmlReader reader(body, {maxDocumentBytes, 16});
    if (auto entered = enterDocument(reader, QStringLiteral("call")); !entered)
        return tl::unexpected(entered.error());
    const Attributes a = reader.xml().attributes();
    const QString el = QStringLiteral("call");
    CallRequest request;
    for (auto [field, target] : {std::pair{QStringLiteral("answer"), &request.answer},
                                 std::pair{QStringLiteral("accept"), &request.accept},
                                 std::pair{QStringLiteral("signaling"), &request.signaling}}) {
        auto value = yesNo(a, el, field);
        if (!value)
            return tl::unexpected(value.error());
        *target = *value;
    }
    auto message = oneOf(a, el, QStringLiteral("message"),
                         {QStringLiteral("inactive"), QStringLiteral("sendonly"),
                          QStringLiteral("recvonly"), QStringLiteral("sendrecv")},
                         QString());
    if (!message)
        return tl::unexpected(message.error());
    request.message = *message;
    auto setup =
        oneOf(a, el, QStringLiteral("setup"),
              {QStringLiteral("active"), QStringLiteral("passive"), QStringLiteral("actpass")},
              QString());
    if (!setup)
        return tl::unexpected(setup.error());
    request.setup = *setup;
    request.media = text(a, QStringLiteral("media"));
    request.sourceUri = text(a, QStringLiteral("source_uri"));
    request.destinationUri = text(a, QStringLiteral("destination_uri"));
    request.displayName = text(a, QStringLiteral("display_name"));
    request.sdp = text(a, QStringLiteral("sdp"));
    const int depth = reader.depth();
    while (true) {
        const auto token = reader.next();
        if (token == QXmlStreamReader::Invalid)
            return tl::unexpected(parseFailure(reader));
        if (token == QXmlStreamReader::EndDocument)
            break;
        if (token == QXmlStreamReader::StartElement && reader.xml().name() == u"call_action" &&
            reader.depth() == depth + 1) {
            if (auto parsed = parseCallAction(reader, request); !parsed)
                return tl::unexpected(parsed.error());
        }
    }
    return request;
}

RestResult<QList<Subscription>> parseEventHandler(QByteArrayView body)
{
    SafeXmlReader reader(body, {maxDocumentBytes, 16});
    if (auto entered = enterDocument(reader, QStringLiteral("eventhandler")); !entered)
        return tl::unexpected(entered.error());
    QList<Subscription> subscriptions;
    const QString el = QStringLiteral("eventsubscribe");
    while (true) {
        const auto token = reader.next();
        if (token == QXmlStreamReader::Invalid)
            return tl::unexpected(parseFailure(reader));
        if (token == QXmlStreamReader::EndDocument)
            break;
        if (token != QXmlStreamReader::StartElement || reader.xml().name() != el)
            continue;
        const Attributes a = reader.xml().attributes();
        Subscription s;
        auto action =
            oneOf(a, el, QStringLiteral("action"),
                  {QStringLiteral("add"), QStringLiteral("remove")}, QStringLiteral("add"));
        if (!action)
            return tl::unexpected(action.error());
        s.action = *action;
        auto resourceType = oneOf(a, el, QStringLiteral("resource_type"),
                                  {QStringLiteral("call"), QStringLiteral("conference"),
                                   QStringLiteral("mrcp"), QStringLiteral("any")},
                                  QStringLiteral("any"));
        if (!resourceType)
            return tl::unexpected(resourceType.error());
        s.resourceType = *resourceType;
        s.type = a.hasAttribute(QStringLiteral("type")) ? text(a, QStringLiteral("type"))
                                                        : QStringLiteral("any");
        if (s.type != u"any" && !isKnownEventType(s.type))
            return restFail(400, el + QStringLiteral("@type"),
                            QStringLiteral("unknown event type"));
        s.resourceId = a.hasAttribute(QStringLiteral("resource_id"))
                           ? text(a, QStringLiteral("resource_id"))
                           : QStringLiteral("any");
        subscriptions.append(s);
    }
    return subscriptions;
}

QByteArray escapeAttribute(const QString &text)
{
    QByteArray out;
    out.reserve(text.size());
    const QList<uint> points = text.toUcs4();
    for (const uint c : points) {
        switch (c) {
        case '&':
            out += "&amp;";
            continue;
        case '<':
            out += "&lt;";
            continue;
        case '>':
            out += "&gt;";
            continue;
        case '"':
            out += "&quot;";
            continue;
        default:
            break;
        }
        // XML 1.0 §2.2 Char; attribute-value normalization (§3.3.3) would turn a literal
        // tab or line break into a space, so those go as references too.
        const bool legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
                           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
        if (!legal)
            out += "&#xFFFD;";
        else if (c < 0x20 || c > 0x7E)
            out += "&#x" + QByteArray::number(c, 16).toUpper() + ';';
        else
            out += static_cast<char>(c);
    }
    return out;
}

namespace {

QByteArray attr(const char *name, const QString &value)
{
    return ' ' + QByteArray(name) + "=\"" + escapeAttribute(value) + '"';
}

QByteArray callResponseBody(const CallView &call)
{
    QByteArray out =
        "<call_response" + attr("identifier", call.id) + attr("appid", call.appid) +
        attr("href", QStringLiteral("/default/calls/") + call.id) +
        attr("call_type", call.callType) + attr("media", QStringLiteral("message")) +
        attr("connected", call.connected ? QStringLiteral("yes") : QStringLiteral("no")) +
        attr("state", call.state);
    if (!call.sourceUri.isEmpty())
        out += attr("source_uri", call.sourceUri);
    if (!call.destinationUri.isEmpty())
        out += attr("destination_uri", call.destinationUri);
    out +=
        attr("signaling", call.callType == u"3pcc" ? QStringLiteral("no") : QStringLiteral("yes"));
    if (!call.sdp.isEmpty())
        out += attr("sdp", call.sdp);
    if (call.sendTransactionId.isEmpty())
        return out + "/>";
    return out + "><call_action><send_message" + attr("transaction_id", call.sendTransactionId) +
           "/></call_action></call_response>";
}

QByteArray subscriptionsBody(const QList<Subscription> &subscriptions)
{
    QByteArray out;
    for (const Subscription &s : subscriptions)
        out += "<eventsubscribe" + attr("action", s.action) + attr("type", s.type) +
               attr("resource_id", s.resourceId) + attr("resource_type", s.resourceType) + "/>";
    return out;
}

constexpr char head[] = "<web_service version=\"1.0\">";
constexpr char tail[] = "</web_service>";

} // namespace

QByteArray writeCallResponse(const CallView &call)
{
    return head + callResponseBody(call) + tail;
}

QByteArray writeCallList(const QList<CallView> &calls, const QString &appid)
{
    QByteArray out = head + QByteArray("<calls_response") +
                     attr("size", QString::number(calls.size())) + attr("appid", appid) + '>';
    for (const CallView &c : calls)
        out += "<call_response" + attr("identifier", c.id) +
               attr("href", QStringLiteral("/default/calls/") + c.id) + attr("appid", c.appid) +
               "/>";
    return out + "</calls_response>" + tail;
}

QByteArray writeEventHandlerResponse(const EventHandlerView &handler)
{
    return head + QByteArray("<eventhandler_response") + attr("identifier", handler.id) +
           attr("appid", handler.appid) +
           attr("href", QStringLiteral("/default/eventhandlers/") + handler.id) + '>' +
           subscriptionsBody(handler.subscriptions) + "</eventhandler_response>" + tail;
}

QByteArray writeEventHandlerList(const QList<EventHandlerView> &handlers)
{
    QByteArray out = head + QByteArray("<eventhandlers_response") +
                     attr("size", QString::number(handlers.size())) + '>';
    for (const EventHandlerView &h : handlers)
        out += "<eventhandler_response" + attr("identifier", h.id) + attr("appid", h.appid) +
               attr("href", QStringLiteral("/default/eventhandlers/") + h.id) + "/>";
    return out + "</eventhandlers_response>" + tail;
}

QByteArray writeEvent(const RestEvent &event)
{
    // XMS-REST.md: exactly this start tag; keepalive events carry no resource.
    QByteArray out = head + QByteArray("<event") + attr("type", event.type);
    if (event.type != u"keepalive") {
        out += attr("resource_type", event.resourceType);
        out += attr("resource_id", event.resourceId);
    }
    if (event.data.isEmpty())
        return out + "/>" + tail;
    out += '>';
    for (const auto &[name, value] : event.data)
        out += "<event_data" + attr("name", name) + attr("value", value) + "/>";
    return out + "</event>" + tail;
}

QByteArray writeError(const RestError &error)
{
    QString description = error.detail;
    if (!error.field.isEmpty())
        description = error.field + QStringLiteral(": ") + error.detail;
    return head + QByteArray("<error") + attr("code", QString::number(error.status)) +
           attr("description", description) + "/>" + tail;
}

} // namespace herald::rest::xml
