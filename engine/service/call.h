// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/msrp/session/msrpsession.h"
#include "engine/ng911/emergencycalldata.h"
#include "engine/sdp/offeranswer.h"
#include "engine/sdp/sessiondescription.h"
#include "engine/service/callstatemachine.h"
#include "engine/service/filespool.h"
#include "engine/service/imtypes.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

namespace herald {
class Clock;
class RandomSource;
} // namespace herald

namespace herald::service {

class CallManager;
class ImSession;

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
    // Where a new request to the peer goes: the Contact of its INVITE (RFC 3261 §12.1.1, the
    // remote target) for an inbound call, our INVITE's target for an outbound one.
    const QByteArray &remoteTarget() const { return m_remoteTarget; }
    // The SIP Call-ID header value (RFC 3261 §8.1.1.4); for an outbound call, empty until the
    // final response to its INVITE (read from that response) came.
    const QByteArray &sipCallId() const { return m_sipCallId; }
    // The transport an incoming INVITE came over ("UDP", "TCP", "TLS"; from its top Via).
    const QByteArray &sipTransport() const { return m_sipTransport; }
    // Raw header values of an incoming INVITE, every occurrence: RFC 3325, RFC 6442, RFC 7852.
    const QList<QByteArray> &pAssertedIdentity() const { return m_pAssertedIdentity; }
    const QList<QByteArray> &geolocation() const { return m_geolocation; }
    const QList<QByteArray> &callInfo() const { return m_callInfo; }
    // What those headers and the INVITE body say about an emergency caller: service URN,
    // callback number, locations and additional data (EmergencyDataFetcher fills in the
    // by-reference ones later; emergencyDataChanged() tells when).
    const ng911::EmergencyCallData &emergencyData() const { return m_emergencyData; }

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
    // Streams a file from disk on the MSRP session of a file offer (RFC 5547 §8.2.1); returns
    // its Message-ID. The content type is the offer's file-selector type when empty. Also
    // used for a file sent on a message session (REST msg_payload_uri); messageQueued() follows.
    Result<QByteArray> sendFile(const QString &path, QByteArray contentType = {},
                                msrp::SendOptions options = {});
    // A control-only dialog (CallManager::controlDialogOpened): INFO, no MSRP session.
    bool isControlOnly() const { return m_controlOnly; }

    // Instant-message layer (ImSession). sendText() wraps content in Message/CPIM (RFC 3862)
    // when offer/answer negotiated it (the peer's accept-types admit message/cpim and it sent
    // a=accept-wrapped-types), From our URI with nickname() (RFC 7701), To the peer, with a
    // DateTime and an IMDN request for delivery and display (RFC 5438 §6); messageQueued()
    // then carries the content, not the wrapper.
    // RFC 3994 §3.2: the local user is typing (true) or stopped without sending (false). Sends
    // the active and idle status messages, refreshes active and falls idle after 15 s without
    // another call, as the RFC's timers say; a sent text ends composing by itself.
    Result<void> setComposing(bool composing);
    // Whether the peer is typing (RFC 3994 §3.3); remoteComposingChanged() tells changes.
    ComposingState remoteComposing() const;
    // The RFC 7701 nickname in the CPIM From of what we send; EngineConfig::imNickname unless
    // set for this call. Empty: none.
    QString nickname() const;
    void setNickname(const QString &nickname);
    // RFC 5438 §7: tells the peer that a received text (by the MSRP Message-ID of
    // ReceivedText) was shown; fails when it asked for no display notification.
    Result<void> markDisplayed(const QByteArray &messageId);
    // The IMDN state of a text we sent (by the Message-ID sendText() returned); none when it
    // asked for no notification (sent bare).
    std::optional<Disposition> disposition(const QByteArray &messageId) const;

Q_SIGNALS:
    void stateChanged(herald::service::CallState state);
    // Forwarded from the MSRP session.
    void messageReceived(const herald::msrp::ReceivedMessage &message);
    void deliveryChanged(const herald::msrp::MessageInfo &info);
    // sendText() or sendFile() queued a message (after the session's outgoingChanged for its
    // Queued state): the store records each outgoing message once from this. body is empty
    // and filePath set for a file.
    void messageQueued(const QByteArray &messageId, const QByteArray &contentType,
                       const QByteArray &body, const QString &filePath);
    void sessionStateChanged(herald::msrp::SessionState state);
    // A by-reference location or additional-data document arrived, or failed to.
    void emergencyDataChanged();
    // A message for the person arrived (not an isComposing status nor an IMDN), after
    // messageReceived() for the same SEND: for CPIM the encapsulated content type and body,
    // the sender's URI and nickname; an unreadable wrapper comes with problem set and the
    // raw bytes as body.
    void textReceived(const herald::service::ReceivedText &text);
    // The peer started or stopped typing: an isComposing status arrived, its active state
    // lapsed (its refresh, or 120 s), or a text from it arrived (RFC 3994 §3.3).
    void remoteComposingChanged(herald::service::ComposingState state);
    // A text we sent moved on: Requested when sent wrapped, then Delivered, Displayed or
    // Failed as the peer's IMDNs tell (RFC 5438 §7); messageId as sendText() returned it.
    void dispositionChanged(const QByteArray &messageId, herald::service::Disposition disposition);

private:
    friend class CallManager;
    friend class EmergencyDataFetcher;

    Call(Id id, CallDirection direction, QObject *parent);

    // Applies the event; false (and no change) when it does not apply in this state.
    bool apply(CallEvent event);
    void attachSession(msrp::Session *session);
    // Starts the instant-message layer on the attached session (after attachSession()).
    void startIm(Clock &clock, RandomSource &random, const QString &nickname);
    // Closes the MSRP session if it is still open (BYE, CANCEL, rejection).
    void closeSession(const QString &reason);

    Id m_id;
    CallDirection m_direction;
    CallState m_state;
    QByteArray m_remoteUri;
    QByteArray m_localUri;
    QByteArray m_remoteTarget;
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
    bool m_controlOnly = false;
    FileWriteMode m_fileWriteMode = FileWriteMode::New;
    QByteArray m_failureReason;
    QByteArray m_failureWarning;
    ng911::EmergencyCallData m_emergencyData;
    ImSession *m_im = nullptr; // child; null for control-only dialogs
    QString m_nickname;        // before startIm()
};

} // namespace herald::service
