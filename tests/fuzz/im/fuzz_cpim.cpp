// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// libFuzzer target for Message/CPIM unwrap and wrap. Invariants: the parser returns and keeps
// the raw bytes; unreadable says why; a readable message wraps again, and unwrapping that
// gives the same message (parse(serialize(parse(x))) == parse(x)), whose wrapping is stable.
#include "engine/im/cpimmessage.h"
#include "engine/im/imdn.h"

#include <cstdint>
#include <cstdlib>

using namespace herald::im;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto first = parseCpim(bytes);
    require(first.raw() == bytes);
    if (!first) {
        require(!first.problem().detail.isEmpty());
        return 0;
    }
    const auto written = serializeCpim(*first);
    require(written.has_value());
    const auto second = parseCpim(*written);
    require(second.isReadable() && *second == *first);
    require(serializeCpim(*second).value() == *written);
    (void)dispositionRequest(*first);
    (void)imdnMessageId(*first);
    return 0;
}
