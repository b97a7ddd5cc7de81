// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace herald::app {

// One `name = value` line of an INI file; key is "section/name" ("name" before any section).
struct IniEntry
{
    QString key;
    QString value;
    int line = 0;
};

// A deliberately small INI reader for heraldd's configuration. QSettings is not used: it
// splits values at commas into lists, treats ';' inside a value as a comment, percent-decodes
// keys and reports no line numbers, and an operator needs "line 12: ..." to fix a file.
//
// Syntax: `[section]` lines, `name = value` lines, blank lines, and comments on lines of their
// own starting with ';' or '#'. Whitespace around names and values is dropped; a value may be
// wrapped in double quotes to keep leading or trailing spaces. Names are ASCII letters, digits,
// '-', '_' and '.'. A key given twice is refused (which one wins would be a guess).
class IniFile
{
public:
    static Result<QList<IniEntry>> parse(QByteArrayView text);
    // Errors name the file: "/etc/herald/heraldd.ini: line 3: ...".
    static Result<QList<IniEntry>> read(const QString &path);
};

} // namespace herald::app
