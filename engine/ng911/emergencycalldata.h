// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/decoded.h"
#include "engine/ng911/additionaldata.h"
#include "engine/ng911/callbacknumber.h"
#include "engine/ng911/callinfo.h"
#include "engine/ng911/emergencyservice.h"
#include "engine/ng911/geolocationheader.h"
#include "engine/ng911/pidflo.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace herald::ng911 {

// Where a referenced document stands.
enum class DataState {
    Pending,     // by reference, not fetched yet (RFC 6442 §3.3; RFC 7852 §4.1)
    Resolved,    // parsed
    Unreadable,  // arrived, but does not parse: the raw text is kept
    Unavailable, // cid: naming no body part, a fetch that failed or timed out, a scheme Herald
                 // does not dereference
};
QString dataStateName(DataState state);

struct LocationEntry
{
    LocationReference reference;
    DataState state = DataState::Pending;
    Decoded<PidfLo> document; // Resolved or Unreadable
    QString problem;          // Unreadable or Unavailable: why, in English

    friend bool operator==(const LocationEntry &, const LocationEntry &) = default;
};

struct AdditionalDataEntry
{
    AdditionalDataReference reference;
    DataState state = DataState::Pending;
    Decoded<AdditionalDataBlock> block;
    QString problem;

    friend bool operator==(const AdditionalDataEntry &, const AdditionalDataEntry &) = default;
};

// Everything an emergency INVITE says about the caller, for the call-taker.
struct EmergencyCallData
{
    EmergencyService service;
    CallbackNumber callback;
    // The headers themselves, so that an unreadable one still shows (raw) and says why.
    Decoded<QList<LocationReference>> geolocationHeader;
    Decoded<QList<AdditionalDataReference>> callInfoHeader;
    // In the order the Geolocation / Call-Info headers gave them.
    QList<LocationEntry> locations;
    QList<AdditionalDataEntry> additionalData;

    // True when the INVITE carried nothing of this (not an emergency call, no location, no
    // additional data): the call is shown as an ordinary one.
    bool isEmpty() const;
    // The location a call-taker is shown: the last of the last resolved entry (locations are
    // kept in order; a later one supersedes what came before it). Null when none resolved.
    const LocationInfo *latestLocation() const;
    bool hasPendingReferences() const;

    // A dereference finished (HTTP body, or an error).
    void resolveLocation(qsizetype index, QByteArrayView pidfLo);
    void locationUnavailable(qsizetype index, QString why);
    void resolveAdditionalData(qsizetype index, QByteArrayView xml);
    void additionalDataUnavailable(qsizetype index, QString why);

    friend bool operator==(const EmergencyCallData &, const EmergencyCallData &) = default;
};

// The parts of an INVITE the extraction reads (copied from sip::IncomingInvite by the service
// layer; this library does not depend on engine/sip).
struct InviteData
{
    QByteArray requestUri;
    QByteArray from;
    QByteArray to;
    QList<QByteArray> pAssertedIdentity;
    QList<QByteArray> geolocation;
    QList<QByteArray> callInfo;
    QByteArray contentType; // full value with parameters
    QByteArray body;
};

struct ExtractedInvite
{
    EmergencyCallData data;
    // The session description for offer/answer: the whole body when it is application/sdp,
    // the first application/sdp part of a multipart/mixed body (RFC 5621 §3), or empty.
    QByteArray sdp;
    // Set when the body itself is unusable (an unreadable multipart, a multipart without SDP).
    std::optional<Error> bodyProblem;
};

// Reads the INVITE: service URN, callback number, Geolocation and Call-Info references, and
// the body parts they name by cid: (RFC 6442 §4.1, RFC 7852 §4.1). References to anything
// else stay Pending when they are http(s): URIs (the caller fetches them) and are
// Unavailable otherwise.
ExtractedInvite extractEmergencyCallData(const InviteData &invite);

} // namespace herald::ng911

Q_DECLARE_METATYPE(herald::ng911::EmergencyCallData)
