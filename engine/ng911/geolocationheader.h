// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/decoded.h"

#include <QByteArray>
#include <QList>

namespace herald::ng911 {

// One locationValue of a Geolocation header (RFC 6442 §4.1): a cid: URI naming a body part
// (location by value) or a URI to dereference (location by reference, RFC 6442 §3.3).
struct LocationReference
{
    enum class Kind { ContentId, Http, Https, Sip, Other };

    QByteArray uri;
    Kind kind = Kind::Other;

    // For ContentId: the Content-ID it names, %-decoded, without "cid:" (RFC 2392 §2).
    QByteArray contentId() const;
    bool isByValue() const { return kind == Kind::ContentId; }

    friend bool operator==(const LocationReference &, const LocationReference &) = default;
};

// Every Geolocation header of a request (each may list several values), in order. At most
// 8 values (RFC 6442 §4.1 expects one or two: one per inserting entity). Unreadable when any
// value is not <URI>[;params]; the raw text is the values joined by ", ".
Decoded<QList<LocationReference>> parseGeolocationHeaders(const QList<QByteArray> &values);

} // namespace herald::ng911
