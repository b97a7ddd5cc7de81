// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/codec/msrpframecollector.h"
#include "engine/msrp/codec/msrpparser.h"

#include <QTest>

using namespace herald;
using namespace herald::msrp;

namespace {

const QByteArray kTo = "To-Path: msrp://b.example.com:7777/bobsess;tcp\r\n";
const QByteArray kFrom = "From-Path: msrp://a.example.com:8888/alicesess;tcp\r\n";

// A SEND with the given extra header lines and body.
QByteArray send(const QByteArray &extra, const QByteArray &body = "hi",
                const QByteArray &tid = "tx12345")
{
    QByteArray out = "MSRP " + tid + " SEND\r\n" + kTo + kFrom + "Message-ID: m12345\r\n" + extra;
    if (!body.isNull())
        out += "Content-Type: text/plain\r\n\r\n" + body + "\r\n";
    out += "-------" + tid + "$\r\n";
    return out;
}

Result<Frame> parseOne(const QByteArray &bytes)
{
    auto frames = parseFrames(bytes);
    if (!frames)
        return tl::unexpected(frames.error());
    if (frames->size() != 1)
        return fail(ErrorCode::Malformed,
                    QStringLiteral("expected one frame, got %1").arg(frames->size()));
    return frames->front();
}

} // namespace

class TestMsrpParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void requestLine()
    {
        auto f = parseOne(send({}));
        QVERIFY(f.has_value());
        QVERIFY(f->isRequest());
        QCOMPARE(f->transactionId, QByteArray("tx12345"));
        QCOMPARE(f->method, QByteArray("SEND"));
        QCOMPARE(f->toPath.size(), 1);
        QCOMPARE(f->toPath.front().sessionId, QByteArray("bobsess"));
        QCOMPARE(f->fromPath.front().port, std::optional<quint16>(8888));
        QCOMPARE(f->messageId, QByteArray("m12345"));
        QCOMPARE(f->contentType, QByteArray("text/plain"));
        QVERIFY(f->hasBody);
        QCOMPARE(f->body, QByteArray("hi"));
        QCOMPARE(f->continuation, Continuation::Complete);
    }

    void responseLine_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("comment");
        QTest::newRow("200 OK") << QByteArray("MSRP tx12345 200 OK") << 200 << QByteArray("OK");
        QTest::newRow("no comment") << QByteArray("MSRP tx12345 481") << 481 << QByteArray();
        QTest::newRow("long comment")
            << QByteArray("MSRP tx12345 506 Session Bound To Another Connection") << 506
            << QByteArray("Session Bound To Another Connection");
        QTest::newRow("utf8 comment") << QByteArray("MSRP tx12345 413 Trop grand \xc3\xa9t\xc3\xa9")
                                      << 413 << QByteArray("Trop grand \xc3\xa9t\xc3\xa9");
    }
    void responseLine()
    {
        QFETCH(QByteArray, line);
        auto f = parseOne(line + "\r\n" + kTo + kFrom + "-------tx12345$\r\n");
        QVERIFY2(f.has_value(), f ? "" : qPrintable(f.error().detail));
        QVERIFY(f->isResponse());
        QTEST(f->statusCode, "code");
        QTEST(f->comment, "comment");
        QVERIFY(!f->hasBody);
    }

    void headers_data()
    {
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<QByteArray>("check"); // which field to look at
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("byte-range") << QByteArray("Byte-Range: 1-25/25\r\n") << QByteArray("range")
                                    << QByteArray("1-25/25");
        QTest::newRow("byte-range star end")
            << QByteArray("Byte-Range: 1-*/8\r\n") << QByteArray("range") << QByteArray("1-*/8");
        QTest::newRow("byte-range star total")
            << QByteArray("Byte-Range: 5-*/*\r\n") << QByteArray("range") << QByteArray("5-*/*");
        QTest::newRow("byte-range huge")
            << QByteArray("Byte-Range: 1-10000000000/10000000000\r\n") << QByteArray("range")
            << QByteArray("1-10000000000/10000000000");
        QTest::newRow("success yes")
            << QByteArray("Success-Report: yes\r\n") << QByteArray("success") << QByteArray("yes");
        QTest::newRow("success no")
            << QByteArray("Success-Report: no\r\n") << QByteArray("success") << QByteArray("no");
        QTest::newRow("failure partial") << QByteArray("Failure-Report: partial\r\n")
                                         << QByteArray("failure") << QByteArray("partial");
        QTest::newRow("failure no")
            << QByteArray("Failure-Report: no\r\n") << QByteArray("failure") << QByteArray("no");
        QTest::newRow("status") << QByteArray("Status: 000 200 OK\r\n") << QByteArray("status")
                                << QByteArray("0/200/OK");
        QTest::newRow("status no reason")
            << QByteArray("Status: 000 413\r\n") << QByteArray("status") << QByteArray("0/413/");
        QTest::newRow("use-path")
            << QByteArray("Use-Path: msrps://r1.example.com:2855;tcp msrps://r2:1;tcp\r\n")
            << QByteArray("use-path") << QByteArray("2");
        QTest::newRow("www-authenticate")
            << QByteArray("WWW-Authenticate: Digest realm=\"x\", nonce=\"n\"\r\n")
            << QByteArray("www") << QByteArray("Digest realm=\"x\", nonce=\"n\"");
        QTest::newRow("authorization")
            << QByteArray("Authorization: Digest username=\"a\"\r\n") << QByteArray("authorization")
            << QByteArray("Digest username=\"a\"");
        QTest::newRow("authentication-info")
            << QByteArray("Authentication-Info: nextnonce=\"x\"\r\n") << QByteArray("auth-info")
            << QByteArray("nextnonce=\"x\"");
        QTest::newRow("expires") << QByteArray("Expires: 900\r\n") << QByteArray("expires")
                                 << QByteArray("900");
        QTest::newRow("min-expires")
            << QByteArray("Min-Expires: 60\r\n") << QByteArray("min-expires") << QByteArray("60");
        QTest::newRow("max-expires") << QByteArray("Max-Expires: 3600\r\n")
                                     << QByteArray("max-expires") << QByteArray("3600");
        QTest::newRow("content-id") << QByteArray("Content-ID: <abc@x>\r\n") << QByteArray("mime")
                                    << QByteArray("Content-ID=<abc@x>");
        QTest::newRow("content-disposition")
            << QByteArray("Content-Disposition: inline\r\n") << QByteArray("mime")
            << QByteArray("Content-Disposition=inline");
        QTest::newRow("extension in order")
            << QByteArray("X-One: 1\r\nUse-Nickname: \"Al\"\r\nX-Two: 2\r\n") << QByteArray("ext")
            << QByteArray("X-One=1,Use-Nickname=\"Al\",X-Two=2");
        QTest::newRow("names case-insensitive")
            << QByteArray("byte-range: 1-2/2\r\n") << QByteArray("range") << QByteArray("1-2/2");
        QTest::newRow("no space after colon")
            << QByteArray("Byte-Range:1-2/2\r\n") << QByteArray("range") << QByteArray("1-2/2");
        QTest::newRow("trailing space trimmed")
            << QByteArray("X-T: v  \r\n") << QByteArray("ext") << QByteArray("X-T=v");
    }
    void headers()
    {
        QFETCH(QByteArray, extra);
        QFETCH(QByteArray, check);
        QFETCH(QByteArray, expected);
        auto f = parseOne(send(extra));
        QVERIFY2(f.has_value(), f ? "" : qPrintable(f.error().detail));
        QByteArray got;
        if (check == "range") {
            QVERIFY(f->byteRange.has_value());
            got = f->byteRange->toBytes();
        } else if (check == "success" || check == "failure") {
            const auto m = check == "success" ? f->successReport : f->failureReport;
            QVERIFY(m.has_value());
            got = *m == ReportMode::Yes ? "yes" : *m == ReportMode::No ? "no" : "partial";
        } else if (check == "status") {
            QVERIFY(f->status.has_value());
            got = QByteArray::number(f->status->ns) + '/' + QByteArray::number(f->status->code) +
                  '/' + f->status->reason;
        } else if (check == "use-path") {
            got = QByteArray::number(f->usePath.size());
        } else if (check == "www") {
            got = f->wwwAuthenticate.join('|');
        } else if (check == "authorization") {
            got = f->authorization.join('|');
        } else if (check == "auth-info") {
            got = f->authenticationInfo;
        } else if (check == "expires") {
            got = QByteArray::number(f->expires.value_or(0));
        } else if (check == "min-expires") {
            got = QByteArray::number(f->minExpires.value_or(0));
        } else if (check == "max-expires") {
            got = QByteArray::number(f->maxExpires.value_or(0));
        } else if (check == "mime" || check == "ext") {
            QList<QByteArray> parts;
            for (const Header &h : check == "mime" ? f->mimeHeaders : f->extensionHeaders)
                parts.append(h.name + '=' + h.value);
            got = parts.join(',');
        }
        QCOMPARE(got, expected);
    }

    void bodies_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("hasBody");
        QTest::addColumn<char>("flag");
        const QByteArray h = "MSRP abcd1234 SEND\r\n" + kTo + kFrom + "Message-ID: m12345\r\n";
        QTest::newRow("bodiless") << QByteArray(h + "-------abcd1234$\r\n") << QByteArray() << false
                                  << '$';
        QTest::newRow("more")
            << QByteArray(h + "Content-Type: text/plain\r\n\r\nabc\r\n-------abcd1234+\r\n")
            << QByteArray("abc") << true << '+';
        QTest::newRow("aborted")
            << QByteArray(h + "Content-Type: text/plain\r\n\r\nabc\r\n-------abcd1234#\r\n")
            << QByteArray("abc") << true << '#';
        QTest::newRow("empty body")
            << QByteArray(h + "Content-Type: text/plain\r\n\r\n\r\n-------abcd1234$\r\n")
            << QByteArray() << true << '$';
        QTest::newRow("empty body without its CRLF")
            << QByteArray(h + "Content-Type: text/plain\r\n\r\n-------abcd1234$\r\n")
            << QByteArray() << true << '$';
        QTest::newRow("body ending in CRLF")
            << QByteArray(h + "Content-Type: text/plain\r\n\r\nabc\r\n\r\n-------abcd1234$\r\n")
            << QByteArray("abc\r\n") << true << '$';
        QTest::newRow("end-line of another transaction in body")
            << QByteArray(h +
                          "Content-Type: "
                          "text/plain\r\n\r\nx\r\n-------other999$\r\ny\r\n-------abcd1234$\r\n")
            << QByteArray("x\r\n-------other999$\r\ny") << true << '$';
        QTest::newRow("longer id with same prefix in body")
            << QByteArray(
                   h +
                   "Content-Type: text/plain\r\n\r\nx\r\n-------abcd12345$\r\n-------abcd1234$\r\n")
            << QByteArray("x\r\n-------abcd12345$") << true << '$';
        QTest::newRow("end-line without CRLF before it in body")
            << QByteArray(
                   h +
                   "Content-Type: text/plain\r\n\r\nx-------abcd1234$\r\n\r\n-------abcd1234$\r\n")
            << QByteArray("x-------abcd1234$\r\n") << true << '$';
        QTest::newRow("own tid then bad flag")
            << QByteArray(h + "Content-Type: "
                              "text/plain\r\n\r\nx\r\n-------abcd1234!\r\n\r\n-------abcd1234$\r\n")
            << QByteArray("x\r\n-------abcd1234!\r\n") << true << '$';
        QTest::newRow("binary") << QByteArray(h + "Content-Type: application/octet-stream\r\n\r\n" +
                                              QByteArray("\0\r\n\xff-", 5) +
                                              "\r\n-------abcd1234$\r\n")
                                << QByteArray("\0\r\n\xff-", 5) << true << '$';
    }
    void bodies()
    {
        QFETCH(QByteArray, wire);
        auto f = parseOne(wire);
        QVERIFY2(f.has_value(), f ? "" : qPrintable(f.error().detail));
        QTEST(f->body, "body");
        QTEST(f->hasBody, "hasBody");
        QTEST(char(f->continuation), "flag");
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("code");
        const int malformed = int(ErrorCode::Malformed);
        const int limit = int(ErrorCode::LimitExceeded);
        QTest::newRow("not msrp") << QByteArray("HTTP/1.1 200 OK\r\n\r\n") << malformed;
        QTest::newRow("lower-case msrp") << QByteArray("msrp tx12345 SEND\r\n") << malformed;
        QTest::newRow("short tid") << QByteArray("MSRP abc SEND\r\n") << malformed;
        QTest::newRow("bad tid char") << QByteArray("MSRP ab_cd SEND\r\n") << malformed;
        QTest::newRow("lower-case method") << QByteArray("MSRP tx12345 send\r\n") << malformed;
        QTest::newRow("no method") << QByteArray("MSRP tx12345\r\n") << malformed;
        QTest::newRow("bare LF") << QByteArray("MSRP tx12345 SEND\n") << malformed;
        QTest::newRow("header without colon")
            << QByteArray("MSRP tx12345 SEND\r\nTo-Path\r\n") << malformed;
        QTest::newRow("bad header name")
            << QByteArray("MSRP tx12345 SEND\r\nTo Path: x\r\n") << malformed;
        QTest::newRow("control char")
            << QByteArray("MSRP tx12345 SEND\r\nX-A: a\x01\r\n") << malformed;
        QTest::newRow("bad uri") << QByteArray("MSRP tx12345 SEND\r\nTo-Path: http://x\r\n")
                                 << malformed;
        QTest::newRow("duplicate To-Path")
            << QByteArray("MSRP tx12345 SEND\r\n" + kTo + kTo) << malformed;
        QTest::newRow("duplicate Message-ID")
            << QByteArray("MSRP tx12345 SEND\r\nMessage-ID: abcd\r\nMessage-ID: abce\r\n")
            << malformed;
        QTest::newRow("bad byte-range") << send("Byte-Range: 1-2\r\n") << malformed;
        QTest::newRow("negative byte-range") << send("Byte-Range: -1-2/3\r\n") << malformed;
        QTest::newRow("overflow byte-range")
            << send("Byte-Range: 1-99999999999999999999999/3\r\n") << malformed;
        QTest::newRow("bad success-report") << send("Success-Report: partial\r\n") << malformed;
        QTest::newRow("bad failure-report") << send("Failure-Report: maybe\r\n") << malformed;
        QTest::newRow("bad status") << send("Status: 0 200 OK\r\n") << malformed;
        QTest::newRow("bad expires") << send("Expires: soon\r\n") << malformed;
        QTest::newRow("bad content-type")
            << send("Content-Type: text\r\n", QByteArray()) << malformed;
        QTest::newRow("end-line for other tid")
            << QByteArray("MSRP tx12345 SEND\r\n" + kTo + kFrom + "-------tx99999$\r\n")
            << malformed;
        QTest::newRow("end-line bad flag")
            << QByteArray("MSRP tx12345 SEND\r\n" + kTo + kFrom + "-------tx12345!\r\n")
            << malformed;
        QTest::newRow("long line")
            << QByteArray("MSRP tx12345 SEND\r\nX-A: " + QByteArray(9000, 'a') + "\r\n") << limit;
        QTest::newRow("long partial line")
            << QByteArray("MSRP tx12345 SEND\r\nX-A: " + QByteArray(9000, 'a')) << limit;
        QByteArray many = "MSRP tx12345 SEND\r\n";
        for (int i = 0; i < 65; ++i)
            many += "X-H: " + QByteArray::number(i) + "\r\n";
        QTest::newRow("too many headers") << many << limit;
        QByteArray big = "MSRP tx12345 SEND\r\n";
        for (int i = 0; i < 40; ++i)
            big += "X-H: " + QByteArray(500, 'v') + "\r\n";
        QTest::newRow("header block too big") << big << limit;
        QByteArray longPath = "MSRP tx12345 SEND\r\nTo-Path:";
        for (int i = 0; i < 17; ++i)
            longPath += " msrp://h:1/s;tcp";
        QTest::newRow("too many URIs") << QByteArray(longPath + "\r\n") << limit;
    }
    void errors()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, code);
        FrameCollector c;
        Parser p(c);
        auto r = p.feed(wire);
        QVERIFY(!r.has_value());
        QCOMPARE(int(r.error().code), code);
        QVERIFY(!r.error().detail.isEmpty());
        QVERIFY(p.failed());
        // The parser stays failed: a good frame afterwards is not accepted.
        QVERIFY(!p.feed(send({})).has_value());
        QVERIFY(c.frames().isEmpty());
        p.reset();
        QVERIFY(p.feed(send({})).has_value());
        QCOMPARE(c.frames().size(), 1);
    }

    void pipelined()
    {
        const QByteArray wire = send({}, "one", "tid00001") + "\r\n" + "MSRP tid00002 200 OK\r\n" +
                                kTo + kFrom + "-------tid00002$\r\n" +
                                send({}, "three", "tid00003");
        auto frames = parseFrames(wire);
        QVERIFY(frames.has_value());
        QCOMPARE(frames->size(), 3);
        QCOMPARE(frames->at(0).body, QByteArray("one"));
        QVERIFY(frames->at(1).isResponse());
        QCOMPARE(frames->at(2).body, QByteArray("three"));
    }

    void bodyIsStreamedNotBuffered()
    {
        // The parser holds back at most an end-line's worth of body, whatever the body size.
        struct Counter : ParserHandler
        {
            qsizetype bytes = 0;
            int pieces = 0;
            int ends = 0;
            void onFrameStart(Frame &&) override {}
            void onBodyData(QByteArrayView p) override
            {
                bytes += p.size();
                ++pieces;
            }
            void onFrameEnd(Continuation) override { ++ends; }
        } counter;
        Parser p(counter);
        const QByteArray head = "MSRP tx12345 SEND\r\n" + kTo + kFrom +
                                "Message-ID: m12345\r\nByte-Range: 1-*/*\r\nContent-Type: "
                                "application/octet-stream\r\n\r\n";
        QVERIFY(p.feed(head).has_value());
        const QByteArray block(64 * 1024, 'z');
        for (int i = 0; i < 16; ++i) {
            QVERIFY(p.feed(block).has_value());
            QVERIFY(p.bufferedBytes() <= 32);
            QCOMPARE(counter.bytes, qsizetype(i + 1) * block.size());
        }
        QVERIFY(p.feed("\r\n-------tx12345$\r\n").has_value());
        QCOMPARE(counter.ends, 1);
        QCOMPARE(counter.bytes, 16 * block.size());
        QCOMPARE(p.bufferedBytes(), 0);
    }

    void checkHead_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<bool>("ok");
        QTest::newRow("good") << send("Byte-Range: 1-2/2\r\n") << true;
        QTest::newRow("no To-Path") << QByteArray("MSRP tx12345 SEND\r\n" + kFrom +
                                                  "Message-ID: abcd\r\n-------tx12345$\r\n")
                                    << false;
        QTest::newRow("no From-Path")
            << QByteArray("MSRP tx12345 SEND\r\n" + kTo + "Message-ID: abcd\r\n-------tx12345$\r\n")
            << false;
        QTest::newRow("SEND no Message-ID")
            << QByteArray("MSRP tx12345 SEND\r\n" + kTo + kFrom + "-------tx12345$\r\n") << false;
        QTest::newRow("body no content-type")
            << QByteArray("MSRP tx12345 SEND\r\n" + kTo + kFrom +
                          "Message-ID: abcd\r\n\r\nx\r\n-------tx12345$\r\n")
            << false;
        QTest::newRow("REPORT no Status") << QByteArray("MSRP tx12345 REPORT\r\n" + kTo + kFrom +
                                                        "Message-ID: abcd\r\n-------tx12345$\r\n")
                                          << false;
        QTest::newRow("REPORT good")
            << QByteArray("MSRP tx12345 REPORT\r\n" + kTo + kFrom +
                          "Message-ID: abcd\r\nByte-Range: 1-2/2\r\nStatus: 000 200 OK\r\n"
                          "-------tx12345$\r\n")
            << true;
        QTest::newRow("range start 0") << send("Byte-Range: 0-2/2\r\n") << false;
        QTest::newRow("range end before start") << send("Byte-Range: 5-2/9\r\n") << false;
        QTest::newRow("range end past total") << send("Byte-Range: 1-10/9\r\n") << false;
        QTest::newRow("range start past total") << send("Byte-Range: 11-*/9\r\n") << false;
        QTest::newRow("empty range ok") << send("Byte-Range: 1-0/0\r\n", "") << true;
        QTest::newRow("other method, no Message-ID")
            << QByteArray("MSRP tx12345 AUTH\r\n" + kTo + kFrom + "-------tx12345$\r\n") << true;
    }
    void checkHead()
    {
        QFETCH(QByteArray, wire);
        auto f = parseOne(wire);
        QVERIFY2(f.has_value(), f ? "" : qPrintable(f.error().detail));
        QTEST(herald::msrp::checkHead(*f).has_value(), "ok");
    }

    void bodyLength()
    {
        auto f = parseOne(send("Byte-Range: 1-2/2\r\n", "hi"));
        QVERIFY(f.has_value());
        QVERIFY(checkBodyLength(*f, 2).has_value());
        QVERIFY(!checkBodyLength(*f, 3).has_value());
        f->byteRange->end.reset();
        QVERIFY(checkBodyLength(*f, 3).has_value());
    }
};

QTEST_APPLESS_MAIN(TestMsrpParser)
#include "tst_msrpparser.moc"
