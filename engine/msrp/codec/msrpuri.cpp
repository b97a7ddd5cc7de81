// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/codec/msrpuri.h"

#include "engine/msrp/codec/msrpgrammar.h"

namespace herald::msrp {

using namespace grammar;

namespace {

// RFC 3986 host: IP-literal / IPv4address / reg-name. ';' and '/' end the authority in an
// MSRP URI, so they cannot appear here.
bool validHost(QByteArrayView host)
{
    if (host.isEmpty())
        return false;
    if (host.front() == '[') {
        if (host.size() < 3 || host.back() != ']')
            return false;
        for (char c : host.sliced(1, host.size() - 2)) {
            if (!isHexDigit(c) && c != ':' && c != '.')
                return false;
        }
        return true;
    }
    return allOf(host,
                 [](char c) { return isUnreserved(c) || isSubDelimInAuthority(c) || c == '%'; }) &&
           validPercentEncoding(host);
}

bool validUserinfo(QByteArrayView u)
{
    return allOf(u,
                 [](char c) {
                     return isUnreserved(c) || isSubDelimInAuthority(c) || c == ':' || c == '%';
                 }) &&
           validPercentEncoding(u);
}

// session-id = 1*( unreserved / "+" / "=" / "/" )
bool validSessionId(QByteArrayView s)
{
    return !s.isEmpty() &&
           allOf(s, [](char c) { return isUnreserved(c) || c == '+' || c == '=' || c == '/'; });
}

// URI-parameter = token ["=" token]
bool validParameter(QByteArrayView p)
{
    const qsizetype eq = p.indexOf('=');
    if (eq < 0)
        return isToken(p);
    return isToken(p.first(eq)) && isToken(p.sliced(eq + 1));
}

bool equalsPercentDecoded(QByteArrayView a, QByteArrayView b, bool caseInsensitive)
{
    // The common case, no escapes, compares in place.
    if (!a.contains('%') && !b.contains('%'))
        return caseInsensitive ? equalsCi(a, b) : a == b;
    const QByteArray da = percentDecoded(a);
    const QByteArray db = percentDecoded(b);
    return caseInsensitive ? da.compare(db, Qt::CaseInsensitive) == 0 : da == db;
}

} // namespace

Result<Uri> Uri::parse(QByteArrayView text, qsizetype maxLength)
{
    if (text.size() > maxLength)
        return fail(ErrorCode::LimitExceeded,
                    QStringLiteral("MSRP URI longer than %1 octets").arg(maxLength));
    Uri uri;
    QByteArrayView rest;
    if (startsWithCi(text, "msrps://")) {
        uri.secure = true;
        rest = text.sliced(8);
    } else if (startsWithCi(text, "msrp://")) {
        rest = text.sliced(7);
    } else {
        return fail(ErrorCode::Malformed,
                    QStringLiteral("MSRP URI must start with msrp:// or msrps://"));
    }

    // authority ends at the first '/' (session-id) or ';' (transport).
    qsizetype end = 0;
    while (end < rest.size() && rest[end] != '/' && rest[end] != ';')
        ++end;
    QByteArrayView authority = rest.first(end);
    rest = rest.sliced(end);

    const qsizetype at = authority.lastIndexOf('@');
    if (at >= 0) {
        if (!validUserinfo(authority.first(at)))
            return fail(ErrorCode::Malformed, QStringLiteral("MSRP URI has an invalid userinfo"));
        uri.userinfo = authority.first(at).toByteArray();
        authority = authority.sliced(at + 1);
    }

    QByteArrayView host = authority;
    QByteArrayView port;
    if (authority.startsWith('[')) {
        const qsizetype close = authority.indexOf(']');
        if (close < 0)
            return fail(ErrorCode::Malformed,
                        QStringLiteral("MSRP URI has an unclosed IPv6 literal"));
        host = authority.first(close + 1);
        const QByteArrayView after = authority.sliced(close + 1);
        if (!after.isEmpty()) {
            if (after.front() != ':')
                return fail(ErrorCode::Malformed,
                            QStringLiteral("MSRP URI has junk after its IPv6 literal"));
            port = after.sliced(1);
            if (port.isEmpty())
                return fail(ErrorCode::Malformed, QStringLiteral("MSRP URI has an empty port"));
        }
    } else if (const qsizetype colon = authority.lastIndexOf(':'); colon >= 0) {
        host = authority.first(colon);
        port = authority.sliced(colon + 1);
        if (port.isEmpty())
            return fail(ErrorCode::Malformed, QStringLiteral("MSRP URI has an empty port"));
    }
    if (!validHost(host))
        return fail(ErrorCode::Malformed, QStringLiteral("MSRP URI has an invalid host"));
    uri.host = host.toByteArray();
    if (!port.isEmpty()) {
        const auto value = parseDecimal(port, 65535);
        if (!value || port.size() > 5)
            return fail(ErrorCode::Malformed, QStringLiteral("MSRP URI has an invalid port"));
        uri.port = quint16(*value);
    }

    if (rest.startsWith('/')) {
        qsizetype semi = rest.indexOf(';');
        if (semi < 0)
            semi = rest.size();
        const QByteArrayView sid = rest.sliced(1, semi - 1);
        if (!validSessionId(sid))
            return fail(ErrorCode::Malformed, QStringLiteral("MSRP URI has an invalid session-id"));
        uri.sessionId = sid.toByteArray();
        rest = rest.sliced(semi);
    }

    // RFC 4975 §9: the transport parameter is mandatory.
    if (!rest.startsWith(';'))
        return fail(ErrorCode::Malformed, QStringLiteral("MSRP URI lacks its ;transport"));
    rest = rest.sliced(1);
    bool first = true;
    while (true) {
        const qsizetype semi = rest.indexOf(';');
        const QByteArrayView item = semi < 0 ? rest : rest.first(semi);
        if (first) {
            if (item.isEmpty() || !allOf(item, isAlphaNum))
                return fail(ErrorCode::Malformed,
                            QStringLiteral("MSRP URI has an invalid transport"));
            uri.transport = item.toByteArray();
            first = false;
        } else {
            if (!validParameter(item))
                return fail(ErrorCode::Malformed,
                            QStringLiteral("MSRP URI has an invalid parameter"));
            uri.parameters.append(item.toByteArray());
        }
        if (semi < 0)
            break;
        rest = rest.sliced(semi + 1);
    }
    return uri;
}

QByteArray Uri::toBytes() const
{
    QByteArray out;
    out.reserve(32 + userinfo.size() + host.size() + sessionId.size() + transport.size());
    out.append(secure ? "msrps://" : "msrp://");
    if (!userinfo.isEmpty()) {
        out.append(userinfo);
        out.append('@');
    }
    out.append(host);
    if (port) {
        out.append(':');
        out.append(QByteArray::number(*port));
    }
    if (!sessionId.isEmpty()) {
        out.append('/');
        out.append(sessionId);
    }
    out.append(';');
    out.append(transport);
    for (const QByteArray &p : parameters) {
        out.append(';');
        out.append(p);
    }
    return out;
}

bool Uri::matches(const Uri &other) const
{
    return secure == other.secure && port == other.port &&
           equalsPercentDecoded(host, other.host, true) &&
           equalsPercentDecoded(userinfo, other.userinfo, false) && sessionId == other.sessionId &&
           transport.compare(other.transport, Qt::CaseInsensitive) == 0;
}

QByteArray Uri::authorityKey() const
{
    QByteArray key = percentDecoded(host).toLower();
    key.append(':');
    key.append(port ? QByteArray::number(*port) : QByteArray());
    return key;
}

Result<Path> parsePath(QByteArrayView text, int maxUris, qsizetype maxUriLength)
{
    Path path;
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
            ++i;
        if (i == text.size())
            break;
        qsizetype j = i;
        while (j < text.size() && text[j] != ' ' && text[j] != '\t')
            ++j;
        if (path.size() == maxUris)
            return fail(ErrorCode::LimitExceeded,
                        QStringLiteral("path has more than %1 URIs").arg(maxUris));
        auto uri = Uri::parse(text.sliced(i, j - i), maxUriLength);
        if (!uri)
            return tl::unexpected(uri.error());
        path.append(std::move(*uri));
        i = j;
    }
    if (path.isEmpty())
        return fail(ErrorCode::Malformed, QStringLiteral("empty path"));
    return path;
}

QByteArray pathToBytes(const Path &path)
{
    QByteArray out;
    for (const Uri &u : path) {
        if (!out.isEmpty())
            out.append(' ');
        out.append(u.toBytes());
    }
    return out;
}

bool pathMatches(const Path &a, const Path &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a[i].matches(b[i]))
            return false;
    }
    return true;
}

} // namespace herald::msrp
