// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/messageformats.h"

#include "engine/sdp/accepttypes.h"

namespace herald::service {

namespace {

constexpr QByteArrayView cpimType = "message/cpim";

QByteArray baseType(QByteArrayView contentType)
{
    return sdp::accepttypes::baseType(contentType.trimmed());
}

} // namespace

MessageFormats::MessageFormats(const sdp::NegotiatedMsrp &negotiated)
    : m_acceptTypes(negotiated.remoteAcceptTypes)
    , m_wrappedTypes(negotiated.remoteAcceptWrappedTypes)
{
    m_cpim = !m_wrappedTypes.isEmpty() && sdp::accepttypes::listAdmits(m_acceptTypes, cpimType);
}

bool MessageFormats::wraps(QByteArrayView contentType) const
{
    const QByteArray type = baseType(contentType);
    return m_cpim && type != cpimType &&
           (sdp::accepttypes::listAdmits(m_wrappedTypes, type) ||
            sdp::accepttypes::listAdmits(m_acceptTypes, type));
}

bool MessageFormats::takesBare(QByteArrayView contentType) const
{
    return sdp::accepttypes::listAdmits(m_acceptTypes, baseType(contentType));
}

MessageFormats::Incoming MessageFormats::classify(const msrp::ReceivedMessage &message,
                                                  const QByteArray &remoteUri)
{
    Incoming in;
    if (!message.filePath.isEmpty())
        return in; // a file (RFC 5547), not a text
    const QByteArray outerType = baseType(message.contentType);
    ReceivedText &text = in.text;
    text.messageId = message.messageId;

    QByteArray type = outerType;
    QByteArray body = message.body;
    if (outerType == cpimType) {
        const Decoded<im::CpimMessage> cpim = im::parseCpim(message.body);
        if (!cpim) {
            // Shown as unreadable with the raw bytes rather than dropped (issue #9).
            in.kind = Incoming::Kind::Text;
            text.contentType = message.contentType;
            text.body = message.body;
            text.senderUri = remoteUri;
            text.wrapped = true;
            text.problem = cpim.problem();
            return in;
        }
        type = baseType(cpim->contentType);
        body = cpim->body;
        in.from = cpim->from;
        in.dateTime = cpim->dateTime;
        in.request = im::dispositionRequest(*cpim);
        text.contentType = cpim->contentType;
        text.senderUri = cpim->from.uri;
        text.nickname = cpim->from.displayName;
        text.sent = cpim->dateTime;
        text.wrapped = true;
        text.imdnMessageId = im::imdnMessageId(*cpim);
        text.displayRequested = in.request.display && !text.imdnMessageId.isEmpty();
    } else {
        text.contentType = message.contentType;
        text.senderUri = remoteUri;
    }
    text.body = body;

    if (type == im::isComposingMediaType) {
        const Decoded<im::IsComposing> status = im::parseIsComposing(body);
        if (!status) {
            in.problem = status.problem();
            return in;
        }
        in.kind = Incoming::Kind::Composing;
        in.composing = *status;
        return in;
    }
    if (type == im::imdnMediaType) {
        // RFC 5438 §7.1.1: a notification travels inside CPIM; a bare one has no sender to
        // trust and no Message-ID of its own, so it is not taken.
        if (!text.wrapped) {
            in.problem = makeError(ErrorCode::Malformed, QStringLiteral("IMDN outside CPIM"));
            return in;
        }
        const Decoded<im::ImdnNotification> notification = im::parseImdn(body);
        if (!notification) {
            in.problem = notification.problem();
            return in;
        }
        in.kind = Incoming::Kind::Notification;
        in.notification = *notification;
        return in;
    }
    in.kind = Incoming::Kind::Text;
    return in;
}

} // namespace herald::service
