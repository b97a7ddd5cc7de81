// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sdp/sdpgrammar.h"

namespace herald::sdp::grammar {

bool isTokenChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x30 && u <= 0x39)
        return true; // DIGIT
    if (u >= 0x41 && u <= 0x5A)
        return true; // upper ALPHA
    if (u >= 0x5E && u <= 0x7E)
        return true; // ^ _ ` lower ALPHA { | } ~
    switch (u) {
    case 0x21: // !
    case 0x23: // #
    case 0x24: // $
    case 0x25: // %
    case 0x26: // &
    case 0x27: // '
    case 0x2A: // *
    case 0x2B: // +
    case 0x2D: // -
    case 0x2E: // .
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool isControl(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
}

bool isNonWsString(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (c == ' ' || isControl(c))
            return false;
    }
    return true;
}

bool isValidUtf8(QByteArrayView text)
{
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char b0 = p[i];
        if (b0 < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if ((b0 & 0xE0) == 0xC0) {
            extra = 1;
            cp = b0 & 0x1F;
            min = 0x80;
        } else if ((b0 & 0xF0) == 0xE0) {
            extra = 2;
            cp = b0 & 0x0F;
            min = 0x800;
        } else if ((b0 & 0xF8) == 0xF0) {
            extra = 3;
            cp = b0 & 0x07;
            min = 0x10000;
        } else {
            return false; // continuation byte first, or 0xF8..0xFF
        }
        if (n - i <= extra)
            return false;
        for (int k = 1; k <= extra; ++k) {
            const unsigned char b = p[i + k];
            if ((b & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

std::optional<quint64> parseUnsigned(QByteArrayView text, int maxDigits)
{
    if (text.isEmpty() || text.size() > maxDigits)
        return std::nullopt;
    quint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const auto digit = static_cast<quint64>(c - '0');
        if (value > (UINT64_MAX - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

QList<QByteArrayView> splitOnSingleSpaces(QByteArrayView text)
{
    QList<QByteArrayView> parts;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ' ') {
            if (i == start)
                return {};
            parts.append(text.sliced(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

QList<QByteArrayView> splitOnSpaces(QByteArrayView text)
{
    QList<QByteArrayView> parts;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ' ') {
            if (i > start)
                parts.append(text.sliced(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

QString excerpt(QByteArrayView text, qsizetype maxChars)
{
    QString out = QStringLiteral("\"");
    const qsizetype n = qMin(text.size(), maxChars);
    for (qsizetype i = 0; i < n; ++i) {
        const auto u = static_cast<unsigned char>(text[i]);
        if (u >= 0x20 && u < 0x7F && u != '"' && u != '\\')
            out += QLatin1Char(static_cast<char>(u));
        else
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    }
    if (text.size() > maxChars)
        out += QStringLiteral("...");
    out += QLatin1Char('"');
    return out;
}

bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace herald::sdp::grammar
