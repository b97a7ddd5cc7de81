// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/ng911/geolocationheader.h"

#include "engine/ng911/nameaddr.h"

namespace herald::ng911 {

namespace {

constexpr qsizetype maxReferences = 8;

LocationReference::Kind kindOf(const QByteArray &uri)
{
    const QByteArray scheme = uri.left(uri.indexOf(':')).toLower();
    if (scheme == "cid")
        return LocationReference::Kind::ContentId;
    if (scheme == "http")
        return LocationReference::Kind::Http;
    if (scheme == "https")
        return LocationReference::Kind::Https;
    if (scheme == "sip" || scheme == "sips" || scheme == "pres")
        return LocationReference::Kind::Sip;
    return LocationReference::Kind::Other;
}

} // namespace

QByteArray LocationReference::contentId() const
{
    if (kind != Kind::ContentId)
        return QByteArray();
    return QByteArray::fromPercentEncoding(uri.mid(4));
}

Decoded<QList<LocationReference>> parseGeolocationHeaders(const QList<QByteArray> &values)
{
    const QByteArray raw = values.join(", ");
    QList<LocationReference> out;
    for (const QByteArray &value : values) {
        HeaderLimits limits;
        limits.maxElements = maxReferences;
        auto elements = parseNameAddrList(value, limits);
        if (!elements)
            return Decoded<QList<LocationReference>>::unreadable(raw, elements.error());
        for (const NameAddr &element : *elements) {
            if (out.size() >= maxReferences)
                return Decoded<QList<LocationReference>>::unreadable(
                    raw,
                    Error{ErrorCode::LimitExceeded,
                          QStringLiteral("more than %1 Geolocation values").arg(maxReferences)});
            if (!element.displayName.isEmpty())
                return Decoded<QList<LocationReference>>::unreadable(
                    raw, Error{ErrorCode::Malformed,
                               QStringLiteral("a Geolocation value has no display name")});
            LocationReference ref{element.uri, kindOf(element.uri)};
            if (ref.isByValue() && ref.contentId().isEmpty())
                return Decoded<QList<LocationReference>>::unreadable(
                    raw, Error{ErrorCode::Malformed, QStringLiteral("empty cid: reference")});
            out.append(ref);
        }
    }
    return Decoded<QList<LocationReference>>::readable(out, raw);
}

} // namespace herald::ng911
