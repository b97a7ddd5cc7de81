// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// 1PCC over REST (issue 6, item 4): an ESRP stand-in (a second Engine) INVITEs Herald with an
// MSRP offer; a REST client on Herald's event stream sees `incoming`, answers with the exact
// XMS request, gets `connected`, receives each text as a `message` event within 50 ms of its
// SEND, replies with send_message and gets end_send_message with reason success, hangs up
// with DELETE (204), and the ESRP side sees the BYE. A far-end BYE releases the call (404).
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/rest/binding/restserver.h"
#include "engine/service/engine.h"
#include "httptestclient.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <chrono>
#include <memory>

using namespace herald;
using namespace herald::service;
using namespace std::chrono_literals;
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

EngineConfig engineConfig(const QString &user, AnswerPolicy policy)
{
    EngineConfig config;
    config.msrpListenPort = 0;
    config.sip.bindHost = QStringLiteral("127.0.0.1");
    config.sip.port = 0;
    config.sip.identity = QStringLiteral("sip:%1@127.0.0.1").arg(user);
    config.sip.t1 = 50ms;
    config.sip.t1x64 = 3200ms;
    config.answerPolicy = policy;
    return config;
}

} // namespace

class TestRest1pcc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void answerTalkHangUp();
    void farEndBye();

private:
    // The ESRP calls Herald; returns the stream's `incoming` event's call id.
    QString incomingCall(HttpTestClient &stream, Call **esrpCall);
    // The next frame that is not a keepalive.
    std::optional<QByteArray> nextEvent(HttpTestClient &stream);
    HttpTestClient *openStream();

    SystemClock m_clock;
    SeededRandomSource m_heraldRandom{11};
    SeededRandomSource m_esrpRandom{12};
    std::unique_ptr<Engine> m_herald;
    std::unique_ptr<Engine> m_esrp;
    std::unique_ptr<rest::RestServer> m_rest;
    std::unique_ptr<HttpTestClient> m_stream;
    QList<msrp::ReceivedMessage> m_esrpReceived;
};

void TestRest1pcc::init()
{
    m_herald = std::make_unique<Engine>(engineConfig(QStringLiteral("psap"), AnswerPolicy::Manual),
                                        m_clock, m_heraldRandom);
    m_esrp = std::make_unique<Engine>(engineConfig(QStringLiteral("esrp"), AnswerPolicy::Automatic),
                                      m_clock, m_esrpRandom);
    QVERIFY(m_herald->start());
    QVERIFY(m_esrp->start());
    rest::RestConfig config;
    config.port = 0;
    config.token = QByteArrayLiteral("t0ken");
    m_rest = std::make_unique<rest::RestServer>(*m_herald, config);
    QVERIFY(m_rest->start());
    m_esrpReceived.clear();
}

void TestRest1pcc::cleanup()
{
    m_stream.reset();
    m_rest.reset();
    for (auto *engine : {m_esrp.get(), m_herald.get()}) {
        if (engine && engine->sip().isRunning()) {
            QSignalSpy stopped(&engine->sip(), &sip::Agent::stopped);
            engine->stop();
            stopped.wait(5000);
        }
    }
    m_esrp.reset();
    m_herald.reset();
}

std::optional<QByteArray> TestRest1pcc::nextEvent(HttpTestClient &stream)
{
    while (true) {
        auto doc = stream.frame(10000);
        if (!doc || !doc->contains("type=\"keepalive\""))
            return doc;
    }
}

HttpTestClient *TestRest1pcc::openStream()
{
    m_stream = std::make_unique<HttpTestClient>(m_rest->port());
    if (!m_stream->connectToServer())
        return nullptr;
    auto created = m_stream->request(
        "POST", "/default/eventhandlers?appid=psap",
        "<web_service version=\"1.0\"><eventhandler><eventsubscribe action=\"add\" type=\"any\" "
        "resource_id=\"any\" resource_type=\"any\"/></eventhandler></web_service>",
        {auth, xmlType});
    if (!created || created->status != 201)
        return nullptr;
    const QString id = attribute(created->body, QStringLiteral("identifier"));
    // XMS-REST.md: the stream is read from a GET without an Accept header.
    m_stream->send("GET", "/default/eventhandlers/" + id.toLatin1() + "?appid=psap", {}, {auth});
    auto head = m_stream->response();
    if (!head || head->status != 200)
        return nullptr;
    return m_stream.get();
}

QString TestRest1pcc::incomingCall(HttpTestClient &stream, Call **esrpCall)
{
    const QByteArray target =
        "sip:psap@127.0.0.1:" + QByteArray::number(m_herald->sipListenPort()) + ";transport=tcp";
    auto placed = m_esrp->calls().placeCall(target);
    if (!placed)
        return {};
    *esrpCall = *placed;
    connect(*placed, &Call::messageReceived, this,
            [this](const msrp::ReceivedMessage &m) { m_esrpReceived.append(m); });
    auto incoming = nextEvent(stream);
    if (!incoming || !incoming->contains("<event type=\"incoming\" resource_type=\"call\""))
        return {};
    if (eventData(*incoming, QStringLiteral("caller_uri")).isEmpty())
        return {};
    return attribute(*incoming, QStringLiteral("resource_id"));
}

void TestRest1pcc::answerTalkHangUp()
{
    HttpTestClient *stream = openStream();
    QVERIFY(stream);
    Call *esrp = nullptr;
    const QString callId = incomingCall(*stream, &esrp);
    QVERIFY(!callId.isEmpty());
    QVERIFY(esrp);
    const QByteArray callPath = "/default/calls/" + callId.toLatin1() + "?appid=psap";

    HttpTestClient control(m_rest->port());
    QVERIFY(control.connectToServer());
    auto answered =
        control.request("PUT", callPath,
                        "<web_service version=\"1.0\">\n  <call media=\"message\" answer=\"yes\" "
                        "async_completion=\"yes\"/>\n</web_service>",
                        {auth, xmlType});
    QVERIFY(answered);
    QCOMPARE(answered->status, 200);
    QVERIFY(answered->body.contains(
        QByteArray("<call_response identifier=\"" + callId.toLatin1() + "\"")));
    auto connected = nextEvent(*stream);
    QVERIFY(connected);
    QVERIFY2(connected->contains(
                 QByteArray("<event type=\"connected\" resource_type=\"call\" resource_id=\"" +
                            callId.toLatin1() + "\"")),
             connected->constData());
    QTRY_COMPARE_WITH_TIMEOUT(esrp->state(), CallState::Active, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        esrp->session() && esrp->session()->state() == msrp::SessionState::Active, 10000);

    // Each text arrives as an event within 50 ms of its SEND.
    qint64 worstMs = 0;
    for (int i = 0; i < 20; ++i) {
        const QString text = QStringLiteral("help %1 \u00e9").arg(i);
        QElapsedTimer sent;
        sent.start();
        auto id = esrp->sendText("text/plain", text.toUtf8());
        QVERIFY(id);
        auto message = nextEvent(*stream);
        const qint64 elapsed = sent.elapsed();
        worstMs = std::max(worstMs, elapsed);
        QVERIFY(message);
        QVERIFY2(message->contains("<event type=\"message\""), message->constData());
        QCOMPARE(eventData(*message, QStringLiteral("msg_payload[0].content")),
                 QStringLiteral("help %1 &#xE9;").arg(i));
        QCOMPARE(eventData(*message, QStringLiteral("msg_payload[0].content_type")),
                 QStringLiteral("text/plain"));
        QCOMPARE(eventData(*message, QStringLiteral("message_id")), QString::fromLatin1(*id));
        QVERIFY2(elapsed < 50,
                 qPrintable(QStringLiteral("text %1 took %2 ms").arg(i).arg(elapsed)));
    }
    qInfo("figure rest.message_event.latency.worst %lld ms", worstMs);

    // The reply, exactly as the XMS client writes it.
    auto reply = control.request(
        "PUT", callPath,
        "<web_service version=\"1.0\"><call><call_action><send_message mode=\"msrp\" "
        "report=\"both\">"
        "<msg_payload content_id=\"c1\" content_type=\"text/plain\"><msg_payload_content "
        "content=\"Help is on the "
        "way\"/></msg_payload></send_message></call_action></call></web_service>",
        {auth, xmlType});
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    const QString transaction = attribute(reply->body, QStringLiteral("transaction_id"));
    QVERIFY2(!transaction.isEmpty(), reply->body.constData());
    QVERIFY(reply->body.contains(QByteArray("<call_action><send_message transaction_id=\"" +
                                            transaction.toLatin1() + "\"/>")));
    auto ended = nextEvent(*stream);
    QVERIFY(ended);
    QVERIFY2(ended->contains("<event type=\"end_send_message\""), ended->constData());
    QCOMPARE(eventData(*ended, QStringLiteral("transaction_id")), transaction);
    QCOMPARE(eventData(*ended, QStringLiteral("reason")), QStringLiteral("success"));
    QTRY_COMPARE_WITH_TIMEOUT(m_esrpReceived.size(), 1, 5000);
    QCOMPARE(m_esrpReceived.first().body, QByteArray("Help is on the way"));

    // Hang up: 204, the ESRP sees the BYE, the stream says hangup, the call is gone.
    QSignalSpy esrpEnded(&m_esrp->calls(), &CallManager::callEnded);
    auto deleted = control.request("DELETE", callPath, {}, {auth, xmlType});
    QVERIFY(deleted);
    QCOMPARE(deleted->status, 204);
    QVERIFY(deleted->body.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!esrpEnded.isEmpty(), 10000);
    auto hangup = nextEvent(*stream);
    QVERIFY(hangup);
    QVERIFY2(
        hangup->contains(QByteArray("<event type=\"hangup\" resource_type=\"call\" resource_id=\"" +
                                    callId.toLatin1() + "\"")),
        hangup->constData());
    auto gone = control.request("GET", callPath, {}, {auth});
    QVERIFY(gone);
    QCOMPARE(gone->status, 404);
}

void TestRest1pcc::farEndBye()
{
    HttpTestClient *stream = openStream();
    QVERIFY(stream);
    Call *esrp = nullptr;
    const QString callId = incomingCall(*stream, &esrp);
    QVERIFY(!callId.isEmpty());
    const QByteArray callPath = "/default/calls/" + callId.toLatin1() + "?appid=psap";
    HttpTestClient control(m_rest->port());
    QVERIFY(control.connectToServer());
    auto answered = control.request("PUT", callPath, "<call answer=\"yes\"/>", {auth, xmlType});
    QVERIFY(answered);
    QCOMPARE(answered->status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(esrp->state(), CallState::Active, 10000);
    auto connected = nextEvent(*stream);
    QVERIFY(connected && connected->contains("type=\"connected\""));
    QVERIFY(m_esrp->calls().hangup(esrp->id()));
    auto hangup = nextEvent(*stream);
    QVERIFY(hangup);
    QVERIFY2(hangup->contains("<event type=\"hangup\""), hangup->constData());
    QVERIFY(!eventData(*hangup, QStringLiteral("reason")).isEmpty());
    // XMS-REST.md: after a far-end BYE, Herald releases the call itself.
    auto gone = control.request("GET", callPath, {}, {auth});
    QVERIFY(gone);
    QCOMPARE(gone->status, 404);
    auto deleted = control.request("DELETE", callPath, {}, {auth});
    QVERIFY(deleted);
    QCOMPARE(deleted->status, 404);
}

QTEST_GUILESS_MAIN(TestRest1pcc)
#include "tst_rest1pcc.moc"
