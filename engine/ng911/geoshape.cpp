// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/ng911/geoshape.h"

namespace herald::ng911 {

QString shapeTypeName(ShapeType type)
{
    switch (type) {
    case ShapeType::Point:
        return QStringLiteral("Point");
    case ShapeType::Circle:
        return QStringLiteral("Circle");
    case ShapeType::Ellipse:
        return QStringLiteral("Ellipse");
    case ShapeType::Polygon:
        return QStringLiteral("Polygon");
    case ShapeType::ArcBand:
        return QStringLiteral("ArcBand");
    case ShapeType::Sphere:
        return QStringLiteral("Sphere");
    case ShapeType::Ellipsoid:
        return QStringLiteral("Ellipsoid");
    case ShapeType::Prism:
        return QStringLiteral("Prism");
    }
    return QString();
}

double GeoShape::horizontalUncertainty() const
{
    switch (type) {
    case ShapeType::Circle:
    case ShapeType::Sphere:
        return radius;
    case ShapeType::Ellipse:
    case ShapeType::Ellipsoid:
        return semiMajorAxis;
    case ShapeType::ArcBand:
        return outerRadius;
    default:
        return 0;
    }
}

} // namespace herald::ng911
