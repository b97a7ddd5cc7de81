// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sip/sipheaders.h"

#include "engine/core/ascii.h"

#include <array>
#include <optional>

namespace herald::sip {

namespace {

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (isWhitespace(v.front()) || v.front() == '\r' || v.front() == '\n'))
        v = v.sliced(1);
    while (!v.isEmpty() && (isWhitespace(v.back()) || v.back() == '\r' || v.back() == '\n'))
        v.chop(1);
    return v;
}

QByteArray toLower(QByteArrayView v)
{
    QByteArray out(v.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < v.size(); ++i)
        out[i] = asciiLower(v[i]);
    return out;
}

struct CompactForm
{
    char compact;
    const char *full;
};

// RFC 3261 §7.3.3 and §20, RFC 3265 (o, u), RFC 3515 (r), RFC 3892 (b), RFC 4028 (x),
// RFC 3841 (a, j, d), RFC 4474 (y, n).
constexpr std::array<CompactForm, 20> compactForms{{
    {'a', "Accept-Contact"},
    {'b', "Referred-By"},
    {'c', "Content-Type"},
    {'d', "Request-Disposition"},
    {'e', "Content-Encoding"},
    {'f', "From"},
    {'i', "Call-ID"},
    {'j', "Reject-Contact"},
    {'k', "Supported"},
    {'l', "Content-Length"},
    {'m', "Contact"},
    {'n', "Identity-Info"},
    {'o', "Event"},
    {'r', "Refer-To"},
    {'s', "Subject"},
    {'t', "To"},
    {'u', "Allow-Events"},
    {'v', "Via"},
    {'x', "Session-Expires"},
    {'y', "Identity"},
}};

// The part of a URI that carries uri-parameters: after the host (so after the last '@' of
// the userinfo), before any '?headers' and any closing '>'.
QByteArrayView uriParameterPart(QByteArrayView uri)
{
    uri = trimmed(uri);
    const qsizetype open = uri.indexOf('<');
    if (open >= 0) {
        uri = uri.sliced(open + 1);
        const qsizetype close = uri.indexOf('>');
        if (close >= 0)
            uri = uri.first(close);
    }
    const qsizetype question = uri.indexOf('?');
    if (question >= 0)
        uri = uri.first(question);
    const qsizetype at = uri.lastIndexOf('@');
    if (at >= 0)
        uri = uri.sliced(at + 1);
    const qsizetype semicolon = uri.indexOf(';');
    return semicolon >= 0 ? uri.sliced(semicolon) : QByteArrayView();
}

// The value of a uri-parameter (empty for a flag such as ";lr"), or nullopt when absent.
std::optional<QByteArray> uriParam(QByteArrayView uri, QByteArrayView name)
{
    QByteArrayView params = uriParameterPart(uri);
    while (!params.isEmpty()) {
        params = params.sliced(1); // the ';'
        const qsizetype next = params.indexOf(';');
        const QByteArrayView param = next >= 0 ? params.first(next) : params;
        params = next >= 0 ? params.sliced(next) : QByteArrayView();
        const qsizetype eq = param.indexOf('=');
        const QByteArrayView key = trimmed(eq >= 0 ? param.first(eq) : param);
        if (equalsCi(key, name))
            return (eq >= 0 ? trimmed(param.sliced(eq + 1)) : QByteArrayView()).toByteArray();
    }
    return std::nullopt;
}

} // namespace

MessageSections splitMessage(QByteArrayView message, qsizetype maxHeaders)
{
    MessageSections out;
    qsizetype pos = 0;
    bool first = true;
    while (pos < message.size()) {
        qsizetype eol = message.indexOf('\n', pos);
        const qsizetype lineEnd = eol >= 0 ? eol : message.size();
        QByteArrayView line = message.sliced(pos, lineEnd - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = eol >= 0 ? eol + 1 : message.size();
        if (first) {
            out.startLine = line.toByteArray();
            first = false;
            continue;
        }
        if (line.isEmpty()) {
            out.bodyOffset = eol >= 0 ? pos : -1;
            break;
        }
        if (isWhitespace(line.front())) {
            // RFC 3261 §7.3.1: a continuation line; its LWS is equivalent to one SP.
            if (!out.headers.isEmpty()) {
                const QByteArrayView more = trimmed(line);
                QByteArray &value = out.headers.last().value;
                if (!more.isEmpty())
                    value += (value.isEmpty() ? QByteArray() : QByteArrayLiteral(" ")) + more;
            }
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArrayView name = colon > 0 ? trimmed(line.first(colon)) : QByteArrayView();
        if (name.isEmpty())
            continue;
        if (out.headers.size() >= maxHeaders)
            break;
        out.headers.append(
            SipHeader{name.toByteArray(), trimmed(line.sliced(colon + 1)).toByteArray()});
    }
    return out;
}

QByteArray canonicalHeaderName(QByteArrayView name)
{
    if (name.size() == 1) {
        const char c = asciiLower(name.front());
        for (const CompactForm &form : compactForms) {
            if (form.compact == c)
                return QByteArray(form.full);
        }
    }
    return name.toByteArray();
}

bool headerNameMatches(QByteArrayView a, QByteArrayView b)
{
    return equalsCi(canonicalHeaderName(a), canonicalHeaderName(b));
}

QList<QByteArray> headerValues(const SipHeaders &headers, QByteArrayView name)
{
    QList<QByteArray> values;
    for (const SipHeader &h : headers) {
        if (headerNameMatches(h.name, name))
            values.append(h.value);
    }
    return values;
}

QByteArray firstHeaderValue(const SipHeaders &headers, QByteArrayView name)
{
    for (const SipHeader &h : headers) {
        if (headerNameMatches(h.name, name))
            return h.value;
    }
    return {};
}

QByteArray uriTransport(QByteArrayView uri)
{
    return toLower(uriParam(uri, "transport").value_or(QByteArray()));
}

QByteArray viaTransport(QByteArrayView via)
{
    // sent-protocol = protocol-name SLASH protocol-version SLASH transport; SLASH may carry LWS.
    int slashes = 0;
    qsizetype i = 0;
    for (; i < via.size() && slashes < 2; ++i) {
        if (via[i] == '/')
            ++slashes;
    }
    if (slashes < 2)
        return {};
    while (i < via.size() && isWhitespace(via[i]))
        ++i;
    const qsizetype start = i;
    while (i < via.size() && !isWhitespace(via[i]) && via[i] != ';')
        ++i;
    return via.sliced(start, i - start).toByteArray().toUpper();
}

bool viaSentBy(QByteArrayView via, QByteArray &host, quint16 &port)
{
    // Past sent-protocol (protocol SLASH version SLASH transport, LWS allowed around SLASH).
    const QByteArrayView value = trimmed(via);
    int slashes = 0;
    qsizetype i = 0;
    for (; i < value.size() && slashes < 2; ++i) {
        if (value[i] == '/')
            ++slashes;
    }
    while (i < value.size() && isWhitespace(value[i]))
        ++i;
    while (i < value.size() && !isWhitespace(value[i]) && value[i] != ';')
        ++i;
    if (slashes < 2 || i >= value.size() || !isWhitespace(value[i]))
        return false;
    QByteArrayView sentBy = trimmed(value.sliced(i));
    for (char stop : {';', ',', ' '}) {
        if (const qsizetype at = sentBy.indexOf(stop); at >= 0)
            sentBy.truncate(at);
    }
    const qsizetype close = sentBy.lastIndexOf(']');
    const qsizetype portColon = sentBy.lastIndexOf(':');
    const bool hasPort = portColon > close && (close >= 0 || sentBy.count(':') == 1);
    QByteArrayView hostPart = hasPort ? sentBy.first(portColon) : sentBy;
    if (hostPart.size() >= 2 && hostPart.startsWith('[') && hostPart.endsWith(']'))
        hostPart = hostPart.sliced(1, hostPart.size() - 2);
    const bool tls = viaTransport(value) == "TLS";
    bool ok = true;
    port = hasPort ? sentBy.sliced(portColon + 1).toUShort(&ok) : quint16(tls ? 5061 : 5060);
    host = hostPart.toByteArray();
    return ok && !host.isEmpty();
}

QByteArray fromToTag(QByteArrayView value)
{
    const qsizetype open = value.indexOf('<');
    if (open >= 0) {
        const qsizetype close = value.indexOf('>', open);
        if (close < 0)
            return {};
        value = value.sliced(close + 1);
    }
    for (qsizetype pos = value.indexOf(';'); pos >= 0;) {
        const qsizetype next = value.indexOf(';', pos + 1);
        const QByteArrayView param =
            trimmed(value.sliced(pos + 1, (next < 0 ? value.size() : next) - pos - 1));
        if (param.size() > 4 && startsWithCi(param, "tag="))
            return trimmed(param.sliced(4)).toByteArray();
        pos = next;
    }
    return {};
}

QByteArray authParam(QByteArrayView header, QByteArrayView name)
{
    QByteArrayView rest = trimmed(header);
    // Skip the scheme ("Digest") when the first word is not itself a parameter.
    const qsizetype space = rest.indexOf(' ');
    const qsizetype eq = rest.indexOf('=');
    if (space > 0 && (eq < 0 || space < eq))
        rest = rest.sliced(space + 1);
    qsizetype i = 0;
    while (i < rest.size()) {
        while (i < rest.size() && (isWhitespace(rest[i]) || rest[i] == ','))
            ++i;
        const qsizetype nameStart = i;
        while (i < rest.size() && rest[i] != '=' && rest[i] != ',')
            ++i;
        const QByteArrayView key = trimmed(rest.sliced(nameStart, i - nameStart));
        QByteArray value;
        if (i < rest.size() && rest[i] == '=') {
            ++i;
            while (i < rest.size() && isWhitespace(rest[i]))
                ++i;
            if (i < rest.size() && rest[i] == '"') {
                ++i;
                while (i < rest.size() && rest[i] != '"') {
                    if (rest[i] == '\\' && i + 1 < rest.size())
                        ++i; // quoted-pair
                    value.append(rest[i]);
                    ++i;
                }
                ++i; // closing quote
                while (i < rest.size() && rest[i] != ',')
                    ++i;
            } else {
                const qsizetype valueStart = i;
                while (i < rest.size() && rest[i] != ',')
                    ++i;
                value = trimmed(rest.sliced(valueStart, i - valueStart)).toByteArray();
            }
        }
        if (!key.isEmpty() && equalsCi(key, name))
            return value;
    }
    return {};
}

QByteArray digestCredentials(QByteArrayView realm, QByteArrayView user, QByteArrayView password)
{
    // sofia's auc_credentials() splits `scheme:"realm":user:password` at the first `:"`, the
    // following `":` and then at every ':', so neither user nor password can hold one.
    if (!isSafeHeaderValue(realm) || !isSafeHeaderValue(user) || !isSafeHeaderValue(password))
        return {};
    if (realm.contains(QByteArrayView("\":")) || realm.contains('"') || user.contains(':') ||
        password.contains(':') || user.isEmpty())
        return {};
    return QByteArrayLiteral("Digest:\"") + realm + QByteArrayLiteral("\":") + user + ':' +
           password;
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        const bool alnum =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && !QByteArrayView("-.!%*_+`'~").contains(c))
            return false;
    }
    return true;
}

bool isSafeHeaderValue(QByteArrayView text)
{
    for (char c : text) {
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    }
    return true;
}

QByteArray looseRoute(QByteArrayView proxyUri)
{
    QByteArrayView uri = trimmed(proxyUri);
    if (uri.startsWith('<') && uri.endsWith('>'))
        uri = uri.sliced(1, uri.size() - 2);
    // Built by appending: GCC 12 misreads QStringBuilder chains ending in a char here
    // (-Wstringop-overflow false positive).
    QByteArray route;
    route.reserve(uri.size() + 5);
    route.append('<');
    const qsizetype question = uri.indexOf('?');
    if (uriParam(uri, "lr").has_value() || question < 0) {
        route.append(uri);
        if (!uriParam(uri, "lr").has_value())
            route.append(";lr");
    } else {
        route.append(uri.first(question));
        route.append(";lr");
        route.append(uri.sliced(question));
    }
    route.append('>');
    return route;
}

QByteArray nameAddr(QByteArrayView uriOrNameAddr)
{
    const QByteArrayView v = trimmed(uriOrNameAddr);
    if (v.contains('<'))
        return v.toByteArray();
    QByteArray out;
    out.reserve(v.size() + 2);
    out.append('<');
    out.append(v);
    out.append('>');
    return out;
}

} // namespace herald::sip
