// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace herald::ng911 {

// The number a call-taker calls back. NENA i3 (STA-010 §4.1.2.1): the P-Asserted-Identity
// the originating network asserted, and From only when there is none. Among several
// P-Asserted-Identity values (RFC 3325 §9.1 allows one SIP and one tel), a tel URI wins,
// then a SIP URI whose user part is a telephone number.
struct CallbackNumber
{
    enum class Source { None, PAssertedIdentity, From };

    Source source = Source::None;
    QByteArray uri; // the URI it came from
    QString number; // "+15555550123" or the user part; empty when the URI holds no number

    bool isValid() const { return source != Source::None; }

    friend bool operator==(const CallbackNumber &, const CallbackNumber &) = default;
};

CallbackNumber callbackNumber(const QList<QByteArray> &pAssertedIdentity, const QByteArray &from);

} // namespace herald::ng911
