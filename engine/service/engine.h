// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/msrp/session/msrpendpoint.h"
#include "engine/service/engineconfig.h"

#include <QHostAddress>
#include <QObject>

namespace herald {
class Clock;
class RandomSource;
} // namespace herald

namespace herald::service {

// The one Engine of a process (DESIGN.md §2): built in main() from an EngineConfig and an
// injected clock and random source, passed by reference to whoever needs it. It owns the
// protocol listeners; for now that is the MSRP listener.
class Engine : public QObject
{
    Q_OBJECT

public:
    Engine(EngineConfig config, Clock &clock, RandomSource &random, QObject *parent = nullptr);
    ~Engine() override;

    // Starts listening. Fails (and leaves the engine stopped) when an address cannot be bound.
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

Q_SIGNALS:
    // start() succeeded.
    void started();
    // stop() ended a running engine.
    void stopped();
    void msrpConnectionCountChanged(int count);

private:
    EngineConfig m_config;
    Clock &m_clock;
    RandomSource &m_random;
    msrp::Endpoint m_msrp;
    bool m_running = false;
};

} // namespace herald::service
