// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/ng911/emergencycalldata.h"

#include "engine/ng911/multipartbody.h"

namespace herald::ng911 {

namespace {

bool isHttp(const QByteArray &uri)
{
    const QByteArray lower = uri.left(8).toLower();
    return lower.startsWith("http://") || lower.startsWith("https://");
}

} // namespace

QString dataStateName(DataState state)
{
    switch (state) {
    case DataState::Pending:
        return QStringLiteral("pending");
    case DataState::Resolved:
        return QStringLiteral("resolved");
    case DataState::Unreadable:
        return QStringLiteral("unreadable");
    case DataState::Unavailable:
        return QStringLiteral("unavailable");
    }
    return QString();
}

bool EmergencyCallData::isEmpty() const
{
    return service.kind == EmergencyService::Kind::None && locations.isEmpty() &&
           additionalData.isEmpty() &&
           (geolocationHeader.isReadable() || geolocationHeader.raw().isEmpty()) &&
           (callInfoHeader.isReadable() || callInfoHeader.raw().isEmpty());
}

const LocationInfo *EmergencyCallData::latestLocation() const
{
    for (qsizetype i = locations.size() - 1; i >= 0; --i) {
        if (locations[i].state == DataState::Resolved &&
            !locations[i].document->locations.isEmpty())
            return &locations[i].document->locations.last();
    }
    return nullptr;
}

bool EmergencyCallData::hasPendingReferences() const
{
    for (const LocationEntry &e : locations) {
        if (e.state == DataState::Pending)
            return true;
    }
    for (const AdditionalDataEntry &e : additionalData) {
        if (e.state == DataState::Pending)
            return true;
    }
    return false;
}

void EmergencyCallData::resolveLocation(qsizetype index, QByteArrayView pidfLo)
{
    if (index < 0 || index >= locations.size())
        return;
    LocationEntry &entry = locations[index];
    entry.document = parsePidfLo(pidfLo);
    entry.state = entry.document.isReadable() ? DataState::Resolved : DataState::Unreadable;
    entry.problem = entry.document.isReadable() ? QString() : entry.document.problem().detail;
}

void EmergencyCallData::locationUnavailable(qsizetype index, QString why)
{
    if (index < 0 || index >= locations.size())
        return;
    locations[index].state = DataState::Unavailable;
    locations[index].problem = std::move(why);
}

void EmergencyCallData::resolveAdditionalData(qsizetype index, QByteArrayView xml)
{
    if (index < 0 || index >= additionalData.size())
        return;
    AdditionalDataEntry &entry = additionalData[index];
    entry.block = parseAdditionalData(xml, entry.reference.kind);
    entry.state = entry.block.isReadable() ? DataState::Resolved : DataState::Unreadable;
    entry.problem = entry.block.isReadable() ? QString() : entry.block.problem().detail;
}

void EmergencyCallData::additionalDataUnavailable(qsizetype index, QString why)
{
    if (index < 0 || index >= additionalData.size())
        return;
    additionalData[index].state = DataState::Unavailable;
    additionalData[index].problem = std::move(why);
}

ExtractedInvite extractEmergencyCallData(const InviteData &invite)
{
    ExtractedInvite out;
    EmergencyCallData &data = out.data;
    data.service = classifyCall(invite.requestUri, invite.to);
    data.callback = callbackNumber(invite.pAssertedIdentity, invite.from);
    data.geolocationHeader = parseGeolocationHeaders(invite.geolocation);
    data.callInfoHeader = parseCallInfoHeaders(invite.callInfo);

    // The body: SDP alone, or multipart/mixed with SDP and the documents named by cid:.
    std::optional<MultipartBody> multipart;
    if (!invite.body.isEmpty()) {
        auto type = parseContentType(invite.contentType);
        if (!type) {
            out.bodyProblem = type.error();
        } else if (type->mediaType == "application/sdp") {
            out.sdp = invite.body;
        } else if (type->mediaType == "multipart/mixed") {
            auto parsed = parseMultipart(invite.contentType, invite.body);
            if (!parsed) {
                out.bodyProblem = parsed.problem();
            } else {
                multipart = *parsed;
                if (const BodyPart *sdp = multipart->firstOfType("application/sdp"))
                    out.sdp = sdp->body;
                else
                    out.bodyProblem =
                        Error{ErrorCode::Unsupported,
                              QStringLiteral("multipart body without application/sdp")};
            }
        } else {
            out.bodyProblem =
                Error{ErrorCode::Unsupported,
                      QStringLiteral("body of type %1").arg(QString::fromUtf8(type->mediaType))};
        }
    }

    auto partFor = [&multipart](const QByteArray &contentId) -> const BodyPart * {
        return multipart ? multipart->byContentId(contentId) : nullptr;
    };

    if (data.geolocationHeader) {
        for (const LocationReference &ref : *data.geolocationHeader) {
            LocationEntry entry;
            entry.reference = ref;
            data.locations.append(entry);
            const qsizetype index = data.locations.size() - 1;
            if (ref.isByValue()) {
                const BodyPart *part = partFor(ref.contentId());
                if (!part)
                    data.locationUnavailable(index,
                                             QStringLiteral("no body part with Content-ID <%1>")
                                                 .arg(QString::fromUtf8(ref.contentId())));
                else if (part->contentType.mediaType != "application/pidf+xml")
                    data.locationUnavailable(
                        index, QStringLiteral("body part <%1> is %2, not PIDF-LO")
                                   .arg(QString::fromUtf8(ref.contentId()),
                                        QString::fromUtf8(part->contentType.mediaType)));
                else
                    data.resolveLocation(index, part->body);
            } else if (!isHttp(ref.uri)) {
                // RFC 6442 §3.3 lets a sip:/pres: reference be subscribed to; Herald does not.
                data.locationUnavailable(index,
                                         QStringLiteral("location URI scheme not dereferenced"));
            }
        }
    }
    if (data.callInfoHeader) {
        for (const AdditionalDataReference &ref : *data.callInfoHeader) {
            AdditionalDataEntry entry;
            entry.reference = ref;
            data.additionalData.append(entry);
            const qsizetype index = data.additionalData.size() - 1;
            if (ref.isByValue()) {
                const BodyPart *part = partFor(ref.contentId());
                if (!part)
                    data.additionalDataUnavailable(
                        index, QStringLiteral("no body part with Content-ID <%1>")
                                   .arg(QString::fromUtf8(ref.contentId())));
                else
                    data.resolveAdditionalData(index, part->body);
            } else if (!isHttp(ref.uri)) {
                data.additionalDataUnavailable(index,
                                               QStringLiteral("URI scheme not dereferenced"));
            }
        }
    }
    return out;
}

} // namespace herald::ng911
