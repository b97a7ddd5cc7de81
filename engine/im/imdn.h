// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/decoded.h"
#include "engine/im/cpimmessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

namespace herald::im {

// An IMDN notification (RFC 5438 §7), media type message/imdn+xml, sent wrapped in CPIM with
// Content-Disposition: notification.
struct ImdnNotification
{
    enum class Kind { Delivery, Display, Processing };
    enum class Status { Delivered, Failed, Displayed, Processed, Stored, Forbidden, Error };

    QByteArray messageId;            // the imdn.Message-ID of the message notified about
    QDateTime dateTime;              // the DateTime of that message (RFC 5438 §7.2.1.2)
    QByteArray recipientUri;         // optional
    QByteArray originalRecipientUri; // optional
    QString subject;                 // optional
    Kind kind = Kind::Delivery;
    Status status = Status::Delivered;

    friend bool operator==(const ImdnNotification &, const ImdnNotification &) = default;
};

QString imdnStatusName(ImdnNotification::Status status);

inline constexpr QByteArrayView imdnMediaType = "message/imdn+xml";
inline constexpr QByteArrayView imdnNamespaceUri = "urn:ietf:params:imdn";

// Strict (RFC 5438 §10's schema): message-id and datetime required, exactly one of delivery-,
// display- or processing-notification, whose <status> holds one status element allowed for
// that kind (delivered|failed|forbidden|error; displayed|forbidden|error;
// processed|stored|forbidden|error). 8 KiB, no DTD. Unreadable otherwise, raw kept.
Decoded<ImdnNotification> parseImdn(QByteArrayView bytes);
QByteArray serializeImdn(const ImdnNotification &notification);

// What a message asks for (RFC 5438 §6.3, imdn.Disposition-Notification).
struct DispositionRequest
{
    bool positiveDelivery = false;
    bool negativeDelivery = false;
    bool display = false;
    bool processing = false;

    bool any() const { return positiveDelivery || negativeDelivery || display || processing; }
    friend bool operator==(const DispositionRequest &, const DispositionRequest &) = default;
};

// Reads imdn.Message-ID and imdn.Disposition-Notification from an unwrapped message; unknown
// disposition values are ignored (RFC 5438 §6.3 lets the list grow).
DispositionRequest dispositionRequest(const CpimMessage &message);
QByteArray imdnMessageId(const CpimMessage &message);
// Adds the IMDN headers to a message about to be wrapped (RFC 5438 §6.2-6.3).
void requestDisposition(CpimMessage &message, QByteArrayView messageId,
                        const DispositionRequest &request);
// The CPIM message that carries a notification back to the sender (RFC 5438 §7.1.1): From us,
// To the original sender, Content-Disposition: notification, the IMDN document as content.
CpimMessage notificationMessage(const CpimAddress &from, const CpimAddress &to,
                                const ImdnNotification &notification, QByteArrayView newMessageId,
                                const QDateTime &now);

} // namespace herald::im
