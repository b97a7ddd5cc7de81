// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/engine.h"

#include "engine/core/logging.h"

#include <QAbstractSocket>

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
{
    connect(&m_msrp, &msrp::Endpoint::connectionOpened, this,
            [this] { Q_EMIT msrpConnectionCountChanged(msrpConnectionCount()); });
    connect(&m_msrp, &msrp::Endpoint::connectionClosed, this,
            [this] { Q_EMIT msrpConnectionCountChanged(msrpConnectionCount()); });
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
    if (auto listening = m_msrp.listen(); !listening)
        return listening;
    m_running = true;
    qCInfo(lcService, "engine started");
    Q_EMIT started();
    return {};
}

void Engine::stop()
{
    if (!m_running)
        return;
    m_msrp.close();
    m_running = false;
    qCInfo(lcService, "engine stopped");
    Q_EMIT stopped();
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

int Engine::msrpConnectionCount() const
{
    return int(m_msrp.connections().size());
}

} // namespace herald::service
