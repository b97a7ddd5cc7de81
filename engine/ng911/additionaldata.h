// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/decoded.h"
#include "engine/ng911/callinfo.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace herald::ng911 {

// One element of an additional-data block, as a call-taker reads it.
struct AdditionalDataField
{
    // The element's name (RFC 7852 §4.x: "DataProviderString", "DeviceMfgr", "ServiceType",
    // ...); an xCard property (RFC 6351) inside DataProviderContact or SubscriberData is named
    // "<container>.<property>", e.g. "SubscriberData.fn", "DataProviderContact.tel".
    QString name;
    QString value;
    // The qualifying attribute where the RFC has one: TypeOfDeviceID on UniqueDeviceID,
    // xml:lang on Comment; empty otherwise.
    QString qualifier;

    friend bool operator==(const AdditionalDataField &, const AdditionalDataField &) = default;
};

// An RFC 7852 block: EmergencyCallData.ProviderInfo, .ServiceInfo, .DeviceInfo,
// .SubscriberInfo or .Comment.
struct AdditionalDataBlock
{
    AdditionalDataKind kind = AdditionalDataKind::ProviderInfo;
    QString dataProviderReference;     // RFC 7852 §4.1.1 (required in every block)
    bool privacyRequested = false;     // SubscriberInfo's attribute (RFC 7852 §4.4)
    QList<AdditionalDataField> fields; // in document order, DataProviderReference excluded

    QString value(QStringView name) const; // first of that name; null when absent
    QStringList values(QStringView name) const;

    friend bool operator==(const AdditionalDataBlock &, const AdditionalDataBlock &) = default;
};

struct AdditionalDataLimits
{
    qsizetype maxBytes = 64 * 1024;
    int maxDepth = 16;
    qsizetype maxFields = 128;
    qsizetype maxValueChars = 2048;
};

// Parses an application/EmergencyCallData.<Kind>+xml body. The root element decides the kind;
// when `expected` is given (the Call-Info purpose that named the block) it must agree.
// Strict: every child in the block's namespace must be an element RFC 7852 defines for that
// block, with text only (the xCard containers excepted), and the required ones present.
// Children of other namespaces (RFC 7852's extension point) are skipped.
Decoded<AdditionalDataBlock> parseAdditionalData(QByteArrayView bytes,
                                                 std::optional<AdditionalDataKind> expected = {},
                                                 const AdditionalDataLimits &limits = {});

// The media type of a block (RFC 7852 §11.1.9): application/EmergencyCallData.<Kind>+xml,
// lower-cased for comparison with a parsed Content-Type.
QByteArray additionalDataMediaType(AdditionalDataKind kind);

} // namespace herald::ng911
