// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The Lab view's SIP ladder at the engine level: Agent::setMessageRecording() reports each
// call's messages as they crossed the wire (sofia's transport dump), 100 Trying and the ACK
// included (RFC 3261 §17.2.1, §13.2.2.4). sofia's dump is process-wide, yet two Agents in one
// process each get their own side of a call and nothing of the other's; an Agent that calls
// itself gets each end on its own call; out-of-dialog requests are on no ladder; recording off
// reports nothing, and recording on leaves the herald.sip.wire log as it was (silent here).
#include "engine/sip/agent.h"
#include "engine/sip/siplogging.h"
#include "engine/sip/sipmessagerecorder.h"
#include "tests/protocol/sip/siptestsupport.h"

#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <memory>

using namespace herald;
using namespace herald::sip;
using namespace herald::sip::test;

namespace {

constexpr int waitMs = 10000;

QByteArray targetOf(const Agent &agent, const char *user, const QByteArray &transport)
{
    QByteArray t = QByteArrayLiteral("sip:") + user + QByteArrayLiteral("@127.0.0.1:") +
                   QByteArray::number(agent.listeningPort());
    if (!transport.isEmpty())
        t += QByteArrayLiteral(";transport=") + transport;
    return t;
}

// Everything an Agent reported through messagesRecorded, in order.
class Recorded
{
public:
    explicit Recorded(Agent &agent)
    {
        QObject::connect(&agent, &Agent::messagesRecorded, &m_context,
                         [this](const QList<SipMessageRecord> &records) {
                             m_records += records;
                             ++m_batches;
                         });
    }
    QList<SipMessageRecord> of(CallId call) const
    {
        QList<SipMessageRecord> out;
        for (const SipMessageRecord &r : m_records) {
            if (r.call == call)
                out.append(r);
        }
        return out;
    }
    const QList<SipMessageRecord> &all() const { return m_records; }
    int batches() const { return m_batches; }

private:
    QObject m_context;
    QList<SipMessageRecord> m_records;
    int m_batches = 0;
};

// "→ INVITE", "← 100", ...; a retransmission (the same rung again) is shown once.
QStringList rungs(const QList<SipMessageRecord> &records)
{
    QStringList out;
    for (const SipMessageRecord &r : records) {
        const QString rung = QString::fromUtf8(
            (r.sent ? "→ " : "← ") + (r.request ? r.method : QByteArray::number(r.status)));
        if (out.isEmpty() || out.last() != rung)
            out << rung;
    }
    return out;
}

QByteArray headerOf(const QByteArray &message, const QByteArray &name)
{
    for (const QByteArray &line : message.split('\n')) {
        if (line.toLower().startsWith(QByteArray(name.toLower() + ':')))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

QStringList ladder(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

// Counts herald.sip.wire messages while alive (the category stays as configured).
class WireLogCounter
{
public:
    WireLogCounter()
    {
        s_count = 0;
        s_previous = qInstallMessageHandler(&WireLogCounter::handler);
    }
    ~WireLogCounter() { qInstallMessageHandler(s_previous); }
    static int count() { return s_count.load(); }

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        if (context.category && qstrcmp(context.category, "herald.sip.wire") == 0)
            ++s_count;
        if (s_previous)
            s_previous(type, context, text);
    }
    static inline std::atomic<int> s_count{0};
    static inline QtMessageHandler s_previous = nullptr;
};

} // namespace

class TestSipLadderRecording : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void twoAgentsEachOwnSide_data();
    void twoAgentsEachOwnSide();
    void callToItself();
    void unansweredInvite();
    void offRecordsNothing();

private:
    Agent *startAgent(const QString &user);
    std::vector<std::unique_ptr<Agent>> m_agents;
};

void TestSipLadderRecording::initTestCase()
{
    qRegisterMetaType<CallId>("herald::sip::CallId");
    QVERIFY(!lcSipWire().isDebugEnabled()); // the wire trace is off here
}

void TestSipLadderRecording::cleanup()
{
    for (auto &agent : m_agents) {
        if (!agent->isRunning())
            continue;
        QSignalSpy stopped(agent.get(), &Agent::stopped);
        agent->shutdown();
        QVERIFY(stopped.wait(waitMs));
    }
    m_agents.clear();
}

Agent *TestSipLadderRecording::startAgent(const QString &user)
{
    m_agents.push_back(std::make_unique<Agent>(loopbackConfig(user)));
    Agent *agent = m_agents.back().get();
    if (!agent->start())
        return nullptr;
    return agent;
}

void TestSipLadderRecording::twoAgentsEachOwnSide_data()
{
    QTest::addColumn<QByteArray>("transport");
    QTest::newRow("udp") << QByteArray();
    QTest::newRow("tcp") << QByteArray("tcp");
}

void TestSipLadderRecording::twoAgentsEachOwnSide()
{
    QFETCH(QByteArray, transport);
    const WireLogCounter wireLog;
    Agent *a = startAgent(QStringLiteral("alice"));
    Agent *b = startAgent(QStringLiteral("bob"));
    QVERIFY(a && b);
    Recorded aRecorded(*a), bRecorded(*b);
    a->setMessageRecording(true);
    b->setMessageRecording(true);
    QVERIFY(a->isRecordingMessages() && b->isRecordingMessages());
    // The switch reaches each stack as a message to its thread, so it holds from the next
    // message that stack handles: a request each Agent sends (queued behind the switch) and
    // its answer make sure both record before the call. Out of dialog, they are on no ladder.
    QSignalSpy aOptions(a, &Agent::optionsResponse), bOptions(b, &Agent::optionsResponse);
    QVERIFY(a->sendOptions(targetOf(*b, "bob", transport)));
    QVERIFY(b->sendOptions(targetOf(*a, "alice", transport)));
    QTRY_VERIFY_WITH_TIMEOUT(aOptions.size() == 1 && bOptions.size() == 1, waitMs);

    QSignalSpy incoming(b, &Agent::incomingCall);
    QSignalSpy answered(a, &Agent::callAnswered);
    const Result<CallId> aCall = a->invite(targetOf(*b, "bob", transport), msrpOffer());
    QVERIFY(aCall);
    QTRY_COMPARE_WITH_TIMEOUT(incoming.size(), 1, waitMs);
    const CallId bCall = incoming.at(0).at(0).value<CallId>();
    const QByteArray callId = incoming.at(0).at(1).value<IncomingInvite>().callId;
    QVERIFY(b->ringing(bCall));
    QVERIFY(b->answer(bCall, 200, msrpAnswer()));
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(b->callState(bCall), std::optional(CallState::Established), waitMs);

    // In the dialog: an INFO, answered by the application.
    QSignalSpy bInfo(b, &Agent::incomingInfo);
    QVERIFY(a->info(*aCall, "application/msml+xml", "<msml version=\"1.1\"/>"));
    QTRY_COMPARE_WITH_TIMEOUT(bInfo.size(), 1, waitMs);
    QVERIFY(b->respondInfo(bInfo.at(0).at(1).value<RequestId>(), 200));
    // Out of any dialog: OPTIONS and MESSAGE are on no ladder.
    QSignalSpy aMessage(a, &Agent::incomingMessage);
    QVERIFY(b->sendOptions(targetOf(*a, "alice", transport)));
    QVERIFY(b->sendMessage(targetOf(*a, "alice", transport), "text/plain", "out of dialog"));
    QTRY_COMPARE_WITH_TIMEOUT(bOptions.size(), 2, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(aMessage.size(), 1, waitMs);
    QVERIFY(a->respondMessage(aMessage.at(0).at(0).value<RequestId>(), 200));

    QSignalSpy bEnded(b, &Agent::callEnded);
    QVERIFY(a->bye(*aCall));
    QTRY_COMPARE_WITH_TIMEOUT(bEnded.size(), 1, waitMs);

    const QStringList aExpected = ladder(
        {"→ INVITE", "← 100", "← 180", "← 200", "→ ACK", "→ INFO", "← 200", "→ BYE", "← 200"});
    QStringList bExpected;
    for (QString rung : aExpected)
        bExpected << (rung.startsWith(u'→') ? rung.replace(0, 1, u'←') : rung.replace(0, 1, u'→'));
    QTRY_COMPARE_WITH_TIMEOUT(rungs(aRecorded.of(*aCall)), aExpected, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(rungs(bRecorded.of(bCall)), bExpected, waitMs);

    // Nothing but the call's own messages, each on its own side only.
    QCOMPARE(aRecorded.all().size(), aRecorded.of(*aCall).size());
    QCOMPARE(bRecorded.all().size(), bRecorded.of(bCall).size());
    const QByteArray wire = transport.isEmpty() ? QByteArray("udp") : transport;
    for (const Recorded *side : {&aRecorded, &bRecorded}) {
        for (const SipMessageRecord &r : side->all()) {
            QCOMPARE(headerOf(r.raw, "Call-ID"), callId);
            QCOMPARE(r.transport, wire);
            QVERIFY2(r.peer.startsWith("127.0.0.1:"), r.peer.constData());
            QVERIFY(r.time.isValid());
            QCOMPARE(r.startLine, r.raw.left(r.raw.indexOf('\n')));
            QVERIFY(!r.raw.contains("out of dialog"));
        }
    }
    // What one side sent is what the other received: the INVITE as the stack put it on the
    // wire, with its Via branch (RFC 3261 §8.1.1.7) and Content-Length.
    const SipMessageRecord sentInvite = aRecorded.of(*aCall).first();
    const SipMessageRecord receivedInvite = bRecorded.of(bCall).first();
    QCOMPARE(sentInvite.raw, receivedInvite.raw);
    QVERIFY2(headerOf(sentInvite.raw, "Via").contains(";branch=z9hG4bK"),
             sentInvite.raw.constData());
    QVERIFY(!headerOf(sentInvite.raw, "Content-Length").isEmpty());
    QVERIFY(sentInvite.raw.contains("a=path:msrp://"));
    if (transport.isEmpty()) // UDP: the peer is the other Agent's bound port
        QCOMPARE(sentInvite.peer, "127.0.0.1:" + QByteArray::number(b->listeningPort()));
    // The stack's own messages are marked; the application's are not.
    for (const SipMessageRecord &r : bRecorded.of(bCall)) {
        const bool own = r.sent && (r.status == 100 || (!r.request && r.method == "BYE"));
        QCOMPARE(r.byStack, own);
    }
    // The herald.sip.wire log stayed silent (its category is off): recording is not tracing.
    QCOMPARE(WireLogCounter::count(), 0);
}

void TestSipLadderRecording::callToItself()
{
    Agent *a = startAgent(QStringLiteral("loop"));
    QVERIFY(a);
    Recorded recorded(*a);
    a->setMessageRecording(true);
    QSignalSpy incoming(a, &Agent::incomingCall);
    QSignalSpy answered(a, &Agent::callAnswered);
    QSignalSpy ended(a, &Agent::callEnded);
    const Result<CallId> out = a->invite(targetOf(*a, "loop", {}), msrpOffer());
    QVERIFY(out);
    QTRY_COMPARE_WITH_TIMEOUT(incoming.size(), 1, waitMs);
    const CallId in = incoming.at(0).at(0).value<CallId>();
    QVERIFY(in != *out);
    QVERIFY(a->ringing(in));
    QVERIFY(a->answer(in, 200, msrpAnswer()));
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(a->callState(in), std::optional(CallState::Established), waitMs);
    QVERIFY(a->bye(*out));
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 2, waitMs);

    // Both ends in one Agent, one Call-ID: each end's messages on its own call (our tag and
    // the INVITE transaction's roles tell them apart).
    QTRY_COMPARE_WITH_TIMEOUT(
        rungs(recorded.of(*out)),
        ladder({"→ INVITE", "← 100", "← 180", "← 200", "→ ACK", "→ BYE", "← 200"}), waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        rungs(recorded.of(in)),
        ladder({"← INVITE", "→ 100", "→ 180", "→ 200", "← ACK", "← BYE", "→ 200"}), waitMs);
    QCOMPARE(recorded.all().size(), recorded.of(*out).size() + recorded.of(in).size());
}

void TestSipLadderRecording::unansweredInvite()
{
    // A peer that never answers: nua reports nothing of the call until Timer B fires (RFC
    // 3261 §17.1.1.2; 3.2 s here), by which time a message of an unknown call would have been
    // given up (SipMessageRecorder::resolveGraceMs). The INVITE is on the ladder all the same,
    // since the Agent knows the Call-ID it chose.
    QVERIFY(SipMessageRecorder::resolveGraceMs < 3200);
    QUdpSocket silent;
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
    Agent *a = startAgent(QStringLiteral("alice"));
    QVERIFY(a);
    Recorded recorded(*a);
    a->setMessageRecording(true);
    QSignalSpy failed(a, &Agent::callFailed);
    const Result<CallId> call =
        a->invite("sip:nobody@127.0.0.1:" + QByteArray::number(silent.localPort()), msrpOffer());
    QVERIFY(call);
    QVERIFY(failed.wait(waitMs));
    QCOMPARE(failed.at(0).at(1).toInt(), 408);
    QTRY_COMPARE_WITH_TIMEOUT(rungs(recorded.of(*call)), ladder({"→ INVITE"}), waitMs);
    QVERIFY(silent.hasPendingDatagrams());
    // Byte for byte what the peer got (the dump has LF line ends).
    QCOMPARE(recorded.of(*call).first().raw.trimmed(),
             silent.receiveDatagram().data().replace("\r\n", "\n").trimmed());
}

void TestSipLadderRecording::offRecordsNothing()
{
    Agent *a = startAgent(QStringLiteral("alice"));
    Agent *b = startAgent(QStringLiteral("bob"));
    QVERIFY(a && b);
    Recorded aRecorded(*a), bRecorded(*b);
    QSignalSpy aBatches(a, &Agent::messagesRecorded);
    QVERIFY(!a->isRecordingMessages());
    QSignalSpy incoming(b, &Agent::incomingCall);
    QSignalSpy failed(a, &Agent::callFailed);
    const Result<CallId> call = a->invite(targetOf(*b, "bob", {}), msrpOffer());
    QVERIFY(call);
    QTRY_COMPARE_WITH_TIMEOUT(incoming.size(), 1, waitMs);
    QVERIFY(b->reject(incoming.at(0).at(0).value<CallId>(), 486));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, waitMs);
    // Past a few batch intervals: nothing was recorded on either side.
    QVERIFY(!aBatches.wait(3 * SipMessageRecorder::batchIntervalMs));
    QCOMPARE(aRecorded.batches(), 0);
    QCOMPARE(bRecorded.batches(), 0);

    // Switched on for one Agent only: that Agent's next call is recorded, in batches (fewer
    // signals than messages), and the other Agent still reports nothing.
    a->setMessageRecording(true);
    const Result<CallId> second = a->invite(targetOf(*b, "bob", {}), msrpOffer());
    QVERIFY(second);
    QTRY_COMPARE_WITH_TIMEOUT(incoming.size(), 2, waitMs);
    QVERIFY(b->reject(incoming.at(1).at(0).value<CallId>(), 486));
    QTRY_COMPARE_WITH_TIMEOUT(rungs(aRecorded.of(*second)),
                              ladder({"→ INVITE", "← 100", "← 486", "→ ACK"}), waitMs);
    QVERIFY(aRecorded.of(*call).isEmpty());
    QVERIFY(aRecorded.batches() < aRecorded.all().size());
    QCOMPARE(bRecorded.batches(), 0);
    a->setMessageRecording(false);
    QVERIFY(!a->isRecordingMessages());
}

QTEST_GUILESS_MAIN(TestSipLadderRecording)
#include "tst_sipladderrecording.moc"
