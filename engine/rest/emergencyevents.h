// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/ng911/emergencycalldata.h"

#include <QList>
#include <QString>

#include <utility>

namespace herald::rest {

using EventData = QList<std::pair<QString, QString>>;

// An emergency call's data (issue #9) as <event_data name value/> pairs, named the way
// XMS-REST.md names indexed data (msg_payload[0].content): service_urn, test_call (yes/no),
// callback_number, then location[i].* and additional_data[i].* in the order received. A
// client reads the latest location at location_latest. Unreadable documents carry their raw
// text (location[i].raw), so nothing arrives blank.
EventData emergencyEventData(const ng911::EmergencyCallData &data);
// Only the location part (location_count, location_latest, location[i].*): the body of a
// location_update event.
EventData locationEventData(const ng911::EmergencyCallData &data);

} // namespace herald::rest
