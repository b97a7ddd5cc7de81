// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/codec/msrpuri.h"

#include <QTest>

using namespace herald;
using namespace herald::msrp;

class TestMsrpUri : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("secure");
        QTest::addColumn<QByteArray>("userinfo");
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<int>("port"); // -1: absent
        QTest::addColumn<QByteArray>("sessionId");
        QTest::addColumn<QByteArray>("transport");
        QTest::addColumn<int>("parameters");

        QTest::newRow("rfc4975 s4")
            << QByteArray("msrp://biloxi.example.com:12763/kjhd37s2s20w2a;tcp") << false
            << QByteArray() << QByteArray("biloxi.example.com") << 12763
            << QByteArray("kjhd37s2s20w2a") << QByteArray("tcp") << 0;
        QTest::newRow("msrps") << QByteArray("msrps://alice.example.com:9892/98cjs;tcp") << true
                               << QByteArray() << QByteArray("alice.example.com") << 9892
                               << QByteArray("98cjs") << QByteArray("tcp") << 0;
        QTest::newRow("relay userinfo, no port, no session")
            << QByteArray("msrps://alice@intra.example.com;tcp") << true << QByteArray("alice")
            << QByteArray("intra.example.com") << -1 << QByteArray() << QByteArray("tcp") << 0;
        QTest::newRow("ipv4") << QByteArray("msrp://127.0.0.1:2855/abc;tcp") << false
                              << QByteArray() << QByteArray("127.0.0.1") << 2855
                              << QByteArray("abc") << QByteArray("tcp") << 0;
        QTest::newRow("ipv6") << QByteArray("msrp://[2001:db8::1]:2855/s1;tcp") << false
                              << QByteArray() << QByteArray("[2001:db8::1]") << 2855
                              << QByteArray("s1") << QByteArray("tcp") << 0;
        QTest::newRow("ipv6 no port")
            << QByteArray("msrp://[::1]/s1;tcp") << false << QByteArray() << QByteArray("[::1]")
            << -1 << QByteArray("s1") << QByteArray("tcp") << 0;
        QTest::newRow("session id with +=/")
            << QByteArray("msrp://h:1/a+b=c/d;tcp") << false << QByteArray() << QByteArray("h") << 1
            << QByteArray("a+b=c/d") << QByteArray("tcp") << 0;
        QTest::newRow("parameters")
            << QByteArray("msrp://h:1/s;tcp;foo=bar;baz") << false << QByteArray()
            << QByteArray("h") << 1 << QByteArray("s") << QByteArray("tcp") << 2;
        QTest::newRow("scheme case")
            << QByteArray("MSRP://h:1/s;TCP") << false << QByteArray() << QByteArray("h") << 1
            << QByteArray("s") << QByteArray("TCP") << 0;
        QTest::newRow("ws transport")
            << QByteArray("msrp://h:1/s;ws") << false << QByteArray() << QByteArray("h") << 1
            << QByteArray("s") << QByteArray("ws") << 0;
        QTest::newRow("port 65535")
            << QByteArray("msrp://h:65535/s;tcp") << false << QByteArray() << QByteArray("h")
            << 65535 << QByteArray("s") << QByteArray("tcp") << 0;
    }
    void parse()
    {
        QFETCH(QByteArray, text);
        auto uri = Uri::parse(text);
        QVERIFY2(uri.has_value(), uri ? "" : qPrintable(uri.error().detail));
        QTEST(uri->secure, "secure");
        QTEST(uri->userinfo, "userinfo");
        QTEST(uri->host, "host");
        QTEST(uri->port ? int(*uri->port) : -1, "port");
        QTEST(uri->sessionId, "sessionId");
        QTEST(uri->transport, "transport");
        QTEST(int(uri->parameters.size()), "parameters");
        // Writing it back gives an equal URI (the scheme is written lower-case).
        auto again = Uri::parse(uri->toBytes());
        QVERIFY(again.has_value());
        QCOMPARE(*again, *uri);
    }

    void reject_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("sip scheme") << QByteArray("sip:alice@example.com");
        QTest::newRow("no transport") << QByteArray("msrp://h:1/s");
        QTest::newRow("empty transport") << QByteArray("msrp://h:1/s;");
        QTest::newRow("empty host") << QByteArray("msrp://:1/s;tcp");
        QTest::newRow("port too big") << QByteArray("msrp://h:65536/s;tcp");
        QTest::newRow("port not numeric") << QByteArray("msrp://h:12a/s;tcp");
        QTest::newRow("empty port") << QByteArray("msrp://h:/s;tcp");
        QTest::newRow("empty session") << QByteArray("msrp://h:1/;tcp");
        QTest::newRow("bad session char") << QByteArray("msrp://h:1/a b;tcp");
        QTest::newRow("unclosed ipv6") << QByteArray("msrp://[::1:1/s;tcp");
        QTest::newRow("junk after ipv6") << QByteArray("msrp://[::1]x/s;tcp");
        QTest::newRow("bad percent") << QByteArray("msrp://h%zz:1/s;tcp");
        QTest::newRow("bad parameter") << QByteArray("msrp://h:1/s;tcp;a=b=c");
        QTest::newRow("too long") << (QByteArray("msrp://h:1/") + QByteArray(2000, 'a') + ";tcp");
    }
    void reject()
    {
        QFETCH(QByteArray, text);
        auto uri = Uri::parse(text);
        QVERIFY(!uri.has_value());
        QVERIFY(!uri.error().detail.isEmpty());
    }

    void compare_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("same");
        // RFC 4975 §6.1: authority case-insensitive, session-id case-sensitive, transport
        // case-insensitive.
        QTest::newRow("host case") << QByteArray("msrp://Alice.Example.COM:7/s;tcp")
                                   << QByteArray("msrp://alice.example.com:7/s;tcp") << true;
        QTest::newRow("scheme and transport case")
            << QByteArray("MSRP://h:7/s;TCP") << QByteArray("msrp://h:7/s;tcp") << true;
        QTest::newRow("session case")
            << QByteArray("msrp://h:7/S;tcp") << QByteArray("msrp://h:7/s;tcp") << false;
        QTest::newRow("port differs")
            << QByteArray("msrp://h:7/s;tcp") << QByteArray("msrp://h:8/s;tcp") << false;
        QTest::newRow("port absent vs present")
            << QByteArray("msrp://h/s;tcp") << QByteArray("msrp://h:8/s;tcp") << false;
        QTest::newRow("secure differs")
            << QByteArray("msrps://h:7/s;tcp") << QByteArray("msrp://h:7/s;tcp") << false;
        QTest::newRow("percent-encoded host")
            << QByteArray("msrp://%61lice:7/s;tcp") << QByteArray("msrp://alice:7/s;tcp") << true;
        QTest::newRow("parameters ignored")
            << QByteArray("msrp://h:7/s;tcp;x=1") << QByteArray("msrp://h:7/s;tcp") << true;
        QTest::newRow("userinfo case")
            << QByteArray("msrp://Bob@h:7;tcp") << QByteArray("msrp://bob@h:7;tcp") << false;
    }
    void compare()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        auto ua = Uri::parse(a);
        auto ub = Uri::parse(b);
        QVERIFY(ua && ub);
        QTEST(ua->matches(*ub), "same");
        QTEST(ub->matches(*ua), "same");
    }

    void authorityKey()
    {
        auto a = Uri::parse("msrp://Host.Example:2855/abc;tcp");
        auto b = Uri::parse("msrp://host.example:2855/def;tcp");
        QVERIFY(a && b);
        QCOMPARE(a->authorityKey(), QByteArray("host.example:2855"));
        QCOMPARE(a->authorityKey(), b->authorityKey());
    }

    void path()
    {
        auto p = parsePath("msrp://a:1/x;tcp msrp://b:2/y;tcp", 16, 1024);
        QVERIFY(p.has_value());
        QCOMPARE(p->size(), 2);
        QCOMPARE(p->at(1).host, QByteArray("b"));
        QCOMPARE(pathToBytes(*p), QByteArray("msrp://a:1/x;tcp msrp://b:2/y;tcp"));
        QVERIFY(!parsePath("", 16, 1024).has_value());
        QVERIFY(!parsePath("msrp://a:1/x;tcp msrp://b:2/y;tcp", 1, 1024).has_value());
        QVERIFY(!parsePath("msrp://a:1/x;tcp garbage", 16, 1024).has_value());
        auto q = parsePath("msrp://A:1/x;TCP msrp://b:2/y;tcp", 16, 1024);
        QVERIFY(pathMatches(*p, *q));
        q->removeLast();
        QVERIFY(!pathMatches(*p, *q));
    }
};

QTEST_APPLESS_MAIN(TestMsrpUri)
#include "tst_msrpuri.moc"
