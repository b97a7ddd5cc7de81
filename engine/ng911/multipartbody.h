// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/decoded.h"
#include "engine/core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

namespace herald::ng911 {

// A Content-Type value split (RFC 2045 §5.1): "type/subtype" lower-cased, parameters with
// lower-cased names and unquoted values.
struct ContentType
{
    QByteArray mediaType;
    QList<std::pair<QByteArray, QByteArray>> parameters;

    QByteArray parameter(QByteArrayView name) const;
};
Result<ContentType> parseContentType(QByteArrayView value);

struct BodyPart
{
    QList<std::pair<QByteArray, QByteArray>> headers; // names as received, values trimmed
    ContentType contentType; // text/plain when the part has none (RFC 2046 §5.1)
    QByteArray contentId;    // without the angle brackets; empty when absent
    QByteArray body;

    QByteArray header(QByteArrayView name) const;

    friend bool operator==(const BodyPart &a, const BodyPart &b)
    {
        return a.headers == b.headers && a.body == b.body;
    }
};

struct MultipartBody
{
    QList<BodyPart> parts;

    // The first part of that media type; null when none.
    const BodyPart *firstOfType(QByteArrayView mediaType) const;
    // The part with that Content-ID (compared as RFC 2392 says: exactly); null when none.
    const BodyPart *byContentId(QByteArrayView contentId) const;

    friend bool operator==(const MultipartBody &, const MultipartBody &) = default;
};

struct MultipartLimits
{
    qsizetype maxBytes = 256 * 1024;
    qsizetype maxParts = 8;
    qsizetype maxHeadersPerPart = 16;
};

// Parses a multipart/mixed body (RFC 2046 §5.1; RFC 5621 for SIP) given its Content-Type.
// Strict: the boundary parameter is required (1-70 characters), lines end in CRLF, the close
// delimiter must be present, each part's Content-Transfer-Encoding, if any, is 7bit, 8bit or
// binary (RFC 5621 §3.1: SIP is 8-bit clean), and nested multiparts are kept as one part.
Decoded<MultipartBody> parseMultipart(QByteArrayView contentType, QByteArrayView body,
                                      const MultipartLimits &limits = {});

// Builds a multipart/mixed body (for tests and for Herald's own requests); the boundary must
// not occur in any part.
QByteArray serializeMultipart(const MultipartBody &body, QByteArrayView boundary);

} // namespace herald::ng911
