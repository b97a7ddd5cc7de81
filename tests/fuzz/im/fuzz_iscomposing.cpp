// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// libFuzzer target for isComposing (RFC 3994). Invariants: the parser returns and keeps the
// raw bytes; unreadable says why; a readable status serializes and parses back equal.
#include "engine/im/iscomposing.h"

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
    const auto status = parseIsComposing(bytes);
    require(status.raw() == bytes);
    if (!status) {
        require(!status.problem().detail.isEmpty());
        return 0;
    }
    const auto again = parseIsComposing(serializeIsComposing(*status));
    require(again.isReadable() && *again == *status);
    return 0;
}
