// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// 3PCC over REST (issue 6, item 5): the application does the SIP itself and hands Herald the
// remote SDP offer in POST /default/calls with signaling="no"; Herald answers with its SDP in
// the call_response, the remote MSRP endpoint (another Engine's endpoint, standing in for the
// ESRP) connects as the answer says, texts flow both ways as `message` events and send_message
// actions, and DELETE tears the MSRP session down. Bad SDP gets 400 naming call@sdp.
#include "engine/im/iscomposing.h"
#include "engine/msrp/session/msrpendpoint.h"
#include "engine/sdp/offerbuilder.h"
#include "restfixture.h"
#include "tests/support/storelocker.h"
#include "tests/support/testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace herald;
using namespace herald::service;
using namespace herald::test;

namespace {

const auto &auth = restAuth;
const auto &xmlType = restXmlType;

QString attribute(const QByteArray &doc, const QString &name)
{
    return xmlAttribute(doc, name);
}

// The remote MSRP endpoint's offer for `session`, as the ESRP's INVITE would carry it.
std::optional<sdp::SessionDescription> offerFor(msrp::Endpoint &peer, msrp::Session &session)
{
    sdp::OfferOptions options;
    options.sessionId = 1234;
    options.sessionVersion = 1;
    options.address = "127.0.0.1";
    options.port = peer.serverPort();
    options.path = {session.localUriText()};
    options.acceptTypes = {"text/plain", "message/cpim", "application/im-iscomposing+xml",
                           "application/octet-stream"};
    options.setup = sdp::Setup::ActPass;
    auto offer = sdp::buildOffer(options);
    if (!offer)
        return std::nullopt;
    return *offer;
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
    void textsStoredBeforeTheirOk();
    void failingStoreRefusesTexts();
    void fileByReferenceStoredAndDelivered();

private:
    std::optional<QByteArray> nextEvent(HttpTestClient &stream)
    {
        return RestFixture::nextEvent(stream);
    }
    // POSTs a 3PCC session for `peerSession`'s offer, connects the peer as Herald's answer
    // says; returns the call id once the peer's session is bound (empty on failure).
    QString createSession(HttpTestClient &control, msrp::Session *peerSession);
    // The store's record of a 3PCC session (the only call in the store).
    QByteArray storedCallId() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RestFixture> m_fixture;
    Engine *m_herald = nullptr;
    Engine *m_peer = nullptr;
    rest::RestServer *m_rest = nullptr;
};

void TestRest3pcc::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // Herald with a store: a 3PCC session is recorded like a call (issue #7).
    const QString storePath = m_dir->filePath(QStringLiteral("herald.db"));
    m_fixture = std::make_unique<RestFixture>();
    rest::RestConfig restConfig;
    restConfig.payloadDirectory = m_dir->filePath(QStringLiteral("payload"));
    QVERIFY(QDir().mkpath(restConfig.payloadDirectory));
    QVERIFY(m_fixture->start(
        restEngineConfig(QStringLiteral("psap"), AnswerPolicy::Manual, storePath),
        restEngineConfig(QStringLiteral("esrp"), AnswerPolicy::Manual), 21, 22, restConfig));
    m_herald = &m_fixture->herald();
    m_peer = &m_fixture->peer();
    m_rest = &m_fixture->rest();
}

void TestRest3pcc::cleanup()
{
    m_fixture.reset();
    m_herald = m_peer = nullptr;
    m_rest = nullptr;
    m_dir.reset();
}

QString TestRest3pcc::createSession(HttpTestClient &control, msrp::Session *peerSession)
{
    msrp::Endpoint &peer = m_peer->msrp();
    const auto offer = offerFor(peer, *peerSession);
    if (!offer)
        return {};
    auto offerBytes = offer->toCheckedBytes();
    if (!offerBytes)
        return {};
    auto created =
        control.request("POST", "/default/calls?appid=psap",
                        "<web_service version=\"1.0\"><call signaling=\"no\" media=\"message\" "
                        "message=\"sendrecv\" sdp=\"" +
                            escapeForXmlAttribute(*offerBytes) + "\"/></web_service>",
                        {auth, xmlType});
    if (!created || created->status != 201) {
        qWarning("POST: %s", created ? created->body.constData() : "no response");
        return {};
    }
    const QString callId = attribute(created->body, QStringLiteral("identifier"));
    if (callId.isEmpty() || attribute(created->body, QStringLiteral("call_type")) != u"3pcc" ||
        created->header("Location") != "/default/calls/" + callId.toLatin1())
        return {};
    // The peer reads Herald's answer and connects as it says (Herald passive on actpass).
    const QByteArray answerText =
        unescapeXml(attribute(created->body, QStringLiteral("sdp"))).toUtf8();
    auto answer = sdp::SessionDescription::parse(answerText);
    if (!answer || !answerText.startsWith("v=0\r\n"))
        return {};
    auto negotiated = sdp::acceptAnswer(*offer, *answer);
    if (!negotiated || !negotiated->localIsActive)
        return {};
    msrp::Path herald;
    for (const QByteArray &uri : negotiated->remotePath)
        herald.append(*msrp::Uri::parse(uri));
    peer.connectSession(peerSession, herald);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(peerSession->state(), msrp::SessionState::Active, 5000); }();
    return QTest::currentTestFailed() ? QString() : callId;
}

QByteArray TestRest3pcc::storedCallId() const
{
    auto calls = m_herald->store()->calls(store::CallQuery{});
    if (!calls || calls->size() != 1)
        return {};
    return calls->first().id;
}

void TestRest3pcc::createTalkDelete()
{
    // The event stream first.
    auto streamClient = m_fixture->openStream();
    QVERIFY(streamClient);
    HttpTestClient &stream = *streamClient;

    msrp::Endpoint &peer = m_peer->msrp();
    msrp::Session *peerSession = peer.createSession();
    QList<msrp::ReceivedMessage> peerReceived;
    connect(peerSession, &msrp::Session::messageReceived, this,
            [&peerReceived](const msrp::ReceivedMessage &m) { peerReceived.append(m); });
    HttpTestClient control(m_rest->port());
    QVERIFY(control.connectToServer());
    const QString callId = createSession(control, peerSession);
    QVERIFY(!callId.isEmpty());

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

void TestRest3pcc::textsStoredBeforeTheirOk()
{
    // Issue #7 item 2 for 3PCC: the same gate as a 1PCC call's, so each text the peer sends is
    // committed by the time its 200 reaches the peer; a typing notice is acknowledged but
    // neither stored nor shown as a message.
    auto stream = m_fixture->openStream();
    QVERIFY(stream);
    msrp::Session *peerSession = m_peer->msrp().createSession();
    auto control = m_fixture->client();
    QVERIFY(control);
    const QString callId = createSession(*control, peerSession);
    QVERIFY(!callId.isEmpty());
    const QByteArray storeId = storedCallId();
    QVERIFY(!storeId.isEmpty());
    store::Store &store = *m_herald->store();
    auto connected = nextEvent(*stream);
    QVERIFY(connected && connected->contains("type=\"connected\""));

    QHash<QByteArray, int> storedAtAck; // Message-ID -> copies in the store at its 200
    QList<QByteArray> failed;
    connect(peerSession, &msrp::Session::outgoingChanged, this, [&](const msrp::MessageInfo &info) {
        if (info.state == msrp::DeliveryState::Acknowledged) {
            auto transcript = store.transcript(storeId);
            int n = transcript ? 0 : -1;
            if (transcript)
                for (const store::MessageRecord &m : *transcript)
                    n += m.msrpMessageId == info.messageId ? 1 : 0;
            storedAtAck.insert(info.messageId, n);
        } else if (msrp::isFinal(info.state)) {
            failed.append(info.messageId);
        }
    });
    im::IsComposing typing;
    typing.state = im::IsComposing::State::Active;
    typing.refreshSeconds = 60;
    const QByteArray typingId = peerSession->sendText(im::isComposingMediaType.toByteArray(),
                                                      im::serializeIsComposing(typing));
    constexpr int burst = 10;
    QHash<QByteArray, QByteArray> sent;
    for (int i = 0; i < burst; ++i) {
        const QByteArray text = "3pcc text " + QByteArray::number(i);
        sent.insert(peerSession->sendText("text/plain", text), text);
    }
    QTRY_COMPARE_WITH_TIMEOUT(storedAtAck.size() + failed.size(), burst + 1, 10000);
    QVERIFY(failed.isEmpty());
    QCOMPARE(storedAtAck.value(typingId, -2), 0); // acknowledged, never stored
    for (auto it = sent.cbegin(); it != sent.cend(); ++it)
        QVERIFY2(storedAtAck.value(it.key()) == 1,
                 qPrintable(QStringLiteral("%1 stored %2 times at its 200")
                                .arg(QString::fromLatin1(it.key()))
                                .arg(storedAtAck.value(it.key()))));

    // Only the texts are message events, in order.
    for (int i = 0; i < burst; ++i) {
        auto event = nextEvent(*stream);
        QVERIFY(event);
        QVERIFY2(event->contains("type=\"message\""), event->constData());
        QCOMPARE(eventData(*event, QStringLiteral("msg_payload[0].content")),
                 QStringLiteral("3pcc text %1").arg(i));
    }

    // A reply is recorded as outgoing; DELETE ends the session and the call in the store.
    auto reply = control->request(
        "PUT", "/default/calls/" + callId.toLatin1() + "?appid=psap",
        "<call><call_action><send_message mode=\"msrp\"><msg_payload content_id=\"1\" "
        "content_type=\"text/plain\"><msg_payload_content content=\"help is coming\"/>"
        "</msg_payload></send_message></call_action></call>",
        {auth, xmlType});
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    const QByteArray tx = attribute(reply->body, QStringLiteral("transaction_id")).toLatin1();
    const QString peerUri = QString::fromUtf8(peerSession->localUriText());
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto transcript = store.transcript(storeId);
            if (!transcript)
                return false;
            for (const store::MessageRecord &m : *transcript)
                if (m.msrpMessageId == tx && m.direction == store::Direction::Outgoing &&
                    m.text == u"help is coming" && m.state == store::MessageState::Acknowledged)
                    return true;
            return false;
        }(),
        10000);
    auto deleted = control->request("DELETE", "/default/calls/" + callId.toLatin1() + "?appid=psap",
                                    {}, {auth});
    QVERIFY(deleted);
    QCOMPARE(deleted->status, 204);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto call = store.call(storeId);
            auto sessions = store.sessions(storeId);
            return call && call->has_value() && (*call)->endedAt.isValid() && sessions &&
                   sessions->size() == 1 && sessions->first().endedAt.isValid();
        }(),
        10000);
    auto call = store.call(storeId);
    QCOMPARE((*call)->direction, store::Direction::Incoming);
    QCOMPARE((*call)->remoteUri, peerUri);
    auto transcript = store.transcript(storeId);
    QVERIFY(transcript);
    QCOMPARE(transcript->size(), burst + 1);
}

void TestRest3pcc::failingStoreRefusesTexts()
{
    // Issue #7 item 2 / 7 for 3PCC: with the store failing, the peer's text gets no 200 but an
    // error, is not shown as a message, and the application gets an alarm.
    auto stream = m_fixture->openStream();
    QVERIFY(stream);
    msrp::Session *peerSession = m_peer->msrp().createSession();
    auto control = m_fixture->client();
    QVERIFY(control);
    const QString callId = createSession(*control, peerSession);
    QVERIFY(!callId.isEmpty());
    auto connected = nextEvent(*stream);
    QVERIFY(connected && connected->contains("type=\"connected\""));
    QList<msrp::MessageInfo> delivery;
    connect(peerSession, &msrp::Session::outgoingChanged, this,
            [&](const msrp::MessageInfo &info) { delivery.append(info); });

    StoreLocker lock(m_dir->filePath(QStringLiteral("herald.db")));
    QVERIFY(lock.locked());
    const QByteArray id = peerSession->sendText("text/plain", "while the store fails");
    QTRY_VERIFY_WITH_TIMEOUT(!delivery.isEmpty() && delivery.last().messageId == id &&
                                 msrp::isFinal(delivery.last().state),
                             15000);
    QCOMPARE(delivery.last().state, msrp::DeliveryState::Failed);
    QCOMPARE(delivery.last().status, 403);
    for (const msrp::MessageInfo &info : std::as_const(delivery))
        QVERIFY(info.state != msrp::DeliveryState::Acknowledged);
    auto alarm = nextEvent(*stream);
    QVERIFY(alarm);
    QVERIFY2(alarm->contains("<event type=\"alarm\" resource_type=\"store\""), alarm->constData());
    QCOMPARE(eventData(*alarm, QStringLiteral("alarm")), QStringLiteral("store_failure"));
    QVERIFY(!m_herald->store()->healthy());
    // The refused text never became a message event.
    auto next = stream->frame(300);
    QVERIFY2(!next || !next->contains("type=\"message\""), next ? next->constData() : "");
}

void TestRest3pcc::fileByReferenceStoredAndDelivered()
{
    // send_message with msg_payload_uri on a 3PCC session: the file is streamed over the MSRP
    // session (with its name in Content-Disposition, RFC 5547 §8), arrives whole, and the store
    // records it once as an outgoing file (issue #7).
    auto stream = m_fixture->openStream();
    QVERIFY(stream);
    msrp::Session *peerSession = m_peer->msrp().createSession();
    QList<msrp::ReceivedMessage> peerReceived;
    connect(peerSession, &msrp::Session::messageReceived, this,
            [&peerReceived](const msrp::ReceivedMessage &m) { peerReceived.append(m); });
    auto control = m_fixture->client();
    QVERIFY(control);
    const QString callId = createSession(*control, peerSession);
    QVERIFY(!callId.isEmpty());
    const QByteArray storeId = storedCallId();
    QVERIFY(!storeId.isEmpty());
    auto connected = nextEvent(*stream);
    QVERIFY(connected && connected->contains("type=\"connected\""));

    const QString path = m_dir->filePath(QStringLiteral("payload/floorplan.bin"));
    QVERIFY(test::writeRandomFile(path, 300 * 1024, 0x3cc));
    const QByteArray callPath = "/default/calls/" + callId.toLatin1() + "?appid=psap";
    auto reply = control->request(
        "PUT", callPath,
        "<web_service version=\"1.0\"><call><call_action><send_message mode=\"msrp\" "
        "report=\"failure\"><msg_payload content_id=\"f1\" "
        "content_type=\"application/octet-stream\"><msg_payload_uri uri=\"" +
            QUrl::fromLocalFile(path).toEncoded() +
            "\"/></msg_payload></send_message></call_action></call></web_service>",
        {auth, xmlType});
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    const QByteArray tx = attribute(reply->body, QStringLiteral("transaction_id")).toLatin1();
    QVERIFY(!tx.isEmpty());
    auto ended = nextEvent(*stream);
    QVERIFY(ended);
    QVERIFY2(ended->contains("type=\"end_send_message\""), ended->constData());
    QCOMPARE(eventData(*ended, QStringLiteral("reason")), QStringLiteral("success"));

    QTRY_COMPARE_WITH_TIMEOUT(peerReceived.size(), 1, 10000);
    const msrp::ReceivedMessage &got = peerReceived.first();
    QCOMPARE(got.contentType, QByteArray("application/octet-stream"));
    QCOMPARE(got.size, quint64(300 * 1024));
    const QByteArray bytes = got.filePath.isEmpty() ? got.body : test::readFile(got.filePath);
    QCOMPARE(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256), test::sha256Of(path));

    auto transcript = m_herald->store()->transcript(storeId);
    QVERIFY(transcript);
    QCOMPARE(transcript->size(), 1);
    const store::MessageRecord &record = transcript->first();
    QCOMPARE(record.direction, store::Direction::Outgoing);
    QCOMPARE(record.msrpMessageId, tx);
    QVERIFY2(record.fileUri.endsWith(u"floorplan.bin"), qPrintable(record.fileUri));

    // Outside the payload directory: refused, naming the field.
    auto refused = control->request(
        "PUT", callPath,
        "<web_service version=\"1.0\"><call><call_action><send_message mode=\"msrp\">"
        "<msg_payload content_id=\"f2\" content_type=\"text/plain\"><msg_payload_uri "
        "uri=\"file:///etc/passwd\"/></msg_payload></send_message></call_action></call>"
        "</web_service>",
        {auth, xmlType});
    QVERIFY(refused);
    QCOMPARE(refused->status, 403);
    QVERIFY2(refused->body.contains("msg_payload_uri@uri"), refused->body.constData());
}

QTEST_GUILESS_MAIN(TestRest3pcc)
#include "tst_rest3pcc.moc"
