// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QString>

namespace herald::msml {

// The values of <result response="..."> (RFC 5707 §11). Some also appear as
// "dialog.exit.status" in an msml.dialog.exit event.
enum class ResponseCode : int {
    Ok = 200,

    BadRequest = 400,
    UnknownElement = 401,
    UnsupportedElement = 402,
    MissingElementContent = 403,
    ForbiddenElementContent = 404,
    InvalidElementContent = 405,
    UnknownAttribute = 406,
    UnsupportedAttribute = 407,
    MissingAttribute = 408,
    ForbiddenAttribute = 409,
    InvalidAttributeValue = 410,

    UnsupportedLanguage = 420,
    UnknownLanguage = 421,
    AmbiguousRequest = 422, // both a src URI and an inline dialog
    ExternalFetchError = 423,
    ForeignSyntaxError = 424,
    ForeignSemanticError = 425,
    ForeignExecutionError = 426,

    ObjectDoesNotExist = 430,
    InstanceNameInUse = 431,
    ConferenceNameInUse = 432,
    ExternalDocumentFetchError = 434,

    CannotJoinClass = 440,
    IncompatibleMediaTypes = 441,
    MediaInputsExceeded = 444,
    IncompatibleMediaFormats = 450,
    IncompatibleStreamFormat = 451,

    InternalError = 500,
    ServiceUnavailable = 503,
    NotInService = 510,
    ServiceUnavailable511 = 511,
    NoResource = 520,
    InternalLimitExceeded = 521,
};

constexpr int toInt(ResponseCode code)
{
    return static_cast<int>(code);
}

// The phrase RFC 5707 §11 gives a code ("Unknown Element"); empty for codes it does not list.
QString responseText(int code);
inline QString responseText(ResponseCode code)
{
    return responseText(toInt(code));
}

} // namespace herald::msml
