// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/im/cpimmessage.h"

namespace herald::im {

namespace {

constexpr QByteArrayView imdnNamespace = "urn:ietf:params:imdn";

bool hasLineBreakOrControl(QByteArrayView text)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return true;
    }
    return false;
}

// RFC 3862 §3.1: Header-name = [Name-prefix "."] Name, Name = 1*name-char.
bool isHeaderName(QByteArrayView name)
{
    if (name.isEmpty() || name.size() > 128)
        return false;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == ':' || c == '<' || c == '>' || c == '"')
            return false;
    }
    return !name.startsWith('.') && !name.endsWith('.');
}

Error malformed(QString detail)
{
    return Error{ErrorCode::Malformed, std::move(detail)};
}

// Splits a header block (CRLF-separated, no folding in CPIM message headers: RFC 3862 §3.1
// has none) into name/value pairs.
Result<QList<std::pair<QByteArray, QByteArray>>>
splitHeaders(QByteArrayView block, qsizetype maxHeaders, bool allowFolding)
{
    QList<std::pair<QByteArray, QByteArray>> out;
    if (block.isEmpty())
        return out;
    if (block.count('\n') != block.count("\r\n") || block.count('\r') != block.count("\r\n"))
        return tl::unexpected(malformed(QStringLiteral("bare CR or LF in CPIM headers")));
    for (const QByteArray &line : block.toByteArray().split('\n')) {
        QByteArray l = line;
        if (l.endsWith('\r'))
            l.chop(1);
        // RFC 3862 §3.1: header values are UTF-8 text; a NUL or other control character
        // would also be refused when the message is wrapped again.
        if (hasLineBreakOrControl(l))
            return tl::unexpected(malformed(QStringLiteral("control character in a CPIM header")));
        if (allowFolding && !l.isEmpty() && (l[0] == ' ' || l[0] == '\t') && !out.isEmpty()) {
            out.last().second += ' ' + l.trimmed();
            continue;
        }
        const qsizetype colon = l.indexOf(':');
        if (colon <= 0 || !isHeaderName(QByteArrayView(l).first(colon)))
            return tl::unexpected(malformed(
                QStringLiteral("bad CPIM header line \"%1\"").arg(QString::fromUtf8(l.left(60)))));
        if (out.size() >= maxHeaders)
            return fail(ErrorCode::LimitExceeded,
                        QStringLiteral("more than %1 CPIM headers").arg(maxHeaders));
        QByteArray value = l.mid(colon + 1);
        // RFC 3862 §3.1: exactly one space after the colon; tolerate none or several.
        out.append({l.first(colon), value.trimmed()});
    }
    return out;
}

QByteArray quoteIfNeeded(const QString &name)
{
    const QByteArray utf8 = name.toUtf8();
    bool plain = !utf8.isEmpty();
    for (char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (!(u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || QByteArrayView("-.!%*_+`'~ ").contains(c)))
            plain = false;
    }
    if (plain && !utf8.startsWith(' ') && !utf8.endsWith(' '))
        return utf8;
    QByteArray out = "\"";
    for (char c : utf8) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

} // namespace

Result<CpimAddress> parseCpimAddress(QByteArrayView value)
{
    const QByteArrayView text = value.trimmed();
    if (hasLineBreakOrControl(text))
        return fail(ErrorCode::Malformed, QStringLiteral("control character in an address"));
    const qsizetype open = text.lastIndexOf('<');
    if (open < 0 || !text.endsWith('>'))
        return fail(ErrorCode::Malformed, QStringLiteral("CPIM address without <URI>"));
    CpimAddress out;
    out.uri = text.sliced(open + 1, text.size() - open - 2).toByteArray();
    if (out.uri.isEmpty() || out.uri.indexOf(':') <= 0 || out.uri.contains(' ') ||
        out.uri.contains('<') || out.uri.contains('>'))
        return fail(ErrorCode::Malformed,
                    QStringLiteral("\"%1\" is not a URI").arg(QString::fromUtf8(out.uri.left(60))));
    QByteArray name = text.first(open).trimmed().toByteArray();
    if (name.startsWith('"')) {
        if (name.size() < 2 || !name.endsWith('"'))
            return fail(ErrorCode::Malformed, QStringLiteral("unterminated quoted name"));
        QByteArray unquoted;
        for (qsizetype i = 1; i + 1 < name.size(); ++i) {
            if (name[i] == '\\' && i + 2 < name.size())
                ++i;
            else if (name[i] == '"')
                return fail(ErrorCode::Malformed, QStringLiteral("quote inside a quoted name"));
            unquoted += name[i];
        }
        name = unquoted;
    } else if (name.contains('"')) {
        return fail(ErrorCode::Malformed, QStringLiteral("stray quote in a name"));
    }
    out.displayName = QString::fromUtf8(name);
    if (out.displayName.size() > 256)
        return fail(ErrorCode::LimitExceeded,
                    QStringLiteral("nickname longer than 256 characters"));
    return out;
}

QByteArray formatCpimAddress(const CpimAddress &address)
{
    if (address.displayName.isEmpty())
        return '<' + address.uri + '>';
    return quoteIfNeeded(address.displayName) + " <" + address.uri + '>';
}

QByteArray CpimMessage::extension(QByteArrayView namespaceUri, QByteArrayView name) const
{
    for (const auto &[prefix, uri] : namespaces) {
        if (uri != namespaceUri)
            continue;
        const QByteArray full = prefix + '.' + name.toByteArray();
        for (const CpimHeader &h : extensionHeaders) {
            if (h.name == full)
                return h.value;
        }
    }
    return QByteArray();
}

void CpimMessage::setExtension(QByteArrayView prefix, QByteArrayView namespaceUri,
                               QByteArrayView name, QByteArrayView value)
{
    bool declared = false;
    for (const auto &ns : std::as_const(namespaces))
        declared = declared || (ns.first == prefix && ns.second == namespaceUri);
    if (!declared)
        namespaces.append({prefix.toByteArray(), namespaceUri.toByteArray()});
    extensionHeaders.append({prefix.toByteArray() + '.' + name.toByteArray(), value.toByteArray()});
}

QByteArray CpimMessage::contentHeader(QByteArrayView name) const
{
    for (const auto &[key, value] : contentHeaders) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

Decoded<CpimMessage> parseCpim(QByteArrayView bytes, const CpimLimits &limits)
{
    const QByteArray raw = bytes.toByteArray();
    auto unreadable = [&raw](Error e) {
        return Decoded<CpimMessage>::unreadable(raw, std::move(e));
    };

    const qsizetype firstBlank = bytes.indexOf("\r\n\r\n");
    if (firstBlank < 0)
        return unreadable(
            malformed(QStringLiteral("no blank line after the CPIM message headers")));
    // RFC 3862 §3 puts a blank line between the message headers and the encapsulated MIME
    // headers. The examples printed in RFC 4975 §11.4 and RFC 7701 §9 omit it, and clients
    // copied them; a "Content-" header cannot be a CPIM message header (RFC 3862 §5 names
    // them all, and extensions carry a prefix), so it unambiguously opens the MIME block.
    qsizetype mimeStart = -1;
    for (qsizetype at = 0; at < firstBlank;) {
        if (bytes.sliced(at).startsWith("Content-") || bytes.sliced(at).startsWith("content-")) {
            mimeStart = at;
            break;
        }
        const qsizetype eol = bytes.indexOf("\r\n", at);
        if (eol < 0 || eol >= firstBlank)
            break;
        at = eol + 2;
    }
    qsizetype messageEnd, mimeBegin, mimeEnd;
    if (mimeStart >= 0) {
        messageEnd = mimeStart > 0 ? mimeStart - 2 : 0;
        mimeBegin = mimeStart;
        mimeEnd = firstBlank;
    } else {
        const qsizetype secondBlank = bytes.indexOf("\r\n\r\n", firstBlank + 4);
        // The encapsulated entity always has Content-Type (RFC 3862 §3.2), hence a header block.
        if (secondBlank < 0)
            return unreadable(
                malformed(QStringLiteral("no blank line after the encapsulated headers")));
        messageEnd = firstBlank;
        mimeBegin = firstBlank + 4;
        mimeEnd = secondBlank;
    }
    const qsizetype bodyStart = mimeEnd + 4;
    if (bodyStart > limits.maxHeaderBytes)
        return unreadable(Error{ErrorCode::LimitExceeded, QStringLiteral("CPIM headers too long")});
    if (bytes.size() - bodyStart > limits.maxBodyBytes)
        return unreadable(
            Error{ErrorCode::LimitExceeded, QStringLiteral("CPIM content too large")});

    auto messageHeaders = splitHeaders(bytes.first(messageEnd), limits.maxHeaders, false);
    if (!messageHeaders)
        return unreadable(messageHeaders.error());
    auto mimeHeaders =
        splitHeaders(bytes.sliced(mimeBegin, mimeEnd - mimeBegin), limits.maxHeaders, true);
    if (!mimeHeaders)
        return unreadable(mimeHeaders.error());

    CpimMessage msg;
    bool sawFrom = false;
    QList<CpimHeader> prefixed;
    for (const auto &[name, value] : *messageHeaders) {
        if (name == "From" || name == "To" || name == "cc") {
            auto address = parseCpimAddress(value);
            if (!address)
                return unreadable(address.error());
            if (name == "From") {
                if (sawFrom)
                    return unreadable(malformed(QStringLiteral("two From headers")));
                sawFrom = true;
                msg.from = *address;
            } else {
                (name == "To" ? msg.to : msg.cc).append(*address);
            }
        } else if (name == "DateTime") {
            msg.dateTime = QDateTime::fromString(QString::fromLatin1(value), Qt::ISODateWithMs);
            if (!msg.dateTime.isValid())
                return unreadable(malformed(QStringLiteral("DateTime \"%1\" is not RFC 3339")
                                                .arg(QString::fromUtf8(value.left(40)))));
        } else if (name == "Subject") {
            // RFC 3862 §5.8: Subject:;lang=fr text
            QByteArray lang;
            QByteArray text = value;
            if (text.startsWith(";lang=")) {
                const qsizetype space = text.indexOf(' ');
                lang = text.mid(6, space < 0 ? -1 : space - 6);
                text = space < 0 ? QByteArray() : text.mid(space + 1);
            }
            msg.subjects.append({lang, QString::fromUtf8(text)});
        } else if (name == "NS") {
            // RFC 3862 §5.9: NS: [prefix] <URI>
            auto address = parseCpimAddress(value);
            if (!address || address->displayName.contains(u' '))
                return unreadable(malformed(QStringLiteral("bad NS header")));
            msg.namespaces.append({address->displayName.toUtf8(), address->uri});
        } else if (name == "Require") {
            for (const QByteArray &r : value.split(','))
                msg.require.append(r.trimmed());
        } else if (name.contains('.')) {
            prefixed.append({name, value});
        } else {
            return unreadable(malformed(
                QStringLiteral("unknown CPIM header \"%1\"").arg(QString::fromUtf8(name))));
        }
    }
    if (!sawFrom || msg.to.isEmpty())
        return unreadable(malformed(QStringLiteral("CPIM message without From or To")));
    for (const CpimHeader &h : prefixed) {
        const QByteArray prefix = h.name.left(h.name.lastIndexOf('.'));
        bool declared = false;
        for (const auto &ns : std::as_const(msg.namespaces))
            declared = declared || ns.first == prefix;
        if (!declared)
            return unreadable(malformed(QStringLiteral("header prefix \"%1\" has no NS declaration")
                                            .arg(QString::fromUtf8(prefix))));
    }
    msg.extensionHeaders = prefixed;
    // RFC 3862 §5.10: a Require'd header we do not understand makes the message unreadable.
    for (const QByteArray &required : std::as_const(msg.require)) {
        const QByteArray prefix = required.left(required.lastIndexOf('.'));
        bool understood = false;
        for (const auto &ns : std::as_const(msg.namespaces))
            understood = understood || (ns.first == prefix && ns.second == imdnNamespace);
        if (!understood)
            return unreadable(Error{ErrorCode::Unsupported,
                                    QStringLiteral("required header \"%1\" is not understood")
                                        .arg(QString::fromUtf8(required))});
    }
    for (const auto &[name, value] : *mimeHeaders) {
        if (name.compare("Content-Type", Qt::CaseInsensitive) == 0)
            msg.contentType = value;
        else
            msg.contentHeaders.append({name, value});
    }
    if (msg.contentType.isEmpty())
        return unreadable(malformed(QStringLiteral("encapsulated entity without Content-Type")));
    msg.body = bytes.sliced(bodyStart).toByteArray();
    return Decoded<CpimMessage>::readable(std::move(msg), raw);
}

Result<QByteArray> serializeCpim(const CpimMessage &m)
{
    QByteArray out;
    auto header = [&out](QByteArrayView name, const QByteArray &value) -> bool {
        if (hasLineBreakOrControl(value))
            return false;
        out += name.toByteArray() + ": " + value + "\r\n";
        return true;
    };
    auto address = [](const CpimAddress &a) -> std::optional<QByteArray> {
        if (a.uri.isEmpty() || a.uri.contains('>') || a.uri.contains(' ') ||
            a.uri.indexOf(':') <= 0 || a.displayName.contains(u'\r') ||
            a.displayName.contains(u'\n'))
            return std::nullopt;
        return formatCpimAddress(a);
    };
    const auto bad = [] {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("CPIM field breaks framing"));
    };
    if (m.to.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("CPIM message without To"));
    const auto from = address(m.from);
    if (!from || !header("From", *from))
        return bad();
    for (const CpimAddress &a : m.to) {
        const auto to = address(a);
        if (!to || !header("To", *to))
            return bad();
    }
    for (const CpimAddress &a : m.cc) {
        const auto cc = address(a);
        if (!cc || !header("cc", *cc))
            return bad();
    }
    if (m.dateTime.isValid() &&
        !header("DateTime", m.dateTime.toString(Qt::ISODateWithMs).toLatin1()))
        return bad();
    for (const auto &[lang, text] : m.subjects) {
        QByteArray value = text.toUtf8();
        if (!lang.isEmpty())
            value = ";lang=" + lang + ' ' + value;
        if (!header("Subject", value))
            return bad();
    }
    for (const auto &[prefix, uri] : m.namespaces) {
        QByteArray value = '<' + uri + '>';
        if (!prefix.isEmpty())
            value = prefix + ' ' + value;
        if (!header("NS", value))
            return bad();
    }
    if (!m.require.isEmpty() && !header("Require", m.require.join(", ")))
        return bad();
    for (const CpimHeader &h : m.extensionHeaders) {
        if (!isHeaderName(h.name) || !header(h.name, h.value))
            return bad();
    }
    out += "\r\n";
    if (m.contentType.isEmpty() || !header("Content-Type", m.contentType))
        return bad();
    for (const auto &[name, value] : m.contentHeaders) {
        if (!isHeaderName(name) || !header(name, value))
            return bad();
    }
    out += "\r\n" + m.body;
    return out;
}

} // namespace herald::im
