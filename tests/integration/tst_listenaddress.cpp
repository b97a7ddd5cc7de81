// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers

#include "app/common/listenaddress.h"

#include <QTest>

using herald::app::ListenAddress;

class TestListenAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValid_data();
    void parsesValid();
    void rejectsInvalid_data();
    void rejectsInvalid();
};

void TestListenAddress::parsesValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("written"); // toString(): the canonical form

    QTest::newRow("loopback") << QStringLiteral("127.0.0.1:2855") << QStringLiteral("127.0.0.1")
                              << 2855 << QStringLiteral("127.0.0.1:2855");
    QTest::newRow("port 0") << QStringLiteral("127.0.0.1:0") << QStringLiteral("127.0.0.1") << 0
                            << QStringLiteral("127.0.0.1:0");
    QTest::newRow("any IPv4") << QStringLiteral("0.0.0.0:2855") << QStringLiteral("0.0.0.0") << 2855
                              << QStringLiteral("0.0.0.0:2855");
    QTest::newRow("highest port") << QStringLiteral("10.0.0.7:65535") << QStringLiteral("10.0.0.7")
                                  << 65535 << QStringLiteral("10.0.0.7:65535");
    QTest::newRow("IPv6 loopback") << QStringLiteral("[::1]:2855") << QStringLiteral("::1") << 2855
                                   << QStringLiteral("[::1]:2855");
    QTest::newRow("IPv6 any") << QStringLiteral("[::]:0") << QStringLiteral("::") << 0
                              << QStringLiteral("[::]:0");
    QTest::newRow("IPv6 written long")
        << QStringLiteral("[2001:db8:0:0:0:0:0:1]:2855") << QStringLiteral("2001:db8::1") << 2855
        << QStringLiteral("[2001:db8::1]:2855");
}

void TestListenAddress::parsesValid()
{
    QFETCH(QString, text);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(QString, written);

    const auto parsed = ListenAddress::parse(text);
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().detail));
    QCOMPARE(parsed->address, QHostAddress(address));
    QCOMPARE(int(parsed->port), port);
    QCOMPARE(parsed->toString(), written);
    // What toString() writes parses back to the same thing.
    const auto again = ListenAddress::parse(parsed->toString());
    QVERIFY(again);
    QCOMPARE(*again, *parsed);
}

void TestListenAddress::rejectsInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QStringLiteral("");
    QTest::newRow("no port") << QStringLiteral("127.0.0.1");
    QTest::newRow("empty port") << QStringLiteral("127.0.0.1:");
    QTest::newRow("empty host") << QStringLiteral(":2855");
    QTest::newRow("host name") << QStringLiteral("localhost:2855");
    QTest::newRow("port too large") << QStringLiteral("127.0.0.1:65536");
    QTest::newRow("negative port") << QStringLiteral("127.0.0.1:-1");
    QTest::newRow("signed port") << QStringLiteral("127.0.0.1:+2855");
    QTest::newRow("spaced port") << QStringLiteral("127.0.0.1: 2855");
    QTest::newRow("hex port") << QStringLiteral("127.0.0.1:0xb27");
    QTest::newRow("bad IPv4") << QStringLiteral("127.0.0.256:2855");
    QTest::newRow("IPv6 without brackets") << QStringLiteral("::1:2855");
    QTest::newRow("IPv6 bracket, no port") << QStringLiteral("[::1]");
    QTest::newRow("IPv6 bracket, no colon") << QStringLiteral("[::1]2855");
    QTest::newRow("IPv4 in brackets") << QStringLiteral("[127.0.0.1]:2855");
    QTest::newRow("IPv4 short form") << QStringLiteral("127.1:2855");
    QTest::newRow("IPv4 leading zero") << QStringLiteral("010.0.0.1:2855");
    QTest::newRow("IPv4 hex") << QStringLiteral("0x7f.0.0.1:2855");
}

void TestListenAddress::rejectsInvalid()
{
    QFETCH(QString, text);
    const auto parsed = ListenAddress::parse(text);
    QVERIFY2(!parsed, qPrintable(QStringLiteral("accepted \"%1\"").arg(text)));
    QCOMPARE(parsed.error().code, herald::ErrorCode::InvalidArgument);
    QVERIFY(!parsed.error().detail.isEmpty());
}

QTEST_GUILESS_MAIN(TestListenAddress)
#include "tst_listenaddress.moc"
