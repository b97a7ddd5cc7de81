// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "app/common/engineoptions.h"

#include "engine/service/engine.h"

#include <QDir>
#include <QStandardPaths>

namespace herald::app {

service::EngineConfig engineConfigFrom(const CommonOptions &options)
{
    service::EngineConfig config;
    config.msrpListenAddress = options.msrpListen.address;
    config.msrpListenPort = options.msrpListen.port;
    config.sip.bindHost = options.sipListen.address.toString();
    config.sip.port = options.sipListen.port;
    if (!options.noStore) {
        config.storePath = options.storePath;
        if (config.storePath.isEmpty()) {
            const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
            QDir().mkpath(dir);
            config.storePath = dir + QStringLiteral("/herald.db");
        }
    }
    config.msmlControl = options.msmlControl;
    config.sip.outboundProxy = options.outboundProxy;
    config.mediaRoot = options.mediaRoot;
    config.spoolDirectory = options.spoolDirectory;
    config.maxFileSize = options.maxFileSize;
    config.httpFetchMaxBytes = options.httpFetchMaxBytes;
    config.httpFetchIdleTimeout = options.httpFetchIdleTimeout;
    config.httpFetchDirectory = options.httpFetchDirectory;
    config.httpFetchCaFile = options.httpFetchCaFile;
    return config;
}

QStringList listeningLines(const service::Engine &engine)
{
    const auto &sip = engine.config().sip;
    QStringList transports;
    if (sip.udp)
        transports << QStringLiteral("UDP");
    if (sip.tcp)
        transports << QStringLiteral("TCP");
    const ListenAddress sipAddress{QHostAddress(sip.bindHost), engine.sipListenPort()};
    return {QStringLiteral("MSRP listening on ") + engine.msrpListenEndpoint(),
            QStringLiteral("SIP listening on ") + sipAddress.toString() + QStringLiteral(" (") +
                transports.join(QStringLiteral(", ")) + QLatin1Char(')'),
            engine.config().storePath.isEmpty()
                ? QStringLiteral("no store: texts are acknowledged without being persisted")
                : QStringLiteral("storing texts in ") + engine.config().storePath};
}

} // namespace herald::app
