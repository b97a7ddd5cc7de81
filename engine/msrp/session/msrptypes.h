// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msrp/codec/msrpframe.h"

#include <QByteArray>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace herald::msrp {
Q_NAMESPACE

// A session's life (RFC 4975 §5.4, RFC 6135): the active side connects and binds with its
// first SEND; the passive side waits until a request for the session arrives.
enum class SessionState {
    Idle,       // created, its local URI handed out in SDP
    Connecting, // active: connecting to the peer and binding
    Waiting,    // passive: waiting for the peer's first request
    Active,     // bound to a connection
    Closed,     // closed by us or by the layer above (BYE)
    Failed,     // the connection failed or the peer refused the session
};
Q_ENUM_NS(SessionState)

enum class SessionEvent { Connect, Wait, Bound, Close, ConnectionLost, Refused };
Q_ENUM_NS(SessionEvent)

// Pure transition function; a transition that does not apply leaves the state unchanged.
SessionState nextSessionState(SessionState state, SessionEvent event);
bool isFinal(SessionState state);

// An outgoing message's delivery: Queued -> Sending -> Acknowledged (every chunk got its 200)
// -> Delivered (a success REPORT covered it), or Failed (an error response, a failure REPORT,
// the 30 s timeout of RFC 4975 §7.1.1, or the session ending first), or Aborted by us.
enum class DeliveryState { Queued, Sending, Acknowledged, Delivered, Failed, Aborted };
Q_ENUM_NS(DeliveryState)

enum class DeliveryEvent {
    StartSending,
    AllAcknowledged,
    SuccessReport,
    ErrorResponse,
    FailureReport,
    Timeout,
    Abort,
    SessionEnded,
};
Q_ENUM_NS(DeliveryEvent)

DeliveryState nextDeliveryState(DeliveryState state, DeliveryEvent event);
bool isFinal(DeliveryState state);

// What to ask of the receiver (RFC 4975 §7.1.1); defaults are the RFC's.
struct SendOptions
{
    bool successReport = false;
    ReportMode failureReport = ReportMode::Yes;
    QList<Header> mimeHeaders; // Content-Disposition etc. for files (RFC 5547 §8)
};

// What the layers above learn about a message.
struct MessageInfo
{
    QByteArray messageId;
    QByteArray contentType;
    quint64 size = 0;        // total octets, 0 while unknown
    quint64 transferred = 0; // sent (outgoing) or received (incoming) octets
    quint64 acknowledged = 0;
    DeliveryState state = DeliveryState::Queued;
    int status = 0; // the MSRP status that ended it, if any
    QString reason;
    bool outgoing = true;
};

// A message that arrived whole.
struct ReceivedMessage
{
    QByteArray messageId;
    QByteArray contentType;
    QList<Header> mimeHeaders;
    quint64 size = 0;
    QByteArray body;  // for messages kept in memory
    QString filePath; // for messages streamed to a file sink
};

} // namespace herald::msrp

Q_DECLARE_METATYPE(herald::msrp::MessageInfo)
Q_DECLARE_METATYPE(herald::msrp::ReceivedMessage)
