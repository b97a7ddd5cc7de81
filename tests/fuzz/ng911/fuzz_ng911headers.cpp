// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// libFuzzer target for the emergency-call header parsers: Geolocation (RFC 6442), Call-Info
// (RFC 7852), P-Asserted-Identity/From (callback number), service URNs and Content-Type. Each
// input line is one header value. Invariants: every parser returns; unreadable keeps the raw
// text and says why; limits hold on what is readable.
#include "engine/ng911/callbacknumber.h"
#include "engine/ng911/callinfo.h"
#include "engine/ng911/emergencyservice.h"
#include "engine/ng911/geolocationheader.h"
#include "engine/ng911/multipartbody.h"
#include "engine/ng911/nameaddr.h"

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
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QList<QByteArray> values = input.split('\n');
    if (values.size() > 16)
        values.resize(16);
    const auto geo = parseGeolocationHeaders(values);
    require(geo.raw() == values.join(", "));
    if (geo)
        require(geo->size() <= 8);
    else
        require(!geo.problem().detail.isEmpty());
    const auto info = parseCallInfoHeaders(values);
    if (info)
        require(info->size() <= 16);
    else
        require(!info.problem().detail.isEmpty());
    const CallbackNumber cb = callbackNumber(values, values.value(0));
    require(cb.number.size() <= 64 * 1024);
    for (const QByteArray &v : std::as_const(values)) {
        const EmergencyService s = classifyCall(v, v);
        require(s.kind == EmergencyService::Kind::None || s.urn.startsWith("urn:service:"));
        if (auto list = parseNameAddrList(v))
            for (const NameAddr &a : *list)
                require(!a.uri.isEmpty() && a.parameters.size() <= 16);
        if (auto t = parseContentType(v))
            require(t->mediaType.contains('/'));
    }
    return 0;
}
