// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Two Agents in one process on 127.0.0.1 (port 0) call each other over UDP and over TCP:
// INVITE with an MSRP offer, 180, 200 with the answer, ACK, INFO both ways with MSML bodies
// answered by the application, MESSAGE in and out of dialog answered by the application,
// BYE from either side, CANCEL, rejections with Warning, OPTIONS, digest authentication
// against an in-process challenger, and the transport every in-dialog request took (from the
// receiver's Via and from sofia's own message dump).
#include "engine/sip/agent.h"
#include "tests/protocol/sip/siptestsupport.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;
using namespace herald::sip;
using namespace herald::sip::test;

namespace {

const QByteArray msmlType("application/msml+xml");
const QByteArray
    msmlScript("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<msml version=\"1.1\">"
               "<dialogstart name=\"12345\" target=\"conn:abc\" type=\"application/moml+xml\">"
               "<transfer id=\"transfer\"><transferstart/></transfer></dialogstart></msml>");
const QByteArray msmlResult("<msml version=\"1.1\"><result response=\"200\"/></msml>");
const QByteArray msmlEvent("<msml version=\"1.1\"><event name=\"transfer.objectdone\" "
                           "id=\"conn:abc/dialog:12345\"><name>transfer.objid</name>"
                           "<value>vm1</value></event></msml>");

QByteArray targetOf(const Agent &agent, const char *user, const QByteArray &transport)
{
    QByteArray t = QByteArrayLiteral("sip:") + user + QByteArrayLiteral("@127.0.0.1:") +
                   QByteArray::number(agent.listeningPort());
    if (!transport.isEmpty())
        t += QByteArrayLiteral(";transport=") + transport;
    return t;
}

QByteArray md5Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

} // namespace

class TestSipAgent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void callFlow_data();
    void callFlow();
    void emergencyInvite_data();
    void emergencyInvite();
    void cancelUnanswered_data();
    void cancelUnanswered();
    void rejected_data();
    void rejected();
    void options_data();
    void options();
    void messageOutOfDialog_data();
    void messageOutOfDialog();
    void unansweredRequestTimesOut();
    void digestAuthentication();
    void digestAuthenticationRefused_data();
    void digestAuthenticationRefused();
    void refusedActions();
    void startMatchesDispatcher();
    void nonGlibDispatcherRefused();
    void portInUse();
    void shutdownEndsCalls();
    void shutdownAnswersPending();
    void destroyWhileRunning();
    void tls();

private:
    Agent *startAgent(AgentConfig config);
    // Calls b from a and completes the offer/answer; returns {a's call, b's call}.
    std::pair<CallId, CallId> establish(Agent &a, Agent &b, const QByteArray &transport,
                                        IncomingInvite *invite = nullptr);

    std::unique_ptr<WireCapture> m_wire;
    std::vector<std::unique_ptr<Agent>> m_agents;
};

void TestSipAgent::initTestCase()
{
    qRegisterMetaType<CallId>("herald::sip::CallId");
    m_wire = std::make_unique<WireCapture>();
}

void TestSipAgent::cleanup()
{
    for (auto &agent : m_agents) {
        if (!agent->isRunning())
            continue;
        QSignalSpy stopped(agent.get(), &Agent::stopped);
        agent->shutdown();
        QVERIFY(stopped.wait(10000));
        QVERIFY(!agent->isRunning());
        QCOMPARE(agent->listeningPort(), quint16(0));
    }
    m_agents.clear();
    m_wire->clear();
}

Agent *TestSipAgent::startAgent(AgentConfig config)
{
    m_agents.push_back(std::make_unique<Agent>(std::move(config)));
    Agent *agent = m_agents.back().get();
    const Result<void> started = agent->start();
    if (!started) {
        qWarning() << "start failed:" << started.error().detail;
        return nullptr;
    }
    return agent;
}

std::pair<CallId, CallId> TestSipAgent::establish(Agent &a, Agent &b, const QByteArray &transport,
                                                  IncomingInvite *invite)
{
    QSignalSpy incoming(&b, &Agent::incomingCall);
    QSignalSpy answered(&a, &Agent::callAnswered);
    const Result<CallId> call = a.invite(targetOf(b, "bob", transport), msrpOffer());
    if (!call)
        return {};
    if (!QTest::qWaitFor([&] { return incoming.size() == 1; }, 5000))
        return {};
    const CallId bCall = incoming.at(0).at(0).value<CallId>();
    if (invite)
        *invite = incoming.at(0).at(1).value<IncomingInvite>();
    if (!b.answer(bCall, 200, msrpAnswer()))
        return {};
    if (!QTest::qWaitFor(
            [&] { return answered.size() == 1 && b.callState(bCall) == CallState::Established; },
            5000))
        return {};
    return {*call, bCall};
}

void TestSipAgent::callFlow_data()
{
    QTest::addColumn<QByteArray>("transport");
    QTest::addColumn<bool>("byeFromCaller");
    QTest::newRow("udp, caller hangs up") << QByteArray() << true;
    QTest::newRow("udp, callee hangs up") << QByteArray() << false;
    QTest::newRow("tcp, caller hangs up") << QByteArray("tcp") << true;
    QTest::newRow("tcp, callee hangs up") << QByteArray("tcp") << false;
}

void TestSipAgent::callFlow()
{
    QFETCH(QByteArray, transport);
    QFETCH(bool, byeFromCaller);
    const QByteArray viaTransport = transport.isEmpty() ? QByteArray("UDP") : transport.toUpper();
    const QByteArray wireTransport = viaTransport.toLower();

    Agent *a = startAgent(loopbackConfig(QStringLiteral("alice")));
    Agent *b = startAgent(loopbackConfig(QStringLiteral("bob")));
    QVERIFY(a && b);
    QVERIFY(a->listeningPort() != 0 && b->listeningPort() != 0);
    QVERIFY(a->listeningPort() != b->listeningPort());

    QSignalSpy incoming(b, &Agent::incomingCall);
    QSignalSpy progress(a, &Agent::callProgress);
    QSignalSpy answered(a, &Agent::callAnswered);
    QSignalSpy failed(a, &Agent::callFailed);
    QSignalSpy aEnded(a, &Agent::callEnded);
    QSignalSpy bEnded(b, &Agent::callEnded);
    QSignalSpy aStates(a, &Agent::callStateChanged);

    // INVITE with the MSRP offer.
    const Result<CallId> call = a->invite(targetOf(*b, "bob", transport), msrpOffer());
    QVERIFY(call);
    QCOMPARE(a->callState(*call), CallState::Calling);
    QTRY_COMPARE_WITH_TIMEOUT(incoming.size(), 1, 5000);
    const CallId bCall = incoming.at(0).at(0).value<CallId>();
    const IncomingInvite invite = incoming.at(0).at(1).value<IncomingInvite>();
    QCOMPARE(invite.method, QByteArray("INVITE"));
    QCOMPARE(invite.body, msrpOffer());
    QCOMPARE(invite.contentType, QByteArray("application/sdp"));
    QCOMPARE(invite.transport, viaTransport);
    QVERIFY2(invite.from.contains("sip:alice@127.0.0.1"), invite.from.constData());
    QVERIFY2(invite.to.contains("sip:bob@127.0.0.1"), invite.to.constData());
    QVERIFY(invite.requestUri.startsWith(
        QByteArray("sip:bob@127.0.0.1:" + QByteArray::number(b->listeningPort()))));
    QVERIFY(!invite.callId.isEmpty());
    QVERIFY(
        invite.contact.contains(QByteArray("127.0.0.1:" + QByteArray::number(a->listeningPort()))));
    // PLATFORM.md §2: the caller's Contact pins the dialog to TCP.
    QCOMPARE(invite.contact.contains("transport=tcp"), transport == "tcp");
    QCOMPARE(invite.header("Call-ID"), invite.callId);
    QCOMPARE(invite.header("User-Agent"), QByteArray("Herald-test/alice"));
    QCOMPARE(b->callState(bCall), CallState::Proceeding);

    // 180, then 200 with the MSRP answer; the stack ACKs.
    QVERIFY(b->ringing(bCall));
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(1).toInt() == 180, 5000);
    QCOMPARE(a->callState(*call), CallState::Ringing);
    QCOMPARE(b->callState(bCall), CallState::Ringing);
    QVERIFY(b->answer(bCall, 200, msrpAnswer()));
    QCOMPARE(b->callState(bCall), CallState::Answering);
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 5000);
    QCOMPARE(answered.at(0).at(0).value<CallId>(), *call);
    QCOMPARE(answered.at(0).at(1).toByteArray(), msrpAnswer());
    const SipResponse answer = answered.at(0).at(2).value<SipResponse>();
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.contentType, QByteArray("application/sdp"));
    QCOMPARE(answer.header("Contact").contains("transport=tcp"), transport == "tcp");
    QCOMPARE(a->callState(*call), CallState::Established);
    QTRY_COMPARE_WITH_TIMEOUT(b->callState(bCall), std::optional(CallState::Established), 5000);
    QVERIFY(failed.isEmpty());

    // INFO caller -> callee with an MSML script, answered with an MSML result.
    QSignalSpy bInfo(b, &Agent::incomingInfo);
    QSignalSpy aInfoResponse(a, &Agent::infoResponse);
    const Result<RequestId> info1 = a->info(*call, msmlType, msmlScript);
    QVERIFY(info1);
    QTRY_COMPARE_WITH_TIMEOUT(bInfo.size(), 1, 5000);
    QCOMPARE(bInfo.at(0).at(0).value<CallId>(), bCall);
    QCOMPARE(bInfo.at(0).at(2).toByteArray(), msmlType);
    QCOMPARE(bInfo.at(0).at(3).toByteArray(), msmlScript);
    QCOMPARE(bInfo.at(0).at(4).value<IncomingRequest>().transport, viaTransport);
    QCOMPARE(bInfo.at(0).at(4).value<IncomingRequest>().callId, invite.callId);
    // Not answered by the stack: nothing comes back until the application responds.
    QVERIFY(!aInfoResponse.wait(200));
    QVERIFY(b->respondInfo(bInfo.at(0).at(1).value<RequestId>(), 200, msmlType, msmlResult));
    QTRY_COMPARE_WITH_TIMEOUT(aInfoResponse.size(), 1, 5000);
    QCOMPARE(aInfoResponse.at(0).at(0).value<CallId>(), *call);
    QCOMPARE(aInfoResponse.at(0).at(1).value<RequestId>(), *info1);
    SipResponse infoAnswer = aInfoResponse.at(0).at(2).value<SipResponse>();
    QCOMPARE(infoAnswer.status, 200);
    QCOMPARE(infoAnswer.contentType, msmlType);
    QCOMPARE(infoAnswer.body, msmlResult);

    // INFO callee -> caller (an MSML event), answered without a body.
    QSignalSpy aInfo(a, &Agent::incomingInfo);
    QSignalSpy bInfoResponse(b, &Agent::infoResponse);
    const Result<RequestId> info2 = b->info(bCall, msmlType, msmlEvent);
    QVERIFY(info2);
    QTRY_COMPARE_WITH_TIMEOUT(aInfo.size(), 1, 5000);
    QCOMPARE(aInfo.at(0).at(0).value<CallId>(), *call);
    QCOMPARE(aInfo.at(0).at(3).toByteArray(), msmlEvent);
    QCOMPARE(aInfo.at(0).at(4).value<IncomingRequest>().transport, viaTransport);
    QVERIFY(a->respondInfo(aInfo.at(0).at(1).value<RequestId>(), 200));
    QTRY_COMPARE_WITH_TIMEOUT(bInfoResponse.size(), 1, 5000);
    QCOMPARE(bInfoResponse.at(0).at(1).value<RequestId>(), *info2);
    QCOMPARE(bInfoResponse.at(0).at(2).value<SipResponse>().status, 200);
    QVERIFY(bInfoResponse.at(0).at(2).value<SipResponse>().body.isEmpty());

    // MESSAGE in the dialog, both ways, answered by the application.
    QSignalSpy bMessage(b, &Agent::incomingMessage);
    QSignalSpy aMessageResponse(a, &Agent::messageResponse);
    const Result<RequestId> m1 = a->sendMessage(*call, "text/plain", "hello from alice");
    QVERIFY(m1);
    QTRY_COMPARE_WITH_TIMEOUT(bMessage.size(), 1, 5000);
    QCOMPARE(bMessage.at(0).at(1).value<CallId>(), bCall);
    const IncomingRequest message1 = bMessage.at(0).at(2).value<IncomingRequest>();
    QCOMPARE(message1.method, QByteArray("MESSAGE"));
    QCOMPARE(message1.body, QByteArray("hello from alice"));
    QCOMPARE(message1.contentType, QByteArray("text/plain"));
    QCOMPARE(message1.transport, viaTransport);
    QVERIFY(b->respondMessage(bMessage.at(0).at(0).value<RequestId>(), 200));
    QTRY_COMPARE_WITH_TIMEOUT(aMessageResponse.size(), 1, 5000);
    QCOMPARE(aMessageResponse.at(0).at(0).value<RequestId>(), *m1);
    QCOMPARE(aMessageResponse.at(0).at(1).value<SipResponse>().status, 200);

    QSignalSpy aMessage(a, &Agent::incomingMessage);
    QSignalSpy bMessageResponse(b, &Agent::messageResponse);
    const Result<RequestId> m2 = b->sendMessage(bCall, "text/plain", "hello from bob");
    QVERIFY(m2);
    QTRY_COMPARE_WITH_TIMEOUT(aMessage.size(), 1, 5000);
    QCOMPARE(aMessage.at(0).at(1).value<CallId>(), *call);
    QCOMPARE(aMessage.at(0).at(2).value<IncomingRequest>().body, QByteArray("hello from bob"));
    QCOMPARE(aMessage.at(0).at(2).value<IncomingRequest>().transport, viaTransport);
    QVERIFY(a->respondMessage(aMessage.at(0).at(0).value<RequestId>(), 200));
    QTRY_COMPARE_WITH_TIMEOUT(bMessageResponse.size(), 1, 5000);
    QCOMPARE(bMessageResponse.at(0).at(0).value<RequestId>(), *m2);
    QCOMPARE(bMessageResponse.at(0).at(1).value<SipResponse>().status, 200);

    // BYE from one side ends the call on both.
    QVERIFY(byeFromCaller ? a->bye(*call) : b->bye(bCall));
    QTRY_COMPARE_WITH_TIMEOUT(aEnded.size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(bEnded.size(), 1, 5000);
    QCOMPARE(aEnded.at(0).at(0).value<CallId>(), *call);
    QCOMPARE(aEnded.at(0).at(1).toByteArray(), QByteArray("BYE"));
    QCOMPARE(aEnded.at(0).at(2).toBool(), !byeFromCaller);
    QCOMPARE(bEnded.at(0).at(0).value<CallId>(), bCall);
    QCOMPARE(bEnded.at(0).at(2).toBool(), byeFromCaller);
    QTRY_VERIFY_WITH_TIMEOUT(!a->callState(*call) && !b->callState(bCall), 5000);
    QVERIFY(a->calls().isEmpty() && b->calls().isEmpty());
    QCOMPARE(aStates.last().at(1).value<CallState>(), CallState::Terminated);
    QVERIFY(failed.isEmpty());

    // sofia's own dump of every message of this dialog: all on the call's transport, the
    // in-dialog requests (ACK, INFO, MESSAGE, BYE) included (PLATFORM.md §2 drift to UDP).
    QTRY_VERIFY_WITH_TIMEOUT(!m_wire->entriesWith("BYE sip:").isEmpty(), 5000);
    const QList<WireEntry> dialog = m_wire->entriesWith("Call-ID: " + invite.callId);
    QStringList methods; // one per transaction: UDP retransmissions share the CSeq
    QSet<QByteArray> seen;
    for (const WireEntry &e : dialog) {
        QVERIFY2(e.transport == wireTransport,
                 QByteArray(e.transport + " used for " + e.startLine()).constData());
        const QByteArray cseq = firstHeaderValue(splitMessage(e.message).headers, "CSeq");
        if (!e.isResponse() && e.direction == "send" && !seen.contains(cseq)) {
            seen.insert(cseq);
            methods << QString::fromUtf8(e.startLine().left(e.startLine().indexOf(' ')));
        }
    }
    for (const char *method : {"INVITE", "ACK", "INFO", "MESSAGE", "BYE"})
        QVERIFY2(methods.contains(QLatin1String(method)), method);
    QCOMPARE(methods.count(QStringLiteral("INFO")), 2);
    QCOMPARE(methods.count(QStringLiteral("MESSAGE")), 2);
}

void TestSipAgent::emergencyInvite_data()
{
    QTest::addColumn<QByteArray>("transport");
    QTest::newRow("udp") << QByteArray(); // larger than the UDP MTU: sofia may switch to TCP
    QTest::newRow("tcp") << QByteArray("tcp");
}

// An RFC 6442 / RFC 7852 style emergency INVITE: a multipart/mixed body (SDP + PIDF-LO) and
// the headers Herald reads, all passed through raw.
void TestSipAgent::emergencyInvite()
{
    QFETCH(QByteArray, transport);
    Agent *a = startAgent(loopbackConfig(QStringLiteral("esrp")));
    Agent *b = startAgent(loopbackConfig(QStringLiteral("psap")));
    QVERIFY(a && b);
    const QByteArray boundary("boundary1");
    const QByteArray pidf =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
        "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" "
        "xmlns:gp=\"urn:ietf:params:xml:ns:pidf:geopriv10\" "
        "xmlns:gml=\"http://www.opengis.net/gml\" entity=\"pres:caller@example.com\">\r\n"
        "<tuple id=\"t1\"><status><gp:geopriv><gp:location-info><gml:Point "
        "srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>48.2 16.37</gml:pos></gml:Point>"
        "</gp:location-info></gp:geopriv></status></tuple></presence>\r\n";
    const QByteArray body = "--" + boundary + "\r\nContent-Type: application/sdp\r\n\r\n" +
                            msrpOffer() + "\r\n--" + boundary +
                            "\r\nContent-Type: application/pidf+xml\r\n"
                            "Content-ID: <target123@example.com>\r\n\r\n" +
                            pidf + "\r\n--" + boundary + "--\r\n";
    InviteOptions options;
    options.contentType = "multipart/mixed;boundary=" + boundary;
    options.from = "\"Caller\" <sip:+15551234567@example.com;user=phone>";
    options.extraHeaders = {
        {"Geolocation", "<cid:target123@example.com>"},
        {"Geolocation-Routing", "yes"},
        {"P-Asserted-Identity", "\"Caller\" <sip:+15551234567@example.com;user=phone>"},
        {"P-Asserted-Identity", "<tel:+15551234567>"},
        {"Call-Info", "<urn:emergency:uid:callid:abc:bcf.example.com>;purpose=emergency-CallId"},
        {"Call-Info",
         "<https://adr.example.com/ServiceInfo>;purpose=EmergencyCallData.ServiceInfo"},
        {"Priority", "emergency"},
    };
    QSignalSpy incoming(b, &Agent::incomingCall);
    const QByteArray target = "sip:sos@127.0.0.1:" + QByteArray::number(b->listeningPort()) +
                              (transport.isEmpty() ? QByteArray() : ";transport=" + transport);
    QVERIFY(a->invite(target, body, options));
    QTRY_COMPARE_WITH_TIMEOUT(incoming.size(), 1, 5000);
    const IncomingInvite invite = incoming.at(0).at(1).value<IncomingInvite>();
    QCOMPARE(invite.body, body);
    QCOMPARE(invite.contentType, options.contentType);
    QVERIFY2(invite.from.startsWith("\"Caller\" <sip:+15551234567@example.com;user=phone>;tag="),
             invite.from.constData());
    QCOMPARE(invite.geolocation, QList<QByteArray>{"<cid:target123@example.com>"});
    QCOMPARE(invite.header("Geolocation-Routing"), QByteArray("yes"));
    QCOMPARE(invite.pAssertedIdentity,
             (QList<QByteArray>{"\"Caller\" <sip:+15551234567@example.com;user=phone>",
                                "<tel:+15551234567>"}));
    QCOMPARE(invite.callInfo.size(), 2);
    QVERIFY(invite.callInfo.at(0).contains("purpose=emergency-CallId"));
    QVERIFY(invite.callInfo.at(1).contains("purpose=EmergencyCallData.ServiceInfo"));
    QCOMPARE(invite.header("Priority"), QByteArray("emergency"));
    QVERIFY(b->reject(incoming.at(0).at(0).value<CallId>(), 486));
}

void TestSipAgent::cancelUnanswered_data()
{
    QTest::addColumn<QByteArray>("transport");
    QTest::newRow("udp") << QByteArray();
    QTest::newRow("tcp") << QByteArray("tcp");
}

void TestSipAgent::cancelUnanswered()
{
    QFETCH(QByteArray, transport);
    Agent *a = startAgent(loopbackConfig(QStringLiteral("alice")));
    Agent *b = startAgent(loopbackConfig(QStringLiteral("bob")));
    QVERIFY(a && b);
    QSignalSpy incoming(b, &Agent::incomingCall);
    QSignalSpy progress(a, &Agent::callProgress);
    QSignalSpy failed(a, &Agent::callFailed);
    QSignalSpy aEnded(a, &Agent::callEnded);
    QSignalSpy bEnded(b, &Agent::callEnded);

    const Result<CallId> call = a->invite(targetOf(*b, "bob", transport), msrpOffer());
    QVERIFY(call);
    QTRY_COMPARE_WITH_TIMEOUT(incoming.size(), 1, 5000);
    const CallId bCall = incoming.at(0).at(0).value<CallId>();
    QVERIFY(b->ringing(bCall));
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(1).toInt() == 180, 5000);

    QVERIFY(a->cancel(*call));
    QCOMPARE(a->callState(*call), CallState::Terminating);
    QVERIFY(!a->cancel(*call)); // once
    QTRY_COMPARE_WITH_TIMEOUT(aEnded.size(), 1, 5000);
    QCOMPARE(aEnded.at(0).at(1).toByteArray(), QByteArray("CANCEL"));
    QCOMPARE(aEnded.at(0).at(2).toBool(), false);
    QTRY_COMPARE_WITH_TIMEOUT(bEnded.size(), 1, 5000);
    QCOMPARE(bEnded.at(0).at(0).value<CallId>(), bCall);
    QCOMPARE(bEnded.at(0).at(1).toByteArray(), QByteArray("CANCEL"));
    QCOMPARE(bEnded.at(0).at(2).toBool(), true);
    QVERIFY(failed.isEmpty()); // a cancelled call did not "fail"
    // The callee can no longer answer it.
    QVERIFY(!b->answer(bCall, 200, msrpAnswer()));
    QTRY_VERIFY_WITH_TIMEOUT(a->calls().isEmpty() && b->calls().isEmpty(), 5000);
}

void TestSipAgent::rejected_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QByteArray>("warning");
    QTest::newRow("486") << 486 << QByteArray("Busy Here") << QByteArray();
    QTest::newRow("488 with Warning") << 488 << QByteArray("Not Acceptable Here")
                                      << QByteArray("399 herald \"No common MSRP accept-types\"");
    QTest::newRow("603 own reason") << 603 << QByteArray("Go Away") << QByteArray();
}

void TestSipAgent::rejected()
{
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(QByteArray, warning);
    Agent *a = startAgent(loopbackConfig(QStringLiteral("alice")));
    Agent *b = startAgent(loopbackConfig(QStringLiteral("bob")));
    QVERIFY(a && b);
    QSignalSpy incoming(b, &Agent::incomingCall);
    QSignalSpy failed(a, &Agent::callFailed);
    QSignalSpy aEnded(a, &Agent::callEnded);
    QSignalSpy bEnded(b, &Agent::callEnded);
    const Result<CallId> call = a->invite(targetOf(*b, "bob", {}), msrpOffer());
    QVERIFY(call);
    QTRY_COMPARE_WITH_TIMEOUT(incoming.size(), 1, 5000);
    const CallId bCall = incoming.at(0).at(0).value<CallId>();
    QVERIFY(b->reject(bCall, status, reason, warning));
    QCOMPARE(bEnded.size(), 1);
    QCOMPARE(bEnded.at(0).at(2).toBool(), false);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    QCOMPARE(failed.at(0).at(0).value<CallId>(), *call);
    QCOMPARE(failed.at(0).at(1).toInt(), status);
    QCOMPARE(failed.at(0).at(2).toByteArray(), reason);
    const SipResponse response = failed.at(0).at(3).value<SipResponse>();
    QCOMPARE(response.status, status);
    QCOMPARE(response.header("Warning"), warning);
    QTRY_COMPARE_WITH_TIMEOUT(aEnded.size(), 1, 5000);
    QCOMPARE(aEnded.at(0).at(1).toByteArray(), QByteArray::number(status) + ' ' + reason);
    QCOMPARE(aEnded.at(0).at(2).toBool(), true);
    QTRY_VERIFY_WITH_TIMEOUT(a->calls().isEmpty() && b->calls().isEmpty(), 5000);
}

void TestSipAgent::options_data()
{
    QTest::addColumn<QByteArray>("transport");
    QTest::addColumn<bool>("withBody");
    QTest::newRow("udp") << QByteArray() << false;
    QTest::newRow("tcp, capabilities body") << QByteArray("tcp") << true;
}

void TestSipAgent::options()
{
    QFETCH(QByteArray, transport);
    QFETCH(bool, withBody);
    Agent *a = startAgent(loopbackConfig(QStringLiteral("alice")));
    Agent *b = startAgent(loopbackConfig(QStringLiteral("bob")));
    QVERIFY(a && b);
    if (withBody)
        b->setOptionsBody("application/sdp", msrpAnswer());
    QSignalSpy answered(b, &Agent::optionsAnswered);
    QSignalSpy responses(a, &Agent::optionsResponse);
    QByteArray target = "sip:127.0.0.1:" + QByteArray::number(b->listeningPort());
    if (!transport.isEmpty())
        target += ";transport=" + transport;
    const Result<RequestId> request = a->sendOptions(target);
    QVERIFY(request);
    QTRY_COMPARE_WITH_TIMEOUT(responses.size(), 1, 5000);
    QCOMPARE(responses.at(0).at(0).value<RequestId>(), *request);
    const SipResponse response = responses.at(0).at(1).value<SipResponse>();
    QCOMPARE(response.status, 200);
    const QByteArray allow = headerValues(response.headers, "Allow").join(", ");
    for (const char *method : {"INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "INFO", "MESSAGE"})
        QVERIFY2(allow.contains(method), allow.constData());
    QVERIFY2(!allow.contains("SUBSCRIBE") && !allow.contains("REFER"), allow.constData());
    const QByteArray accept = headerValues(response.headers, "Accept").join(", ");
    QVERIFY2(accept.contains("application/sdp") && accept.contains("application/msml+xml"),
             accept.constData());
    QCOMPARE(response.body, withBody ? msrpAnswer() : QByteArray());
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 5000);
    QCOMPARE(answered.at(0).at(0).value<IncomingRequest>().transport,
             transport.isEmpty() ? QByteArray("UDP") : transport.toUpper());
}

void TestSipAgent::messageOutOfDialog_data()
{
    QTest::addColumn<QByteArray>("transport");
    QTest::addColumn<int>("status");
    QTest::newRow("udp 200") << QByteArray() << 200;
    QTest::newRow("tcp 202") << QByteArray("tcp") << 202;
    QTest::newRow("udp 500 (store failed)") << QByteArray() << 500;
}

void TestSipAgent::messageOutOfDialog()
{
    QFETCH(QByteArray, transport);
    QFETCH(int, status);
    Agent *a = startAgent(loopbackConfig(QStringLiteral("alice")));
    Agent *b = startAgent(loopbackConfig(QStringLiteral("bob")));
    QVERIFY(a && b);
    QSignalSpy incoming(b, &Agent::incomingMessage);
    QSignalSpy responses(a, &Agent::messageResponse);
    const QByteArray text = QStringLiteral("Notruf: Hilfe! \u00e9\u00e8 \U0001F198").toUtf8();
    RequestOptions options;
    options.from = "sip:psap@127.0.0.1";
    options.extraHeaders = {{"X-Herald-Test", "1"}};
    const Result<RequestId> request =
        a->sendMessage(targetOf(*b, "bob", transport), "text/plain;charset=UTF-8", text, options);
    QVERIFY(request);
    QTRY_COMPARE_WITH_TIMEOUT(incoming.size(), 1, 5000);
    QCOMPARE(incoming.at(0).at(1).value<CallId>(), CallId(0)); // outside any dialog
    const IncomingRequest message = incoming.at(0).at(2).value<IncomingRequest>();
    QCOMPARE(message.body, text);
    QCOMPARE(message.contentType, QByteArray("text/plain;charset=UTF-8"));
    QCOMPARE(message.transport, transport.isEmpty() ? QByteArray("UDP") : transport.toUpper());
    QVERIFY2(message.from.startsWith("<sip:psap@127.0.0.1>;tag="), message.from.constData());
    QCOMPARE(message.header("X-Herald-Test"), QByteArray("1"));
    // Durability: no response leaves before the application has stored the text and answers.
    QVERIFY(!responses.wait(300));
    QVERIFY(b->respondMessage(incoming.at(0).at(0).value<RequestId>(), status));
    QVERIFY(!b->respondMessage(incoming.at(0).at(0).value<RequestId>(), status)); // only once
    QTRY_COMPARE_WITH_TIMEOUT(responses.size(), 1, 5000);
    QCOMPARE(responses.at(0).at(0).value<RequestId>(), *request);
    QCOMPARE(responses.at(0).at(1).value<SipResponse>().status, status);
}

void TestSipAgent::unansweredRequestTimesOut()
{
    Agent *a = startAgent(loopbackConfig(QStringLiteral("alice")));
    AgentConfig slow = loopbackConfig(QStringLiteral("bob"));
    slow.applicationResponseTimeout = 300ms;
    Agent *b = startAgent(slow);
    QVERIFY(a && b);
    QSignalSpy incoming(b, &Agent::incomingMessage);
    QSignalSpy responses(a, &Agent::messageResponse);
    QVERIFY(a->sendMessage(targetOf(*b, "bob", {}), "text/plain", "anyone?"));
    QTRY_COMPARE_WITH_TIMEOUT(incoming.size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(responses.size(), 1, 5000);
    QCOMPARE(responses.at(0).at(1).value<SipResponse>().status, 500);
    QVERIFY(!b->respondMessage(incoming.at(0).at(0).value<RequestId>(), 200));
}

// The callee challenges the INVITE itself (407 + Proxy-Authenticate, RFC 3261 §22.3) and
// checks the retry's Proxy-Authorization by recomputing the digest (RFC 2617 §3.2.2).
void TestSipAgent::digestAuthentication()
{
    AgentConfig caller = loopbackConfig(QStringLiteral("alice"));
    caller.credentials = {QStringLiteral("alice"), QStringLiteral("s3cr et!"), QString()};
    Agent *a = startAgent(caller);
    Agent *b = startAgent(loopbackConfig(QStringLiteral("bob")));
    QVERIFY(a && b);
    const QByteArray nonce("dcd98b7102dd2f0e8b11d0f600bfb0c093");
    const QByteArray challenge = "Digest realm=\"herald.test\", nonce=\"" + nonce +
                                 "\", qop=\"auth\", algorithm=MD5, opaque=\"5ccc069c403eb\"";
    QList<IncomingInvite> invites;
    connect(b, &Agent::incomingCall, this, [&](CallId id, const IncomingInvite &invite) {
        invites.append(invite);
        if (invite.header("Proxy-Authorization").isEmpty())
            QVERIFY(b->reject(id, 407, "Proxy Authentication Required", {},
                              {{"Proxy-Authenticate", challenge}}));
        else
            QVERIFY(b->answer(id, 200, msrpAnswer()));
    });
    QSignalSpy answered(a, &Agent::callAnswered);
    QSignalSpy failed(a, &Agent::callFailed);
    const Result<CallId> call = a->invite(targetOf(*b, "bob", {}), msrpOffer());
    QVERIFY(call);
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 5000);
    QVERIFY(failed.isEmpty());
    QCOMPARE(invites.size(), 2);
    // §22.2: the retry is the same call: same Call-ID and From tag, a higher CSeq.
    QCOMPARE(invites.at(1).callId, invites.at(0).callId);
    QCOMPARE(invites.at(1).from, invites.at(0).from);
    QVERIFY(invites.at(1).header("CSeq").split(' ').first().toInt() >
            invites.at(0).header("CSeq").split(' ').first().toInt());
    QCOMPARE(invites.at(1).body, msrpOffer());

    const QByteArray authorization = invites.at(1).header("Proxy-Authorization");
    QVERIFY(authorization.startsWith("Digest "));
    QCOMPARE(authParam(authorization, "username"), QByteArray("alice"));
    QCOMPARE(authParam(authorization, "realm"), QByteArray("herald.test"));
    QCOMPARE(authParam(authorization, "nonce"), nonce);
    QCOMPARE(authParam(authorization, "opaque"), QByteArray("5ccc069c403eb"));
    QCOMPARE(authParam(authorization, "qop"), QByteArray("auth"));
    const QByteArray uri = authParam(authorization, "uri");
    QCOMPARE(uri, invites.at(1).requestUri);
    const QByteArray nc = authParam(authorization, "nc");
    const QByteArray cnonce = authParam(authorization, "cnonce");
    QVERIFY(!nc.isEmpty() && !cnonce.isEmpty());
    const QByteArray ha1 = md5Hex("alice:herald.test:s3cr et!");
    const QByteArray ha2 = md5Hex("INVITE:" + uri);
    const QByteArray expected =
        md5Hex(ha1 + ':' + nonce + ':' + nc + ':' + cnonce + ":auth:" + ha2);
    QCOMPARE(authParam(authorization, "response"), expected);
    QVERIFY(a->bye(*call));
}

void TestSipAgent::digestAuthenticationRefused_data()
{
    QTest::addColumn<bool>("withCredentials");
    QTest::addColumn<QString>("realm");
    QTest::addColumn<int>("expectedInvites");
    QTest::newRow("no credentials") << false << QString() << 1;
    QTest::newRow("wrong realm") << true << QStringLiteral("other.realm") << 1;
    QTest::newRow("refused again, give up") << true << QString() << 2;
}

void TestSipAgent::digestAuthenticationRefused()
{
    QFETCH(bool, withCredentials);
    QFETCH(QString, realm);
    QFETCH(int, expectedInvites);
    AgentConfig caller = loopbackConfig(QStringLiteral("alice"));
    if (withCredentials)
        caller.credentials = {QStringLiteral("alice"), QStringLiteral("wrong"), realm};
    Agent *a = startAgent(caller);
    Agent *b = startAgent(loopbackConfig(QStringLiteral("bob")));
    QVERIFY(a && b);
    int invites = 0;
    connect(b, &Agent::incomingCall, this, [&](CallId id, const IncomingInvite &) {
        ++invites;
        QVERIFY(b->reject(
            id, 407, {}, {},
            {{"Proxy-Authenticate", "Digest realm=\"herald.test\", nonce=\"n" +
                                        QByteArray::number(invites) + "\", algorithm=MD5"}}));
    });
    QSignalSpy failed(a, &Agent::callFailed);
    QSignalSpy ended(a, &Agent::callEnded);
    QVERIFY(a->invite(targetOf(*b, "bob", {}), msrpOffer()));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    QCOMPARE(failed.at(0).at(1).toInt(), 407);
    QCOMPARE(invites, expectedInvites);
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 5000);
}

void TestSipAgent::refusedActions()
{
    Agent idle(loopbackConfig(QStringLiteral("idle")));
    QCOMPARE(idle.invite("sip:x@127.0.0.1", msrpOffer()).error().code, ErrorCode::Conflict);

    Agent *a = startAgent(loopbackConfig(QStringLiteral("alice")));
    Agent *b = startAgent(loopbackConfig(QStringLiteral("bob")));
    QVERIFY(a && b);
    QCOMPARE(a->start().error().code, ErrorCode::Conflict);
    QCOMPARE(a->invite("mailto:x@y", msrpOffer()).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(a->invite("sip:x@y\r\nX-Evil: 1", msrpOffer()).error().code,
             ErrorCode::InvalidArgument);
    InviteOptions injected;
    injected.extraHeaders = {{"X-Ok", "fine\r\nX-Evil: 1"}};
    QCOMPARE(a->invite(targetOf(*b, "bob", {}), msrpOffer(), injected).error().code,
             ErrorCode::InvalidArgument);
    injected.extraHeaders = {{"Bad Name", "v"}};
    QCOMPARE(a->invite(targetOf(*b, "bob", {}), msrpOffer(), injected).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(a->answer(4242, 200, msrpAnswer()).error().code, ErrorCode::NotFound);
    QCOMPARE(a->bye(4242).error().code, ErrorCode::NotFound);
    QCOMPARE(a->respondInfo(4242, 200).error().code, ErrorCode::NotFound);
    QCOMPARE(a->respondMessage(4242, 200).error().code, ErrorCode::NotFound);
    QCOMPARE(a->info(4242, msmlType, msmlScript).error().code, ErrorCode::NotFound);

    // Actions the call state does not allow.
    QSignalSpy incoming(b, &Agent::incomingCall);
    const Result<CallId> call = a->invite(targetOf(*b, "bob", {}), msrpOffer());
    QVERIFY(call);
    QCOMPARE(a->bye(*call).error().code, ErrorCode::InvalidArgument);             // not answered
    QCOMPARE(a->answer(*call, 200, {}).error().code, ErrorCode::InvalidArgument); // ours
    QCOMPARE(a->info(*call, msmlType, msmlScript).error().code, ErrorCode::InvalidArgument);
    QTRY_COMPARE_WITH_TIMEOUT(incoming.size(), 1, 5000);
    const CallId bCall = incoming.at(0).at(0).value<CallId>();
    QCOMPARE(b->cancel(bCall).error().code, ErrorCode::InvalidArgument); // not ours
    QCOMPARE(b->answer(bCall, 180, msrpAnswer()).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(b->reject(bCall, 200).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(b->reject(bCall, 486, "Busy\r\nX-Evil: 1").error().code, ErrorCode::InvalidArgument);
    QVERIFY(b->answer(bCall, 200, msrpAnswer()));
    QCOMPARE(b->answer(bCall, 200, msrpAnswer()).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(b->reject(bCall, 486).error().code, ErrorCode::InvalidArgument);
    QTRY_COMPARE_WITH_TIMEOUT(a->callState(*call), std::optional(CallState::Established), 5000);
    QCOMPARE(a->cancel(*call).error().code, ErrorCode::InvalidArgument); // answered
    QVERIFY(a->bye(*call));
}

// PLATFORM.md §1: sofia only runs under Qt's GLib dispatcher. With it, start() works; without
// it (QT_NO_GLIB=1, checked in a child process by nonGlibDispatcherRefused), start() refuses
// with a clear error instead of hanging later.
void TestSipAgent::startMatchesDispatcher()
{
    const bool glib = QAbstractEventDispatcher::instance()->inherits("QEventDispatcherGlib");
    QCOMPARE(glib, !qEnvironmentVariableIsSet("QT_NO_GLIB"));
    Agent agent(loopbackConfig(QStringLiteral("dispatcher")));
    const Result<void> started = agent.start();
    if (glib) {
        QVERIFY(started);
        QSignalSpy stopped(&agent, &Agent::stopped);
        agent.shutdown();
        QVERIFY(stopped.wait(10000));
        return;
    }
    QVERIFY(!started);
    QCOMPARE(started.error().code, ErrorCode::Unsupported);
    QVERIFY2(started.error().detail.contains(QLatin1String("QT_NO_GLIB")),
             qPrintable(started.error().detail));
    qInfo().noquote() << "refused:" << started.error().detail;
}

void TestSipAgent::nonGlibDispatcherRefused()
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_NO_GLIB"), QStringLiteral("1"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("startMatchesDispatcher")});
    QVERIFY(child.waitForFinished(30000));
    const QByteArray output = child.readAll();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
             output.constData());
    QVERIFY2(output.contains("refused:"), output.constData());
}

void TestSipAgent::portInUse()
{
    QUdpSocket holder;
    QVERIFY(holder.bind(QHostAddress::LocalHost, 0));
    AgentConfig config = loopbackConfig(QStringLiteral("late"));
    config.port = holder.localPort();
    Agent agent(config);
    const Result<void> started = agent.start();
    QVERIFY(!started);
    QCOMPARE(started.error().code, ErrorCode::Io);
    QVERIFY(!agent.isRunning());
    // And an agent that failed to start can start later, elsewhere.
    holder.close();
    QVERIFY(agent.start());
    QCOMPARE(agent.listeningPort(), config.port);
    QSignalSpy stopped(&agent, &Agent::stopped);
    agent.shutdown();
    QVERIFY(stopped.wait(10000));
}

void TestSipAgent::shutdownEndsCalls()
{
    Agent *a = startAgent(loopbackConfig(QStringLiteral("alice")));
    Agent *b = startAgent(loopbackConfig(QStringLiteral("bob")));
    QVERIFY(a && b);
    const auto [aCall, bCall] = establish(*a, *b, "tcp");
    QVERIFY(aCall != 0 && bCall != 0);
    QSignalSpy aEnded(a, &Agent::callEnded);
    QSignalSpy bEnded(b, &Agent::callEnded);
    QSignalSpy stopped(a, &Agent::stopped);
    a->shutdown();
    QVERIFY(!a->isRunning());
    QCOMPARE(a->invite(targetOf(*b, "bob", {}), msrpOffer()).error().code, ErrorCode::Conflict);
    QVERIFY(stopped.wait(10000));
    QCOMPARE(aEnded.size(), 1);
    QCOMPARE(aEnded.at(0).at(2).toBool(), false);
    // nua_shutdown sends BYE for the established call.
    QTRY_COMPARE_WITH_TIMEOUT(bEnded.size(), 1, 5000);
    QCOMPARE(bEnded.at(0).at(1).toByteArray(), QByteArray("BYE"));
    QCOMPARE(bEnded.at(0).at(2).toBool(), true);
}

// Requests the application still holds when it shuts down are answered, not dropped.
void TestSipAgent::shutdownAnswersPending()
{
    Agent *a = startAgent(loopbackConfig(QStringLiteral("alice")));
    Agent *b = startAgent(loopbackConfig(QStringLiteral("bob")));
    QVERIFY(a && b);
    QSignalSpy incomingCall(b, &Agent::incomingCall);
    QSignalSpy incomingMessage(b, &Agent::incomingMessage);
    QSignalSpy failed(a, &Agent::callFailed);
    QSignalSpy messageResponse(a, &Agent::messageResponse);
    QSignalSpy bEnded(b, &Agent::callEnded);
    QVERIFY(a->invite(targetOf(*b, "bob", {}), msrpOffer()));
    QVERIFY(a->sendMessage(targetOf(*b, "bob", {}), "text/plain", "still there?"));
    QTRY_VERIFY_WITH_TIMEOUT(incomingCall.size() == 1 && incomingMessage.size() == 1, 5000);
    QSignalSpy stopped(b, &Agent::stopped);
    b->shutdown();
    QVERIFY(stopped.wait(10000));
    QCOMPARE(bEnded.size(), 1);
    QCOMPARE(bEnded.at(0).at(2).toBool(), false);
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() == 1 && messageResponse.size() == 1, 5000);
    QCOMPARE(failed.at(0).at(1).toInt(), 503);
    QCOMPARE(messageResponse.at(0).at(1).value<SipResponse>().status, 503);
}

void TestSipAgent::destroyWhileRunning()
{
    Agent *b = startAgent(loopbackConfig(QStringLiteral("bob")));
    QVERIFY(b);
    QSignalSpy ended(b, &Agent::callEnded);
    {
        Agent a(loopbackConfig(QStringLiteral("alice")));
        QVERIFY(a.start());
        QSignalSpy incoming(b, &Agent::incomingCall);
        QVERIFY(a.invite(targetOf(*b, "bob", {}), msrpOffer()));
        QTRY_COMPARE_WITH_TIMEOUT(incoming.size(), 1, 5000);
    } // the destructor shuts the stack down without an event loop round trip by the caller
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 5000); // the CANCEL from a's shutdown
    QCOMPARE(ended.at(0).at(1).toByteArray(), QByteArray("CANCEL"));
}

// TLS (sips) between two agents that trust one self-signed certificate, peer verification on.
void TestSipAgent::tls()
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl not found in PATH: cannot make a test certificate");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess req;
    req.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                        QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                        QStringLiteral("-keyout"), dir.filePath(QStringLiteral("key.pem")),
                        QStringLiteral("-out"), dir.filePath(QStringLiteral("cert.pem")),
                        QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                        QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                        QStringLiteral("subjectAltName=IP:127.0.0.1")});
    QVERIFY(req.waitForFinished(20000));
    QCOMPARE(req.exitCode(), 0);
    auto withTls = [&](const QString &user) {
        AgentConfig c = loopbackConfig(user);
        c.tlsCertificateFile = dir.filePath(QStringLiteral("cert.pem"));
        c.tlsPrivateKeyFile = dir.filePath(QStringLiteral("key.pem"));
        c.tlsCaFile = dir.filePath(QStringLiteral("cert.pem"));
        c.tlsPort = 0;
        return c;
    };
    Agent *a = startAgent(withTls(QStringLiteral("alice")));
    Agent *b = startAgent(withTls(QStringLiteral("bob")));
    QVERIFY(a && b);
    QVERIFY(b->tlsListeningPort() != 0);
    QSignalSpy incoming(b, &Agent::incomingCall);
    QSignalSpy answered(a, &Agent::callAnswered);
    QSignalSpy failed(a, &Agent::callFailed);
    const QByteArray target =
        "sip:bob@127.0.0.1:" + QByteArray::number(b->tlsListeningPort()) + ";transport=tls";
    const Result<CallId> call = a->invite(target, msrpOffer());
    QVERIFY(call);
    QTRY_COMPARE_WITH_TIMEOUT(incoming.size() + failed.size(), 1, 10000);
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : failed.at(0).at(2).toByteArray().constData());
    QCOMPARE(incoming.at(0).at(1).value<IncomingInvite>().transport, QByteArray("TLS"));
    QVERIFY(b->answer(incoming.at(0).at(0).value<CallId>(), 200, msrpAnswer()));
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 5000);
    QVERIFY(a->bye(*call));
}

QTEST_GUILESS_MAIN(TestSipAgent)
#include "tst_sipagent.moc"
