// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The call state transition function, table-driven, without sockets: every row is one
// (direction, state, event) with the state it must lead to, or "refused".
#include "engine/sip/callstate.h"

#include <QMetaEnum>
#include <QTest>

using namespace herald::sip;

namespace {
using D = CallDirection;
using S = CallState;
using E = CallEvent;
constexpr std::optional<S> refused = std::nullopt;

QByteArray name(std::optional<S> state)
{
    return state ? QByteArray(QMetaEnum::fromType<CallState>().valueToKey(int(*state)))
                 : QByteArrayLiteral("refused");
}
} // namespace

Q_DECLARE_METATYPE(std::optional<herald::sip::CallState>)

class TestCallState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void transitions_data();
    void transitions();
    void terminatedIsFinal();
    void everyStateReachable();
    void unanswered_data();
    void unanswered();
};

void TestCallState::transitions_data()
{
    QTest::addColumn<CallDirection>("direction");
    QTest::addColumn<CallState>("state");
    QTest::addColumn<CallEvent>("event");
    QTest::addColumn<std::optional<CallState>>("expected");

    auto row = [](const char *name, D d, S s, E e, std::optional<S> expected) {
        QTest::newRow(name) << d << s << e << expected;
    };
    // UAC: RFC 3261 §13.2.2, §17.1.1.
    row("uac calling 100", D::Outgoing, S::Calling, E::ProvisionalReceived, S::Proceeding);
    row("uac calling 180", D::Outgoing, S::Calling, E::RingingReceived, S::Ringing);
    row("uac calling 183", D::Outgoing, S::Calling, E::SessionProgressReceived, S::Early);
    row("uac calling 200", D::Outgoing, S::Calling, E::SuccessReceived, S::Established);
    row("uac calling 486", D::Outgoing, S::Calling, E::FailureReceived, S::Terminated);
    row("uac calling cancel", D::Outgoing, S::Calling, E::CancelSent, S::Terminating);
    row("uac calling bye", D::Outgoing, S::Calling, E::ByeSent, refused);
    row("uac calling ack", D::Outgoing, S::Calling, E::AckReceived, refused);
    row("uac calling answer", D::Outgoing, S::Calling, E::SuccessSent, refused);
    row("uac proceeding 100", D::Outgoing, S::Proceeding, E::ProvisionalReceived, S::Proceeding);
    row("uac proceeding 180", D::Outgoing, S::Proceeding, E::RingingReceived, S::Ringing);
    row("uac proceeding 200", D::Outgoing, S::Proceeding, E::SuccessReceived, S::Established);
    row("uac proceeding timeout", D::Outgoing, S::Proceeding, E::DialogTerminated, S::Terminated);
    row("uac ringing 100 stays", D::Outgoing, S::Ringing, E::ProvisionalReceived, S::Ringing);
    row("uac ringing 183", D::Outgoing, S::Ringing, E::SessionProgressReceived, S::Early);
    row("uac ringing cancel", D::Outgoing, S::Ringing, E::CancelSent, S::Terminating);
    row("uac early 180 stays early", D::Outgoing, S::Early, E::RingingReceived, S::Early);
    row("uac early bye", D::Outgoing, S::Early, E::ByeSent, S::Terminating);
    row("uac early 603", D::Outgoing, S::Early, E::FailureReceived, S::Terminated);
    row("uac established 200 again", D::Outgoing, S::Established, E::SuccessReceived,
        S::Established);
    row("uac established bye", D::Outgoing, S::Established, E::ByeSent, S::Terminating);
    row("uac established remote bye", D::Outgoing, S::Established, E::ByeReceived, S::Terminated);
    row("uac established cancel", D::Outgoing, S::Established, E::CancelSent, refused);
    row("uac established 486", D::Outgoing, S::Established, E::FailureReceived, refused);
    row("uac terminating 487", D::Outgoing, S::Terminating, E::FailureReceived, S::Terminated);
    row("uac terminating 200 race", D::Outgoing, S::Terminating, E::SuccessReceived,
        S::Terminating);
    row("uac terminating bye done", D::Outgoing, S::Terminating, E::ByeCompleted, S::Terminated);
    row("uac terminating second cancel", D::Outgoing, S::Terminating, E::CancelSent, refused);
    row("uac terminated anything", D::Outgoing, S::Terminated, E::SuccessReceived, refused);
    row("uac terminated bye", D::Outgoing, S::Terminated, E::ByeSent, refused);

    // UAS: RFC 3261 §13.3, §9.2.
    row("uas proceeding 180", D::Incoming, S::Proceeding, E::RingingSent, S::Ringing);
    row("uas proceeding 183", D::Incoming, S::Proceeding, E::SessionProgressSent, S::Early);
    row("uas proceeding 200", D::Incoming, S::Proceeding, E::SuccessSent, S::Answering);
    row("uas proceeding 486", D::Incoming, S::Proceeding, E::FailureSent, S::Terminated);
    row("uas proceeding cancel", D::Incoming, S::Proceeding, E::CancelReceived, S::Terminated);
    row("uas proceeding bye", D::Incoming, S::Proceeding, E::ByeSent, refused);
    row("uas proceeding ack", D::Incoming, S::Proceeding, E::AckReceived, refused);
    row("uas proceeding remote 200", D::Incoming, S::Proceeding, E::SuccessReceived, refused);
    row("uas ringing 180 again", D::Incoming, S::Ringing, E::RingingSent, S::Ringing);
    row("uas ringing 200", D::Incoming, S::Ringing, E::SuccessSent, S::Answering);
    row("uas ringing cancel", D::Incoming, S::Ringing, E::CancelReceived, S::Terminated);
    row("uas early 180 stays early", D::Incoming, S::Early, E::RingingSent, S::Early);
    row("uas early remote bye", D::Incoming, S::Early, E::ByeReceived, S::Terminated);
    row("uas ringing remote bye", D::Incoming, S::Ringing, E::ByeReceived, refused);
    row("uas answering ack", D::Incoming, S::Answering, E::AckReceived, S::Established);
    row("uas answering late cancel", D::Incoming, S::Answering, E::CancelReceived, S::Answering);
    row("uas answering bye", D::Incoming, S::Answering, E::ByeReceived, S::Terminated);
    row("uas answering second answer", D::Incoming, S::Answering, E::SuccessSent, refused);
    row("uas answering reject", D::Incoming, S::Answering, E::FailureSent, refused);
    row("uas answering no ack", D::Incoming, S::Answering, E::DialogTerminated, S::Terminated);
    row("uas established ack again", D::Incoming, S::Established, E::AckReceived, S::Established);
    row("uas established bye", D::Incoming, S::Established, E::ByeSent, S::Terminating);
    row("uas established remote bye", D::Incoming, S::Established, E::ByeReceived, S::Terminated);
    row("uas established cancel", D::Incoming, S::Established, E::CancelReceived, refused);
    row("uas terminating bye done", D::Incoming, S::Terminating, E::ByeCompleted, S::Terminated);
    row("uas terminating crossing bye", D::Incoming, S::Terminating, E::ByeReceived, S::Terminated);
    row("uas terminated ack", D::Incoming, S::Terminated, E::AckReceived, refused);
    row("uas terminated answer", D::Incoming, S::Terminated, E::SuccessSent, refused);
}

void TestCallState::transitions()
{
    QFETCH(CallDirection, direction);
    QFETCH(CallState, state);
    QFETCH(CallEvent, event);
    QFETCH(std::optional<CallState>, expected);
    QCOMPARE(name(nextCallState(direction, state, event)), name(expected));
}

void TestCallState::terminatedIsFinal()
{
    const QMetaEnum events = QMetaEnum::fromType<CallEvent>();
    for (CallDirection d : {D::Outgoing, D::Incoming}) {
        for (int i = 0; i < events.keyCount(); ++i) {
            const auto e = CallEvent(events.value(i));
            QVERIFY2(!nextCallState(d, S::Terminated, e).has_value(), events.key(i));
        }
    }
}

// Walks the transition graph from each initial state: every state must be reachable from
// one direction's start, and Terminated from every reachable state (no dead ends).
void TestCallState::everyStateReachable()
{
    const QMetaEnum events = QMetaEnum::fromType<CallEvent>();
    const QMetaEnum states = QMetaEnum::fromType<CallState>();
    QSet<int> reachedAnywhere;
    for (CallDirection d : {D::Outgoing, D::Incoming}) {
        QSet<int> seen{int(initialCallState(d))};
        QList<S> queue{initialCallState(d)};
        while (!queue.isEmpty()) {
            const S s = queue.takeFirst();
            bool canEnd = false;
            for (int i = 0; i < events.keyCount(); ++i) {
                const std::optional<S> next = nextCallState(d, s, CallEvent(events.value(i)));
                if (!next)
                    continue;
                canEnd = canEnd || *next == S::Terminated || *next == S::Terminating;
                if (!seen.contains(int(*next))) {
                    seen.insert(int(*next));
                    queue.append(*next);
                }
            }
            QVERIFY2(s == S::Terminated || canEnd, states.valueToKey(int(s)));
        }
        reachedAnywhere.unite(seen);
    }
    QCOMPARE(reachedAnywhere.size(), states.keyCount());
}

void TestCallState::unanswered_data()
{
    QTest::addColumn<CallDirection>("direction");
    QTest::addColumn<CallState>("state");
    QTest::addColumn<bool>("expected");
    QTest::newRow("uac calling") << D::Outgoing << S::Calling << true;
    QTest::newRow("uac early") << D::Outgoing << S::Early << true;
    QTest::newRow("uac established") << D::Outgoing << S::Established << false;
    QTest::newRow("uac terminating") << D::Outgoing << S::Terminating << false;
    QTest::newRow("uas proceeding") << D::Incoming << S::Proceeding << true;
    QTest::newRow("uas ringing") << D::Incoming << S::Ringing << true;
    QTest::newRow("uas answering") << D::Incoming << S::Answering << false;
    QTest::newRow("uas terminated") << D::Incoming << S::Terminated << false;
}

void TestCallState::unanswered()
{
    QFETCH(CallDirection, direction);
    QFETCH(CallState, state);
    QFETCH(bool, expected);
    QCOMPARE(isUnanswered(direction, state), expected);
}

QTEST_APPLESS_MAIN(TestCallState)
#include "tst_callstate.moc"
