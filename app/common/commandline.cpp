// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "app/common/commandline.h"

#include "app/common/inifile.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>

#include <cstdio>
#include <cstring>

namespace herald::app {

namespace {

// Exit status for a command-line mistake, as in BSD sysexits' EX_USAGE family and getopt tools.
constexpr int usageErrorExitCode = 2;

void writeTo(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

CommandLine::CommandLine(const QString &description)
    : m_helpOption({QStringLiteral("h"), QStringLiteral("help")},
                   QStringLiteral("Show this help and exit."))
    , m_versionOption({QStringLiteral("v"), QStringLiteral("version")},
                      QStringLiteral("Show the version and exit."))
    , m_configOption(QStringLiteral("config"),
                     QStringLiteral("Read settings from this INI file (default: $HERALD_CONFIG, "
                                    "else none). Precedence: command line > HERALD_* "
                                    "environment > INI file > default."),
                     QStringLiteral("FILE"))
    , m_checkConfigOption(QStringLiteral("check-config"),
                          QStringLiteral("Check the settings (file, environment, command line), "
                                         "print the effective ones and exit: 0 if good, 2 if not."))
{
    // Own --help/--version options rather than addHelpOption()/addVersionOption(): those
    // bring Qt's process()-and-exit() path, and main() wants to choose the exit itself.
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOption(m_helpOption);
    m_parser.addOption(m_versionOption);
    m_parser.addOption(m_configOption);
    m_parser.addOption(m_checkConfigOption);
    for (const Setting &setting : settingTable()) {
        const QString names =
            QStringLiteral(" [INI %1; env %2]").arg(setting.key, setting.environmentName());
        m_parser.addOption(
            QCommandLineOption(setting.option, setting.help + names, setting.valueName));
    }
}

void CommandLine::addOption(const QCommandLineOption &option)
{
    m_parser.addOption(option);
}

Result<CommandLineAction> CommandLine::parse(const QStringList &arguments,
                                             const QProcessEnvironment &environment)
{
    if (!m_parser.parse(arguments))
        return fail(ErrorCode::InvalidArgument, m_parser.errorText());
    if (m_parser.isSet(m_helpOption))
        return CommandLineAction::ShowHelp;
    if (m_parser.isSet(m_versionOption))
        return CommandLineAction::ShowVersion;
    if (!m_parser.positionalArguments().isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Unexpected argument: %1")
                        .arg(m_parser.positionalArguments().constFirst()));

    if (auto resolved = resolveSettings(environment); !resolved)
        return tl::unexpected(resolved.error());
    if (m_parser.isSet(m_checkConfigOption))
        return CommandLineAction::CheckConfig;
    return CommandLineAction::Run;
}

Result<void> CommandLine::resolveSettings(const QProcessEnvironment &environment)
{
    CommonOptions options;
    QHash<QString, SettingOrigin> effective;

    // One layer: each value is checked and applied over the lower layers; two settings that
    // exclude each other may not both be given in the same layer.
    struct Given
    {
        const Setting *setting;
        QString value;
        QString origin; // what --check-config shows: "heraldd.ini:12", "HERALD_STORE", "--store"
        QString where;  // what errors show: "heraldd.ini:12: store/path"; empty: origin
    };
    const auto applyLayer = [&](const QList<Given> &layer) -> Result<void> {
        for (const Given &given : layer) {
            const Setting &setting = *given.setting;
            for (const Given &other : layer) {
                if (!setting.excludes.isEmpty() && other.setting->option == setting.excludes)
                    return fail(ErrorCode::InvalidArgument,
                                QStringLiteral("%1 and %2 exclude each other")
                                    .arg(given.where.isEmpty() ? given.origin : given.where,
                                         other.where.isEmpty() ? other.origin : other.where));
            }
            if (auto applied = setting.apply(given.value, options); !applied)
                return fail(
                    ErrorCode::InvalidArgument,
                    QStringLiteral("%1: %2").arg(given.where.isEmpty() ? given.origin : given.where,
                                                 applied.error().detail));
            effective.insert(setting.key, SettingOrigin{setting.key, given.value, given.origin});
        }
        return {};
    };

    QStringList warnings;
    m_configPath = m_parser.value(m_configOption);
    if (m_configPath.isEmpty())
        m_configPath = environment.value(QStringLiteral("HERALD_CONFIG"));
    if (!m_configPath.isEmpty()) {
        auto entries = IniFile::read(m_configPath);
        if (!entries)
            return fail(ErrorCode::InvalidArgument, entries.error().detail);
        QList<Given> layer;
        QStringList secrets;
        for (const IniEntry &entry : *entries) {
            const QString origin = QStringLiteral("%1:%2").arg(m_configPath).arg(entry.line);
            const QString where = origin + QStringLiteral(": ") + entry.key;
            const Setting *setting = findSettingByKey(entry.key);
            if (!setting)
                return fail(ErrorCode::InvalidArgument, where + QStringLiteral(": unknown key"));
            layer.append(Given{setting, entry.value, origin, where});
            if (setting->secret && !entry.value.isEmpty())
                secrets.append(entry.key);
        }
        if (auto applied = applyLayer(layer); !applied)
            return applied;
        // A token in a file any local user can read is no secret (the packaged file is
        // root:herald 0640; an operator's copy may not be).
        if (!secrets.isEmpty() && (QFile::permissions(m_configPath) & QFileDevice::ReadOther))
            warnings.append(QStringLiteral("%1 holds %2 and every local user can read it; "
                                           "chmod o-r %1")
                                .arg(m_configPath, secrets.join(QStringLiteral(", "))));
    }

    QList<Given> environmentLayer;
    for (const Setting &setting : settingTable()) {
        const QString name = setting.environmentName();
        if (environment.contains(name))
            environmentLayer.append(Given{&setting, environment.value(name), name, {}});
    }
    if (auto applied = applyLayer(environmentLayer); !applied)
        return applied;

    QList<Given> commandLineLayer;
    for (const Setting &setting : settingTable()) {
        if (m_parser.isSet(setting.option))
            commandLineLayer.append(
                Given{&setting,
                      setting.isSwitch() ? QStringLiteral("true") : m_parser.value(setting.option),
                      QStringLiteral("--") + setting.option,
                      {}});
    }
    if (auto applied = applyLayer(commandLineLayer); !applied)
        return applied;

    m_options = options;
    m_warnings = warnings;
    m_effective.clear();
    for (const Setting &setting : settingTable()) {
        SettingOrigin origin = effective.value(
            setting.key, SettingOrigin{setting.key, QString(), QStringLiteral("default")});
        if (setting.secret && !origin.value.isEmpty())
            origin.value = QStringLiteral("(set)");
        m_effective.append(origin);
    }
    return {};
}

QString CommandLine::helpText() const
{
    return m_parser.helpText();
}

QString CommandLine::versionText()
{
    return QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion() +
           u'\n';
}

bool CommandLine::asksForTextOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (std::strcmp(arg, "--") == 0)
            return false;
        for (const char *text : {"-h", "--help", "-help", "-v", "--version", "-version",
                                 "--check-config", "-check-config"}) {
            if (std::strcmp(arg, text) == 0)
                return true;
        }
    }
    return false;
}

std::optional<int> handleCommandLine(CommandLine &commandLine, const QCoreApplication &app)
{
    const auto action = commandLine.parse(app.arguments());
    if (!action) {
        writeTo(stderr, QCoreApplication::applicationName() + QStringLiteral(": ") +
                            action.error().detail + QStringLiteral("\nTry '") +
                            QCoreApplication::applicationName() +
                            QStringLiteral(" --help' for more information.\n"));
        return usageErrorExitCode;
    }
    switch (*action) {
    case CommandLineAction::ShowHelp:
        writeTo(stdout, commandLine.helpText());
        return 0;
    case CommandLineAction::ShowVersion:
        writeTo(stdout, CommandLine::versionText());
        return 0;
    case CommandLineAction::CheckConfig: {
        QString text = QCoreApplication::applicationName() + QStringLiteral(": configuration OK") +
                       (commandLine.configPath().isEmpty()
                            ? QStringLiteral(" (no INI file)\n")
                            : QStringLiteral(" (%1)\n").arg(commandLine.configPath()));
        for (const SettingOrigin &setting : commandLine.effectiveSettings())
            text +=
                QStringLiteral("%1 = %2  (%3)\n").arg(setting.key, setting.value, setting.origin);
        writeTo(stdout, text);
        return 0;
    }
    case CommandLineAction::Run:
        break;
    }
    applyLogging(commandLine.options().logRules, commandLine.options().logTarget);
    return std::nullopt;
}

} // namespace herald::app
