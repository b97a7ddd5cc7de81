// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace herald::ng911 {

// What the Request-URI (or To) says about the call (RFC 5031 §4.2, RFC 6881 §15).
struct EmergencyService
{
    enum class Kind {
        None,    // not a service URN for emergencies
        Sos,     // urn:service:sos or a sub-service (sos.police, sos.fire, ...)
        TestSos, // urn:service:test.sos[.sub]: RFC 6881 §15 test call, not an emergency
    };
    Kind kind = Kind::None;
    QByteArray urn; // lower-cased, as recognised; empty for None

    bool isEmergency() const { return kind == Kind::Sos; }
    bool isTest() const { return kind == Kind::TestSos; }

    friend bool operator==(const EmergencyService &, const EmergencyService &) = default;
};

// Recognises urn:service:sos[.x] and urn:service:test.sos[.x] (URNs compare case-insensitively,
// RFC 8141 §3.1; sub-service labels are let-dig-hyp, RFC 5031 §4.2). Anything else is None.
EmergencyService classifyServiceUrn(QByteArrayView uri);
// The Request-URI decides; To is consulted when the Request-URI is not a service URN, since a
// PSAP behind an ESRP sees its own SIP URI there and the URN only in To (RFC 6881 §9).
EmergencyService classifyCall(QByteArrayView requestUri, QByteArrayView to);

} // namespace herald::ng911
