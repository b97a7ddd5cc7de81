// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>

#include <optional>

// The two small RFC 5547 §6 attributes with structure of their own (file-selector has its own
// file). file-transfer-id, file-disposition and file-icon are single values: see MsrpMedia.
namespace herald::sdp {

// a=file-date:creation:"<date-time>" modification:"..." read:"..." (each at most once).
// The dates are kept as written (RFC 5322 date-time, numeric zone required).
struct FileDate
{
    std::optional<QByteArray> creation;
    std::optional<QByteArray> modification;
    std::optional<QByteArray> read;

    bool isEmpty() const { return !creation && !modification && !read; }

    static Result<FileDate> parse(QByteArrayView value);
    // creation, modification, read, separated by single spaces.
    QByteArray toBytes() const;

    // A date-time as RFC 5547 §6 requires it: RFC 5322 with a numeric zone (+HHMM / -HHMM).
    static std::optional<QDateTime> toDateTime(QByteArrayView dateTime);
    // "Mon, 15 May 2006 15:01:31 +0300" for the date, in its own offset from UTC.
    static QByteArray formatDateTime(const QDateTime &dateTime);

    friend bool operator==(const FileDate &, const FileDate &) = default;
};

// a=file-range:<start>-<stop>: octets start..stop of the file, both inclusive, counting from 1;
// stop is "*" (nullopt) when the size is not known (RFC 5547 §6).
struct FileRange
{
    quint64 start = 1;
    std::optional<quint64> stop;

    static Result<FileRange> parse(QByteArrayView value);
    QByteArray toBytes() const;

    friend bool operator==(const FileRange &, const FileRange &) = default;
};

} // namespace herald::sdp
