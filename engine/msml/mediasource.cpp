// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/mediasource.h"

namespace herald::msml {

namespace {

bool hasControlOrSpace(QStringView text)
{
    for (QChar c : text) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

Result<QString> filePath(QStringView afterScheme)
{
    const auto bad = [](const QString &why) {
        return fail(ErrorCode::Malformed, QStringLiteral("bad file URI: ") + why);
    };
    QStringView encoded;
    if (afterScheme.startsWith(u"//")) {
        // RFC 8089 §2: file://[host]/path; only the local host is ours.
        const QStringView authorityAndPath = afterScheme.mid(2);
        const qsizetype slash = authorityAndPath.indexOf(u'/');
        const QStringView host = slash < 0 ? authorityAndPath : authorityAndPath.left(slash);
        if (slash < 0)
            return bad(QStringLiteral("relative file URI \"file://%1\": give an absolute path, "
                                      "file:///...")
                           .arg(host));
        if (!host.isEmpty() && host.compare(u"localhost", Qt::CaseInsensitive) != 0)
            return bad(QStringLiteral("file host \"%1\" is not this machine").arg(host));
        encoded = authorityAndPath.mid(slash);
    } else if (afterScheme.startsWith(u'/')) {
        encoded = afterScheme; // file:/path
    } else {
        return bad(QStringLiteral("relative path \"%1\"").arg(afterScheme));
    }
    if (encoded.contains(u'?') || encoded.contains(u'#'))
        return bad(QStringLiteral("query or fragment in a file URI"));

    const QString path = QUrl::fromPercentEncoding(encoded.toUtf8());
    // Checked after decoding so that %2e%2e and %2f cannot smuggle a ".." past the check.
    for (QChar c : path) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return bad(QStringLiteral("control character in the path"));
    }
    if (!path.startsWith(u'/'))
        return bad(QStringLiteral("relative path"));
    const QStringView segments = QStringView(path).mid(1);
    for (QStringView segment : segments.split(u'/')) {
        if (segment.isEmpty())
            return bad(QStringLiteral("empty path segment in \"%1\"").arg(path));
        if (segment == u"." || segment == u"..")
            return bad(QStringLiteral("\"%1\" segment in \"%2\"").arg(segment, path));
    }
    return path;
}

} // namespace

Result<MediaSource> MediaSource::parse(QStringView text)
{
    if (text.isEmpty())
        return fail(ErrorCode::Malformed, QStringLiteral("empty src"));
    if (hasControlOrSpace(text))
        return fail(ErrorCode::Malformed,
                    QStringLiteral("white space or control character in src"));

    MediaSource source;
    source.uri = text.toString();
    if (text.startsWith(u"file:", Qt::CaseInsensitive)) {
        auto path = filePath(text.mid(5));
        if (!path)
            return tl::unexpected(path.error());
        source.scheme = Scheme::File;
        source.path = *path;
        return source;
    }

    const bool http = text.startsWith(u"http://", Qt::CaseInsensitive);
    const bool https = text.startsWith(u"https://", Qt::CaseInsensitive);
    if (!http && !https) {
        const qsizetype colon = text.indexOf(u':');
        return fail(ErrorCode::Unsupported,
                    colon > 0 ? QStringLiteral("src scheme \"%1\" is not supported (file, http, "
                                               "https)")
                                    .arg(text.left(colon))
                              : QStringLiteral("src \"%1\" is not a URI").arg(text));
    }
    const QUrl url(source.uri, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return fail(ErrorCode::Malformed,
                    QStringLiteral("bad %1 URL \"%2\"%3")
                        .arg(http ? QStringLiteral("http") : QStringLiteral("https"), text,
                             url.isValid() ? QString() : QStringLiteral(": ") + url.errorString()));
    source.scheme = http ? Scheme::Http : Scheme::Https;
    source.url = url;
    return source;
}

} // namespace herald::msml
