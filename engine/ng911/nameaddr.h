// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

namespace herald::ng911 {

// A SIP header element of the name-addr form (RFC 3261 §25.1): ["display"] <uri> *(;param).
// The emergency headers (Geolocation, Call-Info, P-Asserted-Identity) are all lists of these.
struct NameAddr
{
    QByteArray displayName;                              // unquoted; empty when absent
    QByteArray uri;                                      // without the angle brackets
    QList<std::pair<QByteArray, QByteArray>> parameters; // names lower-cased, values unquoted

    QByteArray parameter(QByteArrayView name) const;
    bool hasParameter(QByteArrayView name) const;
};

struct HeaderLimits
{
    qsizetype maxValueBytes = 8 * 1024;
    qsizetype maxElements = 32;
    qsizetype maxParameters = 16;
};

// Splits a header value at the commas that separate elements (not those inside quotes or
// angle brackets) and parses each. Strict: every element needs <uri>; unbalanced quotes or
// brackets, control characters and more than the limits are refused.
Result<QList<NameAddr>> parseNameAddrList(QByteArrayView value, const HeaderLimits &limits = {});
// One element; addr-spec (a bare URI without brackets) is accepted when allowBareUri.
Result<NameAddr> parseNameAddr(QByteArrayView element, bool allowBareUri = false,
                               const HeaderLimits &limits = {});

} // namespace herald::ng911
