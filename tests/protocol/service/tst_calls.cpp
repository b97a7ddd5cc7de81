// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Two Engines in one process call each other on loopback (SIP and MSRP on port 0): calls over
// UDP and TCP with texts both ways over MSRP, hang-up from either side, manual answer with
// rejection and cancellation, refused offers (488 with Warning, 415), page-mode MESSAGE both
// ways, INFO with an MSML body and its response, and a lost MSRP session ending the call.
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/msrp/session/msrpendpoint.h"
#include "engine/service/engine.h"
#include "tests/support/enginetestsupport.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <chrono>
#include <memory>

using namespace herald;
using namespace herald::service;
using namespace std::chrono_literals;

namespace {

constexpr int waitMs = 10000;

// What happened to a call by the time CallManager reported its end (the Call is deleted after).
struct EndRecord
{
    Call::Id id = 0;
    CallState state = CallState::Offered;
    int failureStatus = 0;
    QByteArray failureWarning;
};

struct Peer
{
    QByteArray user;
    std::unique_ptr<Engine> engine;
    QList<Call *> offered;
    QList<EndRecord> ended;
    QHash<QByteArray, msrp::DeliveryState> delivery; // by Message-ID, last state seen
    QList<msrp::ReceivedMessage> received;

    CallManager &calls() { return engine->calls(); }
    QByteArray uri(bool tcp) const
    {
        return "sip:" + user + "@127.0.0.1:" + QByteArray::number(engine->sipListenPort()) +
               (tcp ? QByteArrayLiteral(";transport=tcp") : QByteArray());
    }
    const EndRecord *endOf(Call::Id id) const
    {
        for (const EndRecord &r : ended)
            if (r.id == id)
                return &r;
        return nullptr;
    }
    // Records what a call carries.
    void watch(Call *call)
    {
        QObject::connect(
            call, &Call::deliveryChanged, engine.get(),
            [this](const msrp::MessageInfo &info) { delivery.insert(info.messageId, info.state); });
        QObject::connect(call, &Call::messageReceived, engine.get(),
                         [this](const msrp::ReceivedMessage &m) { received.append(m); });
    }
};

} // namespace

class TestCalls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void callAndTalk_data();
    void callAndTalk();
    void manualRejection();
    void cancelBeforeAnswer();
    void refusedInvites_data();
    void refusedInvites();
    void noCommonAcceptTypes();
    void pageMessages();
    void infoWithMsml();
    void infoNobodyAnswers_data();
    void infoNobodyAnswers();
    void lostSessionEndsCall();
    void peerClosedMsrpWithoutBye();
    void sipPortInUse();
    void restartWithLiveCall();

private:
    std::unique_ptr<Peer> makePeer(const QByteArray &user, quint64 seed,
                                   AnswerPolicy policy = AnswerPolicy::Automatic,
                                   QList<QByteArray> acceptTypes = {},
                                   bool activeOnActpass = false);
    // A calls B and waits until both calls are active; returns A's call and B's call.
    std::pair<Call *, Call *> establish(bool tcp, PlaceCallOptions options = {});

    SystemClock m_clock;
    std::vector<std::unique_ptr<SeededRandomSource>> m_randoms;
    std::unique_ptr<Peer> m_a;
    std::unique_ptr<Peer> m_b;
};

std::unique_ptr<Peer> TestCalls::makePeer(const QByteArray &user, quint64 seed, AnswerPolicy policy,
                                          QList<QByteArray> acceptTypes, bool activeOnActpass)
{
    EngineConfig config = test::loopbackEngineConfig(user);
    config.sip.userAgent = QStringLiteral("Herald-test/%1").arg(QString::fromUtf8(user));
    config.answerPolicy = policy;
    config.msrpActiveOnActpass = activeOnActpass;
    if (!acceptTypes.isEmpty())
        config.msrpAcceptTypes = acceptTypes;
    m_randoms.push_back(std::make_unique<SeededRandomSource>(seed));
    auto peer = std::make_unique<Peer>();
    peer->user = user;
    peer->engine = std::make_unique<Engine>(config, m_clock, *m_randoms.back());
    Peer *p = peer.get();
    QObject::connect(&p->calls(), &CallManager::callOffered, p->engine.get(), [p](Call *call) {
        p->offered.append(call);
        p->watch(call);
    });
    QObject::connect(&p->calls(), &CallManager::callPlaced, p->engine.get(),
                     [p](Call *call) { p->watch(call); });
    QObject::connect(&p->calls(), &CallManager::callEnded, p->engine.get(), [p](Call *call) {
        p->ended.append({call->id(), call->state(), call->failureStatus(), call->failureWarning()});
        p->offered.removeAll(call);
    });
    if (auto started = peer->engine->start(); !started) {
        qWarning() << "engine did not start:" << started.error().detail;
        return nullptr;
    }
    return peer;
}

void TestCalls::init()
{
    m_a = makePeer("alice", 1);
    m_b = makePeer("bob", 2);
    QVERIFY(m_a && m_b);
    QVERIFY(m_a->engine->sipListenPort() != 0);
    QVERIFY(m_b->engine->sipListenPort() != 0);
    QVERIFY(m_a->engine->sipListenPort() != m_b->engine->sipListenPort());
}

void TestCalls::cleanup()
{
    for (Peer *p : {m_a.get(), m_b.get()}) {
        if (!p)
            continue;
        if (p->engine->sip().isRunning()) {
            QSignalSpy stopped(&p->engine->sip(), &sip::Agent::stopped);
            p->engine->stop();
            QVERIFY(stopped.wait(waitMs));
        }
        p->engine->stop();
    }
    m_a.reset();
    m_b.reset();
    m_randoms.clear();
}

std::pair<Call *, Call *> TestCalls::establish(bool tcp, PlaceCallOptions options)
{
    auto placed = m_a->calls().placeCall(m_b->uri(tcp), options);
    if (!placed) {
        qWarning() << "placeCall:" << placed.error().detail;
        return {nullptr, nullptr};
    }
    Call *a = *placed;
    [&] { QTRY_COMPARE_WITH_TIMEOUT(m_b->offered.size(), 1, waitMs); }();
    if (m_b->offered.size() != 1)
        return {nullptr, nullptr};
    Call *b = m_b->offered.first();
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(a->state(), CallState::Active, waitMs);
        QTRY_COMPARE_WITH_TIMEOUT(b->state(), CallState::Active, waitMs);
        // The MSRP session is bound on both ends (the offerer connected and sent its SEND,
        // or the answerer did).
        QVERIFY(a->session() && b->session());
    }();
    return {a, b};
}

void TestCalls::callAndTalk_data()
{
    QTest::addColumn<bool>("tcp");
    QTest::addColumn<bool>("callerHangsUp");
    QTest::addColumn<sdp::Setup>("setup");
    QTest::addColumn<bool>("answererActive");
    using S = sdp::Setup;
    QTest::newRow("udp, caller hangs up") << false << true << S::ActPass << false;
    QTest::newRow("udp, callee hangs up") << false << false << S::ActPass << false;
    QTest::newRow("tcp, caller hangs up") << true << true << S::ActPass << false;
    QTest::newRow("tcp, callee hangs up") << true << false << S::ActPass << false;
    QTest::newRow("tcp, setup:active offer") << true << false << S::Active << false;
    QTest::newRow("udp, answerer chooses active") << false << true << S::ActPass << true;
}

void TestCalls::callAndTalk()
{
    QFETCH(bool, tcp);
    QFETCH(bool, callerHangsUp);
    QFETCH(sdp::Setup, setup);
    QFETCH(bool, answererActive);
    if (answererActive) {
        m_b.reset();
        m_b = makePeer("bob", 5, AnswerPolicy::Automatic, {}, true);
        QVERIFY(m_b);
    }

    PlaceCallOptions options;
    options.setup = setup;
    // The emergency-call headers an ESRP sends (RFC 3325, RFC 6442, RFC 7852) reach the Call.
    options.extraHeaders = {
        {"P-Asserted-Identity", "<sip:+15551234567@esrp.example;user=phone>"},
        {"Geolocation", "<cid:target123@esrp.example>"},
        {"Call-Info", "<https://adr.example/ci/1>;purpose=EmergencyCallData.ProviderInfo"},
        {"Call-Info", "<https://adr.example/ci/2>;purpose=EmergencyCallData.SubscriberInfo"}};
    auto [a, b] = establish(tcp, options);
    QVERIFY(a && b);
    QCOMPARE(a->direction(), CallDirection::Outbound);
    QCOMPARE(b->direction(), CallDirection::Inbound);
    QVERIFY(!b->sipCallId().isEmpty());
    // The target's ;transport=tcp chose the transport.
    QCOMPARE(b->sipTransport(), tcp ? QByteArray("TCP") : QByteArray("UDP"));
    QVERIFY(b->remoteUri().contains("alice@127.0.0.1"));
    QVERIFY(b->localUri().contains("bob@127.0.0.1"));
    QCOMPARE(b->pAssertedIdentity(),
             QList<QByteArray>{"<sip:+15551234567@esrp.example;user=phone>"});
    QCOMPARE(b->geolocation(), QList<QByteArray>{"<cid:target123@esrp.example>"});
    QCOMPARE(b->callInfo().size(), 2);
    QVERIFY(b->callInfo().at(1).contains("SubscriberInfo"));
    QVERIFY(a->negotiated() && b->negotiated());
    // RFC 4975 §5.4 / RFC 6135: the offerer connects, unless the answerer chose to.
    QCOMPARE(a->negotiated()->localIsActive, !answererActive);
    QCOMPARE(b->negotiated()->localIsActive, answererActive);
    QPointer<msrp::Session> sa = a->session();
    QPointer<msrp::Session> sb = b->session();

    // A -> B
    const QByteArray fromA = "Hello from Alice, over " + QByteArray(tcp ? "TCP" : "UDP");
    auto idA = a->sendText("text/plain", fromA);
    QVERIFY(idA);
    QTRY_COMPARE_WITH_TIMEOUT(m_b->received.size(), 1, waitMs);
    QCOMPARE(m_b->received.first().body, fromA);
    QCOMPARE(m_b->received.first().contentType, QByteArray("text/plain"));
    QTRY_COMPARE_WITH_TIMEOUT(m_a->delivery.value(*idA), msrp::DeliveryState::Acknowledged, waitMs);
    QCOMPARE(sa->state(), msrp::SessionState::Active);
    QCOMPARE(sb->state(), msrp::SessionState::Active);

    // B -> A, on the same session.
    const QByteArray fromB = QStringLiteral("Bob answers: ¿qué tal? ✓").toUtf8();
    auto idB = b->sendText("text/plain;charset=UTF-8", fromB);
    QVERIFY(idB);
    QTRY_COMPARE_WITH_TIMEOUT(m_a->received.size(), 1, waitMs);
    QCOMPARE(m_a->received.first().body, fromB);
    QTRY_COMPARE_WITH_TIMEOUT(m_b->delivery.value(*idB), msrp::DeliveryState::Acknowledged, waitMs);

    // Hang up: BYE from one side ends both calls and both MSRP sessions.
    const Call::Id aId = a->id();
    const Call::Id bId = b->id();
    QVERIFY((callerHangsUp ? m_a->calls().hangup(aId) : m_b->calls().hangup(bId)).has_value());
    QTRY_VERIFY_WITH_TIMEOUT(m_a->endOf(aId) && m_b->endOf(bId), waitMs);
    QCOMPARE(m_a->endOf(aId)->state, CallState::Ended);
    QCOMPARE(m_b->endOf(bId)->state, CallState::Ended);
    QTRY_VERIFY_WITH_TIMEOUT(!sa || msrp::isFinal(sa->state()), waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!sb || msrp::isFinal(sb->state()), waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_a->calls().calls().isEmpty() && m_b->calls().calls().isEmpty(),
                             waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_a->engine->msrp().sessions().isEmpty(), waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_b->engine->msrp().sessions().isEmpty(), waitMs);
}

void TestCalls::manualRejection()
{
    m_b->calls().setAnswerPolicy(AnswerPolicy::Manual);
    auto placed = m_a->calls().placeCall(m_b->uri(false));
    QVERIFY(placed);
    Call *a = *placed;
    const Call::Id aId = a->id();
    QTRY_COMPARE_WITH_TIMEOUT(m_b->offered.size(), 1, waitMs);
    Call *b = m_b->offered.first();
    const Call::Id bId = b->id();
    // Manual answer: 180 went out and nothing more.
    QCOMPARE(b->state(), CallState::Ringing);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), CallState::Ringing, waitMs);
    QVERIFY(b->session());
    QPointer<msrp::Session> sa = a->session();
    QPointer<msrp::Session> sb = b->session();

    QVERIFY(!m_b->calls().reject(bId, 200)); // a rejection is not a 2xx
    QVERIFY(m_b->calls().reject(bId, 486));
    QTRY_VERIFY_WITH_TIMEOUT(m_a->endOf(aId) && m_b->endOf(bId), waitMs);
    QCOMPARE(m_a->endOf(aId)->state, CallState::Failed);
    QCOMPARE(m_a->endOf(aId)->failureStatus, 486);
    QCOMPARE(m_b->endOf(bId)->state, CallState::Ended);
    QTRY_VERIFY_WITH_TIMEOUT(!sa && !sb, waitMs);
    // Nothing is left to answer.
    QVERIFY(!m_b->calls().answer(bId));
}

void TestCalls::cancelBeforeAnswer()
{
    m_b->calls().setAnswerPolicy(AnswerPolicy::Manual);
    auto placed = m_a->calls().placeCall(m_b->uri(true));
    QVERIFY(placed);
    Call *a = *placed;
    const Call::Id aId = a->id();
    QTRY_COMPARE_WITH_TIMEOUT(m_b->offered.size(), 1, waitMs);
    const Call::Id bId = m_b->offered.first()->id();
    QPointer<msrp::Session> sb = m_b->offered.first()->session();
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), CallState::Ringing, waitMs);

    QVERIFY(m_a->calls().hangup(aId)); // CANCEL
    QCOMPARE(a->state(), CallState::Ending);
    QTRY_VERIFY_WITH_TIMEOUT(m_a->endOf(aId) && m_b->endOf(bId), waitMs);
    QCOMPARE(m_a->endOf(aId)->state, CallState::Ended);
    QCOMPARE(m_b->endOf(bId)->state, CallState::Ended);
    QTRY_VERIFY_WITH_TIMEOUT(!sb, waitMs);
    QVERIFY(!m_b->calls().answer(bId));
}

void TestCalls::refusedInvites_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("warningPart");

    const QByteArray goodHead = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
                                "t=0 0\r\n";
    QTest::newRow("no body") << QByteArray("application/sdp") << QByteArray() << 488
                             << QByteArray("SDP offer");
    QTest::newRow("not SDP") << QByteArray("text/plain") << QByteArray("hello") << 415
                             << QByteArray();
    QTest::newRow("broken SDP") << QByteArray("application/sdp")
                                << QByteArray("v=0\r\nthis is not SDP\r\n") << 488
                                << QByteArray("399 herald");
    QTest::newRow("audio only") << QByteArray("application/sdp")
                                << QByteArray(goodHead + "m=audio 49170 RTP/AVP 0\r\n") << 488
                                << QByteArray("399 herald");
    QTest::newRow("MSRP without a path")
        << QByteArray("application/sdp")
        << QByteArray(goodHead + "m=message 7394 TCP/MSRP *\r\na=accept-types:text/plain\r\n")
        << 488 << QByteArray("399 herald");
}

// Crafted INVITEs sent with the raw agent: Herald refuses what it cannot serve, says why, and
// creates no call and leaves no MSRP session behind.
void TestCalls::refusedInvites()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, warningPart);

    QSignalSpy failed(&m_a->engine->sip(), &sip::Agent::callFailed);
    QSignalSpy refused(&m_b->calls(), &CallManager::callRefused);
    sip::InviteOptions options;
    options.contentType = contentType;
    QVERIFY(m_a->engine->sip().invite(m_b->uri(false), body, options));
    QVERIFY(failed.wait(waitMs));
    QCOMPARE(failed.first().at(1).toInt(), status);
    const auto response = failed.first().at(3).value<sip::SipResponse>();
    if (!warningPart.isEmpty())
        QVERIFY2(response.header("Warning").contains(warningPart),
                 response.header("Warning").constData());
    if (status == 415)
        QVERIFY(response.header("Accept").contains("application/sdp"));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().at(0).toInt(), status);
    QVERIFY(m_b->offered.isEmpty());
    QVERIFY(m_b->calls().calls().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_b->engine->msrp().sessions().isEmpty(), waitMs);
}

void TestCalls::noCommonAcceptTypes()
{
    // Bob takes text only; Alice offers only PNG images.
    cleanup();
    m_a = makePeer("alice", 3);
    m_b = makePeer("bob", 4, AnswerPolicy::Automatic, {QByteArrayLiteral("text/plain")});
    QVERIFY(m_a && m_b);
    PlaceCallOptions options;
    options.acceptTypes = {QByteArrayLiteral("image/png")};
    auto placed = m_a->calls().placeCall(m_b->uri(false), options);
    QVERIFY(placed);
    const Call::Id aId = (*placed)->id();
    QPointer<msrp::Session> sa = (*placed)->session();
    QTRY_VERIFY_WITH_TIMEOUT(m_a->endOf(aId), waitMs);
    const EndRecord *end = m_a->endOf(aId);
    QCOMPARE(end->state, CallState::Failed);
    QCOMPARE(end->failureStatus, 488);
    // RFC 3261 §20.43: 399 <agent> "<text>", naming the reason.
    QVERIFY2(end->failureWarning.startsWith("399 herald \""), end->failureWarning.constData());
    QVERIFY2(end->failureWarning.contains("accept-types"), end->failureWarning.constData());
    QVERIFY(m_b->offered.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!sa, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_b->engine->msrp().sessions().isEmpty(), waitMs);
}

void TestCalls::pageMessages()
{
    QSignalSpy inB(&m_b->calls(), &CallManager::pageMessage);
    QSignalSpy inA(&m_a->calls(), &CallManager::pageMessage);
    QSignalSpy responsesA(&m_a->calls(), &CallManager::pageMessageResponse);
    QSignalSpy responsesB(&m_b->calls(), &CallManager::pageMessageResponse);

    auto sent = m_a->calls().sendPageMessage(m_b->uri(false), "text/plain", "page to Bob");
    QVERIFY(sent);
    QVERIFY(inB.wait(waitMs));
    QCOMPARE(inB.first().at(0).toULongLong(), quint64(0)); // outside any dialog
    auto message = inB.first().at(1).value<sip::IncomingRequest>();
    QCOMPARE(message.body, QByteArray("page to Bob"));
    QVERIFY(message.contentType.startsWith("text/plain"));
    QVERIFY(message.from.contains("alice@127.0.0.1"));
    QTRY_COMPARE_WITH_TIMEOUT(responsesA.size(), 1, waitMs);
    QCOMPARE(responsesA.first().at(0).toULongLong(), *sent);
    QCOMPARE(responsesA.first().at(1).value<sip::SipResponse>().status, 200);

    // Back over TCP, with the store's gate refusing first: the sender learns of the failure.
    m_a->calls().setMessageAdmitter(
        [](const sip::IncomingRequest &, std::function<void(Result<void>)> done) {
            done(fail(ErrorCode::Io, QStringLiteral("store is full")));
        });
    QVERIFY(m_b->calls().sendPageMessage(m_a->uri(true), "text/plain", "refused"));
    QTRY_COMPARE_WITH_TIMEOUT(responsesB.size(), 1, waitMs);
    QCOMPARE(responsesB.first().at(1).value<sip::SipResponse>().status, 500);
    QCOMPARE(inA.size(), 0);

    m_a->calls().setMessageAdmitter({});
    QVERIFY(m_b->calls().sendPageMessage(m_a->uri(true), "text/plain", "page to Alice"));
    QVERIFY(inA.wait(waitMs));
    QCOMPARE(inA.first().at(1).value<sip::IncomingRequest>().body, QByteArray("page to Alice"));
    QTRY_COMPARE_WITH_TIMEOUT(responsesB.size(), 2, waitMs);
    QCOMPARE(responsesB.at(1).at(1).value<sip::SipResponse>().status, 200);
}

void TestCalls::infoWithMsml()
{
    auto [a, b] = establish(false);
    QVERIFY(a && b);
    QSignalSpy infoAtB(&m_b->calls(), &CallManager::infoReceived);
    QSignalSpy responseAtA(&m_a->calls(), &CallManager::infoResponse);

    const QByteArray script = "<?xml version=\"1.0\"?><msml version=\"1.1\"><dialogend "
                              "id=\"conn:abc/dialog:1\"/></msml>";
    auto sent = m_a->calls().sendInfo(a->id(), "application/msml+xml", script);
    QVERIFY(sent);
    QVERIFY(infoAtB.wait(waitMs));
    QCOMPARE(infoAtB.first().at(0).toULongLong(), b->id());
    QCOMPARE(infoAtB.first().at(2).toByteArray(), QByteArray("application/msml+xml"));
    QCOMPARE(infoAtB.first().at(3).toByteArray(), script);

    const QByteArray result = "<msml version=\"1.1\"><result response=\"200\"/></msml>";
    QVERIFY(m_b->calls().respondInfo(infoAtB.first().at(1).toULongLong(), 200,
                                     "application/msml+xml", result));
    QVERIFY(responseAtA.wait(waitMs));
    QCOMPARE(responseAtA.first().at(0).toULongLong(), a->id());
    QCOMPARE(responseAtA.first().at(1).toULongLong(), *sent);
    const auto response = responseAtA.first().at(2).value<sip::SipResponse>();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, result);
    QVERIFY(response.contentType.startsWith("application/msml+xml"));
}

// An INFO that no handler answers still gets its final response, before the sender's
// transaction times out: 200 for legacy usage, 415 for MSML when no controller executes it.
void TestCalls::infoNobodyAnswers_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::newRow("legacy text") << QByteArray("text/plain") << 200;
    QTest::newRow("MSML, control off") << QByteArray("application/msml+xml") << 415;
}

void TestCalls::infoNobodyAnswers()
{
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    auto [a, b] = establish(false);
    QVERIFY(a && b);
    QSignalSpy infoAtB(&m_b->calls(), &CallManager::infoReceived);
    QSignalSpy responseAtA(&m_a->calls(), &CallManager::infoResponse);
    auto sent = m_a->calls().sendInfo(a->id(), contentType, "<msml version=\"1.1\"/>");
    QVERIFY(sent);
    QVERIFY(infoAtB.wait(waitMs));
    QTRY_VERIFY_WITH_TIMEOUT(!responseAtA.isEmpty(), waitMs);
    QCOMPARE(responseAtA.first().at(1).toULongLong(), *sent);
    QCOMPARE(responseAtA.first().at(2).value<sip::SipResponse>().status, status);
    // Answered once: a late answer from the application is refused, not sent twice.
    QVERIFY(!m_b->calls().respondInfo(infoAtB.first().at(1).toULongLong(), 200));
}

// The MSRP session ending under a call (here closed locally, as a lost connection would end
// it) sends BYE: both calls end. The other side sees its connection closed in order and waits
// for that BYE instead of sending its own: no BYE glare (RFC 3261 §15.1.2).
void TestCalls::lostSessionEndsCall()
{
    auto [a, b] = establish(true);
    QVERIFY(a && b);
    const Call::Id aId = a->id();
    const Call::Id bId = b->id();
    QSignalSpy aEnded(&m_a->engine->sip(), &sip::Agent::callEnded);
    QSignalSpy bEnded(&m_b->engine->sip(), &sip::Agent::callEnded);
    QPointer<msrp::Session> sa = a->session();
    b->session()->close(QStringLiteral("connection lost"));
    QTRY_VERIFY_WITH_TIMEOUT(m_a->endOf(aId) && m_b->endOf(bId), waitMs);
    QCOMPARE(m_a->endOf(aId)->state, CallState::Ended);
    QCOMPARE(m_b->endOf(bId)->state, CallState::Ended);
    QTRY_VERIFY_WITH_TIMEOUT(!sa, waitMs);
    QCOMPARE(aEnded.size(), 1);
    QCOMPARE(bEnded.size(), 1);
    QVERIFY2(aEnded.first().at(2).toBool(), "alice sent a BYE of her own (glare)");
    QVERIFY2(!bEnded.first().at(2).toBool(), "bob's call should end by his own BYE");
}

// A peer that closes the MSRP connection in order but sends no BYE: after the grace period
// Herald ends the call itself, so no call outlives its media.
void TestCalls::peerClosedMsrpWithoutBye()
{
    auto [a, b] = establish(true);
    QVERIFY(a && b);
    const Call::Id aId = a->id();
    const Call::Id bId = b->id();
    QSignalSpy aEnded(&m_a->engine->sip(), &sip::Agent::callEnded);
    // Bob's engine is made deaf to its own session's end, so it sends no BYE.
    QVERIFY(QObject::disconnect(b->session(), &msrp::Session::closed, &m_b->calls(), nullptr));
    QElapsedTimer elapsed;
    elapsed.start();
    b->session()->close(QStringLiteral("closed without BYE"));
    QTRY_VERIFY_WITH_TIMEOUT(m_a->endOf(aId) && m_b->endOf(bId), waitMs);
    const auto grace = m_a->engine->config().peerByeGrace;
    QVERIFY2(elapsed.elapsed() >= grace.count() * 9 / 10,
             qPrintable(QStringLiteral("BYE after %1 ms").arg(elapsed.elapsed())));
    QCOMPARE(aEnded.size(), 1);
    QVERIFY2(!aEnded.first().at(2).toBool(), "alice should have ended the call herself");
    QCOMPARE(m_a->endOf(aId)->state, CallState::Ended);
}

// Engine::start() fails, naming SIP, when the SIP port is taken, and leaves MSRP closed.
void TestCalls::sipPortInUse()
{
    EngineConfig config;
    config.msrpListenPort = 0;
    config.sip.port = m_a->engine->sipListenPort();
    SeededRandomSource random(9);
    Engine engine(config, m_clock, random);
    auto started = engine.start();
    QVERIFY(!started);
    QVERIFY2(started.error().detail.contains(QStringLiteral("SIP")),
             qPrintable(started.error().detail));
    QVERIFY(!engine.isRunning());
    QVERIFY(!engine.msrp().isListening());
}

// stop() hangs live calls up (the peer sees the call end) and a start() right after it works
// (the console's restart), on a new SIP port since 0 was asked.
void TestCalls::restartWithLiveCall()
{
    auto [a, b] = establish(false);
    QVERIFY(a && b);
    const Call::Id aId = a->id();
    const Call::Id bId = b->id();
    m_b->engine->stop();
    QVERIFY(!m_b->engine->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(m_a->endOf(aId) && m_b->endOf(bId), waitMs);
    QCOMPARE(m_a->endOf(aId)->state, CallState::Ended);

    QVERIFY(m_b->engine->start());
    QVERIFY(m_b->engine->sip().isRunning());
    QVERIFY(m_b->engine->msrp().isListening());
    m_b->offered.clear();
    auto [a2, b2] = establish(true);
    QVERIFY(a2 && b2);

    // Immediately, while sofia is still shutting down.
    m_b->engine->stop();
    QVERIFY(m_b->engine->start());
    QVERIFY(m_b->engine->sip().isRunning());
}

QTEST_GUILESS_MAIN(TestCalls)
#include "tst_calls.moc"
