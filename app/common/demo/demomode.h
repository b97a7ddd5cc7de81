// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "app/common/demo/demodeliveryserver.h"
#include "app/common/demo/demoesrp.h"

#include <QObject>
#include <QPointer>
#include <QTemporaryDir>

#include <chrono>

namespace herald::service {
class Call;
class Engine;
struct EngineConfig;
} // namespace herald::service

namespace herald::app {

class CommandLine;

// `--demo` (herald and heraldd): live traffic on one machine without SIP equipment. Beside the
// engine, in the same process and on 127.0.0.1 only, a simulated ESRP (DemoEsrp) places the
// scripted 911 text calls to the engine, and a simulated voicemail delivery server
// (DemoDeliveryServer) receives files; after each round of calls the engine delivers a sample
// voicemail to it, as the voicemail demo would.
class DemoMode : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        std::chrono::milliseconds pace{4000}; // DemoEsrp::Options::pace
        bool deliverVoicemail = true;
    };

    DemoMode(Options options, Clock &clock, RandomSource &random, QObject *parent = nullptr);
    ~DemoMode() override;

    // Before the engine is built: what the operator left at its default becomes demo-friendly,
    // listening ports free ones (0) so that a demo never clashes with a running Herald, and
    // the store a throw-away one in a temporary folder rather than the operator's history.
    void adjustConfig(service::EngineConfig &config, const CommandLine &commandLine);
    // After engine.start(): starts the delivery server, then the ESRP calling the engine.
    // Refused when the engine's SIP is not reachable on 127.0.0.1 (nothing leaves loopback).
    Result<void> start(service::Engine &engine);
    void stop();

    QByteArray deliveryServerUri() const { return m_delivery.uri(); }
    QString deliverySpool() const { return m_delivery.spoolDirectory(); }

Q_SIGNALS:
    // One line for the operator per step ("call 1 (car crash ...) answered").
    void progress(const QString &line);

private:
    void deliverVoicemail();

    Options m_options;
    Clock &m_clock;
    RandomSource &m_random;
    QTemporaryDir m_dir;
    DemoDeliveryServer m_delivery;
    DemoEsrp m_esrp;
    service::Engine *m_engine = nullptr;
    QPointer<service::Call> m_voicemailCall;
    int m_finishedCalls = 0;
    int m_voicemails = 0;
};

} // namespace herald::app
