// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "app/common/logoutput.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <atomic>
#include <cstdio>

#include <sys/stat.h>
#include <unistd.h>

namespace herald::app {

namespace {

// Read by the message handler, which Qt may call from any thread.
std::atomic<bool> journalOutput{false};

// sd-daemon(3) priorities (syslog's): 7 debug, 6 info, 4 warning, 3 err, 2 crit.
int journalPriority(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 7;
    case QtInfoMsg:
        return 6;
    case QtWarningMsg:
        return 4;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 2;
    }
    return 6;
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line = formatLogMessage(type, context.category, message,
                                             journalOutput.load(std::memory_order_relaxed));
    // One write per message so that lines from several threads do not interleave.
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

Result<LogTarget> parseLogTarget(const QString &text)
{
    if (text == u"auto")
        return LogTarget::Auto;
    if (text == u"stderr")
        return LogTarget::Stderr;
    if (text == u"journal")
        return LogTarget::Journal;
    return fail(ErrorCode::InvalidArgument,
                QStringLiteral("\"%1\" is not one of auto, stderr, journal").arg(text));
}

QString logTargetName(LogTarget target)
{
    switch (target) {
    case LogTarget::Auto:
        return QStringLiteral("auto");
    case LogTarget::Stderr:
        return QStringLiteral("stderr");
    case LogTarget::Journal:
        return QStringLiteral("journal");
    }
    return {};
}

Result<QString> normalizeLogRules(const QString &rules)
{
    // QLoggingRule: a category pattern with '*' at most at its start and end, optionally
    // ending in .debug/.info/.warning/.critical, '=', then true or false.
    static const QRegularExpression rule(
        QStringLiteral(R"(^\*?[A-Za-z0-9_.-]*\*?(\.(debug|info|warning|critical))?$)"));
    QStringList normalized;
    for (const QString &piece : rules.split(QRegularExpression(QStringLiteral("[;\n]")))) {
        const QString text = piece.trimmed();
        if (text.isEmpty())
            continue;
        const qsizetype equals = text.indexOf(u'=');
        const QString pattern = text.left(equals).trimmed();
        const QString value = text.mid(equals + 1).trimmed();
        if (equals < 0 || pattern.isEmpty() || pattern == u"*." || !rule.match(pattern).hasMatch())
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("bad rule \"%1\" (expected category[.level]=true|false, "
                                       "e.g. herald.sip.wire.debug=true)")
                            .arg(text));
        if (value != u"true" && value != u"false")
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("bad rule \"%1\": the value is true or false").arg(text));
        normalized << pattern + u'=' + value;
    }
    return normalized.join(u'\n');
}

bool stderrIsJournal()
{
    // systemd.exec(5): JOURNAL_STREAM is "device:inode" of the stream connected to the
    // journal; it is inherited by children whose stderr may go elsewhere, hence the check.
    const QByteArray stream = qgetenv("JOURNAL_STREAM");
    const qsizetype colon = stream.indexOf(':');
    if (colon <= 0)
        return false;
    struct stat st = {};
    if (fstat(STDERR_FILENO, &st) != 0)
        return false;
    bool deviceOk = false;
    bool inodeOk = false;
    const qulonglong device = stream.left(colon).toULongLong(&deviceOk);
    const qulonglong inode = stream.mid(colon + 1).toULongLong(&inodeOk);
    return deviceOk && inodeOk && device == qulonglong(st.st_dev) && inode == qulonglong(st.st_ino);
}

QByteArray formatLogMessage(QtMsgType type, const char *category, const QString &message,
                            bool journal)
{
    const QByteArray name = category ? QByteArray(category) : QByteArrayLiteral("default");
    const QByteArray text = message.toUtf8();
    QByteArray out;
    if (journal) {
        // Every line carries the priority, else journald files continuation lines (SIP wire
        // dumps are multi-line) at the default level.
        const QByteArray prefix =
            '<' + QByteArray::number(journalPriority(type)) + '>' + name + ": ";
        for (const QByteArray &line : text.split('\n'))
            out += prefix + line + '\n';
        return out;
    }
    out = QDateTime::currentDateTime().toString(Qt::ISODateWithMs).toUtf8() + ' ' +
          levelName(type) + ' ' + name + ": " + text + '\n';
    return out;
}

void applyLogging(const QString &rules, LogTarget target)
{
    const bool journal =
        target == LogTarget::Journal || (target == LogTarget::Auto && stderrIsJournal());
    journalOutput.store(journal, std::memory_order_relaxed);
    qInstallMessageHandler(messageHandler);
    QLoggingCategory::setFilterRules(rules);
}

} // namespace herald::app
