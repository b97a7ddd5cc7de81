// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/engine.h"

#include "engine/core/logging.h"
#include "engine/service/durablerecorder.h"
#include "engine/service/msmlcontroller.h"

#include <QAbstractSocket>
#include <QEventLoop>
#include <QTimer>

#include <chrono>

namespace herald::service {

namespace {
msrp::EndpointConfig endpointConfig(const EngineConfig &config)
{
    msrp::EndpointConfig c;
    c.listenAddress = config.msrpListenAddress;
    c.listenPort = config.msrpListenPort;
    return c;
}
} // namespace

Engine::Engine(EngineConfig config, Clock &clock, RandomSource &random, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_random(random)
    , m_msrp(endpointConfig(m_config), clock, random)
    , m_sip(m_config.sip)
    , m_calls(m_sip, m_msrp, m_config, random)
    , m_thirdParty(m_msrp, m_config, random)
{
    connect(&m_msrp, &msrp::Endpoint::connectionOpened, this,
            [this] { Q_EMIT msrpConnectionCountChanged(msrpConnectionCount()); });
    connect(&m_msrp, &msrp::Endpoint::connectionClosed, this,
            [this] { Q_EMIT msrpConnectionCountChanged(msrpConnectionCount()); });
    connect(&m_sip, &sip::Agent::stopped, this, [this] { m_sipStopping = false; });
    if (m_config.msmlControl)
        m_msml = std::make_unique<MsmlController>(m_calls, m_config, clock, random);
}

void Engine::waitForSipStopped()
{
    // sofia ends its transactions asynchronously (nua_shutdown); a start() right after stop()
    // (the console's restart) waits for that, bounded: sofia gives up on its own within a few
    // seconds.
    QEventLoop loop;
    QTimer bound;
    bound.setSingleShot(true);
    connect(&bound, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(&m_sip, &sip::Agent::stopped, &loop, &QEventLoop::quit);
    bound.start(std::chrono::seconds(10));
    if (m_sipStopping)
        loop.exec();
    if (m_sipStopping)
        qCWarning(lcService, "SIP did not stop within 10 s");
}

Engine::~Engine()
{
    // Connections close before the listener's children go, while the signals still reach us.
    stop();
}

Result<void> Engine::start()
{
    if (m_running)
        return {};
    // The store first: without it no text could be acknowledged, so nothing listens.
    if (auto opened = openStore(); !opened)
        return opened;
    if (auto listening = m_msrp.listen(); !listening) {
        closeStore();
        return listening;
    }
    if (m_sipStopping)
        waitForSipStopped();
    if (auto sipStarted = m_sip.start(); !sipStarted) {
        m_msrp.close();
        closeStore();
        const QString where = m_config.sip.bindHost + u':' + QString::number(m_config.sip.port);
        return fail(
            sipStarted.error().code,
            QStringLiteral("SIP cannot listen on %1: %2").arg(where, sipStarted.error().detail));
    }
    m_running = true;
    qCInfo(lcService, "engine started");
    Q_EMIT started();
    return {};
}

void Engine::stop()
{
    if (!m_running)
        return;
    // Calls end first (BYE/CANCEL while the stack still runs), then SIP, then MSRP.
    m_calls.hangupAll();
    if (m_sip.isRunning()) {
        m_sipStopping = true;
        m_sip.shutdown();
    }
    m_msrp.close();
    // Last: what the calls' ends appended is committed (and its callbacks run) before close.
    closeStore();
    m_running = false;
    qCInfo(lcService, "engine stopped");
    Q_EMIT stopped();
}

Result<void> Engine::openStore()
{
    if (m_config.storePath.isEmpty())
        return {};
    if (!m_store) {
        store::SqliteStoreOptions options;
        options.path = m_config.storePath;
        m_store = std::make_unique<store::SqliteStore>(options, m_clock);
    }
    if (auto opened = m_store->open(); !opened)
        return fail(opened.error().code, QStringLiteral("Cannot open the store %1: %2")
                                             .arg(m_config.storePath, opened.error().detail));
    if (!m_recorder)
        m_recorder =
            std::make_unique<DurableRecorder>(m_calls, m_thirdParty, *m_store, m_clock, m_random);
    // Calls a killed run left "live" would stay so in the history forever.
    if (auto closed = m_recorder->closeStaleCalls(); !closed)
        qCWarning(lcService) << "calls of an earlier run not closed:" << closed.error().detail;
    return {};
}

void Engine::closeStore()
{
    if (!m_store || !m_store->isOpen())
        return;
    if (auto flushed = m_store->flush(); !flushed)
        qCWarning(lcService) << "store not flushed:" << flushed.error().detail;
    m_store->close();
}

QByteArray Engine::storeCallId(Call::Id id) const
{
    return m_recorder ? m_recorder->callRecordId(id) : QByteArray();
}

CallHistory Engine::history() const
{
    return CallHistory(m_store.get());
}

QHostAddress Engine::msrpListenAddress() const
{
    return m_msrp.serverAddress();
}
quint16 Engine::msrpListenPort() const
{
    return m_msrp.serverPort();
}
QString Engine::msrpListenEndpoint() const
{
    if (!m_msrp.isListening())
        return {};
    const QHostAddress address = m_msrp.serverAddress();
    // IPv6 in brackets, as in URIs (RFC 3986 §3.2.2), so the port stays distinguishable.
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + address.toString() + u']'
                             : address.toString();
    return host + u':' + QString::number(m_msrp.serverPort());
}

quint16 Engine::sipListenPort() const
{
    return m_sip.listeningPort();
}

int Engine::msrpConnectionCount() const
{
    return int(m_msrp.connections().size());
}

} // namespace herald::service
