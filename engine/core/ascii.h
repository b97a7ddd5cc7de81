// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QByteArrayView>

namespace herald {

// ASCII case folding for protocol names and keywords (SIP header names, RFC 3261 §7.3.1;
// MSRP header names and report values, RFC 4975 §9). Qt's case-insensitive compare folds
// Latin-1 as well, which changes nothing when one side is an ASCII name, and costs a library
// call per header name on the parsers' hot paths.
constexpr char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

inline bool equalsCi(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (asciiLower(a[i]) != asciiLower(b[i]))
            return false;
    }
    return true;
}

inline bool startsWithCi(QByteArrayView s, QByteArrayView prefix)
{
    return s.size() >= prefix.size() && equalsCi(s.first(prefix.size()), prefix);
}

} // namespace herald
