// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The session and delivery state machines as pure functions, without sockets.
#include "engine/msrp/session/msrptypes.h"

#include <QTest>

using namespace herald::msrp;

Q_DECLARE_METATYPE(herald::msrp::SessionState)
Q_DECLARE_METATYPE(herald::msrp::SessionEvent)
Q_DECLARE_METATYPE(herald::msrp::DeliveryState)
Q_DECLARE_METATYPE(herald::msrp::DeliveryEvent)

class TestMsrpStates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void session_data()
    {
        QTest::addColumn<SessionState>("from");
        QTest::addColumn<SessionEvent>("event");
        QTest::addColumn<SessionState>("to");
        using S = SessionState;
        using E = SessionEvent;
        QTest::newRow("idle connect") << S::Idle << E::Connect << S::Connecting;
        QTest::newRow("idle wait") << S::Idle << E::Wait << S::Waiting;
        QTest::newRow("connecting bound") << S::Connecting << E::Bound << S::Active;
        QTest::newRow("waiting bound") << S::Waiting << E::Bound << S::Active;
        QTest::newRow("idle bound: not yet") << S::Idle << E::Bound << S::Idle;
        QTest::newRow("active connect: ignored") << S::Active << E::Connect << S::Active;
        QTest::newRow("active close") << S::Active << E::Close << S::Closed;
        QTest::newRow("waiting close") << S::Waiting << E::Close << S::Closed;
        QTest::newRow("active lost") << S::Active << E::ConnectionLost << S::Failed;
        QTest::newRow("connecting refused") << S::Connecting << E::Refused << S::Failed;
        QTest::newRow("closed stays closed") << S::Closed << E::Connect << S::Closed;
        QTest::newRow("failed stays failed") << S::Failed << E::Close << S::Failed;
        QTest::newRow("closed not failed by loss") << S::Closed << E::ConnectionLost << S::Closed;
    }
    void session()
    {
        QFETCH(SessionState, from);
        QFETCH(SessionEvent, event);
        QTEST(nextSessionState(from, event), "to");
    }

    void delivery_data()
    {
        QTest::addColumn<DeliveryState>("from");
        QTest::addColumn<DeliveryEvent>("event");
        QTest::addColumn<DeliveryState>("to");
        using D = DeliveryState;
        using E = DeliveryEvent;
        QTest::newRow("queued start") << D::Queued << E::StartSending << D::Sending;
        QTest::newRow("sending start again") << D::Sending << E::StartSending << D::Sending;
        QTest::newRow("sending all acked") << D::Sending << E::AllAcknowledged << D::Acknowledged;
        QTest::newRow("queued all acked: impossible")
            << D::Queued << E::AllAcknowledged << D::Queued;
        QTest::newRow("acked report") << D::Acknowledged << E::SuccessReport << D::Delivered;
        QTest::newRow("report overtakes last 200")
            << D::Sending << E::SuccessReport << D::Delivered;
        QTest::newRow("queued report: ignored") << D::Queued << E::SuccessReport << D::Queued;
        QTest::newRow("sending error") << D::Sending << E::ErrorResponse << D::Failed;
        QTest::newRow("acked failure report") << D::Acknowledged << E::FailureReport << D::Failed;
        QTest::newRow("sending timeout") << D::Sending << E::Timeout << D::Failed;
        QTest::newRow("queued abort") << D::Queued << E::Abort << D::Aborted;
        QTest::newRow("sending abort") << D::Sending << E::Abort << D::Aborted;
        QTest::newRow("acked abort: too late") << D::Acknowledged << E::Abort << D::Acknowledged;
        QTest::newRow("sending session ended") << D::Sending << E::SessionEnded << D::Failed;
        QTest::newRow("queued session ended") << D::Queued << E::SessionEnded << D::Failed;
        QTest::newRow("acked session ended")
            << D::Acknowledged << E::SessionEnded << D::Acknowledged;
        QTest::newRow("delivered is final") << D::Delivered << E::FailureReport << D::Delivered;
        QTest::newRow("failed is final") << D::Failed << E::SuccessReport << D::Failed;
        QTest::newRow("aborted is final") << D::Aborted << E::StartSending << D::Aborted;
    }
    void delivery()
    {
        QFETCH(DeliveryState, from);
        QFETCH(DeliveryEvent, event);
        QTEST(nextDeliveryState(from, event), "to");
    }

    void enumsAreIntrospectable()
    {
        // Q_ENUM_NS: names reach logs, the console and the REST API without hand-written tables.
        QCOMPARE(QMetaEnum::fromType<DeliveryState>().valueToKey(int(DeliveryState::Acknowledged)),
                 "Acknowledged");
        QCOMPARE(QMetaEnum::fromType<SessionState>().valueToKey(int(SessionState::Waiting)),
                 "Waiting");
    }
};

QTEST_APPLESS_MAIN(TestMsrpStates)
#include "tst_msrpstates.moc"
