// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

namespace herald::test {

QString corporaDir()
{
    const QString dir = qEnvironmentVariable("HERALD_CORPORA_DIR");
    return (!dir.isEmpty() && QDir(dir).exists()) ? QDir(dir).absolutePath() : QString();
}

QString sourceDir()
{
    return qEnvironmentVariable("HERALD_SOURCE_DIR");
}
QString binDir()
{
    return qEnvironmentVariable("HERALD_BIN_DIR");
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

qint64 currentRssBytes()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = f.readAll().split(' ');
    if (fields.size() < 2)
        return -1;
    return fields.at(1).toLongLong() * sysconf(_SC_PAGESIZE);
}

} // namespace herald::test
