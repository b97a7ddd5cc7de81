// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// libFuzzer target for multipart/mixed bodies and the whole INVITE extraction. The input is
// the body; the first line, when it starts with "Content-Type: ", gives the Content-Type
// (otherwise a fixed boundary is used). Invariants: the parser returns and keeps the raw
// bytes; a readable body serializes and parses back to the same parts (with a boundary that
// does not occur in them); the extraction returns and every referenced entry has a state.
#include "engine/ng911/emergencycalldata.h"
#include "engine/ng911/multipartbody.h"

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
    QByteArrayView input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QByteArray contentType = "multipart/mixed; boundary=boundary1";
    if (input.startsWith("Content-Type: ")) {
        const qsizetype eol = input.indexOf("\r\n");
        if (eol > 0) {
            contentType = input.sliced(14, eol - 14).toByteArray();
            input = input.sliced(eol + 2);
        }
    }
    const auto body = parseMultipart(contentType, input);
    require(body.raw() == input);
    if (body) {
        require(!body->parts.isEmpty());
        QByteArray boundary = "fuzz-boundary-0";
        for (int i = 1; i < 100; ++i) {
            bool clash = false;
            for (const BodyPart &p : body->parts)
                clash = clash || p.body.contains(boundary) ||
                        p.header("Content-Type").contains(boundary);
            if (!clash)
                break;
            boundary = "fuzz-boundary-" + QByteArray::number(i);
        }
        const auto again = parseMultipart(QByteArray("multipart/mixed; boundary=" + boundary),
                                          serializeMultipart(*body, boundary));
        require(again.isReadable());
        require(again->parts.size() == body->parts.size());
        for (qsizetype i = 0; i < body->parts.size(); ++i) {
            require(again->parts[i].body == body->parts[i].body);
            require(again->parts[i].contentId == body->parts[i].contentId);
        }
    } else {
        require(!body.problem().detail.isEmpty());
    }

    InviteData invite;
    invite.requestUri = "urn:service:sos";
    invite.contentType = contentType;
    invite.body = input.toByteArray();
    invite.geolocation = {"<cid:target123@atlanta.example.com>", "<https://lis.example.com/1>"};
    invite.callInfo = {"<cid:1234567890@atlanta.example.com>;purpose=EmergencyCallData.DeviceInfo"};
    const ExtractedInvite out = extractEmergencyCallData(invite);
    require(out.data.locations.size() == 2);
    require(out.data.locations[0].state != DataState::Pending);
    require(out.data.locations[1].state == DataState::Pending);
    require(out.data.additionalData.size() == 1 &&
            out.data.additionalData[0].state != DataState::Pending);
    return 0;
}
