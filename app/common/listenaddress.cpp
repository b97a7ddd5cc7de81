// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "app/common/listenaddress.h"

#include <QAbstractSocket>

#include <algorithm>

namespace herald::app {

Result<ListenAddress> ListenAddress::parse(QStringView text)
{
    QStringView host;
    QStringView port;
    if (text.startsWith(u'[')) {
        // "[v6]:port": the brackets keep the address's colons apart from the port's.
        const qsizetype close = text.indexOf(QLatin1String("]:"));
        if (close < 0)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("expected [IPv6]:PORT, got \"%1\"").arg(text));
        host = text.mid(1, close - 1);
        port = text.mid(close + 2);
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon < 0)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("expected ADDRESS:PORT, got \"%1\"").arg(text));
        host = text.left(colon);
        port = text.mid(colon + 1);
        if (host.contains(u':'))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("write IPv6 addresses in brackets, e.g. [::1]:2855; got "
                                       "\"%1\"")
                            .arg(text));
    }

    ListenAddress result;
    if (host.isEmpty() || !result.address.setAddress(host.toString()))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("\"%1\" is not an IP address").arg(host));
    const bool bracketed = text.startsWith(u'[');
    const bool isIpv6 = result.address.protocol() == QAbstractSocket::IPv6Protocol;
    if (bracketed != isIpv6)
        return fail(ErrorCode::InvalidArgument,
                    bracketed
                        ? QStringLiteral("only IPv6 addresses go in brackets: \"%1\"").arg(text)
                        : QStringLiteral("write IPv6 addresses in brackets: \"%1\"").arg(text));
    // inet_aton(3) also reads "127.1" and "0x7f.1" (and octal "010.0.0.1"); an operator
    // who writes them most likely means something else, so IPv4 is dotted-quad decimal only.
    if (!isIpv6 && result.address.toString() != host)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("write IPv4 addresses as four decimal numbers, e.g. "
                                   "127.0.0.1; got \"%1\"")
                        .arg(host));
    // A scope id ("fe80::1%eth0") is accepted by QHostAddress and kept.

    bool ok = false;
    const uint value = port.toUInt(&ok, 10);
    // toUInt accepts a leading '+' and surrounding spaces; a port is plain digits.
    const bool digitsOnly = !port.isEmpty() && std::all_of(port.begin(), port.end(), [](QChar c) {
        return c >= u'0' && c <= u'9';
    });
    if (!ok || !digitsOnly || value > 65535)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("\"%1\" is not a port number (0-65535)").arg(port));
    result.port = static_cast<quint16>(value);
    return result;
}

QString ListenAddress::toString() const
{
    return formatHostPort(address, port);
}

QString formatHostPort(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + address.toString() + u']'
                             : address.toString();
    return host + u':' + QString::number(port);
}

} // namespace herald::app
