// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// IMDN (RFC 5438): the notifications of RFC 5438 §8 (tests/data/im), round trips, the CPIM
// message that carries a notification back, and strictness.
#include "engine/im/imdn.h"
#include "tests/support/testsupport.h"

#include <QTest>

using namespace herald;
using namespace herald::im;

Q_DECLARE_METATYPE(herald::ErrorCode)
Q_DECLARE_METATYPE(herald::im::ImdnNotification::Kind)
Q_DECLARE_METATYPE(herald::im::ImdnNotification::Status)

namespace {

QByteArray dataFile(const char *name)
{
    return herald::test::readFile(herald::test::sourceDir() + QStringLiteral("/tests/data/im/") +
                                  QLatin1String(name));
}

QByteArray doc(const QByteArray &inner)
{
    return "<imdn xmlns='urn:ietf:params:xml:ns:imdn'>" + inner + "</imdn>";
}

const QByteArray head = "<message-id>m1</message-id><datetime>2026-11-26T01:00:00Z</datetime>";

} // namespace

class TestImdn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfcExamples()
    {
        const auto delivered = parseImdn(dataFile("imdn-delivered.xml"));
        QVERIFY2(delivered, qPrintable(delivered.problem().detail));
        QCOMPARE(delivered->messageId, QByteArray("34jk324j"));
        QCOMPARE(delivered->kind, ImdnNotification::Kind::Delivery);
        QCOMPARE(delivered->status, ImdnNotification::Status::Delivered);
        QCOMPARE(delivered->recipientUri, QByteArray("im:bob@example.com"));
        QCOMPARE(delivered->dateTime.toUTC(),
                 QDateTime(QDate(2008, 4, 4), QTime(17, 16, 49), Qt::UTC));

        const auto displayed = parseImdn(dataFile("imdn-displayed.xml"));
        QVERIFY2(displayed, qPrintable(displayed.problem().detail));
        QCOMPARE(displayed->kind, ImdnNotification::Kind::Display);
        QCOMPARE(displayed->status, ImdnNotification::Status::Displayed);
        QCOMPARE(displayed->subject, QStringLiteral("Weekly report"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<ImdnNotification::Kind>("kind");
        QTest::addColumn<ImdnNotification::Status>("status");
        using K = ImdnNotification::Kind;
        using S = ImdnNotification::Status;
        QTest::newRow("delivered") << K::Delivery << S::Delivered;
        QTest::newRow("failed") << K::Delivery << S::Failed;
        QTest::newRow("displayed") << K::Display << S::Displayed;
        QTest::newRow("display forbidden") << K::Display << S::Forbidden;
        QTest::newRow("processed") << K::Processing << S::Processed;
        QTest::newRow("stored") << K::Processing << S::Stored;
        QTest::newRow("error") << K::Processing << S::Error;
    }

    void roundTrip()
    {
        QFETCH(ImdnNotification::Kind, kind);
        QFETCH(ImdnNotification::Status, status);
        ImdnNotification n;
        n.messageId = "a3b4-12";
        n.dateTime = QDateTime(QDate(2026, 11, 26), QTime(1, 2, 3), Qt::UTC);
        n.recipientUri = "sip:psap@example.gov";
        n.kind = kind;
        n.status = status;
        const auto back = parseImdn(serializeImdn(n));
        QVERIFY2(back, qPrintable(back.problem().detail));
        QCOMPARE(*back, n);
    }

    void notificationMessageWrapsAndUnwraps()
    {
        ImdnNotification n;
        n.messageId = "34jk324j";
        n.dateTime = QDateTime(QDate(2026, 11, 26), QTime(1, 2, 3), Qt::UTC);
        n.kind = ImdnNotification::Kind::Display;
        n.status = ImdnNotification::Status::Displayed;
        const CpimMessage m =
            notificationMessage({QStringLiteral("PSAP"), "sip:psap@example.gov"},
                                {QString(), "tel:+15555550123"}, n, "dd9ej3", n.dateTime);
        const auto bytes = serializeCpim(m);
        QVERIFY(bytes);
        const auto unwrapped = parseCpim(*bytes);
        QVERIFY2(unwrapped, qPrintable(unwrapped.problem().detail));
        QCOMPARE(unwrapped->contentType, imdnMediaType.toByteArray());
        QCOMPARE(unwrapped->contentHeader("Content-Disposition"), QByteArray("notification"));
        QCOMPARE(imdnMessageId(*unwrapped), QByteArray("dd9ej3"));
        QVERIFY(!dispositionRequest(*unwrapped).any()); // notifications ask for none
        const auto inner = parseImdn(unwrapped->body);
        QVERIFY(inner);
        QCOMPARE(*inner, n);
    }

    void unreadable_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("empty") << QByteArray() << ErrorCode::Malformed;
        QTest::newRow("no notification") << doc(head) << ErrorCode::Malformed;
        QTest::newRow("no message-id") << doc("<datetime>2026-11-26T01:00:00Z</"
                                              "datetime><delivery-notification><status><delivered/"
                                              "></status></delivery-notification>")
                                       << ErrorCode::Malformed;
        QTest::newRow("bad datetime") << doc("<message-id>m</message-id><datetime>x</"
                                             "datetime><delivery-notification><status><delivered/"
                                             "></status></delivery-notification>")
                                      << ErrorCode::Malformed;
        QTest::newRow("displayed in delivery")
            << doc(head +
                   "<delivery-notification><status><displayed/></status></delivery-notification>")
            << ErrorCode::Malformed;
        QTest::newRow("two statuses") << doc(head + "<delivery-notification><status><delivered/"
                                                    "><failed/></status></delivery-notification>")
                                      << ErrorCode::Malformed;
        QTest::newRow("empty status")
            << doc(head + "<delivery-notification><status/></delivery-notification>")
            << ErrorCode::Malformed;
        QTest::newRow("two notifications")
            << doc(head + "<delivery-notification><status><delivered/></status></"
                          "delivery-notification><display-notification><status><displayed/></"
                          "status></display-notification>")
            << ErrorCode::Malformed;
        QTest::newRow("unknown element")
            << doc(head + "<priority>1</priority>") << ErrorCode::Malformed;
        QTest::newRow("wrong root") << QByteArray("<imdn/>") << ErrorCode::Unsupported;
        QTest::newRow("entity") << doc(head).replace("m1", "&e;") << ErrorCode::Unsupported;
        QTest::newRow("too large")
            << doc(head + "<x:pad xmlns:x='urn:x'>" + QByteArray(9000, 'p') + "</x:pad>")
            << ErrorCode::LimitExceeded;
    }

    void unreadable()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(ErrorCode, code);
        const auto n = parseImdn(bytes);
        QVERIFY(!n);
        QCOMPARE(n.raw(), bytes);
        QVERIFY(!n.problem().detail.isEmpty());
        QCOMPARE(errorCodeName(n.problem().code), errorCodeName(code));
    }
};

QTEST_GUILESS_MAIN(TestImdn)
#include "tst_imdn.moc"
