// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/callmanager.h"
#include "engine/service/emergencyintake.h"
#include "engine/service/invitebody.h"

#include "engine/core/logging.h"
#include "engine/core/randomsource.h"
#include "engine/msrp/session/msrpendpoint.h"
#include "engine/sdp/offerbuilder.h"
#include "engine/sip/agent.h"

#include <QPointer>
#include <QTimer>

namespace herald::service {

namespace {

// The media type of a Content-Type value, lower-cased, without parameters (RFC 3261 §20.15).
QByteArray mediaType(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower();
}

QByteArray quotedWarning(const QString &detail)
{
    return sdp::warningHeaderValue(makeError(ErrorCode::Unsupported, detail));
}

// SDP's o= session id: RFC 8866 §5.2 suggests an NTP timestamp; any number unique enough
// will do, and 63 bits keep it a positive decimal for every parser.
quint64 sdpSessionId(RandomSource &random)
{
    return random.next64() >> 1;
}

Result<msrp::Path> toPath(const QList<QByteArray> &uris)
{
    msrp::Path path;
    for (const QByteArray &text : uris) {
        auto uri = msrp::Uri::parse(text);
        if (!uri)
            return tl::unexpected(uri.error());
        path.append(*uri);
    }
    if (path.isEmpty())
        return fail(ErrorCode::Malformed, QStringLiteral("empty a=path"));
    return path;
}

} // namespace

CallManager::CallManager(sip::Agent &sip, msrp::Endpoint &msrp, const EngineConfig &config,
                         RandomSource &random, QObject *parent)
    : QObject(parent)
    , m_sip(sip)
    , m_msrp(msrp)
    , m_config(config)
    , m_random(random)
    , m_policy(config.answerPolicy)
    , m_spool(config.spoolDirectory, config.maxFileSize)
{
    connect(&m_sip, &sip::Agent::incomingCall, this, &CallManager::onIncomingCall);
    connect(&m_sip, &sip::Agent::callStateChanged, this, &CallManager::onCallStateChanged);
    connect(&m_sip, &sip::Agent::callProgress, this,
            [this](sip::CallId id, int status, const QByteArray &) { onCallProgress(id, status); });
    connect(&m_sip, &sip::Agent::callAnswered, this,
            [this](sip::CallId id, const QByteArray &body, const sip::SipResponse &response) {
                // The Call-ID of our INVITE, read back from the answer (the store waits for it).
                if (Call *call = m_calls.value(id); call && call->m_sipCallId.isEmpty())
                    call->m_sipCallId = response.header("Call-ID");
                onCallAnswered(id, body);
            });
    // A re-INVITE with a new location (RFC 6442 §4.1): appended, shown as the latest, and
    // fetched when by reference.
    connect(&m_sip, &sip::Agent::callUpdated, this,
            [this](sip::CallId id, const sip::IncomingInvite &update) {
                Call *call = m_calls.value(id);
                if (!call)
                    return;
                const EmergencyUpdate merged = mergeEmergencyUpdate(call->m_emergencyData, update);
                if (!merged.changed)
                    return;
                Q_EMIT call->emergencyDataChanged();
                m_emergencyFetcher.fetch(call, merged.firstLocation, merged.firstAdditionalData);
            });
    connect(&m_sip, &sip::Agent::callFailed, this, &CallManager::onCallFailed);
    connect(&m_sip, &sip::Agent::callEnded, this, &CallManager::onCallEnded);
    connect(&m_sip, &sip::Agent::incomingMessage, this, &CallManager::onIncomingMessage);
    connect(&m_sip, &sip::Agent::messageResponse, this,
            [this](sip::RequestId request, const sip::SipResponse &response) {
                Q_EMIT pageMessageResponse(request, response);
            });
    connect(&m_sip, &sip::Agent::incomingInfo, this,
            [this](sip::CallId call, sip::RequestId request, const QByteArray &contentType,
                   const QByteArray &body, const sip::IncomingRequest &) {
                m_unansweredInfos.insert(request);
                Q_EMIT infoReceived(call, request, contentType, body);
                if (m_unansweredInfos.contains(request))
                    QTimer::singleShot(kInfoAnswerDeadline, this, [this, request, contentType] {
                        answerInfoNobodyTook(request, contentType);
                    });
            });
    connect(&m_sip, &sip::Agent::infoResponse, this,
            [this](sip::CallId call, sip::RequestId request, const sip::SipResponse &response) {
                Q_EMIT infoResponse(call, request, response);
            });
}

CallManager::~CallManager()
{
    // The Calls are our children; their sessions belong to the endpoint, which outlives us.
    for (Call *call : std::as_const(m_calls))
        call->closeSession(QStringLiteral("engine stopped"));
}

void CallManager::setMessageAdmitter(MessageAdmitter admitter)
{
    m_admitter = std::move(admitter);
}

QByteArray CallManager::msrpHost() const
{
    QByteArray host = m_msrp.config().advertisedHost;
    if (host.isEmpty())
        host = m_msrp.serverAddress().toString().toUtf8();
    // c= and o= carry an IPv6 address without the brackets of a URI (RFC 8866 §5.7).
    if (host.startsWith('[') && host.endsWith(']'))
        host = host.mid(1, host.size() - 2);
    return host;
}

msrp::Session *CallManager::newSession(const QList<QByteArray> &acceptTypes, Call::Id receiver)
{
    msrp::SessionOptions options;
    options.acceptTypes = acceptTypes;
    if (receiver && m_spool.isEnabled()) {
        options.maxSize = m_spool.maxFileSize();
        options.sinkFactory = [self = QPointer<CallManager>(this), receiver](const msrp::Frame &) {
            return self ? self->sinkFor(receiver)
                        : Result<std::unique_ptr<msrp::MessageSink>>(
                              fail(ErrorCode::NotFound, QStringLiteral("engine stopped")));
        };
    }
    return m_msrp.createSession(std::move(options));
}

// --- Inbound ------------------------------------------------------------------------------

void CallManager::refuse(sip::CallId id, const sip::IncomingInvite &invite, int status,
                         const QByteArray &reason, const QByteArray &warning,
                         const sip::SipHeaders &extraHeaders)
{
    qCInfo(lcService) << "refusing INVITE" << invite.callId << status << warning;
    if (auto rejected = m_sip.reject(id, status, reason, warning, extraHeaders); !rejected)
        qCWarning(lcService) << "cannot refuse INVITE:" << rejected.error().detail;
    Q_EMIT callRefused(status, warning, invite);
}

void CallManager::onIncomingCall(sip::CallId id, const sip::IncomingInvite &invite)
{
    if (!m_acceptingCalls) {
        // RFC 3261 §21.5.4: 503 sends the caller to another server (a load balancer's other
        // node). No Retry-After: sofia-sip UACs (Herald's own) hold the call and resend it to
        // this server once it has passed, delaying the failover it was meant to speed up.
        refuse(id, invite, 503, QByteArrayLiteral("Service Unavailable"),
               quotedWarning(QStringLiteral("Shutting down")));
        return;
    }
    // Herald needs the offer in the INVITE: it does not send offers in 2xx (RFC 3261 §13.2.1
    // allows it, but an MSRP answerer must know the offerer's path first).
    if (invite.body.isEmpty() && m_config.msmlControl) {
        acceptControlDialog(id, invite);
        return;
    }
    if (invite.body.isEmpty()) {
        refuse(id, invite, 488, QByteArrayLiteral("Not Acceptable Here"),
               quotedWarning(QStringLiteral("An SDP offer is required")));
        return;
    }
    // An emergency INVITE's multipart/mixed body carries the offer beside the PIDF-LO and
    // additional data (RFC 6442 §4.1, RFC 7852 §4.1); emergencyintake.cpp reads them all.
    ng911::ExtractedInvite intake = readEmergencyInvite(invite);
    if (intake.sdp.isEmpty() && mediaType(invite.contentType) == "multipart/mixed") {
        refuse(id, invite, 488, QByteArrayLiteral("Not Acceptable Here"),
               quotedWarning(intake.bodyProblem ? intake.bodyProblem->detail
                                                : QStringLiteral("No SDP offer in the body")));
        return;
    }
    if (intake.sdp.isEmpty()) {
        // RFC 3261 §21.4.13: a 415 lists what we understand in Accept.
        refuse(id, invite, 415, QByteArrayLiteral("Unsupported Media Type"), {},
               {sip::SipHeader{QByteArrayLiteral("Accept"),
                               QByteArrayLiteral("application/sdp, multipart/mixed")}});
        return;
    }
    // Remote SDP is parsed by herald_sdp only, never by sofia (PLATFORM.md §10).
    auto offer = sdp::SessionDescription::parse(intake.sdp);
    if (!offer) {
        refuse(id, invite, 488, QByteArrayLiteral("Not Acceptable Here"),
               sdp::warningHeaderValue(offer.error()));
        return;
    }

    msrp::Session *session = newSession(sessionAcceptTypes(*offer), id);
    sdp::LocalCapabilities local;
    local.sessionId = sdpSessionId(m_random);
    local.sessionVersion = local.sessionId;
    local.address = msrpHost();
    local.port = m_msrp.serverPort();
    local.path = {session->localUriText()};
    local.acceptTypes = m_config.msrpAcceptTypes;
    local.acceptWrappedTypes = m_config.msrpAcceptWrappedTypes;
    local.setupOnActpass = m_config.msrpActiveOnActpass ? sdp::Setup::Active : sdp::Setup::Passive;
    local.acceptFileTransfers = m_spool.isEnabled(); // into the spool (FileSpool)
    auto answer = sdp::answerOffer(*offer, local);
    if (!answer || !answer->msrp) {
        session->close(QStringLiteral("offer refused"));
        if (!answer && answer.error().code == ErrorCode::InvalidArgument) {
            // Our own configuration is broken: a server error, not the peer's fault.
            qCWarning(lcService) << "local MSRP capabilities refused:" << answer.error().detail;
            refuse(id, invite, 500, QByteArrayLiteral("Server Internal Error"), {});
            return;
        }
        const Error why = answer ? makeError(ErrorCode::Unsupported,
                                             QStringLiteral("No active MSRP stream offered"))
                                 : answer.error();
        refuse(id, invite, 488, QByteArrayLiteral("Not Acceptable Here"),
               sdp::warningHeaderValue(why));
        return;
    }
    auto remotePath = toPath(answer->msrp->remotePath);
    auto answerBody = answer->sdp.toCheckedBytes();
    if (!remotePath || !answerBody) {
        session->close(QStringLiteral("offer refused"));
        const Error why = !remotePath ? remotePath.error() : answerBody.error();
        refuse(id, invite, 488, QByteArrayLiteral("Not Acceptable Here"),
               sdp::warningHeaderValue(why));
        return;
    }

    auto *call = new Call(id, CallDirection::Inbound, this);
    call->m_remoteUri = invite.from;
    call->m_remoteTarget = invite.contact;
    call->m_localUri = invite.to;
    call->m_sipCallId = invite.callId;
    call->m_sipTransport = invite.transport;
    call->m_pAssertedIdentity = invite.pAssertedIdentity;
    call->m_geolocation = invite.geolocation;
    call->m_callInfo = invite.callInfo;
    call->m_emergencyData = std::move(intake.data);
    call->m_negotiated = answer->msrp;
    call->m_remotePath = *remotePath;
    call->m_answerBody = *answerBody;
    if (auto admitted = admitFileOffer(*call, *offer); !admitted) {
        session->close(QStringLiteral("offer refused"));
        delete call;
        refuse(id, invite, 488, QByteArrayLiteral("Not Acceptable Here"),
               sdp::warningHeaderValue(admitted.error()));
        return;
    }
    call->attachSession(session);
    call->startIm(m_msrp.clock(), m_random, m_config.imNickname);
    connect(session, &msrp::Session::closed, this,
            [this, id](const QString &reason) { onSessionClosed(id, reason); });
    m_calls.insert(id, call);
    qCInfo(lcService) << "call" << id << "offered from" << invite.from;
    m_emergencyFetcher.fetch(call); // by-reference location and additional data

    if (m_policy == AnswerPolicy::Manual) {
        // 180 so the caller knows a person is being alerted (RFC 3261 §13.3.1.1).
        if (m_sip.ringing(id))
            call->apply(CallEvent::RingingSent);
    }
    Q_EMIT callOffered(call);
    if (m_policy == AnswerPolicy::Automatic && m_calls.value(id) == call &&
        isUnanswered(call->state()))
        if (auto answered = this->answer(id); !answered)
            qCWarning(lcService) << "call" << id << "not answered:" << answered.error().detail;
}

Result<void> CallManager::answer(Call::Id id)
{
    Call *call = m_calls.value(id);
    if (!call)
        return fail(ErrorCode::NotFound, QStringLiteral("No call %1").arg(id));
    if (call->direction() != CallDirection::Inbound || !isUnanswered(call->state()))
        return fail(ErrorCode::Conflict, QStringLiteral("Call %1 cannot be answered").arg(id));
    if (auto answered = m_sip.answer(id, 200, call->m_answerBody); !answered)
        return answered;
    call->apply(CallEvent::AnswerSent);
    // Passive: ready for the peer's SEND before it can arrive. Active: connect once the ACK
    // came (onCallStateChanged), so that the offerer has seen our answer and waits for us;
    // connecting earlier races its acceptSession and earns a 481.
    if (call->m_negotiated && !call->m_negotiated->localIsActive)
        startSession(*call);
    return {};
}

Result<void> CallManager::reject(Call::Id id, int status, const QByteArray &reason)
{
    Call *call = m_calls.value(id);
    if (!call)
        return fail(ErrorCode::NotFound, QStringLiteral("No call %1").arg(id));
    if (call->direction() != CallDirection::Inbound || !isUnanswered(call->state()))
        return fail(ErrorCode::Conflict, QStringLiteral("Call %1 cannot be rejected").arg(id));
    if (status < 300 || status > 699)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("A rejection needs a 3xx-6xx status, not %1").arg(status));
    if (auto rejected = m_sip.reject(id, status, reason); !rejected)
        return rejected;
    call->apply(CallEvent::HangupRequested);
    call->closeSession(QStringLiteral("rejected"));
    return {};
}

void CallManager::startSession(Call &call)
{
    msrp::Session *session = call.session();
    if (!session || !call.m_negotiated)
        return;
    // RFC 6135 §4.2 / RFC 4975 §5.4: the active end opens the connection and binds with a
    // SEND; the passive end waits for the peer's first request on its path.
    if (call.m_negotiated->localIsActive)
        m_msrp.connectSession(session, call.m_remotePath);
    else
        m_msrp.acceptSession(session, call.m_remotePath);
}

// --- Outbound -----------------------------------------------------------------------------

Result<Call *> CallManager::placeCall(const QByteArray &target, const PlaceCallOptions &options)
{
    const QList<QByteArray> acceptTypes =
        options.acceptTypes.isEmpty() ? m_config.msrpAcceptTypes : options.acceptTypes;
    msrp::Session *session = newSession(acceptTypes);

    sdp::OfferOptions offerOptions;
    offerOptions.sessionId = sdpSessionId(m_random);
    offerOptions.sessionVersion = offerOptions.sessionId;
    offerOptions.address = msrpHost();
    offerOptions.port = m_msrp.serverPort();
    offerOptions.path = {session->localUriText()};
    offerOptions.acceptTypes = acceptTypes;
    offerOptions.acceptWrappedTypes = m_config.msrpAcceptWrappedTypes;
    offerOptions.setup = options.setup;
    offerOptions.file = options.file;
    offerOptions.extraAttributes += options.mediaAttributes;
    auto offer = sdp::buildOffer(offerOptions);
    if (!offer) {
        session->close(QStringLiteral("no offer"));
        return tl::unexpected(offer.error());
    }
    auto offerBody = offer->toCheckedBytes();
    if (!offerBody) {
        session->close(QStringLiteral("no offer"));
        return tl::unexpected(offerBody.error());
    }

    sip::InviteOptions invite;
    invite.from = options.from;
    invite.route = options.route;
    invite.extraHeaders = options.extraHeaders;
    const InviteBody body = composeInviteBody(*offerBody, options.bodyParts, m_random);
    invite.contentType = body.contentType;
    auto id = m_sip.invite(target, body.body, invite);
    if (!id) {
        session->close(QStringLiteral("INVITE not sent"));
        return tl::unexpected(id.error());
    }

    auto *call = new Call(*id, CallDirection::Outbound, this);
    call->m_remoteUri = target;
    call->m_remoteTarget = target;
    call->m_localUri = options.from.isEmpty() ? m_config.sip.identity.toUtf8() : options.from;
    call->m_offer = *offer;
    call->attachSession(session);
    call->startIm(m_msrp.clock(), m_random, m_config.imNickname);
    const Call::Id callId = *id;
    connect(session, &msrp::Session::closed, this,
            [this, callId](const QString &reason) { onSessionClosed(callId, reason); });
    m_calls.insert(callId, call);
    qCInfo(lcService) << "call" << callId << "placed to" << target;
    Q_EMIT callPlaced(call);
    return call;
}

void CallManager::onCallProgress(sip::CallId id, int status)
{
    if (Call *call = m_calls.value(id); call && (status == 180 || status == 183))
        call->apply(CallEvent::RingingReceived);
}

void CallManager::onCallAnswered(sip::CallId id, const QByteArray &body)
{
    Call *call = m_calls.value(id);
    if (!call || call->direction() != CallDirection::Outbound)
        return;
    auto answer = sdp::SessionDescription::parse(body);
    if (!answer) {
        failLocally(*call, QStringLiteral("unreadable SDP answer: ") + answer.error().detail);
        return;
    }
    auto negotiated = sdp::acceptAnswer(call->m_offer, *answer);
    if (!negotiated) {
        failLocally(*call, QStringLiteral("unacceptable SDP answer: ") + negotiated.error().detail);
        return;
    }
    auto remotePath = toPath(negotiated->remotePath);
    if (!remotePath) {
        failLocally(*call,
                    QStringLiteral("bad a=path in the answer: ") + remotePath.error().detail);
        return;
    }
    call->m_negotiated = *negotiated;
    call->m_remotePath = *remotePath;
    call->apply(CallEvent::AnswerReceived);
    startSession(*call);
}

void CallManager::onCallFailed(sip::CallId id, int status, const QByteArray &reason,
                               const sip::SipResponse &response)
{
    Call *call = m_calls.value(id);
    if (!call)
        return;
    call->m_failureStatus = status;
    call->m_failureReason = reason;
    call->m_failureWarning = response.header("Warning");
    if (call->m_sipCallId.isEmpty())
        call->m_sipCallId = response.header("Call-ID"); // empty for a local failure
    // The state first, so that the session's closed() is not taken for a lost connection.
    call->apply(CallEvent::FailureReceived);
    call->closeSession(QStringLiteral("call failed"));
}

void CallManager::failLocally(Call &call, const QString &why)
{
    qCWarning(lcService) << "call" << call.id() << "failed:" << why;
    call.m_failureReason = why.toUtf8();
    call.apply(CallEvent::LocalFailure);
    call.closeSession(why);
    // The dialog exists (the 2xx was ACKed): RFC 3264 §7 leaves a BYE as the way out.
    if (auto ended = m_sip.bye(call.id()); !ended)
        qCDebug(lcService) << "no BYE for call" << call.id() << ended.error().detail;
}

// --- Both ---------------------------------------------------------------------------------

void CallManager::onCallStateChanged(sip::CallId id, sip::CallState state)
{
    Call *call = m_calls.value(id);
    if (!call || state != sip::CallState::Established)
        return;
    if (call->apply(CallEvent::Established) && call->direction() == CallDirection::Inbound &&
        call->m_negotiated && call->m_negotiated->localIsActive)
        startSession(*call);
}

Result<void> CallManager::hangup(Call::Id id)
{
    Call *call = m_calls.value(id);
    if (!call)
        return fail(ErrorCode::NotFound, QStringLiteral("No call %1").arg(id));
    if (isFinal(call->state()) || call->state() == CallState::Ending)
        return {};
    Result<void> sent;
    if (call->direction() == CallDirection::Inbound && isUnanswered(call->state()))
        sent = m_sip.reject(id, 603, QByteArrayLiteral("Decline"));
    else if (call->direction() == CallDirection::Outbound && isUnanswered(call->state()))
        sent = m_sip.cancel(id);
    else
        sent = m_sip.bye(id);
    // Ending first, so that the session's closed() below is not taken for a lost connection.
    call->apply(CallEvent::HangupRequested);
    call->closeSession(QStringLiteral("hung up"));
    return sent;
}

void CallManager::hangupAll()
{
    const QList<Call::Id> ids = m_calls.keys();
    for (Call::Id id : ids)
        (void)hangup(id);
}

void CallManager::onSessionClosed(Call::Id id, const QString &reason)
{
    Call *call = m_calls.value(id);
    if (!call || isFinal(call->state()) || call->state() == CallState::Ending)
        return;
    // The MSRP session ended under the call (connection lost, peer refused it): the call
    // has nothing left to carry (RFC 4975 §5.4 leaves the signalling to tear it down).
    qCInfo(lcService) << "call" << id << "lost its MSRP session:" << reason;
    auto hangUpIfStillUp = [this, id] {
        Call *call = m_calls.value(id);
        if (!call || isFinal(call->state()) || call->state() == CallState::Ending)
            return;
        if (auto hung = hangup(id); !hung)
            qCDebug(lcService) << "call" << id << hung.error().detail;
    };
    const msrp::Session *session = call->session();
    if (session && session->closedByPeer()) {
        // A peer that hangs up closes its MSRP connection and sends BYE, and the connection's
        // end often arrives first. A BYE of ours now would cross the peer's (both dialogs end,
        // one BYE gets 481, RFC 3261 §15.1.2), so the peer gets a moment to send its own.
        QTimer::singleShot(m_config.peerByeGrace, this, hangUpIfStillUp);
        return;
    }
    hangUpIfStillUp();
}

void CallManager::onCallEnded(sip::CallId id, const QByteArray &reason, bool byRemote)
{
    Call *call = m_calls.take(id);
    if (!call)
        return;
    qCInfo(lcService) << "call" << id << "ended:" << reason << (byRemote ? "(remote)" : "(local)");
    call->apply(CallEvent::DialogEnded);
    call->closeSession(byRemote ? QStringLiteral("remote hangup") : QStringLiteral("hangup"));
    Q_EMIT callEnded(call);
    call->deleteLater();
}

// --- MESSAGE and INFO -------------------------------------------------------------------------

void CallManager::onIncomingMessage(sip::RequestId request, sip::CallId callId,
                                    const sip::IncomingRequest &message)
{
    auto done = [this, request, callId, message](Result<void> admitted) {
        if (!admitted) {
            // DESIGN.md §2: better an error than an acknowledged text that is lost.
            qCWarning(lcService) << "MESSAGE not admitted:" << admitted.error().detail;
            (void)m_sip.respondMessage(request, 500, QByteArrayLiteral("Server Internal Error"));
            return;
        }
        if (auto responded = m_sip.respondMessage(request, 200); !responded) {
            qCWarning(lcService) << "MESSAGE not answered:" << responded.error().detail;
            return;
        }
        Q_EMIT pageMessage(callId, message);
    };
    if (m_admitter)
        m_admitter(message, std::move(done));
    else
        done({});
}

Result<sip::RequestId> CallManager::sendPageMessage(const QByteArray &target,
                                                    const QByteArray &contentType,
                                                    const QByteArray &body)
{
    auto sent = m_sip.sendMessage(target, contentType, body);
    if (sent)
        Q_EMIT pageMessageSent(*sent, target, contentType, body);
    return sent;
}

Result<sip::RequestId> CallManager::sendDialogMessage(Call::Id id, const QByteArray &contentType,
                                                      const QByteArray &body)
{
    const Call *call = m_calls.value(id);
    if (!call)
        return fail(ErrorCode::NotFound, QStringLiteral("No call %1").arg(id));
    // A dialog exists once the INVITE was answered, and until its BYE.
    if (call->state() != CallState::Active)
        return fail(ErrorCode::Conflict, QStringLiteral("Call %1 is not active").arg(id));
    auto sent = m_sip.sendMessage(id, contentType, body);
    if (sent)
        Q_EMIT dialogMessageSent(id, *sent, contentType, body);
    return sent;
}

Result<sip::RequestId> CallManager::sendInfo(Call::Id id, const QByteArray &contentType,
                                             const QByteArray &body)
{
    if (!m_calls.contains(id))
        return fail(ErrorCode::NotFound, QStringLiteral("No call %1").arg(id));
    return m_sip.info(id, contentType, body);
}

Result<void> CallManager::respondInfo(sip::RequestId request, int status,
                                      const QByteArray &contentType, const QByteArray &body)
{
    m_unansweredInfos.remove(request);
    return m_sip.respondInfo(request, status, contentType, body);
}

void CallManager::answerInfoNobodyTook(sip::RequestId request, const QByteArray &contentType)
{
    if (!m_unansweredInfos.remove(request))
        return;
    // A UAS answers every request (RFC 3261 §8.2). MSML that no controller executes must not
    // look executed: 415 (RFC 3261 §21.4.13). Any other INFO is legacy usage (RFC 6086 §2,
    // no Info-Package): it reached the application as an event, so it is accepted.
    const bool msml = contentType.trimmed().toLower().startsWith("application/msml+xml");
    if (auto sent = m_sip.respondInfo(request, msml ? 415 : 200); !sent)
        qCDebug(lcService) << "INFO" << request << "not answered:" << sent.error().detail;
}

} // namespace herald::service
