// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msml/msmldocument.h"

#include <QByteArray>

namespace herald::msml {

// Writes MSML documents, byte for byte the same for the same Document: UTF-8 with an XML
// declaration, two-space indentation, one element per line, attributes in a fixed order,
// absent attributes left out, a final newline. For example:
//
//   <?xml version="1.0" encoding="UTF-8"?>
//   <msml version="1.1">
//     <result response="200"/>
//   </msml>
//
// Parser().parse(write(d)) == d for every document the parser returns. Characters XML 1.0
// cannot carry (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are written as U+FFFD;
// a CR in text is written as &#13; so that a reader's line-end normalisation keeps it.
namespace Writer {

QByteArray write(const Document &document);

// The two documents Herald sends: the answer to a request (RFC 5707 §7.3) and a dialog's
// event (RFC 5707 §7.4), each in <msml version="1.1">.
QByteArray writeResult(const ResultDocument &result);
QByteArray writeEvent(const EventDocument &event);

} // namespace Writer

} // namespace herald::msml
