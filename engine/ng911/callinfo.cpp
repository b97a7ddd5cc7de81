// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/ng911/callinfo.h"

#include "engine/ng911/nameaddr.h"

#include <optional>

namespace herald::ng911 {

namespace {

constexpr qsizetype maxReferences = 16;

std::optional<AdditionalDataKind> kindOfPurpose(const QByteArray &purpose)
{
    constexpr QByteArrayView prefix = "emergencycalldata.";
    const QByteArray lower = purpose.toLower();
    if (!lower.startsWith(prefix))
        return std::nullopt;
    const QByteArray name = lower.mid(prefix.size());
    if (name == "providerinfo")
        return AdditionalDataKind::ProviderInfo;
    if (name == "serviceinfo")
        return AdditionalDataKind::ServiceInfo;
    if (name == "deviceinfo")
        return AdditionalDataKind::DeviceInfo;
    if (name == "subscriberinfo")
        return AdditionalDataKind::SubscriberInfo;
    if (name == "comment")
        return AdditionalDataKind::Comment;
    return std::nullopt;
}

} // namespace

QString additionalDataKindName(AdditionalDataKind kind)
{
    switch (kind) {
    case AdditionalDataKind::ProviderInfo:
        return QStringLiteral("ProviderInfo");
    case AdditionalDataKind::ServiceInfo:
        return QStringLiteral("ServiceInfo");
    case AdditionalDataKind::DeviceInfo:
        return QStringLiteral("DeviceInfo");
    case AdditionalDataKind::SubscriberInfo:
        return QStringLiteral("SubscriberInfo");
    case AdditionalDataKind::Comment:
        return QStringLiteral("Comment");
    }
    return QString();
}

QByteArray AdditionalDataReference::contentId() const
{
    return isByValue() ? QByteArray::fromPercentEncoding(uri.mid(4)) : QByteArray();
}

Decoded<QList<AdditionalDataReference>> parseCallInfoHeaders(const QList<QByteArray> &values)
{
    const QByteArray raw = values.join(", ");
    QList<AdditionalDataReference> out;
    for (const QByteArray &value : values) {
        auto elements = parseNameAddrList(value);
        if (!elements)
            return Decoded<QList<AdditionalDataReference>>::unreadable(raw, elements.error());
        for (const NameAddr &element : *elements) {
            const auto kind = kindOfPurpose(element.parameter("purpose"));
            if (!kind)
                continue;
            if (out.size() >= maxReferences)
                return Decoded<QList<AdditionalDataReference>>::unreadable(
                    raw, Error{ErrorCode::LimitExceeded,
                               QStringLiteral("more than %1 additional-data references")
                                   .arg(maxReferences)});
            out.append({*kind, element.uri});
        }
    }
    return Decoded<QList<AdditionalDataReference>>::readable(out, raw);
}

} // namespace herald::ng911
