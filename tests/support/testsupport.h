// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QByteArray>
#include <QString>

namespace herald::test {

// ../shared/corpora, as ctest passes it in HERALD_CORPORA_DIR; empty when absent, and then
// tests that need it QSKIP with a message naming the path.
QString corporaDir();
// The source tree (HERALD_SOURCE_DIR) and the build's bin directory (HERALD_BIN_DIR).
QString sourceDir();
QString binDir();

QByteArray readFile(const QString &path);
// Writes `size` pseudo-random octets drawn from `seed` (so that no chunk of a transfer looks
// like another); false when the file cannot be written.
bool writeRandomFile(const QString &path, qint64 size, quint64 seed);
// SHA-256 of a file's content; empty when it cannot be read.
QByteArray sha256Of(const QString &path);

// Resident set size of this process in bytes (from /proc/self/statm).
qint64 currentRssBytes();

// A port free on 127.0.0.1 for both UDP and TCP at the time of the call, for peers (sipp)
// that must be told their port and cannot report one the system chose.
quint16 freeUdpTcpPort();
// Whether something holds `port` on 127.0.0.1 (TCP, or else UDP): a peer is ready.
bool portTaken(quint16 port, bool tcp);

} // namespace herald::test
