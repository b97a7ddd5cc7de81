// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "app/common/demo/demodeliveryserver.h"

#include "engine/service/engine.h"

#include <QDir>
#include <QFileInfo>

namespace herald::app {

DemoDeliveryServer::DemoDeliveryServer(Clock &clock, RandomSource &random, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_random(random)
{}

DemoDeliveryServer::~DemoDeliveryServer()
{
    stop();
}

Result<void> DemoDeliveryServer::start()
{
    if (!m_spool.isValid())
        return fail(ErrorCode::Io,
                    QStringLiteral("no temporary spool directory: ") + m_spool.errorString());
    service::EngineConfig config;
    config.msrpListenAddress = QHostAddress(QHostAddress::LocalHost);
    config.msrpListenPort = 0;
    config.sip.bindHost = QStringLiteral("127.0.0.1");
    config.sip.port = 0;
    config.sip.identity = QStringLiteral("sip:vmds@127.0.0.1");
    config.sip.userAgent = QStringLiteral("Herald-demo-delivery-server");
    config.spoolDirectory = m_spool.path();
    // A voicemail is small; a runaway sender is stopped early.
    config.maxFileSize = 64ULL * 1024 * 1024;
    m_engine = std::make_unique<service::Engine>(config, m_clock, m_random);
    if (auto started = m_engine->start(); !started)
        return started;
    // The spool renames a file once complete and verified, before the sender's BYE; a scan when
    // a call ends finds it.
    connect(&m_engine->calls(), &service::CallManager::callEnded, this, [this] { scanSpool(); });
    return {};
}

void DemoDeliveryServer::stop()
{
    if (m_engine)
        m_engine->stop();
}

QByteArray DemoDeliveryServer::uri() const
{
    if (!m_engine)
        return {};
    return "sip:vmds@127.0.0.1:" + QByteArray::number(m_engine->sipListenPort()) + ";transport=tcp";
}

void DemoDeliveryServer::scanSpool()
{
    const QFileInfoList files = QDir(m_spool.path()).entryInfoList(QDir::Files, QDir::Name);
    for (const QFileInfo &file : files) {
        if (file.suffix() == u"part" || m_seen.contains(file.fileName()))
            continue;
        m_seen.insert(file.fileName());
        Q_EMIT fileReceived(file.absoluteFilePath(), file.size());
    }
}

} // namespace herald::app
