// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <tl/expected.hpp>

#include <optional>
#include <utility>

// The resources of the media server's web service (DESIGN.md §1 "REST API", XMS-REST.md) as
// plain values: the controllers take and return these, and the XML and JSON representations
// read and write them. No HTTP here.
namespace herald::rest {

// Which representation a request uses and its response gets (Content-Type / Accept).
enum class Representation { Xml, Json };

// A failure a controller returns, mapped by the binding to an HTTP status and a problem body
// (RFC 9457) naming the field at fault.
struct RestError
{
    int status = 400;
    QString field; // the request field at fault; empty when none is
    QString detail;
};

template<typename T>
using RestResult = tl::expected<T, RestError>;

inline tl::unexpected<RestError> restFail(int status, QString field, QString detail)
{
    return tl::unexpected<RestError>(RestError{status, std::move(field), std::move(detail)});
}

// The engine's error codes as HTTP statuses (404 unknown call, 409 wrong state, ...).
RestError restErrorFrom(const Error &error, QString field = {});

// <msg_payload>: inline text (msg_payload_content@content) or a file (msg_payload_uri@uri).
struct MessagePayload
{
    QString contentId;
    QString contentType;
    QString contentDisposition;
    QString content;
    QString uri;
};

// <send_message>.
struct SendMessageAction
{
    QString mode = QStringLiteral("signalling"); // msrp | rfc5547 | signalling
    QString report;                              // success | failure | both; empty: none
    QString contentType;                         // the attribute form (no msg_payload)
    QString content;
    QList<MessagePayload> payloads;
};

// <hangup>.
struct HangupAction
{
    QString reason;
};

// A <call> request body (POST creates, PUT changes).
struct CallRequest
{
    std::optional<bool> answer;
    std::optional<bool> accept;
    std::optional<bool> signaling; // no: 3PCC (Herald does only the MSRP media)
    QString media;
    QString message; // inactive | sendonly | recvonly | sendrecv
    QString setup;   // active | passive
    QString sourceUri;
    QString destinationUri;
    QString displayName;
    QString sdp;
    std::optional<SendMessageAction> sendMessage;
    std::optional<HangupAction> hangup;
};

// A <call_response>.
struct CallView
{
    QString id;
    QString appid;
    QString callType; // inbound | outbound | 3pcc
    bool connected = false;
    QString state;
    QString sourceUri;
    QString destinationUri;
    QString sdp;               // Herald's SDP (3PCC)
    QString sendTransactionId; // set in the answer to a send_message
};

// <eventsubscribe>.
struct Subscription
{
    QString action = QStringLiteral("add");
    QString type = QStringLiteral("any");
    QString resourceId = QStringLiteral("any");
    QString resourceType = QStringLiteral("any");
};

struct EventHandlerView
{
    QString id;
    QString appid;
    QList<Subscription> subscriptions;
};

// One event on a stream: <event type resource_type resource_id> with <event_data name value/>.
struct RestEvent
{
    QString type;
    QString resourceType = QStringLiteral("call");
    QString resourceId;
    QList<std::pair<QString, QString>> data;
};

// The event types an XMS client's reader accepts (XMS-REST.md: any other type kills its event
// thread). Herald's own types (isKnownEventType) go only to subscriptions that name them.
bool isXmsEventType(const QString &type);
bool isKnownEventType(const QString &type);

} // namespace herald::rest
