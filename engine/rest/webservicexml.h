// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/rest/restmodel.h"

#include <QByteArray>
#include <QByteArrayView>

// The XML representation: <web_service version="1.0"> documents of the media server's REST
// API. Parsing goes through SafeXmlReader (no DTD, bounded size and depth: PLATFORM.md
// §10). Writing is by hand, because existing clients read call responses and events by token
// (XMS-REST.md): ` name="value"`, double quotes, ASCII only (non-ASCII as &#x..;).
namespace herald::rest::xml {

// Largest request document accepted.
constexpr qsizetype maxDocumentBytes = 256 * 1024;

// <web_service><call .../></web_service>; errors name the element@attribute at fault.
RestResult<CallRequest> parseCall(QByteArrayView body);
// <web_service><eventhandler><eventsubscribe .../>...</eventhandler></web_service>.
RestResult<QList<Subscription>> parseEventHandler(QByteArrayView body);

QByteArray writeCallResponse(const CallView &call);
QByteArray writeCallList(const QList<CallView> &calls, const QString &appid);
QByteArray writeEventHandlerResponse(const EventHandlerView &handler);
QByteArray writeEventHandlerList(const QList<EventHandlerView> &handlers);
// One event document (no framing).
QByteArray writeEvent(const RestEvent &event);
// <web_service version="1.0"><error code description/></web_service>, for failed requests.
QByteArray writeError(const RestError &error);

// Text as an attribute value: & < > " escaped, line breaks and every non-ASCII character as a
// character reference, characters XML 1.0 cannot hold as U+FFFD.
QByteArray escapeAttribute(const QString &text);

} // namespace herald::rest::xml
