// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "app/common/listenaddress.h"
#include "engine/core/result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

#include <optional>

class QCoreApplication;

namespace herald::app {

// What a parsed command line asks the program to do.
enum class CommandLineAction { Run, ShowHelp, ShowVersion };

// The options heraldd and herald share.
struct CommonOptions
{
    // IANA registered port 2855 for MSRP (RFC 4975 §15.4); loopback unless told otherwise,
    // because nothing authenticates MSRP connections before a session exists.
    ListenAddress msrpListen{QHostAddress(QHostAddress::LocalHost), 2855};
    // SIP over UDP and TCP on the same port (RFC 3261 §18); 5060 is SIP's registered port.
    ListenAddress sipListen{QHostAddress(QHostAddress::LocalHost), 5060};
    // Where texts are stored before they are acknowledged (DESIGN.md §2). Empty: the
    // per-user data directory's herald.db. noStore runs without one (nothing persisted).
    QString storePath;
    bool noStore = false;
};

// The shared command line: --help, --version, --msrp-listen and --sip-listen ADDRESS:PORT. An
// executable adds its own options before parse(). Parsing is separate from printing and exiting so
// that a test can drive it and main() decides the exit code.
class CommandLine
{
public:
    explicit CommandLine(const QString &description);

    // An executable's own option; call before parse().
    void addOption(const QCommandLineOption &option);

    // arguments[0] is the program. Unknown options, missing values and a bad ADDRESS:PORT
    // come back as InvalidArgument errors whose detail is meant for the operator.
    Result<CommandLineAction> parse(const QStringList &arguments);

    const CommonOptions &options() const { return m_options; }
    bool isSet(const QCommandLineOption &option) const { return m_parser.isSet(option); }
    QString value(const QCommandLineOption &option) const { return m_parser.value(option); }

    // Need a QCoreApplication (they name the program and its version).
    QString helpText() const;
    static QString versionText();

    // True when argv asks only for text (--help, --version): a GUI answers those without
    // connecting to a display.
    static bool asksForTextOnly(int argc, char **argv);

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_helpOption;
    QCommandLineOption m_versionOption;
    QCommandLineOption m_msrpListenOption;
    QCommandLineOption m_sipListenOption;
    QCommandLineOption m_storeOption;
    QCommandLineOption m_noStoreOption;
    CommonOptions m_options;
};

// The common start of main(): parses app's arguments; prints help or version to stdout, or an
// error and a hint to stderr. Returns the exit code when the program should stop now (0 for
// help/version, 2 for a usage error), nullopt when it should run.
std::optional<int> handleCommandLine(CommandLine &commandLine, const QCoreApplication &app);

} // namespace herald::app
