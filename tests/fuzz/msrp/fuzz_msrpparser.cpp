// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// libFuzzer target for the MSRP parser. Each input is parsed whole and again split at a point
// taken from its first octet: both must agree. Every frame that parsed is written back and
// re-parsed, which must give the same frame.
#include "engine/msrp/codec/msrpframecollector.h"
#include "engine/msrp/codec/msrpserializer.h"

#include <cstdint>
#include <cstdlib>

using namespace herald::msrp;

namespace {

struct Outcome
{
    QList<Frame> frames;
    bool ok = true;
};

Outcome run(QByteArrayView data, qsizetype split)
{
    ParserLimits limits;
    limits.maxHeaderBlock = 4096; // small limits reach the limit paths quickly
    limits.maxLine = 1024;
    limits.maxHeaders = 16;
    FrameCollector collector(1 << 16);
    Parser parser(collector, limits);
    Outcome out;
    out.ok =
        parser.feed(data.first(split)).has_value() && parser.feed(data.sliced(split)).has_value();
    out.frames = collector.takeFrames();
    if (parser.bufferedBytes() > limits.maxLine + 64)
        std::abort(); // retained more than a line: memory is not bounded
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const Outcome whole = run(input, input.size());
    const qsizetype split = size ? qsizetype(data[0]) * qsizetype(size) / 256 : 0;
    const Outcome pieces = run(input, split);
    if (whole.ok != pieces.ok || whole.frames != pieces.frames)
        std::abort();
    for (const Frame &f : whole.frames) {
        auto again = parseFrames(Serializer::serialize(f));
        if (!again || again->size() != 1 || again->front() != f)
            std::abort();
        (void)checkHead(f);
    }
    return 0;
}
