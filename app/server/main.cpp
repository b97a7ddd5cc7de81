// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// heraldd: the Herald engine without a screen.

#include "app/common/commandline.h"
#include "app/common/engineoptions.h"
#include "app/common/unixsignalwatcher.h"
#include "engine/core/clock.h"
#include "engine/core/logging.h"
#include "engine/core/randomsource.h"
#include "engine/service/engine.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

// Exit status when the engine cannot start (sysexits' EX_UNAVAILABLE family: not a usage error).
constexpr int startFailureExitCode = 1;

void printLine(std::FILE *stream, const QString &line)
{
    // Flushed at once: supervisors and tests read these lines from a pipe.
    const QByteArray bytes = line.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("heraldd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HERALD_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Herald"));

    herald::app::CommandLine commandLine(
        QStringLiteral("Herald MSRP media server, headless. Stops cleanly on SIGTERM or SIGINT."));
    if (const auto exitCode = herald::app::handleCommandLine(commandLine, app))
        return *exitCode;

    // Before the engine starts, so that a signal arriving during start-up is not lost.
    herald::app::UnixSignalWatcher signalWatcher;
    if (const auto installed = signalWatcher.install(); !installed) {
        printLine(stderr,
                  QStringLiteral("heraldd: cannot watch signals: ") + installed.error().detail);
        return startFailureExitCode;
    }
    QObject::connect(&signalWatcher, &herald::app::UnixSignalWatcher::terminationRequested, &app,
                     [](int) { QCoreApplication::quit(); });
    QObject::connect(&signalWatcher, &herald::app::UnixSignalWatcher::hangupReceived, &app, [] {
        qCInfo(lcService, "SIGHUP: configuration reload is not implemented yet; ignored");
    });

    herald::SystemClock clock;
    herald::SystemRandomSource random;
    const herald::service::EngineConfig config =
        herald::app::engineConfigFrom(commandLine.options());
    herald::service::Engine engine(config, clock, random);

    if (const auto started = engine.start(); !started) {
        printLine(stderr, QStringLiteral("heraldd: ") + started.error().detail);
        return startFailureExitCode;
    }
    for (const QString &line : herald::app::listeningLines(engine))
        printLine(stdout, QStringLiteral("heraldd: ") + line);

    const int exitCode = QCoreApplication::exec();
    engine.stop();
    printLine(stdout, QStringLiteral("heraldd: stopped"));
    return exitCode;
}
