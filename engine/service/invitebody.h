// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/ng911/multipartbody.h"

#include <QByteArray>
#include <QList>

namespace herald {
class RandomSource;
}

namespace herald::service {

// The body of an outbound INVITE and its Content-Type.
struct InviteBody
{
    QByteArray contentType;
    QByteArray body;
};

// The SDP offer alone (application/sdp) when there are no other parts; otherwise a
// multipart/mixed body (RFC 5621) with the offer first and then `parts` (each carrying its own
// Content-Type and Content-ID headers), as an emergency INVITE carries its PIDF-LO (RFC 6442
// §4.1) and additional data by value (RFC 7852 §4.1). The boundary is random and checked to
// occur in no part.
InviteBody composeInviteBody(const QByteArray &sdp, const QList<ng911::BodyPart> &parts,
                             RandomSource &random);

} // namespace herald::service
