// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/codec/msrpframecollector.h"
#include "engine/msrp/codec/msrpserializer.h"

#include <QTest>

using namespace herald;
using namespace herald::msrp;

namespace {

Uri uri(const QByteArray &text)
{
    auto u = Uri::parse(text);
    Q_ASSERT(u);
    return *u;
}

Frame fullSend()
{
    Frame f;
    f.transactionId = "a786hjs2";
    f.method = "SEND";
    f.toPath = {uri("msrp://biloxi.example.com:12763/kjhd37s2s20w2a;tcp")};
    f.fromPath = {uri("msrp://atlanta.example.com:7654/jshA7weztas;tcp")};
    f.usePath = {uri("msrps://relay.example.com:2855;tcp")};
    f.messageId = "87652491";
    f.successReport = ReportMode::Yes;
    f.failureReport = ReportMode::Partial;
    f.byteRange = ByteRange{1, 25, 25};
    f.extensionHeaders = {Header{"X-Ext", "one"}};
    f.mimeHeaders = {Header{"Content-ID", "<c1@x>"}};
    f.setBody("text/plain", "Hey Bob, are you there?\r\n");
    return f;
}

} // namespace

class TestMsrpSerializer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void byteExact()
    {
        const QByteArray expected =
            "MSRP a786hjs2 SEND\r\n"
            "To-Path: msrp://biloxi.example.com:12763/kjhd37s2s20w2a;tcp\r\n"
            "From-Path: msrp://atlanta.example.com:7654/jshA7weztas;tcp\r\n"
            "Use-Path: msrps://relay.example.com:2855;tcp\r\n"
            "Message-ID: 87652491\r\n"
            "Success-Report: yes\r\n"
            "Failure-Report: partial\r\n"
            "Byte-Range: 1-25/25\r\n"
            "X-Ext: one\r\n"
            "Content-ID: <c1@x>\r\n"
            "Content-Type: text/plain\r\n"
            "\r\n"
            "Hey Bob, are you there?\r\n"
            "\r\n"
            "-------a786hjs2$\r\n";
        QCOMPARE(Serializer::serialize(fullSend()), expected);
    }

    void headBodyTail()
    {
        const Frame f = fullSend();
        QByteArray streamed = Serializer::head(f);
        streamed.append(f.body);
        Serializer::appendTail(streamed, f.transactionId, f.continuation, true);
        QCOMPARE(streamed, Serializer::serialize(f));
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("variant");
        for (int i = 0; i < 8; ++i)
            QTest::newRow(qPrintable(QString::number(i))) << i;
    }
    void roundTrip()
    {
        QFETCH(int, variant);
        Frame f = fullSend();
        switch (variant) {
        case 1:
            f.continuation = Continuation::More;
            break;
        case 2:
            f.continuation = Continuation::Aborted;
            break;
        case 3:
            f.body.clear();
            f.hasBody = false;
            f.contentType.clear();
            f.mimeHeaders.clear();
            break;
        case 4:
            f = Serializer::makeResponse(f, 200, "OK");
            break;
        case 5:
            f.method = "REPORT";
            f.hasBody = false;
            f.body.clear();
            f.contentType.clear();
            f.mimeHeaders.clear();
            f.status = StatusHeader{0, 413, "Message Too Large"};
            break;
        case 6:
            f.method = "AUTH";
            f.wwwAuthenticate = {"Digest realm=\"r\"", "Digest realm=\"s\""};
            f.authorization = {"Digest username=\"u\""};
            f.authenticationInfo = "nextnonce=\"n\"";
            f.expires = 900;
            f.minExpires = 60;
            f.maxExpires = 3600;
            break;
        case 7:
            f.setBody("application/octet-stream", QByteArray("\0\r\n-------a786hjs2", 18));
            break;
        }
        auto parsed = parseFrames(Serializer::serialize(f));
        QVERIFY2(parsed.has_value(), parsed ? "" : qPrintable(parsed.error().detail));
        QCOMPARE(parsed->size(), 1);
        QCOMPARE(parsed->front(), f);
    }

    void responseToSend()
    {
        Frame send = fullSend();
        send.fromPath.prepend(uri("msrp://relay.example.com:9000/r1;tcp"));
        const Frame r = Serializer::makeResponse(send, 481, statusComment(481));
        QVERIFY(r.isResponse());
        QCOMPARE(r.transactionId, send.transactionId);
        // RFC 4975 §7.2: responses to SEND go to the previous hop only.
        QCOMPARE(r.toPath, Path{send.fromPath.front()});
        QCOMPARE(r.fromPath, Path{send.toPath.back()});
        QCOMPARE(r.continuation, Continuation::Complete);
        QVERIFY(!r.hasBody);
        QCOMPARE(Serializer::serialize(r),
                 QByteArray("MSRP a786hjs2 481 No Such Session\r\n"
                            "To-Path: msrp://relay.example.com:9000/r1;tcp\r\n"
                            "From-Path: msrp://biloxi.example.com:12763/kjhd37s2s20w2a;tcp\r\n"
                            "-------a786hjs2$\r\n"));
    }

    void responseToOtherMethods()
    {
        Frame auth = fullSend();
        auth.method = "AUTH";
        auth.fromPath.prepend(uri("msrp://relay.example.com:9000/r1;tcp"));
        const Frame r = Serializer::makeResponse(auth, 401, statusComment(401));
        // RFC 4975 §7.2: other methods get the full path back.
        QCOMPARE(r.toPath, auth.fromPath);
    }

    void statusComments()
    {
        for (int code : {200, 400, 403, 408, 413, 415, 423, 481, 501, 506})
            QVERIFY2(!statusComment(code).isEmpty(), qPrintable(QString::number(code)));
        QVERIFY(statusComment(299).isEmpty());
    }

    void threeDigitCodes()
    {
        Frame r = Serializer::makeResponse(fullSend(), 0, {});
        QVERIFY(Serializer::serialize(r).startsWith("MSRP a786hjs2 000\r\n"));
    }
};

QTEST_APPLESS_MAIN(TestMsrpSerializer)
#include "tst_msrpserializer.moc"
