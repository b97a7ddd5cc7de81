// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// The format lists of a=accept-types and a=accept-wrapped-types (RFC 4975 §8.6):
//   format-list  = format-entry *( SP format-entry)
//   format-entry = ( ( (type "/" subtype) / (type "/" "*") ) *( ";" type-param ) ) / ("*")
//   type-param   = parm-attribute "=" parm-value ; parm-value = token / quoted-string
namespace herald::sdp::accepttypes {

constexpr int maxEntries = 64;

bool isValidEntry(QByteArrayView entry);

// Splits a list on spaces outside quoted strings and validates every entry. Runs of spaces
// are tolerated (they cannot change the meaning); an empty list is an error.
Result<QList<QByteArray>> parseList(QByteArrayView value, int limit = maxEntries);
QByteArray joinList(const QList<QByteArray> &entries);

// "type/subtype" of an entry, lower-cased, without parameters ("*" stays "*").
QByteArray baseType(QByteArrayView entry);

// Whether one entry of a list admits a concrete media type (parameters on either side are
// ignored: RFC 4975 §8.6, "a format-entry with one or more parameters is assumed to match the
// same format-entry with no parameters").
bool entryAdmits(QByteArrayView entry, QByteArrayView mediaType);
// Whether a list admits a concrete media type, e.g. the Content-Type of an MSRP SEND.
bool listAdmits(const QList<QByteArray> &entries, QByteArrayView mediaType);

// What two lists have in common, in the order of `local`, each match taken in its more
// specific form: "*" against "text/plain" gives "text/plain", "text/*" against "text/html"
// gives "text/html", "*" against "*" gives "*". Duplicates are dropped.
QList<QByteArray> intersect(const QList<QByteArray> &local, const QList<QByteArray> &remote);

} // namespace herald::sdp::accepttypes
