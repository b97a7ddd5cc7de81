// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The SDP line parser and writer: structure, limits, every error naming its line, byte-exact
// round trips, the RFC examples as printed, other parsers' corpora, and the sofia-sip m-line
// regression inputs handled in well under 10 ms.
#include "engine/sdp/sessiondescription.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace herald;
using namespace herald::sdp;

Q_DECLARE_METATYPE(herald::sdp::SessionDescription)

namespace {

QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

// A small valid session; tests below change one line of it.
const char minimalSdp[] = "v=0\n"
                          "o=- 1 2 IN IP4 192.0.2.1\n"
                          "s=-\n"
                          "c=IN IP4 192.0.2.1\n"
                          "t=0 0\n"
                          "m=message 7394 TCP/MSRP *\n"
                          "a=accept-types:text/plain\n"
                          "a=path:msrp://192.0.2.1:7394/abc;tcp\n";

QString corpusPath(const QString &relative)
{
    const QString root = herald::test::corporaDir();
    return root.isEmpty() ? QString() : root + QLatin1Char('/') + relative;
}

// The minimum of a few runs: a 2-core CI machine shared with other builds can pre-empt any
// single run, but cannot make every run slow.
qint64 bestParseNanoseconds(const QByteArray &input, bool *parsed)
{
    qint64 best = std::numeric_limits<qint64>::max();
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        const auto result = SessionDescription::parse(input);
        best = qMin(best, timer.nsecsElapsed());
        *parsed = result.has_value();
    }
    return best;
}

} // namespace

class TestSessionDescription : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void minimalSession();
    void everyLineType();
    void accepted_data();
    void accepted();
    void errors_data();
    void errors();
    void limits_data();
    void limits();
    void writerRoundTrip_data();
    void writerRoundTrip();
    void checkedWriterRefusesInjection_data();
    void checkedWriterRefusesInjection();
    void rfcExamples_data();
    void rfcExamples();
    void otherParsersCorpora_data();
    void otherParsersCorpora();
    void sofiaRegressions_data();
    void sofiaRegressions();
    void worstCaseInputsAreFast_data();
    void worstCaseInputsAreFast();
};

void TestSessionDescription::minimalSession()
{
    const auto lf = SessionDescription::parse(minimalSdp);
    QVERIFY2(lf, qPrintable(lf ? QString() : lf.error().detail));
    const auto crlfParsed = SessionDescription::parse(crlf(minimalSdp));
    QVERIFY(crlfParsed);
    QCOMPARE(*lf, *crlfParsed);

    const SessionDescription &s = *lf;
    QCOMPARE(s.origin.username, QByteArray("-"));
    QCOMPARE(s.origin.sessionId, 1u);
    QCOMPARE(s.origin.sessionVersion, 2u);
    QCOMPARE(s.origin.address, QByteArray("192.0.2.1"));
    QCOMPARE(s.sessionName, QByteArray("-"));
    QVERIFY(s.connection);
    QCOMPARE(s.connection->address, QByteArray("192.0.2.1"));
    QCOMPARE(s.timings.size(), 1);
    QCOMPARE(s.media.size(), 1);
    const MediaDescription &m = s.media.first();
    QCOMPARE(m.media, QByteArray("message"));
    QCOMPARE(m.port, quint16(7394));
    QCOMPARE(m.protocol, QByteArray("TCP/MSRP"));
    QCOMPARE(m.formats, QList<QByteArray>{"*"});
    QCOMPARE(m.attributes.size(), 2);
    QVERIFY(m.attribute("PATH")); // names are looked up case-insensitively
    QCOMPARE(*m.attribute("path")->value, QByteArray("msrp://192.0.2.1:7394/abc;tcp"));

    // The writer produces CRLF and exactly the input's bytes.
    QCOMPARE(s.toBytes(), crlf(minimalSdp));
}

// Every line type of RFC 8866 at session and media level, in order, kept and written back.
void TestSessionDescription::everyLineType()
{
    const QByteArray text = crlf("v=0\n"
                                 "o=jdoe 2890844526 2890842807 IN IP4 10.47.16.5\n"
                                 "s=SDP Seminar\n"
                                 "i=A Seminar on the session description protocol\n"
                                 "u=http://www.example.com/seminars/sdp.pdf\n"
                                 "e=j.doe@example.com (Jane Doe)\n"
                                 "e=alt@example.com\n"
                                 "p=+1 617 555-6011\n"
                                 "c=IN IP4 224.2.17.12/127\n"
                                 "b=CT:512\n"
                                 "t=2873397496 2873404696\n"
                                 "r=7d 1h 0 25h\n"
                                 "z=2882844526 -1h 2898848070 0\n"
                                 "t=3000000000 0\n"
                                 "k=prompt\n"
                                 "a=recvonly\n"
                                 "a=tool:x y\n"
                                 "m=audio 49170/2 RTP/AVP 0 96\n"
                                 "i=voice\n"
                                 "c=IN IP4 224.2.17.12/127/2\n"
                                 "c=IN IP4 224.2.17.14/127\n"
                                 "b=AS:64\n"
                                 "k=prompt\n"
                                 "a=rtpmap:96 L8/8000\n"
                                 "m=message 9 TCP/TLS/MSRP *\n"
                                 "c=IN IP6 2001:db8::1\n"
                                 "a=x-unknown\n");
    const auto parsed = SessionDescription::parse(text);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
    const SessionDescription &s = *parsed;
    QCOMPARE(s.information, QByteArray("A Seminar on the session description protocol"));
    QCOMPARE(s.uri, QByteArray("http://www.example.com/seminars/sdp.pdf"));
    QCOMPARE(s.emails.size(), 2);
    QCOMPARE(s.phones, QList<QByteArray>{"+1 617 555-6011"});
    QCOMPARE(s.bandwidths.size(), 1);
    QCOMPARE(s.bandwidths.first().type, QByteArray("CT"));
    QCOMPARE(s.bandwidths.first().value, 512u);
    QCOMPARE(s.timings.size(), 2);
    QCOMPARE(s.timings[0].start, 2873397496u);
    QCOMPARE(s.timings[0].repeats, QList<QByteArray>{"7d 1h 0 25h"});
    QCOMPARE(s.timings[0].zoneAdjustments, QByteArray("2882844526 -1h 2898848070 0"));
    QCOMPARE(s.timings[1].stop, 0u);
    QCOMPARE(s.key, QByteArray("prompt"));
    QCOMPARE(s.attributes.size(), 2);
    QCOMPARE(s.attributes[1].value, QByteArray("x y"));
    QCOMPARE(s.media.size(), 2);
    QCOMPARE(s.media[0].portCount, quint16(2));
    QCOMPARE(s.media[0].formats, (QList<QByteArray>{"0", "96"}));
    QCOMPARE(s.media[0].connections.size(), 2);
    QCOMPARE(s.media[0].information, QByteArray("voice"));
    QCOMPARE(s.media[1].connections.first().addrType, QByteArray("IP6"));
    QCOMPARE(s.connectionFor(s.media[1])->address, QByteArray("2001:db8::1"));
    QVERIFY(!s.media[1].attributes.first().value);
    QCOMPARE(s.toBytes(), text);
}

void TestSessionDescription::accepted_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("written"); // what the writer gives back

    const QByteArray m = crlf(minimalSdp);
    QTest::newRow("LF line ends") << QByteArray(minimalSdp) << m;
    QTest::newRow("no line end after the last line") << m.chopped(2) << m;
    QTest::newRow("trailing blank lines") << m + "\r\n\r\n" << m;
    QTest::newRow("mixed CRLF and LF") << QByteArray(minimalSdp).replace("s=-\n", "s=-\r\n") << m;
    QTest::newRow("leading zeros are canonicalised")
        << QByteArray(m).replace("o=- 1 2", "o=- 001 0002").replace("7394 TCP", "07394 TCP") << m;
    QTest::newRow("empty s= (RFC 5547 prints it)")
        << QByteArray(m).replace("s=-", "s=") << QByteArray(m).replace("s=-", "s=");
    QTest::newRow("s= with a space (RFC 8866 advice)")
        << QByteArray(m).replace("s=-", "s= ") << QByteArray(m).replace("s=-", "s= ");
    QTest::newRow("no t= (RFC 7701 prints it)")
        << QByteArray(m).replace("t=0 0\r\n", "") << QByteArray(m).replace("t=0 0\r\n", "");
    QTest::newRow("c= only at media level")
        << QByteArray(m).replace("c=IN IP4 192.0.2.1\r\nt=0 0\r\nm=message 7394 TCP/MSRP *\r\n",
                                 "t=0 0\r\nm=message 7394 TCP/MSRP *\r\nc=IN IP4 192.0.2.1\r\n")
        << QByteArray(m).replace("c=IN IP4 192.0.2.1\r\nt=0 0\r\nm=message 7394 TCP/MSRP *\r\n",
                                 "t=0 0\r\nm=message 7394 TCP/MSRP *\r\nc=IN IP4 192.0.2.1\r\n");
    QTest::newRow("rejected stream without any c=")
        << crlf("v=0\no=- 1 1 IN IP4 h.example\ns=-\nt=0 0\nm=audio 0 RTP/AVP 0\n")
        << crlf("v=0\no=- 1 1 IN IP4 h.example\ns=-\nt=0 0\nm=audio 0 RTP/AVP 0\n");
    QTest::newRow("FQDN and IPv6 addresses")
        << crlf("v=0\no=- 1 1 IN IP6 ::1\ns=-\nc=IN IP4 alice.example.com\nt=0 0\n")
        << crlf("v=0\no=- 1 1 IN IP6 ::1\ns=-\nc=IN IP4 alice.example.com\nt=0 0\n");
    QTest::newRow("other address types are non-ws strings")
        << crlf("v=0\no=- 1 1 ATM NSAP 47.0005.80FFE1\ns=-\nt=0 0\n")
        << crlf("v=0\no=- 1 1 ATM NSAP 47.0005.80FFE1\ns=-\nt=0 0\n");
    QTest::newRow("UTF-8 text")
        << QByteArray(m).replace("s=-", "s=Llamada de emergencia \xc3\xb1 \xe2\x98\x8e")
        << QByteArray(m).replace("s=-", "s=Llamada de emergencia \xc3\xb1 \xe2\x98\x8e");
    QTest::newRow("maximum numbers")
        << crlf("v=0\no=- 18446744073709551615 0 IN IP4 h\ns=-\nc=IN IP4 "
                "h\nb=AS:18446744073709551615\n"
                "t=0 18446744073709551615\nm=message 65535 TCP/MSRP *\n")
        << crlf("v=0\no=- 18446744073709551615 0 IN IP4 h\ns=-\nc=IN IP4 "
                "h\nb=AS:18446744073709551615\n"
                "t=0 18446744073709551615\nm=message 65535 TCP/MSRP *\n");
}

void TestSessionDescription::accepted()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, written);
    const auto parsed = SessionDescription::parse(input);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
    QCOMPARE(parsed->toBytes(), written);
    const auto again = SessionDescription::parse(parsed->toBytes());
    QVERIFY(again);
    QCOMPARE(*again, *parsed);
}

void TestSessionDescription::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("detail"); // a part of the error text, with the line number

    const QByteArray m(minimalSdp);
    auto with = [&m](const char *from, const char *to) { return QByteArray(m).replace(from, to); };

    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("only blank lines") << QByteArray("\r\n\r\n") << QStringLiteral("no lines");
    QTest::newRow("version 1") << with("v=0", "v=1")
                               << QStringLiteral("line 1: unsupported SDP version");
    QTest::newRow("first line not v=")
        << QByteArray("o=- 1 1 IN IP4 h\n")
        << QStringLiteral("line 1: the first line must be v=, got o=");
    QTest::newRow("blank line first")
        << QByteArray("\nv=0\n") << QStringLiteral("line 2: a blank line precedes");
    QTest::newRow("upper-case type")
        << with("s=-", "S=-") << QStringLiteral("line 3: expected <letter>=<value>");
    QTest::newRow("no =") << with("s=-", "s-")
                          << QStringLiteral("line 3: expected <letter>=<value>");
    QTest::newRow("unknown type") << with("s=-\n", "s=-\nx=1\n")
                                  << QStringLiteral("line 4: unknown line type x=");
    QTest::newRow("second v=") << with("s=-\n", "s=-\nv=0\n")
                               << QStringLiteral("line 4: second v=");
    QTest::newRow("no o=") << with("o=- 1 2 IN IP4 192.0.2.1\n", "")
                           << QStringLiteral("line 2: s= before o=");
    QTest::newRow("no s=") << with("s=-\n", "") << QStringLiteral("line 4: t= before s=");
    QTest::newRow("no o= and s= at all") << QByteArray("v=0\n") << QStringLiteral("no o= line");
    QTest::newRow("no s= line") << QByteArray("v=0\no=- 1 1 IN IP4 h\n")
                                << QStringLiteral("no s= line");
    QTest::newRow("o= twice") << with("s=-", "o=- 1 2 IN IP4 192.0.2.1\ns=-")
                              << QStringLiteral("line 3: more than one o=");
    QTest::newRow("o= double space")
        << with("o=- 1 2", "o=-  1 2") << QStringLiteral("line 2: o= needs 6 fields");
    QTest::newRow("o= five fields") << with("o=- 1 2 IN IP4 192.0.2.1", "o=- 1 2 IN 192.0.2.1")
                                    << QStringLiteral("line 2: o= needs 6 fields");
    QTest::newRow("o= trailing space")
        << with("192.0.2.1\ns=", "192.0.2.1 \ns=") << QStringLiteral("line 2: o= needs 6 fields");
    QTest::newRow("o= sess-id not a number")
        << with("o=- 1 2", "o=- x1 2") << QStringLiteral("line 2: o= sess-id");
    QTest::newRow("o= sess-id 2^64")
        << with("o=- 1 2", "o=- 18446744073709551616 2") << QStringLiteral("line 2: o= sess-id");
    QTest::newRow("o= sess-version 21 digits") << with("o=- 1 2", "o=- 1 000000000000000000002")
                                               << QStringLiteral("line 2: o= sess-version");
    QTest::newRow("o= address octet 256") << with("IN IP4 192.0.2.1\ns", "IN IP4 192.0.2.256\ns")
                                          << QStringLiteral("line 2: o= address");
    QTest::newRow("o= address with ttl") << with("IN IP4 192.0.2.1\ns", "IN IP4 224.0.2.1/3\ns")
                                         << QStringLiteral("line 2: o= address");
    QTest::newRow("o= IPv6 address as IP4")
        << with("IN IP4 192.0.2.1\ns", "IN IP4 ::1\ns") << QStringLiteral("line 2: o= address");
    QTest::newRow("o= nettype not a token")
        << with("o=- 1 2 IN", "o=- 1 2 I/N") << QStringLiteral("line 2: o= nettype/addrtype");
    QTest::newRow("c= two fields") << with("c=IN IP4 192.0.2.1", "c=IN 192.0.2.1")
                                   << QStringLiteral("line 4: c= needs 3 fields");
    QTest::newRow("c= ttl 256") << with("c=IN IP4 192.0.2.1", "c=IN IP4 224.2.1.1/256")
                                << QStringLiteral("line 4: c= address");
    QTest::newRow("c= count 0") << with("c=IN IP4 192.0.2.1", "c=IN IP4 224.2.1.1/127/0")
                                << QStringLiteral("line 4: c= address");
    QTest::newRow("c= IPv6 ttl") << with("c=IN IP4 192.0.2.1", "c=IN IP6 ff15::1/127/2")
                                 << QStringLiteral("line 4: c= address");
    QTest::newRow("c= host with underscore-free junk")
        << with("c=IN IP4 192.0.2.1", "c=IN IP4 a..b") << QStringLiteral("line 4: c= address");
    QTest::newRow("c= twice") << with("t=0 0", "c=IN IP4 192.0.2.2\nt=0 0")
                              << QStringLiteral("line 5: more than one c=");
    QTest::newRow("c= after t=") << with("c=IN IP4 192.0.2.1\nt=0 0", "t=0 0\nc=IN IP4 192.0.2.1")
                                 << QStringLiteral("line 5: c= is out of order (after t=)");
    QTest::newRow("b= without colon")
        << with("t=0 0", "b=AS64\nt=0 0") << QStringLiteral("line 5: b= needs");
    QTest::newRow("b= bandwidth overflow") << with("t=0 0", "b=AS:99999999999999999999\nt=0 0")
                                           << QStringLiteral("line 5: b= bandwidth");
    QTest::newRow("b= type not a token")
        << with("t=0 0", "b=A S:1\nt=0 0") << QStringLiteral("line 5: b= bwtype");
    QTest::newRow("t= one field") << with("t=0 0", "t=0") << QStringLiteral("line 5: t= needs");
    QTest::newRow("t= not numbers") << with("t=0 0", "t=0 x") << QStringLiteral("line 5: t= times");
    QTest::newRow("t= stop before start")
        << with("t=0 0", "t=20 10") << QStringLiteral("line 5: t= stop time");
    QTest::newRow("r= without t=")
        << with("t=0 0", "r=7d 1h 0") << QStringLiteral("line 5: r= without a preceding t=");
    QTest::newRow("r= bad field") << with("t=0 0", "t=0 0\nr=7d 1x 0")
                                  << QStringLiteral("line 6: r= is not a list");
    QTest::newRow("r= after z=") << with("t=0 0", "t=0 0\nz=1 -1h\nr=7d 1h 0")
                                 << QStringLiteral("line 7: r= after z=");
    QTest::newRow("z= twice") << with("t=0 0", "t=0 0\nz=1 -1h\nz=2 0")
                              << QStringLiteral("line 7: more than one z=");
    QTest::newRow("z= odd field count")
        << with("t=0 0", "t=0 0\nz=1 -1h 2") << QStringLiteral("line 6: z= is not a list");
    QTest::newRow("k= after a=") << with("t=0 0", "t=0 0\na=x\nk=prompt")
                                 << QStringLiteral("line 7: k= is out of order (after a=)");
    QTest::newRow("empty i=") << with("s=-", "s=-\ni=") << QStringLiteral("line 4: empty i=");
    QTest::newRow("i= twice") << with("s=-", "s=-\ni=a\ni=b")
                              << QStringLiteral("line 5: more than one i=");
    QTest::newRow("attribute name not a token")
        << with("a=accept-types", "a=accept types") << QStringLiteral("line 7: attribute name");
    QTest::newRow("attribute without name") << with("a=accept-types:text/plain", "a=:text/plain")
                                            << QStringLiteral("line 7: attribute name");
    QTest::newRow("attribute with empty value")
        << with("a=accept-types:text/plain", "a=accept-types:")
        << QStringLiteral("line 7: a=accept-types: has an empty value");
    QTest::newRow("m= before s=") << QByteArray("v=0\no=- 1 1 IN IP4 h\nm=audio 0 RTP/AVP 0\n")
                                  << QStringLiteral("line 3: m= before the o= and s= lines");
    QTest::newRow("m= port 65536")
        << with("7394 TCP", "65536 TCP") << QStringLiteral("line 6: m= port");
    QTest::newRow("m= port not a number")
        << with("7394 TCP", "x TCP") << QStringLiteral("line 6: m= port");
    QTest::newRow("m= port count 0")
        << with("7394 TCP", "7394/0 TCP") << QStringLiteral("line 6: m= number of ports");
    QTest::newRow("m= no formats")
        << with("TCP/MSRP *", "TCP/MSRP") << QStringLiteral("line 6: m= needs");
    QTest::newRow("m= proto empty token")
        << with("TCP/MSRP *", "TCP//MSRP *") << QStringLiteral("line 6: m= proto");
    QTest::newRow("m= media not a token")
        << with("m=message", "m=mes@sage") << QStringLiteral("line 6: m= media");
    QTest::newRow("m= format '/' (sofia-sip loop)")
        << with("TCP/MSRP *", "TCP/MSRP / *")
        << QStringLiteral("line 6: m= format \"/\" is not a token");
    QTest::newRow("m= format 'a>;'") << with("TCP/MSRP *", "TCP/MSRP a>;")
                                     << QStringLiteral("line 6: m= format \"a>;\" is not a token");
    QTest::newRow("m= double space")
        << with("TCP/MSRP *", "TCP/MSRP  *") << QStringLiteral("line 6: m= needs");
    QTest::newRow("media without c=")
        << with("c=IN IP4 192.0.2.1\n", "")
        << QStringLiteral("line 5: media section 1 (m=message) has no c=");
    QTest::newRow("s= in a media section")
        << with("a=accept-types", "s=x\na=accept-types")
        << QStringLiteral("line 7: s= is not allowed in a media section");
    QTest::newRow("c= after a= in media")
        << with("a=path", "c=IN IP4 192.0.2.1\na=path")
        << QStringLiteral("line 8: c= is out of order in a media section (after a=)");
    QTest::newRow("i= twice in media")
        << with("m=message 7394 TCP/MSRP *\n", "m=message 7394 TCP/MSRP *\ni=a\ni=b\n")
        << QStringLiteral("line 8: more than one i= line in a media section");
    QTest::newRow("blank line in the middle")
        << with("s=-\n", "s=-\n\n") << QStringLiteral("line 5: a blank line precedes");
    QTest::newRow("tab") << with("s=-", "s=a\tb")
                         << QStringLiteral("line 3: control character 0x09 at column 4");
    QTest::newRow("bare CR") << with("s=-", "s=a\rb")
                             << QStringLiteral("line 3: control character 0x0d");
    QTest::newRow("CR at the end of an unterminated last line")
        << QByteArray("v=0\r") << QStringLiteral("line 1: control character 0x0d");
    QTest::newRow("NUL") << QByteArray(m).replace("s=-", QByteArray("s=a\0b", 5))
                         << QStringLiteral("line 3: control character 0x00");
    QTest::newRow("DEL") << with("s=-", "s=a\x7f")
                         << QStringLiteral("line 3: control character 0x7f");
    QTest::newRow("invalid UTF-8")
        << with("s=-", "s=\xc3\x28") << QStringLiteral("line 3: not valid UTF-8");
    QTest::newRow("overlong UTF-8")
        << with("s=-", "s=\xc0\xaf") << QStringLiteral("line 3: not valid UTF-8");
    QTest::newRow("UTF-8 surrogate")
        << with("s=-", "s=\xed\xa0\x80") << QStringLiteral("line 3: not valid UTF-8");
    QTest::newRow("truncated UTF-8")
        << with("s=-", "s=\xe2\x98") << QStringLiteral("line 3: not valid UTF-8");
    QTest::newRow("UTF-8 above U+10FFFF")
        << with("s=-", "s=\xf4\x90\x80\x80") << QStringLiteral("line 3: not valid UTF-8");
}

void TestSessionDescription::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, detail);
    const auto parsed = SessionDescription::parse(input);
    QVERIFY2(!parsed, "parsed although it must not");
    QCOMPARE(parsed.error().code, ErrorCode::Malformed);
    QVERIFY2(parsed.error().detail.contains(detail), qPrintable(parsed.error().detail));
}

void TestSessionDescription::limits_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("detail");

    const QByteArray head = crlf("v=0\no=- 1 1 IN IP4 h\ns=-\nc=IN IP4 h\nt=0 0\n");
    QTest::newRow("body over 64 KiB")
        << head + QByteArray("a=x:") + QByteArray(70 * 1024, 'y') + "\r\n"
        << QStringLiteral("bytes, the limit is 65536");
    QByteArray manyLines = head;
    for (int i = 0; i < 600; ++i)
        manyLines += "a=x\r\n";
    QTest::newRow("more than 512 lines")
        << manyLines << QStringLiteral("line 513: more than 512 lines");
    QTest::newRow("line over 4096 bytes") << head + "i=" + QByteArray(5000, 'y') + "\r\n"
                                          << QStringLiteral("line 6: line is 5002 bytes long");
    QTest::newRow("attribute value over 2048 bytes")
        << head + "a=path:" + QByteArray(3000, 'y') + "\r\n"
        << QStringLiteral("line 6: a=path value is 3000 bytes");
    QByteArray manyMedia = head;
    for (int i = 0; i < 40; ++i)
        manyMedia += "m=audio 0 RTP/AVP 0\r\n";
    QTest::newRow("more than 32 media sections")
        << manyMedia << QStringLiteral("line 38: more than 32 media sections");
    QByteArray manyFormats = head + "m=audio 9 RTP/AVP";
    for (int i = 0; i < 70; ++i)
        manyFormats += ' ' + QByteArray::number(i);
    QTest::newRow("more than 64 formats") << manyFormats + "\r\n"
                                          << QStringLiteral("line 6: m= has more than 64 formats");
}

void TestSessionDescription::limits()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, detail);
    const auto parsed = SessionDescription::parse(input);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, ErrorCode::LimitExceeded);
    QVERIFY2(parsed.error().detail.contains(detail), qPrintable(parsed.error().detail));
}

void TestSessionDescription::writerRoundTrip_data()
{
    QTest::addColumn<SessionDescription>("model");

    SessionDescription minimal;
    minimal.origin.address = "h.example";
    QTest::newRow("no media, no timing, no c=") << minimal;

    SessionDescription full = minimal;
    full.origin = Origin{"alice", 18446744073709551615u, 0, "IN", "IP6", "2001:db8::7"};
    full.sessionName = "";
    full.information = "info";
    full.uri = "http://example.com/";
    full.emails = {"a@example.com", "b@example.com"};
    full.phones = {"+1 555 0100"};
    full.connection = Connection::forAddress("2001:db8::7");
    full.bandwidths = {Bandwidth{"AS", 128}, Bandwidth{"CT", 0}};
    full.timings = {Timing{1, 2, {"7d 1h 0 25h", "1d 1h 0"}, QByteArray("1 -1h")}, Timing{}};
    full.key = "prompt";
    full.attributes = {Attribute{"sendonly", std::nullopt},
                       Attribute{"tool", QByteArray("herald 0.1")}};
    MediaDescription audio{"audio",      0,  std::nullopt, "RTP/AVP",    {"0", "8"},
                           std::nullopt, {}, {},           std::nullopt, {}};
    MediaDescription msrp{"message",
                          2855,
                          quint16(1),
                          "TCP/TLS/MSRP",
                          {"*"},
                          QByteArray("chat"),
                          {Connection::forAddress("192.0.2.9")},
                          {Bandwidth{"AS", 1}},
                          QByteArray("clear:x"),
                          {Attribute{"path", QByteArray("msrps://192.0.2.9:2855/s;tcp")}}};
    full.media = {audio, msrp};
    QTest::newRow("every field") << full;
}

void TestSessionDescription::writerRoundTrip()
{
    QFETCH(SessionDescription, model);
    const QByteArray bytes = model.toBytes();
    QCOMPARE(model.toBytes(), bytes); // deterministic
    const auto parsed = SessionDescription::parse(bytes);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
    QCOMPARE(*parsed, model);
    QCOMPARE(parsed->toBytes(), bytes);
    const auto checked = model.toCheckedBytes();
    QVERIFY(checked);
    QCOMPARE(*checked, bytes);
}

void TestSessionDescription::checkedWriterRefusesInjection_data()
{
    QTest::addColumn<SessionDescription>("model");

    SessionDescription base;
    base.origin.address = "192.0.2.1";
    base.connection = Connection::forAddress("192.0.2.1");
    base.timings = {Timing{}};

    SessionDescription crlfInValue = base;
    crlfInValue.attributes = {Attribute{"x", QByteArray("1\r\nm=audio 1 RTP/AVP 0")}};
    QTest::newRow("CRLF in an attribute value") << crlfInValue;

    SessionDescription spaceInUser = base;
    spaceInUser.origin.username = "a b";
    QTest::newRow("space in the o= username") << spaceInUser;

    SessionDescription colonInName = base;
    colonInName.attributes = {Attribute{"a:b", QByteArray("c")}};
    QTest::newRow("colon in an attribute name") << colonInName;

    SessionDescription badFormat = base;
    badFormat.media = {MediaDescription{
        "message", 9, std::nullopt, "TCP/MSRP", {"/"}, std::nullopt, {}, {}, std::nullopt, {}}};
    QTest::newRow("format that is not a token") << badFormat;

    SessionDescription noFormats = base;
    noFormats.media = {MediaDescription{
        "message", 9, std::nullopt, "TCP/MSRP", {}, std::nullopt, {}, {}, std::nullopt, {}}};
    QTest::newRow("media without formats") << noFormats;

    SessionDescription emptyInfo = base;
    emptyInfo.information = QByteArray();
    QTest::newRow("empty i=") << emptyInfo;
}

void TestSessionDescription::checkedWriterRefusesInjection()
{
    QFETCH(SessionDescription, model);
    const auto checked = model.toCheckedBytes();
    QVERIFY(!checked);
    QCOMPARE(checked.error().code, ErrorCode::InvalidArgument);
}

// Every SDP printed in RFC 4975, 5547 and 7701 parses and is written back byte for byte. The
// ways the printed examples bend RFC 8866 are asserted as such, so a new example with a new
// quirk fails here instead of passing silently.
void TestSessionDescription::rfcExamples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("quirks");
    QTest::addColumn<QStringList>("notes"); // from extraction-notes.json

    const QString dir = corpusPath(QStringLiteral("rfc-examples/sdp"));
    if (dir.isEmpty())
        return;
    const QByteArray json =
        herald::test::readFile(corpusPath(QStringLiteral("rfc-examples/extraction-notes.json")));
    QHash<QString, QStringList> notes;
    const QJsonArray entries = QJsonDocument::fromJson(json).array();
    for (const QJsonValue &v : entries) {
        QStringList n;
        for (const QJsonValue &note : v.toObject().value(QStringLiteral("notes")).toArray())
            n << note.toString();
        notes.insert(v.toObject().value(QStringLiteral("file")).toString(), n);
    }

    // Quirks of the examples as printed (not of the extraction):
    //  - "no-t": RFC 7701 §9.1 prints its SDP without the mandatory t= line;
    //  - "empty-s": RFC 5547 prints "s=" where RFC 8866 asks for at least one character.
    const QHash<QString, QStringList> quirks = {
        {QStringLiteral("rfc7701-s9.1-01.sdp"), {QStringLiteral("no-t")}},
        {QStringLiteral("rfc7701-s9.1-02.sdp"), {QStringLiteral("no-t")}},
        {QStringLiteral("rfc5547-s6-01.sdp"), {QStringLiteral("empty-s")}},
        {QStringLiteral("rfc5547-s9.1-02.sdp"), {QStringLiteral("empty-s")}},
        {QStringLiteral("rfc5547-s9.1-03.sdp"), {QStringLiteral("empty-s")}},
        {QStringLiteral("rfc5547-s9.2-04.sdp"), {QStringLiteral("empty-s")}},
        {QStringLiteral("rfc5547-s9.2-05.sdp"), {QStringLiteral("empty-s")}},
        {QStringLiteral("rfc5547-s9.2-06.sdp"), {QStringLiteral("empty-s")}},
        {QStringLiteral("rfc5547-s9.2-07.sdp"), {QStringLiteral("empty-s")}},
    };
    const QStringList files =
        QDir(dir).entryList({QStringLiteral("*.sdp")}, QDir::Files, QDir::Name);
    for (const QString &f : files) {
        QTest::newRow(qPrintable(f)) << dir + QLatin1Char('/') + f << quirks.value(f)
                                     << notes.value(f, {QStringLiteral("missing")});
    }
}

void TestSessionDescription::rfcExamples()
{
    if (herald::test::corporaDir().isEmpty())
        QSKIP("test corpora not found: set HERALD_CORPORA_DIR (../shared/corpora)");
    QFETCH(QString, file);
    QFETCH(QStringList, quirks);
    QFETCH(QStringList, notes);
    QVERIFY2(!notes.contains(QStringLiteral("missing")),
             "the file has no entry in extraction-notes.json");
    const QByteArray bytes = herald::test::readFile(file);
    QVERIFY(!bytes.isEmpty());
    const auto parsed = SessionDescription::parse(bytes);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
    QCOMPARE(parsed->toBytes(), bytes);

    QStringList seen;
    if (parsed->timings.isEmpty())
        seen << QStringLiteral("no-t");
    if (parsed->sessionName.isEmpty())
        seen << QStringLiteral("empty-s");
    QCOMPARE(seen, quirks);

    // The only extraction note on SDP files: a wrapped a=file-selector was re-joined. The
    // re-joined line must be one attribute with its hash in one piece.
    for (const QString &note : notes) {
        QVERIFY2(note.contains(QStringLiteral("re-joined")), qPrintable(note));
        const Attribute *fs = parsed->media.first().attribute("file-selector");
        QVERIFY(fs && fs->value);
        QVERIFY(fs->value->contains("hash:sha-1:"));
        QVERIFY(!fs->value->contains("sha-1: "));
    }
}

// Other parsers' test inputs, with the outcome a strict RFC 8866 parser must give.
void TestSessionDescription::otherParsersCorpora_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("detail");

    const QString root = herald::test::corporaDir();
    if (root.isEmpty())
        return;
    const QString sofia = root + QStringLiteral("/sofia-sip-tests/sdp/");
    const QString pj = root + QStringLiteral("/pjsip-fuzz-seeds/sdp/");
    auto row = [](const QString &file, bool valid, const QString &detail) {
        QTest::newRow(qPrintable(QFileInfo(file).dir().dirName() + QLatin1Char('/') +
                                 QFileInfo(file).fileName()))
            << file << valid << detail;
    };
    row(sofia + QStringLiteral("message-1.sdp"), false,
        QStringLiteral("line 1: unsupported SDP version"));
    row(sofia + QStringLiteral("message-2.sdp"), true, {});
    row(sofia + QStringLiteral("message-3.sdp"), true, {});
    row(sofia + QStringLiteral("message-4.sdp"), false,
        QStringLiteral("line 4: m= before the o= and s= lines"));
    row(sofia + QStringLiteral("message-5.sdp"), true, {}); // no t=: tolerated
    row(sofia + QStringLiteral("message-6.sdp"), false, QStringLiteral("line 2: s= before o="));
    row(sofia + QStringLiteral("message-7.sdp"), false, QStringLiteral("line 3: i= before s="));
    row(sofia + QStringLiteral("message-8.sdp"), false, QStringLiteral("line 3: i= before s="));
    row(sofia + QStringLiteral("message-9.sdp"), true, {});
    row(sofia + QStringLiteral("message-10.sdp"), true, {});
    row(sofia + QStringLiteral("message-11.sdp"), true, {});
    for (int i = 1; i <= 5; ++i)
        row(pj + QStringLiteral("input.%1.sdp").arg(i), true, {});
    row(pj + QStringLiteral("input.6.sdp"), false, QStringLiteral("line 6: m= media"));
}

void TestSessionDescription::otherParsersCorpora()
{
    if (herald::test::corporaDir().isEmpty())
        QSKIP("test corpora not found: set HERALD_CORPORA_DIR (../shared/corpora)");
    QFETCH(QString, file);
    QFETCH(bool, valid);
    QFETCH(QString, detail);
    const QByteArray bytes = herald::test::readFile(file);
    QVERIFY2(!bytes.isEmpty(), qPrintable(file));
    const auto parsed = SessionDescription::parse(bytes);
    if (!valid) {
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().detail.contains(detail), qPrintable(parsed.error().detail));
        return;
    }
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
    const auto again = SessionDescription::parse(parsed->toBytes());
    QVERIFY(again);
    QCOMPARE(*again, *parsed);
    QCOMPARE(parsed->toBytes(), bytes); // these are all canonical CRLF text
}

// PLATFORM.md §10: inputs that make Debian's sofia-sip allocate until memory runs out. Each is
// fed whole (a SIP message is not SDP) and, for the SIP ones, as the body after the blank line.
void TestSessionDescription::sofiaRegressions_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("detail");

    const QString dir = corpusPath(QStringLiteral("regressions/sofia-sip-sdp-mline-loop"));
    if (dir.isEmpty())
        return;
    const QHash<QString, QString> bodyErrors = {
        {QStringLiteral("minimal-gt-semicolon.sdp"), QStringLiteral("line 6: m= needs")},
        {QStringLiteral("minimal-msrp-slash.sdp"),
         QStringLiteral("line 6: m= format \"/\" is not a token")},
        {QStringLiteral("fuzzer-invite-from-rfc4475-seed.sip"),
         QStringLiteral("line 4: m= before the o= and s= lines")},
        {QStringLiteral("fuzzer-invite-from-protos-4105.sip"),
         QStringLiteral("line 5: t= times must be 64-bit numbers")},
    };
    const QStringList files = QDir(dir).entryList(QDir::Files, QDir::Name);
    int count = 0;
    for (const QString &f : files) {
        if (f == QLatin1String("README.md"))
            continue;
        ++count;
        const QByteArray bytes = herald::test::readFile(dir + QLatin1Char('/') + f);
        QVERIFY2(
            bodyErrors.contains(f),
            qPrintable(QStringLiteral("new regression input %1: add its expected error").arg(f)));
        if (f.endsWith(QLatin1String(".sip"))) {
            QTest::newRow(qPrintable(f + QStringLiteral(" (whole message)")))
                << bytes << QStringLiteral("line 1: expected <letter>=<value>, got \"INVITE sip:");
            qsizetype split = bytes.indexOf("\r\n\r\n");
            qsizetype skip = 4;
            if (split < 0) {
                split = bytes.indexOf("\n\n");
                skip = 2;
            }
            QVERIFY(split > 0);
            QTest::newRow(qPrintable(f + QStringLiteral(" (body)")))
                << bytes.mid(split + skip) << bodyErrors.value(f);
        } else {
            QTest::newRow(qPrintable(f)) << bytes << bodyErrors.value(f);
        }
    }
    QCOMPARE(count, 4);
}

void TestSessionDescription::sofiaRegressions()
{
    if (herald::test::corporaDir().isEmpty())
        QSKIP("test corpora not found: set HERALD_CORPORA_DIR (../shared/corpora)");
    QFETCH(QByteArray, input);
    QFETCH(QString, detail);
    bool parsed = true;
    const qint64 ns = bestParseNanoseconds(input, &parsed);
    QVERIFY2(ns < 10 * 1000 * 1000, qPrintable(QStringLiteral("took %1 ns").arg(ns)));
    QVERIFY(!parsed);
    const auto result = SessionDescription::parse(input);
    QVERIFY2(result.error().detail.contains(detail), qPrintable(result.error().detail));
}

// The largest inputs the limits let through, built to be as slow as possible, stay fast.
void TestSessionDescription::worstCaseInputsAreFast_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("valid");

    const QByteArray head = crlf("v=0\no=- 1 1 IN IP4 h\ns=-\nc=IN IP4 h\nt=0 0\n");
    QByteArray attrs = head;
    while (attrs.size() < 60 * 1024 && attrs.count('\n') < 500)
        attrs += "a=" + QByteArray(100, 'x') + ':' + QByteArray(20, 'y') + "\r\n";
    QTest::newRow("500 long attributes") << attrs << true;

    QByteArray media = head;
    for (int i = 0; i < 32; ++i) {
        media += "m=audio 9 RTP/AVP";
        for (int f = 0; f < 64; ++f)
            media += " 1" + QByteArray::number(f);
        media += "\r\n";
        for (int a = 0; a < 14; ++a)
            media += "a=rtpmap:1" + QByteArray::number(a) + " x/8000\r\n";
    }
    QTest::newRow("32 media sections of 64 formats") << media << true;

    QTest::newRow("4000 slashes as a format")
        << head + "m=message 9 TCP/MSRP " + QByteArray(4000, '/') + "\r\n"
        << false;
    QTest::newRow("64 KiB of one byte") << QByteArray(64 * 1024, 'v') << false;
    QTest::newRow("64 KiB of line ends") << QByteArray(64 * 1024, '\n') << false;
}

void TestSessionDescription::worstCaseInputsAreFast()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, valid);
    QVERIFY(input.size() <= 64 * 1024);
    bool parsed = !valid;
    const qint64 ns = bestParseNanoseconds(input, &parsed);
    QCOMPARE(parsed, valid);
    QVERIFY2(ns < 10 * 1000 * 1000, qPrintable(QStringLiteral("took %1 ns").arg(ns)));
}

QTEST_GUILESS_MAIN(TestSessionDescription)
#include "tst_sessiondescription.moc"
