// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sdp/accepttypes.h"

#include "engine/sdp/sdpgrammar.h"

namespace herald::sdp::accepttypes {

namespace {

using namespace grammar;

qsizetype scanToken(QByteArrayView text, qsizetype pos)
{
    while (pos < text.size() && isTokenChar(text[pos]))
        ++pos;
    return pos;
}

// quoted-string = DQUOTE *(qdtext / quoted-pair) DQUOTE; returns the position after it, or -1.
qsizetype scanQuotedString(QByteArrayView text, qsizetype pos)
{
    if (pos >= text.size() || text[pos] != '"')
        return -1;
    ++pos;
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == '"')
            return pos + 1;
        if (c == '\\') {
            if (pos + 1 >= text.size())
                return -1;
            pos += 2;
            continue;
        }
        ++pos;
    }
    return -1;
}

QByteArrayView withoutParameters(QByteArrayView entry)
{
    const qsizetype semi = entry.indexOf(';');
    return semi < 0 ? entry : entry.first(semi);
}

} // namespace

bool isValidEntry(QByteArrayView entry)
{
    if (entry == "*")
        return true;
    qsizetype p = scanToken(entry, 0);
    if (p == 0 || p >= entry.size() || entry[p] != '/' || entry.first(p) == "*")
        return false;
    const qsizetype sub = p + 1;
    p = scanToken(entry, sub);
    if (p == sub)
        return false;
    while (p < entry.size()) {
        if (entry[p] != ';')
            return false;
        const qsizetype attr = p + 1;
        p = scanToken(entry, attr);
        if (p == attr || p >= entry.size() || entry[p] != '=')
            return false;
        ++p;
        if (p < entry.size() && entry[p] == '"') {
            p = scanQuotedString(entry, p);
            if (p < 0)
                return false;
        } else {
            const qsizetype value = p;
            p = scanToken(entry, value);
            if (p == value)
                return false;
        }
    }
    return true;
}

Result<QList<QByteArray>> parseList(QByteArrayView value, int limit)
{
    QList<QByteArray> entries;
    qsizetype pos = 0;
    while (pos < value.size()) {
        if (value[pos] == ' ') {
            ++pos;
            continue;
        }
        qsizetype end = pos;
        while (end < value.size() && value[end] != ' ') {
            if (value[end] == '"') {
                end = scanQuotedString(value, end);
                if (end < 0)
                    return fail(ErrorCode::Malformed, QStringLiteral("unterminated quoted string"));
            } else {
                ++end;
            }
        }
        const QByteArrayView entry = value.sliced(pos, end - pos);
        if (!isValidEntry(entry))
            return fail(ErrorCode::Malformed,
                        QStringLiteral("%1 is not a media type entry").arg(excerpt(entry)));
        if (entries.size() >= limit)
            return fail(ErrorCode::LimitExceeded,
                        QStringLiteral("more than %1 entries").arg(limit));
        entries.append(entry.toByteArray());
        pos = end;
    }
    if (entries.isEmpty())
        return fail(ErrorCode::Malformed, QStringLiteral("empty list"));
    return entries;
}

QByteArray joinList(const QList<QByteArray> &entries)
{
    return entries.join(' ');
}

QByteArray baseType(QByteArrayView entry)
{
    return withoutParameters(entry).toByteArray().toLower();
}

bool entryAdmits(QByteArrayView entry, QByteArrayView mediaType)
{
    const QByteArray e = baseType(entry);
    const QByteArray t = baseType(mediaType.trimmed());
    if (e == "*")
        return true;
    if (e.endsWith("/*"))
        return t.startsWith(e.first(e.size() - 1)); // "text/" prefix
    return e == t;
}

bool listAdmits(const QList<QByteArray> &entries, QByteArrayView mediaType)
{
    for (const QByteArray &e : entries) {
        if (entryAdmits(e, mediaType))
            return true;
    }
    return false;
}

QList<QByteArray> intersect(const QList<QByteArray> &local, const QList<QByteArray> &remote)
{
    QList<QByteArray> out;
    QList<QByteArray> seen; // lower-cased, to drop duplicates
    auto add = [&](const QByteArray &entry) {
        const QByteArray key = entry.toLower();
        if (!seen.contains(key)) {
            seen.append(key);
            out.append(entry);
        }
    };
    for (const QByteArray &l : local) {
        const QByteArray lb = baseType(l);
        const bool lAny = lb == "*";
        const bool lWild = !lAny && lb.endsWith("/*");
        for (const QByteArray &r : remote) {
            const QByteArray rb = baseType(r);
            const bool rAny = rb == "*";
            const bool rWild = !rAny && rb.endsWith("/*");
            if (lAny) {
                add(r); // whatever the peer names, in its form
            } else if (lWild) {
                if (rAny)
                    add(l);
                else if (rb.startsWith(lb.first(lb.size() - 1)))
                    add(r); // "text/*" x "text/html" -> "text/html"; x "text/*" -> "text/*"
            } else if (rAny || (rWild && lb.startsWith(rb.first(rb.size() - 1))) || rb == lb) {
                add(l);
                break;
            }
        }
    }
    return out;
}

} // namespace herald::sdp::accepttypes
