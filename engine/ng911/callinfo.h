// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/decoded.h"

#include <QByteArray>
#include <QList>

namespace herald::ng911 {

// RFC 7852 §4: the additional-data blocks Herald reads.
enum class AdditionalDataKind { ProviderInfo, ServiceInfo, DeviceInfo, SubscriberInfo, Comment };
QString additionalDataKindName(AdditionalDataKind kind);

// A Call-Info value with purpose=EmergencyCallData.<Kind> (RFC 7852 §4.1): the block by value
// (cid: into the body) or by reference (an HTTPS URI).
struct AdditionalDataReference
{
    AdditionalDataKind kind = AdditionalDataKind::ProviderInfo;
    QByteArray uri;

    bool isByValue() const { return uri.toLower().startsWith("cid:"); }
    QByteArray contentId() const; // %-decoded, without "cid:"

    friend bool operator==(const AdditionalDataReference &,
                           const AdditionalDataReference &) = default;
};

// The EmergencyCallData references among every Call-Info header of a request. Call-Info
// values with other purposes (icon, info, card, other registries) are ignored; an
// EmergencyCallData purpose Herald does not know (RFC 7852 §11.1.9 lets the registry grow)
// is ignored too. Unreadable when a value is not <URI>;params, or past 16 references.
Decoded<QList<AdditionalDataReference>> parseCallInfoHeaders(const QList<QByteArray> &values);

} // namespace herald::ng911
