// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace herald::app {

// Where log lines go. Both are stderr; Journal prefixes every line with sd-daemon(3)'s
// "<N>" priority so that journald files it at the right level (systemd.exec(5) StandardError=
// journal). Auto picks Journal when stderr is the stream systemd named in JOURNAL_STREAM.
enum class LogTarget { Auto, Stderr, Journal };

Result<LogTarget> parseLogTarget(const QString &text);
QString logTargetName(LogTarget target);

// Checks QLoggingCategory filter rules ("herald.sip.wire.debug=true;herald.*.info=false", the
// syntax of QT_LOGGING_RULES, ';' or newlines between rules) and returns them one a line, as
// QLoggingCategory::setFilterRules() wants them. Qt ignores a bad rule silently; Herald
// refuses it at start, naming it.
Result<QString> normalizeLogRules(const QString &rules);

// True when JOURNAL_STREAM names the device and inode of this process's stderr.
bool stderrIsJournal();

// One message as written: "<6>herald.service: engine started\n" for the journal (each line of
// a multi-line message prefixed), "2026-11-26T01:02:03.456 info herald.service: ...\n" else.
QByteArray formatLogMessage(QtMsgType type, const char *category, const QString &message,
                            bool journal);

// Installs the rules (replacing the ones installed before: SIGHUP calls it again) and the
// message handler. The handler is process-wide, so its one setting (the target) is too.
// QT_LOGGING_RULES in the environment still applies on top of `rules` (Qt reads it last).
void applyLogging(const QString &rules, LogTarget target);

} // namespace herald::app
