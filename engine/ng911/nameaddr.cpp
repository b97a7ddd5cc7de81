// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/ng911/nameaddr.h"

namespace herald::ng911 {

namespace {

bool hasControl(QByteArrayView text)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return true;
    }
    return false;
}

QByteArray unquote(QByteArrayView text)
{
    QByteArray t = text.trimmed().toByteArray();
    if (t.size() >= 2 && t.startsWith('"') && t.endsWith('"')) {
        QByteArray out;
        for (qsizetype i = 1; i + 1 < t.size(); ++i) {
            if (t[i] == '\\' && i + 2 < t.size())
                ++i;
            out += t[i];
        }
        return out;
    }
    return t;
}

Error malformed(QString detail)
{
    return Error{ErrorCode::Malformed, std::move(detail)};
}

} // namespace

QByteArray NameAddr::parameter(QByteArrayView name) const
{
    for (const auto &[key, value] : parameters) {
        if (key == name)
            return value;
    }
    return QByteArray();
}

bool NameAddr::hasParameter(QByteArrayView name) const
{
    for (const auto &p : parameters) {
        if (p.first == name)
            return true;
    }
    return false;
}

Result<NameAddr> parseNameAddr(QByteArrayView element, bool allowBareUri,
                               const HeaderLimits &limits)
{
    const QByteArrayView text = element.trimmed();
    if (text.isEmpty())
        return tl::unexpected(malformed(QStringLiteral("empty header element")));
    if (text.size() > limits.maxValueBytes)
        return fail(ErrorCode::LimitExceeded, QStringLiteral("header element too long"));
    if (hasControl(text))
        return fail(ErrorCode::Malformed, QStringLiteral("control character in a header"));
    NameAddr out;
    qsizetype rest = 0;
    const qsizetype open = text.indexOf('<');
    if (open >= 0) {
        const qsizetype close = text.indexOf('>', open);
        if (close < 0)
            return fail(ErrorCode::Malformed, QStringLiteral("'<' without '>'"));
        out.displayName = unquote(text.first(open));
        out.uri = text.sliced(open + 1, close - open - 1).trimmed().toByteArray();
        rest = close + 1;
    } else if (allowBareUri) {
        // RFC 3261 §20: an addr-spec's parameters belong to the header, not the URI.
        const qsizetype semi = text.indexOf(';');
        out.uri = (semi < 0 ? text : text.first(semi)).trimmed().toByteArray();
        rest = semi < 0 ? text.size() : semi;
    } else {
        return fail(ErrorCode::Malformed, QStringLiteral("header element without <URI>"));
    }
    if (out.uri.isEmpty() || out.uri.contains(' ') || out.uri.contains('<') ||
        out.uri.indexOf(':') <= 0)
        return fail(ErrorCode::Malformed,
                    QStringLiteral("\"%1\" is not a URI").arg(QString::fromUtf8(out.uri.left(80))));
    const QByteArrayView params = text.sliced(rest).trimmed();
    if (!params.isEmpty()) {
        if (params.front() != ';')
            return fail(ErrorCode::Malformed, QStringLiteral("text after the URI"));
        for (const QByteArray &piece : params.sliced(1).toByteArray().split(';')) {
            const QByteArray p = piece.trimmed();
            if (p.isEmpty())
                return fail(ErrorCode::Malformed, QStringLiteral("empty header parameter"));
            if (out.parameters.size() >= limits.maxParameters)
                return fail(ErrorCode::LimitExceeded, QStringLiteral("too many header parameters"));
            const qsizetype eq = p.indexOf('=');
            QByteArray name = (eq < 0 ? p : p.first(eq)).trimmed().toLower();
            if (name.isEmpty())
                return fail(ErrorCode::Malformed, QStringLiteral("header parameter without name"));
            out.parameters.append(
                {name, eq < 0 ? QByteArray() : unquote(QByteArrayView(p).sliced(eq + 1))});
        }
    }
    return out;
}

Result<QList<NameAddr>> parseNameAddrList(QByteArrayView value, const HeaderLimits &limits)
{
    if (value.size() > limits.maxValueBytes)
        return fail(ErrorCode::LimitExceeded,
                    QStringLiteral("header value longer than %1 bytes").arg(limits.maxValueBytes));
    QList<NameAddr> out;
    bool quoted = false;
    int angle = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= value.size(); ++i) {
        const char c = i < value.size() ? value[i] : ',';
        if (quoted) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                quoted = false;
            continue;
        }
        if (c == '"') {
            quoted = true;
        } else if (c == '<') {
            if (++angle > 1)
                return fail(ErrorCode::Malformed, QStringLiteral("nested '<'"));
        } else if (c == '>') {
            if (--angle < 0)
                return fail(ErrorCode::Malformed, QStringLiteral("'>' without '<'"));
        } else if (c == ',' && angle == 0) {
            if (out.size() >= limits.maxElements)
                return fail(ErrorCode::LimitExceeded,
                            QStringLiteral("more than %1 header elements").arg(limits.maxElements));
            auto element = parseNameAddr(value.sliced(start, i - start), false, limits);
            if (!element)
                return tl::unexpected(element.error());
            out.append(std::move(*element));
            start = i + 1;
        }
    }
    if (quoted || angle != 0)
        return fail(ErrorCode::Malformed, QStringLiteral("unbalanced quote or '<'"));
    return out;
}

} // namespace herald::ng911
