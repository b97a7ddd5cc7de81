// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/msmlerror.h"

namespace herald::msml {

ResponseCode responseCodeFor(ErrorReason reason)
{
    switch (reason) {
    case ErrorReason::NotWellFormed:
    case ErrorReason::TooLarge:
    case ErrorReason::TooDeep:
    case ErrorReason::DtdRefused:
    case ErrorReason::EntityRefused:
    case ErrorReason::EncodingRefused:
    case ErrorReason::NotMsml:
        return ResponseCode::BadRequest;
    case ErrorReason::UnknownElement:
        return ResponseCode::UnknownElement;
    case ErrorReason::UnsupportedElement:
        return ResponseCode::UnsupportedElement;
    case ErrorReason::MissingContent:
        return ResponseCode::MissingElementContent;
    case ErrorReason::ForbiddenContent:
        return ResponseCode::ForbiddenElementContent;
    case ErrorReason::InvalidContent:
        return ResponseCode::InvalidElementContent;
    case ErrorReason::UnknownAttribute:
        return ResponseCode::UnknownAttribute;
    case ErrorReason::MissingAttribute:
        return ResponseCode::MissingAttribute;
    case ErrorReason::InvalidAttributeValue:
        return ResponseCode::InvalidAttributeValue;
    case ErrorReason::UnsupportedLanguage:
        return ResponseCode::UnsupportedLanguage;
    case ErrorReason::UnknownLanguage:
        return ResponseCode::UnknownLanguage;
    case ErrorReason::AmbiguousRequest:
        return ResponseCode::AmbiguousRequest;
    case ErrorReason::DuplicateInstance:
        return ResponseCode::InstanceNameInUse;
    }
    return ResponseCode::BadRequest;
}

ParseError makeParseError(ErrorReason reason, QString element, QString description)
{
    ParseError error;
    error.reason = reason;
    error.code = responseCodeFor(reason);
    error.element = std::move(element);
    error.description = std::move(description);
    return error;
}

ParseError fromXmlReadError(const XmlReadError &error)
{
    ErrorReason reason = ErrorReason::NotWellFormed;
    switch (error.reason) {
    case XmlRefusal::NotWellFormed:
        break;
    case XmlRefusal::TooLarge:
        reason = ErrorReason::TooLarge;
        break;
    case XmlRefusal::TooDeep:
        reason = ErrorReason::TooDeep;
        break;
    case XmlRefusal::DtdRefused:
        reason = ErrorReason::DtdRefused;
        break;
    case XmlRefusal::EntityRefused:
        reason = ErrorReason::EntityRefused;
        break;
    case XmlRefusal::EncodingRefused:
        reason = ErrorReason::EncodingRefused;
        break;
    }
    ParseError parsed = makeParseError(reason, QString(), error.description);
    parsed.line = error.line;
    parsed.column = error.column;
    return parsed;
}

ResultDocument errorResult(const ParseError &error)
{
    // Descriptions quote what was refused; an answer need not echo kilobytes of it back.
    constexpr qsizetype kMaxQuoted = 480;
    QString description = error.description.size() > kMaxQuoted
                              ? error.description.left(kMaxQuoted) + QStringLiteral("...")
                              : error.description;
    if (error.line > 0)
        description += QStringLiteral(" (line %1, column %2)").arg(error.line).arg(error.column);
    return ResultDocument::error(error.code, description);
}

Document errorResultDocument(const ParseError &error)
{
    return Document{QStringLiteral("1.1"), errorResult(error)};
}

herald::Error toError(const ParseError &error)
{
    ErrorCode code = ErrorCode::Malformed;
    switch (error.reason) {
    case ErrorReason::TooLarge:
    case ErrorReason::TooDeep:
        code = ErrorCode::LimitExceeded;
        break;
    case ErrorReason::UnsupportedElement:
    case ErrorReason::UnsupportedLanguage:
    case ErrorReason::DtdRefused:
    case ErrorReason::EntityRefused:
    case ErrorReason::EncodingRefused:
        code = ErrorCode::Unsupported;
        break;
    case ErrorReason::DuplicateInstance:
        code = ErrorCode::Conflict;
        break;
    default:
        break;
    }
    return herald::makeError(
        code,
        QStringLiteral("MSML %1: %2").arg(toInt(error.code)).arg(errorResult(error).description));
}

} // namespace herald::msml
