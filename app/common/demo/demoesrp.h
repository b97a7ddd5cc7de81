// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "app/common/demo/demoscenario.h"
#include "engine/core/result.h"
#include "engine/service/call.h"
#include "engine/service/callmanager.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <memory>

namespace herald {
class Clock;
class RandomSource;
} // namespace herald
namespace herald::service {
class Engine;
}

namespace herald::app {

// The INVITE an i3 ESRP forwards to a PSAP for `script` (call `number` names its body parts):
// the caller's PIDF-LO by value (RFC 6442 §4.1), the additional data by value (RFC 7852
// §4.1), the callback number in P-Asserted-Identity (RFC 3325); sent to script.serviceUrn
// (urn:service:sos, or urn:service:test.sos for a test call) with a Route to `psap`, a SIP
// URI (RFC 6881 §8).
service::PlaceCallOptions emergencyInviteOptions(const DemoCallScript &script, int number,
                                                 const QByteArray &psap);

// A simulated ESRP (NENA i3's emergency services routing proxy) for the demo: an Engine of its
// own on 127.0.0.1 (SIP over TCP and MSRP on free ports) that places the scripted 911 text
// calls of demoScenario() to `target` (INVITE urn:service:sos, or test.sos, routed to it), one
// INVITE each with an MSRP offer, the caller's
// PIDF-LO and additional data by value in a multipart/mixed body (Geolocation and Call-Info
// headers point at them by cid:, RFC 6442 §4.1, RFC 7852 §4.1) and the callback number in
// P-Asserted-Identity. Once answered, the caller types (RFC 3994 isComposing) and sends its
// texts about one pace apart (sooner after a reply from the call-taker), then hangs up.
class DemoEsrp : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        // Time between two texts of a caller (±25 %, as people type); a new call starts every
        // few paces, so calls overlap as they do on a PSAP floor.
        std::chrono::milliseconds pace{4000};
        // After the last script, start again from the first (the console stays busy).
        bool repeat = true;
    };

    DemoEsrp(Options options, Clock &clock, RandomSource &random, QObject *parent = nullptr);
    ~DemoEsrp() override;

    // Starts the ESRP's engine and the first call to `target` (a sip: URI on loopback).
    Result<void> start(const QByteArray &target);
    void stop();
    quint16 sipPort() const;

Q_SIGNALS:
    // One line for the operator's log per step of a call ("call 2 (car crash ...) answered").
    void progress(const QString &line);
    // A scripted call is over (hung up by the caller, by the PSAP, or failed).
    void callFinished(const QString &label, bool answered, int textsSent);

private:
    struct Running;
    void placeNext();
    void onStateChanged(Running *running, service::CallState state);
    void sendNextText(Running *running);
    void scheduleNextText(Running *running, std::chrono::milliseconds delay);
    std::chrono::milliseconds jittered(std::chrono::milliseconds base);

    Options m_options;
    Clock &m_clock;
    RandomSource &m_random;
    std::unique_ptr<service::Engine> m_engine;
    QByteArray m_target;
    QList<DemoCallScript> m_scenario;
    int m_nextScript = 0;
    int m_placed = 0;
    QTimer m_nextCall;
    std::vector<std::unique_ptr<Running>> m_running;
};

} // namespace herald::app
