// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sip/agent.h"

#include "engine/sip/agentprivate.h"

#include <algorithm>

namespace herald::sip {

Agent::Agent(AgentConfig config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<AgentPrivate>(this, std::move(config)))
{
    qRegisterMetaType<CallId>("herald::sip::CallId");
    qRegisterMetaType<CallState>();
    qRegisterMetaType<IncomingRequest>();
    qRegisterMetaType<IncomingInvite>();
    qRegisterMetaType<SipResponse>();
}

Agent::~Agent() = default;

Result<void> Agent::start()
{
    return d->start();
}

void Agent::shutdown()
{
    d->shutdown();
}

bool Agent::isRunning() const
{
    return d->phase == AgentPrivate::Phase::Running;
}

void Agent::applyWireTrace()
{
    d->applyWireTrace();
}

quint16 Agent::listeningPort() const
{
    return d->port;
}

quint16 Agent::tlsListeningPort() const
{
    return d->tlsPort;
}

const AgentConfig &Agent::config() const
{
    return d->config;
}

Result<CallId> Agent::invite(const QByteArray &target, const QByteArray &body,
                             const InviteOptions &options)
{
    return d->invite(target, body, options);
}

Result<void> Agent::reinvite(CallId call, const QByteArray &body, const InviteOptions &options)
{
    return d->reinvite(call, body, options);
}

Result<void> Agent::ringing(CallId call)
{
    return d->respondToInvite(call, 180, {}, {}, {}, {}, {});
}

Result<void> Agent::answer(CallId call, int status, const QByteArray &body,
                           const QByteArray &contentType)
{
    if (status < 200 || status > 299)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("answer() takes a 2xx status"));
    return d->respondToInvite(call, status, {}, contentType, body, {}, {});
}

Result<void> Agent::reject(CallId call, int status, const QByteArray &reason,
                           const QByteArray &warning, const SipHeaders &extraHeaders)
{
    if (status < 300 || status > 699)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("reject() takes a 3xx-6xx status"));
    return d->respondToInvite(call, status, reason, {}, {}, warning, extraHeaders);
}

Result<void> Agent::cancel(CallId call)
{
    return d->cancel(call);
}

Result<void> Agent::bye(CallId call)
{
    return d->bye(call);
}

std::optional<CallState> Agent::callState(CallId call) const
{
    const auto it = d->calls.find(call);
    if (it == d->calls.end())
        return std::nullopt;
    return it->second->state;
}

QList<CallId> Agent::calls() const
{
    QList<CallId> ids;
    for (const auto &[id, call] : d->calls)
        ids.append(id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

Result<RequestId> Agent::info(CallId call, const QByteArray &contentType, const QByteArray &body)
{
    return d->sendInDialog(call, RequestKind::Info, contentType, body);
}

Result<void> Agent::respondInfo(RequestId request, int status, const QByteArray &contentType,
                                const QByteArray &body)
{
    return d->respondToRequest(request, RequestKind::Info, status, {}, contentType, body);
}

Result<RequestId> Agent::sendMessage(const QByteArray &target, const QByteArray &contentType,
                                     const QByteArray &body, const RequestOptions &options)
{
    return d->sendOutOfDialog(RequestKind::Message, target, contentType, body, options);
}

Result<RequestId> Agent::sendMessage(CallId call, const QByteArray &contentType,
                                     const QByteArray &body)
{
    return d->sendInDialog(call, RequestKind::Message, contentType, body);
}

Result<void> Agent::respondMessage(RequestId request, int status, const QByteArray &reason)
{
    return d->respondToRequest(request, RequestKind::Message, status, reason, {}, {});
}

Result<RequestId> Agent::sendOptions(const QByteArray &target, const RequestOptions &options)
{
    return d->sendOutOfDialog(RequestKind::Options, target, {}, {}, options);
}

void Agent::setOptionsBody(const QByteArray &contentType, const QByteArray &body)
{
    d->optionsContentType = contentType;
    d->optionsBody = body;
}

void Agent::setMessageRecording(bool on)
{
    d->setMessageRecording(on);
}

bool Agent::isRecordingMessages() const
{
    return d->recorder.isEnabled();
}

} // namespace herald::sip
