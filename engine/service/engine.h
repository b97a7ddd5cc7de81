// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/msrp/session/msrpendpoint.h"
#include "engine/service/callmanager.h"
#include "engine/service/engineconfig.h"
#include "engine/sip/agent.h"

#include <QHostAddress>
#include <QObject>

namespace herald {
class Clock;
class RandomSource;
} // namespace herald

namespace herald::service {

// The one Engine of a process (DESIGN.md §2): built in main() from an EngineConfig and an
// injected clock and random source, passed by reference to whoever needs it. It owns the
// protocol listeners (MSRP and SIP) and the call model on top of them.
class Engine : public QObject
{
    Q_OBJECT

public:
    Engine(EngineConfig config, Clock &clock, RandomSource &random, QObject *parent = nullptr);
    ~Engine() override;

    // Starts listening (MSRP, then SIP). Fails (and leaves the engine stopped) when an
    // address cannot be bound.
    Result<void> start();
    // Stops listening and closes open connections. Safe to call when stopped.
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

Q_SIGNALS:
    // start() succeeded.
    void started();
    // stop() ended a running engine.
    void stopped();
    void msrpConnectionCountChanged(int count);

private:
    void waitForSipStopped();

    EngineConfig m_config;
    Clock &m_clock;
    RandomSource &m_random;
    msrp::Endpoint m_msrp;
    sip::Agent m_sip;
    // Last: it refers to the endpoint and the agent, and goes first.
    CallManager m_calls;
    bool m_running = false;
    // stop() asked the SIP stack to shut down and it has not said stopped() yet.
    bool m_sipStopping = false;
};

} // namespace herald::service
