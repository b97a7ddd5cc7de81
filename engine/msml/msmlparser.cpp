// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/msmlparser.h"

#include "engine/msml/msmlgrammar.h"
#include "engine/msml/safexmlreader.h"

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
