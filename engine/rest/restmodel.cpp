// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/rest/restmodel.h"

#include <QStringList>

namespace herald::rest {

RestError restErrorFrom(const Error &error, QString field)
{
    int status = 500;
    switch (error.code) {
    case ErrorCode::Malformed:
    case ErrorCode::InvalidArgument:
        status = 400;
        break;
    case ErrorCode::NotFound:
        status = 404;
        break;
    case ErrorCode::Conflict:
        status = 409;
        break;
    case ErrorCode::LimitExceeded:
        status = 413;
        break;
    case ErrorCode::Unsupported:
        status = 501;
        break;
    case ErrorCode::Timeout:
        status = 504;
        break;
    case ErrorCode::Io:
    case ErrorCode::Cancelled:
        status = 503;
        break;
    }
    return RestError{status, std::move(field), error.detail};
}

bool isXmsEventType(const QString &type)
{
    static const QStringList known = {
        QStringLiteral("keepalive"), QStringLiteral("incoming"),         QStringLiteral("ringing"),
        QStringLiteral("connected"), QStringLiteral("answered"),         QStringLiteral("accepted"),
        QStringLiteral("updated"),   QStringLiteral("hangup"),           QStringLiteral("info"),
        QStringLiteral("message"),   QStringLiteral("end_send_message"), QStringLiteral("alarm"),
        QStringLiteral("status"),    QStringLiteral("progress")};
    return known.contains(type);
}

bool isKnownEventType(const QString &type)
{
    // Emergency calls (issue #9): a later location, the peer typing, an IMDN.
    static const QStringList emergency = {QStringLiteral("location_update"),
                                          QStringLiteral("composing"), QStringLiteral("imdn")};
    return isXmsEventType(type) || emergency.contains(type);
}

} // namespace herald::rest
