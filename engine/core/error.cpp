// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/core/error.h"

namespace herald {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Malformed:
        return QStringLiteral("malformed");
    case ErrorCode::LimitExceeded:
        return QStringLiteral("limit-exceeded");
    case ErrorCode::Unsupported:
        return QStringLiteral("unsupported");
    case ErrorCode::NotFound:
        return QStringLiteral("not-found");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::Timeout:
        return QStringLiteral("timeout");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::InvalidArgument:
        return QStringLiteral("invalid-argument");
    }
    return QStringLiteral("unknown");
}

} // namespace herald
