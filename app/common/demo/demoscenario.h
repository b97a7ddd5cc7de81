// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/ng911/callinfo.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace herald::app {

// One scripted 911 text call of the demo (DemoEsrp places it). Invented people, numbers in the
// 555-01xx range reserved for fiction, places that exist only as coordinates and street names.
struct DemoCallScript
{
    QString label;             // for the operator's log: "car crash, I-5 northbound"
    QByteArray serviceUrn;     // urn:service:sos, or urn:service:test.sos for a test call
    QByteArray callerUri;      // the From of the INVITE
    QByteArray callbackNumber; // P-Asserted-Identity (RFC 3325), a tel: URI
    QByteArray pidfLo;         // the caller's location, by value (RFC 6442 §4.1)
    // Additional data blocks by value (RFC 7852 §4.1), each its document.
    QList<std::pair<ng911::AdditionalDataKind, QByteArray>> additionalData;
    QStringList callerTexts; // in order, one MSRP SEND each
    bool isTest() const { return serviceUrn.contains("test."); }
};

// The calls the demo cycles through: a silent domestic-violence text, a car crash, a medical
// call from a deaf caller, and a urn:service:test.sos test call.
QList<DemoCallScript> demoScenario();

// RFC 7852 §4.1: the Content-Type of an additional-data block of that kind.
QByteArray additionalDataContentType(ng911::AdditionalDataKind kind);

} // namespace herald::app
