// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <utility>

namespace herald {
class XmlCursor;
}

namespace herald::ng911 {

// RFC 5139 civic address (with RFC 4119's earlier elements, which RFC 5139 keeps), in the
// order received: element name (as in the schema: "country", "A1", "RD", "HNO", ...) and text.
// Words put around the values of FLR, UNIT and ROOM, which RFC 5139 carries bare ("2", "4B"):
// written side by side they read as one number. The console passes translated ones.
struct CivicLabels
{
    QString floor = QStringLiteral("Floor %1");
    QString unit = QStringLiteral("Unit %1");
    QString room = QStringLiteral("Room %1");
};

struct CivicAddress
{
    QString language; // xml:lang of <civicAddress>, when given
    QList<std::pair<QString, QString>> elements;

    // The first element of that name; null when absent.
    QString value(QStringView name) const;
    // One line for a person: "HNO HNS RD STS, LOC, Floor FLR, Unit UNIT, Room ROOM, A3, A1 PC,
    // country" from what is present.
    QString summary(const CivicLabels &labels = {}) const;

    friend bool operator==(const CivicAddress &, const CivicAddress &) = default;
};

inline constexpr QStringView civicNamespace = u"urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr";

// Reads the <civicAddress> the cursor is on, to its end tag. Strict (RFC 5139 §4): every
// child in the civicAddr namespace must be a known element holding text only, country is
// two upper-case letters, each value is bounded; children of other namespaces (the schema's
// extension point) are skipped. On a refusal the cursor is failed and the result is empty.
CivicAddress readCivicAddress(XmlCursor &cursor);

} // namespace herald::ng911
