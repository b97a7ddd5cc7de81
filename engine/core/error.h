// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QByteArray>
#include <QString>

namespace herald {

// Errors that can happen are values (CONVENTIONS.md): a stable code that protocol layers map
// to a SIP, MSRP or HTTP status, and an English detail for logs and operators.
enum class ErrorCode {
    Malformed,     // the peer sent something that does not parse
    LimitExceeded, // a size, count or length limit was hit
    Unsupported,   // well-formed, but not something Herald does
    NotFound,      // no such session, call or resource
    Conflict,      // bound elsewhere, already exists
    Io,            // socket, file or store failure
    Timeout,
    Cancelled,
    InvalidArgument, // a local caller's mistake that is not a programmer error
};

struct Error
{
    ErrorCode code = ErrorCode::Malformed;
    QString detail;

    friend bool operator==(const Error &, const Error &) = default;
};

QString errorCodeName(ErrorCode code);
inline Error makeError(ErrorCode code, QString detail)
{
    return Error{code, std::move(detail)};
}

} // namespace herald
