// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/call.h"

#include "engine/core/logging.h"
#include "engine/service/imsession.h"

namespace herald::service {

Call::Call(Id id, CallDirection direction, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_direction(direction)
    , m_state(initialCallState(direction))
{}

Call::~Call() = default;

Result<QByteArray> Call::sendText(QByteArray contentType, QByteArray body,
                                  msrp::SendOptions options)
{
    if (isFinal(m_state) || m_state == CallState::Ending)
        return fail(ErrorCode::Conflict, QStringLiteral("The call is over"));
    if (!m_session || msrp::isFinal(m_session->state()))
        return fail(ErrorCode::NotFound, QStringLiteral("The call has no MSRP session"));
    const QByteArray type = contentType;
    const QByteArray text = body;
    QByteArray id;
    if (m_im) {
        auto sent = m_im->sendText(std::move(contentType), std::move(body), std::move(options));
        if (!sent)
            return sent;
        id = *sent;
    } else {
        id = m_session->sendText(std::move(contentType), std::move(body), std::move(options));
    }
    Q_EMIT messageQueued(id, type, text, QString());
    return id;
}

Result<void> Call::setComposing(bool composing)
{
    if (isFinal(m_state) || m_state == CallState::Ending)
        return fail(ErrorCode::Conflict, QStringLiteral("The call is over"));
    if (!m_im || !m_session || msrp::isFinal(m_session->state()))
        return fail(ErrorCode::NotFound, QStringLiteral("The call has no MSRP session"));
    return m_im->setComposing(composing);
}

ComposingState Call::remoteComposing() const
{
    return m_im ? m_im->remoteComposing() : ComposingState::Idle;
}

QString Call::nickname() const
{
    return m_im ? m_im->nickname() : m_nickname;
}

void Call::setNickname(const QString &nickname)
{
    m_nickname = nickname;
    if (m_im)
        m_im->setNickname(nickname);
}

Result<void> Call::markDisplayed(const QByteArray &messageId)
{
    if (!m_im)
        return fail(ErrorCode::NotFound, QStringLiteral("The call has no MSRP session"));
    return m_im->markDisplayed(messageId);
}

std::optional<Disposition> Call::disposition(const QByteArray &messageId) const
{
    return m_im ? m_im->disposition(messageId) : std::nullopt;
}

Result<QByteArray> Call::sendFile(const QString &path, QByteArray contentType,
                                  msrp::SendOptions options)
{
    if (isFinal(m_state) || m_state == CallState::Ending)
        return fail(ErrorCode::Conflict, QStringLiteral("The call is over"));
    if (!m_session || msrp::isFinal(m_session->state()))
        return fail(ErrorCode::NotFound, QStringLiteral("The call has no MSRP session"));
    // RFC 5547 §8.2.1: the SEND carries the file with the type the file-selector announced.
    if (contentType.isEmpty() && m_offer.media.size() == 1)
        if (const sdp::Attribute *selector = m_offer.media.first().attribute("file-selector");
            selector && selector->value)
            if (auto parsed = sdp::FileSelector::parse(*selector->value); parsed && parsed->type)
                contentType = *parsed->type;
    if (contentType.isEmpty())
        contentType = QByteArrayLiteral("application/octet-stream");
    const QByteArray type = contentType;
    auto id = m_session->sendFile(path, std::move(contentType), std::move(options));
    if (id)
        Q_EMIT messageQueued(*id, type, QByteArray(), path);
    return id;
}

bool Call::apply(CallEvent event)
{
    const std::optional<CallState> next = nextCallState(m_direction, m_state, event);
    if (!next)
        return false;
    if (*next != m_state) {
        qCDebug(lcService) << "call" << m_id << event << m_state << "->" << *next;
        m_state = *next;
        Q_EMIT stateChanged(m_state);
    }
    return true;
}

void Call::attachSession(msrp::Session *session)
{
    m_session = session;
    connect(session, &msrp::Session::messageReceived, this, &Call::messageReceived);
    connect(session, &msrp::Session::outgoingChanged, this, &Call::deliveryChanged);
    connect(session, &msrp::Session::stateChanged, this, &Call::sessionStateChanged);
}

void Call::startIm(Clock &clock, RandomSource &random, const QString &nickname)
{
    Q_ASSERT(!m_im && m_session);
    if (m_nickname.isEmpty())
        m_nickname = nickname;
    m_im = new ImSession(*this, clock, random, m_nickname);
    connect(m_im, &ImSession::textReceived, this, &Call::textReceived);
    connect(m_im, &ImSession::remoteComposingChanged, this, &Call::remoteComposingChanged);
    connect(m_im, &ImSession::dispositionChanged, this, &Call::dispositionChanged);
}

void Call::closeSession(const QString &reason)
{
    if (m_session && !msrp::isFinal(m_session->state()))
        m_session->close(reason);
}

} // namespace herald::service
