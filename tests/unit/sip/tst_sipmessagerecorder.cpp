// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// SipMessageRecorder without sofia: wire messages (as SipWireTap hands them over) find their
// call by Call-ID and our tag (RFC 3261 §12), wait in order for a call nua has not reported
// yet, are dropped when they belong to no dialog, come out in batches, and stay bounded.
#include "engine/sip/sipmessagerecorder.h"

#include <QTest>

using namespace herald::sip;

namespace {

WireMessage wire(bool sent, const QByteArray &startLine, const QByteArray &callId,
                 const QByteArray &from, const QByteArray &to, const QByteArray &cseq)
{
    WireMessage m;
    m.time = QDateTime::currentDateTime();
    m.sent = sent;
    m.transport = "udp";
    m.peer = "127.0.0.1:5062";
    m.text = startLine + "\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKx\nFrom: " + from +
             "\nTo: " + to + "\nCall-ID: " + callId + "\nCSeq: " + cseq + "\nContent-Length: 0\n";
    return m;
}

// The caller's tag is "a1", the callee's "b1"; the callee's 100 has no To tag yet.
const QByteArray caller = "<sip:alice@127.0.0.1>;tag=a1";
const QByteArray callee = "<sip:bob@127.0.0.1>";
const QByteArray calleeTagged = "<sip:bob@127.0.0.1>;tag=b1";

class Collector
{
public:
    SipMessageRecorder recorder{
        [this](const QList<SipMessageRecord> &records) { batches.append(records); }};
    QList<QList<SipMessageRecord>> batches;

    QByteArrayList rungs(CallId call = 0) const
    {
        QByteArrayList out;
        for (const auto &batch : batches) {
            for (const SipMessageRecord &r : batch) {
                if (call && r.call != call)
                    continue;
                out << (r.sent ? "> " : "< ") +
                           (r.request ? r.method : QByteArray::number(r.status));
            }
        }
        return out;
    }
};

} // namespace

class TestSipMessageRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offKeepsNothing();
    void waitsInOrderForItsCall();
    void outOfDialogIsDropped();
    void unknownInviteDroppedAfterGrace();
    void bothEndsInOneAgent();
    void bounded();
};

void TestSipMessageRecorder::offKeepsNothing()
{
    Collector c;
    c.recorder.learnDialog("x@h", 1, true);
    c.recorder.addWire(
        {wire(false, "INVITE sip:bob@h SIP/2.0", "x@h", caller, callee, "1 INVITE")});
    c.recorder.flush();
    QVERIFY(c.batches.isEmpty());
}

void TestSipMessageRecorder::waitsInOrderForItsCall()
{
    Collector c;
    c.recorder.setEnabled(true);
    // The callee's stack received the INVITE and answered 100 before nua reported the call.
    c.recorder.addWire({wire(false, "INVITE sip:bob@h SIP/2.0", "x@h", caller, callee, "1 INVITE"),
                        wire(true, "SIP/2.0 100 Trying", "x@h", caller, callee, "1 INVITE")});
    c.recorder.flush();
    QVERIFY(c.batches.isEmpty());
    c.recorder.learnDialog("x@h", 7, true);
    c.recorder.addWire(
        {wire(true, "SIP/2.0 180 Ringing", "x@h", caller, calleeTagged, "1 INVITE")});
    QTRY_COMPARE_WITH_TIMEOUT(c.rungs(), (QByteArrayList{"< INVITE", "> 100", "> 180"}), 2000);
    QCOMPARE(c.batches.size(), 1); // one delivery for the three
    const SipMessageRecord &trying = c.batches.first().at(1);
    QCOMPARE(trying.call, CallId(7));
    QVERIFY(trying.byStack);
    QCOMPARE(trying.method, QByteArray("INVITE"));
    QCOMPARE(trying.startLine, QByteArray("SIP/2.0 100 Trying"));
    QCOMPARE(trying.peer, QByteArray("127.0.0.1:5062"));
    QVERIFY(!c.batches.first().at(2).byStack);
    QCOMPARE(c.recorder.unattributed(), quint64(0));
}

void TestSipMessageRecorder::outOfDialogIsDropped()
{
    Collector c;
    c.recorder.setEnabled(true);
    c.recorder.learnDialog("x@h", 1, false);
    // A MESSAGE of no known dialog does not hold back what follows it.
    c.recorder.addWire(
        {wire(false, "MESSAGE sip:alice@h SIP/2.0", "other@h", callee, caller, "1 MESSAGE"),
         wire(true, "BYE sip:bob@h SIP/2.0", "x@h", caller, calleeTagged, "2 BYE")});
    c.recorder.flush();
    QCOMPARE(c.rungs(), (QByteArrayList{"> BYE"}));
    QCOMPARE(c.recorder.unattributed(), quint64(1));
}

void TestSipMessageRecorder::unknownInviteDroppedAfterGrace()
{
    Collector c;
    c.recorder.setEnabled(true);
    c.recorder.learnDialog("x@h", 1, false);
    // An INVITE nua never reports (answered by the stack itself) waits, then goes; the
    // known message behind it waits with it, to keep the order.
    c.recorder.addWire(
        {wire(false, "INVITE sip:bob@h SIP/2.0", "ghost@h", caller, callee, "1 INVITE"),
         wire(true, "BYE sip:bob@h SIP/2.0", "x@h", caller, calleeTagged, "2 BYE")});
    c.recorder.flush();
    QVERIFY(c.batches.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(c.rungs(), (QByteArrayList{"> BYE"}),
                              SipMessageRecorder::resolveGraceMs + 2000);
    QCOMPARE(c.recorder.unattributed(), quint64(1));
}

void TestSipMessageRecorder::bothEndsInOneAgent()
{
    // A call to itself: call 1 is the calling end, call 2 the called end, one Call-ID.
    Collector c;
    c.recorder.setEnabled(true);
    c.recorder.learnDialog("x@h", 1, false);
    c.recorder.addWire({wire(true, "INVITE sip:bob@h SIP/2.0", "x@h", caller, callee, "1 INVITE"),
                        wire(false, "INVITE sip:bob@h SIP/2.0", "x@h", caller, callee, "1 INVITE"),
                        wire(true, "SIP/2.0 100 Trying", "x@h", caller, callee, "1 INVITE"),
                        wire(false, "SIP/2.0 100 Trying", "x@h", caller, callee, "1 INVITE")});
    c.recorder.learnDialog("x@h", 2, true);
    c.recorder.addWire(
        {wire(true, "SIP/2.0 180 Ringing", "x@h", caller, calleeTagged, "1 INVITE"),
         wire(false, "SIP/2.0 180 Ringing", "x@h", caller, calleeTagged, "1 INVITE"),
         wire(true, "BYE sip:alice@h SIP/2.0", "x@h", calleeTagged, caller, "1 BYE"),
         wire(false, "BYE sip:alice@h SIP/2.0", "x@h", calleeTagged, caller, "1 BYE"),
         wire(true, "SIP/2.0 200 OK", "x@h", calleeTagged, caller, "1 BYE"),
         wire(false, "SIP/2.0 200 OK", "x@h", calleeTagged, caller, "1 BYE")});
    c.recorder.flush();
    QCOMPARE(c.rungs(1), (QByteArrayList{"> INVITE", "< 100", "< 180", "< BYE", "> 200"}));
    QCOMPARE(c.rungs(2), (QByteArrayList{"< INVITE", "> 100", "> 180", "> BYE", "< 200"}));
}

void TestSipMessageRecorder::bounded()
{
    Collector c;
    c.recorder.setEnabled(true);
    c.recorder.learnDialog("x@h", 1, false);
    QList<WireMessage> many;
    for (int i = 0; i < SipMessageRecorder::maxPending + 10; ++i)
        many.append(wire(true, "INFO sip:bob@h SIP/2.0", "x@h", caller, calleeTagged,
                         QByteArray::number(i + 2) + " INFO"));
    c.recorder.addWire(many);
    c.recorder.flush();
    QCOMPARE(c.rungs().size(), SipMessageRecorder::maxPending);
    QCOMPARE(c.recorder.dropped(), quint64(10));
    // The newest are kept.
    QVERIFY(c.batches.last().last().raw.contains(
        QByteArray("CSeq: " + QByteArray::number(SipMessageRecorder::maxPending + 11) + " INFO")));
}

QTEST_GUILESS_MAIN(TestSipMessageRecorder)
#include "tst_sipmessagerecorder.moc"
