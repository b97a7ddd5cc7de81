// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

// Lexical building blocks shared by the SDP parser, the MSRP attribute view and the RFC 5547
// file attributes. Everything here works on bytes and allocates nothing it does not return.
namespace herald::sdp::grammar {

// RFC 8866 §9: token-char = %x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 / %x41-5A / %x5E-7E
bool isTokenChar(char c);
bool isToken(QByteArrayView text);

// RFC 8866 non-ws-string = 1*(VCHAR / %x80-FF): no space, no control character.
bool isNonWsString(QByteArrayView text);

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(QByteArrayView text);

// A C0 control character or DEL.
bool isControl(char c);

// 1*DIGIT that fits in 64 bits, at most maxDigits digits (leading zeros allowed, as the RFC
// 8866 grammar allows them; the writer emits the canonical form).
std::optional<quint64> parseUnsigned(QByteArrayView text, int maxDigits = 20);

// Splits on single spaces; an empty element (two spaces, a leading or trailing space) makes
// the result empty, so callers that need strictness see an error.
QList<QByteArrayView> splitOnSingleSpaces(QByteArrayView text);

// Splits on runs of spaces, dropping empty elements (for semantic lists such as accept-types,
// where extra spaces cannot change the meaning).
QList<QByteArrayView> splitOnSpaces(QByteArrayView text);

// For error messages: at most maxChars characters of untrusted text, with anything that is
// not printable ASCII shown as \xNN, and quoted.
QString excerpt(QByteArrayView text, qsizetype maxChars = 40);

bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b);

} // namespace herald::sdp::grammar
