// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/ng911/civicaddress.h"

#include "engine/core/xmlcursor.h"

#include <QStringList>

namespace herald::ng911 {

namespace {

constexpr qsizetype maxElements = 64;
constexpr qsizetype maxValueChars = 256;

// RFC 5139 §3 (and §3.1's RFC 4119 elements).
bool isCivicElement(QStringView name)
{
    static const QStringView known[] = {
        u"country", u"A1",   u"A2",   u"A3",  u"A4",  u"A5",    u"A6",     u"PRM",
        u"PRD",     u"RD",   u"STS",  u"POD", u"POM", u"RDSEC", u"RDBR",   u"RDSUBBR",
        u"HNO",     u"HNS",  u"LMK",  u"LOC", u"FLR", u"NAM",   u"PC",     u"BLD",
        u"UNIT",    u"ROOM", u"SEAT", u"PLC", u"PCN", u"POBOX", u"ADDCODE"};
    for (QStringView k : known) {
        if (k == name)
            return true;
    }
    return false;
}

bool isCountryCode(const QString &text)
{
    return text.size() == 2 && text.at(0) >= u'A' && text.at(0) <= u'Z' && text.at(1) >= u'A' &&
           text.at(1) <= u'Z';
}

} // namespace

QString CivicAddress::value(QStringView name) const
{
    for (const auto &[key, text] : elements) {
        if (key == name)
            return text;
    }
    return QString();
}

QString CivicAddress::summary(const CivicLabels &labels) const
{
    auto join = [this](std::initializer_list<QStringView> names) {
        QStringList parts;
        for (QStringView n : names) {
            if (const QString v = value(n); !v.isEmpty())
                parts << v;
        }
        return parts.join(u' ');
    };
    auto labelled = [this](QStringView name, const QString &label) {
        const QString v = value(name);
        return v.isEmpty() ? v : label.arg(v);
    };
    QStringList lines;
    for (const QString &part : {join({u"HNO", u"HNS", u"PRD", u"RD", u"STS", u"POD"}),
                                join({u"LOC"}), labelled(u"FLR", labels.floor),
                                labelled(u"UNIT", labels.unit), labelled(u"ROOM", labels.room),
                                join({u"A3"}), join({u"A1", u"PC"}), join({u"country"})}) {
        if (!part.isEmpty())
            lines << part;
    }
    return lines.join(QStringLiteral(", "));
}

CivicAddress readCivicAddress(XmlCursor &cursor)
{
    CivicAddress address;
    address.language = cursor.attribute(u"http://www.w3.org/XML/1998/namespace", u"lang");
    while (cursor.nextChild()) {
        if (cursor.namespaceUri() != civicNamespace) {
            cursor.skip(); // RFC 5139 §4: <any namespace="##other">
            continue;
        }
        const QString name = cursor.name().toString();
        if (!isCivicElement(name)) {
            cursor.fail(ErrorCode::Malformed,
                        QStringLiteral("unknown civic address element <%1>").arg(name));
            break;
        }
        if (address.elements.size() >= maxElements) {
            cursor.fail(ErrorCode::LimitExceeded,
                        QStringLiteral("more than %1 civic address elements").arg(maxElements));
            break;
        }
        const QString text = cursor.readText(maxValueChars);
        if (cursor.failed())
            break;
        if (name == u"country" && !isCountryCode(text)) {
            cursor.fail(ErrorCode::Malformed,
                        QStringLiteral("country \"%1\" is not an ISO 3166 alpha-2 code").arg(text));
            break;
        }
        address.elements.append({name, text});
    }
    if (cursor.failed())
        return CivicAddress{};
    return address;
}

} // namespace herald::ng911
