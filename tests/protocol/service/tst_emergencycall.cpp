// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Emergency INVITEs reaching an Engine over loopback SIP: a multipart/mixed body with the SDP
// offer, a PIDF-LO and RFC 7852 blocks named by cid: from Geolocation and Call-Info (RFC 6442
// §7.1's shape); a location and a ProviderInfo by reference, served by a local HTTP responder
// (port 0) that answers only when told, so the call shows them pending first; a responder that
// never answers, so the reference ends unavailable after the configured timeout; and a
// multipart body without SDP refused with 488.
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/ng911/multipartbody.h"
#include "engine/service/engine.h"
#include "tests/support/enginetestsupport.h"
#include "tests/support/testsupport.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <chrono>
#include <memory>

using namespace herald;
using namespace herald::service;
using namespace std::chrono_literals;

namespace {

constexpr int waitMs = 10000;

QByteArray dataFile(const char *name)
{
    return herald::test::readFile(herald::test::sourceDir() + QStringLiteral("/tests/data/ng911/") +
                                  QLatin1String(name));
}

const QByteArray offer = "v=0\r\no=alice 2890844526 2890844526 IN IP4 127.0.0.1\r\ns=-\r\n"
                         "c=IN IP4 127.0.0.1\r\nt=0 0\r\nm=message 9 TCP/MSRP *\r\n"
                         "a=accept-types:message/cpim text/plain\r\n"
                         "a=path:msrp://127.0.0.1:9/iau39soe2843z;tcp\r\n";

// A minimal HTTP/1.1 server: records each request's path and holds the connection until
// release() answers every held one with `body` (or forever, if never released).
class HttpResponder : public QObject
{
public:
    HttpResponder()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_buffers[socket] += socket->readAll();
                    const QByteArray &request = m_buffers[socket];
                    if (!request.contains("\r\n\r\n") || m_held.contains(socket))
                        return;
                    paths << request.split(' ').value(1);
                    accepts << request.mid(request.indexOf("Accept: ") + 8).split('\r').first();
                    m_held << socket;
                    if (m_released)
                        answer(socket);
                });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QByteArray url(const QByteArray &path) const
    {
        return "http://127.0.0.1:" + QByteArray::number(m_server.serverPort()) + path;
    }
    void release()
    {
        m_released = true;
        for (QTcpSocket *s : std::as_const(m_held))
            answer(s);
    }

    QHash<QByteArray, QByteArray> bodies; // by path
    QList<QByteArray> paths;
    QList<QByteArray> accepts;

private:
    void answer(QTcpSocket *socket)
    {
        const QByteArray path = m_buffers[socket].split(' ').value(1);
        const QByteArray body = bodies.value(path);
        const QByteArray status = body.isEmpty() ? "404 Not Found" : "200 OK";
        socket->write("HTTP/1.1 " + status +
                      "\r\nContent-Type: application/xml\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QTcpSocket *> m_held;
    bool m_released = false;
};

ng911::BodyPart part(QByteArray type, QByteArray id, QByteArray body)
{
    ng911::BodyPart p;
    p.headers = {{"Content-Type", type}};
    if (!id.isEmpty())
        p.headers.append({"Content-ID", "<" + id + ">"});
    p.body = std::move(body);
    return p;
}

} // namespace

class TestEmergencyCall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void locationByValue();
    void locationByReference();
    void referenceTimesOut();
    void multipartWithoutSdpRefused();
    void serviceUrnRequestUri_data();
    void serviceUrnRequestUri();
    void serviceUrnWithoutRouteRefused();
    void reInviteAddsLocation();

private:
    std::unique_ptr<Engine> makeEngine(const QByteArray &user, quint64 seed);
    // Sends an INVITE from the caller's raw agent; returns the callee's offered Call.
    // A target that is a service URN goes with a Route to the PSAP, as an ESRP sends it.
    Call *sendInvite(const QByteArray &contentType, const QByteArray &body, sip::SipHeaders headers,
                     const QByteArray &target = {});
    QByteArray psapUri() const;

    SystemClock m_clock;
    std::vector<std::unique_ptr<SeededRandomSource>> m_randoms;
    std::unique_ptr<Engine> m_caller;
    std::unique_ptr<Engine> m_psap;
    QList<QPointer<Call>> m_offered;
};

std::unique_ptr<Engine> TestEmergencyCall::makeEngine(const QByteArray &user, quint64 seed)
{
    EngineConfig config = test::loopbackEngineConfig(user);
    // A call-taker answers by hand: the call stays offered while the data is looked at.
    config.answerPolicy = AnswerPolicy::Manual;
    config.emergencyFetchTimeout = 400ms;
    m_randoms.push_back(std::make_unique<SeededRandomSource>(seed));
    auto engine = std::make_unique<Engine>(config, m_clock, *m_randoms.back());
    if (auto started = engine->start(); !started) {
        qWarning() << "engine did not start:" << started.error().detail;
        return nullptr;
    }
    return engine;
}

void TestEmergencyCall::init()
{
    m_caller = makeEngine("caller", 1);
    m_psap = makeEngine("psap", 2);
    QVERIFY(m_caller && m_psap);
    m_offered.clear();
    connect(&m_psap->calls(), &CallManager::callOffered, this,
            [this](Call *call) { m_offered.append(call); });
}

void TestEmergencyCall::cleanup()
{
    for (Engine *e : {m_caller.get(), m_psap.get()}) {
        if (e && e->sip().isRunning()) {
            QSignalSpy stopped(&e->sip(), &sip::Agent::stopped);
            e->stop();
            QVERIFY(stopped.wait(waitMs));
        }
    }
    m_caller.reset();
    m_psap.reset();
    m_randoms.clear();
}

QByteArray TestEmergencyCall::psapUri() const
{
    return "sip:psap@127.0.0.1:" + QByteArray::number(m_psap->sipListenPort());
}

Call *TestEmergencyCall::sendInvite(const QByteArray &contentType, const QByteArray &body,
                                    sip::SipHeaders headers, const QByteArray &target)
{
    sip::InviteOptions options;
    options.contentType = contentType;
    options.extraHeaders = std::move(headers);
    if (!target.isEmpty())
        options.route = psapUri();
    if (!m_caller->sip().invite(target.isEmpty() ? psapUri() : target, body, options))
        return nullptr;
    [&] { QTRY_COMPARE_WITH_TIMEOUT(m_offered.size(), 1, waitMs); }();
    return m_offered.value(0);
}

void TestEmergencyCall::locationByValue()
{
    ng911::MultipartBody body;
    body.parts = {
        part("application/sdp", {}, offer),
        part("application/pidf+xml", "target123@atlanta.example.com", dataFile("pidf-rfc6442.xml")),
        part("application/EmergencyCallData.DeviceInfo+xml", "dev1@atlanta.example.com",
             dataFile("adr-deviceinfo.xml")),
        part("application/EmergencyCallData.SubscriberInfo+xml", "sub1@atlanta.example.com",
             dataFile("adr-subscriberinfo.xml"))};
    Call *call = sendInvite(
        "multipart/mixed;boundary=boundary1", ng911::serializeMultipart(body, "boundary1"),
        {{"Geolocation", "<cid:target123@atlanta.example.com>"},
         {"Geolocation-Routing", "no"},
         {"Call-Info", "<cid:dev1@atlanta.example.com>;purpose=EmergencyCallData.DeviceInfo"},
         {"Call-Info", "<cid:sub1@atlanta.example.com>;purpose=EmergencyCallData.SubscriberInfo"},
         {"P-Asserted-Identity", "<tel:+15555550123>"}});
    QVERIFY(call);
    const ng911::EmergencyCallData &data = call->emergencyData();
    QCOMPARE(data.callback.number, QStringLiteral("+15555550123"));
    QCOMPARE(data.callback.source, ng911::CallbackNumber::Source::PAssertedIdentity);
    QCOMPARE(data.locations.size(), 1);
    QCOMPARE(data.locations[0].state, ng911::DataState::Resolved);
    const ng911::LocationInfo *where = data.latestLocation();
    QVERIFY(where);
    QCOMPARE(where->shape->centre().latitude, 32.86726);
    QCOMPARE(where->shape->centre().longitude, -97.16054);
    QCOMPARE(where->method, QStringLiteral("802.11"));
    QCOMPARE(data.additionalData.size(), 2);
    QCOMPARE(data.additionalData[0].state, ng911::DataState::Resolved);
    QCOMPARE(data.additionalData[0].block->value(u"DeviceModelNr"), QStringLiteral("Lumia 800"));
    QCOMPARE(data.additionalData[1].block->value(u"SubscriberData.fn"),
             QStringLiteral("Simon Perreault"));
    QVERIFY(!data.hasPendingReferences());
    // The SDP part was the offer: the call was answered with MSRP negotiated.
    QVERIFY(call->negotiated().has_value());
}

void TestEmergencyCall::locationByReference()
{
    HttpResponder lis;
    QVERIFY(lis.listen());
    lis.bodies.insert("/loc/8a7c", dataFile("pidf-civic.xml"));
    lis.bodies.insert("/adr/provider", dataFile("adr-providerinfo.xml"));
    Call *call = sendInvite(
        "application/sdp", offer,
        {{"Geolocation", "<" + lis.url("/loc/8a7c") + ">"},
         {"Call-Info", "<" + lis.url("/adr/provider") + ">;purpose=EmergencyCallData.ProviderInfo"},
         {"Call-Info", "<" + lis.url("/adr/missing") + ">;purpose=EmergencyCallData.Comment"}});
    QVERIFY(call);
    QSignalSpy changed(call, &Call::emergencyDataChanged);
    // Shown as pending while the LIS has not answered.
    QCOMPARE(call->emergencyData().locations.size(), 1);
    QCOMPARE(call->emergencyData().locations[0].state, ng911::DataState::Pending);
    QVERIFY(!call->emergencyData().latestLocation());
    QTRY_COMPARE_WITH_TIMEOUT(lis.paths.size(), 3, waitMs);
    QCOMPARE(call->emergencyData().locations[0].state, ng911::DataState::Pending);
    QVERIFY(lis.accepts.contains("application/pidf+xml"));
    lis.release();
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 3, waitMs);
    const ng911::EmergencyCallData &data = call->emergencyData();
    QCOMPARE(data.locations[0].state, ng911::DataState::Resolved);
    QCOMPARE(data.latestLocation()->civic->value(u"A3"), QStringLiteral("Wollongong"));
    QCOMPARE(data.additionalData[0].state, ng911::DataState::Resolved);
    QCOMPARE(data.additionalData[0].block->value(u"DataProviderString"),
             QStringLiteral("Example VoIP Provider"));
    QCOMPARE(data.additionalData[1].state, ng911::DataState::Unavailable);
    QVERIFY(data.additionalData[1].problem.contains(QStringLiteral("404")));
}

void TestEmergencyCall::referenceTimesOut()
{
    HttpResponder lis; // never released
    QVERIFY(lis.listen());
    lis.bodies.insert("/loc/slow", dataFile("pidf-point.xml"));
    Call *call =
        sendInvite("application/sdp", offer, {{"Geolocation", "<" + lis.url("/loc/slow") + ">"}});
    QVERIFY(call);
    QCOMPARE(call->emergencyData().locations[0].state, ng911::DataState::Pending);
    QSignalSpy changed(call, &Call::emergencyDataChanged);
    QVERIFY(changed.wait(waitMs)); // the 400 ms timeout, not the 10 s bound
    QCOMPARE(call->emergencyData().locations[0].state, ng911::DataState::Unavailable);
    QVERIFY(!call->emergencyData().locations[0].problem.isEmpty());
}

void TestEmergencyCall::multipartWithoutSdpRefused()
{
    ng911::MultipartBody body;
    body.parts = {part("application/pidf+xml", "x@y", dataFile("pidf-point.xml"))};
    QSignalSpy failed(&m_caller->sip(), &sip::Agent::callFailed);
    sip::InviteOptions options;
    options.contentType = "multipart/mixed; boundary=b1";
    const QByteArray target = "sip:psap@127.0.0.1:" + QByteArray::number(m_psap->sipListenPort());
    QVERIFY(m_caller->sip().invite(target, ng911::serializeMultipart(body, "b1"), options));
    QVERIFY(failed.wait(waitMs));
    QCOMPARE(failed.first().at(1).toInt(), 488);
    QVERIFY(m_offered.isEmpty());
}

void TestEmergencyCall::serviceUrnRequestUri_data()
{
    QTest::addColumn<QByteArray>("requestUri");
    QTest::addColumn<bool>("emergency");
    QTest::addColumn<bool>("test");
    QTest::newRow("sos") << QByteArray("urn:service:sos") << true << false;
    QTest::newRow("sos.police") << QByteArray("urn:service:sos.police") << true << false;
    // RFC 6881 §15: a test call is answered like any other and marked, never dispatched.
    QTest::newRow("test.sos") << QByteArray("urn:service:test.sos") << false << true;
}

void TestEmergencyCall::serviceUrnRequestUri()
{
    QFETCH(QByteArray, requestUri);
    QFETCH(bool, emergency);
    QFETCH(bool, test);
    // An ESRP routes INVITE <urn> to the PSAP with a Route naming it (RFC 6881 §8); the PSAP
    // sees the URN as Request-URI and answers.
    QSignalSpy answered(&m_caller->sip(), &sip::Agent::callAnswered);
    Call *call = sendInvite("application/sdp", offer,
                            {{"P-Asserted-Identity", "<tel:+15555550123>"}}, requestUri);
    QVERIFY(call);
    QCOMPARE(call->emergencyData().service.urn, requestUri);
    QCOMPARE(call->emergencyData().service.isEmergency(), emergency);
    QCOMPARE(call->emergencyData().service.isTest(), test);
    QVERIFY(m_psap->calls().answer(call->id()));
    QVERIFY(answered.wait(waitMs));
    QTRY_COMPARE_WITH_TIMEOUT(call->state(), CallState::Active, waitMs);
}

void TestEmergencyCall::serviceUrnWithoutRouteRefused()
{
    // A URN names a service, not a host: without a route the agent cannot send it anywhere.
    const auto sent = m_caller->sip().invite("urn:service:sos", offer);
    QVERIFY(!sent);
    QCOMPARE(sent.error().code, ErrorCode::InvalidArgument);
    // Any other URN scheme stays refused as a Request-URI.
    sip::InviteOptions options;
    options.route = psapUri();
    QVERIFY(
        !m_caller->sip().invite("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", offer, options));
}

void TestEmergencyCall::reInviteAddsLocation()
{
    ng911::MultipartBody first;
    first.parts = {part("application/sdp", {}, offer),
                   part("application/pidf+xml", "loc1@esrp.example", dataFile("pidf-circle.xml"))};
    Call *call = sendInvite("multipart/mixed;boundary=b1", ng911::serializeMultipart(first, "b1"),
                            {{"Geolocation", "<cid:loc1@esrp.example>"}});
    QVERIFY(call);
    QSignalSpy answered(&m_caller->sip(), &sip::Agent::callAnswered);
    QVERIFY(m_psap->calls().answer(call->id()));
    QVERIFY(answered.wait(waitMs));
    const sip::CallId callerId = answered.first().at(0).value<sip::CallId>();
    QTRY_COMPARE_WITH_TIMEOUT(m_caller->sip().callState(callerId), sip::CallState::Established,
                              waitMs);
    QSignalSpy changed(call, &Call::emergencyDataChanged);

    // The caller moved: a re-INVITE with the same offer and a new PIDF-LO (RFC 6442 §4.1).
    ng911::MultipartBody moved;
    moved.parts = {part("application/sdp", {}, offer),
                   part("application/pidf+xml", "loc2@esrp.example", dataFile("pidf-civic.xml"))};
    sip::InviteOptions options;
    options.contentType = "multipart/mixed;boundary=b2";
    options.extraHeaders = {{"Geolocation", "<cid:loc2@esrp.example>"}};
    QVERIFY(m_caller->sip().reinvite(callerId, ng911::serializeMultipart(moved, "b2"), options));
    QVERIFY(changed.wait(waitMs));
    const ng911::EmergencyCallData &data = call->emergencyData();
    QCOMPARE(data.locations.size(), 2);
    QCOMPARE(data.locations[1].state, ng911::DataState::Resolved);
    QCOMPARE(data.latestLocation()->civic->value(u"A3"), QStringLiteral("Wollongong"));
    QCOMPARE(data.locations[0].document->locations[0].method, QStringLiteral("GPS"));
    QCOMPARE(call->state(), CallState::Active); // the session is untouched

    // The same re-INVITE again (a session refresh repeating the headers) adds nothing.
    QSignalSpy updated(&m_psap->sip(), &sip::Agent::callUpdated);
    QVERIFY(m_caller->sip().reinvite(callerId, ng911::serializeMultipart(moved, "b2"), options));
    QVERIFY(updated.wait(waitMs));
    QCOMPARE(call->emergencyData().locations.size(), 2);
    QCOMPARE(changed.size(), 1);
}

QTEST_GUILESS_MAIN(TestEmergencyCall)
#include "tst_emergencycall.moc"
