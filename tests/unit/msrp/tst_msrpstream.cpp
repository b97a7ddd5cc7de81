// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The parser as a stream: any split of the input gives the same frames, bodies of any size
// pass through in constant memory, and random bytes give errors, never unbounded memory.
#include "engine/msrp/codec/msrpframecollector.h"
#include "engine/msrp/codec/msrpparser.h"
#include "engine/msrp/codec/msrpserializer.h"
#include "tests/support/testsupport.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace herald;
using namespace herald::msrp;

namespace {

QByteArray randomBytes(QRandomGenerator &rng, qsizetype n)
{
    QByteArray out(n, Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i)
        out[i] = char(rng.bounded(256));
    return out;
}

Uri uri(const char *host, quint16 port, const char *session)
{
    Uri u;
    u.host = host;
    u.port = port;
    u.sessionId = session;
    u.transport = "tcp";
    return u;
}

QByteArray tid(QRandomGenerator &rng)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray t;
    const int len = 4 + int(rng.bounded(20));
    for (int i = 0; i < len; ++i)
        t.append(alphabet[rng.bounded(36)]);
    return t;
}

// A varied, valid frame: SEND chunks with binary bodies that contain CRLFs, dashes and
// end-lines of other transactions, responses, REPORTs, bodiless SENDs.
Frame randomFrame(QRandomGenerator &rng, const QList<QByteArray> &previousTids)
{
    Frame f;
    f.transactionId = tid(rng);
    f.toPath = {uri("bob.example", 7777, "bobsess")};
    f.fromPath = {uri("alice.example", 8888, "alicesess")};
    switch (rng.bounded(4)) {
    case 0: {
        f.kind = FrameKind::Response;
        f.statusCode = rng.bounded(2) ? 200 : 413;
        f.comment = statusComment(f.statusCode);
        break;
    }
    case 1: {
        f.method = "REPORT";
        f.messageId = "msg" + QByteArray::number(rng.bounded(1000000));
        f.byteRange = ByteRange{1, quint64(100), quint64(100)};
        f.status = StatusHeader{0, 200, "OK"};
        break;
    }
    default: {
        f.method = "SEND";
        f.messageId = "msg" + QByteArray::number(rng.bounded(1000000));
        f.successReport = ReportMode::Yes;
        f.failureReport = ReportMode::Partial;
        f.extensionHeaders = {Header{"X-Test", QByteArray::number(rng.bounded(10))}};
        if (rng.bounded(5) != 0) {
            QByteArray body = randomBytes(rng, rng.bounded(3000));
            // Plant look-alikes of end-lines inside the body.
            if (!previousTids.isEmpty())
                body.append("\r\n-------" + previousTids.at(rng.bounded(previousTids.size())) +
                            "$\r\n");
            body.append("\r\n-------" + f.transactionId + "X$\r\n-------");
            body.append(randomBytes(rng, rng.bounded(50)));
            f.setBody("application/octet-stream", body);
            f.byteRange = ByteRange{1, quint64(body.size()), quint64(body.size())};
        }
        f.continuation = rng.bounded(3) == 0 ? Continuation::More : Continuation::Complete;
        break;
    }
    }
    return f;
}

class HashingHandler final : public ParserHandler
{
public:
    void onFrameStart(Frame &&) override { ++starts; }
    void onBodyData(QByteArrayView piece) override
    {
        hash.addData(piece);
        bytes += piece.size();
    }
    void onFrameEnd(Continuation) override { ++ends; }
    QCryptographicHash hash{QCryptographicHash::Sha256};
    qint64 bytes = 0;
    int starts = 0;
    int ends = 0;
};

} // namespace

class TestMsrpStream : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void randomSplits()
    {
        QRandomGenerator rng(20261125);
        QList<Frame> frames;
        QList<QByteArray> tids;
        QByteArray wire;
        for (int i = 0; i < 400; ++i) {
            frames.append(randomFrame(rng, tids));
            tids.append(frames.last().transactionId);
            wire.append(Serializer::serialize(frames.last()));
        }

        auto whole = parseFrames(wire);
        QVERIFY2(whole.has_value(), whole ? "" : qPrintable(whole.error().detail));
        QCOMPARE(whole->size(), frames.size());
        for (qsizetype i = 0; i < frames.size(); ++i)
            QCOMPARE(whole->at(i), frames.at(i));

        for (int round = 0; round < 20; ++round) {
            FrameCollector collector(1 << 20);
            Parser parser(collector);
            qsizetype pos = 0;
            while (pos < wire.size()) {
                // Mostly small pieces, sometimes large ones: both parser paths are taken.
                const qsizetype n = std::min<qsizetype>(wire.size() - pos,
                                                        rng.bounded(4) == 0 ? rng.bounded(20000) + 1
                                                                            : rng.bounded(40) + 1);
                QVERIFY(parser.feed(QByteArrayView(wire).sliced(pos, n)).has_value());
                pos += n;
            }
            QCOMPARE(collector.frames(), *whole);
        }
    }

    void everySplitPoint()
    {
        // Two pieces, split at every offset: catches state changes at piece boundaries (a blank
        // line at the very start of a piece, an end-line cut after its flag, ...).
        QRandomGenerator rng(3);
        QList<QByteArray> tids;
        QByteArray wire;
        for (int i = 0; i < 6; ++i) {
            Frame f = randomFrame(rng, tids);
            tids.append(f.transactionId);
            if (f.hasBody)
                f.body.truncate(120);
            if (f.byteRange && f.hasBody)
                f.byteRange = ByteRange{1, quint64(f.body.size()), quint64(f.body.size())};
            wire.append(Serializer::serialize(f));
        }
        auto whole = parseFrames(wire);
        QVERIFY(whole.has_value());
        for (qsizetype split = 0; split <= wire.size(); ++split) {
            FrameCollector collector;
            Parser parser(collector);
            QVERIFY(parser.feed(QByteArrayView(wire).first(split)).has_value());
            QVERIFY(parser.feed(QByteArrayView(wire).sliced(split)).has_value());
            QVERIFY2(collector.frames() == *whole,
                     qPrintable(QStringLiteral("split at %1").arg(split)));
        }
    }

    void oneByteAtATime()
    {
        QRandomGenerator rng(7);
        QList<Frame> frames;
        QList<QByteArray> tids;
        QByteArray wire;
        for (int i = 0; i < 40; ++i) {
            frames.append(randomFrame(rng, tids));
            tids.append(frames.last().transactionId);
            wire.append(Serializer::serialize(frames.last()));
        }
        FrameCollector collector;
        Parser parser(collector);
        for (char c : wire)
            QVERIFY(parser.feed(QByteArrayView(&c, 1)).has_value());
        QCOMPARE(collector.frames(), frames);
        QCOMPARE(parser.bufferedBytes(), 0);
    }

    void hundredMegabyteBodyInConstantMemory()
    {
        constexpr qint64 kTotal = 100 * 1024 * 1024;
        constexpr qsizetype kBlock = 64 * 1024;
        Frame head;
        head.transactionId = "bigone99";
        head.toPath = {uri("bob.example", 7777, "bobsess")};
        head.fromPath = {uri("alice.example", 8888, "alicesess")};
        head.method = "SEND";
        head.messageId = "bigmessage";
        head.byteRange = ByteRange{1, quint64(kTotal), quint64(kTotal)};
        head.setBody("application/octet-stream", {});

        HashingHandler handler;
        Parser parser(handler);
        QVERIFY(parser.feed(Serializer::head(head)).has_value());

        QRandomGenerator rng(42);
        QCryptographicHash sent(QCryptographicHash::Sha256);
        QByteArray block(kBlock, Qt::Uninitialized);
        const qint64 rssBefore = test::currentRssBytes();
        qint64 peak = rssBefore;
        for (qint64 done = 0; done < kTotal; done += kBlock) {
            rng.fillRange(reinterpret_cast<quint32 *>(block.data()), kBlock / 4);
            sent.addData(block);
            QVERIFY(parser.feed(block).has_value());
            QVERIFY(parser.bufferedBytes() < 64);
            if ((done & 0xfffff) == 0)
                peak = std::max(peak, test::currentRssBytes());
        }
        QByteArray tail;
        Serializer::appendTail(tail, head.transactionId, Continuation::Complete, true);
        QVERIFY(parser.feed(tail).has_value());

        QCOMPARE(handler.ends, 1);
        QCOMPARE(handler.bytes, kTotal);
        QCOMPARE(handler.hash.result(), sent.result());
        // Nothing proportional to the body was kept: a few MiB of slack for the allocator.
        QVERIFY2(peak - rssBefore < 8 * 1024 * 1024,
                 qPrintable(QStringLiteral("RSS grew by %1 bytes").arg(peak - rssBefore)));
    }

    void randomBytesGiveErrorsInBoundedMemory()
    {
        QRandomGenerator rng(1234);
        const qint64 rssBefore = test::currentRssBytes();
        int errors = 0;
        qint64 fed = 0;
        while (fed < 10 * 1024 * 1024) {
            FrameCollector collector;
            Parser parser(collector);
            // Half of the rounds start with a plausible start line, so the header code runs too.
            QByteArray prefix =
                rng.bounded(2) ? QByteArray("MSRP abcd1234 SEND\r\n") : QByteArray();
            QVERIFY(parser.feed(prefix).has_value());
            while (!parser.failed() && fed < 10 * 1024 * 1024) {
                const QByteArray chunk = randomBytes(rng, rng.bounded(4096) + 1);
                fed += chunk.size();
                if (!parser.feed(chunk))
                    ++errors;
                QVERIFY(parser.bufferedBytes() <= ParserLimits{}.maxLine + 2);
            }
        }
        QVERIFY(errors > 100);
        QVERIFY2(test::currentRssBytes() - rssBefore < 8 * 1024 * 1024,
                 "memory grew while parsing garbage");
    }

    void randomBodyBytesStreamThrough()
    {
        // Garbage inside a body is content: it streams through, bounded.
        QRandomGenerator rng(99);
        HashingHandler handler;
        Parser parser(handler);
        QVERIFY(parser
                    .feed("MSRP abcd1234 SEND\r\nTo-Path: msrp://h:1/s;tcp\r\nFrom-Path: "
                          "msrp://h:2/t;tcp\r\n"
                          "Message-ID: m1234\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .has_value());
        QCryptographicHash sent(QCryptographicHash::Sha256);
        for (int i = 0; i < 2560; ++i) {
            const QByteArray chunk = randomBytes(rng, 4096);
            sent.addData(chunk);
            QVERIFY(parser.feed(chunk).has_value());
            QVERIFY(parser.bufferedBytes() < 64);
        }
        QVERIFY(parser.feed("\r\n-------abcd1234$\r\n").has_value());
        QCOMPARE(handler.ends, 1);
        QCOMPARE(handler.hash.result(), sent.result());
    }
};

QTEST_APPLESS_MAIN(TestMsrpStream)
#include "tst_msrpstream.moc"
