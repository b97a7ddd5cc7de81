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
class MsmlController;

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
    // Also waits for MSML transfers (voicemail delivery): one that is still fetching its
    // source or calling the answerer when the shutdown begins has no MSRP message yet, and
    // would otherwise be cut off unannounced. Those still running when the grace period ends
    // are stopped with transfer.end = transfer.error, so the application server can retry
    // them elsewhere.
    void followTransfers(MsmlController *msml);
    // Messages in flight on all sessions, both directions, plus MSML transfers that have no
    // message on its way yet.
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
    bool isBusy() const;

    msrp::Endpoint &m_msrp;
    CallManager &m_calls;
    MsmlController *m_msml = nullptr;
    // Per session, the in-flight messages: 'i' or 'o' followed by the Message-ID.
    QHash<msrp::Session *, QSet<QByteArray>> m_inFlight;
    QTimer m_graceTimer;
    bool m_shuttingDown = false;
    bool m_finished = false;
    bool m_expired = false;
    int m_completed = 0;
    int m_failed = 0;
};

} // namespace herald::service
