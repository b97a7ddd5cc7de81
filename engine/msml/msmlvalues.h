// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <chrono>

// Attribute value syntaxes of RFC 5707 §16 (the XML schema datatypes) that MSML documents
// use, parsed strictly: a value the schema would not validate is refused, so that the
// parser can answer 410 (Invalid attribute value) before anything executes (RFC 5707 §5).
namespace herald::msml {

// boolean.datatype (RFC 5707 §16.1.2): exactly "true" or "false"; the schema does not
// allow xs:boolean's "1"/"0", nor other spellings.
Result<bool> parseBoolean(QStringView text);
QString formatBoolean(bool value);

// posDuration.datatype: (\+)?([0-9]*\.)?[0-9]+(ms|s), e.g. "30s", "500ms", "1.5s", ".25s".
// Rounded to the nearest millisecond; at most kMaxDuration (about 24.8 days, what a Qt timer
// can hold). Negative durations are refused: every MSML use of a time is a positive span.
inline constexpr std::chrono::milliseconds kMaxDuration{2147483647};
Result<std::chrono::milliseconds> parseDuration(QStringView text);
// "30s" for whole seconds, else "1500ms"; parseDuration(formatDuration(d)) == d.
QString formatDuration(std::chrono::milliseconds value);

// iterate.datatype (RFC 5707 §16.3.2): a positive integer, or -1 / "forever" for no limit.
struct Iterate
{
    int count = 1;
    bool unlimited = false; // "forever" (not named so: Qt defines a forever macro)

    static Result<Iterate> parse(QStringView text);
    // "forever" or the count.
    QString toString() const;
    friend bool operator==(const Iterate &, const Iterate &) = default;
};

// A non-negative decimal count (retry counts) up to 2^31 - 1; no sign, no blanks.
Result<int> parseCount(QStringView text);

// A namelist (RFC 5707 §9.6.3): shadow-variable names separated by any XML white space
// (the RFC's own examples wrap them over lines).
QStringList parseNamelist(QStringView text);

// Identifier syntaxes of RFC 5707 §6.2 and §16.1.2.
bool isMomlId(QStringView text);     // momlID / momlEvent / momlTarget: [a-zA-Z0-9][a-zA-Z0-9._-]*
bool isInstanceId(QStringView text); // msmlInstanceID and mark: [a-zA-Z0-9.:_-]+
bool isIndependentId(QStringView text); // conn:<instance> or conf:<instance>
bool isDialogId(QStringView text);      // (conn|conf):<instance>/dialog:<instance>

// A MIME type "type/subtype" with optional "; parameter" parts (RFC 2045 §5.1 tokens).
bool isMimeType(QStringView text);

} // namespace herald::msml
