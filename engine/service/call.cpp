// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/call.h"

#include "engine/core/logging.h"

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
    return m_session->sendText(std::move(contentType), std::move(body), std::move(options));
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

void Call::closeSession(const QString &reason)
{
    if (m_session && !msrp::isFinal(m_session->state()))
        m_session->close(reason);
}

} // namespace herald::service
