// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/rest/restmodel.h"

#include <QByteArrayView>
#include <QJsonObject>

// The JSON representation of the same resources (Herald's own, described by the OpenAPI
// document at /api/v1/openapi.json): the XML attribute names become member names, booleans are
// JSON booleans, call_action is an object, msg_payload an array.
namespace herald::rest::json {

RestResult<CallRequest> parseCall(QByteArrayView body);
RestResult<QList<Subscription>> parseEventHandler(QByteArrayView body);

QJsonObject callObject(const CallView &call);
QJsonObject callListObject(const QList<CallView> &calls);
QJsonObject eventHandlerObject(const EventHandlerView &handler);
QJsonObject eventHandlerListObject(const QList<EventHandlerView> &handlers);
QJsonObject eventObject(const RestEvent &event);
// RFC 9457 problem details, with the request field at fault in "field".
QJsonObject problemObject(const RestError &error);

} // namespace herald::rest::json
