// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Emergency call data on the REST event stream (issue #9 item 4): an ESRP stand-in (a second
// Engine, announcing i3's wrapped types) sends INVITE urn:service:sos routed to Herald with a
// PIDF-LO and DeviceInfo by value. The XMS stream and the SSE (JSON) stream both carry them
// on `incoming` with the callback number and the test-call flag; the caller typing gives
// `composing` events; a re-INVITE with a new PIDF-LO gives `location_update` with the new
// location as the latest; a text Herald sends wrapped is reported `imdn` delivered.
#include "engine/ng911/multipartbody.h"
#include "restfixture.h"
#include "tests/support/testsupport.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace herald;
using namespace herald::service;
using namespace herald::test;

namespace {

constexpr int waitMs = 10000;

QByteArray dataFile(const char *name)
{
    return readFile(sourceDir() + QStringLiteral("/tests/data/ng911/") + QLatin1String(name));
}

ng911::BodyPart part(const QByteArray &type, const QByteArray &id, const QByteArray &body)
{
    ng911::BodyPart p;
    p.headers = {{"Content-Type", type}, {"Content-ID", '<' + id + '>'}};
    p.body = body;
    return p;
}

// The next event of `type` on an XMS stream, skipping others.
std::optional<QByteArray> nextOfType(HttpTestClient &stream, const QByteArray &type)
{
    while (auto doc = RestFixture::nextEvent(stream, waitMs)) {
        if (doc->contains(QByteArray("<event type=\"" + type + "\"")))
            return doc;
    }
    return std::nullopt;
}

// The `data:` JSON of the next SSE event named `type`.
std::optional<QJsonObject> nextSse(HttpTestClient &stream, const QByteArray &type)
{
    const QByteArray marker = "event: " + type + '\n';
    QByteArray seen;
    QDeadlineTimer deadline(waitMs);
    while (!deadline.hasExpired()) {
        seen += stream.socket().readAll();
        const qsizetype at = seen.indexOf(marker);
        if (at >= 0) {
            const qsizetype data = seen.indexOf("data: ", at);
            const qsizetype end = data >= 0 ? seen.indexOf('\n', data) : -1;
            if (end > 0)
                return QJsonDocument::fromJson(seen.mid(data + 6, end - data - 6)).object();
        }
        stream.socket().waitForReadyRead(50);
        QCoreApplication::processEvents();
    }
    return std::nullopt;
}

} // namespace

class TestRestNg911 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emergencyEventsXmlAndJson();

private:
    RestFixture m_fixture;
};

void TestRestNg911::init()
{
    EngineConfig esrp = restEngineConfig(QStringLiteral("esrp"), AnswerPolicy::Automatic);
    esrp.msrpAcceptWrappedTypes = i3AcceptWrappedTypes();
    QVERIFY(m_fixture.start(restEngineConfig(QStringLiteral("psap"), AnswerPolicy::Manual), esrp,
                            31, 32));
}

void TestRestNg911::cleanup()
{
    m_fixture.stop();
}

void TestRestNg911::emergencyEventsXmlAndJson()
{
    const QList<QByteArray> emergencyTypes = {"location_update", "composing", "imdn"};
    auto xms = m_fixture.openStream("psap", emergencyTypes);
    QVERIFY(xms);
    // An existing XMS client subscribes to `any`; Herald's own types must never reach it
    // (XMS-REST.md: a type outside its list kills the client's event thread).
    auto legacy = m_fixture.openStream("legacy");
    QVERIFY(legacy);
    // The same handler kind, read as Server-Sent Events (JSON).
    auto sse = m_fixture.client();
    QVERIFY(sse);
    auto created = sse->request(
        "POST", "/default/eventhandlers?appid=psap2",
        "<web_service version=\"1.0\"><eventhandler><eventsubscribe action=\"add\" type=\"any\" "
        "resource_id=\"any\" resource_type=\"any\"/><eventsubscribe action=\"add\" "
        "type=\"location_update\"/><eventsubscribe action=\"add\" type=\"composing\"/>"
        "</eventhandler></web_service>",
        {restAuth, restXmlType});
    QVERIFY(created && created->status == 201);
    const QString handler = xmlAttribute(created->body, QStringLiteral("identifier"));
    sse->send("GET", "/default/eventhandlers/" + handler.toLatin1() + "?appid=psap2", {},
              {restAuth, {"Accept", "text/event-stream"}});
    auto head = sse->response();
    QVERIFY(head && head->status == 200);

    Engine &herald = m_fixture.herald();
    Engine &esrp = m_fixture.peer();
    QSignalSpy offered(&herald.calls(), &CallManager::callOffered);
    PlaceCallOptions options;
    options.route = "sip:psap@127.0.0.1:" + QByteArray::number(herald.sipListenPort());
    options.extraHeaders = {
        {"P-Asserted-Identity", "<tel:+15555550123>"},
        {"Geolocation", "<cid:loc1@esrp.example>"},
        {"Call-Info", "<cid:dev@esrp.example>;purpose=EmergencyCallData.DeviceInfo"}};
    options.bodyParts = {
        part("application/pidf+xml", "loc1@esrp.example", dataFile("pidf-circle.xml")),
        part("application/EmergencyCallData.DeviceInfo+xml", "dev@esrp.example",
             dataFile("adr-deviceinfo.xml"))};
    auto placed = esrp.calls().placeCall("urn:service:sos", options);
    QVERIFY(placed);
    Call *caller = *placed;

    // incoming, XML: the call data as event_data.
    auto incoming = nextOfType(*xms, "incoming");
    QVERIFY(incoming);
    QCOMPARE(eventData(*incoming, QStringLiteral("service_urn")),
             QStringLiteral("urn:service:sos"));
    QCOMPARE(eventData(*incoming, QStringLiteral("test_call")), QStringLiteral("no"));
    QCOMPARE(eventData(*incoming, QStringLiteral("callback_number")),
             QStringLiteral("+15555550123"));
    QCOMPARE(eventData(*incoming, QStringLiteral("location_count")), QStringLiteral("1"));
    QCOMPARE(eventData(*incoming, QStringLiteral("location_latest")), QStringLiteral("0"));
    QCOMPARE(eventData(*incoming, QStringLiteral("location[0].latitude")),
             QStringLiteral("42.5463"));
    QCOMPARE(eventData(*incoming, QStringLiteral("location[0].uncertainty")),
             QStringLiteral("850.24"));
    QCOMPARE(eventData(*incoming, QStringLiteral("location[0].confidence")), QStringLiteral("67"));
    QCOMPARE(eventData(*incoming, QStringLiteral("location[0].method")), QStringLiteral("GPS"));
    QCOMPARE(eventData(*incoming, QStringLiteral("additional_data[0].purpose")),
             QStringLiteral("EmergencyCallData.DeviceInfo"));
    QCOMPARE(eventData(*incoming, QStringLiteral("additional_data[0].DeviceModelNr")),
             QStringLiteral("Lumia 800"));
    // ... and JSON.
    auto json = nextSse(*sse, "incoming");
    QVERIFY(json);
    const QJsonObject data = json->value(QStringLiteral("event_data")).toObject();
    QCOMPARE(data.value(QStringLiteral("test_call")).toString(), QStringLiteral("no"));
    QCOMPARE(data.value(QStringLiteral("callback_number")).toString(),
             QStringLiteral("+15555550123"));
    QCOMPARE(data.value(QStringLiteral("location[0].longitude")).toString(),
             QStringLiteral("-73.2512"));
    QCOMPARE(data.value(QStringLiteral("additional_data[0].DeviceMfgr")).toString(),
             QStringLiteral("Nokia"));

    QVERIFY(offered.wait(waitMs) || !offered.isEmpty());
    Call *psap = offered.first().at(0).value<Call *>();
    QVERIFY(herald.calls().answer(psap->id()));
    QTRY_COMPARE_WITH_TIMEOUT(caller->state(), CallState::Active, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(psap->state(), CallState::Active, waitMs);

    // composing: the caller types, then stops.
    QVERIFY(caller->setComposing(true));
    auto composing = nextOfType(*xms, "composing");
    QVERIFY(composing);
    QCOMPARE(eventData(*composing, QStringLiteral("state")), QStringLiteral("active"));
    QVERIFY(caller->setComposing(false));
    composing = nextOfType(*xms, "composing");
    QVERIFY(composing);
    QCOMPARE(eventData(*composing, QStringLiteral("state")), QStringLiteral("idle"));
    auto composingJson = nextSse(*sse, "composing");
    QVERIFY(composingJson);

    // location_update: a re-INVITE with a new PIDF-LO (RFC 6442 §4.1).
    ng911::MultipartBody update;
    // No new offer: the session is unchanged; only the location moved.
    update.parts = {part("application/pidf+xml", "loc2@esrp.example", dataFile("pidf-civic.xml"))};
    sip::InviteOptions reinvite;
    reinvite.contentType = "multipart/mixed;boundary=upd1";
    reinvite.extraHeaders = {{"Geolocation", "<cid:loc2@esrp.example>"}};
    QVERIFY(esrp.sip().reinvite(caller->id(), ng911::serializeMultipart(update, "upd1"), reinvite));
    auto moved = nextOfType(*xms, "location_update");
    QVERIFY(moved);
    QCOMPARE(eventData(*moved, QStringLiteral("location_count")), QStringLiteral("2"));
    QCOMPARE(eventData(*moved, QStringLiteral("location_latest")), QStringLiteral("1"));
    QVERIFY(eventData(*moved, QStringLiteral("location[1].civic")).contains(u"Wollongong"));
    auto movedJson = nextSse(*sse, "location_update");
    QVERIFY(movedJson);
    QCOMPARE(movedJson->value(QStringLiteral("event_data"))
                 .toObject()
                 .value(QStringLiteral("location_latest"))
                 .toString(),
             QStringLiteral("1"));

    // imdn: Herald's text goes wrapped (the ESRP announced wrapped types) and the ESRP's
    // delivery notification comes back (RFC 5438 §7.2).
    auto sent = psap->sendText("text/plain;charset=UTF-8", "Help is on the way");
    QVERIFY(sent);
    auto imdn = nextOfType(*xms, "imdn");
    QVERIFY(imdn);
    QCOMPARE(eventData(*imdn, QStringLiteral("message_id")), QString::fromLatin1(*sent));
    QCOMPARE(eventData(*imdn, QStringLiteral("status")), QStringLiteral("delivered"));

    // The `any` stream saw the XMS events of the same call, and none of Herald's own.
    QByteArray seen;
    while (auto doc = m_fixture.nextEvent(*legacy, 200))
        seen += *doc;
    QVERIFY(seen.contains("<event type=\"incoming\""));
    for (const QByteArray &type : emergencyTypes)
        QVERIFY2(!seen.contains(QByteArray("<event type=\"" + type + '"')), type.constData());
}

QTEST_GUILESS_MAIN(TestRestNg911)
#include "tst_restng911.moc"
