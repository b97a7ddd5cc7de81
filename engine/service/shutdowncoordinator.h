// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msrp/session/msrptypes.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>

namespace herald::msrp {
class Endpoint;
class Session;
} // namespace herald::msrp

namespace herald::service {

class CallManager;

// Graceful shutdown (heraldd on SIGTERM): new calls are refused with 503, the transfers in
// progress (MSRP messages partly received or not yet fully acknowledged, either way) may
// finish within a grace period, and the ones still going when it ends are failed
// explicitly: their sessions close with a reason, every such message reaches Failed (and
// transferFailed() names it), and the calls end with BYE. Nothing is dropped silently.
//
// Tracks messages from construction on, so build it before the engine starts.
class ShutdownCoordinator : public QObject
{
    Q_OBJECT

public:
    ShutdownCoordinator(msrp::Endpoint &msrp, CallManager &calls, QObject *parent = nullptr);

    // Starts the shutdown; finished() follows once nothing is in flight or the grace period
    // ends, never from inside this call. A second begin() does nothing.
    void begin(std::chrono::milliseconds grace);
    // Ends the grace period now: what is still in flight fails with `reason` (empty: the grace
    // period ended). A second SIGTERM calls it with a reason saying so.
    void expire(const QString &reason = {});
    bool isShuttingDown() const { return m_shuttingDown; }
    // Messages in flight on all sessions, both directions.
    int inFlightCount() const;

Q_SIGNALS:
    // A message that was in flight when the shutdown began failed (or was aborted).
    void transferFailed(const herald::msrp::MessageInfo &info, const QString &sessionId);
    // The in-flight transfers finished (`completed`) or failed (`failed`); the engine may stop.
    void finished(int completed, int failed);

private:
    void track(msrp::Session *session);
    void onMessageChanged(msrp::Session *session, const msrp::MessageInfo &info);
    void checkFinished();

    msrp::Endpoint &m_msrp;
    CallManager &m_calls;
    // Per session, the in-flight messages: 'i' or 'o' followed by the Message-ID.
    QHash<msrp::Session *, QSet<QByteArray>> m_inFlight;
    QTimer m_graceTimer;
    bool m_shuttingDown = false;
    bool m_finished = false;
    int m_completed = 0;
    int m_failed = 0;
};

} // namespace herald::service
