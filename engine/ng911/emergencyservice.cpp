// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/ng911/emergencyservice.h"

#include "engine/ng911/nameaddr.h"

namespace herald::ng911 {

namespace {

bool isLabel(QByteArrayView label)
{
    if (label.isEmpty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
        return false;
    for (char c : label) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    }
    return true;
}

} // namespace

EmergencyService classifyServiceUrn(QByteArrayView uri)
{
    const QByteArray urn = uri.trimmed().toByteArray().toLower();
    constexpr QByteArrayView prefix = "urn:service:";
    if (urn.size() > 256 || !urn.startsWith(prefix))
        return {};
    const QList<QByteArray> labels = urn.mid(prefix.size()).split('.');
    for (const QByteArray &label : labels) {
        if (!isLabel(label))
            return {};
    }
    if (labels.first() == "sos")
        return {EmergencyService::Kind::Sos, urn};
    if (labels.size() >= 2 && labels[0] == "test" && labels[1] == "sos")
        return {EmergencyService::Kind::TestSos, urn};
    return {};
}

EmergencyService classifyCall(QByteArrayView requestUri, QByteArrayView to)
{
    if (const EmergencyService byUri = classifyServiceUrn(requestUri);
        byUri.kind != EmergencyService::Kind::None)
        return byUri;
    if (auto addr = parseNameAddr(to, true))
        return classifyServiceUrn(addr->uri);
    return {};
}

} // namespace herald::ng911
