// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/ascii.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// Character classes and small helpers of the RFC 4975 §9 / RFC 3986 grammar, shared by the
// URI and frame parsers. Internal to the codec.
namespace herald::msrp::grammar {

constexpr bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
constexpr bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool isAlphaNum(char c)
{
    return isDigit(c) || isAlpha(c);
}
constexpr bool isUpAlpha(char c)
{
    return c >= 'A' && c <= 'Z';
}
constexpr bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
// RFC 3986 unreserved
constexpr bool isUnreserved(char c)
{
    return isAlphaNum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
// RFC 3986 sub-delims except ';', which starts the transport in an MSRP URI
constexpr bool isSubDelimInAuthority(char c)
{
    return c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' || c == '*' ||
           c == '+' || c == ',' || c == '=';
}
// RFC 4975 §9 ident-char = ALPHANUM / "." / "-" / "+" / "%" / "="
constexpr bool isIdentChar(char c)
{
    return isAlphaNum(c) || c == '.' || c == '-' || c == '+' || c == '%' || c == '=';
}
// RFC 3261 token characters (used for header names and URI parameters)
constexpr bool isTokenChar(char c)
{
    return isAlphaNum(c) || c == '-' || c == '.' || c == '!' || c == '%' || c == '*' || c == '_' ||
           c == '+' || c == '`' || c == '\'' || c == '~';
}

template<typename Pred>
bool allOf(QByteArrayView s, Pred pred)
{
    for (char c : s) {
        if (!pred(c))
            return false;
    }
    return true;
}

inline bool isToken(QByteArrayView s)
{
    return !s.isEmpty() && allOf(s, isTokenChar);
}

// ident = ALPHANUM 3*31ident-char. Herald accepts up to 64 octets: some deployed clients use
// 36-character UUIDs as transaction and message ids.
inline bool isIdent(QByteArrayView s)
{
    return s.size() >= 4 && s.size() <= 64 && isAlphaNum(s.front()) && allOf(s, isIdentChar);
}

// utf8text = *(HTAB / %x20-7E / UTF8-NONASCII): no control characters.
inline bool isUtf8Text(QByteArrayView s)
{
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

// ASCII case-insensitive comparison of names and keywords: engine/core/ascii.h.
using herald::equalsCi;
using herald::startsWithCi;

// Decimal without sign, leading '+' or spaces, no overflow past `max`.
inline std::optional<quint64> parseDecimal(QByteArrayView s, quint64 max = ~quint64(0))
{
    if (s.isEmpty() || s.size() > 20)
        return std::nullopt;
    quint64 v = 0;
    for (char c : s) {
        if (!isDigit(c))
            return std::nullopt;
        const quint64 d = quint64(c - '0');
        if (v > (max - d) / 10)
            return std::nullopt;
        v = v * 10 + d;
    }
    return v;
}

inline bool validPercentEncoding(QByteArrayView s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == '%') {
            if (i + 2 >= s.size() || !isHexDigit(s[i + 1]) || !isHexDigit(s[i + 2]))
                return false;
            i += 2;
        }
    }
    return true;
}

inline QByteArray percentDecoded(QByteArrayView s)
{
    if (!s.contains('%'))
        return s.toByteArray();
    return QByteArray::fromPercentEncoding(s.toByteArray());
}

inline QByteArrayView trimmed(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

} // namespace herald::msrp::grammar
