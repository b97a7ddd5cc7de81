// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/msrp/session/msrpsession.h"
#include "engine/sdp/offeranswer.h"
#include "engine/service/imtypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace herald {
class RandomSource;
}
namespace herald::msrp {
class Endpoint;
}

namespace herald::service {

struct EngineConfig;

// A 3PCC MSRP session (DESIGN.md §1 "Both emergency-text modes"): the application does the SIP
// and hands Herald the remote SDP offer; Herald answers it with its own SDP and carries only
// the MSRP media. No dialog exists, so the session ends when the application closes it or when
// the MSRP connection goes away. Owned by ThirdPartySessions.
class ThirdPartySession : public QObject
{
    Q_OBJECT

public:
    using Id = quint64;

    Id id() const { return m_id; }
    // Herald's SDP answer, to be sent to the peer by the application.
    const QByteArray &localSdp() const { return m_localSdp; }
    const sdp::NegotiatedMsrp &negotiated() const { return m_negotiated; }
    // Null once the MSRP session has ended.
    msrp::Session *session() const { return m_session.data(); }
    // The peer's MSRP URI (last hop of its path), as written in its SDP.
    QByteArray remoteUri() const;

    // Queues a text on the session; returns its Message-ID (messageQueued() follows).
    Result<QByteArray> sendText(QByteArray contentType, QByteArray body,
                                msrp::SendOptions options = {});
    // Queues a file, streamed from disk (RFC 4975 §7.1); messageQueued() follows with its path.
    Result<QByteArray> sendFile(const QString &path, QByteArray contentType,
                                msrp::SendOptions options = {});

Q_SIGNALS:
    // Every complete message, once admitted (stored first when the engine has a store).
    void messageReceived(const herald::msrp::ReceivedMessage &message);
    // A message for the person (not an isComposing status nor an IMDN), after
    // messageReceived(): as Call::textReceived, CPIM unwrapped (RFC 3862).
    void textReceived(const herald::service::ReceivedText &text);
    // sendText() or sendFile() queued a message: as Call::messageQueued, the store records it from
    // this.
    void messageQueued(const QByteArray &messageId, const QByteArray &contentType,
                       const QByteArray &body, const QString &filePath);
    void deliveryChanged(const herald::msrp::MessageInfo &info);
    void sessionStateChanged(herald::msrp::SessionState state);

private:
    friend class ThirdPartySessions;
    ThirdPartySession(Id id, QObject *parent)
        : QObject(parent)
        , m_id(id)
    {}

    Id m_id;
    QByteArray m_localSdp;
    sdp::NegotiatedMsrp m_negotiated;
    QPointer<msrp::Session> m_session;
};

// The registry of 3PCC sessions over the engine's MSRP endpoint.
class ThirdPartySessions : public QObject
{
    Q_OBJECT

public:
    ThirdPartySessions(msrp::Endpoint &msrp, const EngineConfig &config, RandomSource &random,
                       QObject *parent = nullptr);
    ~ThirdPartySessions() override;

    // Answers `remoteOffer` (RFC 3264 §6, RFC 6135 §4.2) and sets the MSRP session up as
    // negotiated: passive waits for the peer's SEND, active connects. Malformed SDP and offers
    // without a usable MSRP stream are refused (ErrorCode::Malformed / Unsupported).
    Result<ThirdPartySession *> create(const QByteArray &remoteOffer);
    ThirdPartySession *session(ThirdPartySession::Id id) const { return m_sessions.value(id); }
    QList<ThirdPartySession *> sessions() const { return m_sessions.values(); }
    // Closes the MSRP session (its connection goes when no other session uses it).
    Result<void> close(ThirdPartySession::Id id, const QString &reason = QStringLiteral("closed"));

Q_SIGNALS:
    // A new session, emitted before its MSRP session connects or accepts a connection: a
    // receive gate installed now sees every message.
    void sessionCreated(herald::service::ThirdPartySession *session);
    // The session ended (closed here, or its MSRP session was lost); deleted after this turn.
    void sessionEnded(herald::service::ThirdPartySession *session, const QString &reason);

private:
    void onSessionClosed(ThirdPartySession::Id id, const QString &reason);

    msrp::Endpoint &m_msrp;
    const EngineConfig &m_config;
    RandomSource &m_random;
    ThirdPartySession::Id m_nextId = 1;
    QHash<ThirdPartySession::Id, ThirdPartySession *> m_sessions;
};

} // namespace herald::service
