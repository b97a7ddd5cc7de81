// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// What the application asks the Agent to send: INVITE and the responses to a received one,
// CANCEL, BYE, INFO, MESSAGE, OPTIONS, and the responses to received INFO and MESSAGE.
#include "engine/sip/agentprivate.h"

#include "engine/sip/sipheaders.h"
#include "engine/sip/siplogging.h"

#include <sofia-sip/sip_header.h>

namespace herald::sip {

Result<QByteArray> AgentPrivate::routeFor(const QByteArray &target,
                                          const RequestOptions &options) const
{
    if (!options.route.isEmpty()) {
        if (auto ok = checkUri(options.route); !ok || isServiceUrn(options.route))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("bad route: %1").arg(QString::fromUtf8(options.route)));
        return looseRoute(options.route);
    }
    if (options.viaOutboundProxy && !config.outboundProxy.isEmpty())
        return looseRoute(config.outboundProxy.toUtf8());
    // A URN names a service, not a host: the next hop must be given (RFC 5031 §8).
    if (isServiceUrn(target))
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 needs a route or an outbound proxy").arg(QString::fromUtf8(target)));
    return QByteArray();
}

// --- Calls -----------------------------------------------------------------------------------

Result<CallId> AgentPrivate::invite(const QByteArray &target, const QByteArray &body,
                                    const InviteOptions &options)
{
    if (auto ok = checkRunning(); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = checkUri(target); !ok)
        return tl::unexpected(ok.error());
    const Result<QByteArray> extra = headerBlock(options.extraHeaders);
    if (!extra)
        return tl::unexpected(extra.error());
    if (!isSafeHeaderValue(options.from) || !isSafeHeaderValue(options.contentType))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("bad From or Content-Type"));

    // PLATFORM.md §2: a Contact without ";transport=tcp" makes the peer send in-dialog
    // requests over UDP, so a TCP dialog asks for TCP in its Contact.
    const QByteArray transport = uriTransport(target);
    const QByteArray to = nameAddr(target);
    const QByteArray from = options.from.isEmpty() ? QByteArray() : nameAddr(options.from);
    const Result<QByteArray> routed = routeFor(target, options);
    if (!routed)
        return tl::unexpected(routed.error());
    const QByteArray &route = *routed;
    const QByteArray mParams = (transport == "tcp" || transport == "tls")
                                   ? QByteArrayLiteral("transport=") + transport
                                   : QByteArray();
    // The Call-ID chosen here rather than by the stack, so that the ladder knows the INVITE
    // it sees on the wire before any answer comes (agentrecording.cpp).
    SofiaHome home;
    const sip_call_id_t *callId = sip_call_id_create(home.get(), nullptr);
    nua_handle_t *nh =
        nua_handle(m_nua, nullptr, NUTAG_URL(target.constData()), SIPTAG_TO_STR(to.constData()),
                   TAG_IF(!options.from.isEmpty(), SIPTAG_FROM_STR(orNull(from))),
                   TAG_IF(!mParams.isEmpty(), NUTAG_M_PARAMS(orNull(mParams))),
                   TAG_IF(!route.isEmpty(), NUTAG_INITIAL_ROUTE_STR(orNull(route))),
                   TAG_IF(callId, SIPTAG_CALL_ID(callId)), TAG_END());
    if (!nh)
        return fail(ErrorCode::Io, QStringLiteral("cannot create a SIP handle"));

    auto call = std::make_unique<CallRecord>();
    call->id = m_nextCallId++;
    call->direction = CallDirection::Outgoing;
    call->state = initialCallState(CallDirection::Outgoing);
    call->handle = nh;
    call->localBody = body;
    call->localContentType = options.contentType;
    const CallId id = call->id;
    callByHandle.insert(nh, id);
    calls.emplace(id, std::move(call));
    if (callId && callId->i_id)
        recorder.learnDialog(QByteArray(callId->i_id), id, false); // Lab view ladder

    sip_payload_t *payload =
        body.isEmpty() ? nullptr : sip_payload_create(home.get(), body.constData(), body.size());
    nua_invite(nh, TAG_IF(!body.isEmpty(), SIPTAG_CONTENT_TYPE_STR(orNull(options.contentType))),
               TAG_IF(payload, SIPTAG_PAYLOAD(payload)),
               TAG_IF(!extra->isEmpty(), SIPTAG_HEADER_STR(orNull(*extra))), TAG_END());
    qCInfo(lcSip) << "call" << id << "INVITE to" << target;
    return id;
}

Result<void> AgentPrivate::reinvite(CallId id, const QByteArray &body, const InviteOptions &options)
{
    if (auto ok = checkRunning(); !ok)
        return ok;
    CallRecord *call = callFor(id);
    if (!call)
        return fail(ErrorCode::NotFound, QStringLiteral("no call %1").arg(id));
    if (call->state != CallState::Established)
        return fail(ErrorCode::Conflict, QStringLiteral("call %1 is not established").arg(id));
    const Result<QByteArray> extra = headerBlock(options.extraHeaders);
    if (!extra)
        return tl::unexpected(extra.error());
    if (!isSafeHeaderValue(options.contentType))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("bad Content-Type"));
    SofiaHome home;
    sip_payload_t *payload =
        body.isEmpty() ? nullptr : sip_payload_create(home.get(), body.constData(), body.size());
    nua_invite(call->handle,
               TAG_IF(!body.isEmpty(), SIPTAG_CONTENT_TYPE_STR(orNull(options.contentType))),
               TAG_IF(payload, SIPTAG_PAYLOAD(payload)),
               TAG_IF(!extra->isEmpty(), SIPTAG_HEADER_STR(orNull(*extra))), TAG_END());
    qCInfo(lcSip) << "call" << id << "re-INVITE";
    return {};
}

Result<void> AgentPrivate::respondToInvite(CallId id, int status, const QByteArray &reason,
                                           const QByteArray &contentType, const QByteArray &body,
                                           const QByteArray &warning,
                                           const SipHeaders &extraHeaders)
{
    if (auto ok = checkRunning(); !ok)
        return ok;
    CallRecord *call = callFor(id);
    if (!call)
        return fail(ErrorCode::NotFound, QStringLiteral("no call %1").arg(id));
    if (status < 180 || status > 699)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("bad status %1").arg(status));
    const CallEvent event = status == 183  ? CallEvent::SessionProgressSent
                            : status < 200 ? CallEvent::RingingSent
                            : status < 300 ? CallEvent::SuccessSent
                                           : CallEvent::FailureSent;
    if (call->direction != CallDirection::Incoming || !call->invite.isValid() ||
        !nextCallState(call->direction, call->state, event))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("call %1 cannot be answered %2 now").arg(id).arg(status));
    const Result<QByteArray> extra = headerBlock(extraHeaders);
    if (!extra)
        return tl::unexpected(extra.error());
    if (!isSafeHeaderValue(reason) || !isSafeHeaderValue(warning) ||
        !isSafeHeaderValue(contentType))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("bad reason, warning or type"));

    const char *phrase = stablePhrase(status, reason);
    SofiaHome home;
    sip_payload_t *payload =
        body.isEmpty() ? nullptr : sip_payload_create(home.get(), body.constData(), body.size());
    nua_respond(call->handle, status, phrase, NUTAG_WITH_SAVED(call->invite.get()),
                TAG_IF(payload, SIPTAG_CONTENT_TYPE_STR(orNull(contentType))),
                TAG_IF(payload, SIPTAG_PAYLOAD(payload)),
                TAG_IF(!warning.isEmpty(), SIPTAG_WARNING_STR(orNull(warning))),
                TAG_IF(!extra->isEmpty(), SIPTAG_HEADER_STR(orNull(*extra))), TAG_END());
    qCInfo(lcSip) << "call" << id << "answered" << status << phrase;
    if (status >= 200)
        call->invite.release();
    if (status >= 200 && status < 300) {
        call->localBody = body;
        call->localContentType = contentType;
    }
    applyEvent(*call, event);
    if (status >= 300)
        endCall(*call, QByteArray::number(status) + ' ' + QByteArray(phrase), false);
    return {};
}

Result<void> AgentPrivate::cancel(CallId id)
{
    if (auto ok = checkRunning(); !ok)
        return ok;
    CallRecord *call = callFor(id);
    if (!call)
        return fail(ErrorCode::NotFound, QStringLiteral("no call %1").arg(id));
    if (call->direction != CallDirection::Outgoing || !applyEvent(*call, CallEvent::CancelSent))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("call %1 cannot be cancelled").arg(id));
    call->cancelledLocally = true;
    nua_cancel(call->handle, TAG_END());
    qCInfo(lcSip) << "call" << id << "CANCEL";
    return {};
}

Result<void> AgentPrivate::bye(CallId id)
{
    if (auto ok = checkRunning(); !ok)
        return ok;
    CallRecord *call = callFor(id);
    if (!call)
        return fail(ErrorCode::NotFound, QStringLiteral("no call %1").arg(id));
    if (!applyEvent(*call, CallEvent::ByeSent))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("call %1 cannot be hung up in this state").arg(id));
    nua_bye(call->handle, TAG_END());
    qCInfo(lcSip) << "call" << id << "BYE";
    return {};
}

// --- Other requests --------------------------------------------------------------------------

Result<RequestId> AgentPrivate::sendInDialog(CallId id, RequestKind kind,
                                             const QByteArray &contentType, const QByteArray &body)
{
    if (auto ok = checkRunning(); !ok)
        return tl::unexpected(ok.error());
    CallRecord *call = callFor(id);
    if (!call)
        return fail(ErrorCode::NotFound, QStringLiteral("no call %1").arg(id));
    if (call->state != CallState::Early && call->state != CallState::Answering &&
        call->state != CallState::Established)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("call %1 has no dialog").arg(id));
    if (!isSafeHeaderValue(contentType) || (contentType.isEmpty() && !body.isEmpty()))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("bad Content-Type"));
    SofiaHome home;
    sip_payload_t *payload =
        body.isEmpty() ? nullptr : sip_payload_create(home.get(), body.constData(), body.size());
    if (kind == RequestKind::Info)
        nua_info(call->handle, TAG_IF(payload, SIPTAG_CONTENT_TYPE_STR(orNull(contentType))),
                 TAG_IF(payload, SIPTAG_PAYLOAD(payload)), TAG_END());
    else
        nua_message(call->handle, TAG_IF(payload, SIPTAG_CONTENT_TYPE_STR(orNull(contentType))),
                    TAG_IF(payload, SIPTAG_PAYLOAD(payload)), TAG_END());
    const RequestId rid = m_nextRequestId++;
    call->sent.emplace_back(rid, kind);
    return rid;
}

Result<RequestId> AgentPrivate::sendOutOfDialog(RequestKind kind, const QByteArray &target,
                                                const QByteArray &contentType,
                                                const QByteArray &body,
                                                const RequestOptions &options)
{
    if (auto ok = checkRunning(); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = checkUri(target); !ok)
        return tl::unexpected(ok.error());
    const Result<QByteArray> extra = headerBlock(options.extraHeaders);
    if (!extra)
        return tl::unexpected(extra.error());
    if (!isSafeHeaderValue(options.from) || !isSafeHeaderValue(contentType) ||
        (contentType.isEmpty() && !body.isEmpty()))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("bad From or Content-Type"));
    const QByteArray to = nameAddr(target);
    const QByteArray from = options.from.isEmpty() ? QByteArray() : nameAddr(options.from);
    const Result<QByteArray> routed = routeFor(target, options);
    if (!routed)
        return tl::unexpected(routed.error());
    const QByteArray &route = *routed;
    nua_handle_t *nh =
        nua_handle(m_nua, nullptr, NUTAG_URL(target.constData()), SIPTAG_TO_STR(to.constData()),
                   TAG_IF(!options.from.isEmpty(), SIPTAG_FROM_STR(orNull(from))),
                   TAG_IF(!route.isEmpty(), NUTAG_INITIAL_ROUTE_STR(orNull(route))), TAG_END());
    if (!nh)
        return fail(ErrorCode::Io, QStringLiteral("cannot create a SIP handle"));
    const RequestId rid = m_nextRequestId++;
    sentByHandle.insert(nh, SentRequest{rid, kind, 0});
    SofiaHome home;
    sip_payload_t *payload =
        body.isEmpty() ? nullptr : sip_payload_create(home.get(), body.constData(), body.size());
    if (kind == RequestKind::Options)
        nua_options(nh, TAG_IF(!extra->isEmpty(), SIPTAG_HEADER_STR(orNull(*extra))), TAG_END());
    else
        nua_message(nh, TAG_IF(payload, SIPTAG_CONTENT_TYPE_STR(orNull(contentType))),
                    TAG_IF(payload, SIPTAG_PAYLOAD(payload)),
                    TAG_IF(!extra->isEmpty(), SIPTAG_HEADER_STR(orNull(*extra))), TAG_END());
    return rid;
}

Result<void> AgentPrivate::respondToRequest(RequestId id, RequestKind kind, int status,
                                            const QByteArray &reason, const QByteArray &contentType,
                                            const QByteArray &body)
{
    const auto it = pending.find(id);
    if (it == pending.end() || it->second->kind != kind)
        return fail(ErrorCode::NotFound, QStringLiteral("no pending request %1").arg(id));
    if (status < 200 || status > 699)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("bad status %1").arg(status));
    if (!isSafeHeaderValue(reason) || !isSafeHeaderValue(contentType) ||
        (contentType.isEmpty() && !body.isEmpty()))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("bad reason or Content-Type"));
    std::unique_ptr<PendingRequest> request = std::move(it->second);
    pending.erase(it);
    const char *phrase = stablePhrase(status, reason);
    SofiaHome home;
    sip_payload_t *payload =
        body.isEmpty() ? nullptr : sip_payload_create(home.get(), body.constData(), body.size());
    if (m_nua) {
        nua_respond(request->handle, status, phrase, NUTAG_WITH_SAVED(request->saved.get()),
                    TAG_IF(payload, SIPTAG_CONTENT_TYPE_STR(orNull(contentType))),
                    TAG_IF(payload, SIPTAG_PAYLOAD(payload)), TAG_END());
        request->saved.release();
        if (request->ownsHandle)
            nua_handle_destroy(request->handle);
    }
    return {};
}

} // namespace herald::sip
