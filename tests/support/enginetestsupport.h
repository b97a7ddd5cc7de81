// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

// What every test that runs a whole Engine on loopback shares: its configuration and an orderly
// stop. Header only: each test that includes it links herald_service already.

#include "engine/service/engine.h"

#include <QHostAddress>
#include <QSignalSpy>
#include <QString>

#include <chrono>

namespace herald::test {

// An engine on 127.0.0.1 with SIP and MSRP on port 0, answering as sip:<user>@127.0.0.1, with
// short SIP timers (T1 50 ms, PLATFORM.md §1) so that failures show within a test's wait.
inline service::EngineConfig loopbackEngineConfig(const QByteArray &user)
{
    service::EngineConfig config;
    config.msrpListenAddress = QHostAddress(QHostAddress::LocalHost);
    config.msrpListenPort = 0;
    config.sip.bindHost = QStringLiteral("127.0.0.1");
    config.sip.port = 0;
    config.sip.identity = QStringLiteral("sip:%1@127.0.0.1").arg(QString::fromUtf8(user));
    config.sip.t1 = std::chrono::milliseconds(50);
    config.sip.t1x64 = std::chrono::milliseconds(3200);
    return config;
}

// Stops an engine and waits for its SIP agent to say so; false when it did not in time.
inline bool stopEngine(service::Engine &engine, int waitMs = 20000)
{
    if (!engine.sip().isRunning())
        return true;
    QSignalSpy stopped(&engine.sip(), &sip::Agent::stopped);
    engine.stop();
    return stopped.wait(waitMs);
}

} // namespace herald::test
