// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/transferexecutor.h"

#include "engine/core/clock.h"
#include "engine/core/logging.h"
#include "engine/service/callmanager.h"
#include "engine/service/fileoffer.h"
#include "engine/service/mediafetcher.h"

#include <QFile>
#include <QFileInfo>
#include <QTimer>

namespace herald::service {

namespace {

const msml::TransferDest &destOf(const msml::TransferObject &object)
{
    return std::visit([](const auto &o) -> const msml::TransferDest & { return o.dest; }, object);
}

QString objidOf(const msml::TransferObject &object)
{
    return std::visit([](const auto &o) { return o.objid; }, object);
}

std::optional<int> retryOf(const msml::TransferObject &object)
{
    return std::visit([](const auto &o) { return o.retry; }, object);
}

std::chrono::milliseconds waitOf(const msml::TransferObject &object)
{
    return std::visit([](const auto &o) { return o.wait.value_or(std::chrono::milliseconds(0)); },
                      object);
}

} // namespace

TransferExecutor::TransferExecutor(CallManager &calls, Clock &clock, RandomSource &random,
                                   QString dialogId, msml::Transfer transfer,
                                   QStringList localFiles, FetchSettings fetch, QObject *parent)
    : QObject(parent)
    , m_calls(calls)
    , m_clock(clock)
    , m_random(random)
    , m_dialogId(std::move(dialogId))
    , m_transfer(std::move(transfer))
    , m_localFiles(std::move(localFiles))
    , m_fetch(std::move(fetch))
{
    connect(&m_calls, &CallManager::callEnded, this, [this](Call *call) {
        if (m_running && call == m_call && !m_messageId.isNull())
            objectFailed(
                QStringLiteral("call ended before delivery (SIP %1)").arg(call->failureStatus()));
    });
}

TransferExecutor::~TransferExecutor()
{
    dropCall();
}

QString TransferExecutor::currentFile() const
{
    const QString local = m_localFiles.value(m_index);
    if (!local.isEmpty() || !m_fetcher)
        return local;
    return m_fetcher->localPath();
}

qint64 TransferExecutor::msSince(std::chrono::steady_clock::time_point since) const
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.now() - since).count();
}

void TransferExecutor::start()
{
    m_running = true;
    m_transferStart = m_clock.now();
    m_index = 0;
    m_attempt = 0;
    m_round = 0;
    if (m_transfer.maxtime) {
        // Like <record maxtime> (RFC 5707 §9.7.4): the primitive stops when the time is up,
        // whatever it was doing, and its end reports why.
        m_maxtime.setSingleShot(true);
        // A coarse timer may fire 5% early; maxtime is a bound the server relies on.
        m_maxtime.setTimerType(Qt::PreciseTimer);
        connect(&m_maxtime, &QTimer::timeout, this,
                [this] { stop(QStringLiteral("transfer.maxtime")); });
        m_maxtime.start(*m_transfer.maxtime);
    }
    if (!fire(m_transfer.onStart, {}))
        return;
    runObject();
}

void TransferExecutor::runObject()
{
    if (!m_running)
        return;
    if (m_index >= m_transfer.objects.size()) {
        // iterate (RFC 5707 §16.3.2, as for <play>): the object list is delivered that many
        // times; "forever" until a dialogend or maxtime.
        ++m_round;
        if (isLastRound()) {
            exitWith(QStringLiteral("transfer.complete"));
            return;
        }
        m_index = 0;
        m_attempt = 0;
    }
    const msml::TransferObject &object = m_transfer.objects.at(m_index);
    // Back here once an http(s) src was fetched: the object started before the fetch.
    if (!m_fetcher) {
        m_objectStart = m_clock.now();
        if (m_attempt == 0 &&
            !fire(m_transfer.onObjectStart, {{QStringLiteral("transfer.objid"), objidOf(object)}}))
            return;
    }

    const msml::TransferDest &dest = destOf(object);
    if (const auto *file = std::get_if<msml::FileObject>(&object);
        file && file->src.scheme != msml::MediaSource::Scheme::File && currentFile().isEmpty()) {
        // An http(s) src is first streamed to a temporary file (size-capped), then sent like
        // a local one; each attempt fetches afresh.
        m_fetcher = std::make_unique<MediaFetcher>(file->src.url, m_fetch);
        connect(m_fetcher.get(), &MediaFetcher::finished, this,
                [this](const QString &path, const QString &error) {
                    if (!m_running)
                        return;
                    if (path.isEmpty())
                        objectFailed(QStringLiteral("fetching src: %1").arg(error));
                    else
                        runObject();
                });
        m_fetcher->start();
        return;
    }
    PlaceCallOptions options;
    options.from = dest.offerer.toUtf8();
    if (const auto *file = std::get_if<msml::FileObject>(&object)) {
        const QString name = dest.file.isEmpty() ? QFileInfo(file->src.path).fileName()
                                                 : QFileInfo(dest.file).fileName();
        auto described = describeFile(currentFile(), name, file->contentType.toUtf8(),
                                      QByteArrayLiteral("attachment"), m_random);
        if (!described) {
            objectFailed(described.error().detail);
            return;
        }
        options.file = *described;
        // Herald's receivers honour these (FileWriteMode); others ignore the attribute.
        if (file->append.value_or(false))
            options.mediaAttributes = {
                {"x-herald-write", fileWriteModeToken(FileWriteMode::Append)}};
        else if (file->overwrite.value_or(false))
            options.mediaAttributes = {
                {"x-herald-write", fileWriteModeToken(FileWriteMode::Overwrite)}};
    } else {
        const auto &message = std::get<msml::MessageObject>(object);
        options.acceptTypes = {message.contentType.isEmpty() ? QByteArrayLiteral("text/plain")
                                                             : message.contentType.toUtf8()};
    }
    auto placed = m_calls.placeCall(dest.answerer.toUtf8(), options);
    if (!placed) {
        objectFailed(placed.error().detail);
        return;
    }
    m_call = *placed;
    Result<QByteArray> sent = [&]() -> Result<QByteArray> {
        if (std::holds_alternative<msml::FileObject>(object))
            return m_call->sendFile(currentFile());
        const auto &message = std::get<msml::MessageObject>(object);
        return m_call->sendText(message.contentType.isEmpty() ? QByteArrayLiteral("text/plain")
                                                              : message.contentType.toUtf8(),
                                message.content.toUtf8());
    }();
    if (!sent) {
        objectFailed(sent.error().detail);
        return;
    }
    m_messageId = *sent;
    connect(m_call, &Call::deliveryChanged, this, [this](const msrp::MessageInfo &info) {
        if (!m_running || info.messageId != m_messageId)
            return;
        if (info.state == msrp::DeliveryState::Acknowledged ||
            info.state == msrp::DeliveryState::Delivered)
            objectSucceeded();
        else if (info.state == msrp::DeliveryState::Failed ||
                 info.state == msrp::DeliveryState::Aborted)
            objectFailed(QStringLiteral("MSRP %1 %2").arg(info.status).arg(info.reason));
    });
    qCInfo(lcService) << m_dialogId << "delivering" << objidOf(object) << "to" << dest.answerer;
}

void TransferExecutor::dropCall()
{
    m_messageId = QByteArray();
    // A fetch in progress or a fetched copy: gone with the attempt (its temporary file too).
    // Later, not now: this may run inside the fetcher's own finished().
    if (m_fetcher) {
        disconnect(m_fetcher.get(), nullptr, this, nullptr);
        m_fetcher.release()->deleteLater();
    }
    if (Call *call = m_call.data()) {
        disconnect(call, nullptr, this, nullptr);
        (void)m_calls.hangup(call->id());
    }
    m_call = nullptr;
}

void TransferExecutor::objectSucceeded()
{
    const msml::TransferObject &object = m_transfer.objects.at(m_index);
    // Every chunk acknowledged: the delivery is done; BYE ends the file session (RFC 5547 §9).
    dropCall();
    // Only a local source is deleted; an http(s) one belongs to its server, and the
    // temporary copy goes with the fetcher.
    // With iterate, the source is needed until its last round.
    if (const auto *file = std::get_if<msml::FileObject>(&object);
        file && file->deleteSource.value_or(false) &&
        file->src.scheme == msml::MediaSource::Scheme::File && isLastRound(m_round + 1)) {
        if (!QFile::remove(m_localFiles.value(m_index)))
            qCWarning(lcService) << m_dialogId << "cannot delete" << m_localFiles.value(m_index);
    }
    if (!fire(m_transfer.onObjectDone,
              {{QStringLiteral("transfer.objid"), objidOf(object)},
               {QStringLiteral("transfer.duration"), QString::number(msSince(m_objectStart))},
               {QStringLiteral("transfer.objstatus"), QStringLiteral("success")}}))
        return;
    ++m_index;
    m_attempt = 0;
    runObject();
}

void TransferExecutor::objectFailed(const QString &why)
{
    if (!m_running)
        return;
    const msml::TransferObject &object = m_transfer.objects.at(m_index);
    qCInfo(lcService) << m_dialogId << "object" << objidOf(object) << "failed:" << why;
    dropCall();
    const int retries = retryOf(object).value_or(m_transfer.retry.value_or(0));
    if (m_attempt < retries) {
        ++m_attempt;
        QTimer::singleShot(waitOf(object), this, &TransferExecutor::runObject);
        return;
    }
    exitWith(QStringLiteral("transfer.error"));
}

void TransferExecutor::stop(const QString &end)
{
    if (!m_running)
        return;
    dropCall();
    exitWith(end);
}

void TransferExecutor::exitWith(const QString &end)
{
    if (!m_running)
        return;
    m_maxtime.stop();
    // An <exit> in the exit handler ends the dialog as the handler would anyway.
    if (!fire(m_transfer.onExit,
              {{QStringLiteral("transfer.duration"), QString::number(msSince(m_transferStart))},
               {QStringLiteral("transfer.end"), end}}))
        return;
    m_running = false;
    qCInfo(lcService) << m_dialogId << "transfer ended:" << end;
    Q_EMIT finished(end);
}

bool TransferExecutor::isLastRound(int rounds) const
{
    if (rounds < 0)
        rounds = m_round;
    const msml::Iterate iterate = m_transfer.iterate.value_or(msml::Iterate{});
    return !iterate.unlimited && rounds >= std::max(1, iterate.count);
}

void TransferExecutor::exitDialog(const QString &end)
{
    // RFC 5707 §9.6.4: <exit> ends the dialog's execution there and then: no further object,
    // and no other handler runs (the <event name="moml.exit"> was the report).
    m_maxtime.stop();
    dropCall();
    m_running = false;
    qCInfo(lcService) << m_dialogId << "dialog exited:" << end;
    Q_EMIT finished(end);
}

bool TransferExecutor::fire(const std::optional<msml::ShadowHandler> &handler,
                            const QList<QPair<QString, QString>> &variables)
{
    if (!handler)
        return true;
    for (const msml::DialogAction &action : handler->actions) {
        msml::EventDocument doc;
        // RFC 5707 §7.4: the event of an <exit> is "moml.exit", of a <disconnect>
        // "moml.disconnect", with the namelist's values like a <send>'s.
        switch (action.kind) {
        case msml::DialogAction::Kind::Send:
            doc.name = action.event;
            break;
        case msml::DialogAction::Kind::Exit:
            doc.name = QStringLiteral("moml.exit");
            break;
        case msml::DialogAction::Kind::Disconnect:
            doc.name = QStringLiteral("moml.disconnect");
            break;
        }
        doc.id = m_dialogId;
        for (const QString &name : action.namelist) {
            QString value;
            for (const auto &[variable, v] : variables)
                if (variable == name)
                    value = v;
            doc.values.append({name, value});
        }
        Q_EMIT event(doc);
        if (action.kind != msml::DialogAction::Kind::Send) {
            exitDialog(doc.name);
            return false;
        }
    }
    return true;
}

} // namespace herald::service
