// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/engine.h"

#include "engine/core/logging.h"

#include <QAbstractSocket>

namespace herald::service {

Engine::Engine(EngineConfig config, Clock &clock, RandomSource &random, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_random(random)
{
    connect(&m_msrpListener, &msrp::Listener::connectionCountChanged, this,
            &Engine::msrpConnectionCountChanged);
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
    if (auto listening = m_msrpListener.listen(m_config.msrpListenAddress, m_config.msrpListenPort);
        !listening)
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
    m_msrpListener.close();
    m_running = false;
    qCInfo(lcService, "engine stopped");
    Q_EMIT stopped();
}

QHostAddress Engine::msrpListenAddress() const
{
    return m_msrpListener.serverAddress();
}
quint16 Engine::msrpListenPort() const
{
    return m_msrpListener.serverPort();
}
QString Engine::msrpListenEndpoint() const
{
    if (!m_msrpListener.isListening())
        return {};
    const QHostAddress address = m_msrpListener.serverAddress();
    // IPv6 in brackets, as in URIs (RFC 3986 §3.2.2), so the port stays distinguishable.
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + address.toString() + u']'
                             : address.toString();
    return host + u':' + QString::number(m_msrpListener.serverPort());
}

int Engine::msrpConnectionCount() const
{
    return m_msrpListener.connectionCount();
}

} // namespace herald::service
