// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/error.h"
#include "engine/core/safexmlreader.h"
#include "engine/msml/msmldocument.h"
#include "engine/msml/responsecode.h"

#include <QString>

namespace herald::msml {

// Why a document was refused. The first group means "not an acceptable XML document" and
// answers 400 (Bad Request); the second is RFC 5707 §11's finer 4xx codes, found while
// validating against what Herald implements (RFC 5707 §5: before executing anything).
enum class ErrorReason {
    NotWellFormed,   // XML 1.0 well-formedness, as QXmlStreamReader reports it
    TooLarge,        // more bytes than ParserLimits::maxDocumentBytes
    TooDeep,         // elements nested deeper than ParserLimits::maxDepth
    DtdRefused,      // any <!DOCTYPE>: Qt 6.4.2 lacks the fixes of CVE-2023-38197/-37369
    EntityRefused,   // a reference to an entity other than XML's five predefined ones
    EncodingRefused, // not UTF-8 / US-ASCII (also catches UTF-16 and UTF-32 by their NULs)
    NotMsml,         // the root element is not <msml>

    UnknownElement,        // 401: in no package of RFC 5707 nor the transfer package
    UnsupportedElement,    // 402: an RFC 5707 element Herald does not implement
    MissingContent,        // 403: a mandatory child or text is missing
    ForbiddenContent,      // 404: a known element, or text, where it is not allowed
    InvalidContent,        // 405
    UnknownAttribute,      // 406
    MissingAttribute,      // 408
    InvalidAttributeValue, // 410
    UnsupportedLanguage,   // 420: dialogstart type VoiceXML
    UnknownLanguage,       // 421: dialogstart type neither MSML nor VoiceXML
    AmbiguousRequest,      // 422: dialogstart with src and an inline dialog
    DuplicateInstance,     // 431: two transfer objects with one objid
};

// The RFC 5707 §11 response code for a reason.
ResponseCode responseCodeFor(ErrorReason reason);

// A refused document. Not herald::Error: the RFC 5707 response code must reach the result
// document; toError() gives the engine-wide form for logs and counters.
struct ParseError
{
    ErrorReason reason = ErrorReason::NotWellFormed;
    ResponseCode code = ResponseCode::BadRequest;
    QString element;     // the element concerned; empty for document-level problems
    QString description; // English, for the <description> of the result
    qint64 line = 0;     // 1-based position in the document, 0 when unknown
    qint64 column = 0;

    friend bool operator==(const ParseError &, const ParseError &) = default;
};

ParseError makeParseError(ErrorReason reason, QString element, QString description);
// A document the shared SafeXmlReader refused: always 400 (RFC 5707 §11), position kept.
ParseError fromXmlReadError(const XmlReadError &error);

// The result that answers a refused document (RFC 5707 §7.3: "In the case of failure, a
// description of the reason SHOULD be provided"): <result response="4xx"><description>...
ResultDocument errorResult(const ParseError &error);
Document errorResultDocument(const ParseError &error);

herald::Error toError(const ParseError &error);

} // namespace herald::msml
