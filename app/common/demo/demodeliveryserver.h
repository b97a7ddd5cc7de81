// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QObject>
#include <QSet>
#include <QTemporaryDir>

#include <memory>

namespace herald {
class Clock;
class RandomSource;
} // namespace herald
namespace herald::service {
class Engine;
}

namespace herald::app {

// A simulated voicemail delivery server for the demo: an Engine of its own on 127.0.0.1 (SIP
// over TCP and MSRP on free ports) that answers RFC 5547 push offers and receives the files
// into a temporary spool (FileSpool), removed when it stops. The voicemail demo sends to uri().
class DemoDeliveryServer : public QObject
{
    Q_OBJECT

public:
    DemoDeliveryServer(Clock &clock, RandomSource &random, QObject *parent = nullptr);
    ~DemoDeliveryServer() override;

    Result<void> start();
    void stop();
    // sip:vmds@127.0.0.1:PORT;transport=tcp once started.
    QByteArray uri() const;
    QString spoolDirectory() const { return m_spool.path(); }

Q_SIGNALS:
    // A file arrived complete (verified and renamed by the spool) after a delivery call ended.
    void fileReceived(const QString &path, qint64 size);

private:
    void scanSpool();

    Clock &m_clock;
    RandomSource &m_random;
    QTemporaryDir m_spool;
    std::unique_ptr<service::Engine> m_engine;
    QSet<QString> m_seen;
};

} // namespace herald::app
