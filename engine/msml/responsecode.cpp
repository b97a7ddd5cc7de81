// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/responsecode.h"

namespace herald::msml {

QString responseText(int code)
{
    // RFC 5707 §11, word for word.
    switch (code) {
    case 200:
        return QStringLiteral("OK");
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unknown Element");
    case 402:
        return QStringLiteral("Unsupported Element");
    case 403:
        return QStringLiteral("Missing mandatory element content");
    case 404:
        return QStringLiteral("Forbidden element content");
    case 405:
        return QStringLiteral("Invalid element content");
    case 406:
        return QStringLiteral("Unknown attribute");
    case 407:
        return QStringLiteral("Attribute not supported");
    case 408:
        return QStringLiteral("Missing mandatory attribute");
    case 409:
        return QStringLiteral("Forbidden attribute is present");
    case 410:
        return QStringLiteral("Invalid attribute value");
    case 420:
        return QStringLiteral("Unsupported media description language");
    case 421:
        return QStringLiteral("Unknown media description language");
    case 422:
        return QStringLiteral("Ambiguous request (both URI and inline description)");
    case 423:
        return QStringLiteral("External document fetch error");
    case 424:
        return QStringLiteral("Syntax error in foreign language");
    case 425:
        return QStringLiteral("Semantic error in foreign language");
    case 426:
        return QStringLiteral("Unknown error executing foreign language");
    case 430:
        return QStringLiteral("Object does not exist");
    case 431:
        return QStringLiteral("Object instance name already used");
    case 432:
        return QStringLiteral("Conference name already in use");
    case 434:
        return QStringLiteral("External document fetch error");
    case 440:
        return QStringLiteral("Cannot join objects of the specified class");
    case 441:
        return QStringLiteral("Objects have incompatible media types");
    case 444:
        return QStringLiteral("Number of media inputs exceeded");
    case 450:
        return QStringLiteral("Objects have incompatible media formats");
    case 451:
        return QStringLiteral("Incompatible media stream format");
    case 500:
        return QStringLiteral("Internal media server error");
    case 503:
        return QStringLiteral("Service Unavailable");
    case 510:
        return QStringLiteral("Not in service");
    case 511:
        return QStringLiteral("Service Unavailable");
    case 520:
        return QStringLiteral("No resource to fulfill request");
    case 521:
        return QStringLiteral("Internal limit exceeded");
    default:
        return QString();
    }
}

} // namespace herald::msml
