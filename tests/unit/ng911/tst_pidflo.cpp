// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// PIDF-LO (RFC 4119, RFC 5491) and civic address (RFC 5139) parsing. The documents in
// tests/data/ng911 follow the examples printed in RFC 5491 §5.2, RFC 5139 §4 and RFC 6442 §7
// (those RFC texts are not in the shared corpora; see tests/data/ng911/README.md).
#include "engine/ng911/pidflo.h"
#include "tests/support/testsupport.h"

#include <QTest>

using namespace herald;
using namespace herald::ng911;

Q_DECLARE_METATYPE(herald::ng911::ShapeType)
Q_DECLARE_METATYPE(herald::ErrorCode)

namespace {

QByteArray dataFile(const char *name)
{
    return herald::test::readFile(herald::test::sourceDir() + QStringLiteral("/tests/data/ng911/") +
                                  QLatin1String(name));
}

QByteArray wrapShape(const QByteArray &shape)
{
    return "<presence xmlns='urn:ietf:params:xml:ns:pidf' "
           "xmlns:gp='urn:ietf:params:xml:ns:pidf:geopriv10' "
           "xmlns:gml='http://www.opengis.net/gml' "
           "xmlns:gs='http://www.opengis.net/pidflo/1.0' entity='pres:a@example.com'>"
           "<tuple id='t'><status><gp:geopriv><gp:location-info>" +
           shape + "</gp:location-info><gp:usage-rules/></gp:geopriv></status></tuple></presence>";
}

const QByteArray point =
    "<gml:Point srsName='urn:ogc:def:crs:EPSG::4326'><gml:pos>1 2</gml:pos></gml:Point>";

} // namespace

class TestPidfLo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // FLR, UNIT and ROOM are bare values ("2", "4B"): side by side they would read as one
    // number, so each gets its word (translated by the console).
    void civicSummaryNamesFloorUnitRoom()
    {
        CivicAddress address;
        address.elements = {{QStringLiteral("country"), QStringLiteral("US")},
                            {QStringLiteral("A1"), QStringLiteral("WA")},
                            {QStringLiteral("A3"), QStringLiteral("Seattle")},
                            {QStringLiteral("HNO"), QStringLiteral("1412")},
                            {QStringLiteral("RD"), QStringLiteral("Boylston")},
                            {QStringLiteral("STS"), QStringLiteral("Ave")},
                            {QStringLiteral("FLR"), QStringLiteral("2")},
                            {QStringLiteral("UNIT"), QStringLiteral("4B")},
                            {QStringLiteral("PC"), QStringLiteral("98122")}};
        QCOMPARE(address.summary(),
                 QStringLiteral("1412 Boylston Ave, Floor 2, Unit 4B, Seattle, WA 98122, US"));
        const CivicLabels spanish{QStringLiteral("Piso %1"), QStringLiteral("Unidad %1"),
                                  QStringLiteral("Sala %1")};
        address.elements.append({QStringLiteral("ROOM"), QStringLiteral("12")});
        QCOMPARE(
            address.summary(spanish),
            QStringLiteral("1412 Boylston Ave, Piso 2, Unidad 4B, Sala 12, Seattle, WA 98122, US"));
    }

    void shapes_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<ShapeType>("type");
        QTest::addColumn<double>("latitude");
        QTest::addColumn<double>("longitude");
        QTest::addColumn<int>("positions");
        QTest::addColumn<double>("uncertainty");
        QTest::addColumn<int>("confidence");

        QTest::newRow("point") << QByteArray("pidf-point.xml") << ShapeType::Point << -34.407
                               << 150.883 << 1 << 0.0 << 95;
        QTest::newRow("circle") << QByteArray("pidf-circle.xml") << ShapeType::Circle << 42.5463
                                << -73.2512 << 1 << 850.24 << 67;
        QTest::newRow("ellipse") << QByteArray("pidf-ellipse.xml") << ShapeType::Ellipse << 42.5463
                                 << -73.2512 << 1 << 1275.0 << 95;
        QTest::newRow("arcband") << QByteArray("pidf-arcband.xml") << ShapeType::ArcBand << -43.5723
                                 << 153.2176 << 1 << 4148.0 << 95;
        QTest::newRow("polygon") << QByteArray("pidf-polygon.xml") << ShapeType::Polygon << 43.311
                                 << -73.422 << 7 << 0.0 << 95;
        QTest::newRow("polygon posList")
            << QByteArray("pidf-polygon-poslist.xml") << ShapeType::Polygon << 43.311 << -73.422
            << 7 << 0.0 << 95;
        QTest::newRow("sphere") << QByteArray("pidf-sphere.xml") << ShapeType::Sphere << 42.5463
                                << -73.2512 << 1 << 850.24 << 95;
        QTest::newRow("ellipsoid") << QByteArray("pidf-ellipsoid.xml") << ShapeType::Ellipsoid
                                   << 42.5463 << -73.2512 << 1 << 7.7156 << 95;
        QTest::newRow("prism") << QByteArray("pidf-prism.xml") << ShapeType::Prism << 42.556844
                               << -73.248157 << 5 << 0.0 << 95;
        QTest::newRow("rfc6442 gml:location") << QByteArray("pidf-rfc6442.xml") << ShapeType::Point
                                              << 32.86726 << -97.16054 << 1 << 0.0 << 95;
    }

    void shapes()
    {
        QFETCH(QByteArray, file);
        QFETCH(ShapeType, type);
        QFETCH(double, latitude);
        QFETCH(double, longitude);
        QFETCH(int, positions);
        QFETCH(double, uncertainty);
        QFETCH(int, confidence);
        const QByteArray bytes = dataFile(file.constData());
        QVERIFY(!bytes.isEmpty());
        const Decoded<PidfLo> doc = parsePidfLo(bytes);
        QVERIFY2(doc.isReadable(), qPrintable(doc.problem().detail));
        QCOMPARE(doc.raw(), bytes);
        QCOMPARE(doc->locations.size(), 1);
        const LocationInfo &info = doc->locations.first();
        QVERIFY(info.shape.has_value());
        QCOMPARE(info.shape->type, type);
        QCOMPARE(info.shape->positions.size(), positions);
        QCOMPARE(info.shape->centre().latitude, latitude);
        QCOMPARE(info.shape->centre().longitude, longitude);
        QCOMPARE(info.shape->horizontalUncertainty(), uncertainty);
        QCOMPARE(info.confidenceOrDefault(), confidence);
        QVERIFY(info.timestamp.isValid());
        QVERIFY(!info.method.isEmpty());
        QVERIFY(!info.retransmissionAllowed);
        QVERIFY(info.retentionExpiry.isValid());
    }

    void shapeDetails()
    {
        const auto ellipse = parsePidfLo(dataFile("pidf-ellipse.xml"));
        QVERIFY(ellipse);
        QCOMPARE(ellipse->locations[0].shape->semiMinorAxis, 670.0);
        QCOMPARE(ellipse->locations[0].shape->orientation, 43.2);
        QCOMPARE(ellipse->entity, QStringLiteral("pres:alice@example.com"));
        QCOMPARE(ellipse->locations[0].sourceId, QStringLiteral("sg89ae"));
        QCOMPARE(ellipse->locations[0].method, QStringLiteral("GPS"));
        QCOMPARE(ellipse->locations[0].timestamp,
                 QDateTime(QDate(2007, 6, 22), QTime(20, 57, 29), Qt::UTC));

        const auto arc = parsePidfLo(dataFile("pidf-arcband.xml"));
        QVERIFY(arc);
        QCOMPARE(arc->locations[0].shape->innerRadius, 3594.0);
        QCOMPARE(arc->locations[0].shape->startAngle, 20.0);
        QCOMPARE(arc->locations[0].shape->openingAngle, 20.0);

        const auto sphere = parsePidfLo(dataFile("pidf-sphere.xml"));
        QVERIFY(sphere);
        QVERIFY(sphere->locations[0].shape->threeD);
        QCOMPARE(sphere->locations[0].shape->centre().altitude.value_or(-1), 26.3);

        const auto ellipsoid = parsePidfLo(dataFile("pidf-ellipsoid.xml"));
        QVERIFY(ellipsoid);
        QCOMPARE(ellipsoid->locations[0].shape->verticalAxis, 28.7);

        const auto prism = parsePidfLo(dataFile("pidf-prism.xml"));
        QVERIFY(prism);
        QCOMPARE(prism->locations[0].shape->height, 2.4);
        QCOMPARE(prism->locations[0].shape->positions.last(),
                 prism->locations[0].shape->positions.first());

        const auto a = parsePidfLo(dataFile("pidf-polygon.xml"));
        const auto b = parsePidfLo(dataFile("pidf-polygon-poslist.xml"));
        QVERIFY(a && b);
        QCOMPARE(a->locations[0].shape, b->locations[0].shape);
    }

    void civic()
    {
        const QByteArray bytes = dataFile("pidf-civic.xml");
        const auto doc = parsePidfLo(bytes);
        QVERIFY2(doc, qPrintable(doc.problem().detail));
        QCOMPARE(doc->locations.size(), 1);
        const LocationInfo &info = doc->locations[0];
        QVERIFY(!info.shape);
        QVERIFY(info.civic);
        QCOMPARE(info.civic->language, QStringLiteral("en-AU"));
        QCOMPARE(info.civic->value(u"country"), QStringLiteral("AU"));
        QCOMPARE(info.civic->value(u"A3"), QStringLiteral("Wollongong")); // trimmed
        QCOMPARE(info.civic->value(u"LMK"), QStringLiteral("Gilligan's Island"));
        QCOMPARE(info.civic->value(u"POBOX"), QStringLiteral("Private Box 15"));
        QCOMPARE(info.civic->elements.size(), 14);
        QCOMPARE(info.civic->elements.first().first, QStringLiteral("country"));
        QCOMPARE(
            info.civic->summary(),
            QStringLiteral(
                "Flinders Street, Corner, Room Westerns and Classics, Wollongong, NSW 2500, AU"));
        QCOMPARE(info.method, QStringLiteral("Manual"));
        QCOMPARE(info.providedBy, QStringLiteral("Example LIS"));
        // RFC 4119's "no" in the geopriv10 namespace.
        QVERIFY(!info.retransmissionAllowed);
        QCOMPARE(info.timestamp, QDateTime(QDate(2003, 6, 22), QTime(20, 57, 29), Qt::UTC));
    }

    void severalLocationsInOrder()
    {
        const QByteArray doc =
            "<presence xmlns='urn:ietf:params:xml:ns:pidf' "
            "xmlns:gp='urn:ietf:params:xml:ns:pidf:geopriv10' "
            "xmlns:gml='http://www.opengis.net/gml' "
            "xmlns:dm='urn:ietf:params:xml:ns:pidf:data-model' "
            "xmlns:ca='urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr' "
            "entity='pres:a@example.com'>"
            "<dm:device id='d1'><gp:geopriv><gp:location-info>" +
            point +
            "</gp:location-info><gp:method>Cell</gp:method></gp:geopriv></dm:device>"
            "<dm:person id='p1'><gp:geopriv><gp:location-info><ca:civicAddress>"
            "<ca:country>US</ca:country><ca:A1>TX</ca:A1></ca:civicAddress></gp:location-info>"
            "<gp:method>Manual</gp:method></gp:geopriv></dm:person></presence>";
        const auto parsed = parsePidfLo(doc);
        QVERIFY2(parsed, qPrintable(parsed.problem().detail));
        QCOMPARE(parsed->locations.size(), 2);
        QCOMPARE(parsed->locations[0].sourceId, QStringLiteral("d1"));
        QCOMPARE(parsed->locations[1].sourceId, QStringLiteral("p1"));
        QCOMPARE(parsed->locations[1].civic->value(u"A1"), QStringLiteral("TX"));
    }

    void unreadable_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<ErrorCode>("code");

        QTest::newRow("empty") << QByteArray() << ErrorCode::Malformed;
        QTest::newRow("not xml") << QByteArray("lat=1, lon=2") << ErrorCode::Malformed;
        QTest::newRow("rfc4119 gml3 form")
            << dataFile("pidf-rfc4119-gml3.xml") << ErrorCode::Malformed;
        QTest::newRow("dtd")
            << QByteArray(QByteArray("<?xml version='1.0'?><!DOCTYPE presence [<!ENTITY a 'x'>]>") +
                          wrapShape(point))
            << ErrorCode::Unsupported;
        QTest::newRow("external entity")
            << wrapShape(point).replace("<tuple id='t'>", "<tuple id='&xxe;'>")
            << ErrorCode::Unsupported;
        QTest::newRow("too large")
            << wrapShape(point).replace("<gp:usage-rules/>",
                                        QByteArray("<gp:usage-rules/>" + QByteArray(70000, ' ')))
            << ErrorCode::LimitExceeded;
        QTest::newRow("too deep") << wrapShape(point).replace(
                                         "<gp:usage-rules/>",
                                         QByteArray(QByteArray("<x>").repeated(40) +
                                                    QByteArray("</x>").repeated(40)))
                                  << ErrorCode::LimitExceeded;
        QTest::newRow("utf-16") << QByteArray("<\0p\0", 4) << ErrorCode::Unsupported;
        QTest::newRow("not pidf") << QByteArray("<presence entity='x'/>") << ErrorCode::Unsupported;
        QTest::newRow("no entity")
            << wrapShape(point).replace(" entity='pres:a@example.com'", "") << ErrorCode::Malformed;
        QTest::newRow("no geopriv")
            << QByteArray("<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='pres:a@b'><tuple "
                          "id='x'><status/></tuple></presence>")
            << ErrorCode::Malformed;
        QTest::newRow("empty location-info") << wrapShape("") << ErrorCode::Malformed;
        QTest::newRow("latitude out of range")
            << wrapShape("<gml:Point srsName='urn:ogc:def:crs:EPSG::4326'><gml:pos>91 "
                         "2</gml:pos></gml:Point>")
            << ErrorCode::Malformed;
        QTest::newRow("nan") << wrapShape(
                                    "<gml:Point srsName='urn:ogc:def:crs:EPSG::4326'><gml:pos>nan "
                                    "2</gml:pos></gml:Point>")
                             << ErrorCode::Malformed;
        QTest::newRow("3 numbers in 2D")
            << wrapShape("<gml:Point srsName='urn:ogc:def:crs:EPSG::4326'><gml:pos>1 2 "
                         "3</gml:pos></gml:Point>")
            << ErrorCode::Malformed;
        QTest::newRow("unknown srs")
            << wrapShape("<gml:Point srsName='epsg:4326'><gml:pos>1 2</gml:pos></gml:Point>")
            << ErrorCode::Unsupported;
        QTest::newRow("unknown shape")
            << wrapShape("<gs:Triangle srsName='urn:ogc:def:crs:EPSG::4326'/>")
            << ErrorCode::Unsupported;
        QTest::newRow("circle without radius")
            << wrapShape("<gs:Circle srsName='urn:ogc:def:crs:EPSG::4326'><gml:pos>1 "
                         "2</gml:pos></gs:Circle>")
            << ErrorCode::Malformed;
        QTest::newRow("radius in feet")
            << wrapShape("<gs:Circle srsName='urn:ogc:def:crs:EPSG::4326'><gml:pos>1 "
                         "2</gml:pos><gs:radius "
                         "uom='urn:ogc:def:uom:EPSG::9002'>3</gs:radius></gs:Circle>")
            << ErrorCode::Unsupported;
        QTest::newRow("negative radius")
            << wrapShape("<gs:Circle srsName='urn:ogc:def:crs:EPSG::4326'><gml:pos>1 "
                         "2</gml:pos><gs:radius "
                         "uom='urn:ogc:def:uom:EPSG::9001'>-3</gs:radius></gs:Circle>")
            << ErrorCode::Malformed;
        QTest::newRow("open polygon")
            << wrapShape("<gml:Polygon "
                         "srsName='urn:ogc:def:crs:EPSG::4326'><gml:exterior><gml:LinearRing><gml:"
                         "posList>1 1 1 2 2 2 2 "
                         "1</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>")
            << ErrorCode::Malformed;
        QTest::newRow("sphere in 2D")
            << wrapShape("<gs:Sphere srsName='urn:ogc:def:crs:EPSG::4326'><gml:pos>1 "
                         "2</gml:pos><gs:radius "
                         "uom='urn:ogc:def:uom:EPSG::9001'>3</gs:radius></gs:Sphere>")
            << ErrorCode::Malformed;
        QTest::newRow("two shapes") << wrapShape(point + point) << ErrorCode::Malformed;
        QTest::newRow("unknown civic element")
            << wrapShape("<ca:civicAddress "
                         "xmlns:ca='urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr'><ca:STREET>x</"
                         "ca:STREET></ca:civicAddress>")
            << ErrorCode::Malformed;
        QTest::newRow("bad country")
            << wrapShape("<ca:civicAddress "
                         "xmlns:ca='urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr'><ca:country>"
                         "usa</ca:country></ca:civicAddress>")
            << ErrorCode::Malformed;
        QTest::newRow("element in civic value")
            << wrapShape("<ca:civicAddress "
                         "xmlns:ca='urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr'><ca:RD><b>x</"
                         "b></ca:RD></ca:civicAddress>")
            << ErrorCode::Malformed;
        QTest::newRow("confidence 150")
            << wrapShape(
                   point +
                   "<c:confidence xmlns:c='urn:ietf:params:xml:ns:geopriv:conf'>150</c:confidence>")
            << ErrorCode::Malformed;
        QTest::newRow("bad timestamp")
            << wrapShape(point).replace("</status>", "</status><timestamp>yesterday</timestamp>")
            << ErrorCode::Malformed;
        QTest::newRow("truncated") << wrapShape(point).left(200) << ErrorCode::Malformed;
        QTest::newRow("stray text")
            << wrapShape(point).replace("<gp:usage-rules/>", "hello<gp:usage-rules/>")
            << ErrorCode::Malformed;
    }

    void unreadable()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(ErrorCode, code);
        const Decoded<PidfLo> doc = parsePidfLo(bytes);
        QVERIFY(!doc.isReadable());
        QCOMPARE(doc.raw(), bytes); // kept for the operator
        QVERIFY(!doc.problem().detail.isEmpty());
        QCOMPARE(errorCodeName(doc.problem().code), errorCodeName(code));
    }

    void tooManyLocations()
    {
        QByteArray doc = "<presence xmlns='urn:ietf:params:xml:ns:pidf' "
                         "xmlns:gp='urn:ietf:params:xml:ns:pidf:geopriv10' "
                         "xmlns:gml='http://www.opengis.net/gml' entity='pres:a@b'>";
        for (int i = 0; i < 17; ++i)
            doc += "<tuple id='t" + QByteArray::number(i) +
                   "'><status><gp:geopriv><gp:location-info>" + point +
                   "</gp:location-info></gp:geopriv></status></tuple>";
        doc += "</presence>";
        const auto parsed = parsePidfLo(doc);
        QVERIFY(!parsed);
        QCOMPARE(parsed.problem().code, ErrorCode::LimitExceeded);
        PidfLoLimits generous;
        generous.maxLocations = 17;
        QVERIFY(parsePidfLo(doc, generous));
    }
};

QTEST_GUILESS_MAIN(TestPidfLo)
#include "tst_pidflo.moc"
