// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "app/common/listenaddress.h"
#include "app/common/logoutput.h"
#include "app/common/settings.h"
#include "engine/core/result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QProcessEnvironment>
#include <QStringList>

#include <chrono>
#include <optional>

class QCoreApplication;

namespace herald::app {

// What a parsed command line asks the program to do.
enum class CommandLineAction { Run, ShowHelp, ShowVersion, CheckConfig };

// The options heraldd and herald share, from the INI file, HERALD_* variables and the command
// line (settings.h: one table entry per setting, and the precedence).
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
    // log/rules, normalized one rule a line (QLoggingCategory::setFilterRules).
    QString logRules;
    LogTarget logTarget = LogTarget::Auto;
    // shutdown/grace: how long SIGTERM waits for transfers in progress.
    std::chrono::milliseconds shutdownGrace{30000};
    // MSML control and voicemail delivery (service::EngineConfig has the meanings).
    bool msmlControl = false;
    QString outboundProxy;
    QString mediaRoot;
    QString spoolDirectory;
    quint64 maxFileSize = 512ULL * 1024 * 1024;
    quint64 httpFetchMaxBytes = 512ULL * 1024 * 1024;
    std::chrono::milliseconds httpFetchIdleTimeout{30000};
    QString httpFetchDirectory;
    QString httpFetchCaFile;
    // The HTTP listeners, off when unset: the REST API (issue 6; it needs restToken; herald
    // serves it too) and heraldd's /healthz + /metrics on a listener of their own (issue 10;
    // heraldd's REST listener serves them too). metricsToken: /metrics wants it as a Bearer
    // token when set.
    std::optional<ListenAddress> restListen;
    QString restToken;
    std::optional<ListenAddress> opsListen;
    QString metricsToken;
    // --demo: the simulated ESRP and delivery server (app/common/demo/demomode.h).
    bool demo = false;
    std::chrono::milliseconds demoPace{4000};
};

// The shared command line: --help, --version, --config FILE, --check-config, and one option per
// entry of settingTable(). An executable adds its own options before parse(). Parsing is
// separate from printing and exiting so that a test can drive it and main() decides the exit
// code.
class CommandLine
{
public:
    explicit CommandLine(const QString &description);

    // An executable's own option; call before parse().
    void addOption(const QCommandLineOption &option);

    // arguments[0] is the program. Reads the INI file (--config, else $HERALD_CONFIG) and the
    // HERALD_* variables of `environment` too. Unknown options or INI keys, missing values and
    // bad values come back as InvalidArgument errors naming where the value was and why it
    // was refused, meant for the operator. May be called again (SIGHUP re-reads the file).
    Result<CommandLineAction>
    parse(const QStringList &arguments,
          const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    const CommonOptions &options() const { return m_options; }
    // The INI file read by the last parse(); empty when none.
    const QString &configPath() const { return m_configPath; }
    // Every setting's effective value and where it came from (--check-config prints them).
    const QList<SettingOrigin> &effectiveSettings() const { return m_effective; }
    // What the last parse() found worth an operator's attention without refusing to start,
    // e.g. a token in a configuration file every local user can read.
    const QStringList &warnings() const { return m_warnings; }
    bool isSet(const QCommandLineOption &option) const { return m_parser.isSet(option); }
    QString value(const QCommandLineOption &option) const { return m_parser.value(option); }

    // Need a QCoreApplication (they name the program and its version).
    QString helpText() const;
    static QString versionText();

    // True when argv asks only for text (--help, --version): a GUI answers those without
    // connecting to a display.
    static bool asksForTextOnly(int argc, char **argv);

private:
    // Defaults, then the INI file, then the environment, then the command line.
    Result<void> resolveSettings(const QProcessEnvironment &environment);

    QCommandLineParser m_parser;
    QCommandLineOption m_helpOption;
    QCommandLineOption m_versionOption;
    QCommandLineOption m_configOption;
    QCommandLineOption m_checkConfigOption;
    CommonOptions m_options;
    QString m_configPath;
    QList<SettingOrigin> m_effective;
    QStringList m_warnings;
};

// The common start of main(): parses app's arguments; prints help, version or the checked
// configuration (--check-config) to stdout, or an error and a hint to stderr. Returns the exit
// code when the program should stop now (0 for help/version/a good configuration, 2 for a
// usage or configuration error), nullopt when it should run; then the log settings are
// applied (applyLogging).
std::optional<int> handleCommandLine(CommandLine &commandLine, const QCoreApplication &app);

} // namespace herald::app
