// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msml/msmldocument.h"
#include "engine/msml/msmlerror.h"

#include <QByteArrayView>

#include <tl/expected.hpp>

namespace herald::msml {

struct ParserLimits
{
    qsizetype maxDocumentBytes = 64 * 1024;
    int maxDepth = 32; // <msml> is depth 1
};

using ParseResult = tl::expected<Document, ParseError>;

// Sans-I/O MSML parser: one whole document (a SIP INFO body) in, a Document or the reason
// for refusing it out. Never throws, never asserts on input; memory and time are bounded by
// the limits.
//
// What it accepts: <msml version="1.1"> (also "1.0", which RFC 5707 §13.6 still prints)
// holding either requests (<dialogstart> with an inline transfer-package dialog or a src,
// <dialogend>, core <send>), or one <result>, or one <event>. The RFC 5707 elements Herald
// does not implement (conferences, join, play, record, audit, ...) are recognised and
// refused with 402 naming the element and its package, the rest of the unknown ones with
// 401. The whole document is always read: an XML-level problem anywhere (400) wins over a
// validation error, because RFC 5707 §5 checks well-formedness before anything else.
//
// Leniencies, each from a printed RFC 5707 example: <dialogid>/<confid> may follow
// <result> as siblings (§12.1) instead of being its children (§7.3); <dialogstart> without
// `type` is MSML when the dialog is inline (§13). Element names are matched without regard
// to XML namespaces (RFC 5707 defines none); attributes in a namespace (xml:lang, foreign
// extensions) are ignored.
class Parser
{
public:
    explicit Parser(ParserLimits limits = {});

    ParseResult parse(QByteArrayView document) const;

private:
    ParserLimits m_limits;
};

} // namespace herald::msml
