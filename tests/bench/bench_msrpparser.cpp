// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// MSRP parser throughput against memchr over the same bytes, for frames with 64 KiB and with
// 2 KiB bodies. The bodies are random octets with one value (0xff) left out, and memchr looks
// for that value: it must read every byte, which makes it the fastest any scanner of these
// bytes can be. The parser finds every end-line, parses every header block and hands every
// body piece to its handler.
#include "engine/msrp/codec/msrpparser.h"
#include "engine/msrp/codec/msrpserializer.h"

#include <QRandomGenerator>

#include <chrono>
#include <cstdio>
#include <cstring>

using namespace herald::msrp;

namespace {

struct CountingHandler final : ParserHandler
{
    quint64 frames = 0;
    quint64 bytes = 0;
    void onFrameStart(Frame &&) override { ++frames; }
    void onBodyData(QByteArrayView piece) override { bytes += quint64(piece.size()); }
    void onFrameEnd(Continuation) override {}
};

QByteArray makeStream(qsizetype bodySize, qsizetype totalBytes)
{
    QRandomGenerator rng(5);
    Uri to;
    to.host = "127.0.0.1";
    to.port = 2855;
    to.sessionId = "yKfDOcSoWFxwJ6e9BRZ1";
    to.transport = "tcp";
    Uri from = to;
    from.port = 40000;
    from.sessionId = "oGjPYr7h1VZ9KpwnQX3e";
    QByteArray stream;
    stream.reserve(totalBytes + bodySize + 512);
    quint64 offset = 1;
    const quint64 total = quint64(totalBytes / bodySize) * quint64(bodySize);
    for (int i = 0; stream.size() < totalBytes; ++i) {
        QByteArray body(bodySize, Qt::Uninitialized);
        rng.fillRange(reinterpret_cast<quint32 *>(body.data()), bodySize / 4);
        for (char &c : body) {
            if (c == char(0xff))
                c = char(0xfe);
        }
        Frame f;
        f.transactionId = "t" + QByteArray::number(100000 + i);
        f.method = "SEND";
        f.toPath = {to};
        f.fromPath = {from};
        f.messageId = "Mq2xv8LrT0aZ6bNc";
        f.byteRange = ByteRange{offset, offset + quint64(bodySize) - 1, total};
        f.setBody("application/octet-stream", body);
        f.continuation = Continuation::More;
        offset += quint64(bodySize);
        stream.append(Serializer::serialize(f));
    }
    return stream;
}

template<typename F>
double bestSeconds(int rounds, F &&f)
{
    double best = 1e9;
    for (int i = 0; i < rounds; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        const std::chrono::duration<double> d = std::chrono::steady_clock::now() - t0;
        best = std::min(best, d.count());
    }
    return best;
}

void measure(const char *name, qsizetype bodySize)
{
    const QByteArray stream = makeStream(bodySize, 64 * 1024 * 1024);
    const double mb = double(stream.size()) / 1e6;

    volatile const void *sink = nullptr;
    const double memchrSeconds = bestSeconds(
        7, [&] { sink = std::memchr(stream.constData(), 0xff, std::size_t(stream.size())); });
    if (sink)
        std::printf("# unexpected 0xff in the stream\n");

    quint64 frames = 0;
    const double parseSeconds = bestSeconds(7, [&] {
        CountingHandler h;
        Parser p(h);
        // Fed as a socket would deliver it: 256 KiB reads.
        for (qsizetype pos = 0; pos < stream.size(); pos += 256 * 1024) {
            if (!p.feed(QByteArrayView(stream).sliced(
                    pos, std::min<qsizetype>(256 * 1024, stream.size() - pos))))
                std::abort();
        }
        frames = h.frames;
    });

    const double parserMBs = mb / parseSeconds;
    const double memchrMBs = mb / memchrSeconds;
    std::printf("# %s: %llu frames, %.1f MB\n", name, static_cast<unsigned long long>(frames), mb);
    std::printf("figure msrp.parse.%s %.1f MB/s\n", name, parserMBs);
    std::printf("figure msrp.parse.%s.memchr %.1f MB/s\n", name, memchrMBs);
    std::printf("figure msrp.parse.%s.ratio %.2f x-memchr\n", name, parserMBs / memchrMBs);
}

} // namespace

int main()
{
    measure("64k", 64 * 1024);
    measure("2k", 2 * 1024);
    return 0;
}
