// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// herald: the operator console. The same Engine as heraldd, with a window on it.

#include "app/common/commandline.h"
#include "app/common/demo/demomode.h"
#include "app/common/engineoptions.h"
#include "app/common/unixsignalwatcher.h"
#include "engine/core/clock.h"
#include "engine/core/logging.h"
#include "engine/core/randomsource.h"
#include "engine/service/engine.h"
#include "ui/widgets/consolestyle.h"
#include "ui/widgets/mainwindow.h"

#include <QApplication>
#include <QIcon>
#include <QPixmap>
#include <QScreen>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

constexpr int startFailureExitCode = 1;
// --screenshot waits this long after show() so that the window is mapped and painted.
constexpr int screenshotDelayMs = 1000;

void identify()
{
    QCoreApplication::setApplicationName(QStringLiteral("herald"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HERALD_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Herald"));
}

QString description()
{
    return QStringLiteral("Herald operator console: incoming text calls (PSAP) and live "
                          "protocol tables (Lab).");
}

QCommandLineOption screenshotOption()
{
    return QCommandLineOption(QStringLiteral("screenshot"),
                              QStringLiteral("Debugging aid: once the window is shown, save a "
                                             "capture of the screen to PATH (PNG) and exit."),
                              QStringLiteral("PATH"));
}

void printLine(std::FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

// The whole screen (as an operator would see it) where the platform has one; the window
// alone elsewhere (offscreen).
bool saveScreenshot(QWidget &window, const QString &path)
{
    QPixmap shot;
    if (QScreen *screen = window.screen())
        shot = screen->grabWindow(0);
    if (shot.isNull())
        shot = window.grab();
    return shot.save(path, "PNG");
}

} // namespace

int main(int argc, char **argv)
{
    // --help and --version only print: answer them without connecting to a display, so
    // they work over ssh and in scripts.
    if (herald::app::CommandLine::asksForTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        identify();
        herald::app::CommandLine commandLine(description());
        commandLine.addOption(screenshotOption());
        return herald::app::handleCommandLine(commandLine, app).value_or(0);
    }

    QApplication app(argc, argv);
    identify();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/herald.svg")));

    herald::app::CommandLine commandLine(description());
    const QCommandLineOption screenshot = screenshotOption();
    commandLine.addOption(screenshot);
    if (const auto exitCode = herald::app::handleCommandLine(commandLine, app))
        return *exitCode;

    herald::ui::applyConsoleStyle(app);

    herald::app::UnixSignalWatcher signalWatcher;
    if (const auto installed = signalWatcher.install(); !installed) {
        printLine(stderr,
                  QStringLiteral("herald: cannot watch signals: ") + installed.error().detail);
        return startFailureExitCode;
    }
    QObject::connect(&signalWatcher, &herald::app::UnixSignalWatcher::terminationRequested, &app,
                     [] {
                         QApplication::closeAllWindows();
                         QCoreApplication::quit();
                     });
    QObject::connect(&signalWatcher, &herald::app::UnixSignalWatcher::hangupReceived, &app, [] {
        qCInfo(lcService, "SIGHUP: configuration reload is not implemented yet; ignored");
    });

    herald::SystemClock clock;
    herald::SystemRandomSource random;
    herald::service::EngineConfig config = herald::app::engineConfigFrom(commandLine.options());
    // --demo: a simulated ESRP and delivery server beside the engine (README "Demo").
    std::unique_ptr<herald::app::DemoMode> demo;
    if (commandLine.options().demo) {
        demo = std::make_unique<herald::app::DemoMode>(
            herald::app::DemoMode::Options{commandLine.options().demoPace}, clock, random);
        demo->adjustConfig(config, commandLine);
        QObject::connect(demo.get(), &herald::app::DemoMode::progress, &app,
                         [](const QString &line) {
                             printLine(stdout, QStringLiteral("herald: demo: ") + line);
                         });
    }
    herald::service::Engine engine(config, clock, random);

    herald::ui::MainWindow window(engine);
    // The console stays up when the engine cannot start: the operator sees why in the
    // status bar instead of a window that never appears.
    if (const auto started = engine.start(); !started) {
        printLine(stderr, QStringLiteral("herald: ") + started.error().detail);
        window.showEngineError(started.error().detail);
    } else {
        for (const QString &line : herald::app::listeningLines(engine))
            printLine(stdout, QStringLiteral("herald: ") + line);
        if (demo) {
            if (const auto running = demo->start(engine); !running) {
                printLine(stderr, QStringLiteral("herald: --demo: ") + running.error().detail);
                window.showEngineError(running.error().detail);
            }
        }
    }
    window.show();

    int exitCode = 0;
    if (commandLine.isSet(screenshot)) {
        const QString path = commandLine.value(screenshot);
        QTimer::singleShot(screenshotDelayMs, &window, [&window, &exitCode, path] {
            if (saveScreenshot(window, path)) {
                printLine(stdout, QStringLiteral("herald: screenshot saved to ") + path);
            } else {
                printLine(stderr, QStringLiteral("herald: cannot write screenshot ") + path);
                exitCode = startFailureExitCode;
            }
            QApplication::closeAllWindows();
            QCoreApplication::quit();
        });
    }

    const int loopExit = QApplication::exec();
    demo.reset(); // its calls end before the engine's
    engine.stop();
    return exitCode != 0 ? exitCode : loopExit;
}
