// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The emergency-call headers (Geolocation RFC 6442 §4.1, Call-Info RFC 7852 §4.1,
// P-Asserted-Identity RFC 3325), service URNs (RFC 5031, RFC 6881 §15) and the extraction of
// everything from one INVITE: multipart/mixed SDP + PIDF-LO + additional data by cid:, and
// references left pending for the service layer to fetch.
#include "engine/ng911/emergencycalldata.h"
#include "engine/ng911/multipartbody.h"
#include "tests/support/testsupport.h"

#include <QTest>

using namespace herald;
using namespace herald::ng911;

Q_DECLARE_METATYPE(herald::ng911::EmergencyService::Kind)
Q_DECLARE_METATYPE(herald::ng911::CallbackNumber::Source)

namespace {

QByteArray dataFile(const char *name)
{
    return herald::test::readFile(herald::test::sourceDir() + QStringLiteral("/tests/data/ng911/") +
                                  QLatin1String(name));
}

const QByteArray sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                       "m=message 7394 TCP/MSRP *\r\na=accept-types:message/cpim text/plain\r\n"
                       "a=path:msrp://192.0.2.1:7394/iau39soe2843z;tcp\r\n";

BodyPart part(QByteArray type, QByteArray id, QByteArray body)
{
    BodyPart p;
    p.headers = {{"Content-Type", type}};
    if (!id.isEmpty())
        p.headers.append({"Content-ID", "<" + id + ">"});
    p.body = std::move(body);
    return p;
}

InviteData emergencyInvite()
{
    MultipartBody body;
    body.parts = {
        part("application/sdp", {}, sdp),
        part("application/pidf+xml", "target123@atlanta.example.com", dataFile("pidf-rfc6442.xml")),
        part("application/EmergencyCallData.DeviceInfo+xml", "1234567890@atlanta.example.com",
             dataFile("adr-deviceinfo.xml")),
        part("application/EmergencyCallData.Comment+xml", "comment1@atlanta.example.com",
             dataFile("adr-comment.xml"))};
    InviteData invite;
    invite.requestUri = "urn:service:sos";
    invite.to = "<urn:service:sos>";
    invite.from = "\"Alice\" <sip:alice@atlanta.example.com>;tag=9fxced76sl";
    invite.pAssertedIdentity = {"<sip:+15555550123@atlanta.example.com;user=phone>",
                                "<tel:+1-555-555-0123>"};
    invite.geolocation = {"<cid:target123@atlanta.example.com>",
                          "<https://lis.atlanta.example.com/loc/8a7c>"};
    invite.callInfo = {"<https://www.example.com/23984723>;purpose=EmergencyCallData.ProviderInfo",
                       "<cid:1234567890@atlanta.example.com>;purpose=EmergencyCallData.DeviceInfo, "
                       "<cid:comment1@atlanta.example.com>;purpose=EmergencyCallData.Comment",
                       "<http://wwww.example.com/alice/photo.jpg> ;purpose=icon"};
    invite.contentType = "multipart/mixed; boundary=boundary1";
    invite.body = serializeMultipart(body, "boundary1");
    return invite;
}

} // namespace

class TestEmergencyCallData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serviceUrn_data()
    {
        QTest::addColumn<QByteArray>("requestUri");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<EmergencyService::Kind>("kind");
        using K = EmergencyService::Kind;
        QTest::newRow("sos") << QByteArray("urn:service:sos") << QByteArray() << K::Sos;
        QTest::newRow("SOS upper case") << QByteArray("URN:Service:SOS") << QByteArray() << K::Sos;
        QTest::newRow("sos.fire") << QByteArray("urn:service:sos.fire") << QByteArray() << K::Sos;
        QTest::newRow("test.sos") << QByteArray("urn:service:test.sos") << QByteArray()
                                  << K::TestSos;
        QTest::newRow("test.sos.police")
            << QByteArray("urn:service:test.sos.police") << QByteArray() << K::TestSos;
        QTest::newRow("counseling")
            << QByteArray("urn:service:counseling") << QByteArray() << K::None;
        QTest::newRow("sos prefix only")
            << QByteArray("urn:service:sosx") << QByteArray() << K::None;
        QTest::newRow("empty label")
            << QByteArray("urn:service:sos..fire") << QByteArray() << K::None;
        QTest::newRow("sip uri") << QByteArray("sip:bob@biloxi.example.com")
                                 << QByteArray("<sip:bob@biloxi.example.com>") << K::None;
        QTest::newRow("psap uri, sos in To")
            << QByteArray("sip:psap@example.com") << QByteArray("<urn:service:sos>") << K::Sos;
        QTest::newRow("test in To")
            << QByteArray("sip:psap@example.com")
            << QByteArray("\"Test\" <urn:service:test.sos>;tag=1") << K::TestSos;
    }

    void serviceUrn()
    {
        QFETCH(QByteArray, requestUri);
        QFETCH(QByteArray, to);
        QFETCH(EmergencyService::Kind, kind);
        const EmergencyService s = classifyCall(requestUri, to);
        QCOMPARE(s.kind, kind);
        QCOMPARE(s.isTest(), kind == EmergencyService::Kind::TestSos);
        QCOMPARE(s.isEmergency(), kind == EmergencyService::Kind::Sos);
    }

    void callback_data()
    {
        QTest::addColumn<QList<QByteArray>>("pai");
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<CallbackNumber::Source>("source");
        QTest::addColumn<QString>("number");
        using S = CallbackNumber::Source;
        QTest::newRow("tel wins over sip")
            << QList<QByteArray>{"\"Cullen Jennings\" <sip:fluffy@cisco.com>",
                                 "<tel:+1-408-555-1212>"}
            << QByteArray("<sip:x@y>") << S::PAssertedIdentity << QStringLiteral("+14085551212");
        QTest::newRow("sip user=phone")
            << QList<QByteArray>{"<sip:+15555550123@example.com;user=phone>"} << QByteArray()
            << S::PAssertedIdentity << QStringLiteral("+15555550123");
        QTest::newRow("bare addr-spec") << QList<QByteArray>{"tel:+44-20-7946-0000"} << QByteArray()
                                        << S::PAssertedIdentity << QStringLiteral("+442079460000");
        QTest::newRow("list in one header")
            << QList<QByteArray>{"<sip:alice@example.com>, <tel:+15555550100>"} << QByteArray()
            << S::PAssertedIdentity << QStringLiteral("+15555550100");
        QTest::newRow("from when no pai")
            << QList<QByteArray>{} << QByteArray("\"Bob\" <sip:+15555550199@example.net>;tag=1")
            << S::From << QStringLiteral("+15555550199");
        QTest::newRow("from without number")
            << QList<QByteArray>{} << QByteArray("<sip:bob@example.net>;tag=1") << S::From
            << QStringLiteral("bob");
        QTest::newRow("garbage pai, from")
            << QList<QByteArray>{"<<<"} << QByteArray("sip:carol@example.org") << S::From
            << QStringLiteral("carol");
        QTest::newRow("nothing") << QList<QByteArray>{} << QByteArray() << S::None << QString();
    }

    void callback()
    {
        QFETCH(QList<QByteArray>, pai);
        QFETCH(QByteArray, from);
        QFETCH(CallbackNumber::Source, source);
        QFETCH(QString, number);
        const CallbackNumber cb = callbackNumber(pai, from);
        QCOMPARE(cb.source, source);
        QCOMPARE(cb.number, number);
    }

    void geolocationHeader()
    {
        const auto refs = parseGeolocationHeaders(
            {"<cid:target123@atlanta.example.com>",
             "<https://lis.example.com:8222/y77syc7cuecbh>;inserted-by=\"lis\""});
        QVERIFY2(refs, qPrintable(refs.problem().detail));
        QCOMPARE(refs->size(), 2);
        QVERIFY(refs->at(0).isByValue());
        QCOMPARE(refs->at(0).contentId(), QByteArray("target123@atlanta.example.com"));
        QCOMPARE(refs->at(1).kind, LocationReference::Kind::Https);
        QCOMPARE(refs->at(1).uri, QByteArray("https://lis.example.com:8222/y77syc7cuecbh"));

        for (const QByteArray &bad :
             {QByteArray("cid:target123"), QByteArray("<cid:>"), QByteArray("\"x\" <cid:a@b>"),
              QByteArray("<cid:a@b"), QByteArray("<cid:a@b> junk")}) {
            const auto r = parseGeolocationHeaders({bad});
            QVERIFY2(!r, bad.constData());
            QCOMPARE(r.raw(), bad);
            QVERIFY(!r.problem().detail.isEmpty());
        }
        QByteArray many;
        for (int i = 0; i < 9; ++i)
            many += (i ? ", " : "") + QByteArray("<cid:") + QByteArray::number(i) + "@x>";
        QCOMPARE(parseGeolocationHeaders({many}).problem().code, ErrorCode::LimitExceeded);
    }

    void callInfoHeader()
    {
        const auto refs = parseCallInfoHeaders(emergencyInvite().callInfo);
        QVERIFY2(refs, qPrintable(refs.problem().detail));
        QCOMPARE(refs->size(), 3); // purpose=icon ignored
        QCOMPARE(refs->at(0).kind, AdditionalDataKind::ProviderInfo);
        QVERIFY(!refs->at(0).isByValue());
        QCOMPARE(refs->at(1).kind, AdditionalDataKind::DeviceInfo);
        QCOMPARE(refs->at(1).contentId(), QByteArray("1234567890@atlanta.example.com"));
        QCOMPARE(refs->at(2).kind, AdditionalDataKind::Comment);
        QVERIFY(!parseCallInfoHeaders({"https://x;purpose=EmergencyCallData.Comment"}));
    }

    void extractMultipartInvite()
    {
        const ExtractedInvite out = extractEmergencyCallData(emergencyInvite());
        QVERIFY(!out.bodyProblem);
        QCOMPARE(out.sdp, sdp);
        const EmergencyCallData &d = out.data;
        QVERIFY(d.service.isEmergency());
        QCOMPARE(d.callback.number, QStringLiteral("+15555550123"));
        QCOMPARE(d.callback.uri, QByteArray("tel:+1-555-555-0123"));

        QCOMPARE(d.locations.size(), 2);
        QCOMPARE(d.locations[0].state, DataState::Resolved);
        QCOMPARE(d.locations[1].state, DataState::Pending);
        QVERIFY(d.hasPendingReferences());
        const LocationInfo *latest = d.latestLocation();
        QVERIFY(latest);
        QCOMPARE(latest->shape->centre().latitude, 32.86726);
        QCOMPARE(latest->method, QStringLiteral("802.11"));

        QCOMPARE(d.additionalData.size(), 3);
        QCOMPARE(d.additionalData[0].state, DataState::Pending);
        QCOMPARE(d.additionalData[1].state, DataState::Resolved);
        QCOMPARE(d.additionalData[1].block->value(u"DeviceMfgr"), QStringLiteral("Nokia"));
        QCOMPARE(d.additionalData[2].state, DataState::Resolved);

        // The by-reference location arrives later and becomes the latest.
        EmergencyCallData updated = d;
        updated.resolveLocation(1, dataFile("pidf-civic.xml"));
        QCOMPARE(updated.locations[1].state, DataState::Resolved);
        QVERIFY(updated.latestLocation()->civic.has_value());
        updated.resolveAdditionalData(0, dataFile("adr-providerinfo.xml"));
        QCOMPARE(updated.additionalData[0].state, DataState::Resolved);
        QVERIFY(!updated.hasPendingReferences());

        // A garbled fetch result is unreadable, keeps its text, and the earlier one shows.
        EmergencyCallData garbled = d;
        garbled.resolveLocation(1, "<html>502 Bad Gateway</html>");
        QCOMPARE(garbled.locations[1].state, DataState::Unreadable);
        QCOMPARE(garbled.locations[1].document.raw(), QByteArray("<html>502 Bad Gateway</html>"));
        QVERIFY(!garbled.locations[1].problem.isEmpty());
        QCOMPARE(garbled.latestLocation()->method, QStringLiteral("802.11"));
        garbled.locationUnavailable(1, QStringLiteral("timed out"));
        QCOMPARE(garbled.locations[1].state, DataState::Unavailable);
    }

    void extractProblems()
    {
        InviteData invite = emergencyInvite();
        invite.geolocation = {"<cid:missing@atlanta.example.com>", "<sip:lis@example.com>"};
        invite.callInfo = {
            "<cid:target123@atlanta.example.com>;purpose=EmergencyCallData.DeviceInfo"};
        ExtractedInvite out = extractEmergencyCallData(invite);
        QCOMPARE(out.data.locations[0].state, DataState::Unavailable);
        QCOMPARE(out.data.locations[1].state, DataState::Unavailable);
        // A PIDF-LO where DeviceInfo was announced: unreadable, raw kept.
        QCOMPARE(out.data.additionalData[0].state, DataState::Unreadable);
        QCOMPARE(out.data.additionalData[0].block.raw(), dataFile("pidf-rfc6442.xml"));

        invite = emergencyInvite();
        invite.geolocation = {"garbage"};
        out = extractEmergencyCallData(invite);
        QVERIFY(!out.data.geolocationHeader);
        QCOMPARE(out.data.geolocationHeader.raw(), QByteArray("garbage"));
        QVERIFY(out.data.locations.isEmpty());
        QVERIFY(!out.data.isEmpty());

        invite = emergencyInvite();
        invite.contentType = "multipart/mixed; boundary=nope";
        out = extractEmergencyCallData(invite);
        QVERIFY(out.bodyProblem);
        QVERIFY(out.sdp.isEmpty());
        QCOMPARE(out.data.locations[0].state, DataState::Unavailable);

        // A plain SDP INVITE to an ordinary URI carries nothing.
        InviteData plain;
        plain.requestUri = "sip:bob@biloxi.example.com";
        plain.from = "<sip:alice@atlanta.example.com>;tag=1";
        plain.contentType = "application/sdp";
        plain.body = sdp;
        out = extractEmergencyCallData(plain);
        QCOMPARE(out.sdp, sdp);
        QVERIFY(!out.bodyProblem);
        QVERIFY(out.data.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEmergencyCallData)
#include "tst_emergencycalldata.moc"
