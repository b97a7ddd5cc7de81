// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/emergencyintake.h"

namespace herald::service {

ng911::ExtractedInvite readEmergencyInvite(const sip::IncomingInvite &invite)
{
    ng911::InviteData data;
    data.requestUri = invite.requestUri;
    data.from = invite.from;
    data.to = invite.to;
    data.pAssertedIdentity = invite.pAssertedIdentity;
    data.geolocation = invite.geolocation;
    data.callInfo = invite.callInfo;
    data.contentType = invite.contentType;
    data.body = invite.body;
    return ng911::extractEmergencyCallData(data);
}

} // namespace herald::service
