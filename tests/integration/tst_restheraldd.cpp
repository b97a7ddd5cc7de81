// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// 1PCC through heraldd as a process (issue 6, item 4): heraldd runs with --rest-listen and
// --rest-token; an ESRP stand-in (an Engine in this process) INVITEs it with an MSRP offer; a
// REST client over real HTTP sees `incoming`, answers, receives each text as a `message`
// event within 50 ms of its SEND, replies with send_message and gets end_send_message with
// reason success, hangs up with DELETE, and the ESRP sees the BYE.
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/service/engine.h"
#include "tests/protocol/rest/httptestclient.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>

using namespace herald;
using namespace herald::service;
using namespace std::chrono_literals;
using herald::test::HttpTestClient;

namespace {

constexpr int startTimeoutMs = 10000;
const std::pair<QByteArray, QByteArray> auth{QByteArrayLiteral("Authorization"),
                                             QByteArrayLiteral("Bearer proc-t0ken")};
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

std::optional<QByteArray> nextEvent(HttpTestClient &stream)
{
    while (true) {
        auto doc = stream.frame(10000);
        if (!doc || !doc->contains("type=\"keepalive\""))
            return doc;
    }
}

} // namespace

class TestRestHeraldd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void oneCallOverRest();
    void tokenRequired();

private:
    QTemporaryDir m_logs;
    QProcess m_heraldd;
    quint16 m_sipPort = 0;
    quint16 m_restPort = 0;
};

void TestRestHeraldd::initTestCase()
{
    QVERIFY(m_logs.isValid());
    const QString out = m_logs.filePath(QStringLiteral("heraldd.out"));
    m_heraldd.setStandardOutputFile(out);
    m_heraldd.setStandardErrorFile(m_logs.filePath(QStringLiteral("heraldd.err")));
    m_heraldd.start(test::binDir() + QStringLiteral("/heraldd"),
                    {QStringLiteral("--msrp-listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--sip-listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--no-store"), QStringLiteral("--rest-listen"),
                     QStringLiteral("127.0.0.1:0"), QStringLiteral("--rest-token"),
                     QStringLiteral("proc-t0ken")});
    QVERIFY2(m_heraldd.waitForStarted(startTimeoutMs), qPrintable(m_heraldd.errorString()));
    static const QRegularExpression sipLine(
        QStringLiteral(R"(^heraldd: SIP listening on 127\.0\.0\.1:(\d+) \(UDP, TCP\)$)"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression restLine(
        QStringLiteral(R"(^heraldd: REST listening on 127\.0\.0\.1:(\d+)$)"),
        QRegularExpression::MultilineOption);
    QString text;
    QTest::qWaitFor(
        [&] {
            text = QString::fromUtf8(test::readFile(out));
            return restLine.match(text).hasMatch() || m_heraldd.state() == QProcess::NotRunning;
        },
        startTimeoutMs);
    QVERIFY2(restLine.match(text).hasMatch() && sipLine.match(text).hasMatch(),
             qPrintable(text + QString::fromUtf8(test::readFile(
                                   m_logs.filePath(QStringLiteral("heraldd.err"))))));
    m_sipPort = sipLine.match(text).captured(1).toUShort();
    m_restPort = restLine.match(text).captured(1).toUShort();
}

void TestRestHeraldd::cleanupTestCase()
{
    if (m_heraldd.state() != QProcess::NotRunning) {
        m_heraldd.terminate();
        if (!m_heraldd.waitForFinished(10000))
            m_heraldd.kill();
    }
}

void TestRestHeraldd::tokenRequired()
{
    HttpTestClient client(m_restPort);
    QVERIFY(client.connectToServer());
    auto r = client.request("GET", "/default/calls?appid=psap");
    QVERIFY(r);
    QCOMPARE(r->status, 401);
    QVERIFY(!r->header("WWW-Authenticate").isEmpty());
}

void TestRestHeraldd::oneCallOverRest()
{
    SystemClock clock;
    SeededRandomSource random(31);
    EngineConfig config;
    config.msrpListenPort = 0;
    config.sip.bindHost = QStringLiteral("127.0.0.1");
    config.sip.port = 0;
    config.sip.identity = QStringLiteral("sip:esrp@127.0.0.1");
    Engine esrp(config, clock, random);
    QVERIFY(esrp.start());

    HttpTestClient stream(m_restPort);
    QVERIFY(stream.connectToServer());
    auto handler = stream.request(
        "POST", "/default/eventhandlers?appid=psap",
        "<web_service version=\"1.0\"><eventhandler><eventsubscribe action=\"add\" type=\"any\" "
        "resource_id=\"any\" resource_type=\"any\"/></eventhandler></web_service>",
        {auth, xmlType});
    QVERIFY(handler);
    QCOMPARE(handler->status, 201);
    stream.send("GET",
                "/default/eventhandlers/" +
                    attribute(handler->body, QStringLiteral("identifier")).toLatin1() +
                    "?appid=psap",
                {}, {auth});
    auto head = stream.response();
    QVERIFY(head && head->status == 200);

    auto placed = esrp.calls().placeCall("sip:psap@127.0.0.1:" + QByteArray::number(m_sipPort) +
                                         ";transport=tcp");
    QVERIFY(placed);
    Call *call = *placed;
    QList<msrp::ReceivedMessage> received;
    connect(call, &Call::messageReceived, this,
            [&received](const msrp::ReceivedMessage &m) { received.append(m); });
    auto incoming = nextEvent(stream);
    QVERIFY(incoming);
    QVERIFY2(incoming->contains("<event type=\"incoming\""), incoming->constData());
    const QByteArray callPath = "/default/calls/" +
                                attribute(*incoming, QStringLiteral("resource_id")).toLatin1() +
                                "?appid=psap";

    HttpTestClient control(m_restPort);
    QVERIFY(control.connectToServer());
    auto answered =
        control.request("PUT", callPath,
                        "<web_service version=\"1.0\"><call media=\"message\" answer=\"yes\" "
                        "async_completion=\"yes\"/></web_service>",
                        {auth, xmlType});
    QVERIFY(answered);
    QCOMPARE(answered->status, 200);
    auto connected = nextEvent(stream);
    QVERIFY(connected && connected->contains("type=\"connected\""));
    QTRY_VERIFY_WITH_TIMEOUT(
        call->session() && call->session()->state() == msrp::SessionState::Active, 10000);

    qint64 worst = 0;
    for (int i = 0; i < 10; ++i) {
        QElapsedTimer timer;
        timer.start();
        QVERIFY(call->sendText("text/plain", "text " + QByteArray::number(i)));
        auto message = nextEvent(stream);
        const qint64 elapsed = timer.elapsed();
        worst = std::max(worst, elapsed);
        QVERIFY(message);
        QCOMPARE(eventData(*message, QStringLiteral("msg_payload[0].content")),
                 QStringLiteral("text %1").arg(i));
        QVERIFY2(elapsed < 50, qPrintable(QStringLiteral("text %1: %2 ms").arg(i).arg(elapsed)));
    }
    qInfo("figure rest.heraldd.message_event.latency.worst %lld ms", worst);

    auto reply = control.request("PUT", callPath,
                                 "<web_service version=\"1.0\"><call><call_action><send_message "
                                 "mode=\"msrp\" report=\"both\">"
                                 "<msg_payload content_id=\"1\" "
                                 "content_type=\"text/plain\"><msg_payload_content content=\"ok\"/>"
                                 "</msg_payload></send_message></call_action></call></web_service>",
                                 {auth, xmlType});
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    const QString transaction = attribute(reply->body, QStringLiteral("transaction_id"));
    auto ended = nextEvent(stream);
    QVERIFY(ended);
    QCOMPARE(eventData(*ended, QStringLiteral("transaction_id")), transaction);
    QCOMPARE(eventData(*ended, QStringLiteral("reason")), QStringLiteral("success"));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);

    QSignalSpy esrpEnded(&esrp.calls(), &CallManager::callEnded);
    auto deleted = control.request("DELETE", callPath, {}, {auth, xmlType});
    QVERIFY(deleted);
    QCOMPARE(deleted->status, 204);
    QTRY_VERIFY_WITH_TIMEOUT(!esrpEnded.isEmpty(), 10000);
    auto hangup = nextEvent(stream);
    QVERIFY(hangup && hangup->contains("type=\"hangup\""));

    QSignalSpy stopped(&esrp.sip(), &sip::Agent::stopped);
    esrp.stop();
    stopped.wait(5000);
}

QTEST_GUILESS_MAIN(TestRestHeraldd)
#include "tst_restheraldd.moc"
