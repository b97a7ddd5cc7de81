// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/decoded.h"
#include "engine/ng911/civicaddress.h"
#include "engine/ng911/geoshape.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace herald::ng911 {

// One <geopriv> of a PIDF-LO (RFC 4119 §2.2, RFC 5491 §3): where, how it was found, by whom.
struct LocationInfo
{
    QString sourceId;                  // id of the <tuple>, <dm:device> or <dm:person> holding it
    std::optional<GeoShape> shape;     // geodetic location (RFC 5491)
    std::optional<CivicAddress> civic; // civic location (RFC 5139)
    // RFC 7459 <confidence>, percent. Absent means RFC 5491 §5's convention: 95 %.
    std::optional<int> confidence;
    QString method;      // RFC 4119 <method>: "GPS", "Wiremap", "Cell", "Manual", ...
    QString providedBy;  // RFC 4119 <provided-by>, its text flattened
    QDateTime timestamp; // the container's <timestamp>; invalid when absent
    // RFC 4119 §2.2.2 usage rules.
    bool retransmissionAllowed = false;
    QDateTime retentionExpiry;

    int confidenceOrDefault() const { return confidence.value_or(95); }

    friend bool operator==(const LocationInfo &, const LocationInfo &) = default;
};

// A PIDF-LO document: its entity and every location in document order.
struct PidfLo
{
    QString entity;
    QList<LocationInfo> locations;

    friend bool operator==(const PidfLo &, const PidfLo &) = default;
};

struct PidfLoLimits
{
    qsizetype maxBytes = 64 * 1024;
    int maxDepth = 24;
    qsizetype maxLocations = 16;
    qsizetype maxPolygonPoints = 256;
};

// Parses an application/pidf+xml body. Readable only when the root is a PIDF <presence> with
// an entity and at least one <geopriv> holding a location that passes RFC 5491's rules
// (known shape, srsName EPSG::4326 or ::4979, metres and degrees, coordinates in range,
// closed polygons). Anything else is unreadable, with the reason and the raw bytes.
Decoded<PidfLo> parsePidfLo(QByteArrayView bytes, const PidfLoLimits &limits = {});

} // namespace herald::ng911
