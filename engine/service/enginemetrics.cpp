// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/enginemetrics.h"

#include "engine/msrp/session/msrpsession.h"
#include "engine/service/call.h"
#include "engine/service/engine.h"

#include <QMetaEnum>

namespace herald::service {

QString deliveryFailureReason(const msrp::MessageInfo &info)
{
    if (info.state == msrp::DeliveryState::Aborted)
        return QStringLiteral("aborted");
    // RFC 4975 §7.1.1: a transaction that got no response in 30 s fails as 408.
    if (info.status == 408)
        return QStringLiteral("timeout");
    if (info.status >= 100 && info.status <= 999)
        return QStringLiteral("status_%1").arg(info.status);
    if (info.status != 0)
        return QStringLiteral("status_other");
    return QStringLiteral("session_ended");
}

EngineMetrics::EngineMetrics(Engine &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
    CallManager &calls = engine.calls();
    connect(&calls, &CallManager::callOffered, this, [this](Call *call) {
        ++m_counters.callsInbound;
        trackCall(call);
    });
    connect(&calls, &CallManager::callPlaced, this, [this](Call *call) {
        ++m_counters.callsOutbound;
        trackCall(call);
    });
    connect(&calls, &CallManager::callRefused, this,
            [this](int status, const QByteArray &, const sip::IncomingInvite &) {
                ++m_counters.invitesRefused[status];
            });
    connect(&calls, &CallManager::pageMessage, this,
            [this](quint64, const sip::IncomingRequest &) { ++m_counters.pageMessagesIn; });
    connect(&calls, &CallManager::pageMessageSent, this,
            [this](quint64, const QByteArray &, const QByteArray &, const QByteArray &) {
                ++m_counters.pageMessagesOut;
            });
    connect(&engine.msrp(), &msrp::Endpoint::sessionCreated, this,
            [this](msrp::Session *session) { trackSession(session); });
    connect(&engine.msrp(), &msrp::Endpoint::sessionEnded, this,
            [this](msrp::Session *session) { m_outgoing.remove(session); });
    // Sessions that exist already (the metrics were built late) are counted from now on.
    for (msrp::Session *session : engine.msrp().sessions())
        trackSession(session);
}

EngineMetrics::~EngineMetrics() = default;

void EngineMetrics::trackCall(Call *call)
{
    connect(call, &Call::stateChanged, this, [this](CallState state) {
        if (state == CallState::Ended)
            ++m_counters.callsEnded;
        else if (state == CallState::Failed)
            ++m_counters.callsFailed;
    });
}

void EngineMetrics::trackSession(msrp::Session *session)
{
    connect(session, &msrp::Session::messageReceived, this,
            [this](const msrp::ReceivedMessage &message) {
                ++m_counters.messagesIn;
                m_counters.bytesIn += message.size;
            });
    connect(session, &msrp::Session::outgoingChanged, this,
            [this, session](const msrp::MessageInfo &info) { onOutgoingChanged(session, info); });
    connect(session, &QObject::destroyed, this, [this, session] { m_outgoing.remove(session); });
}

void EngineMetrics::onOutgoingChanged(msrp::Session *session, const msrp::MessageInfo &info)
{
    using msrp::DeliveryState;
    auto &pending = m_outgoing[session];
    const DeliveryState before = pending.value(info.messageId, DeliveryState::Queued);
    const auto leftWhole = [](DeliveryState s) {
        return s == DeliveryState::Acknowledged || s == DeliveryState::Delivered;
    };
    if (leftWhole(info.state) && !leftWhole(before)) {
        ++m_counters.messagesOut;
        m_counters.bytesOut += info.size;
    }
    if (info.state == DeliveryState::Failed || info.state == DeliveryState::Aborted)
        ++m_counters.deliveryFailures[deliveryFailureReason(info)];
    // Kept until final: a Delivered after Acknowledged is not counted twice. Acknowledged
    // messages no report will follow for go with their session.
    if (msrp::isFinal(info.state))
        pending.remove(info.messageId);
    else
        pending.insert(info.messageId, info.state);
}

MetricsSnapshot EngineMetrics::snapshot() const
{
    MetricsSnapshot s = m_counters;
    const QMetaEnum callStates = QMetaEnum::fromType<CallState>();
    for (int i = 0; i < callStates.keyCount(); ++i)
        s.callsByState.insert(static_cast<CallState>(callStates.value(i)), 0);
    for (const Call *call : m_engine.calls().calls())
        ++s.callsByState[call->state()];
    const QMetaEnum sessionStates = QMetaEnum::fromType<msrp::SessionState>();
    for (int i = 0; i < sessionStates.keyCount(); ++i)
        s.sessionsByState.insert(static_cast<msrp::SessionState>(sessionStates.value(i)), 0);
    for (const msrp::Session *session : m_engine.msrp().sessions())
        ++s.sessionsByState[session->state()];
    s.msrpConnections = m_engine.msrpConnectionCount();
    if (const store::Store *store = m_engine.store()) {
        s.store = store->statistics();
        s.storeHealthy = store->healthy();
    }
    return s;
}

} // namespace herald::service
