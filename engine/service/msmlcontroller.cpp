// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/msmlcontroller.h"

#include "engine/core/logging.h"
#include "engine/msml/msmlerror.h"
#include "engine/msml/msmlparser.h"
#include "engine/msml/msmlwriter.h"
#include "engine/service/callmanager.h"
#include "engine/service/mediaroot.h"
#include "engine/service/transferexecutor.h"

namespace herald::service {

namespace {

const QByteArray kMsmlType = QByteArrayLiteral("application/msml+xml");

QByteArray mediaTypeOf(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower();
}

msml::ResultDocument refusal(msml::ResponseCode code, const QString &why)
{
    return msml::ResultDocument::error(code, why);
}

// A <dialogstart> checked and ready to run.
struct PlannedTransfer
{
    QString dialogId;
    msml::Transfer transfer;
    QStringList localFiles;
    bool generatedName = false;
};

} // namespace

MsmlController::MsmlController(CallManager &calls, const EngineConfig &config, Clock &clock,
                               RandomSource &random, QObject *parent)
    : QObject(parent)
    , m_calls(calls)
    , m_config(config)
    , m_clock(clock)
    , m_random(random)
{
    connect(&m_calls, &CallManager::infoReceived, this, &MsmlController::onInfo);
    connect(&m_calls, &CallManager::infoResponse, this,
            [this](quint64 callId, quint64 requestId, const sip::SipResponse &response) {
                auto it = m_outboxes.find(callId);
                if (it == m_outboxes.end() || it->outstanding != requestId)
                    return;
                if (response.status >= 300)
                    qCWarning(lcService)
                        << "MSML event refused by the application server:" << response.status;
                it->outstanding = 0;
                sendNextEvent(callId);
                if (!it->outstanding && it->pending.empty())
                    Q_EMIT eventsDelivered();
            });
    connect(&m_calls, &CallManager::callEnded, this, &MsmlController::onControlEnded);
}

MsmlController::~MsmlController()
{
    for (const QPointer<TransferExecutor> &transfer : std::as_const(m_transfers))
        delete transfer.data();
}

int MsmlController::preparingTransfers() const
{
    return int(std::count_if(m_transfers.cbegin(), m_transfers.cend(),
                             [](const QPointer<TransferExecutor> &t) {
                                 return t && t->isRunning() && !t->isSending();
                             }));
}

void MsmlController::stopAll(const QString &end)
{
    const QList<QPointer<TransferExecutor>> running = m_transfers.values();
    for (const QPointer<TransferExecutor> &transfer : running)
        if (transfer && transfer->isRunning())
            transfer->stop(end);
}

bool MsmlController::hasUndeliveredEvents() const
{
    return std::any_of(m_outboxes.cbegin(), m_outboxes.cend(), [](const Outbox &outbox) {
        return outbox.outstanding || !outbox.pending.empty();
    });
}

QStringList MsmlController::runningDialogs() const
{
    QStringList ids;
    for (auto it = m_transfers.cbegin(); it != m_transfers.cend(); ++it)
        if (it.value() && it.value()->isRunning())
            ids.append(it.key());
    return ids;
}

void MsmlController::onInfo(Call::Id callId, quint64 requestId, const QByteArray &contentType,
                            const QByteArray &body)
{
    if (mediaTypeOf(contentType) != kMsmlType)
        return; // not ours: whoever handles that type answers it
    msml::ResultDocument result;
    auto parsed = msml::Parser().parse(body);
    if (!parsed) {
        qCInfo(lcService) << "MSML refused:" << parsed.error().description;
        result = msml::errorResult(parsed.error());
    } else if (!parsed->isRequest()) {
        result = refusal(msml::ResponseCode::BadRequest,
                         QStringLiteral("Expected a request, not a result or an event"));
    } else {
        result = execute(callId, *parsed->request());
    }
    // RFC 5707 §4: the SIP transaction succeeded; the MSML outcome is in the result.
    if (auto sent =
            m_calls.respondInfo(requestId, 200, kMsmlType, msml::Writer::writeResult(result));
        !sent)
        qCWarning(lcService) << "MSML result not sent:" << sent.error().detail;
}

msml::ResultDocument MsmlController::execute(Call::Id control, const msml::Request &request)
{
    // RFC 5707 §5: the whole request is checked before any of it runs.
    QList<PlannedTransfer> starts;
    QList<QPointer<TransferExecutor>> stops;
    QStringList claimed;
    for (const msml::Operation &operation : request.operations) {
        if (const auto *start = std::get_if<msml::DialogStart>(&operation)) {
            if (!start->target.startsWith(QStringLiteral("conn:")) || start->target.size() < 6)
                return refusal(
                    msml::ResponseCode::ObjectDoesNotExist,
                    QStringLiteral("Herald's dialogs run on connections (conn:<id>), not %1")
                        .arg(start->target));
            if (!start->transfer)
                return refusal(msml::ResponseCode::UnsupportedElement,
                               QStringLiteral("Only inline transfer dialogs are supported"));
            PlannedTransfer plan;
            QString name = start->name;
            if (name.isEmpty()) {
                name = QStringLiteral("herald%1").arg(++m_generatedNames);
                plan.generatedName = true;
            }
            plan.dialogId = start->target + QStringLiteral("/dialog:") + name;
            if (claimed.contains(plan.dialogId) ||
                (m_transfers.value(plan.dialogId) && m_transfers.value(plan.dialogId)->isRunning()))
                return refusal(msml::ResponseCode::InstanceNameInUse,
                               QStringLiteral("Dialog %1 exists").arg(plan.dialogId));
            claimed.append(plan.dialogId);
            plan.transfer = *start->transfer;
            for (const msml::TransferObject &object : plan.transfer.objects) {
                const auto *file = std::get_if<msml::FileObject>(&object);
                if (!file) {
                    plan.localFiles.append(QString());
                    continue;
                }
                if (file->src.scheme != msml::MediaSource::Scheme::File) {
                    // http(s): fetched (size-capped) when the object's turn comes.
                    plan.localFiles.append(QString());
                    continue;
                }
                auto local = resolveMediaPath(m_config.mediaRoot, file->src.path);
                if (!local)
                    return refusal(
                        msml::ResponseCode::InvalidAttributeValue,
                        QStringLiteral("fileobj %1: %2").arg(file->objid, local.error().detail));
                plan.localFiles.append(*local);
            }
            starts.append(plan);
        } else {
            // <dialogend id=...>, or a core <send event="terminate"> to a dialog (RFC 5707 §7.2).
            QString id;
            if (const auto *end = std::get_if<msml::DialogEnd>(&operation))
                id = end->id;
            else if (const auto *send = std::get_if<msml::CoreSend>(&operation);
                     send && send->event == QStringLiteral("terminate"))
                id = send->target;
            else
                return refusal(msml::ResponseCode::UnsupportedElement,
                               QStringLiteral("Herald only accepts the terminate event"));
            QPointer<TransferExecutor> running = m_transfers.value(id);
            if (!running || !running->isRunning())
                return refusal(msml::ResponseCode::ObjectDoesNotExist,
                               QStringLiteral("No running dialog %1").arg(id));
            stops.append(running);
        }
    }

    msml::ResultDocument result = msml::ResultDocument::ok();
    for (const QPointer<TransferExecutor> &transfer : stops)
        if (transfer)
            transfer->stop(QStringLiteral("dialogend"));
    for (PlannedTransfer &plan : starts) {
        if (plan.generatedName)
            result.dialogIds.append(plan.dialogId);
        auto *transfer = new TransferExecutor(
            m_calls, m_clock, m_random, plan.dialogId, std::move(plan.transfer), plan.localFiles,
            FetchSettings{m_config.httpFetchMaxBytes, m_config.httpFetchIdleTimeout,
                          m_config.httpFetchDirectory, m_config.httpFetchCaFile},
            this);
        if (TransferExecutor *old = m_transfers.value(plan.dialogId))
            old->deleteLater();
        m_transfers.insert(plan.dialogId, transfer);
        m_outboxes[control];
        m_controlOf.insert(plan.dialogId, control);
        connect(transfer, &TransferExecutor::event, this,
                [this, control](const msml::EventDocument &event) { queueEvent(control, event); });
        connect(transfer, &TransferExecutor::finished, this,
                [this, transfer, id = plan.dialogId](const QString &end) {
                    // A finished dialog no longer exists (a later dialogend gets 430).
                    if (m_transfers.value(id) == transfer) {
                        m_transfers.remove(id);
                        m_controlOf.remove(id);
                    }
                    transfer->deleteLater();
                    Q_EMIT transferFinished(id, end);
                });
        // After this INFO's 200 has left: the server learns of the dialog before its events.
        QMetaObject::invokeMethod(transfer, &TransferExecutor::start, Qt::QueuedConnection);
        qCInfo(lcService) << "MSML dialog" << plan.dialogId << "started";
    }
    return result;
}

void MsmlController::queueEvent(Call::Id control, const msml::EventDocument &event)
{
    auto it = m_outboxes.find(control);
    if (it == m_outboxes.end())
        return; // the control dialog is gone: nobody to tell
    it->pending.push_back(msml::Writer::writeEvent(event));
    if (!it->outstanding)
        sendNextEvent(control);
}

void MsmlController::sendNextEvent(Call::Id control)
{
    auto it = m_outboxes.find(control);
    if (it == m_outboxes.end() || it->outstanding || it->pending.empty())
        return;
    const QByteArray body = it->pending.front();
    it->pending.pop_front();
    auto sent = m_calls.sendInfo(control, kMsmlType, body);
    if (!sent) {
        qCWarning(lcService) << "MSML event not sent:" << sent.error().detail;
        it->pending.clear();
        return;
    }
    it->outstanding = *sent;
}

void MsmlController::onControlEnded(Call *call)
{
    if (!m_outboxes.remove(call->id()))
        return;
    Q_EMIT eventsDelivered(); // nothing more can be delivered on that dialog
    // RFC 5707 §9.6: a dialog lives on its connection; without the control channel its
    // transfers have no one to report to, so they stop.
    QList<QPointer<TransferExecutor>> orphans;
    for (auto it = m_transfers.cbegin(); it != m_transfers.cend(); ++it)
        if (it.value() && it.value()->isRunning() && m_controlOf.value(it.key()) == call->id())
            orphans.append(it.value());
    // Stopping one removes it from m_transfers (its finished()): not while iterating.
    for (const QPointer<TransferExecutor> &transfer : orphans)
        if (transfer)
            transfer->stop(QStringLiteral("dialogend"));
}

} // namespace herald::service
