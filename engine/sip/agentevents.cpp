// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// sofia's events, delivered on the Agent's thread by the glib root, turned into Herald's calls,
// requests and signals.
#include "engine/sip/agentprivate.h"

#include "engine/sip/agentrecording.h"

#include "engine/sip/sipheaders.h"
#include "engine/sip/siplogging.h"

#include <sofia-sip/msg.h>
#include <sofia-sip/nta_tag.h>
#include <sofia-sip/sip_header.h>
#include <sofia-sip/sip_status.h>
#include <sofia-sip/su_tag_io.h>

#include <QEventLoop>
#include <QTimer>

#include <type_traits>

namespace herald::sip {

namespace {

QByteArray payloadOf(const sip_t *sip)
{
    if (!sip || !sip->sip_payload || !sip->sip_payload->pl_data)
        return {};
    return QByteArray(sip->sip_payload->pl_data, qsizetype(sip->sip_payload->pl_len));
}

// The message of the current event as text (sofia re-encodes what it parsed; unmodified
// headers keep their received form), split into start line and header fields.
MessageSections sectionsOf(nua_t *nua)
{
    msg_t *msg = nua ? nua_current_request(nua) : nullptr;
    if (!msg)
        return {};
    SofiaHome home;
    size_t length = 0;
    char *text = msg_as_string(home.get(), msg, nullptr, 0, &length);
    if (!text)
        return {};
    return splitMessage(QByteArrayView(text, qsizetype(length)));
}

QByteArray requestUriOf(const QByteArray &startLine)
{
    const QList<QByteArray> parts = startLine.split(' ');
    return parts.size() >= 2 ? parts.at(1) : QByteArray();
}

const char *eventName(nua_event_t event)
{
    return nua_event_name(event);
}

} // namespace

void AgentPrivate::callback(nua_event_t event, int status, char const *phrase, nua_t *,
                            nua_magic_t *magic, nua_handle_t *nh, nua_hmagic_t *, sip_t const *sip,
                            tagi_t tags[])
{
    static_cast<AgentPrivate *>(magic)->onEvent(event, status, phrase, nh, sip, tags);
}

template<typename T>
T AgentPrivate::describeRequest(const sip_t *sip) const
{
    T request;
    const MessageSections sections = sectionsOf(m_nua);
    request.headers = sections.headers;
    request.method = (sip && sip->sip_request && sip->sip_request->rq_method_name)
                         ? QByteArray(sip->sip_request->rq_method_name)
                         : sections.startLine.left(sections.startLine.indexOf(' '));
    request.requestUri = requestUriOf(sections.startLine);
    request.from = firstHeaderValue(sections.headers, "From");
    request.to = firstHeaderValue(sections.headers, "To");
    request.callId = firstHeaderValue(sections.headers, "Call-ID");
    request.contact = firstHeaderValue(sections.headers, "Contact");
    request.body = payloadOf(sip);
    if (!request.body.isEmpty())
        request.contentType = firstHeaderValue(sections.headers, "Content-Type");
    if (sip && sip->sip_via && sip->sip_via->v_protocol)
        request.transport = viaTransport(QByteArrayView(sip->sip_via->v_protocol));
    if constexpr (std::is_same_v<T, IncomingInvite>) {
        request.pAssertedIdentity = request.headerList("P-Asserted-Identity");
        request.geolocation = request.headerList("Geolocation");
        request.callInfo = request.headerList("Call-Info");
    }
    return request;
}

SipResponse AgentPrivate::describeResponse(int status, const char *phrase, const sip_t *sip) const
{
    SipResponse response;
    response.status = status;
    response.reason = phrase ? QByteArray(phrase) : QByteArray();
    if (!sip)
        return response;
    response.body = payloadOf(sip);
    const MessageSections sections = sectionsOf(m_nua);
    // nua_current_request() is the response for a response event; check before trusting it.
    if (sections.startLine.startsWith("SIP/2.0 ")) {
        response.headers = sections.headers;
        if (!response.body.isEmpty())
            response.contentType = firstHeaderValue(sections.headers, "Content-Type");
    }
    return response;
}

void AgentPrivate::onEvent(nua_event_t event, int status, const char *phrase, nua_handle_t *nh,
                           const sip_t *sip, tagi_t tags[])
{
    qCDebug(lcSip) << eventName(event) << status << phrase;
    const LadderScope ladder(*this, event, sip, nh); // Lab view ladder, opt-in
    switch (event) {
    case nua_r_shutdown:
        if (status >= 200) {
            m_shutdownDone = true;
            if (m_waitLoop) {
                m_waitLoop->quit();
            } else {
                // Never nua_destroy() inside a nua callback (PLATFORM.md §1).
                QMetaObject::invokeMethod(
                    q, [this] { finishShutdown(); }, Qt::QueuedConnection);
            }
        }
        return;
    case nua_r_get_params:
        onGetParams(tags);
        return;
    case nua_i_invite:
        onIncomingInvite(nh, sip);
        return;
    case nua_i_cancel:
        onIncomingCancel(nh);
        return;
    case nua_i_ack:
        if (CallRecord *call = callFor(nh))
            applyEvent(*call, CallEvent::AckReceived);
        return;
    case nua_i_bye:
        onIncomingBye(nh);
        return;
    case nua_r_invite:
        onInviteResponse(nh, status, phrase, sip);
        return;
    case nua_r_bye:
        onByeResponse(nh, status, phrase);
        return;
    case nua_r_cancel:
        return; // the INVITE's own final response (487) ends the call
    case nua_i_state:
        onCallState(nh, status, phrase, tags);
        return;
    case nua_i_info:
        onIncomingInfo(nh, status, sip);
        return;
    case nua_i_message:
        onIncomingMessage(nh, status, sip);
        return;
    case nua_i_options:
        onIncomingOptions(nh, status, sip);
        return;
    case nua_r_info:
    case nua_r_message:
    case nua_r_options:
        onRequestResponse(event, nh, status, phrase, sip);
        return;
    case nua_i_error:
        qCWarning(lcSip) << "sofia error" << status << phrase;
        return;
    case nua_i_active:
    case nua_i_terminated:
    case nua_i_outbound:
    case nua_i_media_error:
    case nua_r_set_params:
    case nua_r_authenticate:
        return;
    default:
        if (nua_event_is_incoming_request(event))
            onOtherRequest(event, nh, status);
        return;
    }
}

void AgentPrivate::onGetParams(tagi_t tags[])
{
    sip_contact_t const *contact = nullptr;
    tl_gets(tags, NTATAG_CONTACT_REF(contact), TAG_END());
    if (contact) {
        const char *p = contact->m_url->url_port;
        port = p ? quint16(QByteArray(p).toUInt()) : 5060;
    }
    m_gotParams = true;
    if (m_waitLoop)
        m_waitLoop->quit();
}

void AgentPrivate::onIncomingInvite(nua_handle_t *nh, const sip_t *sip)
{
    if (CallRecord *call = callFor(nh)) {
        onReInvite(*call, nh, sip);
        return;
    }
    if (phase != Phase::Running) {
        nua_respond(nh, 503, sip_503_Service_unavailable, NUTAG_WITH_THIS(m_nua), TAG_END());
        nua_handle_destroy(nh);
        return;
    }
    // Read the request before saving the event: nua_save_event() takes it away from
    // nua_current_request().
    const IncomingInvite invite = describeRequest<IncomingInvite>(sip);
    auto call = std::make_unique<CallRecord>();
    if (!call->invite.save(m_nua)) {
        nua_respond(nh, 500, sip_500_Internal_server_error, NUTAG_WITH_THIS(m_nua), TAG_END());
        nua_handle_destroy(nh);
        return;
    }
    // PLATFORM.md §2: answer a TCP INVITE with a TCP Contact so the dialog stays on TCP.
    if (invite.transport == "TCP")
        nua_set_hparams(nh, NUTAG_M_PARAMS("transport=tcp"), TAG_END());
    else if (invite.transport == "TLS")
        nua_set_hparams(nh, NUTAG_M_PARAMS("transport=tls"), TAG_END());

    call->id = m_nextCallId++;
    call->direction = CallDirection::Incoming;
    call->state = initialCallState(CallDirection::Incoming);
    call->handle = nh;
    const CallId id = call->id;
    callByHandle.insert(nh, id);
    calls.emplace(id, std::move(call));
    qCInfo(lcSip) << "call" << id << "incoming INVITE from" << invite.from << "over"
                  << invite.transport;
    Q_EMIT q->incomingCall(id, invite);
}

void AgentPrivate::onReInvite(CallRecord &call, nua_handle_t *nh, const sip_t *sip)
{
    // A target refresh or session refresh (RFC 3261 §14.2). MSRP keeps its path, so Herald
    // answers with the description it already gave.
    if (call.state != CallState::Established) {
        nua_respond(nh, 491, sip_491_Request_pending, NUTAG_WITH_THIS(m_nua), TAG_END());
        return;
    }
    // Read before responding: its headers may carry a new location (RFC 6442 §4.1).
    const IncomingInvite update = describeRequest<IncomingInvite>(sip);
    const CallId id = call.id;
    SofiaHome home;
    sip_payload_t *payload =
        call.localBody.isEmpty()
            ? nullptr
            : sip_payload_create(home.get(), call.localBody.constData(), call.localBody.size());
    nua_respond(nh, 200, sip_200_OK, NUTAG_WITH_THIS(m_nua),
                TAG_IF(payload, SIPTAG_CONTENT_TYPE_STR(call.localContentType.constData())),
                TAG_IF(payload, SIPTAG_PAYLOAD(payload)), TAG_END());
    Q_EMIT q->callUpdated(id, update);
}

void AgentPrivate::onIncomingCancel(nua_handle_t *nh)
{
    CallRecord *call = callFor(nh);
    if (!call)
        return;
    // sofia has answered the CANCEL 200 and the INVITE 487 (RFC 3261 §9.2).
    call->invite.release();
    applyEvent(*call, CallEvent::CancelReceived);
    if (call->state == CallState::Terminated)
        endCall(*call, QByteArrayLiteral("CANCEL"), true);
}

void AgentPrivate::onIncomingBye(nua_handle_t *nh)
{
    CallRecord *call = callFor(nh);
    if (!call)
        return;
    applyEvent(*call, CallEvent::ByeReceived);
    endCall(*call, QByteArrayLiteral("BYE"), true);
}

void AgentPrivate::onInviteResponse(nua_handle_t *nh, int status, const char *phrase,
                                    const sip_t *sip)
{
    CallRecord *call = callFor(nh);
    if (!call)
        return;
    if ((status == 401 || status == 407) && tryAuthenticate(nh, status, sip, call->authAttempts))
        return;
    if (call->state == CallState::Established) {
        // The answer to our re-INVITE (sofia ACKs a 2xx): the dialog and its session stay as
        // they were whatever it says (RFC 3261 §14.1).
        qCInfo(lcSip) << "call" << call->id << "re-INVITE answered" << status;
        return;
    }
    const CallId id = call->id;
    const QByteArray reason = phrase ? QByteArray(phrase) : QByteArray();
    if (status < 200) {
        const CallEvent event = status == 180   ? CallEvent::RingingReceived
                                : status == 183 ? CallEvent::SessionProgressReceived
                                                : CallEvent::ProvisionalReceived;
        applyEvent(*call, event);
        Q_EMIT q->callProgress(id, status, reason);
        return;
    }
    if (status < 300) {
        const bool wasCancelled = call->cancelledLocally;
        applyEvent(*call, CallEvent::SuccessReceived);
        if (wasCancelled) {
            // RFC 3261 §9.1: the 2xx won the race with our CANCEL; the dialog must be ended.
            nua_bye(nh, TAG_END());
            return;
        }
        call->authAttempts = 0;
        qCInfo(lcSip) << "call" << id << "answered" << status;
        const SipResponse response = describeResponse(status, phrase, sip);
        Q_EMIT q->callAnswered(id, response.body, response);
        return;
    }
    applyEvent(*call, CallEvent::FailureReceived);
    call = callFor(id);
    if (!call || call->ended)
        return;
    if (call->cancelledLocally) {
        endCall(*call, QByteArrayLiteral("CANCEL"), false);
        return;
    }
    qCInfo(lcSip) << "call" << id << "failed" << status << reason;
    Q_EMIT q->callFailed(id, status, reason, describeResponse(status, phrase, sip));
    if (CallRecord *still = callFor(id))
        endCall(*still, QByteArray::number(status) + ' ' + reason, sip != nullptr);
    // An unanswered challenge leaves sofia's INVITE waiting for credentials (nua_authenticate)
    // and the handle would never terminate: drop it.
    if (status == 401 || status == 407)
        releaseCall(id);
}

void AgentPrivate::onByeResponse(nua_handle_t *nh, int status, const char *phrase)
{
    CallRecord *call = callFor(nh);
    if (!call || status < 200)
        return;
    applyEvent(*call, CallEvent::ByeCompleted);
    endCall(*call, QByteArrayLiteral("BYE"), false);
    Q_UNUSED(phrase);
}

void AgentPrivate::onCallState(nua_handle_t *nh, int status, const char *phrase, tagi_t tags[])
{
    int state = nua_callstate_init;
    tl_gets(tags, NUTAG_CALLSTATE_REF(state), TAG_END());
    CallRecord *call = callFor(nh);
    if (!call || state != nua_callstate_terminated)
        return;
    const CallId id = call->id;
    if (!call->ended) {
        applyEvent(*call, CallEvent::DialogTerminated);
        if (CallRecord *still = callFor(id))
            endCall(*still,
                    QByteArray::number(status) + ' ' + (phrase ? QByteArray(phrase) : QByteArray()),
                    false);
    }
    releaseCall(id);
}

void AgentPrivate::onIncomingInfo(nua_handle_t *nh, int status, const sip_t *sip)
{
    CallRecord *call = callFor(nh);
    if (!call) {
        // RFC 6086 §4.2.2: INFO outside a dialog (or for one we do not know) gets 481.
        if (status < 200)
            nua_respond(nh, 481, sip_481_No_transaction, NUTAG_WITH_THIS(m_nua), TAG_END());
        if (!sentByHandle.contains(nh))
            nua_handle_destroy(nh);
        return;
    }
    const CallId id = call->id;
    const IncomingRequest details = describeRequest<IncomingRequest>(sip);
    if (status >= 200) {
        qCWarning(lcSip) << "INFO already answered by the stack" << status;
        return;
    }
    SavedEvent saved;
    if (phase != Phase::Running || !saved.save(m_nua)) {
        nua_respond(nh, 503, sip_503_Service_unavailable, NUTAG_WITH_THIS(m_nua), TAG_END());
        return;
    }
    const RequestId rid = addPending(RequestKind::Info, nh, id, false, std::move(saved));
    Q_EMIT q->incomingInfo(id, rid, details.contentType, details.body, details);
}

void AgentPrivate::onIncomingMessage(nua_handle_t *nh, int status, const sip_t *sip)
{
    const CallRecord *call = callFor(nh);
    const CallId id = call ? call->id : 0;
    const bool ownsHandle = !call && !sentByHandle.contains(nh);
    const IncomingRequest message = describeRequest<IncomingRequest>(sip);
    if (status >= 200) {
        qCWarning(lcSip) << "MESSAGE already answered by the stack" << status;
        if (ownsHandle)
            nua_handle_destroy(nh);
        return;
    }
    SavedEvent saved;
    if (phase != Phase::Running || !saved.save(m_nua)) {
        nua_respond(nh, 503, sip_503_Service_unavailable, NUTAG_WITH_THIS(m_nua), TAG_END());
        if (ownsHandle)
            nua_handle_destroy(nh);
        return;
    }
    const RequestId rid = addPending(RequestKind::Message, nh, id, ownsHandle, std::move(saved));
    Q_EMIT q->incomingMessage(rid, id, message);
}

void AgentPrivate::onIncomingOptions(nua_handle_t *nh, int status, const sip_t *sip)
{
    const bool ownsHandle = !callFor(nh) && !sentByHandle.contains(nh);
    const IncomingRequest request = describeRequest<IncomingRequest>(sip);
    if (status < 200) {
        // RFC 3261 §11.2: Allow and Accept in the 200; the body, if any, describes capabilities.
        SofiaHome home;
        sip_payload_t *payload =
            optionsBody.isEmpty()
                ? nullptr
                : sip_payload_create(home.get(), optionsBody.constData(), optionsBody.size());
        nua_respond(nh, 200, sip_200_OK, NUTAG_WITH_THIS(m_nua), SIPTAG_ALLOW_STR(allowedMethods),
                    SIPTAG_ACCEPT_STR(config.accept.constData()),
                    TAG_IF(payload, SIPTAG_CONTENT_TYPE_STR(optionsContentType.constData())),
                    TAG_IF(payload, SIPTAG_PAYLOAD(payload)), TAG_END());
    }
    if (ownsHandle)
        nua_handle_destroy(nh);
    Q_EMIT q->optionsAnswered(request);
}

void AgentPrivate::onRequestResponse(nua_event_t event, nua_handle_t *nh, int status,
                                     const char *phrase, const sip_t *sip)
{
    if (status < 200)
        return;
    if (auto it = sentByHandle.find(nh); it != sentByHandle.end()) {
        if ((status == 401 || status == 407) && tryAuthenticate(nh, status, sip, it->authAttempts))
            return;
        const SentRequest sent = it.value();
        sentByHandle.erase(it);
        const SipResponse response = describeResponse(status, phrase, sip);
        nua_handle_destroy(nh);
        if (sent.kind == RequestKind::Options)
            Q_EMIT q->optionsResponse(sent.id, response);
        else
            Q_EMIT q->messageResponse(sent.id, response);
        return;
    }
    CallRecord *call = callFor(nh);
    if (!call)
        return;
    if ((status == 401 || status == 407) && tryAuthenticate(nh, status, sip, call->authAttempts))
        return;
    const RequestKind kind = event == nua_r_info ? RequestKind::Info : RequestKind::Message;
    if (call->sent.empty() || call->sent.front().second != kind) {
        qCWarning(lcSip) << "call" << call->id << "unexpected" << eventName(event) << status;
        return;
    }
    const RequestId rid = call->sent.front().first;
    call->sent.pop_front();
    call->authAttempts = 0;
    const CallId id = call->id;
    const SipResponse response = describeResponse(status, phrase, sip);
    if (kind == RequestKind::Info)
        Q_EMIT q->infoResponse(id, rid, response);
    else
        Q_EMIT q->messageResponse(rid, response);
}

void AgentPrivate::onOtherRequest(nua_event_t event, nua_handle_t *nh, int status)
{
    // Anything the stack leaves to us that Herald does not implement (RFC 3261 §8.2.1).
    if (status < 200)
        nua_respond(nh, 501, sip_501_Not_implemented, NUTAG_WITH_THIS(m_nua), TAG_END());
    qCDebug(lcSip) << "refused" << eventName(event);
    if (!callFor(nh) && !sentByHandle.contains(nh))
        nua_handle_destroy(nh);
}

bool AgentPrivate::tryAuthenticate(nua_handle_t *nh, int status, const sip_t *sip, int &attempts)
{
    // RFC 3261 §22.2/22.3: answer a challenge once with the configured credentials; a second
    // challenge after that means they were refused. (A stale nonce, RFC 2617 §3.2.1, is
    // retried by sofia itself from its credential cache and never reaches us; sofia would
    // answer a second nua_authenticate() for the same realm with 904 anyway.)
    if (config.credentials.username.isEmpty() || !sip || attempts >= 1)
        return false;
    const msg_auth_t *challenge =
        status == 401 ? sip->sip_www_authenticate : sip->sip_proxy_authenticate;
    if (!challenge || !challenge->au_scheme ||
        QByteArray(challenge->au_scheme).toLower() != "digest")
        return false;
    SofiaHome home;
    const char *text =
        sip_header_as_string(home.get(), reinterpret_cast<const sip_header_t *>(challenge));
    const QByteArray header = text ? QByteArray(text) : QByteArray();
    const QByteArray realm = authParam(header, "realm");
    if (!config.credentials.realm.isEmpty() && config.credentials.realm.toUtf8() != realm) {
        qCWarning(lcSip) << "challenge for realm" << realm << "not answered (configured for"
                         << config.credentials.realm << ")";
        return false;
    }
    const QByteArray credentials = digestCredentials(realm, config.credentials.username.toUtf8(),
                                                     config.credentials.password.toUtf8());
    if (credentials.isEmpty())
        return false;
    ++attempts;
    qCInfo(lcSip) << "answering a" << status << "challenge for realm" << realm;
    nua_authenticate(nh, NUTAG_AUTH(credentials.constData()), TAG_END());
    return true;
}

} // namespace herald::sip
