// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/ng911/multipartbody.h"

namespace herald::ng911 {

namespace {

bool isTokenChar(char c)
{
    // RFC 2045 §5.1 token: any CHAR except SPACE, CTLs, or tspecials.
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f)
        return false;
    return !QByteArrayView("()<>@,;:\\\"/[]?=").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// RFC 2046 §5.1.1 bchars.
bool isBoundary(QByteArrayView b)
{
    if (b.isEmpty() || b.size() > 70 || b.back() == ' ')
        return false;
    for (char c : b) {
        const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                        (c >= 'A' && c <= 'Z') || QByteArrayView("'()+_,-./:=? ").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

using Unreadable = Decoded<MultipartBody>;

} // namespace

QByteArray ContentType::parameter(QByteArrayView name) const
{
    for (const auto &[key, value] : parameters) {
        if (key == name)
            return value;
    }
    return QByteArray();
}

Result<ContentType> parseContentType(QByteArrayView value)
{
    if (value.size() > 1024)
        return fail(ErrorCode::LimitExceeded, QStringLiteral("Content-Type too long"));
    ContentType out;
    qsizetype i = 0;
    const qsizetype n = value.size();
    auto skipSpace = [&] {
        while (i < n && (value[i] == ' ' || value[i] == '\t'))
            ++i;
    };
    auto token = [&] {
        const qsizetype start = i;
        while (i < n && isTokenChar(value[i]))
            ++i;
        return value.sliced(start, i - start).toByteArray().toLower();
    };
    skipSpace();
    const QByteArray type = token();
    if (i >= n || value[i] != '/')
        return fail(ErrorCode::Malformed, QStringLiteral("Content-Type without type/subtype"));
    ++i;
    const QByteArray subtype = token();
    if (!isToken(type) || !isToken(subtype))
        return fail(ErrorCode::Malformed, QStringLiteral("Content-Type without type/subtype"));
    out.mediaType = type + '/' + subtype;
    for (;;) {
        skipSpace();
        if (i >= n)
            break;
        if (value[i] != ';')
            return fail(ErrorCode::Malformed, QStringLiteral("text after the media type"));
        ++i;
        skipSpace();
        const QByteArray name = token();
        skipSpace();
        if (name.isEmpty() || i >= n || value[i] != '=')
            return fail(ErrorCode::Malformed, QStringLiteral("bad Content-Type parameter"));
        ++i;
        skipSpace();
        QByteArray v;
        if (i < n && value[i] == '"') {
            ++i;
            while (i < n && value[i] != '"') {
                if (value[i] == '\\' && i + 1 < n)
                    ++i;
                v += value[i++];
            }
            if (i >= n)
                return fail(ErrorCode::Malformed, QStringLiteral("unterminated quoted string"));
            ++i;
        } else {
            const qsizetype start = i;
            while (i < n && isTokenChar(value[i]))
                ++i;
            v = value.sliced(start, i - start).toByteArray();
            if (v.isEmpty())
                return fail(ErrorCode::Malformed, QStringLiteral("empty Content-Type parameter"));
        }
        if (out.parameters.size() >= 16)
            return fail(ErrorCode::LimitExceeded,
                        QStringLiteral("too many Content-Type parameters"));
        out.parameters.append({name, v});
    }
    return out;
}

QByteArray BodyPart::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

const BodyPart *MultipartBody::firstOfType(QByteArrayView mediaType) const
{
    for (const BodyPart &part : parts) {
        if (part.contentType.mediaType == mediaType)
            return &part;
    }
    return nullptr;
}

const BodyPart *MultipartBody::byContentId(QByteArrayView contentId) const
{
    for (const BodyPart &part : parts) {
        if (!part.contentId.isEmpty() && part.contentId == contentId)
            return &part;
    }
    return nullptr;
}

namespace {

Result<BodyPart> parsePart(QByteArrayView bytes, const MultipartLimits &limits)
{
    BodyPart part;
    qsizetype headerEnd = 0;
    QByteArrayView headerBlock;
    if (bytes.startsWith("\r\n")) {
        headerEnd = 2; // no headers: text/plain (RFC 2046 §5.1)
    } else {
        const qsizetype blank = bytes.indexOf("\r\n\r\n");
        if (blank < 0)
            return fail(ErrorCode::Malformed, QStringLiteral("body part without a blank line"));
        headerBlock = bytes.first(blank);
        headerEnd = blank + 4;
    }
    part.body = bytes.sliced(headerEnd).toByteArray();
    if (!headerBlock.isEmpty()) {
        for (const QByteArray &line : headerBlock.toByteArray().split('\n')) {
            QByteArray l = line;
            if (l.endsWith('\r'))
                l.chop(1);
            if (l.contains('\r'))
                return fail(ErrorCode::Malformed, QStringLiteral("bare CR in part headers"));
            if (!l.isEmpty() && (l[0] == ' ' || l[0] == '\t')) {
                if (part.headers.isEmpty())
                    return fail(ErrorCode::Malformed,
                                QStringLiteral("continuation before a header"));
                part.headers.last().second += ' ' + l.trimmed();
                continue;
            }
            const qsizetype colon = l.indexOf(':');
            if (colon <= 0 || !isToken(QByteArrayView(l).first(colon)))
                return fail(ErrorCode::Malformed, QStringLiteral("bad part header line"));
            if (part.headers.size() >= limits.maxHeadersPerPart)
                return fail(ErrorCode::LimitExceeded, QStringLiteral("too many part headers"));
            part.headers.append({l.first(colon), l.mid(colon + 1).trimmed()});
        }
        // Every line but the last had its CR; the block was cut before the last CRLF.
        if (headerBlock.count('\n') != headerBlock.count("\r\n"))
            return fail(ErrorCode::Malformed, QStringLiteral("bare LF in part headers"));
    }
    if (const QByteArray ct = part.header("Content-Type"); !ct.isEmpty()) {
        auto parsed = parseContentType(ct);
        if (!parsed)
            return tl::unexpected(parsed.error());
        part.contentType = *parsed;
    } else {
        part.contentType.mediaType = "text/plain";
    }
    if (const QByteArray id = part.header("Content-ID"); !id.isEmpty()) {
        if (!id.startsWith('<') || !id.endsWith('>') || id.size() < 3)
            return fail(ErrorCode::Malformed, QStringLiteral("Content-ID is not <id>"));
        part.contentId = id.mid(1, id.size() - 2);
    }
    if (const QByteArray cte = part.header("Content-Transfer-Encoding").toLower();
        !cte.isEmpty() && cte != "7bit" && cte != "8bit" && cte != "binary")
        return fail(
            ErrorCode::Unsupported,
            QStringLiteral("Content-Transfer-Encoding %1 refused").arg(QString::fromUtf8(cte)));
    return part;
}

} // namespace

Decoded<MultipartBody> parseMultipart(QByteArrayView contentType, QByteArrayView body,
                                      const MultipartLimits &limits)
{
    const QByteArray raw = body.toByteArray();
    if (body.size() > limits.maxBytes)
        return Unreadable::unreadable(
            raw, Error{ErrorCode::LimitExceeded,
                       QStringLiteral("multipart body larger than %1 bytes").arg(limits.maxBytes)});
    auto type = parseContentType(contentType);
    if (!type)
        return Unreadable::unreadable(raw, type.error());
    if (!type->mediaType.startsWith("multipart/"))
        return Unreadable::unreadable(
            raw, Error{ErrorCode::Unsupported, QStringLiteral("not a multipart body")});
    const QByteArray boundary = type->parameter("boundary");
    if (!isBoundary(boundary))
        return Unreadable::unreadable(
            raw, Error{ErrorCode::Malformed, QStringLiteral("missing or invalid boundary")});
    const QByteArray dash = "--" + boundary;
    const QByteArray delimiter = "\r\n" + dash;

    // The first delimiter may open the body (no preamble) or follow a CRLF.
    qsizetype pos;
    if (body.startsWith(dash)) {
        pos = dash.size();
    } else {
        const qsizetype at = body.indexOf(delimiter);
        if (at < 0)
            return Unreadable::unreadable(
                raw, Error{ErrorCode::Malformed, QStringLiteral("boundary not found")});
        pos = at + delimiter.size();
    }
    MultipartBody out;
    for (;;) {
        if (body.sliced(pos).startsWith("--"))
            break; // close delimiter; the epilogue is ignored
        while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t'))
            ++pos; // transport-padding
        if (!body.sliced(pos).startsWith("\r\n"))
            return Unreadable::unreadable(
                raw, Error{ErrorCode::Malformed, QStringLiteral("no CRLF after a boundary")});
        pos += 2;
        const qsizetype next = body.indexOf(delimiter, pos);
        if (next < 0)
            return Unreadable::unreadable(
                raw, Error{ErrorCode::Malformed, QStringLiteral("no close delimiter")});
        if (out.parts.size() >= limits.maxParts)
            return Unreadable::unreadable(
                raw, Error{ErrorCode::LimitExceeded,
                           QStringLiteral("more than %1 body parts").arg(limits.maxParts)});
        // The part starts right after that CRLF: a part without headers starts with the
        // blank line, which parsePart recognises.
        auto part = parsePart(body.sliced(pos, next - pos), limits);
        if (!part)
            return Unreadable::unreadable(raw, part.error());
        out.parts.append(std::move(*part));
        pos = next + delimiter.size();
    }
    if (out.parts.isEmpty())
        return Unreadable::unreadable(
            raw, Error{ErrorCode::Malformed, QStringLiteral("multipart body with no part")});
    return Decoded<MultipartBody>::readable(std::move(out), raw);
}

QByteArray serializeMultipart(const MultipartBody &body, QByteArrayView boundary)
{
    QByteArray out;
    for (const BodyPart &part : body.parts) {
        out += "--" + boundary.toByteArray() + "\r\n";
        for (const auto &[name, value] : part.headers)
            out += name + ": " + value + "\r\n";
        out += "\r\n" + part.body + "\r\n";
    }
    out += "--" + boundary.toByteArray() + "--\r\n";
    return out;
}

} // namespace herald::ng911
