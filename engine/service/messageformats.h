// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/im/cpimmessage.h"
#include "engine/im/imdn.h"
#include "engine/im/iscomposing.h"
#include "engine/msrp/session/msrptypes.h"
#include "engine/sdp/offeranswer.h"
#include "engine/service/imtypes.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace herald::service {

// The payload formats a message session carries, as offer/answer left them (RFC 4975 §8.6):
// which content goes out bare and which inside Message/CPIM (RFC 3862), and what a received
// MSRP message turns out to be once unwrapped. Pure: no session, no clock.
class MessageFormats
{
public:
    explicit MessageFormats(const sdp::NegotiatedMsrp &negotiated);

    // CPIM was negotiated: the peer's a=accept-types admit message/cpim and it sent
    // a=accept-wrapped-types (RFC 4975 §8.6), as an i3 ESRP does (NENA i3 makes CPIM with
    // nicknames mandatory for text).
    bool cpimNegotiated() const { return m_cpim; }
    // `contentType` goes out wrapped: CPIM was negotiated and the peer takes the type inside
    // it (listed in accept-wrapped-types; RFC 4975 §8.6 also lets any accept-types entry be
    // wrapped).
    bool wraps(QByteArrayView contentType) const;
    // The peer's a=accept-types admit `contentType` on its own.
    bool takesBare(QByteArrayView contentType) const;

    // A received MSRP message, unwrapped.
    struct Incoming
    {
        enum class Kind {
            Text,         // content for the person: text (also an unreadable wrapper)
            Composing,    // an isComposing status (RFC 3994), bare or wrapped
            Notification, // an IMDN (RFC 5438), wrapped as §7.1.1 requires
            Ignored,      // a file, or a status or notification that cannot be read
        };
        Kind kind = Kind::Ignored;
        ReceivedText text;                                // Kind::Text
        std::optional<im::IsComposing> composing;         // Kind::Composing
        std::optional<im::ImdnNotification> notification; // Kind::Notification
        // From the CPIM wrapper, for answering an IMDN request (RFC 5438 §7.1.1).
        im::CpimAddress from;
        im::DispositionRequest request;
        QDateTime dateTime;
        // Why a status or notification was ignored (for the log).
        std::optional<Error> problem;
    };
    // `remoteUri`: the sender of a bare message (the call's peer).
    static Incoming classify(const msrp::ReceivedMessage &message, const QByteArray &remoteUri);

private:
    bool m_cpim = false;
    QList<QByteArray> m_acceptTypes;
    QList<QByteArray> m_wrappedTypes;
};

} // namespace herald::service
