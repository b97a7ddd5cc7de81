// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "app/common/demo/demoscenario.h"

namespace herald::app {

namespace {

using Kind = ng911::AdditionalDataKind;

// A PIDF-LO with a device's geodetic circle (RFC 5491 §5.2.3) and, when given, a civic
// address (RFC 5139) in a second tuple, as a carrier's LIS provides them.
QByteArray pidf(const QByteArray &entity, const QByteArray &position, const QByteArray &radius,
                const QByteArray &method, const QByteArray &civic = {})
{
    QByteArray doc = R"(<?xml version="1.0" encoding="UTF-8"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf"
    xmlns:gp="urn:ietf:params:xml:ns:pidf:geopriv10"
    xmlns:gbp="urn:ietf:params:xml:ns:pidf:geopriv10:basicPolicy"
    xmlns:ca="urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr"
    xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
    xmlns:gml="http://www.opengis.net/gml"
    xmlns:gs="http://www.opengis.net/pidflo/1.0"
    xmlns:con="urn:ietf:params:xml:ns:geopriv:conf"
    entity="pres:)" + entity +
                     R"(">
  <dm:device id="handset">
    <gp:geopriv>
      <gp:location-info>
        <gs:Circle srsName="urn:ogc:def:crs:EPSG::4326">
          <gml:pos>)" +
                     position + R"(</gml:pos>
          <gs:radius uom="urn:ogc:def:uom:EPSG::9001">)" +
                     radius + R"(</gs:radius>
        </gs:Circle>
        <con:confidence pdf="normal">90</con:confidence>
      </gp:location-info>
      <gp:usage-rules>
        <gbp:retransmission-allowed>true</gbp:retransmission-allowed>
      </gp:usage-rules>
      <gp:method>)" + method +
                     R"(</gp:method>
    </gp:geopriv>
    <dm:deviceID>mac:00a0c914c829</dm:deviceID>
    <dm:timestamp>2026-01-01T00:00:00Z</dm:timestamp>
  </dm:device>
)";
    if (!civic.isEmpty()) {
        doc += R"(  <tuple id="address">
    <status>
      <gp:geopriv>
        <gp:location-info>
          <ca:civicAddress xml:lang="en-US">
            <ca:country>US</ca:country>
)" + civic + R"(          </ca:civicAddress>
        </gp:location-info>
        <gp:usage-rules>
          <gbp:retransmission-allowed>true</gbp:retransmission-allowed>
        </gp:usage-rules>
        <gp:method>DHCP</gp:method>
      </gp:geopriv>
    </status>
  </tuple>
)";
    }
    return doc + "</presence>\n";
}

QByteArray providerInfo(const QByteArray &name, const QByteArray &contact)
{
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<ad:EmergencyCallData.ProviderInfo
    xmlns:ad="urn:ietf:params:xml:ns:EmergencyCallData:ProviderInfo">
  <ad:DataProviderReference>provider-1@demo.invalid</ad:DataProviderReference>
  <ad:DataProviderString>)" +
           name + R"(</ad:DataProviderString>
  <ad:ProviderID>DEMO01</ad:ProviderID>
  <ad:ProviderIDSeries>NENA</ad:ProviderIDSeries>
  <ad:TypeOfProvider>Telecom Provider</ad:TypeOfProvider>
  <ad:ContactURI>)" +
           contact + R"(</ad:ContactURI>
  <ad:Language>EN</ad:Language>
</ad:EmergencyCallData.ProviderInfo>
)";
}

QByteArray serviceInfo(const QByteArray &environment, const QByteArray &type)
{
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<svc:EmergencyCallData.ServiceInfo
    xmlns:svc="urn:ietf:params:xml:ns:EmergencyCallData:ServiceInfo">
  <svc:DataProviderReference>service-1@demo.invalid</svc:DataProviderReference>
  <svc:ServiceEnvironment>)" +
           environment + R"(</svc:ServiceEnvironment>
  <svc:ServiceType>)" +
           type + R"(</svc:ServiceType>
  <svc:ServiceMobility>Mobile</svc:ServiceMobility>
</svc:EmergencyCallData.ServiceInfo>
)";
}

QByteArray deviceInfo(const QByteArray &maker, const QByteArray &model, const QByteArray &imei)
{
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<dev:EmergencyCallData.DeviceInfo
    xmlns:dev="urn:ietf:params:xml:ns:EmergencyCallData:DeviceInfo">
  <dev:DataProviderReference>device-1@demo.invalid</dev:DataProviderReference>
  <dev:DeviceClassification>cellular</dev:DeviceClassification>
  <dev:DeviceMfgr>)" +
           maker + R"(</dev:DeviceMfgr>
  <dev:DeviceModelNr>)" +
           model + R"(</dev:DeviceModelNr>
  <dev:UniqueDeviceID TypeOfDeviceID="IMEI">)" +
           imei + R"(</dev:UniqueDeviceID>
</dev:EmergencyCallData.DeviceInfo>
)";
}

QByteArray subscriberInfo(const QByteArray &fullName, const QByteArray &tel)
{
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<sub:EmergencyCallData.SubscriberInfo
    xmlns:sub="urn:ietf:params:xml:ns:EmergencyCallData:SubscriberInfo"
    privacyRequested="false">
  <sub:DataProviderReference>subscriber-1@demo.invalid</sub:DataProviderReference>
  <sub:SubscriberData xmlns="urn:ietf:params:xml:ns:vcard-4.0">
    <vcards>
      <vcard>
        <fn><text>)" +
           fullName + R"(</text></fn>
        <tel><uri>)" +
           tel + R"(</uri></tel>
      </vcard>
    </vcards>
  </sub:SubscriberData>
</sub:EmergencyCallData.SubscriberInfo>
)";
}

QByteArray comment(const QByteArray &text)
{
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<com:EmergencyCallData.Comment
    xmlns:com="urn:ietf:params:xml:ns:EmergencyCallData:Comment">
  <com:DataProviderReference>comment-1@demo.invalid</com:DataProviderReference>
  <com:Comment xml:lang="en">)" +
           text + R"(</com:Comment>
</com:EmergencyCallData.Comment>
)";
}

} // namespace

QByteArray additionalDataContentType(ng911::AdditionalDataKind kind)
{
    // RFC 7852 §11.1.9: application/EmergencyCallData.<Block>+xml.
    return "application/EmergencyCallData." + ng911::additionalDataKindName(kind).toLatin1() +
           "+xml";
}

QList<DemoCallScript> demoScenario()
{
    QList<DemoCallScript> calls;

    DemoCallScript silent;
    silent.label = QStringLiteral("domestic violence, silent text");
    silent.serviceUrn = "urn:service:sos";
    silent.callerUri = "sip:+12065550142@ims.carrier.demo.invalid";
    silent.callbackNumber = "tel:+12065550142";
    silent.pidfLo =
        pidf("+12065550142@ims.carrier.demo.invalid", "47.61862 -122.32101", "18", "Wiremap",
             "            <ca:A1>WA</ca:A1>\n"
             "            <ca:A3>Seattle</ca:A3>\n"
             "            <ca:HNO>1412</ca:HNO>\n"
             "            <ca:RD>Boylston</ca:RD>\n"
             "            <ca:STS>Ave</ca:STS>\n"
             "            <ca:UNIT>4B</ca:UNIT>\n"
             "            <ca:FLR>2</ca:FLR>\n"
             "            <ca:PC>98122</ca:PC>\n");
    silent.additionalData = {
        {Kind::ProviderInfo, providerInfo("Cascade Wireless", "tel:+12065550100")},
        {Kind::ServiceInfo, serviceInfo("Residence", "wireless")},
        {Kind::SubscriberInfo, subscriberInfo("Dana Whitfield", "tel:+12065550142")}};
    silent.callerTexts = {QStringLiteral("i cant talk. my boyfriend is hurting me"),
                          QStringLiteral("hes in the kitchen. im locked in the bathroom"),
                          QStringLiteral("1412 boylston ave apt 4B, 2nd floor"),
                          QStringLiteral("he has a knife. he said he would kill me"),
                          QStringLiteral("please dont call back he will hear the phone"),
                          QStringLiteral("hes banging on the door now"),
                          QStringLiteral("i hear police on the stairs")};
    calls.append(silent);

    DemoCallScript crash;
    crash.label = QStringLiteral("car crash, I-5 northbound");
    crash.serviceUrn = "urn:service:sos";
    crash.callerUri = "sip:+14255550187@ims.carrier.demo.invalid";
    crash.callbackNumber = "tel:+14255550187";
    crash.pidfLo = pidf("+14255550187@ims.carrier.demo.invalid", "47.65987 -122.32122", "9", "GPS");
    crash.additionalData = {
        {Kind::ProviderInfo, providerInfo("Evergreen Mobile", "tel:+14255550100")},
        {Kind::DeviceInfo, deviceInfo("Acme Phones", "A52 Demo", "35209900176148")},
        {Kind::Comment, comment("Handset location by GNSS, device-based hybrid")}};
    crash.callerTexts = {QStringLiteral("bad crash on I-5 northbound just past exit 169"),
                         QStringLiteral("2 cars, a grey SUV is on its roof"),
                         QStringLiteral("theres a woman stuck inside, her head is bleeding a lot"),
                         QStringLiteral("im ok. i pulled over on the right shoulder"),
                         QStringLiteral("smoke is coming out of the engine"),
                         QStringLiteral("another driver has a fire extinguisher"),
                         QStringLiteral("i can hear sirens now")};
    calls.append(crash);

    DemoCallScript medical;
    medical.label = QStringLiteral("medical, deaf caller");
    medical.serviceUrn = "urn:service:sos";
    medical.callerUri = "sip:+12535550119@ims.carrier.demo.invalid";
    medical.callbackNumber = "tel:+12535550119";
    medical.pidfLo =
        pidf("+12535550119@ims.carrier.demo.invalid", "47.25288 -122.44429", "30", "Cell",
             "            <ca:A1>WA</ca:A1>\n"
             "            <ca:A3>Tacoma</ca:A3>\n"
             "            <ca:HNO>903</ca:HNO>\n"
             "            <ca:RD>Tacoma</ca:RD>\n"
             "            <ca:STS>Ave</ca:STS>\n"
             "            <ca:PC>98402</ca:PC>\n");
    medical.additionalData = {
        {Kind::ProviderInfo, providerInfo("Cascade Wireless", "tel:+12065550100")},
        {Kind::SubscriberInfo, subscriberInfo("Robert Okafor", "tel:+12535550119")},
        {Kind::Comment, comment("Subscriber registered as deaf / hard of hearing")}};
    medical.callerTexts = {QStringLiteral("my dad collapsed in the living room"),
                           QStringLiteral("im deaf i cant call"),
                           QStringLiteral("he is 67, he has heart problems"),
                           QStringLiteral("hes breathing but very slow and his lips look blue"),
                           QStringLiteral("yes he takes warfarin"),
                           QStringLiteral("front door is unlocked, 903 tacoma ave"),
                           QStringLiteral("ambulance is here. thank you")};
    calls.append(medical);

    DemoCallScript test;
    test.label = QStringLiteral("test call (test.sos)");
    test.serviceUrn = "urn:service:test.sos";
    test.callerUri = "sip:+13605550163@ims.carrier.demo.invalid";
    test.callbackNumber = "tel:+13605550163";
    test.pidfLo =
        pidf("+13605550163@ims.carrier.demo.invalid", "47.03787 -122.90069", "50", "Cell");
    test.additionalData = {
        {Kind::ProviderInfo, providerInfo("Evergreen Mobile", "tel:+14255550100")}};
    test.callerTexts = {
        QStringLiteral("TEST. This is a test text to 911 (urn:service:test.sos). No emergency."),
        QStringLiteral("TEST. Checking that texts reach the PSAP. Please reply."),
        QStringLiteral("TEST complete. Thank you.")};
    calls.append(test);

    return calls;
}

} // namespace herald::app
