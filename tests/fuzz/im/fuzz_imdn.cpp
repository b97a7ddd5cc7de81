// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// libFuzzer target for IMDN (RFC 5438). Invariants: the parser returns and keeps the raw
// bytes; unreadable says why; a readable notification serializes and parses back equal.
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
    const auto n = parseImdn(bytes);
    require(n.raw() == bytes);
    if (!n) {
        require(!n.problem().detail.isEmpty());
        return 0;
    }
    const auto again = parseImdn(serializeImdn(*n));
    require(again.isReadable() && *again == *n);
    return 0;
}
