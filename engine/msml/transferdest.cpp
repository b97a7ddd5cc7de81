// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/transferdest.h"

namespace herald::msml {

namespace {

constexpr QStringView kScheme = u"xmsrp://";

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n';
}

QStringView trimmed(QStringView text)
{
    while (!text.isEmpty() && isSpace(text.front()))
        text = text.mid(1);
    while (!text.isEmpty() && isSpace(text.back()))
        text.chop(1);
    return text;
}

bool isParamName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (QChar c : name) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                        (c >= u'0' && c <= u'9') || c == u'.' || c == u'_' || c == u'-';
        if (!ok)
            return false;
    }
    return true;
}

bool hasControl(QStringView text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

// A SIP or SIPS URI, checked only as far as delivering to it needs: the scheme, something
// after it, and none of the characters that would break a header (RFC 3261 §25.1 leaves
// white space, quotes and angle brackets out of URIs).
bool isSipUri(QStringView uri)
{
    QStringView rest;
    if (uri.startsWith(u"sip:", Qt::CaseInsensitive))
        rest = uri.mid(4);
    else if (uri.startsWith(u"sips:", Qt::CaseInsensitive))
        rest = uri.mid(5);
    else
        return false;
    if (rest.isEmpty())
        return false;
    for (QChar c : rest) {
        if (isSpace(c) || c == u'"' || c == u'<' || c == u'>')
            return false;
    }
    return true;
}

Result<void> setOnce(QString &field, QStringView name, QStringView value)
{
    if (!field.isNull())
        return fail(ErrorCode::Malformed, QStringLiteral("parameter %1 given twice").arg(name));
    if (value.isEmpty())
        return fail(ErrorCode::Malformed, QStringLiteral("parameter %1 is empty").arg(name));
    field = value.toString();
    return {};
}

QString encodeValue(const QString &value)
{
    // Values holding the separator travel in angle brackets (see the header).
    return value.contains(u';') ? u'<' + value + u'>' : value;
}

} // namespace

Result<TransferDest> TransferDest::parse(QStringView text)
{
    const auto bad = [](const QString &why) {
        return fail(ErrorCode::Malformed, QStringLiteral("bad xmsrp destination: ") + why);
    };
    if (!text.startsWith(kScheme, Qt::CaseInsensitive))
        return bad(QStringLiteral("it must start with xmsrp://"));
    if (hasControl(text))
        return bad(QStringLiteral("control character"));
    QStringView rest = text.mid(kScheme.size());
    const qsizetype question = rest.indexOf(u'?');
    if (question < 0)
        return bad(QStringLiteral("no '?' before the parameters"));

    TransferDest dest;
    dest.authority = rest.left(question).toString();
    if (dest.authority.contains(u'<') || dest.authority.contains(u'>') ||
        dest.authority.contains(u';'))
        return bad(QStringLiteral("invalid characters before '?'"));
    rest = rest.mid(question + 1);

    qsizetype pos = 0;
    while (pos <= rest.size()) {
        // One parameter: up to the next ';' that is not inside <...>.
        qsizetype end = pos;
        bool inBrackets = false;
        for (; end < rest.size(); ++end) {
            if (rest[end] == u'<')
                inBrackets = true;
            else if (rest[end] == u'>')
                inBrackets = false;
            else if (rest[end] == u';' && !inBrackets)
                break;
        }
        if (inBrackets)
            return bad(QStringLiteral("unterminated '<'"));
        const QStringView param = trimmed(rest.mid(pos, end - pos));
        pos = end + 1;
        if (param.isEmpty())
            continue; // "a;;b" or a trailing ';'
        const qsizetype eq = param.indexOf(u'=');
        const QStringView name = trimmed(eq < 0 ? param : param.left(eq));
        QStringView value = eq < 0 ? QStringView() : trimmed(param.mid(eq + 1));
        if (!isParamName(name))
            return bad(QStringLiteral("invalid parameter name \"%1\"").arg(name));
        if (value.startsWith(u'<')) {
            if (!value.endsWith(u'>'))
                return bad(QStringLiteral("text after '>' in %1").arg(name));
            value = trimmed(value.mid(1, value.size() - 2));
        }
        if (value.contains(u'<') || value.contains(u'>'))
            return bad(QStringLiteral("stray angle bracket in %1").arg(name));

        Result<void> set;
        if (name.compare(u"offerer", Qt::CaseInsensitive) == 0)
            set = setOnce(dest.offerer, u"offerer", value);
        else if (name.compare(u"answerer", Qt::CaseInsensitive) == 0)
            set = setOnce(dest.answerer, u"answerer", value);
        else if (name.compare(u"file", Qt::CaseInsensitive) == 0)
            set = setOnce(dest.file, u"file", value);
        else
            dest.params.append({name.toString(), value.toString()});
        if (!set)
            return bad(set.error().detail);
    }

    if (dest.answerer.isEmpty())
        return bad(QStringLiteral("no answerer"));
    if (!isSipUri(dest.answerer))
        return bad(QStringLiteral("answerer \"%1\" is not a sip: or sips: URI").arg(dest.answerer));
    if (!dest.offerer.isNull() && !isSipUri(dest.offerer))
        return bad(QStringLiteral("offerer \"%1\" is not a sip: or sips: URI").arg(dest.offerer));
    return dest;
}

QString TransferDest::toString() const
{
    QStringList parts;
    if (!offerer.isEmpty())
        parts.append(QStringLiteral("offerer=") + encodeValue(offerer));
    parts.append(QStringLiteral("answerer=") + encodeValue(answerer));
    if (!file.isEmpty())
        parts.append(QStringLiteral("file=") + encodeValue(file));
    for (const auto &[name, value] : params)
        parts.append(name + u'=' + encodeValue(value));
    return kScheme.toString() + authority + u'?' + parts.join(u';');
}

} // namespace herald::msml
