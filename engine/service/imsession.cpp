// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/imsession.h"

#include "engine/core/clock.h"
#include "engine/core/logging.h"
#include "engine/im/imdn.h"
#include "engine/im/iscomposing.h"
#include "engine/msrp/session/msrpsession.h"
#include "engine/ng911/nameaddr.h"
#include "engine/service/call.h"
#include "engine/service/messageformats.h"

#include <chrono>

namespace herald::service {

namespace {

// Remote input decides how many messages ask for a display notification, and a long call may
// send many texts: the maps that remember them keep the newest this many.
constexpr qsizetype maxRemembered = 1024;

constexpr QByteArrayView cpimType = "message/cpim";

// The URI of a From/To value or request target ("Name" <sip:a@b>;tag=x, or a bare URI).
QByteArray uriOf(const QByteArray &value)
{
    if (auto parsed = ng911::parseNameAddr(value, true); parsed && !parsed->uri.isEmpty())
        return parsed->uri;
    return value.trimmed();
}

int rank(Disposition d)
{
    switch (d) {
    case Disposition::Requested:
        return 0;
    case Disposition::Delivered:
    case Disposition::Failed:
        return 1;
    case Disposition::Displayed:
        return 2;
    }
    return 0;
}

} // namespace

ImSession::ImSession(Call &call, Clock &clock, RandomSource &random, QString nickname,
                     ComposingTimers timers)
    : QObject(&call)
    , m_call(call)
    , m_clock(clock)
    , m_ids(random)
    , m_nickname(std::move(nickname))
    , m_tracker(timers)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ImSession::onTimer);
    if (msrp::Session *session = m_call.session())
        connect(session, &msrp::Session::messageReceived, this, &ImSession::onMessageReceived);
}

ImSession::~ImSession() = default;

im::CpimAddress ImSession::localAddress() const
{
    return im::CpimAddress{m_nickname, uriOf(m_call.localUri())};
}

im::CpimAddress ImSession::remoteAddress() const
{
    return im::CpimAddress{QString(), uriOf(m_call.remoteUri())};
}

Result<QByteArray> ImSession::sendText(QByteArray contentType, QByteArray body,
                                       msrp::SendOptions options)
{
    msrp::Session *session = m_call.session();
    if (!session)
        return fail(ErrorCode::NotFound, QStringLiteral("The call has no MSRP session"));
    const bool wrap =
        m_call.negotiated() && MessageFormats(*m_call.negotiated()).wraps(contentType);
    QByteArray imdnId;
    if (wrap) {
        im::CpimMessage cpim;
        cpim.from = localAddress();
        cpim.to = {remoteAddress()};
        // RFC 5438 §6.3: a message asking for notifications carries a DateTime.
        cpim.dateTime = m_clock.wallNow();
        cpim.contentType = contentType;
        cpim.body = body;
        imdnId = m_ids.messageId();
        im::DispositionRequest request;
        request.positiveDelivery = true;
        request.display = true;
        im::requestDisposition(cpim, imdnId, request);
        auto wrapped = im::serializeCpim(cpim);
        if (!wrapped)
            return tl::unexpected(wrapped.error());
        contentType = cpimType.toByteArray();
        body = *wrapped;
    }
    QByteArray id = session->sendText(std::move(contentType), std::move(body), std::move(options));
    m_tracker.messageSent();
    rearm();
    if (wrap) {
        m_sentByImdnId.insert(imdnId, id);
        m_dispositions.insert(id, Disposition::Requested);
        m_sentOrder.append(imdnId);
        if (m_sentOrder.size() > maxRemembered) {
            const QByteArray oldest = m_sentOrder.takeFirst();
            m_dispositions.remove(m_sentByImdnId.take(oldest));
        }
        Q_EMIT dispositionChanged(id, Disposition::Requested);
    }
    return id;
}

Result<void> ImSession::setComposing(bool composing)
{
    if (!m_call.session())
        return fail(ErrorCode::NotFound, QStringLiteral("The call has no MSRP session"));
    const auto send = composing ? m_tracker.typed(m_clock.now()) : m_tracker.stopped();
    sendStatus(send);
    rearm();
    return {};
}

std::optional<Disposition> ImSession::disposition(const QByteArray &messageId) const
{
    if (auto it = m_dispositions.constFind(messageId); it != m_dispositions.cend())
        return *it;
    return std::nullopt;
}

Result<void> ImSession::markDisplayed(const QByteArray &messageId)
{
    const auto it = m_displayable.constFind(messageId);
    if (it == m_displayable.cend())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("Message %1 asked for no display notification")
                        .arg(QString::fromUtf8(messageId)));
    const Displayable d = *it;
    m_displayable.erase(it);
    m_displayableOrder.removeOne(messageId);
    if (!m_call.session())
        return fail(ErrorCode::NotFound, QStringLiteral("The call has no MSRP session"));
    sendNotification(d.from, d.imdnMessageId, d.sent, true);
    return {};
}

void ImSession::sendControl(const QByteArray &contentType, const QByteArray &body, bool allowBare)
{
    msrp::Session *session = m_call.session();
    if (!session || !m_call.negotiated() || msrp::isFinal(session->state()))
        return;
    const MessageFormats formats(*m_call.negotiated());
    if (allowBare && formats.takesBare(contentType)) {
        session->sendText(contentType, body);
        return;
    }
    if (!formats.wraps(contentType)) {
        qCDebug(lcService) << "call" << m_call.id() << "peer takes no" << contentType;
        return;
    }
    im::CpimMessage cpim;
    cpim.from = localAddress();
    cpim.to = {remoteAddress()};
    cpim.dateTime = m_clock.wallNow();
    cpim.contentType = contentType;
    cpim.body = body;
    if (auto wrapped = im::serializeCpim(cpim))
        session->sendText(cpimType.toByteArray(), *wrapped);
    else
        qCWarning(lcService) << "call" << m_call.id() << "cannot wrap" << contentType << ":"
                             << wrapped.error().detail;
}

void ImSession::sendStatus(ComposingTracker::Send send)
{
    if (send == ComposingTracker::Send::Nothing)
        return;
    im::IsComposing status;
    status.state = send == ComposingTracker::Send::Active ? im::IsComposing::State::Active
                                                          : im::IsComposing::State::Idle;
    if (status.isActive()) {
        status.contentType = QByteArrayLiteral("text/plain");
        status.refreshSeconds = m_tracker.advertisedRefreshSeconds();
    } else {
        // RFC 3994 §3.4: lastactive tells when the composer was last active.
        status.lastActive = m_clock.wallNow();
    }
    sendControl(im::isComposingMediaType.toByteArray(), im::serializeIsComposing(status), true);
}

void ImSession::sendNotification(const im::CpimAddress &to, const QByteArray &imdnMessageId,
                                 const QDateTime &sent, bool display)
{
    im::ImdnNotification n;
    n.messageId = imdnMessageId;
    n.dateTime = sent;
    n.recipientUri = localAddress().uri;
    n.kind = display ? im::ImdnNotification::Kind::Display : im::ImdnNotification::Kind::Delivery;
    n.status =
        display ? im::ImdnNotification::Status::Displayed : im::ImdnNotification::Status::Delivered;
    const im::CpimMessage cpim =
        im::notificationMessage(localAddress(), to, n, m_ids.messageId(), m_clock.wallNow());
    msrp::Session *session = m_call.session();
    if (!session || msrp::isFinal(session->state()))
        return;
    // RFC 5438 §7.1.1: the notification goes inside CPIM, whatever the peer's wrapped types
    // say: it asked for it in a CPIM message.
    if (auto wrapped = im::serializeCpim(cpim))
        session->sendText(cpimType.toByteArray(), *wrapped);
    else
        qCWarning(lcService) << "call" << m_call.id()
                             << "cannot wrap an IMDN:" << wrapped.error().detail;
}

void ImSession::applyNotification(const im::ImdnNotification &notification)
{
    const QByteArray id = m_sentByImdnId.value(notification.messageId);
    if (id.isEmpty()) {
        qCDebug(lcService) << "call" << m_call.id() << "IMDN for an unknown message"
                           << notification.messageId;
        return;
    }
    using Status = im::ImdnNotification::Status;
    std::optional<Disposition> reported;
    switch (notification.kind) {
    case im::ImdnNotification::Kind::Delivery:
        reported =
            notification.status == Status::Delivered ? Disposition::Delivered : Disposition::Failed;
        break;
    case im::ImdnNotification::Kind::Display:
        // A display forbidden or in error says nothing about delivery (RFC 5438 §7.2.1.2).
        if (notification.status == Status::Displayed)
            reported = Disposition::Displayed;
        break;
    case im::ImdnNotification::Kind::Processing:
        break; // never requested
    }
    const Disposition current = m_dispositions.value(id, Disposition::Requested);
    // Notifications may arrive out of order (a display before the delivery); keep the
    // furthest.
    if (!reported || *reported == current || rank(*reported) < rank(current))
        return;
    m_dispositions.insert(id, *reported);
    Q_EMIT dispositionChanged(id, *reported);
}

void ImSession::onMessageReceived(const msrp::ReceivedMessage &message)
{
    MessageFormats::Incoming in = MessageFormats::classify(message, uriOf(m_call.remoteUri()));
    switch (in.kind) {
    case MessageFormats::Incoming::Kind::Ignored:
        if (in.problem)
            qCInfo(lcService) << "call" << m_call.id() << "ignored" << message.contentType
                              << "message:" << in.problem->detail;
        return;
    case MessageFormats::Incoming::Kind::Composing: {
        const ComposingState state =
            in.composing->isActive() ? ComposingState::Active : ComposingState::Idle;
        const bool changed =
            m_tracker.statusReceived(state, in.composing->refreshSeconds, m_clock.now());
        rearm();
        if (changed)
            Q_EMIT remoteComposingChanged(state);
        return;
    }
    case MessageFormats::Incoming::Kind::Notification:
        applyNotification(*in.notification);
        return;
    case MessageFormats::Incoming::Kind::Text:
        break;
    }
    // RFC 3994 §3.3: a content message ends the sender's composing state.
    if (m_tracker.contentReceived()) {
        rearm();
        Q_EMIT remoteComposingChanged(ComposingState::Idle);
    }
    const ReceivedText &text = in.text;
    // RFC 5438 §7.1.1 / §6.3: answer a delivery request at once; a display request when the
    // application says the text was shown (markDisplayed).
    if (text.isReadable() && !text.imdnMessageId.isEmpty()) {
        if (in.request.positiveDelivery)
            sendNotification(in.from, text.imdnMessageId, in.dateTime, false);
        if (text.displayRequested) {
            m_displayable.insert(text.messageId, {text.imdnMessageId, in.dateTime, in.from});
            m_displayableOrder.append(text.messageId);
            if (m_displayableOrder.size() > maxRemembered)
                m_displayable.remove(m_displayableOrder.takeFirst());
        }
    }
    Q_EMIT textReceived(text);
}

void ImSession::onTimer()
{
    const ComposingTracker::Expiry expiry = m_tracker.expire(m_clock.now());
    sendStatus(expiry.send);
    rearm();
    if (expiry.remoteChanged)
        Q_EMIT remoteComposingChanged(ComposingState::Idle);
}

void ImSession::rearm()
{
    const auto next = m_tracker.nextDeadline();
    if (!next) {
        m_timer.stop();
        return;
    }
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*next - m_clock.now());
    m_timer.start(std::max(wait, std::chrono::milliseconds(0)));
}

} // namespace herald::service
