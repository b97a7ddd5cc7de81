// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/msrp/session/msrpendpoint.h"
#include "engine/service/callhistory.h"
#include "engine/service/callmanager.h"
#include "engine/service/engineconfig.h"
#include "engine/service/thirdpartysession.h"
#include "engine/sip/agent.h"
#include "engine/store/sqlitestore.h"

#include <QHostAddress>
#include <QObject>

#include <memory>

namespace herald {
class Clock;
class RandomSource;
} // namespace herald

namespace herald::service {

class DurableRecorder;
class MsmlController;

// The one Engine of a process (DESIGN.md §2): built in main() from an EngineConfig and an
// injected clock and random source, passed by reference to whoever needs it. It owns the
// protocol listeners (MSRP and SIP) and the call model on top of them.
class Engine : public QObject
{
    Q_OBJECT

public:
    Engine(EngineConfig config, Clock &clock, RandomSource &random, QObject *parent = nullptr);
    ~Engine() override;

    // Opens the store (when EngineConfig::storePath is set), then starts listening (MSRP,
    // then SIP). Fails (and leaves the engine stopped) when the store cannot be opened or an
    // address cannot be bound.
    Result<void> start();
    // Stops listening and closes open connections, then flushes and closes the store. Safe
    // to call when stopped.
    void stop();
    bool isRunning() const { return m_running; }

    const EngineConfig &config() const { return m_config; }
    Clock &clock() const { return m_clock; }
    RandomSource &random() const { return m_random; }

    // What the MSRP listener is bound to while running: the real port when 0 was asked.
    QHostAddress msrpListenAddress() const;
    quint16 msrpListenPort() const;
    // The same as operators write it: "127.0.0.1:2855", "[::1]:2855"; empty while stopped.
    QString msrpListenEndpoint() const;
    // Open MSRP connections.
    int msrpConnectionCount() const;
    // The MSRP endpoint: sessions, connections, transfers.
    msrp::Endpoint &msrp() { return m_msrp; }
    // The SIP user agent.
    sip::Agent &sip() { return m_sip; }
    // The UDP/TCP port SIP is bound to while running: the real port when 0 was asked.
    quint16 sipListenPort() const;
    // Calls: INVITE dialogs with their MSRP sessions, page-mode MESSAGE, INFO.
    CallManager &calls() { return m_calls; }
    // 3PCC sessions (REST signaling="no"): MSRP media without a dialog, stored like calls.
    ThirdPartySessions &thirdParty() { return m_thirdParty; }
    // The MSML control channel; null unless EngineConfig::msmlControl.
    MsmlController *msml() const { return m_msml.get(); }
    // The durable store; null when EngineConfig::storePath is empty or before the first
    // start(). Closed (appends fail) while the engine is stopped.
    store::Store *store() const { return m_store.get(); }
    // The store's id of a live call (its CallRecord and transcript); empty without a store.
    QByteArray storeCallId(Call::Id id) const;
    // Past (and live) calls and their transcripts as the store holds them, earlier runs
    // included; readable while the engine runs.
    CallHistory history() const;

Q_SIGNALS:
    // start() succeeded.
    void started();
    // stop() ended a running engine.
    void stopped();
    void msrpConnectionCountChanged(int count);

private:
    void waitForSipStopped();
    Result<void> openStore();
    void closeStore();

    EngineConfig m_config;
    Clock &m_clock;
    RandomSource &m_random;
    msrp::Endpoint m_msrp;
    sip::Agent m_sip;
    // Before the calls, which go first: a call's end is still written to the store.
    std::unique_ptr<store::SqliteStore> m_store;
    std::unique_ptr<DurableRecorder> m_recorder;
    // Last: it refers to the endpoint and the agent, and goes first.
    CallManager m_calls;
    // Goes before the recorder that records them.
    ThirdPartySessions m_thirdParty;
    // After the calls, so it goes before them: the MSML control channel, when configured.
    std::unique_ptr<MsmlController> m_msml;
    bool m_running = false;
    // stop() asked the SIP stack to shut down and it has not said stopped() yet.
    bool m_sipStopping = false;
};

} // namespace herald::service
