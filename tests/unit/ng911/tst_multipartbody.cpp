// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// multipart/mixed bodies (RFC 2046 §5.1) as SIP carries them (RFC 5621), shaped after the
// INVITE of RFC 6442 §7.1: SDP plus a PIDF-LO named by Content-ID.
#include "engine/ng911/multipartbody.h"

#include <QTest>

using namespace herald;
using namespace herald::ng911;

Q_DECLARE_METATYPE(herald::ErrorCode)

namespace {

const QByteArray sdp = "v=0\r\no=alice 2890844526 2890844526 IN IP4 atlanta.example.com\r\ns=-\r\n"
                       "c=IN IP4 192.0.2.1\r\nt=0 0\r\nm=message 7394 TCP/MSRP *\r\n"
                       "a=accept-types:message/cpim text/plain\r\n"
                       "a=path:msrp://192.0.2.1:7394/iau39soe2843z;tcp\r\n";
const QByteArray pidf = "<?xml version=\"1.0\"?><presence xmlns=\"urn:ietf:params:xml:ns:pidf\" "
                        "entity=\"pres:alice@atlanta.example.com\"/>";

QByteArray rfc6442Body()
{
    return "--boundary1\r\n"
           "Content-Type: application/sdp\r\n"
           "\r\n" +
           sdp +
           "\r\n--boundary1\r\n"
           "Content-Type: application/pidf+xml\r\n"
           "Content-ID: <target123@atlanta.example.com>\r\n"
           "\r\n" +
           pidf + "\r\n--boundary1--\r\n";
}

} // namespace

class TestMultipartBody : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contentType()
    {
        auto t = parseContentType("Multipart/Mixed; boundary=\"boundary 1\" ;charset=utf-8");
        QVERIFY(t);
        QCOMPARE(t->mediaType, QByteArray("multipart/mixed"));
        QCOMPARE(t->parameter("boundary"), QByteArray("boundary 1"));
        QCOMPARE(t->parameter("charset"), QByteArray("utf-8"));
        QVERIFY(!parseContentType("multipart"));
        QVERIFY(!parseContentType("multipart/mixed; boundary"));
        QVERIFY(!parseContentType("multipart/mixed; boundary=\"open"));
        QVERIFY(!parseContentType("text/plain garbage"));
    }

    void rfc6442Invite()
    {
        const QByteArray body = rfc6442Body();
        const auto parsed = parseMultipart("multipart/mixed; boundary=boundary1", body);
        QVERIFY2(parsed, qPrintable(parsed.problem().detail));
        QCOMPARE(parsed.raw(), body);
        QCOMPARE(parsed->parts.size(), 2);
        const BodyPart *sdpPart = parsed->firstOfType("application/sdp");
        QVERIFY(sdpPart);
        QCOMPARE(sdpPart->body, sdp);
        const BodyPart *pidfPart = parsed->byContentId("target123@atlanta.example.com");
        QVERIFY(pidfPart);
        QCOMPARE(pidfPart->contentType.mediaType, QByteArray("application/pidf+xml"));
        QCOMPARE(pidfPart->body, pidf);
        QVERIFY(!parsed->byContentId("other@atlanta.example.com"));
    }

    void roundTrip()
    {
        MultipartBody body;
        BodyPart a;
        a.headers = {{"Content-Type", "application/sdp"}};
        a.body = sdp;
        BodyPart b;
        b.headers = {{"Content-Type", "application/pidf+xml"}, {"Content-ID", "<x@y>"}};
        b.body = pidf;
        body.parts = {a, b};
        const QByteArray bytes = serializeMultipart(body, "unique-boundary-1");
        const auto back = parseMultipart("multipart/mixed;boundary=unique-boundary-1", bytes);
        QVERIFY2(back, qPrintable(back.problem().detail));
        QCOMPARE(back->parts.size(), 2);
        QCOMPARE(back->parts[0].body, sdp);
        QCOMPARE(back->parts[1].contentId, QByteArray("x@y"));
        QCOMPARE(back->parts[1].body, pidf);
    }

    void preambleEpilogueFoldingNoHeaders()
    {
        const QByteArray body =
            "This is the preamble.\r\n--b\r\nContent-Type:\r\n application/sdp\r\n\r\n" + sdp +
            "\r\n--b \t\r\n\r\nplain text\r\n--b--\r\nepilogue";
        const auto parsed = parseMultipart("multipart/mixed; boundary=b", body);
        QVERIFY2(parsed, qPrintable(parsed.problem().detail));
        QCOMPARE(parsed->parts.size(), 2);
        QCOMPARE(parsed->parts[0].contentType.mediaType, QByteArray("application/sdp"));
        QCOMPARE(parsed->parts[1].contentType.mediaType, QByteArray("text/plain"));
        QCOMPARE(parsed->parts[1].body, QByteArray("plain text"));
    }

    void unreadable_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ErrorCode>("code");
        const QByteArray good = rfc6442Body();
        const QByteArray ct = "multipart/mixed; boundary=boundary1";
        QTest::newRow("no boundary")
            << QByteArray("multipart/mixed") << good << ErrorCode::Malformed;
        QTest::newRow("boundary too long")
            << QByteArray("multipart/mixed; boundary=" + QByteArray(71, 'b')) << good
            << ErrorCode::Malformed;
        QTest::newRow("not multipart")
            << QByteArray("application/sdp") << good << ErrorCode::Unsupported;
        QTest::newRow("wrong boundary")
            << QByteArray("multipart/mixed; boundary=other") << good << ErrorCode::Malformed;
        QTest::newRow("no close delimiter")
            << ct << good.left(good.size() - 17) << ErrorCode::Malformed;
        QTest::newRow("bare LF headers")
            << ct
            << QByteArray(good).replace("Content-Type: application/sdp\r\n",
                                        "Content-Type: application/sdp\n")
            << ErrorCode::Malformed;
        QTest::newRow("base64") << ct
                                << QByteArray(good).replace(
                                       "Content-ID:",
                                       "Content-Transfer-Encoding: base64\r\nContent-ID:")
                                << ErrorCode::Unsupported;
        QTest::newRow("bad content-id")
            << ct << QByteArray(good).replace("<target123@atlanta.example.com>", "target123")
            << ErrorCode::Malformed;
        QTest::newRow("header without colon")
            << ct << QByteArray(good).replace("Content-ID: ", "Content-ID ")
            << ErrorCode::Malformed;
        QTest::newRow("too large")
            << ct << QByteArray(good + QByteArray(300 * 1024, 'x')) << ErrorCode::LimitExceeded;
        QByteArray many;
        for (int i = 0; i < 9; ++i)
            many += "--boundary1\r\n\r\npart\r\n";
        QTest::newRow("too many parts")
            << ct << QByteArray(many + "--boundary1--") << ErrorCode::LimitExceeded;
        QByteArray headers = "--boundary1\r\n";
        for (int i = 0; i < 17; ++i)
            headers += "X-H" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("too many headers")
            << ct << QByteArray(headers + "\r\nbody\r\n--boundary1--") << ErrorCode::LimitExceeded;
        QTest::newRow("empty") << ct << QByteArray() << ErrorCode::Malformed;
    }

    void unreadable()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(ErrorCode, code);
        const auto parsed = parseMultipart(contentType, body);
        QVERIFY(!parsed);
        QCOMPARE(parsed.raw(), body);
        QVERIFY(!parsed.problem().detail.isEmpty());
        QCOMPARE(errorCodeName(parsed.problem().code), errorCodeName(code));
    }
};

QTEST_GUILESS_MAIN(TestMultipartBody)
#include "tst_multipartbody.moc"
