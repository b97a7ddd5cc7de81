// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/invitebody.h"

#include "engine/core/randomsource.h"

namespace herald::service {

InviteBody composeInviteBody(const QByteArray &sdp, const QList<ng911::BodyPart> &parts,
                             RandomSource &random)
{
    if (parts.isEmpty())
        return {QByteArrayLiteral("application/sdp"), sdp};

    ng911::MultipartBody multipart;
    ng911::BodyPart offer;
    offer.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/sdp")}};
    offer.body = sdp;
    multipart.parts.append(offer);
    multipart.parts.append(parts);

    // RFC 2046 §5.1.1: the boundary must not occur in any encapsulated part; 64 random bits
    // practically never do, and the check makes it certain.
    QByteArray boundary;
    for (;;) {
        boundary = QByteArrayLiteral("herald-") + QByteArray::number(random.next64(), 16);
        bool clash = false;
        for (const ng911::BodyPart &part : std::as_const(multipart.parts))
            clash = clash || part.body.contains(boundary);
        if (!clash)
            break;
    }
    return {QByteArrayLiteral("multipart/mixed;boundary=") + boundary,
            ng911::serializeMultipart(multipart, boundary)};
}

} // namespace herald::service
