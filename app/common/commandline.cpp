// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "app/common/commandline.h"

#include <QCoreApplication>

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
    , m_msrpListenOption(QStringLiteral("msrp-listen"),
                         QStringLiteral("Accept MSRP connections on ADDRESS:PORT (default %1; "
                                        "IPv6 as [::1]:2855; port 0 picks a free port).")
                             .arg(CommonOptions{}.msrpListen.toString()),
                         QStringLiteral("ADDRESS:PORT"))
    , m_sipListenOption(QStringLiteral("sip-listen"),
                        QStringLiteral("Accept SIP over UDP and TCP on ADDRESS:PORT (default %1; "
                                       "port 0 picks a free port).")
                            .arg(CommonOptions{}.sipListen.toString()),
                        QStringLiteral("ADDRESS:PORT"))
    , m_storeOption(QStringLiteral("store"),
                    QStringLiteral("SQLite database where every text is stored before it is "
                                   "acknowledged (default: herald.db in the data directory)."),
                    QStringLiteral("PATH"))
    , m_noStoreOption(QStringLiteral("no-store"),
                      QStringLiteral("Run without a store: texts are acknowledged without being "
                                     "persisted (tests and demos only)."))
{
    // Own --help/--version options rather than addHelpOption()/addVersionOption(): those
    // bring Qt's process()-and-exit() path, and main() wants to choose the exit itself.
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOption(m_helpOption);
    m_parser.addOption(m_versionOption);
    m_parser.addOption(m_msrpListenOption);
    m_parser.addOption(m_sipListenOption);
    m_parser.addOption(m_storeOption);
    m_parser.addOption(m_noStoreOption);
}

void CommandLine::addOption(const QCommandLineOption &option)
{
    m_parser.addOption(option);
}

Result<CommandLineAction> CommandLine::parse(const QStringList &arguments)
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

    m_options = CommonOptions{};
    if (m_parser.isSet(m_msrpListenOption)) {
        auto listen = ListenAddress::parse(m_parser.value(m_msrpListenOption));
        if (!listen)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("--msrp-listen: ") + listen.error().detail);
        m_options.msrpListen = *listen;
    }
    if (m_parser.isSet(m_sipListenOption)) {
        auto listen = ListenAddress::parse(m_parser.value(m_sipListenOption));
        if (!listen)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("--sip-listen: ") + listen.error().detail);
        m_options.sipListen = *listen;
    }
    if (m_parser.isSet(m_storeOption) && m_parser.isSet(m_noStoreOption))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("--store and --no-store exclude each other"));
    m_options.storePath = m_parser.value(m_storeOption);
    m_options.noStore = m_parser.isSet(m_noStoreOption);
    return CommandLineAction::Run;
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
        for (const char *text : {"-h", "--help", "-help", "-v", "--version", "-version"}) {
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
    case CommandLineAction::Run:
        break;
    }
    return std::nullopt;
}

} // namespace herald::app
