// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/ng911/emergencycalldata.h"
#include "engine/sip/siptypes.h"

namespace herald::service {

// Reads what an incoming INVITE says about an emergency caller (service URN, callback
// number, Geolocation, Call-Info) and finds the SDP offer, which a multipart/mixed body
// carries beside the PIDF-LO and additional-data parts (RFC 6442 §4.1, RFC 7852 §4.1,
// RFC 5621). By-reference documents are left Pending for EmergencyDataFetcher.
ng911::ExtractedInvite readEmergencyInvite(const sip::IncomingInvite &invite);

// What mergeEmergencyUpdate() added: entries from these indices on are new.
struct EmergencyUpdate
{
    qsizetype firstLocation = 0;
    qsizetype firstAdditionalData = 0;
    bool changed = false;
};

// A re-INVITE in the call (RFC 6442 §4.1: a UA sends Geolocation again when the location
// changes): its locations and additional data are appended to the call's, in order, so the
// latest is shown and the earlier ones kept. An entry the call already holds (the same
// reference and, by value, the same document) is not repeated: a session refresh that
// repeats the headers changes nothing. By-reference entries come back Pending.
EmergencyUpdate mergeEmergencyUpdate(ng911::EmergencyCallData &data,
                                     const sip::IncomingInvite &update);

} // namespace herald::service
