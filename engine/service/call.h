// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/msrp/session/msrpsession.h"
#include "engine/sdp/offeranswer.h"
#include "engine/sdp/sessiondescription.h"
#include "engine/service/callstatemachine.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

namespace herald::service {

class CallManager;

// One MSRP call: a SIP INVITE dialog and the MSRP session negotiated in it. Owned by the
// CallManager, which drives it; the application reads it and sends texts through it. It is
// deleted after the event-loop turn in which CallManager::callEnded() reported it.
class Call : public QObject
{
    Q_OBJECT

public:
    // The engine/sip CallId of the dialog: never 0, never reused within one engine.
    using Id = quint64;

    ~Call() override;

    Id id() const { return m_id; }
    CallDirection direction() const { return m_direction; }
    CallState state() const { return m_state; }
    // The peer (From of an incoming INVITE, the target of ours) and us (the To / our From),
    // as written on the wire.
    const QByteArray &remoteUri() const { return m_remoteUri; }
    const QByteArray &localUri() const { return m_localUri; }
    // The SIP Call-ID header value (RFC 3261 §8.1.1.4); empty for outbound calls until known.
    const QByteArray &sipCallId() const { return m_sipCallId; }
    // The transport an incoming INVITE came over ("UDP", "TCP", "TLS"; from its top Via).
    const QByteArray &sipTransport() const { return m_sipTransport; }
    // Raw header values of an incoming INVITE, every occurrence: RFC 3325, RFC 6442, RFC 7852.
    const QList<QByteArray> &pAssertedIdentity() const { return m_pAssertedIdentity; }
    const QList<QByteArray> &geolocation() const { return m_geolocation; }
    const QList<QByteArray> &callInfo() const { return m_callInfo; }

    // The MSRP session; null once it has ended (the endpoint deletes it).
    msrp::Session *session() const { return m_session.data(); }
    // What offer/answer agreed, once it did.
    const std::optional<sdp::NegotiatedMsrp> &negotiated() const { return m_negotiated; }

    // Why an outbound call failed: the SIP status of the final response (0 for a local
    // failure), its reason phrase and its Warning header (RFC 3261 §20.43).
    int failureStatus() const { return m_failureStatus; }
    const QByteArray &failureReason() const { return m_failureReason; }
    const QByteArray &failureWarning() const { return m_failureWarning; }

    // Queues a text on the MSRP session (sent once the session is bound); returns its
    // Message-ID. Fails when the call has no session or is over.
    Result<QByteArray> sendText(QByteArray contentType, QByteArray body,
                                msrp::SendOptions options = {});

Q_SIGNALS:
    void stateChanged(herald::service::CallState state);
    // Forwarded from the MSRP session.
    void messageReceived(const herald::msrp::ReceivedMessage &message);
    void deliveryChanged(const herald::msrp::MessageInfo &info);
    void sessionStateChanged(herald::msrp::SessionState state);

private:
    friend class CallManager;

    Call(Id id, CallDirection direction, QObject *parent);

    // Applies the event; false (and no change) when it does not apply in this state.
    bool apply(CallEvent event);
    void attachSession(msrp::Session *session);
    // Closes the MSRP session if it is still open (BYE, CANCEL, rejection).
    void closeSession(const QString &reason);

    Id m_id;
    CallDirection m_direction;
    CallState m_state;
    QByteArray m_remoteUri;
    QByteArray m_localUri;
    QByteArray m_sipCallId;
    QByteArray m_sipTransport;
    QList<QByteArray> m_pAssertedIdentity;
    QList<QByteArray> m_geolocation;
    QList<QByteArray> m_callInfo;
    QPointer<msrp::Session> m_session;
    std::optional<sdp::NegotiatedMsrp> m_negotiated;
    msrp::Path m_remotePath;
    // Inbound: the answer waiting for answer(); outbound: the offer acceptAnswer() checks.
    QByteArray m_answerBody;
    sdp::SessionDescription m_offer;
    int m_failureStatus = 0;
    QByteArray m_failureReason;
    QByteArray m_failureWarning;
};

} // namespace herald::service
