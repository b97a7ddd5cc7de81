// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/shutdowncoordinator.h"

#include "engine/core/logging.h"
#include "engine/msrp/session/msrpendpoint.h"
#include "engine/msrp/session/msrpsession.h"
#include "engine/service/callmanager.h"
#include "engine/service/msmlcontroller.h"

namespace herald::service {

namespace {

// An outgoing message is done once every chunk got its 200 (RFC 4975 §7.1.1): a success
// REPORT that may follow is not worth holding a shutdown for.
bool isDone(const msrp::MessageInfo &info)
{
    return msrp::isFinal(info.state) ||
           (info.outgoing && info.state == msrp::DeliveryState::Acknowledged);
}

QByteArray keyOf(const msrp::MessageInfo &info)
{
    return (info.outgoing ? QByteArrayLiteral("o") : QByteArrayLiteral("i")) + info.messageId;
}

} // namespace

ShutdownCoordinator::ShutdownCoordinator(msrp::Endpoint &msrp, CallManager &calls, QObject *parent)
    : QObject(parent)
    , m_msrp(msrp)
    , m_calls(calls)
{
    m_graceTimer.setSingleShot(true);
    // A coarse timer may fire 5 % early; the grace period is a promise to the transfers.
    m_graceTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_graceTimer, &QTimer::timeout, this, [this] { expire(); });
    connect(&m_msrp, &msrp::Endpoint::sessionCreated, this, &ShutdownCoordinator::track);
    for (msrp::Session *session : m_msrp.sessions())
        track(session);
}

void ShutdownCoordinator::track(msrp::Session *session)
{
    const auto changed = [this, session](const msrp::MessageInfo &info) {
        onMessageChanged(session, info);
    };
    connect(session, &msrp::Session::incomingChanged, this, changed);
    connect(session, &msrp::Session::outgoingChanged, this, changed);
    // The session's messages all reach a final state before it goes (Session::end()); this
    // only forgets the entry.
    connect(session, &QObject::destroyed, this, [this, session] {
        m_inFlight.remove(session);
        checkFinished();
    });
}

void ShutdownCoordinator::onMessageChanged(msrp::Session *session, const msrp::MessageInfo &info)
{
    const QByteArray key = keyOf(info);
    if (!isDone(info)) {
        // Messages that start during the grace period on calls already up count too.
        m_inFlight[session].insert(key);
        return;
    }
    auto it = m_inFlight.find(session);
    if (it == m_inFlight.end() || !it->remove(key))
        return;
    if (it->isEmpty())
        m_inFlight.erase(it);
    if (!m_shuttingDown)
        return;
    const bool failed =
        info.state == msrp::DeliveryState::Failed || info.state == msrp::DeliveryState::Aborted;
    if (failed) {
        ++m_failed;
        qCWarning(lcService).noquote().nospace()
            << "shutdown: " << (info.outgoing ? "outgoing" : "incoming") << " transfer "
            << info.messageId << " on session " << session->id() << " failed after "
            << info.transferred << " of " << info.size << " octets: " << info.reason;
        Q_EMIT transferFailed(info, QString::fromLatin1(session->id()));
    } else {
        ++m_completed;
        qCInfo(lcService).noquote().nospace()
            << "shutdown: " << (info.outgoing ? "outgoing" : "incoming") << " transfer "
            << info.messageId << " completed (" << info.transferred << " octets)";
    }
    checkFinished();
}

void ShutdownCoordinator::followTransfers(MsmlController *msml)
{
    m_msml = msml;
    if (!m_msml)
        return;
    connect(m_msml, &MsmlController::transferFinished, this,
            [this](const QString &dialogId, const QString &end) {
                if (!m_shuttingDown)
                    return;
                // Its message, if it had one on its way, is counted above; the transfer's own
                // end is what its application server was told.
                qCInfo(lcService).noquote()
                    << "shutdown: MSML transfer" << dialogId << "ended:" << end;
                checkFinished();
            });
    // Its application server hears how the transfer ended before Herald goes.
    connect(m_msml, &MsmlController::eventsDelivered, this, &ShutdownCoordinator::checkFinished);
}

int ShutdownCoordinator::inFlightCount() const
{
    int count = m_msml ? m_msml->preparingTransfers() : 0;
    for (const auto &messages : m_inFlight)
        count += int(messages.size());
    return count;
}

bool ShutdownCoordinator::isBusy() const
{
    // A transfer between two steps (its message acknowledged, its BYE or next object to come)
    // has nothing counted in flight, yet is not done.
    if (inFlightCount() > 0)
        return true;
    // Once the grace period is over, the events just sent (transfer.error) are not waited for:
    // they left in INFOs before the BYEs that end their dialogs, and a dead application server
    // must not hold the shutdown for a SIP timeout.
    return m_msml && !m_expired &&
           (!m_msml->runningDialogs().isEmpty() || m_msml->hasUndeliveredEvents());
}

void ShutdownCoordinator::begin(std::chrono::milliseconds grace)
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_calls.setAcceptingCalls(false);
    qCInfo(lcService).noquote() << QStringLiteral(
                                       "shutting down: new calls refused; %1 transfer(s) in "
                                       "flight get %2 ms to finish")
                                       .arg(inFlightCount())
                                       .arg(grace.count());
    // Queued: finished() never fires inside begin(), whose caller may not be ready for it.
    QMetaObject::invokeMethod(
        this,
        [this, grace] {
            if (m_finished)
                return;
            if (!isBusy())
                checkFinished();
            else if (grace.count() <= 0)
                expire();
            else
                m_graceTimer.start(grace);
        },
        Qt::QueuedConnection);
}

void ShutdownCoordinator::expire(const QString &reason)
{
    if (!m_shuttingDown || m_finished)
        return;
    m_graceTimer.stop();
    m_expired = true;
    // MSML transfers first: each tells its application server transfer.error and hangs up its
    // call, which fails its message (counted below through onMessageChanged).
    if (m_msml)
        m_msml->stopAll(QStringLiteral("transfer.error"));
    const QList<msrp::Session *> sessions = m_inFlight.keys();
    for (msrp::Session *session : sessions) {
        // Closing fails the session's unfinished messages with this reason (each one through
        // onMessageChanged) and ends its call with BYE (CallManager::onSessionClosed).
        if (m_msrp.sessions().contains(session))
            session->close(reason.isEmpty()
                               ? QStringLiteral("shutting down: the grace period ended")
                               : reason);
    }
    m_inFlight.clear();
    checkFinished();
}

void ShutdownCoordinator::checkFinished()
{
    if (!m_shuttingDown || m_finished || isBusy())
        return;
    m_finished = true;
    m_graceTimer.stop();
    qCInfo(lcService, "shutdown: %d transfer(s) completed, %d failed", m_completed, m_failed);
    Q_EMIT finished(m_completed, m_failed);
}

} // namespace herald::service
