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

} // namespace herald::service
