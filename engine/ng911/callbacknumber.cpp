// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/ng911/callbacknumber.h"

#include "engine/ng911/nameaddr.h"

namespace herald::ng911 {

namespace {

// RFC 3966 §5.1: visual separators are dropped; what remains is '+' and digits.
QString telephoneDigits(QByteArrayView text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9')
            out += QLatin1Char(c);
        else if (c == '+' && i == 0)
            out += QLatin1Char(c);
        else if (c != '-' && c != '.' && c != '(' && c != ')')
            return QString();
    }
    return out.size() > 1 && out.size() <= 32 ? out : QString();
}

// 2 = tel URI, 1 = SIP URI with a telephone-number user part, 0 = other.
int rank(const QByteArray &uri, QString *number)
{
    const QByteArray lower = uri.toLower();
    if (lower.startsWith("tel:")) {
        const QByteArray body = uri.mid(4);
        *number = telephoneDigits(
            QByteArrayView(body).first(body.indexOf(';') < 0 ? body.size() : body.indexOf(';')));
        return number->isEmpty() ? 0 : 2;
    }
    if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
        const qsizetype colon = uri.indexOf(':');
        const qsizetype at = uri.indexOf('@');
        if (at > colon) {
            QByteArray user = uri.mid(colon + 1, at - colon - 1);
            if (const qsizetype semi = user.indexOf(';'); semi >= 0)
                user.truncate(semi);
            *number = telephoneDigits(user);
            if (!number->isEmpty())
                return 1;
            *number = QString::fromUtf8(user);
        }
    }
    return 0;
}

} // namespace

CallbackNumber callbackNumber(const QList<QByteArray> &pAssertedIdentity, const QByteArray &from)
{
    CallbackNumber best;
    int bestRank = -1;
    for (const QByteArray &value : pAssertedIdentity) {
        auto list = parseNameAddrList(value);
        if (!list) {
            // RFC 3325 §9.1 also allows a bare addr-spec.
            auto single = parseNameAddr(value, true);
            if (!single)
                continue;
            list = QList<NameAddr>{*single};
        }
        for (const NameAddr &addr : *list) {
            QString number;
            const int r = rank(addr.uri, &number);
            if (r > bestRank) {
                bestRank = r;
                best = {CallbackNumber::Source::PAssertedIdentity, addr.uri, number};
            }
        }
    }
    if (best.isValid())
        return best;
    if (auto addr = parseNameAddr(from, true)) {
        QString number;
        rank(addr->uri, &number);
        return {CallbackNumber::Source::From, addr->uri, number};
    }
    return {};
}

} // namespace herald::ng911
