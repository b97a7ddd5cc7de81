// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace herald::ng911 {

// RFC 5491 §5.2: the geodetic shapes a PIDF-LO may carry. Plain values (no QtPositioning):
// the console shows them as numbers, and none needs projecting.
enum class ShapeType { Point, Circle, Ellipse, Polygon, ArcBand, Sphere, Ellipsoid, Prism };
QString shapeTypeName(ShapeType type);

struct GeoPosition
{
    double latitude = 0;            // degrees, WGS 84
    double longitude = 0;           // degrees
    std::optional<double> altitude; // metres, with EPSG::4979 (3D) only

    friend bool operator==(const GeoPosition &, const GeoPosition &) = default;
};

struct GeoShape
{
    ShapeType type = ShapeType::Point;
    // RFC 5491 §5.1: urn:ogc:def:crs:EPSG::4326 (2D) or urn:ogc:def:crs:EPSG::4979 (3D).
    bool threeD = false;
    // Point, Circle, Ellipse, ArcBand, Sphere, Ellipsoid: the centre. Polygon and Prism: the
    // exterior ring, first point repeated last (RFC 5491 §5.2.2).
    QList<GeoPosition> positions;
    // Distances in metres and angles in degrees (RFC 5491 §5.2.3: the only units accepted).
    double radius = 0;        // Circle, Sphere
    double semiMajorAxis = 0; // Ellipse, Ellipsoid
    double semiMinorAxis = 0;
    double verticalAxis = 0; // Ellipsoid
    double orientation = 0;  // Ellipse, Ellipsoid: degrees from north
    double innerRadius = 0;  // ArcBand
    double outerRadius = 0;
    double startAngle = 0;
    double openingAngle = 0;
    double height = 0; // Prism

    const GeoPosition &centre() const { return positions.first(); }
    // The horizontal uncertainty a call-taker reads: the radius, the semi-major axis or the
    // outer radius; 0 for a point or a polygon.
    double horizontalUncertainty() const;

    friend bool operator==(const GeoShape &, const GeoShape &) = default;
};

} // namespace herald::ng911
