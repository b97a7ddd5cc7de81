// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/sdp/sessiondescription.h"

#include <QByteArrayView>

// The value grammar of each SDP line type (RFC 8866 §5, §9): strict, single spaces between
// fields, every number range-checked. Errors say what is wrong but not where: the line parser
// adds the line number.
namespace herald::sdp::fields {

Result<Origin> origin(QByteArrayView value);
Result<Connection> connection(QByteArrayView value);
Result<Bandwidth> bandwidth(QByteArrayView value);
Result<Timing> timing(QByteArrayView value);
Result<Attribute> attribute(QByteArrayView value, qsizetype maxValueLength);
// m=<media> <port>[/<count>] <proto> <fmt> ...; formats are tokens only (the rule Debian's
// sofia-sip 1.12.11 breaks, PLATFORM.md §10).
Result<MediaDescription> media(QByteArrayView value, int maxFormats);

// r= and z=: kept as written, but each field must be [-]1*DIGIT[d|h|m|s] within 64 bits, and
// there must be at least minFields of them.
bool isTimeFieldList(QByteArrayView text, int minFields);

} // namespace herald::sdp::fields
