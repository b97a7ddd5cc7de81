// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The REST API over real HTTP on loopback (port 0), spoken by a raw socket client: 401 with
// WWW-Authenticate on every route, 403 for an unknown appid, 400 problem bodies naming the
// field (XML and JSON), 404, 405 with Allow, the exact XMS framing of the event stream, 1,000
// events in order through one stream, keepalives, overflow of a slow consumer, SSE, the
// connection and body limits, and the OpenAPI document.
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/rest/binding/restserver.h"
#include "engine/rest/restapi.h"
#include "engine/service/engine.h"
#include "httptestclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <chrono>
#include <memory>

using namespace herald;
using namespace herald::rest;
using namespace std::chrono_literals;
using herald::test::HttpTestClient;

namespace {

const QByteArray token = QByteArrayLiteral("s3cret-token");
const std::pair<QByteArray, QByteArray> auth{QByteArrayLiteral("Authorization"),
                                             QByteArrayLiteral("Bearer s3cret-token")};
const std::pair<QByteArray, QByteArray> xmlType{QByteArrayLiteral("Content-Type"),
                                                QByteArrayLiteral("text/xml;charset=UTF-8")};
const std::pair<QByteArray, QByteArray> jsonType{QByteArrayLiteral("Content-Type"),
                                                 QByteArrayLiteral("application/json")};
const QByteArray subscribeAll =
    "<web_service version=\"1.0\"><eventhandler><eventsubscribe action=\"add\" type=\"any\" "
    "resource_id=\"any\" resource_type=\"any\"/></eventhandler></web_service>";

RestEvent numbered(int i)
{
    RestEvent e;
    e.type = QStringLiteral("message");
    e.resourceId = QStringLiteral("42");
    e.data = {{QStringLiteral("msg_payload[0].content"), QString::number(i)}};
    return e;
}

} // namespace

class TestRestApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void unauthorizedOnEveryRoute_data();
    void unauthorizedOnEveryRoute();
    void otherCredentials();
    void unknownAppid();
    void malformedBodies_data();
    void malformedBodies();
    void unknownCall();
    void wrongMethod_data();
    void wrongMethod();
    void subscribeAndStreamInOrder();
    void keepaliveAndAsciiFrames();
    void overflowDropsConsumer();
    void deleteEndsStream();
    void closingStreamFreesHandler();
    void serverSentEvents();
    void filters();
    void limits();
    void openApi();

private:
    void startServer(RestConfig config = {});
    QByteArray createHandler(HttpTestClient &client);

    SystemClock m_clock;
    SeededRandomSource m_random{7};
    std::unique_ptr<service::Engine> m_engine;
    std::unique_ptr<RestServer> m_server;
};

void TestRestApi::init()
{
    service::EngineConfig config;
    config.msrpListenPort = 0;
    config.sip.bindHost = QStringLiteral("127.0.0.1");
    config.sip.port = 0;
    config.sip.identity = QStringLiteral("sip:herald@127.0.0.1");
    config.answerPolicy = service::AnswerPolicy::Manual;
    m_engine = std::make_unique<service::Engine>(config, m_clock, m_random);
    // The controllers only read the engine here; no listener is needed.
}

void TestRestApi::cleanup()
{
    m_server.reset();
    m_engine.reset();
}

void TestRestApi::startServer(RestConfig config)
{
    config.port = 0;
    if (config.token.isEmpty())
        config.token = token;
    m_server = std::make_unique<RestServer>(*m_engine, config);
    auto started = m_server->start();
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail));
    QVERIFY(m_server->port() != 0);
    QCOMPARE(m_server->address(), QHostAddress(QHostAddress::LocalHost));
}

QByteArray TestRestApi::createHandler(HttpTestClient &client)
{
    auto r =
        client.request("POST", "/default/eventhandlers?appid=app", subscribeAll, {auth, xmlType});
    if (!r || r->status != 201)
        return {};
    const QRegularExpression id(QStringLiteral("identifier=\"([A-Za-z0-9]+)\""));
    return id.match(QString::fromLatin1(r->body)).captured(1).toLatin1();
}

void TestRestApi::unauthorizedOnEveryRoute_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("authorization");
    const QList<std::pair<QByteArray, QByteArray>> routes = {
        {"GET", "/default/calls?appid=app"},
        {"POST", "/default/calls?appid=app"},
        {"GET", "/default/calls/1?appid=app"},
        {"PUT", "/default/calls/1?appid=app"},
        {"DELETE", "/default/calls/1?appid=app"},
        {"GET", "/default/eventhandlers?appid=app"},
        {"POST", "/default/eventhandlers?appid=app"},
        {"GET", "/default/eventhandlers/x?appid=app"},
        {"PUT", "/default/eventhandlers/x?appid=app"},
        {"DELETE", "/default/eventhandlers/x?appid=app"},
        {"GET", "/api/v1/openapi.json"},
        {"GET", "/nowhere"},
    };
    for (const auto &[method, target] : routes) {
        QTest::addRow("%s %s none", method.constData(), target.constData())
            << method << target << QByteArray();
        QTest::addRow("%s %s wrong", method.constData(), target.constData())
            << method << target << QByteArray("Bearer not-the-token");
    }
}

void TestRestApi::unauthorizedOnEveryRoute()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, authorization);
    startServer();
    HttpTestClient client(m_server->port());
    QVERIFY(client.connectToServer());
    QList<std::pair<QByteArray, QByteArray>> headers = {xmlType};
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    auto r = client.request(method, target,
                            method == "GET" || method == "DELETE" ? QByteArray() : subscribeAll,
                            headers);
    QVERIFY(r);
    QCOMPARE(r->status, 401);
    QVERIFY(r->header("WWW-Authenticate").startsWith("Bearer realm="));
    QVERIFY(r->header("Content-Length").toInt() == r->body.size());
    // The connection stays usable (XMS-REST.md: clients reuse it).
    auto again = client.request("GET", "/default/calls?appid=app", {}, {auth});
    QVERIFY(again);
    QCOMPARE(again->status, 200);
}

void TestRestApi::otherCredentials()
{
    startServer();
    HttpTestClient client(m_server->port());
    QVERIFY(client.connectToServer());
    auto basic =
        client.request("GET", "/default/calls?appid=app", {},
                       {{"Authorization", "Basic " + QByteArray("xms:" + token).toBase64()}});
    QVERIFY(basic);
    QCOMPARE(basic->status, 200);
    auto query = client.request("GET", "/default/calls?appid=app&access_token=" + token);
    QVERIFY(query);
    QCOMPARE(query->status, 200);
    auto badBasic =
        client.request("GET", "/default/calls?appid=app", {},
                       {{"Authorization", "Basic " + QByteArray("xms:nope").toBase64()}});
    QVERIFY(badBasic);
    QCOMPARE(badBasic->status, 401);
}

void TestRestApi::unknownAppid()
{
    RestConfig config;
    config.appIds = {QStringLiteral("psap")};
    startServer(config);
    HttpTestClient client(m_server->port());
    QVERIFY(client.connectToServer());
    for (const QByteArray &target :
         {QByteArray("/default/calls?appid=other"), QByteArray("/default/calls"),
          QByteArray("/default/eventhandlers?appid=")}) {
        auto r = client.request("GET", target, {}, {auth});
        QVERIFY(r);
        QCOMPARE(r->status, 403);
    }
    auto ok = client.request("GET", "/default/calls?appid=psap", {}, {auth});
    QVERIFY(ok);
    QCOMPARE(ok->status, 200);
    QVERIFY(ok->body.startsWith("<web_service version=\"1.0\"><calls_response"));
}

void TestRestApi::malformedBodies_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<bool>("json");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("xml not well-formed")
        << QByteArray("/default/calls") << false
        << QByteArray("<web_service><call answer=\"yes\"></web_service>")
        << QStringLiteral("web_service");
    QTest::newRow("xml doctype") << QByteArray("/default/calls") << false
                                 << QByteArray("<!DOCTYPE x [<!ENTITY a \"b\">]><web_service/>")
                                 << QStringLiteral("web_service");
    QTest::newRow("xml bad boolean")
        << QByteArray("/default/calls") << false
        << QByteArray("<web_service version=\"1.0\"><call answer=\"maybe\"/></web_service>")
        << QStringLiteral("call@answer");
    QTest::newRow("xml bad mode")
        << QByteArray("/default/calls") << false
        << QByteArray("<web_service><call destination_uri=\"sip:a@b\"><call_action><send_message "
                      "mode=\"fax\"/>"
                      "</call_action></call></web_service>")
        << QStringLiteral("send_message@mode");
    QTest::newRow("xml payload without type")
        << QByteArray("/default/calls") << false
        << QByteArray("<web_service><call><call_action><send_message mode=\"msrp\"><msg_payload "
                      "content_id=\"1\"/>"
                      "</send_message></call_action></call></web_service>")
        << QStringLiteral("msg_payload@content_type");
    QTest::newRow("xml wrong element")
        << QByteArray("/default/calls") << false
        << QByteArray("<web_service><conference/></web_service>") << QStringLiteral("conference");
    QTest::newRow("xml no destination")
        << QByteArray("/default/calls") << false
        << QByteArray("<web_service><call media=\"message\"/></web_service>")
        << QStringLiteral("call@destination_uri");
    QTest::newRow("xml bad subscription")
        << QByteArray("/default/eventhandlers") << false
        << QByteArray("<web_service><eventhandler><eventsubscribe "
                      "resource_type=\"fax\"/></eventhandler></web_service>")
        << QStringLiteral("eventsubscribe@resource_type");
    QTest::newRow("json not json") << QByteArray("/default/calls") << true
                                   << QByteArray("{\"call\": ") << QStringLiteral("call");
    QTest::newRow("json bad boolean")
        << QByteArray("/default/calls") << true << QByteArray("{\"call\": {\"answer\": 3}}")
        << QStringLiteral("call.answer");
    QTest::newRow("json bad report")
        << QByteArray("/default/calls") << true
        << QByteArray("{\"destination_uri\":\"sip:a@b\",\"call_action\":{\"send_message\":{"
                      "\"report\":\"maybe\"}}}")
        << QStringLiteral("call_action.send_message.report");
    QTest::newRow("json bad subscription")
        << QByteArray("/default/eventhandlers") << true
        << QByteArray("{\"eventsubscribe\": [{\"type\": \"nonsense\"}]}")
        << QStringLiteral("eventsubscribe[0].type");
}

void TestRestApi::malformedBodies()
{
    QFETCH(QByteArray, target);
    QFETCH(bool, json);
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    startServer();
    HttpTestClient client(m_server->port());
    QVERIFY(client.connectToServer());
    auto r = client.request("POST", target + "?appid=app", body, {auth, json ? jsonType : xmlType});
    QVERIFY(r);
    QCOMPARE(r->status, 400);
    if (json) {
        QCOMPARE(r->header("Content-Type"), QByteArray("application/problem+json"));
        const QJsonObject problem = QJsonDocument::fromJson(r->body).object();
        QCOMPARE(problem.value(QStringLiteral("status")).toInt(), 400);
        QCOMPARE(problem.value(QStringLiteral("field")).toString(), field);
    } else {
        QVERIFY2(r->body.startsWith(
                     QByteArray("<web_service version=\"1.0\"><error code=\"400\" description=\"" +
                                field.toUtf8() + ": ")),
                 r->body.constData());
    }
}

void TestRestApi::unknownCall()
{
    startServer();
    HttpTestClient client(m_server->port());
    QVERIFY(client.connectToServer());
    for (const QByteArray &method : {QByteArray("GET"), QByteArray("PUT"), QByteArray("DELETE")}) {
        auto r = client.request(
            method, "/default/calls/12345?appid=app",
            method == "PUT" ? QByteArray("<web_service><call answer=\"yes\"/></web_service>")
                            : QByteArray(),
            {auth, xmlType});
        QVERIFY(r);
        QCOMPARE(r->status, 404);
    }
    auto handler = client.request("GET", "/default/eventhandlers/nope?appid=app", {}, {auth});
    QVERIFY(handler);
    QCOMPARE(handler->status, 404);
    auto other = client.request("GET", "/default/other?appid=app", {}, {auth});
    QVERIFY(other);
    QCOMPARE(other->status, 404);
}

void TestRestApi::wrongMethod_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("allow");
    QTest::newRow("PUT calls") << QByteArray("PUT") << QByteArray("/default/calls?appid=app")
                               << QByteArray("GET, POST");
    QTest::newRow("DELETE calls") << QByteArray("DELETE") << QByteArray("/default/calls?appid=app")
                                  << QByteArray("GET, POST");
    QTest::newRow("POST call") << QByteArray("POST") << QByteArray("/default/calls/1?appid=app")
                               << QByteArray("GET, PUT, DELETE");
    QTest::newRow("PATCH handlers")
        << QByteArray("PATCH") << QByteArray("/default/eventhandlers?appid=app")
        << QByteArray("GET, POST");
    QTest::newRow("POST openapi") << QByteArray("POST") << QByteArray("/api/v1/openapi.json")
                                  << QByteArray("GET");
}

void TestRestApi::wrongMethod()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, allow);
    startServer();
    HttpTestClient client(m_server->port());
    QVERIFY(client.connectToServer());
    auto r = client.request(method, target, "<web_service/>", {auth, xmlType});
    QVERIFY(r);
    QCOMPARE(r->status, 405);
    QCOMPARE(r->header("Allow"), allow);
}

void TestRestApi::subscribeAndStreamInOrder()
{
    startServer();
    HttpTestClient client(m_server->port());
    QVERIFY(client.connectToServer());
    auto created =
        client.request("POST", "/default/eventhandlers?appid=APP", subscribeAll, {auth, xmlType});
    QVERIFY(created);
    QCOMPARE(created->status, 201);
    const QRegularExpression shape(QStringLiteral(
        "^<web_service version=\"1.0\"><eventhandler_response identifier=\"([A-Za-z0-9]+)\" "
        "appid=\"APP\" href=\"/default/eventhandlers/\\1\"><eventsubscribe action=\"add\" "
        "type=\"any\" "
        "resource_id=\"any\" resource_type=\"any\"/></eventhandler_response></web_service>$"));
    const auto match = shape.match(QString::fromLatin1(created->body));
    QVERIFY2(match.hasMatch(), created->body.constData());
    const QByteArray id = match.captured(1).toLatin1();

    HttpTestClient stream(m_server->port());
    QVERIFY(stream.connectToServer());
    stream.send("GET", "/default/eventhandlers/" + id + "?appid=APP", {}, {auth});
    auto head = stream.response();
    QVERIFY(head);
    QCOMPARE(head->status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->api().events().handler(QString::fromLatin1(id)).has_value(),
                             1000);

    constexpr int count = 1000;
    for (int i = 0; i < count; ++i)
        m_server->api().events().publish(numbered(i));
    for (int i = 0; i < count; ++i) {
        auto doc = stream.frame();
        QVERIFY2(doc, qPrintable(QStringLiteral("frame %1 missing").arg(i)));
        const QByteArray expected =
            "<web_service version=\"1.0\"><event type=\"message\" resource_type=\"call\" "
            "resource_id=\"42\"><event_data name=\"msg_payload[0].content\" value=\"" +
            QByteArray::number(i) + "\"/></event></web_service>";
        QCOMPARE(*doc, expected);
    }
    // The other connection still answers (the stream does not hold the server).
    auto list = client.request("GET", "/default/eventhandlers?appid=APP", {}, {auth});
    QVERIFY(list);
    QCOMPARE(list->status, 200);
    QVERIFY(list->body.contains(QByteArray("identifier=\"" + id + "\"")));
}

void TestRestApi::keepaliveAndAsciiFrames()
{
    RestConfig config;
    config.events.keepaliveInterval = 100ms;
    startServer(config);
    HttpTestClient client(m_server->port());
    QVERIFY(client.connectToServer());
    const QByteArray id = createHandler(client);
    QVERIFY(!id.isEmpty());
    client.send("GET", "/default/eventhandlers/" + id + "?appid=app", {}, {auth});
    QVERIFY(client.response());
    auto keepalive = client.frame(3000);
    QVERIFY(keepalive);
    QCOMPARE(*keepalive,
             QByteArray("<web_service version=\"1.0\"><event type=\"keepalive\"/></web_service>"));

    RestEvent e;
    e.type = QStringLiteral("message");
    e.resourceId = QStringLiteral("7");
    e.data = {{QStringLiteral("msg_payload[0].content"),
               QStringLiteral("caf\u00e9 \"<&>\" \U0001F6A8\nx")}};
    m_server->api().events().publish(e);
    std::optional<QByteArray> doc;
    do
        doc = client.frame(3000);
    while (doc && doc->contains("keepalive"));
    QVERIFY(doc);
    QVERIFY2(doc->contains("value=\"caf&#xE9; &quot;&lt;&amp;&gt;&quot; &#x1F6A8;&#xA;x\""),
             doc->constData());
    for (char c : *doc)
        QVERIFY(static_cast<unsigned char>(c) < 0x80);
}

void TestRestApi::overflowDropsConsumer()
{
    RestConfig config;
    config.events.maxQueuedEvents = 50;
    config.events.maxBacklogBytes = 4096;
    startServer(config);
    HttpTestClient client(m_server->port());
    QVERIFY(client.connectToServer());
    const QByteArray id = createHandler(client);
    QVERIFY(!id.isEmpty());
    QSignalSpy dropped(&m_server->api().events(), &EventHub::handlerDropped);
    client.send("GET", "/default/eventhandlers/" + id + "?appid=app", {}, {auth});
    QVERIFY(client.response());
    QTRY_VERIFY_WITH_TIMEOUT(m_server->connectionCount() == 1, 1000);
    // A burst faster than any consumer: more than the queue holds before one flush.
    for (int i = 0; i < 200; ++i)
        m_server->api().events().publish(numbered(i));
    // The engine goes on: the hub drops the consumer instead of growing.
    QVERIFY(dropped.wait(3000));
    QCOMPARE(dropped.first().at(1).toString(), QStringLiteral("overflow"));
    QVERIFY(!m_server->api().events().handler(QString::fromLatin1(id)));
    std::optional<QByteArray> doc;
    int received = 0;
    while ((doc = client.frame(3000)) && doc->contains("type=\"message\""))
        ++received;
    QVERIFY(doc);
    QVERIFY(received < 200);
    QVERIFY2(doc->contains(
                 QByteArray("<event type=\"alarm\" resource_type=\"eventhandler\" resource_id=\"" +
                            id + "\"><event_data name=\"alarm\" value=\"overflow\"/>")),
             doc->constData());
    auto end = client.frame(3000);
    QVERIFY(end);
    QVERIFY(end->isEmpty());
    QVERIFY(client.waitClosed());
    // Events keep flowing to others.
    HttpTestClient other(m_server->port());
    QVERIFY(other.connectToServer());
    const QByteArray id2 = createHandler(other);
    QVERIFY(!id2.isEmpty());
}

void TestRestApi::deleteEndsStream()
{
    startServer();
    HttpTestClient client(m_server->port());
    QVERIFY(client.connectToServer());
    const QByteArray id = createHandler(client);
    HttpTestClient stream(m_server->port());
    QVERIFY(stream.connectToServer());
    stream.send("GET", "/default/eventhandlers/" + id + "?appid=app", {}, {auth});
    QVERIFY(stream.response());
    // A second stream on the same handler is ended at once.
    HttpTestClient second(m_server->port());
    QVERIFY(second.connectToServer());
    second.send("GET", "/default/eventhandlers/" + id + "?appid=app", {}, {auth});
    QVERIFY(second.response());
    auto secondEnd = second.frame();
    QVERIFY(secondEnd && secondEnd->isEmpty());

    auto removed = client.request("DELETE", "/default/eventhandlers/" + id + "?appid=app", {},
                                  {auth, xmlType});
    QVERIFY(removed);
    QCOMPARE(removed->status, 204);
    QCOMPARE(removed->header("Content-Length"), QByteArray("0"));
    QVERIFY(removed->body.isEmpty());
    auto end = stream.frame();
    QVERIFY(end);
    QVERIFY(end->isEmpty());
    QVERIFY(stream.waitClosed());
    auto again =
        client.request("DELETE", "/default/eventhandlers/" + id + "?appid=app", {}, {auth});
    QVERIFY(again);
    QCOMPARE(again->status, 404);
}

void TestRestApi::closingStreamFreesHandler()
{
    startServer();
    HttpTestClient client(m_server->port());
    QVERIFY(client.connectToServer());
    const QByteArray id = createHandler(client);
    {
        HttpTestClient stream(m_server->port());
        QVERIFY(stream.connectToServer());
        stream.send("GET", "/default/eventhandlers/" + id + "?appid=app", {}, {auth});
        QVERIFY(stream.response());
        QSignalSpy dropped(&m_server->api().events(), &EventHub::handlerDropped);
        stream.socket().disconnectFromHost();
        QVERIFY(dropped.wait(3000));
        QCOMPARE(dropped.first().at(1).toString(), QStringLiteral("stream closed"));
    }
    QVERIFY(!m_server->api().events().handler(QString::fromLatin1(id)));
}

void TestRestApi::serverSentEvents()
{
    startServer();
    HttpTestClient client(m_server->port());
    QVERIFY(client.connectToServer());
    auto created = client.request("POST", "/default/eventhandlers?appid=app",
                                  "{\"eventsubscribe\":[{\"type\":\"message\"}]}",
                                  {auth, jsonType, {"Accept", "application/json"}});
    QVERIFY(created);
    QCOMPARE(created->status, 201);
    const QString id = QJsonDocument::fromJson(created->body)
                           .object()
                           .value(QStringLiteral("identifier"))
                           .toString();
    QVERIFY(!id.isEmpty());
    HttpTestClient sse(m_server->port());
    QVERIFY(sse.connectToServer());
    sse.send("GET", "/default/eventhandlers/" + id.toLatin1() + "?appid=app&access_token=" + token,
             {}, {{"Accept", "text/event-stream"}});
    auto head = sse.response();
    QVERIFY(head);
    QCOMPARE(head->header("Content-Type"), QByteArray("text/event-stream"));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->connectionCount() == 2, 1000);
    m_server->api().events().publish(numbered(5));
    QTRY_VERIFY_WITH_TIMEOUT((sse.socket().bytesAvailable() > 0 || !sse.buffer().isEmpty()), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(((void)sse.frame(10), sse.buffer().contains("\n\n")), 3000);
    QCOMPARE(
        sse.buffer(),
        QByteArray("event: message\ndata: {\"event_data\":{\"msg_payload[0].content\":\"5\"},"
                   "\"resource_id\":\"42\",\"resource_type\":\"call\",\"type\":\"message\"}\n\n"));
}

void TestRestApi::filters()
{
    QList<Subscription> subs{Subscription{QStringLiteral("add"), QStringLiteral("hangup"),
                                          QStringLiteral("any"), QStringLiteral("call")},
                             Subscription{QStringLiteral("add"), QStringLiteral("any"),
                                          QStringLiteral("9"), QStringLiteral("any")}};
    RestEvent hangup;
    hangup.type = QStringLiteral("hangup");
    hangup.resourceId = QStringLiteral("1");
    RestEvent message = numbered(1);
    QVERIFY(EventHub::matches(subs, hangup));
    QVERIFY(!EventHub::matches(subs, message));
    message.resourceId = QStringLiteral("9");
    QVERIFY(EventHub::matches(subs, message));
    hangup.resourceType = QStringLiteral("conference");
    QVERIFY(!EventHub::matches(subs, hangup));
}

void TestRestApi::limits()
{
    RestConfig config;
    config.maxConnections = 2;
    config.maxBodyBytes = 1000;
    startServer(config);
    HttpTestClient a(m_server->port());
    HttpTestClient b(m_server->port());
    QVERIFY(a.connectToServer());
    QVERIFY(b.connectToServer());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 2, 2000);
    HttpTestClient c(m_server->port());
    QVERIFY(c.connectToServer());
    QVERIFY(c.waitClosed(3000));
    QCOMPARE(m_server->connectionCount(), 2);
    auto big =
        a.request("POST", "/default/calls?appid=app", QByteArray(2000, 'x'), {auth, xmlType});
    QVERIFY(big);
    QCOMPARE(big->status, 413);
    // Closing one makes room again.
    b.socket().disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 1, 2000);
    HttpTestClient d(m_server->port());
    QVERIFY(d.connectToServer());
    auto ok = d.request("GET", "/default/calls?appid=app", {}, {auth});
    QVERIFY(ok);
    QCOMPARE(ok->status, 200);
}

void TestRestApi::openApi()
{
    startServer();
    HttpTestClient client(m_server->port());
    QVERIFY(client.connectToServer());
    auto r = client.request("GET", "/api/v1/openapi.json", {}, {auth});
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    const QJsonObject doc = QJsonDocument::fromJson(r->body).object();
    QVERIFY(doc.value(QStringLiteral("openapi")).toString().startsWith(u"3."));
    const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
    for (const QString &path :
         {QStringLiteral("/default/calls"), QStringLiteral("/default/calls/{id}"),
          QStringLiteral("/default/eventhandlers"), QStringLiteral("/default/eventhandlers/{id}")})
        QVERIFY2(paths.contains(path), qPrintable(path));
}

QTEST_GUILESS_MAIN(TestRestApi)
#include "tst_restapi.moc"
