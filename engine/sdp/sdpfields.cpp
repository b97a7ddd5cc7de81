// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The grammar of each SDP line's value (RFC 8866 §5, §9). The line parser (sdpparser.cpp) adds
// the line number to every error.
#include "engine/sdp/sdpfields.h"

#include "engine/sdp/sdpgrammar.h"

namespace herald::sdp::fields {

using namespace grammar;

namespace {

tl::unexpected<Error> malformed(const QString &what)
{
    return fail(ErrorCode::Malformed, what);
}

tl::unexpected<Error> tooLong(const QString &what)
{
    return fail(ErrorCode::LimitExceeded, what);
}

bool isIpv4Literal(QByteArrayView host)
{
    int parts = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= host.size(); ++i) {
        if (i == host.size() || host[i] == '.') {
            const auto octet = parseUnsigned(host.sliced(start, i - start), 3);
            if (!octet || *octet > 255)
                return false;
            ++parts;
            start = i + 1;
        }
    }
    return parts == 4;
}

bool looksNumeric(QByteArrayView host)
{
    for (const char c : host) {
        if (!(c == '.' || (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

bool isIpv6Literal(QByteArrayView host)
{
    int colons = 0;
    for (const char c : host) {
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (c == ':')
            ++colons;
        else if (!hex && c != '.')
            return false;
    }
    return colons >= 2 && colons <= 7;
}

bool isHostName(QByteArrayView host)
{
    if (host.isEmpty() || host.size() > 255)
        return false;
    qsizetype labelLength = 0;
    for (const char c : host) {
        const bool alnum =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (c == '.') {
            if (labelLength == 0)
                return false;
            labelLength = 0;
        } else if (alnum || c == '-' || c == '_') {
            if (++labelLength > 63)
                return false;
        } else {
            return false;
        }
    }
    return true;
}

// RFC 8866 §9 unicast-address / connection-address, for the address types Herald meets; other
// address types only need a non-ws-string. A multicast suffix ("/ttl[/count]") is allowed in
// c= only.
bool isValidAddress(QByteArrayView addrType, QByteArrayView address, bool allowMulticastSuffix)
{
    if (!isNonWsString(address))
        return false;
    const bool ip4 = equalsIgnoreCase(addrType, "IP4");
    const bool ip6 = equalsIgnoreCase(addrType, "IP6");
    if (!ip4 && !ip6)
        return true;
    QByteArrayView host = address;
    const qsizetype slash = address.indexOf('/');
    if (slash >= 0) {
        if (!allowMulticastSuffix)
            return false;
        host = address.first(slash);
        const QByteArrayView suffix = address.sliced(slash + 1);
        const qsizetype second = suffix.indexOf('/');
        const QByteArrayView first = second >= 0 ? suffix.first(second) : suffix;
        const auto firstValue = parseUnsigned(first, 5);
        // IP4: /ttl (0-255) then an optional /count; IP6: /count only (RFC 8866 §5.7).
        if (!firstValue || (ip4 && *firstValue > 255) || (ip6 && second >= 0))
            return false;
        if (second >= 0) {
            const auto count = parseUnsigned(suffix.sliced(second + 1), 5);
            if (!count || *count == 0 || *count > 65535)
                return false;
        } else if (ip6 && (*firstValue == 0 || *firstValue > 65535)) {
            return false;
        }
    }
    if (host.contains(':'))
        return ip6 && isIpv6Literal(host);
    if (looksNumeric(host))
        return ip4 && isIpv4Literal(host);
    return isHostName(host); // RFC 4975 §8.1: an FQDN is allowed
}

// r= and z= are kept as written, but their numbers are still range-checked:
// each field is an optional '-', 1*DIGIT and an optional d/h/m/s unit.
} // namespace

bool isTimeFieldList(QByteArrayView text, int minFields)
{
    const auto fields = splitOnSingleSpaces(text);
    if (fields.size() < minFields)
        return false;
    for (QByteArrayView f : fields) {
        if (f.startsWith('-'))
            f = f.sliced(1);
        if (!f.isEmpty() &&
            (f.back() == 'd' || f.back() == 'h' || f.back() == 'm' || f.back() == 's'))
            f.chop(1);
        if (!parseUnsigned(f))
            return false;
    }
    return true;
}

Result<Origin> origin(QByteArrayView value)
{
    const auto f = splitOnSingleSpaces(value);
    if (f.size() != 6) {
        return malformed(QStringLiteral("o= needs 6 fields separated by single spaces, got %1")
                             .arg(excerpt(value)));
    }
    if (!isNonWsString(f[0]))
        return malformed(QStringLiteral("o= username %1 is invalid").arg(excerpt(f[0])));
    const auto id = parseUnsigned(f[1]);
    const auto version = parseUnsigned(f[2]);
    if (!id)
        return malformed(QStringLiteral("o= sess-id %1 is not a 64-bit number").arg(excerpt(f[1])));
    if (!version)
        return malformed(
            QStringLiteral("o= sess-version %1 is not a 64-bit number").arg(excerpt(f[2])));
    if (!isToken(f[3]) || !isToken(f[4]))
        return malformed(QStringLiteral("o= nettype/addrtype must be tokens"));
    if (!isValidAddress(f[4], f[5], false))
        return malformed(QStringLiteral("o= address %1 is invalid").arg(excerpt(f[5])));
    return Origin{f[0].toByteArray(), *id, *version, f[3].toByteArray(), f[4].toByteArray(),
                  f[5].toByteArray()};
}

Result<Connection> connection(QByteArrayView value)
{
    const auto f = splitOnSingleSpaces(value);
    if (f.size() != 3) {
        return malformed(QStringLiteral("c= needs 3 fields separated by single spaces, got %1")
                             .arg(excerpt(value)));
    }
    if (!isToken(f[0]) || !isToken(f[1]))
        return malformed(QStringLiteral("c= nettype/addrtype must be tokens"));
    if (!isValidAddress(f[1], f[2], true))
        return malformed(QStringLiteral("c= address %1 is invalid").arg(excerpt(f[2])));
    return Connection{f[0].toByteArray(), f[1].toByteArray(), f[2].toByteArray()};
}

Result<Bandwidth> bandwidth(QByteArrayView value)
{
    const qsizetype colon = value.indexOf(':');
    if (colon < 0)
        return malformed(
            QStringLiteral("b= needs <bwtype>:<bandwidth>, got %1").arg(excerpt(value)));
    const QByteArrayView type = value.first(colon);
    const auto bw = parseUnsigned(value.sliced(colon + 1));
    if (!isToken(type))
        return malformed(QStringLiteral("b= bwtype %1 is not a token").arg(excerpt(type)));
    if (!bw)
        return malformed(QStringLiteral("b= bandwidth %1 is not a 64-bit number")
                             .arg(excerpt(value.sliced(colon + 1))));
    return Bandwidth{type.toByteArray(), *bw};
}

Result<Timing> timing(QByteArrayView value)
{
    const auto f = splitOnSingleSpaces(value);
    if (f.size() != 2)
        return malformed(QStringLiteral("t= needs <start> <stop>, got %1").arg(excerpt(value)));
    const auto start = parseUnsigned(f[0]);
    const auto stop = parseUnsigned(f[1]);
    if (!start || !stop)
        return malformed(
            QStringLiteral("t= times must be 64-bit numbers, got %1").arg(excerpt(value)));
    if (*stop != 0 && *start > *stop)
        return malformed(QStringLiteral("t= stop time is before the start time"));
    return Timing{*start, *stop, {}, std::nullopt};
}

Result<Attribute> attribute(QByteArrayView value, qsizetype maxValueLength)
{
    const qsizetype colon = value.indexOf(':');
    const QByteArrayView name = colon < 0 ? value : value.first(colon);
    if (!isToken(name))
        return malformed(QStringLiteral("attribute name %1 is not a token").arg(excerpt(name)));
    if (colon < 0)
        return Attribute{name.toByteArray(), std::nullopt};
    const QByteArrayView v = value.sliced(colon + 1);
    if (v.isEmpty())
        return malformed(QStringLiteral("a=%1: has an empty value").arg(QString::fromUtf8(name)));
    if (v.size() > maxValueLength) {
        return tooLong(QStringLiteral("a=%1 value is %2 bytes, the limit is %3")
                           .arg(QString::fromUtf8(name))
                           .arg(v.size())
                           .arg(maxValueLength));
    }
    return Attribute{name.toByteArray(), v.toByteArray()};
}

Result<MediaDescription> media(QByteArrayView value, int maxFormats)
{
    const auto f = splitOnSingleSpaces(value);
    if (f.size() < 4) {
        return malformed(
            QStringLiteral("m= needs <media> <port> <proto> <fmt> ... separated by single "
                           "spaces, got %1")
                .arg(excerpt(value)));
    }
    MediaDescription m;
    if (!isToken(f[0]))
        return malformed(QStringLiteral("m= media %1 is not a token").arg(excerpt(f[0])));
    m.media = f[0].toByteArray();

    QByteArrayView portText = f[1];
    const qsizetype slash = portText.indexOf('/');
    if (slash >= 0) {
        const auto count = parseUnsigned(portText.sliced(slash + 1), 5);
        if (!count || *count == 0 || *count > 65535)
            return malformed(
                QStringLiteral("m= number of ports %1 is out of range").arg(excerpt(f[1])));
        m.portCount = static_cast<quint16>(*count);
        portText = portText.first(slash);
    }
    const auto port = parseUnsigned(portText, 5);
    if (!port || *port > 65535)
        return malformed(QStringLiteral("m= port %1 is out of range").arg(excerpt(portText)));
    m.port = static_cast<quint16>(*port);

    // proto = token *("/" token)
    const QByteArrayView proto = f[2];
    qsizetype start = 0;
    for (qsizetype i = 0; i <= proto.size(); ++i) {
        if (i == proto.size() || proto[i] == '/') {
            if (!isToken(proto.sliced(start, i - start)))
                return malformed(QStringLiteral("m= proto %1 is not a /-separated token list")
                                     .arg(excerpt(proto)));
            start = i + 1;
        }
    }
    m.protocol = proto.toByteArray();

    if (f.size() - 3 > maxFormats)
        return tooLong(QStringLiteral("m= has more than %1 formats").arg(maxFormats));
    for (qsizetype i = 3; i < f.size(); ++i) {
        // The token-only rule is what sofia-sip 1.12.11 gets wrong (PLATFORM.md §10).
        if (!isToken(f[i]))
            return malformed(QStringLiteral("m= format %1 is not a token").arg(excerpt(f[i])));
        m.formats.append(f[i].toByteArray());
    }
    return m;
}

} // namespace herald::sdp::fields
