// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// 3PCC over REST (issue 6, item 5): the application does the SIP itself and hands Herald the
// remote SDP offer in POST /default/calls with signaling="no"; Herald answers with its SDP in
// the call_response, the remote MSRP endpoint (another Engine's endpoint, standing in for the
// ESRP) connects as the answer says, texts flow both ways as `message` events and send_message
// actions, and DELETE tears the MSRP session down. Bad SDP gets 400 naming call@sdp.
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/msrp/session/msrpendpoint.h"
#include "engine/rest/binding/restserver.h"
#include "engine/sdp/offerbuilder.h"
#include "engine/service/engine.h"
#include "httptestclient.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace herald;
using namespace herald::service;
using herald::test::HttpTestClient;

namespace {

const std::pair<QByteArray, QByteArray> auth{QByteArrayLiteral("Authorization"),
                                             QByteArrayLiteral("Bearer t0ken")};
const std::pair<QByteArray, QByteArray> xmlType{QByteArrayLiteral("Content-Type"),
                                                QByteArrayLiteral("text/xml;charset=UTF-8")};

QString attribute(const QByteArray &doc, const QString &name)
{
    const QRegularExpression re(
        QStringLiteral(" %1=\"([^\"]*)\"").arg(QRegularExpression::escape(name)));
    return re.match(QString::fromUtf8(doc)).captured(1);
}

QString eventData(const QByteArray &doc, const QString &name)
{
    const QRegularExpression re(QStringLiteral("<event_data name=\"%1\" value=\"([^\"]*)\"/>")
                                    .arg(QRegularExpression::escape(name)));
    return re.match(QString::fromUtf8(doc)).captured(1);
}

// Undoes the attribute escaping of webservicexml (the five entities and &#x..; references).
QString unescape(QString text)
{
    static const QRegularExpression ref(QStringLiteral("&#x([0-9A-F]+);"));
    QString out;
    qsizetype last = 0;
    for (auto it = ref.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        out += QString::fromUcs4(
            std::array<char32_t, 1>{char32_t(m.captured(1).toUInt(nullptr, 16))}.data(), 1);
        last = m.capturedEnd();
    }
    out += text.mid(last);
    out.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    out.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    out.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    out.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return out;
}

QByteArray escapeForAttribute(const QByteArray &sdp)
{
    QByteArray out = sdp;
    out.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    out.replace("\r", "&#xD;").replace("\n", "&#xA;");
    return out;
}

EngineConfig engineConfig(const QString &user)
{
    EngineConfig config;
    config.msrpListenPort = 0;
    config.sip.bindHost = QStringLiteral("127.0.0.1");
    config.sip.port = 0;
    config.sip.identity = QStringLiteral("sip:%1@127.0.0.1").arg(user);
    config.answerPolicy = AnswerPolicy::Manual;
    return config;
}

} // namespace

class TestRest3pcc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createTalkDelete();
    void refusedSdp_data();
    void refusedSdp();

private:
    std::optional<QByteArray> nextEvent(HttpTestClient &stream);

    SystemClock m_clock;
    SeededRandomSource m_heraldRandom{21};
    SeededRandomSource m_peerRandom{22};
    std::unique_ptr<Engine> m_herald;
    std::unique_ptr<Engine> m_peer;
    std::unique_ptr<rest::RestServer> m_rest;
};

void TestRest3pcc::init()
{
    m_herald =
        std::make_unique<Engine>(engineConfig(QStringLiteral("psap")), m_clock, m_heraldRandom);
    m_peer = std::make_unique<Engine>(engineConfig(QStringLiteral("esrp")), m_clock, m_peerRandom);
    QVERIFY(m_herald->start());
    QVERIFY(m_peer->start());
    rest::RestConfig config;
    config.port = 0;
    config.token = QByteArrayLiteral("t0ken");
    m_rest = std::make_unique<rest::RestServer>(*m_herald, config);
    QVERIFY(m_rest->start());
}

void TestRest3pcc::cleanup()
{
    m_rest.reset();
    for (auto *engine : {m_peer.get(), m_herald.get()}) {
        if (engine && engine->sip().isRunning()) {
            QSignalSpy stopped(&engine->sip(), &sip::Agent::stopped);
            engine->stop();
            stopped.wait(5000);
        }
    }
    m_peer.reset();
    m_herald.reset();
}

std::optional<QByteArray> TestRest3pcc::nextEvent(HttpTestClient &stream)
{
    while (true) {
        auto doc = stream.frame(10000);
        if (!doc || !doc->contains("type=\"keepalive\""))
            return doc;
    }
}

void TestRest3pcc::createTalkDelete()
{
    // The event stream first.
    HttpTestClient stream(m_rest->port());
    QVERIFY(stream.connectToServer());
    auto handler = stream.request(
        "POST", "/default/eventhandlers?appid=psap",
        "<web_service version=\"1.0\"><eventhandler><eventsubscribe action=\"add\" type=\"any\" "
        "resource_id=\"any\" resource_type=\"any\"/></eventhandler></web_service>",
        {auth, xmlType});
    QVERIFY(handler && handler->status == 201);
    stream.send("GET",
                "/default/eventhandlers/" +
                    attribute(handler->body, QStringLiteral("identifier")).toLatin1() +
                    "?appid=psap",
                {}, {auth});
    QVERIFY(stream.response());

    // The remote MSRP endpoint's offer, as the ESRP's INVITE would carry it.
    msrp::Endpoint &peer = m_peer->msrp();
    msrp::Session *peerSession = peer.createSession();
    QList<msrp::ReceivedMessage> peerReceived;
    connect(peerSession, &msrp::Session::messageReceived, this,
            [&peerReceived](const msrp::ReceivedMessage &m) { peerReceived.append(m); });
    sdp::OfferOptions offerOptions;
    offerOptions.sessionId = 1234;
    offerOptions.sessionVersion = 1;
    offerOptions.address = "127.0.0.1";
    offerOptions.port = peer.serverPort();
    offerOptions.path = {peerSession->localUriText()};
    offerOptions.acceptTypes = {"text/plain"};
    offerOptions.setup = sdp::Setup::ActPass;
    auto offer = sdp::buildOffer(offerOptions);
    QVERIFY(offer);
    auto offerBytes = offer->toCheckedBytes();
    QVERIFY(offerBytes);

    HttpTestClient control(m_rest->port());
    QVERIFY(control.connectToServer());
    auto created =
        control.request("POST", "/default/calls?appid=psap",
                        "<web_service version=\"1.0\"><call signaling=\"no\" media=\"message\" "
                        "message=\"sendrecv\" sdp=\"" +
                            escapeForAttribute(*offerBytes) + "\"/></web_service>",
                        {auth, xmlType});
    QVERIFY(created);
    QCOMPARE(created->status, 201);
    const QString callId = attribute(created->body, QStringLiteral("identifier"));
    QVERIFY(!callId.isEmpty());
    QCOMPARE(attribute(created->body, QStringLiteral("call_type")), QStringLiteral("3pcc"));
    const QByteArray answerText =
        unescape(attribute(created->body, QStringLiteral("sdp"))).toUtf8();
    QVERIFY2(answerText.startsWith("v=0\r\n"), answerText.constData());
    QCOMPARE(created->header("Location"), "/default/calls/" + callId.toLatin1());

    // The peer reads Herald's answer and connects as it says (Herald passive on actpass).
    auto answer = sdp::SessionDescription::parse(answerText);
    QVERIFY2(answer, answer ? "" : qPrintable(answer.error().detail));
    auto negotiated = sdp::acceptAnswer(*offer, *answer);
    QVERIFY2(negotiated, negotiated ? "" : qPrintable(negotiated.error().detail));
    QVERIFY(negotiated->localIsActive);
    msrp::Path herald;
    for (const QByteArray &uri : negotiated->remotePath)
        herald.append(*msrp::Uri::parse(uri));
    peer.connectSession(peerSession, herald);
    QTRY_COMPARE_WITH_TIMEOUT(peerSession->state(), msrp::SessionState::Active, 5000);

    const QByteArray callPath = "/default/calls/" + callId.toLatin1() + "?appid=psap";
    auto connected = nextEvent(stream);
    QVERIFY(connected);
    QVERIFY2(connected->contains(
                 QByteArray("<event type=\"connected\" resource_type=\"call\" resource_id=\"" +
                            callId.toLatin1() + "\"")),
             connected->constData());

    // Peer -> application.
    const QByteArray sent = peerSession->sendText("text/plain", "there is a fire");
    auto message = nextEvent(stream);
    QVERIFY(message);
    QVERIFY2(message->contains("type=\"message\""), message->constData());
    QCOMPARE(eventData(*message, QStringLiteral("msg_payload[0].content")),
             QStringLiteral("there is a fire"));
    QCOMPARE(eventData(*message, QStringLiteral("message_id")), QString::fromLatin1(sent));

    // Application -> peer.
    auto reply =
        control.request("PUT", callPath,
                        "<web_service version=\"1.0\"><call><call_action><send_message "
                        "mode=\"msrp\" report=\"failure\">"
                        "<msg_payload content_id=\"1\" "
                        "content_type=\"text/plain\"><msg_payload_content content=\"where?\"/>"
                        "</msg_payload></send_message></call_action></call></web_service>",
                        {auth, xmlType});
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    const QString transaction = attribute(reply->body, QStringLiteral("transaction_id"));
    QVERIFY(!transaction.isEmpty());
    auto ended = nextEvent(stream);
    QVERIFY(ended);
    QVERIFY2(ended->contains("type=\"end_send_message\""), ended->constData());
    QCOMPARE(eventData(*ended, QStringLiteral("transaction_id")), transaction);
    QCOMPARE(eventData(*ended, QStringLiteral("reason")), QStringLiteral("success"));
    QTRY_COMPARE_WITH_TIMEOUT(peerReceived.size(), 1, 5000);
    QCOMPARE(peerReceived.first().body, QByteArray("where?"));

    // The list shows it; DELETE tears it down: the peer's session ends with the connection.
    auto list = control.request("GET", "/default/calls?appid=psap", {}, {auth});
    QVERIFY(list && list->body.contains(QByteArray("identifier=\"" + callId.toLatin1() + "\"")));
    QPointer<msrp::Session> watched(peerSession);
    auto deleted = control.request("DELETE", callPath, {}, {auth, xmlType});
    QVERIFY(deleted);
    QCOMPARE(deleted->status, 204);
    auto hangup = nextEvent(stream);
    QVERIFY(hangup);
    QVERIFY2(hangup->contains("type=\"hangup\""), hangup->constData());
    QTRY_VERIFY_WITH_TIMEOUT(!watched || msrp::isFinal(watched->state()), 5000);
    auto gone = control.request("GET", callPath, {}, {auth});
    QVERIFY(gone);
    QCOMPARE(gone->status, 404);
}

void TestRest3pcc::refusedSdp_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("no sdp") << QByteArray("<call signaling=\"no\"/>") << 400;
    QTest::newRow("garbage") << QByteArray("<call signaling=\"no\" sdp=\"hello\"/>") << 400;
    QTest::newRow("sofia-killer m-line")
        << QByteArray("<call signaling=\"no\" sdp=\"v=0&#xA;o=- 1 1 IN IP4 127.0.0.1&#xA;s=-&#xA;"
                      "c=IN IP4 127.0.0.1&#xA;t=0 0&#xA;m=message 9 TCP/MSRP / *&#xA;\"/>")
        << 400;
    QTest::newRow("audio only")
        << QByteArray("<call signaling=\"no\" sdp=\"v=0&#xA;o=- 1 1 IN IP4 127.0.0.1&#xA;s=-&#xA;"
                      "c=IN IP4 127.0.0.1&#xA;t=0 0&#xA;m=audio 9 RTP/AVP 0&#xA;\"/>")
        << 400;
}

void TestRest3pcc::refusedSdp()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    HttpTestClient control(m_rest->port());
    QVERIFY(control.connectToServer());
    auto r = control.request("POST", "/default/calls?appid=psap", body, {auth, xmlType});
    QVERIFY(r);
    QCOMPARE(r->status, status);
    QVERIFY2(r->body.contains("description=\"call@sdp: "), r->body.constData());
}

QTEST_GUILESS_MAIN(TestRest3pcc)
#include "tst_rest3pcc.moc"
