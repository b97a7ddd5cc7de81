// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The REST representations without sockets: XML web_service requests read with a real
// parser (odd spacing, pretty-printing, entities), responses and events written token-exact
// (XMS-REST.md), JSON the same, and the EventHub's bounded queue with a fake sink.
#include "engine/core/randomsource.h"
#include "engine/rest/eventhub.h"
#include "engine/rest/restjson.h"
#include "engine/rest/secretcompare.h"
#include "engine/rest/webservicexml.h"

#include <QTest>

using namespace herald;
using namespace herald::rest;

namespace {

class FakeSink final : public EventSink
{
public:
    qint64 backlogBytes() const override { return backlog; }
    void writeEvent(const RestEvent &event) override { written.append(event); }
    void finish() override { finished = true; }
    qint64 backlog = 0;
    QList<RestEvent> written;
    bool finished = false;
};

} // namespace

class TestRestCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSecret_data();
    void sameSecret();
    void parseCallVariants_data();
    void parseCallVariants();
    void sendMessageParsed();
    void callResponseIsTokenExact();
    void eventWriting();
    void jsonCall();
    void hubBoundsEachQueue();
    void hubWaitsForBacklog();
};

void TestRestCodec::parseCallVariants_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("answer");
    QTest::newRow("compact")
        << QByteArray(
               R"(<web_service version="1.0"><call media="message" answer="yes" async_completion="yes"/></web_service>)")
        << true;
    QTest::newRow("pretty")
        << QByteArray(
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<web_service version='1.0'>\n"
               "   <call\n      media = 'message'\n      answer=\"yes\"  />\n</web_service>\n")
        << true;
    QTest::newRow("no wrapper") << QByteArray(R"(<call answer="no"/>)") << false;
}

void TestRestCodec::parseCallVariants()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, answer);
    auto call = xml::parseCall(body);
    QVERIFY2(call, call ? "" : qPrintable(call.error().detail));
    QCOMPARE(call->answer, std::optional<bool>(answer));
}

void TestRestCodec::sendMessageParsed()
{
    auto call = xml::parseCall(
        "<web_service version=\"1.0\"><call><call_action><send_message mode=\"msrp\" "
        "report=\"both\">"
        "<msg_payload content_id=\"c1\" content_type=\"text/plain\"><msg_payload_content "
        "content=\"a &amp; b &#xE9;&#xA;\"/></msg_payload><msg_payload content_id=\"f\" "
        "content_type=\"image/png\"><msg_payload_uri uri=\"file:///tmp/x.png\"/></msg_payload>"
        "</send_message></call_action></call></web_service>");
    QVERIFY(call);
    QVERIFY(call->sendMessage);
    QCOMPARE(call->sendMessage->mode, QStringLiteral("msrp"));
    QCOMPARE(call->sendMessage->report, QStringLiteral("both"));
    QCOMPARE(call->sendMessage->payloads.size(), 2);
    QCOMPARE(call->sendMessage->payloads.at(0).content, QStringLiteral("a & b \u00e9\n"));
    QCOMPARE(call->sendMessage->payloads.at(1).uri, QStringLiteral("file:///tmp/x.png"));
}

void TestRestCodec::callResponseIsTokenExact()
{
    CallView view;
    view.id = QStringLiteral("17");
    view.appid = QStringLiteral("app");
    view.callType = QStringLiteral("inbound");
    view.connected = true;
    view.state = QStringLiteral("active");
    view.sendTransactionId = QStringLiteral("TX9");
    QCOMPARE(
        xml::writeCallResponse(view),
        QByteArray(
            "<web_service version=\"1.0\"><call_response identifier=\"17\" appid=\"app\" "
            "href=\"/default/calls/17\" call_type=\"inbound\" media=\"message\" connected=\"yes\" "
            "state=\"active\" signaling=\"yes\"><call_action><send_message transaction_id=\"TX9\"/>"
            "</call_action></call_response></web_service>"));
}

void TestRestCodec::eventWriting()
{
    RestEvent keepalive;
    keepalive.type = QStringLiteral("keepalive");
    keepalive.resourceId = QStringLiteral("ignored");
    QCOMPARE(xml::writeEvent(keepalive),
             QByteArray("<web_service version=\"1.0\"><event type=\"keepalive\"/></web_service>"));
    RestEvent hangup;
    hangup.type = QStringLiteral("hangup");
    hangup.resourceId = QStringLiteral("3");
    hangup.data = {{QStringLiteral("reason"), QStringLiteral("\u00e7a \x01")}};
    QCOMPARE(xml::writeEvent(hangup),
             QByteArray(
                 "<web_service version=\"1.0\"><event type=\"hangup\" resource_type=\"call\" "
                 "resource_id=\"3\">"
                 "<event_data name=\"reason\" value=\"&#xE7;a &#xFFFD;\"/></event></web_service>"));
}

void TestRestCodec::jsonCall()
{
    auto call = json::parseCall(
        R"({"signaling": false, "sdp": "v=0", "call_action": {"hangup": {"reason": "done"}}})");
    QVERIFY(call);
    QCOMPARE(call->signaling, std::optional<bool>(false));
    QVERIFY(call->hangup);
    QCOMPARE(call->hangup->reason, QStringLiteral("done"));
    auto bad = json::parseCall(
        R"({"call_action": {"send_message": {"msg_payload": [{"content": "x"}]}}})");
    QVERIFY(!bad);
    QCOMPARE(bad.error().field,
             QStringLiteral("call_action.send_message.msg_payload[0].content_type"));
}

void TestRestCodec::hubBoundsEachQueue()
{
    SeededRandomSource random(1);
    EventHubLimits limits;
    limits.maxQueuedEvents = 3;
    EventHub hub(random, limits);
    auto slow = hub.create(QStringLiteral("a"), {Subscription{}});
    auto fast = hub.create(QStringLiteral("b"), {Subscription{}});
    QVERIFY(slow && fast);
    FakeSink slowSink;
    FakeSink fastSink;
    QVERIFY(hub.attach(slow->id, &slowSink));
    QVERIFY(hub.attach(fast->id, &fastSink));
    QVERIFY(!hub.attach(fast->id, &slowSink)); // one stream per handler
    slowSink.backlog = 1 << 30;                // its connection takes nothing more
    RestEvent e;
    e.type = QStringLiteral("message");
    for (int i = 0; i < 10; ++i) {
        e.resourceId = QString::number(i);
        hub.publish(e);
        hub.flush();
    }
    QCOMPARE(fastSink.written.size(), 10);
    QVERIFY(slowSink.written.isEmpty());
    // Overflowed: the alarm waits for room, then the consumer is dropped.
    QVERIFY(hub.handler(slow->id));
    slowSink.backlog = 0;
    hub.flush();
    QCOMPARE(slowSink.written.size(), 1);
    QCOMPARE(slowSink.written.first().type, QStringLiteral("alarm"));
    QVERIFY(slowSink.finished);
    QVERIFY(!hub.handler(slow->id));
    QVERIFY(hub.handler(fast->id));
}

void TestRestCodec::hubWaitsForBacklog()
{
    SeededRandomSource random(2);
    EventHub hub(random, EventHubLimits{});
    auto h = hub.create(QStringLiteral("a"),
                        {Subscription{QStringLiteral("add"), QStringLiteral("hangup"),
                                      QStringLiteral("any"), QStringLiteral("any")}});
    QVERIFY(h);
    FakeSink sink;
    QVERIFY(hub.attach(h->id, &sink));
    RestEvent message;
    message.type = QStringLiteral("message");
    RestEvent hangup;
    hangup.type = QStringLiteral("hangup");
    hub.publish(message);
    hub.publish(hangup);
    // Not written from inside publish(): the request's response goes first.
    QVERIFY(sink.written.isEmpty());
    QTRY_COMPARE(sink.written.size(), 1);
    QCOMPARE(sink.written.first().type, QStringLiteral("hangup"));
    hub.detach(h->id);
    QVERIFY(!hub.handler(h->id));
}

void TestRestCodec::sameSecret_data()
{
    QTest::addColumn<QByteArray>("presented");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<bool>("same");
    QTest::newRow("equal") << QByteArray("t0ken") << QByteArray("t0ken") << true;
    QTest::newRow("prefix") << QByteArray("t0k") << QByteArray("t0ken") << false;
    QTest::newRow("longer") << QByteArray("t0ken!") << QByteArray("t0ken") << false;
    QTest::newRow("last byte") << QByteArray("t0keN") << QByteArray("t0ken") << false;
    QTest::newRow("empty vs set") << QByteArray() << QByteArray("t0ken") << false;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
}

void TestRestCodec::sameSecret()
{
    QFETCH(QByteArray, presented);
    QFETCH(QByteArray, secret);
    QFETCH(bool, same);
    QCOMPARE(rest::sameSecret(presented, secret), same);
}

QTEST_GUILESS_MAIN(TestRestCodec)
#include "tst_restcodec.moc"
