// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/msmlparser.h"

#include "engine/core/safexmlreader.h"
#include "engine/msml/msmlgrammar.h"

namespace herald::msml {

Parser::Parser(ParserLimits limits)
    : m_limits(limits)
{}

ParseResult Parser::parse(QByteArrayView document) const
{
    SafeXmlReader reader(document, {m_limits.maxDocumentBytes, m_limits.maxDepth});
    return detail::Grammar(reader).run();
}

} // namespace herald::msml
