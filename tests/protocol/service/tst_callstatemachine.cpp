// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The call state machine of engine/service as a pure function: every transition the
// CallManager relies on, and the ones it must refuse.
#include "engine/service/callstatemachine.h"

#include <QTest>

using namespace herald::service;

Q_DECLARE_METATYPE(std::optional<CallState>)

class TestCallStateMachine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transitions_data();
    void transitions();
    void finalStatesAcceptNothing();
    void initialStates();
    void unanswered();
};

void TestCallStateMachine::transitions_data()
{
    QTest::addColumn<CallDirection>("direction");
    QTest::addColumn<CallState>("state");
    QTest::addColumn<CallEvent>("event");
    QTest::addColumn<std::optional<CallState>>("expected");

    using D = CallDirection;
    using S = CallState;
    using E = CallEvent;
    const std::optional<CallState> refused;
    struct Row
    {
        const char *name;
        D d;
        S s;
        E e;
        std::optional<CallState> next;
    };
    const Row rows[] = {
        // Inbound, automatic answer: Offered -> Answering -> Active -> Ending -> Ended.
        {"in: answer", D::Inbound, S::Offered, E::AnswerSent, S::Answering},
        {"in: ACK", D::Inbound, S::Answering, E::Established, S::Active},
        {"in: BYE sent", D::Inbound, S::Active, E::HangupRequested, S::Ending},
        {"in: BYE done", D::Inbound, S::Ending, E::DialogEnded, S::Ended},
        {"in: BYE received", D::Inbound, S::Active, E::DialogEnded, S::Ended},
        // Manual answer: 180 first.
        {"in: ringing", D::Inbound, S::Offered, E::RingingSent, S::Ringing},
        {"in: answer after ringing", D::Inbound, S::Ringing, E::AnswerSent, S::Answering},
        {"in: reject", D::Inbound, S::Ringing, E::HangupRequested, S::Ending},
        {"in: CANCEL received", D::Inbound, S::Ringing, E::DialogEnded, S::Ended},
        {"in: BYE before ACK", D::Inbound, S::Answering, E::HangupRequested, S::Ending},
        {"in: MSRP failure", D::Inbound, S::Answering, E::LocalFailure, S::Failed},
        // Refused inbound events.
        {"in: ringing twice", D::Inbound, S::Ringing, E::RingingSent, refused},
        {"in: answer twice", D::Inbound, S::Answering, E::AnswerSent, refused},
        {"in: ACK before answer", D::Inbound, S::Offered, E::Established, refused},
        {"in: no UAC events", D::Inbound, S::Offered, E::AnswerReceived, refused},
        {"in: no failure responses", D::Inbound, S::Offered, E::FailureReceived, refused},
        {"in: no hangup while ending", D::Inbound, S::Ending, E::HangupRequested, refused},
        // Outbound.
        {"out: 180", D::Outbound, S::Calling, E::RingingReceived, S::Ringing},
        {"out: 183 after 180", D::Outbound, S::Ringing, E::RingingReceived, S::Ringing},
        {"out: 200", D::Outbound, S::Calling, E::AnswerReceived, S::Active},
        {"out: 200 after 180", D::Outbound, S::Ringing, E::AnswerReceived, S::Active},
        {"out: 486", D::Outbound, S::Ringing, E::FailureReceived, S::Failed},
        {"out: 488", D::Outbound, S::Calling, E::FailureReceived, S::Failed},
        {"out: CANCEL", D::Outbound, S::Ringing, E::HangupRequested, S::Ending},
        {"out: 487 after CANCEL", D::Outbound, S::Ending, E::FailureReceived, S::Ended},
        {"out: BYE", D::Outbound, S::Active, E::HangupRequested, S::Ending},
        {"out: BYE received", D::Outbound, S::Active, E::DialogEnded, S::Ended},
        {"out: bad answer", D::Outbound, S::Calling, E::LocalFailure, S::Failed},
        {"out: failure while ending", D::Outbound, S::Ending, E::LocalFailure, S::Ended},
        // Refused outbound events.
        {"out: no UAS events", D::Outbound, S::Calling, E::AnswerSent, refused},
        {"out: no ringing sent", D::Outbound, S::Calling, E::RingingSent, refused},
        {"out: no 180 after 200", D::Outbound, S::Active, E::RingingReceived, refused},
        {"out: no second 200", D::Outbound, S::Active, E::AnswerReceived, refused},
        {"out: no failure after 200", D::Outbound, S::Active, E::FailureReceived, refused},
    };
    for (const Row &row : rows)
        QTest::newRow(row.name) << row.d << row.s << row.e << row.next;
}

void TestCallStateMachine::transitions()
{
    QFETCH(CallDirection, direction);
    QFETCH(CallState, state);
    QFETCH(CallEvent, event);
    QFETCH(std::optional<CallState>, expected);
    const std::optional<CallState> next = nextCallState(direction, state, event);
    QCOMPARE(next.has_value(), expected.has_value());
    if (expected)
        QCOMPARE(*next, *expected);
}

void TestCallStateMachine::finalStatesAcceptNothing()
{
    const auto events = QMetaEnum::fromType<CallEvent>();
    for (CallDirection d : {CallDirection::Inbound, CallDirection::Outbound}) {
        for (CallState s : {CallState::Ended, CallState::Failed}) {
            QVERIFY(isFinal(s));
            for (int i = 0; i < events.keyCount(); ++i) {
                const auto e = CallEvent(events.value(i));
                QVERIFY2(!nextCallState(d, s, e), events.key(i));
            }
        }
    }
    // Every other state can still end.
    const auto states = QMetaEnum::fromType<CallState>();
    for (int i = 0; i < states.keyCount(); ++i) {
        const auto s = CallState(states.value(i));
        if (isFinal(s))
            continue;
        for (CallDirection d : {CallDirection::Inbound, CallDirection::Outbound})
            QCOMPARE(nextCallState(d, s, CallEvent::DialogEnded), CallState::Ended);
    }
}

void TestCallStateMachine::initialStates()
{
    QCOMPARE(initialCallState(CallDirection::Inbound), CallState::Offered);
    QCOMPARE(initialCallState(CallDirection::Outbound), CallState::Calling);
}

void TestCallStateMachine::unanswered()
{
    QVERIFY(isUnanswered(CallState::Offered));
    QVERIFY(isUnanswered(CallState::Ringing));
    QVERIFY(isUnanswered(CallState::Calling));
    QVERIFY(!isUnanswered(CallState::Answering));
    QVERIFY(!isUnanswered(CallState::Active));
    QVERIFY(!isUnanswered(CallState::Ending));
    QVERIFY(!isUnanswered(CallState::Ended));
}

QTEST_GUILESS_MAIN(TestCallStateMachine)
#include "tst_callstatemachine.moc"
