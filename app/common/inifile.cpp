// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "app/common/inifile.h"

#include <QFile>
#include <QSet>

#include <algorithm>

namespace herald::app {

namespace {

// A config file is a few kilobytes; anything much larger is a mistake (a wrong path).
constexpr qint64 maxFileSize = 1024 * 1024;

bool isNameCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'-' || c == u'_' || c == u'.';
}

bool isName(const QString &name)
{
    return !name.isEmpty() && std::all_of(name.begin(), name.end(), isNameCharacter);
}

tl::unexpected<Error> lineError(int line, const QString &what)
{
    return fail(ErrorCode::InvalidArgument, QStringLiteral("line %1: %2").arg(line).arg(what));
}

} // namespace

Result<QList<IniEntry>> IniFile::parse(QByteArrayView text)
{
    const QString decoded = QString::fromUtf8(text);
    if (decoded.contains(QChar::ReplacementCharacter))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("not valid UTF-8"));
    QList<IniEntry> entries;
    QSet<QString> seen;
    QString section;
    int lineNumber = 0;
    for (QStringView rawLine : QStringView(decoded).split(u'\n')) {
        ++lineNumber;
        const QString line = rawLine.trimmed().toString(); // also drops a CR of CRLF files
        if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']'))
                return lineError(lineNumber, QStringLiteral("a section header ends with ']'"));
            section = line.mid(1, line.size() - 2).trimmed();
            if (!isName(section))
                return lineError(lineNumber,
                                 QStringLiteral("bad section name \"%1\"").arg(section));
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0)
            return lineError(lineNumber, QStringLiteral("expected name = value, [section] or a "
                                                        "comment starting with ';' or '#'"));
        const QString name = line.left(equals).trimmed();
        if (!isName(name))
            return lineError(lineNumber, QStringLiteral("bad name \"%1\"").arg(name));
        QString value = line.mid(equals + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        const QString key = section.isEmpty() ? name : section + u'/' + name;
        if (seen.contains(key))
            return lineError(lineNumber, QStringLiteral("%1 is set twice").arg(key));
        seen.insert(key);
        entries.append(IniEntry{key, value, lineNumber});
    }
    return entries;
}

Result<QList<IniEntry>> IniFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, path + QStringLiteral(": ") + file.errorString());
    if (file.size() > maxFileSize)
        return fail(
            ErrorCode::LimitExceeded,
            path +
                QStringLiteral(": larger than %1 bytes; is it the right file?").arg(maxFileSize));
    auto entries = parse(file.readAll());
    if (!entries)
        return fail(entries.error().code, path + QStringLiteral(": ") + entries.error().detail);
    return entries;
}

} // namespace herald::app
