// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msml/msmldocument.h"
#include "engine/service/call.h"
#include "engine/service/engineconfig.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <deque>

namespace herald {
class Clock;
class RandomSource;
} // namespace herald

namespace herald::service {

class CallManager;
class TransferExecutor;

// The MSML control channel (RFC 5707 §4, DESIGN.md §1): an application server's INFO with an
// application/msml+xml body, on any dialog it has with Herald (a control-only dialog opened by
// an INVITE without SDP, or a call with media), is parsed, validated as a whole and executed;
// the INFO's 200 carries the <result> (a 4xx result with a description for a refused script;
// the SIP status stays 200, RFC 5707 §4: the result reports the MSML outcome). Dialogs are
// named "conn:<id>/dialog:<name>" after the <dialogstart> target and name (a name is generated
// and returned in <dialogid> when not given). Running transfers report their events back in
// INFO requests on the same dialog, one at a time and in order (the next INFO leaves only after
// the previous one's final response, so the server sees them in the order they happened).
class MsmlController : public QObject
{
    Q_OBJECT

public:
    MsmlController(CallManager &calls, const EngineConfig &config, Clock &clock,
                   RandomSource &random, QObject *parent = nullptr);
    ~MsmlController() override;

    // Running transfers, by dialog id.
    QStringList runningDialogs() const;
    // Running transfers with no MSRP message on its way: fetching a source, calling the
    // answerer, or waiting to retry. A shutdown must wait for them too (ShutdownCoordinator).
    int preparingTransfers() const;
    // Stops every running transfer; each reports transfer.end = `end` to its application
    // server and hangs up its call.
    void stopAll(const QString &end);
    // MSML events queued or sent in an INFO that has no final response yet.
    bool hasUndeliveredEvents() const;

Q_SIGNALS:
    // A transfer ended (after its events were queued).
    void transferFinished(const QString &dialogId, const QString &end);
    // A control dialog's queue of events emptied (its last INFO was answered, or the dialog
    // ended): hasUndeliveredEvents() may have changed.
    void eventsDelivered();

private:
    void onInfo(Call::Id callId, quint64 requestId, const QByteArray &contentType,
                const QByteArray &body);
    msml::ResultDocument execute(Call::Id control, const msml::Request &request);
    void queueEvent(Call::Id control, const msml::EventDocument &event);
    void sendNextEvent(Call::Id control);
    void onControlEnded(Call *call);

    struct Outbox
    {
        std::deque<QByteArray> pending;
        quint64 outstanding = 0; // the INFO waiting for its response, 0 when none
    };

    CallManager &m_calls;
    const EngineConfig &m_config;
    Clock &m_clock;
    RandomSource &m_random;
    QHash<QString, QPointer<TransferExecutor>> m_transfers; // by dialog id
    QHash<Call::Id, Outbox> m_outboxes;
    QHash<QString, Call::Id> m_controlOf; // the control dialog of each transfer
    quint64 m_generatedNames = 0;
};

} // namespace herald::service
