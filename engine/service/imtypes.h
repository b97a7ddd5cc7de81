// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/error.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <optional>

// The instant-message layer of a call (ImSession): what a received message says once CPIM is
// unwrapped, whether the peer is typing, and how far a sent text got by IMDN.
namespace herald::service {

class ImState
{
    Q_GADGET

public:
    // RFC 3994 §3: a party is either composing a message or not.
    enum class Composing { Idle, Active };
    Q_ENUM(Composing)

    // RFC 5438 §7: the furthest disposition an IMDN reported for a sent text. Requested is
    // where a text starts when it asked for notifications; Delivered and Displayed come from
    // the recipient; Failed covers its failed, forbidden and error statuses.
    enum class Disposition { Requested, Delivered, Displayed, Failed };
    Q_ENUM(Disposition)
};

using ComposingState = ImState::Composing;
using Disposition = ImState::Disposition;

// A message as the person on the other side sent it: for a CPIM message (RFC 3862) the
// encapsulated content and the CPIM From, for a bare one the MSRP content and the call's peer.
struct ReceivedText
{
    QByteArray messageId;   // the MSRP Message-ID of the SEND that carried it
    QByteArray contentType; // of the content, e.g. text/plain (message/cpim when unreadable)
    QByteArray body;        // the content; the raw CPIM bytes when unreadable
    QByteArray senderUri;   // CPIM From URI; the call's remote URI for a bare message
    QString nickname;       // RFC 7701 §7: the CPIM From formal name; empty when none
    QDateTime sent;         // CPIM DateTime; invalid when absent or bare
    bool wrapped = false;   // it came inside message/cpim
    // Set when the CPIM wrapper could not be read: body then holds the raw bytes (issue #9:
    // shown as unreadable, never dropped).
    std::optional<Error> problem;
    // RFC 5438 §6: the imdn.Message-ID, and whether the sender asked to be told of display
    // (answer it with Call::markDisplayed()).
    QByteArray imdnMessageId;
    bool displayRequested = false;

    bool isReadable() const { return !problem.has_value(); }
};

} // namespace herald::service

Q_DECLARE_METATYPE(herald::service::ReceivedText)
