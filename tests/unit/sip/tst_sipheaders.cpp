// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The pure SIP text helpers of engine/sip: message splitting (RFC 3261 §7, folding §7.3.1),
// compact forms (§7.3.3), URI and Via transports, digest parameters and the credential string
// handed to sofia, and the guards against header injection.
#include "engine/sip/sipheaders.h"

#include <QTest>

using namespace herald::sip;

class TestSipHeaders : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitMessage_data();
    void splitMessage();
    void splitStopsAtLimit();
    void compactNames_data();
    void compactNames();
    void uriTransport_data();
    void uriTransport();
    void viaTransport_data();
    void viaTransport();
    void viaSentBy_data();
    void viaSentBy();
    void fromToTag_data();
    void fromToTag();
    void authParam_data();
    void authParam();
    void digestCredentials_data();
    void digestCredentials();
    void tokensAndSafety_data();
    void tokensAndSafety();
    void routes_data();
    void routes();
};

void TestSipHeaders::splitMessage_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("startLine");
    QTest::addColumn<SipHeaders>("headers");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("simple") << QByteArray("OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h\r\n"
                                          "Max-Forwards: 70\r\n\r\nbody")
                            << QByteArray("OPTIONS sip:a@b SIP/2.0")
                            << SipHeaders{{"Via", "SIP/2.0/UDP h"}, {"Max-Forwards", "70"}}
                            << QByteArray("body");
    // RFC 4475 §3.1.1.1 style folding and spaces around the colon.
    QTest::newRow("folded") << QByteArray("INVITE sip:x SIP/2.0\r\nSubject  :  first\r\n"
                                          "   second\r\n\tthird\r\nTo: <sip:x>\r\n\r\n")
                            << QByteArray("INVITE sip:x SIP/2.0")
                            << SipHeaders{{"Subject", "first second third"}, {"To", "<sip:x>"}}
                            << QByteArray();
    QTest::newRow("lf only") << QByteArray("SIP/2.0 200 OK\nCSeq: 1 INVITE\n\nv=0\n")
                             << QByteArray("SIP/2.0 200 OK") << SipHeaders{{"CSeq", "1 INVITE"}}
                             << QByteArray("v=0\n");
    QTest::newRow("no colon skipped")
        << QByteArray("MESSAGE sip:x SIP/2.0\r\ngarbage line\r\nc: text/plain\r\n\r\nhi")
        << QByteArray("MESSAGE sip:x SIP/2.0") << SipHeaders{{"c", "text/plain"}}
        << QByteArray("hi");
    // Found by fuzz_sipheaders: a name of nothing but a CR.
    QTest::newRow("blank name skipped")
        << QByteArray("INFO sip:x SIP/2.0\r\n\r: v\r\nTo: x\r\n\r\n")
        << QByteArray("INFO sip:x SIP/2.0") << SipHeaders{{"To", "x"}} << QByteArray();
    QTest::newRow("empty value") << QByteArray("BYE sip:x SIP/2.0\r\nSubject:\r\n\r\n")
                                 << QByteArray("BYE sip:x SIP/2.0") << SipHeaders{{"Subject", ""}}
                                 << QByteArray();
    QTest::newRow("body keeps blank lines")
        << QByteArray("INFO sip:x SIP/2.0\r\nc: a/b\r\n\r\nline1\r\n\r\nline3")
        << QByteArray("INFO sip:x SIP/2.0") << SipHeaders{{"c", "a/b"}}
        << QByteArray("line1\r\n\r\nline3");
}

void TestSipHeaders::splitMessage()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, startLine);
    QFETCH(SipHeaders, headers);
    QFETCH(QByteArray, body);
    const MessageSections s = herald::sip::splitMessage(message);
    QCOMPARE(s.startLine, startLine);
    QCOMPARE(s.headers.size(), headers.size());
    for (qsizetype i = 0; i < headers.size(); ++i) {
        QCOMPARE(s.headers.at(i).name, headers.at(i).name);
        QCOMPARE(s.headers.at(i).value, headers.at(i).value);
    }
    QVERIFY(s.bodyOffset >= 0);
    QCOMPARE(message.mid(s.bodyOffset), body);
}

void TestSipHeaders::splitStopsAtLimit()
{
    QByteArray message("MESSAGE sip:x SIP/2.0\r\n");
    for (int i = 0; i < 1000; ++i)
        message += "X-H: " + QByteArray::number(i) + "\r\n";
    message += "\r\n";
    const MessageSections s = herald::sip::splitMessage(message, 10);
    QCOMPARE(s.headers.size(), 10);
    QCOMPARE(s.headers.last().value, QByteArray("9"));
    const MessageSections unterminated = herald::sip::splitMessage("INVITE x SIP/2.0\r\nTo: a");
    QCOMPARE(unterminated.bodyOffset, qsizetype(-1));
    QCOMPARE(unterminated.headers.size(), 1);
}

void TestSipHeaders::compactNames_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("matches");
    QTest::newRow("i") << QByteArray("i") << QByteArray("Call-ID") << true;
    QTest::newRow("I upper") << QByteArray("I") << QByteArray("call-id") << true;
    QTest::newRow("f") << QByteArray("f") << QByteArray("From") << true;
    QTest::newRow("m") << QByteArray("m") << QByteArray("Contact") << true;
    QTest::newRow("v") << QByteArray("v") << QByteArray("VIA") << true;
    QTest::newRow("c") << QByteArray("c") << QByteArray("Content-Type") << true;
    QTest::newRow("both compact") << QByteArray("t") << QByteArray("T") << true;
    QTest::newRow("case") << QByteArray("geolocation") << QByteArray("Geolocation") << true;
    QTest::newRow("different") << QByteArray("From") << QByteArray("To") << false;
    QTest::newRow("g is not compact") << QByteArray("g") << QByteArray("Geolocation") << false;
    QTest::newRow("prefix") << QByteArray("Call") << QByteArray("Call-ID") << false;
}

void TestSipHeaders::compactNames()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, matches);
    QCOMPARE(headerNameMatches(a, b), matches);
    const SipHeaders headers{{a, "1"}, {"Other", "2"}, {a, "3"}};
    const QList<QByteArray> expected = matches ? QList<QByteArray>{"1", "3"} : QList<QByteArray>{};
    QCOMPARE(headerValues(headers, b), expected);
    QCOMPARE(firstHeaderValue(headers, b), matches ? QByteArray("1") : QByteArray());
}

void TestSipHeaders::uriTransport_data()
{
    QTest::addColumn<QByteArray>("uri");
    QTest::addColumn<QByteArray>("transport");
    QTest::newRow("none") << QByteArray("sip:a@127.0.0.1:5060") << QByteArray();
    QTest::newRow("tcp") << QByteArray("sip:a@127.0.0.1:5060;transport=tcp") << QByteArray("tcp");
    QTest::newRow("TCP upper") << QByteArray("sip:h;Transport=TCP;lr") << QByteArray("tcp");
    QTest::newRow("name-addr") << QByteArray("\"A\" <sip:a@h;transport=udp>;tag=1")
                               << QByteArray("udp");
    QTest::newRow("param outside <> ignored")
        << QByteArray("<sip:a@h>;transport=tcp") << QByteArray();
    // RFC 4475 §3.1.1.9: semicolons in the user part are not URI parameters.
    QTest::newRow("user params") << QByteArray("sip:user;transport=tcp;par=x@h:5060")
                                 << QByteArray();
    QTest::newRow("headers part") << QByteArray("sip:a@h?transport=tcp") << QByteArray();
    QTest::newRow("spaces") << QByteArray("sip:a@h ; transport = tls ") << QByteArray("tls");
}

void TestSipHeaders::uriTransport()
{
    QFETCH(QByteArray, uri);
    QFETCH(QByteArray, transport);
    QCOMPARE(herald::sip::uriTransport(uri), transport);
}

void TestSipHeaders::viaTransport_data()
{
    QTest::addColumn<QByteArray>("via");
    QTest::addColumn<QByteArray>("transport");
    QTest::newRow("udp") << QByteArray("SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1")
                         << QByteArray("UDP");
    QTest::newRow("tcp lower") << QByteArray("SIP/2.0/tcp host") << QByteArray("TCP");
    QTest::newRow("lws") << QByteArray("SIP / 2.0 / TCP host;rport") << QByteArray("TCP");
    QTest::newRow("bare protocol") << QByteArray("SIP/2.0/TLS") << QByteArray("TLS");
    QTest::newRow("unknown") << QByteArray("SIP/2.0/FOO host") << QByteArray("FOO");
    QTest::newRow("garbage") << QByteArray("garbage") << QByteArray();
}

void TestSipHeaders::viaTransport()
{
    QFETCH(QByteArray, via);
    QFETCH(QByteArray, transport);
    QCOMPARE(herald::sip::viaTransport(via), transport);
}

void TestSipHeaders::authParam_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    const QByteArray challenge("Digest realm=\"herald.test\", nonce=\"abc,def\", qop=\"auth\", "
                               "algorithm=MD5, stale=FALSE");
    QTest::newRow("realm") << challenge << QByteArray("realm") << QByteArray("herald.test");
    QTest::newRow("quoted comma") << challenge << QByteArray("nonce") << QByteArray("abc,def");
    QTest::newRow("token") << challenge << QByteArray("algorithm") << QByteArray("MD5");
    QTest::newRow("last") << challenge << QByteArray("stale") << QByteArray("FALSE");
    QTest::newRow("case") << challenge << QByteArray("REALM") << QByteArray("herald.test");
    QTest::newRow("absent") << challenge << QByteArray("opaque") << QByteArray();
    QTest::newRow("no scheme") << QByteArray("realm=\"r\", nonce=n") << QByteArray("nonce")
                               << QByteArray("n");
    QTest::newRow("escaped quote")
        << QByteArray("Digest realm=\"a\\\"b\"") << QByteArray("realm") << QByteArray("a\"b");
    QTest::newRow("unterminated") << QByteArray("Digest realm=\"abc") << QByteArray("realm")
                                  << QByteArray("abc");
}

void TestSipHeaders::authParam()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QCOMPARE(herald::sip::authParam(header, name), value);
}

void TestSipHeaders::digestCredentials_data()
{
    QTest::addColumn<QByteArray>("realm");
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("herald.test") << QByteArray("alice")
                           << QByteArray("secret")
                           << QByteArray("Digest:\"herald.test\":alice:secret");
    // sofia would silently cut the password at the colon.
    QTest::newRow("colon in password")
        << QByteArray("r") << QByteArray("u") << QByteArray("a:b") << QByteArray();
    QTest::newRow("odd password") << QByteArray("r") << QByteArray("u") << QByteArray("p@ss w\"d")
                                  << QByteArray("Digest:\"r\":u:p@ss w\"d");
    QTest::newRow("colon in user")
        << QByteArray("r") << QByteArray("u:x") << QByteArray("p") << QByteArray();
    QTest::newRow("quote in realm")
        << QByteArray("r\"x") << QByteArray("u") << QByteArray("p") << QByteArray();
    QTest::newRow("crlf") << QByteArray("r") << QByteArray("u") << QByteArray("p\r\nX: y")
                          << QByteArray();
    QTest::newRow("empty user") << QByteArray("r") << QByteArray() << QByteArray("p")
                                << QByteArray();
}

void TestSipHeaders::digestCredentials()
{
    QFETCH(QByteArray, realm);
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, expected);
    QCOMPARE(herald::sip::digestCredentials(realm, user, password), expected);
}

void TestSipHeaders::tokensAndSafety_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("token");
    QTest::addColumn<bool>("safe");
    QTest::newRow("header name") << QByteArray("P-Asserted-Identity") << true << true;
    QTest::newRow("odd token") << QByteArray("!interesting-Method0123456789_*+`.%indeed'~") << true
                               << true;
    QTest::newRow("space") << QByteArray("a b") << false << true;
    QTest::newRow("colon") << QByteArray("X:") << false << true;
    QTest::newRow("empty") << QByteArray() << false << true;
    QTest::newRow("cr") << QByteArray("v\rX") << false << false;
    QTest::newRow("lf") << QByteArray("v\nX: y") << false << false;
    QTest::newRow("nul") << QByteArray("v\0x", 3) << false << false;
}

void TestSipHeaders::tokensAndSafety()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, token);
    QFETCH(bool, safe);
    QCOMPARE(isToken(text), token);
    QCOMPARE(isSafeHeaderValue(text), safe);
}

void TestSipHeaders::routes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("route");
    QTest::addColumn<QByteArray>("nameAddr");
    QTest::newRow("plain") << QByteArray("sip:proxy.example")
                           << QByteArray("<sip:proxy.example;lr>")
                           << QByteArray("<sip:proxy.example>");
    QTest::newRow("has lr") << QByteArray("sip:p:5060;lr") << QByteArray("<sip:p:5060;lr>")
                            << QByteArray("<sip:p:5060;lr>");
    QTest::newRow("bracketed") << QByteArray("<sip:p;transport=tcp>")
                               << QByteArray("<sip:p;transport=tcp;lr>")
                               << QByteArray("<sip:p;transport=tcp>");
    QTest::newRow("headers") << QByteArray("sip:p?X=1") << QByteArray("<sip:p;lr?X=1>")
                             << QByteArray("<sip:p?X=1>");
}

void TestSipHeaders::routes()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, route);
    QFETCH(QByteArray, nameAddr);
    QCOMPARE(looseRoute(input), route);
    QCOMPARE(herald::sip::nameAddr(input), nameAddr);
}

void TestSipHeaders::viaSentBy_data()
{
    QTest::addColumn<QByteArray>("via");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("udp with port") << QByteArray("SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1")
                                   << true << QByteArray("127.0.0.1") << 5070;
    QTest::newRow("no port") << QByteArray("SIP/2.0/TCP host.example;rport") << true
                             << QByteArray("host.example") << 5060;
    QTest::newRow("tls default port")
        << QByteArray("SIP/2.0/TLS host.example") << true << QByteArray("host.example") << 5061;
    QTest::newRow("ipv6 with port") << QByteArray("SIP/2.0/UDP [2001:db8::9]:5080;branch=x") << true
                                    << QByteArray("2001:db8::9") << 5080;
    QTest::newRow("ipv6 bare") << QByteArray("SIP/2.0/UDP [::1]") << true << QByteArray("::1")
                               << 5060;
    QTest::newRow("two vias, first read")
        << QByteArray("SIP/2.0/UDP a:1, SIP/2.0/UDP b:2") << true << QByteArray("a") << 1;
    QTest::newRow("LWS after slash")
        << QByteArray("SIP / 2.0 / UDP  h:7;branch=y") << true << QByteArray("h") << 7;
    QTest::newRow("bad port") << QByteArray("SIP/2.0/UDP h:99999") << false << QByteArray("h") << 0;
    QTest::newRow("no sent-by") << QByteArray("SIP/2.0/UDP") << false << QByteArray() << 0;
}

void TestSipHeaders::viaSentBy()
{
    QFETCH(QByteArray, via);
    QFETCH(bool, ok);
    QFETCH(QByteArray, host);
    QFETCH(int, port);
    QByteArray gotHost;
    quint16 gotPort = 0;
    QCOMPARE(herald::sip::viaSentBy(via, gotHost, gotPort), ok);
    if (ok) {
        QCOMPARE(gotHost, host);
        QCOMPARE(int(gotPort), port);
    }
}

void TestSipHeaders::fromToTag_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("tag");
    QTest::newRow("name-addr") << QByteArray("\"Bob\" <sip:bob@b.example>;tag=a6c85cf")
                               << QByteArray("a6c85cf");
    QTest::newRow("uri parameter is not the tag")
        << QByteArray("<sip:bob@b.example;tag=inside>;x=1;TAG=77 ") << QByteArray("77");
    QTest::newRow("bare uri") << QByteArray("sip:alice@a.example;tag=1928301774")
                              << QByteArray("1928301774");
    QTest::newRow("none") << QByteArray("<sip:carol@c.example>") << QByteArray();
    QTest::newRow("unclosed name-addr") << QByteArray("<sip:x@y;tag=1") << QByteArray();
    QTest::newRow("empty tag") << QByteArray("<sip:x@y>;tag=") << QByteArray();
}

void TestSipHeaders::fromToTag()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, tag);
    QCOMPARE(herald::sip::fromToTag(value), tag);
}

QTEST_APPLESS_MAIN(TestSipHeaders)
#include "tst_sipheaders.moc"
