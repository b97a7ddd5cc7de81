// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/rest/restjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace herald::rest::json {

namespace {

constexpr qsizetype maxDocumentBytes = 256 * 1024;

RestResult<QJsonObject> parseObject(QByteArrayView body, const QString &wrapper)
{
    if (body.size() > maxDocumentBytes)
        return restFail(413, wrapper, QStringLiteral("document too large"));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return restFail(400, wrapper,
                        QStringLiteral("malformed JSON at offset %1: %2")
                            .arg(error.offset)
                            .arg(error.errorString()));
    if (!doc.isObject())
        return restFail(400, wrapper, QStringLiteral("expected a JSON object"));
    QJsonObject object = doc.object();
    // {"call": {...}} as in the XML, or the bare object.
    if (object.value(wrapper).isObject())
        object = object.value(wrapper).toObject();
    return object;
}

RestResult<QString> string(const QJsonObject &o, const QString &path, const QString &name,
                           const QStringList &allowed = {}, const QString &fallback = {})
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isString())
        return restFail(400, path + u'.' + name, QStringLiteral("expected a string"));
    if (!allowed.isEmpty() && !allowed.contains(v.toString()))
        return restFail(400, path + u'.' + name,
                        QStringLiteral("expected one of: ") + allowed.join(QStringLiteral(", ")));
    return v.toString();
}

RestResult<std::optional<bool>> boolean(const QJsonObject &o, const QString &path,
                                        const QString &name)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return std::optional<bool>();
    if (v.isBool())
        return std::optional<bool>(v.toBool());
    if (v.isString() && (v.toString() == u"yes" || v.toString() == u"no"))
        return std::optional<bool>(v.toString() == u"yes");
    return restFail(400, path + u'.' + name, QStringLiteral("expected a boolean"));
}

#define HERALD_TRY(var, expr)                                                                      \
    auto var = (expr);                                                                             \
    if (!var)                                                                                      \
        return tl::unexpected(var.error());

RestResult<SendMessageAction> parseSendMessage(const QJsonObject &o)
{
    const QString path = QStringLiteral("call_action.send_message");
    SendMessageAction action;
    HERALD_TRY(mode, string(o, path, QStringLiteral("mode"),
                            {QStringLiteral("signalling"), QStringLiteral("msrp"),
                             QStringLiteral("rfc5547")},
                            QStringLiteral("signalling")));
    HERALD_TRY(report, string(o, path, QStringLiteral("report"),
                              {QStringLiteral("success"), QStringLiteral("failure"),
                               QStringLiteral("both")}));
    HERALD_TRY(contentType, string(o, path, QStringLiteral("content_type")));
    HERALD_TRY(content, string(o, path, QStringLiteral("content")));
    action.mode = *mode;
    action.report = *report;
    action.contentType = *contentType;
    action.content = *content;
    const QJsonValue payloads = o.value(QStringLiteral("msg_payload"));
    if (!payloads.isUndefined() && !payloads.isArray())
        return restFail(400, path + QStringLiteral(".msg_payload"),
                        QStringLiteral("expected an array"));
    const QJsonArray array = payloads.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString p = path + QStringLiteral(".msg_payload[%1]").arg(i);
        if (!array.at(i).isObject())
            return restFail(400, p, QStringLiteral("expected an object"));
        const QJsonObject po = array.at(i).toObject();
        MessagePayload payload;
        HERALD_TRY(id, string(po, p, QStringLiteral("content_id")));
        HERALD_TRY(type, string(po, p, QStringLiteral("content_type")));
        HERALD_TRY(text, string(po, p, QStringLiteral("content")));
        HERALD_TRY(uri, string(po, p, QStringLiteral("uri")));
        if (type->isEmpty())
            return restFail(400, p + QStringLiteral(".content_type"), QStringLiteral("required"));
        payload.contentId = *id;
        payload.contentType = *type;
        payload.content = *text;
        payload.uri = *uri;
        action.payloads.append(payload);
    }
    return action;
}

} // namespace

RestResult<CallRequest> parseCall(QByteArrayView body)
{
    HERALD_TRY(object, parseObject(body, QStringLiteral("call")));
    const QJsonObject &o = *object;
    const QString path = QStringLiteral("call");
    CallRequest r;
    HERALD_TRY(answer, boolean(o, path, QStringLiteral("answer")));
    HERALD_TRY(accept, boolean(o, path, QStringLiteral("accept")));
    HERALD_TRY(signaling, boolean(o, path, QStringLiteral("signaling")));
    HERALD_TRY(media, string(o, path, QStringLiteral("media")));
    HERALD_TRY(message, string(o, path, QStringLiteral("message"),
                               {QStringLiteral("inactive"), QStringLiteral("sendonly"),
                                QStringLiteral("recvonly"), QStringLiteral("sendrecv")}));
    HERALD_TRY(setup, string(o, path, QStringLiteral("setup"),
                             {QStringLiteral("active"), QStringLiteral("passive"),
                              QStringLiteral("actpass")}));
    HERALD_TRY(source, string(o, path, QStringLiteral("source_uri")));
    HERALD_TRY(destination, string(o, path, QStringLiteral("destination_uri")));
    HERALD_TRY(display, string(o, path, QStringLiteral("display_name")));
    HERALD_TRY(sdp, string(o, path, QStringLiteral("sdp")));
    r.answer = *answer;
    r.accept = *accept;
    r.signaling = *signaling;
    r.media = *media;
    r.message = *message;
    r.setup = *setup;
    r.sourceUri = *source;
    r.destinationUri = *destination;
    r.displayName = *display;
    r.sdp = *sdp;
    const QJsonValue action = o.value(QStringLiteral("call_action"));
    if (!action.isUndefined()) {
        if (!action.isObject())
            return restFail(400, QStringLiteral("call_action"),
                            QStringLiteral("expected an object"));
        const QJsonObject ao = action.toObject();
        const QJsonValue send = ao.value(QStringLiteral("send_message"));
        if (!send.isUndefined()) {
            if (!send.isObject())
                return restFail(400, QStringLiteral("call_action.send_message"),
                                QStringLiteral("expected an object"));
            HERALD_TRY(parsed, parseSendMessage(send.toObject()));
            r.sendMessage = *parsed;
        }
        const QJsonValue hangup = ao.value(QStringLiteral("hangup"));
        if (!hangup.isUndefined()) {
            if (!hangup.isObject())
                return restFail(400, QStringLiteral("call_action.hangup"),
                                QStringLiteral("expected an object"));
            HERALD_TRY(reason, string(hangup.toObject(), QStringLiteral("call_action.hangup"),
                                      QStringLiteral("reason")));
            r.hangup = HangupAction{*reason};
        }
    }
    return r;
}

RestResult<QList<Subscription>> parseEventHandler(QByteArrayView body)
{
    HERALD_TRY(object, parseObject(body, QStringLiteral("eventhandler")));
    const QJsonValue subs = object->value(QStringLiteral("eventsubscribe"));
    if (!subs.isUndefined() && !subs.isArray())
        return restFail(400, QStringLiteral("eventsubscribe"), QStringLiteral("expected an array"));
    QList<Subscription> out;
    const QJsonArray array = subs.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString p = QStringLiteral("eventsubscribe[%1]").arg(i);
        if (!array.at(i).isObject())
            return restFail(400, p, QStringLiteral("expected an object"));
        const QJsonObject so = array.at(i).toObject();
        Subscription s;
        HERALD_TRY(action, string(so, p, QStringLiteral("action"),
                                  {QStringLiteral("add"), QStringLiteral("remove")},
                                  QStringLiteral("add")));
        HERALD_TRY(type, string(so, p, QStringLiteral("type"), {}, QStringLiteral("any")));
        HERALD_TRY(id, string(so, p, QStringLiteral("resource_id"), {}, QStringLiteral("any")));
        HERALD_TRY(rtype, string(so, p, QStringLiteral("resource_type"),
                                 {QStringLiteral("call"), QStringLiteral("conference"),
                                  QStringLiteral("mrcp"), QStringLiteral("any")},
                                 QStringLiteral("any")));
        if (*type != u"any" && !isKnownEventType(*type))
            return restFail(400, p + QStringLiteral(".type"), QStringLiteral("unknown event type"));
        s.action = *action;
        s.type = *type;
        s.resourceId = *id;
        s.resourceType = *rtype;
        out.append(s);
    }
    return out;
}

#undef HERALD_TRY

QJsonObject callObject(const CallView &call)
{
    QJsonObject o{{QStringLiteral("identifier"), call.id},
                  {QStringLiteral("appid"), call.appid},
                  {QStringLiteral("href"), QString(QStringLiteral("/default/calls/") + call.id)},
                  {QStringLiteral("call_type"), call.callType},
                  {QStringLiteral("media"), QStringLiteral("message")},
                  {QStringLiteral("connected"), call.connected},
                  {QStringLiteral("state"), call.state},
                  {QStringLiteral("signaling"), call.callType != u"3pcc"}};
    if (!call.sourceUri.isEmpty())
        o.insert(QStringLiteral("source_uri"), call.sourceUri);
    if (!call.destinationUri.isEmpty())
        o.insert(QStringLiteral("destination_uri"), call.destinationUri);
    if (!call.sdp.isEmpty())
        o.insert(QStringLiteral("sdp"), call.sdp);
    if (!call.sendTransactionId.isEmpty())
        o.insert(
            QStringLiteral("call_action"),
            QJsonObject{{QStringLiteral("send_message"),
                         QJsonObject{{QStringLiteral("transaction_id"), call.sendTransactionId}}}});
    return o;
}

QJsonObject callListObject(const QList<CallView> &calls)
{
    QJsonArray array;
    for (const CallView &c : calls)
        array.append(callObject(c));
    return {{QStringLiteral("calls"), array}};
}

QJsonObject eventHandlerObject(const EventHandlerView &handler)
{
    QJsonArray subs;
    for (const Subscription &s : handler.subscriptions)
        subs.append(QJsonObject{{QStringLiteral("action"), s.action},
                                {QStringLiteral("type"), s.type},
                                {QStringLiteral("resource_id"), s.resourceId},
                                {QStringLiteral("resource_type"), s.resourceType}});
    return {
        {QStringLiteral("identifier"), handler.id},
        {QStringLiteral("appid"), handler.appid},
        {QStringLiteral("href"), QString(QStringLiteral("/default/eventhandlers/") + handler.id)},
        {QStringLiteral("eventsubscribe"), subs}};
}

QJsonObject eventHandlerListObject(const QList<EventHandlerView> &handlers)
{
    QJsonArray array;
    for (const EventHandlerView &h : handlers)
        array.append(eventHandlerObject(h));
    return {{QStringLiteral("eventhandlers"), array}};
}

QJsonObject eventObject(const RestEvent &event)
{
    QJsonObject data;
    for (const auto &[name, value] : event.data)
        data.insert(name, value);
    QJsonObject o{{QStringLiteral("type"), event.type}};
    if (event.type != u"keepalive") {
        o.insert(QStringLiteral("resource_type"), event.resourceType);
        o.insert(QStringLiteral("resource_id"), event.resourceId);
    }
    if (!data.isEmpty())
        o.insert(QStringLiteral("event_data"), data);
    return o;
}

QJsonObject problemObject(const RestError &error)
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("about:blank")},
                  {QStringLiteral("status"), error.status},
                  {QStringLiteral("detail"), error.detail}};
    if (!error.field.isEmpty())
        o.insert(QStringLiteral("field"), error.field);
    return o;
}

} // namespace herald::rest::json
