// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/emergencyintake.h"

#include <algorithm>

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

EmergencyUpdate mergeEmergencyUpdate(ng911::EmergencyCallData &data,
                                     const sip::IncomingInvite &update)
{
    EmergencyUpdate merged{data.locations.size(), data.additionalData.size(), false};
    const ng911::ExtractedInvite read = readEmergencyInvite(update);
    auto known = [](const auto &entries, const auto &entry, auto sameDocument) {
        return std::any_of(entries.begin(), entries.end(), [&](const auto &held) {
            return held.reference == entry.reference && sameDocument(held, entry);
        });
    };
    for (const ng911::LocationEntry &entry : read.data.locations) {
        if (known(data.locations, entry, [](const auto &a, const auto &b) {
                return a.document.raw() == b.document.raw();
            }))
            continue;
        data.locations.append(entry);
        merged.changed = true;
    }
    for (const ng911::AdditionalDataEntry &entry : read.data.additionalData) {
        if (known(data.additionalData, entry,
                  [](const auto &a, const auto &b) { return a.block.raw() == b.block.raw(); }))
            continue;
        data.additionalData.append(entry);
        merged.changed = true;
    }
    return merged;
}

} // namespace herald::service
