// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/ng911/pidflo.h"
#include "engine/core/xmlcursor.h"

#include <QStringList>

#include <cmath>
#include <span>

namespace herald::ng911 {

namespace {

constexpr QStringView pidfNs = u"urn:ietf:params:xml:ns:pidf";
constexpr QStringView dataModelNs = u"urn:ietf:params:xml:ns:pidf:data-model";
constexpr QStringView geoprivNs = u"urn:ietf:params:xml:ns:pidf:geopriv10";
constexpr QStringView basicPolicyNs = u"urn:ietf:params:xml:ns:pidf:geopriv10:basicPolicy";
constexpr QStringView gmlNs = u"http://www.opengis.net/gml";
constexpr QStringView shapesNs = u"http://www.opengis.net/pidflo/1.0";
constexpr QStringView confidenceNs = u"urn:ietf:params:xml:ns:geopriv:conf";
// RFC 5491 §5.1 and §5.2.3.
constexpr QStringView crs2d = u"urn:ogc:def:crs:EPSG::4326";
constexpr QStringView crs3d = u"urn:ogc:def:crs:EPSG::4979";
constexpr QStringView uomMetre = u"urn:ogc:def:uom:EPSG::9001";
constexpr QStringView uomDegree = u"urn:ogc:def:uom:EPSG::9102";

class PidfLoReader
{
public:
    PidfLoReader(QByteArrayView bytes, const PidfLoLimits &limits)
        : m_limits(limits)
        , m_cursor(bytes, {limits.maxBytes, limits.maxDepth})
    {}

    std::optional<PidfLo> read()
    {
        PidfLo doc;
        if (!m_cursor.enterRoot(pidfNs, u"presence"))
            return finishFailed();
        doc.entity = m_cursor.attribute(u"entity");
        if (doc.entity.isEmpty()) {
            m_cursor.fail(ErrorCode::Malformed, QStringLiteral("<presence> has no entity"));
            return finishFailed();
        }
        while (m_cursor.nextChild()) {
            if (m_cursor.is(pidfNs, u"tuple") || m_cursor.is(dataModelNs, u"device") ||
                m_cursor.is(dataModelNs, u"person"))
                readContainer(doc.locations);
            else
                m_cursor.skip(); // <note>, extensions
        }
        if (!m_cursor.finish())
            return std::nullopt;
        if (doc.locations.isEmpty()) {
            m_cursor.fail(ErrorCode::Malformed,
                          QStringLiteral("no <geopriv> location in the document"));
            return std::nullopt;
        }
        return doc;
    }

    Error error() const { return m_cursor.error(); }

private:
    std::optional<PidfLo> finishFailed()
    {
        m_cursor.finish();
        return std::nullopt;
    }

    // <tuple>, <dm:device>, <dm:person>: geopriv (directly, or in a tuple's <status>) and the
    // timestamp that dates them (RFC 4479 §3, RFC 4119 §2.2).
    void readContainer(QList<LocationInfo> &out)
    {
        const QString id = m_cursor.attribute(u"id");
        const qsizetype first = out.size();
        QDateTime timestamp;
        while (m_cursor.nextChild()) {
            if (m_cursor.is(geoprivNs, u"geopriv")) {
                readGeopriv(id, out);
            } else if (m_cursor.is(pidfNs, u"status")) {
                while (m_cursor.nextChild()) {
                    if (m_cursor.is(geoprivNs, u"geopriv"))
                        readGeopriv(id, out);
                    else
                        m_cursor.skip();
                }
            } else if (m_cursor.is(pidfNs, u"timestamp") ||
                       m_cursor.is(dataModelNs, u"timestamp")) {
                timestamp = readDateTime();
            } else {
                m_cursor.skip();
            }
        }
        for (qsizetype i = first; i < out.size(); ++i)
            out[i].timestamp = timestamp;
    }

    QDateTime readDateTime()
    {
        const QString text = m_cursor.readText(64);
        if (m_cursor.failed())
            return {};
        QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!when.isValid())
            m_cursor.fail(ErrorCode::Malformed, QStringLiteral("bad date-time \"%1\"").arg(text));
        return when;
    }

    void readGeopriv(const QString &id, QList<LocationInfo> &out)
    {
        if (out.size() >= m_limits.maxLocations) {
            m_cursor.fail(ErrorCode::LimitExceeded,
                          QStringLiteral("more than %1 locations").arg(m_limits.maxLocations));
            return;
        }
        LocationInfo info;
        info.sourceId = id;
        bool sawLocationInfo = false;
        while (m_cursor.nextChild()) {
            if (m_cursor.is(geoprivNs, u"location-info")) {
                sawLocationInfo = true;
                readLocationInfo(info);
            } else if (m_cursor.is(geoprivNs, u"usage-rules")) {
                readUsageRules(info);
            } else if (m_cursor.is(geoprivNs, u"method")) {
                info.method = m_cursor.readText(128);
            } else if (m_cursor.is(geoprivNs, u"provided-by")) {
                info.providedBy = m_cursor.readAllText(1024);
            } else {
                m_cursor.skip();
            }
        }
        if (m_cursor.failed())
            return;
        if (!sawLocationInfo || (!info.shape && !info.civic)) {
            m_cursor.fail(ErrorCode::Malformed, QStringLiteral("<geopriv> holds no location"));
            return;
        }
        out.append(std::move(info));
    }

    void readUsageRules(LocationInfo &info)
    {
        while (m_cursor.nextChild()) {
            // RFC 4119 §2.2.2 put these in the geopriv10 namespace with "yes"/"no"; RFC 6772
            // (basicPolicy) made them xs:boolean. Both are in use.
            const QStringView ns = m_cursor.namespaceUri();
            const bool policyNs = ns == basicPolicyNs || ns == geoprivNs;
            if (policyNs && m_cursor.name() == u"retransmission-allowed") {
                const QString text = m_cursor.readText(16);
                if (text == u"true" || text == u"1" || text == u"yes")
                    info.retransmissionAllowed = true;
                else if (text != u"false" && text != u"0" && text != u"no" && !m_cursor.failed())
                    m_cursor.fail(ErrorCode::Malformed,
                                  QStringLiteral("retransmission-allowed is not a boolean"));
            } else if (policyNs && m_cursor.name() == u"retention-expiry") {
                info.retentionExpiry = readDateTime();
            } else {
                m_cursor.skip(); // ruleset-reference, note-well, external rules
            }
        }
    }

    void readLocationInfo(LocationInfo &info)
    {
        while (m_cursor.nextChild()) {
            const QStringView ns = m_cursor.namespaceUri();
            if (m_cursor.is(gmlNs, u"location")) {
                // RFC 6442 §7's own example (and RFC 4119's GML 3.0 form) wraps the shape in
                // <gml:location>; RFC 5491 §3 puts it directly in <location-info>. Read both.
                readLocationInfo(info);
            } else if (ns == gmlNs || ns == shapesNs) {
                if (info.shape) {
                    m_cursor.fail(ErrorCode::Malformed,
                                  QStringLiteral("two geodetic shapes in one <location-info>"));
                    return;
                }
                info.shape = readShape();
            } else if (m_cursor.is(civicNamespace, u"civicAddress")) {
                if (info.civic) {
                    m_cursor.fail(ErrorCode::Malformed,
                                  QStringLiteral("two civic addresses in one <location-info>"));
                    return;
                }
                info.civic = readCivicAddress(m_cursor);
            } else if (m_cursor.is(confidenceNs, u"confidence")) {
                bool ok = false;
                const int value = m_cursor.readText(8).toInt(&ok);
                if (!m_cursor.failed() && (!ok || value < 0 || value > 100))
                    m_cursor.fail(ErrorCode::Malformed,
                                  QStringLiteral("confidence is not a percentage"));
                info.confidence = value;
            } else {
                m_cursor.skip();
            }
        }
    }

    // --- shapes (RFC 5491 §5.2) -----------------------------------------------------------

    struct Measures
    {
        std::optional<double> radius, semiMajorAxis, semiMinorAxis, verticalAxis, orientation,
            innerRadius, outerRadius, startAngle, openingAngle, height;
        bool sawBase = false;
    };

    std::optional<GeoShape> readShape()
    {
        static const std::pair<QStringView, ShapeType> gmlShapes[] = {
            {u"Point", ShapeType::Point}, {u"Polygon", ShapeType::Polygon}};
        static const std::pair<QStringView, ShapeType> gsShapes[] = {
            {u"Circle", ShapeType::Circle},       {u"Ellipse", ShapeType::Ellipse},
            {u"ArcBand", ShapeType::ArcBand},     {u"Sphere", ShapeType::Sphere},
            {u"Ellipsoid", ShapeType::Ellipsoid}, {u"Prism", ShapeType::Prism}};
        GeoShape shape;
        bool known = false;
        for (const auto &[name, type] :
             (m_cursor.namespaceUri() == gmlNs)
                 ? std::span<const std::pair<QStringView, ShapeType>>(gmlShapes)
                 : std::span<const std::pair<QStringView, ShapeType>>(gsShapes)) {
            if (m_cursor.name() == name) {
                shape.type = type;
                known = true;
            }
        }
        if (!known) {
            m_cursor.fail(ErrorCode::Unsupported,
                          QStringLiteral("unknown shape <%1>").arg(m_cursor.name()));
            return std::nullopt;
        }
        const QString srs = m_cursor.attribute(u"srsName");
        if (srs == crs3d) {
            shape.threeD = true;
        } else if (srs != crs2d) {
            m_cursor.fail(
                ErrorCode::Unsupported,
                QStringLiteral("srsName \"%1\" is neither EPSG::4326 nor EPSG::4979").arg(srs));
            return std::nullopt;
        }
        Measures measures;
        readShapeBody(shape, measures);
        if (m_cursor.failed())
            return std::nullopt;
        if (!checkShape(shape, measures))
            return std::nullopt;
        return shape;
    }

    void readShapeBody(GeoShape &shape, Measures &measures)
    {
        while (m_cursor.nextChild()) {
            const QStringView ns = m_cursor.namespaceUri();
            const QString name = m_cursor.name().toString();
            if (ns == gmlNs && (name == u"pos" || name == u"posList")) {
                readPositions(shape, name == u"pos");
            } else if ((ns == gmlNs &&
                        (name == u"exterior" || name == u"LinearRing" || name == u"Polygon")) ||
                       (ns == shapesNs && name == u"base")) {
                if (name == u"base")
                    measures.sawBase = true;
                readShapeBody(shape, measures);
            } else if (ns == shapesNs) {
                readMeasure(name, measures);
            } else {
                m_cursor.fail(ErrorCode::Malformed,
                              QStringLiteral("unexpected <%1> in a shape").arg(name));
            }
            if (m_cursor.failed())
                return;
        }
    }

    void readPositions(GeoShape &shape, bool single)
    {
        const QString text = m_cursor.readText(single ? 128 : 64 * 1024);
        if (m_cursor.failed())
            return;
        const QStringList numbers = text.simplified().split(u' ', Qt::SkipEmptyParts);
        const int dimension = shape.threeD ? 3 : 2;
        if (numbers.isEmpty() || numbers.size() % dimension != 0 ||
            (single && numbers.size() != dimension)) {
            m_cursor.fail(ErrorCode::Malformed,
                          QStringLiteral("\"%1\" is not a list of %2D positions")
                              .arg(text.left(60))
                              .arg(dimension));
            return;
        }
        for (qsizetype i = 0; i < numbers.size(); i += dimension) {
            if (shape.positions.size() >= m_limits.maxPolygonPoints) {
                m_cursor.fail(
                    ErrorCode::LimitExceeded,
                    QStringLiteral("more than %1 positions").arg(m_limits.maxPolygonPoints));
                return;
            }
            GeoPosition p;
            bool okLat = false, okLon = false, okAlt = true;
            p.latitude = numbers[i].toDouble(&okLat);
            p.longitude = numbers[i + 1].toDouble(&okLon);
            if (dimension == 3)
                p.altitude = numbers[i + 2].toDouble(&okAlt);
            if (!okLat || !okLon || !okAlt || !std::isfinite(p.latitude) ||
                !std::isfinite(p.longitude) || std::abs(p.latitude) > 90 ||
                std::abs(p.longitude) > 180 || (p.altitude && !std::isfinite(*p.altitude))) {
                m_cursor.fail(ErrorCode::Malformed,
                              QStringLiteral("position \"%1 %2\" is out of range")
                                  .arg(numbers[i], numbers[i + 1]));
                return;
            }
            shape.positions.append(p);
        }
    }

    void readMeasure(const QString &name, Measures &m)
    {
        struct Field
        {
            QStringView name;
            std::optional<double> Measures::*member;
            bool angle;
        };
        static const Field fields[] = {
            {u"radius", &Measures::radius, false},
            {u"semiMajorAxis", &Measures::semiMajorAxis, false},
            {u"semiMinorAxis", &Measures::semiMinorAxis, false},
            {u"verticalAxis", &Measures::verticalAxis, false},
            {u"orientation", &Measures::orientation, true},
            {u"innerRadius", &Measures::innerRadius, false},
            {u"outerRadius", &Measures::outerRadius, false},
            {u"startAngle", &Measures::startAngle, true},
            {u"openingAngle", &Measures::openingAngle, true},
            {u"height", &Measures::height, false},
        };
        for (const Field &f : fields) {
            if (f.name != name)
                continue;
            const QString uom = m_cursor.attribute(u"uom");
            if (uom != (f.angle ? uomDegree : uomMetre)) {
                m_cursor.fail(ErrorCode::Unsupported,
                              QStringLiteral("<%1> in unit \"%2\" (RFC 5491 §5.2.3 allows %3 only)")
                                  .arg(name, uom, f.angle ? uomDegree : uomMetre));
                return;
            }
            bool ok = false;
            const double value = m_cursor.readText(64).toDouble(&ok);
            if (m_cursor.failed())
                return;
            if (!ok || !std::isfinite(value) || value < 0 || (f.angle && value > 360) ||
                (m.*f.member).has_value()) {
                m_cursor.fail(ErrorCode::Malformed,
                              QStringLiteral("bad or repeated <%1>").arg(name));
                return;
            }
            m.*f.member = value;
            return;
        }
        m_cursor.fail(ErrorCode::Malformed, QStringLiteral("unexpected <%1> in a shape").arg(name));
    }

    bool checkShape(GeoShape &s, const Measures &m)
    {
        auto need = [this](std::initializer_list<std::optional<double>> values) {
            for (const auto &v : values) {
                if (!v) {
                    m_cursor.fail(ErrorCode::Malformed,
                                  QStringLiteral("shape lacks a required measure"));
                    return false;
                }
            }
            return true;
        };
        const bool ring = s.type == ShapeType::Polygon || s.type == ShapeType::Prism;
        if (ring) {
            // RFC 5491 §5.2.2: at least four positions, the first repeated last.
            if (s.positions.size() < 4 || !(s.positions.first() == s.positions.last())) {
                m_cursor.fail(
                    ErrorCode::Malformed,
                    QStringLiteral("polygon is not a closed ring of 4 or more positions"));
                return false;
            }
        } else if (s.positions.size() != 1) {
            m_cursor.fail(
                ErrorCode::Malformed,
                QStringLiteral("%1 needs exactly one position").arg(shapeTypeName(s.type)));
            return false;
        }
        const bool needs3d = s.type == ShapeType::Sphere || s.type == ShapeType::Ellipsoid ||
                             s.type == ShapeType::Prism;
        if (needs3d != s.threeD && s.type != ShapeType::Point && s.type != ShapeType::Polygon) {
            m_cursor.fail(
                ErrorCode::Malformed,
                QStringLiteral("%1 in the wrong coordinate system").arg(shapeTypeName(s.type)));
            return false;
        }
        switch (s.type) {
        case ShapeType::Point:
        case ShapeType::Polygon:
            return true;
        case ShapeType::Circle:
        case ShapeType::Sphere:
            if (!need({m.radius}))
                return false;
            s.radius = *m.radius;
            return true;
        case ShapeType::Ellipse:
        case ShapeType::Ellipsoid:
            if (!need({m.semiMajorAxis, m.semiMinorAxis, m.orientation}) ||
                (s.type == ShapeType::Ellipsoid && !need({m.verticalAxis})))
                return false;
            s.semiMajorAxis = *m.semiMajorAxis;
            s.semiMinorAxis = *m.semiMinorAxis;
            s.orientation = *m.orientation;
            s.verticalAxis = m.verticalAxis.value_or(0);
            return true;
        case ShapeType::ArcBand:
            if (!need({m.innerRadius, m.outerRadius, m.startAngle, m.openingAngle}))
                return false;
            if (*m.innerRadius > *m.outerRadius) {
                m_cursor.fail(ErrorCode::Malformed, QStringLiteral("ArcBand inner radius > outer"));
                return false;
            }
            s.innerRadius = *m.innerRadius;
            s.outerRadius = *m.outerRadius;
            s.startAngle = *m.startAngle;
            s.openingAngle = *m.openingAngle;
            return true;
        case ShapeType::Prism:
            if (!m.sawBase) {
                m_cursor.fail(ErrorCode::Malformed, QStringLiteral("Prism without <base>"));
                return false;
            }
            if (!need({m.height}))
                return false;
            s.height = *m.height;
            return true;
        }
        return false;
    }

    PidfLoLimits m_limits;
    XmlCursor m_cursor;
};

} // namespace

Decoded<PidfLo> parsePidfLo(QByteArrayView bytes, const PidfLoLimits &limits)
{
    PidfLoReader reader(bytes, limits);
    std::optional<PidfLo> doc = reader.read();
    if (!doc)
        return Decoded<PidfLo>::unreadable(bytes.toByteArray(), reader.error());
    return Decoded<PidfLo>::readable(std::move(*doc), bytes.toByteArray());
}

} // namespace herald::ng911
