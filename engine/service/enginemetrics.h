// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msrp/session/msrptypes.h"
#include "engine/service/callstatemachine.h"
#include "engine/store/store.h"

#include <QHash>
#include <QMap>
#include <QObject>

#include <optional>

namespace herald::msrp {
class Session;
}

namespace herald::service {

class Call;
class Engine;

// The engine's counters and gauges at one instant, for /metrics (issue 10 item 3). Plain data:
// the HTTP layer renders it; tests compare it.
struct MetricsSnapshot
{
    // Gauges read from the live registries: every state is present, zeros included.
    QMap<CallState, int> callsByState;
    QMap<msrp::SessionState, int> sessionsByState;
    int msrpConnections = 0;

    // Counters since the EngineMetrics was built.
    quint64 callsInbound = 0;          // INVITEs that became calls
    quint64 callsOutbound = 0;         // INVITEs Herald sent
    quint64 callsEnded = 0;            // reached Ended
    quint64 callsFailed = 0;           // reached Failed
    QMap<int, quint64> invitesRefused; // by SIP status, before they became calls
    // MSRP messages that arrived whole / whose every chunk the peer acknowledged, and their
    // body octets (a file counts once, with its size).
    quint64 messagesIn = 0;
    quint64 messagesOut = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    // SIP MESSAGE (page mode, RFC 3428) texts answered 200 / sent.
    quint64 pageMessagesIn = 0;
    quint64 pageMessagesOut = 0;
    // Outgoing MSRP messages that failed or were aborted, by reason (deliveryFailureReason()).
    QMap<QString, quint64> deliveryFailures;

    // The store's figures; absent without a store.
    std::optional<store::StoreStatistics> store;
    bool storeHealthy = false;
};

// A small label set for a failed delivery, bounded whatever peers answer: "timeout" (RFC 4975
// §7.1.1's 408), "status_NNN" for another MSRP status (a response or a failure REPORT),
// "session_ended" (the session closed first), "aborted" (we stopped it).
QString deliveryFailureReason(const msrp::MessageInfo &info);

// Counts what the engine does, fed by the signals it already emits (no hook in the protocol
// code). Build it before Engine::start() to see every call; it lives as long as the engine.
class EngineMetrics : public QObject
{
    Q_OBJECT

public:
    explicit EngineMetrics(Engine &engine, QObject *parent = nullptr);
    ~EngineMetrics() override;

    MetricsSnapshot snapshot() const;

private:
    void trackCall(Call *call);
    void trackSession(msrp::Session *session);
    void onOutgoingChanged(msrp::Session *session, const msrp::MessageInfo &info);

    Engine &m_engine;
    MetricsSnapshot m_counters; // only the counter fields are used
    // Outgoing messages not final yet, per session: their last state, so that each message is
    // counted once whatever order the states come in (a success REPORT may overtake the 200).
    QHash<msrp::Session *, QHash<QByteArray, msrp::DeliveryState>> m_outgoing;
};

} // namespace herald::service
