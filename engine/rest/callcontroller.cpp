// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/rest/callcontroller.h"

#include "engine/core/logging.h"
#include "engine/rest/emergencyevents.h"
#include "engine/rest/eventhub.h"
#include "engine/service/engine.h"
#include "engine/service/fileoffer.h"

#include <QFileInfo>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace herald::rest {

using service::Call;
using service::CallDirection;
using service::CallState;

namespace {

// RFC 5547 §8: a file sent by reference carries its name in Content-Disposition.
void addFileDisposition(msrp::SendOptions &options, const QFileInfo &file)
{
    options.mimeHeaders.append(
        {QByteArrayLiteral("Content-Disposition"),
         "attachment; filename=\"" + file.fileName().toUtf8().replace('"', "") + '"'});
}

QString callIdText(Call::Id id)
{
    return QString::number(id);
}

// 3PCC sessions have their own id space; the prefix keeps them apart from SIP calls.
const QString thirdPartyPrefix = QStringLiteral("3pcc-");

QString thirdPartyIdText(service::ThirdPartySession::Id id)
{
    return thirdPartyPrefix + QString::number(id);
}

QString stateName(CallState state)
{
    return QString::fromLatin1(QMetaEnum::fromType<CallState>().valueToKey(static_cast<int>(state)))
        .toLower();
}

} // namespace

CallController::CallController(service::Engine &engine, EventHub &events, QString payloadDirectory,
                               QObject *parent)
    : QObject(parent)
    , m_payloadDirectory(std::move(payloadDirectory))
    , m_engine(engine)
    , m_events(events)
    , m_thirdParty(engine.thirdParty())
{
    watchStore();
    connect(&engine, &service::Engine::started, this, &CallController::watchStore);
    connect(&m_thirdParty, &service::ThirdPartySessions::sessionCreated, this,
            &CallController::watchThirdParty);
    connect(&m_thirdParty, &service::ThirdPartySessions::sessionEnded, this,
            [this](service::ThirdPartySession *session, const QString &reason) {
                const QString id = thirdPartyIdText(session->id());
                publish(QStringLiteral("hangup"), id, {{QStringLiteral("reason"), reason}});
                m_owners.remove(id);
            });
    service::CallManager &calls = m_engine.calls();
    connect(&calls, &service::CallManager::callOffered, this, [this](Call *call) {
        watch(call);
        // XMS-REST.md: caller_uri, called_uri, uri, name; then the emergency call data
        // (issue #9: location, additional data, callback number, test-call flag).
        EventData data = {{QStringLiteral("caller_uri"), QString::fromUtf8(call->remoteUri())},
                          {QStringLiteral("called_uri"), QString::fromUtf8(call->localUri())},
                          {QStringLiteral("uri"), QString::fromUtf8(call->remoteUri())},
                          {QStringLiteral("name"), QString::fromUtf8(call->remoteUri())}};
        data.append(emergencyEventData(call->emergencyData()));
        publish(QStringLiteral("incoming"), callIdText(call->id()), std::move(data));
    });
    connect(&calls, &service::CallManager::callPlaced, this, &CallController::watch);
    connect(&calls, &service::CallManager::callEnded, this, [this](Call *call) {
        const QString id = callIdText(call->id());
        QString reason = QStringLiteral("hangup");
        if (call->state() == CallState::Failed)
            reason = call->failureStatus() > 0
                         ? QStringLiteral("%1 %2")
                               .arg(call->failureStatus())
                               .arg(QString::fromUtf8(call->failureReason()))
                         : QStringLiteral("failed: ") + QString::fromUtf8(call->failureReason());
        publish(QStringLiteral("hangup"), id, {{QStringLiteral("reason"), reason}});
        m_owners.remove(id);
    });
    connect(&calls, &service::CallManager::infoReceived, this,
            [this](quint64 callId, quint64, const QByteArray &contentType, const QByteArray &body) {
                publish(QStringLiteral("info"), callIdText(callId),
                        {{QStringLiteral("content_type"), QString::fromUtf8(contentType)},
                         {QStringLiteral("content"), QString::fromUtf8(body)}});
            });
    connect(&calls, &service::CallManager::pageMessageResponse, this,
            [this](quint64 request, const sip::SipResponse &response) {
                if (response.status < 200)
                    return; // RFC 3428 §7: only the final response tells
                const QString callId = m_pendingPageMessages.take(request);
                if (callId.isEmpty())
                    return;
                const bool ok = response.status >= 200 && response.status < 300;
                publish(QStringLiteral("end_send_message"), callId,
                        {{QStringLiteral("transaction_id"), QString::number(request)},
                         {QStringLiteral("reason"),
                          ok ? QStringLiteral("success") : QString::number(response.status)}});
            });
    for (Call *call : calls.calls())
        watch(call);
    for (service::ThirdPartySession *session : m_thirdParty.sessions())
        watchThirdParty(session);
}

void CallController::watchStore()
{
    if (store::Store *store = m_engine.store())
        connect(store, &store::Store::unhealthy, this, &CallController::onStoreUnhealthy,
                Qt::UniqueConnection);
}

void CallController::onStoreUnhealthy(const Error &error)
{
    RestEvent alarm;
    alarm.type = QStringLiteral("alarm");
    alarm.resourceType = QStringLiteral("store");
    alarm.resourceId = QStringLiteral("store");
    alarm.data = {{QStringLiteral("alarm"), QStringLiteral("store_failure")},
                  {QStringLiteral("reason"), error.detail}};
    m_events.publish(alarm);
}

CallController::~CallController() = default;

void CallController::publish(const QString &type, const QString &callId,
                             QList<std::pair<QString, QString>> data)
{
    RestEvent event;
    event.type = type;
    event.resourceId = callId;
    event.data = std::move(data);
    m_events.publish(event);
}

void CallController::watch(Call *call)
{
    const QString id = callIdText(call->id());
    connect(call, &Call::stateChanged, this, [this, id, call](CallState state) {
        if (state == CallState::Ringing && call->direction() == CallDirection::Outbound)
            publish(QStringLiteral("ringing"), id);
        else if (state == CallState::Active)
            publish(QStringLiteral("connected"), id);
    });
    // Texts only: isComposing statuses and IMDNs are the IM layer's, not messages.
    connect(call, &Call::textReceived, this,
            [this, id](const service::ReceivedText &text) { publishMessage(id, text); });
    watchEmergency(call, id);
    connect(call, &Call::deliveryChanged, this,
            [this](const msrp::MessageInfo &info) { onDelivery(info); });
}

void CallController::watchEmergency(Call *call, const QString &id)
{
    // A location that arrives later (a reference fetched, a re-INVITE with a new PIDF-LO) is
    // a location_update; other changes (additional data fetched) are not.
    auto shown = std::make_shared<EventData>(locationEventData(call->emergencyData()));
    connect(call, &Call::emergencyDataChanged, this, [this, id, call, shown] {
        EventData now = locationEventData(call->emergencyData());
        if (now == *shown)
            return;
        *shown = now;
        publish(QStringLiteral("location_update"), id, std::move(now));
    });
    // RFC 3994 §3.3: the peer is typing (active) or stopped (idle).
    connect(call, &Call::remoteComposingChanged, this, [this, id](service::ComposingState state) {
        publish(QStringLiteral("composing"), id,
                {{QStringLiteral("state"), state == service::ComposingState::Active
                                               ? QStringLiteral("active")
                                               : QStringLiteral("idle")}});
    });
    // RFC 5438 §7: a delivery or display notification for a text we sent.
    connect(call, &Call::dispositionChanged, this,
            [this, id](const QByteArray &messageId, service::Disposition disposition) {
                if (disposition == service::Disposition::Requested)
                    return;
                const QString status =
                    disposition == service::Disposition::Delivered   ? QStringLiteral("delivered")
                    : disposition == service::Disposition::Displayed ? QStringLiteral("displayed")
                                                                     : QStringLiteral("failed");
                publish(QStringLiteral("imdn"), id,
                        {{QStringLiteral("message_id"), QString::fromLatin1(messageId)},
                         {QStringLiteral("status"), status}});
            });
}

void CallController::publishMessage(const QString &callId, const service::ReceivedText &text)
{
    // XMS-REST.md: msg_payload[0].content_id, .content_type, .content; Herald adds the MSRP
    // Message-ID and the sender (the CPIM From when the text came wrapped).
    const QString messageId = QString::fromLatin1(text.messageId);
    publish(QStringLiteral("message"), callId,
            {{QStringLiteral("msg_payload[0].content_id"), messageId},
             {QStringLiteral("msg_payload[0].content_type"), QString::fromUtf8(text.contentType)},
             {QStringLiteral("msg_payload[0].content"), QString::fromUtf8(text.body)},
             {QStringLiteral("message_id"), messageId},
             {QStringLiteral("sender"), QString::fromUtf8(text.senderUri)}});
}

void CallController::watchThirdParty(service::ThirdPartySession *session)
{
    const QString id = thirdPartyIdText(session->id());
    connect(session, &service::ThirdPartySession::sessionStateChanged, this,
            [this, id](msrp::SessionState state) {
                if (state == msrp::SessionState::Active)
                    publish(QStringLiteral("connected"), id);
            });
    connect(session, &service::ThirdPartySession::textReceived, this,
            [this, id](const service::ReceivedText &text) { publishMessage(id, text); });
    connect(session, &service::ThirdPartySession::deliveryChanged, this,
            [this](const msrp::MessageInfo &info) { onDelivery(info); });
}

service::ThirdPartySession *CallController::findThirdParty(const QString &id) const
{
    if (!id.startsWith(thirdPartyPrefix))
        return nullptr;
    bool ok = false;
    const auto numeric = id.mid(thirdPartyPrefix.size()).toULongLong(&ok);
    return ok ? m_thirdParty.session(numeric) : nullptr;
}

CallView CallController::viewOf(const service::ThirdPartySession &session,
                                const QString &appid) const
{
    CallView view;
    view.id = thirdPartyIdText(session.id());
    view.appid = m_owners.value(view.id, appid);
    view.callType = QStringLiteral("3pcc");
    const msrp::Session *msrp = session.session();
    view.connected = msrp && msrp->state() == msrp::SessionState::Active;
    view.state = msrp ? QString::fromLatin1(QMetaEnum::fromType<msrp::SessionState>().valueToKey(
                                                static_cast<int>(msrp->state())))
                            .toLower()
                      : QStringLiteral("closed");
    view.destinationUri = QString::fromUtf8(session.remoteUri());
    view.sdp = QString::fromUtf8(session.localSdp());
    return view;
}

RestResult<CallView> CallController::createThirdParty(const QString &appid,
                                                      const CallRequest &request)
{
    if (request.sdp.trimmed().isEmpty())
        return restFail(400, QStringLiteral("call@sdp"),
                        QStringLiteral("a 3PCC session needs the remote SDP"));
    // SDP wants CRLF line ends (RFC 8866 §5); clients send LF, CRLF, or, when they wrote line
    // breaks literally into an XML attribute, spaces (XML 1.0 §3.3.3 normalization): lines are
    // rebuilt from any of those.
    static const QRegularExpression lineBreak(QStringLiteral("\\r?\\n|\\s+(?=[a-z]=)"));
    QByteArray offer;
    for (const QString &line : request.sdp.split(lineBreak, Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty())
            offer += line.trimmed().toUtf8() + "\r\n";
    auto created = m_thirdParty.create(offer);
    if (!created) {
        RestError error = restErrorFrom(created.error(), QStringLiteral("call@sdp"));
        // An offer Herald cannot answer is the client's to fix, like one that does not parse.
        if (created.error().code == ErrorCode::Unsupported)
            error.status = 400;
        return tl::unexpected(error);
    }
    CallView view = viewOf(**created, appid);
    m_owners.insert(view.id, appid);
    return view;
}

RestResult<CallView> CallController::updateThirdParty(service::ThirdPartySession &session,
                                                      const QString &appid,
                                                      const CallRequest &request)
{
    CallView view = viewOf(session, appid);
    if (request.sendMessage) {
        auto payload = payloadOf(*request.sendMessage);
        if (!payload)
            return tl::unexpected(payload.error());
        // No dialog: every mode goes over MSRP.
        msrp::SendOptions options;
        const QString &report = request.sendMessage->report;
        options.successReport = report == u"success" || report == u"both";
        Result<QByteArray> messageId;
        if (!payload->uri.isEmpty()) {
            auto file = payloadFile(*payload);
            if (!file)
                return tl::unexpected(file.error());
            addFileDisposition(options, *file);
            messageId = session.sendFile(file->filePath(), payload->contentType.toUtf8(), options);
        } else {
            messageId =
                session.sendText(payload->contentType.toUtf8(), payload->content.toUtf8(), options);
        }
        if (!messageId)
            return tl::unexpected(restErrorFrom(messageId.error()));
        m_pendingSends.insert(*messageId, PendingSend{view.id, options.successReport});
        view.sendTransactionId = QString::fromLatin1(*messageId);
    }
    if (request.hangup) {
        (void)m_thirdParty.close(session.id(), QStringLiteral("hung up"));
        view.connected = false;
        view.state = QStringLiteral("closed");
    }
    return view;
}

RestResult<MessagePayload> CallController::payloadOf(const SendMessageAction &action) const
{
    MessagePayload payload;
    if (!action.payloads.isEmpty())
        payload = action.payloads.first();
    else {
        payload.contentType =
            action.contentType.isEmpty() ? QStringLiteral("text/plain") : action.contentType;
        payload.content = action.content;
    }
    const QString field = action.payloads.isEmpty() ? QStringLiteral("send_message@content_type")
                                                    : QStringLiteral("msg_payload@content_type");
    // It becomes an MSRP header value: no line breaks, something like type/subtype.
    if (payload.contentType.contains(u'\n') || payload.contentType.contains(u'\r') ||
        !payload.contentType.contains(u'/'))
        return restFail(400, field, QStringLiteral("not a media type"));
    return payload;
}

void CallController::onDelivery(const msrp::MessageInfo &info)
{
    auto it = m_pendingSends.find(info.messageId);
    if (it == m_pendingSends.end())
        return;
    QString reason;
    switch (info.state) {
    case msrp::DeliveryState::Acknowledged:
        // RFC 4975 §7.1.1: without a Success-Report the 200s are all the news there is.
        if (it->wantSuccessReport)
            return;
        reason = QStringLiteral("success");
        break;
    case msrp::DeliveryState::Delivered:
        reason = QStringLiteral("success");
        break;
    case msrp::DeliveryState::Failed:
    case msrp::DeliveryState::Aborted:
        if (info.status == 408 ||
            info.reason.contains(QStringLiteral("timeout"), Qt::CaseInsensitive))
            reason = QStringLiteral("timeout");
        else if (info.status > 0)
            reason = QString::number(info.status);
        else
            reason = info.reason.isEmpty() ? QStringLiteral("failed") : info.reason;
        break;
    default:
        return;
    }
    // A file offer's own call (rfc5547) is done once its file is: BYE (RFC 5547 §9).
    // Later, not from inside the session's delivery signal.
    if (const service::Call::Id offer = it->offerCall; offer != 0)
        QTimer::singleShot(0, this, [this, offer] { (void)m_engine.calls().hangup(offer); });
    const QString sendCallId = it->callId;
    m_pendingSends.erase(it);
    publish(QStringLiteral("end_send_message"), sendCallId,
            {{QStringLiteral("transaction_id"), QString::fromLatin1(info.messageId)},
             {QStringLiteral("reason"), reason}});
}

Call *CallController::findCall(const QString &id) const
{
    bool ok = false;
    const Call::Id numeric = id.toULongLong(&ok);
    return ok ? m_engine.calls().call(numeric) : nullptr;
}

CallView CallController::viewOf(const Call &call, const QString &appid) const
{
    CallView view;
    view.id = callIdText(call.id());
    view.appid = m_owners.value(view.id, appid);
    const bool inbound = call.direction() == CallDirection::Inbound;
    view.callType = inbound ? QStringLiteral("inbound") : QStringLiteral("outbound");
    view.connected = call.state() == CallState::Active;
    view.state = stateName(call.state());
    view.sourceUri = QString::fromUtf8(inbound ? call.remoteUri() : call.localUri());
    view.destinationUri = QString::fromUtf8(inbound ? call.localUri() : call.remoteUri());
    return view;
}

QList<CallView> CallController::list(const QString &appid) const
{
    QList<CallView> out;
    for (const Call *call : m_engine.calls().calls())
        out.append(viewOf(*call, appid));
    std::sort(out.begin(), out.end(), [](const CallView &a, const CallView &b) {
        return a.id.toULongLong() < b.id.toULongLong();
    });
    QList<service::ThirdPartySession *> thirdParty = m_thirdParty.sessions();
    std::sort(thirdParty.begin(), thirdParty.end(),
              [](const auto *a, const auto *b) { return a->id() < b->id(); });
    for (const service::ThirdPartySession *session : thirdParty)
        out.append(viewOf(*session, appid));
    return out;
}

RestResult<CallView> CallController::get(const QString &id, const QString &appid) const
{
    if (const service::ThirdPartySession *session = findThirdParty(id))
        return viewOf(*session, appid);
    const Call *call = findCall(id);
    if (!call)
        return restFail(404, {}, QStringLiteral("no call %1").arg(id));
    return viewOf(*call, appid);
}

RestResult<CallView> CallController::create(const QString &appid, const CallRequest &request)
{
    if (!request.media.isEmpty() && request.media != u"message")
        return restFail(400, QStringLiteral("call@media"),
                        QStringLiteral("only media=\"message\" calls are supported"));
    if (request.signaling == false)
        return createThirdParty(appid, request);
    if (request.destinationUri.isEmpty())
        return restFail(400, QStringLiteral("call@destination_uri"), QStringLiteral("required"));
    service::PlaceCallOptions options;
    options.from = request.sourceUri.toUtf8();
    if (request.setup == u"active")
        options.setup = sdp::Setup::Active;
    auto placed = m_engine.calls().placeCall(request.destinationUri.toUtf8(), options);
    if (!placed)
        return tl::unexpected(
            restErrorFrom(placed.error(), QStringLiteral("call@destination_uri")));
    CallView view = viewOf(**placed, appid);
    m_owners.insert(view.id, appid);
    return view;
}

RestResult<CallView> CallController::update(const QString &id, const QString &appid,
                                            const CallRequest &request)
{
    if (service::ThirdPartySession *session = findThirdParty(id))
        return updateThirdParty(*session, appid, request);
    Call *call = findCall(id);
    if (!call)
        return restFail(404, {}, QStringLiteral("no call %1").arg(id));
    if (request.accept == true && call->direction() == CallDirection::Inbound &&
        service::isUnanswered(call->state()))
        publish(QStringLiteral("accepted"), id);
    if (request.answer == true) {
        if (auto answered = m_engine.calls().answer(call->id()); !answered)
            return tl::unexpected(restErrorFrom(answered.error(), QStringLiteral("call@answer")));
        m_owners.insert(id, appid);
    } else if (request.answer == false && call->direction() == CallDirection::Inbound &&
               service::isUnanswered(call->state())) {
        if (auto rejected = m_engine.calls().reject(call->id()); !rejected)
            return tl::unexpected(restErrorFrom(rejected.error(), QStringLiteral("call@answer")));
    }
    CallView view = viewOf(*call, appid);
    if (request.sendMessage) {
        auto tx = sendMessage(*call, *request.sendMessage);
        if (!tx)
            return tl::unexpected(tx.error());
        view.sendTransactionId = *tx;
    }
    if (request.hangup) {
        if (auto hung = m_engine.calls().hangup(call->id()); !hung)
            qCInfo(lcService) << "REST hangup of call" << id << hung.error().detail;
        view.state = stateName(call->state());
        view.connected = false;
    }
    return view;
}

RestResult<QString> CallController::sendMessage(Call &call, const SendMessageAction &action)
{
    auto checked = payloadOf(action);
    if (!checked)
        return tl::unexpected(checked.error());
    const MessagePayload &payload = *checked;
    const QString field = action.payloads.isEmpty() ? QStringLiteral("send_message@content")
                                                    : QStringLiteral("msg_payload");
    const QString callId = callIdText(call.id());

    if (action.mode == u"signalling") {
        // RFC 3428 §4: a MESSAGE inside the call's dialog; its final response ends the send
        // (end_send_message success on 2xx, else the SIP status).
        if (!payload.uri.isEmpty())
            return restFail(400, QStringLiteral("msg_payload_uri@uri"),
                            QStringLiteral("mode signalling carries inline content only"));
        auto sent = m_engine.calls().sendDialogMessage(call.id(), payload.contentType.toUtf8(),
                                                       payload.content.toUtf8());
        if (!sent)
            return tl::unexpected(restErrorFrom(sent.error(), field));
        m_pendingPageMessages.insert(*sent, callId);
        return QString::number(*sent);
    }
    if (!call.session() || service::isFinal(call.state()))
        return restFail(409, {}, QStringLiteral("call %1 has no MSRP session").arg(callId));
    if (action.mode == u"rfc5547")
        return sendFileOffer(call, payload, action);

    msrp::SendOptions options;
    options.successReport = action.report == u"success" || action.report == u"both";
    Result<QByteArray> messageId;
    if (!payload.uri.isEmpty()) {
        auto file = payloadFile(payload);
        if (!file)
            return tl::unexpected(file.error());
        addFileDisposition(options, *file);
        // Through the call, so the store records it like any outgoing message (issue #7).
        messageId = call.sendFile(file->filePath(), payload.contentType.toUtf8(), options);
    } else {
        messageId = call.sendText(payload.contentType.toUtf8(), payload.content.toUtf8(), options);
    }
    if (!messageId)
        return tl::unexpected(restErrorFrom(messageId.error(), field));
    m_pendingSends.insert(*messageId, PendingSend{callId, options.successReport});
    return QString::fromLatin1(*messageId);
}

RestResult<QFileInfo> CallController::payloadFile(const MessagePayload &payload) const
{
    // A file by reference: only local files (file:///...), never a remote fetch here.
    const QUrl url(payload.uri);
    if (!url.isLocalFile())
        return restFail(400, QStringLiteral("msg_payload_uri@uri"),
                        QStringLiteral("only file:// URIs are supported"));
    // Only below the configured directory: the token must not open every file the server
    // can read.
    const QFileInfo file(url.toLocalFile());
    const QString canonical = file.canonicalFilePath();
    const QString root = QFileInfo(m_payloadDirectory).canonicalFilePath();
    if (root.isEmpty() || canonical.isEmpty() || !canonical.startsWith(root + u'/'))
        return restFail(403, QStringLiteral("msg_payload_uri@uri"),
                        QStringLiteral("files may be sent only from the payload directory"));
    if (!file.isFile() || !file.isReadable())
        return restFail(400, QStringLiteral("msg_payload_uri@uri"),
                        QStringLiteral("not a readable file"));
    return QFileInfo(canonical);
}

RestResult<QString> CallController::sendFileOffer(Call &call, const MessagePayload &payload,
                                                  const SendMessageAction &action)
{
    if (payload.uri.isEmpty())
        return restFail(400, QStringLiteral("msg_payload_uri@uri"),
                        QStringLiteral("mode rfc5547 sends a file: msg_payload_uri required"));
    auto file = payloadFile(payload);
    if (!file)
        return tl::unexpected(file.error());
    // RFC 5547 §8.2.1: a push offer (sendonly) whose a=file-selector names the file (name,
    // type, size, sha-1) with a=file-transfer-id and a=file-disposition, in a session of its
    // own: a new INVITE to the call's peer, which Herald ends with BYE once the file is
    // acknowledged (§9).
    const QByteArray disposition = payload.contentDisposition == u"render"
                                       ? QByteArrayLiteral("render")
                                       : QByteArrayLiteral("attachment");
    auto described =
        service::describeFile(file->filePath(), file->fileName(), payload.contentType.toUtf8(),
                              disposition, m_engine.random());
    if (!described)
        return tl::unexpected(
            restErrorFrom(described.error(), QStringLiteral("msg_payload_uri@uri")));
    service::PlaceCallOptions options;
    options.from = call.localUri();
    options.file = *described;
    // The peer's remote target (its Contact), without a name-addr's brackets (RFC 3261 §20.10).
    QByteArray target = call.remoteTarget().isEmpty() ? call.remoteUri() : call.remoteTarget();
    if (const qsizetype open = target.indexOf('<'), close = target.indexOf('>');
        open >= 0 && close > open)
        target = target.mid(open + 1, close - open - 1);
    auto placed = m_engine.calls().placeCall(target, options);
    if (!placed)
        return tl::unexpected(restErrorFrom(placed.error(), QStringLiteral("msg_payload_uri@uri")));
    Call *offer = *placed;
    // RFC 4975 §7.1.1: a file's 200s tell that each chunk arrived; a success REPORT is
    // asked for (and waited for) only when the client wants one.
    msrp::SendOptions sendOptions;
    sendOptions.successReport = action.report == u"success" || action.report == u"both";
    const bool wantSuccessReport = sendOptions.successReport;
    auto messageId =
        offer->sendFile(file->filePath(), payload.contentType.toUtf8(), std::move(sendOptions));
    if (!messageId) {
        (void)m_engine.calls().hangup(offer->id());
        return tl::unexpected(
            restErrorFrom(messageId.error(), QStringLiteral("msg_payload_uri@uri")));
    }
    m_pendingSends.insert(*messageId,
                          PendingSend{callIdText(call.id()), wantSuccessReport, offer->id()});
    // The offer may fail before any MSRP happens (486, 488): the send fails with it.
    connect(offer, &Call::stateChanged, this, [this, messageId = *messageId, offer](CallState s) {
        if (s != CallState::Failed)
            return;
        const auto it = m_pendingSends.constFind(messageId);
        if (it == m_pendingSends.cend())
            return;
        const QString callId = it->callId;
        m_pendingSends.erase(it);
        publish(QStringLiteral("end_send_message"), callId,
                {{QStringLiteral("transaction_id"), QString::fromLatin1(messageId)},
                 {QStringLiteral("reason"), offer->failureStatus() > 0
                                                ? QString::number(offer->failureStatus())
                                                : QStringLiteral("failed")}});
    });
    return QString::fromLatin1(*messageId);
}

RestResult<void> CallController::remove(const QString &id)
{
    if (service::ThirdPartySession *session = findThirdParty(id))
        return m_thirdParty.close(session->id(), QStringLiteral("deleted"))
            .map_error([](const Error &e) { return restErrorFrom(e); });
    Call *call = findCall(id);
    if (!call)
        return restFail(404, {}, QStringLiteral("no call %1").arg(id));
    if (auto hung = m_engine.calls().hangup(call->id()); !hung)
        qCInfo(lcService) << "REST hangup of call" << id << hung.error().detail;
    return {};
}

} // namespace herald::rest
