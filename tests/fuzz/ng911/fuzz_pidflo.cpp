// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// libFuzzer target for the PIDF-LO parser (with civic address and shapes). Whatever the
// input: the parser returns; the raw bytes are kept; an unreadable document says why; a
// readable one has at least one location, each with a shape or a civic address, coordinates
// in range and polygons closed.
#include "engine/ng911/pidflo.h"

#include <cmath>
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
    const auto doc = parsePidfLo(bytes);
    require(doc.raw() == bytes);
    if (!doc) {
        require(!doc.problem().detail.isEmpty());
        return 0;
    }
    require(!doc->locations.isEmpty() && !doc->entity.isEmpty());
    for (const LocationInfo &info : doc->locations) {
        require(info.shape || info.civic);
        if (info.shape) {
            require(!info.shape->positions.isEmpty());
            for (const GeoPosition &p : info.shape->positions)
                require(std::abs(p.latitude) <= 90 && std::abs(p.longitude) <= 180);
            if (info.shape->type == ShapeType::Polygon)
                require(info.shape->positions.size() >= 4 &&
                        info.shape->positions.first() == info.shape->positions.last());
        }
        require(info.confidenceOrDefault() >= 0 && info.confidenceOrDefault() <= 100);
    }
    return 0;
}
