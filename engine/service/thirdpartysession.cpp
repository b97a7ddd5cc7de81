// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/thirdpartysession.h"

#include "engine/core/logging.h"
#include "engine/core/randomsource.h"
#include "engine/msrp/session/msrpendpoint.h"
#include "engine/service/engineconfig.h"
#include "engine/service/messageformats.h"

namespace herald::service {

QByteArray ThirdPartySession::remoteUri() const
{
    return m_negotiated.remotePath.isEmpty() ? QByteArray() : m_negotiated.remotePath.last();
}

Result<QByteArray> ThirdPartySession::sendText(QByteArray contentType, QByteArray body,
                                               msrp::SendOptions options)
{
    if (!m_session || msrp::isFinal(m_session->state()))
        return fail(ErrorCode::Conflict, QStringLiteral("3PCC session %1 has ended").arg(m_id));
    const QByteArray id = m_session->sendText(contentType, body, std::move(options));
    Q_EMIT messageQueued(id, contentType, body, {});
    return id;
}

Result<QByteArray> ThirdPartySession::sendFile(const QString &path, QByteArray contentType,
                                               msrp::SendOptions options)
{
    if (!m_session || msrp::isFinal(m_session->state()))
        return fail(ErrorCode::Conflict, QStringLiteral("3PCC session %1 has ended").arg(m_id));
    if (contentType.isEmpty())
        contentType = QByteArrayLiteral("application/octet-stream");
    const QByteArray type = contentType;
    auto id = m_session->sendFile(path, std::move(contentType), std::move(options));
    if (id)
        Q_EMIT messageQueued(*id, type, QByteArray(), path);
    return id;
}

ThirdPartySessions::ThirdPartySessions(msrp::Endpoint &msrp, const EngineConfig &config,
                                       RandomSource &random, QObject *parent)
    : QObject(parent)
    , m_msrp(msrp)
    , m_config(config)
    , m_random(random)
{}

ThirdPartySessions::~ThirdPartySessions()
{
    const auto sessions = m_sessions;
    m_sessions.clear();
    for (ThirdPartySession *s : sessions)
        if (s->session())
            s->session()->close(QStringLiteral("engine stopped"));
}

Result<ThirdPartySession *> ThirdPartySessions::create(const QByteArray &remoteOffer)
{
    // Remote SDP is parsed by herald_sdp only, never by sofia (PLATFORM.md §10).
    auto offer = sdp::SessionDescription::parse(remoteOffer);
    if (!offer)
        return tl::unexpected(offer.error());

    msrp::SessionOptions options;
    options.acceptTypes = m_config.msrpAcceptTypes;
    msrp::Session *session = m_msrp.createSession(std::move(options));

    sdp::LocalCapabilities local;
    local.sessionId = m_random.next64() >> 1; // a positive decimal for every parser
    local.sessionVersion = local.sessionId;
    QByteArray host = m_msrp.config().advertisedHost;
    if (host.isEmpty())
        host = m_msrp.serverAddress().toString().toUtf8();
    if (host.startsWith('[') && host.endsWith(']')) // c= holds IPv6 without brackets
        host = host.mid(1, host.size() - 2);
    local.address = host;
    local.port = m_msrp.serverPort();
    local.path = {session->localUriText()};
    local.acceptTypes = m_config.msrpAcceptTypes;
    local.setupOnActpass = m_config.msrpActiveOnActpass ? sdp::Setup::Active : sdp::Setup::Passive;
    local.acceptFileTransfers = false;
    auto answer = sdp::answerOffer(*offer, local);
    if (!answer || !answer->msrp) {
        session->close(QStringLiteral("offer refused"));
        return answer
                   ? fail(ErrorCode::Unsupported, QStringLiteral("no active MSRP stream offered"))
                   : tl::unexpected(answer.error());
    }
    msrp::Path remotePath;
    for (const QByteArray &text : answer->msrp->remotePath) {
        auto uri = msrp::Uri::parse(text);
        if (!uri) {
            session->close(QStringLiteral("offer refused"));
            return tl::unexpected(uri.error());
        }
        remotePath.append(*uri);
    }
    auto body = answer->sdp.toCheckedBytes();
    if (!body || remotePath.isEmpty()) {
        session->close(QStringLiteral("offer refused"));
        return body ? fail(ErrorCode::Malformed, QStringLiteral("empty a=path"))
                    : tl::unexpected(body.error());
    }

    const ThirdPartySession::Id id = m_nextId++;
    auto *tp = new ThirdPartySession(id, this);
    tp->m_localSdp = *body;
    tp->m_negotiated = *answer->msrp;
    tp->m_session = session;
    connect(session, &msrp::Session::messageReceived, tp,
            [tp](const msrp::ReceivedMessage &message) {
                Q_EMIT tp->messageReceived(message);
                // No IM layer on a 3PCC session: statuses and notifications are not texts.
                const auto in = MessageFormats::classify(message, tp->remoteUri());
                if (in.kind == MessageFormats::Incoming::Kind::Text)
                    Q_EMIT tp->textReceived(in.text);
            });
    connect(session, &msrp::Session::outgoingChanged, tp, &ThirdPartySession::deliveryChanged);
    connect(session, &msrp::Session::stateChanged, tp, &ThirdPartySession::sessionStateChanged);
    connect(session, &msrp::Session::closed, this,
            [this, id](const QString &reason) { onSessionClosed(id, reason); });
    m_sessions.insert(id, tp);
    qCInfo(lcService) << "3PCC session" << id << "answered; local"
                      << (tp->m_negotiated.localIsActive ? "active" : "passive");
    Q_EMIT sessionCreated(tp);
    // RFC 6135 §4.2 / RFC 4975 §5.4: the active end connects and binds with a SEND. There is
    // no ACK to wait for here: the application sends our answer on its own.
    if (tp->m_negotiated.localIsActive)
        m_msrp.connectSession(session, remotePath);
    else
        m_msrp.acceptSession(session, remotePath);
    return tp;
}

Result<void> ThirdPartySessions::close(ThirdPartySession::Id id, const QString &reason)
{
    ThirdPartySession *tp = m_sessions.value(id);
    if (!tp)
        return fail(ErrorCode::NotFound, QStringLiteral("No 3PCC session %1").arg(id));
    if (tp->session())
        tp->session()->close(reason); // emits closed(): onSessionClosed ends it
    else
        onSessionClosed(id, reason);
    return {};
}

void ThirdPartySessions::onSessionClosed(ThirdPartySession::Id id, const QString &reason)
{
    ThirdPartySession *tp = m_sessions.take(id);
    if (!tp)
        return;
    qCInfo(lcService) << "3PCC session" << id << "ended:" << reason;
    Q_EMIT sessionEnded(tp, reason);
    tp->deleteLater();
}

} // namespace herald::service
