// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/msmlvalues.h"

#include <limits>

namespace herald::msml {

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
bool isAsciiAlnum(QChar c)
{
    return isAsciiDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isInstanceChar(QChar c)
{
    return isAsciiAlnum(c) || c == u'.' || c == u':' || c == u'_' || c == u'-';
}

// RFC 2045 §5.1: token := 1*<any (US-ASCII) CHAR except SPACE, CTLs, or tspecials>.
bool isMimeTokenChar(QChar c)
{
    if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
        return false;
    static constexpr char16_t tspecials[] = u"()<>@,;:\\\"/[]?=";
    for (char16_t t : tspecials) {
        if (t != 0 && c == QChar(t))
            return false;
    }
    return true;
}

bool isMimeToken(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (!isMimeTokenChar(c))
            return false;
    }
    return true;
}

// Digits only, at most `maxDigits` of them; returns the value or -1.
qint64 parseDigits(QStringView digits, int maxDigits)
{
    if (digits.isEmpty() || digits.size() > maxDigits)
        return -1;
    qint64 value = 0;
    for (QChar c : digits) {
        if (!isAsciiDigit(c))
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

} // namespace

Result<bool> parseBoolean(QStringView text)
{
    if (text == u"true")
        return true;
    if (text == u"false")
        return false;
    return fail(ErrorCode::Malformed,
                QStringLiteral("\"%1\" is not a boolean (true or false)").arg(text));
}

QString formatBoolean(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

Result<std::chrono::milliseconds> parseDuration(QStringView text)
{
    const auto bad = [&] {
        return fail(ErrorCode::Malformed,
                    QStringLiteral("\"%1\" is not a duration such as 30s or 500ms").arg(text));
    };
    QStringView rest = text;
    bool seconds = false;
    if (rest.endsWith(u"ms")) {
        rest.chop(2);
    } else if (rest.endsWith(u"s")) {
        rest.chop(1);
        seconds = true;
    } else {
        return bad();
    }
    if (rest.startsWith(u'+'))
        rest = rest.mid(1);
    QStringView whole = rest;
    QStringView fraction;
    if (const qsizetype dot = rest.indexOf(u'.'); dot >= 0) {
        whole = rest.left(dot);
        fraction = rest.mid(dot + 1);
        if (fraction.isEmpty())
            return bad(); // "5.s": the schema wants digits after the point
    }
    // Twelve integer digits is already far past kMaxDuration; it also keeps the arithmetic
    // below inside 64 bits.
    const qint64 wholeValue = whole.isEmpty() ? 0 : parseDigits(whole, 12);
    if (wholeValue < 0 || (whole.isEmpty() && fraction.isEmpty()))
        return bad();
    // The fraction in millionths of the unit; digits past the sixth only need to be digits.
    static constexpr qint64 kPlace[6] = {100000, 10000, 1000, 100, 10, 1};
    qint64 millionths = 0;
    for (qsizetype i = 0; i < fraction.size(); ++i) {
        if (!isAsciiDigit(fraction[i]))
            return bad();
        if (i < 6)
            millionths += (fraction[i].unicode() - u'0') * kPlace[i];
    }
    const qint64 total = wholeValue * 1000000 + millionths; // millionths of the unit
    const qint64 ms = seconds ? (total + 500) / 1000 : (total + 500000) / 1000000;
    if (ms > kMaxDuration.count())
        return fail(ErrorCode::LimitExceeded, QStringLiteral("duration \"%1\" is longer than %2 ms")
                                                  .arg(text)
                                                  .arg(kMaxDuration.count()));
    return std::chrono::milliseconds(ms);
}

QString formatDuration(std::chrono::milliseconds value)
{
    const qint64 ms = value.count();
    if (ms % 1000 == 0)
        return QString::number(ms / 1000) + u's';
    return QString::number(ms) + QStringLiteral("ms");
}

Result<Iterate> Iterate::parse(QStringView text)
{
    // RFC 5707 §16.3.2: xs:positiveInteger, or -1, or "forever".
    if (text == u"forever" || text == u"-1")
        return Iterate{1, true};
    const qint64 n = parseDigits(text, 10);
    if (n < 1 || n > std::numeric_limits<int>::max())
        return fail(ErrorCode::Malformed,
                    QStringLiteral("\"%1\" is not an iteration count (a positive integer or "
                                   "\"forever\")")
                        .arg(text));
    return Iterate{static_cast<int>(n), false};
}

QString Iterate::toString() const
{
    return unlimited ? QStringLiteral("forever") : QString::number(count);
}

Result<int> parseCount(QStringView text)
{
    const qint64 n = parseDigits(text, 10);
    if (n < 0 || n > std::numeric_limits<int>::max())
        return fail(ErrorCode::Malformed,
                    QStringLiteral("\"%1\" is not a non-negative integer").arg(text));
    return static_cast<int>(n);
}

QStringList parseNamelist(QStringView text)
{
    QStringList names;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        // XML white space (XML 1.0 §2.3 S): space, tab, CR, LF.
        const bool space = i == text.size() || text[i] == u' ' || text[i] == u'\t' ||
                           text[i] == u'\n' || text[i] == u'\r';
        if (space && start >= 0) {
            names.append(text.mid(start, i - start).toString());
            start = -1;
        } else if (!space && start < 0) {
            start = i;
        }
    }
    return names;
}

bool isMomlId(QStringView text)
{
    if (text.isEmpty() || !isAsciiAlnum(text.front()))
        return false;
    for (QChar c : text) {
        if (!isAsciiAlnum(c) && c != u'.' && c != u'_' && c != u'-')
            return false;
    }
    return true;
}

bool isInstanceId(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (!isInstanceChar(c))
            return false;
    }
    return true;
}

bool isIndependentId(QStringView text)
{
    return (text.startsWith(u"conn:") || text.startsWith(u"conf:")) && isInstanceId(text.mid(5));
}

bool isDialogId(QStringView text)
{
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0)
        return false;
    const QStringView dialog = text.mid(slash + 1);
    return isIndependentId(text.left(slash)) && dialog.startsWith(u"dialog:") &&
           isInstanceId(dialog.mid(7));
}

bool isMimeType(QStringView text)
{
    const qsizetype semicolon = text.indexOf(u';');
    const QStringView type = semicolon < 0 ? text : text.left(semicolon);
    const qsizetype slash = type.indexOf(u'/');
    if (slash < 0 || !isMimeToken(type.left(slash)) || !isMimeToken(type.mid(slash + 1)))
        return false;
    if (semicolon < 0)
        return true;
    // Parameters: printable ASCII; their inner syntax is the consumer's business.
    for (QChar c : text.mid(semicolon)) {
        if ((c.unicode() < 0x20 && c != u'\t') || c.unicode() >= 0x7f)
            return false;
    }
    return true;
}

} // namespace herald::msml
