// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QUdpSocket>

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

quint16 freeUdpTcpPort()
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer tcp;
        if (!tcp.listen(QHostAddress::LocalHost, 0))
            continue;
        QUdpSocket udp;
        if (udp.bind(QHostAddress::LocalHost, tcp.serverPort()))
            return tcp.serverPort();
    }
    return 0;
}

bool portTaken(quint16 port, bool tcp)
{
    if (tcp) {
        QTcpServer probe;
        return !probe.listen(QHostAddress::LocalHost, port);
    }
    QUdpSocket probe;
    return !probe.bind(QHostAddress::LocalHost, port, QAbstractSocket::DontShareAddress);
}

} // namespace herald::test
