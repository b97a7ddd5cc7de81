// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// libFuzzer target for RFC 7852 additional-data blocks. Invariants: the parser returns and
// keeps the raw bytes; unreadable says why; readable has a DataProviderReference, and parsing
// it again with the kind it reported as the expected kind gives the same block.
#include "engine/ng911/additionaldata.h"

#include <cstdint>
#include <cstdlib>

using namespace herald::ng911;

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
    const auto block = parseAdditionalData(bytes);
    require(block.raw() == bytes);
    if (!block) {
        require(!block.problem().detail.isEmpty());
        return 0;
    }
    require(!block->dataProviderReference.isEmpty());
    const auto again = parseAdditionalData(bytes, block->kind);
    require(again.isReadable() && *again == *block);
    return 0;
}
